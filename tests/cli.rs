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

/// The output, stderr and exit code of `eol-table ARGS` with `env` set.
fn eol_table_status(args: &[&str], env: &[(&str, &str)]) -> (Option<i32>, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_eol-table"))
        .args(args)
        .envs(env.iter().copied())
        .output()
        .expect("the eol-table command runs");
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// A folder with the stack files of a test, removed when dropped.
struct Dir(std::path::PathBuf);

impl Dir {
    fn new(name: &str) -> Dir {
        let dir = std::env::temp_dir().join(format!("eol-table-cli-{name}-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("products")).unwrap();
        Dir(dir)
    }

    fn write(&self, name: &str, text: &str) -> String {
        let path = self.0.join(name);
        std::fs::write(&path, text).unwrap();
        path.to_str().unwrap().to_owned()
    }

    fn path(&self, name: &str) -> String {
        self.0.join(name).to_str().unwrap().to_owned()
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        std::fs::remove_dir_all(&self.0).ok();
    }
}

const DONE_WHEN: &str = "products:\n  - product: istio\n    version: 1.12.4\n  - product: istio\n    version: 1.9.0\n  - product: nosuch\n    version: \"1\"\n";

#[test]
fn stack_exits_1_once_an_entry_has_ended_and_0_before() {
    let dir = Dir::new("done-when");
    let stack = dir.write("stack.yml", DONE_WHEN);
    let (code, out, err) = eol_table_status(&["stack", &stack, "--today", "2022-05-01"], &[]);
    assert_eq!(code, Some(1), "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines[0].starts_with("Product  Your version  Cycle    Status"),
        "{out}"
    );
    assert!(
        lines[1].starts_with("Istio    1.9.0         1.9      Ended"),
        "{out}"
    );
    assert!(
        lines[2].starts_with("Istio    1.12.4        1.12     Ends soon"),
        "{out}"
    );
    assert!(
        lines[3]
            .starts_with("nosuch   1             Unknown  Unknown: there is no product `nosuch`"),
        "{out}"
    );
    assert!(
        out.ends_with("\n3 products: 1 past end of life, 1 ending within 60 days, 1 unknown\n"),
        "{out}"
    );
    assert!(!out.contains('\u{1b}'), "no colour when not on a terminal");
    assert!(
        err.contains("eol-table: nosuch 1: there is no product `nosuch`"),
        "{err}"
    );
    assert!(
        err.ends_with("eol-table: 1 entry has ended (--fail-on ended)\n"),
        "{err}"
    );

    // before 1.9's end of life nothing has ended; the unknown entry is said, and does not fail
    let (code, out, err) = eol_table_status(&["stack", &stack, "--today", "2021-01-01"], &[]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("3 products: 1 unknown"), "{out}");
    assert!(err.contains("nosuch 1: there is no product"), "{err}");
}

#[test]
fn stack_fail_on_soon_also_fails_what_ends_soon() {
    let dir = Dir::new("soon");
    let stack = dir.write(
        "stack.yml",
        "products:\n  - product: istio\n    version: 1.12.4\n",
    );
    let run = |rule: &str| {
        eol_table_status(
            &["stack", &stack, "--today", "2022-05-01", "--fail-on", rule],
            &[],
        )
    };
    assert_eq!(run("ended").0, Some(0));
    let (code, _, err) = run("soon");
    assert_eq!(code, Some(1));
    assert!(
        err.ends_with("1 entry has ended or ends soon (--fail-on soon)\n"),
        "{err}"
    );
    let (code, _, err) = run("never");
    assert_eq!(code, Some(2));
    assert!(
        err.starts_with("eol-table: --fail-on must be ended or soon, found `never`"),
        "{err}"
    );
}

#[test]
fn stack_bad_input_exits_2_with_the_place() {
    let dir = Dir::new("bad");
    let stack = dir.write(
        "stack.yml",
        "products:\n  - product: istio\n    verison: 1\n",
    );
    let (code, out, err) = eol_table_status(&["stack", &stack], &[]);
    assert_eq!(code, Some(2));
    assert!(out.is_empty());
    assert!(
        err.contains("stack.yml: line 3, column 5: products[0]: unknown field `verison`"),
        "{err}"
    );
    assert_eq!(
        eol_table_status(&["stack", &dir.path("missing.yml")], &[]).0,
        Some(2)
    );
    assert_eq!(eol_table_status(&["stack"], &[]).0, Some(2));
    let good = dir.write("good.yml", DONE_WHEN);
    let (code, _, err) = eol_table_status(&["stack", &good, "--format", "pdf"], &[]);
    assert_eq!(code, Some(2));
    assert!(
        err.starts_with("eol-table: unknown stack output format `pdf`"),
        "{err}"
    );
    assert_eq!(
        eol_table_status(&["stack", &good, "--today", "soon"], &[]).0,
        Some(2)
    );
}

#[test]
fn stack_reads_products_from_src_and_the_products_folder() {
    let dir = Dir::new("sources");
    dir.write(
        "products/thing.md",
        "---\ntitle: Thing\nreleases:\n  - releaseCycle: \"2\"\n    eol: 2023-01-01\n---\n",
    );
    dir.write(
        "other.md",
        "---\ntitle: Other\nreleases:\n  - releaseCycle: \"5\"\n    eol: 2020-01-01\n---\n",
    );
    let stack = dir.write(
        "stack.yml",
        "products:\n  - product: thing\n    version: \"2.0\"\n  - product: other\n    version: \"5.1\"\n    src: other.md\n  - product: gone\n    version: \"1\"\n    src: gone.md\n",
    );
    let (code, out, err) = eol_table_status(
        &[
            "stack",
            &stack,
            "--products",
            &dir.path("products"),
            "--today",
            "2022-05-01",
            "--format",
            "csv",
        ],
        &[],
    );
    assert_eq!(code, Some(1), "other 5 has ended: {err}");
    let rows: Vec<&str> = out.split("\r\n").collect();
    assert_eq!(
        rows[0],
        "Product,Your version,Cycle,Status,End of life,Latest in cycle,Upgrade to,Days left"
    );
    assert!(
        rows[1].starts_with("Other,5.1,5,Ended,2020-01-01,"),
        "{out}"
    );
    assert!(
        rows[2].starts_with("Thing,2.0,2,Supported,2023-01-01,"),
        "{out}"
    );
    assert!(
        rows[3].starts_with("gone,1,Unknown,Unknown: could not read "),
        "{out}"
    );
}

#[test]
fn stack_formats_md_json_and_one_calendar() {
    let dir = Dir::new("formats");
    let stack = dir.write("stack.yml", &format!("title: Ours\n{DONE_WHEN}"));
    let run = |format: &str| {
        let (code, out, _) = eol_table_status(
            &["stack", &stack, "--today", "2022-05-01", "--format", format],
            &[],
        );
        assert_eq!(code, Some(1), "{format}");
        out
    };
    let md = run("md");
    assert!(md.starts_with("| Product | Your version | Cycle | Status | End of life | Latest in cycle | Upgrade to | Days left |\n| --- |"), "{md}");
    assert!(
        md.contains("| Istio | 1.12.4 | 1.12 | Ends soon | 2022-06 |"),
        "{md}"
    );
    let json: serde_json::Value = serde_json::from_str(&run("json")).unwrap();
    assert_eq!(json["title"], "Ours");
    assert_eq!(json["results"][0]["version"], "1.9.0");
    assert_eq!(json["results"][1]["daysLeft"], 60);
    assert_eq!(json["results"][2]["problem"], "unknownProduct");
    assert_eq!(json["summary"]["ended"], 1);
    let ics = run("ics");
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"), "{ics}");
    assert!(ics.contains("X-WR-CALNAME:Ours\r\n"), "{ics}");
    // one end of life for each of the two cycles in use, not the product's every date
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 2, "{ics}");
    assert!(
        ics.contains("UID:istio-1.12-eol@eol-table\r\n")
            && ics.contains("UID:istio-1.9-eol@eol-table\r\n"),
        "{ics}"
    );
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
}

#[test]
fn stack_table_is_never_coloured_with_no_color_set() {
    let dir = Dir::new("colour");
    let stack = dir.write("stack.yml", DONE_WHEN);
    let (_, out, _) = eol_table_status(
        &["stack", &stack, "--today", "2022-05-01"],
        &[("NO_COLOR", "1")],
    );
    assert!(!out.contains('\u{1b}'));
}

#[test]
fn badge_writes_the_svg_or_the_shields_endpoint_json() {
    let (code, svg, _) = eol_table_status(
        &[
            "badge",
            "--product",
            "istio",
            "--version",
            "1.12.4",
            "--today",
            "2022-05-01",
        ],
        &[],
    );
    assert_eq!(code, Some(0));
    assert!(
        svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""),
        "{svg}"
    );
    let (code, json, _) = eol_table_status(
        &[
            "badge",
            &seed(),
            "--version",
            "1.9.0",
            "--today",
            "2022-05-01",
            "--endpoint",
        ],
        &[],
    );
    assert_eq!(code, Some(0));
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "schemaVersion": 1,
            "label": "Istio 1.9",
            "message": "ended 6 months and 3 weeks ago",
            "color": "f77e7e"
        })
    );
    let (code, _, err) = eol_table_status(&["badge", &seed()], &[]);
    assert_eq!(code, Some(2));
    assert!(err.starts_with("eol-table: badge needs --version"), "{err}");
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

