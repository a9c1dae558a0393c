//! The server-side rendering command, run as a user would.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

fn eol_table(args: &[&str]) -> (bool, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_eol-table"))
        .args(args)
        .output()
        .expect("the eol-table command runs");
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn seed() -> String {
    concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seed/istio.md").to_owned()
}

#[test]
fn render_prints_the_table_markup_of_the_widget() {
    let (ok, html, _) = eol_table(&["render", &seed(), "--today", "2022-05-01"]);
    assert!(ok);
    assert!(html.starts_with("<div class=\"eol-table\" data-product=\"istio\""));
    assert_eq!(html.matches("<tr data-cycle=").count(), 8);
    assert!(html.contains("data-status=\"soon\""));
    assert!(html.contains("Ends in 2 months ("));
}

#[test]
fn render_page_is_a_whole_styled_document() {
    let (ok, html, _) = eol_table(&["render", &seed(), "--today", "2022-05-01", "--page"]);
    assert!(ok);
    assert!(html.starts_with("<!doctype html>"));
    assert!(html.contains("<title>Istio</title>"));
    // The default stylesheet, as build.rs shrinks it.
    assert!(html.contains("--eol-ok:light-dark(#41d693,#3fcf8e);"));
}

#[test]
#[cfg(feature = "markdown")]
fn render_page_shows_the_description_above_the_table_and_the_notes_below() {
    let (ok, html, _) = eol_table(&["render", &seed(), "--today", "2022-05-01", "--page"]);
    assert!(ok);
    let description = html
        .find("<p class=\"eol-table-description\"><a href=\"https://istio.io\" rel=\"noopener noreferrer\">Istio</a> is an open source service mesh")
        .unwrap();
    let table = html.find("<div class=\"eol-table\"").unwrap();
    let notes = html
        .find("<div class=\"eol-table-notes\"><p>Istio produce new builds")
        .unwrap();
    assert!(description < table && table < notes);
    assert!(html.contains("<h3 id=\"upgrading\">Upgrading</h3><p>Istio recommends <a href=\"https://istio.io/latest/docs/setup/upgrade/canary/\" rel=\"noopener noreferrer\">canary upgrades</a>"));
    assert!(!html.contains("<blockquote>"));
}

#[test]
fn render_page_escapes_raw_html_in_the_body() {
    let file = std::env::temp_dir().join("eol-table-cli-hostile-body.md");
    std::fs::write(
        &file,
        "---\ntitle: X\nreleases:\n- releaseCycle: \"1\"\n---\n> Hi <script>alert(1)</script> [x](javascript:alert(1))\n\n<img src=x onerror=alert(1)>\n",
    )
    .unwrap();
    let (ok, html, _) = eol_table(&[
        "render",
        file.to_str().unwrap(),
        "--today",
        "2022-05-01",
        "--page",
    ]);
    std::fs::remove_file(&file).ok();
    assert!(ok);
    assert!(!html.contains("<script>"));
    assert!(!html.contains("<img"));
    assert!(!html.contains("javascript:"));
    #[cfg(feature = "markdown")]
    assert!(html.contains(
        "<p class=\"eol-table-description\">Hi &lt;script&gt;alert(1)&lt;/script&gt; x</p>"
    ));
}

#[test]
fn built_in_products_render_by_id() {
    let (ok, ids, _) = eol_table(&["products"]);
    assert!(ok);
    assert_eq!(ids.lines().next(), Some("istio"));
    let (ok, html, _) = eol_table(&["render", "--product", "istio", "--today", "2022-05-01"]);
    assert!(ok);
    assert_eq!(
        html,
        eol_table(&["render", &seed(), "--today", "2022-05-01"]).1
    );
}

#[test]
fn a_build_embeds_every_file_of_eol_table_products() {
    let root = env!("CARGO_MANIFEST_DIR");
    let output = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned()))
        .current_dir(root)
        .args([
            "run",
            "-q",
            "--bin",
            "eol-table",
            "--target-dir",
            "target/embedded",
            "--",
            "products",
        ])
        .env(
            "EOL_TABLE_PRODUCTS",
            format!("{root}/../shared/fixtures/current"),
        )
        .output()
        .expect("cargo runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let ids = String::from_utf8_lossy(&output.stdout);
    let ids: Vec<&str> = ids.lines().collect();
    assert_eq!(ids.first(), Some(&"istio"), "the seed is always built in");
    assert!(
        ids.contains(&"electron") && ids.contains(&"mssqlserver"),
        "{ids:?}"
    );
    assert_eq!(ids.len(), 25, "istio and the 24 current fixtures");
}

#[test]
fn export_writes_the_table_as_text_or_the_end_dates_as_a_calendar() {
    let export = |to: &str| eol_table(&["export", "--to", to, &seed(), "--today", "2022-05-01"]);
    let (ok, csv, _) = export("csv");
    assert!(ok);
    assert!(csv.starts_with("Release,Released,End of Support,Latest\r\n1.13,2022-02-11,2022-10,"));
    let (ok, md, _) = export("md");
    assert!(ok);
    assert!(md.starts_with("| Release | Released | End of Support | Latest |\n| --- |"));
    let (ok, json, _) = export("json");
    assert!(ok);
    assert!(json.starts_with("[\n  {\"cycle\":\"1.13\","));
    let (ok, ics, _) = export("ics");
    assert!(ok);
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 7);
    let (ok, by_id, _) = eol_table(&[
        "export",
        "--to",
        "ics",
        "--product",
        "istio",
        "--today",
        "2022-05-01",
    ]);
    assert!(ok);
    assert_eq!(by_id, ics);
}

