// If the wasm ever panics, the element being rendered says so and the page's other tables, and
// the next render, keep working. Uses a dev build with the `test-panic` feature
// (target/pkg-test-panic, built by scripts/test.sh), which exports __panicForTests.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { collectErrors, useDemo } from "./lib.mjs";

const PKG = fileURLToPath(new URL("../../target/pkg-test-panic/", import.meta.url));

// The demo server and Chromium, started before and stopped after this file's tests.
const demo = useDemo();

test("a panic shows in its widget; other tables and the next render keep working", { skip: !existsSync(PKG) && "run scripts/test.sh to build target/pkg-test-panic" }, async () => {
  const page = await demo.browser.newPage();
  const errors = collectErrors(page);
  await page.route(/\/panic-pkg\/(.+)$/, async (route) => {
    const name = route.request().url().match(/\/panic-pkg\/(.+)$/)[1];
    const type = name.endsWith(".wasm") ? "application/wasm" : "text/javascript";
    route.fulfill({ contentType: type, body: await readFile(PKG + name) });
  });
  await page.goto(new URL("script-tag.html", demo.server.url).href);
  const outcome = await page.evaluate(async () => {
    const m = await import("/panic-pkg/eol_table.js");
    await m.default();
    const make = (id) => document.body.appendChild(Object.assign(document.createElement("div"), { id }));
    const first = m.render(make("first"), null, { today: "2022-05-01" });
    let thrown = null;
    try {
      m.__panicForTests(make("broken"));
    } catch (err) {
      thrown = String(err);
    }
    const alert = document.querySelector('#broken [role="alert"]')?.textContent ?? null;
    first.sort("release", "ascending");
    const order = [...document.querySelectorAll("#first tbody tr[data-cycle]:not([hidden])")].map((tr) => tr.dataset.cycle);
    const next = m.render(make("next"), null, { today: "2022-05-01", showAllReleases: true });
    return { thrown, alert, order, nextRows: next.state.visible };
  });
  assert.ok(outcome.thrown, "the caller sees an exception");
  assert.match(outcome.alert, /^eol-table stopped on an internal error: panicked at \S+ a panic for the tests\. Please report it/);
  assert.deepEqual(outcome.order, ["1.11", "1.12", "1.13"], "the first table still sorts");
  assert.equal(outcome.nextRows, 8, "the next render works");
  assert.ok(errors.some((e) => e.includes("internal error")), "the console says so");
  await page.close();
});
