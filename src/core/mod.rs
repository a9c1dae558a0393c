//! The pure core: reads product files and builds the support table, with no browser in sight.
//!
//! `parse` → [`model::Product`] → `view::evaluate` (statuses on a day) → `table::build` (the
//! table model), `api::build` (the API v1 JSON shape) or `export` (CSV, Markdown, JSON and
//! iCalendar text). What the widget shows is one element tree ([`markup`]) that [`widget`],
//! [`markdown`], `timeline` and `badge` describe; the DOM layer builds it and [`html`] writes it
//! out.

pub mod api;
mod api_json;
pub mod arrange;
#[cfg(feature = "badge")]
pub mod badge;
pub mod card;
pub mod date;
pub mod error;
#[cfg(feature = "export")]
pub mod export;
pub mod frontmatter;
pub mod html;
pub mod i18n;
pub mod input;
pub mod lookup;
pub mod markdown;
pub mod markup;
pub mod model;
pub mod parse;
pub mod products;
pub mod settings;
pub(crate) mod slice;
pub mod stack;
pub mod status;
pub mod table;
pub mod template;
#[cfg(feature = "timeline")]
pub mod timeline;
pub mod url;
pub mod version;
pub mod view;
pub mod widget;
pub mod window;
pub mod wording;
mod yaml;

use date::{Date, Day};
use error::Error;

/// The default largest input, in bytes: real product files are under 100 KB.
pub const DEFAULT_MAX_INPUT_BYTES: usize = 4 * 1024 * 1024;

/// Checks an input's size against `limit` before any parsing work.
pub fn check_size(len: usize, limit: usize) -> Result<(), Error> {
    if len <= limit {
        return Ok(());
    }
    let (mut input, mut most) = (size(len), size(limit));
    if input == most {
        // 1,000,001 B and 1,000,000 B both read "976.6 KiB": say the exact counts instead
        (input, most) = (bytes(len), bytes(limit));
    }
    Err(Error::content(
        format!(
            "the input is {input}, more than the {most} limit (the `maxInputBytes` option raises it)"
        ),
        None,
    ))
}

/// A byte count as a person reads it: `120 B`, `3.5 KiB`, `4.0 MiB`.
fn size(len: usize) -> String {
    const KIB: usize = 1024;
    const MIB: usize = 1024 * 1024;
    match len {
        0..KIB => format!("{len} B"),
        KIB..MIB => format!("{:.1} KiB", len as f64 / KIB as f64),
        _ => format!("{:.1} MiB", len as f64 / MIB as f64),
    }
}

/// A byte count with thousands separators: `1,000,001 B`.
fn bytes(len: usize) -> String {
    let digits = len.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3 + 2);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped + " B"
}

/// Decodes a file's bytes as UTF-8, saying where the first bad byte is.
pub fn decode(bytes: Vec<u8>) -> Result<String, Error> {
    String::from_utf8(bytes).map_err(|err| {
        let valid = err.utf8_error().valid_up_to();
        let bytes = err.as_bytes();
        let before = bytes.get(..valid).unwrap_or(bytes);
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(before.get(line_start..).unwrap_or(&[])).chars().count() + 1;
        let byte = bytes.get(valid).copied().unwrap_or(0);
        Error::content(
            format!("the file is not UTF-8 text: byte 0x{byte:02X} cannot start a character (save the file as UTF-8)"),
            Some(error::Location { line, column }),
        )
    })
}

/// Reads the `today` option: a full date, `YYYY-MM-DD`.
pub fn parse_today(text: &str) -> Result<Day, Error> {
    match Date::parse(text) {
        Ok(date) if !date.is_month() && text.trim().len() <= 10 => Ok(date.first_day()),
        _ => Err(Error::option(format!(
            "the option `today` must be a date written YYYY-MM-DD, found {text:?}"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_that_are_not_utf8_are_located() {
        let err = decode(b"title: a\nreleases: \xff\n".to_vec()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "line 2, column 11: the file is not UTF-8 text: byte 0xFF cannot start a character (save the file as UTF-8)"
        );
        assert_eq!(
            decode("title: \u{e9}".as_bytes().to_vec()).unwrap(),
            "title: \u{e9}"
        );
    }

    #[test]
    fn inputs_over_the_limit_fail_before_parsing() {
        assert!(check_size(10, 10).is_ok());
        assert_eq!(
            check_size(5 * 1024 * 1024, DEFAULT_MAX_INPUT_BYTES).unwrap_err().to_string(),
            "the input is 5.0 MiB, more than the 4.0 MiB limit (the `maxInputBytes` option raises it)"
        );
    }

    #[track_caller]
    fn size_error(len: usize, limit: usize, expected: &str) {
        assert_eq!(
            check_size(len, limit).unwrap_err().to_string(),
            format!("the input is {expected} (the `maxInputBytes` option raises it)")
        );
    }

    #[test]
    fn size_errors_speak_in_bytes_kib_or_mib_as_fits() {
        size_error(120, 100, "120 B, more than the 100 B limit");
        size_error(1023, 0, "1023 B, more than the 0 B limit");
        size_error(1024, 1000, "1.0 KiB, more than the 1000 B limit");
        size_error(3 * 1024 + 512, 2048, "3.5 KiB, more than the 2.0 KiB limit");
        size_error(2 * 1024 * 1024, 1000, "2.0 MiB, more than the 1000 B limit");
        size_error(
            (4.25 * 1024.0 * 1024.0) as usize,
            DEFAULT_MAX_INPUT_BYTES,
            "4.2 MiB, more than the 4.0 MiB limit",
        );
    }

    #[test]
    fn sizes_that_round_alike_are_given_exactly() {
        size_error(
            1_000_001,
            1_000_000,
            "1,000,001 B, more than the 1,000,000 B limit",
        );
        size_error(
            4 * 1024 * 1024 + 1,
            DEFAULT_MAX_INPUT_BYTES,
            "4,194,305 B, more than the 4,194,304 B limit",
        );
    }
}
