/** A column id: "release", "releaseDate", "discontinued", "eoas", "eol", "eoes", "latest", or a custom field's name. */
export type ColumnId = string;

/** Options of `render`. */
export interface RenderOptions {
  /** The day statuses are computed for, "YYYY-MM-DD". Default: the browser's local date. */
  today?: string;
  /** Initial sort; default: the file's order (newest first). */
  sort?: { column: ColumnId; direction?: "ascending" | "descending" } | null;
  /** Which releases show by maintenance status. Default "all". */
  filter?: "all" | "maintained" | "ended";
  /** Show only releases whose cycle, codename, label or latest version contains this text. */
  search?: string;
  /** "relative" (default): "Ends in 3 months (01 Oct 2024)"; "absolute": "01 Oct 2024". */
  dateStyle?: "relative" | "absolute";
  /** BCP 47 tag of the reader's language: every string the widget shows comes from the message catalogue of that language (fr, de, es, it, pt-BR, nl, pl, ja, zh-Hans, ko, ru, uk, tr, ar; a tag falls back to its language, then English), dates and relative wording through Intl. "ar" sets dir="rtl". Default: the site's English. */
  locale?: string | null;
  /** Messages replacing the catalogue's for the current locale, by id: `{ "filter.all": "Everything" }`, or plural forms `{ "more.show": { one: "…", other: "…" } }`. An unknown id or placeholder is an error. */
  messages?: Messages | null;
  /** Colours: "auto" (default) follows prefers-color-scheme. */
  theme?: "auto" | "light" | "dark";
  /** Show the old unmaintained releases the site hides behind "Show more". Default false. */
  showAllReleases?: boolean;
  /** Add the default stylesheet to the page's head (once). Default true; set false when the page links eol-table.css itself. */
  injectStyles?: boolean;
  /** With a null source: the id of a built-in product (see `products()`). Default "istio". */
  product?: string;
  /** The input format. Default "auto": API JSON of either shape, otherwise a product file or bare YAML. */
  format?: InputFormat;
  /** The product's id (`data-product`, calendar UIDs) when the data names none: the older API's JSON (v0) never does. The data's own name wins. Default "product". */
  name?: string;
  /** The product's title when the data gives none (API v0). The data's own title wins. Default: the name, or "Releases" for API v0 without one. */
  title?: string;
  /** A version (such as "1.12.4") whose row is highlighted, with a one-line verdict above the table. */
  version?: string | null;
  /** The largest source accepted, in bytes (default 4 MiB); a larger one fails at once. */
  maxInputBytes?: number;
  /** The card's header: product icon, title, category and tags. Default true. */
  header?: boolean;
  /** The Markdown description: "split" (default, as endoflife.date: the summary quote above the table, the rest below), "above", "below" or "hidden". */
  description?: "split" | "above" | "below" | "hidden";
  /** Under the table: the release policy link, the supported-release hint and the version command with a copy button. Default true. */
  info?: boolean;
  /** Show the release timeline (as `renderTimeline` draws it) above the table. Default false. */
  timeline?: boolean;
  /** "Download CSV" and "Add to calendar" (.ics) buttons under the table. Default false. */
  downloads?: boolean;
  /** What relative links in the product's Markdown body (`/nodejs`) resolve against: an absolute http or https URL. Default "https://endoflife.date/", the site the bodies are written for. Fragment links (`#upgrading`) stay within the card. */
  linkBase?: string;
  /** Where product icons come from: `${iconBase}${iconSlug}.svg`. Default the Simple Icons CDN, "https://cdn.jsdelivr.net/npm/simple-icons/icons/". */
  iconBase?: string;
  /** Row windowing: only the rows near the viewport are in the page (between spacers), so sorting, filtering and searching a long table stay fast. "auto" (default) windows tables of more than 200 rows; `true` always; `false` never (every row in the page, where find-in-page sees it). Printing shows every row. */
  virtualize?: boolean | "auto";
}

/** Options of `renderTimeline`. */
export interface TimelineOptions extends ParseOptions {
  /** Colours: "auto" (default) follows prefers-color-scheme. */
  theme?: "auto" | "light" | "dark";
  /** Add the default stylesheet to the page's head (once). Default true. */
  injectStyles?: boolean;
}

/** Messages replacing the catalogue's, by message id (the README lists every id). */
export type Messages = { [id: string]: string | PluralForms };

