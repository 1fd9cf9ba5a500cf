#!/usr/bin/env bash
# What the browser downloads to run a page's islands, from a built site
# (`make build-release`: the WASM in the wasm-release profile through
# wasm-opt, split by `#[island(lazy)]`, precompressed). A guest's page loads
# the main module only (an unpaid card order's page adds the card field);
# a host's or brand's page adds the files of its lazy
# islands (the split manifest lists each one's chunks).
# Sizes are of the brotli files the server sends (quality 11 where the site
# has no .br file). Usage: scripts/wasm-size.sh [site-dir]  (docs/BENCHMARKS.md)
set -euo pipefail
cd "$(dirname "$0")/.."
PKG="${1:-target/site}/pkg"
[ -d "$PKG" ] || { echo "no built site at $PKG: run make build-release first" >&2; exit 1; }
python3 - "$PKG" <<'PY'
import glob, json, os, sys, zlib, subprocess
pkg = sys.argv[1]

def br(path):
    if os.path.exists(path + ".br"):
        return os.path.getsize(path + ".br")
    out = subprocess.run(["node", "-e",
        "const z=require('zlib'),b=require('fs').readFileSync(process.argv[1]);"
        "console.log(z.brotliCompressSync(b,{params:{[z.constants.BROTLI_PARAM_QUALITY]:11}}).length)", path],
        capture_output=True, text=True, check=True)
    return int(out.stdout)

def one(pattern):
    # The newest: an earlier build's files stay beside the current ones.
    found = [p for p in glob.glob(os.path.join(pkg, pattern)) if not p.endswith((".br", ".gz"))]
    return max(found, key=os.path.getmtime) if found else None

main = [p for p in (one("soiree.*.wasm") or one("soiree.wasm"), one("soiree.*.js") or one("soiree.js"),
                    one("__wasm_split.*.js")) if p]
base = sum(br(p) for p in main)
manifest_path = one("__wasm_split_manifest*.json")
manifest = json.load(open(manifest_path)) if manifest_path else {}
def files_of(island):
    return {os.path.join(pkg, f + ".wasm") for f in manifest[island]}
def island(prefix):
    return next(k for k in manifest if k.startswith(prefix + "_loader_"))

pages = [
    ("guest's pages (/i/, /s/, cart, /o/)", []),
    ("an unpaid card order's page (/o/)", ["card_field"]),
    ("host's party page", ["featured_list", "reward_panel_live"]),
    ("presentation", ["deck"]),
    ("host's credit", ["redeem_order"]),
    ("brand's item editor", ["item_save_form"]),
    ("brand's exports", ["export_link"]),
    ("brand's API keys", ["copy_button"]),
]
print(f"{'page':40} {'brotli bytes':>12}")
for name, islands in pages:
    extra = set()
    for i in islands:
        extra |= files_of(island(i))
    print(f"{name:40} {base + sum(br(p) for p in extra):>12,}")
every = set()
for k in manifest:
    every |= files_of(k)
print(f"{'all of it':40} {base + sum(br(p) for p in every):>12,}")
PY
