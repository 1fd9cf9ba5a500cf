#!/usr/bin/env bash
# Lighthouse (npm `lighthouse`, mobile: its default simulated phone and
# slow 4G) on the release server with Debian's Chromium: the home page, the
# guest's event page, an item page, the cart and the sign-in page, each run
# RUNS times (3 by default); prints the lowest score of each category and
# the longest time to interactive and first contentful paint, and how many
# requests held up the first paint (Lighthouse's render-blocking insight).
# Usage: scripts/bench-lighthouse.sh [sqlite|postgres] [path/to/soiree]
# LIGHTHOUSE_REPORTS=dir keeps each run's JSON report there.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
engine="${1:-sqlite}"
bin="${2:-${CARGO_TARGET_DIR:-$root/target}/release/soiree}"
runs="${RUNS:-3}"
port=3197
LIGHTHOUSE_VERSION=13.5.0
tools="${SOIREE_TOOLS_DIR:-$HOME/.cache/soiree/tools}"
chrome="${CHROME_PATH:-/usr/bin/chromium}"
[ -x "$chrome" ] || { echo "Chromium is missing: scripts/install-tools.sh test installs it" >&2; exit 1; }
if ! "$tools/node_modules/.bin/lighthouse" --version 2>/dev/null | grep -qx "$LIGHTHOUSE_VERSION"; then
  echo "==> installing lighthouse $LIGHTHOUSE_VERSION from npm" >&2
  mkdir -p "$tools"
  (cd "$tools" && npm install --no-audit --no-fund --silent "lighthouse@$LIGHTHOUSE_VERSION" >/dev/null)
fi
# shellcheck source=lib/bench-party.sh
source "$root/scripts/lib/bench-party.sh"
bench_start
bench_party 12
item="${bench_items%%,*}"
# The cart page with one item in it, as the guest left it.
token="${link##*/i/}"
guest_jar="$state/guest"
curl -sf -c "$guest_jar" -b "$guest_jar" -o /dev/null "$link"
curl -sf -c "$guest_jar" -b "$guest_jar" -H "Origin: $base" -o /dev/null \
  --data-urlencode "token=$token" --data-urlencode "slug=" --data-urlencode "item_id=$item" --data-urlencode "quantity=1" \
  "$base/api/add_to_cart"

pages=(
  "home|$base/"
  "guest's event page|$link"
  "item page|$link/items/$item"
  "cart|$link/cart"
  "sign-in page|$base/login"
)
printf '%-20s %11s %13s %14s %4s %9s %9s %8s\n' page performance accessibility best-practices SEO "TTI (ms)" "FCP (ms)" blocking
for entry in "${pages[@]}"; do
  name="${entry%%|*}" url="${entry#*|}"
  for run in $(seq 1 "$runs"); do
    "$tools/node_modules/.bin/lighthouse" "$url" --quiet --output=json --output-path="$state/lh-$run.json" \
      --only-categories=performance,accessibility,best-practices,seo \
      --chrome-path="$chrome" --chrome-flags="--headless=new --no-sandbox --disable-gpu" \
      --max-wait-for-load=30000 >/dev/null 2>"$state/lh-$run.err" \
      || { echo "lighthouse failed on $url:" >&2; tail -5 "$state/lh-$run.err" >&2; exit 1; }
  done
  if [ -n "${LIGHTHOUSE_REPORTS:-}" ]; then
    mkdir -p "$LIGHTHOUSE_REPORTS"
    for run in $(seq 1 "$runs"); do cp "$state/lh-$run.json" "$LIGHTHOUSE_REPORTS/${name//[^a-z]/-}-$run.json"; done
  fi
  python3 - "$name" "$state" "$runs" <<'PY'
import json, sys
name, state, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
reports = [json.load(open(f"{state}/lh-{i}.json")) for i in range(1, runs + 1)]
def low(cat):
    return min(round(100 * (r["categories"][cat]["score"] or 0)) for r in reports)
def longest(audit):
    return max(r["audits"].get(audit, {}).get("numericValue") or 0 for r in reports)
def blocking(r):
    audit = r["audits"].get("render-blocking-insight") or r["audits"].get("render-blocking-resources") or {}
    return len((audit.get("details") or {}).get("items") or [])
tti, fcp = longest("interactive"), longest("first-contentful-paint")
block = max(blocking(r) for r in reports)
print(f"{name:<20} {low('performance'):>11} {low('accessibility'):>13} {low('best-practices'):>14} {low('seo'):>4} {tti:>9.0f} {fcp:>9.0f} {block:>8}")
# What keeps a category under 100, from the worst run.
for cat in ("performance", "accessibility", "best-practices", "seo"):
    worst = min(reports, key=lambda r: r["categories"][cat]["score"] or 0)
    if (worst["categories"][cat]["score"] or 0) < 1:
        failing = [a["id"] for a in worst["categories"][cat]["auditRefs"]
                   if a.get("weight", 0) > 0 and (worst["audits"][a["id"]].get("score") is not None)
                   and worst["audits"][a["id"]]["score"] < 0.9]
        print(f"    {cat}: {', '.join(failing[:8])}")
PY
done
