// End to end: the two ways to embed without a build step, in headless Chromium:
// www/script-tag.html (import pkg/eol_table.js, render) and www/element.html (<eol-table> only).
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { collectErrors, screenshotPath, useDemo } from "./lib.mjs";

const RED = "rgb(255, 0, 0)";
const ISTIO = ["1.13", "1.12", "1.11", "1.10", "1.9", "1.8", "1.7", "1.6 and earlier"];

// The demo server and Chromium, started before and stopped after this file's tests.
const demo = useDemo();

/** The element page with every <eol-table> rendered (or failed): { page, errors }. */
async function openElementPage(options = {}) {
  const page = await demo.browser.newPage({ viewport: { width: 1280, height: 900 }, ...options });
  const errors = collectErrors(page);
  await page.goto(new URL("element.html", demo.server.url).href);
  await settle(page);
  return { page, errors };
}

/** Waits until every <eol-table> on the page has finished its latest render. */
const settle = (page) =>
  page.evaluate(async () => {
    await customElements.whenDefined("eol-table");
    await Promise.all([...document.querySelectorAll("eol-table")].map((el) => el.ready));
  });

/** data-cycle of every row of an element's table (locators pierce open shadow roots). */
const cycles = (page, host) =>
  page.locator(`${host} tbody tr[data-cycle]`).evaluateAll((trs) => trs.map((tr) => tr.dataset.cycle));
const status = (page, host, cycle, column = "eol") =>
  page.locator(`${host} tr[data-cycle="${cycle}"] td[data-column="${column}"]`).getAttribute("data-status");
const liveTables = (page) =>
  page.evaluate(async () => (await import("/pkg/eol_table.js")).liveTables());

describe("script-tag page (www/script-tag.html)", () => {
  test("renders the built-in table and a fetched file from a plain module script", async () => {
    const page = await demo.browser.newPage({ viewport: { width: 1100, height: 800 } });
    const errors = collectErrors(page);
    await page.goto(new URL("script-tag.html?today=2022-05-01", demo.server.url).href);
    await page.locator('#guzzle div.eol-table[data-product="guzzle"] table').waitFor({ timeout: 15_000 });
    assert.deepEqual(await cycles(page, "#support"), ISTIO);
    assert.equal(await status(page, "#support", "1.12"), "soon");
    assert.deepEqual(await cycles(page, "#guzzle"), ["8", "7", "6", "5", "4", "3"]);
    assert.deepEqual(errors, []);
    await page.close();
  });
});

