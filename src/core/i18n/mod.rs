//! The message catalogue: every string the table, card, timeline, badge, version verdict and
//! export headers show, by stable id (`filter.maintained`), with English as the source
//! ([`english::ENGLISH`]) and one JSON file per language (`i18n/<tag>.json`, built in with the
//! cargo feature `i18n`; `EOL_TABLE_LOCALES=fr,de` at build time picks a subset).
//!
//! Messages name their values (`Showing {shown} of {count} releases`); a message that holds a
//! number has a text per CLDR plural category, chosen by a [`PluralRule`] the caller brings: the
//! browser's `Intl.PluralRules`, or natively [`cldr_rule`] (the `intl_pluralrules` crate).
//! A locale falls back from its tag to its language to English (`pt-BR`, `pt`, `en`), and the
//! `messages` option overrides any message ([`Overrides`]).

mod english;

use std::borrow::Cow;
use std::collections::BTreeMap;

pub use english::ENGLISH;

/// A CLDR plural category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Category {
    /// `zero`.
    Zero,
    /// `one`.
    One,
    /// `two`.
    Two,
    /// `few`.
    Few,
    /// `many`.
    Many,
    /// `other`: every language has it.
    Other,
}

impl Category {
    /// Every category.
    pub const ALL: [Category; 6] = [
        Category::Zero,
        Category::One,
        Category::Two,
        Category::Few,
        Category::Many,
        Category::Other,
    ];

    /// Its CLDR name: `one`, `few`.
    pub fn name(self) -> &'static str {
        match self {
            Category::Zero => "zero",
            Category::One => "one",
            Category::Two => "two",
            Category::Few => "few",
            Category::Many => "many",
            Category::Other => "other",
        }
    }

    /// The category named `name`.
    pub fn parse(name: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.name() == name)
    }
}

/// Where plural categories come from: `Intl.PluralRules` in the browser, CLDR's rules natively.
pub trait PluralRule {
    /// The category of the count `n`.
    fn category(&self, n: u64) -> Category;
}

/// An English message as the source holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// One text.
    Text(&'static str),
    /// A text per plural category (`one`, `other`).
    Plural(&'static [(Category, &'static str)]),
}

/// A message of a translation or an override.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// One text.
    Text(String),
    /// A text per plural category; `other` is always there.
    Plural(Vec<(Category, String)>),
}

impl Message {
    /// Every text of the message.
    pub fn texts(&self) -> Vec<&str> {
        match self {
            Message::Text(text) => vec![text.as_str()],
            Message::Plural(forms) => forms.iter().map(|(_, t)| t.as_str()).collect(),
        }
    }

    fn pick(&self, category: Category) -> &str {
        match self {
            Message::Text(text) => text,
            Message::Plural(forms) => forms
                .iter()
                .find(|(c, _)| *c == category)
                .or_else(|| forms.iter().find(|(c, _)| *c == Category::Other))
                .map_or("", |(_, text)| text.as_str()),
        }
    }
}

impl Source {
    /// The source as a [`Message`].
    pub fn message(self) -> Message {
        match self {
            Source::Text(text) => Message::Text(text.to_owned()),
            Source::Plural(forms) => Message::Plural(
                forms
                    .iter()
                    .map(|(c, text)| (*c, (*text).to_owned()))
                    .collect(),
            ),
        }
    }

    fn pick(self, category: Category) -> &'static str {
        match self {
            Source::Text(text) => text,
            Source::Plural(forms) => forms
                .iter()
                .find(|(c, _)| *c == category)
                .or_else(|| forms.iter().find(|(c, _)| *c == Category::Other))
                .map_or("", |(_, text)| text),
        }
    }
}

/// The English source of message `id`.
pub fn english(id: &str) -> Option<Source> {
    ENGLISH.iter().find(|(i, _)| *i == id).map(|(_, s)| *s)
}

/// The placeholders of `text`: `{shown}` gives `shown`.
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let after = rest.get(start + 1..).unwrap_or("");
        let Some(end) = after.find('}') else { break };
        out.push(after.get(..end).unwrap_or(""));
        rest = after.get(end + 1..).unwrap_or("");
    }
    out
}

/// The placeholders message `id` may use: those of its English text.
fn allowed(source: Source) -> Vec<&'static str> {
    let mut names = match source {
        Source::Text(text) => placeholders(text),
        Source::Plural(forms) => forms.iter().flat_map(|(_, t)| placeholders(t)).collect(),
    };
    let mut seen = Vec::new();
    names.retain(|name| {
        let first = !seen.contains(name);
        seen.push(*name);
        first
    });
    names
}

