//! The JS arguments of the entry points: the source (text, bytes or a built-in product) and the
//! options, read into the product to show and the day to show it on.

use wasm_bindgen::{JsCast, JsValue};

use crate::core::date::{Date, Day};
use crate::core::error::Error;
use crate::core::input::{self, Format};
use crate::core::model::Product;
use crate::core::{self, lookup, products, stack, view};
use crate::options::{choice_error, Options};

/// The source text and the options, from the JS arguments.
pub(crate) fn inputs(
    source: Option<&JsValue>,
    options: Option<&JsValue>,
) -> Result<(String, Options), String> {
    let options = Options::read(options)?;
    let limit = input_limit(&options);
    let text = match source {
        Some(value) if !value.is_null() && !value.is_undefined() => {
            if let Some(text) = value.as_string() {
                core::check_size(text.len(), limit).map_err(|e| e.to_string())?;
                text
            } else if let Some(bytes) = value.dyn_ref::<js_sys::Uint8Array>() {
                core::check_size(bytes.length() as usize, limit).map_err(|e| e.to_string())?;
                core::decode(bytes.to_vec()).map_err(|e| e.to_string())?
            } else {
                return Err("the source must be a product file as text (or its bytes as a Uint8Array), or null for a built-in product".to_owned());
            }
        }
        _ => {
            let id = options.product.as_deref().unwrap_or("istio");
            products::builtin(id)
                .ok_or_else(|| {
                    format!(
                        "there is no built-in product `{id}`; built in: {}",
                        products::ids().join(", ")
                    )
                })?
                .to_owned()
        }
    };
    Ok((text, options))
}

/// The `maxInputBytes` option, or the default limit.
pub(crate) fn input_limit(options: &Options) -> usize {
    options
        .max_input_bytes
        .filter(|n| n.is_finite() && *n >= 0.0)
        .map_or(core::DEFAULT_MAX_INPUT_BYTES, |n| n as usize)
}

/// The product of the JS arguments, and the day to evaluate it on.
pub(crate) fn product_on(
    source: Option<&JsValue>,
    options: Option<&JsValue>,
) -> Result<(Product, Day), String> {
    let (text, options) = inputs(source, options)?;
    let today = today(&options)?;
    Ok((read(&text, &options)?, today))
}

/// The words the options ask for: `locale` and `messages`.
pub(crate) fn words(options: &Options) -> Result<Box<dyn crate::core::wording::Words>, String> {
    let locale = options.locale.as_deref().filter(|l| !l.trim().is_empty());
    crate::dom::widget::words(locale, &options.overrides()?)
}

/// The product of the JS arguments, the day to evaluate it on, and the words of the options.
pub(crate) fn product_words_on(
    source: Option<&JsValue>,
    options: Option<&JsValue>,
) -> Result<(Product, Day, Box<dyn crate::core::wording::Words>), String> {
    let (text, options) = inputs(source, options)?;
    let today = today(&options)?;
    let words = words(&options)?;
    Ok((read(&text, &options)?, today, words))
}

/// Reads `text` in the format the options name (default: detected).
pub(crate) fn read(text: &str, options: &Options) -> Result<Product, String> {
    let format = match options.format.as_deref() {
        None => Format::Auto,
        Some(name) => Format::parse(name).ok_or_else(|| {
            choice_error(
                "format",
                "\"auto\", \"markdown\", \"yaml\", \"api\" or \"api-v0\"",
                name,
            )
        })?,
    };
    input::read_named(text, format, &options.names()).map_err(|err| err.to_string())
}

/// The `today` option, or the local date.
pub(crate) fn today(options: &Options) -> Result<Day, String> {
    match options.today.as_deref() {
        Some(text) => core::parse_today(text).map_err(|err: Error| err.to_string()),
        None => Ok(local_today()),
    }
}

