//! The table model: columns, rows and cells with their text, dates, links and statuses,
//! ready for any renderer (the DOM layer, or HTML on a server).

use super::date::Date;
use super::model::{headers, Display};
use super::status::{Lts, Phase};
use super::view::{ProductView, ReleaseView};
use super::wording;

/// What a status cell shows by colour (and, in the DOM, as `data-status`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Not reached (green).
    Ok,
    /// Ends soon (yellow).
    Soon,
    /// Reached (red).
    Ended,
    /// No value in the data.
    Unknown,
    /// Extended support that is not offered (grey "Unavailable").
    Unavailable,
}

impl Status {
    /// The `data-status` value.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Soon => "soon",
            Status::Ended => "ended",
            Status::Unknown => "unknown",
            Status::Unavailable => "unavailable",
        }
    }
}

/// A piece of a cell's content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    /// Plain text.
    Text(String),
    /// A date: `datetime` is ISO (`2022-10-07` or `2022-10`), `text` as displayed.
    Time {
        /// ISO form.
        datetime: String,
        /// Displayed form.
        text: String,
    },
    /// A link whose `href` passed the URL allowlist.
    Link {
        /// The URL.
        href: String,
        /// The link text.
        text: String,
    },
    /// An abbreviation with its expansion (the LTS label).
    Abbr {
        /// The expansion, shown on hover.
        title: String,
        /// The abbreviation.
        text: String,
    },
}

/// One column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    /// Stable id: `release`, `releaseDate`, `discontinued`, `eoas`, `eol`, `eoes`, `latest`, or a
    /// custom field's name.
    pub id: String,
    /// The header text.
    pub header: String,
    /// A longer description (custom fields), for a tooltip.
    pub description: Option<String>,
}

/// One cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// The id of its column.
    pub column: String,
    /// Its status, for status cells and cells without data.
    pub status: Option<Status>,
    /// Struck through (the release has reached its end of life).
    pub struck: bool,
    /// What it shows.
    pub content: Vec<Inline>,
}

impl Cell {
    /// The cell's text as a person reads it.
    pub fn text(&self) -> String {
        self.content
            .iter()
            .map(|inline| match inline {
                Inline::Text(text)
                | Inline::Time { text, .. }
                | Inline::Link { text, .. }
                | Inline::Abbr { text, .. } => text.as_str(),
            })
            .collect()
    }
}

/// One release's row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The release cycle (`data-cycle`).
    pub cycle: String,
    /// Whether the release is still maintained (`data-maintained`).
    pub maintained: bool,
    /// Whether it has reached its end of life.
    pub eol: bool,
    /// Whether it is an LTS release now.
    pub lts: bool,
    /// Cells, one per column, in column order.
    pub cells: Vec<Cell>,
}

/// A support table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// The product id (`data-product`).
    pub product: String,
    /// The caption: the product's title.
    pub caption: String,
    /// The columns in the site's order.
    pub columns: Vec<Column>,
    /// The rows in display order.
    pub rows: Vec<Row>,
}

/// Which built-in column a column is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind<'a> {
    Release,
    ReleaseDate,
    Discontinued,
    Eoas,
    Eol,
    Eoes,
    Latest,
    Custom(&'a str),
}

/// Builds the support table of an evaluated product.
pub fn build(view: &ProductView<'_>) -> Table {
    let product = view.product;
    let cols = &product.columns;
    let custom = |display: Display| {
        product
            .custom_fields
            .iter()
            .filter(move |field| field.display == display)
            .map(|field| {
                (
                    Kind::Custom(&field.name),
                    Column {
                        id: field.name.clone(),
                        header: field.label.clone(),
                        description: field.description.clone(),
                    },
                )
            })
    };
    let builtin = |kind, id: &str, header: Option<&String>| {
        header.map(|header| {
            (
                kind,
                Column {
                    id: id.to_owned(),
                    header: header.clone(),
                    description: None,
                },
            )
        })
    };
    let release_header = headers::RELEASE.to_owned();
    let columns: Vec<(Kind, Column)> = builtin(Kind::Release, "release", Some(&release_header))
        .into_iter()
        .chain(custom(Display::AfterRelease))
        .chain(builtin(
            Kind::ReleaseDate,
            "releaseDate",
            cols.release_date.as_ref(),
        ))
        .chain(builtin(
            Kind::Discontinued,
            "discontinued",
            cols.discontinued.as_ref(),
        ))
        .chain(builtin(Kind::Eoas, "eoas", cols.eoas.as_ref()))
        .chain(builtin(Kind::Eol, "eol", cols.eol.as_ref()))
        .chain(builtin(Kind::Eoes, "eoes", cols.eoes.as_ref()))
        .chain(custom(Display::BeforeLatest))
        .chain(builtin(Kind::Latest, "latest", cols.latest.as_ref()))
        .chain(custom(Display::AfterLatest))
        .collect();
    let rows = view
        .releases
        .iter()
        .map(|release| row(view, release, &columns))
        .collect();
    Table {
        product: product.id.clone(),
        caption: product.title.clone(),
        columns: columns.into_iter().map(|(_, column)| column).collect(),
        rows,
    }
}

