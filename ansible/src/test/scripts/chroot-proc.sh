#!/bin/sh
# chroot with /proc mounted, for Ansible's community.general.chroot connection (chroot_exe) in tests.
# The JVM (openjdk's postinst, the worker agent) refuses to run without /proc. The mount is made in a
# private mount namespace of this one command, so it never appears in the build machine's mount table
# and disappears when the command ends.
#   chroot-proc.sh <root> <command> [args...]
exec unshare --mount --propagation private -- /bin/sh -c 'mount -t proc proc "$1/proc" && exec chroot "$@"' chroot-proc "$@"
