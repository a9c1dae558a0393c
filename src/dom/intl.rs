//! The reader's language in the browser: the message catalogue with `Intl.PluralRules` choosing
//! plural forms, and relative wording and dates through `Intl`, with the site's rounding rules
//! (the units come from the core's `wording::parts`). Without a locale, the site's English.
//!
//! Every `Intl` object is built through `Reflect`, which returns errors instead of throwing
//! through the wasm, so a bad locale is a clear message and never a broken widget.

use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use crate::core::date::Date;
use crate::core::i18n::{Category, Messages, Overrides, ENGLISH_MESSAGES};
use crate::core::wording::{self, Unit, Words};

/// Words in one locale.
pub struct IntlWords {
    messages: Messages,
    plural: Option<JsValue>,
    dates: Option<IntlDates>,
}

/// Relative wording and dates through `Intl`.
struct IntlDates {
    relative_always: JsValue,
    relative_auto: JsValue,
    day: JsValue,
    month: JsValue,
    month_name: JsValue,
    list: Option<JsValue>,
    units: Vec<(Unit, JsValue)>,
}

/// The `Intl` namespace.
fn intl() -> Option<JsValue> {
    Reflect::get(&js_sys::global(), &"Intl".into()).ok()
}

/// `new Intl[name](locales, options)`.
fn build(
    intl: &JsValue,
    locales: &JsValue,
    name: &str,
    options: &[(&str, &str)],
) -> Result<JsValue, String> {
    let ctor: Function = Reflect::get(intl, &name.into())
        .ok()
        .and_then(|c| c.dyn_into().ok())
        .ok_or_else(|| format!("this browser has no Intl.{name}"))?;
    let opts = Object::new();
    for (key, value) in options {
        Reflect::set(&opts, &(*key).into(), &(*value).into())
            .map_err(|_| format!("Intl.{name} refused its options"))?;
    }
    Reflect::construct(&ctor, &Array::of2(locales, &opts))
        .map_err(|_| format!("Intl.{name} refused the locale"))
}

