#!/usr/bin/env bash
# Counts the SQL statements the release server runs for one request of each
# guest page (the invitation, an item through it, the cart, the share page,
# an item through it, an order's tracking page), on a party of 40 items
# whose guest has answered, marked a favourite and ordered. Each page is
# fetched twice and the second request is counted (the first may queue
# the guest's visit, written off the request path at most once an hour).
# Also prints whether the page's HTML is the same from one request to the
# next (the CSP nonce aside) and how often the log says a server function
# ran without the request's context.
# Usage: [VERBOSE=1] scripts/bench-statements.sh [sqlite|postgres] [path/to/soiree]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
engine="${1:-sqlite}"
bin="${2:-${CARGO_TARGET_DIR:-$root/target}/release/soiree}"
port=3198 items=40
bench_log="warn,sqlx::query=debug"
# shellcheck source=lib/bench-party.sh
source "$root/scripts/lib/bench-party.sh"
bench_start
bench_party "$items"
token="${link##*/i/}"
event="$bench_event"
item=$(api "$base/api/featured?event_id=$event" | python3 -c "import json, sys; print(json.load(sys.stdin)['items'][0]['id'])")
api -o /dev/null --data-urlencode "id=$event" --data-urlencode "enabled=true" "$base/api/set_sharing"
slug=$(api "$base/api/event?id=$event" | python3 -c "import json, sys; print(json.load(sys.stdin)['share']['url'].rsplit('/', 1)[1])")
# The guest answers, marks the item and orders it, as their phone would.
guest() { curl -sf -H "Origin: $base" "$@"; }
guest -o /dev/null --data-urlencode "token=$token" --data-urlencode "rsvp=yes" --data-urlencode "companions=0" "$base/api/answer_invitation"
guest -o /dev/null --data-urlencode "token=$token" --data-urlencode "item_id=$item" --data-urlencode "on=true" "$base/api/set_favourite"
gjar="$state/guest-cookies"
guest -b "$gjar" -c "$gjar" -o /dev/null --data-urlencode "token=$token" --data-urlencode "slug=" \
  --data-urlencode "item_id=$item" --data-urlencode "quantity=1" "$base/api/add_to_cart"
code=$(guest -b "$gjar" -c "$gjar" --data-urlencode "token=$token" --data-urlencode "slug=" \
  --data-urlencode "form[name]=Guest" --data-urlencode "form[email]=guest@bench.example" \
  --data-urlencode "form[delivery]=host" --data-urlencode "form[address]=" \
  --data-urlencode "form[idempotency_key]=bench-statements-$$" --data-urlencode "form[payment]=" \
  "$base/api/place_order" | python3 -c "import json, sys; print(json.load(sys.stdin))")
sleep 1

log="$state/server.log"
# A page without its CSP nonce, which is new on every request by design.
without_nonce() {
  local nonce
  nonce=$(grep -o 'nonce="[^"]*"' "$1" | head -1 | cut -d'"' -f2)
  if [ -n "$nonce" ]; then sed "s/$nonce/NONCE/g" "$1"; else cat "$1"; fi
}
printf '%-22s %10s %7s %10s\n' "$engine page" statements writes "same HTML"
for page in "/i/$token" "/i/$token/items/$item" "/i/$token/cart" "/s/$slug" "/s/$slug/items/$item" "/o/$code"; do
  curl -sf -o "$state/a.html" "$base$page"
  sleep 0.3
  before=$(wc -l <"$log")
  curl -sf -o "$state/b.html" "$base$page"
  sleep 0.3
  # The mail and webhook workers' claims (every OUTBOX_POLL_MS) are not
  # the request's.
  lines=$(tail -n +"$((before + 1))" "$log" | sed 's/\x1b\[[0-9;]*m//g' | grep 'sqlx::query' | grep -v 'SET locked_until' || true)
  n=$(grep -c . <<<"$lines" || true)
  w=$(grep -ciE 'summary="(update|insert|delete)' <<<"$lines" || true)
  same=no
  if cmp -s <(without_nonce "$state/a.html") <(without_nonce "$state/b.html"); then same=yes; fi
  name="${page//$token/TOKEN}"; name="${name//$slug/SLUG}"; name="${name//$code/CODE}"; name="${name//\/$item/\/ITEM}"
  printf '%-22s %10s %7s %10s\n' "$name" "$n" "$w" "$same"
  # VERBOSE=1 lists the statements, and how the two pages differ.
  if [ -n "${VERBOSE:-}" ]; then
    sed -E 's/.*summary="([^"]*)".*/    \1/' <<<"$lines" | cut -c1-100
    diff <(without_nonce "$state/a.html" | sed 's/></>\n</g') <(without_nonce "$state/b.html" | sed 's/></>\n</g') | head -20 || true
  fi
done
printf 'request-context errors in the log: %s\n' "$(grep -c 'was not provided to the request context' "$log" || true)"
