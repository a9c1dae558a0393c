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
