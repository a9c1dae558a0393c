//! The stack view's words. What a reader sees (headers, statuses, the summary, why an entry
//! failed) is in the message catalogue under `stack.*` ids, worded by [`Words`]; what a
//! developer sees (errors in the stack file, the CLI's usage and verdict) stays English, as the
//! product file's errors do.

use crate::core::lookup::Standing;
use crate::core::wording::Words;

/// Column ids of the stack table with the message ids of their headers, in column order.
pub const COLUMNS: [(&str, &str); 8] = [
    ("product", "stack.column.product"),
    ("version", "stack.column.version"),
    ("cycle", "stack.column.cycle"),
    ("status", "stack.column.status"),
    ("eol", "stack.column.eol"),
    ("latest", "stack.column.latest"),
    ("upgrade", "stack.column.upgrade"),
    ("daysLeft", "stack.column.daysLeft"),
];

/// The message id of the search box's placeholder and accessible name.
pub const SEARCH: &str = "stack.search";

/// The message id of the words after the latest version of a cycle when it is the one in use.
pub const ON_LATEST: &str = "stack.onLatest";

/// The message id of the upgrade cell when the version is on the newest supported cycle.
pub const NO_UPGRADE: &str = "stack.noUpgrade";

/// The message id of the upgrade cell when nothing newer is supported.
pub const NO_TARGET: &str = "stack.noTarget";

/// The message id of the calendar's name when the stack has no title.
pub const CALENDAR: &str = "stack.calendar";

/// The message id of the status cell's word (the timeline legend's words).
pub fn status(standing: Standing) -> &'static str {
    match standing {
        Standing::Ok => "legend.ok",
        Standing::Soon => "legend.soon",
        Standing::Ended => "legend.ended",
        Standing::Unknown => "legend.unknown",
    }
}

/// Why an entry names no product that can be found.
pub fn unknown_product(words: &dyn Words, id: &str) -> String {
    words.format("stack.unknownProduct", &[("product", id)])
}

/// Why an entry's product file could not be read (the reader's message, in English).
pub fn bad_file(id: &str, error: &str) -> String {
    format!("the {id} file could not be read: {error}")
}

/// Why an entry's product file could not be loaded (the caller's message, e.g. an HTTP error).
pub fn load_failed(error: &str) -> String {
    error.to_owned()
}

/// Too many entries for the stack file's size.
pub fn too_many(count: usize, most: usize) -> String {
    format!("the stack lists {count} products, more than a file of its size may hold ({most}): split the stack")
}

/// A product id that cannot be one.
pub fn bad_id(id: &str) -> String {
    format!("`product` must be an endoflife.date product id (letters, digits, `.`, `-` and `_`), found {id:?}")
}

/// A blank version.
pub const BLANK_VERSION: &str = "`version` must not be blank";

/// The summary: "3 products: 1 past end of life, 1 ending within 60 days, 1 unknown".
pub fn summary(
    words: &dyn Words,
    total: usize,
    ended: usize,
    soon: usize,
    soonest: Option<i64>,
    unknown: usize,
) -> String {
    if total == 0 {
        return words.text("stack.summary.none").to_owned();
    }
    let count = |n: usize| u64::try_from(n).unwrap_or(u64::MAX);
    let mut parts = Vec::new();
    if ended > 0 {
        parts.push(words.count("stack.summary.ended", count(ended), &[]));
    }
    if soon > 0 {
        let soon_count = soon.to_string();
        parts.push(match soonest {
            Some(days) => words.count(
                "stack.summary.soonWithin",
                days.unsigned_abs(),
                &[("soon", &soon_count)],
            ),
            None => words.count("stack.summary.soon", count(soon), &[]),
        });
    }
    if unknown > 0 {
        parts.push(words.count("stack.summary.unknown", count(unknown), &[]));
    }
    let products = words.count("stack.summary.products", count(total), &[]);
    let states = if parts.is_empty() {
        words.count("stack.summary.allSupported", count(total), &[])
    } else {
        parts.join(words.text("stack.summary.separator"))
    };
    words.format(
        "stack.summary",
        &[("products", &products), ("states", &states)],
    )
}

/// The CLI's stack command: its usage line.
pub const CLI_USAGE: &str = "eol-table stack STACK_FILE [--products DIR] [--today YYYY-MM-DD] [--fail-on ended|soon] [--format table|md|csv|json|ics] [--locale TAG]";

/// The CLI's last line when entries fail the `--fail-on` rule.
pub fn cli_failing(count: usize, rule: &str) -> String {
    let what = match (count == 1, rule == "soon") {
        (true, true) => "entry has ended or ends soon",
        (false, true) => "entries have ended or end soon",
        (true, false) => "entry has ended",
        (false, false) => "entries have ended",
    };
    format!("{count} {what} (--fail-on {rule})")
}
