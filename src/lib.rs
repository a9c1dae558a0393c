//! # eol-table
//!
//! Software lifecycle tables (release cycles, release dates, end of active support, end of life,
//! latest version) from [endoflife.date](https://endoflife.date) product files, rendered into
//! any page by WebAssembly.
//!
//! The crate is a pure core ([`core`]: parsing, statuses, wording, the table model), tested
//! natively, and a DOM layer ([`dom`]) that turns the table model into elements. This file holds
//! only the JavaScript surface: `render` (and the `EolTable` it returns), `parseProduct`, the
//! exports (`toMarkdown`, `toCsv`, `toJson`, `toICalendar`) and `products`.
//!
//! ```
//! use eol_table::core::{self, parse::parse, products, table, view, wording::English};
//!
//! let product = parse(products::ISTIO).unwrap();
//! let today = core::parse_today("2022-05-01").unwrap();
//! let view = view::evaluate(&product, today);
//! let table = table::build(&view, &English);
//! assert_eq!(table.caption, "Istio");
//! assert_eq!(table.rows[1].cells[2].text(), "Ends in 2 months (Jun 2022)");
//! ```
#![deny(missing_docs)]
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing,
        clippy::string_slice
    )
)]

pub mod core;
pub mod dom;
mod options;

/// The allocator of the wasm build: talc instead of std's dlmalloc, smaller and faster.
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use crate::core::date::{Date, Day};
use crate::core::error::Error;
use crate::core::input::{self, Format};
use crate::core::model::Product;
#[cfg(feature = "timeline")]
use crate::core::timeline;
use crate::core::{api, products, view};
use crate::dom::widget::{self, DateStyle, Theme, Widget};
use crate::options::{choice_error, Options};

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
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
  /** BCP 47 tag for the relative wording and dates, through Intl; default: the site's English. */
  locale?: string | null;
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
  /** BCP 47 tag for the tooltips' relative wording and dates, through Intl; default: the site's English. */
  locale?: string | null;
  /** Add the default stylesheet to the page's head (once). Default true. */
  injectStyles?: boolean;
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
"#;

/// A rendered table. Its methods change what the reader sees; each change dispatches an
/// `eol-table:change` event (its `detail`: the new state) on the root element.
#[wasm_bindgen]
pub struct EolTable {
    widget: Option<Rc<RefCell<Widget>>>,
}

impl EolTable {
    /// Runs `change` on the widget, then announces the new state.
    fn change(
        &mut self,
        change: impl FnOnce(&mut Widget) -> Result<(), String>,
    ) -> Result<(), JsError> {
        let widget = self
            .widget
            .as_ref()
            .ok_or_else(|| JsError::new("this table was destroyed"))?;
        let (root, state) = {
            let mut widget = widget
                .try_borrow_mut()
                .map_err(|_| JsError::new("the table is busy with another change"))?;
            change(&mut widget).map_err(|m| JsError::new(&m))?;
            (widget.root().clone(), widget.state())
        };
        widget::dispatch_change(&root, &state);
        Ok(())
    }
}

#[wasm_bindgen]
impl EolTable {
    /// The root element (`div.eol-table`), or `undefined` once destroyed.
    #[wasm_bindgen(getter)]
    pub fn element(&self) -> Option<Element> {
        let widget = self.widget.as_ref()?;
        let widget = widget.try_borrow().ok()?;
        Some(widget.root().clone())
    }

    /// The reader's choices and the row counts.
    #[wasm_bindgen(getter, unchecked_return_type = "TableState | null")]
    pub fn state(&self) -> JsValue {
        self.widget
            .as_ref()
            .and_then(|w| w.try_borrow().ok().map(|w| w.state()))
            .and_then(|state| dom::to_js(&state).ok())
            .unwrap_or(JsValue::NULL)
    }

