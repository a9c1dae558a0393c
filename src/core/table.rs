//! The table model: columns, rows and cells with their text, dates, links and statuses,
//! ready for any renderer (the DOM layer, or HTML on a server).

use super::date::Date;
use super::model::{headers, Display};
use super::status::{Lts, Phase};
use super::view::{ProductView, ReleaseView};
use super::wording::Words;

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
    /// A date with relative wording: `Ends in 3 months (01 Oct 2024)`. The phrase and the
    /// brackets can be hidden to show the date alone.
    Dated {
        /// The relative wording (`Ends in 3 months`).
        phrase: String,
        /// ISO form.
        datetime: String,
        /// Displayed form.
        text: String,
    },
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
    /// A small decorative image (a product's icon in a stack), whose `src` passed the URL
    /// allowlist; it has no text.
    Icon {
        /// The image's URL.
        src: String,
    },
    /// A button that opens more below the row (a stack row's product table), showing `text`.
    Toggle {
        /// The button's text.
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
    /// What it sorts by.
    pub sort: SortKey,
}

/// What a cell sorts by. Cells without a value sort last in both directions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SortKey {
    /// No value.
    Missing,
    /// A day number; end dates given as booleans sort before (reached) or after (not reached)
    /// every date.
    Number(i64),
    /// Text, compared version-aware (`1.9` before `1.13`).
    Text(String),
}

/// Sort position of a reached boolean end (`eol: true`): before every date.
const REACHED: i64 = i64::MIN / 4;
/// Sort position of a boolean end not reached (`eol: false`): after every date.
const NOT_REACHED: i64 = i64::MAX / 4;

