//! Splits a product file into its YAML front matter and its Markdown body.

use super::error::{Error, Location};
use super::slice;

/// A product file cut in two.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Parts<'a> {
    /// The YAML text.
    pub yaml: &'a str,
    /// The line of the file on which `yaml` starts, from 1.
    pub yaml_line: usize,
    /// The Markdown after the closing `---` (empty for bare YAML).
    pub body: &'a str,
}

/// Splits `source`: a `---` line, YAML, a `---` (or `...`) line, Markdown. Text that does not start with a
/// `---` line is taken as bare YAML. A UTF-8 byte order mark and CRLF line endings are accepted.
pub fn split(source: &str) -> Result<Parts<'_>, Error> {
    let source_text = source.strip_prefix('\u{feff}').unwrap_or(source);
    let mut lines = source_text.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if !is_fence(first) {
        return Ok(Parts {
            yaml: source_text,
            yaml_line: 1,
            body: "",
        });
    }
    let start = first.len();
    let mut offset = start;
    for line in lines {
        if is_fence(line) || is_end_marker(line) {
            return Ok(Parts {
                yaml: slice::between(source_text, start, offset),
                yaml_line: 2,
                body: slice::from(source_text, offset + line.len()),
            });
        }
        offset += line.len();
    }
    Err(Error::syntax(
        "the front matter that starts here has no closing `---` line: \
         a product file is a `---` line, YAML fields, another `---` line, then Markdown",
        Some(Location { line: 1, column: 1 }),
    ))
}

fn is_fence(line: &str) -> bool {
    line.trim_end_matches(['\n', '\r', ' ', '\t']) == "---"
}

/// YAML's end-of-document marker, which Jekyll also accepts as the closing line.
fn is_end_marker(line: &str) -> bool {
    line.trim_end_matches(['\n', '\r', ' ', '\t']) == "..."
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_from_markdown() {
        let parts = split("---\ntitle: A\n---\n> Body\n").unwrap();
        assert_eq!(parts.yaml, "title: A\n");
        assert_eq!(parts.yaml_line, 2);
        assert_eq!(parts.body, "> Body\n");
    }

    #[test]
    fn accepts_crlf_and_a_byte_order_mark() {
        let parts = split("\u{feff}---\r\ntitle: A\r\n---\r\nBody").unwrap();
        assert_eq!(parts.yaml, "title: A\r\n");
        assert_eq!(parts.body, "Body");
    }

    #[test]
    fn bare_yaml_has_no_body() {
        let parts = split("title: A\nreleases: []\n").unwrap();
        assert_eq!(parts.yaml, "title: A\nreleases: []\n");
        assert_eq!(parts.yaml_line, 1);
        assert_eq!(parts.body, "");
    }

    #[test]
    fn unterminated_front_matter_is_an_error() {
        let err = split("---\ntitle: A\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "line 1, column 1: the front matter that starts here has no closing `---` line: \
             a product file is a `---` line, YAML fields, another `---` line, then Markdown"
        );
    }

    #[test]
    fn a_yaml_end_marker_also_closes_the_front_matter() {
        let parts = split("---\ntitle: A\n...\nBody").unwrap();
        assert_eq!(parts.yaml, "title: A\n");
        assert_eq!(parts.body, "Body");
    }

    #[test]
    fn a_fence_at_the_end_of_the_file_closes_the_front_matter() {
        let parts = split("---\ntitle: A\n---").unwrap();
        assert_eq!(parts.yaml, "title: A\n");
        assert_eq!(parts.body, "");
    }
}
