#!/usr/bin/env node
// Where the time of one benchmark operation goes: a CPU profile (CDP Profiler, 100 µs samples) of
// `op` repeated, with wasm function names, printed as the functions with the most time per op.
//
//   node scripts/bench/profile.mjs [--impl eol|peer] [--op render|parse|sort|filter|search]
//                                  [--cycles 1000|istio] [--reps 10] [--no-build]
//
// For eol-table it first builds target/pkg-profiling: the release build of scripts/build.sh
// without wasm-opt, whose -Oz and --strip-debug would drop the names (the code is otherwise the
// same, so the shares hold). Needs the peer and the tools as `make bench` does (run it once).
// Writes target/bench/profile-<impl>-<op>-<cycles>.cpuprofile (open it in Chrome DevTools).
// Blink's own work (style, layout) shows as the JS that forced it: `layout` (offsetHeight) in
// common.js, or appendChild and friends; "(program)" is work no JS frame asked for.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import {
  OUT,
  SEED_TODAY,
  SEED_URL,
  SYNTH_TODAY,
  at,
  call,
  checkBuilt,
  launchBrowser,
  openWarm,
  prepareData,
  startBenchServer,
  synthUrl,
} from "./lib.mjs";

const OPS = ["render", "parse", "sort", "filter", "search"];

function parseArgs(argv) {
  const opts = { impl: "eol", op: "render", cycles: "1000", reps: 10, build: true };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split("=", 2);
    if (flag === "--no-build") {
      opts.build = false;
      continue;
    }
    const value = inline ?? argv[++i] ?? "";
    if (flag === "--impl" && ["eol", "peer"].includes(value)) opts.impl = value;
    else if (flag === "--op" && OPS.includes(value)) opts.op = value;
    else if (flag === "--cycles" && /^(\d+|istio)$/.test(value)) opts.cycles = value;
    else if (flag === "--reps" && /^\d+$/.test(value) && Number(value) > 0) opts.reps = Number(value);
    else {
      throw new Error(
        "usage: node scripts/bench/profile.mjs [--impl eol|peer] [--op render|parse|sort|filter|search]" +
          ` [--cycles N|istio] [--reps N] [--no-build] (bad: ${argv[i]})`,
      );
    }
  }
  return opts;
}

/** The release wasm with its name section: cargo's output through wasm-bindgen, no wasm-opt. */
function buildProfiling() {
  const env = { ...process.env, PATH: `${process.env.HOME}/.cargo/bin:${process.env.PATH}` };
  const run = (cmd, args) => execFileSync(cmd, args, { cwd: at(), env, stdio: ["ignore", "inherit", "inherit"] });
  run("cargo", ["build", "--release", "--target", "wasm32-unknown-unknown", "--lib"]);
  const meta = JSON.parse(
    execFileSync("cargo", ["metadata", "--format-version", "1", "--no-deps"], { cwd: at(), env, encoding: "utf8" }),
  );
  const wasm = path.join(meta.target_directory, "wasm32-unknown-unknown", "release", "eol_table.wasm");
  const out = at("target", "pkg-profiling");
  run("wasm-bindgen", ["--target", "web", "--out-dir", out, wasm]);
  return out;
}

/** Self and total time per function name, in ms per op. */
function summarize(profile, reps) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const time = new Map();
  profile.samples.forEach((id, i) => time.set(id, (time.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const name = (id) => {
    const f = nodes.get(id).callFrame;
    const fn = (f.functionName || "(anonymous)").replace(/::h[0-9a-f]{16}\b/g, "");
    return f.url ? `${fn}  [${f.url.split("/").pop()}]` : fn;
  };
  const self = new Map();
  const total = new Map();
  for (const [id, t] of time) {
    self.set(name(id), (self.get(name(id)) ?? 0) + t);
    const seen = new Set();
    for (let p = id; p !== undefined; p = parent.get(p)) {
      const n = name(p);
      if (!seen.has(n)) total.set(n, (total.get(n) ?? 0) + t);
      seen.add(n);
    }
  }
  // wasm-bindgen's shims and the page harness only repeat their callee's total
  const noise = /shim|maybe_catch_unwind|js-to-wasm|^\(root\)|^evaluate|^\(anonymous\)$/;
  const top = (map, n) =>
    [...map]
      .filter(([k]) => !noise.test(k))
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `  ${(v / 1000 / reps).toFixed(2).padStart(9)} ms/op  ${k}`);
  return ["self time:", ...top(self, 20), "total time (self + callees):", ...top(total, 40)].join("\n");
}

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`profile: ${err.message}`);
    process.exit(2);
  }
  const pkg = opts.impl === "eol" && opts.build ? buildProfiling() : opts.impl === "eol" ? at("target", "pkg-profiling") : null;
  checkBuilt(pkg ?? undefined);
  const seed = opts.cycles === "istio";
  if (!seed) prepareData([Number(opts.cycles)]);
  const url = seed ? SEED_URL : synthUrl(Number(opts.cycles));
  const today = seed ? SEED_TODAY : SYNTH_TODAY;

  const server = await startBenchServer({ pkg });
  const browser = await launchBrowser();
  try {
    const w = await openWarm(browser, server.url, opts.impl, [url]);
    // a small file parses in well under a sample's worth of ms: batch the calls
    const batch = opts.op === "parse" && seed ? 100 : 1;
    const steps = {
      render: [["clear"], ["render", [url, today]]],
      parse: [["parse", [url, today, batch]]],
      sort: [["sort"]],
      filter: [["filter"], ["unfilter"]],
      search: [["search", ["1.2"]], ["unsearch"]],
    }[opts.op];
    if (opts.op !== "render" && opts.op !== "parse") await call(w, "render", [url, today]);
    const once = async () => {
      for (const [m, a] of steps) await call(w, m, a ?? []);
      if (opts.op !== "parse") await call(w, "settle");
    };
    await once(); // once before profiling: steady state, not first-call compilation
    await w.cdp.send("Profiler.enable");
    await w.cdp.send("Profiler.setSamplingInterval", { interval: 100 });
    await w.cdp.send("Profiler.start");
    for (let i = 0; i < opts.reps; i++) await once();
    const { profile } = await w.cdp.send("Profiler.stop");
    if (w.errors.length) throw new Error(w.errors.join("; "));
    const file = path.join(OUT, `profile-${opts.impl}-${opts.op}-${opts.cycles}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    const undone = opts.op === "filter" || opts.op === "search" ? " (and its untimed undo)" : "";
    console.log(`${opts.impl} ${opts.op}${undone}, ${opts.cycles} cycles, ${opts.reps} reps; ${path.relative(at(), file)}`);
    console.log(summarize(profile, opts.reps * batch));
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((err) => {
  console.error(`profile: ${err.stack ?? err.message}`);
  process.exit(1);
});
