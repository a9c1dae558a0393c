// End to end: the demo page (www/index.html) with the release pkg/, in headless Chromium.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { get } from "node:http";
import { collectErrors, screenshotPath, useDemo } from "./lib.mjs";

const CYCLES = ["1.13", "1.12", "1.11", "1.10", "1.9", "1.8", "1.7", "1.6 and earlier"];

// The demo server and Chromium, started before and stopped after this file's tests.
const demo = useDemo();

/** Status of a GET whose path is sent exactly as given. */
function rawStatus(port, path) {
  return new Promise((resolve, reject) => {
    get({ host: "127.0.0.1", port, path }, (res) => {
      res.resume();
      resolve(res.statusCode);
    }).on("error", reject);
  });
}

describe("demo server", () => {
  test("serves the wasm with the MIME type streaming instantiation needs", async () => {
    const res = await fetch(new URL("pkg/eol_table_bg.wasm", demo.server.url));
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("content-type"), "application/wasm");
    const js = await fetch(new URL("pkg/eol_table.js", demo.server.url));
    assert.match(js.headers.get("content-type"), /^text\/javascript/);
  });

  test("refuses paths outside its roots", async () => {
    // raw request paths: fetch() would resolve the dot segments before sending
    const paths = ["/../Cargo.toml", "/%2e%2e/Cargo.toml", "/pkg/..%2f..%2fCargo.toml", "/pkg/../../scripts/serve.mjs"];
    for (const p of paths) assert.equal(await rawStatus(demo.server.port, p), 404, p);
  });
});

describe("demo page", () => {
  test("renders the Istio table with statuses as of 2022-05-01", async () => {
    const page = await demo.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = collectErrors(page);
    await page.goto(new URL("?today=2022-05-01", demo.server.url).href);
    const widget = page.locator('div.eol-table[data-product="istio"]');
    await widget.locator("table").waitFor({ timeout: 15_000 });

    assert.equal((await widget.locator("table caption").textContent())?.trim(), "Istio");
    const rows = widget.locator("tbody tr[data-cycle]");
    const cycles = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-cycle")));
    assert.deepEqual(cycles, CYCLES);

    const eolStatus = (cycle) =>
      widget.locator(`tr[data-cycle="${cycle}"] td[data-column="eol"]`).getAttribute("data-status");
    assert.equal(await eolStatus("1.13"), "ok");
    assert.equal(await eolStatus("1.12"), "soon");
    assert.equal(await eolStatus("1.11"), "ended");
    assert.equal(await eolStatus("1.6 and earlier"), "unknown");

    await page.screenshot({ path: screenshotPath("demo-istio.png"), fullPage: true });
    await page.setViewportSize({ width: 375, height: 800 });
    await page.screenshot({ path: screenshotPath("demo-istio-375.png"), fullPage: true });

    assert.deepEqual(errors, [], "no console errors or uncaught exceptions");
    await page.close();
  });

  test("the As of date picker starts at today and re-renders the statuses for the date picked", async () => {
    const page = await demo.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectErrors(page);
    await page.goto(demo.server.url);
    const widget = page.locator('#widget div.eol-table[data-product="istio"]');
    await widget.locator("table").waitFor({ timeout: 15_000 });
    const asOf = page.getByLabel("As of");
    const localToday = await page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
    });
    assert.equal(await asOf.inputValue(), localToday);
    assert.ok(await asOf.isVisible());
    const eolStatus = (cycle) => widget.locator(`tr[data-cycle="${cycle}"] td[data-column="eol"]`).getAttribute("data-status");
    // the 2022 data as of today: every dated release has ended, and the page says why
    assert.equal(await eolStatus("1.13"), "ended");
    assert.match(await page.locator("#today-hint").textContent(), /dates from 2022/);

    // the reader's sort survives a new date
    await widget.locator('th[data-column="releaseDate"] button').click();
    await page.getByRole("button", { name: "show it as of 2022-05-01" }).click();
    assert.equal(await asOf.inputValue(), "2022-05-01");
    assert.equal(await eolStatus("1.13"), "ok");
    assert.equal(await eolStatus("1.12"), "soon");
    assert.equal(await widget.locator('th[data-column="releaseDate"]').getAttribute("aria-sort"), "ascending");
    await page.screenshot({ path: screenshotPath("demo-as-of.png") });

    await asOf.fill("2022-07-01");
    assert.equal(await eolStatus("1.12"), "ended");
    assert.equal(await eolStatus("1.13"), "ok");
    assert.equal(await page.evaluate(async () => (await import("/pkg/eol_table.js")).liveTables()), 3, "the old tables were replaced: the widget, the custom file's and the stack");
    assert.deepEqual(errors, []);
    await page.close();
  });
});

describe("demo page: the stack", () => {
  test("shows the stack most urgent first and follows the theme and the As of date", async () => {
    const page = await demo.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectErrors(page);
    await page.goto(new URL("?today=2022-05-01", demo.server.url).href);
    const stack = page.locator("#stack div.eol-stack");
    await stack.locator("tbody tr[data-product]").first().waitFor({ timeout: 15_000 });
    const statuses = () => stack.locator("tbody tr[data-product]").evaluateAll((trs) => trs.map((tr) => `${tr.dataset.product} ${tr.dataset.status}`));
    const shown = await statuses();
    assert.equal(shown[0], "istio ended");
    assert.ok(shown.includes("istio soon"), shown.join());
    assert.equal(shown.at(-1), "nginx unknown");
    await page.getByLabel("Theme").selectOption("dark");
    assert.equal(await stack.getAttribute("data-theme"), "dark");
    await stack.screenshot({ path: screenshotPath("demo-stack-dark.png") });
    await page.getByLabel("As of").fill("2021-01-01");
    await page.waitForFunction(() => !document.querySelector('#stack tr[data-status="ended"][data-product="istio"]'));
    assert.deepEqual(errors, []);
    await page.close();
  });
});
