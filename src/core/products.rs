//! Product files compiled into the wasm: the Istio seed always, plus every file of the folder
//! named by `EOL_TABLE_PRODUCTS` at build time (see `build.rs`).

/// The built-in default product: endoflife.date's Istio file in the 2022 schema (MIT licence,
/// Copyright 2020 endoflife.date contributors), copied from `../shared/seed/istio.md`.
pub const ISTIO: &str = include_str!("../../products/istio.md");

include!(concat!(env!("OUT_DIR"), "/embedded.rs"));

/// The source of a built-in product by id.
pub fn builtin(id: &str) -> Option<&'static str> {
    if id == "istio" {
        return Some(ISTIO);
    }
    EMBEDDED
        .iter()
        .find(|(name, _)| *name == id)
        .map(|(_, source)| *source)
}

/// The ids of the built-in products, Istio first.
pub fn ids() -> Vec<&'static str> {
    std::iter::once("istio")
        .chain(EMBEDDED.iter().map(|(id, _)| *id))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn istio_is_always_built_in() {
        assert_eq!(ids().first(), Some(&"istio"));
        assert_eq!(builtin("istio"), Some(ISTIO));
        assert_eq!(builtin("no-such-product"), None);
    }
}
