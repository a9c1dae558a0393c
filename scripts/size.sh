#!/usr/bin/env bash
# make size: builds the package with each feature set and prints what it weighs (raw, gzip -9,
# brotli) against the budgets, what each cargo feature costs, and the largest contributors of
# the default build. Writes target/size/size.json. Takes a few minutes (one release build per
# feature set).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PATH"
source scripts/wasm-opt.sh
[ -x "$wasm_opt" ] || { echo "size: $wasm_opt is missing: run 'make setup'" >&2; exit 1; }
# Budgets, in bytes of wasm + JS glue after gzip -9: ceilings against bloat, set to what the
# named stack (serde_yaml, serde-wasm-bindgen, pulldown-cmark...) costs, never a reason to replace
# a library.
BUDGET_DEFAULT=$((320 * 1024))
BUDGET_TABLE_ONLY=$((200 * 1024))

# The default features, from Cargo.toml's `default = [...]`.
mapfile -t defaults < <(sed -n 's/^default *= *\[\(.*\)\]/\1/p' Cargo.toml | tr -d '" ' | tr ',' '\n' | sed '/^$/d')
out=target/size
rm -rf "$out" && mkdir -p "$out"

# build NAME CARGO_FEATURE_ARGS...: a release package in target/size/NAME, shrunk as
# scripts/build.sh does; also keeps a copy with function names for the contributor listing.
build() {
  local name=$1; shift
  echo "size: building $name ($*)" >&2
  wasm-pack --quiet build --target web --release --mode no-install --out-dir "$out/$name" --no-pack -- "$@" >&2
  node scripts/minify.mjs "$out/$name/eol_table.js"
  local wasm=$out/$name/eol_table_bg.wasm
  shrink "$wasm" "$out/$name/named.wasm" -g
  shrink "$wasm" "$wasm.opt" --strip-debug --strip-producers --strip-target-features
  mv "$wasm.opt" "$wasm"
}

build default
build table-only --no-default-features
for feature in "${defaults[@]}"; do
  rest=$(printf '%s\n' "${defaults[@]}" | grep -vx "$feature" | paste -sd, -)
  build "without-$feature" --no-default-features ${rest:+--features "$rest"}
done

node - "$out" "$BUDGET_DEFAULT" "$BUDGET_TABLE_ONLY" "${defaults[@]}" <<'JS'
const { execFileSync } = require("child_process");
const fs = require("fs");
const [out, budgetDefault, budgetTable, ...defaults] = process.argv.slice(2);
const measure = (name) => {
  const [wasm, glue] = JSON.parse(execFileSync("node", ["scripts/size.mjs", "sizes",
    `${out}/${name}/eol_table_bg.wasm`, `${out}/${name}/eol_table.js`]));
  return { name, wasm, glue, gzip: wasm.gzip + glue.gzip, brotli: wasm.brotli + glue.brotli };
};
const builds = ["default", "table-only", ...defaults.map((f) => `without-${f}`)].map(measure);
const kb = (n) => (n / 1024).toFixed(1).padStart(7);
console.log(`\n${"build".padEnd(26)} ${"wasm raw".padStart(9)} ${"wasm gz".padStart(8)} ${"JS gz".padStart(7)} ${"total gz".padStart(9)} ${"total br".padStart(9)}  budget (gzip)`);
const budgets = { default: +budgetDefault, "table-only": +budgetTable };
for (const b of builds) {
  const budget = budgets[b.name];
  const verdict = budget ? `${(b.gzip <= budget ? "within" : "OVER")} ${kb(budget).trim()} KB` : "";
  console.log(`${b.name.padEnd(26)} ${kb(b.wasm.raw)}K ${kb(b.wasm.gzip)}K ${kb(b.glue.gzip)}K ${kb(b.gzip)}K  ${kb(b.brotli)}K  ${verdict}`);
}
const full = builds[0];
console.log("\nwhat each default feature costs (default build minus the build without it, gzip):");
for (const f of defaults) {
  const without = builds.find((b) => b.name === `without-${f}`);
  console.log(`  ${f.padEnd(12)} ${kb(full.gzip - without.gzip)} KB`);
}
fs.writeFileSync(`${out}/size.json`, JSON.stringify({ date: new Date().toISOString(), budgets, builds }, null, 2) + "\n");
JS
node scripts/size.mjs top "$out/default/named.wasm" 25
echo; echo "size: wrote $out/size.json"
