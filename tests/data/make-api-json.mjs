#!/usr/bin/env node
// Makes the endoflife.date API JSON fixtures in www/data/ (used by www/element.html and the e2e
// tests) from real product files in ../shared/fixtures, through parseProduct of the release pkg/:
//   www/data/vuetify.v1.json  the API v1 `/api/v1/products/vuetify` response ({ ..., result })
//   www/data/jruby.v0.json    the older API: a JSON array of cycles (`cycle`, `eol`, `support`...)
// The files are committed; re-run after `make build` only if the shapes need to change:
//   node tests/data/make-api-json.mjs
import { readFileSync, writeFileSync } from "node:fs";
import { initSync, parseProduct } from "../../pkg/eol_table.js";

const root = new URL("../../", import.meta.url);
const TODAY = "2026-11-28"; // fixed, so the file does not change with the day it is made
initSync({ module: readFileSync(new URL("pkg/eol_table_bg.wasm", root)) });
const parse = (name) =>
  parseProduct(readFileSync(new URL(`../shared/fixtures/current/${name}.md`, root), "utf8"), { today: TODAY });
const write = (name, value) => writeFileSync(new URL(`www/data/${name}`, root), JSON.stringify(value, null, 2) + "\n");

// API v1: the result, without parseProduct's own `warnings`, wrapped as the site serves it.
const { warnings, ...result } = parse("vuetify");
write("vuetify.v1.json", {
  schema_version: "1.2.0",
  generated_at: `${TODAY}T00:00:00+00:00`,
  last_modified: `${TODAY}T00:00:00+00:00`,
  result,
});

// API v0: one object per cycle; a date where the site has one, else the boolean (`support` and
// `extendedSupport` are the inverted 2022 booleans: true = still supported).
const not = (b) => (b == null ? null : !b);
const v0 = parse("jruby").releases.map((r) => {
  const cycle = {
    cycle: r.name,
    releaseDate: r.releaseDate,
    eol: r.eolFrom ?? r.isEol ?? false,
    latest: r.latest?.name ?? null,
    latestReleaseDate: r.latest?.date ?? null,
    lts: r.ltsFrom ?? r.isLts,
  };
  if ("isEoas" in r) cycle.support = r.eoasFrom ?? not(r.isEoas);
  if ("isEoes" in r) cycle.extendedSupport = r.eoesFrom ?? not(r.isEoes);
  if ("isDiscontinued" in r) cycle.discontinued = r.discontinuedFrom ?? r.isDiscontinued;
  if (r.codename) cycle.codename = r.codename;
  cycle.link = r.latest?.link ?? null;
  return cycle;
});
write("jruby.v0.json", v0);
console.log(`wrote www/data/vuetify.v1.json (${result.releases.length} releases), www/data/jruby.v0.json (${v0.length} cycles)`);
