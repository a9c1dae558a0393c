// End to end: every page and bundled-app example of README.md and js/README.md, as written, in
// headless Chromium (tests/node/readme.mjs extracts them and says where each runs). An example
// passes when the page has no error (uncaught, console, alert) and every place it renders into
// shows a table or a badge. Examples that load data run twice: as written, and with their data
// answered 404, when they must say so on the page instead of throwing.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { cp, writeFile } from "node:fs/promises";
import path from "node:path";
import { packedApp } from "../node/pack.mjs";
import { externalBody, readmeBlocks } from "../node/readme.mjs";
import { ICON_SVG, launchBrowser, screenshotPath, serveFolder, startDemoServer, vite } from "./lib.mjs";

const blocks = readmeBlocks();
const pages = blocks.filter((b) => b.kind === "page");
const bundles = blocks.filter((b) => b.kind === "bundle");
const fileName = (block) => `readme-${path.basename(block.file, ".md").toLowerCase()}-${block.line}`;

let demo; // `make demo`'s server: README.md's pages sit in www/
let site; // a static host of the app that installed the package: js/README.md's pages
let built; // the app's `vite build` of the bundled examples
let browser;
let packed;
before(async () => {
  packed = await packedApp("readme-e2e");
  // "Copy the package's files into eol-table/ beside your page (or serve node_modules/eol-table/)"
  await cp(path.join(packed.app, "node_modules", "eol-table"), path.join(packed.app, "eol-table"), { recursive: true });
  const input = {};
  for (const block of bundles) {
    const name = fileName(block);
    await writeFile(path.join(packed.app, `${name}.js`), block.code);
    await writeFile(
      path.join(packed.app, `${name}.html`),
      `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${block.name}</title></head>\n<body><script type="module" src="./${name}.js"></script></body></html>\n`,
    );
    input[name] = path.join(packed.app, `${name}.html`);
  }
  await (await vite()).build({ root: packed.app, configFile: false, logLevel: "warn", build: { rolldownOptions: { input } } });
  [demo, site, built, browser] = await Promise.all([
    startDemoServer(),
    serveFolder(packed.app),
    serveFolder(path.join(packed.app, "dist")),
    launchBrowser(),
  ]);
});
after(async () => {
  await browser?.close();
  await Promise.all([demo?.close(), site?.close(), built?.close()]);
  await packed?.remove();
});

/** The page's state, shadow roots included: what a reader sees of the example. */
function seen(page) {
  return page.evaluate(async () => {
    const hosts = [...document.querySelectorAll("eol-table, eol-badge, eol-stack")];
    await Promise.all(hosts.map(async (el) => (await customElements.whenDefined(el.localName), el.ready)));
    const roots = [document, ...hosts.map((el) => el.shadowRoot).filter(Boolean)];
    const all = (selector) => roots.flatMap((root) => [...root.querySelectorAll(selector)]);
    return {
      alerts: all('[role="alert"]').map((a) => a.textContent),
      shown: all("div.eol-table table, .eol-badge").length,
      elements: hosts.filter((el) => !el.shadowRoot?.querySelector("div.eol-table table, .eol-badge")).map((el) => el.outerHTML.slice(0, 80)),
      // the divs the example's script renders into
      empty: [...document.querySelectorAll("body div[id]")].filter((div) => !div.textContent.trim()).map((div) => div.id),
      text: roots.map((root) => (root === document ? document.body.innerText : root.textContent)).join("\n"),
    };
  });
}

/** Whether a request fetches data (a product file, API JSON), not the page, code or wasm. */
const isData = (request) => ["fetch", "xhr"].includes(request.resourceType()) && !/\.wasm($|\?)/.test(request.url());

/**
 * Opens `html` as the page at `base` + its name, with the web offline (endoflife.date's API from
 * the repository's copies, icons from memory), every data request answered 404 when `missing`:
 * { page, errors, logs, unknown, data (the data URLs requested) }.
 */
