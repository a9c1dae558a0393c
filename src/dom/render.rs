//! Builds the widget's elements from a table model: toolbar, table, live region and the
//! "Show more" control. Builds only; `widget.rs` decides what shows.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, HtmlElement, Node};

use super::element;
use crate::core::date::Date;
use crate::core::table::{Cell, Inline, Table};
use crate::core::window;

/// The elements the widget updates after it is built.
pub struct Parts {
    /// The table.
    pub table: Element,
    /// The table body.
    pub tbody: Element,
    /// One `tr` per table row, in table order; a windowed table builds them when they are
    /// first shown.
    pub rows: Vec<Option<Element>>,
    /// The rows standing in for those out of the page, when the table is windowed.
    pub spacers: Option<Spacers>,
    /// One `th` per column.
    pub headers: Vec<Element>,
    /// The row shown when nothing matches.
    pub empty_row: Element,
    /// The text of the empty row.
    pub empty_text: Element,
    /// The live region ("Showing 3 of 8 releases").
    pub status: Element,
    /// "Show 5 more unmaintained releases".
    pub more: Element,
    /// The search box.
    pub search: Element,
    /// All / Maintained / Ended.
    pub filters: Vec<Element>,
    /// Relative / exact dates.
    pub dates: Element,
    /// The one-line verdict for the `version` option.
    pub verdict: Element,
}

/// The two rows of a windowed table that stand in for the rows out of the page, above and
/// below the ones in it: `tr.eol-table__spacer`, hidden from assistive technology.
pub struct Spacers {
    /// Before the rows in the page.
    pub top: Element,
    /// After them.
    pub bottom: Element,
    top_cell: HtmlElement,
    bottom_cell: HtmlElement,
}

impl Spacers {
    fn new(document: &Document, columns: &str) -> Result<Spacers, JsValue> {
        let one = || -> Result<(Element, HtmlElement), JsValue> {
            let row = element(
                document,
                "tr",
                &[
                    ("class", "eol-table__spacer"),
                    ("aria-hidden", "true"),
                    ("hidden", ""),
                ],
            )?;
            let cell = element(document, "td", &[("colspan", columns)])?;
            row.append_child(&cell)?;
            Ok((row, cell.unchecked_into()))
        };
        let (top, top_cell) = one()?;
        let (bottom, bottom_cell) = one()?;
        Ok(Spacers {
            top,
            bottom,
            top_cell,
            bottom_cell,
        })
    }

    /// Makes the spacers `above` and `below` CSS pixels tall (rounded; none when 0).
    pub fn set(&self, above: f64, below: f64) -> Result<(), JsValue> {
        for (row, cell, height) in [
            (&self.top, &self.top_cell, above),
            (&self.bottom, &self.bottom_cell, below),
        ] {
            let pixels = height.round();
            let shown = pixels >= 1.0;
            row.toggle_attribute_with_force("hidden", !shown)?;
            if shown {
                // Through the CSSOM, which a Content-Security-Policy without 'unsafe-inline'
                // allows (a `style` attribute it would block).
                let mut value = (pixels as i64).to_string();
                value.push_str("px");
                cell.style().set_property("height", &value)?;
            }
        }
        Ok(())
    }
}

