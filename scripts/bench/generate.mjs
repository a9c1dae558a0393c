#!/usr/bin/env node
// Synthetic product files for the benchmark: N release cycles, newest first, with varied
// dates, booleans and latest versions, the same file for the same (cycles, seed, schema, today).
//   CLI:    node scripts/bench/generate.mjs --cycles 1000 [--seed 1] [--schema current|2022]
//                                           [--today 2026-01-15] [--out file.md]
//   Module: generateProduct({ cycles, seed, schema, today }) -> the file's text
import { writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const DAY = 86_400_000;

/** mulberry32: a small deterministic PRNG; returns floats in [0, 1). */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function iso(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * A product file with `cycles` releases, "1.0" the oldest, 20 minor cycles per major, newest
 * first. Release dates end near `today` and go back at most ~50 years; about 5% of the end of
 * life values are booleans, 10% of the active support values too; 10% of the cycles are LTS.
 */
export function generateProduct({ cycles, seed = 1, schema = "current", today = "2026-01-15" }) {
  if (!Number.isInteger(cycles) || cycles < 1) throw new Error(`cycles must be a positive integer, got ${cycles}`);
  if (schema !== "current" && schema !== "2022") throw new Error(`schema must be "current" or "2022", got ${schema}`);
  const rand = random(seed);
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const now = Date.parse(`${today}T00:00:00Z`);
  if (Number.isNaN(now)) throw new Error(`today must be YYYY-MM-DD, got ${today}`);
  const step = Math.max(1, Math.min(30, Math.floor(18_250 / cycles)));
  const old = schema === "2022";

  const lines = [
    "---",
    `title: Synthetic ${cycles}`,
    `permalink: /synthetic-${cycles}`,
    "category: framework",
    "releasePolicyLink: https://example.com/policy",
    "changelogTemplate: https://example.com/releases/__LATEST__",
    old ? "activeSupportColumn: true" : "eoasColumn: true",
    "eolColumn: Security Support",
    ...(old ? ["releaseDateColumn: true", "releaseColumn: true"] : []),
    "",
    "releases:",
  ];
  let released = now - int(0, step) * DAY;
  for (let i = 0; i < cycles; i++) {
    const k = cycles - 1 - i; // 0 = the oldest
    const cycle = `${Math.floor(k / 20) + 1}.${k % 20}`;
    const eolDays = int(180, 1460);
    const eoasDays = Math.floor(eolDays * (0.3 + rand() * 0.5));
    const roll = rand();
    const eol = roll < 0.05 ? String(released + eolDays * DAY < now) : iso(released + eolDays * DAY);
    const roll2 = rand();
    const eoasReached = released + eoasDays * DAY < now;
    let eoas;
    if (roll2 < 0.1) eoas = old ? String(!eoasReached) : String(eoasReached);
    else eoas = iso(released + eoasDays * DAY);
    const latestAt = Math.min(now, released + int(0, eolDays) * DAY);
    lines.push(`  - releaseCycle: "${cycle}"`);
    lines.push(`    ${old ? "release" : "releaseDate"}: ${iso(released)}`);
    lines.push(`    ${old ? "support" : "eoas"}: ${eoas}`);
    lines.push(`    eol: ${eol}`);
    if (rand() < 0.1) lines.push("    lts: true");
    lines.push(`    latest: "${cycle}.${int(0, 40)}"`);
    lines.push(`    latestReleaseDate: ${iso(latestAt)}`);
    lines.push("");
    released -= (step + int(-Math.floor(step / 3), Math.floor(step / 3))) * DAY;
  }
  lines.push("---", "", `> Synthetic ${cycles} is a generated product for the benchmark.`, "");
  return lines.join("\n");
}

/** --cycles N --seed S --schema current|2022 --today YYYY-MM-DD --out FILE */
function parseArgs(argv) {
  const opts = { cycles: 1000, seed: 1, schema: "current", today: "2026-01-15", out: null };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split("=", 2);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === "--cycles" || flag === "--seed") opts[flag.slice(2)] = Number(value);
    else if (flag === "--schema" || flag === "--today" || flag === "--out") opts[flag.slice(2)] = value;
    else throw new Error(`unknown argument ${flag}`);
  }
  return opts;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    const { out, ...opts } = parseArgs(process.argv.slice(2));
    const text = generateProduct(opts);
    if (out) writeFileSync(out, text);
    else process.stdout.write(text);
  } catch (err) {
    console.error(`generate: ${err.message}`);
    process.exit(1);
  }
}
