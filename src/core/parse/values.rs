//! Values: one visitor reads any YAML value into `Value`, then a field's type takes it from there,
//! while serde_yaml still knows where the value is.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use crate::core::date::{Date, DateError};
use crate::core::error::Warning;
use crate::core::model::{CustomField, Display, Milestone, Value};
use crate::core::yaml;

use super::budget::*;

/// How a field's value is taken from what the file holds; `Err` is the message for the author.
pub(super) trait FromValue: Sized {
    fn from_value(value: Value, field: &str) -> Result<Self, String>;
}

/// Runs a visitor over whatever value comes next (serde's `deserialize_any`), as a seed: every
/// visitor of this module reads values of any shape and says itself what it expects.
pub(super) struct Any<V>(pub(super) V);

impl<'de, V: Visitor<'de>> DeserializeSeed<'de> for Any<V> {
    type Value = V::Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<V::Value, D::Error> {
        deserializer.deserialize_any(self.0)
    }
}

/// Reads one field's value as `T`, failing at the value's own place.
pub(super) struct Field<'a, T> {
    name: &'a str,
    keep: &'a Keep,
    kind: PhantomData<T>,
}

pub(super) fn field<'a, T>(name: &'a str, keep: &'a Keep) -> Field<'a, T> {
    Field {
        name,
        keep,
        kind: PhantomData,
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
        while let Some(item) = seq.next_element_seed(Any(field::<Value>(self.name, self.keep)))? {
            items.push(item);
        }
        self.finish(Value::List(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        let mut entries = Entries::default();
        while let Some(key) = map.next_key_seed(Any(field::<Value>(self.name, self.keep)))? {
            let value = map.next_value_seed(Any(field::<Value>(self.name, self.keep)))?;
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
pub(super) struct Unknown<'a> {
    pub(super) keep: &'a Keep,
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

pub(super) fn key_text(key: Value) -> String {
    match key {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => b.to_string(),
        Value::Number(text) | Value::Text(text) => text,
        Value::List(_) | Value::Map(_) => String::new(),
    }
}

/// What a value is, for messages: "`soon`", "a list".
pub(super) fn describe(value: &Value) -> String {
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
pub(super) fn yaml11_bool(text: &str) -> Option<bool> {
    match text.to_ascii_lowercase().as_str() {
        "yes" | "on" | "true" | "y" => Some(true),
        "no" | "off" | "false" | "n" => Some(false),
        _ => None,
    }
}

pub(super) fn date(text: &str, field: &str, expected: &str) -> Result<Date, String> {
    Date::parse(text).map_err(|err| match err {
        DateError::Shape => format!("`{field}` must be {expected}, found `{text}`"),
        DateError::Impossible => format!("`{field}` is `{text}`, which is not a real date"),
    })
}

/// A column switch: `true`/`false`, or a header text that also turns the column on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum ColumnSetting {
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
pub(super) struct Tags(pub(super) Vec<String>);

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
pub(super) struct Texts(pub(super) Vec<String>);

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
pub(super) struct Identifiers(pub(super) Vec<(String, String)>);

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
pub(super) struct CustomFields(pub(super) Vec<CustomField>, pub(super) Vec<Warning>);

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
