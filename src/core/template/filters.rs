//! The filters, as Ruby Liquid's standard filters (and endoflife.date's `drop_zero_patch`, and
//! Jekyll's `pop`) compute them.

use std::cmp::Ordering;
use std::ops::Range;

use super::arith::{arithmetic, Op};
use super::value::{count, is_space, is_strippable, range_len, Value};
use super::{fail, Budget, TemplateError, MAX_TEXT};

/// A filter the templates may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Filter {
    Abs,
    Append,
    AtLeast,
    AtMost,
    Capitalize,
    Ceil,
    Default,
    DividedBy,
    Downcase,
    DropZeroPatch,
    Escape,
    First,
    Floor,
    Join,
    Last,
    Lstrip,
    Minus,
    Modulo,
    Plus,
    Pop,
    Prepend,
    Remove,
    RemoveFirst,
    RemoveLast,
    Replace,
    ReplaceFirst,
    ReplaceLast,
    Round,
    Rstrip,
    Size,
    Slice,
    Split,
    Strip,
    StripHtml,
    StripNewlines,
    Times,
    Truncate,
    Upcase,
    UrlDecode,
    UrlEncode,
}

const NAMES: [(&str, Filter); 40] = [
    ("abs", Filter::Abs),
    ("append", Filter::Append),
    ("at_least", Filter::AtLeast),
    ("at_most", Filter::AtMost),
    ("capitalize", Filter::Capitalize),
    ("ceil", Filter::Ceil),
    ("default", Filter::Default),
    ("divided_by", Filter::DividedBy),
    ("downcase", Filter::Downcase),
    ("drop_zero_patch", Filter::DropZeroPatch),
    ("escape", Filter::Escape),
    ("first", Filter::First),
    ("floor", Filter::Floor),
    ("join", Filter::Join),
    ("last", Filter::Last),
    ("lstrip", Filter::Lstrip),
    ("minus", Filter::Minus),
    ("modulo", Filter::Modulo),
    ("plus", Filter::Plus),
    ("pop", Filter::Pop),
    ("prepend", Filter::Prepend),
    ("remove", Filter::Remove),
    ("remove_first", Filter::RemoveFirst),
    ("remove_last", Filter::RemoveLast),
    ("replace", Filter::Replace),
    ("replace_first", Filter::ReplaceFirst),
    ("replace_last", Filter::ReplaceLast),
    ("round", Filter::Round),
    ("rstrip", Filter::Rstrip),
    ("size", Filter::Size),
    ("slice", Filter::Slice),
    ("split", Filter::Split),
    ("strip", Filter::Strip),
    ("strip_html", Filter::StripHtml),
    ("strip_newlines", Filter::StripNewlines),
    ("times", Filter::Times),
    ("truncate", Filter::Truncate),
    ("upcase", Filter::Upcase),
    ("url_decode", Filter::UrlDecode),
    ("url_encode", Filter::UrlEncode),
];

impl Filter {
    pub(super) fn from_name(name: &str) -> Option<Filter> {
        NAMES.iter().find(|(n, _)| *n == name).map(|(_, f)| *f)
    }

    fn name(self) -> &'static str {
        NAMES
            .iter()
            .find(|(_, f)| *f == self)
            .map_or("?", |(n, _)| n)
    }

    /// How many positional arguments the filter takes.
    fn arity(self) -> Range<usize> {
        use Filter::*;
        match self {
            Append | Prepend | Remove | RemoveFirst | RemoveLast | Split | Plus | Minus | Times
            | DividedBy | Modulo | AtLeast | AtMost => 1..2,
            Replace | ReplaceFirst | Slice => 1..3,
            ReplaceLast => 2..3,
            Join | Pop | Round | Default => 0..2,
            Truncate => 0..3,
            _ => 0..1,
        }
    }
}

