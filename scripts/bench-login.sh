#!/usr/bin/env bash
# Measures sign-in response times of the release server: a wrong password
# for a real account vs an unknown email (they must cost the same), and a
# successful sign-in. Usage: scripts/bench-login.sh [path/to/soiree]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="${1:-${CARGO_TARGET_DIR:-$root/target}/release/soiree}"
port=3199
state="$(mktemp -d)"
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$state"' EXIT
export DATABASE_URL="sqlite://$state/bench.db" SOIREE_ADDR="127.0.0.1:$port" PUBLIC_URL="http://127.0.0.1:$port" RUST_LOG=warn LEPTOS_SITE_ROOT="$root/target/site"
"$bin" seed-demo --language en >/dev/null
# One client here sends what thousands of guests would: no per-client limit.
export RATE_LIMIT_SIGN_IN=100000 RATE_LIMIT_WRITES=100000 RATE_LIMIT_API=100000
"$bin" serve & pid=$!
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done

attempt() { # email password -> seconds
  curl -s -o /dev/null -w '%{time_total}\n' -H "Origin: http://127.0.0.1:$port" \
    --data-urlencode "email=$1" --data-urlencode "password=$2" "http://127.0.0.1:$port/api/login"
}
stats() { sort -n | awk '{a[NR]=$1} END {printf "n=%d p50=%.1f ms p90=%.1f ms\n", NR, a[int(NR*0.5)+1]*1000, a[int(NR*0.9)+1]*1000}'; }

# Warm up the connection pools and the dummy hash, then interleave the two
# failure kinds so that both see the same machine. At most 4 wrong passwords
# per account: the fifth would lock it.
for _ in $(seq 1 8); do attempt "camille@atelier-lumen.example" "lumen-host-2026" >/dev/null; attempt "warmup@atelier-lumen.example" "x" >/dev/null; done
wrong="" unknown=""
i=0
for acc in admin camille hugo; do
  for _ in 1 2 3 4; do
    i=$((i + 1))
    wrong+="$(attempt "$acc@atelier-lumen.example" "wrong-password")"$'\n'
    unknown+="$(attempt "nobody$i@atelier-lumen.example" "wrong-password")"$'\n'
  done
done
wrong="${wrong%$'\n'}" unknown="${unknown%$'\n'}"
ok=$(for _ in $(seq 1 12); do attempt "camille@atelier-lumen.example" "lumen-host-2026"; done)
echo "wrong password:  $(echo "$wrong" | stats)"
echo "unknown email:   $(echo "$unknown" | stats)"
echo "successful:      $(echo "$ok" | stats)"
