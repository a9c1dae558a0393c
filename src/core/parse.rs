//! Reads a product file, in the 2022 schema or the current one, into the normalised [`Product`].
//!
//! The visitors here stream through the YAML with serde (so an error points at the value that is
//! wrong) and map 2022 fields onto current ones as they go: `release` → `releaseDate`, `support`
//! → `eoas` and `extendedSupport` → `eoes` (booleans inverted), `releaseColumn` → the Latest
//! column, `command` → `versionCommand`, and `sortReleasesBy` applied once all releases are read.
//! A key given twice keeps its last value, as the site's Ruby and `JSON.parse` do.

use std::cell::Cell;
use std::cmp::Ordering;
use std::collections::HashMap;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::date::{Date, DateError, Day};
use super::error::{Error, Location, Warning};
use super::frontmatter;
use super::model::{
    headers, Columns, CustomField, Display, Link, Milestone, Names, Product, Release, Value,
};
use super::text;
use super::version;
use super::yaml;

/// The LTS label when a product names none.
pub const DEFAULT_LTS_LABEL: &str = "<abbr title=\"Long Term Support\">LTS</abbr>";

/// Parses a product file: Markdown with YAML front matter, or bare YAML.
pub fn parse(source: &str) -> Result<Product, Error> {
    parse_named(source, &Names::default())
}

/// Parses a product file as [`parse`] does; `names` name it where the file does not.
pub fn parse_named(source: &str, names: &Names) -> Result<Product, Error> {
    let parts = frontmatter::split(source)?;
    if parts.yaml.trim().is_empty() {
        return Err(Error::content(
            "there are no product fields: expected YAML such as `title: Istio` and `releases:`",
            Some(Location {
                line: parts.yaml_line,
                column: 1,
            }),
        ));
    }
    let keep = Keep::for_input(source.len());
    let raw = yaml::read(parts.yaml, parts.yaml_line, ProductVisitor { keep: &keep })?;
    Ok(normalise(raw, parts.body, names))
}

/// Reads any YAML or JSON text into a [`Value`] tree.
pub fn parse_value(text: &str) -> Result<Value, Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let keep = Keep::for_input(text.len());
    yaml::read(text, 1, field::<Value>("the document", &keep))
}

// ---------------------------------------------------------------------------------------------
// Memory: what reading keeps is paid for from a budget proportional to the file's size, so that
// aliases (one anchored value repeated thousands of times) cannot multiply it.

/// How many bytes reading may keep for each byte of the file.
const KEEP_PER_INPUT_BYTE: usize = 16;
/// What any file may keep, however small.
const KEEP_FLOOR: usize = 1024 * 1024;
/// What one value costs besides its text: about what it takes on a 64-bit machine, as a fixed
/// figure, so that a file goes over its budget at the same place on every platform.
const VALUE_COST: usize = 40;
/// What one release costs besides its texts: the release, its evaluation on a day and its row of
/// the table model.
const RELEASE_COST: usize = 1024;

/// Fails when `count` releases are more than a file of `input_len` bytes may hold: each costs
/// [`RELEASE_COST`] of the file's [`Keep`] budget. (The YAML reader pays as it goes, with the
/// place of the release that goes over.)
pub(crate) fn check_release_count(count: usize, input_len: usize) -> Result<(), Error> {
    let keep = Keep::for_input(input_len);
    if count.saturating_mul(RELEASE_COST) <= keep.limit {
        return Ok(());
    }
    Err(Error::content(
        format!(
            "the file lists {count} releases, more than a file of its size may hold ({}): split the file",
            keep.limit / RELEASE_COST
        ),
        None,
    ))
}

/// The bytes reading one file may still keep.
struct Keep {
    left: Cell<usize>,
    limit: usize,
}

impl Keep {
    fn for_input(len: usize) -> Keep {
        let limit = len
            .saturating_mul(KEEP_PER_INPUT_BYTE)
            .saturating_add(KEEP_FLOOR);
        Keep {
            left: Cell::new(limit),
            limit,
        }
    }

    /// Pays `bytes`, or says why not (at the place of the value being read).
    fn take<E: de::Error>(&self, bytes: usize) -> Result<(), E> {
        match self.left.get().checked_sub(bytes) {
            Some(left) => {
                self.left.set(left);
                Ok(())
            }
            None => Err(yaml::invalid(format_args!(
                "the file's values take more than {} MiB to hold, counting what its aliases repeat (at most {KEEP_PER_INPUT_BYTE} times the file's size): repeat fewer aliases, or split the file",
                self.limit.div_ceil(1024 * 1024)
            ))),
        }
    }
}

/// Entries of a mapping in the order their keys first came, each key once with its last value (as
/// `JSON.parse` keeps them), found by hash so that a mapping of many keys reads in linear time.
#[derive(Default)]
struct Entries {
    list: Vec<(String, Value)>,
    index: HashMap<String, usize>,
}

