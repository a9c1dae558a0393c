//! Every real product file in `../shared/fixtures` and `../shared/seed` parses, and several give
//! exactly the table and API values worked out by hand from the site's rules.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

use eol_table::core::api::{self, ApiProduct};
use eol_table::core::model::Product;
use eol_table::core::table::{self, Inline, Table};
use eol_table::core::wording::English;
use eol_table::core::{parse::parse, parse_today, products, view};

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared")
}

fn read(relative: &str) -> String {
    let path = shared().join(relative);
    fs::read_to_string(&path).unwrap_or_else(|err| panic!("{}: {err}", path.display()))
}

fn product(relative: &str) -> Product {
    parse(&read(relative)).unwrap_or_else(|err| panic!("{relative}: {err}"))
}

fn table_on(product: &Product, today: &str) -> Table {
    table::build(
        &view::evaluate(product, parse_today(today).unwrap()),
        &English,
    )
}

fn api_on(product: &Product, today: &str) -> ApiProduct {
    api::build(&view::evaluate(product, parse_today(today).unwrap()))
}

/// Each row as `cycle: text [status] | text [status] | ...`.
fn rows(table: &Table) -> Vec<String> {
    table
        .rows
        .iter()
        .map(|row| {
            let cells: Vec<String> = row
                .cells
                .iter()
                .map(|cell| match cell.status {
                    Some(status) => format!("{} [{}]", cell.text(), status.as_str()),
                    None => cell.text(),
                })
                .collect();
            format!("{}: {}", row.cycle, cells.join(" | "))
        })
        .collect()
}

fn headers(table: &Table) -> Vec<(String, String)> {
    table
        .columns
        .iter()
        .map(|c| (c.id.clone(), c.header.clone()))
        .collect()
}

