//! What the widget shows, described once as an element tree ([`markup`](super::markup)): the
//! card around the table ([`card`]) and the table part with its rows ([`table`]). The DOM layer
//! builds elements from these trees; [`html`](super::html) writes the same trees out for
//! server-side rendering. The classes, `data-*` attributes and ARIA here are the widget's public
//! contract with stylesheets and scripts.

pub mod card;
pub mod stack;
pub mod table;

use super::markup::Element;

/// The class of every root element the widget adds to a page.
pub const ROOT_CLASS: &str = "eol-table";

/// The error box: `div.eol-table.eol-table--error[role=alert]` with the message as text.
pub fn error(message: &str) -> Element<'_> {
    Element::html("div")
        .attr("class", "eol-table eol-table--error")
        .attr("role", "alert")
        .text(message)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::markup::Node;
    use crate::core::settings::{CardSettings, Description, Downloads};
    use crate::core::{
        card as cards, parse::parse, parse_today, products, table as tables, view, wording::English,
    };

    fn istio() -> (crate::core::model::Product, tables::Table, cards::Card) {
        let product = parse(products::ISTIO).unwrap();
        let view = view::evaluate(&product, parse_today("2022-05-01").unwrap());
        let table = tables::build(&view, &English);
        let card = cards::build(&view, cards::ICON_BASE);
        drop(view);
        (product, table, card)
    }

    fn main_of(table: &tables::Table, windowed: bool) -> Element<'_> {
        let controls = table::Controls {
            words: &English,
            today: parse_today("2022-05-01").unwrap().date(),
            today_text: "1 May 2022",
            title: false,
            windowed,
            search: table::SEARCH_RELEASES,
        };
        table::main(table, &controls, None)
    }

    fn classes<'e>(element: &'e Element<'_>) -> Vec<&'e str> {
        element
            .descendants()
            .iter()
            .filter_map(|e| e.get("class"))
            .collect()
    }

    #[test]
    fn the_istio_card_holds_header_description_table_notes_and_info_in_order() {
        let (product, table, card) = istio();
        let settings = CardSettings {
            downloads: Downloads {
                csv: true,
                calendar: false,
            },
            ..CardSettings::default()
        };
        let root = card::root(
            &product.id,
            &product.body,
            &card,
            &settings,
            &English,
            main_of(&table, false),
        );
        assert_eq!(root.get("class"), Some("eol-table"));
        assert_eq!(root.get("data-product"), Some("istio"));
        let parts: Vec<&str> = root.elements().filter_map(|e| e.get("class")).collect();
        assert_eq!(
            parts,
            [
                "eol-table__header",
                "eol-table__description",
                "eol-table__main",
                "eol-table__notes",
                "eol-table__info"
            ]
        );
        let title = root
            .descendants()
            .into_iter()
            .find(|e| e.tag == "h2")
            .unwrap();
        assert_eq!(title.text_content(), "Istio");
        let info = classes(root.elements().last().unwrap());
        assert_eq!(
            info,
            [
                "eol-table__info",
                "eol-table__policy",
                "eol-table__hint",
                "eol-table__command",
                "eol-table__downloads",
                "eol-table__command-label",
                "eol-table__command-row",
                "eol-table__copy",
                "eol-table__copied"
            ]
        );
        assert!(root.to_html().contains(
            "<p class=\"eol-table__policy\">More information is available on the <a href=\"https://istio.io/latest/docs/releases/supported-releases/#support-status-of-istio-releases\" rel=\"noopener noreferrer\">Istio website</a>.</p>"
        ));
    }

    #[test]
    fn card_settings_leave_parts_out() {
        let (product, table, card) = istio();
        let settings = CardSettings {
            header: false,
            info: false,
            description: Description::Hidden,
            ..CardSettings::default()
        };
        let main = main_of(&table, false);
        let root = card::root(
            &product.id,
            &product.body,
            &card,
            &settings,
            &English,
            main.clone(),
        );
        assert_eq!(root.children, [Node::from(main)]);
    }

    #[test]
    fn the_table_part_has_its_controls_and_a_windowed_one_its_spacers() {
        let (_, table, _) = istio();
        let whole = main_of(&table, false);
        let sort = vec!["eol-table__sort"; table.columns.len()];
        assert_eq!(
            classes(&whole),
            [
                [
                    "eol-table__main",
                    "eol-table__toolbar",
                    "eol-table__verdict",
                    "eol-table__footer",
                    "eol-table__filters",
                    "eol-table__search",
                    "eol-table__dates",
                    "eol-table__today",
                    "eol-table__status",
                    "eol-table__more",
                    "eol-table__empty",
                ]
                .as_slice(),
                &sort
            ]
            .concat()
        );
        let windowed = main_of(&table, true);
        let nodes = windowed.descendants();
        let spacers = nodes
            .iter()
            .filter(|e| e.get("class") == Some("eol-table__spacer"))
            .count();
        assert_eq!(spacers, 2);
        let cols = nodes.iter().filter(|e| e.tag == "col").count();
        assert_eq!(cols, table.columns.len());
        assert!(!nodes.iter().any(|e| e.get("data-cycle").is_some()));
    }

    #[test]
    fn the_error_box_is_an_alert_with_the_message_as_text() {
        assert_eq!(
            error("line 1: <b>").to_html(),
            "<div class=\"eol-table eol-table--error\" role=\"alert\">line 1: &lt;b&gt;</div>"
        );
    }
}
