//! Our YAML reader against serde_yaml 0.9.34, the reader it replaced: every fixture, the seed
//! and a table of tricky snippets read into the same values.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;

use eol_table::core::frontmatter;
use eol_table::core::model::Value;
use eol_table::core::parse::parse_value;

/// serde_yaml's value as the previous reader turned it into ours.
fn from_serde(value: serde_yaml::Value) -> Value {
    use serde_yaml::Value as Y;
    match value {
        Y::Null => Value::Null,
        Y::Bool(b) => Value::Bool(b),
        Y::Number(n) => Value::Number(if let Some(u) = n.as_u64() {
            u.to_string()
        } else if let Some(i) = n.as_i64() {
            i.to_string()
        } else {
            format!("{:?}", n.as_f64().unwrap())
        }),
        Y::String(s) => Value::Text(s),
        Y::Sequence(items) => Value::List(items.into_iter().map(from_serde).collect()),
        Y::Mapping(entries) => Value::Map(
            entries
                .into_iter()
                .map(|(k, v)| {
                    let key = match from_serde(k) {
                        Value::Null => "null".to_owned(),
                        Value::Bool(b) => b.to_string(),
                        Value::Number(t) | Value::Text(t) => t,
                        Value::List(_) | Value::Map(_) => String::new(),
                    };
                    (key, from_serde(v))
                })
                .collect(),
        ),
        Y::Tagged(tagged) => from_serde(tagged.value),
    }
}

#[track_caller]
fn same(text: &str) {
    let theirs = serde_yaml::from_str::<serde_yaml::Value>(text)
        .map(from_serde)
        .unwrap_or_else(|err| panic!("serde_yaml: {err} in {text:?}"));
    let ours = parse_value(text).unwrap_or_else(|err| panic!("ours: {err} in {text:?}"));
    assert_eq!(ours, theirs, "{text:?}");
}

#[test]
fn every_fixture_and_the_seed_read_as_serde_yaml_read_them() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    let mut count = 0;
    for dir in ["fixtures/2022", "fixtures/current", "seed"] {
        for entry in fs::read_dir(shared.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|ext| ext == "md") {
                let text = fs::read_to_string(&path).unwrap();
                let yaml = frontmatter::split(&text).unwrap().yaml;
                same(yaml);
                same(&yaml.replace('\n', "\r\n"));
                count += 1;
            }
        }
    }
    assert!(count >= 37, "{count} files");
}

