//! A stack: the products someone runs and their versions, checked together. Reads the stack
//! description (YAML or JSON: `title`, `products: [{product, version, label?, src?}]`), checks
//! each entry with [`lookup::check`](super::lookup::check), sorts the results by urgency and
//! counts them; [`table`] makes the stack table model that the widget and the CLI show.

pub mod messages;
pub mod table;

use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize};

use super::date::Day;
use super::error::Error;
use super::input::{self, Format};
use super::lookup::{self, Check, Standing};
use super::model::{Names, Product};
use super::wording::Words;
use super::{products, view, yaml};

/// A stack description.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Stack {
    /// Its title, if it has one.
    #[serde(default)]
    pub title: Option<String>,
    /// The entries, in the file's order.
    pub products: Vec<Entry>,
}

/// One entry: a product and the version in use.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The product's id (`istio`).
    #[serde(deserialize_with = "product_id")]
    pub product: String,
    /// The version in use (`1.12.4`).
    #[serde(deserialize_with = "version")]
    pub version: String,
    /// What this entry is in the stack ("service mesh"), if given.
    #[serde(default)]
    pub label: Option<String>,
    /// Where the product file is: a URL in the browser, a path (relative to the stack file) in
    /// the CLI.
    #[serde(default)]
    pub src: Option<String>,
}

/// What one entry's product file counts against the stack file's size, in bytes: an entry is
/// one evaluation of its product and a row of the table.
const ENTRY_COST: usize = 4096;
/// What any stack file may hold, however small: 256 entries.
const ENTRY_FLOOR: usize = 256 * ENTRY_COST;
/// How many bytes of entries each byte of the file may hold.
const ENTRY_PER_INPUT_BYTE: usize = 16;

/// Reads a stack description from YAML or JSON text.
pub fn parse(text: &str) -> Result<Stack, Error> {
    let text = text.trim_start_matches('\u{feff}');
    let stack: Stack = yaml::read(text, 1, std::marker::PhantomData)?;
    check_count(&stack, text.len())?;
    Ok(stack)
}

/// Checks a stack read from elsewhere (a JS object) like a file of `len` bytes.
pub fn check_count(stack: &Stack, len: usize) -> Result<(), Error> {
    let limit = len
        .saturating_mul(ENTRY_PER_INPUT_BYTE)
        .saturating_add(ENTRY_FLOOR)
        / ENTRY_COST;
    let count = stack.products.len();
    if count <= limit {
        return Ok(());
    }
    Err(Error::content(messages::too_many(count, limit), None))
}

fn product_id<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    struct Id;
    impl Visitor<'_> for Id {
        type Value = String;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a product id such as \"istio\"")
        }
        fn visit_str<E: de::Error>(self, id: &str) -> Result<String, E> {
            let ok = !id.is_empty()
                && id.len() <= 100
                && id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
                && !id.starts_with('.');
            if ok {
                Ok(id.to_owned())
            } else {
                Err(yaml::invalid(messages::bad_id(id)))
            }
        }
    }
    deserializer.deserialize_str(Id)
}

/// A version as written: YAML's `1.10` stays `1.10` (serde_yaml hands over the text); from a JS
/// object, a number becomes its text.
fn version<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    struct Text;
    impl Visitor<'_> for Text {
        type Value = String;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a version as text, such as \"1.12.4\"")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
            if v.trim().is_empty() {
                return Err(yaml::invalid(messages::BLANK_VERSION));
            }
            Ok(v.to_owned())
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<String, E> {
            Ok(v.to_string())
        }
    }
    deserializer.deserialize_str(Text)
}

/// What the caller has for an entry's product file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The file's text.
    Text(String),
    /// Why it could not be loaded ("could not load https://…: HTTP 404 Not Found").
    Failed(String),
}

/// Why an entry could not be checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Problem {
    /// No source was given and no product of that id is built in.
    UnknownProduct,
    /// The source could not be loaded (an HTTP error, a missing file).
    LoadFailed,
    /// The source is not a product file that can be read.
    BadFile,
    /// The version matches no release cycle.
    UnknownVersion,
}

