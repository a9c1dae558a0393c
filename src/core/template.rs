//! Link and label templates: `__PLACEHOLDER__`s, then Liquid output tags (`{{ ... }}`) with the
//! filters real product files use.

use std::fmt;

use super::date::Date;
use super::text;

/// The values a template may refer to, from one release.
#[derive(Debug, Clone, Copy, Default)]
pub struct Vars<'a> {
    /// `__RELEASE_CYCLE__`.
    pub cycle: &'a str,
    /// `__CODENAME__`.
    pub codename: Option<&'a str>,
    /// `__RELEASE_DATE__` (ISO).
    pub release_date: Option<Date>,
    /// `__LATEST__`.
    pub latest: Option<&'a str>,
    /// `__LATEST_RELEASE_DATE__` (ISO).
    pub latest_release_date: Option<Date>,
    /// `__CYCLE_SHORT_HAND__` (2022 files).
    pub cycle_short_hand: Option<&'a str>,
    /// `__LATEST_SHORT_HAND__` (2022 files).
    pub latest_short_hand: Option<&'a str>,
}

/// Why a template could not be evaluated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError(String);

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn fail<T>(message: impl Into<String>) -> Result<T, TemplateError> {
    Err(TemplateError(message.into()))
}

/// Trims `template`, replaces its placeholders (absent values become empty) and evaluates its
/// Liquid output tags.
pub fn render(template: &str, vars: &Vars<'_>) -> Result<String, TemplateError> {
    let iso = |date: Option<Date>| date.map(Date::iso).unwrap_or_default();
    let replacements = [
        ("__RELEASE_CYCLE__", vars.cycle.to_owned()),
        ("__CODENAME__", vars.codename.unwrap_or("").to_owned()),
        ("__RELEASE_DATE__", iso(vars.release_date)),
        ("__LATEST_RELEASE_DATE__", iso(vars.latest_release_date)),
        ("__LATEST__", vars.latest.unwrap_or("").to_owned()),
        (
            "__CYCLE_SHORT_HAND__",
            vars.cycle_short_hand.unwrap_or("").to_owned(),
        ),
        (
            "__LATEST_SHORT_HAND__",
            vars.latest_short_hand.unwrap_or("").to_owned(),
        ),
    ];
    let mut text = template.trim().to_owned();
    for (placeholder, value) in &replacements {
        if text.contains(placeholder) {
            text = text.replace(placeholder, value);
        }
    }
    liquid(&text)
}