    /// Sorts by `column` (`null`: the file's order), `"ascending"` (default) or `"descending"`.
    pub fn sort(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "ColumnId | null")] column: Option<String>,
        #[wasm_bindgen(unchecked_optional_param_type = "\"ascending\" | \"descending\"")] direction: Option<
            String,
        >,
    ) -> Result<(), JsError> {
        let direction = match direction.as_deref() {
            Some(text) => Some(widget::parse_direction(text).map_err(|m| JsError::new(&m))?),
            None => None,
        };
        self.change(|w| w.set_sort(column, direction))
    }

    /// Shows `"all"`, `"maintained"` or `"ended"` releases.
    #[wasm_bindgen(js_name = setFilter)]
    pub fn set_filter(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "\"all\" | \"maintained\" | \"ended\"")]
        filter: String,
    ) -> Result<(), JsError> {
        let filter = widget::parse_filter(&filter).map_err(|m| JsError::new(&m))?;
        self.change(|w| w.set_filter(filter))
    }

    /// Shows the releases whose cycle, codename, label or latest version contains `search`.
    #[wasm_bindgen(js_name = setSearch)]
    pub fn set_search(&mut self, search: String) -> Result<(), JsError> {
        self.change(|w| w.set_search(search))
    }

    /// `"relative"` or `"absolute"` dates.
    #[wasm_bindgen(js_name = setDateStyle)]
    pub fn set_date_style(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "\"relative\" | \"absolute\"")] style: String,
    ) -> Result<(), JsError> {
        let style = DateStyle::parse(&style).map_err(|m| JsError::new(&m))?;
        self.change(|w| w.set_date_style(style))
    }

    /// Rewords dates in `locale` (a BCP 47 tag; `null`: the site's English).
    #[wasm_bindgen(js_name = setLocale)]
    pub fn set_locale(&mut self, locale: Option<String>) -> Result<(), JsError> {
        self.change(|w| w.set_locale(locale))
    }

    /// `"auto"`, `"light"` or `"dark"` colours.
    #[wasm_bindgen(js_name = setTheme)]
    pub fn set_theme(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "\"auto\" | \"light\" | \"dark\"")] theme: String,
    ) -> Result<(), JsError> {
        let theme = Theme::parse(&theme).map_err(|m| JsError::new(&m))?;
        self.change(|w| w.set_theme(theme))
    }

    /// Highlights the row of `version` (`null`: none) and shows the verdict above the table.
    #[wasm_bindgen(js_name = setVersion)]
    pub fn set_version(&mut self, version: Option<String>) -> Result<(), JsError> {
        self.change(|w| w.set_version(version))
    }

    /// Shows (`true`) or hides the old unmaintained releases the site hides by default.
    #[wasm_bindgen(js_name = showAllReleases)]
    pub fn show_all_releases(&mut self, show: bool) -> Result<(), JsError> {
        self.change(|w| w.set_show_all(show))
    }

    /// Removes the table and its listeners from the page. Calling it again does nothing.
    pub fn destroy(&mut self) {
        if let Some(widget) = self.widget.take() {
            widget::release(&widget);
        }
    }
}

/// Renders the support table of `source` (a product file as text; `null` or omitted: the
/// built-in Istio file) into `element`, replacing an earlier table there.
///
/// Bad input shows the message in the element, as an alert, and throws an `Error` with the same
/// message.
#[wasm_bindgen]
pub fn render(
    #[wasm_bindgen(unchecked_param_type = "Element")] element: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "string | Uint8Array | null")] source: Option<
        JsValue,
    >,
    #[wasm_bindgen(unchecked_optional_param_type = "RenderOptions | null")] options: Option<
        JsValue,
    >,
) -> Result<EolTable, JsError> {
    let host: Element = element
        .dyn_into()
        .map_err(|_| JsError::new("render needs a DOM element to render into"))?;
    let _rendering = dom::panic::rendering(&host);
    let document = host
        .owner_document()
        .ok_or_else(|| JsError::new("the element is not in a document"))?;
    dom::clear_previous(&host).map_err(js_error)?;
    let built = build_widget(&document, &host, source.as_ref(), options.as_ref());
    let (root, widget) = match built {
        Ok((widget, inject)) => {
            if inject {
                dom::ensure_style(&document).map_err(js_error)?;
            }
            let root = widget
                .try_borrow()
                .map(|w| w.root().clone())
                .map_err(|_| JsError::new("the table is busy"))?;
            (root, Ok(widget))
        }
        Err(message) => {
            if options::inject_styles(options.as_ref()) {
                dom::ensure_style(&document).map_err(js_error)?;
            }
            (
                dom::render_error(&document, &message).map_err(js_error)?,
                Err(message),
            )
        }
    };
    host.append_child(&root).map_err(js_error)?;
    match widget {
        Ok(widget) => {
            widget::attached(&widget);
            widget::keep_alive(&widget);
            Ok(EolTable {
                widget: Some(widget),
            })
        }
        Err(message) => Err(JsError::new(&message)),
    }
}