impl Problem {
    /// `unknownProduct`, `loadFailed`, `badFile` or `unknownVersion`.
    pub fn as_str(self) -> &'static str {
        match self {
            Problem::UnknownProduct => "unknownProduct",
            Problem::LoadFailed => "loadFailed",
            Problem::BadFile => "badFile",
            Problem::UnknownVersion => "unknownVersion",
        }
    }
}

/// The result of one entry: the `checkVersion` result plus the product's id and title.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EntryResult {
    /// The product's id, as the entry names it.
    pub id: String,
    /// The product's title (the id when the product is unknown).
    pub title: String,
    /// The entry's label (`label` is the matched cycle's, as `checkVersion` gives it).
    pub entry_label: Option<String>,
    /// The version check (for a product that could not be read: not found, status unknown,
    /// the reason as its message).
    #[serde(flatten)]
    pub check: Check,
    /// Why the entry could not be checked, when it could not.
    pub problem: Option<Problem>,
    /// That reason in words.
    pub reason: Option<String>,
}

/// How many entries are in each state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    /// Every entry.
    pub total: usize,
    /// Supported.
    pub ok: usize,
    /// Ending soon.
    pub soon: usize,
    /// Past their end of life.
    pub ended: usize,
    /// Unknown: not found, not readable, or without an end-of-life date.
    pub unknown: usize,
    /// The days left of the entry ending soon that ends last (`null` without one): "ending
    /// within N days".
    pub within_days: Option<i64>,
    /// The summary in one sentence.
    pub message: String,
}

/// One checked entry.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// What `checkStack` returns for it.
    pub result: EntryResult,
    /// Its product in [`Checked::products`], when it could be read.
    pub product: Option<usize>,
}

/// A checked stack.
#[derive(Debug, Clone)]
pub struct Checked {
    /// The stack's title.
    pub title: Option<String>,
    /// The day it was checked for.
    pub today: Day,
    /// The products read, each once.
    pub products: Vec<Product>,
    /// One per entry, most urgent first.
    pub outcomes: Vec<Outcome>,
    /// The counts.
    pub summary: Summary,
}

/// What `checkStack` returns.
#[derive(Debug, Serialize)]
pub struct Report<'a> {
    /// The stack's title.
    pub title: Option<&'a str>,
    /// One per entry, most urgent first.
    pub results: Vec<&'a EntryResult>,
    /// The counts.
    pub summary: &'a Summary,
}

impl Checked {
    /// What `checkStack` returns.
    pub fn report(&self) -> Report<'_> {
        Report {
            title: self.title.as_deref(),
            results: self.outcomes.iter().map(|o| &o.result).collect(),
            summary: &self.summary,
        }
    }
}

/// Checks every entry of `stack` on `today`. `source` gives an entry's product file when the
/// caller has one (by its `src`, or its product id); without one, a built-in product of that id
/// is used. Each distinct source is read once.
pub fn check(
    stack: &Stack,
    today: Day,
    source: &mut dyn FnMut(&Entry) -> Option<Source>,
    words: &dyn Words,
) -> Checked {
    let mut products: Vec<Product> = Vec::new();
    // What each source key (an entry's `src`, else its id) came to: a product's index, or why not.
    let mut read: Vec<(String, Loaded)> = Vec::new();
    let mut loaded = Vec::with_capacity(stack.products.len());
    for entry in &stack.products {
        let key = entry.src.clone().unwrap_or_else(|| entry.product.clone());
        let found = match read.iter().find(|(k, _)| *k == key) {
            Some((_, found)) => found.clone(),
            None => {
                let found = load(entry, source(entry), words).map(|product| {
                    products.push(product);
                    products.len() - 1
                });
                read.push((key, found.clone()));
                found
            }
        };
        loaded.push(found);
    }
    // Each product is evaluated once, however many entries name it.
    let views: Vec<view::ProductView<'_>> =
        products.iter().map(|p| view::evaluate(p, today)).collect();
    let mut outcomes: Vec<Outcome> = stack
        .products
        .iter()
        .zip(loaded)
        .map(|(entry, found)| match found {
            Ok(index) => match views.get(index) {
                Some(view) => checked(entry, view, index, words),
                None => failed(
                    entry,
                    Problem::UnknownProduct,
                    messages::unknown_product(words, &entry.product),
                    words,
                ),
            },
            Err((problem, reason)) => failed(entry, problem, reason, words),
        })
        .collect();
    drop(views);
    outcomes.sort_by_key(urgency);
    let summary = summarise(&outcomes, words);
    Checked {
        title: stack.title.clone(),
        today,
        products,
        outcomes,
        summary,
    }
}

