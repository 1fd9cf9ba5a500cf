#!/usr/bin/env bash
# Starts the built server for the Playwright suite: a fresh SQLite file with
# the demo data, on E2E_PORT. SOIREE_BIN and LEPTOS_SITE_ROOT come from make.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
port="${E2E_PORT:-3100}"
bin="${SOIREE_BIN:-$root/target/debug/soiree}"
state="$(mktemp -d "${TMPDIR:-/tmp}/soiree-e2e.XXXXXX")"
export DATABASE_URL="sqlite://$state/e2e.db"
export SOIREE_ADDR="127.0.0.1:$port"
export PUBLIC_URL="http://127.0.0.1:$port"
export OUTBOX_DIR="$state/outbox"
export LEPTOS_SITE_ROOT="${LEPTOS_SITE_ROOT:-$root/target/site}"
export LEPTOS_ENV=PROD
export SMTP_URL=""
export RUST_LOG="${RUST_LOG:-warn}"
"$bin" seed-demo >/dev/null
exec "$bin" serve
