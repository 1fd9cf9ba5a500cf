# Soirée: `make run` and `make test` do all the set-up on a fresh machine.
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

CACHE_DIR := $(HOME)/.cache/soiree
TOOLS_DIR := $(CACHE_DIR)/tools
export PATH := $(CACHE_DIR)/bin:$(HOME)/.cargo/bin:$(TOOLS_DIR)/node_modules/.bin:$(PATH)
# Where cargo builds; CI points it outside the clone to reuse earlier builds.
TARGET := $(or $(CARGO_TARGET_DIR),$(CURDIR)/target)
# cargo-leptos writes a site under the workspace whatever the target dir:
# the release build's for `make run`, the end-to-end build's for the suite.
SITE := $(CURDIR)/target/site
E2E_SITE := $(CURDIR)/target/site-e2e
PG_URL ?= postgres://postgres@127.0.0.1:5432/postgres

# What a build reads. A build whose stamp is newer than all of them (and
# whose binary is there) is not run again: cargo-leptos would redo the
# WASM's post-processing (wasm-bindgen, and wasm-opt for release) each time.
SOURCES := $(shell find app/src app/migrations server/src style public -type f 2>/dev/null) \
  app/Cargo.toml app/build.rs server/Cargo.toml Cargo.toml Cargo.lock .cargo/config.toml
RELEASE_STAMP := $(SITE)/.built-release
E2E_STAMP := $(E2E_SITE)/.built-e2e
ifneq ($(words $(wildcard $(TARGET)/release/soiree $(TARGET)/release/hash.txt)),2)
$(RELEASE_STAMP): FORCE
endif
ifneq ($(words $(wildcard $(TARGET)/debug/soiree $(TARGET)/debug/hash.txt)),2)
$(E2E_STAMP): FORCE
endif

.PHONY: help run dev test tools tools-test lint test-rust test-e2e build-e2e build-release clean FORCE

help:
	@echo "make run    build (release), migrate, load the demo and serve on http://127.0.0.1:3000"
	@echo "make test   fmt, clippy (ssr + hydrate), Rust tests on SQLite and PostgreSQL, Playwright"
	@echo "make dev    cargo leptos watch (debug, live reload)"

tools:
	@scripts/install-tools.sh build

tools-test:
	@scripts/install-tools.sh test

# The release build: the server optimised, the WASM in the wasm-release
# profile and through wasm-opt, the host's and brand's islands split into
# files of their own that only their pages load (--split), every site file
# also brotli and gzip compressed (--precompress) for the server to send as
# they are. No --cfg erase_components here (see
# .cargo/config.toml): an empty RUSTFLAGS replaces the configured flags.
$(RELEASE_STAMP): $(SOURCES)
	RUSTFLAGS= cargo leptos build --release --split --precompress
	@touch $@

build-release: tools
	@$(MAKE) --no-print-directory $(RELEASE_STAMP)

# The end-to-end build: the debug server and a WASM built in the wasm-e2e
# profile (optimised for size, no debug info), so a cold browser loads and
# compiles it in about a second instead of the 45 MB debug WASM.
$(E2E_STAMP): $(SOURCES)
	LEPTOS_SITE_ROOT=target/site-e2e cargo leptos build --split
	@touch $@

build-e2e: tools
	@$(MAKE) --no-print-directory $(E2E_STAMP)

run: build-release
	@mkdir -p data
	@LEPTOS_SITE_ROOT=$(SITE) $(TARGET)/release/soiree seed-demo
	@echo
	@echo "Soirée: open http://127.0.0.1:3000 and sign in with a demo login above (Ctrl-C stops)."
	LEPTOS_SITE_ROOT=$(SITE) LEPTOS_ENV=PROD $(TARGET)/release/soiree serve

dev: tools
	@mkdir -p data
	LEPTOS_ENV=DEV cargo leptos watch --split

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
	TEST_POSTGRES_URL=$(PG_URL) MAILDEV_BIN=$(TOOLS_DIR)/node_modules/.bin/maildev \
	  LOCALSTRIPE_PYTHON=$(CACHE_DIR)/localstripe/bin/python MOTO_SERVER=$(CACHE_DIR)/moto/bin/moto_server \
	  cargo test --workspace

test-e2e: tools-test build-e2e
	@mkdir -p end2end/artifacts
	cd end2end && SOIREE_BIN=$(TARGET)/debug/soiree LEPTOS_SITE_ROOT=$(E2E_SITE) \
	  LOCALSTRIPE_PYTHON=$(CACHE_DIR)/localstripe/bin/python timeout 1200 npx playwright test

test: tools-test lint test-rust test-e2e
	@echo "make test: all suites passed"

clean:
	cargo clean
	rm -rf end2end/test-results end2end/playwright-report end2end/artifacts
