#!/usr/bin/env bash
# Live pages on the release server: 1,000 open streams of one party's
# figures (guests' phones), the server's memory with them open, and how
# long an order takes to show on all of them.
# Usage: [SOIREE_BIN=path/to/soiree] scripts/bench-live.sh [sqlite|postgres] [connections]
# (the tool is server/examples/bench_live.rs, built with
#  RUSTFLAGS= cargo build --release -p server --example bench_live)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
engine="${1:-sqlite}" connections="${2:-1000}"
target="${CARGO_TARGET_DIR:-$root/target}"
bin="${SOIREE_BIN:-$target/release/soiree}" tool="$target/release/examples/bench_live"
port=3199
# A thousand streams need a thousand sockets on each side.
ulimit -n "$(ulimit -Hn)"
# shellcheck source=lib/bench-party.sh
source "$root/scripts/lib/bench-party.sh"
bench_start
bench_party 3
token="${link##*/i/}"
item="${bench_items%%,*}"
"$tool" --base "$base" --token "$token" --item "$item" --pid "$pid" --connections "$connections" | sed "s/^/$engine: /"