/// Fills `root` (emptied first) with the widget for `table`, statuses as of `today`; `title`
/// adds a visible title (when the card's header is off). A `windowed` table gets spacers, a
/// fixed layout and no rows yet: the widget puts in the rows near the viewport.
pub fn build(
    document: &Document,
    root: &Element,
    table: &Table,
    today: Date,
    today_text: &str,
    title: bool,
    windowed: bool,
) -> Result<Parts, JsValue> {
    root.set_text_content(None);

    if title {
        // The caption names the table for assistive technology; this is its visible twin when
        // the card's header is off.
        let title = element(
            document,
            "div",
            &[("class", "eol-table__title"), ("aria-hidden", "true")],
        )?;
        title.set_text_content(Some(&table.caption));
        root.append_child(&title)?;
    }

    let toolbar = element(document, "div", &[("class", "eol-table__toolbar")])?;
    let group = element(
        document,
        "div",
        &[
            ("class", "eol-table__filters"),
            ("role", "group"),
            ("aria-label", "Show releases"),
        ],
    )?;
    let mut filters = Vec::new();
    for (value, label) in [
        ("all", "All"),
        ("maintained", "Maintained"),
        ("ended", "Ended"),
    ] {
        let button = element(
            document,
            "button",
            &[
                ("type", "button"),
                ("data-action", "filter"),
                ("data-filter", value),
                ("aria-pressed", "false"),
            ],
        )?;
        button.set_text_content(Some(label));
        group.append_child(&button)?;
        filters.push(button);
    }
    toolbar.append_child(&group)?;
    let search = element(
        document,
        "input",
        &[
            ("type", "search"),
            ("class", "eol-table__search"),
            ("data-action", "search"),
            ("placeholder", "Search releases"),
            ("aria-label", "Search releases"),
            ("autocomplete", "off"),
            ("spellcheck", "false"),
        ],
    )?;
    toolbar.append_child(&search)?;
    let dates = element(
        document,
        "button",
        &[
            ("type", "button"),
            ("class", "eol-table__dates"),
            ("data-action", "dates"),
            ("aria-pressed", "false"),
        ],
    )?;
    dates.set_text_content(Some("Exact dates"));
    toolbar.append_child(&dates)?;
    let as_of = element(document, "span", &[("class", "eol-table__today")])?;
    as_of.append_child(&document.create_text_node("As of "))?;
    let time = element(document, "time", &[("datetime", &today.iso())])?;
    time.set_text_content(Some(today_text));
    as_of.append_child(&time)?;
    toolbar.append_child(&as_of)?;
    root.append_child(&toolbar)?;
    let verdict = element(
        document,
        "p",
        &[("class", "eol-table__verdict"), ("hidden", "")],
    )?;
    root.append_child(&verdict)?;

    let table_el = element(document, "table", &[])?;
    let caption = element(document, "caption", &[])?;
    caption.set_text_content(Some(&table.caption));
    table_el.append_child(&caption)?;
    if windowed {
        // Column widths that do not change as rows come and go.
        table_el.set_attribute("data-virtualized", "true")?;
        let group = element(document, "colgroup", &[])?;
        for share in window::column_shares(table) {
            let col: HtmlElement = element(document, "col", &[])?.unchecked_into();
            let mut width = share.to_string();
            width.push('%');
            col.style().set_property("width", &width)?;
            group.append_child(&col)?;
        }
        table_el.append_child(&group)?;
    }

    let thead = element(document, "thead", &[])?;
    let head_row = element(document, "tr", &[])?;
    if windowed {
        head_row.set_attribute("aria-rowindex", "1")?;
    }
    let mut headers = Vec::new();
    for column in &table.columns {
        let th = element(
            document,
            "th",
            &[("scope", "col"), ("data-column", &column.id)],
        )?;
        if let Some(description) = &column.description {
            th.set_attribute("title", description)?;
        }
        let button = element(
            document,
            "button",
            &[
                ("type", "button"),
                ("data-action", "sort"),
                ("data-column", &column.id),
            ],
        )?;
        button.append_child(&document.create_text_node(&column.header))?;
        let icon = element(
            document,
            "span",
            &[("class", "eol-table__sort"), ("aria-hidden", "true")],
        )?;
        button.append_child(&icon)?;
        th.append_child(&button)?;
        head_row.append_child(&th)?;
        headers.push(th);
    }
    thead.append_child(&head_row)?;
    table_el.append_child(&thead)?;

    let tbody = element(document, "tbody", &[])?;
    let colspan = table.columns.len().max(1).to_string();
    let mut rows = Vec::with_capacity(table.rows.len());
    let spacers = if windowed {
        rows.resize(table.rows.len(), None);
        let spacers = Spacers::new(document, &colspan)?;
        tbody.append_child(&spacers.top)?;
        tbody.append_child(&spacers.bottom)?;
        Some(spacers)
    } else {
        for index in 0..table.rows.len() {
            let tr = row(document, table, index)?;
            if let Some(tr) = &tr {
                tbody.append_child(tr)?;
            }
            rows.push(tr);
        }
        None
    };
    let empty_row = element(
        document,
        "tr",
        &[("class", "eol-table__empty"), ("hidden", "")],
    )?;
    let empty_text = element(document, "td", &[("colspan", &colspan)])?;
    empty_row.append_child(&empty_text)?;
    tbody.append_child(&empty_row)?;
    table_el.append_child(&tbody)?;
    root.append_child(&table_el)?;

    let footer = element(document, "div", &[("class", "eol-table__footer")])?;
    let status = element(
        document,
        "p",
        &[
            ("class", "eol-table__status"),
            ("role", "status"),
            ("aria-live", "polite"),
        ],
    )?;
    footer.append_child(&status)?;
    let more = element(
        document,
        "button",
        &[
            ("type", "button"),
            ("class", "eol-table__more"),
            ("data-action", "more"),
            ("aria-expanded", "false"),
        ],
    )?;
    footer.append_child(&more)?;
    root.append_child(&footer)?;

    Ok(Parts {
        table: table_el,
        tbody,
        rows,
        spacers,
        headers,
        empty_row,
        empty_text,
        status,
        more,
        search,
        filters,
        dates,
        verdict,
    })
}

