//! The table part of the widget as an element tree: the toolbar, the verdict, the table (its
//! head, its spacer and "no match" rows) and the footer; and the one description of a row, which
//! the widget builds on demand and server-side rendering writes out.

use crate::core::date::Date;
use crate::core::markup::{Element, Node};
use crate::core::table::{Cell, Column, Inline, Row, Table};
use crate::core::url;

use super::ROOT_CLASS;

/// What the widget's table part shows besides the table model.
#[derive(Debug, Clone, Copy)]
pub struct Controls<'a> {
    /// The day the statuses are computed for ("As of …").
    pub today: Date,
    /// How that day reads.
    pub today_text: &'a str,
    /// A visible title above the toolbar (when the card's header is off).
    pub title: bool,
    /// A windowed table: fixed column widths, spacer rows, and no rows yet (the widget puts in
    /// the rows near the viewport).
    pub windowed: bool,
}

/// `div.eol-table__main`: the visible title (if asked), the timeline (`chart`), the toolbar, the
/// verdict, the table without its rows, and the footer with the live region and "Show more".
/// The widget puts the rows in, each built by [`row`], before the "no match" row.
pub fn main(table: &Table, controls: &Controls<'_>, chart: Option<Element>) -> Element {
    Element::html("div")
        .attr("class", "eol-table__main")
        // The caption names the table for assistive technology; this is its visible twin when
        // the card's header is off.
        .child_if(controls.title.then(|| title(table)))
        // Above the controls, which act on the table only.
        .child_if(chart)
        .child(toolbar(controls))
        .child(
            Element::html("p")
                .attr("class", "eol-table__verdict")
                .attr("hidden", ""),
        )
        .child(widget_table(table, controls.windowed))
        .child(footer())
}

/// The whole table as a page shows it without JavaScript: `div.eol-table[data-product]` with
/// its title and `<table>`, every row in, and no controls; `render` can take it over later.
pub fn page(table: &Table) -> Element {
    let head = table.columns.iter().map(|column| head_cell(column, false));
    let rows = table.rows.iter().map(|r| row_of(r, &table.columns));
    Element::html("div")
        .attr("class", ROOT_CLASS)
        .attr("data-product", table.product.clone())
        .attr("data-theme", "auto")
        .attr("data-date-style", "relative")
        .child(title(table))
        .child(
            Element::html("table")
                .child(Element::html("caption").text(table.caption.clone()))
                .child(Element::html("thead").child(Element::html("tr").children(head)))
                .child(Element::html("tbody").children(rows)),
        )
}

/// The `tr` of row `index` of `table` (`None`: no such row).
pub fn row(table: &Table, index: usize) -> Option<Element> {
    table.rows.get(index).map(|r| row_of(r, &table.columns))
}

/// One row: `tr[data-cycle][data-maintained]` (`data-eol`, `data-lts` when they hold) with a
/// cell per column.
pub fn row_of(row: &Row, columns: &[Column]) -> Element {
    let cells = row
        .cells
        .iter()
        .zip(columns)
        .map(|(c, column)| cell(c, &column.header));
    Element::html("tr")
        .attr("data-cycle", row.cycle.clone())
        .attr(
            "data-maintained",
            if row.maintained { "true" } else { "false" },
        )
        .attr_if(row.eol, "data-eol", "true")
        .attr_if(row.lts, "data-lts", "true")
        .children(cells)
}

/// `div.eol-table__title`, hidden from assistive technology (the caption names the table).
fn title(table: &Table) -> Element {
    Element::html("div")
        .attr("class", "eol-table__title")
        .attr("aria-hidden", "true")
        .text(table.caption.clone())
}

fn toolbar(controls: &Controls<'_>) -> Element {
    let filters = [
        ("all", "All"),
        ("maintained", "Maintained"),
        ("ended", "Ended"),
    ]
    .into_iter()
    .map(|(value, label)| {
        button()
            .attr("data-action", "filter")
            .attr("data-filter", value)
            .attr("aria-pressed", "false")
            .text(label)
    });
    Element::html("div")
        .attr("class", "eol-table__toolbar")
        .child(
            Element::html("div")
                .attr("class", "eol-table__filters")
                .attr("role", "group")
                .attr("aria-label", "Show releases")
                .children(filters),
        )
        .child(
            Element::html("input")
                .attr("type", "search")
                .attr("class", "eol-table__search")
                .attr("data-action", "search")
                .attr("placeholder", "Search releases")
                .attr("aria-label", "Search releases")
                .attr("autocomplete", "off")
                .attr("spellcheck", "false"),
        )
        .child(
            button()
                .attr("class", "eol-table__dates")
                .attr("data-action", "dates")
                .attr("aria-pressed", "false")
                .text("Exact dates"),
        )
        .child(
            Element::html("span")
                .attr("class", "eol-table__today")
                .text("As of ")
                .child(
                    Element::html("time")
                        .attr("datetime", controls.today.iso())
                        .text(controls.today_text),
                ),
        )
}

