//! The support table as files to take away: Markdown, CSV and JSON of the normalised table, and
//! an iCalendar file of the end dates.
//!
//! Markdown and CSV have the columns the product shows, with the site's headers, one row per
//! release cycle in display order. Cells hold the data, not the relative wording: dates in ISO
//! form as the file gives them (`2022-06-30`, or `2022-06` for a month), text as shown. A
//! yes/no end (`eol: true`) keeps the table's words (`No`, `Yes`, `Discontinued`,
//! `In Production`), since `true` under a "Security Support" header would read backwards; a
//! missing value keeps `Unknown` or `Unavailable`. JSON has the raw values instead: see
//! [`to_json`].

mod ical;
mod json;

pub use ical::{
    calendar, content_line_into, ical_escape_into, to_icalendar, to_icalendar_in, uid_part_into,
};
pub use json::to_json;

use super::table::{self, Cell, Inline, Table};
use super::view::ProductView;
use super::wording::{English, Words};

/// A cell's data: dates in ISO form, everything else as shown.
fn plain(cell: &Cell) -> String {
    let mut out = String::new();
    for inline in &cell.content {
        out.push_str(match inline {
            Inline::Dated { datetime, .. } | Inline::Time { datetime, .. } => datetime,
            Inline::Text(text)
            | Inline::Link { text, .. }
            | Inline::Abbr { text, .. }
            | Inline::Toggle { text } => text,
            Inline::Icon { .. } => "",
        });
    }
    out
}

/// The header row, then each row's cells as data.
fn grid(view: &ProductView<'_>, words: &dyn Words) -> Vec<Vec<String>> {
    grid_of(&table::build(view, words))
}

/// The header row, then each row's cells as data, of any table model (a stack's too).
fn grid_of(table: &Table) -> Vec<Vec<String>> {
    let header = table.columns.iter().map(|c| c.header.clone()).collect();
    std::iter::once(header)
        .chain(
            table
                .rows
                .iter()
                .map(|row| row.cells.iter().map(plain).collect()),
        )
        .collect()
}

/// The table as a GitHub-flavoured Markdown pipe table.
pub fn to_markdown(view: &ProductView<'_>) -> String {
    to_markdown_in(view, &English)
}

/// [`to_markdown`] with the headers and words of `words` (`Unknown`, `Yes`) in its language.
pub fn to_markdown_in(view: &ProductView<'_>, words: &dyn Words) -> String {
    markdown(&grid(view, words))
}

/// A table model (a stack's) as a Markdown pipe table, dates in ISO form.
pub fn table_markdown(table: &Table) -> String {
    markdown(&grid_of(table))
}

/// A table model (a stack's) as CSV, dates in ISO form.
pub fn table_csv(table: &Table) -> String {
    csv(grid_of(table))
}

fn markdown(grid: &[Vec<String>]) -> String {
    let mut out = String::new();
    for (i, row) in grid.iter().enumerate() {
        out.push('|');
        for cell in row {
            out.push(' ');
            markdown_escape_into(&mut out, cell);
            out.push_str(" |");
        }
        out.push('\n');
        if i == 0 {
            out.push('|');
            row.iter().for_each(|_| out.push_str(" --- |"));
            out.push('\n');
        }
    }
    out
}

/// Writes `text` as the content of a Markdown table cell: a line break becomes `<br>`, and the
/// characters that would end the cell or start markup (`|`, `\`, emphasis, code, links, HTML,
/// entities) are backslash-escaped, so data shows as written.
pub fn markdown_escape_into(out: &mut String, text: &str) {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("<br>");
            }
            '\\' | '|' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '~' | '&' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
}

/// The table as CSV (RFC 4180): a header row, CRLF line ends, fields quoted when needed.
pub fn to_csv(view: &ProductView<'_>) -> String {
    to_csv_in(view, &English)
}

/// [`to_csv`] with the headers and words of `words` (`Unknown`, `Yes`) in its language.
pub fn to_csv_in(view: &ProductView<'_>, words: &dyn Words) -> String {
    csv(grid(view, words))
}

fn csv(grid: Vec<Vec<String>>) -> String {
    let mut out = String::new();
    for row in grid {
        for (i, cell) in row.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            csv_field_into(&mut out, cell);
        }
        out.push_str("\r\n");
    }
    out
}

/// Writes one CSV field: quoted (with `"` doubled) when it holds a comma, quote, CR or LF, and
/// with a leading `'` when a spreadsheet would read it as a formula (OWASP's CSV injection
/// advice: a start of `=`, `+`, `-`, `@`, tab or CR, also after white space or line breaks,
/// which spreadsheets skip). A sign followed by a plain number (`-1`, `+2.5`) or alone (`-`) is
/// no formula and stays as it is.
pub fn csv_field_into(out: &mut String, field: &str) {
    let quoted = field.contains([',', '"', '\r', '\n']);
    if quoted {
        out.push('"');
    }
    if formula_like(field) {
        out.push('\'');
    }
    for c in field.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    if quoted {
        out.push('"');
    }
}

fn formula_like(field: &str) -> bool {
    let mut chars = field.chars();
    match chars.next() {
        Some('=' | '@' | '\t' | '\r') => true,
        Some('-' | '+') => !chars.all(|c| c.is_ascii_digit() || c == '.'),
        Some(c) if c.is_whitespace() => formula_like(field.trim_start()),
        _ => false,
    }
}

#[cfg(test)]
mod tests;
