// End to end: a fresh Vite app that installs the packed npm package (`npm pack` of pkg/),
// imports it by name (main module, stylesheet, element), is built by `vite build` and served
// from its dist/, in headless Chromium.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createReadStream } from "node:fs";
import { readdir, stat, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import path from "node:path";
import { packedApp, run, toolBin } from "../node/pack.mjs";
import { collectErrors, launchBrowser, screenshotPath } from "./lib.mjs";

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

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm" };
/** Serves a folder on a free loopback port: { url, close }. */
function serveFolder(root) {
  const server = createServer(async (req, res) => {
    const name = new URL(req.url, "http://x").pathname.replace(/\/$/, "/index.html");
    const file = path.join(root, path.normalize(decodeURIComponent(name)).replace(/^(\.\.[/\\])+/, ""));
    const found = file.startsWith(root) && (await stat(file).catch(() => null))?.isFile();
    if (!found) return res.writeHead(name === "/favicon.ico" ? 204 : 404).end(); // browsers ask for one
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({
        url: `http://127.0.0.1:${server.address().port}/`,
        close: () => new Promise((done) => (server.closeAllConnections(), server.close(done))),
      }),
    ),
  );
}

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
});
