//! Reads endoflife.date API JSON into the one product model: API v1 (`/api/v1/products/<id>`,
//! or its `result`) and the older v0 API (an array of cycles). `parseProduct` of the result
//! gives the same values back.

use super::date::Date;
use super::error::{Error, Warning};
use super::model::{
    headers, Columns, CustomField, Display, Link, Milestone, Names, Product, Release, Value,
};
use super::parse::{self, DEFAULT_LTS_LABEL};
use super::text as slice;

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

fn get<'a>(map: &'a [(String, Value)], key: &str) -> Option<&'a Value> {
    map.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

fn text(map: &[(String, Value)], key: &str) -> Option<String> {
    get(map, key).and_then(Value::as_text)
}

fn date(map: &[(String, Value)], key: &str, what: &str) -> Result<Option<Date>, Error> {
    match get(map, key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Text(t)) => Date::parse(t).map(Some).map_err(|_| {
            invalid(format!(
                "{what}: `{key}` must be a date (YYYY-MM-DD), found `{t}`"
            ))
        }),
        Some(_) => Err(invalid(format!(
            "{what}: `{key}` must be a date (YYYY-MM-DD)"
        ))),
    }
}

/// A date-or-boolean from `isX` and `xFrom`: the date when there is one, else the boolean.
fn milestone(
    map: &[(String, Value)],
    is: &str,
    from: &str,
    what: &str,
) -> Result<Milestone, Error> {
    if let Some(d) = date(map, from, what)? {
        return Ok(Milestone::Date(d));
    }
    Ok(match get(map, is) {
        Some(Value::Bool(b)) => Milestone::Bool(*b),
        Some(Value::Null) => Milestone::Null,
        _ => Milestone::Absent,
    })
}