/// Parses `source` (a product file as text; `null`: the built-in Istio file) and returns the
/// product shaped as endoflife.date's API v1 `result`. Throws an `Error` on bad input. Touches no
/// DOM, so it also works in Node after `initSync`.
#[wasm_bindgen(js_name = parseProduct, unchecked_return_type = "Product")]
pub fn parse_product(
    #[wasm_bindgen(unchecked_optional_param_type = "string | Uint8Array | null")] source: Option<
        JsValue,
    >,
    #[wasm_bindgen(unchecked_optional_param_type = "ParseOptions | null")] options: Option<JsValue>,
) -> Result<JsValue, JsError> {
    let (product, today) =
        product_on(source.as_ref(), options.as_ref()).map_err(|m| JsError::new(&m))?;
    to_js(&api::build(&view::evaluate(&product, today)))
}

/// The support table of `source` (`null`: a built-in product) as a GitHub-flavoured Markdown
/// table: the columns the product shows, one row per release cycle, dates in ISO form.
#[cfg(feature = "export")]
#[wasm_bindgen(js_name = toMarkdown)]
pub fn to_markdown(
    #[wasm_bindgen(unchecked_optional_param_type = "string | Uint8Array | null")] source: Option<
        JsValue,
    >,
    #[wasm_bindgen(unchecked_optional_param_type = "ParseOptions | null")] options: Option<JsValue>,
) -> Result<String, JsError> {
    export(source.as_ref(), options.as_ref(), core::export::to_markdown)
}

/// The support table of `source` as CSV (RFC 4180, CRLF line ends, a header row; cells a
/// spreadsheet would run as formulas start with `'`).
#[cfg(feature = "export")]
#[wasm_bindgen(js_name = toCsv)]
pub fn to_csv(
    #[wasm_bindgen(unchecked_optional_param_type = "string | Uint8Array | null")] source: Option<
        JsValue,
    >,
    #[wasm_bindgen(unchecked_optional_param_type = "ParseOptions | null")] options: Option<JsValue>,
) -> Result<String, JsError> {
    export(source.as_ref(), options.as_ref(), core::export::to_csv)
}

/// The support table of `source` as JSON text: an array of one object per release cycle with
/// the same keys each (`cycle`, `releaseDate`, `eol`, ..., `isMaintained`), dates in ISO form.
#[cfg(feature = "export")]
#[wasm_bindgen(js_name = toJson)]
pub fn to_json(
    #[wasm_bindgen(unchecked_optional_param_type = "string | Uint8Array | null")] source: Option<
        JsValue,
    >,
    #[wasm_bindgen(unchecked_optional_param_type = "ParseOptions | null")] options: Option<JsValue>,
) -> Result<String, JsError> {
    export(source.as_ref(), options.as_ref(), core::export::to_json)
}

/// The end dates of `source` (end of active support, end of life, end of extended support) as
/// an iCalendar file of all-day events with stable UIDs, for "Add to calendar". The same
/// source and `today` always give the same text.
#[cfg(feature = "export")]
#[wasm_bindgen(js_name = toICalendar)]
pub fn to_icalendar(
    #[wasm_bindgen(unchecked_optional_param_type = "string | Uint8Array | null")] source: Option<
        JsValue,
    >,
    #[wasm_bindgen(unchecked_optional_param_type = "ParseOptions | null")] options: Option<JsValue>,
) -> Result<String, JsError> {
    export(
        source.as_ref(),
        options.as_ref(),
        core::export::to_icalendar,
    )
}

