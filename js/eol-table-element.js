// <eol-table>: the support table as a custom element, in an open shadow root with its own
// stylesheet, so the host page's CSS neither breaks it nor is touched by it.
//
//   <script type="module" src="./pkg/eol-table-element.js"></script>
//   <eol-table product="istio" theme="dark"></eol-table>
//   <eol-table src="./data/guzzle.md" today="2025-06-01"></eol-table>
//   <eol-table><script type="text/markdown">---\ntitle: ...\n---</script></eol-table>
//
// Where the data comes from, first match wins: `src` (fetched), a child
// <script type="text/markdown | application/yaml | application/json">, the built-in `product`.
import init, { render, stylesheet } from "./eol_table.js";
// Through the namespace: a build without the `badge` feature has no renderBadge, and then
// <eol-badge> is not defined.
import * as eol from "./eol_table.js";

const TAG = "eol-table";
const INLINE = 'script[type="text/markdown"], script[type="application/yaml"], script[type="application/json"]';
// Attributes a live table can take without being rebuilt (the reader's sort and search stay).
const SETTERS = {
  theme: (table, v) => table.setTheme(v ?? "auto"),
  locale: (table, v) => table.setLocale(v || null),
  filter: (table, v) => table.setFilter(v ?? "all"),
  "date-style": (table, v) => table.setDateStyle(v ?? "relative"),
  version: (table, v) => table.setVersion(v || null),
};
const HOST_CSS = ":host { display: block; } :host(eol-badge) { display: inline-block; vertical-align: middle; } :host([hidden]) { display: none; }\n";
// The card around the table: `timeline` and `downloads` are boolean attributes, `header="false"`
// drops the header, `description` is split | above | below | hidden, `icon-base` a URL prefix,
// `link-base` what the description's relative links resolve against.
// `virtualize` is "auto", or a boolean attribute ("false" turns row windowing off).
const CARD = ["timeline", "downloads", "header", "description", "icon-base", "link-base", "virtualize"];
// `name` and `title` name a product whose data names none (the older API's JSON).
const ATTRIBUTES = ["src", "product", "today", "format", "name", "title", ...CARD, ...Object.keys(SETTERS)];

// One wasm instance and one stylesheet for every element on the page. A constructed stylesheet
// (adoptedStyleSheets) needs no 'unsafe-inline' in a Content Security Policy; browsers without
// it get a <style> in each shadow root.
const setup = init().then(() => {
  const css = HOST_CSS + stylesheet();
  if (!globalThis.ShadowRoot || !("adoptedStyleSheets" in ShadowRoot.prototype)) return css;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  return sheet;
});
setup.catch(() => {}); // reported by each element that renders, not as an unhandled rejection

// Elements render one per task, each in its turn: 400 elements on a page make 400 short tasks,
// not one long one, and the page stays responsive while they appear.
let turns = Promise.resolve();
const nextTask = () =>
  globalThis.scheduler?.yield
    ? globalThis.scheduler.yield()
    : new Promise((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve();
        channel.port2.postMessage(null);
      });
function inTurn(work) {
  const run = turns.then(nextTask).then(work);
  turns = run.catch(() => {});
  return run;
}

/**
 * The message for an error a render threw. A trap of the WebAssembly module (a `RuntimeError`
 * such as "unreachable", where memory ran out) says so in words; after a panic, the panic hook's
 * alert in `container` already says why.
 */
function describe(err, container) {
  const trapped = globalThis.WebAssembly && err instanceof WebAssembly.RuntimeError;
  if (!trapped) return err instanceof Error ? err.message : String(err);
  const alert = container.querySelector('[role="alert"]')?.textContent;
  if (alert) return alert;
  return `eol-table stopped on an internal error: the WebAssembly module trapped (${err.message}), most likely out of memory. Please report it with the product file.`;
}

/** Removes the indentation every non-blank line shares (inline scripts are usually indented). */
function dedent(text) {
  const lines = text.replace(/^\s*\n/, "").trimEnd().split("\n");
  const indents = lines.filter((l) => l.trim()).map((l) => l.match(/^[ \t]*/)[0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut)).join("\n") + "\n";
}

