#!/usr/bin/env node
// The benchmark: eol-table (pkg/, the release build) against the peer (js-yaml + Grid.js, in
// target/bench-peer), on the same inputs, in one headless Chromium session driven by
// playwright-core. scripts/bench.sh builds and prepares; this file measures and reports.
//
//   node scripts/bench/run.mjs [--runs N] [--budget S] [--sizes 100,1000,10000]
//
// Every figure is the median of N runs (default 30) timed inside the page with performance.now()
// around the call and a forced layout (offsetHeight), so DOM work counts. A series that has
// taken S seconds (default 20; 0: no limit) stops early once it has 3 runs, which keeps the
// 10,000-cycle figures (seconds per run) to a few minutes; the report gives the number of runs
// behind each figure. The pages are in www/bench/; the inputs are products/istio.md and
// synthetic files from generate.mjs (lib.mjs: what this file shares with profile.mjs). Output:
// a table on stdout, target/bench/bench.json and target/bench/bench.md.
import { readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { gzipSync } from "node:zlib";
import {
  OUT,
  PEER,
  SEED_TODAY,
  SEED_URL,
  SYNTH_TODAY,
  at,
  call,
  checkBuilt,
  launchBrowser,
  openWarm,
  prepareData,
  repoRoot,
  startBenchServer,
  synthUrl,
} from "./lib.mjs";

const SEARCH = "1.2";
/** eol-table's `virtualize: "auto"` windows tables of more rows than this. */
const WINDOWED_ABOVE = 200;
const MIN_RUNS = 3;
let budgetMs = 20_000;

/** Whether a series that started at `start` and has `done` of `runs` runs goes on. */
function more(start, done, runs) {
  if (done >= runs) return false;
  return done < MIN_RUNS || budgetMs === 0 || Date.now() - start < budgetMs;
}

function parseArgs(argv) {
  const opts = { runs: 30, budget: 20, sizes: [100, 1000, 10_000] };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split("=", 2);
    const value = inline ?? argv[++i];
    if (flag === "--runs" && /^\d+$/.test(value ?? "") && Number(value) > 0) opts.runs = Number(value);
    else if (flag === "--budget" && /^\d+$/.test(value ?? "")) opts.budget = Number(value);
    else if (flag === "--sizes" && /^\d+(,\d+)*$/.test(value ?? "")) opts.sizes = value.split(",").map(Number);
    else throw new Error(`usage: node scripts/bench/run.mjs [--runs N] [--budget S] [--sizes 100,1000,10000] (bad: ${argv[i]})`);
  }
  return opts;
}

// ---------------------------------------------------------------------------------------------
// statistics and formatting

function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p) => {
    const x = (s.length - 1) * p;
    const lo = Math.floor(x);
    const hi = Math.ceil(x);
    return s[lo] + (s[hi] - s[lo]) * (x - lo);
  };
  return { n: s.length, median: q(0.5), q1: q(0.25), q3: q(0.75), min: s[0], max: s[s.length - 1] };
}

function ms(x) {
  if (x == null) return "n/a";
  if (x >= 100) return x.toFixed(0);
  if (x >= 10) return x.toFixed(1);
  if (x >= 0.1) return x.toFixed(2);
  return x.toFixed(4);
}

function ratio(a, b) {
  if (a == null || b == null || b === 0) return null;
  return a / b;
}

function ratioText(r) {
  return r == null ? "n/a" : `${r < 0.1 ? r.toFixed(3) : r.toFixed(2)}×`;
}

