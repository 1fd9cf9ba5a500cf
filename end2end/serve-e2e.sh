#!/usr/bin/env bash
# Starts the built server for the Playwright suite: a fresh SQLite file with
# the demo data, on E2E_PORT, sending mail to a MailDev on E2E_SMTP_PORT
# (its API on E2E_MAILDEV_PORT), with card payments going to a localstripe
# on E2E_STRIPE_PORT. SOIREE_BIN, LEPTOS_SITE_ROOT and LOCALSTRIPE_PYTHON
# come from make.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
port="${E2E_PORT:-3100}"
smtp_port="${E2E_SMTP_PORT:-3125}"
maildev_port="${E2E_MAILDEV_PORT:-3180}"
bin="${SOIREE_BIN:-$root/target/debug/soiree}"
maildev="${MAILDEV_BIN:-$HOME/.cache/soiree/tools/node_modules/.bin/maildev}"
stripe_port="${E2E_STRIPE_PORT:-3190}"
localstripe="${LOCALSTRIPE_PYTHON:-$HOME/.cache/soiree/localstripe/bin/python}"
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
export STRIPE_API_BASE="http://127.0.0.1:$stripe_port"
export STRIPE_JS_URL="http://127.0.0.1:$stripe_port/js.stripe.com/v3/"
export WEBHOOKS_ALLOW_LOOPBACK=true
# The whole suite comes from one address, 127.0.0.1: no per-client limit.
export RATE_LIMIT_SIGN_IN=100000 RATE_LIMIT_WRITES=100000 RATE_LIMIT_API=100000

"$maildev" --smtp "$smtp_port" --web "$maildev_port" --ip 127.0.0.1 --silent &
maildev_pid=$!
"$localstripe" "$root/scripts/run_localstripe.py" "$stripe_port" &
stripe_pid=$!
# The card tests need it: wait (10 s at most) until it listens.
for _ in $(seq 1 50); do
  (exec 3<>"/dev/tcp/127.0.0.1/$stripe_port") 2>/dev/null && break
  sleep 0.2
done
# The suite reads English: the demo is loaded in English (`make run` loads
# it in French), with French translations. languages.spec.ts schedules its
# French party with the party's own language.
"$bin" seed-demo --language en >/dev/null
"$bin" serve &
server_pid=$!
trap 'kill "$server_pid" "$maildev_pid" "$stripe_pid" 2>/dev/null; wait; rm -rf "$state"' EXIT INT TERM
wait "$server_pid"
