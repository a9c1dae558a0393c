//! Reads any input into the one product model: detects the format (a product file, bare YAML,
//! endoflife.date's API JSON of either version) and hands the text to its reader.

use super::api_json::{api_v0, api_v1};
use super::error::Error;
use super::model::{Names, Product};
use super::parse;

/// The kinds of input `read` accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// Detect: JSON of either API shape, otherwise a product file or bare YAML.
    #[default]
    Auto,
    /// A product file: Markdown with YAML front matter (or bare YAML).
    Markdown,
    /// Bare YAML (read as a product file without front matter).
    Yaml,
    /// API v1 JSON.
    ApiV1,
    /// The older API's JSON: an array of cycles.
    ApiV0,
}

impl Format {
    /// Reads `"auto"`, `"markdown"`, `"yaml"`, `"api"` (or `"api-v1"`) or `"api-v0"`.
    pub fn parse(text: &str) -> Option<Format> {
        match text {
            "auto" => Some(Format::Auto),
            "markdown" => Some(Format::Markdown),
            "yaml" => Some(Format::Yaml),
            "api" | "api-v1" => Some(Format::ApiV1),
            "api-v0" => Some(Format::ApiV0),
            _ => None,
        }
    }
}

/// Reads `source` in `format`.
pub fn read(source: &str, format: Format) -> Result<Product, Error> {
    read_named(source, format, &Names::default())
}

/// Reads `source` in `format`; `names` name the product where the data does not (the older
/// API's JSON never does).
pub fn read_named(source: &str, format: Format, names: &Names) -> Result<Product, Error> {
    let trimmed = source.trim_start_matches('\u{feff}').trim_start();
    if looks_like_html(trimmed) {
        return Err(invalid(
            "the input looks like an HTML page, not a product file: a web page or an error page came instead of the file (check its URL)",
        ));
    }
    match format {
        Format::Markdown | Format::Yaml => parse::parse_named(source, names),
        Format::ApiV1 => api_v1(parse::parse_value(source)?, names, source.len()),
        Format::ApiV0 => api_v0(parse::parse_value(source)?, names, source.len()),
        Format::Auto if trimmed.starts_with('[') => {
            api_v0(parse::parse_value(source)?, names, source.len())
        }
        Format::Auto if trimmed.starts_with('{') => {
            api_v1(parse::parse_value(source)?, names, source.len())
        }
        Format::Auto => parse::parse_named(source, names),
    }
}

/// Whether `text` starts as an HTML page does (`<!doctype html>`, `<html>`, ...): what a server
/// sends for a wrong URL, a 404, or a single-page app's fallback. No input format starts so.
fn looks_like_html(text: &str) -> bool {
    const STARTS: [&str; 7] = [
        "<!doctype",
        "<html",
        "<head",
        "<body",
        "<title",
        "<meta",
        "<!--",
    ];
    STARTS.iter().any(|start| {
        text.get(..start.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(start))
    })
}

