// parseProduct from the release package (pkg/, wasm-pack --target web), run in Node.
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { initSync, parseProduct } from "../../pkg/eol_table.js";

// ../shared beside the checkout (read-only fixtures)
const shared = new URL("../../../shared/", import.meta.url);
const TODAY = { today: "2022-05-01" };

before(() => {
  initSync({ module: readFileSync(new URL("../../pkg/eol_table_bg.wasm", import.meta.url)) });
});

/** Every path in `value` whose value is `undefined` (JSON-compatible output has none). */
function undefinedPaths(value, where = "result") {
  if (value === undefined) return [where];
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([k, v]) =>
    undefinedPaths(v, Array.isArray(value) ? `${where}[${k}]` : `${where}.${k}`),
  );
}

describe("parseProduct(null) gives the built-in Istio seed", () => {
  let product;
  const release = (name) => product.releases.find((r) => r.name === name);
  before(() => {
    product = parseProduct(null, TODAY);
  });

  test("product fields are shaped like the endoflife.date API v1 result", () => {
    assert.equal(product.name, "istio");
    assert.equal(product.label, "Istio");
    assert.equal(product.category, "service");
    assert.equal(product.labels.eol, "End of Support");
    assert.equal(product.labels.eoas, null);
  });

  test("releases keep the file's order", () => {
    assert.deepEqual(
      product.releases.map((r) => r.name),
      ["1.13", "1.12", "1.11", "1.10", "1.9", "1.8", "1.7", "1.6 and earlier"],
    );
  });

  test("a month-precision eol is kept as a month and is not over before the month ends", () => {
    assert.equal(release("1.13").isEol, false);
    assert.equal(release("1.13").eolFrom, "2022-10");
    assert.equal(release("1.13").releaseDate, "2022-02-11");
    assert.equal(release("1.12").isEol, false);
    assert.equal(release("1.12").eolFrom, "2022-06");
  });

  test("an eol whose month or day has passed is over", () => {
    assert.equal(release("1.11").isEol, true);
    assert.equal(release("1.9").isEol, true);
    assert.equal(release("1.9").eolFrom, "2021-10-08");
  });

  test("a release with no dates has null dates and unknown eol", () => {
    const r = release("1.6 and earlier");
    assert.equal(r.isEol, null);
    assert.equal(r.eolFrom, null);
    assert.equal(r.releaseDate, null);
    assert.equal(r.isMaintained, false);
  });

  test("no value anywhere is undefined", () => {
    assert.deepEqual(undefinedPaths(product), []);
  });

  test("the seed file in ../shared parses to the same product", () => {
    const text = readFileSync(new URL("seed/istio.md", shared), "utf8");
    assert.deepEqual(parseProduct(text, TODAY), product);
  });
});

test("an unclosed front matter throws an Error naming a line", () => {
  assert.throws(
    () => parseProduct("---\ntitle: x\n", {}),
    (err) => err instanceof Error && /line \d+/i.test(err.message),
  );
});

for (const set of ["2022", "current"]) {
  describe(`every fixture in ../shared/fixtures/${set} parses`, () => {
    const dir = new URL(`fixtures/${set}/`, shared);
    const files = readdirSync(dir).filter((f) => f.endsWith(".md"));
    test("the fixture folder is not empty", () => assert.ok(files.length > 0));
    for (const file of files) {
      test(file, () => {
        const product = parseProduct(readFileSync(new URL(file, dir), "utf8"), TODAY);
        assert.ok(Array.isArray(product.releases) && product.releases.length > 0);
        assert.deepEqual(undefinedPaths(product), []);
      });
    }
  });
}
