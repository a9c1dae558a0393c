//! Link and label templates: `__PLACEHOLDER__`s are replaced, then the text is evaluated as
//! Liquid, the way Ruby Liquid (which endoflife.date renders them with) evaluates it.
//!
//! Supported: output `{{ value | filter: arg }}` with white-space control, the tags `if`,
//! `elsif`, `else`, `unless`, `case`/`when`, `assign`, `capture`, `comment`, `{% # ... %}` and
//! `raw`, and Ruby Liquid's standard text and number filters plus `pop` and `drop_zero_patch`.
//! There are no loops (`for` is an unknown tag), so the work is linear in the template; filters
//! can still build large values, so every step is paid for from a [`Budget`] that the caller
//! may share across all the templates of a product.
//!
//! ```
//! use eol_table::core::template::{render, Vars};
//!
//! let vars = Vars { cycle: "28.1", ..Vars::default() };
//! let template = "{% assign major = '__RELEASE_CYCLE__' | split: '.' | first | plus: 0 %}\
//!                 {% if major >= 27 %}new/{{ major }}{% else %}old{% endif %}";
//! assert_eq!(render(template, &vars).unwrap(), "new/28");
//! ```

mod arith;
mod expr;
mod filters;
mod lexer;
mod parse;
mod render;
mod value;

use std::fmt;

use super::date::Date;

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

/// The most text one template, or one value in it, may hold: links and labels are short.
const MAX_TEXT: usize = 64 * 1024;

const TOO_MUCH_TEXT: &str = "the template produces more than 64 KB of text";

/// How deep `if`, `unless`, `case` and `capture` (and brackets in expressions) may nest.
const MAX_DEPTH: usize = 64;

/// The work templates may still do, in steps: each tag and filter evaluated, each item of a
/// list and each byte of text a filter or an output produces or copies is one step.
///
/// Share one budget across all the templates of a product, so that a costly template is not
/// multiplied by hundreds of releases: once it is spent, every later evaluation is an error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Budget {
    limit: u64,
    left: u64,
}

impl Budget {
    /// The default budget for one product's templates: real templates take a few hundred steps
    /// per release.
    pub const PER_PRODUCT: u64 = 4_000_000;

    /// A budget of `steps`.
    pub fn new(steps: u64) -> Self {
        Budget {
            limit: steps,
            left: steps,
        }
    }

    /// The steps not spent yet.
    pub fn left(&self) -> u64 {
        self.left
    }

    fn spend(&mut self, steps: u64) -> Result<(), TemplateError> {
        self.afford(steps)?;
        self.left -= steps;
        Ok(())
    }

    /// Fails when `steps` are more than what is left, without spending them.
    fn afford(&self, steps: u64) -> Result<(), TemplateError> {
        if steps > self.left {
            return fail(format!(
                "the templates take more than {} steps of work",
                self.limit
            ));
        }
        Ok(())
    }
}

impl Default for Budget {
    fn default() -> Self {
        Budget::new(Budget::PER_PRODUCT)
    }
}

/// The value of a variable given to [`liquid_with`].
#[derive(Debug, Clone, PartialEq)]
pub enum Data {
    /// `nil`.
    Nil,
    /// `true` or `false`.
    Bool(bool),
    /// A whole number.
    Int(i64),
    /// A number with a fraction.
    Float(f64),
    /// Text.
    Text(String),
    /// A list of values.
    List(Vec<Data>),
}

impl Data {
    fn value(&self) -> value::Value {
        use value::Value;
        match self {
            Data::Nil => Value::Nil,
            Data::Bool(b) => Value::Bool(*b),
            Data::Int(n) => Value::Int(*n),
            Data::Float(x) => Value::Float(*x),
            Data::Text(s) => Value::Str(s.clone()),
            Data::List(items) => Value::Array(items.iter().map(Data::value).collect()),
        }
    }
}

/// Trims `template`, replaces its placeholders (absent values become empty) and evaluates the
/// Liquid in it, with a budget of its own.
pub fn render(template: &str, vars: &Vars<'_>) -> Result<String, TemplateError> {
    render_with_budget(template, vars, &mut Budget::default())
}

/// [`render`], paying from `budget`.
pub fn render_with_budget(
    template: &str,
    vars: &Vars<'_>,
    budget: &mut Budget,
) -> Result<String, TemplateError> {
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
        let found = text.matches(placeholder).count();
        if found == 0 {
            continue;
        }
        let grown = found.saturating_mul(value.len().saturating_sub(placeholder.len()));
        if text.len().saturating_add(grown) > MAX_TEXT {
            return fail(TOO_MUCH_TEXT);
        }
        text = text.replace(placeholder, value);
    }
    // What the placeholders added is paid for, as text a filter builds is.
    let added = text.len().saturating_sub(template.len());
    budget.spend(u64::try_from(added).unwrap_or(u64::MAX))?;
    liquid_with(&text, &[], budget)
}

/// Evaluates the Liquid in `text`, with no variables set and a budget of its own.
pub fn liquid(text: &str) -> Result<String, TemplateError> {
    liquid_with(text, &[], &mut Budget::default())
}

/// Evaluates the Liquid in `text` with the variables `globals` (which `assign` and `capture`
/// may shadow), paying from `budget`.
pub fn liquid_with(
    text: &str,
    globals: &[(&str, Data)],
    budget: &mut Budget,
) -> Result<String, TemplateError> {
    budget.spend(text.len() as u64)?;
    let nodes = parse::parse(text)?;
    render::render(&nodes, globals, budget)
}

#[cfg(test)]
mod tests;
