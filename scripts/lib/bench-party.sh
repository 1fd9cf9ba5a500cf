# Shared by the benchmark scripts (sourced, not run): a release server on
# a fresh database (bench-db.sh), the demo brand, and a party of the host
# Camille with featured items and one invited guest. Set before sourcing:
# root, engine, bin, port.
# shellcheck shell=bash

# shellcheck source=bench-db.sh
source "$root/scripts/lib/bench-db.sh"
base="http://127.0.0.1:$port"
jar="$state/cookies"

# Seeds the demo brand and starts the server, its log in $state/server.log.
bench_start() {
  "$bin" seed-demo --language en >/dev/null 2>&1
  # One client here sends what thousands of guests would: no per-client limit.
  export RATE_LIMIT_SIGN_IN=100000 RATE_LIMIT_WRITES=100000 RATE_LIMIT_API=100000
  # bench_wrap (unquoted on purpose) runs the server under a tool, such as
  # valgrind; such a start takes longer.
  # shellcheck disable=SC2086
  ${bench_wrap:-} "$bin" serve >"$state/server.log" 2>&1 & pid=$!
  for _ in $(seq 1 "${bench_start_tries:-100}"); do curl -sf "$base/healthz" >/dev/null && return 0; sleep 0.2; done
  echo "the server did not start" >&2; tail -20 "$state/server.log" >&2; exit 1
}

# A request as the signed-in user of the cookie jar, from the site's pages.
api() { curl -sf -b "$jar" -c "$jar" -H "Origin: $base" "$@"; }

# Signs Camille in and makes her party in ten days titled $1 for $2
# guests; sets `bench_event` to its id.
bench_host_event() {
  local day
  api -o /dev/null --data-urlencode "email=camille@atelier-lumen.example" --data-urlencode "password=lumen-host-2026" "$base/api/login"
  day="$(date -u -d '+10 days' +%Y-%m-%d)"
  bench_event=$(api --data-urlencode "form[title]=$1" --data-urlencode "form[description]=" \
    --data-urlencode "form[starts_at]=${day}T19:00" --data-urlencode "form[ends_at]=${day}T22:00" \
    --data-urlencode "form[time_zone]=Europe/Paris" --data-urlencode "form[kind]=in_person" \
    --data-urlencode "form[address]=1 rue du Test" --data-urlencode "form[video_url]=" \
    --data-urlencode "form[capacity]=$2" --data-urlencode "form[orders_close_at]=" \
    "$base/api/create_event")
}

# Features the catalog's first $1 items on `bench_event`, through the
# host's own API; sets `bench_items` to their ids, comma-separated.
bench_feature() {
  bench_items=$(api "$base/api/featured?event_id=$bench_event" | python3 -c "
import json, sys
print(','.join(str(i) for i, _ in json.load(sys.stdin)['addable'][:$1]))")
  for id in ${bench_items//,/ }; do
    api -o /dev/null --data-urlencode "event_id=$bench_event" --data-urlencode "item_id=$id" "$base/api/add_featured"
  done
}

# Camille's party with the catalog's first $1 items and one guest
# invited; sets `bench_event` and `link`, the guest's personal link.
bench_party() {
  bench_host_event "Benchmark party" 50
  bench_feature "$1"
  api -o /dev/null --data-urlencode "event_id=$bench_event" --data-urlencode "text=Guest <guest@bench.example>" "$base/api/add_guests"
  api -o /dev/null --data-urlencode "event_id=$bench_event" "$base/api/send_invitations"
  link=""
  for _ in $(seq 1 50); do
    link=$(bench_link_in_outbox)
    [ -n "$link" ] && break
    sleep 0.2
  done
  [ -n "$link" ] || { echo "no invitation link found" >&2; exit 1; }
}

# The personal link of the invitation the worker wrote to the outbox folder.
bench_link_in_outbox() {
  python3 - "$OUTBOX_DIR" <<'PY'
import email, pathlib, re, sys
# The invitation is decoded as a mail client would (a French one may be base64).
for f in pathlib.Path(sys.argv[1]).glob('*.eml') if pathlib.Path(sys.argv[1]).exists() else []:
    mail = email.message_from_bytes(f.read_bytes())
    text = ' '.join((p.get_payload(decode=True) or b'').decode('utf-8', 'replace') for p in mail.walk() if not p.is_multipart())
    m = re.search(r'http://127\.0\.0\.1:\d+/i/[A-Za-z0-9_-]+', text)
    if m:
        print(m.group(0)); break
PY
}
