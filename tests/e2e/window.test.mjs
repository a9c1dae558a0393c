// End to end: row windowing (the `virtualize` option). A 1,000-release table keeps only the rows
// near the viewport in the page, yet reads, sorts, filters, prints and scrolls as the whole table
// does: checked against the same table with every row in the page.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { generateProduct } from "../../scripts/bench/generate.mjs";
import { collectErrors, screenshotPath, useDemo } from "./lib.mjs";

const demo = useDemo();
const TODAY = "2026-01-15";
const SOURCE = generateProduct({ cycles: 1000, seed: 7, today: TODAY });
/** The file's cycles in its order (newest first). */
const CYCLES = [...SOURCE.matchAll(/releaseCycle: "([^"]+)"/g)].map((m) => m[1]);

/** A page with the package loaded and two hosts: `#long` (windowed) and `#whole` (every row). */
async function open(viewport = { width: 1100, height: 800 }) {
  const page = await demo.browser.newPage({ viewport });
  const errors = collectErrors(page);
  const url = new URL("window-test.html", demo.server.url).href;
  await page.route(url, (route) =>
    route.fulfill({
      contentType: "text/html",
      body: '<!doctype html><meta charset="utf-8"><title>windowing</title><h1>Long table</h1><div id="long"></div><div id="whole" hidden></div>',
    }),
  );
  await page.goto(url);
  await page.evaluate(async () => {
    const mod = await import("/pkg/eol_table.js");
    await mod.default();
    window.eol = mod;
  });
  return { page, errors };
}

/** Renders the long product into `#id` with `options`; `window.tables[id]` is the handle. */
function render(page, id, options = {}) {
  return page.evaluate(
    ([id, source, options]) => {
      window.tables ??= {};
      window.tables[id] = window.eol.render(document.getElementById(id), source, options);
    },
    [id, SOURCE, { today: "2026-01-15", showAllReleases: true, header: false, description: "hidden", info: false, ...options }],
  );
}

/** After the next two frames (scroll and resize handlers have run). */
const frames = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/** Cycles of the rows of `#id` that are in the page, in order, and the table's facts. */
const inPage = (page, id) =>
  page.evaluate((id) => {
    const host = document.getElementById(id);
    const rows = [...host.querySelectorAll("tbody tr[data-cycle]:not([hidden])")];
    return {
      cycles: rows.map((tr) => tr.dataset.cycle),
      indexes: rows.map((tr) => Number(tr.getAttribute("aria-rowindex"))),
      rowcount: host.querySelector("table").getAttribute("aria-rowcount"),
      windowed: host.querySelector("table").hasAttribute("data-virtualized"),
      state: window.tables[id].state,
    };
  }, id);

/** Rows of `#id` that a person sees in the viewport. */
const onScreen = (page, id) =>
  page.evaluate((id) => {
    const rows = [...document.querySelectorAll(`#${id} tbody tr[data-cycle]`)];
    return rows
      .filter((tr) => {
        const r = tr.getBoundingClientRect();
        return r.bottom > 0 && r.top < innerHeight;
      })
      .map((tr) => tr.dataset.cycle);
  }, id);

