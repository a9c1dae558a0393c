//! # eol-table
//!
//! Software lifecycle tables (release cycles, release dates, end of active support, end of life,
//! latest version) from [endoflife.date](https://endoflife.date) product files, rendered into
//! any page by WebAssembly.
//!
//! The crate is a pure core ([`core`]: parsing, statuses, wording, the table model), tested
//! natively, and a DOM layer ([`dom`]) that builds elements from the core's element tree. This file holds
//! only the JavaScript surface: `render` (and the `EolTable` it returns), `parseProduct`, the
//! exports (`toMarkdown`, `toCsv`, `toJson`, `toICalendar`), `products`, and the stack's
//! `checkStack`, `renderStack` and `parseStack`.
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

mod arguments;
pub mod core;
pub mod dom;
mod host;
mod options;

/// The allocator of the wasm build: talc instead of std's dlmalloc, smaller and faster.
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::Element;

use crate::core::{api, products, view};
use crate::dom::widget::{self, DateStyle, Theme, Widget};

/// The TypeScript types of the options and results (`pkg/eol_table.d.ts` includes them).
#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = include_str!("types.d.ts");

/// A rendered table. Its methods change what the reader sees; each change dispatches an
/// `eol-table:change` event (its `detail`: the new state) on the root element.
#[wasm_bindgen]
pub struct EolTable {
    widget: Option<Rc<RefCell<Widget>>>,
}

impl EolTable {
    /// The table of a widget now in the page: counted as live and kept until `destroy()`.
    fn live(widget: Rc<RefCell<Widget>>) -> EolTable {
        widget::attached(&widget);
        widget::keep_alive(&widget);
        EolTable {
            widget: Some(widget),
        }
    }

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
    let widget = host::render_into(
        element,
        "render",
        &[dom::ROOT_CLASS],
        options.as_ref(),
        |document, host| {
            let widget = host::build_widget(document, host, source.as_ref(), options.as_ref())?;
            with_root(widget)
        },
    )?;
    Ok(EolTable::live(widget))
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
        arguments::product_on(source.as_ref(), options.as_ref()).map_err(|m| JsError::new(&m))?;
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
    export(
        source.as_ref(),
        options.as_ref(),
        core::export::to_markdown_in,
    )
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
    export(source.as_ref(), options.as_ref(), core::export::to_csv_in)
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
    export(source.as_ref(), options.as_ref(), |view, _| {
        core::export::to_json(view)
    })
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
        core::export::to_icalendar_in,
    )
}

