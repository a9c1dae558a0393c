//! The badge element: a compact pill "Istio 1.12 · ends in 2 months" in the status colours,
//! whose accessible name is the whole verdict.

use wasm_bindgen::JsValue;
use web_sys::{Document, Element};

use super::element;
use crate::core::badge;
use crate::core::lookup::Check;

/// The class of the badge's root.
pub const BADGE_CLASS: &str = "eol-badge";

/// Builds `span.eol-badge[data-status][role=img][aria-label]`.
pub fn build(document: &Document, check: &Check, style: badge::Style) -> Result<Element, JsValue> {
    let style = match style {
        badge::Style::Flat => "flat",
        badge::Style::FlatSquare => "flat-square",
    };
    let root = element(
        document,
        "span",
        &[
            ("class", BADGE_CLASS),
            ("data-status", check.status.as_str()),
            ("data-style", style),
            ("role", "img"),
            ("aria-label", &check.message),
            ("title", &check.message),
        ],
    )?;
    let label = element(document, "span", &[("class", "eol-badge__label")])?;
    label.set_text_content(Some(&badge::label(check)));
    let value = element(document, "span", &[("class", "eol-badge__value")])?;
    value.set_text_content(Some(&check.short));
    root.append_child(&label)?;
    root.append_child(&value)?;
    Ok(root)
}
