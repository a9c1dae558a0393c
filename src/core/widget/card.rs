//! The product card around the table as an element tree: the header (icon, title, labels), the
//! release image, the Markdown description above and below the table, and the information under
//! it (release policy link, supported-release hint, version command with its copy button,
//! download controls).

use crate::core::card::Card;
use crate::core::markdown::{self, Links, Node as Body};
use crate::core::markup::{Element, Node};
use crate::core::settings::{CardSettings, Description, Downloads};
use crate::core::url;
use crate::core::wording::Words;

use super::table::link;
use super::ROOT_CLASS;

/// The widget: `div.eol-table[data-product]` holding, as `settings` say, the header, the
/// release image, the description above the table, `main` (the table part), the notes below it
/// and the information block.
pub fn root<'a>(
    id: &'a str,
    body: &str,
    card: &'a Card,
    settings: &CardSettings,
    words: &dyn Words,
    main: Element<'a>,
) -> Element<'a> {
    let links = Links {
        base: settings.link_base.clone(),
        anchor_prefix: ["eol-", id, "-"].concat(),
    };
    let (above, below) = description_parts(body, settings.description, &links);
    Element::html("div")
        .attr("class", ROOT_CLASS)
        .attr("data-product", id)
        .child_some(settings.header.then(|| header(card, words)))
        .child_some(release_image(card, words))
        .child_some(above.map(|nodes| block("eol-table__description", nodes)))
        .child(main)
        .child_some(below.map(|nodes| block("eol-table__notes", nodes)))
        .child_some(
            settings
                .info
                .then(|| info(card, settings.downloads, words))
                .flatten(),
        )
}

/// `header.eol-table__header`: the icon (`img.eol-table__logo`, whose failed load the widget
/// listens for), an `h2` title and the labels.
pub fn header<'a>(card: &'a Card, words: &dyn Words) -> Element<'a> {
    let icon = card.icon.as_deref().map(|src| {
        Element::html("img")
            .attr("class", "eol-table__logo")
            .attr("alt", "")
            .attr("width", "32")
            .attr("height", "32")
            .attr("loading", "lazy")
            .attr("decoding", "async")
            .attr("src", src)
    });
    let labels = (!card.labels.is_empty()).then(|| {
        let items = card.labels.iter().map(|label| {
            Element::html("li")
                .attr("data-tag", label.as_str())
                .text(label.as_str())
        });
        Element::html("ul")
            .attr("class", "eol-table__labels")
            .attr("aria-label", words.text("card.tags").to_owned())
            .children(items)
    });
    Element::html("header")
        .attr("class", "eol-table__header")
        .child_some(icon)
        .child(
            Element::html("h2")
                .attr("class", "eol-table__title")
                .text(card.title.as_str()),
        )
        .child_some(labels)
}

/// `figure.eol-table__schedule`: the release schedule image, when the product has one.
pub fn release_image<'a>(card: &'a Card, words: &dyn Words) -> Option<Element<'a>> {
    let src = card.release_image.as_deref().and_then(url::image)?;
    Some(
        Element::html("figure")
            .attr("class", "eol-table__schedule")
            .child(
                Element::html("img")
                    .attr(
                        "alt",
                        words.format("card.releaseImage", &[("title", &card.title)]),
                    )
                    .attr("loading", "lazy")
                    .attr("src", src),
            ),
    )
}

/// The Markdown body's blocks for above and below the table, as `place` says.
pub fn description_parts(
    body: &str,
    place: Description,
    links: &Links,
) -> (Option<Vec<Body>>, Option<Vec<Body>>) {
    let some = |nodes: Vec<Body>| (!nodes.is_empty()).then_some(nodes);
    match place {
        Description::Hidden => (None, None),
        Description::Split => {
            let body = markdown::split(markdown::parse_with(body, links));
            let summary = some(body.description)
                .map(|inline| vec![Element::html("p").children(inline).into()]);
            (summary, some(body.rest))
        }
        Description::Above => (some(markdown::parse_with(body, links)), None),
        Description::Below => (None, some(markdown::parse_with(body, links))),
    }
}

/// A `div` of the given class holding Markdown nodes.
pub fn block<'a>(class: &'static str, nodes: Vec<Node<'a>>) -> Element<'a> {
    Element::html("div").attr("class", class).children(nodes)
}

/// `div.eol-table__info`, the information under the table; `None` when there is nothing to
/// show. The version command's `span.eol-table__copied` is the live region of its copy button.
pub fn info<'a>(card: &'a Card, downloads: Downloads, words: &dyn Words) -> Option<Element<'a>> {
    let policy = card.policy_link.as_deref().and_then(url::safe);
    let nothing = policy.is_none()
        && !card.running_hint
        && card.version_command.is_none()
        && downloads == Downloads::default();
    if nothing {
        return None;
    }
    let policy = policy.map(|href| {
        let (before, after) = words.messages().around("card.policy", "link", &[]);
        let text = words.format("card.policyLink", &[("title", &card.title)]);
        Element::html("p")
            .attr("class", "eol-table__policy")
            .child_some((!before.is_empty()).then(|| Node::text(before)))
            .child(link(&href, text))
            .child_some((!after.is_empty()).then(|| Node::text(after)))
    });
    let hint = card.running_hint.then(|| {
        Element::html("p")
            .attr("class", "eol-table__hint")
            .text(words.text("card.hint").to_owned())
    });
    let command = card.version_command.as_deref().map(|c| command(c, words));
    let downloads = (downloads != Downloads::default()).then(|| {
        let buttons = [
            (downloads.csv, "download-csv", "download.csv"),
            (downloads.calendar, "download-ics", "download.calendar"),
        ]
        .into_iter()
        .filter(|(on, _, _)| *on)
        .map(|(_, action, text)| {
            Element::html("button")
                .attr("type", "button")
                .attr("data-action", action)
                .text(words.text(text).to_owned())
        });
        Element::html("div")
            .attr("class", "eol-table__downloads")
            .attr("role", "group")
            .attr("aria-label", words.text("card.downloads").to_owned())
            .children(buttons)
    });
    Some(
        Element::html("div")
            .attr("class", "eol-table__info")
            .child_some(policy)
            .child_some(hint)
            .child_some(command)
            .child_some(downloads),
    )
}

/// `div.eol-table__command`: the command in `code[data-command]`, a copy button and its live
/// region.
fn command<'a>(command: &'a str, words: &dyn Words) -> Element<'a> {
    Element::html("div")
        .attr("class", "eol-table__command")
        .child(
            Element::html("p")
                .attr("class", "eol-table__command-label")
                .text(words.text("card.command").to_owned()),
        )
        .child(
            Element::html("div")
                .attr("class", "eol-table__command-row")
                .child(
                    Element::html("pre")
                        .child(Element::html("code").attr("data-command", "").text(command)),
                )
                .child(
                    Element::html("button")
                        .attr("type", "button")
                        .attr("class", "eol-table__copy")
                        .attr("data-action", "copy")
                        .attr("aria-label", words.text("card.copyLabel").to_owned())
                        .text(words.text("card.copy").to_owned()),
                )
                .child(
                    Element::html("span")
                        .attr("class", "eol-table__copied")
                        .attr("aria-live", "polite"),
                ),
        )
}