#[test]
fn bad_input_and_bad_arguments_fail_with_a_message() {
    let dir = std::env::temp_dir().join(format!("eol-table-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.md");
    std::fs::write(
        &bad,
        "---\nreleases:\n  - releaseCycle: \"1\"\n    eol: soon\n---\n",
    )
    .unwrap();
    let (ok, _, err) = eol_table(&["render", bad.to_str().unwrap()]);
    assert!(!ok);
    assert!(
        err.contains("line 4, column 10: `eol` must be a date"),
        "{err}"
    );
    let (ok, _, err) = eol_table(&["render"]);
    assert!(!ok);
    assert!(err.contains("usage: eol-table render"), "{err}");
    let (ok, _, err) = eol_table(&["export", &seed()]);
    assert!(!ok);
    assert!(
        err.starts_with("eol-table: export needs --to csv, md, json or ics"),
        "{err}"
    );
    let (ok, _, err) = eol_table(&["export", "--to", "pdf", &seed()]);
    assert!(!ok);
    assert!(
        err.starts_with("eol-table: unknown export format `pdf`"),
        "{err}"
    );
    let (ok, _, err) = eol_table(&["export", "--to", "csv", "--page", &seed()]);
    assert!(!ok);
    assert!(
        err.starts_with("eol-table: unknown option `--page`"),
        "{err}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn render_timeline_puts_the_chart_svg_before_the_table() {
    let (ok, html, _) = eol_table(&["render", &seed(), "--today", "2022-05-01", "--timeline"]);
    assert!(ok);
    assert!(html.starts_with("<div class=\"eol-timeline\" data-product=\"istio\""));
    assert!(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(html.contains("aria-label=\"Istio release timeline: 7 cycles from 2020 to 2022\""));
    assert_eq!(
        html.matches("<g class=\"eol-tl-row\" tabindex=\"0\"")
            .count(),
        7
    );
    assert!(html.contains("data-theme=\"auto\""));
    let table = html
        .find("<div class=\"eol-table\"")
        .expect("the table follows");
    assert!(html.find("</svg>").unwrap() < table);
}

#[test]
fn render_locale_words_the_table_in_that_language() {
    let (ok, html, err) = eol_table(&[
        "render",
        &seed(),
        "--today",
        "2022-05-01",
        "--locale",
        "fr",
        "--timeline",
    ]);
    assert!(ok, "{err}");
    assert!(html.contains("lang=\"fr\" dir=\"ltr\""));
    assert!(html.contains(">Sortie</th>"));
    assert!(html.contains(">Dernière</th>"));
    // The seed names its eol column: data stays as given.
    assert!(html.contains(">End of Support</th>"));
    assert!(html.contains("Fin dans 2 mois ("));
    assert!(html.contains("18 nov. 2021"));
    assert!(html.contains(">Aujourd’hui</text>"));
    assert!(!html.contains("Released"));
    assert!(!html.contains(">Today<"));
}

#[test]
fn render_locale_arabic_is_right_to_left_and_counts_in_arabic() {
    let (ok, html, err) = eol_table(&[
        "render",
        &seed(),
        "--today",
        "2022-05-01",
        "--locale",
        "ar",
        "--page",
    ]);
    assert!(ok, "{err}");
    assert!(html.contains("<html lang=\"ar\" dir=\"rtl\">"));
    assert!(html.contains("lang=\"ar\" dir=\"rtl\""));
    // 2 months: the dual form.
    assert!(html.contains("ينتهي خلال شهرين"), "{html}");
}

#[test]
fn export_locale_translates_the_headers_not_the_data() {
    let (ok, csv, err) = eol_table(&[
        "export",
        "--to",
        "csv",
        &seed(),
        "--today",
        "2022-05-01",
        "--locale",
        "de",
    ]);
    assert!(ok, "{err}");
    assert!(
        csv.starts_with("Version,Veröffentlicht,End of Support,Neueste\r\n"),
        "{csv}"
    );
    assert!(csv.contains("2022-06"));
    let (ok, ics, err) = eol_table(&[
        "export",
        "--to",
        "ics",
        &seed(),
        "--today",
        "2022-05-01",
        "--locale",
        "fr",
    ]);
    assert!(ok, "{err}");
    assert!(ics.contains("SUMMARY:Istio 1.12: fin de vie\r\n"), "{ics}");
    assert!(ics.contains("(seul le mois est connu"), "{ics}");
}

#[test]
fn a_locale_without_a_catalogue_falls_back_to_english() {
    let (ok, csv, _) = eol_table(&[
        "export",
        "--to",
        "csv",
        &seed(),
        "--today",
        "2022-05-01",
        "--locale",
        "sw",
    ]);
    assert!(ok);
    assert!(
        csv.starts_with("Release,Released,End of Support,Latest\r\n"),
        "{csv}"
    );
    let (ok, _, err) = eol_table(&["render", &seed(), "--locale", "<fr>"]);
    assert!(!ok);
    assert!(err.contains("--locale must be a language tag such as fr or pt-BR, found `<fr>`"));
}
