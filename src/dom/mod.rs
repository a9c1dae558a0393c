//! The DOM layer: builds the elements of the core's element trees ([`tree`], the one builder)
//! and wires the reader's controls. Product text reaches the page only as text nodes and
//! attributes; link URLs are checked again by the browser's URL parser right before they are
//! set.

#[cfg(feature = "badge")]
pub mod badge;
pub mod card;
pub mod intl;
pub mod link;
pub mod listener;
pub mod panic;
pub mod render;
#[cfg(feature = "timeline")]
pub mod timeline;
pub mod tree;
pub mod widget;

use wasm_bindgen::JsValue;
use web_sys::{Document, Element};

pub use crate::core::widget::ROOT_CLASS;
pub use intl::catalogue;
const STYLE_ID: &str = "eol-table-style";
/// The class of the error box a failed render leaves.
pub const ERROR_CLASS: &str = "eol-table--error";
/// The default stylesheet, also shipped in the package as `eol-table.css`: `style.css` as
/// `build.rs` shrinks it.
pub const STYLE: &str = include_str!(concat!(env!("OUT_DIR"), "/style.css"));

/// Builds the error box: `div.eol-table.eol-table--error[role=alert]` with the message as text.
pub fn render_error(document: &Document, message: &str) -> Result<Element, JsValue> {
    tree::build(document, &crate::core::widget::error(message))
}

/// Adds the default stylesheet to the document's `<head>` once.
pub fn ensure_style(document: &Document) -> Result<(), JsValue> {
    if document.get_element_by_id(STYLE_ID).is_some() {
        return Ok(());
    }
    let Some(head) = document.head() else {
        return Ok(());
    };
    let style = element(document, "style", &[("id", STYLE_ID)])?;
    style.set_text_content(Some(STYLE));
    head.append_child(&style)?;
    Ok(())
}

/// Removes what earlier renders added directly inside `host`: elements with one of `classes`,
/// and an earlier error box (destroying their widgets), so rendering again replaces.
pub fn clear_previous(host: &Element, classes: &[&str]) -> Result<(), JsValue> {
    widget::release_within(host);
    let children = host.children();
    let mut previous = Vec::new();
    for index in 0..children.length() {
        if let Some(child) = children.item(index) {
            let list = child.class_list();
            if list.contains(ERROR_CLASS) || classes.iter().any(|class| list.contains(class)) {
                previous.push(child);
            }
        }
    }
    previous.iter().for_each(Element::remove);
    Ok(())
}

/// A new element with attributes, for what is not shown: the stylesheet, a download's link.
pub(crate) fn element(
    document: &Document,
    tag: &str,
    attributes: &[(&str, &str)],
) -> Result<Element, JsValue> {
    let element = document.create_element(tag)?;
    for (name, value) in attributes {
        element.set_attribute(name, value)?;
    }
    Ok(element)
}

/// `value` as a plain JS value through serde-wasm-bindgen's JSON-compatible serializer: objects,
/// arrays, strings, numbers, booleans, and `null` for every missing value.
pub fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, serde_wasm_bindgen::Error> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
}
