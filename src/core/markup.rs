//! A small element tree (HTML and SVG) that the core describes once and two renderers turn
//! into output: the DOM layer into elements (text as text nodes), [`Node::to_html`] into
//! escaped markup for server-side rendering.

use super::html::{attribute_into, escape_into};

/// The SVG namespace, for `createElementNS` and standalone SVG files.
pub const SVG_NAMESPACE: &str = "http://www.w3.org/2000/svg";

/// One element: its tag, attributes, text and children.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// In the SVG namespace (else HTML).
    pub svg: bool,
    /// The tag name.
    pub tag: &'static str,
    /// Attributes, in order.
    pub attributes: Vec<(&'static str, String)>,
    /// Text content, before the children.
    pub text: Option<String>,
    /// Child elements.
    pub children: Vec<Node>,
}

impl Node {
    /// An HTML element.
    pub fn html(tag: &'static str) -> Node {
        Node {
            svg: false,
            tag,
            attributes: Vec::new(),
            text: None,
            children: Vec::new(),
        }
    }

    /// An SVG element.
    pub fn svg(tag: &'static str) -> Node {
        Node {
            svg: true,
            ..Node::html(tag)
        }
    }

    /// Adds an attribute.
    #[inline(never)]
    pub fn attr(mut self, name: &'static str, value: impl Into<String>) -> Node {
        self.attributes.push((name, value.into()));
        self
    }

    /// Adds a number attribute.
    #[inline(never)]
    pub fn num(self, name: &'static str, value: i32) -> Node {
        self.attr(name, value.to_string())
    }

    /// Sets the text.
    #[inline(never)]
    pub fn text(mut self, text: impl Into<String>) -> Node {
        self.text = Some(text.into());
        self
    }

    /// Adds a child.
    #[inline(never)]
    pub fn child(mut self, child: Node) -> Node {
        self.children.push(child);
        self
    }

    /// The value of an attribute.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(key, _)| *key == name)
            .map(|(_, value)| value.as_str())
    }

    /// This node and every node under it, depth first.
    pub fn descendants(&self) -> Vec<&Node> {
        let mut out = vec![self];
        let mut index = 0;
        while let Some(node) = out.get(index).copied() {
            out.extend(node.children.iter());
            index += 1;
        }
        out
    }

    /// The tree as markup, every text and attribute escaped; an `svg` root gets its `xmlns`, so
    /// the output also works as a standalone SVG file.
    pub fn to_html(&self) -> String {
        let mut out = String::with_capacity(4096);
        self.write(&mut out, true);
        out
    }

    fn write(&self, out: &mut String, outer: bool) {
        out.push('<');
        out.push_str(self.tag);
        if outer && self.svg && self.tag == "svg" {
            out.push_str(" xmlns=\"");
            out.push_str(SVG_NAMESPACE);
            out.push('"');
        }
        for (name, value) in &self.attributes {
            attribute_into(out, name, value);
        }
        out.push('>');
        if let Some(text) = &self.text {
            escape_into(out, text);
        }
        for child in &self.children {
            child.write(out, outer && !self.svg);
        }
        out.push_str("</");
        out.push_str(self.tag);
        out.push('>');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_escapes_text_and_attributes() {
        let tree = Node::html("div").attr("class", "a\"b").child(
            Node::svg("svg")
                .num("width", 10)
                .child(Node::svg("title").text("<script>&")),
        );
        assert_eq!(
            tree.to_html(),
            "<div class=\"a&quot;b\"><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\">\
             <title>&lt;script&gt;&amp;</title></svg></div>"
        );
        assert_eq!(tree.descendants().len(), 3);
    }
}
