#!/usr/bin/env bash
# Installs what the build and the tests need, each tool only when it is missing or at another
# version than pinned (tools/versions.env; wasm-bindgen-cli from Cargo.lock). Safe to re-run.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PATH"
source tools/versions.env

say() { printf 'setup: %s\n' "$*"; }
sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

command -v cargo >/dev/null || { say "cargo not found (install Rust with rustup)"; exit 1; }
command -v node >/dev/null || { say "node not found (Node.js 20 or later is needed)"; exit 1; }

# Rust: the toolchain pinned in rust-toolchain.toml, with the browser target, rustfmt and clippy.
toolchain=$(sed -n 's/^channel = "\(.*\)"$/\1/p' rust-toolchain.toml)
if ! rustup toolchain list | grep -q "^$toolchain-"; then
  say "installing the Rust toolchain $toolchain (rust-toolchain.toml)"
  rustup toolchain install "$toolchain" --profile minimal --component rustfmt,clippy \
    --target wasm32-unknown-unknown
fi
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
cargo fmt --version >/dev/null 2>&1 || rustup component add rustfmt
cargo clippy --version >/dev/null 2>&1 || rustup component add clippy

# Headless Chromium and ChromeDriver, from Debian (browser tests and e2e tests).
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  say "installing chromium and chromium-driver (apt)"
  sudo_if_needed apt-get update -q
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver
fi

# wasm-bindgen-cli: exactly the wasm-bindgen version in Cargo.lock.
[ -f Cargo.lock ] || cargo generate-lockfile
wb_version=$(awk '/^\[\[package\]\]/ { p = 0 } /^name = "wasm-bindgen"$/ { p = 1 }
                  p && /^version = / { gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
[ -n "$wb_version" ] || { say "no wasm-bindgen package in Cargo.lock"; exit 1; }
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wb_version" ] ||
   ! command -v wasm-bindgen-test-runner >/dev/null; then
  say "installing wasm-bindgen-cli $wb_version (a few minutes)"
  # no --locked: its lock file names crate versions this registry mirror does not have
  cargo install wasm-bindgen-cli --version "$wb_version" --force
fi

# wasm-pack (always run with --mode no-install, so it never downloads anything itself).
if [ "$(wasm-pack --version 2>/dev/null)" != "wasm-pack $WASM_PACK_VERSION" ]; then
  say "installing wasm-pack $WASM_PACK_VERSION (a few minutes)"
  cargo install wasm-pack --version "$WASM_PACK_VERSION" --locked --force
fi

# cargo-fuzz (make fuzz) only when asked, FUZZ=1: `make test` does not need it. scripts/fuzz.sh
# installs it as well when it is missing.
if [ "${FUZZ:-0}" = 1 ]; then
  rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
  if [ "$(cargo fuzz --version 2>/dev/null)" != "cargo-fuzz $CARGO_FUZZ_VERSION" ]; then
    say "installing cargo-fuzz $CARGO_FUZZ_VERSION (a few minutes)"
    cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked --force
  fi
fi

# npm tools in .tools/: binaryen (wasm-opt), rolldown (minifies the JS glue), playwright-core
# (drives Debian's Chromium; it never downloads a browser), vite and typescript (build and
# type-check the packaging test's app), axe-core (the accessibility check of the e2e tests).
npm_version() { node -p "require('./.tools/node_modules/$1/package.json').version" 2>/dev/null || true; }
if [ "$(npm_version binaryen)" != "$BINARYEN_VERSION" ] ||
   [ "$(npm_version playwright-core)" != "$PLAYWRIGHT_CORE_VERSION" ] ||
   [ "$(npm_version vite)" != "$VITE_VERSION" ] ||
   [ "$(npm_version rolldown)" != "$ROLLDOWN_VERSION" ] ||
   [ "$(npm_version typescript)" != "$TYPESCRIPT_VERSION" ] ||
   [ "$(npm_version axe-core)" != "$AXE_CORE_VERSION" ]; then
  say "installing binaryen@$BINARYEN_VERSION playwright-core@$PLAYWRIGHT_CORE_VERSION" \
      "vite@$VITE_VERSION rolldown@$ROLLDOWN_VERSION typescript@$TYPESCRIPT_VERSION" \
      "axe-core@$AXE_CORE_VERSION into .tools/"
  mkdir -p .tools
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --prefix .tools --no-audit --no-fund \
    --save-exact "binaryen@$BINARYEN_VERSION" "playwright-core@$PLAYWRIGHT_CORE_VERSION" \
    "vite@$VITE_VERSION" "rolldown@$ROLLDOWN_VERSION" "typescript@$TYPESCRIPT_VERSION" \
    "axe-core@$AXE_CORE_VERSION"
fi

# Python venv in .tools/py with icalendar: tests/ical.rs parses the exported calendars with it.
py_icalendar() { .tools/py/bin/python3 -c 'import icalendar; print(icalendar.__version__)' 2>/dev/null || true; }
if [ "$(py_icalendar)" != "$ICALENDAR_VERSION" ]; then
  command -v python3 >/dev/null || { say "python3 not found (needed by the calendar test)"; exit 1; }
  if [ ! -x .tools/py/bin/python3 ]; then
    if ! python3 -c 'import ensurepip, venv' 2>/dev/null; then
      say "installing python3-venv (apt)"
      sudo_if_needed apt-get update -q
      sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-venv
    fi
    rm -rf .tools/py
    python3 -m venv .tools/py
  fi
  say "installing icalendar $ICALENDAR_VERSION into .tools/py"
  .tools/py/bin/python3 -m pip install -q --disable-pip-version-check "icalendar==$ICALENDAR_VERSION"
fi

say "ready in ${SECONDS}s: $(rustc --version), $(wasm-bindgen --version), $(wasm-pack --version)," \
    "binaryen $(npm_version binaryen), playwright-core $(npm_version playwright-core)," \
    "vite $(npm_version vite), rolldown $(npm_version rolldown), typescript $(npm_version typescript), axe-core $(npm_version axe-core), icalendar $(py_icalendar)," \
    "$(/usr/bin/chromium --version 2>/dev/null)"