/// Evaluates the Liquid output tags in `text`; any other Liquid tag (`{% ... %}`) is an error.
pub fn liquid(text: &str) -> Result<String, TemplateError> {
    if text.contains("{%") {
        return fail("Liquid tags (`{% ... %}`) are not supported here");
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find("{{") {
        out.push_str(text::upto(rest, open));
        let inner = text::from(rest, open + 2);
        let (value, after) = Parser::new(inner).output()?;
        value.write(&mut out);
        rest = after;
    }
    out.push_str(rest);
    Ok(out)
}

/// A Liquid value.
#[derive(Debug, Clone, PartialEq)]
enum Val {
    Nil,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Array(Vec<Val>),
}

impl Val {
    fn write(&self, out: &mut String) {
        match self {
            Val::Nil => {}
            Val::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Val::Int(n) => out.push_str(&n.to_string()),
            Val::Float(x) => out.push_str(&format!("{x:?}")),
            Val::Str(s) => out.push_str(s),
            Val::Array(items) => items.iter().for_each(|item| item.write(out)),
        }
    }

    fn text(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    /// Bytes of text the value holds.
    fn size(&self) -> usize {
        match self {
            Val::Str(s) => s.len(),
            Val::Array(items) => items.iter().map(Val::size).sum(),
            _ => 0,
        }
    }

    fn number(&self) -> Result<Val, TemplateError> {
        match self {
            Val::Int(_) | Val::Float(_) => Ok(self.clone()),
            Val::Nil => Ok(Val::Int(0)),
            other => {
                let text = other.text();
                let text = text.trim();
                if let Ok(n) = text.parse::<i64>() {
                    Ok(Val::Int(n))
                } else if let Ok(x) = text.parse::<f64>() {
                    Ok(Val::Float(x))
                } else {
                    Ok(Val::Int(0))
                }
            }
        }
    }

    fn int(&self) -> Result<i64, TemplateError> {
        match self.number()? {
            Val::Int(n) => Ok(n),
            Val::Float(x) if x.is_finite() => Ok(x.trunc() as i64),
            _ => fail("expected a whole number"),
        }
    }
}

/// Parses and evaluates one `{{ ... }}` tag.
struct Parser<'a> {
    rest: &'a str,
}

impl<'a> Parser<'a> {
    fn new(text: &'a str) -> Self {
        Parser { rest: text }
    }

    /// The tag's value and the text after its closing `}}`.
    fn output(mut self) -> Result<(Val, &'a str), TemplateError> {
        self.eat("-");
        let mut value = self.primary()?;
        loop {
            self.skip_space();
            if self.eat("-}}") || self.eat("}}") {
                return Ok((value, self.rest));
            }
            if self.rest.is_empty() {
                return fail("a Liquid tag is not closed with `}}`");
            }
            if !self.eat("|") {
                return fail(format!("unexpected `{}` in a Liquid tag", self.peek_word()));
            }
            self.skip_space();
            let name = self.identifier()?;
            let mut args = Vec::new();
            self.skip_space();
            if self.eat(":") {
                loop {
                    args.push(self.primary()?);
                    self.skip_space();
                    if !self.eat(",") {
                        break;
                    }
                }
            }
            value = filter(&name, value, &args)?;
            bounded(value.size())?;
        }
    }

    fn skip_space(&mut self) {
        self.rest = self.rest.trim_start();
    }

    fn eat(&mut self, token: &str) -> bool {
        match self.rest.strip_prefix(token) {
            Some(rest) => {
                self.rest = rest;
                true
            }
            None => false,
        }
    }

    fn peek_word(&self) -> String {
        self.rest.chars().take(12).collect()
    }

    fn identifier(&mut self) -> Result<String, TemplateError> {
        let end = self
            .rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
            .unwrap_or(self.rest.len());
        if end == 0 {
            return fail("expected a filter name after `|`");
        }
        let (name, rest) = self.rest.split_at(end);
        self.rest = rest;
        Ok(name.to_owned())
    }

    fn primary(&mut self) -> Result<Val, TemplateError> {
        self.skip_space();
        let Some(first) = self.rest.chars().next() else {
            return fail("a Liquid tag is not closed with `}}`");
        };
        if first == '"' || first == '\'' {
            let body = text::from(self.rest, first.len_utf8());
            let Some(end) = body.find(first) else {
                return fail("a quoted string in a Liquid tag is not closed");
            };
            let value = text::upto(body, end).to_owned();
            self.rest = text::from(body, end + first.len_utf8());
            return Ok(Val::Str(value));
        }
        if first.is_ascii_digit() || first == '-' {
            let end = self
                .rest
                .char_indices()
                .skip(1)
                .find(|&(_, c)| !(c.is_ascii_digit() || c == '.'))
                .map_or(self.rest.len(), |(i, _)| i);
            let (number, rest) = self.rest.split_at(end);
            self.rest = rest;
            if let Ok(n) = number.parse::<i64>() {
                return Ok(Val::Int(n));
            }
            return number
                .parse::<f64>()
                .map(Val::Float)
                .or_else(|_| fail(format!("`{number}` is not a number")));
        }
        let name = self.identifier()?;
        match name.as_str() {
            "nil" | "null" => Ok(Val::Nil),
            "true" => Ok(Val::Bool(true)),
            "false" => Ok(Val::Bool(false)),
            "empty" => Ok(Val::Str(String::new())),
            _ => fail(format!("unknown variable `{name}`")),
        }
    }
}

/// The most text a template may produce: links and labels are short, and chained filters such as
/// `split: '' | join: 'long'` would otherwise grow without bound.
const MAX_TEXT: usize = 64 * 1024;

fn bounded(bytes: usize) -> Result<(), TemplateError> {
    if bytes > MAX_TEXT {
        return fail("the template produces more than 64 KB of text");
    }
    Ok(())
}

fn arg(args: &[Val], index: usize) -> Result<&Val, TemplateError> {
    args.get(index)
        .ok_or_else(|| TemplateError(format!("a filter needs argument {}", index + 1)))
}

fn str_arg(args: &[Val], index: usize) -> Result<String, TemplateError> {
    arg(args, index).map(Val::text)
}

fn filter(name: &str, input: Val, args: &[Val]) -> Result<Val, TemplateError> {
    let text = || input.text();
    Ok(match name {
        "downcase" => Val::Str(text().to_lowercase()),
        "upcase" => Val::Str(text().to_uppercase()),
        "capitalize" => {
            let t = text();
            let mut chars = t.chars();
            Val::Str(match chars.next() {
                Some(first) => first
                    .to_uppercase()
                    .chain(chars.as_str().to_lowercase().chars())
                    .collect(),
                None => String::new(),
            })
        }
        "strip" => Val::Str(text().trim().to_owned()),
        "lstrip" => Val::Str(text().trim_start().to_owned()),
        "rstrip" => Val::Str(text().trim_end().to_owned()),
        "replace" => {
            let (t, from, to) = (
                text(),
                str_arg(args, 0)?,
                str_arg(args, 1).unwrap_or_default(),
            );
            // An empty pattern matches between every character.
            let matches = if from.is_empty() {
                t.chars().count() + 1
            } else {
                t.matches(from.as_str()).count()
            };
            bounded(t.len().saturating_add(matches.saturating_mul(to.len())))?;
            Val::Str(t.replace(&from, &to))
        }
        "replace_first" => {
            Val::Str(text().replacen(&str_arg(args, 0)?, &str_arg(args, 1).unwrap_or_default(), 1))
        }
        "remove" => Val::Str(text().replace(&str_arg(args, 0)?, "")),
        "remove_first" => Val::Str(text().replacen(&str_arg(args, 0)?, "", 1)),
        "append" => Val::Str(text() + &str_arg(args, 0)?),
        "prepend" => Val::Str(str_arg(args, 0)? + &text()),
        "drop_zero_patch" => {
            let t = text();
            Val::Str(t.strip_suffix(".0").unwrap_or(&t).to_owned())
        }
        "split" => Val::Array(split(&text(), &str_arg(args, 0)?)),
        "join" => match input {
            Val::Array(items) => {
                let separator = match args.first() {
                    Some(sep) => sep.text(),
                    None => " ".to_owned(),
                };
                let texts: usize = items.iter().map(|item| item.text().len()).sum();
                bounded(texts.saturating_add(items.len().saturating_mul(separator.len())))?;
                let mut joined = String::new();
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        joined.push_str(&separator);
                    }
                    item.write(&mut joined);
                }
                Val::Str(joined)
            }
            other => other,
        },
        "first" => match input {
            Val::Array(items) => items.into_iter().next().unwrap_or(Val::Nil),
            _ => Val::Nil,
        },
        "last" => match input {
            Val::Array(items) => items.into_iter().last().unwrap_or(Val::Nil),
            _ => Val::Nil,
        },
        "pop" => match input {
            Val::Array(mut items) => {
                let count = match args.first() {
                    Some(n) => usize::try_from(n.int()?).unwrap_or(0),
                    None => 1,
                };
                items.truncate(items.len().saturating_sub(count));
                Val::Array(items)
            }
            other => other,
        },
        "slice" => {
            let offset = arg(args, 0)?.int()?;
            let length = match args.get(1) {
                Some(n) => n.int()?,
                None => 1,
            };
            match input {
                Val::Array(items) => Val::Array(slice(&items, offset, length).to_vec()),
                other => {
                    let chars: Vec<char> = other.text().chars().collect();
                    Val::Str(slice(&chars, offset, length).iter().collect())
                }
            }
        }
        "size" => match &input {
            Val::Array(items) => Val::Int(items.len() as i64),
            other => Val::Int(other.text().chars().count() as i64),
        },
        "default" => match &input {
            Val::Nil | Val::Bool(false) => arg(args, 0)?.clone(),
            Val::Str(s) if s.is_empty() => arg(args, 0)?.clone(),
            Val::Array(items) if items.is_empty() => arg(args, 0)?.clone(),
            _ => input,
        },
        "plus" | "minus" | "times" => arithmetic(name, &input.number()?, &arg(args, 0)?.number()?),
        _ => return fail(format!("unknown filter `{name}`")),
    })
}

