//! Every call into serde_yaml lives here, so that a maintained drop-in fork can replace it with a
//! one-line change (serde_yaml 0.9.34 is its last release).
//!
//! Values are read by the visitors in `parse.rs` through serde's traits alone; this module runs
//! them over YAML text and turns serde_yaml's errors into the core's [`Error`], with lines counted
//! from the top of the whole file.

use serde::de::{self, DeserializeSeed};

use super::error::{Error, Location};
use super::text;

/// Marks the start of a message written by our own visitors, so it can be told apart from the
/// path prefix and location suffix that serde_yaml adds around it.
const OWN: char = '\u{1}';

/// An error raised by a visitor in `parse.rs`: `message` is shown as it is, at the place of the
/// value being read.
pub(crate) fn invalid<E: de::Error>(message: impl std::fmt::Display) -> E {
    E::custom(format_args!("{OWN}{message}"))
}

/// Reads `text`, the YAML that starts on line `first_line` of the file, with `seed`.
pub(crate) fn read<'de, S: DeserializeSeed<'de>>(
    text: &'de str,
    first_line: usize,
    seed: S,
) -> Result<S::Value, Error> {
    seed.deserialize(serde_yaml::Deserializer::from_str(text))
        .map_err(|err| convert(&err, first_line))
}

/// Writes `value` as YAML (tests only: round trips).
#[cfg(test)]
pub(crate) fn to_string<T: serde::Serialize>(value: &T) -> String {
    serde_yaml::to_string(value).unwrap_or_default()
}

fn convert(err: &serde_yaml::Error, first_line: usize) -> Error {
    let offset = first_line.saturating_sub(1);
    let location = err.location().map(|at| Location {
        line: at.line() + offset,
        column: at.column(),
    });
    let text = err.to_string();
    if let Some(start) = text.find(OWN) {
        let own = text::from(&text, start + OWN.len_utf8());
        let own = match own.rfind(" at line ") {
            Some(end) if location.is_some() => text::upto(own, end),
            _ => own,
        };
        return Error::content(own, location);
    }
    if let Some(message) = reword_type_error(&text, location.is_some()) {
        return Error::content(message, location);
    }
    let message = if text.starts_with("recursion limit exceeded") {
        "the YAML is nested too deeply (more than 128 levels)".to_owned()
    } else if text.starts_with("repetition limit exceeded") {
        "the YAML repeats its aliases too often to be expanded safely".to_owned()
    } else {
        format!("YAML syntax error: {}", describe_syntax(&text, offset))
    };
    Error::syntax(message, location)
}

/// serde's `invalid type: integer `5`, expected a list` (behind serde_yaml's path) as
/// `expected a list, found integer `5``.
fn reword_type_error(text: &str, has_location: bool) -> Option<String> {
    let start = text
        .find("invalid type: ")
        .or_else(|| text.find("invalid value: "))?;
    let mut message = text::from(text, start);
    if has_location {
        if let Some(end) = message.rfind(" at line ") {
            message = text::upto(message, end);
        }
    }
    let (found, expected) = message.split_once(", expected ")?;
    let found = found.split_once(": ").map_or(found, |(_, found)| found);
    let found = if found == "unit value" {
        "nothing"
    } else {
        found
    };
    Some(format!("expected {expected}, found {found}"))
}

/// serde_yaml's `problem at line 3 column 1, context at line 1 column 1`: drops the first place
/// (the error's own location is shown in front) and shifts the others to file lines.
fn describe_syntax(text: &str, offset: usize) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut first = true;
    while let Some(at) = rest.find(" at line ") {
        out.push_str(text::upto(rest, at));
        let after = text::from(rest, at + " at line ".len());
        let line_len = after.bytes().take_while(u8::is_ascii_digit).count();
        let line: usize = text::upto(after, line_len).parse().unwrap_or(0);
        let after = text::from(after, line_len);
        let column_text = after.strip_prefix(" column ").unwrap_or("");
        let column_len = column_text.bytes().take_while(u8::is_ascii_digit).count();
        if !first {
            out.push_str(" that starts at line ");
            out.push_str(&(line + offset).to_string());
            if column_len > 0 {
                out.push_str(", column ");
                out.push_str(text::upto(column_text, column_len));
            }
        }
        first = false;
        rest = if column_len > 0 {
            text::from(column_text, column_len)
        } else {
            after
        };
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_messages_drop_the_first_place_and_shift_the_rest() {
        assert_eq!(
            describe_syntax(
                "did not find expected key at line 3 column 1, while parsing a block mapping at line 1 column 1",
                1
            ),
            "did not find expected key, while parsing a block mapping that starts at line 2, column 1"
        );
    }
}