fn invalid(message: impl Into<String>) -> Error {
    Error::content(message, None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::date::Date;
    use crate::core::model::Milestone;
    use crate::core::{api, parse_today, products, view};

    fn today() -> crate::core::date::Day {
        parse_today("2022-05-01").unwrap()
    }

    #[test]
    fn api_v1_output_reads_back_to_the_same_api_values() {
        for source in [
            products::ISTIO.to_owned(),
            std::fs::read_to_string(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../shared/fixtures/current/mssqlserver.md"
            ))
            .unwrap(),
            std::fs::read_to_string(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../shared/fixtures/2022/looker.md"
            ))
            .unwrap(),
        ] {
            let product = parse::parse(&source).unwrap();
            let first = api::build(&view::evaluate(&product, today()));
            let json = to_json(&first);
            let again = read(&json, Format::Auto).unwrap();
            let second = api::build(&view::evaluate(&again, today()));
            assert_eq!(first.releases, second.releases, "{}", first.name);
            assert_eq!(first.labels, second.labels);
            assert_eq!(first.name, second.name);
            assert_eq!(first.label, second.label);
            let wrapped = format!("{{\"schema_version\": \"1.0.0\", \"result\": {json}}}");
            assert_eq!(
                read(&wrapped, Format::ApiV1).unwrap().releases,
                again.releases
            );
        }
    }

    #[test]
    fn api_v0_cycles_become_releases() {
        let p = read(
            r#"[{"cycle":"1.13","releaseDate":"2022-02-11","eol":"2022-10-31","latest":"1.13.3","lts":false,"support":true},
                {"cycle":"1.12","releaseDate":"2021-11-18","eol":true,"latest":"1.12.7","support":"2022-03-18"}]"#,
            Format::Auto,
        )
        .unwrap();
        assert_eq!(p.releases.len(), 2);
        assert_eq!(p.releases[0].eoas, Milestone::Bool(false));
        assert_eq!(
            p.releases[1].eoas,
            Milestone::Date(Date::parse("2022-03-18").unwrap())
        );
        assert_eq!(p.releases[1].eol, Milestone::Bool(true));
        assert_eq!(p.columns.eoas.as_deref(), Some("Active Support"));
        assert_eq!(p.columns.latest.as_deref(), Some("Latest"));
    }

    #[test]
    fn json_that_is_not_an_api_response_is_an_error() {
        assert_eq!(
            read("{\"hello\": 1}", Format::Auto)
                .unwrap_err()
                .to_string(),
            "expected an endoflife.date API v1 product: a JSON object with `name` and `releases`"
        );
        assert!(read("{\"hello\": ", Format::Auto)
            .unwrap_err()
            .is_syntax_error());
    }

    #[test]
    fn an_html_page_is_named_as_such_in_every_format() {
        let pages = [
            "<!DOCTYPE html>\n<html><head><title>Not Found</title></head></html>",
            "\u{feff}  <!doctype html><title>Vite App</title>",
            "<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>nginx</body></html>",
            "<HEAD><TITLE>Moved</TITLE></HEAD>",
            "<!-- page --><div>hi</div>",
        ];
        for page in pages {
            for format in [Format::Auto, Format::Markdown, Format::ApiV1, Format::ApiV0] {
                assert_eq!(
                    read(page, format).unwrap_err().to_string(),
                    "the input looks like an HTML page, not a product file: a web page or an error page came instead of the file (check its URL)",
                    "{page:?} as {format:?}"
                );
            }
        }
    }

    #[test]
    fn text_with_angle_brackets_later_is_not_taken_for_html() {
        let p = read(
            "title: <b>Bold</b>\nreleases:\n  - releaseCycle: \"1\"\n",
            Format::Auto,
        )
        .unwrap();
        assert_eq!(p.title, "<b>Bold</b>");
        // a plain-text 404 is not HTML: it stays the product-file message
        assert!(read("Not Found", Format::Auto)
            .unwrap_err()
            .to_string()
            .contains("expected a product file"));
    }

    fn names(name: Option<&str>, title: Option<&str>) -> Names {
        Names {
            name: name.map(str::to_owned),
            title: title.map(str::to_owned),
        }
    }

    #[track_caller]
    fn named(source: &str, names: &Names) -> (String, String) {
        let p = read_named(source, Format::Auto, names).unwrap();
        (p.id, p.title)
    }

    #[test]
    fn an_api_v0_product_takes_the_names_it_is_given() {
        let v0 = r#"[{"cycle": "22", "eol": "2027-04-30"}]"#;
        let id_title = |id: &str, title: &str| (id.to_owned(), title.to_owned());
        assert_eq!(
            named(v0, &Names::default()),
            id_title("product", "Releases")
        );
        assert_eq!(
            named(v0, &names(Some("nodejs"), None)),
            id_title("nodejs", "nodejs")
        );
        assert_eq!(
            named(v0, &names(Some("nodejs"), Some("Node.js"))),
            id_title("nodejs", "Node.js")
        );
        assert_eq!(
            named(v0, &names(None, Some("Node.js"))),
            id_title("product", "Node.js")
        );
    }

    #[test]
    fn data_that_names_its_product_keeps_its_names() {
        let given = names(Some("from-file-name"), Some("Given"));
        let v1 = r#"{"result": {"name": "vuetify", "label": "Vuetify", "releases": []}}"#;
        assert_eq!(
            named(v1, &given),
            ("vuetify".to_owned(), "Vuetify".to_owned())
        );
        let file = "---\ntitle: Guzzle\npermalink: /guzzle\nreleases: []\n---\n";
        assert_eq!(
            named(file, &given),
            ("guzzle".to_owned(), "Guzzle".to_owned())
        );
        // a file with a title but no permalink: the id comes from its title, as before
        let titled = "title: Example Product\nreleases: []\n";
        let permalink = "permalink: /bar\nreleases: []\n";
        assert_eq!(
            named(permalink, &names(Some("foo"), None)),
            ("bar".to_owned(), "bar".to_owned())
        );
        assert_eq!(
            named(titled, &given),
            ("example-product".to_owned(), "Example Product".to_owned())
        );
        // what the data leaves out, the names fill in
        let bare = "releases:\n  - releaseCycle: \"1\"\n";
        assert_eq!(
            named(bare, &given),
            ("from-file-name".to_owned(), "Given".to_owned())
        );
        let unlabelled = r#"{"name": "vuetify", "releases": []}"#;
        assert_eq!(
            named(unlabelled, &given),
            ("vuetify".to_owned(), "Given".to_owned())
        );
    }

    fn to_json<T: serde::Serialize>(value: &T) -> String {
        serde_json::to_string(value).unwrap()
    }

    #[test]
    fn a_key_given_twice_keeps_its_last_value_as_json_parse_does() {
        let p = read(
            r#"{"name": "first", "name": "last", "releases": [{"name": "1", "releaseDate": "2020-01-01", "releaseDate": "2021-01-01"}]}"#,
            Format::Auto,
        )
        .unwrap();
        assert_eq!(p.id, "last");
        assert_eq!(p.releases[0].release_date, Date::parse("2021-01-01").ok());
    }
}