describe("<eol-table> page (www/element.html)", () => {
  test("instances coexist with different products, themes and today values", async () => {
    const { page, errors } = await openElementPage();
    const root = (host) => page.locator(`${host} div.eol-table`);

    assert.equal(await root("#istio").getAttribute("data-product"), "istio");
    assert.equal(await root("#istio").getAttribute("data-theme"), "light");
    assert.deepEqual(await cycles(page, "#istio"), ISTIO);
    assert.equal(await status(page, "#istio", "1.12"), "soon"); // today="2022-05-01"

    assert.equal(await root("#inline").getAttribute("data-product"), "example");
    assert.equal(await root("#inline").getAttribute("data-theme"), "dark");
    assert.deepEqual(await cycles(page, "#inline"), ["2.0", "1.0"]);
    assert.equal(await status(page, "#inline", "1.0"), "ended"); // today="2024-06-01"
    assert.equal(await status(page, "#inline", "2.0"), "ok");

    const setup = await page.evaluate(() => {
      const istio = document.getElementById("istio");
      return {
        shadow: istio.shadowRoot?.mode,
        // one constructed stylesheet, shared by every shadow root
        sheets: istio.shadowRoot.adoptedStyleSheets.length,
        shared: istio.shadowRoot.adoptedStyleSheets[0] === document.getElementById("inline").shadowRoot.adoptedStyleSheets[0],
        styled: [...istio.shadowRoot.adoptedStyleSheets[0].cssRules].some((r) => r.selectorText === ".eol-table"),
        stylesInHead: document.head.querySelectorAll("style").length, // the page's own only
        live: [...document.querySelectorAll("eol-table")].map((el) => el.table !== null),
      };
    });
    assert.deepEqual(setup, { shadow: "open", sheets: 1, shared: true, styled: true, stylesInHead: 1, live: [true, true, true, true, true] });
    assert.equal(await liveTables(page), 5);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("host-page CSS does not leak in (and the table's CSS does not leak out)", async () => {
    const { page, errors } = await openElementPage();
    const colour = (selector) => page.locator(selector).first().evaluate((el) => getComputedStyle(el).color);
    assert.equal(await colour("#host-table td"), RED, "the host rule is in force on the host's table");
    for (const host of ["#istio", "#inline", "#api-v1"]) {
      assert.notEqual(await colour(`${host} td[data-column="release"]`), RED, host);
      assert.notEqual(await colour(`${host} caption`), RED, host);
      const outline = await page.locator(`${host} div.eol-table`).evaluate((el) => getComputedStyle(el).outlineStyle);
      assert.equal(outline, "none", `${host}: the host's .eol-table rule does not reach inside`);
    }
    // light theme text colour of the stylesheet, dark theme's is light
    assert.equal(await colour("#istio td[data-column=release]"), "rgb(31, 35, 40)");
    // the documented hook for theming from outside: eol-table::part(table) { --eol-ok: ... }
    assert.equal(
      await page.locator('#api-v0 td[data-status="ok"]').first().evaluate((td) => getComputedStyle(td).backgroundColor),
      "rgb(126, 226, 184)",
    );
    const hostTd = await page.locator("#host-table td").evaluate((el) => getComputedStyle(el).borderLeftStyle);
    assert.equal(hostTd, "none", "the host's own table is not styled by eol-table");
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("src loads a product file, API v1 JSON and API v0 JSON", async () => {
    const { page, errors } = await openElementPage();
    // guzzle.md with filter="maintained": the ended majors are hidden
    assert.deepEqual(await cycles(page, "#by-src"), ["8", "7", "6", "5", "4", "3"]);
    const shown = await page.locator("#by-src tbody tr[data-cycle]:not([hidden])").evaluateAll((t) => t.map((r) => r.dataset.cycle));
    assert.deepEqual(shown, ["8", "7"]);

    assert.equal(await page.locator("#api-v1 div.eol-table").getAttribute("data-product"), "vuetify");
    assert.equal((await page.locator("#api-v1 caption").textContent()).trim(), "Vuetify");
    assert.deepEqual(await cycles(page, "#api-v1"), ["4", "3", "2", "1"]);
    assert.equal(await page.locator('#api-v1 th[data-column="eoas"]').count(), 1, "API v1 labels turn columns on");

    assert.deepEqual(await cycles(page, "#api-v0"), ["10.1", "10.0", "9.4", "9.3", "9.2", "9.1", "9.0"]);
    assert.equal(await status(page, "#api-v0", "9.0"), "ended");
    assert.equal(await page.locator("#api-v0 div.eol-table").getAttribute("data-date-style"), "absolute");
    // API v0 names no product: the page's name="jruby" title="JRuby"
    assert.equal(await page.locator("#api-v0 div.eol-table").getAttribute("data-product"), "jruby");
    assert.equal((await page.locator("#api-v0 caption").textContent()).trim(), "JRuby");
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("API v0 without name or title is named by the file name in src", async () => {
    const { page, errors } = await openElementPage();
    const named = await page.evaluate(async () => {
      const make = async (attributes) => {
        const el = document.createElement("eol-table");
        for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
        document.querySelector("main").append(el);
        await el.ready;
        const root = el.shadowRoot.querySelector("div.eol-table");
        return [root.dataset.product, root.querySelector("caption").textContent.trim()];
      };
      return [
        await make({ src: "./data/jruby.v0.json", today: "2026-11-28" }),
        await make({ src: "./data/jruby.v0.json", title: "JRuby (API v0)" }),
        // the file name never overrides what the data says
        await make({ src: "./data/vuetify.v1.json" }),
        await make({ src: "./data/guzzle.md", name: "not-guzzle" }),
      ];
    });
    assert.deepEqual(named, [
      ["jruby.v0", "jruby.v0"],
      ["jruby.v0", "JRuby (API v0)"],
      ["vuetify", "Vuetify"],
      ["guzzle", "Guzzle"],
    ]);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("a src that answers with an HTML page says so", async () => {
    const { page, errors } = await openElementPage();
    const message = await page.evaluate(async () => {
      const el = document.createElement("eol-table");
      el.setAttribute("src", "./element.html"); // status 200, text/html: a wrong URL on a site that answers every path
      const event = new Promise((resolve) => el.addEventListener("eol-table:error", (e) => resolve(e.detail.message), { once: true }));
      document.querySelector("main").append(el);
      await el.ready;
      return event;
    });
    const url = new URL("element.html", demo.server.url).href;
    assert.equal(message, `could not load ${url}: it looks like an HTML page, not a product file (the server sent text/html: check the URL)`);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("attribute changes re-render; eol-table:change crosses the shadow boundary", async () => {
    const { page, errors } = await openElementPage();
    await page.evaluate(() => {
      window.changes = [];
      document.addEventListener("eol-table:change", (e) =>
        window.changes.push({ target: e.target.id, column: e.detail.sort?.column ?? null, theme: e.detail.theme }));
    });
    const root = page.locator("#istio div.eol-table");

    // theme: the live table changes colours (same table object, the reader's sort is kept)
    await page.locator('#istio th[data-column="eol"] button').click();
    const same = await page.evaluate(() => {
      const el = document.getElementById("istio");
      const before = el.table;
      el.setAttribute("theme", "dark");
      return el.table === before;
    });
    assert.equal(same, true);
    assert.equal(await root.getAttribute("data-theme"), "dark");
    assert.equal(await page.locator('#istio th[data-column="eol"]').getAttribute("aria-sort"), "ascending");
    assert.deepEqual(await page.evaluate(() => window.changes), [
      { target: "istio", column: "eol", theme: "light" },
      { target: "istio", column: "eol", theme: "dark" },
    ]);

    // today: rebuilt, statuses as of the new day; theme kept from the attribute
    await page.evaluate(() => {
      const el = document.getElementById("istio");
      el.setAttribute("today", "2023-01-01");
      return el.ready;
    });
    assert.equal(await status(page, "#istio", "1.12"), "ended");
    assert.equal(await status(page, "#istio", "1.13"), "ended");
    assert.equal(await root.getAttribute("data-theme"), "dark");

    // product: an unknown id is an error shown in the element; a known one renders again
    const setProduct = (id) =>
      page.evaluate((id) => {
        const el = document.getElementById("istio");
        el.setAttribute("product", id);
        return el.ready.then((table) => table !== null);
      }, id);
    assert.equal(await setProduct("no-such-product"), false);
    assert.match(await page.locator('#istio [role="alert"]').textContent(), /no built-in product `no-such-product`/);
    assert.equal(await liveTables(page), 4);
    assert.equal(await setProduct("istio"), true);
    assert.equal(await root.getAttribute("data-product"), "istio");
    assert.equal(await liveTables(page), 5, "re-rendering replaced, not added, tables");
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("removing an element destroys its table; the others keep working", async () => {
    const { page, errors } = await openElementPage();
    assert.equal(await liveTables(page), 5);
    await page.evaluate(() => document.getElementById("inline").remove());
    assert.equal(await liveTables(page), 4);
    await page.evaluate(() => document.getElementById("api-v1").remove());
    assert.equal(await liveTables(page), 3);

    await page.locator('#istio th[data-column="release"] button').click();
    assert.equal(await page.locator('#istio th[data-column="release"]').getAttribute("aria-sort"), "ascending");
    const order = await page.locator("#istio tbody tr[data-cycle]:not([hidden])").evaluateAll((t) => t.map((r) => r.dataset.cycle));
    assert.deepEqual(order, ["1.11", "1.12", "1.13"]);

    // back in the page: it renders again
    await page.evaluate(() => {
      const el = document.createElement("eol-table");
      el.id = "again";
      el.setAttribute("today", "2022-05-01");
      document.querySelector("main").append(el);
      return el.ready;
    });
    assert.deepEqual(await cycles(page, "#again"), ISTIO);
    assert.equal(await liveTables(page), 4);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("a src that fails shows the message in the element and the page keeps working", async () => {
    const { page, errors } = await openElementPage();
    const result = await page.evaluate(async () => {
      const el = document.createElement("eol-table");
      el.id = "missing";
      el.setAttribute("src", "./data/missing.md");
      const event = new Promise((resolve) => document.addEventListener("eol-table:error", (e) => resolve(e.detail), { once: true }));
      document.querySelector("main").append(el);
      const table = await el.ready;
      return { table, detail: await event };
    });
    const url = new URL("data/missing.md", demo.server.url).href;
    const message = `could not load ${url}: HTTP 404 Not Found`;
    assert.deepEqual(result, { table: null, detail: { message } });
    const alert = page.locator('#missing div.eol-table.eol-table--error[role="alert"]');
    assert.equal(await alert.textContent(), message);
    assert.ok(await alert.isVisible());
    assert.equal(await alert.evaluate((el) => getComputedStyle(el).borderLeftWidth), "4px", "styled as render's error box");

    // bad inline data: render's own message, same place, same event
    const bad = await page.evaluate(async () => {
      const el = document.createElement("eol-table");
      el.id = "bad";
      el.innerHTML = '<script type="application/yaml">releases: [{ releaseCycle: "1", eol: soon }]</script>';
      const event = new Promise((resolve) => el.addEventListener("eol-table:error", (e) => resolve(e.detail.message), { once: true }));
      document.querySelector("main").append(el);
      await el.ready;
      return event;
    });
    assert.match(bad, /`eol` must be a date/);
    assert.match(await page.locator('#bad [role="alert"]').textContent(), /`eol` must be a date/);

    // the rest still works
    await page.locator('#api-v0 th[data-column="release"] button').click();
    assert.equal(await page.locator('#api-v0 th[data-column="release"]').getAttribute("aria-sort"), "ascending");
    assert.equal(await liveTables(page), 5);
    // the browser's own line for the 404 is the only console error
    assert.deepEqual(errors.filter((e) => !/Failed to load resource.*404/.test(e)), []);
    await page.close();
  });

  test("inline application/json is read, and editing the script re-renders", async () => {
    const { page, errors } = await openElementPage();
    const cyclesOf = await page.evaluate(async () => {
      const el = document.createElement("eol-table");
      el.id = "json";
      el.setAttribute("today", "2024-01-01");
      const script = document.createElement("script");
      script.type = "application/json";
      script.textContent = JSON.stringify([
        { cycle: "2", releaseDate: "2023-01-01", eol: "2025-01-01", latest: "2.3" },
        { cycle: "1", releaseDate: "2021-01-01", eol: "2023-01-01", latest: "1.9" },
      ]);
      el.append(script);
      document.querySelector("main").append(el);
      await el.ready;
      const first = [...el.shadowRoot.querySelectorAll("tr[data-cycle]")].map((tr) => tr.dataset.cycle);
      script.textContent = JSON.stringify([{ cycle: "3", releaseDate: "2023-06-01", eol: false, latest: "3.0" }]);
      await new Promise((resolve) => setTimeout(resolve)); // the MutationObserver schedules the render
      await el.ready;
      const second = [...el.shadowRoot.querySelectorAll("tr[data-cycle]")].map((tr) => tr.dataset.cycle);
      return { first, second };
    });
    assert.deepEqual(cyclesOf, { first: ["2", "1"], second: ["3"] });
    assert.equal(await status(page, "#json", "3"), "ok");
    assert.equal(await liveTables(page), 6);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("screenshots: desktop and 375 px, light and dark", async () => {
    for (const colorScheme of ["light", "dark"]) {
      const { page, errors } = await openElementPage({ colorScheme });
      await page.screenshot({ path: screenshotPath(`element-${colorScheme}.png`), fullPage: true });
      await page.setViewportSize({ width: 375, height: 800 });
      // below 600 px each release is a card
      const display = await page.locator("#istio tbody tr").first().evaluate((tr) => getComputedStyle(tr).display);
      assert.equal(display, "block");
      await page.screenshot({ path: screenshotPath(`element-375-${colorScheme}.png`), fullPage: true });
      assert.deepEqual(errors, []);
      await page.close();
    }
  });
});

describe("<eol-table> under a Content Security Policy", () => {
  const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>csp</title>
    <script type="module" src="/pkg/eol-table-element.js"></script></head>
    <body><eol-table today="2022-05-01"></eol-table></body></html>`;
  /** A page served with `policy` as its Content-Security-Policy header. */
  async function openWithPolicy(policy) {
    const page = await demo.browser.newPage({ viewport: { width: 1100, height: 700 } });
    const errors = collectErrors(page);
    const url = new URL("csp.html", demo.server.url).href;
    await page.route(url, (route) =>
      route.fulfill({ contentType: "text/html", headers: { "Content-Security-Policy": policy }, body: PAGE }),
    );
    await page.goto(url);
    return { page, errors };
  }

  test("script-src 'self' 'wasm-unsafe-eval' (and img-src for the icon CDN) is enough, even with default-src 'self' (no inline styles)", async () => {
    const { page, errors } = await openWithPolicy(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; img-src 'self' https://cdn.jsdelivr.net",
    );
    const cell = page.locator('eol-table tr[data-cycle="1.13"] td[data-column="eol"]');
    await cell.waitFor({ timeout: 15_000 });
    assert.equal(await cell.getAttribute("data-status"), "ok");
    assert.equal(await cell.evaluate((td) => getComputedStyle(td).backgroundColor), "rgb(65, 214, 147)", "styled");
    assert.deepEqual(errors, [], "no CSP violation");
    await page.close();
  });

  test("without 'wasm-unsafe-eval' the element shows why, and nothing throws", async () => {
    const { page, errors } = await openWithPolicy("default-src 'self'");
    const alert = page.locator('eol-table div.eol-table--error[role="alert"]');
    await alert.waitFor({ timeout: 15_000 });
    assert.match(await alert.textContent(), /WebAssembly|unsafe-eval/);
    assert.deepEqual(errors.filter((e) => e.startsWith("pageerror")), [], "no uncaught exception");
    await page.close();
  });
});

