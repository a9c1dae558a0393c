// End to end: "is my version still supported?" on the demo page: the highlighted row, the
// verdict, the badge element and the SVG badge, on a light and a dark page.
import { test } from "node:test";
import assert from "node:assert/strict";
import { collectErrors, screenshotPath, useDemo } from "./lib.mjs";

// The demo server and Chromium, started before and stopped after this file's tests.
const demo = useDemo();

for (const scheme of ["light", "dark"]) {
  test(`a version is highlighted, judged and badged (${scheme} page)`, async () => {
    const page = await demo.browser.newPage({ viewport: { width: 1100, height: 700 }, colorScheme: scheme });
    const errors = collectErrors(page);
    await page.goto(new URL("?today=2022-05-01&version=1.12.4", demo.server.url).href);
    await page.locator("#widget table").waitFor();

    const current = page.locator('#widget tr[aria-current="true"]');
    assert.equal(await current.count(), 1);
    assert.equal(await current.getAttribute("data-cycle"), "1.12");
    assert.equal(
      await page.locator("#widget .eol-table__verdict").textContent(),
      "1.12.4 is supported until 30 Jun 2022 \u2014 ends in 2 months; upgrade to 1.13",
    );
    const badge = page.locator("#badge .eol-badge");
    assert.equal(await badge.getAttribute("data-status"), "soon");
    assert.equal(await badge.locator(".eol-badge__label").textContent(), "Istio 1.12");
    assert.equal(await badge.locator(".eol-badge__value").textContent(), "ends in 2 months");
    assert.match(await badge.getAttribute("aria-label"), /^1\.12\.4 is supported until 30 Jun 2022/);

    // The SVG badge renders as an image in Chromium.
    const svg = page.locator("#badge-svg");
    await svg.evaluate((img) => img.decode());
    const size = await svg.evaluate((img) => [img.naturalWidth, img.naturalHeight]);
    assert.ok(size[0] > 100 && size[1] === 20, `the SVG badge is ${size}`);

    await page.locator("#badges").screenshot({ path: screenshotPath(`badges-${scheme}.png`) });
    await page.screenshot({ path: screenshotPath(`version-${scheme}.png`) });

    await page.locator("#version").fill("2.0.0");
    assert.equal(
      await page.locator("#widget .eol-table__verdict").textContent(),
      "2.0.0 is not a known Istio release; the nearest are 1.13 and 1.12",
    );
    assert.equal(await page.locator("#badge .eol-badge").getAttribute("data-status"), "unknown");
    assert.equal(await page.locator('#widget tr[aria-current="true"]').count(), 0);
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test("<eol-badge> elements read correctly on light and dark pages", async () => {
  const page = await demo.browser.newPage({ viewport: { width: 1280, height: 240 } });
  const errors = collectErrors(page);
  await page.goto(new URL("badge.html", demo.server.url).href);
  const badge = (id) => page.locator(`#${id}`);
  for (const id of ["soon", "ok", "ended", "unknown", "guzzle"]) {
    await badge(id).evaluate((el) => el.ready);
  }
  const inner = (id) => badge(id).locator(".eol-badge");
  assert.equal(await inner("soon").getAttribute("data-status"), "soon");
  assert.equal(await inner("soon").textContent(), "Istio 1.12ends in 2 months");
  assert.equal(
    await inner("soon").getAttribute("aria-label"),
    "1.12.4 is supported until 30 Jun 2022 \u2014 ends in 2 months; upgrade to 1.13",
  );
  assert.equal(await inner("ok").getAttribute("data-status"), "ok");
  assert.equal(await inner("ended").getAttribute("data-status"), "ended");
  assert.equal(await inner("ended").getAttribute("data-style"), "flat-square");
  assert.equal(await inner("unknown").getAttribute("data-status"), "unknown");
  assert.match(await inner("guzzle").getAttribute("aria-label"), /^7\.9\.2 /, "loaded by src");

  // An attribute change renders again.
  await badge("soon").evaluate((el) => el.setAttribute("version", "1.11.0"));
  await badge("soon").evaluate((el) => el.ready);
  assert.equal(await inner("soon").getAttribute("data-status"), "ended");

  // The label part stays white on grey and the value dark on its colour, on either page.
  const contrast = await page.evaluate(() =>
    [...document.querySelectorAll("eol-badge")].map((el) => {
      const value = el.shadowRoot.querySelector(".eol-badge__value");
      return value ? getComputedStyle(value).color : null;
    }),
  );
  assert.ok(contrast.every((c) => c === "rgb(17, 17, 17)"), JSON.stringify(contrast));
  await page.screenshot({ path: screenshotPath("badges-element.png") });
  assert.deepEqual(errors, []);
  await page.close();
});
