#!/usr/bin/env bash
# Installs the build and test tools Soirée needs, only where the right version
# is missing. Everything goes to places that outlive a clone (~/.cache/soiree/bin
# and ~/.cache/soiree/tools), so a warm machine skips this in seconds; a tool
# of the right version already on PATH (say in ~/.cargo/bin) is used as it is.
# Usage: scripts/install-tools.sh [build|test|all]   (default: all)
set -euo pipefail

CARGO_LEPTOS_VERSION=0.3.10
WASM_BINDGEN_VERSION=0.2.130
BINARYEN_VERSION=132.0.0
MAILDEV_VERSION=2.2.1
LOCALSTRIPE_VERSION=1.15.10
MOTO_VERSION=5.2.5
CACHE_DIR="${SOIREE_CACHE_DIR:-$HOME/.cache/soiree}"
TOOLS_DIR="${SOIREE_TOOLS_DIR:-$CACHE_DIR/tools}"
# cargo-installed tools go to $CACHE_DIR/bin. Their build directory is
# $CACHE_DIR/cargo-install until both are in place, so an install that was
# interrupted (a CI time-out, a closed laptop) resumes where it stopped
# instead of starting its 15 minutes again.
BIN_DIR="$CACHE_DIR/bin"
INSTALL_TARGET="$CACHE_DIR/cargo-install"
export PATH="$BIN_DIR:$TOOLS_DIR/node_modules/.bin:$PATH"
what="${1:-all}"

log() { printf '==> %s\n' "$*" >&2; }

need_root_apt() {
    local pkg="$1" bin="$2"
    if command -v "$bin" >/dev/null 2>&1; then return 0; fi
    log "installing $pkg from Debian"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$pkg" >/dev/null
}

install_build_tools() {
    if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
        log "adding the wasm32-unknown-unknown target"
        rustup target add wasm32-unknown-unknown
    fi
    if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION"; then
        log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3 minutes)"
        # Without --locked: its lock file names a version the registry mirror lacks.
        cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force \
            --root "$CACHE_DIR" --target-dir "$INSTALL_TARGET"
    fi
    if ! cargo-leptos --version 2>/dev/null | grep -q " $CARGO_LEPTOS_VERSION"; then
        log "installing cargo-leptos $CARGO_LEPTOS_VERSION (about 13 minutes on 2 cores)"
        cargo install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked --features no_downloads --force \
            --root "$CACHE_DIR" --target-dir "$INSTALL_TARGET"
    fi
    # Both are in place: their build directory has served its purpose.
    rm -rf "$INSTALL_TARGET"
    mkdir -p "$TOOLS_DIR"
    if ! "$TOOLS_DIR/node_modules/.bin/wasm-opt" --version 2>/dev/null | grep -q "version ${BINARYEN_VERSION%%.*}"; then
        log "installing wasm-opt (binaryen $BINARYEN_VERSION from npm)"
        (cd "$TOOLS_DIR" && npm install --no-audit --no-fund --silent "binaryen@$BINARYEN_VERSION" >/dev/null)
    fi
}

install_test_tools() {
    need_root_apt chromium chromium
    mkdir -p "$TOOLS_DIR"
    if [ ! -x "$TOOLS_DIR/node_modules/.bin/maildev" ]; then
        log "installing MailDev $MAILDEV_VERSION (SMTP server for tests)"
        (cd "$TOOLS_DIR" && npm install --no-audit --no-fund --silent "maildev@$MAILDEV_VERSION" >/dev/null)
    fi
    # localstripe: a fake Stripe that speaks Stripe's API and signs webhooks
    # like Stripe, for the payment tests (scripts/run_localstripe.py starts it).
    local stripe_env="$CACHE_DIR/localstripe"
    if ! "$stripe_env/bin/python" -c "import importlib.metadata as m, sys; sys.exit(m.version('localstripe') != '$LOCALSTRIPE_VERSION')" 2>/dev/null; then
        log "installing localstripe $LOCALSTRIPE_VERSION (fake Stripe server for tests, from PyPI)"
        python3 -m venv "$stripe_env"
        "$stripe_env/bin/pip" install --quiet --disable-pip-version-check "localstripe==$LOCALSTRIPE_VERSION"
    fi
    # moto's server mode: a local S3 for the media store tests
    # (MEDIA_S3_*; server/tests/api/helpers/s3.rs starts it).
    local moto_env="$CACHE_DIR/moto"
    if ! "$moto_env/bin/python" -c "import importlib.metadata as m, sys; sys.exit(m.version('moto') != '$MOTO_VERSION')" 2>/dev/null; then
        log "installing moto $MOTO_VERSION (local S3 server for tests, from PyPI)"
        python3 -m venv "$moto_env"
        "$moto_env/bin/pip" install --quiet --disable-pip-version-check "moto[server]==$MOTO_VERSION"
    fi
    if [ ! -d end2end/node_modules/@playwright/test ]; then
        log "installing the Playwright test runner (browser: Debian's Chromium)"
        (cd end2end && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --silent)
    fi
}

case "$what" in
    build) install_build_tools ;;
    test) install_build_tools; install_test_tools ;;
    all) install_build_tools; install_test_tools ;;
    *) echo "usage: $0 [build|test|all]" >&2; exit 2 ;;
esac
