//! The product card around the table: the header (icon, title, labels), the release image, and
//! the information under the table (release policy link, supported-release hint, version command
//! with a copy button, download controls). Text only through text nodes; URLs were allowlisted by
//! the core and are checked again here.

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element};

use super::element;
pub use crate::core::settings::Downloads;

use super::link;
use crate::core::card::{Card, POLICY_SENTENCE, RUNNING_HINT};
use crate::core::url;

/// The header: `header.eol-table__header` with the icon, an `h2` title and the labels.
/// Returns the header and the icon (whose failed load the widget listens for).
pub fn header(document: &Document, card: &Card) -> Result<(Element, Option<Element>), JsValue> {
    let header = element(document, "header", &[("class", "eol-table__header")])?;
    let icon = match card.icon.as_deref() {
        Some(src) => {
            let img = element(
                document,
                "img",
                &[
                    ("class", "eol-table__logo"),
                    ("alt", ""),
                    ("width", "32"),
                    ("height", "32"),
                    ("loading", "lazy"),
                    ("decoding", "async"),
                ],
            )?;
            if link::set_src(document, &img, src)? {
                header.append_child(&img)?;
                Some(img)
            } else {
                None
            }
        }
        None => None,
    };
    let title = element(document, "h2", &[("class", "eol-table__title")])?;
    title.set_text_content(Some(&card.title));
    header.append_child(&title)?;
    if !card.labels.is_empty() {
        let list = element(
            document,
            "ul",
            &[("class", "eol-table__labels"), ("aria-label", "Tags")],
        )?;
        for label in &card.labels {
            let item = element(document, "li", &[("data-tag", label)])?;
            item.set_text_content(Some(label));
            list.append_child(&item)?;
        }
        header.append_child(&list)?;
    }
    Ok((header, icon))
}

/// The release schedule image, when the product has one.
pub fn release_image(document: &Document, card: &Card) -> Result<Option<Element>, JsValue> {
    let Some(src) = card.release_image.as_deref().and_then(url::image) else {
        return Ok(None);
    };
    let figure = element(document, "figure", &[("class", "eol-table__schedule")])?;
    let alt = [card.title.as_str(), " release schedule"].concat();
    let img = element(document, "img", &[("alt", &alt), ("loading", "lazy")])?;
    if !link::set_src(document, &img, &src)? {
        return Ok(None);
    }
    figure.append_child(&img)?;
    Ok(Some(figure))
}

/// The parts of the information block the widget updates.
pub struct Info {
    /// `div.eol-table__info`.
    pub root: Element,
    /// The "Copied" live region of the copy button.
    pub copied: Option<Element>,
}

/// The information under the table; `None` when there is nothing to show.
pub fn info(
    document: &Document,
    card: &Card,
    downloads: Downloads,
) -> Result<Option<Info>, JsValue> {
    let policy = card.policy_link.as_deref().and_then(url::safe);
    let nothing = policy.is_none()
        && !card.running_hint
        && card.version_command.is_none()
        && downloads == Downloads::default();
    if nothing {
        return Ok(None);
    }
    let root = element(document, "div", &[("class", "eol-table__info")])?;
    if let Some(href) = policy {
        let p = element(document, "p", &[("class", "eol-table__policy")])?;
        let (before, after) = POLICY_SENTENCE;
        p.append_child(&document.create_text_node(before))?;
        let a = element(document, "a", &[])?;
        link::set_href(document, &a, &href)?;
        a.set_text_content(Some(&card.policy_link_text()));
        p.append_child(&a)?;
        p.append_child(&document.create_text_node(after))?;
        root.append_child(&p)?;
    }
    if card.running_hint {
        let p = element(document, "p", &[("class", "eol-table__hint")])?;
        p.set_text_content(Some(RUNNING_HINT));
        root.append_child(&p)?;
    }
    let mut copied = None;
    if let Some(command) = &card.version_command {
        let block = element(document, "div", &[("class", "eol-table__command")])?;
        let label = element(document, "p", &[("class", "eol-table__command-label")])?;
        label.set_text_content(Some("Check your current version with:"));
        block.append_child(&label)?;
        let row = element(document, "div", &[("class", "eol-table__command-row")])?;
        let pre = element(document, "pre", &[])?;
        let code = element(document, "code", &[("data-command", "")])?;
        code.set_text_content(Some(command));
        pre.append_child(&code)?;
        row.append_child(&pre)?;
        let button = element(
            document,
            "button",
            &[
                ("type", "button"),
                ("class", "eol-table__copy"),
                ("data-action", "copy"),
                ("aria-label", "Copy the version command"),
            ],
        )?;
        button.set_text_content(Some("Copy"));
        row.append_child(&button)?;
        let status = element(
            document,
            "span",
            &[("class", "eol-table__copied"), ("aria-live", "polite")],
        )?;
        row.append_child(&status)?;
        block.append_child(&row)?;
        root.append_child(&block)?;
        copied = Some(status);
    }
    if downloads != Downloads::default() {
        let group = element(
            document,
            "div",
            &[
                ("class", "eol-table__downloads"),
                ("role", "group"),
                ("aria-label", "Downloads"),
            ],
        )?;
        for (on, action, text) in [
            (downloads.csv, "download-csv", "Download CSV"),
            (downloads.calendar, "download-ics", "Add to calendar"),
        ] {
            if on {
                let button = element(
                    document,
                    "button",
                    &[("type", "button"), ("data-action", action)],
                )?;
                button.set_text_content(Some(text));
                group.append_child(&button)?;
            }
        }
        root.append_child(&group)?;
    }
    Ok(Some(Info { root, copied }))
}

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

const COPIED: &str = "Copied";
const COPY_BY_HAND: &str = "Selected: press Ctrl+C (⌘C) to copy";

impl Copier {
    /// A copier of `text` that reports in `status`.
    pub fn new(document: &Document, text: String, status: Element) -> Copier {
        let shown = status.clone();
        let done = Closure::<dyn FnMut(JsValue)>::new(move |_| say(&shown, COPIED));
        let (shown, document) = (status.clone(), document.clone());
        let failed = Closure::<dyn FnMut(JsValue)>::new(move |_| {
            let copied = copy_by_selection(&document, &shown);
            say(&shown, if copied { COPIED } else { COPY_BY_HAND });
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
