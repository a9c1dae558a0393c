//! Link and image URLs as they reach the page: after the core's allowlist, the browser's own URL
//! parser resolves each against the page, so that forms the allowlist reads as relative but a
//! browser sends elsewhere (`/\evil.example/x`, `\\evil.example/x`, `//cdn.example/x`) are seen
//! for what they are. A link that leaves the page's origin gets `rel="noopener noreferrer"`; an
//! image never sends a referrer.

use wasm_bindgen::JsValue;
use web_sys::{Document, Element, Url};

use crate::core::url;

/// Where `raw` leads from this page, or `None` when it is not a URL a link may have: refused by
/// the allowlist, or resolving to a scheme other than http, https or mailto.
fn resolve(document: &Document, raw: &str) -> Option<(String, bool)> {
    let safe = url::safe(raw)?;
    let base = document.base_uri().ok().flatten()?;
    let page = Url::new(&base).ok()?;
    let target = Url::new_with_base(&safe, &base).ok()?;
    if !matches!(target.protocol().as_str(), "http:" | "https:" | "mailto:") {
        return None;
    }
    let same_origin = target.origin() == page.origin() && target.origin() != "null";
    Some((safe, same_origin))
}

/// Sets `href` on `a` when `raw` is a URL a link may have (see the module docs); returns whether
/// it was set.
pub fn set_href(document: &Document, a: &Element, raw: &str) -> Result<bool, JsValue> {
    let Some((href, same_origin)) = resolve(document, raw) else {
        return Ok(false);
    };
    a.set_attribute("href", &href)?;
    if !same_origin {
        a.set_attribute("rel", "noopener noreferrer")?;
    }
    Ok(true)
}

/// Sets `src` on `img` when `raw` is an http or https URL, with no referrer sent; returns whether
/// it was set.
pub fn set_src(document: &Document, img: &Element, raw: &str) -> Result<bool, JsValue> {
    match resolve(document, raw) {
        Some((src, _)) if !src.trim_start().to_ascii_lowercase().starts_with("mailto:") => {
            img.set_attribute("referrerpolicy", "no-referrer")?;
            img.set_attribute("src", &src)?;
            Ok(true)
        }
        _ => Ok(false),
    }
}
