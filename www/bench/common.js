// Shared by the benchmark pages (scripts/bench/run.mjs drives them): sources, containers, waits.

/** Source texts by URL, fetched once per page. */
const sources = new Map();

/** Fetches `url` (a product file) once; later calls reuse the text. */
export async function load(url) {
  if (!sources.has(url)) {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
    sources.set(url, await res.text());
  }
  return sources.get(url).length;
}

/** The text `load(url)` fetched. */
export function source(url) {
  const text = sources.get(url);
  if (text === undefined) throw new Error(`${url} is not loaded`);
  return text;
}

/** A new empty container at the end of the body. */
export function box() {
  const el = document.createElement("div");
  el.className = "bench-box";
  document.body.append(el);
  return el;
}

/** Forces style and layout, so DOM work done lazily by the browser counts in a timing. */
export function layout(el) {
  return el.offsetHeight;
}

/** Resolves after two animation frames and a task: deferred work (effects, paints) is done. */
export function settle() {
  return new Promise((resolve) =>
    requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0))),
  );
}

/** Times `k` calls of `fn` and returns the time of one call, in ms. */
export function perCall(fn, k) {
  const t0 = performance.now();
  for (let i = 0; i < k; i++) fn();
  return (performance.now() - t0) / k;
}
