// The READMEs as a newcomer reads them: every code block is an example some test runs (this
// file runs the Node ones in an app that installed the packed package; tests/e2e/readme.test.mjs
// runs the pages and bundled apps), the shell blocks name make targets that exist, and both
// READMEs name every export, option, attribute, event and part the shipped .d.ts files declare.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { packedApp, run } from "./pack.mjs";
import { READMES, readmeBlocks, repoRoot } from "./readme.mjs";

const read = (file) => readFileSync(path.join(repoRoot, file), "utf8");
const blocks = readmeBlocks();

describe("README code blocks", () => {
  test("each is an example of a kind a test runs", () => {
    const kinds = new Set(blocks.map((b) => b.kind));
    for (const kind of ["page", "bundle", "node", "shell"]) assert.ok(kinds.has(kind), `no ${kind} example found`);
    for (const file of READMES) {
      assert.ok(blocks.some((b) => b.file === file && b.kind === "page"), `${file} shows a page`);
    }
  });

  test("shell blocks name make targets of the Makefile, and install the package from its tarball", () => {
    const targets = new Set([...read("Makefile").matchAll(/^([\w-]+):/gm)].map((m) => m[1]));
    for (const block of blocks.filter((b) => b.kind === "shell")) {
      for (const [, target] of block.code.matchAll(/\bmake\s+([\w-]+)/g)) {
        assert.ok(targets.has(target), `${block.name}: \`make ${target}\` is not a Makefile target`);
      }
      assert.doesNotMatch(block.code, /npm install eol-table\b/, `${block.name}: the package is not on the registry`);
    }
    const version = JSON.parse(read("pkg/package.json")).version;
    for (const file of READMES) {
      assert.match(read(file), new RegExp(`npm install \\./eol-table-${version.replaceAll(".", "\\.")}\\.tgz`), `${file}: how to install`);
      assert.match(read(file), /make pack/, `${file}: where the tarball comes from`);
    }
  });
});

/** Names a TypeScript declaration file declares: [...match[1]] of `pattern` within `block`. */
const names = (text, pattern) => [...text.matchAll(pattern)].map((m) => m[1]);
/** The body of `interface Name {...}` / `class Name {...}` / `type Name = ...;` in `text`. */
function declaration(text, keyword, name) {
  const start = text.search(new RegExp(`${keyword} ${name}\\b`));
  assert.ok(start >= 0, `${keyword} ${name} is declared`);
  const end = keyword === "type" ? text.indexOf(";", start) : text.indexOf("\n}", start);
  return text.slice(start, end);
}

describe("both READMEs name what the package declares", () => {
  const glue = read("pkg/eol_table.d.ts");
  const element = read("js/eol-table-element.d.ts");
  const exports = [...names(glue, /^export function (\w+)/gm), "init"]; // init: the default export
  const members = names(declaration(glue, "class", "EolTable"), /^ {4}(?:readonly )?(\w+)[(:]/gm);
  const options = [...new Set(["RenderOptions", "ParseOptions", "TimelineOptions", "BadgeOptions", "StackOptions", "StackRenderOptions"]
    .flatMap((i) => names(declaration(glue, "interface", i), /^ {4}(\w+)\??:/gm)))];
  const state = names(declaration(glue, "interface", "TableState"), /^ {4}(\w+)\??:/gm);
  const attributes = [...new Set(["EolTableAttribute", "EolBadgeAttribute", "EolStackAttribute"]
    .flatMap((t) => names(declaration(element, "type", t), /"([\w-]+)"/g)))];
  const events = names(declaration(element, "interface", "HTMLElementEventMap"), /"([\w:-]+)":/g);
  const elementMembers = names(declaration(element, "class", "EolTableElement"), /^ {2}readonly (\w+):/gm);
  const parts = [...new Set(names(read("js/eol-table-element.js"), /setAttribute\("part", "(\w+)"\)/g))];

  test("the declarations were read", () => {
    assert.ok(exports.includes("render") && exports.includes("checkVersion") && exports.length >= 15, exports.join());
    assert.ok(members.includes("sort") && members.includes("setVersion") && members.includes("state"), members.join());
    assert.ok(options.includes("maxInputBytes") && options.includes("name") && options.length >= 20, options.join());
    assert.ok(state.includes("version") && state.includes("visible"), state.join());
    assert.ok(attributes.includes("src") && attributes.includes("badge-style") && attributes.includes("title"), attributes.join());
    assert.deepEqual(events, ["eol-table:change", "eol-table:error"]);
    assert.deepEqual(elementMembers, ["table", "ready"]);
    assert.deepEqual(parts.sort(), ["badge", "container", "error", "table"]);
  });

  for (const file of READMES) {
    test(file, () => {
      const text = read(file);
      const missing = (list, shown) => list.filter((name) => !text.includes(shown(name)));
      assert.deepEqual(missing(exports, (n) => `\`${n}(`), [], "exports");
      assert.deepEqual(missing(members, (n) => `\`${n}`), [], "EolTable members");
      assert.deepEqual(missing(options, (n) => `\`${n}\``), [], "options");
      assert.deepEqual(missing(attributes, (n) => `\`${n}\``), [], "element attributes");
      assert.deepEqual(missing(events, (n) => `\`${n}\``), [], "events");
      assert.deepEqual(missing(elementMembers, (n) => `element.${n}`), [], "element members");
      assert.deepEqual(parts.filter((p) => !new RegExp(`part\\(${p}\\)|part \`${p}\``).test(text)), [], "CSS parts");
      // the state, as the README spells it: `{ sort, filter, ... }`
      const shown = text.match(/`\{ sort, filter,[^}]*\}`/)?.[0] ?? "";
      assert.deepEqual(state.filter((key) => !new RegExp(`\\b${key}\\b`).test(shown)), [], `state keys in ${shown}`);
      // what each way in needs under a Content Security Policy
      for (const need of ["'wasm-unsafe-eval'", "nonce", "hash", "injectStyles: false", "connect-src", "img-src"]) {
        assert.ok(text.includes(need), `the CSP notes name ${need}`);
      }
      assert.match(text, /dates from 2022/, "why the built-in Istio table is all ended today");
      assert.match(text, /today: "2022-05-01"/);
    });
  }
});

describe("README examples in Node", () => {
  let packed;
  before(async () => {
    packed = await packedApp("readme-node");
  });
  after(() => packed?.remove());

  /** Runs a block as a script of the app's own, as the README puts it; fetches of endoflife.date's
   * API are served from the repository's copies (offline-fetch.mjs). Resolves to its stdout. */
  async function runExample(block) {
    const script = path.join(packed.app, `readme-${path.basename(block.file, ".md")}-${block.line}.mjs`);
    await writeFile(script, block.code);
    const preload = new URL("./offline-fetch.mjs", import.meta.url).href;
    return run(process.execPath, ["--import", preload, script], { cwd: packed.app });
  }

  for (const block of blocks.filter((b) => b.kind === "node")) {
    test(`${block.name} runs in an app that installed the package`, async () => {
      const out = await runExample(block);
      assert.ok(out.trim(), "it prints something");
      assert.doesNotMatch(out, /undefined|NaN|\[object Object\]/, out);
    });
  }

  test("the main README's Node example reads isEol as the three states it has", async () => {
    const out = await runExample(blocks.find((b) => b.file === "README.md" && b.kind === "node"));
    assert.match(out, /'1\.12: supported'/);
    assert.match(out, /'1\.11: ended'/);
    assert.match(out, /'1\.6 and earlier: unknown'/, "isEol: null is not \"supported\"");
  });
});