fn row(view: &ProductView<'_>, release: &ReleaseView<'_>, columns: &[(Kind, Column)]) -> Row {
    let eol = release.life.eol.reached() == Some(true);
    let latest_shown = view.product.columns.latest.is_some();
    let cells = columns
        .iter()
        .map(|(kind, column)| {
            let (status, content) = match *kind {
                Kind::Release => (None, release_cell(view, release, !latest_shown)),
                Kind::ReleaseDate => date_cell(view, release.release.release_date),
                Kind::Discontinued => discontinued_cell(release.life.discontinued),
                Kind::Eoas => end_cell(release.life.eoas, Status::Unknown),
                Kind::Eol => end_cell(release.life.eol, Status::Unknown),
                Kind::Eoes => end_cell(release.life.eoes, Status::Unavailable),
                Kind::Latest => latest_cell(release),
                Kind::Custom(name) => (
                    None,
                    vec![Inline::Text(
                        release
                            .release
                            .field(name)
                            .and_then(|value| value.as_text())
                            .unwrap_or_else(|| "N/A".to_owned()),
                    )],
                ),
            };
            Cell {
                column: column.id.clone(),
                status,
                struck: eol
                    && matches!(kind, Kind::Release | Kind::Latest)
                    && status != Some(Status::Unknown),
                content,
            }
        })
        .collect();
    Row {
        cycle: release.release.cycle.clone(),
        maintained: release.life.maintained,
        eol,
        lts: release.life.lts.is_lts(),
        cells,
    }
}

fn text(text: impl Into<String>) -> Inline {
    Inline::Text(text.into())
}

fn time(date: Date) -> Inline {
    Inline::Time {
        datetime: date.iso(),
        text: date.display(),
    }
}

/// `prefix (date)`.
fn dated(prefix: String, date: Date) -> Vec<Inline> {
    vec![text(prefix + " ("), time(date), text(")")]
}

fn release_cell(view: &ProductView<'_>, release: &ReleaseView<'_>, linked: bool) -> Vec<Inline> {
    let mut content = vec![match (&release.link, linked) {
        (Some(href), true) => Inline::Link {
            href: href.clone(),
            text: release.label.clone(),
        },
        _ => text(release.label.clone()),
    }];
    let lts = &view.lts_label;
    let mark = match &lts.title {
        Some(title) => Inline::Abbr {
            title: title.clone(),
            text: lts.text.clone(),
        },
        None => text(lts.text.clone()),
    };
    match release.life.lts {
        Lts::Yes | Lts::Since(_) => content.extend([text(" ("), mark, text(")")]),
        Lts::Upcoming(_) => content.extend([text(" (Upcoming "), mark, text(")")]),
        Lts::No => {}
    }
    content
}

fn unknown(status: Status) -> (Option<Status>, Vec<Inline>) {
    let word = if status == Status::Unavailable {
        "Unavailable"
    } else {
        "Unknown"
    };
    (Some(status), vec![text(word)])
}

fn date_cell(view: &ProductView<'_>, date: Option<Date>) -> (Option<Status>, Vec<Inline>) {
    match date {
        Some(date) => {
            let days = view.today.days_until(date.first_day());
            (None, dated(wording::relative(days), date))
        }
        None => unknown(Status::Unknown),
    }
}

fn phase_status(reached: bool, soon: bool) -> Status {
    if reached {
        Status::Ended
    } else if soon {
        Status::Soon
    } else {
        Status::Ok
    }
}

fn end_cell(phase: Phase, missing: Status) -> (Option<Status>, Vec<Inline>) {
    match phase {
        Phase::Date {
            date,
            days_left,
            reached,
            soon,
        } => (
            Some(phase_status(reached, soon)),
            dated(wording::ends(days_left), date),
        ),
        Phase::Bool(true) => (Some(Status::Ended), vec![text("No")]),
        Phase::Bool(false) => (Some(Status::Ok), vec![text("Yes")]),
        Phase::Absent | Phase::Null => unknown(missing),
    }
}

fn discontinued_cell(phase: Phase) -> (Option<Status>, Vec<Inline>) {
    match phase {
        Phase::Date {
            date,
            days_left,
            reached,
            soon,
        } => (
            Some(phase_status(reached, soon)),
            dated(wording::relative(days_left), date),
        ),
        Phase::Bool(true) => (Some(Status::Ended), vec![text("Discontinued")]),
        Phase::Bool(false) => (Some(Status::Ok), vec![text("In Production")]),
        Phase::Absent | Phase::Null => unknown(Status::Unknown),
    }
}

fn latest_cell(release: &ReleaseView<'_>) -> (Option<Status>, Vec<Inline>) {
    let Some(latest) = &release.release.latest else {
        return unknown(Status::Unknown);
    };
    let mut content = vec![match &release.link {
        Some(href) => Inline::Link {
            href: href.clone(),
            text: latest.clone(),
        },
        None => text(latest.clone()),
    }];
    if let Some(date) = release.release.latest_release_date {
        content.extend([text(" ("), time(date), text(")")]);
    }
    (None, content)
}
