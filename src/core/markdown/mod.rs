//! A product's Markdown body as a small, safe element tree ([`markup`](super::markup), the tree
//! of everything the widget shows): a closed set of elements, attribute values that are plain
//! text, and link and image URLs that passed the [`crate::core::url`] allowlist. Raw HTML in the
//! Markdown shows as text, never as markup. The DOM layer (`dom::tree`) and the HTML serialiser
//! ([`html::write`](super::html::write)) only walk this tree.
//!
//! Headings follow the card title (an `h2`) in order: the body's highest heading level becomes
//! `h3` and each next level used the next one down (`h4`, `h5`, then `h6` for all the deeper
//! ones), so no level is skipped: a body whose sections are `##` headings gets `h3`s. Links to
//! http and https URLs get `rel="noopener noreferrer"`. Tables and ~~strikethrough~~ are read;
//! footnotes, math and the other extensions are not.
//!
//! Without the `markdown` cargo feature (on by default) [`parse`] gives no nodes, so the body is
//! simply not shown and the wasm is smaller.

#[cfg(feature = "markdown")]
mod builder;
#[cfg(all(test, feature = "markdown"))]
mod tests;

#[cfg(feature = "markdown")]
use super::url;

pub use super::markup::text;

/// A node of a body's tree: the widget's element tree, owning its text.
pub type Node = super::markup::Node<'static>;

/// The deepest nesting of elements [`parse`] builds; Markdown nested deeper (a hundred `>` in a
/// row) goes on as the content of the element at that depth, so walking or dropping a tree
/// never needs a deep stack.
pub const MAX_DEPTH: usize = 32;

/// The most nodes [`parse`] builds; the rest of a larger body is left out. Real bodies have a
/// few hundred.
pub const MAX_NODES: usize = 20_000;

/// A body cut the way endoflife.date shows it: the first paragraph of the first block quote
/// is the product's short description (beside the icon, above the table); everything else but
/// that block quote goes below the table.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Body {
    /// The description's inline content (empty when the body has no block quote).
    pub description: Vec<Node>,
    /// The other blocks, e.g. an "Upgrading" section.
    pub rest: Vec<Node>,
}

/// Where relative links in a body point. Product bodies are written for endoflife.date, so a
/// relative link (`/nodejs`) resolves against [`DEFAULT_LINK_BASE`] unless the embedding page
/// names another base; fragment links (`#upgrading`) stay within the card, pointing at the ids
/// its headings get.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Links {
    /// An absolute http or https URL relative links resolve against.
    pub base: String,
    /// Put before every heading id and fragment, so that ids stay unique on a page.
    pub anchor_prefix: String,
}

/// endoflife.date, which product bodies are written for.
pub const DEFAULT_LINK_BASE: &str = "https://endoflife.date/";

impl Default for Links {
    fn default() -> Self {
        Links {
            base: DEFAULT_LINK_BASE.to_owned(),
            anchor_prefix: String::new(),
        }
    }
}

impl Links {
    /// Where `href`, as written in the body, points.
    #[cfg(feature = "markdown")]
    fn target(&self, href: &str) -> String {
        match href.trim().strip_prefix('#') {
            Some(fragment) => ["#", &self.anchor_prefix, &anchor(fragment)].concat(),
            None => url::resolve(&self.base, href),
        }
    }
}

/// A heading's id as endoflife.date's kramdown makes it: lower case, letters, digits and `-`
/// kept, spaces as `-`, everything else dropped (`Upgrading notes` → `upgrading-notes`).
pub fn anchor(text: &str) -> String {
    text.trim()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Cuts a parsed body into its description and the rest (see [`Body`]).
pub fn split(nodes: Vec<Node>) -> Body {
    let mut body = Body {
        description: Vec::new(),
        rest: Vec::with_capacity(nodes.len()),
    };
    let mut found = false;
    for node in nodes {
        match node {
            Node::Element(quote) if quote.tag == "blockquote" && !found => {
                found = true;
                body.description = quote
                    .children
                    .into_iter()
                    .find_map(|child| match child {
                        Node::Element(p) if p.tag == "p" => Some(p.children),
                        _ => None,
                    })
                    .unwrap_or_default();
            }
            node => body.rest.push(node),
        }
    }
    body
}

/// The body's Markdown as a safe tree (CommonMark with tables and strikethrough), relative links
/// resolved against endoflife.date.
///
/// Without the `markdown` feature this is always empty.
pub fn parse(markdown: &str) -> Vec<Node> {
    parse_with(markdown, &Links::default())
}

/// [`parse`], with relative links and fragments as `links` says.
#[cfg(feature = "markdown")]
pub fn parse_with(markdown: &str, links: &Links) -> Vec<Node> {
    use pulldown_cmark::{Options, Parser};

    let mut builder = builder::Builder::new(links);
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for event in Parser::new_ext(markdown, options) {
        if builder.full() {
            break;
        }
        builder.event(event);
    }
    builder.finish()
}

/// The body's Markdown as a safe tree: always empty, as this build has no `markdown` feature.
#[cfg(not(feature = "markdown"))]
pub fn parse_with(_markdown: &str, _links: &Links) -> Vec<Node> {
    Vec::new()
}

#[cfg(all(test, not(feature = "markdown")))]
mod tests_without_the_feature {
    use super::*;

    #[test]
    fn without_the_feature_the_body_is_not_shown() {
        assert_eq!(parse("> A *description*\n\n## Upgrading\n"), Vec::new());
        assert_eq!(split(parse("> A description")), Body::default());
    }
}
