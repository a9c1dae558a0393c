//! Liquid values as Ruby Liquid treats them: truthiness, their text, equality and comparison.

use std::cmp::Ordering;

use super::arith::Num;
use super::{fail, TemplateError};

/// A Liquid value.
#[derive(Debug, Clone)]
pub(super) enum Value {
    Nil,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Array(Vec<Value>),
    /// `(first..last)`, both ends included.
    Range(i64, i64),
    /// The literal `blank` in a condition: equal to nil, false, blank text and empty arrays.
    Blank,
    /// The literal `empty` in a condition: equal to empty text and empty arrays.
    Empty,
}

/// White space as Ruby's `\s` sees it.
pub(super) fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\x0b' | '\x0c' | '\r')
}

/// What Ruby's `strip`, `lstrip` and `rstrip` remove: white space and NUL.
pub(super) fn is_strippable(c: char) -> bool {
    is_space(c) || c == '\0'
}

impl Value {
    /// Only nil and false are false.
    pub(super) fn truthy(&self) -> bool {
        !matches!(self, Value::Nil | Value::Bool(false))
    }

    /// Writes the value as `{{ ... }}` shows it: nil as nothing, arrays item after item.
    pub(super) fn write(&self, out: &mut String) {
        match self {
            Value::Nil | Value::Blank | Value::Empty => {}
            Value::Array(items) => items.iter().for_each(|item| item.write(out)),
            other => other.write_text(out),
        }
    }

    /// The value as text, as filters see it (Ruby's `to_s`; arrays as Ruby shows them).
    pub(super) fn text(&self) -> String {
        let mut out = String::new();
        self.write_text(&mut out);
        out
    }

    fn write_text(&self, out: &mut String) {
        match self {
            Value::Nil | Value::Blank | Value::Empty => {}
            Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Value::Int(n) => out.push_str(&n.to_string()),
            Value::Float(x) => out.push_str(&float_text(*x)),
            Value::Str(s) => out.push_str(s),
            Value::Array(_) => self.inspect(out),
            Value::Range(first, last) => {
                out.push_str(&first.to_string());
                out.push_str("..");
                out.push_str(&last.to_string());
            }
        }
    }

    /// Ruby's `inspect`: `["a", 1, nil]`.
    fn inspect(&self, out: &mut String) {
        match self {
            Value::Nil => out.push_str("nil"),
            Value::Str(s) => inspect_str(s, out),
            Value::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    item.inspect(out);
                }
                out.push(']');
            }
            other => other.write_text(out),
        }
    }

    /// Bytes of text the value holds, to keep values under the size limit.
    pub(super) fn text_len(&self) -> usize {
        match self {
            Value::Str(s) => s.len(),
            Value::Array(items) => items.iter().map(Value::text_len).sum(),
            _ => 0,
        }
    }

    /// The work a copy of the value costs: its items plus its bytes of text.
    pub(super) fn weight(&self) -> u64 {
        match self {
            Value::Str(s) => s.len() as u64,
            Value::Array(items) => items.iter().map(|item| 1 + item.weight()).sum(),
            _ => 1,
        }
    }

    /// The value as a number, as Liquid's arithmetic filters read it.
    pub(super) fn number(&self) -> Num {
        match self {
            Value::Int(n) => Num::Int(*n),
            Value::Float(x) => Num::from_f64(*x),
            Value::Str(s) => Num::from_text(s),
            _ => Num::Int(0),
        }
    }

    /// `value.size`, `value.first`, `value.last`.
    pub(super) fn property(&self, name: &str) -> Value {
        match (self, name) {
            (Value::Array(items), "size") => Value::Int(count(items.len())),
            (Value::Array(items), "first") => items.first().cloned().unwrap_or(Value::Nil),
            (Value::Array(items), "last") => items.last().cloned().unwrap_or(Value::Nil),
            (Value::Str(s), "size") => Value::Int(count(s.chars().count())),
            (Value::Range(first, last), "size") => Value::Int(range_len(*first, *last)),
            (Value::Range(first, _), "first") => Value::Int(*first),
            (Value::Range(_, last), "last") => Value::Int(*last),
            // Ruby's Integer#size: the bytes of a machine word.
            (Value::Int(_), "size") => Value::Int(8),
            _ => Value::Nil,
        }
    }

    /// `value[index]`: an array item, counted from the end when negative.
    pub(super) fn index(&self, key: &Value) -> Value {
        match (self, key) {
            (Value::Array(items), Value::Int(i)) => {
                let at = if *i < 0 {
                    i.checked_add(count(items.len()))
                } else {
                    Some(*i)
                };
                at.and_then(|at| usize::try_from(at).ok())
                    .and_then(|at| items.get(at))
                    .cloned()
                    .unwrap_or(Value::Nil)
            }
            _ => Value::Nil,
        }
    }

    /// What `blank` equals: nil, false, white space, an empty array.
    fn is_blank(&self) -> bool {
        match self {
            Value::Nil | Value::Bool(false) => true,
            Value::Str(s) => s.chars().all(is_space),
            Value::Array(items) => items.is_empty(),
            _ => false,
        }
    }

    /// What `empty` equals: empty text, an empty array.
    fn is_empty(&self) -> bool {
        match self {
            Value::Str(s) => s.is_empty(),
            Value::Array(items) => items.is_empty(),
            _ => false,
        }
    }
}

/// Liquid's `==`: numbers by value (`1 == 1.0`), never a number and text, arrays item by item.
pub(super) fn equals(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Blank, other) | (other, Value::Blank) => other.is_blank(),
        (Value::Empty, other) | (other, Value::Empty) => other.is_empty(),
        (Value::Nil, Value::Nil) => true,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Str(x), Value::Str(y)) => x == y,
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| equals(x, y))
        }
        (Value::Range(a, b), Value::Range(c, d)) => a == c && b == d,
        _ => numbers(a, b).is_some_and(|order| order == Ordering::Equal),
    }
}

