//! Hostile inputs under the size limit, generated: alias and anchor multiplication, placeholder
//! expansion, costly templates across many releases, many anchors, many keys. Each must give a
//! product or a clear error, and reading, evaluating and building everything the widget and the
//! exports build from it must never hold more than 64 times the input (nor over 256 MiB), counted
//! by the allocator of this test. How long each takes is reported by `scripts/hostile.mjs`, in
//! the browser; nothing here asserts on time.

#![cfg(not(target_family = "wasm"))]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use eol_table::core::date::Day;
use eol_table::core::input::{self, Format};
use eol_table::core::wording::English;
use eol_table::core::{api, export, html, lookup, table, view};

/// The system allocator, counting the bytes held now and at most since the last reset.
struct Counting;

static HELD: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let ptr = System.alloc(layout);
        if !ptr.is_null() {
            let held = HELD.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(held, Ordering::Relaxed);
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout);
        HELD.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// 2022-05-01.
const DAY: i64 = 19_113;
const MIB: usize = 1024 * 1024;

/// Everything the widget and the exports build from `source`, and the most memory held on the way
/// beyond what was held before. Tests run one at a time (see `main`-less harness note below).
fn peak_while_using(source: &str) -> (Result<usize, String>, usize) {
    let before = HELD.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let outcome = input::read(source, Format::Auto).map(|product| {
        let view = view::evaluate(&product, Day::from_number(DAY));
        let table = table::build(&view, &English);
        let html = html::table(&table);
        let api = api::build(&view);
        let csv = export::to_csv(&view);
        let json = export::to_json(&view);
        let ics = export::to_icalendar(&view);
        let check = lookup::check(&view, "1.2.3");
        html.len() + api.releases.len() + csv.len() + json.len() + ics.len() + check.message.len()
    });
    let peak = PEAK.load(Ordering::Relaxed).saturating_sub(before);
    (outcome.map_err(|err| err.to_string()), peak)
}

#[track_caller]
fn assert_bounded(name: &str, source: &str) -> Result<usize, String> {
    assert!(
        source.len() < 4 * MIB,
        "{name}: the input must be under the 4 MiB limit"
    );
    let (outcome, peak) = peak_while_using(source);
    let ratio = peak as f64 / source.len() as f64;
    eprintln!(
        "{name}: {} KiB in, {:.1} MiB held at most ({ratio:.1}x): {}",
        source.len() / 1024,
        peak as f64 / MIB as f64,
        match &outcome {
            Ok(_) => "rendered".to_owned(),
            Err(err) => format!("error: {err}"),
        }
    );
    assert!(
        peak <= 64 * source.len().max(64 * 1024),
        "{name}: {peak} bytes held for {} bytes of input",
        source.len()
    );
    assert!(peak <= 256 * MIB, "{name}: {peak} bytes held");
    outcome
}

/// One test, so that the counted peaks of different inputs never overlap in parallel threads.
#[test]
fn hostile_inputs_stay_within_memory_budgets() {
    let big = "x".repeat(MIB);

    // A 1 MiB anchored string aliased 1,000 and 5,000 times in a field nobody reads: skipped.
    for times in [1_000, 5_000] {
        let source = format!(
            "title: Bomb\nbig: &big {big}\nunused: [{}]\nreleases:\n- releaseCycle: \"1\"\n",
            vec!["*big"; times].join(", ")
        );
        assert!(assert_bounded(&format!("1 MiB aliased {times} times, unread"), &source).is_ok());
    }

    // The same string where it is kept (each release's codename): over the budget, an error with
    // the place of the value.
    let mut source = format!("title: Kept\nbig: &big {big}\nreleases:\n");
    for i in 0..400 {
        source.push_str(&format!("- releaseCycle: \"{i}\"\n  codename: *big\n"));
    }
    let err = assert_bounded("1 MiB aliased into 400 codenames", &source).unwrap_err();
    assert!(
        err.contains("take more than") && err.starts_with("line "),
        "{err}"
    );

    // Nested anchors around a large scalar, in a list that is kept (`tags`).
    let mut source = format!("title: Nested\nbig: &a0 {}\n", "y".repeat(3 * MIB));
    for level in 1..=6 {
        source.push_str(&format!(
            "l{level}: &a{level} [*a{}, *a{}]\n",
            level - 1,
            level - 1
        ));
    }
    source.push_str("tags: *a6\nreleases: []\n");
    let err = assert_bounded("nested anchors around 3 MiB, kept", &source).unwrap_err();
    assert!(err.contains("take more than"), "{err}");

    // Placeholder expansion: a template of 12,000 placeholders with a 200,000-character cycle.
    let cycle = "9".repeat(200_000);
    let source = format!(
        "title: Expand\nchangelogTemplate: \"{}\"\nreleaseLabel: \"{}\"\nreleases:\n- releaseCycle: \"{cycle}\"\n",
        "__RELEASE_CYCLE__".repeat(12_000),
        "__RELEASE_CYCLE__".repeat(12_000)
    );
    assert!(assert_bounded("12,000 placeholders of a 200,000-character cycle", &source).is_ok());

    // A costly template across many releases: split into characters, then 300 slices.
    let filters = " | slice: 0, 100000".repeat(300);
    let mut source = format!(
        "title: Costly\nchangelogTemplate: \"https://x.example/{{{{ '{}' | split: '' {filters} | join: '-' }}}}\"\nreleases:\n",
        "z".repeat(20_000)
    );
    for i in 0..60 {
        source.push_str(&format!("- releaseCycle: \"{i}\"\n"));
    }
    assert!(assert_bounded("split and 300 slices over 60 releases", &source).is_ok());

    // 40,000 anchors with similar names, each aliased once.
    let mut source = String::from("title: Anchors\nreleases: []\n");
    for i in 0..40_000 {
        source.push_str(&format!(
            "a{i:07}x: &anchor{i:07}name v\nb{i:07}x: *anchor{i:07}name\n"
        ));
    }
    assert!(assert_bounded("40,000 anchors", &source).is_ok());

    // A JSON object of 100,000 keys (the API reader keeps the last of a repeated key).
    let mut source = String::from("{\"name\": \"keys\", \"releases\": [], \"junk\": {");
    for i in 0..100_000 {
        source.push_str(&format!("\"k{i}\": {i},"));
    }
    source.push_str("\"end\": 0}}");
    assert!(assert_bounded("a JSON object of 100,000 keys", &source).is_ok());

    // The most releases a 4 MiB file of minimal releases holds, in flow style.
    let mut source = String::from("title: Many\nreleases: [");
    let mut i = 0;
    while source.len() < 4 * MIB - 64 {
        source.push_str(&format!("{{releaseCycle: \"{i}\"}},"));
        i += 1;
    }
    source.push_str("]\n");
    let outcome = assert_bounded("minimal releases up to 4 MiB", &source);
    assert!(outcome.is_err(), "{i} minimal releases");

    // The same through the API readers.
    for (name, open, item, close) in [
        ("API v0", "[", "{\"cycle\":\"N\"},", "{\"cycle\":\"end\"}]"),
        (
            "API v1",
            "{\"name\":\"x\",\"releases\":[",
            "{\"name\":\"N\"},",
            "{\"name\":\"end\"}]}",
        ),
    ] {
        let mut source = String::from(open);
        let mut i = 0;
        while source.len() < 4 * MIB - 64 {
            source.push_str(&item.replace('N', &i.to_string()));
            i += 1;
        }
        source.push_str(close);
        let outcome = assert_bounded(&format!("{name}: minimal releases up to 4 MiB"), &source);
        assert!(outcome.is_err(), "{name}: {i} minimal releases");
    }
}
