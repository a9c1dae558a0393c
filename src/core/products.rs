//! Product files compiled into the wasm.

/// The built-in default product: endoflife.date's Istio file in the 2022 schema (MIT licence,
/// Copyright 2020 endoflife.date contributors), copied from `../shared/seed/istio.md`.
pub const ISTIO: &str = include_str!("../../products/istio.md");

/// The source of a built-in product by id.
pub fn builtin(id: &str) -> Option<&'static str> {
    match id {
        "istio" => Some(ISTIO),
        _ => None,
    }
}

/// The ids of the built-in products.
pub fn ids() -> &'static [&'static str] {
    &["istio"]
}
