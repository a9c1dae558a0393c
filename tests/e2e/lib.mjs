// Shared helpers for the end-to-end tests: the demo server in-process, and Debian's Chromium
// driven by playwright-core (installed into .tools/ by scripts/setup.sh; it never downloads a browser).
import { createReadStream, mkdirSync } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { after, before } from "node:test";
import { startServer } from "../../scripts/serve.mjs";
import { launchBrowser } from "../../scripts/chromium.mjs";

export { CHROMIUM, CHROMIUM_ARGS, launchBrowser } from "../../scripts/chromium.mjs";

export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

/** The demo server on a free loopback port: { url, port, close }. */
export function startDemoServer() {
  return startServer({ port: 0, host: "127.0.0.1" });
}

/** A 24×24 stand-in for a Simple Icons glyph: the tests run offline. */
export const ICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><circle cx="12" cy="12" r="10"/></svg>';

/**
 * Serves product icons (the Simple Icons CDN the card uses by default) from memory, so pages
 * behave as they would online instead of logging failed requests.
 */
export async function offlineIcons(page) {
  await page.route("https://cdn.jsdelivr.net/npm/simple-icons/**", (route) =>
    route.fulfill({ status: 200, contentType: "image/svg+xml", body: ICON_SVG }),
  );
}

/**
 * Collects console errors and uncaught page errors; check `.length === 0` at the end. Also
 * serves the product icons offline (`offlineIcons`), which every page with a card loads.
 */
export function collectErrors(page) {
  offlineIcons(page);
  const errors = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(`console: ${msg.text()}`);
  });
  page.on("pageerror", (err) => errors.push(`pageerror: ${err.message}`));
  return errors;
}

/** Path of a screenshot under target/screenshots/ (the folder is created). */
export function screenshotPath(name) {
  const dir = new URL("../../target/screenshots/", import.meta.url);
  mkdirSync(dir, { recursive: true });
  return fileURLToPath(new URL(name, dir));
}

/**
 * Starts the demo server and Chromium before the calling file's tests and stops them after:
 * `demo.server` ({ url, port, close }) and `demo.browser` once `before` has run.
 */
export function useDemo() {
  const demo = { server: null, browser: null };
  before(async () => {
    demo.server = await startDemoServer();
    demo.browser = await launchBrowser();
  });
  after(async () => {
    await demo.browser?.close();
    await demo.server?.close();
  });
  return demo;
}

const TYPES = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".css": "text/css",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".md": "text/markdown",
};
/** Serves a folder on a free loopback port, as a plain static host would: { url, close }. */
export function serveFolder(root) {
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

/** Vite's JavaScript API (build, createServer), from .tools/ (pinned in tools/versions.env). */
export function vite() {
  return import(createRequire(path.join(repoRoot, ".tools", "package.json")).resolve("vite"));
}

/**
 * A page of the demo server with `body` as its markup and the package loaded as `window.eol`
 * (initialised), in a context of its own: { page, errors, close }. `name` names the page's URL;
 * `context` takes playwright's context options (viewport, permissions, colorScheme...).
 */
export async function blankPage(demo, { name = "blank", body = '<div id="host"></div>', context = {} } = {}) {
  const ctx = await demo.browser.newContext({ viewport: { width: 1000, height: 800 }, ...context });
  const page = await ctx.newPage();
  const errors = collectErrors(page);
  const url = new URL(`${name}.html`, demo.server.url).href;
  await page.route(url, (route) =>
    route.fulfill({ contentType: "text/html", body: `<!doctype html><meta charset="utf-8"><title>${name}</title>${body}` }),
  );
  await page.goto(url);
  await page.evaluate(async () => {
    const mod = await import("/pkg/eol_table.js");
    await mod.default();
    window.eol = mod;
  });
  return { page, errors, close: () => ctx.close() };
}
