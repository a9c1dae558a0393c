//! The URL allowlist: only http, https, mailto and relative URLs ever reach an `href` or `src`.

use super::slice;

/// A URL fit to put in an `href`, or `None`.
///
/// Trims white space and stray quotes or angle brackets around it (the seed's
/// `releasePolicyLink` ends with a `"`), then allows `http:`, `https:`, `mailto:` and relative
/// URLs. Anything else (`javascript:`, `data:`, `vbscript:`, schemes hidden by control
/// characters or upper case) is refused.
pub fn safe(raw: &str) -> Option<String> {
    let url = trimmed(raw);
    if url.is_empty() || url.chars().any(|c| c.is_control()) {
        return None;
    }
    // Entity and percent tricks (`&#106;avascript:`, `javascript%3A`) are harmless in an
    // attribute set from script, but a URL that means a script once decoded is refused all the
    // same, however many times it was encoded.
    if !scheme_allowed(url) {
        return None;
    }
    let mut decoded = url.to_owned();
    for round in 0..=DECODE_ROUNDS {
        let next = decode_percents(&decode_entities(&decoded));
        if next == decoded {
            return Some(url.replace(' ', "%20"));
        }
        if round == DECODE_ROUNDS || !scheme_allowed(&next) {
            break;
        }
        decoded = next;
    }
    None
}

/// An image URL from product data fit for a `src`: an absolute http or https URL without white
/// space inside. A relative path would load from whatever page embeds the widget, and a "URL"
/// with spaces in it is text that someone meant as markup.
pub fn image(raw: &str) -> Option<String> {
    let url = safe(raw)?;
    let whole = trimmed(raw);
    (is_external(&url) && !whole.chars().any(char::is_whitespace)).then_some(url)
}

/// Whether an allowed URL may leave the site (http, https, protocol-relative, or a backslash form
/// such as `/\\host` that browsers read as protocol-relative), so that a link to it gets
/// `rel="noopener noreferrer"`.
pub fn is_external(url: &str) -> bool {
    let head: String = url.trim_start().chars().take(8).collect();
    let head = head.to_ascii_lowercase();
    head.starts_with("http:")
        || head.starts_with("https:")
        || head.starts_with("//")
        || head.starts_with("/\\")
        || head.starts_with("\\/")
        || head.starts_with("\\\\")
}

/// `href` resolved against `base` (an absolute http or https URL such as
/// `https://endoflife.date/`) when it is a relative reference: `/nodejs` and `nodejs` become
/// `https://endoflife.date/nodejs`. URLs with a scheme, protocol-relative ones and fragments
/// (`#upgrading`) are returned as they are.
pub fn resolve(base: &str, href: &str) -> String {
    let reference = href.trim();
    let has_scheme = reference
        .find([':', '/', '?', '#'])
        .is_some_and(|end| slice::from(reference, end).starts_with(':'));
    if reference.is_empty()
        || has_scheme
        || reference.starts_with("//")
        || reference.starts_with('#')
    {
        return href.to_owned();
    }
    let Some(after_scheme) = base.find("://").map(|at| at + 3) else {
        return href.to_owned();
    };
    let authority_end = slice::from(base, after_scheme)
        .find(['/', '?', '#'])
        .map_or(base.len(), |at| after_scheme + at);
    let origin = slice::upto(base, authority_end);
    if reference.starts_with('/') {
        return [origin, reference].concat();
    }
    let rest = slice::from(base, authority_end);
    let path = slice::upto(rest, rest.find(['?', '#']).unwrap_or(rest.len()));
    let directory = slice::upto(path, path.rfind('/').map_or(0, |at| at + 1));
    let directory = if directory.is_empty() { "/" } else { directory };
    [origin, directory, reference].concat()
}

