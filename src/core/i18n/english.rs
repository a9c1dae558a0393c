//! The English source of every message: the site's own wording. Each translation
//! (`i18n/<tag>.json`) has exactly these ids, and no placeholder that the English text lacks.
//!
//! Adding a message: add its id and English text here (plural messages list `one` and `other`),
//! the same id to every `i18n/*.json` file, and call it through [`Words`](crate::core::wording::Words)
//! (`words.text(id)`, `words.format(id, &[...])`, `words.count(id, n, &[...])`). The README's
//! list of ids is checked against this table by `tests/node/readme.test.mjs`, and the
//! translations by `core::i18n`'s tests.

use super::Category::{One, Other};
use super::Source::{self, Plural, Text};

/// Every message id with its English text.
pub const ENGLISH: &[(&str, Source)] = &[
    // The writing direction of the language: `ltr` or `rtl` (set as the widget's `dir`).
    ("dir", Text("ltr")),
    // Default column headers (a header the product file sets stays as the file gives it).
    ("column.release", Text("Release")),
    ("column.releaseDate", Text("Released")),
    ("column.discontinued", Text("Discontinued")),
    ("column.eoas", Text("Active Support")),
    ("column.eol", Text("Security Support")),
    ("column.eoes", Text("Extended Support")),
    ("column.latest", Text("Latest")),
    // Cells.
    ("cell.yes", Text("Yes")),
    ("cell.no", Text("No")),
    ("cell.discontinued", Text("Discontinued")),
    ("cell.inProduction", Text("In Production")),
    ("cell.unknown", Text("Unknown")),
    ("cell.unavailable", Text("Unavailable")),
    ("cell.notApplicable", Text("N/A")),
    ("cell.lts", Text("({lts})")),
    // The title of the default LTS label (`LTSLabel` the product file sets stays as given).
    ("cell.ltsTitle", Text("Long Term Support")),
    ("cell.upcomingLts", Text("(Upcoming {lts})")),
    // Relative wording and dates where `Intl` does not word them (the CLI).
    ("time.today", Text("today")),
    ("time.tomorrow", Text("tomorrow")),
    ("time.yesterday", Text("yesterday")),
    ("time.future", Text("in {span}")),
    ("time.past", Text("{span} ago")),
    ("time.and", Text("{first} and {second}")),
    ("time.years", Plural(&[(One, "{count} year"), (Other, "{count} years")])),
    ("time.months", Plural(&[(One, "{count} month"), (Other, "{count} months")])),
    ("time.weeks", Plural(&[(One, "{count} week"), (Other, "{count} weeks")])),
    ("time.days", Plural(&[(One, "{count} day"), (Other, "{count} days")])),
    ("time.ends", Text("Ends {relative}")),
    ("time.ended", Text("Ended {relative}")),
    ("date.day", Text("{day} {month} {year}")),
    ("date.month", Text("{month} {year}")),
    ("month.1", Text("Jan")),
    ("month.2", Text("Feb")),
    ("month.3", Text("Mar")),
    ("month.4", Text("Apr")),
    ("month.5", Text("May")),
    ("month.6", Text("Jun")),
    ("month.7", Text("Jul")),
    ("month.8", Text("Aug")),
    ("month.9", Text("Sep")),
    ("month.10", Text("Oct")),
    ("month.11", Text("Nov")),
    ("month.12", Text("Dec")),
    // The toolbar.
    ("filter.label", Text("Show releases")),
    ("filter.all", Text("All")),
    ("filter.maintained", Text("Maintained")),
    ("filter.ended", Text("Ended")),
    ("search.label", Text("Search releases")),
    ("dates.exact", Text("Exact dates")),
    ("today.asOf", Text("As of {date}")),
    // The footer and the empty table.
    (
        "status.showing",
        Plural(&[
            (One, "Showing {shown} of {count} release"),
            (Other, "Showing {shown} of {count} releases"),
        ]),
    ),
    (
        "more.show",
        Plural(&[
            (One, "Show {count} more unmaintained release"),
            (Other, "Show {count} more unmaintained releases"),
        ]),
    ),
    (
        "more.hide",
        Plural(&[
            (One, "Hide {count} unmaintained release"),
            (Other, "Hide {count} unmaintained releases"),
        ]),
    ),
    ("empty.search", Text("No releases match \u{201c}{search}\u{201d}.")),
    ("empty.maintained", Text("No release is maintained any more.")),
    ("empty.ended", Text("No release has ended yet.")),
    ("empty.all", Text("This product lists no releases.")),
    // The card.
    ("card.tags", Text("Tags")),
    ("card.releaseImage", Text("{title} release schedule")),
    ("card.policy", Text("More information is available on the {link}.")),
    ("card.policyLink", Text("{title} website")),
    (
        "card.hint",
        Text("You should be running one of the supported release numbers listed above in the rightmost column."),
    ),
    ("card.command", Text("Check your current version with:")),
    ("card.copy", Text("Copy")),
    ("card.copyLabel", Text("Copy the version command")),
    ("card.copied", Text("Copied")),
    ("card.copyByHand", Text("Selected: press Ctrl+C (\u{2318}C) to copy")),
    ("card.downloads", Text("Downloads")),
    ("download.csv", Text("Download CSV")),
    ("download.calendar", Text("Add to calendar")),
    // The calendar file ("Add to calendar").
    ("calendar.eoas", Text("end of active support")),
    ("calendar.eol", Text("end of life")),
    ("calendar.eoes", Text("end of extended support")),
    ("calendar.monthOnly", Text("(only the month is known; shown on its last day)")),
    // The timeline.
    ("timeline.title", Text("{title} release timeline")),
    (
        "timeline.summary",
        Plural(&[
            (One, "{title}: {count} cycle from {from} to {to}"),
            (Other, "{title}: {count} cycles from {from} to {to}"),
        ]),
    ),
    (
        "timeline.summaryYear",
        Plural(&[
            (One, "{title}: {count} cycle in {year}"),
            (Other, "{title}: {count} cycles in {year}"),
        ]),
    ),
    ("timeline.noDates", Text("{title}: no cycle has a release date")),
    (
        "timeline.description",
        Text("Each bar runs from a cycle's release date to the end of its support. Green: supported, yellow: ends soon, red: ended."),
    ),
    ("timeline.phases", Text("From thick to thin: {phases}.")),
    ("timeline.todayLine", Text("The dashed line is today, {date}.")),
    ("timeline.today", Text("Today")),
    ("timeline.noEnd", Text("no end date")),
    ("timeline.undated", Text("Not drawn, no release date: {cycles}")),
    (
        "timeline.showingFirst",
        Plural(&[
            (One, "Showing the first {shown} of {count} cycle. "),
            (Other, "Showing the first {shown} of {count} cycles. "),
        ]),
    ),
    ("timeline.showAll", Text("Show all {count}")),
    ("legend.ok", Text("Supported")),
    ("legend.soon", Text("Ends soon")),
    ("legend.ended", Text("Ended")),
    ("legend.unknown", Text("Unknown")),
    ("legend.unavailable", Text("Unavailable")),
    // The version verdict and the badge.
    ("row.yourVersion", Text("your version")),
    ("verdict.notKnown", Text("{version} is not a known {product} release")),
    (
        "verdict.notKnownNearest",
        Text("{version} is not a known {product} release; the nearest are {nearest}"),
    ),
    ("verdict.supportedUntil", Text("{version} is supported until {date} \u{2014} {relative}")),
    ("verdict.endedOn", Text("{version} reached its end of life on {date} \u{2014} {relative}")),
    ("verdict.noLongerSupported", Text("{version} is no longer supported")),
    ("verdict.supported", Text("{version} is supported")),
    ("verdict.noDate", Text("no end-of-life date is known for {version}")),
    ("verdict.isLatest", Text("; it is the latest {cycle} release")),
    ("verdict.latestIs", Text("; latest in {cycle} is {latest}")),
    ("verdict.upgrade", Text("; upgrade to {cycle}")),
    ("short.unknownVersion", Text("unknown version")),
    ("short.unsupported", Text("unsupported")),
    ("short.supported", Text("supported")),
    ("short.noDate", Text("no date")),
    // The stack view (`renderStack`, `<eol-stack>`, `checkStack`, `eol-table stack`).
    ("stack.column.product", Text("Product")),
    ("stack.column.version", Text("Your version")),
    ("stack.column.cycle", Text("Cycle")),
    ("stack.column.status", Text("Status")),
    ("stack.column.eol", Text("End of life")),
    ("stack.column.latest", Text("Latest in cycle")),
    ("stack.column.upgrade", Text("Upgrade to")),
    ("stack.column.daysLeft", Text("Days left")),
    ("stack.search", Text("Search products")),
    ("stack.onLatest", Text(" \u{2014} yours")),
    ("stack.noUpgrade", Text("None needed")),
    ("stack.noTarget", Text("None available")),
    ("stack.calendar", Text("Stack")),
    (
        "stack.unknownProduct",
        Text("there is no product `{product}`: give its file as the entry's `src`, or in the sources"),
    ),
    ("stack.summary", Text("{products}: {states}")),
    ("stack.summary.none", Text("no products")),
    (
        "stack.summary.products",
        Plural(&[(One, "{count} product"), (Other, "{count} products")]),
    ),
    (
        "stack.summary.allSupported",
        Plural(&[(One, "supported"), (Other, "all supported")]),
    ),
    (
        "stack.summary.ended",
        Plural(&[(One, "{count} past end of life"), (Other, "{count} past end of life")]),
    ),
    (
        "stack.summary.soonWithin",
        Plural(&[
            (One, "{soon} ending within {count} day"),
            (Other, "{soon} ending within {count} days"),
        ]),
    ),
    (
        "stack.summary.soon",
        Plural(&[(One, "{count} ending soon"), (Other, "{count} ending soon")]),
    ),
    (
        "stack.summary.unknown",
        Plural(&[(One, "{count} unknown"), (Other, "{count} unknown")]),
    ),
    ("stack.summary.separator", Text(", ")),
    (
        "stack.showing",
        Plural(&[
            (One, "Showing {shown} of {count} product"),
            (Other, "Showing {shown} of {count} products"),
        ]),
    ),
    ("stack.empty.search", Text("No products match \u{201c}{search}\u{201d}.")),
    ("stack.empty.maintained", Text("No product is supported any more.")),
    ("stack.empty.ended", Text("No product has ended or is unknown.")),
    ("stack.empty.all", Text("This stack lists no products.")),
];