#[cfg(feature = "export")]
fn export(
    source: Option<&JsValue>,
    options: Option<&JsValue>,
    write: fn(&view::ProductView<'_>, &dyn core::wording::Words) -> String,
) -> Result<String, JsError> {
    let (product, today, words) =
        arguments::product_words_on(source, options).map_err(|m| JsError::new(&m))?;
    Ok(write(&view::evaluate(&product, today), words.as_ref()))
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
    let check = arguments::version_check(source.as_ref(), &version, options.as_ref())
        .map_err(|m| JsError::new(&m))?;
    to_js(&check)
}

/// Reads a stack description (YAML or JSON text, its bytes, or an object) and returns it as an
/// object: `{ title, products: [{ product, version, label, src }] }`. Throws an `Error` with the
/// line and column on bad input. `<eol-stack>` uses it to know what to fetch.
#[wasm_bindgen(js_name = parseStack, unchecked_return_type = "StackDescription")]
pub fn parse_stack(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | StackDescription")] stack: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "StackOptions | null")] options: Option<JsValue>,
) -> Result<JsValue, JsError> {
    let options = options::Options::read(options.as_ref()).map_err(|m| JsError::new(&m))?;
    let limit = arguments::input_limit(&options);
    let stack = arguments::stack(&stack, limit).map_err(|m| JsError::new(&m))?;
    to_js(&stack)
}

/// Checks every entry of `stack` (YAML or JSON text, its bytes, or an object: `title`,
/// `products: [{ product, version, label?, src? }]`) and returns one result per entry, most
/// urgent first (ended, then the soonest end, then unknown), each the `checkVersion` result
/// plus the product's `id` and `title`, and a `summary` with the counts. `sources` maps product
/// ids (or entries' `src`) to product files or API JSON, or to `{ error }` for one that could
/// not be loaded; without one, a built-in product of that id is used. An entry that cannot be
/// checked is a result with `status: "unknown"`, a `problem` and a `reason`, not an exception.
/// Touches no DOM: works in Node after `initSync`.
#[wasm_bindgen(js_name = checkStack, unchecked_return_type = "StackReport")]
pub fn check_stack(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | StackDescription")] stack: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "StackSources | null")] sources: Option<JsValue>,
    #[wasm_bindgen(unchecked_optional_param_type = "StackOptions | null")] options: Option<JsValue>,
) -> Result<JsValue, JsError> {
    let options = options::Options::read(options.as_ref()).map_err(|m| JsError::new(&m))?;
    let checked = arguments::checked_stack(&stack, sources.as_ref(), &options)
        .map_err(|m| JsError::new(&m))?;
    to_js(&checked.report())
}

/// Renders the stack into `element` (replacing an earlier table there) and returns it:
/// `div.eol-stack` with the summary as a live region and one row per entry
/// (`tr[data-product][data-status]`, most urgent first) whose product button opens that
/// product's support table beneath it. Stack, sources and `today` as for `checkStack`; the
/// table's `theme`, `locale`, `dateStyle`, `filter`, `search`, `sort`, `iconBase` and
/// `injectStyles` options, and the returned table's methods and `eol-table:change` events, work
/// as they do for `render`. Bad input shows an alert in the element and throws.
#[wasm_bindgen(js_name = renderStack)]
pub fn render_stack(
    #[wasm_bindgen(unchecked_param_type = "Element")] element: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | StackDescription")] stack: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "StackSources | null")] sources: Option<JsValue>,
    #[wasm_bindgen(unchecked_optional_param_type = "StackRenderOptions | null")] options: Option<
        JsValue,
    >,
) -> Result<EolTable, JsError> {
    let widget = host::render_into(
        element,
        "renderStack",
        &[dom::ROOT_CLASS],
        options.as_ref(),
        |document, _| {
            let parsed = options::Options::read(options.as_ref())?;
            let settings = parsed.settings()?;
            let checked = arguments::checked_stack(&stack, sources.as_ref(), &parsed)?;
            let widget = Widget::create_stack(document, checked, settings)?;
            with_root(widget)
        },
    )?;
    Ok(EolTable::live(widget))
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
        arguments::badge_inputs(source.as_ref(), options.as_ref()).map_err(|m| JsError::new(&m))?;
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
    host::render_into(
        element,
        "renderBadge",
        &[dom::badge::BADGE_CLASS, dom::ROOT_CLASS],
        options.as_ref(),
        |document, _| {
            let (check, style) = arguments::badge_inputs(source.as_ref(), options.as_ref())?;
            let root = dom::badge::build(document, &check, style).map_err(host::js_message)?;
            Ok((root.clone(), root))
        },
    )
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
    host::render_into(
        element,
        "renderTimeline",
        &[dom::timeline::TIMELINE_CLASS],
        options.as_ref(),
        |document, host| {
            let root = host::timeline_element(document, host, source.as_ref(), options.as_ref())?;
            Ok((root.clone(), root))
        },
    )
}

/// The ids of the products compiled into the wasm (`"istio"` first).
#[wasm_bindgen(unchecked_return_type = "string[]")]
pub fn products() -> Vec<String> {
    products::ids().iter().map(|id| (*id).to_owned()).collect()
}

/// The message catalogue `locale` reads (`null`: English), after the fallback from tag to
/// language to English: `{ locale, dir, languages, messages }`, where `messages` maps every
/// message id to its text (or its plural forms) and `languages` lists the built-in catalogues.
/// What the `messages` option can override, and what it overrides it with.
#[wasm_bindgen(js_name = messageCatalogue, unchecked_return_type = "MessageCatalogue")]
pub fn message_catalogue(locale: Option<String>) -> Result<JsValue, JsError> {
    let messages = match locale.as_deref().map(str::trim) {
        Some(tag) if !tag.is_empty() => core::i18n::Messages::for_locale(tag),
        _ => core::i18n::ENGLISH_MESSAGES.clone(),
    };
    dom::catalogue(&messages).map_err(host::js_error)
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

/// A widget just built with its root element, as `host::render_into` puts them in the page.
fn with_root(widget: Rc<RefCell<Widget>>) -> Result<(Element, Rc<RefCell<Widget>>), String> {
    let root = widget
        .try_borrow()
        .map(|w| w.root().clone())
        .map_err(|_| "the table is busy".to_owned())?;
    Ok((root, widget))
}

/// `value` as a plain JS value (see [`dom::to_js`]).
fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsError> {
    dom::to_js(value).map_err(|err| JsError::new(&err.to_string()))
}