impl IntlWords {
    /// Words for `locale` (a BCP 47 tag such as `fr` or `pt-BR`; `None`: the site's English),
    /// with `overrides` on the catalogue's messages, or a message saying why not.
    pub fn new(locale: Option<&str>, overrides: Overrides) -> Result<IntlWords, String> {
        let Some(locale) = locale else {
            let messages = ENGLISH_MESSAGES.clone().with_overrides(overrides);
            return Ok(IntlWords {
                plural: plural_rules(messages.tag()),
                messages,
                dates: None,
            });
        };
        let invalid = || {
            format!("the option `locale` must be a language tag such as \"fr\" or \"pt-BR\", found {locale:?}")
        };
        let intl = intl().ok_or_else(invalid)?;
        let canonical =
            call(&intl, "getCanonicalLocales", &[locale.into()]).map_err(|_| invalid())?;
        let tag = Array::from(&canonical)
            .get(0)
            .as_string()
            .ok_or_else(invalid)?;
        let locales: JsValue = Array::of1(&tag.as_str().into()).into();
        let build = |name: &str, options: &[(&str, &str)]| build(&intl, &locales, name, options);
        let units = [Unit::Year, Unit::Month, Unit::Week, Unit::Day]
            .into_iter()
            .map(|unit| {
                build(
                    "NumberFormat",
                    &[
                        ("style", "unit"),
                        ("unit", unit.name()),
                        ("unitDisplay", "long"),
                    ],
                )
                .map(|format| (unit, format))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let dates = IntlDates {
            relative_always: build("RelativeTimeFormat", &[("numeric", "always")])?,
            relative_auto: build("RelativeTimeFormat", &[("numeric", "auto")])?,
            day: build(
                "DateTimeFormat",
                &[
                    ("day", "2-digit"),
                    ("month", "short"),
                    ("year", "numeric"),
                    ("timeZone", "UTC"),
                ],
            )?,
            month: build(
                "DateTimeFormat",
                &[("month", "short"), ("year", "numeric"), ("timeZone", "UTC")],
            )?,
            month_name: build("DateTimeFormat", &[("month", "short"), ("timeZone", "UTC")])?,
            list: build("ListFormat", &[("type", "conjunction")]).ok(),
            units,
        };
        let messages = Messages::for_locale(&tag).with_overrides(overrides);
        Ok(IntlWords {
            plural: plural_rules(messages.tag()),
            messages,
            dates: Some(dates),
        })
    }
}

/// `Intl.PluralRules` for `tag`, if the browser has it.
fn plural_rules(tag: &str) -> Option<JsValue> {
    let intl = intl()?;
    let locales: JsValue = Array::of1(&tag.into()).into();
    build(&intl, &locales, "PluralRules", &[]).ok()
}

impl IntlDates {
    fn unit_text(&self, count: u64, unit: Unit) -> Option<String> {
        let format = self
            .units
            .iter()
            .find(|(u, _)| *u == unit)
            .map(|(_, f)| f)?;
        call(format, "format", &[JsValue::from_f64(count as f64)])
            .ok()?
            .as_string()
    }

    fn relative(&self, days: i64) -> String {
        let english = || wording::relative(days);
        if days.abs() <= 1 {
            return call(
                &self.relative_auto,
                "format",
                &[JsValue::from_f64(days as f64), "day".into()],
            )
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_else(english);
        }
        let parts = wording::parts(days.unsigned_abs());
        let Some(&(count, unit)) = parts.first() else {
            return english();
        };
        let signed = if days < 0 {
            -(count as f64)
        } else {
            count as f64
        };
        let Some(first) = call(
            &self.relative_always,
            "format",
            &[signed.into(), unit.name().into()],
        )
        .ok()
        .and_then(|v| v.as_string()) else {
            return english();
        };
        // Two units: "il y a 2 ans" + "2 ans et 5 mois" → "il y a 2 ans et 5 mois", where the
        // language puts the amount in one piece; otherwise the first unit alone.
        match (parts.get(1), &self.list) {
            (Some(&(count2, unit2)), Some(list)) => {
                let (Some(a), Some(b)) =
                    (self.unit_text(count, unit), self.unit_text(count2, unit2))
                else {
                    return first;
                };
                let both = call(
                    list,
                    "format",
                    &[Array::of2(&a.as_str().into(), &b.as_str().into()).into()],
                )
                .ok()
                .and_then(|v| v.as_string());
                // Unit formats may use no-break spaces where relative ones use plain ones.
                let plain = |text: &str| text.replace(['\u{a0}', '\u{202f}'], " ");
                let (first_plain, a) = (plain(&first), plain(&a));
                match both {
                    Some(both) if first_plain.contains(&a) => {
                        first_plain.replacen(&a, &plain(&both), 1)
                    }
                    _ => first,
                }
            }
            _ => first,
        }
    }

    fn format(format: &JsValue, date: Date) -> Option<String> {
        let utc = js_sys::Date::utc(
            f64::from(date.year()),
            f64::from(date.month().saturating_sub(1)),
        ) + f64::from(date.day().unwrap_or(1).saturating_sub(1)) * 86_400_000.0;
        let when = js_sys::Date::new(&JsValue::from_f64(utc));
        call(format, "format", &[when.into()])
            .ok()
            .and_then(|v| v.as_string())
    }
}

impl Words for IntlWords {
    fn relative(&self, days: i64) -> String {
        match &self.dates {
            Some(dates) => dates.relative(days),
            None => wording::relative(days),
        }
    }

    fn ends(&self, days: i64) -> String {
        // English: "Ends in 3 months", as `wording::ends` words it.
        let id = if days >= 0 { "time.ends" } else { "time.ended" };
        self.format(id, &[("relative", &self.relative(days))])
    }

    fn date(&self, date: Date) -> String {
        let format = self.dates.as_ref().map(|dates| {
            if date.is_month() {
                &dates.month
            } else {
                &dates.day
            }
        });
        format
            .and_then(|format| IntlDates::format(format, date))
            .unwrap_or_else(|| date.display())
    }

    fn month(&self, date: Date) -> String {
        self.dates
            .as_ref()
            .and_then(|dates| IntlDates::format(&dates.month_name, date))
            .unwrap_or_else(|| date.month_abbr().to_owned())
    }

    fn messages(&self) -> &Messages {
        &self.messages
    }

    fn plural(&self, n: u64) -> Category {
        self.plural
            .as_ref()
            .and_then(|rules| call(rules, "select", &[JsValue::from_f64(n as f64)]).ok())
            .and_then(|v| v.as_string())
            .and_then(|name| Category::parse(&name))
            .unwrap_or(Category::Other)
    }
}

/// `target.name(...args)`, with a thrown exception as `Err`.
fn call(target: &JsValue, name: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let function: Function = Reflect::get(target, &name.into())?.dyn_into()?;
    let args: Array = args.iter().collect();
    Reflect::apply(&function, target, &args)
}

/// `messages` as a JS object: `{ locale, dir, languages, messages: { id: text | { one, other } } }`.
pub fn catalogue(messages: &Messages) -> Result<JsValue, JsValue> {
    use crate::core::i18n::{self, Message};
    let set = |target: &Object, key: &str, value: &JsValue| -> Result<(), JsValue> {
        Reflect::set(target, &key.into(), value).map(|_| ())
    };
    let all = Object::new();
    for (id, _) in i18n::ENGLISH {
        let value: JsValue = match messages.message(id) {
            Message::Text(text) => text.into(),
            Message::Plural(forms) => {
                let object = Object::new();
                for (category, text) in forms {
                    set(&object, category.name(), &text.into())?;
                }
                object.into()
            }
        };
        set(&all, id, &value)?;
    }
    let languages: Array = i18n::tags().into_iter().map(JsValue::from).collect();
    let out = Object::new();
    set(&out, "locale", &messages.tag().into())?;
    set(&out, "dir", &messages.text("dir").into())?;
    set(&out, "languages", &languages)?;
    set(&out, "messages", &all)?;
    Ok(out.into())
}
