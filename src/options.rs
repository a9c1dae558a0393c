//! The options objects of `render`, `parseProduct` and the other entry points, read from JS with
//! serde-wasm-bindgen into `#[derive(Deserialize)]` types; a wrong value gets a message that
//! names the option (``the option `header` must be true or false, found "yes"``).

use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;
use wasm_bindgen::JsValue;

use crate::core::arrange::Direction;
use crate::core::i18n::{self, Message, Overrides};
use crate::core::model::Names;
pub(crate) use crate::core::settings::choice_error;
use crate::dom::card::Downloads;
use crate::dom::widget::{self, DateStyle, Description, Settings, Theme, Virtualize};

/// Every option any entry point reads; each reads the ones it needs. Missing, `null` and
/// `undefined` are all "not given"; unknown fields are ignored.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub(crate) struct Options {
    pub today: Option<String>,
    pub sort: Option<SortOption>,
    pub filter: Option<String>,
    pub search: Option<String>,
    pub date_style: Option<String>,
    pub locale: Option<String>,
    pub theme: Option<String>,
    pub show_all_releases: Option<bool>,
    pub inject_styles: Option<bool>,
    pub product: Option<String>,
    pub format: Option<String>,
    pub version: Option<String>,
    pub name: Option<String>,
    pub title: Option<String>,
    pub max_input_bytes: Option<f64>,
    pub style: Option<String>,
    pub header: Option<bool>,
    pub description: Option<String>,
    pub info: Option<bool>,
    pub timeline: Option<bool>,
    pub downloads: Option<bool>,
    pub icon_base: Option<String>,
    pub link_base: Option<String>,
    pub virtualize: Option<VirtualizeOption>,
    pub messages: Option<std::collections::BTreeMap<String, Message>>,
}

/// `sort: { column, direction }`.
#[derive(Debug, Deserialize)]
pub(crate) struct SortOption {
    pub column: String,
    #[serde(default)]
    pub direction: Option<String>,
}

/// `virtualize: true | false | "auto"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum VirtualizeOption {
    Flag(bool),
    Auto,
}

impl<'de> Deserialize<'de> for VirtualizeOption {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(VirtualizeVisitor)
    }
}

struct VirtualizeVisitor;

impl Visitor<'_> for VirtualizeVisitor {
    type Value = VirtualizeOption;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("true, false or \"auto\"")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        Ok(VirtualizeOption::Flag(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        match v {
            "auto" => Ok(VirtualizeOption::Auto),
            _ => Err(E::invalid_type(de::Unexpected::Str(v), &self)),
        }
    }
}

impl Options {
    /// Reads `value`: an options object, or `null`/`undefined` for none.
    pub fn read(value: Option<&JsValue>) -> Result<Options, String> {
        match value {
            Some(value) if !value.is_null() && !value.is_undefined() => {
                let deserializer = serde_wasm_bindgen::Deserializer::from(value.clone());
                serde_path_to_error::deserialize(deserializer).map_err(|err| {
                    let path = err.path().to_string();
                    message(&path, &err.into_inner().to_string())
                })
            }
            _ => Ok(Options::default()),
        }
    }
}

impl Options {
    /// `name` and `title`: what to call a product whose data does not say (blank: not given).
    pub fn names(&self) -> Names {
        let given = |text: &Option<String>| {
            text.as_deref()
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(str::to_owned)
        };
        Names {
            name: given(&self.name),
            title: given(&self.title),
        }
    }

    /// The `messages` option, checked: known ids, known placeholders.
    pub fn overrides(&self) -> Result<Overrides, String> {
        let mut overrides = Overrides::new();
        for (id, message) in self.messages.iter().flatten() {
            i18n::check(id, message).map_err(|err| format!("the option `messages`: {err}"))?;
            overrides.insert(id.clone(), message.clone());
        }
        Ok(overrides)
    }

    /// The widget's settings from these options.
    pub fn settings(&self) -> Result<Settings, String> {
        let mut settings = Settings::default();
        if let Some(sort) = &self.sort {
            let direction = match sort.direction.as_deref() {
                Some(text) => widget::parse_direction(text)?,
                None => Direction::Ascending,
            };
            settings.state.sort = Some((sort.column.clone(), direction));
        }
        if let Some(filter) = &self.filter {
            settings.state.filter = widget::parse_filter(filter)?;
        }
        settings.state.search = self.search.clone().unwrap_or_default();
        settings.state.show_all = self.show_all_releases.unwrap_or(false);
        if let Some(style) = &self.date_style {
            settings.date_style = DateStyle::parse(style)?;
        }
        if let Some(theme) = &self.theme {
            settings.theme = Theme::parse(theme)?;
        }
        settings.locale = self.locale.clone().filter(|l| !l.trim().is_empty());
        settings.messages = self.overrides()?;
        settings.version = self.version.clone().filter(|v| !v.trim().is_empty());
        let card = &mut settings.card;
        card.header = self.header.unwrap_or(true);
        if let Some(place) = &self.description {
            card.description = Description::parse(place)?;
        }
        card.info = self.info.unwrap_or(true);
        card.timeline = self.timeline.unwrap_or(false);
        if card.timeline && cfg!(not(feature = "timeline")) {
            return Err(missing_feature("timeline"));
        }
        let downloads = self.downloads.unwrap_or(false);
        if downloads && cfg!(not(feature = "export")) {
            return Err(missing_feature("export"));
        }
        card.downloads = Downloads {
            csv: downloads,
            calendar: downloads,
        };
        if let Some(base) = &self.icon_base {
            card.icon_base = base.clone();
        }
        if let Some(base) = &self.link_base {
            if !crate::core::url::is_base(base) {
                return Err(format!(
                    "the option `linkBase` must be an absolute http or https URL such as \"https://endoflife.date/\", found {base:?}"
                ));
            }
            card.link_base = base.trim().to_owned();
        }
        if let Some(virtualize) = self.virtualize {
            settings.virtualize = match virtualize {
                VirtualizeOption::Auto => Virtualize::Auto,
                VirtualizeOption::Flag(true) => Virtualize::Always,
                VirtualizeOption::Flag(false) => Virtualize::Never,
            };
        }
        Ok(settings)
    }
}