/// Applies `filter` to `input`. `budget` is only checked here, before anything large is built;
/// the caller spends it on the result.
pub(super) fn apply(
    filter: Filter,
    input: Value,
    args: &[Value],
    named: &[(String, Value)],
    budget: &Budget,
) -> Result<Value, TemplateError> {
    check_arguments(filter, args, named)?;
    let arg = |i: usize| args.get(i).cloned().unwrap_or(Value::Nil);
    let text_arg = |i: usize| arg(i).text();
    let room = |bytes: usize| -> Result<(), TemplateError> {
        if bytes > MAX_TEXT {
            return fail(super::TOO_MUCH_TEXT);
        }
        budget.afford(bytes as u64)
    };
    use Filter::*;
    Ok(match filter {
        Append | Prepend => {
            let (text, extra) = (input.text(), text_arg(0));
            room(text.len() + extra.len())?;
            Value::Str(if filter == Append {
                text + &extra
            } else {
                extra + &text
            })
        }
        Downcase => Value::Str(input.text().to_lowercase()),
        Upcase => Value::Str(input.text().to_uppercase()),
        Capitalize => {
            let text = input.text();
            let mut chars = text.chars();
            let mut out: String = chars
                .next()
                .map(char::to_uppercase)
                .into_iter()
                .flatten()
                .collect();
            out.push_str(&chars.as_str().to_lowercase());
            Value::Str(out)
        }
        Strip => Value::Str(input.text().trim_matches(is_strippable).to_owned()),
        Lstrip => Value::Str(input.text().trim_start_matches(is_strippable).to_owned()),
        Rstrip => Value::Str(input.text().trim_end_matches(is_strippable).to_owned()),
        StripNewlines => Value::Str(input.text().replace("\r\n", "").replace('\n', "")),
        StripHtml => Value::Str(strip_html(&input.text())),
        DropZeroPatch => {
            let text = input.text();
            Value::Str(text.strip_suffix(".0").unwrap_or(&text).to_owned())
        }
        Escape | UrlEncode | UrlDecode if matches!(input, Value::Nil) => Value::Nil,
        Escape => Value::Str(escape_html(&input.text())),
        UrlEncode => Value::Str(url_encode(&input.text())),
        UrlDecode => Value::Str(url_decode(&input.text())?),
        Replace | ReplaceFirst | ReplaceLast | Remove | RemoveFirst | RemoveLast => {
            let (text, from) = (input.text(), text_arg(0));
            let to = match filter {
                Replace | ReplaceFirst | ReplaceLast => text_arg(1),
                _ => String::new(),
            };
            // An empty pattern matches between every character.
            let matches = match filter {
                Replace | Remove if from.is_empty() => text.chars().count() + 1,
                Replace | Remove => text.matches(from.as_str()).count(),
                _ => 1,
            };
            room(text.len().saturating_add(matches.saturating_mul(to.len())))?;
            Value::Str(match filter {
                Replace | Remove => text.replace(&from, &to),
                ReplaceFirst | RemoveFirst => text.replacen(&from, &to, 1),
                _ => match text
                    .rfind(from.as_str())
                    .and_then(|at| text.split_at_checked(at))
                {
                    Some((before, after)) => {
                        let after = after.get(from.len()..).unwrap_or("");
                        format!("{before}{to}{after}")
                    }
                    None => text,
                },
            })
        }
        Split => {
            let text = input.text();
            let separator = text_arg(0);
            let parts = if separator.is_empty() {
                text.chars().count()
            } else {
                text.matches(separator.as_str()).count() + 1
            };
            budget.afford((parts + text.len()) as u64)?;
            Value::Array(split(&text, &separator))
        }
        Join => {
            let glue = match args.first() {
                None => " ".to_owned(),
                Some(glue) => glue.text(),
            };
            let mut out = String::new();
            let mut first = true;
            let mut push = |item: &Value| -> Result<(), TemplateError> {
                let text = item.text();
                room(out.len() + glue.len() + text.len())?;
                if !first {
                    out.push_str(&glue);
                }
                first = false;
                out.push_str(&text);
                Ok(())
            };
            match &input {
                Value::Array(items) => flatten(items, &mut push)?,
                Value::Range(first, last) => {
                    let mut n = *first;
                    while n <= *last {
                        push(&Value::Int(n))?;
                        match n.checked_add(1) {
                            Some(next) => n = next,
                            None => break,
                        }
                    }
                }
                Value::Nil => {}
                other => push(other)?,
            }
            Value::Str(out)
        }
        First | Last => match (&input, filter) {
            (Value::Array(items), First) => items.first().cloned().unwrap_or(Value::Nil),
            (Value::Array(items), _) => items.last().cloned().unwrap_or(Value::Nil),
            (Value::Range(first, _), First) => Value::Int(*first),
            (Value::Range(_, last), _) => Value::Int(*last),
            _ => Value::Nil,
        },
        Size => Value::Int(match &input {
            Value::Array(items) => count(items.len()),
            Value::Str(s) => count(s.chars().count()),
            Value::Range(first, last) => range_len(*first, *last),
            // Ruby's Integer#size: the bytes of a machine word.
            Value::Int(_) => 8,
            _ => 0,
        }),
        Pop => match input {
            Value::Array(mut items) => {
                let n = match args.first() {
                    Some(n) => integer(filter, n)?,
                    None => 1,
                };
                let Ok(n) = usize::try_from(n) else {
                    return fail("`pop` needs a count of 0 or more");
                };
                items.truncate(items.len().saturating_sub(n));
                Value::Array(items)
            }
            other => other,
        },
        Slice => {
            let offset = integer(filter, &arg(0))?;
            let length = match args.get(1) {
                Some(Value::Nil) | None => 1,
                Some(length) => integer(filter, length)?,
            };
            match input {
                Value::Array(items) => {
                    let range = slice(items.len(), offset, length);
                    Value::Array(items.get(range).unwrap_or(&[]).to_vec())
                }
                other => {
                    let text = other.text();
                    let range = slice(text.chars().count(), offset, length);
                    Value::Str(text.chars().skip(range.start).take(range.len()).collect())
                }
            }
        }
        Truncate => {
            if matches!(input, Value::Nil) {
                return Ok(Value::Nil);
            }
            let length = match args.first() {
                Some(length) => integer(filter, length)?,
                None => 50,
            };
            let ending = match args.get(1) {
                Some(ending) => ending.text(),
                None => "...".to_owned(),
            };
            let text = input.text();
            if count(text.chars().count()) <= length {
                Value::Str(text)
            } else {
                let keep = length.saturating_sub(count(ending.chars().count())).max(0);
                let mut out: String = text
                    .chars()
                    .take(usize::try_from(keep).unwrap_or(0))
                    .collect();
                out.push_str(&ending);
                Value::Str(out)
            }
        }
        Default => {
            let allow_false = named
                .iter()
                .any(|(key, value)| key == "allow_false" && value.truthy());
            let missing = if allow_false {
                matches!(input, Value::Nil)
            } else {
                !input.truthy()
            };
            let empty = match &input {
                Value::Str(s) => s.is_empty(),
                Value::Array(items) => items.is_empty(),
                _ => false,
            };
            if missing || empty {
                args.first()
                    .cloned()
                    .unwrap_or_else(|| Value::Str(String::new()))
            } else {
                input
            }
        }
        Plus | Minus | Times | DividedBy | Modulo => {
            let op = match filter {
                Plus => Op::Plus,
                Minus => Op::Minus,
                Times => Op::Times,
                DividedBy => Op::DividedBy,
                _ => Op::Modulo,
            };
            arithmetic(op, input.number(), arg(0).number())?.value()
        }
        Abs => input.number().abs()?.value(),
        Ceil => Value::Int(input.number().whole(true)?),
        Floor => Value::Int(input.number().whole(false)?),
        Round => {
            let places = match args.first().map(|n| n.number().value()) {
                Some(Value::Int(n)) => n,
                Some(Value::Float(x)) => x.trunc() as i64,
                _ => 0,
            };
            input.number().round(places)?.value()
        }
        AtLeast | AtMost => {
            let (value, bound) = (input.number(), arg(0).number());
            let wanted = if filter == AtLeast {
                Ordering::Greater
            } else {
                Ordering::Less
            };
            if bound.cmp(value) == Some(wanted) {
                bound.value()
            } else {
                value.value()
            }
        }
    })
}

