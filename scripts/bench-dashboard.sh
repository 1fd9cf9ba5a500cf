#!/usr/bin/env bash
# The brand dashboard against 200 hosts, 5,000 parties, 60,000 guests and
# 100,000 orders (`soiree seed-load`): page time and leaderboard query time,
# p50 and p99 over 50 requests.
#   scripts/bench-dashboard.sh [sqlite|postgres] [month|quarter]
# Needs the release build of the server (`cargo build --release -p server`)
# and the tool (`cargo build --release -p server --example bench_dashboard`).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
engine="${1:-sqlite}" period="${2:-quarter}"
target="${CARGO_TARGET_DIR:-$root/target}"
bin="$target/release/soiree" tool="$target/release/examples/bench_dashboard"
port=3194
# shellcheck source=lib/bench-db.sh
source "$root/scripts/lib/bench-db.sh"
"$bin" seed-load --language en
# One client here sends what thousands of guests would: no per-client limit.
export RATE_LIMIT_SIGN_IN=100000 RATE_LIMIT_WRITES=100000 RATE_LIMIT_API=100000
"$bin" serve 2>"$state/server.log" & pid=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
"$tool" --base "http://127.0.0.1:$port" --database-url "$DATABASE_URL" --period "$period"
