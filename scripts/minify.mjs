#!/usr/bin/env node
// Minifies JavaScript files in place with rolldown's minifier (oxc, from .tools/; pinned in
// tools/versions.env). Used on wasm-bindgen's JS glue, which is half as large after gzip this
// way: exported names and the wasm's import names (object keys) stay as they are.
//
//   node scripts/minify.mjs FILE...
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

const tools = new URL("../.tools/", import.meta.url);
const require = createRequire(tools);
let minify;
try {
  ({ minify } = await import(pathToFileURL(require.resolve("rolldown/experimental")).href));
} catch {
  console.error("minify: rolldown is missing from .tools/: run 'make setup'");
  process.exit(1);
}

for (const file of process.argv.slice(2)) {
  const source = readFileSync(file, "utf8");
  const result = await minify(file, source, { module: true, compress: true, mangle: true });
  if (result.errors?.length) {
    console.error(`minify: ${file}: ${result.errors.map((e) => e.message).join("; ")}`);
    process.exit(1);
  }
  writeFileSync(file, result.code);
}