#[cfg(feature = "export")]
fn export(
    source: Option<&JsValue>,
    options: Option<&JsValue>,
    write: fn(&view::ProductView<'_>) -> String,
) -> Result<String, JsError> {
    let (product, today) = product_on(source, options).map_err(|m| JsError::new(&m))?;
    Ok(write(&view::evaluate(&product, today)))
}

/// Matches `version` (`1.12.4`, `v1.12.4`, `22.04.3 LTS`, a codename) to its release cycle in
/// `source` (`null`: a built-in product) and says what it means today: statuses, dates, days
/// left, the latest version and the recommended upgrade. An unknown version is a result with
/// `found: false` and the nearest cycles, not an exception.
#[wasm_bindgen(js_name = checkVersion, unchecked_return_type = "VersionCheck")]
pub fn check_version(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | null")] source: Option<JsValue>,
    version: String,
    #[wasm_bindgen(unchecked_optional_param_type = "ParseOptions | null")] options: Option<JsValue>,
) -> Result<JsValue, JsError> {
    let check =
        version_check(source.as_ref(), &version, options.as_ref()).map_err(|m| JsError::new(&m))?;
    to_js(&check)
}

/// The support status of `options.version` as a standalone SVG badge in the shields.io flat
/// style (`options.style`: `"flat"` or `"flat-square"`), built from escaped text only.
#[cfg(feature = "badge")]
#[wasm_bindgen(js_name = badgeSvg)]
pub fn badge_svg(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | null")] source: Option<JsValue>,
    #[wasm_bindgen(unchecked_param_type = "BadgeOptions")] options: Option<JsValue>,
) -> Result<String, JsError> {
    let (check, style) =
        badge_inputs(source.as_ref(), options.as_ref()).map_err(|m| JsError::new(&m))?;
    Ok(core::badge::svg(&check, style))
}

/// Renders a badge for `options.version` into `element` (replacing an earlier badge there) and
/// returns it: a pill "Istio 1.12 · ends in 2 months" in the status colours, whose accessible
/// name is the full verdict. Bad input shows an alert in the element and throws.
#[cfg(feature = "badge")]
#[wasm_bindgen(js_name = renderBadge)]
pub fn render_badge(
    #[wasm_bindgen(unchecked_param_type = "Element")] element: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | null")] source: Option<JsValue>,
    #[wasm_bindgen(unchecked_param_type = "BadgeOptions")] options: Option<JsValue>,
) -> Result<Element, JsError> {
    let host: Element = element
        .dyn_into()
        .map_err(|_| JsError::new("renderBadge needs a DOM element to render into"))?;
    let _rendering = dom::panic::rendering(&host);
    let document = host
        .owner_document()
        .ok_or_else(|| JsError::new("the element is not in a document"))?;
    let children = host.children();
    let previous: Vec<Element> = (0..children.length())
        .filter_map(|i| children.item(i))
        .filter(|c| {
            c.class_list().contains(dom::badge::BADGE_CLASS)
                || c.class_list().contains(dom::ROOT_CLASS)
        })
        .collect();
    previous.iter().for_each(Element::remove);
    if options::inject_styles(options.as_ref()) {
        dom::ensure_style(&document).map_err(js_error)?;
    }
    let root = match badge_inputs(source.as_ref(), options.as_ref()) {
        Ok((check, style)) => dom::badge::build(&document, &check, style).map_err(js_error)?,
        Err(message) => {
            let alert = dom::render_error(&document, &message).map_err(js_error)?;
            host.append_child(&alert).map_err(js_error)?;
            return Err(JsError::new(&message));
        }
    };
    host.append_child(&root).map_err(js_error)?;
    Ok(root)
}

/// Renders the release timeline of `source` (`null`: a built-in product) into `element`,
/// replacing an earlier timeline there, and returns it: `div.eol-timeline` holding an SVG Gantt
/// chart with one row per dated release cycle (bars to the ends of active, security and extended
/// support, coloured as the table colours them, and a dashed line at today), laid out for the
/// element's width. Bad input shows an alert in the element and throws.
#[cfg(feature = "timeline")]
#[wasm_bindgen(js_name = renderTimeline)]
pub fn render_timeline(
    #[wasm_bindgen(unchecked_param_type = "Element")] element: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "string | Uint8Array | null")] source: Option<
        JsValue,
    >,
    #[wasm_bindgen(unchecked_optional_param_type = "TimelineOptions | null")] options: Option<
        JsValue,
    >,
) -> Result<Element, JsError> {
    let host: Element = element
        .dyn_into()
        .map_err(|_| JsError::new("renderTimeline needs a DOM element to render into"))?;
    let _rendering = dom::panic::rendering(&host);
    let document = host
        .owner_document()
        .ok_or_else(|| JsError::new("the element is not in a document"))?;
    let children = host.children();
    let previous: Vec<Element> = (0..children.length())
        .filter_map(|i| children.item(i))
        .filter(|c| {
            let classes = c.class_list();
            classes.contains(dom::timeline::TIMELINE_CLASS) || classes.contains("eol-table--error")
        })
        .collect();
    previous.iter().for_each(Element::remove);
    if options::inject_styles(options.as_ref()) {
        dom::ensure_style(&document).map_err(js_error)?;
    }
    let root = match timeline_element(&document, &host, source.as_ref(), options.as_ref()) {
        Ok(root) => root,
        Err(message) => {
            let alert = dom::render_error(&document, &message).map_err(js_error)?;
            host.append_child(&alert).map_err(js_error)?;
            return Err(JsError::new(&message));
        }
    };
    host.append_child(&root).map_err(js_error)?;
    Ok(root)
}

/// The timeline's root element, laid out for `host`'s width.
#[cfg(feature = "timeline")]
fn timeline_element(
    document: &web_sys::Document,
    host: &Element,
    source: Option<&JsValue>,
    options: Option<&JsValue>,
) -> Result<Element, String> {
    let (text, options) = inputs(source, options)?;
    let today = today(&options)?;
    let theme = match &options.theme {
        Some(theme) => Theme::parse(theme)?,
        None => Theme::Auto,
    };
    let locale = options.locale.as_deref().filter(|l| !l.trim().is_empty());
    let words = widget::words(locale)?;
    let product = read(&text, &options)?;
    let view = view::evaluate(&product, today);
    let chart = timeline::build(&view, words.as_ref(), chart_width(host, theme));
    let root = dom::timeline::build(document, &chart).map_err(js_message)?;
    root.set_attribute("data-theme", theme.as_str())
        .map_err(js_message)?;
    Ok(root)
}

/// The width to lay a timeline out for in `host`: its own, less the padding a chosen theme adds
/// (the stylesheet's 1em a side).
#[cfg(feature = "timeline")]
fn chart_width(host: &Element, theme: Theme) -> i32 {
    let padding = if theme == Theme::Auto { 0 } else { 32 };
    match host.client_width() {
        w if w > padding => w - padding,
        _ => timeline::DEFAULT_WIDTH,
    }
}

fn version_check(
    source: Option<&JsValue>,
    version: &str,
    options: Option<&JsValue>,
) -> Result<core::lookup::Check, String> {
    let (product, today) = product_on(source, options)?;
    Ok(core::lookup::check(
        &view::evaluate(&product, today),
        version,
    ))
}

#[cfg(feature = "badge")]
fn badge_inputs(
    source: Option<&JsValue>,
    options: Option<&JsValue>,
) -> Result<(core::lookup::Check, core::badge::Style), String> {
    let (_, parsed) = inputs(None, options)?;
    let version = parsed
        .version
        .clone()
        .filter(|v| !v.trim().is_empty())
        .ok_or("a badge needs the `version` option, such as { version: \"1.12.4\" }")?;
    let style = match parsed.style.as_deref() {
        None => core::badge::Style::Flat,
        Some(name) => core::badge::Style::parse(name)
            .ok_or_else(|| choice_error("style", "\"flat\" or \"flat-square\"", name))?,
    };
    Ok((version_check(source, &version, options)?, style))
}

/// The ids of the products compiled into the wasm (`"istio"` first).
#[wasm_bindgen(unchecked_return_type = "string[]")]
pub fn products() -> Vec<String> {
    products::ids().iter().map(|id| (*id).to_owned()).collect()
}

/// The default stylesheet (the text of `eol-table.css`), for a shadow root or a page that
/// renders with `injectStyles: false`.
#[wasm_bindgen]
pub fn stylesheet() -> String {
    dom::STYLE.to_owned()
}

/// Runs when the module is instantiated: installs the panic hook.
#[wasm_bindgen(start)]
pub fn start() {
    dom::panic::install();
}

/// Panics while rendering into `element`: lets a test check what a reader sees then.
#[cfg(feature = "test-panic")]
#[allow(clippy::panic)]
#[wasm_bindgen(js_name = __panicForTests)]
pub fn panic_for_tests(element: Element) {
    let _rendering = dom::panic::rendering(&element);
    panic!("a panic for the tests");
}

/// How many rendered tables are alive on the page (not yet destroyed or replaced): a check
/// that pages, and tests, clean up.
#[wasm_bindgen(js_name = liveTables)]
pub fn live_tables() -> usize {
    widget::live_count()
}

/// The widget, and whether to inject the stylesheet.
fn build_widget(
    document: &web_sys::Document,
    host: &Element,
    source: Option<&JsValue>,
    options: Option<&JsValue>,
) -> Result<(Rc<RefCell<Widget>>, bool), String> {
    let (text, options) = inputs(source, options)?;
    let today = today(&options)?;
    #[cfg_attr(not(feature = "timeline"), allow(unused_mut))]
    let mut settings = options.settings()?;
    #[cfg(feature = "timeline")]
    if settings.card.timeline {
        settings.width = chart_width(host, settings.theme);
    }
    #[cfg(not(feature = "timeline"))]
    let _ = host;
    let product = read(&text, &options)?;
    let widget = Widget::create(document, product, today, settings)?;
    Ok((widget, options.inject_styles.unwrap_or(true)))
}

/// The source text and the options, from the JS arguments.
fn inputs(
    source: Option<&JsValue>,
    options: Option<&JsValue>,
) -> Result<(String, Options), String> {
    let options = Options::read(options)?;
    let limit = options
        .max_input_bytes
        .filter(|n| n.is_finite() && *n >= 0.0)
        .map_or(core::DEFAULT_MAX_INPUT_BYTES, |n| n as usize);
    let text = match source {
        Some(value) if !value.is_null() && !value.is_undefined() => {
            if let Some(text) = value.as_string() {
                core::check_size(text.len(), limit).map_err(|e| e.to_string())?;
                text
            } else if let Some(bytes) = value.dyn_ref::<js_sys::Uint8Array>() {
                core::check_size(bytes.length() as usize, limit).map_err(|e| e.to_string())?;
                core::decode(bytes.to_vec()).map_err(|e| e.to_string())?
            } else {
                return Err("the source must be a product file as text (or its bytes as a Uint8Array), or null for a built-in product".to_owned());
            }
        }
        _ => {
            let id = options.product.as_deref().unwrap_or("istio");
            products::builtin(id)
                .ok_or_else(|| {
                    format!(
                        "there is no built-in product `{id}`; built in: {}",
                        products::ids().join(", ")
                    )
                })?
                .to_owned()
        }
    };
    Ok((text, options))
}

/// The product of the JS arguments, and the day to evaluate it on.
fn product_on(
    source: Option<&JsValue>,
    options: Option<&JsValue>,
) -> Result<(Product, Day), String> {
    let (text, options) = inputs(source, options)?;
    let today = today(&options)?;
    Ok((read(&text, &options)?, today))
}

/// Reads `text` in the format the options name (default: detected).
fn read(text: &str, options: &Options) -> Result<Product, String> {
    let format = match options.format.as_deref() {
        None => Format::Auto,
        Some(name) => Format::parse(name).ok_or_else(|| {
            choice_error(
                "format",
                "\"auto\", \"markdown\", \"yaml\", \"api\" or \"api-v0\"",
                name,
            )
        })?,
    };
    input::read_named(text, format, &options.names()).map_err(|err| err.to_string())
}

/// The `today` option, or the local date.
fn today(options: &Options) -> Result<Day, String> {
    match options.today.as_deref() {
        Some(text) => crate::core::parse_today(text).map_err(|err: Error| err.to_string()),
        None => Ok(local_today()),
    }
}

/// Today in the browser's (or Node's) local time zone.
fn local_today() -> Day {
    let now = js_sys::Date::new_0();
    Date::from_ymd(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .map_or(Day::from_number(0), Date::first_day)
}

/// `value` as a plain JS value (see [`dom::to_js`]).
fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsError> {
    dom::to_js(value).map_err(|err| JsError::new(&err.to_string()))
}

fn js_error(value: JsValue) -> JsError {
    JsError::new(&js_message(value))
}

fn js_message(value: JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|err| String::from(err.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| "the page refused a DOM change".to_owned())
}
