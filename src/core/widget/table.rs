//! The table part of the widget as an element tree: the toolbar, the verdict, the table (its
//! head, its spacer and "no match" rows) and the footer; and the one description of a row, which
//! the widget builds on demand and server-side rendering writes out.

use std::borrow::Cow;

use crate::core::date::Date;
use crate::core::markup::{Element, Node};
use crate::core::table::{Cell, Column, Inline, Row, Table};
use crate::core::url;
use crate::core::wording::Words;

use super::ROOT_CLASS;

/// What the widget's table part shows besides the table model.
#[derive(Clone, Copy)]
pub struct Controls<'a> {
    /// The words of the controls.
    pub words: &'a dyn Words,
    /// The day the statuses are computed for ("As of …").
    pub today: Date,
    /// How that day reads.
    pub today_text: &'a str,
    /// A visible title above the toolbar (when the card's header is off).
    pub title: bool,
    /// A windowed table: fixed column widths, spacer rows, and no rows yet (the widget puts in
    /// the rows near the viewport).
    pub windowed: bool,
    /// The message id of the search box's placeholder and accessible name.
    pub search: &'static str,
}

/// The message id of the support table's search box label.
pub const SEARCH_RELEASES: &str = "search.label";

/// `div.eol-table__main`: the visible title (if asked), the timeline (`chart`), the toolbar, the
/// verdict, the table without its rows, and the footer with the live region and "Show more".
/// The widget puts the rows in, each built by [`row`], before the "no match" row.
pub fn main<'a>(
    table: &'a Table,
    controls: &Controls<'a>,
    chart: Option<Element<'a>>,
) -> Element<'a> {
    Element::html("div")
        .attr("class", "eol-table__main")
        // The caption names the table for assistive technology; this is its visible twin when
        // the card's header is off.
        .child_some(controls.title.then(|| title(table)))
        // Above the controls, which act on the table only.
        .child_some(chart)
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
pub fn page(table: &Table) -> Element<'_> {
    let head = table.columns.iter().map(|column| head_cell(column, false));
    let rows = table.rows.iter().map(|r| row_of(r, &table.columns));
    Element::html("div")
        .attr("class", ROOT_CLASS)
        .attr("data-product", table.product.as_str())
        .attr("data-theme", "auto")
        .attr("data-date-style", "relative")
        .child(title(table))
        .child(
            Element::html("table")
                .child(Element::html("caption").text(table.caption.as_str()))
                .child(Element::html("thead").child(Element::html("tr").children(head)))
                .child(Element::html("tbody").children(rows)),
        )
}

/// The `tr` of row `index` of `table` (`None`: no such row).
pub fn row(table: &Table, index: usize) -> Option<Element<'_>> {
    table.rows.get(index).map(|r| row_of(r, &table.columns))
}

/// One row: `tr[data-cycle][data-maintained]` (`data-eol`, `data-lts` when they hold) with a
/// cell per column.
pub fn row_of<'a>(row: &'a Row, columns: &'a [Column]) -> Element<'a> {
    let cells = row
        .cells
        .iter()
        .zip(columns)
        .map(|(c, column)| cell(c, &column.header));
    Element::html("tr")
        .attr("data-cycle", row.cycle.as_str())
        .attr(
            "data-maintained",
            if row.maintained { "true" } else { "false" },
        )
        .attr_if(row.eol, "data-eol", "true")
        .attr_if(row.lts, "data-lts", "true")
        .attrs(
            row.attributes
                .iter()
                .map(|(name, value)| (*name, Cow::Borrowed(value.as_str()))),
        )
        .children(cells)
}

/// `div.eol-table__title`, hidden from assistive technology (the caption names the table).
fn title(table: &Table) -> Element<'_> {
    Element::html("div")
        .attr("class", "eol-table__title")
        .attr("aria-hidden", "true")
        .text(table.caption.as_str())
}

fn toolbar<'a>(controls: &Controls<'a>) -> Element<'a> {
    let words = controls.words;
    let filters = [
        ("all", "filter.all"),
        ("maintained", "filter.maintained"),
        ("ended", "filter.ended"),
    ]
    .into_iter()
    .map(|(value, label)| {
        button()
            .attr("data-action", "filter")
            .attr("data-filter", value)
            .attr("aria-pressed", "false")
            .text(words.text(label).to_owned())
    });
    let search = words.text(controls.search).to_owned();
    let (as_of, after) = words.messages().around("today.asOf", "date", &[]);
    Element::html("div")
        .attr("class", "eol-table__toolbar")
        .child(
            Element::html("div")
                .attr("class", "eol-table__filters")
                .attr("role", "group")
                .attr("aria-label", words.text("filter.label").to_owned())
                .children(filters),
        )
        .child(
            Element::html("input")
                .attr("type", "search")
                .attr("class", "eol-table__search")
                .attr("data-action", "search")
                .attr("placeholder", search.clone())
                .attr("aria-label", search)
                .attr("autocomplete", "off")
                .attr("spellcheck", "false"),
        )
        .child(
            button()
                .attr("class", "eol-table__dates")
                .attr("data-action", "dates")
                .attr("aria-pressed", "false")
                .text(words.text("dates.exact").to_owned()),
        )
        .child(
            Element::html("span")
                .attr("class", "eol-table__today")
                .child_some((!as_of.is_empty()).then(|| Node::text(as_of)))
                .child(
                    Element::html("time")
                        .attr("datetime", controls.today.iso())
                        .text(controls.today_text),
                )
                .child_some((!after.is_empty()).then(|| Node::text(after))),
        )
}

