//! A Markdown body's safe tree (`core::markdown`) as DOM nodes: elements by `createElement`,
//! attributes by `setAttribute`, text by `createTextNode`, never `innerHTML`. Link and image
//! URLs pass the allowlist again right before they are set.

use wasm_bindgen::JsValue;
use web_sys::{Document, DocumentFragment};

use crate::core::markdown::Node;

/// The nodes in a new fragment, ready to append anywhere.
pub fn build(document: &Document, nodes: &[Node]) -> Result<DocumentFragment, JsValue> {
    let fragment = document.create_document_fragment();
    append(document, &fragment, nodes)?;
    Ok(fragment)
}

/// Appends the nodes to `parent`. Walks the tree with its own stack, so no tree is too deep.
pub fn append(document: &Document, parent: &web_sys::Node, nodes: &[Node]) -> Result<(), JsValue> {
    let mut stack = vec![(parent.clone(), nodes.iter())];
    loop {
        let (parent, next) = match stack.last_mut() {
            Some((parent, iter)) => (parent.clone(), iter.next()),
            None => return Ok(()),
        };
        match next {
            Some(Node::Text(text)) => {
                parent.append_child(&document.create_text_node(text))?;
            }
            Some(Node::Element {
                tag,
                attrs,
                children,
            }) => {
                let element = document.create_element(tag.name())?;
                for (name, value) in attrs {
                    match *name {
                        "href" => {
                            super::link::set_href(document, &element, value)?;
                        }
                        "src" => {
                            super::link::set_src(document, &element, value)?;
                        }
                        // `set_href` decides it from where the link really leads.
                        "rel" => {}
                        _ => element.set_attribute(name, value)?,
                    }
                }
                parent.append_child(&element)?;
                if !children.is_empty() && !tag.is_void() {
                    stack.push((element.into(), children.iter()));
                }
            }
            None => {
                stack.pop();
            }
        }
    }
}
