// What the benchmark (run.mjs) and the profiler (profile.mjs) share: paths, the inputs, the
// server, Debian's Chromium through playwright-core, and the warm pages of www/bench/.
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startServer } from "../serve.mjs";
export { launchBrowser } from "../chromium.mjs";
import { generateProduct } from "./generate.mjs";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const at = (...parts) => path.join(repoRoot, ...parts);
export const OUT = at("target", "bench");
export const DATA = path.join(OUT, "data");
export const PEER = at("target", "bench-peer");

/** The day statuses are computed for: the seed's, and the synthetic files'. */
export const SEED_TODAY = "2022-05-01";
export const SYNTH_TODAY = "2026-01-15";
/** URLs of the inputs, as the pages fetch them. */
export const SEED_URL = "/bench/data/istio.md";
export const synthUrl = (cycles) => `/bench/data/synthetic-${cycles}.md`;

/** Fails with the command to run when `pkg` (default pkg/) or the peer is missing. */
export function checkBuilt(pkg = at("pkg")) {
  for (const need of [path.join(pkg, "eol_table_bg.wasm"), path.join(PEER, "node_modules", "gridjs")]) {
    if (!existsSync(need)) throw new Error(`${need} is missing: run scripts/bench.sh (make bench)`);
  }
}

/** Writes the inputs into target/bench/data: the seed file and one synthetic file per size. */
export function prepareData(sizes) {
  mkdirSync(DATA, { recursive: true });
  copyFileSync(at("products", "istio.md"), path.join(DATA, "istio.md"));
  for (const cycles of sizes) {
    writeFileSync(path.join(DATA, `synthetic-${cycles}.md`), generateProduct({ cycles, seed: 1, today: SYNTH_TODAY }));
  }
}

/** The demo server plus the peer and the inputs, cross-origin isolated; `pkg` replaces pkg/. */
export function startBenchServer({ pkg = null } = {}) {
  const mounts = [
    ["/bench/peer/", PEER],
    ["/bench/data/", DATA],
  ];
  if (pkg) mounts.unshift(["/pkg/", pkg]);
  return startServer({ port: 0, host: "127.0.0.1", isolate: true, mounts });
}


/**
 * A warm page of one implementation ("eol" or "peer": www/bench/eol.html or peer.html) in its
 * own browser context, with the sources at `urls` loaded and a CDP session (Performance on);
 * `query` is the page's query string (eol.html: `?virtualize=false`).
 * `errors` collects page errors and console errors.
 */
export async function openWarm(browser, base, impl, urls, query = "") {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (err) => errors.push(err.message));
  page.on("console", (msg) => msg.type() === "error" && errors.push(msg.text()));
  await page.goto(new URL(`bench/${impl}.html${query}`, base).href);
  await page.waitForFunction(() => window.bench !== undefined, null, { timeout: 60_000 });
  for (const url of urls) await page.evaluate((u) => window.bench.load(u), url);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable");
  return { context, page, cdp, errors };
}

/** Calls `window.bench[method](...args)` in the page and returns its (awaited) result. */
export function call(w, method, args = []) {
  return w.page.evaluate(([m, a]) => window.bench[m](...a), [method, args]);
}
