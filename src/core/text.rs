//! Slicing text at byte offsets found by `find`, without a panic path: an offset that is not on
//! a character boundary (never the case for offsets `find` returns) gives the safe fallback.

/// `text[start..]`, or `""`.
pub fn from(text: &str, start: usize) -> &str {
    text.get(start..).unwrap_or("")
}

/// `text[..end]`, or the whole text.
pub fn upto(text: &str, end: usize) -> &str {
    text.get(..end).unwrap_or(text)
}

/// `text[start..end]`, or `""`.
pub fn between(text: &str, start: usize, end: usize) -> &str {
    text.get(start..end).unwrap_or("")
}

/// `text` in lower case, as Unicode maps it (what `str::to_lowercase` gives).
///
/// In wasm, text beyond ASCII is mapped by the JS engine's `String.prototype.toLowerCase`, the
/// same Unicode mapping, so the wasm does not carry std's 24 KB of case tables.
pub fn lowercase(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    #[cfg(target_arch = "wasm32")]
    return js_sys::JsString::from(text).to_lower_case().into();
    #[cfg(not(target_arch = "wasm32"))]
    text.to_lowercase()
}

/// `text` in upper case, as Unicode maps it (what `str::to_uppercase` gives); see [`lowercase`].
pub fn uppercase(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_uppercase();
    }
    #[cfg(target_arch = "wasm32")]
    return js_sys::JsString::from(text).to_upper_case().into();
    #[cfg(not(target_arch = "wasm32"))]
    text.to_uppercase()
}

/// Where the first character of `text` ends.
pub fn first_char_end(text: &str) -> usize {
    text.chars().next().map_or(0, char::len_utf8)
}
