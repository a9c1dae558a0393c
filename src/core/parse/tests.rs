use super::*;
use crate::core::date::Date;
use crate::core::model::{Link, Milestone, Value};

#[track_caller]
fn error_text(source: &str) -> String {
    match parse(source) {
        Ok(_) => panic!("expected an error for {source:?}"),
        Err(err) => err.to_string(),
    }
}

#[test]
fn a_repeated_release_cycle_keeps_every_row_with_a_warning() {
    let p = product(
        "releases:\n- releaseCycle: b\n- releaseCycle: a\n  eol: 2020-01-01\n- releaseCycle: c\n\
         - releaseCycle: a\n  eol: 2021-01-01\n- releaseCycle: b\n- releaseCycle: a\n",
    );
    let cycles: Vec<_> = p.releases.iter().map(|r| r.cycle.as_str()).collect();
    assert_eq!(cycles, ["b", "a", "c", "a", "b", "a"]);
    let warnings: Vec<_> = p.warnings.iter().map(|w| w.message.as_str()).collect();
    assert_eq!(
        warnings,
        [
            "release cycle `a` appears more than once (releases 2 and 4): every row is shown, and a version matches the first",
            "release cycle `b` appears more than once (releases 1 and 5): every row is shown, and a version matches the first",
            "release cycle `a` appears more than once (releases 2 and 6): every row is shown, and a version matches the first",
        ]
    );
}

#[test]
fn an_alias_bomb_costs_nothing_unread_and_fails_where_it_is_kept() {
    let mut bomb =
        String::from("a: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n");
    for (name, previous) in ["b", "c", "d", "e", "f", "g", "h", "i"]
        .iter()
        .zip(["a", "b", "c", "d", "e", "f", "g", "h"])
    {
        bomb.push_str(&format!(
            "{name}: &{name} [{}]\n",
            vec![format!("*{previous}"); 10].join(",")
        ));
    }
    assert!(
        parse(&bomb).is_ok(),
        "unread, the bomb is skipped without expanding it"
    );
    bomb.push_str("tags: *i\n");
    assert_eq!(
        error_text(&bomb),
        "line 1, column 20: the file's values take more than 2 MiB to hold, counting what its aliases repeat (at most 16 times the file's size): repeat fewer aliases, or split the file"
    );
}

#[test]
fn a_key_given_twice_keeps_its_last_value() {
    let p = product("title: First\ntitle: Last\nreleases:\n- releaseCycle: a\n  eol: true\n  eol: 2020-01-01\n  x: 1\n  x: 2\n");
    assert_eq!(p.title, "Last");
    assert_eq!(
        p.releases[0].eol,
        Milestone::Date(Date::parse("2020-01-01").unwrap())
    );
    assert_eq!(
        p.releases[0].fields,
        [("x".to_owned(), Value::Number("2".into()))]
    );
}

#[test]
fn floats_keep_every_digit_that_tells_them_apart() {
    for written in [
        "0.30000000000000004",
        "1.2345678901234567",
        "2.2250738585072014e-308",
        "5e-324",
        "1.7976931348623157e308",
    ] {
        let value = parse_value(&format!("x: {written}")).unwrap();
        let expected: f64 = written.parse().unwrap();
        let Value::Map(entries) = value else { panic!() };
        let Value::Number(text) = &entries[0].1 else {
            panic!("{entries:?}")
        };
        assert_eq!(
            text.parse::<f64>().unwrap().to_bits(),
            expected.to_bits(),
            "{written} read as {text}"
        );
    }
}

#[test]
fn an_explicit_key_with_a_mapping_value_is_read() {
    assert_eq!(
        parse_value("? a\n: b: 1\n").unwrap(),
        Value::Map(vec![(
            "a".to_owned(),
            Value::Map(vec![("b".to_owned(), Value::Number("1".into()))])
        )])
    );
}

#[test]
fn a_line_separator_ends_a_comment_and_the_next_key_is_read() {
    // YAML 1.1 (libyaml, and the site's Ruby) breaks lines at U+0085, U+2028 and U+2029.
    for separator in ["\u{2028}", "\u{85}", "\u{2029}"] {
        let p = product(&format!("title: T # a comment{separator}permalink: /t\n"));
        assert_eq!(
            (p.title.as_str(), p.id.as_str()),
            ("T", "t"),
            "{separator:?}"
        );
    }
}

fn product(yaml: &str) -> Product {
    parse(yaml).unwrap()
}

#[test]
fn maps_the_2022_schema_onto_the_current_one() {
    let p = product(
        "title: Old\ncommand: old --version\nactiveSupportColumn: true\nreleaseColumn: false\n\
         extendedSupportColumn: Extended\nreleases:\n\
         - releaseCycle: \"1\"\n  release: 2020-01-02\n  support: true\n  extendedSupport: false\n  eol: 2022-10\n",
    );
    assert_eq!(p.version_command.as_deref(), Some("old --version"));
    assert_eq!(p.columns.eoas.as_deref(), Some("Active Support"));
    assert_eq!(p.columns.eoes.as_deref(), Some("Extended"));
    assert_eq!(p.columns.latest, None);
    let r = &p.releases[0];
    assert_eq!(r.release_date, Date::parse("2020-01-02").ok());
    assert_eq!(
        r.eoas,
        Milestone::Bool(false),
        "support: true is eoas: false"
    );
    assert_eq!(
        r.eoes,
        Milestone::Bool(true),
        "extendedSupport: false is eoes: true"
    );
    assert_eq!(r.eol, Milestone::Date(Date::parse("2022-10").unwrap()));
}

