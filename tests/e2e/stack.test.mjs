// End to end: <eol-stack> as a page uses it in headless Chromium: the stack file and each
// entry's product file fetched (an entry's `src` relative to the stack file, `${base}${product}`
// otherwise), a failed fetch as a row saying why, the table's controls and events, a row opening
// its product's support table; screenshots in light, dark and at phone width.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { collectErrors, repoRoot, screenshotPath, useDemo } from "./lib.mjs";

const demo = useDemo();

const STACK = `title: Platform stack
products:
  - product: electron
    version: 28.1.0
    label: desktop app
    src: /shared/fixtures/current/electron.md
  - product: guzzle
    version: 7.8.1
    src: ../data/guzzle.md
  - product: hibernate-orm
    version: 6.2.7
    src: /shared/fixtures/current/hibernate-orm.md
  - product: istio
    version: 1.9.0
  - product: nginx
    version: 1.25.3
`;

/** A page with `<eol-stack>` (its attributes `attrs`) reading the stack above. */
async function stackPage({ attrs = "", width = 1200, colorScheme = "light" } = {}) {
  const ctx = await demo.browser.newContext({ viewport: { width, height: 900 }, colorScheme });
  const page = await ctx.newPage();
  const errors = collectErrors(page);
  const base = demo.server.url;
  const istio = await readFile(path.join(repoRoot, "products", "istio.md"), "utf8");
  await page.route(new URL("/stacks/platform.yml", base).href, (route) =>
    route.fulfill({ contentType: "application/yaml", body: STACK }),
  );
  await page.route(new URL("/api/v1/products/*", base).href, (route) =>
    route.request().url().endsWith("/istio")
      ? route.fulfill({ contentType: "text/markdown", body: istio })
      : route.fulfill({ status: 404, contentType: "text/plain", body: "not found" }),
  );
  const url = new URL("/stack-page.html", base).href;
  await page.route(url, (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><meta charset="utf-8"><title>stack</title>
<style>body { margin: 16px; font-family: system-ui; }</style>
<script type="module" src="/pkg/eol-table-element.js"></script>
<eol-stack id="stack" src="/stacks/platform.yml" base="/api/v1/products/" today="2024-06-01" ${attrs}></eol-stack>`,
    }),
  );
  // 404s are what the test asks for: not page errors
  page.on("console", () => {});
  await page.goto(url);
  await page.waitForFunction(() => document.querySelector("#stack")?.ready);
  await page.evaluate(() => document.querySelector("#stack").ready);
  await page.waitForFunction(() => document.querySelector("#stack").shadowRoot.querySelector(".eol-stack tbody tr[data-product]"));
  return { page, errors: () => errors.filter((e) => !e.includes("404")), close: () => ctx.close() };
}

const rows = (page) =>
  page.evaluate(() =>
    [...document.querySelector("#stack").shadowRoot.querySelectorAll("tbody tr[data-product]:not([hidden])")].map((tr) => [
      tr.dataset.product,
      tr.dataset.status,
    ]),
  );

describe("<eol-stack>", () => {
  test("fetches the stack and its products, most urgent first, the failed fetch a row that says why", async () => {
    const { page, errors, close } = await stackPage();
    assert.deepEqual(await rows(page), [
      ["istio", "ended"],
      ["electron", "soon"],
      ["hibernate-orm", "ok"],
      ["guzzle", "ok"],
      ["nginx", "unknown"],
    ]);
    const stack = page.locator("#stack");
    const failing = stack.locator('tr[data-product="nginx"] td[data-column="status"]');
    assert.equal(
      await failing.textContent(),
      `Unknown: could not load ${new URL("/api/v1/products/nginx", demo.server.url).href}: HTTP 404 Not Found`,
    );
    assert.equal(await stack.locator('tr[data-product="nginx"]').getAttribute("data-problem"), "loadFailed");
    assert.equal(
      await stack.locator(".eol-stack__summary").textContent(),
      "5 products: 1 past end of life, 1 ending within 10 days, 1 unknown",
    );
    assert.equal(await stack.locator('tr[data-product="guzzle"] td[data-column="product"]').textContent(), "Guzzle");
    assert.deepEqual(errors(), []);
    await close();
  });

  test("sorts, filters and searches as <eol-table> does, and sends eol-table:change from the host", async () => {
    const { page, errors, close } = await stackPage();
    await page.evaluate(() => {
      window.changes = [];
      document.querySelector("#stack").addEventListener("eol-table:change", (e) => window.changes.push(e.detail));
    });
    const stack = page.locator("#stack");
    await stack.locator('th[data-column="product"] button').click();
    assert.deepEqual((await rows(page)).map(([id]) => id), ["electron", "guzzle", "hibernate-orm", "istio", "nginx"]);
    await stack.getByRole("button", { name: "Ended" }).click();
    assert.deepEqual((await rows(page)).map(([id]) => id), ["istio", "nginx"]);
    await stack.getByRole("searchbox", { name: "Search products" }).fill("guz");
    await stack.getByRole("button", { name: "All" }).click();
    assert.deepEqual(await rows(page), [["guzzle", "ok"]]);
    const changes = await page.evaluate(() => window.changes);
    assert.equal(changes.length, 4);
    assert.deepEqual(changes.at(-1).sort, { column: "product", direction: "ascending" });
    assert.equal(changes.at(-1).visible, 1);
    // attributes update the live table
    await page.evaluate(() => document.querySelector("#stack").setAttribute("theme", "dark"));
    assert.equal(await stack.locator(".eol-stack").getAttribute("data-theme"), "dark");
    assert.deepEqual(errors(), []);
    await close();
  });

  test("a row opens the product's support table beneath it, with the version marked", async () => {
    const { page, errors, close } = await stackPage();
    const stack = page.locator("#stack");
    const toggle = stack.locator('tr[data-product="electron"] button[data-action="detail"]');
    await toggle.click();
    assert.equal(await toggle.getAttribute("aria-expanded"), "true");
    const detail = stack.locator('tr[data-product="electron"] + tr.eol-stack__detail .eol-table[data-product="electron"]');
    assert.equal(await detail.locator('tr[aria-current="true"]').getAttribute("data-cycle"), "28");
    assert.match(await detail.locator(".eol-table__verdict").textContent(), /^28\.1\.0 is supported until 11 Jun 2024/);
    await page.locator("#stack").screenshot({ path: screenshotPath("stack-detail-light.png") });
    await toggle.click();
    assert.equal(await stack.locator("tr.eol-stack__detail").count(), 0);
    assert.deepEqual(errors(), []);
    await close();
  });

  for (const [name, options] of [
    ["light", { colorScheme: "light" }],
    ["dark", { colorScheme: "dark", attrs: 'theme="dark"' }],
    ["phone", { width: 390 }],
  ]) {
    test(`a screenshot in ${name}`, async () => {
      const { page, errors, close } = await stackPage(options);
      const theme = await page.locator("#stack .eol-stack").getAttribute("data-theme");
      assert.equal(theme, name === "dark" ? "dark" : "auto");
      if (name === "phone") {
        // the phone layout: every entry a card, its cells labelled
        const display = await page.locator('#stack tr[data-product="istio"]').evaluate((tr) => getComputedStyle(tr).display);
        assert.equal(display, "block");
      }
      await page.locator("#stack").screenshot({ path: screenshotPath(`stack-${name}.png`) });
      assert.deepEqual(errors(), []);
      await close();
    });
  }

  test("in the reader's language: French headers and summary, Arabic right to left, a message overridden", async () => {
    const english = await englishStack();
    const { page, errors, close } = await stackPage({ attrs: 'locale="fr"' });
    const stack = page.locator("#stack .eol-stack");
    assert.equal(await stack.getAttribute("lang"), "fr");
    const headers = await page.locator("#stack thead th[data-column]").allTextContents();
    for (const word of ["Product", "Your version", "Status", "End of life", "Latest in cycle", "Upgrade to", "Days left"]) {
      assert.ok(!headers.some((h) => h.includes(word)), `${word} in ${headers}`);
    }
    const summary = await page.locator("#stack .eol-stack__summary").textContent();
    assert.notEqual(summary, english.summary);
    assert.match(summary, /^5 /);
    await page.locator("#stack").screenshot({ path: screenshotPath("stack-fr.png") });
    // the messages property replaces one message, `stack.*` ids too
    await page.evaluate(() => {
      document.querySelector("#stack").messages = { "stack.column.daysLeft": "Jours restants (équipe)" };
    });
    await page.waitForFunction(() =>
      document.querySelector("#stack").shadowRoot.querySelector('th[data-column="daysLeft"]')?.textContent.includes("(équipe)"),
    );
    assert.deepEqual(errors(), []);
    await close();

    const ar = await stackPage({ attrs: 'locale="ar"' });
    assert.equal(await ar.page.locator("#stack .eol-stack").getAttribute("dir"), "rtl");
    await ar.page.locator("#stack").screenshot({ path: screenshotPath("stack-ar.png") });
    const phone = await stackPage({ attrs: 'locale="ar"', width: 390 });
    await phone.page.locator("#stack").screenshot({ path: screenshotPath("stack-ar-phone.png") });
    assert.deepEqual([...ar.errors(), ...phone.errors()], []);
    await ar.close();
    await phone.close();
  });
});

/** The English stack's summary, to compare a translated one with. */
async function englishStack() {
  const { page, close } = await stackPage();
  const summary = await page.locator("#stack .eol-stack__summary").textContent();
  await close();
  return { summary };
}