/// The message for an option whose code this build left out.
pub(crate) fn missing_feature(feature: &str) -> String {
    format!("this build of eol-table has no `{feature}` (cargo feature `{feature}`)")
}

/// The `injectStyles` option, read even when the other options are not valid (the error alert
/// needs the stylesheet too).
pub(crate) fn inject_styles(value: Option<&JsValue>) -> bool {
    value
        .and_then(|o| js_sys::Reflect::get(o, &"injectStyles".into()).ok())
        .and_then(|v| v.as_bool())
        .unwrap_or(true)
}

/// The message for serde's error `inner` at `path` (`theme`, `sort.column`, `.` for the whole
/// object).
fn message(path: &str, inner: &str) -> String {
    let inner = inner.strip_prefix("Error: ").unwrap_or(inner);
    let subject = match path {
        "" | "." => "the options".to_owned(),
        path => format!("the option `{path}`"),
    };
    if let Some((found, expected)) = inner
        .strip_prefix("invalid type: ")
        .and_then(|rest| rest.rsplit_once(", expected "))
    {
        return format!(
            "{subject} must be {}, found {}",
            expected_words(expected),
            found_words(found)
        );
    }
    if let Some(field) = inner
        .strip_prefix("missing field `")
        .and_then(|rest| rest.strip_suffix('`'))
    {
        return format!("{subject} needs `{field}`");
    }
    if path.starts_with("messages.") {
        return format!("{subject} is not valid: {inner}");
    }
    format!("{subject} are not valid: {inner}")
}

/// What serde expected, in words for the person writing the options.
fn expected_words(expected: &str) -> &str {
    match expected {
        "a string" => "text",
        "a boolean" => "true or false",
        "f64" => "a number",
        "struct SortOption" => "an object such as { column: \"eol\", direction: \"descending\" }",
        "struct Options" => "an object",
        other => other,
    }
}

/// What serde found (`floating point `5``, `string "x"`, `unit value`), as the value reads in JS.
fn found_words(found: &str) -> String {
    let code = |text: &str| text.trim_matches('`').to_owned();
    if let Some(number) = found
        .strip_prefix("floating point ")
        .or_else(|| found.strip_prefix("integer "))
    {
        let number = code(number);
        return number
            .strip_suffix(".0")
            .map_or(number.clone(), str::to_owned);
    }
    if let Some(flag) = found.strip_prefix("boolean ") {
        return code(flag);
    }
    if let Some(text) = found.strip_prefix("string ") {
        return text.to_owned();
    }
    match found {
        "unit value" => "null".to_owned(),
        "map" => "an object".to_owned(),
        "sequence" => "an array".to_owned(),
        other if other.contains("Object(") => "an object".to_owned(),
        other if other.contains("Array(") => "an array".to_owned(),
        _ => "a value of another kind".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_errors_name_the_option_and_say_what_it_must_be() {
        let cases = [
            (
                "today",
                "Error: invalid type: floating point `5`, expected a string",
                "the option `today` must be text, found 5",
            ),
            (
                "header",
                "Error: invalid type: string \"yes\", expected a boolean",
                "the option `header` must be true or false, found \"yes\"",
            ),
            (
                "maxInputBytes",
                "Error: invalid type: boolean `true`, expected f64",
                "the option `maxInputBytes` must be a number, found true",
            ),
            (
                "sort.column",
                "Error: invalid type: unit value, expected a string",
                "the option `sort.column` must be text, found null",
            ),
            (
                "today",
                "Error: invalid type: JsValue(Object({})), expected a string",
                "the option `today` must be text, found an object",
            ),
            (
                ".",
                "Error: invalid type: string \"options\", expected struct Options",
                "the options must be an object, found \"options\"",
            ),
            (
                "sort",
                "Error: missing field `column`",
                "the option `sort` needs `column`",
            ),
            (
                "virtualize",
                "Error: invalid type: string \"yes\", expected true, false or \"auto\"",
                "the option `virtualize` must be true, false or \"auto\", found \"yes\"",
            ),
        ];
        for (path, inner, expected) in cases {
            assert_eq!(message(path, inner), expected);
        }
    }

    #[test]
    fn choices_quote_what_was_found() {
        assert_eq!(
            choice_error("theme", "\"auto\", \"light\" or \"dark\"", "blue"),
            "the option `theme` must be \"auto\", \"light\" or \"dark\", found \"blue\""
        );
    }
}
