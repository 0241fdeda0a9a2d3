# Helpers shared by os-image/build and os-image/test-boot (sourced, not run).
# shellcheck shell=bash

log() { printf '%s [%s] %s\n' "$(date -u +%H:%M:%S)" "${0##*/}" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

need_root() { [ "$(id -u)" -eq 0 ] || die "run as root (mmdebstrap --mode=root, mkfs, chroot)"; }

# Fails with the Debian package to install for each missing host command ("cmd:package" pairs).
need_cmds() {
  local pair missing=()
  for pair in "$@"; do
    command -v "${pair%%:*}" >/dev/null 2>&1 || missing+=("${pair#*:}")
  done
  [ ${#missing[@]} -eq 0 ] || die "missing host packages: apt-get install ${missing[*]}"
}

# Makes arm64 binaries runnable on an x86_64 host (for the chroot): binfmt_misc + qemu-user-static.
enable_arm64_emulation() {
  [ "$(uname -m)" = aarch64 ] && return 0
  if [ ! -e /proc/sys/fs/binfmt_misc/status ]; then
    mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc || die "cannot mount binfmt_misc"
  fi
  update-binfmts --enable qemu-aarch64 >/dev/null 2>&1 || true
  grep -q '^enabled' /proc/sys/fs/binfmt_misc/qemu-aarch64 2>/dev/null \
    || die "qemu-aarch64 binfmt handler is not enabled (apt-get install qemu-user-static binfmt-support)"
}

# Prints "start_sector size_sectors" of partition $2 (1-based) of disk image $1.
partition_extent() {
  sfdisk --dump "$1" | awk -v n="$2" -F'[=,]' '
    /^[^ ]+ : start=/ { if (++i == n) { gsub(/ /, ""); print $2, $4 } }'
}
