//! A product's Markdown body into the safe element tree, as the card shows it: `markdown::parse`
//! must return, never panic, for any text; the tree stays within its depth and node limits,
//! every `href` and `src` is one the URL allowlist gives back unchanged, and the tree's HTML holds
//! no markup of the input's own (raw HTML in the body shows as text).

#![no_main]

use eol_table::core::markdown::{self, Node, MAX_DEPTH, MAX_NODES};
use eol_table::core::{html, url};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let nodes = markdown::parse(&text);
    let mut count = 0;
    let mut stack: Vec<(&[Node], usize)> = vec![(&nodes, 1)];
    while let Some((nodes, depth)) = stack.pop() {
        count += nodes.len();
        for node in nodes {
            if let Node::Element(element) = node {
                assert!(depth <= MAX_DEPTH + 1, "nested {depth} deep");
                assert!(!html::is_void(element) || element.children.is_empty());
                for (name, value) in &element.attributes {
                    if matches!(*name, "href" | "src") {
                        assert_eq!(url::safe(value).as_deref(), Some(&**value), "{name}");
                    }
                }
                stack.push((&element.children, depth + 1));
            }
        }
    }
    assert!(count <= MAX_NODES + 2, "{count} nodes");
    let mut out = String::new();
    html::write(&mut out, &nodes);
    let lower = out.to_ascii_lowercase();
    for tag in ["<script", "<iframe", "<style", "<object", "<svg", "<form", "<input"] {
        assert!(!lower.contains(tag), "{tag} in {out}");
    }
    let body = markdown::split(nodes);
    let _ = markdown::text(&body.description);
});
