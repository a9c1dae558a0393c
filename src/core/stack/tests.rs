use super::*;
use crate::core::parse_today;
use crate::core::table::Status;
use crate::core::wording::English;

const DONE_WHEN: &str = "products:\n  - product: istio\n    version: 1.12.4\n  - product: istio\n    version: 1.9.0\n  - product: nosuch\n    version: \"1\"\n";

fn run(text: &str, today: &str) -> Checked {
    let stack = parse(text).unwrap();
    check(&stack, parse_today(today).unwrap(), &mut |_| None, &English)
}

#[track_caller]
fn parse_error(text: &str, expected: &str) {
    assert_eq!(parse(text).unwrap_err().to_string(), expected);
}

#[test]
fn results_are_sorted_ended_first_then_soonest_then_unknown() {
    let checked = run(DONE_WHEN, "2022-05-01");
    let rows: Vec<(&str, &str, Option<i64>)> = checked
        .outcomes
        .iter()
        .map(|o| {
            (
                o.result.check.version.as_str(),
                o.result.check.status.as_str(),
                o.result.check.days_left,
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("1.9.0", "ended", Some(-205)),
            ("1.12.4", "soon", Some(60)),
            ("1", "unknown", None)
        ]
    );
    let unknown = &checked.outcomes[2].result;
    assert_eq!(unknown.problem, Some(Problem::UnknownProduct));
    assert_eq!(
        unknown.reason.as_deref(),
        Some("there is no product `nosuch`: give its file as the entry's `src`, or in the sources")
    );
    assert_eq!(checked.outcomes[0].result.title, "Istio");
    assert_eq!(checked.outcomes[0].result.id, "istio");
    assert_eq!(checked.products.len(), 1, "istio is read once");
}

#[test]
fn the_summary_counts_and_says_it_in_a_sentence() {
    let summary = run(DONE_WHEN, "2022-05-01").summary;
    assert_eq!(
        (
            summary.total,
            summary.ok,
            summary.soon,
            summary.ended,
            summary.unknown
        ),
        (3, 0, 1, 1, 1)
    );
    assert_eq!(
        summary.message,
        "3 products: 1 past end of life, 1 ending within 60 days, 1 unknown"
    );
    let fine = run(
        "products:\n- product: istio\n  version: 1.13.1\n",
        "2022-05-01",
    )
    .summary;
    assert_eq!(fine.message, "1 product: supported");
    assert_eq!(
        messages::summary(&English, 7, 2, 1, Some(90), 0),
        "7 products: 2 past end of life, 1 ending within 90 days"
    );
}

// CLDR plural rules come from a native-only crate; the browser brings Intl's.
#[cfg(not(target_family = "wasm"))]
#[test]
fn the_summary_and_reasons_follow_the_locale_with_its_plural_forms() {
    let stack = parse(DONE_WHEN).unwrap();
    let words = crate::core::wording::Catalogued::for_locale("pl");
    let checked = check(
        &stack,
        parse_today("2022-05-01").unwrap(),
        &mut |_| None,
        &words,
    );
    let english = run(DONE_WHEN, "2022-05-01");
    assert_ne!(checked.summary.message, english.summary.message);
    assert_eq!(checked.summary.words(&English), english.summary.message);
    assert_eq!(
        checked.summary.message,
        messages::summary(&words, 3, 1, 1, Some(60), 1)
    );
    let reason = checked.outcomes[2].result.reason.as_deref().unwrap();
    assert!(reason.contains("`nosuch`"), "{reason}");
    assert_eq!(
        messages::summary(&English, 2, 0, 1, Some(1), 1),
        "2 products: 1 ending within 1 day, 1 unknown"
    );
}

#[test]
fn a_version_matching_no_cycle_names_the_nearest() {
    let checked = run(
        "products:\n- product: istio\n  version: 2.0.0\n",
        "2022-05-01",
    );
    let result = &checked.outcomes[0].result;
    assert_eq!(result.problem, Some(Problem::UnknownVersion));
    assert_eq!(
        result.reason.as_deref(),
        Some("2.0.0 is not a known Istio release; the nearest are 1.13 and 1.12")
    );
}

#[test]
fn sources_win_over_built_in_products_and_failures_are_rows() {
    let stack = parse("title: Ours\nproducts:\n- product: thing\n  version: \"2\"\n  src: thing.md\n- product: gone\n  version: \"1\"\n- product: broken\n  version: \"1\"\n").unwrap();
    let checked = check(
        &stack,
        parse_today("2022-05-01").unwrap(),
        &mut |entry| match entry.product.as_str() {
            "thing" => Some(Source::Text(
                "title: Thing\nreleases:\n- releaseCycle: \"2\"\n  eol: 2022-01-01\n".to_owned(),
            )),
            "gone" => Some(Source::Failed(
                "could not load gone.md: HTTP 404 Not Found".to_owned(),
            )),
            _ => Some(Source::Text("releases: 5\n".to_owned())),
        },
        &English,
    );
    let problems: Vec<(&str, Option<Problem>)> = checked
        .outcomes
        .iter()
        .map(|o| (o.result.id.as_str(), o.result.problem))
        .collect();
    assert_eq!(
        problems,
        [
            ("thing", None),
            ("gone", Some(Problem::LoadFailed)),
            ("broken", Some(Problem::BadFile))
        ]
    );
    assert_eq!(checked.outcomes[0].result.title, "Thing");
    assert_eq!(
        checked.outcomes[2].result.reason.as_deref(),
        Some("the broken file could not be read: line 1, column 11: expected `releases` to be a list of releases (`- releaseCycle: \"1.2\"`), found integer `5`")
    );
    assert_eq!(checked.report().title, Some("Ours"));
}

#[test]
fn unquoted_versions_keep_their_text() {
    let stack =
        parse("products:\n- {product: istio, version: 1.10}\n- {product: istio, version: 8}\n")
            .unwrap();
    assert_eq!(stack.products[0].version, "1.10");
    assert_eq!(stack.products[1].version, "8");
    let json =
        parse(r#"{"products": [{"product": "istio", "version": "1.12.4", "label": "mesh"}]}"#)
            .unwrap();
    assert_eq!(json.products[0].label.as_deref(), Some("mesh"));
}

#[test]
fn bad_stacks_are_located() {
    parse_error(
        "products:\n- product: istio\n  verison: 1.2\n",
        "line 3, column 3: products[0]: unknown field `verison`, expected one of `product`, `version`, `label`, `src`",
    );
    parse_error(
        "products:\n- product: \"../x\"\n  version: \"1\"\n",
        "line 2, column 12: `product` must be an endoflife.date product id (letters, digits, `.`, `-` and `_`), found \"../x\"",
    );
    parse_error(
        "products:\n- product: istio\n  version: \" \"\n",
        "line 3, column 12: `version` must not be blank",
    );
    parse_error("title: x\n", "line 1, column 1: missing field `products`");
    parse_error("products: [\n", "line 2, column 1: YAML syntax error: did not find expected node content, while parsing a flow node");
}

#[test]
fn the_entry_count_is_bounded_by_the_file_size() {
    let stack = Stack {
        title: None,
        products: vec![
            Entry {
                product: "istio".into(),
                version: "1".into(),
                label: None,
                src: None
            };
            300
        ],
    };
    assert!(check_count(&stack, 20_000).is_ok());
    assert_eq!(
        check_count(&stack, 10).unwrap_err().to_string(),
        "the stack lists 300 products, more than a file of its size may hold (256): split the stack"
    );
}

#[test]
fn the_table_has_a_row_per_entry_with_the_support_tables_cells() {
    let checked = run(DONE_WHEN, "2022-05-01");
    let table = table::build(&checked, &English, crate::core::card::ICON_BASE);
    let ids: Vec<&str> = table.columns.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(
        ids,
        ["product", "version", "cycle", "status", "eol", "latest", "upgrade", "daysLeft"]
    );
    let texts: Vec<Vec<String>> = table
        .rows
        .iter()
        .map(|r| r.cells.iter().map(|c| c.text()).collect())
        .collect();
    assert_eq!(texts[1][4], "Ends in 2 months (Jun 2022)");
    assert_eq!(texts[1][3], "Ends soon");
    assert_eq!(texts[1][6], "1.13");
    assert_eq!(texts[1][7], "60");
    assert_eq!(texts[0][4], "Ended 6 months and 3 weeks ago (08 Oct 2021)");
    assert!(texts[2][3].starts_with("Unknown: there is no product `nosuch`"));
    assert_eq!(
        table.rows[2].attributes,
        [
            ("data-product", "nosuch".to_owned()),
            ("data-status", "unknown".to_owned()),
            ("data-problem", "unknownProduct".to_owned())
        ]
    );
    assert_eq!(table.rows[1].cells[4].status, Some(Status::Soon));
}
