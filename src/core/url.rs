//! The URL allowlist: only http, https, mailto and relative URLs ever reach an `href` or `src`.

use super::text;

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
    let scheme_end = url.find([':', '/', '?', '#']);
    if let Some(end) = scheme_end.filter(|&end| text::from(url, end).starts_with(':')) {
        let scheme = text::upto(url, end).to_ascii_lowercase();
        if !matches!(scheme.as_str(), "http" | "https" | "mailto") {
            return None;
        }
    }
    Some(url.replace(' ', "%20"))
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
    use super::*;

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
