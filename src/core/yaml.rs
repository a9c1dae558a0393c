//! Every call into serde_yaml lives here, so that a maintained drop-in fork can replace it with a
//! one-line change (serde_yaml 0.9.34 is its last release).
//!
//! The visitors in `parse.rs` read values through serde's traits alone; this module runs them
//! over YAML (or JSON) text and turns serde_yaml's errors into the core's [`Error`], with lines
//! counted from the top of the whole file. Nesting and alias expansion are bounded by serde_yaml's
//! own limits (128 levels; aliases may repeat at most 100 times the document's events).

use serde::de::{self, DeserializeSeed};

use super::error::{Error, Location};

/// Marks the start of a message written by our own visitors, so that it can be told apart from
/// the path in front and the place behind that serde_yaml adds around it.
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

fn convert(err: &serde_yaml::Error, first_line: usize) -> Error {
    let offset = first_line.saturating_sub(1);
    let location = err.location().map(|at| Location {
        line: at.line() + offset,
        column: at.column(),
    });
    let text = err.to_string();
    // serde_yaml writes "<path>: <message> at line L column C"; the place is shown in front.
    let without_place = |message: &str| match message.rfind(" at line ") {
        Some(end) if location.is_some() => message.get(..end).unwrap_or(message).to_owned(),
        _ => message.to_owned(),
    };
    if let Some((_, own)) = text.split_once(OWN) {
        return Error::content(without_place(own), location);
    }
    // serde's own words for a struct's fields (the stack description's): a content error.
    if text.contains("unknown field `") || text.contains("missing field `") {
        return Error::content(without_place(&text), location);
    }
    if let Some(message) = reword_type_error(&without_place(&text)) {
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

/// serde's "invalid type: integer `5`, expected a list" (behind serde_yaml's path) as
/// "expected a list, found integer `5`".
fn reword_type_error(text: &str) -> Option<String> {
    let start = text
        .find("invalid type: ")
        .or_else(|| text.find("invalid value: "))?;
    let message = text.get(start..)?;
    let (found, expected) = message.split_once(", expected ")?;
    let found = found.split_once(": ").map_or(found, |(_, found)| found);
    let found = if found == "unit value" {
        "nothing"
    } else {
        found
    };
    Some(format!("expected {expected}, found {found}"))
}

/// libyaml's "problem at line 3 column 1, context at line 1 column 1": drops the first place (the
/// error's own, shown in front) and words the others as file lines.
fn describe_syntax(text: &str, offset: usize) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut first = true;
    while let Some((before, after)) = rest.split_once(" at line ") {
        out.push_str(before);
        let line_len = after.bytes().take_while(u8::is_ascii_digit).count();
        let (line, after) = after.split_at_checked(line_len).unwrap_or(("", after));
        let (column, after) = match after.strip_prefix(" column ") {
            Some(tail) => {
                let len = tail.bytes().take_while(u8::is_ascii_digit).count();
                tail.split_at_checked(len).unwrap_or(("", tail))
            }
            None => ("", after),
        };
        if !first {
            let line = line.parse::<usize>().unwrap_or(0) + offset;
            out.push_str(" that starts at line ");
            out.push_str(&line.to_string());
            if !column.is_empty() {
                out.push_str(", column ");
                out.push_str(column);
            }
        }
        first = false;
        rest = after;
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

    #[test]
    fn type_errors_say_what_was_expected_first() {
        assert_eq!(
            reword_type_error("releases: invalid type: integer `5`, expected a list").as_deref(),
            Some("expected a list, found integer `5`")
        );
        assert_eq!(
            reword_type_error("invalid type: unit value, expected text").as_deref(),
            Some("expected text, found nothing")
        );
    }
}