fn arithmetic(name: &str, a: &Val, b: &Val) -> Val {
    match (a, b) {
        (Val::Int(x), Val::Int(y)) => {
            let result = match name {
                "plus" => x.checked_add(*y),
                "minus" => x.checked_sub(*y),
                _ => x.checked_mul(*y),
            };
            result.map_or(Val::Nil, Val::Int)
        }
        _ => {
            let float = |v: &Val| match v {
                Val::Int(n) => *n as f64,
                Val::Float(x) => *x,
                _ => 0.0,
            };
            let (x, y) = (float(a), float(b));
            Val::Float(match name {
                "plus" => x + y,
                "minus" => x - y,
                _ => x * y,
            })
        }
    }
}

/// Ruby's `String#split` as Liquid uses it: a single space splits on runs of white space; an
/// empty separator splits into characters; trailing empty strings are dropped.
fn split(text: &str, separator: &str) -> Vec<Val> {
    let mut parts: Vec<String> = if separator == " " {
        text.split_whitespace().map(str::to_owned).collect()
    } else if separator.is_empty() {
        text.chars().map(String::from).collect()
    } else {
        text.split(separator).map(str::to_owned).collect()
    };
    while parts.last().is_some_and(String::is_empty) {
        parts.pop();
    }
    parts.into_iter().map(Val::Str).collect()
}