impl Cell {
    /// The cell's text as a person reads it.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for inline in &self.content {
            match inline {
                Inline::Dated { phrase, text, .. } => {
                    out.push_str(phrase);
                    out.push_str(" (");
                    out.push_str(text);
                    out.push(')');
                }
                Inline::Text(text)
                | Inline::Time { text, .. }
                | Inline::Link { text, .. }
                | Inline::Abbr { text, .. }
                | Inline::Toggle { text } => out.push_str(text),
                Inline::Icon { .. } => {}
            }
        }
        out
    }

    /// How many characters [`Cell::text`] has, without building it.
    pub fn text_len(&self) -> usize {
        self.content
            .iter()
            .map(|inline| match inline {
                Inline::Dated { phrase, text, .. } => {
                    phrase.chars().count() + text.chars().count() + 3
                }
                Inline::Text(text)
                | Inline::Time { text, .. }
                | Inline::Link { text, .. }
                | Inline::Abbr { text, .. }
                | Inline::Toggle { text } => text.chars().count(),
                Inline::Icon { .. } => 0,
            })
            .sum()
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
    /// Whether the site's rule hides it behind "Show more unmaintained releases".
    pub can_hide: bool,
    /// Lower-case cycle, codename, label and latest version, for search.
    pub search: String,
    /// Cells, one per column, in column order.
    pub cells: Vec<Cell>,
    /// More attributes of the row's `tr` (a stack row's `data-product` and `data-status`).
    pub attributes: Vec<(&'static str, String)>,
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

/// Builds the support table of an evaluated product, worded by `words`.
pub fn build(view: &ProductView<'_>, words: &dyn Words) -> Table {
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
                    header: default_header(words, id, header),
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
    let mut rows: Vec<Row> = view
        .releases
        .iter()
        .map(|release| row(view, words, release, &columns))
        .collect();
    mark_hideable(&mut rows);
    Table {
        product: product.id.clone(),
        caption: product.title.clone(),
        columns: columns.into_iter().map(|(_, column)| column).collect(),
        rows,
    }
}

/// The header of built-in column `id`: a default header ("Security Support") in the reader's
/// language, a header the product file gives (`eolColumn: End of Support`) as given.
pub fn default_header(words: &dyn Words, id: &str, header: &str) -> String {
    let default = match id {
        "release" => headers::RELEASE,
        "releaseDate" => headers::RELEASE_DATE,
        "discontinued" => headers::DISCONTINUED,
        "eoas" => headers::EOAS,
        "eol" => headers::EOL,
        "eoes" => headers::EOES,
        "latest" => headers::LATEST,
        _ => return header.to_owned(),
    };
    if header == default {
        words.text(&["column.", id].concat()).to_owned()
    } else {
        header.to_owned()
    }
}

/// The site's rule (REFERENCE.md §3): with more than 6 cycles, every unmaintained cycle of the
/// trailing run except the newest of that run can be hidden, never the first, and only when at
/// least 3 would be.
fn mark_hideable(rows: &mut [Row]) {
    const MIN_CYCLES: usize = 6;
    const MIN_HIDDEN: usize = 3;
    if rows.len() <= MIN_CYCLES {
        return;
    }
    let run = rows.iter().rev().take_while(|row| !row.maintained).count();
    let first_hidden = (rows.len() - run + 1).max(1);
    let hidden = rows.len().saturating_sub(first_hidden);
    if hidden >= MIN_HIDDEN {
        rows.iter_mut()
            .skip(first_hidden)
            .for_each(|row| row.can_hide = true);
    }
}

fn row(
    view: &ProductView<'_>,
    words: &dyn Words,
    release: &ReleaseView<'_>,
    columns: &[(Kind, Column)],
) -> Row {
    let eol = release.life.eol.reached() == Some(true);
    let latest_shown = view.product.columns.latest.is_some();
    let cells = columns
        .iter()
        .map(|(kind, column)| {
            let r = release.release;
            let (status, content) = match *kind {
                Kind::Release => (None, release_cell(view, words, release, !latest_shown)),
                Kind::ReleaseDate => date_cell(view, words, r.release_date),
                Kind::Discontinued => phase_cell(words, release.life.discontinued, &DISCONTINUED),
                Kind::Eoas => phase_cell(words, release.life.eoas, &END),
                Kind::Eol => phase_cell(words, release.life.eol, &END),
                Kind::Eoes => phase_cell(words, release.life.eoes, &EXTENDED),
                Kind::Latest => latest_cell(words, release),
                Kind::Custom(name) => (
                    None,
                    vec![Inline::Text(custom_value(release, name).unwrap_or_else(
                        || words.text("cell.notApplicable").to_owned(),
                    ))],
                ),
            };
            let sort = match *kind {
                Kind::Release => SortKey::Text(r.cycle.clone()),
                Kind::ReleaseDate => r.release_date.map_or(SortKey::Missing, |d| {
                    SortKey::Number(d.first_day().number())
                }),
                Kind::Discontinued => phase_key(release.life.discontinued),
                Kind::Eoas => phase_key(release.life.eoas),
                Kind::Eol => phase_key(release.life.eol),
                Kind::Eoes => phase_key(release.life.eoes),
                Kind::Latest => r.latest.clone().map_or(SortKey::Missing, SortKey::Text),
                Kind::Custom(name) => {
                    custom_value(release, name).map_or(SortKey::Missing, SortKey::Text)
                }
            };
            Cell {
                column: column.id.clone(),
                status,
                struck: eol
                    && matches!(kind, Kind::Release | Kind::Latest)
                    && status != Some(Status::Unknown),
                content,
                sort,
            }
        })
        .collect();
    let r = release.release;
    let search = [
        Some(r.cycle.as_str()),
        r.codename.as_deref(),
        Some(release.label.as_str()),
        r.latest.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join("\n");
    let search = search.to_lowercase();
    Row {
        cycle: r.cycle.clone(),
        maintained: release.life.maintained,
        eol,
        lts: release.life.lts.is_lts(),
        can_hide: false,
        search,
        cells,
        attributes: Vec::new(),
    }
}

fn custom_value(release: &ReleaseView<'_>, name: &str) -> Option<String> {
    release
        .release
        .field(name)
        .and_then(|value| value.as_text())
}

pub(crate) fn phase_key(phase: Phase) -> SortKey {
    match phase {
        Phase::Date { date, .. } => SortKey::Number(date.last_day().number()),
        Phase::Bool(true) => SortKey::Number(REACHED),
        Phase::Bool(false) => SortKey::Number(NOT_REACHED),
        Phase::Absent | Phase::Null => SortKey::Missing,
    }
}

fn text(text: impl Into<String>) -> Inline {
    Inline::Text(text.into())
}

fn time(words: &dyn Words, date: Date) -> Inline {
    Inline::Time {
        datetime: date.iso(),
        text: words.date(date),
    }
}

/// `phrase (date)`.
fn dated(words: &dyn Words, phrase: String, date: Date) -> Vec<Inline> {
    vec![Inline::Dated {
        phrase,
        datetime: date.iso(),
        text: words.date(date),
    }]
}

fn release_cell(
    view: &ProductView<'_>,
    words: &dyn Words,
    release: &ReleaseView<'_>,
    linked: bool,
) -> Vec<Inline> {
    let mut content = vec![match (&release.link, linked) {
        (Some(href), true) => Inline::Link {
            href: href.clone(),
            text: release.label.clone(),
        },
        _ => text(release.label.clone()),
    }];
    let lts = &view.lts_label;
    // The default label's expansion is ours to translate; a label the file sets is data.
    let default = view.product.lts_label == super::parse::DEFAULT_LTS_LABEL;
    let mark = match &lts.title {
        Some(_) if default => Inline::Abbr {
            title: words.text("cell.ltsTitle").to_owned(),
            text: lts.text.clone(),
        },
        Some(title) => Inline::Abbr {
            title: title.clone(),
            text: lts.text.clone(),
        },
        None => text(lts.text.clone()),
    };
    let id = match release.life.lts {
        Lts::Yes | Lts::Since(_) => "cell.lts",
        Lts::Upcoming(_) => "cell.upcomingLts",
        Lts::No => return content,
    };
    // " (LTS)", " (Upcoming LTS)": the mark keeps its own element inside the words.
    let (before, after) = words.messages().around(id, "lts", &[]);
    content.extend([text([" ", &before].concat()), mark]);
    if !after.is_empty() {
        content.push(text(after));
    }
    content
}

pub(crate) fn unknown(words: &dyn Words, status: Status) -> (Option<Status>, Vec<Inline>) {
    let id = if status == Status::Unavailable {
        "cell.unavailable"
    } else {
        "cell.unknown"
    };
    (Some(status), vec![text(words.text(id))])
}

fn date_cell(
    view: &ProductView<'_>,
    words: &dyn Words,
    date: Option<Date>,
) -> (Option<Status>, Vec<Inline>) {
    match date {
        Some(date) => {
            let days = view.today.days_until(date.first_day());
            (None, dated(words, words.relative(days), date))
        }
        None => unknown(words, Status::Unknown),
    }
}

/// The colour of a dated phase: ended, ends soon, or not reached.
pub(crate) fn phase_status(reached: bool, soon: bool) -> Status {
    if reached {
        Status::Ended
    } else if soon {
        Status::Soon
    } else {
        Status::Ok
    }
}

/// How a phase cell words its value.
pub(crate) struct PhaseWords {
    /// The phrase for a date `days` away: "Ends in 3 months" or "in 3 months".
    phrase: fn(&dyn Words, i64) -> String,
    /// The message ids of `true` (reached) and `false`.
    reached: &'static str,
    not_reached: &'static str,
    /// What shows without a value.
    missing: Status,
}

/// End of active support, end of life: "Ends in 3 months (...)", Yes / No.
pub(crate) const END: PhaseWords = PhaseWords {
    phrase: |words, days| words.ends(days),
    reached: "cell.no",
    not_reached: "cell.yes",
    missing: Status::Unknown,
};

/// End of extended support: as END, but grey "Unavailable" without a value.
const EXTENDED: PhaseWords = PhaseWords {
    missing: Status::Unavailable,
    ..END
};

/// Discontinued: "2 years ago (...)", Discontinued / In Production.
const DISCONTINUED: PhaseWords = PhaseWords {
    phrase: |words, days| words.relative(days),
    reached: "cell.discontinued",
    not_reached: "cell.inProduction",
    missing: Status::Unknown,
};

pub(crate) fn phase_cell(
    words: &dyn Words,
    phase: Phase,
    how: &PhaseWords,
) -> (Option<Status>, Vec<Inline>) {
    match phase {
        Phase::Date {
            date,
            days_left,
            reached,
            soon,
        } => (
            Some(phase_status(reached, soon)),
            dated(words, (how.phrase)(words, days_left), date),
        ),
        Phase::Bool(true) => (Some(Status::Ended), vec![text(words.text(how.reached))]),
        Phase::Bool(false) => (Some(Status::Ok), vec![text(words.text(how.not_reached))]),
        Phase::Absent | Phase::Null => unknown(words, how.missing),
    }
}

pub(crate) fn latest_cell(
    words: &dyn Words,
    release: &ReleaseView<'_>,
) -> (Option<Status>, Vec<Inline>) {
    let Some(latest) = &release.release.latest else {
        return unknown(words, Status::Unknown);
    };
    let mut content = vec![match &release.link {
        Some(href) => Inline::Link {
            href: href.clone(),
            text: latest.clone(),
        },
        None => text(latest.clone()),
    }];
    if let Some(date) = release.release.latest_release_date {
        content.extend([text(" ("), time(words, date), text(")")]);
    }
    (None, content)
}
