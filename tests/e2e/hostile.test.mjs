// Hostile product data in every string field, rendered in Chromium under a strict Content
// Security Policy with Trusted Types enforced: no payload runs, no javascript:/data: URL reaches
// an href or src, and the widget still renders.
import { test } from "node:test";
import assert from "node:assert/strict";
import { collectErrors, screenshotPath, useDemo } from "./lib.mjs";

// The demo server and Chromium, started before and stopped after this file's tests.
const demo = useDemo();

const POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "require-trusted-types-for 'script'; trusted-types 'none'";

// Each payload sets window.__xss if it ever runs.
const PAYLOADS = [
  `<script>window.__xss=1</script>`,
  `<img src=x onerror="window.__xss=1">`,
  `"><svg onload=window.__xss=1>`,
  `' onmouseover='window.__xss=1`,
  `javascript:window.__xss=1`,
  `JaVaScRiPt:window.__xss=1`,
  ` java\tscript:window.__xss=1`,
  `data:text/html,<script>window.__xss=1</script>`,
  `&#106;avascript:window.__xss=1`,
  `{{ '<img src=x onerror=window.__xss=1>' }}`,
];

/** A product file with `p` in every string field the widget shows or links. */
function hostile(p, i) {
  const q = JSON.stringify(p); // a YAML double-quoted string is a JSON string
  return `---
title: ${q}
permalink: /x${i}
category: ${q}
tags: ${q}
iconSlug: ${q}
versionCommand: ${q}
releasePolicyLink: ${q}
changelogTemplate: ${q}
releaseLabel: ${JSON.stringify(p + " __RELEASE_CYCLE__")}
LTSLabel: ${JSON.stringify(`<abbr title=${JSON.stringify(p)}>${p}</abbr>`)}
eolColumn: ${q}
eoasColumn: ${q}
customFields:
  - name: extra
    display: after-release-column
    label: ${q}
    description: ${q}
releases:
  - releaseCycle: ${JSON.stringify(p + " a")}
    codename: ${q}
    lts: true
    releaseDate: 2021-01-01
    eoas: 2022-01-01
    eol: 2030-01-01
    latest: ${q}
    latestReleaseDate: 2021-06-01
    extra: ${q}
    link: ${q}
  - releaseCycle: ${JSON.stringify(p + " b")}
    releaseLabel: ${q}
    eol: true
    latest: ${q}
    link: ${JSON.stringify("https://example.com/__LATEST__/" + p)}
---
> ${p}

${p} [link](${p}) ![img](${p})
`;
}

const MODULE = `
window.addEventListener("error", (e) => { document.body.dataset.error = e.message; document.body.dataset.done = "true"; });
window.addEventListener("unhandledrejection", (e) => { document.body.dataset.error = String(e.reason?.message ?? e.reason); document.body.dataset.done = "true"; });
import init, { render, renderBadge, badgeSvg, checkVersion, parseProduct } from "/pkg/eol_table.js";
import "/pkg/eol-table-element.js";
await init();
const sources = await (await fetch("/hostile-sources.json")).json();
const root = document.getElementById("out");
for (const [i, source] of sources.entries()) {
  const box = document.createElement("div");
  root.append(box);
  render(box, source, { today: "2022-05-01", injectStyles: false, version: sources[i].slice(0, 40) });
  const badge = document.createElement("div");
  root.append(badge);
  renderBadge(badge, source, { today: "2022-05-01", version: "x", injectStyles: false });
  parseProduct(source, { today: "2022-05-01" });
  checkVersion(source, source.slice(0, 50), { today: "2022-05-01" });
  const img = document.createElement("span");
  img.textContent = badgeSvg(source, { today: "2022-05-01", version: source.slice(0, 60) }).length;
  root.append(img);
  // Trusted Types forbid writing a <script>'s text, so the element loads the same file by src.
  const element = document.createElement("eol-table");
  element.setAttribute("today", "2022-05-01");
  element.setAttribute("src", "/hostile-" + i + ".md");
  root.append(element);
  await element.ready;
}
document.body.dataset.done = "true";
`;

