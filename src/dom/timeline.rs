//! The timeline chart in the page: creates the elements the core's tree describes, SVG ones in
//! the SVG namespace, text only through `textContent`.

use wasm_bindgen::JsValue;
use web_sys::{Document, Element};

use crate::core::markup::{Node, SVG_NAMESPACE};
use crate::core::timeline::{self, Timeline};

/// The class of the chart's root.
pub const TIMELINE_CLASS: &str = "eol-timeline";

/// Builds `div.eol-timeline` with the chart of `timeline`.
pub fn build(document: &Document, timeline: &Timeline) -> Result<Element, JsValue> {
    create(document, &timeline::tree(timeline))
}

fn create(document: &Document, node: &Node) -> Result<Element, JsValue> {
    let element = if node.svg {
        document.create_element_ns(Some(SVG_NAMESPACE), node.tag)?
    } else {
        document.create_element(node.tag)?
    };
    for (name, value) in &node.attributes {
        element.set_attribute(name, value)?;
    }
    if let Some(text) = &node.text {
        element.set_text_content(Some(text));
    }
    for child in &node.children {
        let child = create(document, child)?;
        element.append_child(&child)?;
    }
    Ok(element)
}
