//! The element tree (HTML and SVG) of everything the widget shows: the core describes the card,
//! the table and its rows, the Markdown body, the timeline and the badge once, as a tree of
//! [`Element`]s and text; the DOM layer (`dom::tree`) turns a tree into elements, text only as
//! text nodes, and [`html`](super::html) serialises it for server-side rendering.
//!
//! Text and attribute values are plain text: the serialiser escapes them, the DOM layer sets
//! them through `textContent` and `setAttribute`. URLs in `href` and `src` have passed the
//! [`url`](super::url) allowlist, and the DOM layer checks them again with the browser's own
//! URL parser.

use std::borrow::Cow;

/// The SVG namespace, for `createElementNS` and standalone SVG files.
pub const SVG_NAMESPACE: &str = "http://www.w3.org/2000/svg";

/// One node of a tree: an element, or text. Text and attribute values borrow from what the tree
/// describes (`'a`, e.g. the table model) or own their text (`Node<'static>`, e.g. the Markdown
/// body), so describing a row copies no text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node<'a> {
    /// An element with its attributes and children.
    Element(Element<'a>),
    /// Text, exactly as it should read (never markup).
    Text(Cow<'a, str>),
}

/// One element: its tag, attributes and children.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Element<'a> {
    /// In the SVG namespace (else HTML).
    pub svg: bool,
    /// The tag name.
    pub tag: &'static str,
    /// Attributes, in order; values are plain text.
    pub attributes: Vec<(&'static str, Cow<'a, str>)>,
    /// Its content, in order.
    pub children: Vec<Node<'a>>,
}

impl<'a> From<Element<'a>> for Node<'a> {
    fn from(element: Element<'a>) -> Node<'a> {
        Node::Element(element)
    }
}

impl<'a> Node<'a> {
    /// A text node.
    pub fn text(text: impl Into<Cow<'a, str>>) -> Node<'a> {
        Node::Text(text.into())
    }

    /// The element, if this is one.
    pub fn element(&self) -> Option<&Element<'a>> {
        match self {
            Node::Element(element) => Some(element),
            Node::Text(_) => None,
        }
    }
}

impl<'a> Element<'a> {
    /// An HTML element.
    pub fn html(tag: &'static str) -> Element<'a> {
        Element {
            svg: false,
            tag,
            attributes: Vec::new(),
            children: Vec::new(),
        }
    }

    /// An SVG element.
    pub fn svg(tag: &'static str) -> Element<'a> {
        Element {
            svg: true,
            ..Element::html(tag)
        }
    }

    /// Adds an attribute.
    pub fn attr(mut self, name: &'static str, value: impl Into<Cow<'a, str>>) -> Element<'a> {
        self.attributes.push((name, value.into()));
        self
    }

    /// Adds attributes, in order.
    pub fn attrs(
        mut self,
        attributes: impl IntoIterator<Item = (&'static str, Cow<'a, str>)>,
    ) -> Element<'a> {
        self.attributes.extend(attributes);
        self
    }

    /// Adds an attribute when `on`.
    pub fn attr_if(
        self,
        on: bool,
        name: &'static str,
        value: impl Into<Cow<'a, str>>,
    ) -> Element<'a> {
        if on {
            self.attr(name, value)
        } else {
            self
        }
    }

    /// Adds an attribute when it has a value.
    pub fn attr_some(
        self,
        name: &'static str,
        value: Option<impl Into<Cow<'a, str>>>,
    ) -> Element<'a> {
        match value {
            Some(value) => self.attr(name, value),
            None => self,
        }
    }

    /// Adds a number attribute.
    pub fn num(self, name: &'static str, value: i32) -> Element<'a> {
        self.attr(name, value.to_string())
    }

    /// Adds text.
    pub fn text(mut self, text: impl Into<Cow<'a, str>>) -> Element<'a> {
        self.children.push(Node::Text(text.into()));
        self
    }

    /// Adds a child.
    pub fn child(mut self, child: impl Into<Node<'a>>) -> Element<'a> {
        self.children.push(child.into());
        self
    }

    /// Adds a child when there is one.
    pub fn child_some(self, child: Option<impl Into<Node<'a>>>) -> Element<'a> {
        match child {
            Some(child) => self.child(child),
            None => self,
        }
    }

    /// Adds children.
    pub fn children<N: Into<Node<'a>>>(
        mut self,
        children: impl IntoIterator<Item = N>,
    ) -> Element<'a> {
        self.children.extend(children.into_iter().map(Into::into));
        self
    }

    /// The value of an attribute.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(key, _)| *key == name)
            .map(|(_, value)| value.as_ref())
    }

    /// The child elements.
    pub fn elements(&self) -> impl Iterator<Item = &Element<'a>> {
        self.children.iter().filter_map(Node::element)
    }

    /// This element and every element under it, depth first.
    pub fn descendants(&self) -> Vec<&Element<'a>> {
        let mut out = vec![self];
        let mut index = 0;
        while let Some(element) = out.get(index).copied() {
            out.extend(element.elements());
            index += 1;
        }
        out
    }

    /// All the text in it, without markup.
    pub fn text_content(&self) -> String {
        text(&self.children)
    }

    /// The tree as markup (see [`html::to_html`](super::html::to_html)).
    pub fn to_html(&self) -> String {
        super::html::to_html(self)
    }
}

/// All the text of some nodes, without markup. Walks the tree with its own stack, so no tree is
/// too deep for it.
pub fn text(nodes: &[Node<'_>]) -> String {
    let mut out = String::new();
    let mut stack = vec![nodes.iter()];
    while let Some(iter) = stack.last_mut() {
        match iter.next() {
            Some(Node::Text(text)) => out.push_str(text),
            Some(Node::Element(element)) => stack.push(element.children.iter()),
            None => {
                stack.pop();
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tree_holds_text_among_its_children() {
        let tree = Element::html("p")
            .text("Ends ")
            .child(
                Element::html("time")
                    .attr("datetime", "2022-06")
                    .text("Jun 2022"),
            )
            .text(".");
        assert_eq!(tree.children.len(), 3);
        assert_eq!(tree.text_content(), "Ends Jun 2022.");
        assert_eq!(tree.descendants().len(), 2);
        assert_eq!(tree.descendants()[1].get("datetime"), Some("2022-06"));
    }
}
