#!/usr/bin/env bash
# Measures the guest's event page (personal link) with 40 featured items on
# the release server: requests per second and latency percentiles under 64
# concurrent connections, with wrk running as a second process on loopback.
# Usage: scripts/bench-event-page.sh [sqlite|postgres] [path/to/soiree]
# Needs wrk (Debian package `wrk`); DURATION (default 20s) sets the run.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
engine="${1:-sqlite}"
bin="${2:-${CARGO_TARGET_DIR:-$root/target}/release/soiree}"
duration="${DURATION:-20s}"
port=3195 items=40
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
state="$(mktemp -d)"
pg_db=""
cleanup() {
  kill "${pid:-}" 2>/dev/null || true
  wait 2>/dev/null || true
  [ -n "$pg_db" ] && psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $pg_db WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$state"
}
trap cleanup EXIT
if [ "$engine" = postgres ]; then
  pg_db="soiree_bench_$$"
  psql -q -h 127.0.0.1 -U postgres -c "CREATE DATABASE $pg_db" >/dev/null
  export DATABASE_URL="postgres://postgres@127.0.0.1:5432/$pg_db"
else
  export DATABASE_URL="sqlite://$state/bench.db"
fi
export SOIREE_ADDR="127.0.0.1:$port" PUBLIC_URL="http://127.0.0.1:$port" RUST_LOG=warn
export SMTP_URL="" OUTBOX_DIR="$state/outbox" OUTBOX_POLL_MS=200 SECRET_KEY="bench-secret-key-that-is-long-enough-0000"
export MEDIA_DIR="$state/media" LEPTOS_SITE_ROOT="$root/target/site" LEPTOS_ENV=PROD
"$bin" seed-demo --language en >/dev/null
"$bin" serve 2>"$state/server.log" & pid=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done

base="http://127.0.0.1:$port"
jar="$state/cookies"
api() { curl -sf -b "$jar" -c "$jar" -H "Origin: $base" "$@"; }
api -o /dev/null --data-urlencode "email=camille@atelier-lumen.example" --data-urlencode "password=lumen-host-2026" "$base/api/login"
day="$(date -u -d '+10 days' +%Y-%m-%d)"
event=$(api --data-urlencode "form[title]=Benchmark party" --data-urlencode "form[description]=" \
  --data-urlencode "form[starts_at]=${day}T19:00" --data-urlencode "form[ends_at]=${day}T22:00" \
  --data-urlencode "form[time_zone]=Europe/Paris" --data-urlencode "form[kind]=in_person" \
  --data-urlencode "form[address]=1 rue du Test" --data-urlencode "form[video_url]=" \
  --data-urlencode "form[capacity]=50" --data-urlencode "form[orders_close_at]=" \
  "$base/api/create_event")
# Feature the first 40 items the catalog offers, through the host's own API.
for id in $(api "$base/api/featured?event_id=$event" | python3 -c "
import json, sys
print(' '.join(str(i) for i, _ in json.load(sys.stdin)['addable'][:$items]))"); do
  api -o /dev/null --data-urlencode "event_id=$event" --data-urlencode "item_id=$id" "$base/api/add_featured"
done
api -o /dev/null --data-urlencode "event_id=$event" --data-urlencode "text=Guest <guest@bench.example>" "$base/api/add_guests"
api -o /dev/null --data-urlencode "event_id=$event" "$base/api/send_invitations"
# The personal link, from the invitation the worker wrote to the outbox folder.
link=""
for _ in $(seq 1 50); do
  link=$(python3 - "$OUTBOX_DIR" <<'EOF'
import email, pathlib, re, sys
# The invitation is decoded as a mail client would (a French one may be base64).
for f in pathlib.Path(sys.argv[1]).glob('*.eml') if pathlib.Path(sys.argv[1]).exists() else []:
    mail = email.message_from_bytes(f.read_bytes())
    text = ' '.join((p.get_payload(decode=True) or b'').decode('utf-8', 'replace') for p in mail.walk() if not p.is_multipart())
    m = re.search(r'http://127\.0\.0\.1:\d+/i/[A-Za-z0-9_-]+', text)
    if m:
        print(m.group(0)); break
EOF
)
  [ -n "$link" ] && break
  sleep 0.2
done
[ -n "$link" ] || { echo "no invitation link found" >&2; exit 1; }
cards=$(curl -sf "$link" | grep -o 'data-testid="item-card"' | wc -l)
[ "$cards" -eq "$items" ] || { echo "the page shows $cards items, expected $items" >&2; exit 1; }
bytes=$(curl -sf "$link" | wc -c)

out=$(wrk -t2 -c64 -d"$duration" --latency "$link")
rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
errors=$(awk '/Non-2xx|Socket errors/ {print}' <<<"$out")
printf '%s: event page with %s items (%s bytes of HTML): %s requests/s, p50 %s, p99 %s, 64 connections, %s%s\n' \
  "$engine" "$items" "$bytes" "$rps" "$p50" "$p99" "$duration" "${errors:+; $errors}"

# The same bytes as a static file from the same server (the media folder),
# under the same load: what the page costs against serving a file.
mkdir -p "$MEDIA_DIR"
curl -sf "$link" -o "$MEDIA_DIR/bench-page.html"
sout=$(wrk -t2 -c64 -d"$duration" --latency "$base/media/bench-page.html")
srps=$(awk '/Requests\/sec/ {print $2}' <<<"$sout")
printf '%s: the same bytes as a static file: %s requests/s, p50 %s, p99 %s; the page reaches %s %% of it\n' \
  "$engine" "$srps" "$(awk '$1 == "50%" {print $2}' <<<"$sout")" "$(awk '$1 == "99%" {print $2}' <<<"$sout")" \
  "$(awk -v a="$rps" -v b="$srps" 'BEGIN { printf "%.0f", 100 * a / b }')"
# A small file on 8 kept-alive connections: without TCP_NODELAY each answer
# waits about 40 ms for the client's delayed ACK.
printf 'ok\n' > "$MEDIA_DIR/small.txt"
tout=$(wrk -t1 -c8 -d5s --latency "$base/media/small.txt")
printf '%s: a small static file, 8 connections: %s requests/s, p50 %s\n' \
  "$engine" "$(awk '/Requests\/sec/ {print $2}' <<<"$tout")" "$(awk '$1 == "50%" {print $2}' <<<"$tout")"