/// The widget's `<table>`: caption, head with sort buttons, and a body holding only the spacers
/// (when windowed) and the "no match" row.
fn widget_table(table: &Table, windowed: bool) -> Element<'_> {
    let colspan = table.columns.len().max(1).to_string();
    let head = table.columns.iter().map(|column| head_cell(column, true));
    // Column widths that do not change as rows come and go: the widget sets each `col`'s width
    // (through the CSSOM, which a strict Content-Security-Policy allows).
    let widths = windowed.then(|| {
        Element::html("colgroup").children(table.columns.iter().map(|_| Element::html("col")))
    });
    let spacers = if windowed {
        vec![spacer(colspan.clone()), spacer(colspan.clone())]
    } else {
        Vec::new()
    };
    Element::html("table")
        .attr_if(windowed, "data-virtualized", "true")
        .child(Element::html("caption").text(table.caption.as_str()))
        .child_some(widths)
        .child(
            Element::html("thead").child(
                Element::html("tr")
                    .attr_if(windowed, "aria-rowindex", "1")
                    .children(head),
            ),
        )
        .child(
            Element::html("tbody").children(spacers).child(
                Element::html("tr")
                    .attr("class", "eol-table__empty")
                    .attr("hidden", "")
                    .child(Element::html("td").attr("colspan", colspan)),
            ),
        )
}

/// A row of a windowed table standing in for the rows out of the page: hidden from assistive
/// technology, and from everyone until the widget gives it a height.
fn spacer<'a>(colspan: String) -> Element<'a> {
    Element::html("tr")
        .attr("class", "eol-table__spacer")
        .attr("aria-hidden", "true")
        .attr("hidden", "")
        .child(Element::html("td").attr("colspan", colspan))
}

/// `th[scope=col][data-column]`, with the column's description as its `title`; `sortable`
/// puts the header text in a sort button.
fn head_cell(column: &Column, sortable: bool) -> Element<'_> {
    let th = Element::html("th")
        .attr("scope", "col")
        .attr("data-column", column.id.as_str())
        .attr_some("title", column.description.as_deref());
    if !sortable {
        return th.text(column.header.as_str());
    }
    th.child(
        button()
            .attr("data-action", "sort")
            .attr("data-column", column.id.as_str())
            .text(column.header.as_str())
            .child(
                Element::html("span")
                    .attr("class", "eol-table__sort")
                    .attr("aria-hidden", "true"),
            ),
    )
}

fn footer<'a>() -> Element<'a> {
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
fn button<'a>() -> Element<'a> {
    Element::html("button").attr("type", "button")
}

/// `td[data-column][data-label]`, with `data-status` and its icon for status cells; the value in
/// `span.eol-table__value`, struck through when the release has ended.
fn cell<'a>(cell: &'a Cell, label: &'a str) -> Element<'a> {
    let mut content = Vec::with_capacity(cell.content.len());
    for piece in &cell.content {
        inline(&mut content, piece);
    }
    let value = Element::html("span").attr("class", "eol-table__value");
    let value = if cell.struck {
        value.child(Element::html("s").children(content))
    } else {
        value.children(content)
    };
    let td = Element::html("td")
        .attr("data-column", cell.column.as_str())
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

/// Adds the nodes of one piece of a cell to `out`.
fn inline<'a>(out: &mut Vec<Node<'a>>, inline: &'a Inline) {
    match inline {
        Inline::Text(text) => out.push(Node::text(text.as_str())),
        Inline::Dated {
            phrase,
            datetime,
            text,
        } => {
            out.push(relative([phrase.as_str(), " ("].concat()).into());
            out.push(time(datetime, text).into());
            out.push(relative(")").into());
        }
        Inline::Time { datetime, text } => out.push(time(datetime, text).into()),
        Inline::Link { href, text } => out.push(link(href, text.as_str())),
        Inline::Abbr { title, text } => out.push(
            Element::html("abbr")
                .attr("title", title.as_str())
                .text(text.as_str())
                .into(),
        ),
        Inline::Icon { src } => out.push(
            Element::html("img")
                .attr("class", "eol-table__product-icon")
                .attr("src", src.as_str())
                .attr("alt", "")
                .attr("width", "20")
                .attr("height", "20")
                .attr("loading", "lazy")
                .into(),
        ),
        Inline::Toggle { text } => out.push(
            button()
                .attr("class", "eol-table__toggle")
                .attr("data-action", "detail")
                .attr("aria-expanded", "false")
                .text(text.as_str())
                .into(),
        ),
    }
}

/// `span.eol-table__rel`: the relative wording around a date, hidden with exact dates.
fn relative<'a>(text: impl Into<Cow<'a, str>>) -> Element<'a> {
    Element::html("span")
        .attr("class", "eol-table__rel")
        .text(text)
}

/// `time[datetime][title]`, the ISO date also as its tooltip.
fn time<'a>(datetime: &'a str, text: &'a str) -> Element<'a> {
    Element::html("time")
        .attr("datetime", datetime)
        .attr("title", datetime)
        .text(text)
}

/// A link to `href` if the allowlist takes it (with `rel="noopener noreferrer"` when it may
/// leave the site), else just its text.
pub fn link<'a>(href: &str, text: impl Into<Cow<'a, str>>) -> Node<'a> {
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