async function open(base, name, html, { missing = false } = {}) {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const errors = [];
  const logs = [];
  const unknown = [];
  const data = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(`console: ${msg.text()}`);
    if (msg.type() === "log") logs.push(msg.text());
  });
  page.on("pageerror", (err) => errors.push(`pageerror: ${err.message}`));
  const url = new URL(`${name}.html`, base).href;
  await page.route("**/*", (route) => {
    const target = route.request().url();
    if (isData(route.request())) data.push(target);
    if (missing && isData(route.request())) return route.fulfill({ status: 404, contentType: "text/plain", body: "Not Found", headers: { "access-control-allow-origin": "*" } });
    if (target === url && html) return route.fulfill({ status: 200, contentType: "text/html", body: html });
    if (target.startsWith("http://127.0.0.1:")) return route.fallback();
    if (target.startsWith("https://cdn.jsdelivr.net/npm/simple-icons/")) return route.fulfill({ contentType: "image/svg+xml", body: ICON_SVG });
    const known = externalBody(target);
    if (known) return route.fulfill({ status: 200, contentType: known.type, body: known.body, headers: { "access-control-allow-origin": "*" } });
    unknown.push(target);
    return route.abort();
  });
  await page.goto(url);
  await page.waitForLoadState("networkidle");
  return { page, errors, logs, unknown, data };
}

/** Where a README's pages are served, and a page of the block's code. */
function pageOf(block) {
  const base = block.file === "README.md" ? demo.url : site.url;
  const html = /<html/i.test(block.code)
    ? block.code
    : `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${block.name}</title></head>\n<body>\n${block.code}</body></html>\n`;
  return { base, name: fileName(block), html };
}

describe("README page examples, as written", () => {
  const loads = new Map(); // block -> the data URLs it requested
  for (const block of pages) {
    test(`${block.name} renders without an error`, async () => {
      const { base, name, html } = pageOf(block);
      const { page, errors, unknown, data } = await open(base, name, html);
      loads.set(block, [...new Set(data)]);
      const state = await seen(page);
      await page.screenshot({ path: screenshotPath(`${name}.png`), fullPage: true });
      assert.deepEqual(unknown, [], "requests to the web no test serves");
      assert.deepEqual(errors, []);
      assert.deepEqual(state.alerts, []);
      assert.deepEqual(state.elements, [], "every <eol-table>, <eol-badge> and <eol-stack> shows a table or a badge");
      assert.deepEqual(state.empty, [], "every element the script renders into shows something");
      assert.ok(state.shown > 0, "a table or a badge");
      await page.close();
    });

    test(`${block.name} says so on the page when its data is missing (404)`, async (t) => {
      const urls = loads.get(block) ?? [];
      if (urls.length === 0) return t.skip("it loads no data");
      const { base, name, html } = pageOf(block);
      const { page, errors } = await open(base, name, html, { missing: true });
      const state = await seen(page);
      const said = [...state.text.matchAll(/could not load (\S+): HTTP 404/g)].map((m) => m[1]);
      for (const url of urls) {
        // the example may name the URL as it wrote it (./data/x.md), the element resolves it
        const named = said.some((u) => url === u || url.endsWith(u.replace(/^\.\//, "/")));
        assert.ok(named, `the page names ${url} and its 404:\n${state.text}`);
      }
      // the browser's own line for each 404 is the only console error; nothing is thrown
      assert.deepEqual(errors.filter((e) => !/Failed to load resource.*404/.test(e)), []);
      await page.close();
    });
  }
});

describe("README bundled-app examples, built by Vite from the installed tarball", () => {
  for (const block of bundles) {
    test(`${block.name} runs without an error`, async () => {
      const name = fileName(block);
      const { page, errors, logs, unknown } = await open(built.url, name);
      const state = await seen(page);
      if (block.code.includes("console.log")) {
        await page.waitForFunction((n) => n > 0, logs.length).catch(() => {});
      }
      await page.screenshot({ path: screenshotPath(`${name}.png`), fullPage: true });
      assert.deepEqual(unknown, []);
      assert.deepEqual(errors, []);
      assert.deepEqual(state.alerts, []);
      assert.deepEqual(state.elements, []);
      // an example may destroy what it rendered at its end; what it logged shows it ran
      assert.ok(state.shown > 0 || /\.destroy\(\)/.test(block.code), "a table or a badge");
      if (block.code.includes("console.log")) {
        assert.ok(logs.length > 0, "it logged");
        assert.deepEqual(logs.filter((l) => /undefined|NaN|\[object Object\]/.test(l)), [], logs.join("\n"));
      }
      await page.close();
    });
  }
});
