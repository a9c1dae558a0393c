//! The stack table model: one row per entry, in the same [`Table`] the support table uses, so
//! the widget sorts, filters, searches and words it with the same code, and its status and end
//! date cells are the support table's own.

use crate::core::card;
use crate::core::lookup::{self, Standing};
use crate::core::table::{self, Cell, Column, Inline, Row, SortKey, Status, Table};
use crate::core::view;
use crate::core::wording::Words;

use super::{messages, Checked, Outcome};

/// The support table's colour of a verdict.
pub fn status_of(standing: Standing) -> Status {
    match standing {
        Standing::Ok => Status::Ok,
        Standing::Soon => Status::Soon,
        Standing::Ended => Status::Ended,
        Standing::Unknown => Status::Unknown,
    }
}

/// The stack's table, worded by `words`, with product icons from `icon_base`. Rows are in the
/// checked order (most urgent first); the product cell of a readable product is a button that
/// opens its support table.
pub fn build(checked: &Checked, words: &dyn Words, icon_base: &str) -> Table {
    let columns = messages::COLUMNS
        .iter()
        .map(|(id, header)| Column {
            id: (*id).to_owned(),
            header: words.text(header).to_owned(),
            description: None,
        })
        .collect();
    // Each product is evaluated once, however many entries name it.
    let views: Vec<view::ProductView<'_>> = checked
        .products
        .iter()
        .map(|p| view::evaluate(p, checked.today))
        .collect();
    let rows = checked
        .outcomes
        .iter()
        .map(|outcome| row(&views, outcome, words, icon_base))
        .collect();
    Table {
        product: "stack".to_owned(),
        caption: checked.title.clone().unwrap_or_default(),
        columns,
        rows,
    }
}

fn cell(column: &str, status: Option<Status>, content: Vec<Inline>, sort: SortKey) -> Cell {
    Cell {
        column: column.to_owned(),
        status,
        struck: false,
        content,
        sort,
    }
}

fn text(text: impl Into<String>) -> Inline {
    Inline::Text(text.into())
}

fn unknown(words: &dyn Words, column: &str) -> Cell {
    let (status, content) = table::unknown(words, Status::Unknown);
    cell(column, status, content, SortKey::Missing)
}

fn row(
    views: &[view::ProductView<'_>],
    outcome: &Outcome,
    words: &dyn Words,
    icon_base: &str,
) -> Row {
    let result = &outcome.result;
    let check = &result.check;
    let view = outcome.product.and_then(|i| views.get(i));
    let release = view
        .filter(|_| check.found)
        .and_then(|v| lookup::find(v, &check.version));

    let mut name = Vec::new();
    match view {
        Some(view) => {
            if let Some(src) = card::build(view, icon_base).icon {
                name.push(Inline::Icon { src });
            }
            name.push(Inline::Toggle {
                text: result.title.clone(),
            });
        }
        None => name.push(text(result.title.clone())),
    }
    if let Some(label) = &result.entry_label {
        name.push(text([" (", label, ")"].concat()));
    }
    let product_cell = cell("product", None, name, SortKey::Text(result.title.clone()));

    let version = cell(
        "version",
        None,
        vec![text(check.version.clone())],
        SortKey::Text(check.version.clone()),
    );

    let cycle = match (&check.cycle, &check.label) {
        (Some(cycle), label) => cell(
            "cycle",
            None,
            vec![text(label.clone().unwrap_or_else(|| cycle.clone()))],
            SortKey::Text(cycle.clone()),
        ),
        (None, _) => unknown(words, "cycle"),
    };

    let standing = check.status;
    let mut status_text = words.text(messages::status(standing)).to_owned();
    if let Some(reason) = &result.reason {
        status_text = [status_text.as_str(), ": ", reason].concat();
    }
    let status = cell(
        "status",
        Some(status_of(standing)),
        vec![text(status_text)],
        SortKey::Number(i64::from(rank(standing))),
    );

    let (eol, latest) = match release {
        Some(release) => {
            let (status, content) = table::phase_cell(words, release.life.eol, &table::END);
            let eol = cell("eol", status, content, table::phase_key(release.life.eol));
            let (status, mut content) = table::latest_cell(words, release);
            if check.is_latest {
                content.push(text(words.text(messages::ON_LATEST)));
            }
            let latest = cell(
                "latest",
                status,
                content,
                release
                    .release
                    .latest
                    .clone()
                    .map_or(SortKey::Missing, SortKey::Text),
            );
            (eol, latest)
        }
        None => (unknown(words, "eol"), unknown(words, "latest")),
    };

    let target = check.upgrade_lts.as_ref().or(check.upgrade.as_ref());
    let upgrade = match target {
        Some(to) => {
            let mut shown = to.cycle.clone();
            if let Some(latest) = &to.latest {
                shown = [shown.as_str(), " (", latest, ")"].concat();
            }
            cell(
                "upgrade",
                None,
                vec![text(shown)],
                SortKey::Text(to.cycle.clone()),
            )
        }
        None if check.found => {
            let word = if check.is_maintained {
                messages::NO_UPGRADE
            } else {
                messages::NO_TARGET
            };
            cell(
                "upgrade",
                None,
                vec![text(words.text(word))],
                SortKey::Missing,
            )
        }
        None => unknown(words, "upgrade"),
    };

    let days = match check.days_left {
        Some(days) => cell(
            "daysLeft",
            None,
            vec![text(days.to_string())],
            SortKey::Number(days),
        ),
        None => unknown(words, "daysLeft"),
    };

    let search = [
        Some(result.id.as_str()),
        Some(result.title.as_str()),
        result.entry_label.as_deref(),
        Some(check.version.as_str()),
        check.cycle.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join("\n")
    .to_lowercase();
    let mut attributes = vec![
        ("data-product", result.id.clone()),
        ("data-status", standing.as_str().to_owned()),
    ];
    if let Some(problem) = result.problem {
        attributes.push(("data-problem", problem.as_str().to_owned()));
    }
    Row {
        cycle: check.cycle.clone().unwrap_or_default(),
        maintained: check.is_maintained,
        eol: standing == Standing::Ended,
        lts: false,
        can_hide: false,
        search,
        cells: vec![
            product_cell,
            version,
            cycle,
            status,
            eol,
            latest,
            upgrade,
            days,
        ],
        attributes,
    }
}

/// The status column's sort order: ended, soon, unknown, ok.
fn rank(standing: Standing) -> u8 {
    match standing {
        Standing::Ended => 0,
        Standing::Soon => 1,
        Standing::Unknown => 2,
        Standing::Ok => 3,
    }
}
