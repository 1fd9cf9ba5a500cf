#!/usr/bin/env bash
# Checkout throughput and the crash test, on the release server.
#   scripts/bench-checkout.sh [sqlite|postgres] load    50 clients for SECONDS (default 20)
#   STOCK=100000 sets each item's stock first (default: the demo's stock)
#   scripts/bench-checkout.sh [sqlite|postgres] crash   kill -9 the server ROUNDS times (default 20)
#                                                       during the load, restart, verify
#   scripts/bench-checkout.sh [sqlite|postgres] pay     the load with card payments against a
#                                                       localstripe on loopback (CLIENTS, default 50)
# Needs the release build (`cargo leptos build --release`) and the tool
# (`cargo build --release -p server --example bench_checkout`).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
engine="${1:-sqlite}" mode="${2:-load}"
target="${CARGO_TARGET_DIR:-$root/target}"
bin="$target/release/soiree" tool="$target/release/examples/bench_checkout"
port=3196 items=40 clients="${CLIENTS:-50}"
# shellcheck source=lib/bench-party.sh
source "$root/scripts/lib/bench-party.sh"
if [ "$mode" = pay ]; then
  stripe_port=3197
  python="${LOCALSTRIPE_PYTHON:-$HOME/.cache/soiree/localstripe/bin/python}"
  "$python" "$root/scripts/run_localstripe.py" "$stripe_port" >"$state/localstripe.log" 2>&1 &
  stripe_pid=$!
  bench_pids="$stripe_pid"
  export STRIPE_API_BASE="http://127.0.0.1:$stripe_port" STRIPE_JS_URL="http://127.0.0.1:$stripe_port/js.stripe.com/v3/"
  for _ in $(seq 1 100); do curl -s -o /dev/null "$STRIPE_API_BASE/v1/tokens" && break; sleep 0.1; done
fi
start() {
  # One client here sends what thousands of guests would: no per-client limit.
  export RATE_LIMIT_SIGN_IN=100000 RATE_LIMIT_WRITES=100000 RATE_LIMIT_API=100000
  "$bin" serve >>"$state/server.log" 2>&1 & pid=$!
  for _ in $(seq 1 150); do curl -sf "$base/healthz" >/dev/null && return 0; sleep 0.1; done
  echo "the server did not start" >&2; tail -20 "$state/server.log" >&2; exit 1
}
"$bin" seed-demo --language en >/dev/null
start

# The brand sends webhooks to a back office that is down: the rows wait.
api -o /dev/null --data-urlencode "email=admin@atelier-lumen.example" --data-urlencode "password=lumen-admin-2026" "$base/api/login"
api -o /dev/null --data-urlencode "form[shipping_flat]=5.90" --data-urlencode "form[free_shipping_from]=60" \
  --data-urlencode "form[webhook_url]=http://127.0.0.1:9/hooks" "$base/api/save_brand_settings"
if [ "$mode" = pay ]; then
  # Cards only, with the brand's Stripe keys; Stripe sends its events here.
  api -o /dev/null --data-urlencode "form[card]=on" --data-urlencode "form[transfer_days]=7" \
    --data-urlencode "form[stripe_secret_key]=sk_test_bench_key" --data-urlencode "form[stripe_publishable_key]=pk_test_bench" \
    --data-urlencode "form[stripe_webhook_secret]=whsec_bench_signing" "$base/api/save_payment_settings"
  curl -sf -o /dev/null --data-urlencode "url=$base/webhooks/stripe/atelier-lumen" --data-urlencode "secret=whsec_bench_signing" \
    "$STRIPE_API_BASE/_config/webhooks/bench"
fi
rm -f "$jar"
bench_host_event "Checkout benchmark" 50
event="$bench_event"
bench_feature "$items"
ids="$bench_items"
api -o /dev/null --data-urlencode "id=$event" --data-urlencode "enabled=true" "$base/api/set_sharing"
slug=$(api "$base/api/event?id=$event" | python3 -c "import json, sys; print(json.load(sys.stdin)['share']['url'].rsplit('/', 1)[1])")
"$tool" snapshot --database-url "$DATABASE_URL" --items "$ids" --out "$state/stock.txt" ${STOCK:+--set-stock "$STOCK"}
units=$(awk '{s += $2} END {print s}' "$state/stock.txt")
echo "$engine: $items items, $units units in stock, $clients clients"

if [ "$mode" = pay ]; then
  "$tool" load --base "$base" --slug "$slug" --items "$ids" --clients "$clients" --seconds "${SECONDS_LOAD:-20}" \
    --codes "$state/codes.txt" --pay "$STRIPE_API_BASE" --publishable pk_test_bench
  # Stripe's webhooks trail the answers: give them a few seconds.
  sleep 5
  "$tool" paid --database-url "$DATABASE_URL" --event "$event"
  exit 0
fi

if [ "$mode" = load ]; then
  "$tool" load --base "$base" --slug "$slug" --items "$ids" --clients "$clients" --seconds "${SECONDS_LOAD:-20}" --codes "$state/codes.txt"
  "$tool" verify --database-url "$DATABASE_URL" --event "$event" --codes "$state/codes.txt" --stock "$state/stock.txt"
  exit 0
fi

rounds="${ROUNDS:-20}"
for round in $(seq 1 "$rounds"); do
  "$tool" load --base "$base" --slug "$slug" --items "$ids" --clients "$clients" --seconds 10 --codes "$state/codes.txt" >"$state/load.txt" 2>&1 &
  loader=$!
  # Kill somewhere between 0.5 and 2.5 s into the load.
  sleep "$(python3 -c "import random; print(round(random.uniform(0.5, 2.5), 2))")"
  kill -9 "$pid"
  wait "$pid" 2>/dev/null || true
  wait "$loader" || true
  start
  acknowledged=$(wc -l <"$state/codes.txt")
  if ! "$tool" verify --database-url "$DATABASE_URL" --event "$event" --codes "$state/codes.txt" --stock "$state/stock.txt" >"$state/verify.txt" 2>&1; then
    cat "$state/verify.txt" >&2
    echo "round $round: LOST DATA" >&2
    exit 1
  fi
  echo "round $round: $(cat "$state/verify.txt")"
done
echo "$engine: $rounds kills during the load; every acknowledged order was found with its lines, status, mail and webhook row; stock balanced"
