// The npm package as a user gets it: `npm pack` of pkg/, installed into a fresh folder, used
// from Node by its name (initSync + parseProduct), and its types checked by TypeScript.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { packedApp, run, toolBin } from "./pack.mjs";

let packed;
before(async () => {
  packed = await packedApp("node");
});
after(() => packed?.remove());

const installed = (file) => path.join(packed.app, "node_modules", "eol-table", file);

describe("the packed npm package", () => {
  test("holds the wasm, the glue, the types, the stylesheet, the element and the docs, nothing else", () => {
    assert.deepEqual(packed.files, [
      "LICENSE",
      "README.md",
      "eol-table-element.d.ts",
      "eol-table-element.js",
      "eol-table.css",
      "eol_table.d.ts",
      "eol_table.js",
      "eol_table_bg.wasm",
      "eol_table_bg.wasm.d.ts",
      "package.json",
    ]);
  });

  test("package.json names its entry points, licence and side effects", async () => {
    const pkg = JSON.parse(await readFile(installed("package.json"), "utf8"));
    assert.equal(pkg.name, "eol-table");
    assert.equal(pkg.license, "MIT");
    assert.equal(pkg.type, "module");
    assert.equal(pkg.types, "eol_table.d.ts");
    assert.deepEqual(pkg.exports["."], { types: "./eol_table.d.ts", default: "./eol_table.js" });
    assert.deepEqual(pkg.exports["./element"], { types: "./eol-table-element.d.ts", default: "./eol-table-element.js" });
    assert.equal(pkg.exports["./eol-table.css"], "./eol-table.css");
    assert.deepEqual(pkg.sideEffects, ["./eol-table-element.js"]);
    assert.ok(pkg.repository?.url);
    assert.match(await readFile(installed("README.md"), "utf8"), /<eol-table/, "the package README, not the repo's");
  });

  test("Node: initSync + parseProduct through the package name", async () => {
    // a script inside the app, so "eol-table" resolves as it would for the app's own code
    const script = path.join(packed.app, "check.mjs");
    await writeFile(
      script,
      `import { readFileSync } from "node:fs";
       import { fileURLToPath } from "node:url";
       import { initSync, parseProduct, products, stylesheet } from "eol-table";
       const file = (spec) => fileURLToPath(import.meta.resolve(spec));
       initSync({ module: readFileSync(file("eol-table/eol_table_bg.wasm")) });
       const istio = parseProduct(null, { today: "2022-05-01" });
       await import("eol-table/element"); // safe to import outside a browser (SSR): defines nothing
       console.log(JSON.stringify({
         products: products(),
         label: istio.label,
         maintained: istio.releases.filter((r) => r.isMaintained).map((r) => r.name),
         cssFileIsStylesheet: readFileSync(file("eol-table/eol-table.css"), "utf8") === stylesheet(),
         element: typeof customElements,
       }));`,
    );
    const out = JSON.parse(await run(process.execPath, [script], { cwd: packed.app }));
    assert.deepEqual(out, {
      products: ["istio"],
      label: "Istio",
      maintained: ["1.13", "1.12"],
      cssFileIsStylesheet: true,
      element: "undefined",
    });
  });

  test("TypeScript (strict) accepts a consumer of both entry points, and the types are precise", async () => {
    const tsconfig = {
      compilerOptions: {
        strict: true,
        noEmit: true,
        target: "es2022",
        module: "esnext",
        moduleResolution: "bundler",
        // esnext: wasm-bindgen's glue types use Symbol.dispose
        lib: ["esnext", "dom"],
        skipLibCheck: false,
        types: [],
      },
      files: ["check.ts"],
    };
    await writeFile(path.join(packed.app, "tsconfig.json"), JSON.stringify(tsconfig));
    await writeFile(
      path.join(packed.app, "check.ts"),
      `import init, { render, type EolTable, type TableState } from "eol-table";
       import { EolTableElement, type EolTableErrorDetail } from "eol-table/element";
       await init();
       const el: EolTableElement | null = document.querySelector("eol-table");
       const table: EolTable | null | undefined = el?.table;
       const ready: Promise<EolTable | null> | undefined = el?.ready;
       el?.addEventListener("eol-table:change", (e) => { const s: TableState = e.detail; s.visible.toFixed(); });
       el?.addEventListener("eol-table:error", (e) => { const d: EolTableErrorDetail = e.detail; d.message.trim(); });
       const made: EolTableElement = document.createElement("eol-table");
       // @ts-expect-error: the table is read-only
       made.table = null;
       render(document.body, null, { format: "api", product: "istio", injectStyles: false });
       export { table, ready };`,
    );
    await run(toolBin("tsc"), ["-p", "."], { cwd: packed.app });
    const types = await readFile(installed("eol-table-element.d.ts"), "utf8");
    assert.doesNotMatch(types.replace(/\/\/.*|\/\*[\s\S]*?\*\//g, ""), /\bany\b/, "no `any` in the element's types");
  });
});
