// Types of <eol-table> (eol-table-element.js): importing the module registers the element.
import type { EolTable, InputFormat, Messages, TableState } from "./eol_table.js";

/** The attributes <eol-table> observes; a change re-renders (theme, locale, filter and date-style update the live table). */
export type EolTableAttribute =
  | "src"
  | "product"
  | "today"
  | "format"
  | "name"
  | "title"
  | "theme"
  | "locale"
  | "filter"
  | "date-style"
  | "version"
  | "timeline"
  | "downloads"
  | "header"
  | "description"
  | "icon-base"
  | "link-base"
  | "virtualize";

/** `detail` of the `eol-table:error` event. */
export interface EolTableErrorDetail {
  /** The message the element shows, e.g. "could not load https://…/x.md: HTTP 404 Not Found". */
  message: string;
}

/**
 * `<eol-table>`: an endoflife.date support table in an open shadow root with its own stylesheet.
 *
 * The data, first match wins: the `src` attribute (a URL, fetched), a child
 * `<script type="text/markdown | application/yaml | application/json">`, the built-in product
 * named by `product` (default "istio"). Other attributes: `today` ("YYYY-MM-DD"), `locale`,
 * `theme` ("auto" | "light" | "dark"), `filter` ("all" | "maintained" | "ended"),
 * `date-style` ("relative" | "absolute"), `format` ({@link InputFormat}: "auto" by default, which knows API JSON of either shape),
 * `name` and `title` (the product's id and title when the data names none, as the older API's
 * JSON never does; without `name`, the file name in `src`: `…/nodejs.json` → "nodejs"),
 * `version` (a version to highlight, with a verdict above the table), and for the card around
 * the table `timeline` and `downloads` (boolean attributes), `header="false"`, `description`
 * ("split" | "above" | "below" | "hidden"), `icon-base` and `link-base` (see `RenderOptions`), and
 * `virtualize` ("auto", or a boolean attribute: `virtualize="false"` keeps every row in the page).
 *
 * Styling from the page: `eol-table::part(table)` is the table's root (set its custom properties,
 * e.g. `--eol-ok`), `::part(error)` the error box, `::part(container)` what holds either.
 *
 * Events (both bubble and are composed): `eol-table:change` (detail: {@link TableState}) and
 * `eol-table:error` (detail: {@link EolTableErrorDetail}).
 */
export declare class EolTableElement extends HTMLElement {
  static readonly observedAttributes: EolTableAttribute[];
  /** The rendered table, or null while loading, after an error and once disconnected. */
  readonly table: EolTable | null;
  /** Settles once the latest (re-)render is done: with the table, or null when it failed. */
  readonly ready: Promise<EolTable | null>;
  /** Messages replacing the catalogue's for the current locale (as `RenderOptions.messages`); setting it draws the table again. */
  messages: Messages | null;
  connectedCallback(): void;
  disconnectedCallback(): void;
  attributeChangedCallback(name: EolTableAttribute, oldValue: string | null, value: string | null): void;
}

/** The attributes <eol-badge> observes; a change renders the badge again. */
export type EolBadgeAttribute = "src" | "product" | "today" | "format" | "name" | "title" | "version" | "badge-style";

/** What an `<eol-badge>` rendered. */
export interface RenderedBadge {
  /** The badge: `span.eol-badge[data-status][role=img]`, its aria-label the whole verdict. */
  element: HTMLElement;
  destroy(): void;
}

/**
 * `<eol-badge version="1.12.4">`: a version's support status as a pill ("Istio 1.12 · ends in
 * 2 months") in the status colours, in an open shadow root. Data as for `<eol-table>` (`src`, an
 * inline script, or the built-in `product`); `badge-style` is "flat" (default) or "flat-square".
 * Styling from the page: `eol-badge::part(badge)`. Errors show in place and fire `eol-table:error`.
 */
export declare class EolBadgeElement extends HTMLElement {
  static readonly observedAttributes: EolBadgeAttribute[];
  /** Settles once the latest render is done: with the badge, or null when it failed. */
  readonly ready: Promise<RenderedBadge | null>;
  connectedCallback(): void;
  disconnectedCallback(): void;
  attributeChangedCallback(name: EolBadgeAttribute, oldValue: string | null, value: string | null): void;
}

/** The attributes <eol-stack> observes; theme, locale, filter and date-style update the live table, the others render again. */
export type EolStackAttribute = "src" | "base" | "today" | "icon-base" | "theme" | "locale" | "filter" | "date-style";

/**
 * `<eol-stack src="./stack.yml" base="https://endoflife.date/api/v1/products/">`: your stack in
 * one table (`renderStack`), in an open shadow root. The stack description comes from `src`
 * (fetched) or a child `<script type="application/yaml | application/json">`; each entry's
 * product file from its `src` (relative to the stack file), else `${base}${product}`, else a
 * built-in product. A product file that cannot be loaded is a failing row saying why, as
 * `<eol-table src>` words it. `today`, `theme`, `locale`, `filter`, `date-style` and `icon-base`
 * as for `<eol-table>`. Styling: `eol-stack::part(table)`; events as for `<eol-table>`.
 */
export declare class EolStackElement extends HTMLElement {
  static readonly observedAttributes: EolStackAttribute[];
  /** The rendered stack (an EolTable: sort, setFilter, state...), or null while loading or after an error. */
  readonly table: EolTable | null;
  /** Settles once the latest (re-)render is done: with the table, or null when it failed. */
  readonly ready: Promise<EolTable | null>;
  /** Messages replacing the catalogue's for the current locale, `stack.*` ids included; setting it draws the stack again. */
  messages: Messages | null;
  connectedCallback(): void;
  disconnectedCallback(): void;
  attributeChangedCallback(name: EolStackAttribute, oldValue: string | null, value: string | null): void;
}

declare global {
  interface HTMLElementTagNameMap {
    "eol-table": EolTableElement;
    "eol-badge": EolBadgeElement;
    "eol-stack": EolStackElement;
  }
  interface HTMLElementEventMap {
    "eol-table:change": CustomEvent<TableState>;
    "eol-table:error": CustomEvent<EolTableErrorDetail>;
  }
}