/** Whether a mutation changed a child <script> (added, removed, or its text edited). */
function touchesScript(record) {
  const nodes = [record.target, ...record.addedNodes, ...record.removedNodes];
  return nodes.some((node) => node.nodeName === "SCRIPT" || node.parentNode?.nodeName === "SCRIPT");
}

/** The `virtualize` option of the attribute's value: absent, "auto", "false", or on. */
function virtualize(value) {
  if (value === undefined || value === "auto") return value;
  return value !== "false";
}

/**
 * The product name a `src` URL suggests, for data that names none: its last path segment
 * without the extension (`…/nodejs.json` → `nodejs`, `…/products/python` → `python`).
 */
function nameFromUrl(url) {
  const segment = new URL(url).pathname.split("/").filter(Boolean).pop() ?? "";
  let name = segment;
  try {
    name = decodeURIComponent(segment);
  } catch {
    // a malformed escape: the segment as it is
  }
  return name.replace(/\.[^.]*$/, "") || undefined;
}

/** `options` without its undefined entries. */
function defined(options) {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
}

/**
 * The text at `url`, or an error that says why not: the network, an HTTP status, or an HTML page
 * where a data file was expected (a dev server's index.html, a custom 404 with status 200).
 */
async function fetchText(url, signal) {
  let response;
  try {
    response = await fetch(url, { signal });
  } catch (err) {
    throw new Error(`could not load ${url}: ${err.message}`);
  }
  if (!response.ok) throw new Error(`could not load ${url}: HTTP ${response.status} ${response.statusText}`.trimEnd());
  const text = await response.text();
  if (/^\s*text\/html\b/i.test(response.headers.get("content-type") ?? "") && text.trimStart().startsWith("<")) {
    throw new Error(`could not load ${url}: it looks like an HTML page, not a product file (the server sent text/html: check the URL)`);
  }
  return text;
}

/** The text of an element's inline data <script>, or null. */
function inlineText(element) {
  const script = [...element.children].find((child) => child.matches(INLINE));
  return script ? dedent(script.textContent) : null;
}

const Base = globalThis.HTMLElement ?? class {}; // importable (not usable) outside a browser

export class EolTableElement extends Base {
  static get observedAttributes() {
    return ATTRIBUTES;
  }

  /** Attributes applied to the live result without rendering again. */
  static get setters() {
    return SETTERS;
  }

  #table = null; // the EolTable, or null (not rendered yet, or an error is shown)
  #container;
  #generation = 0; // bumped by every render and by disconnect: stale async work is dropped
  #scheduled = false;
  #abort = null; // AbortController of the pending fetch
  #loaded = null; // { url, text }: the last fetched source, reused until `src` changes
  #named = undefined; // the name `src`'s file name suggests, for data that names none
  #observer = null;
  #ready = Promise.resolve(null);
  #messages = null; // the `messages` property

  constructor() {
    super();
    const root = this.attachShadow({ mode: "open" });
    this.#container = document.createElement("div");
    this.#container.setAttribute("part", "container");
    root.append(this.#container);
    // `eol-table:change` bubbles inside the shadow root only: send it on from the host.
    root.addEventListener("eol-table:change", this.#forward);
  }

  /** The rendered EolTable (sort, setFilter, state...), or null while loading or on error. */
  get table() {
    return this.#table;
  }

  /** Settles once the latest (re-)render is done: with the table, or null on error. */
  get ready() {
    return this.#ready;
  }

  /** Messages replacing the catalogue's for the current locale; setting them draws again. */
  get messages() {
    return this.#messages;
  }

  set messages(value) {
    this.#messages = value ?? null;
    if (this.isConnected) this.#schedule();
  }

  connectedCallback() {
    // Set on the element before it was upgraded: an own property that hides the setter.
    if (Object.prototype.hasOwnProperty.call(this, "messages")) {
      const messages = this.messages;
      delete this.messages;
      this.#messages = messages ?? null;
    }
    this.#observer = new MutationObserver((records) => {
      if (records.some(touchesScript)) this.#schedule();
    });
    this.#observer.observe(this, { childList: true, subtree: true, characterData: true });
    this.#schedule();
  }

