//! The table model as static HTML, for server-side rendering: the same markup the widget builds
//! (minus its controls), so a page works without JavaScript and `render` can take over the same
//! element later. Every text and attribute is escaped.

use super::markdown::Node;
use super::table::{Cell, Inline, Row, Table};
use super::url;

/// The whole table: `div.eol-table[data-product]` with its title and `<table>`, every row shown.
pub fn table(table: &Table) -> String {
    let mut out = String::with_capacity(512 + table.rows.len() * 600);
    out.push_str("<div class=\"eol-table\" data-product=\"");
    escape_into(&mut out, &table.product);
    out.push_str("\" data-theme=\"auto\" data-date-style=\"relative\">");
    out.push_str("<div class=\"eol-table__title\" aria-hidden=\"true\">");
    escape_into(&mut out, &table.caption);
    out.push_str("</div><table><caption>");
    escape_into(&mut out, &table.caption);
    out.push_str("</caption><thead><tr>");
    for column in &table.columns {
        out.push_str("<th scope=\"col\" data-column=\"");
        escape_into(&mut out, &column.id);
        out.push('"');
        if let Some(description) = &column.description {
            out.push_str(" title=\"");
            escape_into(&mut out, description);
            out.push('"');
        }
        out.push('>');
        escape_into(&mut out, &column.header);
        out.push_str("</th>");
    }
    out.push_str("</tr></thead><tbody>");
    for row in &table.rows {
        out.push_str(&self::row(row, table));
    }
    out.push_str("</tbody></table></div>");
    out
}

/// One `tr`, exactly as the widget builds it.
pub fn row(row: &Row, table: &Table) -> String {
    let mut out = String::with_capacity(600);
    out.push_str("<tr data-cycle=\"");
    escape_into(&mut out, &row.cycle);
    out.push_str("\" data-maintained=\"");
    out.push_str(if row.maintained { "true" } else { "false" });
    out.push('"');
    if row.eol {
        out.push_str(" data-eol=\"true\"");
    }
    if row.lts {
        out.push_str(" data-lts=\"true\"");
    }
    out.push('>');
    for (cell, column) in row.cells.iter().zip(&table.columns) {
        self::cell(&mut out, cell, &column.header);
    }
    out.push_str("</tr>");
    out
}

fn cell(out: &mut String, cell: &Cell, label: &str) {
    out.push_str("<td data-column=\"");
    escape_into(out, &cell.column);
    out.push_str("\" data-label=\"");
    escape_into(out, label);
    out.push('"');
    if let Some(status) = cell.status {
        out.push_str(" data-status=\"");
        out.push_str(status.as_str());
        out.push_str("\"><span class=\"eol-table__icon\" aria-hidden=\"true\"></span>");
    } else {
        out.push('>');
    }
    out.push_str("<span class=\"eol-table__value\">");
    if cell.struck {
        out.push_str("<s>");
    }
    for inline in &cell.content {
        self::inline(out, inline);
    }
    if cell.struck {
        out.push_str("</s>");
    }
    out.push_str("</span></td>");
}

fn time(out: &mut String, datetime: &str, text: &str) {
    out.push_str("<time datetime=\"");
    escape_into(out, datetime);
    out.push_str("\" title=\"");
    escape_into(out, datetime);
    out.push_str("\">");
    escape_into(out, text);
    out.push_str("</time>");
}

fn inline(out: &mut String, inline: &Inline) {
    match inline {
        Inline::Text(text) => escape_into(out, text),
        Inline::Dated {
            phrase,
            datetime,
            text,
        } => {
            out.push_str("<span class=\"eol-table__rel\">");
            escape_into(out, phrase);
            out.push_str(" (</span>");
            time(out, datetime, text);
            out.push_str("<span class=\"eol-table__rel\">)</span>");
        }
        Inline::Time { datetime, text } => time(out, datetime, text),
        Inline::Link { href, text } => match url::safe(href) {
            Some(href) => {
                out.push_str("<a href=\"");
                escape_into(out, &href);
                out.push_str(if url::is_external(&href) {
                    "\" rel=\"noopener noreferrer\">"
                } else {
                    "\">"
                });
                escape_into(out, text);
                out.push_str("</a>");
            }
            None => escape_into(out, text),
        },
        Inline::Abbr { title, text } => {
            out.push_str("<abbr title=\"");
            escape_into(out, title);
            out.push_str("\">");
            escape_into(out, text);
            out.push_str("</abbr>");
        }
    }
}

/// A Markdown body ([`parse`](super::markdown::parse)) as HTML, every text and attribute value escaped. Walks
/// the tree with its own stack, so no tree is too deep for it.
pub fn markdown(out: &mut String, nodes: &[Node]) {
    let mut stack = vec![(nodes.iter(), None)];
    while let Some((iter, _)) = stack.last_mut() {
        match iter.next() {
            Some(Node::Text(text)) => escape_into(out, text),
            Some(Node::Element {
                tag,
                attrs,
                children,
            }) => {
                out.push('<');
                out.push_str(tag.name());
                for (name, value) in attrs {
                    attribute_into(out, name, value);
                }
                out.push('>');
                if !tag.is_void() {
                    stack.push((children.iter(), Some(*tag)));
                }
            }
            None => {
                if let Some((_, Some(tag))) = stack.pop() {
                    out.push_str("</");
                    out.push_str(tag.name());
                    out.push('>');
                }
            }
        }
    }
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