/// Today in the browser's (or Node's) local time zone.
pub(crate) fn local_today() -> Day {
    let now = js_sys::Date::new_0();
    Date::from_ymd(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .map_or(Day::from_number(0), Date::first_day)
}

pub(crate) fn version_check(
    source: Option<&JsValue>,
    version: &str,
    options: Option<&JsValue>,
) -> Result<lookup::Check, String> {
    let (product, today, words) = product_words_on(source, options)?;
    Ok(core::lookup::check_in(
        &view::evaluate(&product, today),
        version,
        words.as_ref(),
    ))
}

#[cfg(feature = "badge")]
pub(crate) fn badge_inputs(
    source: Option<&JsValue>,
    options: Option<&JsValue>,
) -> Result<(lookup::Check, core::badge::Style), String> {
    let (_, parsed) = inputs(None, options)?;
    let version = parsed
        .version
        .clone()
        .filter(|v| !v.trim().is_empty())
        .ok_or("a badge needs the `version` option, such as { version: \"1.12.4\" }")?;
    let style = match parsed.style.as_deref() {
        None => core::badge::Style::Flat,
        Some(name) => core::badge::Style::parse(name)
            .ok_or_else(|| choice_error("style", "\"flat\" or \"flat-square\"", name))?,
    };
    Ok((version_check(source, &version, options)?, style))
}

/// The stack description of the JS arguments: YAML or JSON text, its bytes, or an object of the
/// same shape; `limit` is the largest text (and what an object may hold, as a file that size).
pub(crate) fn stack(value: &JsValue, limit: usize) -> Result<stack::Stack, String> {
    if let Some(text) = value.as_string() {
        core::check_size(text.len(), limit).map_err(|e| e.to_string())?;
        return stack::parse(&text).map_err(|e| e.to_string());
    }
    if let Some(bytes) = value.dyn_ref::<js_sys::Uint8Array>() {
        core::check_size(bytes.length() as usize, limit).map_err(|e| e.to_string())?;
        let text = core::decode(bytes.to_vec()).map_err(|e| e.to_string())?;
        return stack::parse(&text).map_err(|e| e.to_string());
    }
    if value.is_object() && !value.is_function() {
        let deserializer = serde_wasm_bindgen::Deserializer::from(value.clone());
        let stack: stack::Stack =
            serde_path_to_error::deserialize(deserializer).map_err(|err| {
                let path = err.path().to_string();
                // Our own messages carry a marker for the YAML reader; an object has no place to show.
                let message = err.into_inner().to_string().replace('\u{1}', "");
                let message = message.strip_prefix("Error: ").unwrap_or(&message);
                format!("the stack's `{path}`: {message}")
            })?;
        stack::check_count(&stack, limit).map_err(|e| e.to_string())?;
        return Ok(stack);
    }
    Err("the stack must be a stack description as YAML or JSON text, its bytes as a Uint8Array, or an object { title, products: [{ product, version }] }".to_owned())
}

/// The stack, checked: its entries' sources from `sources` (an object keyed by an entry's `src`
/// or its product id; `null`: built-in products only), on the options' day.
pub(crate) fn checked_stack(
    stack_value: &JsValue,
    sources: Option<&JsValue>,
    options: &Options,
) -> Result<stack::Checked, String> {
    let limit = input_limit(options);
    let description = stack(stack_value, limit)?;
    let today = today(options)?;
    let words = words(options)?;
    let sources = match sources {
        Some(value) if !value.is_null() && !value.is_undefined() => {
            if !value.is_object() || value.is_function() || js_sys::Array::is_array(value) {
                return Err("`sources` must be an object that maps product ids (or entries' `src`) to product files, or null".to_owned());
            }
            Some(value.unchecked_ref::<js_sys::Object>().clone())
        }
        _ => None,
    };
    // A source that is not text, bytes or { error } stops the check with this message.
    let mut wrong: Option<String> = None;
    let checked = stack::check(
        &description,
        today,
        &mut |entry| {
            let sources = sources.as_ref()?;
            let key = [entry.src.as_deref(), Some(entry.product.as_str())]
                .into_iter()
                .flatten()
                .find(|key| js_sys::Object::has_own(sources, &JsValue::from_str(key)))?;
            let value = js_sys::Reflect::get(sources, &JsValue::from_str(key)).ok()?;
            match source(&value, limit) {
                Ok(source) => Some(source),
                Err(message) => {
                    wrong.get_or_insert(format!("sources[{key:?}] {message}"));
                    None
                }
            }
        },
        words.as_ref(),
    );
    match wrong {
        Some(message) => Err(message),
        None => Ok(checked),
    }
}

/// One entry of `sources`.
fn source(value: &JsValue, limit: usize) -> Result<stack::Source, String> {
    if let Some(text) = value.as_string() {
        return Ok(match core::check_size(text.len(), limit) {
            Ok(()) => stack::Source::Text(text),
            Err(err) => stack::Source::Failed(err.to_string()),
        });
    }
    if let Some(bytes) = value.dyn_ref::<js_sys::Uint8Array>() {
        if let Err(err) = core::check_size(bytes.length() as usize, limit) {
            return Ok(stack::Source::Failed(err.to_string()));
        }
        return Ok(match core::decode(bytes.to_vec()) {
            Ok(text) => stack::Source::Text(text),
            Err(err) => stack::Source::Failed(err.to_string()),
        });
    }
    if value.is_object() {
        if let Some(error) = js_sys::Reflect::get(value, &"error".into())
            .ok()
            .and_then(|e| e.as_string())
        {
            return Ok(stack::Source::Failed(error));
        }
    }
    Err("must be a product file as text, its bytes as a Uint8Array, or { error: \"why it could not be loaded\" }".to_owned())
}
