//! # eol-table
//!
//! Software lifecycle tables (release cycles, release dates, end of active support, end of life,
//! latest version) from [endoflife.date](https://endoflife.date) product files, rendered into
//! any page by WebAssembly.
//!
//! The crate is a pure core ([`core`]: parsing, statuses, wording, the table model), tested
//! natively, and a DOM layer ([`dom`]) that turns the table model into elements. This file holds
//! only the JavaScript surface: `render`, `parseProduct` and `products`.
//!
//! ```
//! use eol_table::core::{self, parse::parse, products, table, view};
//!
//! let product = parse(products::ISTIO).unwrap();
//! let today = core::parse_today("2022-05-01").unwrap();
//! let view = view::evaluate(&product, today);
//! let table = table::build(&view);
//! assert_eq!(table.caption, "Istio");
//! assert_eq!(table.rows[1].cells[2].text(), "Ends in 2 months (Jun 2022)");
//! ```
#![deny(missing_docs)]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod core;
pub mod dom;

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use crate::core::date::{Date, Day};
use crate::core::error::Error;
use crate::core::{api, parse, products, table, view};

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** Options of `render`. */
export interface RenderOptions {
  /** The day statuses are computed for, "YYYY-MM-DD". Default: the browser's local date. */
  today?: string;
}

/** Options of `parseProduct`. */
export interface ParseOptions {
  /** The day statuses are computed for, "YYYY-MM-DD". Default: the local date. */
  today?: string;
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

/// A rendered table. `destroy()` removes what `render` added to the page.
#[wasm_bindgen]
pub struct EolTable {
    root: Option<Element>,
}

#[wasm_bindgen]
impl EolTable {
    /// The root element (`div.eol-table`), or `undefined` once destroyed.
    #[wasm_bindgen(getter)]
    pub fn element(&self) -> Option<Element> {
        self.root.clone()
    }

    /// Removes the table from the page. Calling it again does nothing.
    pub fn destroy(&mut self) {
        if let Some(root) = self.root.take() {
            root.remove();
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct Options {
    today: Option<String>,
}

/// Renders the support table of `source` (a product file as text; `null` or omitted: the
/// built-in Istio file) into `element`, replacing an earlier table there.
///
/// Bad input shows the message in the element, as an alert, and throws an `Error` with the same
/// message.
#[wasm_bindgen]
pub fn render(
    #[wasm_bindgen(unchecked_param_type = "Element")] element: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string | null")] source: Option<JsValue>,
    #[wasm_bindgen(unchecked_param_type = "RenderOptions")] options: Option<JsValue>,
) -> Result<EolTable, JsError> {
    let host: Element = element
        .dyn_into()
        .map_err(|_| JsError::new("render needs a DOM element to render into"))?;
    let document = host
        .owner_document()
        .ok_or_else(|| JsError::new("the element is not in a document"))?;
    dom::clear_previous(&host).map_err(js_error)?;
    dom::ensure_style(&document).map_err(js_error)?;
    let built = build_table(source.as_ref(), options.as_ref());
    let root = match &built {
        Ok(table) => dom::render_table(&document, table),
        Err(message) => dom::render_error(&document, message),
    }
    .map_err(js_error)?;
    host.append_child(&root).map_err(js_error)?;
    match built {
        Ok(_) => Ok(EolTable { root: Some(root) }),
        Err(message) => Err(JsError::new(&message)),
    }
}

/// Parses `source` (a product file as text; `null`: the built-in Istio file) and returns the
/// product shaped as endoflife.date's API v1 `result`. Throws an `Error` on bad input. Touches no
/// DOM, so it also works in Node after `initSync`.
#[wasm_bindgen(js_name = parseProduct, unchecked_return_type = "Product")]
pub fn parse_product(
    #[wasm_bindgen(unchecked_param_type = "string | null")] source: Option<JsValue>,
    #[wasm_bindgen(unchecked_param_type = "ParseOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsError> {
    let (text, today) = inputs(source.as_ref(), options.as_ref()).map_err(|m| JsError::new(&m))?;
    let product = parse::parse(&text).map_err(|err| JsError::new(&err.to_string()))?;
    let result = api::build(&view::evaluate(&product, today));
    result
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|err| JsError::new(&err.to_string()))
}

/// The ids of the products compiled into the wasm.
#[wasm_bindgen(unchecked_return_type = "string[]")]
pub fn products() -> Vec<String> {
    products::ids().iter().map(|id| (*id).to_owned()).collect()
}

fn build_table(
    source: Option<&JsValue>,
    options: Option<&JsValue>,
) -> Result<table::Table, String> {
    let (text, today) = inputs(source, options)?;
    let product = parse::parse(&text).map_err(|err| err.to_string())?;
    Ok(table::build(&view::evaluate(&product, today)))
}

/// The source text and the day, from the JS arguments.
fn inputs(source: Option<&JsValue>, options: Option<&JsValue>) -> Result<(String, Day), String> {
    let text = match source {
        None => products::ISTIO.to_owned(),
        Some(value) if value.is_null() || value.is_undefined() => products::ISTIO.to_owned(),
        Some(value) => value.as_string().ok_or_else(|| {
            "the source must be a product file as text, or null for the built-in Istio data"
                .to_owned()
        })?,
    };
    let options: Options = match options {
        Some(value) if !value.is_null() && !value.is_undefined() => {
            serde_wasm_bindgen::from_value(value.clone())
                .map_err(|err| format!("the options are not valid: {err}"))?
        }
        _ => Options::default(),
    };
    let today = match options.today.as_deref() {
        Some(text) => crate::core::parse_today(text).map_err(|err: Error| err.to_string())?,
        None => local_today(),
    };
    Ok((text, today))
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

fn js_error(value: JsValue) -> JsError {
    let message = value
        .dyn_ref::<js_sys::Error>()
        .map(|err| String::from(err.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| "the page refused a DOM change".to_owned());
    JsError::new(&message)
}
