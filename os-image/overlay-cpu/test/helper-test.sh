#!/bin/sh
# Exercises bakusoku-cpu-helper on a temp tree laid out like a Pi 4 (no root, no sudo needed):
#   sh os-image/overlay-cpu/test/helper-test.sh
# Prints one line per check and exits non-zero on the first failure.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
helper="$here/usr/libexec/bakusoku/bakusoku-cpu-helper"
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
export BAKUSOKU_CPU_HELPER_ROOT="$root"
boot="$root/boot/firmware"
mkdir -p "$boot" "$root/sys/devices/system/cpu/cpufreq/policy0" "$root/staging"
printf '# user file\r\ndtparam=audio=on\r\n[pi4]\r\narm_boost=1\r\n[all]\r\n' > "$boot/config.txt"
cp "$boot/config.txt" "$root/original"
printf 'ondemand\n' > "$root/sys/devices/system/cpu/cpufreq/policy0/scaling_governor"
printf 'conservative ondemand userspace powersave performance schedutil\n' \
  > "$root/sys/devices/system/cpu/cpufreq/policy0/scaling_available_governors"

ok() { echo "ok   $*"; }
fail() { echo "FAIL $*"; exit 1; }
block() { # $1 arm_freq, $2 over_voltage
  cat "$root/original"
  printf '# >>> bakusoku-cpu >>> managed\r\n# profile: pi4-x\r\n[all]\r\n[pi4]\r\narm_freq=%s\r\nover_voltage=%s\r\n[all]\r\n# <<< bakusoku-cpu <<<\r\n' "$1" "$2"
}

block 1750 2 > "$root/staging/tryboot.txt"
"$helper" write-boot tryboot.txt "$root/staging/tryboot.txt" && cmp -s "$boot/tryboot.txt" "$root/staging/tryboot.txt" \
  && ok "candidate written to tryboot.txt" || fail "candidate not written"
cmp -s "$boot/config.txt" "$root/original" && ok "config.txt untouched" || fail "config.txt changed"

block 1750 7 > "$root/staging/bad.txt"
"$helper" write-boot tryboot.txt "$root/staging/bad.txt" 2>/dev/null && fail "over_voltage=7 accepted" || ok "over_voltage above 6 refused"
{ block 1750 2; printf 'force_turbo=1\r\n'; } > "$root/staging/bad.txt"
"$helper" write-boot config.txt "$root/staging/bad.txt" 2>/dev/null && fail "line outside block accepted" \
  || ok "change outside the block refused"
sed 's/^over_voltage=2/force_turbo=1/' "$root/staging/tryboot.txt" > "$root/staging/bad.txt"
"$helper" write-boot config.txt "$root/staging/bad.txt" 2>/dev/null && fail "force_turbo in block accepted" \
  || ok "force_turbo inside the block refused"
"$helper" write-boot cmdline.txt "$root/staging/tryboot.txt" 2>/dev/null && fail "cmdline.txt accepted" || ok "other file names refused"

"$helper" write-boot config.txt "$root/staging/tryboot.txt" && cmp -s "$boot/config.txt" "$boot/tryboot.txt" \
  && ok "commit written to config.txt" || fail "commit"
set -- "$boot/bakusoku-backups/config.txt".*
[ -e "$1" ] && cmp -s "$1" "$root/original" && ok "config.txt backed up" || fail "no backup"
"$helper" delete-boot tryboot.txt && [ ! -e "$boot/tryboot.txt" ] && ok "tryboot.txt deleted" || fail "delete"
# 25 old backups + the one above + the one the next write makes: the 7 oldest (…10 to …16) must go.
for i in $(seq 10 34); do cp "$root/original" "$boot/bakusoku-backups/config.txt.20260101T0000${i}Z"; done
"$helper" write-boot config.txt "$root/staging/tryboot.txt" >/dev/null
set -- "$boot/bakusoku-backups/config.txt".*
[ $# -eq 20 ] && [ ! -e "$boot/bakusoku-backups/config.txt.20260101T000016Z" ] \
  && [ -e "$boot/bakusoku-backups/config.txt.20260101T000017Z" ] && ok "only the newest 20 backups kept" \
  || fail "backups not pruned to 20 ($# left)"

printf 'os_prefix=b/\n' > "$boot/tryboot.txt"
cp "$boot/tryboot.txt" "$root/user-tryboot"
"$helper" write-boot tryboot.txt "$root/staging/tryboot.txt" && ok "user's tryboot.txt replaced by a candidate" || fail "replace"
"$helper" delete-boot tryboot.txt && cmp -s "$boot/tryboot.txt" "$root/user-tryboot" && ok "user's tryboot.txt put back" \
  || fail "user tryboot not restored"

"$helper" governor performance && [ "$(cat "$root/sys/devices/system/cpu/cpufreq/policy0/scaling_governor")" = performance ] \
  && ok "governor set" || fail "governor"
"$helper" governor 'x;rm' 2>/dev/null && fail "bad governor name accepted" || ok "bad governor name refused"
"$helper" governor turbo 2>/dev/null && fail "unknown governor accepted" || ok "unknown governor refused"
[ "$("$helper" reboot tryboot)" = "reboot '0 tryboot'" ] && ok "tryboot reboot command" || fail "reboot"
"$helper" check-boot && ok "boot partition writable" || fail "check-boot"
"$helper" format-disk 2>/dev/null && fail "unknown verb accepted" || ok "unknown verb refused"
