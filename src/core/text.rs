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

/// Where the first character of `text` ends.
pub fn first_char_end(text: &str) -> usize {
    text.chars().next().map_or(0, char::len_utf8)
}

/// `text` in double quotes with `"`, `\` and control characters escaped, as `{:?}` writes it
/// (serde's messages quote strings so). Written out here: std's `Debug` for `str` carries its
/// Unicode printability tables into the wasm.
pub fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\0' => out.push_str("\\0"),
            c if c.is_control() => {
                out.push_str("\\u{");
                out.push_str(&format!("{:x}", u32::from(c)));
                out.push('}');
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_matches_debug_for_text_with_quotes_and_controls() {
        for text in [
            "abc",
            "a \"b\" c",
            "back\\slash",
            "line\nbreak\ttab\r",
            "\u{7}\u{1b}\0",
            "é ü 日本",
        ] {
            assert_eq!(quoted(text), format!("{text:?}"), "{text}");
        }
    }
}