/// A source read: its product's index, or why it could not be.
type Loaded = Result<usize, (Problem, String)>;

/// Reads an entry's product from its source or the built-in products.
fn load(
    entry: &Entry,
    source: Option<Source>,
    words: &dyn Words,
) -> Result<Product, (Problem, String)> {
    let text = match source {
        Some(Source::Text(text)) => text,
        Some(Source::Failed(why)) => {
            return Err((Problem::LoadFailed, messages::load_failed(&why)))
        }
        None => match products::builtin(&entry.product) {
            Some(text) => text.to_owned(),
            None => {
                return Err((
                    Problem::UnknownProduct,
                    messages::unknown_product(words, &entry.product),
                ))
            }
        },
    };
    let names = Names {
        name: Some(entry.product.clone()),
        title: None,
    };
    input::read_named(&text, Format::Auto, &names).map_err(|err| {
        (
            Problem::BadFile,
            messages::bad_file(&entry.product, &err.to_string()),
        )
    })
}

fn checked(
    entry: &Entry,
    view: &view::ProductView<'_>,
    index: usize,
    words: &dyn Words,
) -> Outcome {
    let check = lookup::check_in(view, &entry.version, words);
    let (problem, reason) = if check.found {
        (None, None)
    } else {
        (Some(Problem::UnknownVersion), Some(check.message.clone()))
    };
    Outcome {
        result: EntryResult {
            id: entry.product.clone(),
            title: view.product.title.clone(),
            entry_label: entry.label.clone(),
            check,
            problem,
            reason,
        },
        product: Some(index),
    }
}

fn failed(entry: &Entry, problem: Problem, reason: String, words: &dyn Words) -> Outcome {
    let short = words
        .text(messages::status(Standing::Unknown))
        .to_lowercase();
    let check = Check::not_found(&entry.product, &entry.version, reason.clone(), short);
    Outcome {
        result: EntryResult {
            id: entry.product.clone(),
            title: entry.product.clone(),
            entry_label: entry.label.clone(),
            check,
            problem: Some(problem),
            reason: Some(reason),
        },
        product: None,
    }
}

/// Ended first (longest ended first), then the soonest end, then supported entries without an
/// end date, then the unknown ones; the file's order among equals.
fn urgency(outcome: &Outcome) -> (u8, i64) {
    let check = &outcome.result.check;
    let days = check.days_left;
    match check.status {
        Standing::Ended => (0, days.unwrap_or(i64::MIN)),
        Standing::Soon | Standing::Ok => match days {
            Some(days) => (1, days),
            None => (2, 0),
        },
        Standing::Unknown => (3, 0),
    }
}

fn summarise(outcomes: &[Outcome], words: &dyn Words) -> Summary {
    let count = |standing: Standing| {
        outcomes
            .iter()
            .filter(|o| o.result.check.status == standing)
            .count()
    };
    let (ok, soon, ended, unknown) = (
        count(Standing::Ok),
        count(Standing::Soon),
        count(Standing::Ended),
        count(Standing::Unknown),
    );
    let within_days = outcomes
        .iter()
        .filter(|o| o.result.check.status == Standing::Soon)
        .filter_map(|o| o.result.check.days_left)
        .max();
    Summary {
        total: outcomes.len(),
        ok,
        soon,
        ended,
        unknown,
        within_days,
        message: String::new(),
    }
    .worded(words)
}

impl Summary {
    /// The summary in one sentence, in the language of `words`: "3 products: 1 past end of
    /// life, 1 ending within 60 days, 1 unknown".
    pub fn words(&self, words: &dyn Words) -> String {
        messages::summary(
            words,
            self.total,
            self.ended,
            self.soon,
            self.within_days,
            self.unknown,
        )
    }

    fn worded(mut self, words: &dyn Words) -> Summary {
        self.message = self.words(words);
        self
    }
}

#[cfg(test)]
mod tests;
