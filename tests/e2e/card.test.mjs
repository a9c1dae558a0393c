// End to end: the product card around the table, as a person uses it in headless Chromium:
// the copy button (Clipboard API, and the fallback without it), the downloads, the icon, and the
// timeline of a product with many cycles; screenshots in light and dark.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { collectErrors, screenshotPath, useDemo } from "./lib.mjs";

const demo = useDemo();

/** A page rendering `source` (a fixture path, or null for Istio) with `options`. */
async function card(options = {}, { source = null, context = {}, width = 1100, init } = {}) {
  const ctx = await demo.browser.newContext({ viewport: { width, height: 900 }, ...context });
  const page = await ctx.newPage();
  const errors = collectErrors(page);
  if (init) await page.addInitScript(init);
  await page.goto(new URL("/element.html", demo.server.url).href);
  await page.evaluate(
    async ({ source, options }) => {
      const { default: init, render } = await import("/pkg/eol_table.js");
      await init();
      // A plain page: none of the demo page's own styles.
      document.querySelectorAll('style, link[rel="stylesheet"]').forEach((e) => e.remove());
      document.body.replaceChildren();
      document.body.style.margin = "16px";
      const host = document.createElement("div");
      host.id = "card";
      document.body.append(host);
      const text = source ? await (await fetch(`/shared/fixtures/${source}`)).text() : null;
      window.table = render(host, text, { today: "2022-05-01", ...options });
    },
    { source, options },
  );
  return { page, ctx, errors };
}

describe("the product card", () => {
  test("Copy puts the version command on the clipboard and says Copied", async () => {
    const { page, ctx, errors } = await card({}, {
      context: { permissions: ["clipboard-read", "clipboard-write"] },
    });
    const copied = page.locator("#card .eol-table__copied");
    assert.equal(await copied.textContent(), "");
    await page.getByRole("button", { name: "Copy the version command" }).click();
    await page.waitForFunction(() => document.querySelector("#card .eol-table__copied").textContent === "Copied");
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), "istioctl version");
    // The message goes away again.
    await page.waitForFunction(() => document.querySelector("#card .eol-table__copied").textContent === "", null, { timeout: 5000 });
    assert.deepEqual(errors, []);
    await ctx.close();
  });

  test("without the Clipboard API, Copy selects the command and copies it", async () => {
    const { page, ctx, errors } = await card({}, {
      init: () => Object.defineProperty(Navigator.prototype, "clipboard", { get: () => undefined }),
    });
    await page.getByRole("button", { name: "Copy the version command" }).click();
    const said = await page.locator("#card .eol-table__copied").textContent();
    assert.ok(["Copied", "Selected: press Ctrl+C (⌘C) to copy"].includes(said), said);
    assert.equal(await page.evaluate(() => String(getSelection())), "istioctl version");
    assert.deepEqual(errors, []);
    await ctx.close();
  });

  test("Download CSV and Add to calendar offer the files", async () => {
    const { page, ctx, errors } = await card({ downloads: true });
    const [csv] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download CSV" }).click(),
    ]);
    assert.equal(csv.suggestedFilename(), "istio.csv");
    const csvText = await readFile(await csv.path(), "utf8");
    assert.match(csvText, /^Release,Released,End of Support,Latest\r\n1\.13,2022-02-11,2022-10,/);
    const [ics] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Add to calendar" }).click(),
    ]);
    assert.equal(ics.suggestedFilename(), "istio.ics");
    const icsText = await readFile(await ics.path(), "utf8");
    assert.match(icsText, /^BEGIN:VCALENDAR\r\n/);
    assert.match(icsText, /UID:istio-1\.12-eol@eol-table\r\n/);
    assert.deepEqual(errors, []);
    await ctx.close();
  });

  test("a failed icon leaves no broken image", async () => {
    const { page, ctx, errors } = await card({ iconBase: "/no-such-icons/" });
    await page.waitForFunction(() => !document.querySelector("#card img.eol-table__logo"));
    assert.equal(await page.locator("#card header h2").textContent(), "Istio");
    // The failed request is the point of this test, not an error of the widget.
    assert.deepEqual(errors.filter((e) => !e.includes("404")), []);
    await ctx.close();
  });

  for (const scheme of ["light", "dark"]) {
    test(`the whole Istio card, with its timeline, in ${scheme}`, async () => {
      const { page, ctx, errors } = await card(
        { timeline: true, downloads: true, theme: scheme },
        { context: { colorScheme: scheme } },
      );
      await page.locator("#card img.eol-table__logo").evaluate((img) => img.decode());
      const rows = await page.locator("#card .eol-timeline g.eol-tl-row").count();
      assert.equal(rows, 7, "one bar group per dated cycle");
      assert.equal(await page.locator("#card .eol-timeline .eol-tl-today-line").count(), 1);
      // The header's logo and the cells' status icons are styled apart.
      const statusIcon = await page.locator("#card td[data-status] .eol-table__icon").first()
        .evaluate((e) => e.getBoundingClientRect().height);
      assert.ok(statusIcon < 24, `status icon ${statusIcon}px tall`);
      await page.locator("#card").screenshot({ path: screenshotPath(`card-istio-${scheme}.png`) });
      assert.deepEqual(errors, []);
      await ctx.close();
    });
  }

  test("the timeline of a product with more than 30 cycles stays readable on a phone", async () => {
    const { page, ctx, errors } = await card(
      { timeline: true },
      { source: "current/electron.md", width: 390 },
    );
    const rows = await page.locator("#card .eol-timeline g.eol-tl-row").count();
    assert.ok(rows > 30, `${rows} cycles drawn`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.ok(overflow <= 0, `the page does not scroll sideways (${overflow}px)`);
    await page.locator("#card .eol-timeline").screenshot({ path: screenshotPath("timeline-electron-390.png") });
    assert.deepEqual(errors, []);
    await ctx.close();
  });
});
