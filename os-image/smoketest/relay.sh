#!/bin/bash
# Hardware smoke test of the relays on a Raspberry Pi running the appliance (see README.md for the wiring).
# For every configured relay: checks that the relays are on real GPIO (gpiod, not the mock), that the kernel
# shows the BCM line requested as an output by the appliance (gpioinfo, package gpiod), pulses the relay
# through the JSON API and checks the transition log for ON then OFF without a fault. You watch or listen:
# each relay clicks (and its LED lights) for the pulse length.
#
# Usage: relay.sh [-u http://127.0.0.1:8080] [-m 1000] [-d /var/lib/bakusoku]
#   password: $BAKUSOKU_PASSWORD, else <data>/initial-password (run as root or bakusoku to read it)
# Exit status: 0 all relays passed, 1 a relay failed, 2 the appliance could not be asked.
set -u
url=http://127.0.0.1:8080 ms=1000 data=/var/lib/bakusoku
while getopts 'u:m:d:h' opt; do
  case $opt in
    u) url=$OPTARG ;;
    m) ms=$OPTARG ;;
    d) data=$OPTARG ;;
    *) sed -n '2,11p' "$0"; exit 2 ;;
  esac
done
password=${BAKUSOKU_PASSWORD:-}
if [ -z "$password" ] && [ -r "$data/initial-password" ]; then
  password=$(cat "$data/initial-password")
fi
[ -n "$password" ] || { echo "relay.sh: set BAKUSOKU_PASSWORD (the admin password)" >&2; exit 2; }

api() { # method path -> body on stdout; exits 2 when the appliance does not answer 2xx
  local out code
  out=$(curl -s -S -m 10 -u "admin:$password" -X "$1" -w '\n%{http_code}' "$url/api/v1$2") || exit 2
  code=${out##*$'\n'}
  [ "${code:0:1}" = 2 ] || { echo "relay.sh: $1 $2 answered HTTP $code: ${out%$'\n'*}" >&2; exit 2; }
  printf '%s' "${out%$'\n'*}"
}
json() { # python expression on the JSON document j read from stdin
  python3 -c "import json,sys; j=json.load(sys.stdin); print($1)"
}

gpio=$(api GET /relays/status | json 'j["gpio"]')
echo "GPIO: $gpio"
case $gpio in
  gpiod:*) ;;
  *) echo "FAIL: relays are not on real GPIO lines (expected 'gpiod: ...'); see the appliance log" >&2; exit 1 ;;
esac
chip=$(printf '%s' "$gpio" | sed -n 's/^gpiod: \(gpiochip[0-9]*\) .*/\1/p')
api GET /relays/status | json '"\n".join("PROBLEM: %s: %s" % (p["name"], p["message"]) for p in j["problems"])'

failed=0
relays=$(api GET /relays | json '"\n".join("%s %d %s" % (r["id"], r["bcm_pin"], r["active_low"]) for r in j)')
[ -n "$relays" ] || { echo "FAIL: no relay is configured" >&2; exit 1; }
while read -r id pin active_low; do
  echo "relay $id, BCM $pin (header pin on the pinout), active-low $active_low"
  if command -v gpioinfo >/dev/null 2>&1 && [ -n "$chip" ]; then
    line=$(gpioinfo "$chip" | grep -E "^[[:space:]]*line[[:space:]]+$pin:")
    echo "  kernel: $line"
    # libgpiod 1.6 prints '"relay-alarm" output', 2.x 'output consumer="relay-alarm"': test each word.
    case $line in *relay-"$id"*) ;; *) line= ;; esac
    case $line in
      *output*) ;;
      *) echo "  FAIL: $chip line $pin is not an output requested as relay-$id" >&2; failed=1 ;;
    esac
  fi
  since=$(date +%s%3N)
  api POST "/relays/$id/pulse?ms=$ms" >/dev/null
  echo "  pulsing for $ms ms: the relay should click on, then off"
  sleep "$(( (ms + 999) / 1000 + 1 ))"
  verdict=$(api GET '/relays/events?limit=50' | json "' '.join(('FAULT:' + e['reason']) if e['error'] else ('ON' if e['on'] else 'OFF') for e in reversed(j) if e['id'] == '$id' and e['at_ms'] >= $since - 50)")
  echo "  log: ${verdict:-nothing}"
  case $verdict in
    *FAULT*) echo "  FAIL: fault while pulsing $id" >&2; failed=1 ;;
    "ON OFF"*|*" ON OFF"*) echo "  PASS" ;;
    *) echo "  FAIL: expected ON then OFF in the transition log" >&2; failed=1 ;;
  esac
done <<< "$relays"
exit $failed
