use super::*;

fn vars<'a>(cycle: &'a str, latest: Option<&'a str>) -> Vars<'a> {
    Vars {
        cycle,
        latest,
        ..Vars::default()
    }
}

#[track_caller]
fn renders(template: &str, vars: &Vars<'_>, expected: &str) {
    assert_eq!(
        render(template, vars).as_deref(),
        Ok(expected),
        "{template}"
    );
}

#[track_caller]
fn fails(template: &str, message: &str) {
    assert_eq!(
        render(template, &vars("1", None)).unwrap_err().to_string(),
        message,
        "{template}"
    );
}

#[test]
fn placeholders_are_replaced_and_missing_ones_emptied() {
    let v = Vars {
        cycle: "1.2",
        codename: Some("Dallas"),
        release_date: Date::parse("2022-11-16").ok(),
        latest: Some("1.2.3"),
        latest_release_date: Date::parse("2023-01-02").ok(),
        cycle_short_hand: Some("12"),
        latest_short_hand: None,
    };
    renders(
        "  /r/__RELEASE_CYCLE__/__CODENAME__/__RELEASE_DATE__/__LATEST__/__LATEST_RELEASE_DATE__/__CYCLE_SHORT_HAND__/__LATEST_SHORT_HAND__\n",
        &v,
        "/r/1.2/Dallas/2022-11-16/1.2.3/2023-01-02/12/",
    );
}

#[test]
fn liquid_filters_from_real_files() {
    let cases = [
        (
            r#"v{{"__RELEASE_CYCLE__" | split:'.' | first}}-changelog#{{"__RELEASE_CYCLE__"}}"#,
            "22.8",
            None,
            "v22-changelog#22.8",
        ),
        (
            "{{'__LATEST__'|replace:'.','-'}}.html",
            "2.4",
            Some("2.4.7-p3"),
            "2-4-7-p3.html",
        ),
        (
            "oneplus-{{'__RELEASE_CYCLE__'|downcase}}",
            "Nord-2T",
            None,
            "oneplus-nord-2t",
        ),
        (
            r#"rnV{{ "__LATEST__"|replace_first:'.','' }}/p"#,
            "8",
            Some("2412.1"),
            "rnV24121/p",
        ),
        (
            "{{ '__LATEST__' | split: '.' | slice: 0, 2 | join: '.' }}",
            "x",
            Some("1.2.3"),
            "1.2",
        ),
        (
            "{{ '__LATEST__' | split: '.' | pop | join: '.' }}",
            "x",
            Some("1.2.3"),
            "1.2",
        ),
        (
            "{{ '__LATEST__' | split: '.' | last }}",
            "x",
            Some("1.2.3"),
            "3",
        ),
        (
            "{{ '__LATEST__' | drop_zero_patch }}",
            "x",
            Some("2.1.0"),
            "2.1",
        ),
        (
            "{{ '__LATEST__' | drop_zero_patch }}",
            "x",
            Some("2.1.1"),
            "2.1.1",
        ),
        ("{{ '__RELEASE_CYCLE__' | plus: 1 }}", "41", None, "42"),
        ("{{ '__RELEASE_CYCLE__' | upcase }}", "ab", None, "AB"),
        (
            "{{ '__RELEASE_CYCLE__' | slice: 1, 2 }}",
            "abcd",
            None,
            "bc",
        ),
        ("{{- '__RELEASE_CYCLE__' -}}", "a", None, "a"),
    ];
    for (template, cycle, latest, expected) in cases {
        renders(template, &vars(cycle, latest), expected);
    }
}

#[test]
fn codename_is_shown_in_brackets_only_when_there_is_one() {
    let template = "__RELEASE_CYCLE__{% if '__CODENAME__' != '' %} (__CODENAME__){% endif %}";
    let with = Vars {
        codename: Some("Bookworm"),
        ..vars("12", None)
    };
    renders(template, &with, "12 (Bookworm)");
    renders(template, &vars("11", None), "11");
}

