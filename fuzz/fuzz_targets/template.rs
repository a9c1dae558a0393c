//! Link and label templates: the input is a template, then the values of one release, each after
//! a NUL byte (cycle, codename, release date, latest, latest release date, the two short hands).
//! `render` must return `Ok` or `Err`, never panic. It runs twice on one small budget, so that
//! running out of budget is reached at any point of an evaluation.

#![no_main]

use eol_table::core::date::Date;
use eol_table::core::template::{self, Budget, Vars};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut parts = text.split('\0');
    let template = parts.next().unwrap_or_default();
    let mut next = || parts.next().filter(|part| !part.is_empty());
    let cycle = next().unwrap_or_default();
    let codename = next();
    let release_date = next().and_then(|d| Date::parse(d).ok());
    let latest = next();
    let latest_release_date = next().and_then(|d| Date::parse(d).ok());
    let cycle_short_hand = next();
    let latest_short_hand = next();
    let vars = Vars {
        cycle,
        codename,
        release_date,
        latest,
        latest_release_date,
        cycle_short_hand,
        latest_short_hand,
    };
    let mut budget = Budget::new(200_000);
    for _ in 0..2 {
        let _ = template::render_with_budget(template, &vars, &mut budget);
    }
});