/// Checks `message` as a replacement of message `id`: a known id, known placeholders, known
/// plural categories. `Err` says what is wrong, in words for the person who wrote it.
pub fn check(id: &str, message: &Message) -> Result<(), String> {
    let Some(source) = english(id) else {
        return Err(format!(
            "there is no message `{id}` (the README lists every id)"
        ));
    };
    let allowed = allowed(source);
    for text in message.texts() {
        if let Some(name) = placeholders(text)
            .into_iter()
            .find(|p| !allowed.contains(p))
        {
            let known = if allowed.is_empty() {
                "it takes none".to_owned()
            } else {
                let names: Vec<String> = allowed.iter().map(|p| format!("{{{p}}}")).collect();
                format!("it takes {}", names.join(", "))
            };
            return Err(format!(
                "the message `{id}` has an unknown placeholder `{{{name}}}`: {known}"
            ));
        }
    }
    if let Message::Plural(forms) = message {
        if !forms.iter().any(|(c, _)| *c == Category::Other) {
            return Err(format!("the message `{id}` needs an `other` form"));
        }
    }
    Ok(())
}

/// Messages replacing the catalogue's, from the `messages` option, checked.
pub type Overrides = BTreeMap<String, Message>;

/// The messages of one locale: a translation (or English), with overrides on top.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Messages {
    tag: Cow<'static, str>,
    translation: BTreeMap<String, Message>,
    overrides: Overrides,
}

/// The English messages, nothing overridden.
pub static ENGLISH_MESSAGES: Messages = Messages {
    tag: Cow::Borrowed("en"),
    translation: BTreeMap::new(),
    overrides: BTreeMap::new(),
};

/// The translations built in: `(tag, JSON text)`, from `i18n/` (none without the `i18n`
/// feature).
#[cfg(feature = "i18n")]
pub mod built_in {
    include!(concat!(env!("OUT_DIR"), "/languages.rs"));
}

/// The tags of the built-in translations, English first.
pub fn tags() -> Vec<&'static str> {
    #[cfg(feature = "i18n")]
    let built_in = built_in::LANGUAGES.iter().map(|(tag, _)| *tag);
    #[cfg(not(feature = "i18n"))]
    let built_in = std::iter::empty();
    std::iter::once("en").chain(built_in).collect()
}

/// The tag of the catalogue that `locale` reads, from `available` tags: the tag itself, then
/// its language (`pt-BR`, then `pt`), then a tag of the same language (`zh-CN` reads `zh-Hans`),
/// then English. Tags compare without regard to case, `_` as `-`.
pub fn resolve<'a>(locale: &str, available: &[&'a str]) -> &'a str {
    let wanted = locale.trim().replace('_', "-");
    let language = wanted.split('-').next().unwrap_or("");
    let same = |a: &str, b: &str| a.eq_ignore_ascii_case(b);
    let language_of = |tag: &str| tag.split('-').next().unwrap_or("").to_owned();
    available
        .iter()
        .find(|tag| same(tag, &wanted))
        .or_else(|| available.iter().find(|tag| same(tag, language)))
        .or_else(|| {
            available
                .iter()
                .find(|tag| same(&language_of(tag), language))
        })
        .copied()
        .unwrap_or("en")
}

/// Reads a translation file: an object of ids to a text, or to an object of plural categories
/// to texts.
#[cfg(feature = "i18n")]
pub fn read_translation(json: &str) -> Result<BTreeMap<String, Message>, String> {
    serde_json::from_str(json).map_err(|e| e.to_string())
}

/// A message as JSON or a JS object gives it: a text, or an object of plural forms
/// (`{ "one": "…", "other": "…" }`).
impl<'de> serde::Deserialize<'de> for Message {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(MessageVisitor)
    }
}

struct MessageVisitor;

impl<'de> serde::de::Visitor<'de> for MessageVisitor {
    type Value = Message;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("text, or an object of plural forms such as { one: \"…\", other: \"…\" }")
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Message::Text(v.to_owned()))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut forms = Vec::new();
        while let Some((name, text)) = map.next_entry::<String, String>()? {
            let category = Category::parse(&name).ok_or_else(|| {
                serde::de::Error::custom(format!(
                    "`{name}` is not a plural category (zero, one, two, few, many, other)"
                ))
            })?;
            forms.push((category, text));
        }
        Ok(Message::Plural(forms))
    }
}

impl Messages {
    /// The messages for `locale` through the fallback chain ([`resolve`]); English when no
    /// built-in translation fits.
    pub fn for_locale(locale: &str) -> Messages {
        let tag = resolve(locale, &tags());
        #[cfg(feature = "i18n")]
        if let Some((tag, json)) = built_in::LANGUAGES.iter().find(|(t, _)| *t == tag) {
            // The files are checked by the tests; a broken one would read English.
            if let Ok(translation) = read_translation(json) {
                return Messages {
                    tag: Cow::Borrowed(tag),
                    translation,
                    overrides: Overrides::new(),
                };
            }
        }
        let _ = tag;
        ENGLISH_MESSAGES.clone()
    }

