//! The end dates as an iCalendar file (RFC 5545).

use std::collections::HashMap;

use crate::core::date::{Date, Day};
use crate::core::table::default_header;
use crate::core::view::ProductView;
use crate::core::wording::{English, Words};

/// The end dates as an iCalendar file (RFC 5545): one all-day event on each end of active
/// support, end of life and end of extended support that is a date and whose column the product
/// shows. A month-only date falls on the month's last day, the day the site counts it ended.
///
/// Each event's `UID` is made of the product id, the release cycle and the milestone
/// ([`uid_part_into`]), so a calendar that subscribes to the file updates its events instead of
/// adding new ones; `DTSTAMP` is `today` at midnight UTC, so the same input and day always give
/// the same file.
pub fn to_icalendar(view: &ProductView<'_>) -> String {
    to_icalendar_in(view, &English)
}

/// [`to_icalendar`] with the events' words (`end of life`, the default headers) in the
/// language of `words`.
pub fn to_icalendar_in(view: &ProductView<'_>, words: &dyn Words) -> String {
    calendar(&view.product.title, view.today, &[(view, None)], words)
}

/// One iCalendar file named `name` with the end dates of several products: each part is an
/// evaluated product and, when given, the one release cycle of it to include (a stack's entry).
/// Events are those [`to_icalendar`] writes, with the same UIDs, in the language of `words`.
pub fn calendar(
    name: &str,
    today: Day,
    parts: &[(&ProductView<'_>, Option<&str>)],
    words: &dyn Words,
) -> String {
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//eol-table//eol-table//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        content_line_into(&mut out, line);
    }
    text_line_into(&mut out, "X-WR-CALNAME:", name);
    let mut stamp = String::from("DTSTAMP:");
    date_into(&mut stamp, today.date());
    stamp.push_str("T000000Z");
    for (view, only) in parts {
        events_into(&mut out, &stamp, view, *only, words);
    }
    content_line_into(&mut out, "END:VCALENDAR");
    out
}

/// The events of `view`'s releases (only cycle `only` when given).
fn events_into(
    out: &mut String,
    stamp: &str,
    view: &ProductView<'_>,
    only: Option<&str>,
    words: &dyn Words,
) {
    let product = view.product;
    let columns = &product.columns;
    // A cycle a file lists more than once: its later rows get UIDs of their own.
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for release in &view.releases {
        if only.is_some_and(|cycle| cycle != release.release.cycle) {
            continue;
        }
        let life = &release.life;
        let repeat = {
            let count = seen.entry(release.release.cycle.as_str()).or_insert(0);
            *count += 1;
            *count - 1
        };
        let milestones = [
            ("eoas", "calendar.eoas", &columns.eoas, life.eoas),
            ("eol", "calendar.eol", &columns.eol, life.eol),
            ("eoes", "calendar.eoes", &columns.eoes, life.eoes),
        ];
        let name = if release.label.starts_with(&product.title) {
            release.label.clone()
        } else {
            [product.title.as_str(), " ", &release.label].concat()
        };
        let link = release.link.as_ref().filter(|link| {
            let lower = link.to_ascii_lowercase();
            lower.starts_with("https://") || lower.starts_with("http://")
        });
        for (id, what, header, phase) in milestones {
            let (Some(header), Some(date)) = (header, phase.from()) else {
                continue;
            };
            let (what, header) = (words.text(what), default_header(words, id, header));
            let day = date.last_day();
            content_line_into(out, "BEGIN:VEVENT");
            let mut uid = String::from("UID:");
            uid_part_into(&mut uid, &product.id);
            uid.push('-');
            uid_part_into(&mut uid, &release.release.cycle);
            if repeat > 0 {
                uid.push('-');
                uid.push_str(&(repeat + 1).to_string());
            }
            for part in ["-", id, "@eol-table"] {
                uid.push_str(part);
            }
            content_line_into(out, &uid);
            content_line_into(out, stamp);
            let mut start = String::from("DTSTART;VALUE=DATE:");
            date_into(&mut start, day.date());
            content_line_into(out, &start);
            let next = Day::from_number(day.number() + 1).date();
            // No DTEND after 9999-12-31: an all-day event without one lasts the day (RFC 5545).
            if next.year() <= 9999 {
                let mut end = String::from("DTEND;VALUE=DATE:");
                date_into(&mut end, next);
                content_line_into(out, &end);
            }
            text_line_into(out, "SUMMARY:", &[&name, ": ", what].concat());
            let mut description = [&name, " \u{2014} ", &header, ": ", &date.iso()].concat();
            if date.is_month() {
                description.push(' ');
                description.push_str(words.text("calendar.monthOnly"));
            }
            text_line_into(out, "DESCRIPTION:", &description);
            if let Some(link) = link {
                let mut url = String::from("URL:");
                // A URI is ASCII: the UTF-8 bytes of other characters are percent-encoded.
                for c in link.chars() {
                    if c.is_ascii() {
                        url.push(c);
                    } else {
                        hex_into(&mut url, "%", c.encode_utf8(&mut [0; 4]).as_bytes());
                    }
                }
                content_line_into(out, &url);
            }
            content_line_into(out, "TRANSP:TRANSPARENT");
            content_line_into(out, "END:VEVENT");
        }
    }
}

/// `YYYYMMDD`.
fn date_into(out: &mut String, date: Date) {
    out.extend(date.iso().chars().filter(|c| *c != '-'));
}

/// Writes `text` into a UID: ASCII letters, digits, `.` and `-` as they are, every other byte
/// as `_` and two hex digits (`1.6 and earlier` → `1.6_20and_20earlier`). Distinct texts stay
/// distinct, so distinct release cycles get distinct UIDs.
pub fn uid_part_into(out: &mut String, text: &str) {
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b == b'.' || b == b'-' {
            out.push(char::from(b));
        } else {
            hex_into(out, "_", &[b]);
        }
    }
}

/// Each byte as `mark` and two upper-case hex digits.
fn hex_into(out: &mut String, mark: &str, bytes: &[u8]) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for b in bytes {
        out.push_str(mark);
        for digit in [b >> 4, b & 15] {
            out.push(char::from(
                HEX.get(usize::from(digit)).copied().unwrap_or(b'0'),
            ));
        }
    }
}

/// Writes a property of TEXT value: `name` (with its `:`) and `value` escaped.
fn text_line_into(out: &mut String, name: &str, value: &str) {
    let mut line = String::from(name);
    ical_escape_into(&mut line, value);
    content_line_into(out, &line);
}

/// Escapes `text` as an iCalendar TEXT value: `\`, `;` and `,` get a backslash, a line break
/// becomes `\n`, and other control characters (which TEXT cannot hold) are left out.
pub fn ical_escape_into(out: &mut String, text: &str) {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' | ';' | ',' => {
                out.push('\\');
                out.push(c);
            }
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
}

/// Writes one content line with its CRLF, folded so that no line is longer than 75 octets: a
/// longer line continues on lines that start with a space (RFC 5545 §3.1), never inside a UTF-8
/// character.
pub fn content_line_into(out: &mut String, line: &str) {
    const LIMIT: usize = 75;
    let mut len = 0;
    for c in line.chars() {
        if len + c.len_utf8() > LIMIT {
            out.push_str("\r\n ");
            len = 1;
        }
        out.push(c);
        len += c.len_utf8();
    }
    out.push_str("\r\n");
}