impl Entries {
    fn set(&mut self, key: String, value: Value) {
        match self.index.get(&key) {
            Some(&at) => {
                if let Some(entry) = self.list.get_mut(at) {
                    entry.1 = value;
                }
            }
            None => {
                self.index.insert(key.clone(), self.list.len());
                self.list.push((key, value));
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Values: one visitor reads any YAML value into `Value`, then a field's type takes it from there,
// while serde_yaml still knows where the value is.

/// How a field's value is taken from what the file holds; `Err` is the message for the author.
trait FromValue: Sized {
    fn from_value(value: Value, field: &str) -> Result<Self, String>;
}

/// Reads one field's value as `T`, failing at the value's own place.
struct Field<'a, T> {
    name: &'a str,
    keep: &'a Keep,
    kind: PhantomData<T>,
}

fn field<'a, T>(name: &'a str, keep: &'a Keep) -> Field<'a, T> {
    Field {
        name,
        keep,
        kind: PhantomData,
    }
}

impl<'de, T: FromValue> DeserializeSeed<'de> for Field<'_, T> {
    type Value = T;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<T, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de, T: FromValue> Visitor<'de> for Field<'_, T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a value for `{}`", self.name)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<T, E> {
        self.finish(Value::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<T, E> {
        self.finish(Value::Number(v.to_string()))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<T, E> {
        self.finish(Value::Number(v.to_string()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<T, E> {
        self.finish(Value::Number(format!("{v:?}")))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        self.keep.take(v.len())?;
        self.finish(Value::Text(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<T, E> {
        self.keep.take(v.len())?;
        self.finish(Value::Text(v))
    }

    fn visit_unit<E: de::Error>(self) -> Result<T, E> {
        self.finish(Value::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<T, E> {
        self.finish(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<T, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<T, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(field::<Value>(self.name, self.keep))? {
            items.push(item);
        }
        self.finish(Value::List(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        let mut entries = Entries::default();
        while let Some(key) = map.next_key_seed(field::<Value>(self.name, self.keep))? {
            let value = map.next_value_seed(field::<Value>(self.name, self.keep))?;
            entries.set(key_text(key), value);
        }
        self.finish(Value::Map(entries.list))
    }
}

impl<T: FromValue> Field<'_, T> {
    fn finish<E: de::Error>(self, value: Value) -> Result<T, E> {
        self.keep.take(VALUE_COST)?;
        T::from_value(value, self.name).map_err(yaml::invalid)
    }
}

/// A field nobody reads by name (kept for custom fields and 2022 short hands, or only to warn
/// about a typo): a scalar is kept, a list or mapping is skipped without being kept.
struct Unknown<'a> {
    keep: &'a Keep,
}

impl<'de> DeserializeSeed<'de> for Unknown<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Unknown<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        field("", self.keep).visit_bool(v)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        field("", self.keep).visit_i64(v)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        field("", self.keep).visit_u64(v)
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        field("", self.keep).visit_f64(v)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        field("", self.keep).visit_str(v)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Value, A::Error> {
        IgnoredAny.visit_seq(seq).map(|_| Value::Null)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Value, A::Error> {
        IgnoredAny.visit_map(map).map(|_| Value::Null)
    }

    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<Value, A::Error> {
        IgnoredAny.visit_enum(data).map(|_| Value::Null)
    }
}

fn key_text(key: Value) -> String {
    match key {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => b.to_string(),
        Value::Number(text) | Value::Text(text) => text,
        Value::List(_) | Value::Map(_) => String::new(),
    }
}

/// What a value is, for messages: "`soon`", "a list".
fn describe(value: &Value) -> String {
    match value {
        Value::Null => "nothing".to_owned(),
        Value::Bool(b) => format!("`{b}`"),
        Value::Number(n) => format!("the number `{n}`"),
        Value::Text(t) => format!("`{t}`"),
        Value::List(_) => "a list".to_owned(),
        Value::Map(_) => "a mapping (`key: value` lines)".to_owned(),
    }
}

impl FromValue for Value {
    fn from_value(value: Value, _field: &str) -> Result<Self, String> {
        Ok(value)
    }
}

/// Text fields (`title`, `releaseCycle`, `latest`...): any scalar, as written; null is none.
impl FromValue for Option<String> {
    fn from_value(value: Value, field: &str) -> Result<Self, String> {
        match value {
            Value::Null => Ok(None),
            Value::Bool(_) | Value::Number(_) | Value::Text(_) => Ok(value.as_text()),
            other => Err(format!(
                "`{field}` must be text, found {}",
                describe(&other)
            )),
        }
    }
}

/// Plain date fields (`releaseDate`, `latestReleaseDate`).
impl FromValue for Option<Date> {
    fn from_value(value: Value, field: &str) -> Result<Self, String> {
        match value {
            Value::Null => Ok(None),
            Value::Text(text) => {
                date(&text, field, "a date (YYYY-MM-DD) or a month (YYYY-MM)").map(Some)
            }
            other => Err(format!(
                "`{field}` must be a date (YYYY-MM-DD) or a month (YYYY-MM), found {}",
                describe(&other)
            )),
        }
    }
}

/// Date-or-boolean fields (`eoas`, `eol`, `discontinued`, `eoes`, `lts`).
impl FromValue for Milestone {
    fn from_value(value: Value, field: &str) -> Result<Self, String> {
        const EXPECTED: &str = "a date (YYYY-MM-DD), a month (YYYY-MM) or true/false";
        match value {
            Value::Null => Ok(Milestone::Null),
            Value::Bool(b) => Ok(Milestone::Bool(b)),
            Value::Text(text) => match yaml11_bool(&text) {
                Some(b) => Ok(Milestone::Bool(b)),
                None => date(&text, field, EXPECTED).map(Milestone::Date),
            },
            other => Err(format!(
                "`{field}` must be {EXPECTED}, found {}",
                describe(&other)
            )),
        }
    }
}

/// The booleans of YAML 1.1, which the site's Ruby reads (`yes`, `no`, `on`, `off`) but YAML 1.2
/// reads as text.
fn yaml11_bool(text: &str) -> Option<bool> {
    match text.to_ascii_lowercase().as_str() {
        "yes" | "on" | "true" | "y" => Some(true),
        "no" | "off" | "false" | "n" => Some(false),
        _ => None,
    }
}

fn date(text: &str, field: &str, expected: &str) -> Result<Date, String> {
    Date::parse(text).map_err(|err| match err {
        DateError::Shape => format!("`{field}` must be {expected}, found `{text}`"),
        DateError::Impossible => format!("`{field}` is `{text}`, which is not a real date"),
    })
}

/// A column switch: `true`/`false`, or a header text that also turns the column on.
#[derive(Debug, Clone, PartialEq, Eq)]
enum ColumnSetting {
    Default,
    Off,
    On,
    Header(String),
}

impl FromValue for ColumnSetting {
    fn from_value(value: Value, field: &str) -> Result<Self, String> {
        match value {
            Value::Null => Ok(ColumnSetting::Default),
            Value::Bool(true) => Ok(ColumnSetting::On),
            Value::Bool(false) => Ok(ColumnSetting::Off),
            Value::Text(text) if yaml11_bool(&text) == Some(true) => Ok(ColumnSetting::On),
            Value::Text(text) if yaml11_bool(&text) == Some(false) => Ok(ColumnSetting::Off),
            Value::Text(text) | Value::Number(text) => Ok(ColumnSetting::Header(text)),
            other => Err(format!(
                "`{field}` must be true, false or a column header, found {}",
                describe(&other)
            )),
        }
    }
}

/// `tags`: a space-separated string or a list.
struct Tags(Vec<String>);

impl FromValue for Tags {
    fn from_value(value: Value, field: &str) -> Result<Self, String> {
        match value {
            Value::Null => Ok(Tags(Vec::new())),
            Value::Text(text) => Ok(Tags(text.split_whitespace().map(str::to_owned).collect())),
            Value::List(items) => Ok(Tags(items.iter().filter_map(Value::as_text).collect())),
            other => Err(format!(
                "`{field}` must be space-separated words or a list, found {}",
                describe(&other)
            )),
        }
    }
}

/// A list of texts (`alternate_urls`); anything else is kept as an unknown field.
struct Texts(Vec<String>);

impl FromValue for Texts {
    fn from_value(value: Value, _field: &str) -> Result<Self, String> {
        match value {
            Value::List(items) => Ok(Texts(items.iter().filter_map(Value::as_text).collect())),
            Value::Text(text) => Ok(Texts(vec![text])),
            _ => Ok(Texts(Vec::new())),
        }
    }
}

/// `identifiers`: a list of one-entry mappings such as `- cpe: cpe:/a:vendor:product`.
struct Identifiers(Vec<(String, String)>);

impl FromValue for Identifiers {
    fn from_value(value: Value, _field: &str) -> Result<Self, String> {
        let Value::List(items) = value else {
            return Ok(Identifiers(Vec::new()));
        };
        let pairs = items
            .into_iter()
            .filter_map(|item| match item {
                Value::Map(entries) => entries.into_iter().next(),
                _ => None,
            })
            .filter_map(|(kind, id)| id.as_text().map(|id| (kind, id)))
            .collect();
        Ok(Identifiers(pairs))
    }
}

/// `customFields`: a list of `{name, display, label, description?, link?}`.
struct CustomFields(Vec<CustomField>, Vec<Warning>);

impl FromValue for CustomFields {
    fn from_value(value: Value, field: &str) -> Result<Self, String> {
        let items = match value {
            Value::Null => return Ok(CustomFields(Vec::new(), Vec::new())),
            Value::List(items) => items,
            other => {
                return Err(format!(
                    "`{field}` must be a list of fields (`- name: ...`), found {}",
                    describe(&other)
                ))
            }
        };
        let mut fields = Vec::new();
        let mut warnings = Vec::new();
        for (index, item) in items.into_iter().enumerate() {
            let Value::Map(entries) = item else {
                return Err(format!(
                    "entry {} of `{field}` must be a mapping with `name`, `display` and `label`, found {}",
                    index + 1,
                    describe(&item)
                ));
            };
            let text = |key: &str| {
                entries
                    .iter()
                    .find(|(k, _)| k == key)
                    .and_then(|(_, v)| v.as_text())
            };
            let Some(name) = text("name") else {
                return Err(format!("entry {} of `{field}` has no `name`", index + 1));
            };
            let display = match text("display").as_deref() {
                Some("none") => Display::None,
                Some("api-only") => Display::ApiOnly,
                Some("after-release-column") => Display::AfterRelease,
                Some("before-latest-column") => Display::BeforeLatest,
                Some("after-latest-column") => Display::AfterLatest,
                other => {
                    warnings.push(Warning::new(format!(
                        "custom field `{name}` has display `{}`, which is not one of none, api-only, \
                         after-release-column, before-latest-column, after-latest-column: it is not shown",
                        other.unwrap_or("")
                    )));
                    Display::None
                }
            };
            fields.push(CustomField {
                label: text("label").unwrap_or_else(|| name.clone()),
                description: text("description"),
                link: text("link"),
                name,
                display,
            });
        }
        Ok(CustomFields(fields, warnings))
    }
}

// ---------------------------------------------------------------------------------------------
// The product and its releases.

/// Everything read from the front matter, before the two schemas are merged.
#[derive(Default)]
struct RawProduct {
    title: Option<String>,
    permalink: Option<String>,
    category: Option<String>,
    tags: Vec<String>,
    icon_slug: Option<String>,
    version_command: Option<String>,
    command: Option<String>,
    release_policy_link: Option<String>,
    release_image: Option<String>,
    changelog_template: Option<String>,
    release_label: Option<String>,
    lts_label: Option<String>,
    release_date_column: Option<ColumnSetting>,
    discontinued_column: Option<ColumnSetting>,
    eoas_column: Option<ColumnSetting>,
    active_support_column: Option<ColumnSetting>,
    eol_column: Option<ColumnSetting>,
    eoes_column: Option<ColumnSetting>,
    extended_support_column: Option<ColumnSetting>,
    latest_column: Option<ColumnSetting>,
    release_column: Option<ColumnSetting>,
    custom_fields: Vec<CustomField>,
    sort_releases_by: Option<String>,
    aliases: Vec<String>,
    identifiers: Vec<(String, String)>,
    releases: Vec<Release>,
    extra: Vec<(String, Value)>,
    warnings: Vec<Warning>,
}

const PRODUCT: &str = "a product file: a `---` line, YAML fields such as `title:` and `releases:`, another `---` line";

/// The product fields of the front matter.
struct ProductVisitor<'k> {
    keep: &'k Keep,
}

impl<'de> DeserializeSeed<'de> for ProductVisitor<'_> {
    type Value = RawProduct;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<RawProduct, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ProductVisitor<'_> {
    type Value = RawProduct;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(PRODUCT)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawProduct, A::Error> {
        let keep = self.keep;
        let mut raw = RawProduct::default();
        let mut extra = Entries::default();
        while let Some(key) = map.next_key_seed(field::<Value>("key", keep))? {
            let key = key_text(key);
            let name = key.as_str();
            match name {
                "title" => raw.title = next(&mut map, name, keep)?,
                "permalink" => raw.permalink = next(&mut map, name, keep)?,
                "category" => raw.category = next(&mut map, name, keep)?,
                "tags" => raw.tags = next::<_, Tags>(&mut map, name, keep)?.0,
                "iconSlug" => raw.icon_slug = next(&mut map, name, keep)?,
                "versionCommand" => raw.version_command = next(&mut map, name, keep)?,
                "command" => raw.command = next(&mut map, name, keep)?,
                "releasePolicyLink" => raw.release_policy_link = next(&mut map, name, keep)?,
                "releaseImage" => raw.release_image = next(&mut map, name, keep)?,
                "changelogTemplate" => raw.changelog_template = next(&mut map, name, keep)?,
                "releaseLabel" => raw.release_label = next(&mut map, name, keep)?,
                "LTSLabel" => raw.lts_label = next(&mut map, name, keep)?,
                "releaseDateColumn" => raw.release_date_column = Some(next(&mut map, name, keep)?),
                "discontinuedColumn" => raw.discontinued_column = Some(next(&mut map, name, keep)?),
                "eoasColumn" => raw.eoas_column = Some(next(&mut map, name, keep)?),
                "activeSupportColumn" => {
                    raw.active_support_column = Some(next(&mut map, name, keep)?)
                }
                "eolColumn" => raw.eol_column = Some(next(&mut map, name, keep)?),
                "eoesColumn" => raw.eoes_column = Some(next(&mut map, name, keep)?),
                "extendedSupportColumn" => {
                    raw.extended_support_column = Some(next(&mut map, name, keep)?)
                }
                "latestColumn" => raw.latest_column = Some(next(&mut map, name, keep)?),
                "releaseColumn" => raw.release_column = Some(next(&mut map, name, keep)?),
                "customFields" => {
                    let CustomFields(fields, warnings) = next(&mut map, name, keep)?;
                    raw.custom_fields = fields;
                    raw.warnings.extend(warnings);
                }
                "sortReleasesBy" => raw.sort_releases_by = next(&mut map, name, keep)?,
                "alternate_urls" => {
                    let Texts(urls) = next(&mut map, name, keep)?;
                    raw.aliases = urls
                        .iter()
                        .map(|url| url.trim_matches('/').to_owned())
                        .collect();
                }
                "identifiers" => raw.identifiers = next::<_, Identifiers>(&mut map, name, keep)?.0,
                "releases" => raw.releases = map.next_value_seed(ReleasesVisitor { keep })?,
                _ => {
                    let value = map.next_value_seed(Unknown { keep })?;
                    extra.set(key, value);
                }
            }
        }
        raw.extra = extra.list;
        Ok(raw)
    }
}

/// The value of the entry `name` whose key was just read, as `T`.
fn next<'de, A: MapAccess<'de>, T: FromValue>(
    map: &mut A,
    name: &str,
    keep: &Keep,
) -> Result<T, A::Error> {
    map.next_value_seed(field(name, keep))
}

/// The releases; nothing (`releases:`) is none.
struct ReleasesVisitor<'k> {
    keep: &'k Keep,
}

impl<'de> DeserializeSeed<'de> for ReleasesVisitor<'_> {
    type Value = Vec<Release>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Vec<Release>, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ReleasesVisitor<'_> {
    type Value = Vec<Release>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("`releases` to be a list of releases (`- releaseCycle: \"1.2\"`)")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Vec<Release>, E> {
        Ok(Vec::new())
    }

    fn visit_none<E: de::Error>(self) -> Result<Vec<Release>, E> {
        Ok(Vec::new())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<Release>, A::Error> {
        let mut releases = Vec::new();
        while let Some(release) = seq.next_element_seed(ReleaseVisitor {
            number: releases.len() + 1,
            keep: self.keep,
        })? {
            releases.push(release);
        }
        Ok(releases)
    }
}

/// Release number `number`.
struct ReleaseVisitor<'k> {
    number: usize,
    keep: &'k Keep,
}

impl<'de> DeserializeSeed<'de> for ReleaseVisitor<'_> {
    type Value = Release;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Release, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ReleaseVisitor<'_> {
    type Value = Release;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "release {} to be a mapping of fields (`releaseCycle:`, `eol:`...)",
            self.number
        )
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Release, A::Error> {
        let keep = self.keep;
        keep.take(RELEASE_COST)?;
        let mut release = Release::new(String::new());
        let mut fields = Entries::default();
        let mut cycle = None;
        let mut release_date_2022 = None;
        let (mut support, mut extended_support) = (None, None);
        while let Some(key) = map.next_key_seed(field::<Value>("key", keep))? {
            let key = key_text(key);
            let name = key.as_str();
            match name {
                "releaseCycle" => cycle = next(&mut map, name, keep)?,
                "releaseLabel" => release.label_template = next(&mut map, name, keep)?,
                "codename" => release.codename = next(&mut map, name, keep)?,
                "releaseDate" => release.release_date = next(&mut map, name, keep)?,
                "release" => release_date_2022 = next(&mut map, name, keep)?,
                "eoas" => release.eoas = next(&mut map, name, keep)?,
                "support" => support = Some(next::<_, Milestone>(&mut map, name, keep)?),
                "eol" => release.eol = next(&mut map, name, keep)?,
                "discontinued" => release.discontinued = next(&mut map, name, keep)?,
                "eoes" => release.eoes = next(&mut map, name, keep)?,
                "extendedSupport" => {
                    extended_support = Some(next::<_, Milestone>(&mut map, name, keep)?)
                }
                "lts" => release.lts = next(&mut map, name, keep)?,
                "latest" => release.latest = next(&mut map, name, keep)?,
                "latestReleaseDate" => release.latest_release_date = next(&mut map, name, keep)?,
                "link" => {
                    release.link = match next::<_, Option<String>>(&mut map, name, keep)? {
                        Some(link) => Link::Given(link),
                        None => Link::None,
                    }
                }
                _ => {
                    let value = map.next_value_seed(Unknown { keep })?;
                    fields.set(key, value);
                }
            }
        }
        let Some(cycle) = cycle.filter(|c: &String| !c.trim().is_empty()) else {
            return Err(yaml::invalid(format_args!(
                "release {} has no `releaseCycle`: every release needs one, such as `- releaseCycle: \"1.2\"`",
                self.number
            )));
        };
        release.cycle = cycle;
        release.fields = fields.list;
        if release.release_date.is_none() {
            release.release_date = release_date_2022;
        }
        // 2022: `support: true` meant "still supported", the opposite of `eoas: true`.
        if let (Milestone::Absent, Some(support)) = (release.eoas, support) {
            release.eoas = invert(support);
        }
        if let (Milestone::Absent, Some(extended)) = (release.eoes, extended_support) {
            release.eoes = invert(extended);
        }
        Ok(release)
    }
}

fn invert(milestone: Milestone) -> Milestone {
    match milestone {
        Milestone::Bool(b) => Milestone::Bool(!b),
        other => other,
    }
}

/// Release cycles that more than one release has: the site renders every row, so they stay, with
/// a warning for each repeat, in file order.
fn repeated_cycle_warnings(releases: &[Release]) -> Vec<Warning> {
    let mut by_cycle: Vec<(&str, usize)> = releases
        .iter()
        .enumerate()
        .map(|(index, release)| (release.cycle.as_str(), index))
        .collect();
    by_cycle.sort_unstable();
    let mut repeats: Vec<(usize, usize)> = Vec::new();
    let mut first = None;
    for pair in by_cycle.windows(2) {
        if let [(a, a_index), (b, b_index)] = pair {
            if a == b {
                let first = *first.get_or_insert(*a_index);
                repeats.push((first, *b_index));
            } else {
                first = None;
            }
        }
    }
    repeats.sort_unstable_by_key(|&(_, again)| again);
    repeats
        .into_iter()
        .map(|(first, again)| {
            let cycle = releases.get(again).map_or("", |r| r.cycle.as_str());
            Warning::new(format!(
                "release cycle `{cycle}` appears more than once (releases {} and {}): every row is shown, and a version matches the first",
                first + 1,
                again + 1
            ))
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Merging the schemas.

fn normalise(raw: RawProduct, body: &str, names: &Names) -> Product {
    let mut warnings = raw.warnings;
    let id = names.id(
        raw.permalink
            .as_deref()
            .map(|p| p.trim().trim_matches('/').to_owned())
            .filter(|p| !p.is_empty())
            .or_else(|| raw.title.as_deref().map(slug)),
        "product",
    );
    let title = names.title(raw.title, || id.clone());
    let mut tags = raw.tags;
    if let Some(category) = &raw.category {
        tags.push(category.clone());
    }
    tags.sort();
    let columns = Columns {
        release_date: column(raw.release_date_column, headers::RELEASE_DATE, true),
        discontinued: column(raw.discontinued_column, headers::DISCONTINUED, false),
        eoas: column(
            raw.eoas_column.or(raw.active_support_column),
            headers::EOAS,
            false,
        ),
        eol: column(raw.eol_column, headers::EOL, true),
        eoes: column(
            raw.eoes_column.or(raw.extended_support_column),
            headers::EOES,
            false,
        ),
        // A 2022 file's `releaseColumn` was the switch of what is now the Latest column.
        latest: column(
            raw.release_column.or(raw.latest_column),
            headers::LATEST,
            true,
        ),
    };
    let version_command = raw.version_command.or(raw.command);
    if let Some(why) = version_command
        .as_deref()
        .and_then(super::card::suspicious_command)
    {
        warnings.push(Warning::new(format!(
            "the version command holds {why}: the card shows it as it is, and Copy copies exactly what it shows"
        )));
    }
    let mut releases = raw.releases;
    warnings.extend(repeated_cycle_warnings(&releases));
    if let Some(by) = raw.sort_releases_by.as_deref() {
        sort_releases(&mut releases, by);
    }
    warnings.extend(date_order_warnings(&releases));
    warnings.extend(unknown_field_warnings(
        &raw.extra,
        &releases,
        &raw.custom_fields,
    ));
    Product {
        id,
        title,
        category: raw.category,
        tags,
        icon_slug: raw
            .icon_slug
            .filter(|slug| slug != "NA" && !slug.trim().is_empty()),
        version_command,
        release_policy_link: raw.release_policy_link,
        release_image: raw.release_image,
        changelog_template: raw.changelog_template,
        release_label: raw.release_label,
        lts_label: raw
            .lts_label
            .unwrap_or_else(|| DEFAULT_LTS_LABEL.to_owned()),
        columns,
        custom_fields: raw.custom_fields,
        aliases: raw.aliases,
        identifiers: raw.identifiers,
        releases,
        body: body.to_owned(),
        extra: raw.extra,
        warnings,
    }
}

/// Product fields the site knows besides those this model reads.
const OTHER_PRODUCT_FIELDS: &[&str] = &[
    "layout",
    "auto",
    "addedAt",
    "alternative_urls",
    "description",
    "icon",
    "nav_order",
    "staleReleaseThresholdDays",
    "redirect_from",
    "eolWarnThreshold",
    "lastModified",
];
/// Release fields the site knows besides those this model reads.
const OTHER_RELEASE_FIELDS: &[&str] = &[
    "outOfOrder",
    "staleReleaseThresholdDays",
    "cycleShortHand",
    "latestShortHand",
];

/// Fields neither the site nor a custom field explains: most likely typos (`eoll:`).
fn unknown_field_warnings(
    extra: &[(String, Value)],
    releases: &[Release],
    custom: &[CustomField],
) -> Vec<Warning> {
    let mut warnings: Vec<Warning> = extra
        .iter()
        .filter(|(key, _)| !OTHER_PRODUCT_FIELDS.contains(&key.as_str()))
        .map(|(key, _)| Warning::new(format!("unknown product field `{key}`: it is ignored")))
        .collect();
    let mut reported: Vec<&str> = Vec::new();
    for release in releases {
        for (key, _) in &release.fields {
            let known = OTHER_RELEASE_FIELDS.contains(&key.as_str())
                || custom.iter().any(|field| &field.name == key);
            if !known && !reported.contains(&key.as_str()) {
                reported.push(key);
                warnings.push(Warning::new(format!(
                    "unknown release field `{key}` (first in release `{}`): it is ignored",
                    release.cycle
                )));
            }
        }
    }
    warnings
}

/// Dates in an order the site's validator rejects: a release ending before it was released.
fn date_order_warnings(releases: &[Release]) -> Vec<Warning> {
    let mut warnings = Vec::new();
    for release in releases {
        let Some(released) = release.release_date else {
            continue;
        };
        for (name, milestone) in [
            ("eoas", release.eoas),
            ("eol", release.eol),
            ("eoes", release.eoes),
        ] {
            if let Milestone::Date(end) = milestone {
                if end.last_day() < released.first_day() {
                    warnings.push(Warning::new(format!(
                        "release `{}`: `{name}` ({end}) is before its `releaseDate` ({released})",
                        release.cycle
                    )));
                }
            }
        }
    }
    warnings
}

fn column(
    setting: Option<ColumnSetting>,
    default_header: &str,
    default_on: bool,
) -> Option<String> {
    match setting.unwrap_or(ColumnSetting::Default) {
        ColumnSetting::Off => None,
        ColumnSetting::On => Some(default_header.to_owned()),
        ColumnSetting::Header(text) => {
            let text = strip_html(&text);
            let text = text.trim();
            Some(
                if text.is_empty() {
                    default_header
                } else {
                    text
                }
                .to_owned(),
            )
        }
        ColumnSetting::Default => default_on.then(|| default_header.to_owned()),
    }
}

/// Removes HTML tags, as the site's API does for labels: `<abbr title="x">LTS</abbr>` → `LTS`.
pub fn strip_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('<') {
        out.push_str(text::upto(rest, open));
        match text::from(rest, open).find('>') {
            Some(close) => rest = text::from(rest, open + close + 1),
            None => {
                rest = text::from(rest, open);
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

fn slug(title: &str) -> String {
    let mut slug = String::new();
    for c in title.chars() {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_lowercase()
}

/// What a release is sorted by under a 2022 `sortReleasesBy`.
#[derive(Debug, PartialEq, Eq)]
enum SortKey {
    Missing,
    Text(String),
    Day(Day),
}

fn sort_key(release: &Release, by: &str) -> SortKey {
    let day = |date: Option<Date>| date.map_or(SortKey::Missing, |d| SortKey::Day(d.first_day()));
    let text = |text: Option<&String>| text.map_or(SortKey::Missing, |t| SortKey::Text(t.clone()));
    match by {
        "releaseCycle" => SortKey::Text(release.cycle.clone()),
        "releaseDate" | "release" => day(release.release_date),
        "latestReleaseDate" => day(release.latest_release_date),
        "eol" => day(release.eol.date()),
        "support" | "eoas" => day(release.eoas.date()),
        "extendedSupport" | "eoes" => day(release.eoes.date()),
        "discontinued" => day(release.discontinued.date()),
        "latest" => text(release.latest.as_ref()),
        "codename" => text(release.codename.as_ref()),
        other => text(release.field(other).and_then(Value::as_text).as_ref()),
    }
}

/// Sorts newest first by `by`, version-aware for text, stable, releases without a value last.
fn sort_releases(releases: &mut [Release], by: &str) {
    releases.sort_by_cached_key(|release| std::cmp::Reverse(OrderedKey(sort_key(release, by))));
}

#[derive(PartialEq, Eq)]
struct OrderedKey(SortKey);

impl PartialOrd for OrderedKey {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for OrderedKey {
    fn cmp(&self, other: &Self) -> Ordering {
        match (&self.0, &other.0) {
            (SortKey::Day(a), SortKey::Day(b)) => a.cmp(b),
            (SortKey::Text(a), SortKey::Text(b)) => version::compare(a, b),
            (a, b) => rank(a).cmp(&rank(b)),
        }
    }
}

fn rank(key: &SortKey) -> u8 {
    match key {
        SortKey::Missing => 0,
        SortKey::Text(_) => 1,
        SortKey::Day(_) => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn error_text(source: &str) -> String {
        match parse(source) {
            Ok(_) => panic!("expected an error for {source:?}"),
            Err(err) => err.to_string(),
        }
    }

    #[test]
    fn a_repeated_release_cycle_keeps_every_row_with_a_warning() {
        let p = product(
            "releases:\n- releaseCycle: b\n- releaseCycle: a\n  eol: 2020-01-01\n- releaseCycle: c\n\
             - releaseCycle: a\n  eol: 2021-01-01\n- releaseCycle: b\n- releaseCycle: a\n",
        );
        let cycles: Vec<_> = p.releases.iter().map(|r| r.cycle.as_str()).collect();
        assert_eq!(cycles, ["b", "a", "c", "a", "b", "a"]);
        let warnings: Vec<_> = p.warnings.iter().map(|w| w.message.as_str()).collect();
        assert_eq!(
            warnings,
            [
                "release cycle `a` appears more than once (releases 2 and 4): every row is shown, and a version matches the first",
                "release cycle `b` appears more than once (releases 1 and 5): every row is shown, and a version matches the first",
                "release cycle `a` appears more than once (releases 2 and 6): every row is shown, and a version matches the first",
            ]
        );
    }

    #[test]
    fn an_alias_bomb_costs_nothing_unread_and_fails_where_it_is_kept() {
        let mut bomb =
            String::from("a: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n");
        for (name, previous) in ["b", "c", "d", "e", "f", "g", "h", "i"]
            .iter()
            .zip(["a", "b", "c", "d", "e", "f", "g", "h"])
        {
            bomb.push_str(&format!(
                "{name}: &{name} [{}]\n",
                vec![format!("*{previous}"); 10].join(",")
            ));
        }
        assert!(
            parse(&bomb).is_ok(),
            "unread, the bomb is skipped without expanding it"
        );
        bomb.push_str("tags: *i\n");
        assert_eq!(
            error_text(&bomb),
            "line 1, column 20: the file's values take more than 2 MiB to hold, counting what its aliases repeat (at most 16 times the file's size): repeat fewer aliases, or split the file"
        );
    }

    #[test]
    fn a_key_given_twice_keeps_its_last_value() {
        let p = product("title: First\ntitle: Last\nreleases:\n- releaseCycle: a\n  eol: true\n  eol: 2020-01-01\n  x: 1\n  x: 2\n");
        assert_eq!(p.title, "Last");
        assert_eq!(
            p.releases[0].eol,
            Milestone::Date(Date::parse("2020-01-01").unwrap())
        );
        assert_eq!(
            p.releases[0].fields,
            [("x".to_owned(), Value::Number("2".into()))]
        );
    }

    #[test]
    fn floats_keep_every_digit_that_tells_them_apart() {
        for written in [
            "0.30000000000000004",
            "1.2345678901234567",
            "2.2250738585072014e-308",
            "5e-324",
            "1.7976931348623157e308",
        ] {
            let value = parse_value(&format!("x: {written}")).unwrap();
            let expected: f64 = written.parse().unwrap();
            let Value::Map(entries) = value else { panic!() };
            let Value::Number(text) = &entries[0].1 else {
                panic!("{entries:?}")
            };
            assert_eq!(
                text.parse::<f64>().unwrap().to_bits(),
                expected.to_bits(),
                "{written} read as {text}"
            );
        }
    }

    #[test]
    fn an_explicit_key_with_a_mapping_value_is_read() {
        assert_eq!(
            parse_value("? a\n: b: 1\n").unwrap(),
            Value::Map(vec![(
                "a".to_owned(),
                Value::Map(vec![("b".to_owned(), Value::Number("1".into()))])
            )])
        );
    }

    #[test]
    fn a_line_separator_ends_a_comment_and_the_next_key_is_read() {
        // YAML 1.1 (libyaml, and the site's Ruby) breaks lines at U+0085, U+2028 and U+2029.
        for separator in ["\u{2028}", "\u{85}", "\u{2029}"] {
            let p = product(&format!("title: T # a comment{separator}permalink: /t\n"));
            assert_eq!(
                (p.title.as_str(), p.id.as_str()),
                ("T", "t"),
                "{separator:?}"
            );
        }
    }

    fn product(yaml: &str) -> Product {
        parse(yaml).unwrap()
    }

    #[test]
    fn maps_the_2022_schema_onto_the_current_one() {
        let p = product(
            "title: Old\ncommand: old --version\nactiveSupportColumn: true\nreleaseColumn: false\n\
             extendedSupportColumn: Extended\nreleases:\n\
             - releaseCycle: \"1\"\n  release: 2020-01-02\n  support: true\n  extendedSupport: false\n  eol: 2022-10\n",
        );
        assert_eq!(p.version_command.as_deref(), Some("old --version"));
        assert_eq!(p.columns.eoas.as_deref(), Some("Active Support"));
        assert_eq!(p.columns.eoes.as_deref(), Some("Extended"));
        assert_eq!(p.columns.latest, None);
        let r = &p.releases[0];
        assert_eq!(r.release_date, Date::parse("2020-01-02").ok());
        assert_eq!(
            r.eoas,
            Milestone::Bool(false),
            "support: true is eoas: false"
        );
        assert_eq!(
            r.eoes,
            Milestone::Bool(true),
            "extendedSupport: false is eoes: true"
        );
        assert_eq!(r.eol, Milestone::Date(Date::parse("2022-10").unwrap()));
    }

    #[test]
    fn current_fields_win_over_2022_ones() {
        let p = product("releases:\n- releaseCycle: a\n  eoas: true\n  support: true\n  releaseDate: 2021-01-01\n  release: 2020-01-01\n");
        assert_eq!(p.releases[0].eoas, Milestone::Bool(true));
        assert_eq!(p.releases[0].release_date, Date::parse("2021-01-01").ok());
    }

    #[test]
    fn sort_releases_by_orders_newest_first_version_aware() {
        let p = product(
            "sortReleasesBy: releaseCycle\nreleases:\n- releaseCycle: \"1.9\"\n- releaseCycle: \"1.13\"\n\
             - releaseCycle: \"1.6 and earlier\"\n- releaseCycle: \"1.10\"\n",
        );
        let cycles: Vec<_> = p.releases.iter().map(|r| r.cycle.as_str()).collect();
        assert_eq!(cycles, ["1.13", "1.10", "1.9", "1.6 and earlier"]);
    }

    #[test]
    fn sort_releases_by_a_date_puts_undated_releases_last() {
        let p = product(
            "sortReleasesBy: releaseDate\nreleases:\n- releaseCycle: a\n  releaseDate: 2020-01-01\n\
             - releaseCycle: b\n- releaseCycle: c\n  releaseDate: 2021-01-01\n",
        );
        let cycles: Vec<_> = p.releases.iter().map(|r| r.cycle.as_str()).collect();
        assert_eq!(cycles, ["c", "a", "b"]);
    }

    #[test]
    fn column_headers_from_strings_and_defaults() {
        let p = product(
            "eolColumn: End of Support\nreleaseDateColumn: false\ndiscontinuedColumn: true\n",
        );
        assert_eq!(p.columns.eol.as_deref(), Some("End of Support"));
        assert_eq!(p.columns.release_date, None);
        assert_eq!(p.columns.discontinued.as_deref(), Some("Discontinued"));
        assert_eq!(p.columns.latest.as_deref(), Some("Latest"));
        assert_eq!(p.columns.eoas, None);
    }

    #[test]
    fn values_keep_null_bool_and_absent_apart() {
        let p = product("releases:\n- releaseCycle: a\n  eoes: null\n  eol: false\n  link: null\n");
        let r = &p.releases[0];
        assert_eq!(r.eoes, Milestone::Null);
        assert_eq!(r.eol, Milestone::Bool(false));
        assert_eq!(r.eoas, Milestone::Absent);
        assert_eq!(r.link, Link::None);
    }

    #[test]
    fn yaml_1_1_booleans_read_as_the_site_reads_them() {
        let p = product("releaseColumn: no\neoasColumn: yes\nreleases:\n- releaseCycle: a\n  eol: yes\n  discontinued: Off\n");
        assert_eq!(p.columns.latest, None);
        assert_eq!(p.columns.eoas.as_deref(), Some("Active Support"));
        assert_eq!(p.releases[0].eol, Milestone::Bool(true));
        assert_eq!(p.releases[0].discontinued, Milestone::Bool(false));
    }

    #[test]
    fn unknown_fields_are_kept() {
        let p = product("title: T\nauto:\n  methods: []\nreleases:\n- releaseCycle: a\n  outOfOrder: true\n  chromeVersion: 120\n");
        assert_eq!(p.extra[0].0, "auto");
        assert_eq!(p.releases[0].field("outOfOrder"), Some(&Value::Bool(true)));
        assert_eq!(
            p.releases[0].field("chromeVersion"),
            Some(&Value::Number("120".into()))
        );
    }

    #[test]
    fn id_tags_and_icon() {
        let p = product("title: Foo Bar\ncategory: os\ntags: zeta alpha\niconSlug: NA\n");
        assert_eq!(p.id, "foo-bar");
        assert_eq!(p.tags, ["alpha", "os", "zeta"]);
        assert_eq!(p.icon_slug, None);
        assert_eq!(product("permalink: /istio\n").id, "istio");
    }

    #[test]
    fn wrong_date_values_say_where_and_what() {
        assert_eq!(
            error_text("---\ntitle: X\nreleases:\n  - releaseCycle: \"1\"\n    eol: soon\n---\n"),
            "line 5, column 10: `eol` must be a date (YYYY-MM-DD), a month (YYYY-MM) or true/false, found `soon`"
        );
        assert_eq!(
            error_text("releases:\n- releaseCycle: \"1\"\n  releaseDate: 2022-02-30\n"),
            "line 3, column 16: `releaseDate` is `2022-02-30`, which is not a real date"
        );
        assert_eq!(
            error_text("releases:\n- releaseCycle: \"1\"\n  eol: 2024\n"),
            "line 3, column 8: `eol` must be a date (YYYY-MM-DD), a month (YYYY-MM) or true/false, found the number `2024`"
        );
    }

    #[test]
    fn wrong_shapes_say_what_was_expected() {
        assert_eq!(
            error_text("title: X\nreleases: 5\n"),
            "line 2, column 11: expected `releases` to be a list of releases (`- releaseCycle: \"1.2\"`), found integer `5`"
        );
        assert_eq!(
            error_text("releases:\n- eol: 2020-01-01\n"),
            "line 2, column 3: release 1 has no `releaseCycle`: every release needs one, such as `- releaseCycle: \"1.2\"`"
        );
    }

    #[test]
    fn yaml_syntax_errors_count_lines_from_the_top_of_the_file() {
        let text = error_text("---\ntitle: [unclosed\n---\n");
        assert!(
            text.starts_with("line 3, column 1: YAML syntax error: "),
            "{text}"
        );
    }

    #[test]
    fn text_that_is_not_a_product_file_is_an_error() {
        assert_eq!(
            error_text("just some words"),
            "line 1, column 1: expected a product file: a `---` line, YAML fields such as `title:` and `releases:`, another `---` line, found string \"just some words\""
        );
        assert!(error_text("").contains("there are no product fields"));
    }
}
