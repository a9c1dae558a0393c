//! The exported calendars, read by a real iCalendar parser: Python's `icalendar` (installed into
//! `.tools/py` by `scripts/setup.sh`, or any interpreter named by `EOL_PYTHON`) parses the
//! calendar of the seed, of every fixture and of a product made to be awkward
//! (`tests/ical/awkward.md`), and checks them against the JSON export of the same product
//! (`tests/ical/check_ical.py`).
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

const TODAY: &str = "2022-05-01";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The product files: the seed, every fixture, and `tests/ical/awkward.md`.
fn product_files() -> Vec<PathBuf> {
    let shared = root().join("../shared");
    let mut files = vec![
        shared.join("seed/istio.md"),
        root().join("tests/ical/awkward.md"),
    ];
    for folder in ["fixtures/2022", "fixtures/current"] {
        let dir = shared.join(folder);
        let mut found: Vec<PathBuf> = fs::read_dir(&dir)
            .unwrap_or_else(|err| panic!("{}: {err}", dir.display()))
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
            .collect();
        found.sort();
        assert!(!found.is_empty(), "no product files in {}", dir.display());
        files.extend(found);
    }
    files
}

/// `EOL_PYTHON`, else `.tools/py/bin/python3`, when it can import icalendar. Without one, plain
/// `cargo test` skips the check and says so; `make test` (which sets `EOL_REQUIRE_TOOLS=1`)
/// fails instead.
fn python() -> Option<PathBuf> {
    let venv = root().join(".tools/py/bin/python3");
    let python = match std::env::var_os("EOL_PYTHON") {
        Some(path) => PathBuf::from(path),
        None => venv,
    };
    let works = Command::new(&python)
        .args(["-c", "import icalendar"])
        .output()
        .is_ok_and(|out| out.status.success());
    if works {
        return Some(python);
    }
    let why = format!(
        "the calendar test needs Python with the icalendar package, and {} cannot import it: \
         run `bash scripts/setup.sh` (it creates .tools/py), or set EOL_PYTHON to a python3 that has icalendar",
        python.display()
    );
    assert!(std::env::var_os("EOL_REQUIRE_TOOLS").is_none(), "{why}");
    // Straight to stderr: libtest captures eprintln!, and this must show in a passing run.
    let _ = writeln!(std::io::stderr(), "tests/ical.rs: skipped: {why}");
    None
}

/// `eol-table export --to <to> <file> --today TODAY`, written to `out`.
fn export(to: &str, file: &Path, out: &Path) {
    let output = Command::new(env!("CARGO_BIN_EXE_eol-table"))
        .args(["export", "--to", to])
        .arg(file)
        .args(["--today", TODAY])
        .output()
        .expect("the eol-table command runs");
    assert!(
        output.status.success(),
        "{}: {}",
        file.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    fs::write(out, output.stdout).unwrap();
}

#[test]
fn every_exported_calendar_parses_and_matches_the_table() {
    let Some(python) = python() else {
        return;
    };
    let dir = std::env::temp_dir().join(format!("eol-table-ical-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    let files = product_files();
    let mut calendars = Vec::new();
    for file in &files {
        let folder = file.parent().and_then(Path::file_name).unwrap();
        let stem = file.file_stem().unwrap();
        let name = format!("{}-{}", folder.to_string_lossy(), stem.to_string_lossy());
        let ics = dir.join(format!("{name}.ics"));
        export("ics", file, &ics);
        export("json", file, &dir.join(format!("{name}.json")));
        calendars.push(ics);
    }
    let output = Command::new(&python)
        .arg(root().join("tests/ical/check_ical.py"))
        .args(&calendars)
        .output()
        .expect("python runs");
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{report}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        report.contains(&format!("checked {} calendars", files.len())),
        "{report}"
    );
    assert!(report.contains("seed-istio.ics: ok, 7 events"), "{report}");
    assert!(
        report.contains("ical-awkward.ics: ok, 5 events"),
        "{report}"
    );
    fs::remove_dir_all(&dir).unwrap();
}