/// Liquid's `slice`: `length` items from `offset`, counted from the end when negative.
fn slice<T>(items: &[T], offset: i64, length: i64) -> &[T] {
    let len = items.len() as i64;
    let start = if offset < 0 { len + offset } else { offset };
    if start < 0 || start >= len || length <= 0 {
        return &[];
    }
    let end = start.saturating_add(length).min(len);
    items.get(start as usize..end as usize).unwrap_or(&[])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars<'a>(cycle: &'a str, latest: Option<&'a str>) -> Vars<'a> {
        Vars {
            cycle,
            latest,
            ..Vars::default()
        }
    }

    #[test]
    fn placeholders_are_replaced_and_missing_ones_emptied() {
        let v = Vars {
            cycle: "1.2",
            codename: Some("Dallas"),
            release_date: Date::parse("2022-11-16").ok(),
            latest: Some("1.2.3"),
            latest_release_date: Date::parse("2023-01-02").ok(),
            cycle_short_hand: Some("12"),
            latest_short_hand: None,
        };
        let out = render(
            "  /r/__RELEASE_CYCLE__/__CODENAME__/__RELEASE_DATE__/__LATEST__/__LATEST_RELEASE_DATE__/__CYCLE_SHORT_HAND__/__LATEST_SHORT_HAND__\n",
            &v,
        );
        assert_eq!(
            out.unwrap(),
            "/r/1.2/Dallas/2022-11-16/1.2.3/2023-01-02/12/"
        );
    }

    #[test]
    fn liquid_filters_from_real_files() {
        let cases = [
            (
                r#"v{{"__RELEASE_CYCLE__" | split:'.' | first}}-changelog#{{"__RELEASE_CYCLE__"}}"#,
                "22.8",
                None,
                "v22-changelog#22.8",
            ),
            (
                "{{'__LATEST__'|replace:'.','-'}}.html",
                "2.4",
                Some("2.4.7-p3"),
                "2-4-7-p3.html",
            ),
            (
                "oneplus-{{'__RELEASE_CYCLE__'|downcase}}",
                "Nord-2T",
                None,
                "oneplus-nord-2t",
            ),
            (
                r#"rnV{{ "__LATEST__"|replace_first:'.','' }}/p"#,
                "8",
                Some("2412.1"),
                "rnV24121/p",
            ),
            (
                "{{ '__LATEST__' | split: '.' | slice: 0, 2 | join: '.' }}",
                "x",
                Some("1.2.3"),
                "1.2",
            ),
            (
                "{{ '__LATEST__' | split: '.' | pop | join: '.' }}",
                "x",
                Some("1.2.3"),
                "1.2",
            ),
            (
                "{{ '__LATEST__' | split: '.' | last }}",
                "x",
                Some("1.2.3"),
                "3",
            ),
            (
                "{{ '__LATEST__' | drop_zero_patch }}",
                "x",
                Some("2.1.0"),
                "2.1",
            ),
            (
                "{{ '__LATEST__' | drop_zero_patch }}",
                "x",
                Some("2.1.1"),
                "2.1.1",
            ),
            ("{{ '__RELEASE_CYCLE__' | plus: 1 }}", "41", None, "42"),
            ("{{ '__RELEASE_CYCLE__' | upcase }}", "ab", None, "AB"),
            (
                "{{ '__RELEASE_CYCLE__' | slice: 1, 2 }}",
                "abcd",
                None,
                "bc",
            ),
            ("{{- '__RELEASE_CYCLE__' -}}", "a", None, "a"),
        ];
        for (template, cycle, latest, expected) in cases {
            assert_eq!(
                render(template, &vars(cycle, latest)).unwrap(),
                expected,
                "{template}"
            );
        }
    }

    #[test]
    fn templates_that_cannot_be_evaluated_are_errors() {
        let cases = [
            ("{{ 'a' | frobnicate }}", "unknown filter `frobnicate`"),
            ("{{ page.title }}", "unknown variable `page`"),
            (
                "{% if x %}a{% endif %}",
                "Liquid tags (`{% ... %}`) are not supported here",
            ),
            ("{{ 'a' ", "a Liquid tag is not closed with `}}`"),
            ("{{ 'a }}", "a quoted string in a Liquid tag is not closed"),
        ];
        for (template, message) in cases {
            assert_eq!(
                render(template, &vars("1", None)).unwrap_err().to_string(),
                message,
                "{template}"
            );
        }
    }

    #[test]
    fn templates_that_would_grow_without_bound_are_errors() {
        let alphabet = "abcdefghijklmnopqrstuvwxyz";
        let grow = format!("{{{{ '{alphabet}' | split: '' | join: '{alphabet}' | split: '' | join: '{alphabet}' | split: '' | join: '{alphabet}' }}}}");
        let long = "x".repeat(80);
        let replace = format!("{{{{ 'abc' | replace: '', '{long}' | replace: '', '{long}' | replace: '', '{long}' }}}}");
        for template in [grow, replace] {
            assert_eq!(
                render(&template, &vars("1", None)).unwrap_err().to_string(),
                "the template produces more than 64 KB of text"
            );
        }
    }
}