/** What `messageCatalogue` returns. */
export interface MessageCatalogue {
  /** The catalogue the locale reads after the fallback ("pt-BR", then "pt", then "en"). */
  locale: string;
  /** "ltr", or "rtl" (Arabic). */
  dir: "ltr" | "rtl";
  /** Every built-in catalogue: "en" and the languages of this build. */
  languages: string[];
  /** Every message id with its text, or its plural forms. */
  messages: Messages;
}

/** A message's text per CLDR plural category; `other` is required. */
export interface PluralForms {
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}

/** Input formats: a product file (Markdown + YAML front matter), bare YAML, endoflife.date API v1 JSON, or the older API's array of cycles. */
export type InputFormat = "auto" | "markdown" | "yaml" | "api" | "api-v0";

/** The reader's choices, as `state` and the `eol-table:change` event's `detail` give them. */
export interface TableState {
  sort: { column: ColumnId; direction: "ascending" | "descending" } | null;
  filter: "all" | "maintained" | "ended";
  search: string;
  dateStyle: "relative" | "absolute";
  locale: string | null;
  theme: "auto" | "light" | "dark";
  showAllReleases: boolean;
  version: string | null;
  /** Rows showing. */
  visible: number;
  /** Rows in all. */
  total: number;
}

/** Options of `badgeSvg` and `renderBadge`. */
export interface BadgeOptions extends ParseOptions {
  /** The version to check, such as "1.12.4". Required. */
  version: string;
  /** "flat" (default) or "flat-square". */
  style?: "flat" | "flat-square";
  /** renderBadge only: add the default stylesheet to the page. Default true. */
  injectStyles?: boolean;
}

/** What `checkVersion` says about a version. Dates are "YYYY-MM-DD" or "YYYY-MM". */
export interface VersionCheck {
  product: string;
  version: string;
  found: boolean;
  cycle: string | null;
  label: string | null;
  status: "ok" | "soon" | "ended" | "unknown";
  isEol: boolean | null;
  eolFrom: string | null;
  isEoas: boolean | null;
  eoasFrom: string | null;
  isEoes: boolean | null;
  eoesFrom: string | null;
  isMaintained: boolean;
  /** Days until end of life; negative once past; null without an end-of-life date. */
  daysLeft: number | null;
  latest: string | null;
  isLatest: boolean;
  /** The newest maintained cycle, when it is not this one. */
  upgrade: { cycle: string; latest: string | null } | null;
  /** The newest maintained LTS cycle, when the product has LTS releases and it is not this one. */
  upgradeLts: { cycle: string; latest: string | null } | null;
  /** When not found: the nearest cycles. */
  nearest: string[];
  /** The verdict in one sentence. */
  message: string;
  /** The badge's short text, such as "ends in 2 months". */
  short: string;
}

/** Options of `parseProduct`, `checkVersion` and the exports (`toCsv`, `toMarkdown`, `toJson`, `toICalendar`). */
export interface ParseOptions {
  /** The day statuses are computed for, "YYYY-MM-DD". Default: the local date. */
  today?: string;
  /** With a null source: the id of a built-in product. Default "istio". */
  product?: string;
  /** The input format. Default "auto". */
  format?: InputFormat;
  /** The product's id when the data names none (the older API's JSON, v0). Default "product". */
  name?: string;
  /** The product's title when the data gives none (API v0). Default: the name, or "Releases". */
  title?: string;
  /** The largest source accepted, in bytes (default 4 MiB). */
  maxInputBytes?: number;
  /** The language of the words (as `RenderOptions.locale`): the CSV and Markdown headers, `checkVersion`'s message and short text, a badge's and a timeline's words. Default: the site's English. */
  locale?: string | null;
  /** Messages replacing the catalogue's (as `RenderOptions.messages`). */
  messages?: Messages | null;
}

/** A product, shaped as endoflife.date's API v1 `result`. */
export interface Product {
  name: string;
  aliases: string[];
  label: string;
  category: string | null;
  tags: string[];
  versionCommand: string | null;
  identifiers: { type: string; id: string }[];
  /** Column headers; null when the column is off. */
  labels: { eoas: string | null; discontinued: string | null; eol: string | null; eoes: string | null };
  links: { icon: string | null; html: string; releasePolicy: string | null };
  releases: Release[];
  /** Oddities found in the file that did not stop parsing. */
  warnings: string[];
}

