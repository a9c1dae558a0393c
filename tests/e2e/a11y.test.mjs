// End to end: axe-core over what the widget puts in a page — the demo's card (with its timeline
// and downloads), the custom elements' page and the badges' page — in light and dark. Inside the
// widget there must be no violation of the `wcag2a`, `wcag2aa` and `best-practice` rules; the
// pages around it are not under test.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { collectErrors, useDemo } from "./lib.mjs";

const demo = useDemo();
const AXE = fileURLToPath(new URL("../../.tools/node_modules/axe-core/axe.min.js", import.meta.url));

/** What the widget adds to a page: the roots of tables, timelines and badges, and the elements. */
const WIDGETS = "div.eol-table, div.eol-timeline, .eol-badge, eol-table, eol-badge";

const PAGES = [
  { name: "the demo card", path: "?today=2022-05-01", ready: 'div.eol-table[data-product="istio"] table' },
  { name: "the element page", path: "element.html", ready: "eol-table" },
  { name: "the badge page", path: "badge.html", ready: "eol-badge" },
];

for (const colorScheme of ["light", "dark"]) {
  describe(`accessibility in ${colorScheme}`, () => {
    for (const { name, path, ready } of PAGES) {
      test(`${name} has no axe violations inside the widget`, async () => {
        const page = await demo.browser.newPage({ viewport: { width: 1100, height: 900 }, colorScheme });
        const errors = collectErrors(page);
        await page.goto(new URL(path, demo.server.url).href);
        await page.locator(ready).first().waitFor({ timeout: 15_000 });
        // Every custom element on the page has rendered.
        await page.evaluate(() =>
          Promise.all([...document.querySelectorAll("eol-table, eol-badge")].map((el) => el.ready)),
        );
        await page.addScriptTag({ path: AXE });
        const violations = await page.evaluate(async (selector) => {
          const include = [...document.querySelectorAll(selector)].filter(
            (el) => !el.parentElement?.closest(selector),
          );
          const result = await window.axe.run(
            { include },
            { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "best-practice"] }, resultTypes: ["violations"] },
          );
          return result.violations.map((v) => ({
            rule: v.id,
            help: v.help,
            nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(" > ")}: ${n.failureSummary.split("\n").slice(0, 2).join(" ")}`),
          }));
        }, WIDGETS);
        assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
        assert.deepEqual(errors, []);
        await page.close();
      });
    }
  });
}