/// API v1: the response (`{"result": {...}}`) or the `result` itself.
fn api_v1(value: Value, names: &Names, input_len: usize) -> Result<Product, Error> {
    let Value::Map(mut top) = value else {
        return Err(invalid(
            "expected an endoflife.date API v1 product: a JSON object with `name` and `releases`",
        ));
    };
    if let Some(Value::Map(result)) = get(&top, "result") {
        top = result.clone();
    }
    let Some(Value::List(items)) = get(&top, "releases") else {
        return Err(invalid(
            "expected an endoflife.date API v1 product: a JSON object with `name` and `releases`",
        ));
    };
    let id = names.id(text(&top, "name"), "product");
    let title = names.title(text(&top, "label"), || id.clone());
    let labels = match get(&top, "labels") {
        Some(Value::Map(labels)) => labels.clone(),
        _ => Vec::new(),
    };
    let links = match get(&top, "links") {
        Some(Value::Map(links)) => links.clone(),
        _ => Vec::new(),
    };
    let mut releases = Vec::new();
    let mut custom_names: Vec<String> = Vec::new();
    let mut latest_shown = false;
    let mut lts_label: Option<String> = None;
    parse::check_release_count(items.len(), input_len)?;
    for (index, item) in items.iter().enumerate() {
        let Value::Map(r) = item else {
            return Err(invalid(format!(
                "release {} must be a JSON object",
                index + 1
            )));
        };
        let Some(cycle) = text(r, "name") else {
            return Err(invalid(format!("release {} has no `name`", index + 1)));
        };
        let what = format!("release `{cycle}`");
        let mut release = Release::new(cycle.clone());
        release.codename = text(r, "codename");
        release.release_date = date(r, "releaseDate", &what)?;
        release.eoas = milestone(r, "isEoas", "eoasFrom", &what)?;
        release.eol = milestone(r, "isEol", "eolFrom", &what)?;
        release.discontinued = milestone(r, "isDiscontinued", "discontinuedFrom", &what)?;
        release.eoes = milestone(r, "isEoes", "eoesFrom", &what)?;
        release.lts = match date(r, "ltsFrom", &what)? {
            Some(d) => Milestone::Date(d),
            None => match get(r, "isLts") {
                Some(Value::Bool(b)) => Milestone::Bool(*b),
                _ => Milestone::Absent,
            },
        };
        if let Some(label) = text(r, "label") {
            let has_lts = release.lts != Milestone::Absent && release.lts != Milestone::Bool(false);
            let (label, mark) = if has_lts {
                split_lts_mark(&label)
            } else {
                (label.trim().to_owned(), None)
            };
            if let (Some(mark), None) = (mark, &lts_label) {
                lts_label = Some(mark);
            }
            if label != cycle {
                // A literal label: keep template placeholders from being read into it.
                release.label_template = Some(label.replace("__", "_\u{200b}_"));
            }
        }
        release.link = Link::None;
        if let Some(Value::Map(latest)) = get(r, "latest") {
            latest_shown = true;
            release.latest = text(latest, "name");
            release.latest_release_date = date(latest, "date", &what)?;
            if let Some(link) = text(latest, "link") {
                release.link = Link::Given(link.replace("__", "_\u{200b}_"));
            }
        }
        if let Some(Value::Map(custom)) = get(r, "custom") {
            for (name, value) in custom {
                if !custom_names.contains(name) {
                    custom_names.push(name.clone());
                }
                release.fields.push((name.clone(), value.clone()));
            }
        }
        releases.push(release);
    }
    let label = |key: &str, default: &str| match get(&labels, key) {
        Some(Value::Text(t)) => Some(t.clone()),
        Some(Value::Null) => None,
        _ => Some(default.to_owned()).filter(|_| key == "eol"),
    };
    let category = text(&top, "category");
    let mut tags: Vec<String> = match get(&top, "tags") {
        Some(Value::List(tags)) => tags.iter().filter_map(Value::as_text).collect(),
        _ => category.iter().cloned().collect(),
    };
    tags.sort();
    let icon_slug = text(&links, "icon").and_then(|url| {
        let name = url.rsplit('/').next()?;
        Some(name.strip_suffix(".svg").unwrap_or(name).to_owned())
    });
    Ok(Product {
        id,
        title,
        category,
        tags,
        icon_slug,
        version_command: text(&top, "versionCommand"),
        release_policy_link: text(&links, "releasePolicy"),
        release_image: None,
        changelog_template: None,
        release_label: None,
        lts_label: lts_label.unwrap_or_else(|| DEFAULT_LTS_LABEL.to_owned()),
        columns: Columns {
            release_date: Some(headers::RELEASE_DATE.to_owned()),
            discontinued: label("discontinued", headers::DISCONTINUED),
            eoas: label("eoas", headers::EOAS),
            eol: label("eol", headers::EOL),
            eoes: label("eoes", headers::EOES),
            latest: latest_shown.then(|| headers::LATEST.to_owned()),
        },
        custom_fields: custom_names
            .into_iter()
            .map(|name| CustomField {
                label: name.clone(),
                name,
                display: Display::ApiOnly,
                description: None,
                link: None,
            })
            .collect(),
        aliases: match get(&top, "aliases") {
            Some(Value::List(a)) => a.iter().filter_map(Value::as_text).collect(),
            _ => Vec::new(),
        },
        identifiers: Vec::new(),
        releases,
        body: String::new(),
        extra: Vec::new(),
        warnings: Vec::new(),
    })
}

/// `1.2 (LTS)` → (`1.2`, `LTS`), `22.6 (Upcoming ESR)` → (`22.6`, `ESR`): the API appends the
/// LTS mark to an LTS release's label; the renderer adds it again from the product's label.
fn split_lts_mark(label: &str) -> (String, Option<String>) {
    let label = label.trim();
    if let (Some(open), true) = (label.rfind(" ("), label.ends_with(')')) {
        let mark = slice::between(label, open + 2, label.len() - 1);
        let mark = mark.strip_prefix("Upcoming ").unwrap_or(mark).trim();
        if !mark.is_empty() {
            return (slice::upto(label, open).to_owned(), Some(mark.to_owned()));
        }
    }
    (label.to_owned(), None)
}