  disconnectedCallback() {
    this.#observer?.disconnect();
    this.#observer = null;
    this.#generation++;
    this.#abort?.abort();
    this.#abort = null;
    this.#clear();
  }

  attributeChangedCallback(name, oldValue, value) {
    if (oldValue === value || !this.isConnected) return;
    const setters = this.constructor.setters;
    if (name in setters && this.#table && !this.#scheduled) {
      try {
        setters[name](this.#table, value);
        return;
      } catch {
        // a bad value: the full render below shows the message
      }
    }
    this.#schedule();
  }

  /** Renders once per task, however many attributes or children changed. */
  #schedule() {
    if (this.#scheduled) return;
    this.#scheduled = true;
    this.#ready = new Promise((resolve) =>
      queueMicrotask(() => {
        this.#scheduled = false;
        resolve(this.isConnected ? this.#render() : null);
      }),
    );
  }

  async #render() {
    const generation = ++this.#generation;
    try {
      this.#adopt(await setup);
      const source = await this.load(generation);
      return await inTurn(() => {
        if (generation !== this.#generation || !this.isConnected) return this.#table; // superseded meanwhile
        this.#clear();
        const attr = (name) => this.getAttribute(name) ?? (name === "name" ? this.#named : undefined);
        this.#table = this.draw(this.#container, source, attr);
        return this.#table;
      });
    } catch (err) {
      if (generation !== this.#generation) return this.#table;
      this.#fail(describe(err, this.#container));
      return null;
    }
  }

  /**
   * Renders into `container` and returns the result (anything with `destroy()`); `attr(name)`
   * reads an attribute. Subclasses draw something else from the same source.
   */
  draw(container, source, attr) {
    const table = render(container, source, defined({
      injectStyles: false, product: attr("product"), today: attr("today"), locale: attr("locale"),
      theme: attr("theme"), filter: attr("filter"), dateStyle: attr("date-style"),
      format: attr("format"), version: attr("version"), name: attr("name"), title: attr("title"),
      timeline: this.hasAttribute("timeline") || undefined, downloads: this.hasAttribute("downloads") || undefined,
      header: attr("header") === undefined ? undefined : attr("header") !== "false",
      description: attr("description"), iconBase: attr("icon-base"), linkBase: attr("link-base"),
      virtualize: virtualize(attr("virtualize")), messages: this.messages ?? undefined,
    }));
    table.element?.setAttribute("part", "table"); // eol-table::part(table) { --eol-ok: ... }
    return table;
  }

  /** What `draw` renders, loaded for render number `generation`. Subclasses load something else. */
  load(generation) {
    return this.#source(generation);
  }

  /** The product file text: fetched `src`, an inline script, or null (a built-in product). */
  async #source(generation) {
    const src = this.getAttribute("src");
    this.#named = undefined;
    if (src) {
      const url = new URL(src, document.baseURI).href;
      this.#named = nameFromUrl(url);
      if (this.#loaded?.url === url) return this.#loaded.text;
      this.#abort?.abort();
      const abort = (this.#abort = new AbortController());
      let text;
      try {
        text = await fetchText(url, abort.signal);
      } catch (err) {
        if (generation !== this.#generation) return null;
        throw err;
      }
      this.#loaded = { url, text };
      return text;
    }
    return inlineText(this);
  }

  /** Puts the stylesheet into the shadow root, once. */
  #adopt(style) {
    const root = this.shadowRoot;
    if (typeof style !== "string") {
      if (!root.adoptedStyleSheets.includes(style)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, style];
    } else if (!root.querySelector("style")) {
      const element = document.createElement("style");
      element.textContent = style;
      root.prepend(element);
    }
  }

  /** Shows `message` as render shows bad input, and reports it as `eol-table:error`. */
  #fail(message) {
    this.#clear();
    const box = document.createElement("div");
    box.className = "eol-table eol-table--error";
    box.setAttribute("role", "alert");
    box.setAttribute("part", "error");
    box.textContent = message;
    this.#container.append(box);
    this.dispatchEvent(new CustomEvent("eol-table:error", { bubbles: true, composed: true, detail: { message } }));
  }

  #clear() {
    this.#table?.destroy();
    this.#table = null;
    this.#container.replaceChildren();
  }

  #forward = (event) => {
    if (event.composed) return; // it crosses the shadow boundary on its own
    this.dispatchEvent(new CustomEvent(event.type, { bubbles: true, composed: true, detail: event.detail }));
  };
}

if (globalThis.customElements && !customElements.get(TAG)) customElements.define(TAG, EolTableElement);

/**
 * <eol-badge product="istio" version="1.12.4">: a version's support status as a compact pill
 * ("Istio 1.12 · ends in 2 months") whose accessible name is the whole verdict. It takes its
 * data as <eol-table> does (`src`, an inline script, or a built-in `product`), plus `version`,
 * `today`, `format` and `badge-style` ("flat" or "flat-square").
 */
export class EolBadgeElement extends EolTableElement {
  static get observedAttributes() {
    return ["src", "product", "today", "format", "name", "title", "version", "badge-style"];
  }

