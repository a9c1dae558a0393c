//! The Golden Liquid conformance suite (`../shared/liquid/golden_liquid.json`, beside the
//! checkout), which Ruby Liquid passes: every case within what eol-table's templates support
//! must give Ruby Liquid's result, or an error where the suite says the template is invalid.
//!
//! A case runs when
//! 1. each of its tags is a supported tag, filter or literal below, or a marker of how the
//!    case is checked (`strict`: an error Ruby Liquid raises; `absent`: a feature Liquid lacks,
//!    which must be an error). Not supported, so not run: loops and the other tags (`for`,
//!    `echo`, `liquid`, `include`...), the other filters (`date`, `where`, `sort`...), and
//!    cases tagged `strict2`, Ruby Liquid's newer strict parser, which refuses a `when`
//!    that its default parser (the one endoflife.date renders with) accepts: the suite has
//!    the same template without that tag, expecting it to render;
//! 2. it needs no other template files (`include` and `render` partials);
//! 3. its data is empty or holds only text, numbers and lists of them (the templates have no
//!    objects to look into).
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use eol_table::core::template::{liquid_with, Budget, Data};
use serde_json::Value as Json;

const TAGS: &[&str] = &[
    "if", "unless", "case", "assign", "capture", "comment", "#", "raw",
];

const FILTERS: &[&str] = &[
    "append",
    "prepend",
    "replace",
    "replace_first",
    "replace_last",
    "remove",
    "remove_first",
    "remove_last",
    "split",
    "join",
    "first",
    "last",
    "size",
    "slice",
    "strip",
    "lstrip",
    "rstrip",
    "strip_newlines",
    "downcase",
    "upcase",
    "capitalize",
    "default",
    "plus",
    "minus",
    "times",
    "divided_by",
    "modulo",
    "abs",
    "at_least",
    "at_most",
    "ceil",
    "floor",
    "round",
    "truncate",
    "url_encode",
    "url_decode",
    "escape",
    "strip_html",
    "pop",
    "drop_zero_patch",
];

/// The literals `blank` and `empty`, and the markers of how a case is checked.
const OTHER: &[&str] = &["blank", "empty", "strict", "absent"];

fn supported(tag: &str) -> bool {
    if let Some(name) = tag.strip_suffix(" tag") {
        return TAGS.contains(&name);
    }
    if let Some(name) = tag.strip_suffix(" filter") {
        return FILTERS.contains(&name);
    }
    OTHER.contains(&tag)
}

/// Text, a number, or a list of them.
fn data(json: &Json) -> Option<Data> {
    match json {
        Json::String(s) => Some(Data::Text(s.clone())),
        Json::Number(n) => Some(match n.as_i64() {
            Some(n) => Data::Int(n),
            None => Data::Float(n.as_f64()?),
        }),
        Json::Array(items) => items
            .iter()
            .map(|item| match item {
                Json::Array(_) => None,
                other => data(other),
            })
            .collect::<Option<Vec<_>>>()
            .map(Data::List),
        _ => None,
    }
}

struct Case {
    name: String,
    template: String,
    globals: Vec<(String, Data)>,
    /// The results Ruby Liquid may give (`None`: the template is invalid).
    expected: Option<Vec<String>>,
}

enum Skipped {
    Tag,
    Partials,
    Data,
}

fn read(case: &Json) -> Result<Case, Skipped> {
    let text = |key: &str| case.get(key).and_then(Json::as_str).map(str::to_owned);
    let tags = case.get("tags").and_then(Json::as_array);
    if !tags
        .into_iter()
        .flatten()
        .all(|tag| tag.as_str().is_some_and(supported))
    {
        return Err(Skipped::Tag);
    }
    if case.get("templates").is_some() {
        return Err(Skipped::Partials);
    }
    let mut globals = Vec::new();
    if let Some(object) = case.get("data").and_then(Json::as_object) {
        for (name, value) in object {
            globals.push((name.clone(), data(value).ok_or(Skipped::Data)?));
        }
    } else if case.get("data").is_some_and(|data| !data.is_null()) {
        return Err(Skipped::Data);
    }
    let invalid = case.get("invalid").and_then(Json::as_bool) == Some(true);
    let results = case.get("results").and_then(Json::as_array).map(|results| {
        results
            .iter()
            .filter_map(|r| r.as_str().map(str::to_owned))
            .collect()
    });
    Ok(Case {
        name: text("name").unwrap_or_default(),
        template: text("template").unwrap_or_default(),
        globals,
        expected: if invalid {
            None
        } else {
            Some(
                results
                    .or_else(|| text("result").map(|r| vec![r]))
                    .unwrap_or_default(),
            )
        },
    })
}

#[test]
fn templates_render_as_ruby_liquid_renders_the_golden_liquid_suite() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/liquid/golden_liquid.json");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|err| panic!("cannot read {}: {err}", path.display()));
    let suite: Json = serde_json::from_str(&text).unwrap();
    let cases = suite["tests"].as_array().unwrap();

    let (mut by_tag, mut by_partials, mut by_data) = (0, 0, 0);
    let (mut ran, mut passed) = (0, 0);
    let mut failures = Vec::new();
    for json in cases {
        let case = match read(json) {
            Ok(case) => case,
            Err(Skipped::Tag) => {
                by_tag += 1;
                continue;
            }
            Err(Skipped::Partials) => {
                by_partials += 1;
                continue;
            }
            Err(Skipped::Data) => {
                by_data += 1;
                continue;
            }
        };
        let globals: Vec<(&str, Data)> = case
            .globals
            .iter()
            .map(|(name, data)| (name.as_str(), data.clone()))
            .collect();
        ran += 1;
        let got = liquid_with(&case.template, &globals, &mut Budget::default());
        let ok = match (&case.expected, &got) {
            (None, Err(_)) => true,
            (Some(results), Ok(out)) => results.contains(out),
            _ => false,
        };
        if ok {
            passed += 1;
        } else {
            failures.push(format!(
                "{}\n    template: {:?}\n    expected: {}\n    got:      {:?}",
                case.name,
                case.template,
                match &case.expected {
                    Some(results) => format!("{results:?}"),
                    None => "an error (invalid)".to_owned(),
                },
                got
            ));
        }
    }

    let summary = format!(
        "golden liquid: {} cases, {ran} applicable, {ran} ran, {passed} passed \
         (not applicable: {by_tag} by tag, {by_partials} needing partials, {by_data} by data)",
        cases.len()
    );
    println!("{summary}");
    eprintln!("{summary}");
    assert!(
        failures.is_empty(),
        "{summary}\n{} failing:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