#[test]
fn major_version_read_as_a_number_picks_the_link() {
    let template = r#"{% assign major = "__RELEASE_CYCLE__" | split: "." | first | plus: 0 %}{% if major >= 27 %}https://new.example/__RELEASE_CYCLE__{% else %}https://old.example/{{ major }}{% endif %}"#;
    renders(template, &vars("27.1", None), "https://new.example/27.1");
    renders(template, &vars("100", None), "https://new.example/100");
    renders(template, &vars("9.3", None), "https://old.example/9");
}

#[test]
fn the_latest_cycle_links_to_other_release_notes() {
    let template = "https://docs.example/{% if '__RELEASE_CYCLE__' == '__LATEST__' %}relnote-issues{% else %}relnotes{% endif %}";
    renders(
        template,
        &vars("5.0", Some("5.0")),
        "https://docs.example/relnote-issues",
    );
    renders(
        template,
        &vars("4.4", Some("4.4.2")),
        "https://docs.example/relnotes",
    );
}

#[test]
fn unless_case_and_capture_work_as_in_ruby_liquid() {
    let v = vars("3.11", Some("3.11.4"));
    renders(
        "{% unless '__LATEST__' contains '.0' %}patched{% else %}first{% endunless %}",
        &v,
        "patched",
    );
    renders(
        "{% case '__RELEASE_CYCLE__' %}{% when '3.10', '3.11' %}recent{% when '3.11' or 'x' %}!{% else %}old{% endcase %}",
        &v,
        "recent!",
    );
    renders(
        "{% capture url %}docs/{{ '__LATEST__' | replace: '.', '' }}{% endcapture %}{{ url | upcase }}",
        &v,
        "DOCS/3114",
    );
    renders(
        "{% if false %}a{% elsif '__LATEST__' > '3.10' and 1 == 1.0 %}b{% endif %}",
        &v,
        "b",
    );
}

#[test]
fn blocks_of_white_space_and_silent_tags_show_nothing() {
    renders(
        "[{% if true %}\n  {% assign x = 1 %}\n{% endif %}]",
        &vars("1", None),
        "[]",
    );
    renders(
        "[{% if true %}\n  {{ 'x' }}\n{% endif %}]",
        &vars("1", None),
        "[\n  x\n]",
    );
    renders(
        "a {%- comment %} not {{ shown }} {% endcomment -%} b{% raw %} {{ kept }}{% endraw %}",
        &vars("1", None),
        "ab {{ kept }}",
    );
}

#[test]
fn numbers_are_computed_and_written_as_in_ruby() {
    let v = vars("1", None);
    renders("{{ 20 | divided_by: 7 }}", &v, "2");
    renders("{{ 20 | divided_by: 7.0 }}", &v, "2.857142857142857");
    renders("{{ 10.1 | minus: 2.2 }}", &v, "7.9");
    renders("{{ 10 | plus: 2.0 }}", &v, "12.0");
    renders("{{ 5.666 | round: 1 }}", &v, "5.7");
    renders("{{ '5.1' | ceil }}", &v, "6");
}

#[test]
fn templates_that_cannot_be_evaluated_are_errors() {
    let cases = [
        ("{{ 'a' | frobnicate }}", "unknown filter `frobnicate`"),
        (
            "{% for x in (1..3) %}{{ x }}{% endfor %}",
            "unknown tag `for`",
        ),
        ("{% if x %}a", "`if` is not closed with `endif`"),
        (
            "{% if x %}a{% endunless %}",
            "`endunless` has no `unless` to close",
        ),
        (
            "a{% else %}b",
            "`else` is not inside `if`, `unless` or `case`",
        ),
        (
            "{% case x %}{% when %}a{% endcase %}",
            "`when` needs a value to compare with",
        ),
        ("{% if x = 1 %}a{% endif %}", "unexpected `=`"),
        ("{% if not x %}a{% endif %}", "unexpected `x`"),
        (
            "{% assign = 1 %}",
            "`assign` needs a variable name and a value: `{% assign name = value %}`",
        ),
        ("{{ 'a' ", "an output is not closed with `}}`"),
        ("{% if x ", "a tag is not closed with `%}`"),
        ("{{ 'a }}", "a quoted text is not closed with '"),
        ("{{ 'a' | append }}", "`append` takes 1 argument, not 0"),
        (
            "{{ 'a' | upcase: 1 }}",
            "`upcase` takes no arguments, not 1",
        ),
        ("{{ 10 | divided_by: 0 }}", "`divided_by` by zero"),
        (
            "{% if '2' > 1 %}a{% endif %}",
            "cannot compare the text `2` with the number `1`",
        ),
        (
            "{{ 'abc' | slice: 'x' }}",
            "`slice` needs a whole number, found `x`",
        ),
    ];
    for (template, message) in cases {
        fails(template, message);
    }
}

