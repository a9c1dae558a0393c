//! The timeline chart in the page: the elements of the core's tree (`core::timeline::tree`).

use wasm_bindgen::JsValue;
use web_sys::{Document, Element};

use crate::core::timeline::{self, Timeline};

/// The class of the chart's root.
pub const TIMELINE_CLASS: &str = "eol-timeline";

/// Builds `div.eol-timeline` with the chart of `timeline`.
pub fn build(document: &Document, timeline: &Timeline) -> Result<Element, JsValue> {
    super::tree::build(document, &timeline::tree(timeline))
}
