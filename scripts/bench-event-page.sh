#!/usr/bin/env bash
# Measures the guest's event page (personal link) with 40 featured items on
# the release server: requests per second and latency percentiles under 64
# concurrent connections, with wrk running as a second process on loopback.
# Usage: scripts/bench-event-page.sh [sqlite|postgres] [path/to/soiree]
# Needs wrk (Debian package `wrk`); DURATION (default 20s) sets the run.
# The server keeps the guest's rendered page (server/src/kept_pages.rs);
# KEPT_PAGES_MB=0 makes it render every view, to measure the render.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
engine="${1:-sqlite}"
bin="${2:-${CARGO_TARGET_DIR:-$root/target}/release/soiree}"
duration="${DURATION:-20s}"
port=3195 items=40
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
# shellcheck source=lib/bench-party.sh
source "$root/scripts/lib/bench-party.sh"
bench_start
bench_party "$items"
cards=$(curl -sf "$link" | grep -o 'data-testid="item-card"' | wc -l)
[ "$cards" -eq "$items" ] || { echo "the page shows $cards items, expected $items" >&2; exit 1; }
bytes=$(curl -sf "$link" | wc -c)
# What the measured views are: served as kept (x-cache: hit, once the
# first views' visit is written) or rendered each time.
served="rendered each time"
for _ in 1 2 3 4 5 6 7 8 9 10; do
  if curl -sf -D - -o /dev/null "$link" | tr -d '\r' | grep -qi '^x-cache: hit$'; then
    served="served as kept"; break
  fi
  sleep 0.2
done

out=$(wrk -t2 -c64 -d"$duration" --latency "$link")
rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
errors=$(awk '/Non-2xx|Socket errors/ {print}' <<<"$out")
printf '%s: event page with %s items (%s bytes of HTML, %s): %s requests/s, p50 %s, p99 %s, 64 connections, %s%s\n' \
  "$engine" "$items" "$bytes" "$served" "$rps" "$p50" "$p99" "$duration" "${errors:+; $errors}"

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