#[test]
fn every_fixture_and_the_seed_parse_and_give_a_full_table() {
    let mut files: Vec<PathBuf> = ["fixtures/2022", "fixtures/current", "seed"]
        .iter()
        .flat_map(|dir| fs::read_dir(shared().join(dir)).unwrap())
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
        .collect();
    files.sort();
    assert!(
        files.len() >= 37,
        "expected the 36 fixtures and the seed, found {}",
        files.len()
    );
    for path in files {
        let text = fs::read_to_string(&path).unwrap();
        let product = parse(&text).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
        assert!(
            !product.releases.is_empty(),
            "{}: no releases",
            path.display()
        );
        for today in ["2022-05-01", "2026-11-28"] {
            let table = table_on(&product, today);
            assert_eq!(table.rows.len(), product.releases.len());
            for row in &table.rows {
                assert_eq!(row.cells.len(), table.columns.len(), "{}", path.display());
                for cell in &row.cells {
                    assert!(
                        !cell.text().is_empty(),
                        "{} {}: empty {}",
                        path.display(),
                        row.cycle,
                        cell.column
                    );
                    if ["eoas", "eol", "eoes", "discontinued"].contains(&cell.column.as_str()) {
                        assert!(
                            cell.status.is_some(),
                            "{} {}: {} has no status",
                            path.display(),
                            row.cycle,
                            cell.column
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn the_built_in_istio_file_is_the_seed() {
    assert_eq!(products::ISTIO, read("seed/istio.md"));
}

#[test]
fn istio_table_on_2022_05_01() {
    let table = table_on(&product("seed/istio.md"), "2022-05-01");
    assert_eq!(table.product, "istio");
    assert_eq!(table.caption, "Istio");
    let expected_headers = [
        ("release", "Release"),
        ("releaseDate", "Released"),
        ("eol", "End of Support"),
        ("latest", "Latest"),
    ];
    assert_eq!(
        headers(&table),
        expected_headers.map(|(id, h)| (id.to_owned(), h.to_owned()))
    );
    assert_eq!(
        rows(&table),
        [
            "1.13: 1.13 | 2 months and 2 weeks ago (11 Feb 2022) | Ends in 6 months (Oct 2022) [ok] | Unknown [unknown]",
            "1.12: 1.12 | 5 months ago (18 Nov 2021) | Ends in 2 months (Jun 2022) [soon] | Unknown [unknown]",
            "1.11: 1.11 | 8 months ago (12 Aug 2021) | Ended 1 month ago (Mar 2022) [ended] | Unknown [unknown]",
            "1.10: 1.10 | 11 months ago (18 May 2021) | Ended 3 months and 3 weeks ago (07 Jan 2022) [ended] | Unknown [unknown]",
            "1.9: 1.9 | 1 year and 2 months ago (09 Feb 2021) | Ended 6 months and 3 weeks ago (08 Oct 2021) [ended] | Unknown [unknown]",
            "1.8: 1.8 | 1 year and 5 months ago (10 Nov 2020) | Ended 11 months ago (12 May 2021) [ended] | Unknown [unknown]",
            "1.7: 1.7 | 1 year and 8 months ago (21 Aug 2020) | Ended 1 year and 2 months ago (25 Feb 2021) [ended] | Unknown [unknown]",
            "1.6 and earlier: 1.6 and earlier | Unknown [unknown] | Unknown [unknown] | Unknown [unknown]",
        ]
    );
    let maintained: Vec<bool> = table.rows.iter().map(|r| r.maintained).collect();
    assert_eq!(
        maintained,
        [true, true, false, false, false, false, false, false]
    );
    let struck: Vec<bool> = table.rows.iter().map(|r| r.cells[0].struck).collect();
    assert_eq!(struck, [false, false, true, true, true, true, true, false]);
    assert!(
        !table.rows[2].cells[3].struck,
        "an unknown latest version is not struck through"
    );
    assert_eq!(
        table.rows[0].cells[2].content,
        [Inline::Dated {
            phrase: "Ends in 6 months".into(),
            datetime: "2022-10".into(),
            text: "Oct 2022".into()
        }]
    );
    let hideable: Vec<bool> = table.rows.iter().map(|r| r.can_hide).collect();
    assert_eq!(
        hideable,
        [false, false, false, true, true, true, true, true],
        "the unmaintained run after 1.11 can be hidden"
    );
}

#[test]
fn istio_api_on_2022_05_01() {
    let api = api_on(&product("seed/istio.md"), "2022-05-01");
    assert_eq!(api.name, "istio");
    assert_eq!(api.label, "Istio");
    assert_eq!(api.category.as_deref(), Some("service"));
    assert_eq!(api.tags, ["service"]);
    assert_eq!(api.version_command.as_deref(), Some("istioctl version"));
    assert_eq!(api.labels.eol.as_deref(), Some("End of Support"));
    assert_eq!(api.labels.eoas, None);
    assert_eq!(
        api.links.icon.as_deref(),
        Some("https://cdn.jsdelivr.net/npm/simple-icons/icons/istio.svg")
    );
    assert_eq!(api.links.html, "https://endoflife.date/istio");
    assert_eq!(
        api.links.release_policy.as_deref(),
        Some("https://istio.io/latest/docs/releases/supported-releases/#support-status-of-istio-releases")
    );
    assert_eq!(api.warnings.len(), 1, "{:?}", api.warnings);
    let summary: Vec<_> = api
        .releases
        .iter()
        .map(|r| {
            (
                r.name.as_str(),
                r.is_eol,
                r.eol_from.as_deref(),
                r.is_maintained,
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("1.13", Some(false), Some("2022-10"), true),
            ("1.12", Some(false), Some("2022-06"), true),
            ("1.11", Some(true), Some("2022-03"), false),
            ("1.10", Some(true), Some("2022-01-07"), false),
            ("1.9", Some(true), Some("2021-10-08"), false),
            ("1.8", Some(true), Some("2021-05-12"), false),
            ("1.7", Some(true), Some("2021-02-25"), false),
            ("1.6 and earlier", None, None, false),
        ]
    );
    let first = &api.releases[0];
    assert_eq!(first.release_date.as_deref(), Some("2022-02-11"));
    assert_eq!(first.is_eoas, None, "eoas column off: left out");
    let latest = first.latest.as_ref().unwrap();
    assert_eq!(latest.name, None);
    assert_eq!(
        latest.link.as_deref(),
        Some("https://istio.io/latest/docs/releases/supported-releases/#support-status-of-istio-releases")
    );
    assert_eq!(first.custom, None);
}

#[test]
fn looker_2022_sorts_by_short_hand_and_links_labels_when_latest_is_off() {
    let looker = product("fixtures/2022/looker.md");
    let table = table_on(&looker, "2022-05-01");
    assert_eq!(
        headers(&table),
        [
            ("release", "Release"),
            ("releaseDate", "Released"),
            ("eol", "Support Status")
        ]
        .map(|(id, h)| (id.to_owned(), h.to_owned()))
    );
    let cycles: Vec<_> = table
        .rows
        .iter()
        .take(4)
        .map(|r| r.cycle.as_str())
        .collect();
    assert_eq!(cycles, ["22.8", "22.6", "22.4", "22.2"]);
    let upcoming = &table.rows[1].cells[0];
    assert_eq!(upcoming.text(), "22.6 (Upcoming ESR)");
    assert_eq!(
        upcoming.content[0],
        Inline::Link {
            href: "https://docs.looker.com/relnotes/v22-changelog#22.6".into(),
            text: "22.6".into()
        }
    );
    assert_eq!(
        upcoming.content[2],
        Inline::Abbr {
            title: "Extended Support Release".into(),
            text: "ESR".into()
        }
    );
    assert_eq!(table.rows[4].cells[0].text(), "22.0 (ESR)");
    let api = api_on(&looker, "2022-05-01");
    assert_eq!(api.releases[1].label, "22.6 (Upcoming ESR)");
    assert_eq!(api.releases[1].lts_from.as_deref(), Some("2022-06-01"));
    assert!(!api.releases[1].is_lts);
    assert!(api.releases[4].is_lts);
    assert_eq!(api.releases[0].latest, None, "latest column off");
}

#[test]
fn pixel_2022_maps_support_and_shows_discontinued() {
    let pixel = product("fixtures/2022/pixel.md");
    let table = table_on(&pixel, "2022-05-31");
    assert_eq!(
        headers(&table),
        [
            ("release", "Release"),
            ("releaseDate", "Released"),
            ("discontinued", "Discontinued"),
            ("eol", "Software Update (Guaranteed)")
        ]
        .map(|(id, h)| (id.to_owned(), h.to_owned()))
    );
    assert_eq!(
        rows(&table)[0],
        "Pixel 6 Pro: Pixel 6 Pro | 7 months ago (28 Oct 2021) | In Production [ok] | Ends in 4 years (31 Oct 2026) [ok]"
    );
    let api = api_on(&pixel, "2022-05-31");
    assert_eq!(api.releases[0].is_discontinued, Some(Some(false)));
    assert_eq!(api.releases[0].is_eoas, None, "eoas column off");
    assert!(api.labels.eoas.is_none());
}

#[test]
fn mssqlserver_custom_fields_are_api_only_and_eoes_shows_unavailable() {
    let sql = product("fixtures/current/mssqlserver.md");
    let table = table_on(&sql, "2026-11-28");
    let ids: Vec<_> = table.columns.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(
        ids,
        ["release", "releaseDate", "eoas", "eol", "eoes", "latest"]
    );
    assert_eq!(table.columns[4].header, "Extended Security Updates");
    assert_eq!(
        rows(&table)[0],
        "17.0: 2025 | 1 year ago (18 Nov 2025) | Ends in 4 years (06 Jan 2031) [ok] | Ends in 9 years (06 Jan 2036) [ok] | Unavailable [unavailable] | 17.0.4075.5 CU8 (13 Aug 2026)"
    );
    assert_eq!(table.rows[1].cells[0].text(), "2022 'Dallas'");
    let api = api_on(&sql, "2026-11-28");
    let custom = api.releases[0].custom.as_ref().unwrap();
    assert_eq!(
        custom.get("latestGdr"),
        Some(&Some("17.0.1125.2".to_owned()))
    );
    assert_eq!(
        api.releases[0].is_eoes,
        Some(None),
        "eoes column on, no value: null"
    );
    assert_eq!(
        api.releases[0].latest.as_ref().unwrap().link.as_deref(),
        Some("https://support.microsoft.com/help/5104822")
    );
}

#[test]
fn electron_custom_columns_follow_the_release_column() {
    let table = table_on(&product("fixtures/current/electron.md"), "2026-11-28");
    let ids: Vec<_> = table.columns.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "release",
            "chromeVersion",
            "nodeVersion",
            "releaseDate",
            "eol",
            "latest"
        ]
    );
    assert_eq!(
        rows(&table)[0],
        "43: 43 | M150 | 24 | 5 months ago (30 Jun 2026) | Ends in 1 month and 1 week (05 Jan 2027) [soon] | 43.4.1 (19 Aug 2026)"
    );
}

#[test]
fn crlf_line_endings_and_a_byte_order_mark_change_nothing() {
    for relative in [
        "seed/istio.md",
        "fixtures/current/mssqlserver.md",
        "fixtures/2022/opensuse.md",
    ] {
        let text = read(relative);
        let windows = format!("\u{feff}{}", text.replace('\n', "\r\n"));
        let a = parse(&text).unwrap();
        let b = parse(&windows).unwrap_or_else(|err| panic!("{relative} with CRLF: {err}"));
        assert_eq!(a.releases, b.releases, "{relative}");
        assert_eq!(a.columns, b.columns, "{relative}");
        assert_eq!(a.title, b.title, "{relative}");
    }
}
