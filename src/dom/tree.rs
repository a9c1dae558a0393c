//! The one builder of elements: turns an element tree (`core::markup`) into DOM nodes. Elements
//! by `createElement` (SVG ones in the SVG namespace), attributes by `setAttribute`, text as
//! text nodes or `textContent`, never `innerHTML`.
//!
//! `href` and `src` go through [`link`](super::link), which checks them with the browser's URL
//! parser against the page and decides `rel` and `referrerpolicy`: a `rel` in the tree (the
//! core's guess, for server-side rendering) is not copied. A link the browser refuses is left
//! as its content; an element with a refused `src` is left out.

use wasm_bindgen::JsValue;
use web_sys::{Document, Element};

use super::link;
use crate::core::markup::{self, Node, SVG_NAMESPACE};

/// The element of `tree` with everything in it, not yet in the page. A root whose own URL the
/// browser refuses is an error (the widget's roots have none).
pub fn build(document: &Document, tree: &markup::Element<'_>) -> Result<Element, JsValue> {
    match create(document, tree)? {
        (element, true) => {
            fill(document, &element, tree)?;
            Ok(element)
        }
        (_, false) => Err(JsValue::from_str(
            &["the browser refused the URL of a `", tree.tag, "` to build"].concat(),
        )),
    }
}

/// Appends the nodes to `parent`. Walks the tree with its own stack, so no tree is too deep.
pub fn append(
    document: &Document,
    parent: &web_sys::Node,
    nodes: &[Node<'_>],
) -> Result<(), JsValue> {
    let mut stack = vec![(parent.clone(), nodes.iter())];
    while let Some((parent, iter)) = stack.last_mut() {
        let Some(node) = iter.next() else {
            stack.pop();
            continue;
        };
        match node {
            Node::Text(text) if text.is_empty() => {}
            Node::Text(text) => {
                parent.append_child(&document.create_text_node(text))?;
            }
            Node::Element(tree) => match create(document, tree)? {
                (element, true) => {
                    parent.append_child(&element)?;
                    if let Some(children) = fill_text(&element, tree) {
                        stack.push((element.into(), children.iter()));
                    }
                }
                // A refused link: its content in its place.
                (_, false) if tree.tag == "a" => {
                    let parent = parent.clone();
                    stack.push((parent, tree.children.iter()));
                }
                (_, false) => {}
            },
        }
    }
    Ok(())
}

/// Fills `element` with the content of `tree`.
fn fill(document: &Document, element: &Element, tree: &markup::Element<'_>) -> Result<(), JsValue> {
    match fill_text(element, tree) {
        Some(children) => append(document, element, children),
        None => Ok(()),
    }
}

/// Sets the text of an element whose only content is text, in one call; else returns the
/// children still to build.
fn fill_text<'a, 't>(element: &Element, tree: &'a markup::Element<'t>) -> Option<&'a [Node<'t>]> {
    match tree.children.as_slice() {
        [] => None,
        [Node::Text(text)] => {
            element.set_text_content(Some(text));
            None
        }
        children => Some(children),
    }
}

/// The element of `tree` with its attributes, and whether the browser took its URL (`href`,
/// `src`), if it has one.
fn create(document: &Document, tree: &markup::Element<'_>) -> Result<(Element, bool), JsValue> {
    let element = if tree.svg {
        document.create_element_ns(Some(SVG_NAMESPACE), tree.tag)?
    } else {
        document.create_element(tree.tag)?
    };
    let has_href = tree.get("href").is_some();
    for (name, value) in &tree.attributes {
        let taken = match *name {
            "href" => link::set_href(document, &element, value)?,
            "src" => link::set_src(document, &element, value)?,
            "rel" if has_href => true,
            _ => {
                element.set_attribute(name, value)?;
                true
            }
        };
        if !taken {
            return Ok((element, false));
        }
    }
    Ok((element, true))
}
