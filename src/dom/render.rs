//! The widget's table part in the page: the elements of `core::widget::table`'s tree, the ones
//! the widget updates found among them, and rows built when needed from the one description of
//! a row. Builds only; `widget` decides what shows.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, HtmlElement};

use super::tree;
use crate::core::markup;
use crate::core::table::Table;
use crate::core::widget;
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
    /// The spacers in `tbody`, if it has them (a windowed table).
    fn find(tbody: &Element) -> Result<Option<Spacers>, JsValue> {
        let Some(top) = tbody.query_selector(":scope > .eol-table__spacer")? else {
            return Ok(None);
        };
        let bottom = find(tbody, ":scope > .eol-table__spacer ~ .eol-table__spacer")?;
        let cell = |row: &Element| -> Result<HtmlElement, JsValue> {
            row.first_element_child()
                .and_then(|cell| cell.dyn_into().ok())
                .ok_or_else(|| missing("spacer cell"))
        };
        Ok(Some(Spacers {
            top_cell: cell(&top)?,
            bottom_cell: cell(&bottom)?,
            top,
            bottom,
        }))
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
                set_length(cell, "height", pixels as i64, "px")?;
            }
        }
        Ok(())
    }
}

/// Sets a length through the CSSOM, which a Content-Security-Policy without 'unsafe-inline'
/// allows (a `style` attribute it would block).
fn set_length(
    element: &HtmlElement,
    property: &str,
    value: i64,
    unit: &str,
) -> Result<(), JsValue> {
    let mut text = value.to_string();
    text.push_str(unit);
    element.style().set_property(property, &text)
}

/// Replaces what is in `main` with the content of `tree` (the widget's card,
/// `core::widget::card::root`), as a new locale words it.
pub fn fill(
    document: &Document,
    main: &Element,
    tree: &markup::Element<'_>,
) -> Result<(), JsValue> {
    main.set_text_content(None);
    tree::append(document, main, &tree.children)
}

/// Finds what the widget updates in `main`, built from `core::widget::table::main`. A windowed
/// table (one with spacer rows) gets its column widths and no rows yet: the widget puts in the
/// rows near the viewport. Any other table gets every row, before the "no match" row.
pub fn parts(document: &Document, main: &Element, table: &Table) -> Result<Parts, JsValue> {
    // Everything is found before the rows go in, so no search walks through them.
    let table_el = find(main, ":scope > table")?;
    let tbody = find(&table_el, ":scope > tbody")?;
    let empty_row = find(&tbody, ":scope > .eol-table__empty")?;
    let mut parts = Parts {
        headers: children(&find(&table_el, ":scope > thead > tr")?),
        empty_text: empty_row
            .first_element_child()
            .ok_or_else(|| missing("no-match cell"))?,
        spacers: Spacers::find(&tbody)?,
        filters: children(&find(main, ".eol-table__filters")?),
        status: find(main, ".eol-table__status")?,
        more: find(main, ".eol-table__more")?,
        search: find(main, ".eol-table__search")?,
        dates: find(main, ".eol-table__dates")?,
        verdict: find(main, ".eol-table__verdict")?,
        rows: Vec::with_capacity(table.rows.len()),
        table: table_el,
        tbody,
        empty_row,
    };
    if parts.spacers.is_some() {
        parts.rows.resize(table.rows.len(), None);
        let cols = children(&find(&parts.table, ":scope > colgroup")?);
        for (col, share) in cols.iter().zip(window::column_shares(table)) {
            if let Some(col) = col.dyn_ref::<HtmlElement>() {
                set_length(col, "width", i64::try_from(share).unwrap_or(0), "%")?;
            }
        }
    } else {
        for index in 0..table.rows.len() {
            let tr = row(document, table, index)?;
            if let Some(tr) = &tr {
                parts.tbody.insert_before(tr, Some(&parts.empty_row))?;
            }
            parts.rows.push(tr);
        }
    }
    Ok(parts)
}

/// The `tr` of row `index` of `table` (`None`: no such row).
pub fn row(document: &Document, table: &Table, index: usize) -> Result<Option<Element>, JsValue> {
    match widget::table::row(table, index) {
        Some(tree) => tree::build(document, &tree).map(Some),
        None => Ok(None),
    }
}

/// The first element in `root` that `selector` matches; an error if there is none.
pub(crate) fn find(root: &Element, selector: &str) -> Result<Element, JsValue> {
    root.query_selector(selector)?
        .ok_or_else(|| missing(selector))
}

/// The child elements of `element`.
fn children(element: &Element) -> Vec<Element> {
    let list = element.children();
    (0..list.length()).filter_map(|i| list.item(i)).collect()
}

fn missing(what: &str) -> JsValue {
    JsValue::from_str(&["the widget's elements have no ", what].concat())
}
