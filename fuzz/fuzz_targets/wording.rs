//! Numbers and short strings: the duration wording for any day count, `Date::parse` and
//! `version::compare` on two (or three) strings. Never a panic; and, because the table sorts
//! with it (a comparator that is not a total order can make `sort_by` panic), `compare` must be
//! a total order: reflexive, antisymmetric and transitive on the strings given.

#![no_main]

use std::cmp::Ordering;

use eol_table::core::date::Date;
use eol_table::core::version::compare;
use eol_table::core::wording::{self, English, Words};
use libfuzzer_sys::fuzz_target;

fn word(bytes: &[u8], at: usize) -> [u8; 8] {
    let mut out = [0; 8];
    for (i, slot) in out.iter_mut().enumerate() {
        *slot = bytes.get(at + i).copied().unwrap_or(0);
    }
    out
}

fn date(text: &str) {
    if let Ok(date) = Date::parse(text) {
        let _ = (date.display(), English.date(date));
        let (first, last) = (date.first_day(), date.last_day());
        assert!(first <= last, "{text}: first day after last day");
        let _ = (first.date(), last.date());
        // The ISO form reads back as the same date.
        assert_eq!(
            Date::parse(&date.iso()),
            Ok(date),
            "{text}: iso() does not read back"
        );
    }
}

fuzz_target!(|data: &[u8]| {
    let signed = i64::from_le_bytes(word(data, 0));
    let unsigned = u64::from_le_bytes(word(data, 8));
    for days in [unsigned, signed.unsigned_abs()] {
        let _ = wording::span(days);
        let _ = wording::parts(days);
    }
    for days in [signed, unsigned as i64] {
        let _ = wording::relative(days);
        let _ = wording::ends(days);
        let _ = (English.relative(days), English.ends(days));
    }

    let text = String::from_utf8_lossy(data.get(16..).unwrap_or_default());
    let mut middle = text.len() / 2;
    while !text.is_char_boundary(middle) {
        middle -= 1;
    }
    let (a, b) = text.split_at(middle);
    date(&text);
    date(a);
    date(b);

    assert_eq!(compare(a, a), Ordering::Equal);
    let ab = compare(a, b);
    assert_eq!(
        ab,
        compare(b, a).reverse(),
        "compare({a:?}, {b:?}) is not antisymmetric"
    );
    assert_eq!(
        ab == Ordering::Equal,
        a == b,
        "compare({a:?}, {b:?}) equal but not the same text"
    );
    // Transitivity, on a third string cut from the second.
    let c = b.split_once(['.', '-', ' ']).map_or("", |(head, _)| head);
    let le = |x: &str, y: &str| compare(x, y) != Ordering::Greater;
    for (x, y, z) in [
        (a, b, c),
        (a, c, b),
        (b, a, c),
        (b, c, a),
        (c, a, b),
        (c, b, a),
    ] {
        if le(x, y) && le(y, z) {
            assert!(
                le(x, z),
                "compare is not transitive on {x:?} <= {y:?} <= {z:?}"
            );
        }
    }
    let mut items = [a, b, c, &text];
    items.sort_by(|x, y| compare(x, y));
});