#[test]
fn stack_and_badge_take_a_locale_and_word_the_headers_summary_and_badge_in_it() {
    let dir = Dir::new("stack-locale");
    let stack = dir.write("stack.yml", DONE_WHEN);
    let english = eol_table_status(
        &["stack", &stack, "--today", "2022-05-01", "--format", "md"],
        &[],
    );
    let (code, out, err) = eol_table_status(
        &[
            "stack",
            &stack,
            "--today",
            "2022-05-01",
            "--format",
            "md",
            "--locale",
            "de",
        ],
        &[],
    );
    // The exit status does not depend on the language.
    assert_eq!((code, english.0), (Some(1), Some(1)), "{err}");
    let header = out.lines().next().unwrap();
    assert!(
        english.1.starts_with("| Product | Your version |"),
        "{}",
        english.1
    );
    assert!(!header.contains("Product"), "{header}");
    assert!(!header.contains("Your version"), "{header}");
    assert!(out.contains("Istio"), "{out}");
    let (code, table, _) = eol_table_status(
        &["stack", &stack, "--today", "2022-05-01", "--locale", "de"],
        &[("NO_COLOR", "1")],
    );
    assert_eq!(code, Some(1));
    let summary = table.lines().last().unwrap();
    assert!(!summary.contains("products"), "{summary}");
    assert!(summary.starts_with("3 "), "{summary}");
    let (code, _, err) = eol_table_status(&["stack", &stack, "--locale", "no tag"], &[]);
    assert_eq!(code, Some(2));
    assert!(err.contains("--locale must be a language tag"), "{err}");

    let badge = |locale: &str| {
        let (code, json, err) = eol_table_status(
            &[
                "badge",
                "--product",
                "istio",
                "--version",
                "1.9.0",
                "--today",
                "2022-05-01",
                "--endpoint",
                "--locale",
                locale,
            ],
            &[],
        );
        assert_eq!(code, Some(0), "{err}");
        serde_json::from_str::<serde_json::Value>(&json).unwrap()
    };
    let (en, fr) = (badge("en"), badge("fr"));
    assert_eq!(en["message"], "ended 6 months and 3 weeks ago");
    assert_ne!(fr["message"], en["message"]);
    assert_eq!(fr["color"], en["color"]);
}
