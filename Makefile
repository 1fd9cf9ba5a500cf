# Soirée: `make run` and `make test` do all the set-up on a fresh machine.
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

TOOLS_DIR := $(HOME)/.cache/soiree/tools
export PATH := $(HOME)/.cargo/bin:$(TOOLS_DIR)/node_modules/.bin:$(PATH)
# Where cargo builds; CI points it outside the clone to reuse earlier builds.
TARGET := $(or $(CARGO_TARGET_DIR),$(CURDIR)/target)
# cargo-leptos writes the site under the workspace whatever the target dir.
SITE := $(CURDIR)/target/site
PG_URL ?= postgres://postgres@127.0.0.1:5432/postgres

.PHONY: help run dev test tools tools-test lint test-rust test-e2e build-debug build-release clean

help:
	@echo "make run    build (release), migrate, load the demo and serve on http://127.0.0.1:3000"
	@echo "make test   fmt, clippy (ssr + hydrate), Rust tests on SQLite and PostgreSQL, Playwright"
	@echo "make dev    cargo leptos watch (debug, live reload)"

tools:
	@scripts/install-tools.sh build

tools-test:
	@scripts/install-tools.sh test

build-release: tools
	cargo leptos build --release

build-debug: tools
	cargo leptos build

run: build-release
	@mkdir -p data
	@LEPTOS_SITE_ROOT=$(SITE) $(TARGET)/release/soiree seed-demo
	@echo
	@echo "Soirée: open http://127.0.0.1:3000 and sign in with a demo login above (Ctrl-C stops)."
	LEPTOS_SITE_ROOT=$(SITE) LEPTOS_ENV=PROD $(TARGET)/release/soiree serve

dev: tools
	@mkdir -p data
	LEPTOS_ENV=DEV cargo leptos watch

lint: tools
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy -p app --lib --no-default-features --features hydrate --target wasm32-unknown-unknown -- -D warnings

# The integration suite runs every case on SQLite and on PostgreSQL. Without
# a PostgreSQL server the PostgreSQL cases say SKIPPED, unless CI is set.
test-rust: tools-test
	@if ! timeout 5 bash -c 'exec 3<>/dev/tcp/127.0.0.1/5432' 2>/dev/null; then \
	  if [ -n "$${CI:-}" ]; then echo "error: CI requires PostgreSQL at 127.0.0.1:5432" >&2; exit 1; fi; \
	  echo; echo "*** PostgreSQL is not reachable at 127.0.0.1:5432: its test cases will be SKIPPED ***"; echo; \
	fi
	TEST_POSTGRES_URL=$(PG_URL) MAILDEV_BIN=$(TOOLS_DIR)/node_modules/.bin/maildev cargo test --workspace

test-e2e: tools-test build-debug
	@mkdir -p end2end/artifacts
	cd end2end && SOIREE_BIN=$(TARGET)/debug/soiree LEPTOS_SITE_ROOT=$(SITE) timeout 900 npx playwright test

test: tools-test lint test-rust test-e2e
	@echo "make test: all suites passed"

clean:
	cargo clean
	rm -rf end2end/test-results end2end/playwright-report end2end/artifacts