describe("row windowing of a 1,000-release table", () => {
  test("keeps a screenful of rows in the page, in the file's order, and follows the scroll", async () => {
    const { page, errors } = await open();
    await render(page, "long");
    await frames(page);
    let now = await inPage(page, "long");
    assert.equal(now.windowed, true);
    assert.equal(now.rowcount, "1001");
    assert.equal(now.state.visible, 1000);
    assert.ok(now.cycles.length >= 10 && now.cycles.length <= 60, `${now.cycles.length} rows in the page`);
    assert.deepEqual(now.cycles, CYCLES.slice(0, now.cycles.length));
    assert.deepEqual(now.indexes, now.cycles.map((_, i) => i + 2));

    // The page is as tall as the whole table would be: the scroll bar tells the truth.
    const height = await page.evaluate(() => document.querySelector("#long tbody").getBoundingClientRect().height);
    assert.ok(height > 1000 * 25, `the body is ${height}px tall`);

    // Halfway down: the rows there, and no gap on screen.
    await page.evaluate(() => {
      const body = document.querySelector("#long tbody").getBoundingClientRect();
      window.scrollTo(0, window.scrollY + body.top + body.height / 2);
    });
    await frames(page);
    await frames(page);
    const middle = await onScreen(page, "long");
    assert.ok(middle.length >= 10, `${middle.length} rows on screen halfway down`);
    const at = CYCLES.indexOf(middle[0]);
    assert.ok(at > 300 && at < 700, `halfway down shows row ${at}`);
    assert.deepEqual(middle, CYCLES.slice(at, at + middle.length));
    now = await inPage(page, "long");
    assert.ok(now.cycles.length <= 60, `${now.cycles.length} rows in the page halfway down`);
    await page.screenshot({ path: screenshotPath("window-1000-middle.png") });

    // The end: the oldest release, row 1001 of 1001.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await frames(page);
    await frames(page);
    now = await inPage(page, "long");
    assert.equal(now.cycles.at(-1), CYCLES.at(-1));
    assert.equal(now.indexes.at(-1), 1001);
    const end = await onScreen(page, "long");
    assert.ok(end.includes(CYCLES.at(-1)), `on screen at the end: ${end.join(" ")}`);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("sorts, filters and searches as the whole table does", async () => {
    const { page, errors } = await open();
    await render(page, "long");
    await render(page, "whole", { virtualize: false });
    const whole = await inPage(page, "whole");
    assert.equal(whole.windowed, false);
    assert.equal(whole.cycles.length, 1000);
    const same = async (what) => {
      await frames(page);
      const [a, b] = [await inPage(page, "long"), await inPage(page, "whole")];
      assert.equal(a.state.visible, b.state.visible, what);
      assert.equal(a.rowcount, String(b.state.visible + 1), what);
      assert.deepEqual(a.cycles, b.cycles.slice(0, a.cycles.length), what);
      return a;
    };

    await page.locator('#long th[data-column="eol"] button').click();
    await page.evaluate(() => window.tables.whole.sort("eol", "ascending"));
    assert.equal(await page.locator('#long th[data-column="eol"]').getAttribute("aria-sort"), "ascending");
    await same("sorted by end of life");

    await page.locator('#long button[data-filter="maintained"]').click();
    await page.evaluate(() => window.tables.whole.setFilter("maintained"));
    const maintained = await same("maintained only");
    assert.ok(maintained.state.visible > 0 && maintained.state.visible < 1000);

    await page.locator("#long input[type=search]").fill("12.1");
    await page.evaluate(() => window.tables.whole.setSearch("12.1"));
    await same("searched");

    await page.locator("#long input[type=search]").fill("no such release");
    await frames(page);
    assert.equal((await inPage(page, "long")).cycles.length, 0);
    assert.match(await page.locator("#long .eol-table__empty").textContent(), /No releases match/);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("printing puts every row in the page, and takes them out after", async () => {
    const { page, errors } = await open();
    await render(page, "long");
    await frames(page);
    await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
    assert.equal((await inPage(page, "long")).cycles.length, 1000);
    await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
    assert.ok((await inPage(page, "long")).cycles.length <= 60);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("a version deep in the table is put in the page and scrolled into view", async () => {
    const { page, errors } = await open();
    const cycle = CYCLES[900];
    await render(page, "long", { version: `${cycle}.1` });
    await frames(page);
    assert.equal(await page.locator('#long tr[aria-current="true"]').getAttribute("data-cycle"), cycle);
    assert.ok((await onScreen(page, "long")).includes(cycle), `${cycle} is on screen`);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("at phone width the windowed rows become cards and still follow the scroll", async () => {
    const { page, errors } = await open({ width: 390, height: 800 });
    await render(page, "long");
    await frames(page);
    await page.evaluate(() => window.scrollBy(0, 20_000));
    await frames(page);
    await frames(page);
    const shown = await onScreen(page, "long");
    assert.ok(shown.length >= 1, "cards on screen after scrolling");
    const at = CYCLES.indexOf(shown[0]);
    assert.deepEqual(shown, CYCLES.slice(at, at + shown.length));
    await page.screenshot({ path: screenshotPath("window-1000-390.png") });
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("short tables keep every row; virtualize takes only true, false or \"auto\"", async () => {
    const { page, errors } = await open();
    const istio = await page.evaluate(() => {
      const host = document.getElementById("long");
      window.eol.render(host, null, { today: "2022-05-01", showAllReleases: true });
      return [host.querySelector("table").hasAttribute("data-virtualized"), host.querySelectorAll("tbody tr[data-cycle]").length];
    });
    assert.deepEqual(istio, [false, 8]);
    const forced = await page.evaluate(() => {
      const host = document.getElementById("long");
      window.eol.render(host, null, { today: "2022-05-01", showAllReleases: true, virtualize: true });
      return [host.querySelector("table").hasAttribute("data-virtualized"), host.querySelectorAll("tbody tr[data-cycle]").length];
    });
    assert.deepEqual(forced, [true, 8]);
    const message = await page.evaluate(() => {
      try {
        window.eol.render(document.getElementById("long"), null, { virtualize: "yes" });
        return "no error";
      } catch (err) {
        return err.message;
      }
    });
    assert.equal(message, 'the option `virtualize` must be true, false or "auto", found "yes"');

    // The element's attribute: present (or "true") windows, "false" and "auto" pass through.
    const element = await page.evaluate(async () => {
      await import("/pkg/eol-table-element.js");
      const out = [];
      for (const value of ["", "false", "auto"]) {
        const el = document.createElement("eol-table");
        el.setAttribute("today", "2022-05-01");
        el.setAttribute("virtualize", value);
        document.body.append(el);
        await el.ready;
        out.push(el.shadowRoot.querySelector("table").hasAttribute("data-virtualized"));
        el.remove();
      }
      return out;
    });
    assert.deepEqual(element, [true, false, false]);
    assert.deepEqual(errors, []);
    await page.close();
  });
});

describe("a product of 450 cycles, as large as the largest real files", () => {
  const LARGE = generateProduct({ cycles: 450, seed: 11, today: TODAY });
  const LARGE_CYCLES = [...LARGE.matchAll(/releaseCycle: "([^"]+)"/g)].map((m) => m[1]);

  test("is windowed, and every row is reachable by scrolling and by search", async () => {
    const { page, errors } = await open();
    await page.evaluate(
      ([source, today]) => {
        window.tables = { long: window.eol.render(document.getElementById("long"), source, { today, showAllReleases: true }) };
      },
      [LARGE, TODAY],
    );
    await frames(page);
    const first = await inPage(page, "long");
    assert.equal(first.windowed, true);
    assert.equal(first.state.total, 450);
    assert.ok(first.cycles.length < 100, `${first.cycles.length} rows in the page`);

    // Scrolling a viewport at a time shows every row, in the file's order.
    const seen = new Set();
    let guard = 0;
    for (;;) {
      for (const cycle of await onScreen(page, "long")) seen.add(cycle);
      const done = await page.evaluate(() => {
        const before = window.scrollY;
        window.scrollBy(0, innerHeight * 0.8);
        return window.scrollY === before;
      });
      await frames(page);
      if (done || ++guard > 400) break;
    }
    for (const cycle of await onScreen(page, "long")) seen.add(cycle);
    assert.deepEqual(LARGE_CYCLES.filter((c) => !seen.has(c)), [], "rows never scrolled into view");

    // Searching for each cycle brings its row into the page.
    const missed = await page.evaluate(async (cycles) => {
      window.scrollTo(0, 0);
      const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const table = window.tables.long;
      const host = document.getElementById("long");
      const missed = [];
      const inPage = (cycle) =>
        [...host.querySelectorAll("tbody tr[data-cycle]:not([hidden])")].some((tr) => tr.dataset.cycle === cycle);
      for (const cycle of cycles) {
        table.setSearch(cycle);
        window.scrollTo(0, 0);
        await frame();
        // A search that matches more than a screenful ("9.1" is in "19.1", "9.10"...): scroll
        // down its results.
        let found = inPage(cycle);
        while (!found) {
          const before = window.scrollY;
          window.scrollBy(0, innerHeight * 0.8);
          await frame();
          found = inPage(cycle);
          if (window.scrollY === before) break;
        }
        if (!found) missed.push(cycle);
      }
      table.setSearch("");
      return missed;
    }, LARGE_CYCLES);
    assert.deepEqual(missed, []);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
