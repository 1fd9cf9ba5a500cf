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
# shellcheck source=lib/bench-party.sh
source "$root/scripts/lib/bench-party.sh"
export SMTP_URL="smtp://127.0.0.1:$smtp"
"$maildev" --smtp "$smtp" --web "$web" --ip 127.0.0.1 --silent & mpid=$!
bench_pids="$mpid"
"$bin" seed-demo --language en >/dev/null
# One client here sends what thousands of guests would: no per-client limit.
export RATE_LIMIT_SIGN_IN=100000 RATE_LIMIT_WRITES=100000 RATE_LIMIT_API=100000
"$bin" serve & pid=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && curl -sf "http://127.0.0.1:$web/email" >/dev/null && break; sleep 0.2; done

bench_host_event "Benchmark party" 500
event="$bench_event"
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
