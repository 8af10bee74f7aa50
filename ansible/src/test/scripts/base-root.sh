#!/usr/bin/env bash
# Builds (once) a minimal Debian 12 root that Ansible can reach through the chroot connection, and
# stores it as a tarball in the cache directory; later runs only unpack it.
#   base-root.sh <cache-dir> <target-dir>
# The root gets python3 and python3-apt (what Ansible itself needs on a node, as on Raspberry Pi OS)
# and a policy-rc.d that keeps package scripts from starting daemons on the build machine.
set -euo pipefail
cache=$1
target=$2
mirror=${PICU_OPS_MIRROR:-http://deb.debian.org/debian}
tarball="$cache/bookworm-amd64-minbase.tar"

if [[ ! -s "$tarball" ]]; then
  mkdir -p "$cache"
  work="$cache/build.$$"
  rm -rf "$work"
  debootstrap --variant=minbase --include=python3,python3-apt bookworm "$work" "$mirror" >"$cache/debootstrap.log" 2>&1 \
    || { tail -20 "$cache/debootstrap.log" >&2; exit 1; }
  printf '#!/bin/sh\n# test root: never start daemons on the build machine\nexit 101\n' >"$work/usr/sbin/policy-rc.d"
  chmod 0755 "$work/usr/sbin/policy-rc.d"
  cp /etc/resolv.conf "$work/etc/resolv.conf"
  chroot "$work" apt-get update -qq >>"$cache/debootstrap.log" 2>&1
  chroot "$work" apt-get clean
  tar -C "$work" -cf "$tarball.tmp" .
  mv "$tarball.tmp" "$tarball"
  rm -rf "$work"
fi

rm -rf "$target"
mkdir -p "$target"
tar -C "$target" -xf "$tarball"
cp /etc/resolv.conf "$target/etc/resolv.conf"
# Package cache shared between runs, so a warm run downloads nothing.
mkdir -p "$cache/debs-amd64"
find "$cache/debs-amd64" -name '*.deb' -exec cp -t "$target/var/cache/apt/archives/" {} + 2>/dev/null || true
