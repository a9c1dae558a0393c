//! JSON text of what `parseProduct` and `checkVersion` return. The JS side parses it
//! (`JSON.parse`) into plain objects, arrays, strings, booleans, numbers and `null`: the values
//! serde-wasm-bindgen's JSON-compatible serializer built, in much less wasm (that serializer is
//! compiled again for every type and field).

/// One JSON object being written, members in the order they are added.
pub struct Object<'o> {
    out: &'o mut String,
    empty: bool,
}

impl<'o> Object<'o> {
    /// Opens an object at the end of `out`.
    pub fn new(out: &'o mut String) -> Self {
        out.push('{');
        Object { out, empty: true }
    }

    /// Starts the member `name`: its value is written next, into the string returned.
    pub fn key(&mut self, name: &str) -> &mut String {
        if !self.empty {
            self.out.push(',');
        }
        self.empty = false;
        string_into(self.out, name);
        self.out.push(':');
        self.out
    }

    /// A string member.
    pub fn text(&mut self, name: &str, value: &str) {
        string_into(self.key(name), value);
    }

    /// A string member, `null` when `None`.
    pub fn opt_text(&mut self, name: &str, value: Option<&str>) {
        opt_text_into(self.key(name), value);
    }

    /// A boolean member.
    pub fn flag(&mut self, name: &str, value: bool) {
        self.key(name)
            .push_str(if value { "true" } else { "false" });
    }

    /// A boolean member, `null` when `None`.
    pub fn opt_flag(&mut self, name: &str, value: Option<bool>) {
        match value {
            Some(value) => self.flag(name, value),
            None => self.null(name),
        }
    }

    /// A `null` member.
    pub fn null(&mut self, name: &str) {
        self.key(name).push_str("null");
    }

    /// A whole-number member.
    pub fn count(&mut self, name: &str, value: usize) {
        self.key(name).push_str(&value.to_string());
    }

    /// A list of strings.
    pub fn texts(&mut self, name: &str, values: &[String]) {
        self.list(name, values, |out, value| string_into(out, value));
    }

    /// A list member: `each` writes one item's value.
    pub fn list<T>(&mut self, name: &str, items: &[T], mut each: impl FnMut(&mut String, &T)) {
        let out = self.key(name);
        out.push('[');
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            each(out, item);
        }
        out.push(']');
    }

    /// Closes the object.
    pub fn end(self) {
        self.out.push('}');
    }
}

/// `text` as a JSON string, or `null`.
pub fn opt_text_into(out: &mut String, text: Option<&str>) {
    match text {
        Some(text) => string_into(out, text),
        None => out.push_str("null"),
    }
}

/// Writes `text` as a JSON string (RFC 8259): quotes, backslashes and control characters escaped.
pub fn string_into(out: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => {
                out.push_str("\\u00");
                for digit in [c as u8 >> 4, c as u8 & 15] {
                    out.push(char::from(
                        HEX.get(usize::from(digit)).copied().unwrap_or(b'0'),
                    ));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn objects_list_members_in_order_with_escaped_strings() {
        let mut out = String::new();
        let mut object = Object::new(&mut out);
        object.text("a", "x\"y\\z\n\u{1}\u{e9}");
        object.opt_text("b", None);
        object.opt_flag("c", Some(true));
        object.texts("d", &["1".to_owned(), "2".to_owned()]);
        object.count("e", 1000);
        object.end();
        assert_eq!(
            out,
            r#"{"a":"x\"y\\z\n\u0001é","b":null,"c":true,"d":["1","2"],"e":1000}"#
        );
    }
}
