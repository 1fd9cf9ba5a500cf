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
"$bin" seed-load --language en
"$bin" serve 2>"$state/server.log" & pid=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
"$tool" --base "http://127.0.0.1:$port" --database-url "$DATABASE_URL" --period "$period"
