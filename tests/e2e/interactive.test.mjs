// End to end: a person using the interactive table on the demo page, in headless Chromium:
// mouse, keyboard, search, filters, hidden releases, exact dates, dark mode and phone width.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { collectErrors, screenshotPath, useDemo } from "./lib.mjs";

// The demo server and Chromium, started before and stopped after this file's tests.
const demo = useDemo();

/** Cycles of the rows a person sees in the main widget, in order. */
const visible = (page) =>
  page.locator("#widget tbody tr[data-cycle]:not([hidden])").evaluateAll((trs) => trs.map((tr) => tr.dataset.cycle));
const liveText = (page) => page.locator('#widget [role="status"][aria-live="polite"]').textContent();

async function open(query = "") {
  const page = await demo.browser.newPage({ viewport: { width: 1100, height: 800 } });
  const errors = collectErrors(page);
  await page.goto(new URL(`?today=2022-05-01${query}`, demo.server.url).href);
  await page.locator('#widget div.eol-table[data-product] table').waitFor({ timeout: 15_000 });
  await page.evaluate(() => {
    window.changes = [];
    document.addEventListener("eol-table:change", (e) => window.changes.push(e.detail));
  });
  return { page, errors };
}

describe("the interactive Istio table", () => {
  test("mouse: show hidden releases, sort by a header, filter", async () => {
    const { page, errors } = await open();
    assert.deepEqual(await visible(page), ["1.13", "1.12", "1.11"]);
    assert.equal(await liveText(page), "Showing 3 of 8 releases");

    await page.locator("#widget").getByRole("button", { name: "Show 5 more unmaintained releases" }).click();
    assert.equal((await visible(page)).length, 8);

    await page.locator('#widget th[data-column="eol"] button').click();
    assert.equal(await page.locator('#widget th[data-column="eol"]').getAttribute("aria-sort"), "ascending");
    assert.deepEqual(await visible(page), ["1.7", "1.8", "1.9", "1.10", "1.11", "1.12", "1.13", "1.6 and earlier"]);
    await page.locator('#widget th[data-column="eol"] button').click();
    assert.equal(await page.locator('#widget th[data-column="eol"]').getAttribute("aria-sort"), "descending");
    assert.equal(await page.locator("#widget th[aria-sort]").count(), 1);
    await page.screenshot({ path: screenshotPath("interactive-sorted.png"), fullPage: true });

    await page.locator('#widget button[data-filter="maintained"]').click();
    assert.deepEqual(await visible(page), ["1.13", "1.12"]);
    assert.equal(await liveText(page), "Showing 2 of 8 releases");

    const last = await page.evaluate(() => window.changes.at(-1));
    assert.deepEqual(
      { sort: last.sort, filter: last.filter, visible: last.visible, total: last.total },
      { sort: { column: "eol", direction: "descending" }, filter: "maintained", visible: 2, total: 8 },
    );
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("keyboard: search, then tab to a header and sort with Enter", async () => {
    const { page, errors } = await open();
    const search = page.locator("#widget input[type=search]");
    await search.click();
    await page.keyboard.type("1.1");
    assert.deepEqual(await visible(page), ["1.13", "1.12", "1.11", "1.10"]);
    assert.equal(await liveText(page), "Showing 4 of 8 releases");

    // Tab onwards until the Release header's sort button has focus.
    let focused = "";
    for (let i = 0; i < 10 && focused !== "release"; i++) {
      await page.keyboard.press("Tab");
      focused = await page.evaluate(() => document.activeElement?.closest("th")?.dataset.column ?? "");
    }
    assert.equal(focused, "release", "the Release header is reachable with Tab");
    await page.keyboard.press("Enter");
    assert.equal(await page.locator('#widget th[data-column="release"]').getAttribute("aria-sort"), "ascending");
    assert.deepEqual(await visible(page), ["1.10", "1.11", "1.12", "1.13"]);
    await page.keyboard.press("Space");
    assert.equal(await page.locator('#widget th[data-column="release"]').getAttribute("aria-sort"), "descending");
    assert.deepEqual(await visible(page), ["1.13", "1.12", "1.11", "1.10"]);

    await search.fill("no such release");
    assert.deepEqual(await visible(page), []);
    assert.equal(
      (await page.locator("#widget tr.eol-table__empty:not([hidden])").textContent()).trim(),
      "No releases match \u201cno such release\u201d.",
    );
    await page.screenshot({ path: screenshotPath("interactive-no-match.png") });
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("exact dates keep the date and its ISO tooltip", async () => {
    const { page, errors } = await open();
    await page.locator("#widget").getByRole("button", { name: "Exact dates" }).click();
    const cell = page.locator('#widget tr[data-cycle="1.12"] td[data-column="eol"]');
    assert.equal((await cell.innerText()).trim(), "Jun 2022");
    assert.equal(await cell.locator("time").getAttribute("title"), "2022-06");
    await page.screenshot({ path: screenshotPath("interactive-exact-dates.png") });
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("dark mode, from the system and from the theme option", async () => {
    const { page, errors } = await open();
    const rootBackground = () =>
      page.locator("#widget div.eol-table").evaluate((el) => getComputedStyle(el).backgroundColor);
    assert.equal(await rootBackground(), "rgb(255, 255, 255)");
    await page.emulateMedia({ colorScheme: "dark" });
    assert.equal(await rootBackground(), "rgb(13, 17, 23)", "theme auto follows prefers-color-scheme");
    await page.screenshot({ path: screenshotPath("interactive-dark.png"), fullPage: true });
    await page.emulateMedia({ colorScheme: "light" });
    await page.locator("#theme").selectOption("dark");
    assert.equal(await rootBackground(), "rgb(13, 17, 23)", "theme dark wins over a light system");
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("at 375 px rows become cards and nothing overflows the page", async () => {
    const { page, errors } = await open("&product=current/mssqlserver.md");
    await page.setViewportSize({ width: 375, height: 800 });
    const display = await page.locator("#widget tbody tr[data-cycle]").first().evaluate((tr) => getComputedStyle(tr).display);
    assert.equal(display, "block", "a row is a card");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
    await page.locator('#widget th[data-column="eol"] button').click();
    assert.equal(await page.locator('#widget th[data-column="eol"]').getAttribute("aria-sort"), "ascending");
    await page.screenshot({ path: screenshotPath("interactive-375.png"), fullPage: true });
    await page.emulateMedia({ colorScheme: "dark" });
    await page.screenshot({ path: screenshotPath("interactive-375-dark.png"), fullPage: true });
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("a locale rewords the dates", async () => {
    const { page, errors } = await open("&locale=fr");
    const cell = page.locator('#widget tr[data-cycle="1.12"] td[data-column="eol"]');
    assert.equal((await cell.textContent()).trim(), "Fin dans 2 mois (juin 2022)");
    await page.screenshot({ path: screenshotPath("interactive-fr.png") });
    assert.deepEqual(errors, []);
    await page.close();
  });
});

describe("contrast", () => {
  // WCAG 2 relative luminance and contrast ratio of the computed colours of each piece of text.
  const ratios = (page) =>
    page.evaluate(() => {
      const channel = (c) => {
        c /= 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      };
      const parse = (css) => css.match(/[\d.]+/g).map(Number);
      const luminance = ([r, g, b]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
      const background = (el) => {
        for (let e = el; e; e = e.parentElement) {
          const [r, g, b, a = 1] = parse(getComputedStyle(e).backgroundColor);
          if (a > 0) return [r, g, b];
        }
        return [255, 255, 255];
      };
      const selectors = [
        'td[data-status="ok"] .eol-table__value',
        'td[data-status="soon"] .eol-table__value',
        'td[data-status="ended"] .eol-table__value',
        'td[data-status="unknown"] .eol-table__value',
        'td[data-status="unavailable"] .eol-table__value',
        "thead th button",
        'td[data-column="releaseDate"] .eol-table__value',
        ".eol-table__status",
        ".eol-table__today",
        'button[aria-pressed="true"]',
        'button[aria-pressed="false"]',
        ".eol-table__more",
        'td[data-column="latest"] a',
      ];
      const root = document.querySelector("#widget .eol-table");
      return selectors.flatMap((selector) => {
        const el = root.querySelector(selector);
        if (!el) return [];
        const fg = luminance(parse(getComputedStyle(el).color));
        const bg = luminance(background(el));
        const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
        return [[selector, Math.round(ratio * 100) / 100]];
      });
    });

  for (const scheme of ["light", "dark"]) {
    test(`text meets WCAG AA (4.5:1) in the ${scheme} theme`, async () => {
      const page = await demo.browser.newPage({ viewport: { width: 1100, height: 800 }, colorScheme: scheme });
      // SQL Server has every status: ok, soon, ended, unknown and unavailable, and links.
      await page.goto(new URL("?today=2026-06-01&product=current/mssqlserver.md&theme=auto", demo.server.url).href);
      await page.locator("#widget table").waitFor();
      await page.locator("#widget").getByRole("button", { name: /more unmaintained/ }).click();
      const measured = await ratios(page);
      assert.ok(measured.length >= 10, `measured only ${JSON.stringify(measured)}`);
      if (process.env.SHOW_CONTRAST) console.log(scheme, JSON.stringify(measured));
      const failing = measured.filter(([, ratio]) => ratio < 4.5);
      assert.deepEqual(failing, [], `below 4.5:1 in ${scheme}: ${JSON.stringify(failing)}`);
      await page.close();
    });
  }
});
