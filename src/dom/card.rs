//! What the product card does in the page (its elements are `core::widget::card`'s tree): the
//! version command's copy button, and the download controls' files.

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element};

#[cfg(feature = "export")]
use super::element;
pub use crate::core::settings::Downloads;
use crate::core::wording::Words;

/// Copies the version command: the Clipboard API where the page may use it, else a selection
/// and `execCommand("copy")`; says "Copied" (or how to copy by hand) in the live region for a
/// moment. Owns its callbacks, which go with the widget.
pub struct Copier {
    text: String,
    status: Element,
    done: Closure<dyn FnMut(JsValue)>,
    failed: Closure<dyn FnMut(JsValue)>,
    clear: Closure<dyn FnMut()>,
}

impl Copier {
    /// A copier of `text` that reports in `status`, in the language of `words`.
    pub fn new(document: &Document, text: String, status: Element, words: &dyn Words) -> Copier {
        let copied = words.text("card.copied").to_owned();
        let by_hand = words.text("card.copyByHand").to_owned();
        let shown = status.clone();
        let said = copied.clone();
        let done = Closure::<dyn FnMut(JsValue)>::new(move |_| say(&shown, &said));
        let (shown, document) = (status.clone(), document.clone());
        let failed = Closure::<dyn FnMut(JsValue)>::new(move |_| {
            let done = copy_by_selection(&document, &shown);
            say(&shown, if done { &copied } else { &by_hand });
        });
        let shown = status.clone();
        let clear = Closure::<dyn FnMut()>::new(move || shown.set_text_content(None));
        Copier {
            text,
            status,
            done,
            failed,
            clear,
        }
    }

    /// Copies, then clears the message after two seconds.
    pub fn copy(&self) {
        self.status.set_text_content(None);
        let global = js_sys::global();
        let clipboard = Reflect::get(&global, &"navigator".into())
            .and_then(|navigator| Reflect::get(&navigator, &"clipboard".into()))
            .ok()
            .filter(|c| c.is_object());
        let promise = clipboard.and_then(|clipboard| {
            let write = Reflect::get(&clipboard, &"writeText".into()).ok()?;
            let write = write.dyn_into::<Function>().ok()?;
            write
                .call1(&clipboard, &JsValue::from_str(&self.text))
                .ok()?
                .dyn_into::<Promise>()
                .ok()
        });
        match promise {
            Some(promise) => {
                let _ = promise.then2(&self.done, &self.failed);
            }
            None => {
                let _ = self
                    .failed
                    .as_ref()
                    .unchecked_ref::<Function>()
                    .call1(&JsValue::NULL, &JsValue::NULL);
            }
        }
        if let Ok(set_timeout) = Reflect::get(&global, &"setTimeout".into()) {
            if let Ok(set_timeout) = set_timeout.dyn_into::<Function>() {
                let _ = set_timeout.call2(&global, self.clear.as_ref(), &JsValue::from_f64(2500.0));
            }
        }
    }
}

fn say(status: &Element, text: &str) {
    status.set_text_content(Some(text));
}

/// Selects the command's text and asks the browser to copy it (pages without the Clipboard API,
/// such as plain-http pages). Leaves the text selected either way, ready for Ctrl+C.
fn copy_by_selection(document: &Document, status: &Element) -> bool {
    let Some(code) = status
        .parent_element()
        .and_then(|row| row.query_selector("code").ok().flatten())
    else {
        return false;
    };
    let call = |target: &JsValue, name: &str, args: &[&JsValue]| -> Option<JsValue> {
        let method = Reflect::get(target, &name.into())
            .ok()?
            .dyn_into::<Function>()
            .ok()?;
        let array: js_sys::Array = args.iter().copied().collect();
        method.apply(target, &array).ok()
    };
    let Some(selection) = call(&js_sys::global(), "getSelection", &[]).filter(|s| s.is_object())
    else {
        return false;
    };
    if call(&selection, "selectAllChildren", &[code.as_ref()]).is_none() {
        return false;
    }
    call(document.as_ref(), "execCommand", &[&"copy".into()])
        .and_then(|r| r.as_bool())
        .unwrap_or(false)
}

#[cfg(feature = "export")]
/// Offers `text` as a file download named `name`: a Blob behind a temporary link, clicked and
/// revoked at once.
pub fn download(document: &Document, text: &str, kind: &str, name: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(kind);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let href = web_sys::Url::create_object_url_with_blob(&blob)?;
    // Never in the page: a click on it would bubble into the widget's own click handler.
    let link = element(document, "a", &[("href", &href), ("download", name)])?;
    let clicked = link
        .dyn_ref::<web_sys::HtmlElement>()
        .map(web_sys::HtmlElement::click);
    web_sys::Url::revoke_object_url(&href)?;
    clicked.ok_or_else(|| JsValue::from_str("the download link is not an HTML element"))
}
