#!/usr/bin/env bash
# Release build of the browser package into pkg/, shrunk in place by wasm-opt; prints its sizes.
# Needs the tools from scripts/setup.sh (make build runs it first).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PATH"

source scripts/wasm-opt.sh
[ -x "$wasm_opt" ] || { echo "build: $wasm_opt is missing: run 'make setup'" >&2; exit 1; }

wasm-pack build --target web --release --mode no-install
# The JS glue, minified: 4 KB less gzip for a page that loads it as it is.
node scripts/minify.mjs pkg/eol_table.js

# The default stylesheet ships in the package too, for pages that link it themselves
# (render(..., { injectStyles: false })): the wasm's own stylesheet() text (build.rs shrinks
# src/dom/style.css), so the two cannot differ. So do the <eol-table> element and the npm README.
node --input-type=module -e '
  import { readFileSync, writeFileSync } from "node:fs";
  import { initSync, stylesheet } from "./pkg/eol_table.js";
  initSync({ module: readFileSync("pkg/eol_table_bg.wasm") });
  writeFileSync("pkg/eol-table.css", stylesheet());
'
cp js/eol-table-element.js js/eol-table-element.d.ts pkg/
cp js/README.md pkg/README.md
# package.json as npm should see it (wasm-pack writes a bare one from Cargo.toml).
node -e '
  const fs = require("fs");
  const pkg = JSON.parse(fs.readFileSync("pkg/package.json", "utf8"));
  const files = ["eol_table_bg.wasm", "eol_table_bg.wasm.d.ts", "eol_table.js", "eol_table.d.ts",
    "eol-table.css", "eol-table-element.js", "eol-table-element.d.ts", "README.md"];
  if (fs.existsSync("pkg/LICENSE")) files.push("LICENSE");
  if (fs.existsSync("pkg/snippets")) files.push("snippets/");
  const out = {
    name: "eol-table",
    type: "module",
    version: pkg.version,
    description: "Software lifecycle (end-of-life) support tables from endoflife.date product " +
      "files, rendered in any page by WebAssembly: a render() function and an <eol-table> element",
    license: "MIT",
    repository: pkg.repository ?? { type: "git", url: "https://github.com/eol-table/eol-table" },
    keywords: pkg.keywords ?? ["endoflife", "wasm", "lifecycle", "support", "table"],
    files,
    main: "eol_table.js",
    module: "eol_table.js",
    types: "eol_table.d.ts",
    exports: {
      ".": { types: "./eol_table.d.ts", default: "./eol_table.js" },
      "./element": { types: "./eol-table-element.d.ts", default: "./eol-table-element.js" },
      "./eol-table.css": "./eol-table.css",
      "./eol_table_bg.wasm": "./eol_table_bg.wasm",
      "./package.json": "./package.json",
    },
    // importing the element module registers <eol-table>; the main module has no side effects
    sideEffects: ["./eol-table-element.js", ...(fs.existsSync("pkg/snippets") ? ["./snippets/*"] : [])],
  };
  fs.writeFileSync("pkg/package.json", JSON.stringify(out, null, 2) + "\n");
'

# Shrunk as scripts/wasm-opt.sh says; the strip flags drop custom sections that browsers do not
# use.
wasm=pkg/eol_table_bg.wasm
shrink "$wasm" "$wasm.opt" --strip-debug --strip-producers --strip-target-features
mv "$wasm.opt" "$wasm"

echo
printf '%-24s %10s %10s\n' file bytes gzip-9
for f in "$wasm" pkg/eol_table.js; do
  printf '%-24s %10d %10d\n' "$f" "$(wc -c <"$f")" "$(gzip -9 -c "$f" | wc -c)"
done
