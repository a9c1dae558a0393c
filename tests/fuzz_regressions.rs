//! Every input the fuzzers found a problem with (`fuzz/regressions/<target>-*`) now gives a
//! result or an error, quickly and without a panic.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;

use eol_table::core::template::{self, Vars};
use eol_table::core::{input, parse_today, table, view, wording::English};

fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions");
    let mut found: Vec<(String, Vec<u8>)> = fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| {
                    p.file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(|n| n.starts_with(&format!("{target}-")))
                })
                .map(|p| (p.display().to_string(), fs::read(&p).unwrap()))
                .collect()
        })
        .unwrap_or_default();
    found.sort();
    found
}

#[test]
fn template_inputs_that_ran_out_of_memory_are_refused() {
    let found = inputs("template");
    assert!(
        !found.is_empty(),
        "the template regressions are in fuzz/regressions"
    );
    for (name, bytes) in found {
        // As the fuzz target reads it: the template, then release values after NUL bytes.
        let text = String::from_utf8_lossy(&bytes);
        let template = text.split('\0').next().unwrap_or_default();
        let vars = Vars {
            cycle: "1.2",
            ..Vars::default()
        };
        let result = template::render(template, &vars);
        assert!(
            result.as_ref().map_or(true, |out| out.len() <= 64 * 1024),
            "{name}"
        );
    }
}

#[test]
fn product_inputs_found_by_fuzzing_give_a_result_or_an_error() {
    let today = parse_today("2022-05-01").unwrap();
    for target in ["parse", "whole"] {
        for (_, bytes) in inputs(target) {
            let text = String::from_utf8_lossy(&bytes);
            if let Ok(product) = input::read(&text, input::Format::Auto) {
                let view = view::evaluate(&product, today);
                let _ = table::build(&view, &English);
            }
        }
    }
}
