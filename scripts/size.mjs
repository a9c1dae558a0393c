#!/usr/bin/env node
// What the wasm weighs and where the bytes go. Used by scripts/size.sh (make size).
//
//   node scripts/size.mjs sizes FILE...          raw, gzip -9 and brotli (q11) bytes of each file
//   node scripts/size.mjs top NAMED.wasm [N]     the largest contributors of a wasm that kept its
//                                                function names (wasm-opt -g): code bytes by crate
//                                                and by eol-table module, then the largest functions
import { readFileSync } from "node:fs";
import { brotliCompressSync, constants } from "node:zlib";
import { execFileSync } from "node:child_process";

// gzip -9 itself, as the budgets are stated (node's zlib at level 9 comes out a little larger).
const gzip = (buf) => execFileSync("gzip", ["-9", "-c"], { input: buf, maxBuffer: 1 << 28 }).length;
const brotli = (buf) =>
  brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

function sizes(files) {
  const rows = files.map((file) => {
    const buf = readFileSync(file);
    return { file, raw: buf.length, gzip: gzip(buf), brotli: brotli(buf) };
  });
  console.log(JSON.stringify(rows));
}

// A minimal reader of the sections a wasm module needs for this: imports (to number the
// functions), code (their bodies) and the "name" custom section (their names).
function readModule(buf) {
  let at = 8;
  const leb = () => {
    let n = 0, shift = 0, byte;
    do {
      byte = buf[at++];
      n += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return n;
  };
  const name = () => {
    const len = leb();
    const text = buf.toString("utf8", at, at + len);
    at += len;
    return text;
  };
  let importedFunctions = 0, bodies = [], names = new Map(), data = 0;
  while (at < buf.length) {
    const id = buf[at++], size = leb(), end = at + size;
    if (id === 2) {
      for (let i = leb(); i > 0; i--) {
        name(); name();
        const kind = buf[at++];
        if (kind === 0) { leb(); importedFunctions++; }
        else if (kind === 1) { at++; const flags = leb(); leb(); if (flags & 1) leb(); }
        else if (kind === 2) { const flags = leb(); leb(); if (flags & 1) leb(); }
        else if (kind === 3) { at += 2; }
        else if (kind === 4) { at++; leb(); }
      }
    } else if (id === 10) {
      for (let i = leb(); i > 0; i--) {
        const len = leb();
        bodies.push(buf.subarray(at, at + len));
        at += len;
      }
    } else if (id === 11) {
      data += size;
    } else if (id === 0 && name() === "name") {
      while (at < end) {
        const sub = buf[at++], len = leb(), subEnd = at + len;
        if (sub === 1) for (let i = leb(); i > 0; i--) { const index = leb(); names.set(index, name()); }
        at = subEnd;
      }
    }
    at = end;
  }
  return bodies.map((body, i) => ({ name: names.get(importedFunctions + i) ?? `func${i}`, body }))
    .concat(data ? [{ name: "(data segments)", body: null, bytes: data }] : []);
}

// The owner of a function: an eol-table module, else the crate its path starts with.
function owner(name) {
  const ours = /eol_table::((?:core|dom)::\w+|\w+)/.exec(name);
  if (ours) return `eol_table::${ours[1]}`;
  if (/^\w+ (externref|multivalue) shim/.test(name)) return "wasm-bindgen shims";
  const crate = /([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::/.exec(name);
  return crate ? crate[1] : name.slice(0, 40);
}

function top(file, limit = 25) {
  const funcs = readModule(readFileSync(file));
  const groups = new Map();
  for (const f of funcs) {
    const key = f.body ? owner(f.name) : f.name;
    const g = groups.get(key) ?? { key, raw: 0, parts: [], count: 0 };
    g.raw += f.body ? f.body.length : f.bytes;
    if (f.body) g.parts.push(f.body);
    g.count++;
    groups.set(key, g);
  }
  const all = [...groups.values()].sort((a, b) => b.raw - a.raw);
  const total = all.reduce((n, g) => n + g.raw, 0);
  console.log(`\nlargest contributors of ${file} (code bytes as wasm-opt left them; gzip of each group alone)`);
  console.log(`${"owner".padEnd(36)} ${"functions".padStart(9)} ${"bytes".padStart(8)} ${"share".padStart(6)} ${"gzip".padStart(7)}`);
  for (const g of all.slice(0, limit)) {
    const z = g.parts.length ? gzip(Buffer.concat(g.parts)) : "";
    console.log(`${g.key.padEnd(36)} ${String(g.count).padStart(9)} ${String(g.raw).padStart(8)} ${(100 * g.raw / total).toFixed(1).padStart(5)}% ${String(z).padStart(7)}`);
  }
  console.log(`\nlargest functions`);
  for (const f of funcs.filter((f) => f.body).sort((a, b) => b.body.length - a.body.length).slice(0, 12)) {
    console.log(`${String(f.body.length).padStart(8)}  ${f.name.slice(0, 110)}`);
  }
}

const [command, ...args] = process.argv.slice(2);
if (command === "sizes") sizes(args);
else if (command === "top") top(args[0], Number(args[1] ?? 25));
else {
  console.error("usage: size.mjs sizes FILE... | top NAMED.wasm [N]");
  process.exit(2);
}
