//! Every English word the stack view, `checkStack` and `eol-table stack` show, in one place (for
//! the translated message catalogue).

use crate::core::lookup::Standing;

/// Column headers of the stack table, by column id, in column order.
pub const COLUMNS: [(&str, &str); 8] = [
    ("product", "Product"),
    ("version", "Your version"),
    ("cycle", "Cycle"),
    ("status", "Status"),
    ("eol", "End of life"),
    ("latest", "Latest in cycle"),
    ("upgrade", "Upgrade to"),
    ("daysLeft", "Days left"),
];

/// The placeholder and accessible name of the search box.
pub const SEARCH: &str = "Search products";

/// After the latest version of a cycle when it is the version in use.
pub const ON_LATEST: &str = " \u{2014} yours";

/// The upgrade cell when the version is on the newest supported cycle.
pub const NO_UPGRADE: &str = "None needed";

/// The upgrade cell when nothing newer is supported.
pub const NO_TARGET: &str = "None available";

/// The status cell's word.
pub fn status(standing: Standing) -> &'static str {
    match standing {
        Standing::Ok => "Supported",
        Standing::Soon => "Ends soon",
        Standing::Ended => "Ended",
        Standing::Unknown => "Unknown",
    }
}

/// Why an entry names no product that can be found.
pub fn unknown_product(id: &str) -> String {
    format!("there is no product `{id}`: give its file as the entry's `src`, or in the sources")
}

/// Why an entry's product file could not be read.
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
    total: usize,
    ended: usize,
    soon: usize,
    soonest: Option<i64>,
    unknown: usize,
) -> String {
    let noun = if total == 1 { "product" } else { "products" };
    let mut parts = Vec::new();
    if ended > 0 {
        parts.push(format!("{ended} past end of life"));
    }
    if soon > 0 {
        match soonest {
            Some(days) => {
                let unit = if days == 1 { "day" } else { "days" };
                parts.push(format!("{soon} ending within {days} {unit}"));
            }
            None => parts.push(format!("{soon} ending soon")),
        }
    }
    if unknown > 0 {
        parts.push(format!("{unknown} unknown"));
    }
    if total == 0 {
        return "no products".to_owned();
    }
    if parts.is_empty() {
        let all = if total == 1 {
            "supported"
        } else {
            "all supported"
        };
        return format!("{total} {noun}: {all}");
    }
    format!("{total} {noun}: {}", parts.join(", "))
}

/// The live region under the table: "Showing 3 of 5 products".
pub fn showing(visible: usize, total: usize) -> String {
    let noun = if total == 1 { "product" } else { "products" };
    format!("Showing {visible} of {total} {noun}")
}

/// The row shown when a search matches nothing.
pub fn no_match(search: &str) -> String {
    format!("No products match \u{201c}{search}\u{201d}.")
}

/// The row shown when the "Maintained" filter leaves nothing.
pub const NONE_MAINTAINED: &str = "No product is supported any more.";
/// The row shown when the "Ended" filter leaves nothing.
pub const NONE_ENDED: &str = "No product has ended or is unknown.";
/// The row shown for a stack without entries.
pub const EMPTY: &str = "This stack lists no products.";

/// The CLI's stack command: its usage line.
pub const CLI_USAGE: &str = "eol-table stack STACK_FILE [--products DIR] [--today YYYY-MM-DD] [--fail-on ended|soon] [--format table|md|csv|json|ics]";

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

/// The calendar's name when the stack has no title.
pub const CALENDAR: &str = "Stack";