fn check_arguments(
    filter: Filter,
    args: &[Value],
    named: &[(String, Value)],
) -> Result<(), TemplateError> {
    if !named.is_empty() && filter != Filter::Default {
        return fail(format!(
            "`{}` takes no `name: value` arguments",
            filter.name()
        ));
    }
    let arity = filter.arity();
    if arity.contains(&args.len()) {
        return Ok(());
    }
    let (min, max) = (arity.start, arity.end - 1);
    let wanted = match (min, max) {
        (0, 0) => "no arguments".to_owned(),
        (1, 1) => "1 argument".to_owned(),
        (min, max) if min == max => format!("{min} arguments"),
        (0, max) => format!("at most {max} argument{}", if max == 1 { "" } else { "s" }),
        (min, max) => format!("{min} or {max} arguments"),
    };
    fail(format!(
        "`{}` takes {wanted}, not {}",
        filter.name(),
        args.len()
    ))
}

/// Ruby's `Integer(text)`: a whole number, or an error.
fn integer(filter: Filter, value: &Value) -> Result<i64, TemplateError> {
    if let Value::Int(n) = value {
        return Ok(*n);
    }
    let text = value.text();
    let trimmed = text.trim_matches(is_space);
    let digits = trimmed.strip_prefix(['-', '+']).unwrap_or(trimmed);
    let well_formed = !digits.is_empty()
        && !digits.starts_with('_')
        && !digits.ends_with('_')
        && !digits.contains("__")
        && digits.bytes().all(|b| b.is_ascii_digit() || b == b'_');
    match trimmed.replace('_', "").parse() {
        Ok(n) if well_formed => Ok(n),
        _ => fail(format!(
            "`{}` needs a whole number, found `{text}`",
            filter.name()
        )),
    }
}

