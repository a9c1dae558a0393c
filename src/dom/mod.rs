//! The DOM layer: turns a [`Table`] into elements. Product text reaches the page only as text
//! nodes and attributes; link URLs pass the allowlist again right before they are set.

use wasm_bindgen::JsValue;
use web_sys::{Document, Element, Node};

use crate::core::table::{Cell, Inline, Table};
use crate::core::url;

/// The class of every root element this crate adds to a page.
pub const ROOT_CLASS: &str = "eol-table";
const STYLE_ID: &str = "eol-table-style";
const STYLE: &str = include_str!("style.css");

/// Builds `div.eol-table[data-product]` holding the table.
pub fn render_table(document: &Document, table: &Table) -> Result<Element, JsValue> {
    let root = element(
        document,
        "div",
        &[("class", ROOT_CLASS), ("data-product", &table.product)],
    )?;
    let table_el = element(document, "table", &[])?;
    let caption = element(document, "caption", &[])?;
    caption.set_text_content(Some(&table.caption));
    table_el.append_child(&caption)?;

    let thead = element(document, "thead", &[])?;
    let head_row = element(document, "tr", &[])?;
    for column in &table.columns {
        let th = element(
            document,
            "th",
            &[("scope", "col"), ("data-column", &column.id)],
        )?;
        if let Some(description) = &column.description {
            th.set_attribute("title", description)?;
        }
        th.set_text_content(Some(&column.header));
        head_row.append_child(&th)?;
    }
    thead.append_child(&head_row)?;
    table_el.append_child(&thead)?;

    let tbody = element(document, "tbody", &[])?;
    for row in &table.rows {
        let tr = element(
            document,
            "tr",
            &[
                ("data-cycle", &row.cycle),
                (
                    "data-maintained",
                    if row.maintained { "true" } else { "false" },
                ),
            ],
        )?;
        if row.eol {
            tr.set_attribute("data-eol", "true")?;
        }
        if row.lts {
            tr.set_attribute("data-lts", "true")?;
        }
        for cell in &row.cells {
            let td = render_cell(document, cell)?;
            tr.append_child(&td)?;
        }
        tbody.append_child(&tr)?;
    }
    table_el.append_child(&tbody)?;
    root.append_child(&table_el)?;
    Ok(root)
}

fn render_cell(document: &Document, cell: &Cell) -> Result<Element, JsValue> {
    let td = element(document, "td", &[("data-column", &cell.column)])?;
    if let Some(status) = cell.status {
        td.set_attribute("data-status", status.as_str())?;
    }
    let parent: Node = if cell.struck {
        let s = element(document, "s", &[])?;
        td.append_child(&s)?;
        s.into()
    } else {
        td.clone().into()
    };
    for inline in &cell.content {
        parent.append_child(&render_inline(document, inline)?)?;
    }
    Ok(td)
}

fn render_inline(document: &Document, inline: &Inline) -> Result<Node, JsValue> {
    let node: Node = match inline {
        Inline::Text(text) => document.create_text_node(text).into(),
        Inline::Time { datetime, text } => {
            let time = element(
                document,
                "time",
                &[("datetime", datetime), ("title", datetime)],
            )?;
            time.set_text_content(Some(text));
            time.into()
        }
        Inline::Link { href, text } => match url::safe(href) {
            Some(href) => {
                let a = element(document, "a", &[("href", &href)])?;
                a.set_text_content(Some(text));
                a.into()
            }
            None => document.create_text_node(text).into(),
        },
        Inline::Abbr { title, text } => {
            let abbr = element(document, "abbr", &[("title", title)])?;
            abbr.set_text_content(Some(text));
            abbr.into()
        }
    };
    Ok(node)
}

/// Builds the error box: `div.eol-table.eol-table--error[role=alert]` with the message as text.
pub fn render_error(document: &Document, message: &str) -> Result<Element, JsValue> {
    let root = element(
        document,
        "div",
        &[("class", "eol-table eol-table--error"), ("role", "alert")],
    )?;
    root.set_text_content(Some(message));
    Ok(root)
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

/// Removes what earlier renders added directly inside `host`, so rendering again replaces.
pub fn clear_previous(host: &Element) -> Result<(), JsValue> {
    let children = host.children();
    let mut previous = Vec::new();
    for index in 0..children.length() {
        if let Some(child) = children.item(index) {
            if child.class_list().contains(ROOT_CLASS) {
                previous.push(child);
            }
        }
    }
    previous.iter().for_each(Element::remove);
    Ok(())
}

fn element(
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