/** One release cycle. Dates are "YYYY-MM-DD", or "YYYY-MM" for month-only dates. */
export interface Release {
  name: string;
  codename: string | null;
  label: string;
  releaseDate: string | null;
  isLts: boolean;
  ltsFrom: string | null;
  /** Left out when the Active Support column is off. */
  isEoas?: boolean | null;
  eoasFrom?: string | null;
  isEol: boolean | null;
  eolFrom: string | null;
  /** Left out when the Discontinued column is off. */
  isDiscontinued?: boolean | null;
  discontinuedFrom?: string | null;
  /** Left out when the Extended Support column is off. */
  isEoes?: boolean | null;
  eoesFrom?: string | null;
  isMaintained: boolean;
  /** null when the Latest column is off. */
  latest: { name: string | null; date: string | null; link: string | null } | null;
  /** Custom field values by name; null when the product has no custom fields. */
  custom: Record<string, string | null> | null;
}

/** A stack description: the products you run and your versions (`parseStack`, `checkStack`, `renderStack`, `<eol-stack>`). */
export interface StackDescription {
  /** A heading for the stack. */
  title?: string | null;
  products: StackEntry[];
}

/** One entry of a stack. */
export interface StackEntry {
  /** The product's endoflife.date id, such as "istio". */
  product: string;
  /** Your version, such as "1.12.4" (write it in quotes in JSON; YAML keeps `1.10` as written). */
  version: string;
  /** What the product is in your stack, shown after its title. */
  label?: string | null;
  /** Where its product file or API JSON is: a URL for `<eol-stack>` (relative to the stack file), a path for the CLI (relative to the stack file), a key of `sources` for `checkStack`. */
  src?: string | null;
}

/** Product files for a stack's entries, by product id or by an entry's `src`: the file's text or bytes, or `{ error }` when it could not be loaded (the entry then fails with that reason). */
export type StackSources = Record<string, string | Uint8Array | { error: string }>;

/** Options of `parseStack` and `checkStack`. */
export interface StackOptions {
  /** The day statuses are computed for, "YYYY-MM-DD". Default: the local date. */
  today?: string;
  /** The largest stack description and product file accepted, in bytes (default 4 MiB). */
  maxInputBytes?: number;
  /** The language of the summary, the reasons and the version messages (as `RenderOptions.locale`). Default: the site's English. */
  locale?: string | null;
  /** Messages replacing the catalogue's (as `RenderOptions.messages`), `stack.*` ids included. */
  messages?: Messages | null;
}

/** Options of `renderStack`: those of `checkStack`, and the table's own. */
export interface StackRenderOptions extends StackOptions {
  /** Initial sort; default: most urgent first. Columns: "product", "version", "cycle", "status", "eol", "latest", "upgrade", "daysLeft". */
  sort?: { column: ColumnId; direction?: "ascending" | "descending" } | null;
  /** "maintained": supported entries; "ended": ended and unknown ones. Default "all". */
  filter?: "all" | "maintained" | "ended";
  /** Show only entries whose product, label, version or cycle contains this text. */
  search?: string;
  /** "relative" (default) or "absolute" end dates. */
  dateStyle?: "relative" | "absolute";
  /** Colours: "auto" (default) follows prefers-color-scheme. */
  theme?: "auto" | "light" | "dark";
  /** Add the default stylesheet to the page's head (once). Default true. */
  injectStyles?: boolean;
  /** Where product icons come from: `${iconBase}${iconSlug}.svg`. */
  iconBase?: string;
}

/** Why a stack entry could not be checked. */
export type StackProblem = "unknownProduct" | "loadFailed" | "badFile" | "unknownVersion";

/** One entry's result: the `checkVersion` result plus the product's id and title. */
export interface StackResult extends VersionCheck {
  /** The product id the entry names. */
  id: string;
  /** The product's title (the id when the product is unknown). */
  title: string;
  /** The entry's own `label` (`label` is the matched cycle's, as `checkVersion` gives it). */
  entryLabel: string | null;
  /** Why the entry could not be checked; null when it was. */
  problem: StackProblem | null;
  /** That reason in words: "there is no product `nosuch`: …", "could not load …: HTTP 404", the nearest cycles. */
  reason: string | null;
}

/** What `checkStack` returns. */
export interface StackReport {
  title: string | null;
  /** One per entry, most urgent first: ended, then the soonest end, then unknown. */
  results: StackResult[];
  summary: StackSummary;
}

/** How many entries are in each state. */
export interface StackSummary {
  total: number;
  ok: number;
  soon: number;
  ended: number;
  unknown: number;
  /** The days left of the last of the entries ending soon: "ending within N days"; null without one. */
  withinDays: number | null;
  /** "3 products: 1 past end of life, 1 ending within 60 days, 1 unknown". */
  message: string;
}
