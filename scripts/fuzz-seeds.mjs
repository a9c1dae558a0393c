#!/usr/bin/env node
// Fills the fuzz seed corpora fuzz/corpus/<target>/ from the real product files
// (../shared/fixtures/**/*.md, ../shared/seed/istio.md) and the API JSON in www/data/:
//   node scripts/fuzz-seeds.mjs          (scripts/fuzz.sh runs it when a corpus is empty)
// Seed files are named `seed-*` and rewritten on every run; inputs the fuzzer found and that were
// kept (`found-*`, see scripts/fuzz.sh) are left alone. With the release build in pkg/, every
// fixture is also written as API v1 and API v0 JSON (through `parseProduct`), so the JSON readers
// start from real shapes too.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";

const root = new URL("../", import.meta.url).pathname;
const shared = join(root, "..", "shared");
const TODAY = "2026-11-28"; // a fixed day for the generated JSON
const BASE_DAY = 19113; // 2022-05-01, the `whole` target's base day (fuzz_targets/whole.rs)
const DAY_OF = (iso) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86400000);

// ---- the sources -------------------------------------------------------------------------
const sources = []; // [name, text]
for (const dir of ["2022", "current"]) {
  const folder = join(shared, "fixtures", dir);
  for (const file of readdirSync(folder).filter((f) => f.endsWith(".md")).sort()) {
    sources.push([`${dir}-${basename(file, ".md")}`, readFileSync(join(folder, file), "utf8")]);
  }
}
sources.push(["seed-istio", readFileSync(join(shared, "seed", "istio.md"), "utf8")]);
const json = []; // [name, text, format bits for `whole`: 2 = api-v1, 3 = api-v0]
for (const file of readdirSync(join(root, "www", "data")).sort()) {
  const text = readFileSync(join(root, "www", "data", file), "utf8");
  if (file.endsWith(".md") && file !== "README.md") sources.push([`www-${basename(file, ".md")}`, text]);
  if (file.endsWith(".v1.json")) json.push([`www-${basename(file, ".json")}`, text, 2]);
  if (file.endsWith(".v0.json")) json.push([`www-${basename(file, ".json")}`, text, 3]);
}

// Bare YAML: the front matter of a few files without its `---` lines.
const frontMatter = (text) => text.match(/^---\r?\n([\s\S]*?)\r?\n---/)?.[1];
for (const [name, text] of sources.slice(0, 40).filter((_, i) => i % 4 === 0)) {
  const yaml = frontMatter(text);
  if (yaml) sources.push([`${name}-bare`, yaml + "\n"]);
}

// API JSON of every fixture, from the release build (skipped without pkg/).
const pkg = join(root, "pkg", "eol_table.js");
if (existsSync(pkg)) {
  const { initSync, parseProduct } = await import(pkg);
  initSync({ module: readFileSync(join(root, "pkg", "eol_table_bg.wasm")) });
  const not = (b) => (b == null ? null : !b);
  for (const [name, text] of sources.filter(([n]) => !n.endsWith("-bare"))) {
    let product;
    try {
      product = parseProduct(text, { today: TODAY });
    } catch {
      continue;
    }
    const { warnings, ...result } = product;
    json.push([`${name}.v1`, JSON.stringify({ schema_version: "1.2.0", result }, null, 1), 2]);
    const v0 = (result.releases ?? []).map((r) => ({
      cycle: r.name,
      releaseDate: r.releaseDate,
      eol: r.eolFrom ?? r.isEol,
      latest: r.latest?.name,
      latestReleaseDate: r.latest?.date,
      lts: r.ltsFrom ?? r.isLts,
      support: r.eoasFrom ?? not(r.isEoas),
      extendedSupport: r.eoesFrom ?? not(r.isEoes),
      discontinued: r.discontinuedFrom ?? r.isDiscontinued,
      codename: r.codename,
      link: r.latest?.link,
    }));
    json.push([`${name}.v0`, JSON.stringify(v0), 3]);
  }
} else {
  console.error("fuzz-seeds: no pkg/ (make build): no generated API JSON seeds");
}

// ---- writing -----------------------------------------------------------------------------
const corpus = (target) => {
  const dir = join(root, "fuzz", "corpus", target);
  mkdirSync(dir, { recursive: true });
  for (const file of readdirSync(dir)) if (file.startsWith("seed-")) rmSync(join(dir, file));
  let count = 0;
  return {
    write(name, content) {
      writeFileSync(join(dir, `seed-${name.replace(/[^A-Za-z0-9._-]/g, "_")}`), content);
      count += 1;
    },
    done: () => console.log(`fuzz-seeds: ${count} seeds in fuzz/corpus/${target}/`),
  };
};

// parse: the texts as they are.
const parse = corpus("parse");
for (const [name, text] of sources) parse.write(name, text);
for (const [name, text] of json) parse.write(name, text);
parse.done();

// whole: 8 control bytes (fuzz_targets/whole.rs), the source, NUL, search text, NUL, version.
const releaseCycles = (text) =>
  [...text.matchAll(/^\s*-\s*releaseCycle:\s*"?([^"\n]+?)"?\s*$/gm)].map((m) => m[1]);
