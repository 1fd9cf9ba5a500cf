#!/usr/bin/env bash
# Measures invitations at scale on the release server: the time of the one
# request that queues invitations to 500 guests, and the time the outbox
# worker takes to deliver them to a local SMTP server (MailDev).
# Usage: scripts/bench-invitations.sh [sqlite|postgres] [path/to/soiree]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
engine="${1:-sqlite}"
bin="${2:-${CARGO_TARGET_DIR:-$root/target}/release/soiree}"
maildev="${MAILDEV_BIN:-$HOME/.cache/soiree/tools/node_modules/.bin/maildev}"
port=3198 smtp=3197 web=3196 guests=500
state="$(mktemp -d)"
pg_db=""
cleanup() {
  kill "${pid:-}" "${mpid:-}" 2>/dev/null || true
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
export SMTP_URL="smtp://127.0.0.1:$smtp" OUTBOX_POLL_MS=200 SECRET_KEY="bench-secret-key-that-is-long-enough-0000"
export LEPTOS_SITE_ROOT="$root/target/site"
"$maildev" --smtp "$smtp" --web "$web" --ip 127.0.0.1 --silent & mpid=$!
"$bin" seed-demo --language en >/dev/null
"$bin" serve & pid=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && curl -sf "http://127.0.0.1:$web/email" >/dev/null && break; sleep 0.2; done

jar="$state/cookies"
api() { curl -sf -b "$jar" -c "$jar" -H "Origin: http://127.0.0.1:$port" "$@"; }
api -o /dev/null --data-urlencode "email=camille@atelier-lumen.example" --data-urlencode "password=lumen-host-2026" "http://127.0.0.1:$port/api/login"
day="$(date -u -d '+10 days' +%Y-%m-%d)"
event=$(api --data-urlencode "form[title]=Benchmark party" --data-urlencode "form[description]=" \
  --data-urlencode "form[starts_at]=${day}T19:00" --data-urlencode "form[ends_at]=${day}T22:00" \
  --data-urlencode "form[time_zone]=Europe/Paris" --data-urlencode "form[kind]=in_person" \
  --data-urlencode "form[address]=1 rue du Test" --data-urlencode "form[video_url]=" \
  --data-urlencode "form[capacity]=500" --data-urlencode "form[orders_close_at]=" \
  "http://127.0.0.1:$port/api/create_event")
list="$(for i in $(seq 1 $guests); do echo "Guest $i <guest$i@bench.example>"; done)"
api -o /dev/null --data-urlencode "event_id=$event" --data-urlencode "text=$list" "http://127.0.0.1:$port/api/add_guests"

start=$(date +%s.%N)
queued=$(api --data-urlencode "event_id=$event" "http://127.0.0.1:$port/api/send_invitations")
queued_at=$(date +%s.%N)
while :; do
  n=$(curl -sf "http://127.0.0.1:$web/email" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
  [ "$n" -ge "$guests" ] && break
  if [ "$(echo "$(date +%s.%N) - $start > 300" | bc)" = 1 ]; then echo "timed out with $n of $guests delivered" >&2; exit 1; fi
  sleep 0.2
done
done_at=$(date +%s.%N)
printf '%s: queued %s invitations in one request: %.0f ms; delivered %s to MailDev in %.1f s (%.0f mails/s)\n' \
  "$engine" "$queued" "$(echo "($queued_at - $start) * 1000" | bc)" "$n" "$(echo "$done_at - $queued_at" | bc)" \
  "$(echo "$n / ($done_at - $queued_at)" | bc -l)"
