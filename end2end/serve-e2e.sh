#!/usr/bin/env bash
# Starts the built server for the Playwright suite: a fresh SQLite file with
# the demo data, on E2E_PORT, sending mail to a MailDev on E2E_SMTP_PORT
# (its API on E2E_MAILDEV_PORT). SOIREE_BIN and LEPTOS_SITE_ROOT come from make.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
port="${E2E_PORT:-3100}"
smtp_port="${E2E_SMTP_PORT:-3125}"
maildev_port="${E2E_MAILDEV_PORT:-3180}"
bin="${SOIREE_BIN:-$root/target/debug/soiree}"
maildev="${MAILDEV_BIN:-$HOME/.cache/soiree/tools/node_modules/.bin/maildev}"
state="$(mktemp -d "${TMPDIR:-/tmp}/soiree-e2e.XXXXXX")"
export DATABASE_URL="sqlite://$state/e2e.db"
export SOIREE_ADDR="127.0.0.1:$port"
export PUBLIC_URL="http://127.0.0.1:$port"
export OUTBOX_DIR="$state/outbox"
export MEDIA_DIR="$state/media"
export OUTBOX_POLL_MS=200
export SCHEDULE_EVERY_SECS=2
export LEPTOS_SITE_ROOT="${LEPTOS_SITE_ROOT:-$root/target/site-e2e}"
export LEPTOS_ENV=PROD
export SMTP_URL="smtp://127.0.0.1:$smtp_port"
export SECRET_KEY="e2e-secret-key-that-is-long-enough-012345"
export RUST_LOG="${RUST_LOG:-warn}"

"$maildev" --smtp "$smtp_port" --web "$maildev_port" --ip 127.0.0.1 --silent &
maildev_pid=$!
"$bin" seed-demo >/dev/null
"$bin" serve &
server_pid=$!
trap 'kill "$server_pid" "$maildev_pid" 2>/dev/null; wait; rm -rf "$state"' EXIT INT TERM
wait "$server_pid"
