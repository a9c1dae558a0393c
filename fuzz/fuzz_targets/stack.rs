//! Any text as a stack description: `stack::parse` must return `Ok` or `Err`, never panic, and a
//! stack it returns must be checked (each entry's product file the same fuzzed text, or a
//! built-in product) and tabled, its summary worded, in English and in Polish and Arabic (plural
//! forms with few and many).

#![no_main]

use eol_table::core::date::Day;
use eol_table::core::stack::{self, Source};
use eol_table::core::wording::{Catalogued, English, Words};
use eol_table::core::{card, export};
use libfuzzer_sys::fuzz_target;

/// 2022-05-01, the day the 2022 fixtures were taken.
const DAY: i64 = 19_113;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Ok(description) = stack::parse(&text) else {
        return;
    };
    if stack::check_count(&description, text.len().max(1 << 20)).is_err() {
        return;
    }
    let polish = Catalogued::for_locale("pl");
    let arabic = Catalogued::for_locale("ar");
    let all: [&dyn Words; 3] = [&English, &polish, &arabic];
    for words in all {
        let checked = stack::check(
            &description,
            Day::from_number(DAY),
            &mut |entry| {
                entry
                    .src
                    .is_some()
                    .then(|| Source::Text(text.clone().into_owned()))
            },
            words,
        );
        let table = stack::table::build(&checked, words, card::ICON_BASE);
        let _ = export::table_csv(&table);
        let _ = export::table_markdown(&table);
        let _ = checked.summary.words(words);
    }
});
