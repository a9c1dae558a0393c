//! Any text as a source: `input::read` (format detected) must return `Ok` or `Err`, never panic,
//! and a product it returns must go through the view, the table, the API shape and the HTML.

#![no_main]

use eol_table::core::date::Day;
use eol_table::core::wording::English;
use eol_table::core::{api, html, input, parse, table, view};
use libfuzzer_sys::fuzz_target;

/// 2022-05-01, the day the 2022 fixtures were taken.
const DAY: i64 = 19_113;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(product) = input::read(&text, input::Format::Auto) {
        let view = view::evaluate(&product, Day::from_number(DAY));
        let table = table::build(&view, &English);
        let _ = api::build(&view);
        let _ = html::table(&table);
    }
    // JSON-looking input also as a product file (`format: "markdown"`): YAML flow style.
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    if trimmed.starts_with(['{', '[']) {
        let _ = parse::parse(&text);
    }
});
