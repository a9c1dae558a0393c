//! The badge element: a compact pill "Istio 1.12 · ends in 2 months" in the status colours,
//! whose accessible name is the whole verdict (the tree is `core::badge::tree`).

use wasm_bindgen::JsValue;
use web_sys::{Document, Element};

use crate::core::badge;
use crate::core::lookup::Check;

pub use crate::core::badge::BADGE_CLASS;

/// Builds `span.eol-badge[data-status][role=img][aria-label]`.
pub fn build(document: &Document, check: &Check, style: badge::Style) -> Result<Element, JsValue> {
    super::tree::build(document, &badge::tree(check, style))
}