/// The older API: `[{"cycle": "1.2", "releaseDate": "...", "eol": "..." | bool, ...}]`.
fn api_v0(value: Value, names: &Names, input_len: usize) -> Result<Product, Error> {
    let Value::List(items) = value else {
        return Err(invalid(
            "expected the older endoflife.date API: a JSON array of cycles",
        ));
    };
    let mut releases = Vec::new();
    let mut warnings = Vec::new();
    parse::check_release_count(items.len(), input_len)?;
    for (index, item) in items.iter().enumerate() {
        let Value::Map(r) = item else {
            return Err(invalid(format!(
                "cycle {} must be a JSON object",
                index + 1
            )));
        };
        let Some(cycle) = text(r, "cycle") else {
            return Err(invalid(format!("cycle {} has no `cycle`", index + 1)));
        };
        let what = format!("cycle `{cycle}`");
        let mut release = Release::new(cycle);
        release.codename = text(r, "codename");
        release.release_date = date(r, "releaseDate", &what)?;
        release.latest = text(r, "latest");
        release.latest_release_date = date(r, "latestReleaseDate", &what)?;
        let value = |key: &str| -> Result<Milestone, Error> {
            Ok(match get(r, key) {
                None => Milestone::Absent,
                Some(Value::Null) => Milestone::Null,
                Some(Value::Bool(b)) => Milestone::Bool(*b),
                Some(Value::Text(_)) => {
                    date(r, key, &what)?.map_or(Milestone::Absent, Milestone::Date)
                }
                Some(_) => {
                    return Err(invalid(format!(
                        "{what}: `{key}` must be a date or true/false"
                    )))
                }
            })
        };
        release.eol = value("eol")?;
        release.lts = value("lts")?;
        release.discontinued = value("discontinued")?;
        // As in 2022 product files: `support: true` means "still supported".
        release.eoas = invert(value("support")?);
        release.eoes = invert(value("extendedSupport")?);
        release.link = match get(r, "link") {
            Some(Value::Text(link)) => Link::Given(link.replace("__", "_\u{200b}_")),
            _ => Link::None,
        };
        for (key, v) in r {
            let known = [
                "cycle",
                "codename",
                "releaseDate",
                "latest",
                "latestReleaseDate",
                "eol",
                "lts",
                "discontinued",
                "support",
                "extendedSupport",
                "link",
            ];
            if !known.contains(&key.as_str()) {
                release.fields.push((key.clone(), v.clone()));
            }
        }
        releases.push(release);
    }
    if releases.is_empty() {
        warnings.push(Warning::new("the API response lists no cycles"));
    }
    let any = |f: fn(&Release) -> bool| releases.iter().any(f);
    let columns = Columns {
        release_date: Some(headers::RELEASE_DATE.to_owned()),
        discontinued: any(|r| r.discontinued != Milestone::Absent)
            .then(|| headers::DISCONTINUED.to_owned()),
        eoas: any(|r| r.eoas != Milestone::Absent).then(|| headers::EOAS.to_owned()),
        eol: Some(headers::EOL.to_owned()),
        eoes: any(|r| r.eoes != Milestone::Absent).then(|| headers::EOES.to_owned()),
        latest: any(|r| r.latest.is_some()).then(|| headers::LATEST.to_owned()),
    };
    let id = names.id(None, "product");
    let title = names.title(None, || match names.name {
        Some(_) => id.clone(),
        None => "Releases".to_owned(),
    });
    Ok(Product {
        id,
        title,
        category: None,
        tags: Vec::new(),
        icon_slug: None,
        version_command: None,
        release_policy_link: None,
        release_image: None,
        changelog_template: None,
        release_label: None,
        lts_label: DEFAULT_LTS_LABEL.to_owned(),
        columns,
        custom_fields: Vec::new(),
        aliases: Vec::new(),
        identifiers: Vec::new(),
        releases,
        body: String::new(),
        extra: Vec::new(),
        warnings,
    })
}

fn invert(milestone: Milestone) -> Milestone {
    match milestone {
        Milestone::Bool(b) => Milestone::Bool(!b),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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
