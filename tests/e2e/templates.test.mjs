// End to end: a product whose templates use Liquid tags, as real endoflife.date files do, with a
// release cycle listed twice and relative links in its body; checked as a person sees it, and
// photographed (target/screenshots/templates-liquid.png).
import { test } from "node:test";
import assert from "node:assert/strict";
import { blankPage, screenshotPath, useDemo } from "./lib.mjs";

const demo = useDemo();

const SOURCE = `---
title: Liquid Product
permalink: /liquid-product
category: framework
releasePolicyLink: https://liquid.example/policy
changelogTemplate: "https://liquid.example/{% if '__RELEASE_CYCLE__' == '__LATEST__' %}relnote-issues{% else %}relnotes{% endif %}/__RELEASE_CYCLE__"
releaseLabel: "Liquid __RELEASE_CYCLE__{% if '__CODENAME__' != '' %} (__CODENAME__){% endif %}"
releases:
  - releaseCycle: "28"
    codename: Zebra
    releaseDate: 2022-03-01
    eol: 2023-03-01
    latest: "28.1"
    latestReleaseDate: 2022-04-01
    link: "https://liquid.example/{% assign major = '__RELEASE_CYCLE__' | split: '.' | first | plus: 0 %}{% if major >= 27 %}new{% else %}old{% endif %}/__LATEST__"
  - releaseCycle: "27"
    releaseDate: 2021-09-01
    eol: 2022-06-01
    latest: "27.4"
    latestReleaseDate: 2022-01-10
  - releaseCycle: "26"
    releaseDate: 2021-03-01
    eol: 2021-12-01
    latest: "26"
    latestReleaseDate: 2021-03-01
  - releaseCycle: "27"
    releaseDate: 2021-08-01
    eol: 2022-05-20
    latest: "27.0.9"
    latestReleaseDate: 2021-09-01
---

> [Liquid Product](https://liquid.example) is a made-up framework whose templates use Liquid tags.

See the [Node.js page](/nodejs) on endoflife.date, and the [upgrade notes](#upgrading) below.

## Upgrading

Upgrade one major version at a time.
`;

test("Liquid tags give the site's labels and links; a repeated cycle shows twice", async () => {
  const { page, errors, close } = await blankPage(demo, {
    name: "templates-test",
    body: '<main style="max-width: 60rem; margin: 1rem auto"><div id="host"></div></main>',
    context: { viewport: { width: 1000, height: 900 } },
  });
  await page.evaluate(async (source) => {
    const mod = window.eol;
    window.table = mod.render(document.getElementById("host"), source, { today: "2022-05-01", theme: "light" });
    window.product = mod.parseProduct(source, { today: "2022-05-01" });
  }, SOURCE);
  const rows = await page.$$eval("#host tbody tr[data-cycle]", (trs) =>
    trs.map((tr) => {
      const first = tr.querySelector("td, th");
      return { cycle: tr.dataset.cycle, label: first.textContent.trim(), href: first.querySelector("a")?.getAttribute("href") ?? null };
    }),
  );
  assert.deepEqual(rows.map((r) => r.cycle), ["28", "27", "26", "27"]);
  assert.equal(rows[0].label, "Liquid 28 (Zebra)");
  assert.equal(rows[1].label, "Liquid 27");
  const latestLinks = await page.$$eval("#host tbody tr[data-cycle] a", (as) => as.map((a) => a.getAttribute("href")));
  assert.ok(latestLinks.includes("https://liquid.example/new/28.1"), latestLinks.join(" "));
  assert.ok(latestLinks.includes("https://liquid.example/relnotes/27"), latestLinks.join(" "));
  assert.ok(latestLinks.includes("https://liquid.example/relnote-issues/26"), latestLinks.join(" "));
  const warnings = await page.evaluate(() => window.product.warnings);
  assert.ok(warnings.some((w) => w.startsWith("release cycle `27` appears more than once")), warnings.join("\n"));
  assert.equal(await page.getAttribute("#host a:text('Node.js page')", "href"), "https://endoflife.date/nodejs");
  assert.equal(await page.getAttribute("#host a:text('upgrade notes')", "href"), "#eol-liquid-product-upgrading");
  await page.click("#host a:text('upgrade notes')");
  assert.equal(await page.evaluate(() => location.hash), "#eol-liquid-product-upgrading");
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: screenshotPath("templates-liquid.png"), fullPage: true });
  assert.deepEqual(errors, []);
  await close();
});
