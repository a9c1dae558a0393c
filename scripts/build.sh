#!/usr/bin/env bash
# Release build of the browser package into pkg/, shrunk in place by wasm-opt; prints its sizes.
# Needs the tools from scripts/setup.sh (make build runs it first).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PATH"

wasm_opt=.tools/node_modules/.bin/wasm-opt
[ -x "$wasm_opt" ] || { echo "build: $wasm_opt is missing: run 'make setup'" >&2; exit 1; }

wasm-pack build --target web --release --mode no-install

# The default stylesheet ships in the package too, for pages that link it themselves
# (render(..., { injectStyles: false })).
cp src/dom/style.css pkg/eol-table.css
node -e '
  const fs = require("fs");
  const pkg = JSON.parse(fs.readFileSync("pkg/package.json", "utf8"));
  pkg.files = [...new Set([...(pkg.files || []), "eol-table.css"])];
  fs.writeFileSync("pkg/package.json", JSON.stringify(pkg, null, 2) + "\n");
'

# The WebAssembly features current rustc emits for wasm32-unknown-unknown by default
# (without them wasm-opt rejects e.g. memory.copy); the strip flags drop custom sections
# that browsers do not use.
features=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
          --enable-mutable-globals --enable-reference-types --enable-multivalue)
wasm=pkg/eol_table_bg.wasm
"$wasm_opt" "${features[@]}" -Oz --strip-debug --strip-producers --strip-target-features \
  "$wasm" -o "$wasm.opt"
mv "$wasm.opt" "$wasm"

echo
printf '%-24s %10s %10s\n' file bytes gzip-9
for f in "$wasm" pkg/eol_table.js; do
  printf '%-24s %10d %10d\n' "$f" "$(wc -c <"$f")" "$(gzip -9 -c "$f" | wc -c)"
done
