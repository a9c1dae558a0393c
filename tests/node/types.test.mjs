// The shipped TypeScript types accept every call the READMEs show, under `strict: true`: each
// call form of each signature in their tables and text (`render(element, source?, options?)`
// becomes render(el), render(el, src), render(el, null), ...), the calls TypeScript rejected
// before optional parameters were marked optional, and the READMEs' bundled-app examples
// themselves (checkJs). What must stay an error is checked with @ts-expect-error, so types that
// grew too loose fail too. Compiled against the packed package installed in a fresh app.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { packedApp, run, toolBin } from "./pack.mjs";
import { READMES, readmeBlocks, repoRoot } from "./readme.mjs";

/** A sample value for each parameter name the READMEs' signatures use. */
const SAMPLES = {
  element: "el",
  el: "el",
  source: ["src", "null", "bytes"],
  src: "src",
  options: '{ today: "2022-05-01", format: "auto" }',
  version: '"1.12.4"',
  column: '"release"',
  direction: '"descending"',
  filter: '"maintained"',
  text: '"1.1"',
  style: '"absolute"',
  tag: '"fr"',
  locale: ['"pt-BR"', "null"],
  theme: '"dark"',
  bool: "true",
  module: "bytes",
  // keys of options objects written `{ today, product, ... }`
  today: '"2022-05-01"',
  product: '"istio"',
  format: '"api-v0"',
  name: '"nodejs"',
  title: '"Node.js"',
  maxInputBytes: "100_000",
  injectStyles: "false",
  stack: ['"products:\\n  - { product: istio, version: 1.12.4 }\\n"', "bytes", '{ products: [{ product: "istio", version: "1.12.4" }] }'],
  sources: ['{ guzzle: src, gone: { error: "HTTP 404" } }', "null"],
};
/** Options of the stack functions: no `format`, which a stack does not take. */
const STACK_OPTIONS = '{ today: "2022-05-01", maxInputBytes: 100_000 }';
/** Options a badge needs: its version. */
const BADGE_OPTIONS = '{ version: "1.12.4", today: "2022-05-01", style: "flat-square" }';