/// The `tr` of row `index` of `table` (`None`: no such row).
pub fn row(document: &Document, table: &Table, index: usize) -> Result<Option<Element>, JsValue> {
    let Some(row) = table.rows.get(index) else {
        return Ok(None);
    };
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
    for (cell, column) in row.cells.iter().zip(&table.columns) {
        let td = cell_element(document, cell, &column.header)?;
        tr.append_child(&td)?;
    }
    Ok(Some(tr))
}

fn cell_element(document: &Document, cell: &Cell, label: &str) -> Result<Element, JsValue> {
    let td = element(
        document,
        "td",
        &[("data-column", &cell.column), ("data-label", label)],
    )?;
    if let Some(status) = cell.status {
        td.set_attribute("data-status", status.as_str())?;
        let icon = element(
            document,
            "span",
            &[("class", "eol-table__icon"), ("aria-hidden", "true")],
        )?;
        td.append_child(&icon)?;
    }
    let value = element(document, "span", &[("class", "eol-table__value")])?;
    td.append_child(&value)?;
    let parent: Node = if cell.struck {
        let s = element(document, "s", &[])?;
        value.append_child(&s)?;
        s.into()
    } else {
        value.into()
    };
    for inline in &cell.content {
        append_inline(document, &parent, inline)?;
    }
    Ok(td)
}

fn append_inline(document: &Document, parent: &Node, inline: &Inline) -> Result<(), JsValue> {
    let rel = [("class", "eol-table__rel")];
    match inline {
        Inline::Text(text) => {
            parent.append_child(&document.create_text_node(text))?;
        }
        Inline::Dated {
            phrase,
            datetime,
            text,
        } => {
            append(document, parent, "span", &rel, &format!("{phrase} ("))?;
            append(
                document,
                parent,
                "time",
                &[("datetime", datetime), ("title", datetime)],
                text,
            )?;
            append(document, parent, "span", &rel, ")")?;
        }
        Inline::Time { datetime, text } => {
            append(
                document,
                parent,
                "time",
                &[("datetime", datetime), ("title", datetime)],
                text,
            )?;
        }
        Inline::Link { href, text } => {
            let a = element(document, "a", &[])?;
            if super::link::set_href(document, &a, href)? {
                a.set_text_content(Some(text));
                parent.append_child(&a)?;
            } else {
                parent.append_child(&document.create_text_node(text))?;
            }
        }
        Inline::Abbr { title, text } => {
            append(document, parent, "abbr", &[("title", title)], text)?
        }
    }
    Ok(())
}

/// Appends `<tag attributes>text</tag>` to `parent`.
fn append(
    document: &Document,
    parent: &Node,
    tag: &str,
    attributes: &[(&str, &str)],
    text: &str,
) -> Result<(), JsValue> {
    let child = element(document, tag, attributes)?;
    child.set_text_content(Some(text));
    parent.append_child(&child)?;
    Ok(())
}