const whole = corpus("whole");
const control = (dayIso, formatBits, column, flags) => {
  const bytes = Buffer.alloc(8);
  bytes[0] = formatBits << 1; // bit 0 = 0: the day is BASE_DAY + bytes 1-2
  bytes.writeInt16LE(Math.max(-32768, Math.min(32767, DAY_OF(dayIso) - BASE_DAY)), 1);
  bytes[5] = column;
  bytes[6] = flags;
  return bytes;
};
const nul = Buffer.from([0]);
let i = 0;
for (const [name, text] of [...sources, ...json.map(([n, t]) => [n, t])]) {
  const format = json.find(([n]) => n === name)?.[2] ?? 0;
  const day = name.startsWith("2022-") || name === "seed-istio" ? "2022-05-01" : TODAY;
  const cycles = releaseCycles(text);
  const version = cycles.length ? `${cycles[i % cycles.length]}.1` : "1.0";
  const search = i % 3 === 0 && cycles.length ? cycles[0] : "";
  i += 1;
  const content = Buffer.concat([
    control(day, format, i % 5, i % 32),
    Buffer.from(text),
    nul,
    Buffer.from(search),
    nul,
    Buffer.from(version),
  ]);
  whole.write(name, content);
}
whole.done();

// template: each link or label template found in the files, with one release's values.
const templates = new Set();
for (const [, text] of sources) {
  for (const m of text.matchAll(/^\s*-?\s*[A-Za-z_]+:\s*(.*(?:__[A-Z_]+__|\{\{).*)$/gm)) {
    templates.add(m[1].trim().replace(/^(["'])(.*)\1$/, "$2"));
  }
}
for (const extra of [
  "{{ '__RELEASE_CYCLE__' | split: '.' | first }}",
  "{{ '__LATEST__' | split: '.' | pop | join: '.' }}",
  "{{ '__LATEST__' | slice: 0, 3 | upcase | append: '-x' | prepend: 'v' }}",
  "{{ '__RELEASE_CYCLE__' | replace_first: '.', '' | remove: '0' | remove_first: '1' }}",
  "{{ '__CODENAME__' | default: 'none' | capitalize | downcase | size }}",
  "{{ '  __LATEST__ ' | strip | lstrip | rstrip | drop_zero_patch }}",
  "{{ '__RELEASE_CYCLE__' | plus: 1 | minus: 2.5 | times: 3 }}",
  "{{ nil | default: true }}{{ false }}{{ empty | size }}{{ '__RELEASE_DATE__' | split: '-' | last }}",
  "{{- '__LATEST_RELEASE_DATE__' | split: '' | join: '/' -}}",
  "__RELEASE_CYCLE__ __CODENAME__ __RELEASE_DATE__ __LATEST__ __LATEST_RELEASE_DATE__ __CYCLE_SHORT_HAND__ __LATEST_SHORT_HAND__",
]) {
  templates.add(extra);
}
const vars = [
  ["1.12", "Focal Fossa", "2021-11-18", "1.12.9", "2022-04-20", "112", "1129"],
  ["2022", "Dallas", "2022-10", "16.0.1000.6", "2022-11-16", "", ""],
  ["10", "", "", "", "", "", ""],
];
const template = corpus("template");
[...templates].forEach((t, n) => template.write(`t${String(n).padStart(3, "0")}`, [t, ...vars[n % vars.length]].join("\0")));
template.done();

// wording: 8 bytes (i64), 8 bytes (u64), then two strings of about the same length.
const wording = corpus("wording");
const pairs = [
  ["2022-10-07", "2022-10-31"],
  ["2022-10", "2022-13"],
  ["2024-02-29", "2023-02-29"],
  ["2022-12-1", "2022-12-01T10:00:00Z"],
  ["1.9", "1.13"],
  ["Pixel 5", "Pixel 10"],
  ["9-SP2", "9-SP10"],
  ["22.04", "22.4 "],
  ["1.6 and earlier", "1.6 and Earlier"],
  ["0001-01-01", "9999-12-31"],
];
const numbers = [0n, 1n, -1n, 7n, 10n, 44n, 364n, 365n, 500n, -1000n, 1175n, 9223372036854775807n, -9223372036854775808n];
pairs.forEach(([a, b], n) => {
  const head = Buffer.alloc(16);
  head.writeBigInt64LE(numbers[n % numbers.length], 0);
  head.writeBigUInt64LE(BigInt.asUintN(64, numbers[(n + 5) % numbers.length]), 8);
  wording.write(`w${n}`, Buffer.concat([head, Buffer.from(a + b)]));
});
wording.done();

// markdown: the Markdown body of each product file (after its front matter), and a few hostile
// ones.
const markdown = corpus("markdown");
for (const [name, text] of sources.filter(([n]) => !n.endsWith("-bare"))) {
  const body = text.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n?/, "");
  if (body.trim()) markdown.write(name, body);
}
[
  "> Quote with [a link](javascript:alert(1)) and ![img](http://x/a.png)\n\n<script>alert(1)</script>",
  "[x](&#106;avascript:alert(1)) [y](javascript%3Aalert(1)) <a href=x onclick=y>z</a>",
  "| a | b |\n|---|---|\n| `c` | ~~d~~ |\n\n1. one\n2. two\n\n---\n\n# H1\n\n###### H6",
  "&AElig; &zwnj; &#x1F600; &unknown; <!-- comment --> <img src=x onerror=y>",
].forEach((text, n) => markdown.write(`hostile${n}`, text));
markdown.done();

// stack: stack descriptions as the README and the tests write them, in YAML and JSON, with
// entries that name a file (`src`: the fuzzed text itself), a built-in product, and none.
const stack = corpus("stack");
[
  "title: Platform\nproducts:\n  - product: istio\n    version: 1.12.4\n  - product: istio\n    version: 1.9.0\n    label: old mesh\n  - product: nosuch\n    version: \"1\"\n",
  "products:\n- product: thing\n  version: 1.10\n  src: thing.md\n- product: istio\n  version: v1.13.1\n",
  '{"title":"JSON stack","products":[{"product":"istio","version":"1.11"},{"product":"x_y.z-1","version":2}]}',
  "products: []\n",
  "products:\n  - &a {product: istio, version: \"1.12\"}\n  - *a\n  - *a\n",
].forEach((text, n) => stack.write(`s${n}`, text));
stack.done();