    /// These messages with `overrides` on top.
    pub fn with_overrides(mut self, overrides: Overrides) -> Messages {
        self.overrides = overrides;
        self
    }

    /// The tag of the catalogue: `en`, `fr`, `pt-BR`.
    pub fn tag(&self) -> &str {
        &self.tag
    }

    /// Whether these are the English messages.
    pub fn is_english(&self) -> bool {
        self.tag == "en"
    }

    /// The text of message `id` for `category` (`Other` for plain messages).
    fn raw<'a>(&'a self, id: &'a str, category: Category) -> &'a str {
        if let Some(message) = self.overrides.get(id).or_else(|| self.translation.get(id)) {
            return message.pick(category);
        }
        english(id).map_or(id_text(id), |source| source.pick(category))
    }

    /// Message `id` whole, its plural forms too (overrides, translation, English source).
    pub fn message(&self, id: &str) -> Message {
        match self.overrides.get(id).or_else(|| self.translation.get(id)) {
            Some(message) => message.clone(),
            None => english(id).map_or_else(|| Message::Text(id.to_owned()), Source::message),
        }
    }

    /// Message `id` as it reads, placeholders left in.
    pub fn text<'a>(&'a self, id: &'a str) -> &'a str {
        self.raw(id, Category::Other)
    }

    /// Message `id` with its placeholders filled in from `args`.
    pub fn format(&self, id: &str, args: &[(&str, &str)]) -> String {
        fill(self.raw(id, Category::Other), args)
    }

    /// Plural message `id` for `count` (of `category`), `{count}` and `args` filled in.
    pub fn count(&self, id: &str, count: u64, category: Category, args: &[(&str, &str)]) -> String {
        let count = count.to_string();
        let mut all = vec![("count", count.as_str())];
        all.extend_from_slice(args);
        fill(self.raw(id, category), &all)
    }

    /// Message `id` with `args` filled in, split around placeholder `name`: the text before it
    /// and after it (for a message with an element in it, such as a link).
    pub fn around(&self, id: &str, name: &str, args: &[(&str, &str)]) -> (String, String) {
        let marker = ["{", name, "}"].concat();
        let text = self.raw(id, Category::Other);
        match text.split_once(&marker) {
            Some((before, after)) => (fill(before, args), fill(after, args)),
            None => (fill(text, args), String::new()),
        }
    }
}

/// What a message id reads that no catalogue knows: the id itself (never empty text).
fn id_text(id: &str) -> &str {
    id
}

/// `text` with each `{name}` of `args` replaced; other braces stay.
pub fn fill(text: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        out.push_str(rest.get(..start).unwrap_or(""));
        let after = rest.get(start + 1..).unwrap_or("");
        let value = after.find('}').and_then(|end| {
            let name = after.get(..end)?;
            let (_, value) = args.iter().find(|(n, _)| *n == name)?;
            Some((*value, end))
        });
        match value {
            Some((value, end)) => {
                out.push_str(value);
                rest = after.get(end + 1..).unwrap_or("");
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// CLDR's plural rule for `tag` (its language when the tag is not known), from the
/// `intl_pluralrules` crate; English's when neither is.
#[cfg(not(target_family = "wasm"))]
pub fn cldr_rule(tag: &str) -> Box<dyn PluralRule> {
    use intl_pluralrules::{PluralRuleType, PluralRules};
    let create = |tag: &str| {
        tag.parse::<unic_langid::LanguageIdentifier>()
            .ok()
            .and_then(|id| PluralRules::create(id, PluralRuleType::CARDINAL).ok())
    };
    let language = tag.split('-').next().unwrap_or("en");
    match create(tag)
        .or_else(|| create(language))
        .or_else(|| create("en"))
    {
        Some(rules) => Box::new(Cldr(rules)),
        None => Box::new(OtherOnly),
    }
}

#[cfg(not(target_family = "wasm"))]
struct Cldr(intl_pluralrules::PluralRules);

#[cfg(not(target_family = "wasm"))]
impl PluralRule for Cldr {
    fn category(&self, n: u64) -> Category {
        use intl_pluralrules::PluralCategory as P;
        match self.0.select(n) {
            Ok(P::ZERO) => Category::Zero,
            Ok(P::ONE) => Category::One,
            Ok(P::TWO) => Category::Two,
            Ok(P::FEW) => Category::Few,
            Ok(P::MANY) => Category::Many,
            _ => Category::Other,
        }
    }
}

/// Every count is `other`: what a plural message reads when no rule can be had.
#[derive(Debug, Clone, Copy, Default)]
pub struct OtherOnly;

impl PluralRule for OtherOnly {
    fn category(&self, _: u64) -> Category {
        Category::Other
    }
}

#[cfg(test)]
mod tests;
