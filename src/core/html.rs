//! Element trees ([`markup`](super::markup)) as HTML, for server-side rendering: every text and
//! attribute value escaped, void elements without an end tag, an `svg` outside any other SVG
//! with its `xmlns` (so that a chart also works as a standalone SVG file). [`table`] and [`row`]
//! write the widget's own trees (`widget::table`), so a page works without JavaScript and
//! `render` can take over the same element later.

use super::markup::{Element, Node, SVG_NAMESPACE};
use super::table::{Row, Table};
use super::widget;

/// The whole table: `div.eol-table[data-product]` with its title and `<table>`, every row shown
/// (see [`widget::table::page`]).
pub fn table(table: &Table) -> String {
    to_html(&widget::table::page(table))
}

/// One `tr`, exactly as the widget builds it.
pub fn row(row: &Row, table: &Table) -> String {
    to_html(&widget::table::row_of(row, &table.columns))
}

/// An element and everything in it as HTML.
pub fn to_html(element: &Element<'_>) -> String {
    let mut out = String::with_capacity(4096);
    let mut stack = Vec::new();
    open(&mut out, &mut stack, element, false);
    finish(&mut out, stack);
    out
}

/// Writes nodes as HTML.
pub fn write(out: &mut String, nodes: &[Node<'_>]) {
    finish(out, vec![(nodes.iter(), None, false)]);
}

/// One level of the walk: the nodes left to write, the element they are in (`None` at the top),
/// whether that is in an SVG.
type Level<'a, 't> = (
    std::slice::Iter<'a, Node<'t>>,
    Option<&'a Element<'t>>,
    bool,
);

/// Writes the rest of the walk. Keeps its own stack, so no tree is too deep for it.
fn finish(out: &mut String, mut stack: Vec<Level<'_, '_>>) {
    loop {
        let (next, in_svg) = match stack.last_mut() {
            Some((iter, _, in_svg)) => (iter.next(), *in_svg),
            None => return,
        };
        match next {
            Some(Node::Text(text)) => escape_into(out, text),
            Some(Node::Element(element)) => open(out, &mut stack, element, in_svg),
            None => {
                if let Some((_, Some(element), _)) = stack.pop() {
                    out.push_str("</");
                    out.push_str(element.tag);
                    out.push('>');
                }
            }
        }
    }
}

/// Writes an element's start tag, and adds its content to the walk unless it is void.
fn open<'a, 't>(
    out: &mut String,
    stack: &mut Vec<Level<'a, 't>>,
    element: &'a Element<'t>,
    in_svg: bool,
) {
    out.push('<');
    out.push_str(element.tag);
    if element.svg && element.tag == "svg" && !in_svg {
        attribute_into(out, "xmlns", SVG_NAMESPACE);
    }
    for (name, value) in &element.attributes {
        attribute_into(out, name, value);
    }
    out.push('>');
    if !is_void(element) {
        stack.push((
            element.children.iter(),
            Some(element),
            in_svg || element.svg,
        ));
    }
}

/// An HTML element with no content and no end tag (`img`, `br`, `input`, ...).
pub fn is_void(element: &Element<'_>) -> bool {
    !element.svg
        && matches!(
            element.tag,
            "area"
                | "base"
                | "br"
                | "col"
                | "embed"
                | "hr"
                | "img"
                | "input"
                | "link"
                | "meta"
                | "source"
                | "track"
                | "wbr"
        )
}

/// Writes ` name="value"`, the value escaped.
pub fn attribute_into(out: &mut String, name: &str, value: &str) {
    out.push(' ');
    out.push_str(name);
    out.push_str("=\"");
    escape_into(out, value);
    out.push('"');
}

/// Escapes text for HTML content and double-quoted attributes.
pub fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::{
        parse::parse, parse_today, products, table as tables, view, wording::English,
    };

    #[test]
    fn istio_renders_the_dom_contract() {
        let product = parse(products::ISTIO).unwrap();
        let html = table(&tables::build(
            &view::evaluate(&product, parse_today("2022-05-01").unwrap()),
            &English,
        ));
        assert!(html.starts_with("<div class=\"eol-table\" data-product=\"istio\""));
        assert!(html.contains("<caption>Istio</caption>"));
        assert!(html.contains("<th scope=\"col\" data-column=\"eol\">End of Support</th>"));
        assert!(html.contains(
            "<tr data-cycle=\"1.12\" data-maintained=\"true\"><td data-column=\"release\" data-label=\"Release\"><span class=\"eol-table__value\">1.12</span></td>"
        ));
        assert!(html.contains(
            "<td data-column=\"eol\" data-label=\"End of Support\" data-status=\"soon\"><span class=\"eol-table__icon\" aria-hidden=\"true\"></span><span class=\"eol-table__value\"><span class=\"eol-table__rel\">Ends in 2 months (</span><time datetime=\"2022-06\" title=\"2022-06\">Jun 2022</time><span class=\"eol-table__rel\">)</span></span></td>"
        ));
        assert_eq!(html.matches("<tr data-cycle=").count(), 8);
    }

    #[test]
    fn hostile_text_is_escaped() {
        let product = parse(
            "title: \"<script>alert(1)</script>\"\nlatestColumn: false\nreleases:\n\
             - releaseCycle: \"\\\"><img src=x onerror=alert(1)>\"\n  link: javascript:alert(1)\n",
        )
        .unwrap();
        let html = table(&tables::build(
            &view::evaluate(&product, parse_today("2022-05-01").unwrap()),
            &English,
        ));
        assert!(!html.contains("<script>"));
        assert!(!html.contains("<img"));
        assert!(!html.contains("javascript:"));
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.contains("data-cycle=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\""));
    }
}