/// Ruby's `slice(offset, length)`: from the end when `offset` is negative.
fn slice(len: usize, offset: i64, length: i64) -> Range<usize> {
    let len = count(len);
    let start = if offset < 0 {
        offset.saturating_add(len)
    } else {
        offset
    };
    if start < 0 || start >= len || length <= 0 {
        return 0..0;
    }
    let end = start.saturating_add(length).min(len);
    let index = |n: i64| usize::try_from(n).unwrap_or(0);
    index(start)..index(end)
}

/// Ruby's `String#split`: a single space splits on runs of white space; an empty separator
/// splits into characters; empty strings at the end are dropped.
fn split(text: &str, separator: &str) -> Vec<Value> {
    let mut parts: Vec<&str> = if separator == " " {
        text.split(is_space)
            .filter(|part| !part.is_empty())
            .collect()
    } else if separator.is_empty() {
        text.char_indices()
            .map(|(i, c)| text.get(i..i + c.len_utf8()).unwrap_or(""))
            .collect()
    } else {
        text.split(separator).collect()
    };
    while parts.last().is_some_and(|part| part.is_empty()) {
        parts.pop();
    }
    parts
        .into_iter()
        .map(|part| Value::Str(part.to_owned()))
        .collect()
}

/// Items of nested arrays, in order, as Ruby's `flatten` gives them.
fn flatten(
    items: &[Value],
    push: &mut impl FnMut(&Value) -> Result<(), TemplateError>,
) -> Result<(), TemplateError> {
    for item in items {
        match item {
            Value::Array(inner) => flatten(inner, push)?,
            other => push(other)?,
        }
    }
    Ok(())
}

/// Ruby's `CGI.escapeHTML`: the same five characters the HTML writer escapes.
fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    crate::core::html::escape_into(&mut out, text);
    out
}

