//! If anything still panics, the reader sees why in the widget being rendered, and the console
//! says so, instead of a table that silently never appears.

use std::cell::RefCell;

use js_sys::{Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

thread_local! {
    /// The element a render is working on, for the panic hook.
    static HOST: RefCell<Option<Element>> = const { RefCell::new(None) };
}

/// Installs the hook (once, when the module starts).
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        let message = format!(
            "eol-table stopped on an internal error: {}. Please report it with the product file.",
            info.to_string().replace('\n', " ")
        );
        log(&message);
        // try_borrow: a panic while the slot is borrowed must not panic again.
        let host = HOST.with(|h| h.try_borrow().ok().and_then(|h| h.clone()));
        if let (Some(host), Some(document)) = (
            host.as_ref(),
            host.as_ref().and_then(|h| h.owner_document()),
        ) {
            if let Ok(alert) = super::render_error(&document, &message) {
                host.replace_children_with_node_1(&alert);
            }
        }
    }));
}

/// Remembers `host` as the element being rendered until the guard is dropped.
pub fn rendering(host: &Element) -> Guard {
    HOST.with(|h| {
        if let Ok(mut h) = h.try_borrow_mut() {
            *h = Some(host.clone());
        }
    });
    Guard
}

/// Forgets the element being rendered when dropped.
pub struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        HOST.with(|h| {
            if let Ok(mut h) = h.try_borrow_mut() {
                *h = None;
            }
        });
    }
}

fn log(message: &str) {
    let console = Reflect::get(&js_sys::global(), &"console".into()).ok();
    let error = console
        .as_ref()
        .and_then(|c| Reflect::get(c, &"error".into()).ok())
        .and_then(|f| f.dyn_into::<Function>().ok());
    if let (Some(console), Some(error)) = (console, error) {
        let _ = error.call1(&console, &JsValue::from_str(message));
    }
}