#[test]
fn tricky_snippets_read_as_serde_yaml_read_them() {
    for text in [
        // Plain scalars, folding, comments.
        "a: plain text\n  continued here\n\n  and a paragraph\n",
        "a: plain # comment\nb: x#y\n",
        "a: http://example.com/a#b\nb: 1:20\nc: x:y\nd: -x\ne: a - b\nf: a, b\n",
        "a\nb\n",
        "a:    b   \nc:\td\ne: f\t# c\n",
        "# leading\na: b # x\n# end\n",
        "\n\na: b\n\n\n",
        // Quoted scalars.
        "a: 'it''s'\nb: \"a: b\"\nc: 'a # b'\n",
        "a: \"one\n  two\n\n  three\"\nb: 'one\n  two\n\n\n  three'\n",
        "a: \"esc\\\n    aped\"\nb: \"trail   \n  x\"\n",
        "a: \"\\t\\n\\r\\\\\\\"\\/\\0\\a\\b\\e\\f\\v\\N\\_\\L\\P\\ \\x41\\u00e9\\U0001F600\"\n",
        // Block scalars.
        "a: |\n  line1\n    more\n  line3\n\n\nb: 1\n",
        "a: >\n  one\n  two\n\n  three\n    indented\n  four\n\n",
        "a: >+\n  one\n\n\nb: 2\n",
        "a: |-\n\n  x\n\nb: |\n\nc: >-\n  a\n   b\n  c\n",
        "- |\n  a\n- >-\n  b\n  c\n",
        "a:\n  - |1\n    x\nb: |2-\n    x\n   y\n",
        "--- |\n  doc\n",
        // Block collections.
        "a:\n- x\n- y\nb: z\n",
        "a:\n    b:\n        c: 1\n    d: 2\n",
        "- - a\n  - b\n- - c\n",
        "- a: 1\n  b: 2\n- c: 3\n-   d: 4\n    e: 5\n",
        "a:\n-\n- b\n",
        "? a\n: b\n? [c, d]\n: e\n",
        "- ? x\n  : y\n",
        // Flow collections and JSON.
        "a: [1, [2, 3], {b: c}]\nb: {c: [1, 2], d: {e: f}}\n",
        "a: [\n  1,\n  2,\n]\nb: {\n  c: 1,\n  d: 2\n}\n",
        "a: [a: 1, b]\nb: {a, b: }\nc: [a:b]\nd: {\"a\":b}\n",
        "{\"a\": [1, 2.5, -3, true, false, null, \"x\\u00e9\"], \"b\": {\"c\": {}}}",
        "{\"a\":{\"b\":[]},\"c\":\"\"}",
        "[\n {\"releaseCycle\": \"1\", \"eol\": \"2020-01-01\"},\n {\"releaseCycle\": \"2\", \"eol\": false}\n]\n",
        // Anchors and aliases.
        "a: &x 1\nb: *x\nc: &y [*x, *x]\nd: *y\n",
        "a: &x\n  - 1\nb: *x\n",
        "- &a x\n- *a\n- &a y\n- *a\n",
        // Tags.
        "a: !!str 2020-01-01\nb: !!float 1\nc: !!int 0x10\nd: !!bool true\ne: !!null ~\n",
        "a: !!map {b: 1}\nb: !!seq [1]\nc: !<tag:yaml.org,2002:int> 5\n",
        "--- !!map\na: 1\n",
        // Numbers, booleans, null.
        "- 0x1F\n- 1_000\n- 0o17\n- +.5\n- 1e3\n- 012\n- .NaN\n- -.inf\n- +5\n- -0\n- 1.\n",
        "- 0.1\n- 1.10\n- 1e16\n- 1e15\n- 0.0001\n- 0.00001\n- 123.456e10\n- 1e-400\n- 5e-324\n",
        "- 18446744073709551615\n- -9223372036854775808\n- 0b101\n- -0x1F\n- +0o7\n- 1e1000\n",
        "- yes\n- no\n- on\n- True\n- FALSE\n- tRUE\n- ~\n- null\n- Null\n- NULL\n- nULL\n-\n- ''\n",
        "- 2022-01-01\n- 2022-01\n- 2001-12-14t21:59:43.10-05:00\n- 1.2.3\n- v1\n",
        // Keys that are not text.
        "1: a\ntrue: b\n~: c\n1.5: d\n[a]: e\n{a: 1}: f\n",
        // Unicode, CRLF, BOM, markers, directives.
        "é: 日本\n\"quoted key\": 1\n'single key': 2\n",
        "title: x\r\nreleases:\r\n- releaseCycle: \"1\"\r\n  eol: false\r\n",
        "a: \"x\r\n  y\"\r\nb: |\r\n  x\r\n  y\r\n",
        "\u{feff}a: 1\n",
        "%YAML 1.2\n---\na: 1\n...\n",
        "---\na: 1\n",
        "--- [a]\n",
        "",
        "# only a comment\n",
    ] {
        same(text);
    }
}

#[test]
fn many_anchors_redefined_and_referred_to_resolve_to_the_newest_definition() {
    // Enough anchors to grow the reader's anchor table several times; each name is defined
    // twice, and aliases refer to the newest definition, old and new names alike.
    let mut text = String::new();
    let mut expected = Vec::new();
    for round in 0..2 {
        for i in 0..300 {
            text.push_str(&format!("k{round}_{i}: &a{i} v{round}_{i}\n"));
            expected.push((
                format!("k{round}_{i}"),
                Value::Text(format!("v{round}_{i}")),
            ));
            if i % 7 == 0 {
                text.push_str(&format!("r{round}_{i}: [*a{i}, *a{}]\n", i / 2));
                let newest = |n: usize| Value::Text(format!("v{round}_{n}"));
                expected.push((
                    format!("r{round}_{i}"),
                    Value::List(vec![newest(i), newest(i / 2)]),
                ));
            }
        }
    }
    assert_eq!(parse_value(&text).unwrap(), Value::Map(expected));
    // serde_yaml agrees while each name is defined once.
    let first_round = text.split("k1_0").next().unwrap_or_default();
    same(first_round);
}