/// Ruby's `CGI.escape`: a space becomes `+`, bytes other than letters, digits and `_.-~`
/// become `%XX`.
fn url_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b' ' => out.push('+'),
            b if b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-' | b'~') => {
                out.push(char::from(b));
            }
            b => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Ruby's `CGI.unescape`: `+` is a space, `%XX` a byte; the result must be UTF-8.
fn url_decode(text: &str) -> Result<String, TemplateError> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&byte) = bytes.get(i) {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|pair| std::str::from_utf8(pair).ok())
            .filter(|pair| pair.bytes().all(|b| b.is_ascii_hexdigit()))
            .and_then(|pair| u8::from_str_radix(pair, 16).ok());
        match (byte, hex) {
            (b'%', Some(decoded)) => {
                out.push(decoded);
                i += 3;
            }
            (b'+', _) => {
                out.push(b' ');
                i += 1;
            }
            (other, _) => {
                out.push(other);
                i += 1;
            }
        }
    }
    String::from_utf8(out).or_else(|_| fail("`url_decode` gives text that is not UTF-8"))
}

/// Ruby Liquid's `strip_html`: `<script>`, `<style>` and `<!-- -->` blocks with their content,
/// then every `<...>` tag.
fn strip_html(text: &str) -> String {
    let blocks = [
        ("<script", "</script>"),
        ("<!--", "-->"),
        ("<style", "</style>"),
    ];
    let without_blocks = remove_spans(text, |rest| {
        blocks.iter().find_map(|(open, close)| {
            let body = rest.strip_prefix(open)?;
            body.find(close).map(|end| open.len() + end + close.len())
        })
    });
    remove_spans(&without_blocks, |rest| {
        rest.strip_prefix('<')
            .and_then(|body| body.find('>'))
            .map(|end| end + 2)
    })
}

/// `text` without the spans `span_at` finds: it is asked at each `<` for the length of the
/// span starting there.
fn remove_spans(text: &str, span_at: impl Fn(&str) -> Option<usize>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some((before, from)) = rest.find('<').and_then(|at| rest.split_at_checked(at)) {
        out.push_str(before);
        match span_at(from) {
            Some(len) => rest = from.get(len..).unwrap_or(""),
            None => {
                out.push('<');
                rest = from.get(1..).unwrap_or("");
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strip_html_removes_tags_and_script_style_and_comment_blocks() {
        assert_eq!(
            strip_html("<!-- a --><em>you</em> <script x>b</script>read<style>c</style> 1 < 2"),
            "you read 1 < 2"
        );
    }

    #[test]
    fn url_encoding_round_trips() {
        let text = "email address is bob@example.com! é";
        assert_eq!(
            url_encode(text),
            "email+address+is+bob%40example.com%21+%C3%A9"
        );
        assert_eq!(url_decode(&url_encode(text)).unwrap(), text);
        assert_eq!(url_decode("100%").unwrap(), "100%");
    }

    #[test]
    fn arguments_are_counted() {
        let check = |filter, n| {
            check_arguments(filter, &vec![Value::Nil; n], &[]).map_err(|e| e.to_string())
        };
        assert_eq!(
            check(Filter::Upcase, 1).unwrap_err(),
            "`upcase` takes no arguments, not 1"
        );
        assert_eq!(
            check(Filter::Append, 0).unwrap_err(),
            "`append` takes 1 argument, not 0"
        );
        assert_eq!(
            check(Filter::Slice, 3).unwrap_err(),
            "`slice` takes 1 or 2 arguments, not 3"
        );
        assert_eq!(
            check(Filter::Truncate, 3).unwrap_err(),
            "`truncate` takes at most 2 arguments, not 3"
        );
        assert_eq!(
            check(Filter::ReplaceLast, 1).unwrap_err(),
            "`replace_last` takes 2 arguments, not 1"
        );
        assert!(check(Filter::Join, 0).is_ok());
    }
}