  static get setters() {
    return {};
  }

  draw(container, source, attr) {
    const badge = eol.renderBadge(container, source, defined({
      injectStyles: false, product: attr("product"), today: attr("today"), format: attr("format"),
      name: attr("name"), title: attr("title"), version: attr("version") ?? "", style: attr("badge-style"),
    }));
    badge.setAttribute("part", "badge");
    return { element: badge, destroy: () => badge.remove() };
  }
}

if (globalThis.customElements && eol.renderBadge && !customElements.get("eol-badge")) {
  customElements.define("eol-badge", EolBadgeElement);
}

/**
 * <eol-stack src="./stack.yml" base="https://endoflife.date/api/v1/products/">: the products you
 * run and your versions in one table (`renderStack`), most urgent first, each row opening the
 * product's own support table. The stack comes from `src` (fetched) or a child
 * <script type="application/yaml | application/json">; each entry's product file from its `src`
 * (relative to the stack file), else `${base}${product}`, else a built-in product. A file that
 * cannot be loaded makes a failing row of its own, saying why. Other attributes: `today`,
 * `theme`, `locale`, `filter`, `date-style` (the last four update the live table), `icon-base`;
 * the `messages` property as `<eol-table>`'s.
 */
export class EolStackElement extends EolTableElement {
  static get observedAttributes() {
    return ["src", "base", "today", "icon-base", "theme", "locale", "filter", "date-style"];
  }

  static get setters() {
    const { theme, locale, filter, "date-style": dateStyle } = SETTERS;
    return { theme, locale, filter, "date-style": dateStyle };
  }

  #abort = null;

  async load() {
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    let text;
    let from = document.baseURI;
    const src = this.getAttribute("src");
    if (src) {
      from = new URL(src, document.baseURI).href;
      text = await fetchText(from, abort.signal);
    } else {
      text = inlineText(this);
    }
    if (text == null) {
      throw new Error('<eol-stack> needs a stack: a `src` attribute, or a child <script type="application/yaml"> holding `products: [{ product, version }]`');
    }
    await setup;
    const stack = eol.parseStack(text);
    const base = this.getAttribute("base");
    const sources = {};
    const wanted = new Map(); // source key → URL, each fetched once
    for (const entry of stack.products) {
      if (entry.src) wanted.set(entry.src, new URL(entry.src, from).href);
      else if (base) wanted.set(entry.product, new URL(`${base}${encodeURIComponent(entry.product)}`, document.baseURI).href);
    }
    await Promise.all(
      [...wanted].map(async ([key, url]) => {
        try {
          sources[key] = await fetchText(url, abort.signal);
        } catch (err) {
          sources[key] = { error: err.message };
        }
      }),
    );
    return { text, sources };
  }

  draw(container, source, attr) {
    const table = eol.renderStack(container, source.text, source.sources, defined({
      injectStyles: false, today: attr("today"), locale: attr("locale"), theme: attr("theme"),
      filter: attr("filter"), dateStyle: attr("date-style"), iconBase: attr("icon-base"),
      messages: this.messages ?? undefined,
    }));
    table.element?.setAttribute("part", "table");
    return table;
  }
}

if (globalThis.customElements && eol.renderStack && !customElements.get("eol-stack")) {
  customElements.define("eol-stack", EolStackElement);
}
