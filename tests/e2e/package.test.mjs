// End to end: a fresh Vite app that installs the packed npm package as the README says (`make
// pack`'s tarball, `npm install ./eol-table-<version>.tgz`), imports it by name (main module,
// stylesheet, element), is built by `vite build` and served from its dist/, and runs under
// Vite's dev server, in headless Chromium.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { lstat, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { packedApp, run, toolBin } from "../node/pack.mjs";
import { collectErrors, launchBrowser, screenshotPath, serveFolder, vite } from "./lib.mjs";

const INDEX = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>app</title></head>
<body>
  <div id="app"></div>
  <eol-table id="element" today="2022-05-01" theme="dark"></eol-table>
  <script type="module" src="./main.js"></script>
</body>
</html>
`;
const MAIN = `import init, { render } from "eol-table";
import "eol-table/eol-table.css";
import "eol-table/element";

await init();
render(document.getElementById("app"), null, { today: "2022-05-01", injectStyles: false });
`;

let packed;
let server;
let browser;
let assets;
before(async () => {
  packed = await packedApp("vite");
  await writeFile(path.join(packed.app, "index.html"), INDEX);
  await writeFile(path.join(packed.app, "main.js"), MAIN);
  // vite from .tools/ (pinned in tools/versions.env); the app resolves "eol-table" itself
  await run(toolBin("vite"), ["build", "--logLevel", "warn"], { cwd: packed.app });
  const dist = path.join(packed.app, "dist");
  assets = await readdir(path.join(dist, "assets"));
  server = await serveFolder(dist);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
  await packed?.remove();
});

describe("the package in a Vite app", () => {
  test("vite build emits the wasm as an asset", () => {
    assert.equal(assets.filter((f) => f.endsWith(".wasm")).length, 1, assets.join(", "));
    assert.equal(assets.filter((f) => f.endsWith(".css")).length, 1, "the imported eol-table.css");
  });

  test("the built app renders the table and the <eol-table> element", async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const errors = collectErrors(page);
    await page.goto(server.url);
    const table = page.locator('#app div.eol-table[data-product="istio"]');
    await table.locator("table").waitFor({ timeout: 15_000 });
    await page.locator("#element div.eol-table table").waitFor({ timeout: 15_000 });

    const eol = (root) => page.locator(`${root} tr[data-cycle="1.12"] td[data-column="eol"]`);
    assert.equal(await eol("#app").getAttribute("data-status"), "soon");
    assert.equal(await eol("#element").getAttribute("data-status"), "soon");
    // the stylesheet came from `import "eol-table/eol-table.css"` (render had injectStyles: false)
    const background = await eol("#app").evaluate((td) => getComputedStyle(td).backgroundColor);
    assert.equal(background, "rgb(247, 209, 46)", "--eol-soon");
    assert.equal(await page.locator("#element div.eol-table").getAttribute("data-theme"), "dark");
    await page.screenshot({ path: screenshotPath("package-vite.png"), fullPage: true });
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("Vite's dev server serves the tarball install, wasm included", async () => {
    // a folder install would be a symlink out of the app, and the dev server refuses files
    // outside its allow list (403 for eol_table_bg.wasm): the README's reason for `make pack`
    assert.ok((await lstat(path.join(packed.app, "node_modules", "eol-table"))).isDirectory(), "copied, not linked");
    const dev = await (await vite()).createServer({ root: packed.app, configFile: false, logLevel: "warn", server: { host: "127.0.0.1", port: 0 } });
    await dev.listen();
    try {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      const errors = collectErrors(page);
      const refused = [];
      page.on("response", (res) => res.status() >= 400 && !res.url().endsWith("/favicon.ico") && refused.push(`${res.status()} ${res.url()}`));
      await page.goto(dev.resolvedUrls.local[0]);
      await page.locator("#app div.eol-table table").waitFor({ timeout: 30_000 });
      await page.locator("#element div.eol-table table").waitFor({ timeout: 15_000 });
      assert.equal(await page.locator('#app tr[data-cycle="1.12"] td[data-column="eol"]').getAttribute("data-status"), "soon");
      assert.deepEqual(refused, []);
      assert.deepEqual(errors.filter((e) => !/favicon|Failed to load resource: the server responded with a status of 404/.test(e)), []);
      await page.close();
    } finally {
      await dev.close();
    }
  });
});
