#!/usr/bin/env bash
# Counts the instructions the release server spends on the guest's event
# page (personal link, 40 featured items) and on the same bytes served as a
# static file, with valgrind's callgrind. Unlike a timed run the count does
# not move with what else the machine is doing, so it shows a change of a
# few percent; the ratio of the two counts is what the page costs against
# a file. Prints the figures and the 25 functions with the most inclusive
# instructions (the page's requests only).
# Usage: scripts/count-event-page.sh [sqlite|postgres] [path/to/soiree]
# Needs valgrind; REQUESTS (default 200) sets how many of each are counted.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
engine="${1:-sqlite}"
bin="${2:-${CARGO_TARGET_DIR:-$root/target}/release/soiree}"
requests="${REQUESTS:-200}"
port=3196 items=40
command -v callgrind_control >/dev/null || { echo "valgrind is missing: apt-get install valgrind" >&2; exit 1; }
# shellcheck source=lib/bench-party.sh
source "$root/scripts/lib/bench-party.sh"
out="$state/callgrind.out"
bench_wrap="valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file=$out"
bench_start_tries=600
bench_start
bench_party "$items"
mkdir -p "$MEDIA_DIR"
curl -sf "$link" -o "$MEDIA_DIR/bench-page.html"
bytes=$(wc -c <"$MEDIA_DIR/bench-page.html")
static="$base/media/bench-page.html"

# Counts the instructions of $requests GETs of $1 (after 20 not counted, so
# that caches and pools are warm); prints the total.
count() {
  local url="$1" i
  for i in $(seq 1 20); do curl -sf "$url" -o /dev/null; done
  callgrind_control -z "$pid" >/dev/null 2>&1
  callgrind_control -i on "$pid" >/dev/null 2>&1
  for i in $(seq 1 "$requests"); do curl -sf "$url" -o /dev/null; done
  callgrind_control -i off "$pid" >/dev/null 2>&1
  rm -f "$out".*
  callgrind_control -d "$pid" >/dev/null 2>&1
  sleep 1
  local file
  file=$(ls "$out".* | tail -1)
  cp "$file" "$state/$2.out"
  awk '/^totals:/ {print $2; exit}' "$file"
}
page=$(count "$link" page)
file=$(count "$static" static)
printf '%s: event page with %s items (%s bytes): %s instructions a request; the same bytes as a static file: %s; the page costs %s times the file (%s %%)\n' \
  "$engine" "$items" "$bytes" "$((page / requests))" "$((file / requests))" \
  "$(awk -v a="$page" -v b="$file" 'BEGIN { printf "%.2f", a / b }')" \
  "$(awk -v a="$page" -v b="$file" 'BEGIN { printf "%.0f", 100 * b / a }')"
# KEEP=dir keeps both profiles for callgrind_annotate or kcachegrind.
[ -n "${KEEP:-}" ] && mkdir -p "$KEEP" && cp "$state/page.out" "$state/static.out" "$KEEP/" && cp "$state"/bench.db* "$KEEP/" 2>/dev/null || true
callgrind_annotate --inclusive=yes "$state/page.out" 2>/dev/null | sed -n '/^Ir/,$p' | head -30
