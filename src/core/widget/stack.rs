//! The stack view as an element tree: `div.eol-stack` (also `.eol-table`, so it takes the
//! table's stylesheet, themes and phone layout) with its title, the summary as a live region,
//! and the table part of [`table::main`](super::table::main), whose rows are the stack's.

use super::ROOT_CLASS;
use crate::core::markup::Element;

/// The class of a stack's root element.
pub const STACK_CLASS: &str = "eol-stack";

/// The class of the row under an entry that holds its product's support table.
pub const DETAIL_CLASS: &str = "eol-stack__detail";

/// `div.eol-stack`: the title (when the stack has one), the summary
/// (`p.eol-stack__summary[role=status]`), then `main`.
pub fn root<'a>(title: Option<&'a str>, summary: &'a str, main: Element<'a>) -> Element<'a> {
    Element::html("div")
        .attr("class", [ROOT_CLASS, " ", STACK_CLASS].concat())
        .child_some(title.map(|title| {
            Element::html("h2")
                .attr("class", "eol-table__title eol-stack__title")
                .text(title)
        }))
        .child(summary_element(summary))
        .child(main)
}

/// `p.eol-stack__summary`, a polite live region.
pub fn summary_element(summary: &str) -> Element<'_> {
    Element::html("p")
        .attr("class", "eol-stack__summary")
        .attr("role", "status")
        .attr("aria-live", "polite")
        .text(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stack_root_has_its_title_summary_and_table_part() {
        let root = root(Some("Ours"), "3 products: 1 unknown", Element::html("div"));
        assert_eq!(
            root.to_html(),
            "<div class=\"eol-table eol-stack\"><h2 class=\"eol-table__title eol-stack__title\">Ours</h2><p class=\"eol-stack__summary\" role=\"status\" aria-live=\"polite\">3 products: 1 unknown</p><div></div></div>"
        );
    }
}
