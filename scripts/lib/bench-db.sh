# Shared by the benchmark scripts (sourced, not run): a state folder and a
# fresh database for the engine, removed on exit with the server (`pid`)
# and any helper processes listed in `bench_pids`, and the server's
# settings. Set before sourcing: root, engine, port.
# shellcheck shell=bash

state="$(mktemp -d)"
pg_db=""
bench_cleanup() {
  # shellcheck disable=SC2086
  kill -9 "${pid:-}" ${bench_pids:-} 2>/dev/null || true
  wait 2>/dev/null || true
  [ -n "$pg_db" ] && psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $pg_db WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$state"
}
trap bench_cleanup EXIT
if [ "$engine" = postgres ]; then
  pg_db="soiree_bench_$$"
  psql -q -h 127.0.0.1 -U postgres -c "CREATE DATABASE $pg_db" >/dev/null
  export DATABASE_URL="postgres://postgres@127.0.0.1:5432/$pg_db"
else
  export DATABASE_URL="sqlite://$state/bench.db"
fi
export SOIREE_ADDR="127.0.0.1:$port" PUBLIC_URL="http://127.0.0.1:$port" RUST_LOG="${bench_log:-warn}"
export SMTP_URL="" OUTBOX_DIR="$state/outbox" OUTBOX_POLL_MS=200 SECRET_KEY="bench-secret-key-that-is-long-enough-0000"
export MEDIA_DIR="$state/media" LEPTOS_SITE_ROOT="$root/target/site" LEPTOS_ENV=PROD