test("no payload in any field runs or reaches a URL, under CSP and Trusted Types", async () => {
  const page = await demo.browser.newPage({ viewport: { width: 1200, height: 900 } });
  const errors = collectErrors(page);
  const base = demo.server.url;
  const sources = PAYLOADS.map(hostile);
  await page.route(new URL("hostile.html", base).href, (route) =>
    route.fulfill({
      contentType: "text/html",
      headers: { "Content-Security-Policy": POLICY },
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>hostile</title>
        <script type="module" src="/hostile.mjs"></script></head><body><main id="out"></main></body></html>`,
    }),
  );
  await page.route(new URL("hostile.mjs", base).href, (route) =>
    route.fulfill({ contentType: "text/javascript", body: MODULE }),
  );
  await page.route(new URL("hostile-sources.json", base).href, (route) =>
    route.fulfill({ contentType: "application/json", body: JSON.stringify(sources) }),
  );
  await page.route(/\/hostile-\d+\.md$/, (route) => {
    const i = Number(route.request().url().match(/hostile-(\d+)\.md$/)[1]);
    route.fulfill({ contentType: "text/markdown", body: sources[i] });
  });
  await page.goto(new URL("hostile.html", base).href);
  await page.locator("body[data-done=true]").waitFor({ timeout: 30_000, state: "attached" });
  assert.equal(await page.locator("body").getAttribute("data-error"), null, "the page script failed");

  // Hover and click everything a payload might have turned into a handler.
  await page.evaluate(() => {
    const all = (root) => [root, ...root.querySelectorAll("*")].flatMap((el) => (el.shadowRoot ? [el, ...all(el.shadowRoot)] : [el]));
    for (const el of all(document.body)) {
      for (const type of ["mouseover", "focus", "click"]) el.dispatchEvent(new Event(type, { bubbles: true }));
    }
  });

  const report = await page.evaluate(() => {
    const all = (root) => [...root.querySelectorAll("*")].flatMap((el) => (el.shadowRoot ? [el, ...all(el.shadowRoot)] : [el]));
    const elements = all(document.body);
    return {
      xss: window.__xss ?? null,
      tables: elements.filter((el) => el.matches("div.eol-table[data-product] table")).length,
      rows: elements.filter((el) => el.matches("tr[data-cycle]")).length,
      badges: elements.filter((el) => el.matches(".eol-badge")).length,
      dangerous: elements.filter((el) => el.matches("script, img, svg, iframe, object, embed")).map((el) => el.outerHTML.slice(0, 80))
        .filter((html) => !html.startsWith('<script type="module"') && !html.startsWith('<script type="text/markdown"')),
      badUrls: elements.flatMap((el) => ["href", "src", "action", "formaction"].map((a) => el.getAttribute(a)).filter(Boolean))
        .filter((url) => !/^(https?:|mailto:|\/|#|\?|[^:]*$)/i.test(url.trim())),
      handlers: elements.flatMap((el) => [...el.attributes].map((a) => a.name)).filter((name) => name.startsWith("on")),
    };
  });
  assert.equal(report.xss, null, "a payload ran");
  assert.deepEqual(report.dangerous, [], "an element was built from data");
  assert.deepEqual(report.badUrls, [], "a non-allowlisted URL reached the page");
  assert.deepEqual(report.handlers, [], "an event handler attribute was set");
  assert.equal(report.tables, PAYLOADS.length * 2, "every widget still rendered (render and <eol-table>)");
  assert.equal(report.rows, PAYLOADS.length * 2 * 2);
  assert.equal(report.badges, PAYLOADS.length);
  await page.screenshot({ path: screenshotPath("hostile.png") });
  assert.deepEqual(errors.filter((e) => !e.includes("style-src")), [], "no CSP or Trusted Types violation");
  await page.close();
});
