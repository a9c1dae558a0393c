use super::*;
use crate::core::parse::parse;
use crate::core::{parse_today, products, view};

#[track_caller]
fn on(source: &str, today: &str, write: fn(&ProductView<'_>) -> String) -> String {
    let product = parse(source).unwrap();
    write(&view::evaluate(&product, parse_today(today).unwrap()))
}

fn istio(write: fn(&ProductView<'_>) -> String) -> String {
    on(products::ISTIO, "2022-05-01", write)
}

const ISTIO_LINK: &str =
    "https://istio.io/latest/docs/releases/supported-releases/#support-status-of-istio-releases";

/// A product with every column, a title in its labels, text that needs escaping and
/// ends that are not dates.
const ACME: &str = "---\ntitle: Acme, Inc; DB\npermalink: /acme\neoasColumn: true\n\
    discontinuedColumn: true\neoesColumn: true\ncustomFields:\n\
    - name: engine\n  display: after-release-column\n  label: \"Engine | core\"\n\
    releases:\n\
    - releaseCycle: \"2\"\n  releaseLabel: \"Acme, Inc; DB 2\"\n  lts: true\n  releaseDate: 2024-01-01\n\
    \x20 eoas: 2025-06\n  eol: 9999-12-31\n  eoes: true\n  discontinued: false\n\
    - releaseCycle: \"1 / old\"\n  engine: \"=cmd|' /C calc'!A0\"\n  releaseDate: 2020-01-01\n\
    \x20 eoas: true\n  eol: 2022-01-31\n  eoes: 2023-02\n  discontinued: 2021-01-01\n\
    \x20 link: /relative\n  latest: \"1.9\"\n  latestReleaseDate: 2021-12-01\n---\n";

fn acme(write: fn(&ProductView<'_>) -> String) -> String {
    on(ACME, "2022-05-01", write)
}

#[test]
fn istio_as_markdown_has_the_shown_columns_with_iso_dates() {
    assert_eq!(
        istio(to_markdown),
        "| Release | Released | End of Support | Latest |\n\
         | --- | --- | --- | --- |\n\
         | 1.13 | 2022-02-11 | 2022-10 | Unknown |\n\
         | 1.12 | 2021-11-18 | 2022-06 | Unknown |\n\
         | 1.11 | 2021-08-12 | 2022-03 | Unknown |\n\
         | 1.10 | 2021-05-18 | 2022-01-07 | Unknown |\n\
         | 1.9 | 2021-02-09 | 2021-10-08 | Unknown |\n\
         | 1.8 | 2020-11-10 | 2021-05-12 | Unknown |\n\
         | 1.7 | 2020-08-21 | 2021-02-25 | Unknown |\n\
         | 1.6 and earlier | Unknown | Unknown | Unknown |\n"
    );
}

#[test]
fn istio_as_csv_has_a_header_row_and_crlf_line_ends() {
    assert_eq!(
        istio(to_csv),
        "Release,Released,End of Support,Latest\r\n\
         1.13,2022-02-11,2022-10,Unknown\r\n\
         1.12,2021-11-18,2022-06,Unknown\r\n\
         1.11,2021-08-12,2022-03,Unknown\r\n\
         1.10,2021-05-18,2022-01-07,Unknown\r\n\
         1.9,2021-02-09,2021-10-08,Unknown\r\n\
         1.8,2020-11-10,2021-05-12,Unknown\r\n\
         1.7,2020-08-21,2021-02-25,Unknown\r\n\
         1.6 and earlier,Unknown,Unknown,Unknown\r\n"
    );
}

#[test]
fn istio_as_json_is_one_object_per_cycle_with_the_same_keys() {
    let json = istio(to_json);
    let lines: Vec<&str> = json.lines().collect();
    assert_eq!(lines.len(), 10);
    assert_eq!(lines[0], "[");
    let link = ["\"link\":\"", ISTIO_LINK, "\""].concat();
    assert_eq!(
        lines[2],
        [
            r#"  {"cycle":"1.12","label":"1.12","codename":null,"releaseDate":"2021-11-18","#,
            r#""lts":false,"eoas":null,"eol":"2022-06","discontinued":null,"eoes":null,"#,
            r#""latest":null,"latestReleaseDate":null,"#,
            &link,
            r#","isLts":false,"isEoas":null,"isEol":false,"isDiscontinued":null,"#,
            r#""isEoes":null,"isMaintained":true,"custom":null},"#
        ]
        .concat()
    );
    assert_eq!(
        lines[8],
        [
            r#"  {"cycle":"1.6 and earlier","label":"1.6 and earlier","codename":null,"#,
            r#""releaseDate":null,"lts":false,"eoas":null,"eol":null,"discontinued":null,"#,
            r#""eoes":null,"latest":null,"latestReleaseDate":null,"#,
            &link,
            r#","isLts":false,"isEoas":null,"isEol":null,"isDiscontinued":null,"#,
            r#""isEoes":null,"isMaintained":false,"custom":null}"#
        ]
        .concat()
    );
    assert_eq!(lines[9], "]");
    assert!(json.ends_with("]\n"));
}

#[test]
fn istio_as_icalendar_has_an_all_day_event_per_end_of_life_date() {
    let ics = istio(to_icalendar);
    let head = [
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//eol-table//eol-table//EN\r\n",
        "CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nX-WR-CALNAME:Istio\r\n",
        "BEGIN:VEVENT\r\nUID:istio-1.13-eol@eol-table\r\nDTSTAMP:20220501T000000Z\r\n",
        "DTSTART;VALUE=DATE:20221031\r\nDTEND;VALUE=DATE:20221101\r\n",
        "SUMMARY:Istio 1.13: end of life\r\n",
        "DESCRIPTION:Istio 1.13 \u{2014} End of Support: 2022-10 (only the month is known\r\n",
        " \\; shown on its last day)\r\n",
        "URL:https://istio.io/latest/docs/releases/supported-releases/#support-statu\r\n",
        " s-of-istio-releases\r\n",
        "TRANSP:TRANSPARENT\r\nEND:VEVENT\r\n",
        "BEGIN:VEVENT\r\nUID:istio-1.12-eol@eol-table\r\n",
    ]
    .concat();
    assert!(ics.starts_with(&head), "{ics}");
    assert!(ics.ends_with("END:VEVENT\r\nEND:VCALENDAR\r\n"));
    let events: Vec<(&str, &str)> = ics
        .split("BEGIN:VEVENT\r\n")
        .skip(1)
        .map(|event| {
            let field = |name: &str| {
                event
                    .lines()
                    .find_map(|line| line.strip_prefix(name))
                    .unwrap()
            };
            (field("UID:"), field("DTSTART;VALUE=DATE:"))
        })
        .collect();
    assert_eq!(
        events,
        [
            ("istio-1.13-eol@eol-table", "20221031"),
            ("istio-1.12-eol@eol-table", "20220630"),
            ("istio-1.11-eol@eol-table", "20220331"),
            ("istio-1.10-eol@eol-table", "20220107"),
            ("istio-1.9-eol@eol-table", "20211008"),
            ("istio-1.8-eol@eol-table", "20210512"),
            ("istio-1.7-eol@eol-table", "20210225"),
        ]
    );
    assert!(ics.contains(
        "SUMMARY:Istio 1.10: end of life\r\n\
         DESCRIPTION:Istio 1.10 \u{2014} End of Support: 2022-01-07\r\n"
    ));
}

#[test]
fn the_same_day_gives_the_same_calendar_and_only_the_stamp_follows_the_day() {
    assert_eq!(istio(to_icalendar), istio(to_icalendar));
    let later = on(products::ISTIO, "2023-01-15", to_icalendar);
    assert_eq!(
        later,
        istio(to_icalendar).replace("DTSTAMP:20220501T", "DTSTAMP:20230115T")
    );
}

#[test]
fn every_column_escapes_its_text_and_keeps_yes_no_words() {
    assert_eq!(
        acme(to_markdown),
        "| Release | Engine \\| core | Released | Discontinued | Active Support | Security Support | Extended Support | Latest |\n\
         | --- | --- | --- | --- | --- | --- | --- | --- |\n\
         | Acme, Inc; DB 2 (LTS) | N/A | 2024-01-01 | In Production | 2025-06 | 9999-12-31 | No | Unknown |\n\
         | 1 / old | =cmd\\|' /C calc'!A0 | 2020-01-01 | 2021-01-01 | No | 2022-01-31 | 2023-02 | 1.9 (2021-12-01) |\n"
    );
    assert_eq!(
        acme(to_csv),
        "Release,Engine | core,Released,Discontinued,Active Support,Security Support,Extended Support,Latest\r\n\
         \"Acme, Inc; DB 2 (LTS)\",N/A,2024-01-01,In Production,2025-06,9999-12-31,No,Unknown\r\n\
         1 / old,'=cmd|' /C calc'!A0,2020-01-01,2021-01-01,No,2022-01-31,2023-02,1.9 (2021-12-01)\r\n"
    );
}

#[test]
fn json_gives_raw_ends_flags_and_custom_fields() {
    assert_eq!(
        acme(to_json),
        [
            "[\n",
            r#"  {"cycle":"2","label":"Acme, Inc; DB 2 (LTS)","codename":null,"releaseDate":"2024-01-01","#,
            r#""lts":true,"eoas":"2025-06","eol":"9999-12-31","discontinued":false,"eoes":true,"#,
            r#""latest":null,"latestReleaseDate":null,"link":null,"isLts":true,"isEoas":false,"#,
            r#""isEol":false,"isDiscontinued":false,"isEoes":true,"isMaintained":true,"#,
            r#""custom":{"engine":null}},"#,
            "\n",
            r#"  {"cycle":"1 / old","label":"1 / old","codename":null,"releaseDate":"2020-01-01","#,
            r#""lts":false,"eoas":true,"eol":"2022-01-31","discontinued":"2021-01-01","eoes":"2023-02","#,
            r#""latest":"1.9","latestReleaseDate":"2021-12-01","link":"/relative","isLts":false,"#,
            r#""isEoas":true,"isEol":true,"isDiscontinued":true,"isEoes":false,"isMaintained":true,"#,
            r#""custom":{"engine":"=cmd|' /C calc'!A0"}}"#,
            "\n]\n",
        ]
        .concat()
    );
    assert_eq!(on("releases: []\n", "2022-05-01", to_json), "[]\n");
}

#[test]
fn calendar_events_are_the_dated_ends_of_the_shown_columns() {
    assert_eq!(
        acme(to_icalendar),
        [
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//eol-table//eol-table//EN\r\n",
            "CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nX-WR-CALNAME:Acme\\, Inc\\; DB\r\n",
            "BEGIN:VEVENT\r\nUID:acme-2-eoas@eol-table\r\nDTSTAMP:20220501T000000Z\r\n",
            "DTSTART;VALUE=DATE:20250630\r\nDTEND;VALUE=DATE:20250701\r\n",
            "SUMMARY:Acme\\, Inc\\; DB 2: end of active support\r\n",
            "DESCRIPTION:Acme\\, Inc\\; DB 2 \u{2014} Active Support: 2025-06 (only the month i\r\n",
            " s known\\; shown on its last day)\r\n",
            "TRANSP:TRANSPARENT\r\nEND:VEVENT\r\n",
            // The last day there is: no DTEND, so the event lasts that day.
            "BEGIN:VEVENT\r\nUID:acme-2-eol@eol-table\r\nDTSTAMP:20220501T000000Z\r\n",
            "DTSTART;VALUE=DATE:99991231\r\n",
            "SUMMARY:Acme\\, Inc\\; DB 2: end of life\r\n",
            "DESCRIPTION:Acme\\, Inc\\; DB 2 \u{2014} Security Support: 9999-12-31\r\n",
            "TRANSP:TRANSPARENT\r\nEND:VEVENT\r\n",
            // `eoas: true` and `eoes: true` are no dates; a relative link is no URL.
            "BEGIN:VEVENT\r\nUID:acme-1_20_2F_20old-eol@eol-table\r\nDTSTAMP:20220501T000000Z\r\n",
            "DTSTART;VALUE=DATE:20220131\r\nDTEND;VALUE=DATE:20220201\r\n",
            "SUMMARY:Acme\\, Inc\\; DB 1 / old: end of life\r\n",
            "DESCRIPTION:Acme\\, Inc\\; DB 1 / old \u{2014} Security Support: 2022-01-31\r\n",
            "TRANSP:TRANSPARENT\r\nEND:VEVENT\r\n",
            "BEGIN:VEVENT\r\nUID:acme-1_20_2F_20old-eoes@eol-table\r\nDTSTAMP:20220501T000000Z\r\n",
            "DTSTART;VALUE=DATE:20230228\r\nDTEND;VALUE=DATE:20230301\r\n",
            "SUMMARY:Acme\\, Inc\\; DB 1 / old: end of extended support\r\n",
            "DESCRIPTION:Acme\\, Inc\\; DB 1 / old \u{2014} Extended Support: 2023-02 (only the\r\n",
            "  month is known\\; shown on its last day)\r\n",
            "TRANSP:TRANSPARENT\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        ]
        .concat()
    );
}

#[test]
fn hidden_columns_give_no_events() {
    let ics = on(
        "title: X\npermalink: /x\nreleases:\n- releaseCycle: \"1\"\n  eoas: 2022-01-01\n  eol: 2023-01-01\n  eoes: 2024-01-01\n",
        "2022-05-01",
        to_icalendar,
    );
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 1);
    assert!(ics.contains("UID:x-1-eol@eol-table"));
}

#[test]
fn event_urls_are_web_links_in_ascii() {
    let ics = on(
        "title: X\npermalink: /x\nreleases:\n\
         - releaseCycle: a\n  eol: 2023-01-01\n  link: https://x.org/\u{fc}ber?a=1,b;c\n\
         - releaseCycle: b\n  eol: 2023-01-01\n  link: mailto:a@x.org\n\
         - releaseCycle: c\n  eol: 2023-01-01\n  link: javascript:alert(1)\n",
        "2022-05-01",
        to_icalendar,
    );
    let urls: Vec<&str> = ics.lines().filter(|l| l.starts_with("URL:")).collect();
    assert_eq!(urls, ["URL:https://x.org/%C3%BCber?a=1,b;c"]);
}

#[test]
fn uids_keep_safe_characters_and_encode_the_rest_one_to_one() {
    let uid = |text: &str| {
        let mut out = String::new();
        uid_part_into(&mut out, text);
        out
    };
    assert_eq!(uid("1.12"), "1.12");
    assert_eq!(uid("2022-LTS"), "2022-LTS");
    assert_eq!(uid("1.6 and earlier"), "1.6_20and_20earlier");
    assert_eq!(uid("a_b@c"), "a_5Fb_40c");
    assert_eq!(uid("\u{e9}"), "_C3_A9");
    let cycles = ["1 0", "1_0", "1_200", "1-0", "1.0", "1\u{a0}0", "1/0", ""];
    let uids: std::collections::BTreeSet<String> = cycles.iter().map(|c| uid(c)).collect();
    assert_eq!(uids.len(), cycles.len(), "{uids:?}");
}

#[test]
fn csv_fields_are_quoted_when_needed_and_formulas_are_defused() {
    let field = |text: &str| {
        let mut out = String::new();
        csv_field_into(&mut out, text);
        out
    };
    let cases = [
        ("1.12", "1.12"),
        ("a, b", "\"a, b\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("two\nlines", "\"two\nlines\""),
        ("cr\rlf", "\"cr\rlf\""),
        ("=1+1", "'=1+1"),
        ("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("+cmd", "'+cmd"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("\tTAB", "'\tTAB"),
        ("\r=1", "\"'\r=1\""),
        // Signed numbers and a lone dash are no formulas.
        ("-1", "-1"),
        ("+2.5", "+2.5"),
        ("-", "-"),
        ("2022-10", "2022-10"),
        ("", ""),
        (" =1", "' =1"),
        ("\n=1+1", "\"'\n=1+1\""),
        ("  \n @SUM(A1)", "\"'  \n @SUM(A1)\""),
        ("   ", "   "),
        (" -1", " -1"),
    ];
    for (text, expected) in cases {
        assert_eq!(field(text), expected, "{text:?}");
    }
}

#[test]
fn markdown_cells_escape_pipes_markup_and_line_breaks() {
    let cell = |text: &str| {
        let mut out = String::new();
        markdown_escape_into(&mut out, text);
        out
    };
    assert_eq!(cell("1.12"), "1.12");
    assert_eq!(cell("a | b"), "a \\| b");
    assert_eq!(cell("a\\|b"), "a\\\\\\|b");
    assert_eq!(
        cell("one\ntwo\r\nthree\rfour"),
        "one<br>two<br>three<br>four"
    );
    assert_eq!(
        cell("<script>*x* _y_ `z` [l](u) ~~s~~ &amp;"),
        "\\<script\\>\\*x\\* \\_y\\_ \\`z\\` \\[l\\](u) \\~\\~s\\~\\~ \\&amp;"
    );
}

#[test]
fn json_strings_escape_quotes_backslashes_and_controls() {
    let product = parse("releases:\n- releaseCycle: \"a\\\"b\\\\c\\nd\\u0001\u{e9}\"\n").unwrap();
    let json = to_json(&view::evaluate(
        &product,
        parse_today("2022-05-01").unwrap(),
    ));
    assert!(
        json.starts_with("[\n  {\"cycle\":\"a\\\"b\\\\c\\nd\\u0001\u{e9}\","),
        "{json}"
    );
}

#[test]
fn ical_text_escapes_backslash_semicolon_comma_and_newline() {
    let mut out = String::new();
    ical_escape_into(&mut out, "a\\b;c,d\ne\r\nf\rg\th\u{7}i:j\"k");
    assert_eq!(out, "a\\\\b\\;c\\,d\\ne\\nf\\ng\thi:j\"k");
}

#[track_caller]
fn folded(line: &str) -> String {
    let mut out = String::new();
    content_line_into(&mut out, line);
    for physical in out.split_terminator("\r\n") {
        assert!(
            physical.len() <= 75,
            "{physical:?} is {} octets",
            physical.len()
        );
    }
    assert_eq!(out.replace("\r\n ", ""), [line, "\r\n"].concat(), "unfolds");
    out
}

#[test]
fn lines_fold_at_75_octets() {
    assert_eq!(folded("SUMMARY:short"), "SUMMARY:short\r\n");
    let exact = "x".repeat(75);
    assert_eq!(folded(&exact), [exact.as_str(), "\r\n"].concat());
    let long = "y".repeat(75 + 74 + 10);
    assert_eq!(
        folded(&long),
        [
            &"y".repeat(75),
            "\r\n ",
            &"y".repeat(74),
            "\r\n ",
            &"y".repeat(10),
            "\r\n"
        ]
        .concat()
    );
}

#[test]
fn folding_never_splits_a_utf8_character() {
    // 74 octets, then a 2-octet character that would end at octet 76: it moves down whole.
    let line = ["x".repeat(74), "\u{e9}".to_owned()].concat();
    assert_eq!(
        folded(&line),
        ["x".repeat(74), "\r\n \u{e9}\r\n".to_owned()].concat()
    );
    for c in ['\u{e9}', '\u{2014}', '\u{1f4c5}'] {
        for pad in 0..4 {
            let line = ["SUMMARY:", &"a".repeat(pad), &c.to_string().repeat(60)].concat();
            folded(&line);
        }
    }
}
