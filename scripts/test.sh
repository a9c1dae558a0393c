#!/usr/bin/env bash
# What `make test` (and so CI) runs: every check, in order, stopping at the first failure.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PATH"

summary=()
current=""
# step NAME COMMAND...: runs one check, timed, and records it for the summary.
step() {
  current=$1
  shift
  local start=$SECONDS
  printf '\n==> %s\n' "$current"
  "$@"
  summary+=("$(printf '  ok  %4ds  %s' $((SECONDS - start)) "$current")")
}
on_exit() {
  local rc=$?
  printf '\n==> summary\n'
  [ ${#summary[@]} -gt 0 ] && printf '%s\n' "${summary[@]}"
  if [ "$rc" -ne 0 ]; then
    printf '  FAILED  %s (exit %d)\nmake test: failed after %ds\n' "$current" "$rc" "$SECONDS"
  else
    printf 'make test: all %d steps passed in %ds\n' "${#summary[@]}" "$SECONDS"
  fi
}
trap on_exit EXIT

step "setup (tools)" bash scripts/setup.sh
step "cargo fmt --check" cargo fmt --all -- --check
step "clippy, native" cargo clippy --all-targets -- -D warnings
step "clippy, native, table-only (no default features)" \
  cargo clippy --all-targets --no-default-features -- -D warnings
# browser-only code (#[cfg(target_arch = "wasm32")], tests/web.rs) is linted only here
step "clippy, wasm32" cargo clippy --all-targets --target wasm32-unknown-unknown -- -D warnings
step "clippy, wasm32, table-only (no default features)" \
  cargo clippy --lib --target wasm32-unknown-unknown --no-default-features -- -D warnings
# EOL_REQUIRE_TOOLS: tests that need a tool from .tools (tests/ical.rs) fail instead of skipping.
step "cargo test, native" env EOL_REQUIRE_TOOLS=1 cargo test
step "browser tests (wasm-pack test, headless Chromium)" \
  wasm-pack test --headless --chrome --chromedriver /usr/bin/chromedriver --mode no-install
step "release build (pkg/)" bash scripts/build.sh
# a dev build exporting __panicForTests, for tests/e2e/panic.test.mjs
step "test build with the test-panic feature" \
  wasm-pack build --target web --dev --mode no-install --out-dir target/pkg-test-panic --no-pack -- --features test-panic
step "node + e2e tests" node --test --test-reporter=spec tests/node/ tests/e2e/