#[test]
fn templates_that_would_grow_without_bound_are_errors() {
    let alphabet = "abcdefghijklmnopqrstuvwxyz";
    let grow = format!("{{{{ '{alphabet}' | split: '' | join: '{alphabet}' | split: '' | join: '{alphabet}' | split: '' | join: '{alphabet}' }}}}");
    let long = "x".repeat(80);
    let replace = format!(
        "{{{{ 'abc' | replace: '', '{long}' | replace: '', '{long}' | replace: '', '{long}' }}}}"
    );
    let range = "{{ (1..100000000000) | join: ',' }}".to_owned();
    let placeholders = "__RELEASE_CYCLE__".repeat(100);
    for template in [grow, replace, range] {
        fails(&template, "the template produces more than 64 KB of text");
    }
    let long_cycle = "1".repeat(1000);
    assert_eq!(
        render(&placeholders, &vars(&long_cycle, None))
            .unwrap_err()
            .to_string(),
        "the template produces more than 64 KB of text"
    );
}

#[test]
fn a_shared_budget_stops_a_costly_template_repeated_over_many_releases() {
    let slices = " | slice: 0, 1000".repeat(300);
    let template = format!(
        "{{{{ '__RELEASE_CYCLE__{}' | split: ''{slices} | join: '' | size }}}}",
        "x".repeat(1000)
    );
    let cycles: Vec<String> = (0..300).map(|i| format!("{i}.0")).collect();
    // Alone, any release is fine.
    for cycle in [&cycles[0], &cycles[299]] {
        assert!(render(&template, &vars(cycle, None)).is_ok());
    }
    let mut budget = Budget::default();
    let results: Vec<_> = cycles
        .iter()
        .map(|cycle| render_with_budget(&template, &vars(cycle, None), &mut budget))
        .collect();
    assert_eq!(results.first(), Some(&Ok("1000".to_owned())));
    let first_error = results.iter().position(Result::is_err).unwrap();
    assert!(first_error > 1 && first_error < 20, "{first_error}");
    assert!(results[first_error..].iter().all(|result| {
        result.as_ref().unwrap_err().to_string()
            == "the templates take more than 4000000 steps of work"
    }));
}

#[test]
fn times_on_huge_numbers_is_only_arithmetic() {
    let mut budget = Budget::default();
    let v = vars("1", None);
    let out = render_with_budget(
        "{{ 1.5 | times: 1000000000000000000 }} {{ 'x' | times: 999999999999 }} {{ 2 | times: 0.5 }}",
        &v,
        &mut budget,
    );
    assert_eq!(out.as_deref(), Ok("1.5e+18 0 1.0"));
    assert!(budget.left() > Budget::PER_PRODUCT - 1000);
    fails(
        "{{ 9223372036854775807 | times: 9223372036854775807 }}",
        "the result of `times` is too large",
    );
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let nested = |depth: usize| {
        format!(
            "{}x{}",
            "{% if true %}".repeat(depth),
            "{% endif %}".repeat(depth)
        )
    };
    renders(&nested(MAX_DEPTH), &vars("1", None), "x");
    fails(&nested(MAX_DEPTH + 1), "tags are nested more than 64 deep");
    fails(&nested(100_000), "tags are nested more than 64 deep");
    let brackets = format!("{{{{ {}'a'{} }}}}", "[".repeat(1000), "]".repeat(1000));
    fails(&brackets, "an expression is nested more than 64 deep");
}
