#!/usr/bin/env bash
# The size of the browser's WASM as `make run` ships it: built in the
# wasm-release profile (no erase_components, as the release build), through
# wasm-bindgen and wasm-opt -Oz, then printed raw and brotli (quality 11).
# Usage: scripts/wasm-size.sh [target-dir]   (docs/BENCHMARKS.md)
set -euo pipefail
cd "$(dirname "$0")/.."
CACHE="$HOME/.cache/soiree"
export PATH="$CACHE/bin:$CACHE/tools/node_modules/.bin:$PATH"
TARGET="${1:-${CARGO_TARGET_DIR:-target}}"
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
RUSTFLAGS= cargo build --quiet -p app --lib --target wasm32-unknown-unknown \
  --profile wasm-release --no-default-features --features hydrate --target-dir "$TARGET"
wasm-bindgen --target web --no-typescript --out-name soiree --out-dir "$OUT" \
  "$TARGET/wasm32-unknown-unknown/wasm-release/app.wasm"
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int "$OUT/soiree_bg.wasm" -o "$OUT/soiree.wasm"
raw=$(stat -c %s "$OUT/soiree.wasm")
br=$(node -e "const z=require('zlib'),b=require('fs').readFileSync(process.argv[1]);console.log(z.brotliCompressSync(b,{params:{[z.constants.BROTLI_PARAM_QUALITY]:11}}).length)" "$OUT/soiree.wasm")
echo "soiree.wasm: $raw B raw, $br B brotli ($(git rev-parse --short HEAD)$(git diff --quiet HEAD -- app || echo ', with changes'))"
