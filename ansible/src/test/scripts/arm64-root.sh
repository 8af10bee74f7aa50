#!/usr/bin/env bash
# Builds (once) an arm64 Debian 12 root with Debian's openjdk-17-jre-headless:arm64 extracted into it,
# cached as a tarball; later runs only unpack it. Nothing is configured inside the root and the build
# machine's dpkg architectures are never touched: the first debootstrap stage only (--foreign), and the
# JRE fetched by an apt-get that has its own isolated state directory.
#   arm64-root.sh <cache-dir> <target-dir>
set -euo pipefail
cache=$1
target=$2
mirror=${PICU_OPS_MIRROR:-http://deb.debian.org/debian}
tarball="$cache/bookworm-arm64-jre17.tar"

if [[ ! -s "$tarball" ]]; then
  mkdir -p "$cache"
  work="$cache/build-arm64.$$"
  rm -rf "$work" "$work.apt"
  debootstrap --foreign --arch=arm64 --variant=minbase bookworm "$work" "$mirror" >"$cache/debootstrap-arm64.log" 2>&1 \
    || { tail -20 "$cache/debootstrap-arm64.log" >&2; exit 1; }
  apt="$work.apt"
  mkdir -p "$apt/etc/apt/sources.list.d" "$apt/etc/apt/preferences.d" "$apt/var/lib/apt/lists/partial" \
    "$apt/var/cache/apt/archives/partial" "$apt/var/lib/dpkg"
  : >"$apt/var/lib/dpkg/status"
  echo "deb [arch=arm64 signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror bookworm main" \
    >"$apt/etc/apt/sources.list"
  opts=(-o "Dir=$apt" -o "Dir::State::status=$apt/var/lib/dpkg/status" -o APT::Architecture=arm64
        -o APT::Architectures=arm64 -o Debug::NoLocking=1)
  apt-get "${opts[@]}" update >>"$cache/debootstrap-arm64.log" 2>&1
  (cd "$apt" && apt-get "${opts[@]}" download openjdk-17-jre-headless:arm64 >>"$cache/debootstrap-arm64.log" 2>&1)
  for deb in "$apt"/openjdk-17-jre-headless_*_arm64.deb; do dpkg-deb -x "$deb" "$work"; done
  tar -C "$work" -cf "$tarball.tmp" .
  mv "$tarball.tmp" "$tarball"
  rm -rf "$work" "$apt"
fi

rm -rf "$target"
mkdir -p "$target"
tar -C "$target" -xf "$tarball"
