#!/usr/bin/env node
// Generated hostile inputs, all under the 4 MiB input limit: alias and anchor multiplication,
// placeholder expansion, costly templates across many releases, many anchors, many keys, many
// minimal releases, a 10,000-cycle timeline. `hostileInputs()` gives them to the end-to-end test
// (tests/e2e/bounded.test.mjs), which asserts what each renders and how much wasm memory it
// holds. Run directly (`node scripts/hostile.mjs`, after `make build`), this prints how long
// each takes to render in headless Chromium and the wasm memory after it: times are reported
// here, never asserted.
import { fileURLToPath } from "node:url";

const MIB = 1024 * 1024;

/** [{ name, source, options }] */
export function hostileInputs() {
  const inputs = [];
  const big = "x".repeat(MIB);
  for (const times of [1000, 5000]) {
    inputs.push({
      name: `1 MiB aliased ${times} times in an unread field`,
      source: `title: Bomb\nbig: &big ${big}\nunused: [${Array(times).fill("*big").join(", ")}]\nreleases:\n- releaseCycle: "1"\n`,
    });
  }
  let kept = `title: Kept\nbig: &big ${big}\nreleases:\n`;
  for (let i = 0; i < 400; i++) kept += `- releaseCycle: "${i}"\n  codename: *big\n`;
  inputs.push({ name: "1 MiB aliased into 400 codenames", source: kept });
  let nested = `title: Nested\nbig: &a0 ${"y".repeat(3 * MIB)}\n`;
  for (let level = 1; level <= 6; level++) nested += `l${level}: &a${level} [*a${level - 1}, *a${level - 1}]\n`;
  inputs.push({ name: "nested anchors around 3 MiB", source: nested + "tags: *a6\nreleases: []\n" });
  inputs.push({
    name: "12,000 placeholders of a 200,000-character cycle",
    source: `title: Expand\nchangelogTemplate: "${"__RELEASE_CYCLE__".repeat(12000)}"\nreleaseLabel: "${"__RELEASE_CYCLE__".repeat(12000)}"\nreleases:\n- releaseCycle: "${"9".repeat(200000)}"\n`,
  });
  let costly = `title: Costly\nchangelogTemplate: "https://x.example/{{ '${"z".repeat(20000)}' | split: ''${" | slice: 0, 100000".repeat(300)} | join: '-' }}"\nreleases:\n`;
  for (let i = 0; i < 60; i++) costly += `- releaseCycle: "${i}"\n`;
  inputs.push({ name: "split and 300 slices over 60 releases", source: costly });
  const anchors = ["title: Anchors", "releases: []"];
  for (let i = 0; i < 40000; i++) {
    const n = String(i).padStart(7, "0");
    anchors.push(`a${n}x: &anchor${n}name v`, `b${n}x: *anchor${n}name`);
  }
  inputs.push({ name: "40,000 anchors", source: anchors.join("\n") + "\n" });
  const keys = Array.from({ length: 100000 }, (_, i) => `"k${i}": ${i}`).join(",");
  inputs.push({ name: "a JSON object of 100,000 keys", source: `{"name": "keys", "releases": [], "junk": {${keys}}}` });
  let minimal = "title: Many\nreleases: [";
  for (let i = 0; minimal.length < 4 * MIB - 64; i++) minimal += `{releaseCycle: "${i}"},`;
  inputs.push({ name: "minimal releases up to 4 MiB", source: minimal + "]\n" });
  let timeline = "title: Long\nreleases:\n";
  for (let i = 10000; i > 0; i--) {
    const year = 2000 + Math.floor(i / 500);
    timeline += `- releaseCycle: "${i}"\n  releaseDate: ${year}-01-01\n  eol: ${year + 2}-01-01\n`;
  }
  inputs.push({ name: "a 10,000-cycle timeline", source: timeline, options: { timeline: true } });
  return inputs;
}

/**
 * Renders `input` into a fresh page of `browser` served from `baseUrl` (which serves /pkg/), and
 * returns { ok, message, ms, memory, nodes }: whether a table rendered, the error message if not,
 * the render's wall time, the wasm memory after it and the number of elements in the page.
 */
export async function renderIn(browser, baseUrl, input) {
  const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
  const url = new URL("hostile-input.html", baseUrl).href;
  await page.route(url, (route) =>
    route.fulfill({ contentType: "text/html", body: '<!doctype html><meta charset="utf-8"><title>input</title><div id="host"></div>' }),
  );
  await page.goto(url);
  const result = await page.evaluate(
    async ([source, options]) => {
      const mod = await import("/pkg/eol_table.js");
      const wasm = await mod.default();
      const start = performance.now();
      let ok = true;
      let message = null;
      try {
        mod.render(document.getElementById("host"), source, { today: "2022-05-01", ...options });
      } catch (err) {
        ok = false;
        message = String(err?.message ?? err);
      }
      const ms = performance.now() - start;
      return { ok, message, ms, memory: wasm.memory.buffer.byteLength, nodes: document.getElementsByTagName("*").length };
    },
    [input.source, input.options ?? {}],
  );
  await page.close();
  return result;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { startDemoServer, launchBrowser } = await import("../tests/e2e/lib.mjs");
  const server = await startDemoServer();
  const browser = await launchBrowser();
  console.log("| input | size | rendered | time (ms) | wasm memory | elements |\n| --- | ---: | --- | ---: | ---: | ---: |");
  for (const input of hostileInputs()) {
    const r = await renderIn(browser, server.url, input);
    const size = `${(input.source.length / 1024).toFixed(0)} KiB`;
    const what = r.ok ? "yes" : `no: ${r.message.slice(0, 80)}`;
    console.log(`| ${input.name} | ${size} | ${what} | ${r.ms.toFixed(0)} | ${(r.memory / MIB).toFixed(1)} MiB | ${r.nodes} |`);
  }
  await browser.close();
  await server.close();
}
