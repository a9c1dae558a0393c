//! Rendering into an element the page gives: the set-up every entry point shares (the element,
//! the panic hook's target, replacing an earlier render, the stylesheet, the error alert), and what
//! each of them builds there.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::{JsCast, JsError, JsValue};
use web_sys::{Document, Element};

use crate::arguments::{inputs, read, today};
#[cfg(feature = "timeline")]
use crate::core::{timeline, view};
#[cfg(feature = "timeline")]
use crate::dom::widget::Theme;
use crate::dom::widget::Widget;
use crate::{dom, options};

/// Renders into `element` for the entry point `entry`: replaces what an earlier render put there
/// (children with a class in `replaces`, and an earlier error box), adds the stylesheet unless
/// the options say not to, then appends what `build` makes, or, when it fails, an alert with the
/// message, which is also thrown.
pub(crate) fn render_into<T>(
    element: JsValue,
    entry: &str,
    replaces: &[&str],
    options: Option<&JsValue>,
    build: impl FnOnce(&Document, &Element) -> Result<(Element, T), String>,
) -> Result<T, JsError> {
    let host: Element = element
        .dyn_into()
        .map_err(|_| JsError::new(&format!("{entry} needs a DOM element to render into")))?;
    let _rendering = dom::panic::rendering(&host);
    let document = host
        .owner_document()
        .ok_or_else(|| JsError::new("the element is not in a document"))?;
    dom::clear_previous(&host, replaces).map_err(js_error)?;
    if options::inject_styles(options) {
        dom::ensure_style(&document).map_err(js_error)?;
    }
    match build(&document, &host) {
        Ok((root, value)) => {
            host.append_child(&root).map_err(js_error)?;
            Ok(value)
        }
        Err(message) => {
            let alert = dom::render_error(&document, &message).map_err(js_error)?;
            host.append_child(&alert).map_err(js_error)?;
            Err(JsError::new(&message))
        }
    }
}

/// The interactive table for `host`.
pub(crate) fn build_widget(
    document: &web_sys::Document,
    host: &Element,
    source: Option<&JsValue>,
    options: Option<&JsValue>,
) -> Result<Rc<RefCell<Widget>>, String> {
    let (text, options) = inputs(source, options)?;
    let today = today(&options)?;
    #[cfg_attr(not(feature = "timeline"), allow(unused_mut))]
    let mut settings = options.settings()?;
    #[cfg(feature = "timeline")]
    if settings.card.timeline {
        settings.width = chart_width(host, settings.theme);
    }
    #[cfg(not(feature = "timeline"))]
    let _ = host;
    let product = read(&text, &options)?;
    Widget::create(document, product, today, settings)
}

/// The timeline's root element, laid out for `host`'s width.
#[cfg(feature = "timeline")]
pub(crate) fn timeline_element(
    document: &web_sys::Document,
    host: &Element,
    source: Option<&JsValue>,
    options: Option<&JsValue>,
) -> Result<Element, String> {
    let (text, options) = inputs(source, options)?;
    let today = today(&options)?;
    let theme = match &options.theme {
        Some(theme) => Theme::parse(theme)?,
        None => Theme::Auto,
    };
    let words = crate::arguments::words(&options)?;
    let product = read(&text, &options)?;
    let view = view::evaluate(&product, today);
    let chart = timeline::build(&view, words.as_ref(), chart_width(host, theme));
    let root = dom::timeline::build(document, &chart).map_err(js_message)?;
    root.set_attribute("data-theme", theme.as_str())
        .map_err(js_message)?;
    Ok(root)
}

/// The width to lay a timeline out for in `host`: its own, less the padding a chosen theme adds
/// (the stylesheet's 1em a side).
#[cfg(feature = "timeline")]
pub(crate) fn chart_width(host: &Element, theme: Theme) -> i32 {
    let padding = if theme == Theme::Auto { 0 } else { 32 };
    match host.client_width() {
        w if w > padding => w - padding,
        _ => timeline::DEFAULT_WIDTH,
    }
}

pub(crate) fn js_error(value: JsValue) -> JsError {
    JsError::new(&js_message(value))
}

pub(crate) fn js_message(value: JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|err| String::from(err.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| "the page refused a DOM change".to_owned())
}
