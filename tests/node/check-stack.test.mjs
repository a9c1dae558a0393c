// checkStack from the release package (pkg/, wasm-pack --target web), run in Node: no DOM, no
// fetch; sources are given as text (or as { error }), built-in products fill the rest.
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { checkStack, initSync, parseStack } from "../../pkg/eol_table.js";

before(() => {
  initSync({ module: readFileSync(new URL("../../pkg/eol_table_bg.wasm", import.meta.url)) });
});

const DONE_WHEN = `products:
  - product: istio
    version: 1.12.4
  - product: istio
    version: 1.9.0
  - product: nosuch
    version: "1"
`;
const THING = "title: Thing\nreleases:\n  - releaseCycle: \"2\"\n    eol: 2023-01-01\n    latest: \"2.1\"\n";

describe("checkStack", () => {
  test("with no sources: the ended entry first, then the one ending soon, then the unknown product with a reason", () => {
    const report = checkStack(DONE_WHEN, null, { today: "2022-05-01" });
    assert.deepEqual(
      report.results.map((r) => [r.id, r.version, r.status, r.daysLeft]),
      [
        ["istio", "1.9.0", "ended", -205],
        ["istio", "1.12.4", "soon", 60],
        ["nosuch", "1", "unknown", null],
      ],
    );
    const [ended, soon, unknown] = report.results;
    assert.equal(ended.title, "Istio");
    assert.equal(soon.cycle, "1.12");
    assert.equal(soon.message, "1.12.4 is supported until 30 Jun 2022 \u2014 ends in 2 months; upgrade to 1.13");
    assert.equal(unknown.problem, "unknownProduct");
    assert.match(unknown.reason, /^there is no product `nosuch`/);
    assert.deepEqual(report.summary, {
      total: 3, ok: 0, soon: 1, ended: 1, unknown: 1, withinDays: 60,
      message: "3 products: 1 past end of life, 1 ending within 60 days, 1 unknown",
    });
  });

  test("each result is the checkVersion result plus id, title and the entry's label", () => {
    const report = checkStack({ title: "Ours", products: [{ product: "istio", version: "1.13.1", label: "mesh" }] }, null, { today: "2022-05-01" });
    assert.equal(report.title, "Ours");
    const [result] = report.results;
    for (const key of ["product", "version", "found", "cycle", "status", "isEol", "eolFrom", "isMaintained", "daysLeft", "latest", "isLatest", "upgrade", "upgradeLts", "nearest", "message", "short"]) {
      assert.ok(key in result, key);
    }
    assert.equal(result.entryLabel, "mesh");
    assert.equal(result.status, "ok");
    assert.equal(report.summary.message, "1 product: supported");
  });

  test("sources by product id or entry src; a failed load and a bad file are rows that say why", () => {
    const stack = `products:
  - { product: thing, version: "2.1", src: ./thing.md }
  - { product: gone, version: "1" }
  - { product: broken, version: "1" }
  - { product: istio, version: "7.0" }
`;
    const sources = {
      "./thing.md": THING,
      gone: { error: "could not load https://example.org/gone: HTTP 404 Not Found" },
      broken: new TextEncoder().encode("releases: 5\n"),
    };
    const report = checkStack(stack, sources, { today: "2022-05-01" });
    const by = Object.fromEntries(report.results.map((r) => [r.id, r]));
    assert.equal(by.thing.status, "ok");
    assert.equal(by.thing.isLatest, true);
    assert.equal(by.gone.problem, "loadFailed");
    assert.equal(by.gone.reason, "could not load https://example.org/gone: HTTP 404 Not Found");
    assert.equal(by.broken.problem, "badFile");
    assert.match(by.broken.reason, /^the broken file could not be read: line 1, column 11: /);
    assert.equal(by.istio.problem, "unknownVersion");
    assert.equal(by.istio.reason, "7.0 is not a known Istio release; the nearest are 1.13 and 1.12");
    assert.deepEqual(report.results.map((r) => r.status), ["ok", "unknown", "unknown", "unknown"]);
  });

  test("bad stacks throw with the line and column; bad sources and arguments name what is wrong", () => {
    assert.throws(() => checkStack("products:\n  - product: istio\n    version: [1]\n"), {
      message: /^line 3, column 14: /,
    });
    assert.throws(() => checkStack("title: x\n"), { message: "line 1, column 1: missing field `products`" });
    assert.throws(() => checkStack({ products: [{ product: "istio", version: 1.1 }] }), {
      message: /^the stack's `products\[0\]\.version`: invalid type: floating point `1.1`, expected a version as text/,
    });
    assert.throws(() => checkStack(DONE_WHEN, { istio: 5 }), { message: /^sources\["istio"\] must be a product file as text/ });
    assert.throws(() => checkStack(DONE_WHEN, "istio"), { message: /^`sources` must be an object/ });
    assert.throws(() => checkStack(42), { message: /^the stack must be a stack description/ });
    assert.throws(() => checkStack(DONE_WHEN, null, { maxInputBytes: 10 }), { message: /^the input is \d+ B, more than the 10 B limit/ });
  });

  test("parseStack gives the description as an object, versions as written", () => {
    assert.deepEqual(parseStack("products:\n  - { product: istio, version: 1.10 }\n"), {
      title: null,
      products: [{ product: "istio", version: "1.10", label: null, src: null }],
    });
  });
});