#[test]
fn current_fields_win_over_2022_ones() {
    let p = product("releases:\n- releaseCycle: a\n  eoas: true\n  support: true\n  releaseDate: 2021-01-01\n  release: 2020-01-01\n");
    assert_eq!(p.releases[0].eoas, Milestone::Bool(true));
    assert_eq!(p.releases[0].release_date, Date::parse("2021-01-01").ok());
}

#[test]
fn sort_releases_by_orders_newest_first_version_aware() {
    let p = product(
        "sortReleasesBy: releaseCycle\nreleases:\n- releaseCycle: \"1.9\"\n- releaseCycle: \"1.13\"\n\
         - releaseCycle: \"1.6 and earlier\"\n- releaseCycle: \"1.10\"\n",
    );
    let cycles: Vec<_> = p.releases.iter().map(|r| r.cycle.as_str()).collect();
    assert_eq!(cycles, ["1.13", "1.10", "1.9", "1.6 and earlier"]);
}

#[test]
fn sort_releases_by_a_date_puts_undated_releases_last() {
    let p = product(
        "sortReleasesBy: releaseDate\nreleases:\n- releaseCycle: a\n  releaseDate: 2020-01-01\n\
         - releaseCycle: b\n- releaseCycle: c\n  releaseDate: 2021-01-01\n",
    );
    let cycles: Vec<_> = p.releases.iter().map(|r| r.cycle.as_str()).collect();
    assert_eq!(cycles, ["c", "a", "b"]);
}

#[test]
fn column_headers_from_strings_and_defaults() {
    let p =
        product("eolColumn: End of Support\nreleaseDateColumn: false\ndiscontinuedColumn: true\n");
    assert_eq!(p.columns.eol.as_deref(), Some("End of Support"));
    assert_eq!(p.columns.release_date, None);
    assert_eq!(p.columns.discontinued.as_deref(), Some("Discontinued"));
    assert_eq!(p.columns.latest.as_deref(), Some("Latest"));
    assert_eq!(p.columns.eoas, None);
}

#[test]
fn values_keep_null_bool_and_absent_apart() {
    let p = product("releases:\n- releaseCycle: a\n  eoes: null\n  eol: false\n  link: null\n");
    let r = &p.releases[0];
    assert_eq!(r.eoes, Milestone::Null);
    assert_eq!(r.eol, Milestone::Bool(false));
    assert_eq!(r.eoas, Milestone::Absent);
    assert_eq!(r.link, Link::None);
}

#[test]
fn yaml_1_1_booleans_read_as_the_site_reads_them() {
    let p = product("releaseColumn: no\neoasColumn: yes\nreleases:\n- releaseCycle: a\n  eol: yes\n  discontinued: Off\n");
    assert_eq!(p.columns.latest, None);
    assert_eq!(p.columns.eoas.as_deref(), Some("Active Support"));
    assert_eq!(p.releases[0].eol, Milestone::Bool(true));
    assert_eq!(p.releases[0].discontinued, Milestone::Bool(false));
}

#[test]
fn unknown_fields_are_kept() {
    let p = product("title: T\nauto:\n  methods: []\nreleases:\n- releaseCycle: a\n  outOfOrder: true\n  chromeVersion: 120\n");
    assert_eq!(p.extra[0].0, "auto");
    assert_eq!(p.releases[0].field("outOfOrder"), Some(&Value::Bool(true)));
    assert_eq!(
        p.releases[0].field("chromeVersion"),
        Some(&Value::Number("120".into()))
    );
}

#[test]
fn id_tags_and_icon() {
    let p = product("title: Foo Bar\ncategory: os\ntags: zeta alpha\niconSlug: NA\n");
    assert_eq!(p.id, "foo-bar");
    assert_eq!(p.tags, ["alpha", "os", "zeta"]);
    assert_eq!(p.icon_slug, None);
    assert_eq!(product("permalink: /istio\n").id, "istio");
}

#[test]
fn wrong_date_values_say_where_and_what() {
    assert_eq!(
        error_text("---\ntitle: X\nreleases:\n  - releaseCycle: \"1\"\n    eol: soon\n---\n"),
        "line 5, column 10: `eol` must be a date (YYYY-MM-DD), a month (YYYY-MM) or true/false, found `soon`"
    );
    assert_eq!(
        error_text("releases:\n- releaseCycle: \"1\"\n  releaseDate: 2022-02-30\n"),
        "line 3, column 16: `releaseDate` is `2022-02-30`, which is not a real date"
    );
    assert_eq!(
        error_text("releases:\n- releaseCycle: \"1\"\n  eol: 2024\n"),
        "line 3, column 8: `eol` must be a date (YYYY-MM-DD), a month (YYYY-MM) or true/false, found the number `2024`"
    );
}

#[test]
fn wrong_shapes_say_what_was_expected() {
    assert_eq!(
        error_text("title: X\nreleases: 5\n"),
        "line 2, column 11: expected `releases` to be a list of releases (`- releaseCycle: \"1.2\"`), found integer `5`"
    );
    assert_eq!(
        error_text("releases:\n- eol: 2020-01-01\n"),
        "line 2, column 3: release 1 has no `releaseCycle`: every release needs one, such as `- releaseCycle: \"1.2\"`"
    );
}

#[test]
fn yaml_syntax_errors_count_lines_from_the_top_of_the_file() {
    let text = error_text("---\ntitle: [unclosed\n---\n");
    assert!(
        text.starts_with("line 3, column 1: YAML syntax error: "),
        "{text}"
    );
}

#[test]
fn text_that_is_not_a_product_file_is_an_error() {
    assert_eq!(
        error_text("just some words"),
        "line 1, column 1: expected a product file: a `---` line, YAML fields such as `title:` and `releases:`, another `---` line, found string \"just some words\""
    );
    assert!(error_text("").contains("there are no product fields"));
}