function kib(bytes) {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

// ---------------------------------------------------------------------------------------------
// the browser side

/** CDP: main-thread busy time so far, in ms (Performance.getMetrics TaskDuration). */
async function busyMs(cdp) {
  const { metrics } = await cdp.send("Performance.getMetrics");
  return (metrics.find((m) => m.name === "TaskDuration")?.value ?? 0) * 1000;
}

/**
 * Runs `op` (a window.bench method) `runs` times; before each run `before` (untimed) and a
 * forced garbage collection; after it, the page settles (two frames) and the main thread's busy
 * time over the run is read. Returns the timings and the last result (rows shown, first row).
 */
async function series(w, runs, op, args = [], { before = null, after = null } = {}) {
  const wall = [];
  const busy = [];
  let last = null;
  const start = Date.now();
  for (let i = 0; more(start, i, runs); i++) {
    if (before) await call(w, ...before);
    await w.cdp.send("HeapProfiler.collectGarbage");
    const b0 = await busyMs(w.cdp);
    last = await call(w, op, args);
    if (last === null) return null; // not offered by this implementation
    await call(w, "settle");
    busy.push((await busyMs(w.cdp)) - b0);
    wall.push(last.ms);
    if (after) await call(w, ...after);
  }
  return { wall: stats(wall), busy: stats(busy), samples: wall, busySamples: busy, rows: last.rows, first: last.first };
}

/** Parse-only: one call timed over a batch long enough for the clock (>= 20 ms per run). */
async function parseSeries(w, runs, url, today) {
  let k = 1;
  for (;;) {
    const { ms } = await call(w, "parse", [url, today, k]);
    if (ms * k >= 20 || k >= 1 << 16) break;
    k *= 2;
  }
  const wall = [];
  const start = Date.now();
  for (let i = 0; more(start, i, runs); i++) {
    await w.cdp.send("HeapProfiler.collectGarbage");
    const { ms } = await call(w, "parse", [url, today, k]);
    wall.push(ms);
  }
  return { wall: stats(wall), samples: wall, batch: k };
}

/** Cold start: a new browser context (empty caches) and page per run, eol and peer in turn. */
async function coldStart(browser, base, runs, src, today) {
  const pages = {
    eol: `bench/cold-eol.html`,
    peer: `bench/cold-peer.html`,
    peerDefault: `bench/cold-peer.html`,
  };
  const extra = { eol: "", peer: "", peerDefault: "&throttle=default" };
  const out = { eol: [], peer: [], peerDefault: [] };
  const parts = { eol: [], peer: [], peerDefault: [] };
  let rows = {};
  const errors = [];
  for (let i = 0; i < runs; i++) {
    const order = i % 2 ? ["peer", "eol", "peerDefault"] : ["eol", "peer", "peerDefault"];
    // the row with Grid.js's defaults is a side note: 10 runs are enough for it
    for (const impl of order.filter((x) => x !== "peerDefault" || i < 10)) {
      const context = await browser.newContext();
      const page = await context.newPage();
      page.on("pageerror", (err) => errors.push(`${impl}: ${err.message}`));
      const url = new URL(`${pages[impl]}?src=${encodeURIComponent(src)}&today=${today}${extra[impl]}`, base);
      await page.goto(url.href);
      await page.waitForFunction(() => window.benchCold !== undefined, null, { timeout: 60_000 });
      const marks = await page.evaluate(() => window.benchCold);
      out[impl].push(marks.done);
      parts[impl].push(marks);
      rows[impl] = marks.rows;
      await context.close();
    }
  }
  if (errors.length) throw new Error(`cold start: ${errors.join("; ")}`);
  const breakdown = (impl) => ({
    modulesLoaded: stats(parts[impl].map((m) => m.modules)).median,
    initDone: stats(parts[impl].map((m) => m.init)).median,
  });
  return Object.fromEntries(
    Object.keys(out).map((impl) => [impl, { wall: stats(out[impl]), samples: out[impl], rows: rows[impl], ...breakdown(impl) }]),
  );
}

/** Memory held after rendering `url`: JS heap and DOM after a full GC, plus wasm memory. */
async function memory(browser, base, impl, url, today) {
  const w = await openWarm(browser, base, impl, [url]);
  const snapshot = async () => {
    await w.cdp.send("HeapProfiler.collectGarbage");
    await w.cdp.send("HeapProfiler.collectGarbage");
    const heap = await w.cdp.send("Runtime.getHeapUsage");
    const dom = await w.cdp.send("Memory.getDOMCounters");
    const wasm = await call(w, "wasmBytes");
    // Chrome measures at the next GC: ask, then force one
    const measuring = w.page.evaluate(() =>
      performance.measureUserAgentSpecificMemory().then((m) => {
        const by = (type) => m.breakdown.filter((b) => b.types.includes(type)).reduce((a, b) => a + b.bytes, 0);
        return { bytes: m.bytes, javascript: by("JavaScript"), dom: by("DOM"), shared: by("Shared") };
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    await w.cdp.send("HeapProfiler.collectGarbage");
    const ua = await measuring;
    return { jsHeapUsed: heap.usedSize, nodes: dom.nodes, listeners: dom.jsEventListeners, wasm, ua };
  };
  const before = await snapshot();
  const result = await call(w, "render", [url, today]);
  await call(w, "settle");
  const after = await snapshot();
  await w.context.close();
  return {
    rows: result.rows,
    before,
    after,
    jsHeapDelta: after.jsHeapUsed - before.jsHeapUsed,
    domDelta: after.ua.dom - before.ua.dom,
    wasmDelta: after.wasm - before.wasm,
    nodesDelta: after.nodes - before.nodes,
    // measureUserAgentSpecificMemory does not count the wasm linear memory: add its growth
    total: after.ua.bytes - before.ua.bytes + after.wasm - before.wasm,
  };
}

// ---------------------------------------------------------------------------------------------
// sizes and machine

function gz(file) {
  const bytes = readFileSync(file);
  return { file: path.relative(repoRoot, file), bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

function transferSizes() {
  const eol = [gz(at("pkg", "eol_table_bg.wasm")), gz(at("pkg", "eol_table.js"))];
  const peer = [
    gz(path.join(PEER, "peer.mjs")),
    gz(path.join(PEER, "node_modules", "js-yaml", "dist", "js-yaml.mjs")),
    gz(path.join(PEER, "node_modules", "gridjs", "dist", "gridjs.production.es.min.js")),
  ];
  const css = gz(path.join(PEER, "node_modules", "gridjs", "dist", "theme", "mermaid.min.css"));
  const yamlMin = gz(path.join(PEER, "node_modules", "js-yaml", "dist", "js-yaml.min.js"));
  const sum = (list) => list.reduce((a, f) => a + f.gzip, 0);
  return {
    eol: { files: eol, gzip: sum(eol) },
    peer: { files: peer, gzip: sum(peer) },
    peerCss: css,
    peerJsYamlMinified: yamlMin,
  };
}

function machine() {
  const cpu = (() => {
    try {
      const line = readFileSync("/proc/cpuinfo", "utf8").split("\n").find((l) => l.startsWith("model name"));
      return line ? line.split(":").slice(1).join(":").trim() : cpus()[0]?.model;
    } catch {
      return cpus()[0]?.model;
    }
  })();
  let nproc = cpus().length;
  try {
    nproc = Number(execFileSync("nproc", { encoding: "utf8" }).trim());
  } catch {}
  return { nproc, cpu, node: process.version, loadavgAtStart: loadavg() };
}

// ---------------------------------------------------------------------------------------------
// the report

function reportRows(r) {
  const rows = [];
  const add = (group, metric, eol, peer, note = "") => {
    rows.push({
      group,
      metric,
      eol: eol?.wall?.median ?? null,
      peer: peer?.wall?.median ?? null,
      ratio: ratio(eol?.wall?.median, peer?.wall?.median),
      eolBusy: eol?.busy?.median ?? null,
      peerBusy: peer?.busy?.median ?? null,
      busyRatio: ratio(eol?.busy?.median, peer?.busy?.median),
      eolRuns: eol?.wall?.n ?? null,
      peerRuns: peer?.wall?.n ?? null,
      eolRows: eol?.rows ?? null,
      peerRows: peer?.rows ?? null,
      note,
    });
  };
  const c = r.cold;
  add("cold start (istio)", "navigation → table in DOM", c.eol, c.peer, "fresh context per run; no cache");
  add("cold start (istio)", "… peer with Grid.js defaults", c.eol, c.peerDefault, "processingThrottleMs 100");
  add("warm (istio)", "render", r.seed.eol.render, r.seed.peer.render);
  add("warm (istio)", "parse only", r.seed.eol.parse, r.seed.peer.parse, "parseProduct / parsePeer");
  for (const s of r.synthetic) {
    const g = `${s.cycles.toLocaleString("en")} cycles`;
    add(g, "render", s.eol.render, s.peer.render);
    add(g, "parse only", s.eol.parse, s.peer.parse);
    add(g, "sort by end of life", s.eol.sort, s.peer.sort, "eol: sort(); peer: header click");
    add(g, "filter maintained", s.eol.filter, s.peer.filter, "Grid.js has no status filter");
    add(g, `search "${SEARCH}"`, s.eol.search, s.peer.search, "peer: regex over every cell");
    if (s.whole) {
      const whole = "eol-table with every row in the page (virtualize: false)";
      add(g, "render, every row in the page", s.whole.render, s.peer.render, whole);
      add(g, "sort, every row in the page", s.whole.sort, s.peer.sort, whole);
      add(g, "filter, every row in the page", s.whole.filter, s.peer.filter, whole);
      add(g, `search "${SEARCH}", every row in the page`, s.whole.search, s.peer.search, whole);
    }
  }
  return rows;
}

function pair(a, b) {
  return a == null && b == null ? "" : `${a ?? "-"}/${b ?? "-"}`;
}

function printTable(rows) {
  const head = ["group", "metric", "eol-table", "peer", "eol/peer", "busy eol", "busy peer", "busy e/p", "rows e/p", "runs e/p"];
  const body = rows.map((x) => [
    x.group,
    x.metric,
    ms(x.eol),
    ms(x.peer),
    ratioText(x.ratio),
    ms(x.eolBusy),
    ms(x.peerBusy),
    ratioText(x.busyRatio),
    pair(x.eolRows, x.peerRows),
    pair(x.eolRuns, x.peerRuns),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  return [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)].join("\n");
}

function markdown(r, rows) {
  const out = [];
  out.push("# eol-table benchmark", "");
  const load = (l) => l.map((x) => x.toFixed(2)).join(" ");
  out.push(`${r.date}, ${r.machine.nproc} × ${r.machine.cpu}, ${r.machine.chromium}, Node ${r.machine.node};`);
  out.push(`load average ${load(r.machine.loadavgAtStart)} at the start, ${load(r.machine.loadavgAtEnd)} at the end.`);
  out.push(`Command: \`${r.command}\`. Medians of ${r.runs} runs (fewer where a series hit the ${r.budgetSeconds} s budget: see runs), in ms;`);
  out.push(`"busy" = main-thread task time`);
  out.push("(CDP TaskDuration) from the call until two frames later; ratio < 1: eol-table is faster.", "");
  out.push("| group | metric | eol-table | peer | eol/peer | busy eol | busy peer | busy e/p | rows e/p | runs e/p | note |");
  out.push("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
  for (const x of rows) {
    out.push(
      `| ${x.group} | ${x.metric} | ${ms(x.eol)} | ${ms(x.peer)} | ${ratioText(x.ratio)} | ${ms(x.eolBusy)} | ` +
        `${ms(x.peerBusy)} | ${ratioText(x.busyRatio)} | ${pair(x.eolRows, x.peerRows)} | ${pair(x.eolRuns, x.peerRuns)} | ${x.note} |`,
    );
  }
  const c = r.cold;
  out.push("", "## Cold start, where the time goes (medians, ms since navigation start)", "");
  out.push("| | modules loaded | ready to render | table in DOM |", "| --- | ---: | ---: | ---: |");
  out.push(`| eol-table (ready = \`init()\` done: wasm fetched, compiled, instantiated) | ${ms(c.eol.modulesLoaded)} | ${ms(c.eol.initDone)} | ${ms(c.eol.wall.median)} |`);
  out.push(`| peer | ${ms(c.peer.modulesLoaded)} | ${ms(c.peer.initDone)} | ${ms(c.peer.wall.median)} |`);
  out.push(`| peer, Grid.js defaults | ${ms(c.peerDefault.modulesLoaded)} | ${ms(c.peerDefault.initDone)} | ${ms(c.peerDefault.wall.median)} |`);
  const m = r.memory;
  if (m) {
    out.push("", `## Memory held after rendering ${m.cycles.toLocaleString("en")} cycles (growth, after GC)`, "");
    out.push("| | eol-table | peer |", "| --- | ---: | ---: |");
    out.push(`| V8 heap used (CDP Runtime.getHeapUsage) | ${kib(m.eol.jsHeapDelta)} | ${kib(m.peer.jsHeapDelta)} |`);
    out.push(`| DOM (measureUserAgentSpecificMemory "DOM") | ${kib(m.eol.domDelta)} | ${kib(m.peer.domDelta)} |`);
    out.push(`| wasm linear memory (whole size after) | ${kib(m.eol.wasmDelta)} (${kib(m.eol.after.wasm)}) | – |`);
    out.push(`| **total**: measureUserAgentSpecificMemory + wasm | **${kib(m.eol.total)}** | **${kib(m.peer.total)}** |`);
    out.push(`| DOM nodes | ${m.eol.nodesDelta} | ${m.peer.nodesDelta} |`);
    out.push(`| JS event listeners in the page | ${m.eol.after.listeners} | ${m.peer.after.listeners} |`);
  }
  const s = r.sizes;
  out.push("", "## Transfer size (gzip -9)", "");
  out.push("| | files | bytes | gzip |", "| --- | --- | ---: | ---: |");
  for (const [name, set] of [["eol-table", s.eol], ["peer", s.peer]]) {
    for (const f of set.files) out.push(`| ${name} | ${f.file} | ${f.bytes} | ${f.gzip} |`);
    out.push(`| **${name}** | **total** | | **${set.gzip}** |`);
  }
  out.push(`| peer | ${s.peerCss.file} (theme, also fetched) | ${s.peerCss.bytes} | ${s.peerCss.gzip} |`);
  out.push(`| peer | ${s.peerJsYamlMinified.file} (if js-yaml were minified) | ${s.peerJsYamlMinified.bytes} | ${s.peerJsYamlMinified.gzip} |`);
  out.push("", "## What is measured", "", ...METHOD.map((l) => `- ${l}`), "");
  return out.join("\n");
}

const METHOD = [
  "One headless Chromium (Debian's /usr/bin/chromium), one page per implementation and input; the server sends `Cache-Control: no-store` and COOP/COEP headers (cross-origin isolation, so performance.now() has 5 µs resolution).",
  "Wall time: performance.now() in the page around the call and a forced layout (`offsetHeight`). Grid.js works asynchronously, so for the peer the time runs until its store reports the rows rendered (status Rendered), then the forced layout. Its column auto-width pass runs a frame later and is only in the busy time.",
  "Busy time: CDP Performance.getMetrics TaskDuration over the call plus two animation frames, so deferred work (Grid.js effects, style, layout, paint) counts for both. A full GC (CDP HeapProfiler.collectGarbage) runs before every run, outside both figures.",
  "Cold start: a new browser context per run (empty memory cache, new renderer process, no code cache), from navigation start to the table in the DOM and laid out: HTML, module fetch, wasm compile/instantiate (eol-table), source fetch, parse, render. eol-table: `init()` then `render(el, source)`; peer: `renderPeer(el, source, today)`, stylesheet linked.",
  "The peer runs with Grid.js's `processingThrottleMs` set to 0 (peer.mjs passes no options, so via Grid.js's Config defaults): by default Grid.js waits up to 100 ms before each render, sort and search. The second cold-start row keeps the default.",
  "eol-table renders with `showAllReleases: true`, so both show every row (by default eol-table hides old unmaintained cycles, as the site does). eol-table renders the table with its controls and status line, the card around it off (`header: false, description: \"hidden\", info: false`: no icon to fetch, no Markdown), as the peer renders only a table.",
  "Sort: eol-table `table.sort(\"eol\", \"ascending\"|\"descending\")` in turn; the peer: a click on the end-of-life header, which Grid.js sorts ascending, then descending (as text, not as dates). Filter: eol-table `setFilter(\"maintained\")`; Grid.js has no filter by status, so the peer has none. Search: eol-table `setSearch(\"1.2\")` (cycle, codename, label, latest); the peer: typing into Grid.js's search box (an input event), which tests a case-insensitive RegExp built from the text against every cell, so its rows differ. Each run is undone untimed before the next.",
  "Row windowing: past 200 rows eol-table (its default `virtualize: \"auto\"`) keeps only the rows near the viewport in the page, between two spacer rows, so a sort, filter or search lays out a screenful of rows (about 30 in the 1280×720 viewport) whatever the table's length; `rows e/p` counts the rows shown (state.visible), in the page or not. The rows \"every row in the page\" repeat render, sort, filter and search with `virtualize: false` (the peer renders every row).",
  "Parse only: eol-table `parseProduct(source, { today })` (parse, compute, build the API-shaped JS object), peer `parsePeer(source, today)`; each run times a batch of calls (>= 20 ms) and divides.",
  "Memory: a fresh page per implementation, the source text already loaded; snapshots after forced GCs before and after rendering the largest product, and their difference. V8 heap: CDP Runtime.getHeapUsage usedSize. DOM: the \"DOM\" part of performance.measureUserAgentSpecificMemory() (Blink's heap). That API does not count wasm linear memory, so the total adds the growth of eol-table's `memory.buffer.byteLength` (wasm memory never shrinks: this is the high-water mark of parsing and rendering).",
  "Transfer size: gzip -9 of what each page fetches for the widget: eol-table's wasm and JS glue; the peer's peer.mjs, js-yaml's ES module (dist/js-yaml.mjs, as peer.mjs imports it, not minified) and Grid.js's minified ES module.",
];

// ---------------------------------------------------------------------------------------------

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`bench: ${err.message}`);
    process.exit(2);
  }
  budgetMs = opts.budget * 1000;
  checkBuilt();
  prepareData(opts.sizes);
  const server = await startBenchServer();
  const browser = await launchBrowser();
  const started = Date.now();
  const log = (msg) => console.error(`bench: ${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s  ${msg}`);
  const r = {
    date: new Date().toISOString(),
    machine: { ...machine(), chromium: `Chromium ${browser.version()}` },
    command: ["node", "scripts/bench/run.mjs", ...process.argv.slice(2)].join(" "),
    runs: opts.runs,
    budgetSeconds: opts.budget,
    today: { seed: SEED_TODAY, synthetic: SYNTH_TODAY },
    search: SEARCH,
  };
  try {
    r.sizes = transferSizes();

    log("cold start");
    r.cold = await coldStart(browser, server.url, opts.runs, SEED_URL, SEED_TODAY);

    r.seed = {};
    for (const impl of ["eol", "peer"]) {
      log(`warm istio, ${impl}`);
      const w = await openWarm(browser, server.url, impl, [SEED_URL]);
      r.seed[impl] = {
        render: await series(w, opts.runs, "render", [SEED_URL, SEED_TODAY], { before: ["clear", []] }),
        parse: await parseSeries(w, opts.runs, SEED_URL, SEED_TODAY),
      };
      if (w.errors.length) throw new Error(`${impl}: ${w.errors.join("; ")}`);
      await w.context.close();
    }

    r.synthetic = [];
    for (const cycles of opts.sizes) {
      const url = synthUrl(cycles);
      const entry = { cycles };
      // Past 200 rows eol-table windows its rows; "whole" repeats it with every row in the page.
      const impls = cycles > WINDOWED_ABOVE ? ["eol", "whole", "peer"] : ["eol", "peer"];
      for (const impl of impls) {
        log(`${cycles} cycles, ${impl}`);
        const w =
          impl === "whole"
            ? await openWarm(browser, server.url, "eol", [url], "?virtualize=false")
            : await openWarm(browser, server.url, impl, [url]);
        const render = await series(w, opts.runs, "render", [url, SYNTH_TODAY], { before: ["clear", []] });
        if (render.rows !== cycles) throw new Error(`${impl} showed ${render.rows} of ${cycles} rows`);
        const parse = impl === "whole" ? null : await parseSeries(w, opts.runs, url, SYNTH_TODAY);
        await call(w, "render", [url, SYNTH_TODAY]);
        await call(w, "settle");
        const sort = await series(w, opts.runs, "sort");
        const filter = await series(w, opts.runs, "filter", [], { after: ["unfilter", []] });
        const search = await series(w, opts.runs, "search", [SEARCH], { after: ["unsearch", []] });
        entry[impl] = { render, parse, sort, filter, search };
        if (w.errors.length) throw new Error(`${impl}: ${w.errors.join("; ")}`);
        await w.context.close();
      }
      r.synthetic.push(entry);
    }

    const largest = Math.max(...opts.sizes);
    log(`memory, ${largest} cycles`);
    r.memory = {
      cycles: largest,
      eol: await memory(browser, server.url, "eol", synthUrl(largest), SYNTH_TODAY),
      peer: await memory(browser, server.url, "peer", synthUrl(largest), SYNTH_TODAY),
    };
    r.machine.loadavgAtEnd = loadavg();
    log("done");
  } finally {
    await browser.close();
    await server.close();
  }

  r.table = reportRows(r);
  r.method = METHOD;
  writeFileSync(path.join(OUT, "bench.json"), JSON.stringify(r, null, 2) + "\n");
  writeFileSync(path.join(OUT, "bench.md"), markdown(r, r.table));
  const busiest = Math.max(r.machine.loadavgAtStart[0], r.machine.loadavgAtEnd[0]);
  if (busiest > r.machine.nproc) {
    console.log(`\nwarning: load average ${busiest.toFixed(1)} on ${r.machine.nproc} CPUs: other work shared the machine, the figures are inflated`);
  }
  console.log(
    `\n${r.date}  ${r.machine.nproc} × ${r.machine.cpu}  ${r.machine.chromium}  medians of up to ${r.runs} runs, ms` +
      ` (busy = main-thread time incl. deferred work; eol/peer < 1: eol-table faster)\n`,
  );
  console.log(printTable(r.table));
  const m = r.memory;
  const mem = (x) =>
    `${kib(x.total)} (V8 heap ${kib(x.jsHeapDelta)}, DOM ${kib(x.domDelta)}, wasm ${kib(x.wasmDelta)}), ${x.nodesDelta} DOM nodes`;
  console.log(`\nmemory held after rendering ${m.cycles} cycles (growth, after GC):`);
  console.log(`  eol-table ${mem(m.eol)}\n  peer      ${mem(m.peer)}`);
  const s = r.sizes;
  console.log(
    `transfer (gzip -9): eol-table ${s.eol.gzip} B (wasm + JS glue); peer ${s.peer.gzip} B` +
      ` (peer.mjs + js-yaml.mjs + gridjs min) + ${s.peerCss.gzip} B theme CSS` +
      ` (js-yaml minified: ${s.peerJsYamlMinified.gzip} B instead of ${s.peer.files[1].gzip} B)`,
  );
  console.log(`\nwritten: ${path.relative(repoRoot, path.join(OUT, "bench.json"))}, ${path.relative(repoRoot, path.join(OUT, "bench.md"))}`);
}

main().catch((err) => {
  console.error(`bench: ${err.stack ?? err.message}`);
  process.exit(1);
});