/// Whether `base` can be a [`resolve`] base: an absolute http or https URL with a host.
pub fn is_base(base: &str) -> bool {
    let lower = base.trim().to_ascii_lowercase();
    let host = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    host.is_some_and(|host| !host.is_empty() && !host.starts_with('/'))
        && safe(base).as_deref() == Some(base.trim())
}

/// How many layers of encoding [`safe`] looks through; a URL with more is refused.
const DECODE_ROUNDS: usize = 3;

/// No scheme (a relative URL), or http, https or mailto.
fn scheme_allowed(url: &str) -> bool {
    let url: String = url
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
        .collect();
    let scheme_end = url.find([':', '/', '?', '#']);
    match scheme_end.filter(|&end| slice::from(&url, end).starts_with(':')) {
        Some(end) => matches!(
            slice::upto(&url, end).to_ascii_lowercase().as_str(),
            "http" | "https" | "mailto"
        ),
        None => true,
    }
}

/// Decodes numeric character references and the named ones used to hide a colon or white space.
fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(slice::upto(rest, at));
        let entity = slice::from(rest, at + 1);
        let lower = entity.to_ascii_lowercase();
        let (prefix, digit): (usize, fn(char) -> bool) = if lower.starts_with("#x") {
            (2, |c| c.is_ascii_hexdigit())
        } else if lower.starts_with('#') {
            (1, |c| c.is_ascii_digit())
        } else {
            (0, |c| c.is_ascii_alphabetic())
        };
        let name_len = prefix
            + slice::from(entity, prefix)
                .find(|c: char| !digit(c))
                .unwrap_or(entity.len().saturating_sub(prefix));
        let name = slice::upto(entity, name_len);
        let decoded =
            if let Some(number) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                u32::from_str_radix(number, 16)
                    .ok()
                    .and_then(char::from_u32)
            } else if let Some(number) = name.strip_prefix('#') {
                number.parse::<u32>().ok().and_then(char::from_u32)
            } else {
                match name.to_ascii_lowercase().as_str() {
                    "colon" => Some(':'),
                    "tab" => Some('\t'),
                    "newline" => Some('\n'),
                    _ => None,
                }
            };
        match decoded {
            Some(c) => {
                out.push(c);
                let after = slice::from(entity, name_len);
                rest = after.strip_prefix(';').unwrap_or(after);
            }
            None => {
                out.push('&');
                rest = entity;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Decodes `%XX` escapes (a bad escape stays as written, bytes that are not UTF-8 become U+FFFD).
fn decode_percents(text: &str) -> String {
    if !text.contains('%') {
        return text.to_owned();
    }
    let hex = |b: u8| char::from(b).to_digit(16);
    let mut bytes = Vec::with_capacity(text.len());
    let mut rest = text.bytes();
    while let Some(byte) = rest.next() {
        let mut ahead = rest.clone();
        match (byte, ahead.next().and_then(hex), ahead.next().and_then(hex)) {
            (b'%', Some(high), Some(low)) => {
                bytes.push(u8::try_from(high * 16 + low).unwrap_or(b'%'));
                rest = ahead;
            }
            _ => bytes.push(byte),
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// True when [`safe`] had to change the URL beyond trimming white space, so the author may want
/// to fix the file.
pub fn has_stray_characters(raw: &str) -> bool {
    trimmed(raw) != raw.trim()
}

fn trimmed(raw: &str) -> &str {
    raw.trim()
        .trim_matches(|c: char| matches!(c, '"' | '\'' | '<' | '>' | '`'))
        .trim()
}

#[cfg(test)]
mod tests {
    #[test]
    fn backslash_forms_that_browsers_send_off_site_are_external() {
        for url in [
            "https://x.example",
            "//x.example/a",
            "/\\x.example/a",
            "\\\\x.example/a",
            "\\/x.example",
        ] {
            assert!(is_external(url), "{url}");
        }
        for url in ["/a", "a/b", "#top", "mailto:a@b.example", "?q"] {
            assert!(!is_external(url), "{url}");
        }
    }

    #[test]
    fn relative_references_resolve_against_the_base() {
        let site = "https://endoflife.date/";
        for (href, expected) in [
            ("/nodejs", "https://endoflife.date/nodejs"),
            ("nodejs", "https://endoflife.date/nodejs"),
            ("?q=1", "https://endoflife.date/?q=1"),
            ("#upgrading", "#upgrading"),
            ("https://x.example/a", "https://x.example/a"),
            ("//cdn.example/x", "//cdn.example/x"),
            ("mailto:a@b.example", "mailto:a@b.example"),
        ] {
            assert_eq!(resolve(site, href), expected, "{href}");
        }
        let docs = "https://docs.example/products/eol/index.html?x#y";
        assert_eq!(resolve(docs, "/nodejs"), "https://docs.example/nodejs");
        assert_eq!(
            resolve(docs, "nodejs"),
            "https://docs.example/products/eol/nodejs"
        );
        assert_eq!(
            resolve("https://docs.example", "a"),
            "https://docs.example/a"
        );
    }

    #[test]
    fn a_base_is_an_absolute_web_url() {
        assert!(is_base("https://endoflife.date/"));
        assert!(is_base("http://localhost:8080/docs/"));
        for bad in [
            "/docs/",
            "endoflife.date",
            "javascript:alert(1)//",
            "https://",
            "ftp://x/",
        ] {
            assert!(!is_base(bad), "{bad}");
        }
    }

    use super::*;

    #[test]
    fn images_need_absolute_http_urls_without_spaces() {
        assert_eq!(
            image(" https://example.com/a.png ").as_deref(),
            Some("https://example.com/a.png")
        );
        assert_eq!(image("img src=x onerror=\"alert(1)\""), None);
        assert_eq!(image("/schedule.png"), None);
        assert_eq!(image("data:image/png;base64,AA"), None);
        assert_eq!(image("https://example.com/a b.png"), None);
    }

    #[test]
    fn allows_web_mail_and_relative_urls() {
        for url in [
            "https://istio.io/latest/",
            "http://example.com",
            "HTTPS://EXAMPLE.COM",
            "mailto:a@example.com",
            "/istio",
            "page.html",
            "#section",
            "?q=1",
            "//cdn.example.com/x.svg",
            "https://github.com/istio/istio/wiki/Dev%20Builds",
            "https://example.com/a%3Ab?q=%25",
            "100%",
        ] {
            assert_eq!(safe(url).as_deref(), Some(url), "{url}");
        }
    }

    #[test]
    fn refuses_script_and_data_urls_in_any_disguise() {
        for url in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "\u{1}javascript:alert(1)",
            "vbscript:msgbox(1)",
            "data:text/html,<script>alert(1)</script>",
            "&#106;avascript:alert(1)",
            "&#x6A;avascript:alert(1)",
            "javascript&colon;alert(1)",
            "java&Tab;script:alert(1)",
            "&#0000106avascript:alert(1)",
            "javascript%3Aalert(1)",
            "java%73cript:alert(1)",
            "%6A%61vascript:alert(1)",
            "%256Aavascript:alert(1)",
            "&#37;6Aavascript:alert(1)",
            "javascript&#x25;3Aalert(1)",
            "%2525252525%6Aavascript:alert(1)",
            "file:///etc/passwd",
            "",
        ] {
            assert_eq!(safe(url), None, "{url:?}");
        }
    }

    #[test]
    fn stray_quotes_are_removed_and_reported() {
        let raw = "https://istio.io/latest/docs/releases/supported-releases/#support-status-of-istio-releases\"";
        assert_eq!(
            safe(raw).as_deref(),
            Some("https://istio.io/latest/docs/releases/supported-releases/#support-status-of-istio-releases")
        );
        assert!(has_stray_characters(raw));
        assert!(!has_stray_characters(" https://istio.io "));
    }
}
