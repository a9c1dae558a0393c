//! The whole path the widget takes, with the reader's choices from the input: read the source,
//! evaluate it on a day, build the table, arrange it (sort column, direction, filter, search,
//! "show all"), the API shape, the HTML, a version lookup and its badge. Never a panic.
//!
//! Input: 8 control bytes, then text: the source, then after a NUL the search text, then after
//! another NUL the version to look up.
//!   byte 0: bit 0 picks the day's range (0: 2022-05-01 ± 89 years from bytes 1-2; 1: any day
//!           from 0001-01-01 to 9999-12-31 from bytes 1-4); bits 1-2: format (auto, markdown,
//!           api-v1, api-v0)
//!   byte 5: sort column index (0: the file's order; past the last column: an unknown column)
//!   byte 6: bit 0 direction, bits 1-2 filter, bit 3 show all, bit 4 badge style

#![no_main]

use eol_table::core::arrange::{self, Direction, Filter, State};
use eol_table::core::badge::{self, Style};
use eol_table::core::date::Day;
use eol_table::core::input::{self, Format};
use eol_table::core::wording::English;
use eol_table::core::{api, html, lookup, table, view};
use libfuzzer_sys::fuzz_target;

/// 2022-05-01.
const BASE_DAY: i64 = 19_113;
/// 0001-01-01 and 9999-12-31: the days a `Date` can name.
const FIRST_DAY: i64 = -719_162;
const LAST_DAY: i64 = 2_932_896;

fuzz_target!(|data: &[u8]| {
    let Some((control, rest)) = data.split_first_chunk::<8>() else {
        return;
    };
    let day = if control[0] & 1 == 0 {
        BASE_DAY + i64::from(i16::from_le_bytes([control[1], control[2]]))
    } else {
        let n = u32::from_le_bytes([control[1], control[2], control[3], control[4]]);
        FIRST_DAY + i64::from(n) % (LAST_DAY - FIRST_DAY + 1)
    };
    let format = [Format::Auto, Format::Markdown, Format::ApiV1, Format::ApiV0]
        [usize::from((control[0] >> 1) & 3)];

    let text = String::from_utf8_lossy(rest);
    let mut parts = text.splitn(3, '\0');
    let source = parts.next().unwrap_or_default();
    let search = parts.next().unwrap_or_default();
    let version = parts.next().unwrap_or_default();

    let Ok(product) = input::read(source, format) else {
        return;
    };
    let view = view::evaluate(&product, Day::from_number(day));
    let table = table::build(&view, &English);

    let column = usize::from(control[5]);
    let sort = match column {
        0 => None,
        n => Some(
            table
                .columns
                .get(n - 1)
                .map_or_else(|| search.to_owned(), |c| c.id.clone()),
        ),
    };
    let direction = if control[6] & 1 == 0 {
        Direction::Ascending
    } else {
        Direction::Descending
    };
    let state = State {
        sort: sort.map(|id| (id, direction)),
        filter: [Filter::All, Filter::Maintained, Filter::Ended, Filter::All]
            [usize::from((control[6] >> 1) & 3)],
        search: search.to_owned(),
        show_all: control[6] & 8 != 0,
    };
    let arrangement = arrange::arrange(&table, &state);
    // The widget moves rows by these indexes: each a row, none twice.
    let mut seen = vec![false; table.rows.len()];
    for &index in &arrangement.visible {
        assert!(index < seen.len(), "visible row {index} of {}", seen.len());
        assert!(!seen[index], "row {index} visible twice");
        seen[index] = true;
    }
    assert!(arrangement.hidden_old <= arrangement.hideable);

    let _ = api::build(&view);
    let _ = html::table(&table);
    for &index in &arrangement.visible {
        let _ = html::row(&table.rows[index], &table);
    }

    let check = lookup::check(&view, version);
    let style = if control[6] & 16 == 0 {
        Style::Flat
    } else {
        Style::FlatSquare
    };
    let _ = badge::label(&check);
    let _ = badge::svg(&check, style);
});