/// The widget's `<table>`: caption, head with sort buttons, and a body holding only the spacers
/// (when windowed) and the "no match" row.
fn widget_table(table: &Table, windowed: bool) -> Element {
    let colspan = table.columns.len().max(1).to_string();
    let head = table.columns.iter().map(|column| head_cell(column, true));
    let mut body = Element::html("tbody");
    let mut element = Element::html("table").attr_if(windowed, "data-virtualized", "true");
    element = element.child(Element::html("caption").text(table.caption.clone()));
    if windowed {
        // Column widths that do not change as rows come and go: the widget sets each `col`'s
        // width (through the CSSOM, which a strict Content-Security-Policy allows).
        let cols = table.columns.iter().map(|_| Element::html("col"));
        element = element.child(Element::html("colgroup").children(cols));
        body = body.child(spacer(&colspan)).child(spacer(&colspan));
    }
    element
        .child(
            Element::html("thead").child(
                Element::html("tr")
                    .attr_if(windowed, "aria-rowindex", "1")
                    .children(head),
            ),
        )
        .child(
            body.child(
                Element::html("tr")
                    .attr("class", "eol-table__empty")
                    .attr("hidden", "")
                    .child(Element::html("td").attr("colspan", colspan)),
            ),
        )
}

/// A row of a windowed table standing in for the rows out of the page: hidden from assistive
/// technology, and from everyone until the widget gives it a height.
fn spacer(colspan: &str) -> Element {
    Element::html("tr")
        .attr("class", "eol-table__spacer")
        .attr("aria-hidden", "true")
        .attr("hidden", "")
        .child(Element::html("td").attr("colspan", colspan))
}

/// `th[scope=col][data-column]`, with the column's description as its `title`; `sortable`
/// puts the header text in a sort button.
fn head_cell(column: &Column, sortable: bool) -> Element {
    let th = Element::html("th")
        .attr("scope", "col")
        .attr("data-column", column.id.clone())
        .attr_some("title", column.description.clone());
    if !sortable {
        return th.text(column.header.clone());
    }
    th.child(
        button()
            .attr("data-action", "sort")
            .attr("data-column", column.id.clone())
            .text(column.header.clone())
            .child(
                Element::html("span")
                    .attr("class", "eol-table__sort")
                    .attr("aria-hidden", "true"),
            ),
    )
}

fn footer() -> Element {
    Element::html("div")
        .attr("class", "eol-table__footer")
        .child(
            Element::html("p")
                .attr("class", "eol-table__status")
                .attr("role", "status")
                .attr("aria-live", "polite"),
        )
        .child(
            button()
                .attr("class", "eol-table__more")
                .attr("data-action", "more")
                .attr("aria-expanded", "false"),
        )
}

/// `button[type=button]`.
fn button() -> Element {
    Element::html("button").attr("type", "button")
}

/// `td[data-column][data-label]`, with `data-status` and its icon for status cells; the value in
/// `span.eol-table__value`, struck through when the release has ended.
fn cell(cell: &Cell, label: &str) -> Element {
    let content = cell.content.iter().flat_map(inline);
    let value = Element::html("span").attr("class", "eol-table__value");
    let value = if cell.struck {
        value.child(Element::html("s").children(content))
    } else {
        value.children(content)
    };
    let td = Element::html("td")
        .attr("data-column", cell.column.clone())
        .attr("data-label", label);
    match cell.status {
        Some(status) => td.attr("data-status", status.as_str()).child(
            Element::html("span")
                .attr("class", "eol-table__icon")
                .attr("aria-hidden", "true"),
        ),
        None => td,
    }
    .child(value)
}

/// The nodes of one piece of a cell.
fn inline(inline: &Inline) -> Vec<Node> {
    match inline {
        Inline::Text(text) => vec![Node::text(text.clone())],
        Inline::Dated {
            phrase,
            datetime,
            text,
        } => vec![
            relative([phrase.as_str(), " ("].concat()).into(),
            time(datetime, text).into(),
            relative(")".to_owned()).into(),
        ],
        Inline::Time { datetime, text } => vec![time(datetime, text).into()],
        Inline::Link { href, text } => vec![link(href, text)],
        Inline::Abbr { title, text } => vec![Element::html("abbr")
            .attr("title", title.clone())
            .text(text.clone())
            .into()],
    }
}

/// `span.eol-table__rel`: the relative wording around a date, hidden with exact dates.
fn relative(text: String) -> Element {
    Element::html("span")
        .attr("class", "eol-table__rel")
        .text(text)
}

/// `time[datetime][title]`, the ISO date also as its tooltip.
fn time(datetime: &str, text: &str) -> Element {
    Element::html("time")
        .attr("datetime", datetime)
        .attr("title", datetime)
        .text(text)
}

/// A link to `href` if the allowlist takes it (with `rel="noopener noreferrer"` when it may
/// leave the site), else just its text.
pub fn link(href: &str, text: &str) -> Node {
    match url::safe(href) {
        Some(href) => {
            let external = url::is_external(&href);
            Element::html("a")
                .attr("href", href)
                .attr_if(external, "rel", "noopener noreferrer")
                .text(text)
                .into()
        }
        None => Node::text(text),
    }
}