/// `<`, `<=`, `>`, `>=`: numbers with numbers, text with text; text and a number cannot be
/// compared; anything else (nil, arrays...) compares false.
pub(super) fn compare(a: &Value, b: &Value, wanted: &[Ordering]) -> Result<bool, TemplateError> {
    let order = match (a, b) {
        (Value::Str(x), Value::Str(y)) => Some(x.as_bytes().cmp(y.as_bytes())),
        (Value::Str(_), Value::Int(_) | Value::Float(_))
        | (Value::Int(_) | Value::Float(_), Value::Str(_)) => {
            return fail(format!(
                "cannot compare {} with {}",
                describe(a),
                describe(b)
            ))
        }
        _ => numbers(a, b),
    };
    Ok(order.is_some_and(|order| wanted.contains(&order)))
}

fn numbers(a: &Value, b: &Value) -> Option<Ordering> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(x.cmp(y)),
        (Value::Int(x), Value::Float(y)) => (*x as f64).partial_cmp(y),
        (Value::Float(x), Value::Int(y)) => x.partial_cmp(&(*y as f64)),
        (Value::Float(x), Value::Float(y)) => x.partial_cmp(y),
        _ => None,
    }
}

fn describe(value: &Value) -> String {
    match value {
        Value::Str(s) => format!("the text `{s}`"),
        other => format!("the number `{}`", other.text()),
    }
}

/// Liquid's `contains`: a substring of text, an item of an array; false when either side is
/// nil or false.
pub(super) fn contains(haystack: &Value, needle: &Value) -> bool {
    if !haystack.truthy() || !needle.truthy() {
        return false;
    }
    match haystack {
        Value::Str(s) => s.contains(needle.text().as_str()),
        Value::Array(items) => items.iter().any(|item| equals(item, needle)),
        Value::Range(first, last) => match needle {
            Value::Int(n) => first <= n && n <= last,
            Value::Float(x) => (*first as f64) <= *x && *x <= (*last as f64),
            _ => false,
        },
        _ => false,
    }
}

/// How many items `first..=last` holds.
pub(super) fn range_len(first: i64, last: i64) -> i64 {
    last.checked_sub(first)
        .and_then(|n| n.checked_add(1))
        .unwrap_or(i64::MAX)
        .max(0)
}

/// A count as a Liquid integer.
pub(super) fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// A float as Ruby writes it: `2.0`, `0.1`, `1.0e+16`, `1.5e-05`.
pub(super) fn float_text(x: f64) -> String {
    if x.is_nan() {
        return "NaN".to_owned();
    }
    if x.is_infinite() {
        return if x > 0.0 { "Infinity" } else { "-Infinity" }.to_owned();
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0.0");
    }
    // `{:e}` gives the shortest digits that read back as `x`: "2.5e-3", "1e16".
    let scientific = format!("{:e}", x.abs());
    let (mantissa, exponent) = scientific.split_once('e').unwrap_or((&scientific, "0"));
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let exponent: i64 = exponent.parse().unwrap_or(0);
    // Where the decimal point goes, counted in digits from the first one.
    let point = exponent + 1;
    let (first, rest) = digits.split_at_checked(1).unwrap_or(("0", ""));
    if !(-3..=16).contains(&point) {
        let rest = if rest.is_empty() { "0" } else { rest };
        let exp_sign = if exponent < 0 { '-' } else { '+' };
        return format!("{sign}{first}.{rest}e{exp_sign}{:02}", exponent.abs());
    }
    if point <= 0 {
        let zeros = "0".repeat(usize::try_from(-point).unwrap_or(0));
        return format!("{sign}0.{zeros}{digits}");
    }
    let point = usize::try_from(point).unwrap_or(0);
    match (digits.get(..point), digits.get(point..)) {
        (Some(whole), Some(fraction)) if !fraction.is_empty() => {
            format!("{sign}{whole}.{fraction}")
        }
        _ => {
            let zeros = "0".repeat(point.saturating_sub(digits.len()));
            format!("{sign}{digits}{zeros}.0")
        }
    }
}

fn inspect_str(s: &str, out: &mut String) {
    out.push('"');
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\x1b' => out.push_str("\\e"),
            '\x07' => out.push_str("\\a"),
            '\x08' => out.push_str("\\b"),
            '\x0b' => out.push_str("\\v"),
            '\x0c' => out.push_str("\\f"),
            '#' if matches!(chars.peek(), Some('{' | '$' | '@')) => out.push_str("\\#"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_are_written_as_ruby_writes_them() {
        let cases = [
            (2.0, "2.0"),
            (-0.5, "-0.5"),
            (0.1, "0.1"),
            (2.857142857142857, "2.857142857142857"),
            (1e15, "1000000000000000.0"),
            (1e16, "1.0e+16"),
            (1.5e300, "1.5e+300"),
            (0.0001, "0.0001"),
            (0.00001, "1.0e-05"),
            (-2.5e-7, "-2.5e-07"),
            (123.456, "123.456"),
            (0.0, "0.0"),
            (f64::INFINITY, "Infinity"),
        ];
        for (x, text) in cases {
            assert_eq!(float_text(x), text, "{x:?}");
        }
    }

    #[test]
    fn arrays_as_text_are_shown_as_ruby_inspects_them() {
        let value = Value::Array(vec![
            Value::Str("a \"b\"\n".into()),
            Value::Int(1),
            Value::Nil,
            Value::Float(2.0),
        ]);
        assert_eq!(value.text(), r#"["a \"b\"\n", 1, nil, 2.0]"#);
    }
}
