//! endoflife.date's API JSON read into the one product model: API v1 (`/api/v1/products/<id>`,
//! or its `result`) and the older v0 API (an array of cycles). `parseProduct` of the result
//! gives the same values back.

use super::date::Date;
use super::error::{Error, Warning};
use super::model::{
    headers, Columns, CustomField, Display, Link, Milestone, Names, Product, Release, Value,
};
use super::parse::{self, DEFAULT_LTS_LABEL};
use super::slice;

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
pub(super) fn api_v1(value: Value, names: &Names, input_len: usize) -> Result<Product, Error> {
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
pub(super) fn api_v0(value: Value, names: &Names, input_len: usize) -> Result<Product, Error> {
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