const glue = readFileSync(path.join(repoRoot, "pkg", "eol_table.d.ts"), "utf8");
const exported = new Set([...glue.matchAll(/^export function (\w+)/gm)].map((m) => m[1]).concat("init"));
const classBody = glue.slice(glue.indexOf("export class EolTable"), glue.indexOf("\n}", glue.indexOf("export class EolTable")));
const methods = new Set([...classBody.matchAll(/^ {4}(\w+)\(/gm)].map((m) => m[1]));

/** Splits `a, { b, c }, d` at its top-level commas. */
function args(text) {
  const parts = [];
  let depth = 0;
  let current = "";
  for (const c of text) {
    if (c === "," && depth === 0) {
      parts.push(current.trim());
      current = "";
      continue;
    }
    if ("({[".includes(c)) depth++;
    if (")}]".includes(c)) depth--;
    current += c;
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}

/**
 * The TypeScript calls one README code span stands for: `render(element, source?, options?)`
 * gives a call per number of arguments and per sample of each; a span of literal arguments
 * (`checkVersion(null, "1.12.4", {today: "2022-05-01"})`) is compiled as written.
 */
function callsOf(span, where) {
  const [, receiver, name, list] = span.match(/^(table\.)?(\w+)\((.*)\)$/s);
  const callee = methods.has(name) && !exported.has(name) ? `table.${name}` : receiver ? `table.${name}` : name;
  const params = args(list).map((arg) => {
    assert.ok(arg !== "...", `${where}: \`${span}\`: spell the parameters out`);
    const optional = arg.endsWith("?");
    const bare = arg.replace(/\?$/, "");
    let values;
    if (/^\{\s*\w+\??(\s*,\s*\w+\??)*\s*\}$/.test(bare)) {
      // `{ version, today? }`: an object of those keys
      const keys = bare.slice(1, -1).split(",").map((k) => k.trim().replace(/\?$/, ""));
      for (const key of keys) assert.ok(key in SAMPLES, `${where}: \`${span}\`: add a sample value for \`${key}\` to SAMPLES`);
      values = [`{ ${keys.map((key) => `${key}: ${[SAMPLES[key]].flat()[0]}`).join(", ")} }`];
    } else if (/^\w+( \| \w+)*$/.test(bare) && !/^(null|true|false|\d+)$/.test(bare)) {
      values = bare.split(" | ").flatMap((alt) => {
        if (alt === "null") return ["null"];
        if (name.toLowerCase().includes("badge") && alt === "options") return [BADGE_OPTIONS];
        if (name.toLowerCase().includes("stack") && alt === "options") return [STACK_OPTIONS];
        assert.ok(alt in SAMPLES, `${where}: \`${span}\`: add a sample value for the parameter \`${alt}\` to SAMPLES`);
        return [SAMPLES[alt]].flat();
      });
    } else {
      values = [bare]; // a literal argument
    }
    return { optional, values };
  });
  const required = params.findIndex((p) => p.optional);
  const calls = [];
  for (let arity = required < 0 ? params.length : required; arity <= params.length; arity++) {
    const given = params.slice(0, arity);
    const first = given.map((p) => p.values[0]);
    calls.push(`${callee}(${first.join(", ")})`);
    given.forEach((p, i) => {
      for (const value of p.values.slice(1)) calls.push(`${callee}(${first.with(i, value).join(", ")})`);
    });
  }
  return calls;
}

/** Every call form the READMEs show: [{ where, span, calls }]. */
function readmeCalls() {
  const found = [];
  for (const file of READMES) {
    const text = readFileSync(path.join(repoRoot, file), "utf8");
    for (const match of text.matchAll(/`((?:table\.)?(\w+)\((?:[^`]*)\))`/g)) {
      const [, raw, name] = match;
      if (!exported.has(name) && !methods.has(name)) continue;
      const span = raw.replaceAll("\\|", "|"); // a pipe inside a Markdown table cell
      const line = text.slice(0, match.index).split("\n").length;
      found.push({ where: `${file}:${line}`, span, calls: callsOf(span, `${file}:${line}`) });
    }
  }
  return found;
}

const BEFORE = [
  // TypeScript rejected each of these (TS2554) before the .d.ts marked optional parameters
  "render(el)",
  "render(el, src)",
  "parseProduct(null)",
  'checkVersion(src, "1.2")',
  "renderTimeline(el)",
  "toCsv()",
  'table.sort("release")',
  "table.sort(null)",
];
const STILL_ERRORS = [
  ["render needs an element", "render()"],
  ["an element, not a selector", 'render("#support")'],
  ["a badge needs its options, which hold its version", "badgeSvg(src)"],
  ["BadgeOptions.version is required", 'renderBadge(el, src, { today: "2022-05-01" })'],
  ["checkVersion needs a version", "checkVersion(src)"],
  ["checkStack needs a stack", "checkStack()"],
  ["a stack entry needs its version", 'checkStack({ products: [{ product: "istio" }] })'],
  ["renderStack needs an element and a stack", "renderStack(el)"],
  ["sort needs a column or null", "table.sort()"],
  ["not a filter", 'render(el, src, { filter: "supported" })'],
  ["not a date style", 'table.setDateStyle("short")'],
  ["options are an object", 'parseProduct(src, "2022-05-01")'],
];

describe("TypeScript (strict) accepts every call the READMEs show", () => {
  let packed;
  before(async () => {
    packed = await packedApp("types");
  });
  after(() => packed?.remove());

  test("the call forms of the READMEs, the calls rejected before, and the README bundle examples", async () => {
    const found = readmeCalls();
    const spans = new Set(found.map((f) => f.span.replace(/\(.*/s, "")));
    for (const name of ["render", "parseProduct", "checkVersion", "renderTimeline", "toCsv", "sort", "setVersion", "badgeSvg", "checkStack", "renderStack", "parseStack"]) {
      assert.ok(spans.has(name) || spans.has(`table.${name}`), `the READMEs show how to call ${name}`);
    }
    const imports = [...exported].filter((n) => n !== "init").join(", ");
    const source = [
      `import init, { ${imports}, type EolTable } from "eol-table";`,
      "declare const el: HTMLElement;",
      "declare const src: string;",
      "declare const bytes: Uint8Array;",
      "declare const url: string;",
      "declare const table: EolTable;",
      ...found.flatMap(({ where, span, calls }) => [`// ${where}: ${span}`, ...calls.map((c) => `${c};`)]),
      "// rejected before optional parameters were marked optional",
      ...BEFORE.map((c) => `${c};`),
      ...STILL_ERRORS.flatMap(([why, call]) => [`// @ts-expect-error: ${why}`, `${call};`]),
      "table.state?.version?.trim();",
      "table.element?.tagName;",
      "export {};",
      "",
    ].join("\n");
    await writeFile(path.join(packed.app, "calls.ts"), source);
    if (process.env.SHOW_CALLS) console.error(source); // SHOW_CALLS=1 node --test tests/node/types.test.mjs

    // the bundled-app examples, as JavaScript checked by TypeScript
    const bundles = readmeBlocks().filter((b) => b.kind === "bundle");
    assert.ok(bundles.length >= 3, "the READMEs' bundled-app examples");
    const files = ["calls.ts"];
    for (const block of bundles) {
      const file = `readme-${path.basename(block.file, ".md")}-${block.line}.js`;
      await writeFile(path.join(packed.app, file), block.code);
      files.push(file);
    }
    const tsconfig = {
      compilerOptions: {
        strict: true,
        noEmit: true,
        allowJs: true,
        checkJs: true,
        target: "es2022",
        module: "esnext",
        moduleResolution: "bundler",
        lib: ["esnext", "dom"], // the glue's types use Symbol.dispose
        skipLibCheck: false,
        // `import "eol-table/eol-table.css"`: the bundler's business, not a module TypeScript reads
        noUncheckedSideEffectImports: false,
        types: [],
      },
      files,
    };
    await writeFile(path.join(packed.app, "tsconfig.json"), JSON.stringify(tsconfig, null, 2));
    try {
      await run(toolBin("tsc"), ["-p", "."], { cwd: packed.app });
    } catch (err) {
      throw new Error(`${err.message}\n--- calls.ts ---\n${source.split("\n").map((l, i) => `${i + 1}: ${l}`).join("\n")}`);
    }
  });
});
