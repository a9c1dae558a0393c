//! A version's support status as a badge: its texts, the widget's badge element, and a
//! standalone SVG in the shields.io "flat" style, both element trees (`markup`).

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use super::lookup::{Check, Standing};
use super::markup::Element;

/// The class of the badge's root.
pub const BADGE_CLASS: &str = "eol-badge";

/// Badge shapes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Style {
    /// Rounded corners (shields.io "flat").
    #[default]
    Flat,
    /// Square corners (shields.io "flat-square").
    FlatSquare,
}

impl Style {
    /// Reads `"flat"` or `"flat-square"`.
    pub fn parse(text: &str) -> Option<Style> {
        match text {
            "flat" => Some(Style::Flat),
            "flat-square" => Some(Style::FlatSquare),
            _ => None,
        }
    }
}

impl Style {
    /// The `data-style` value.
    pub fn as_str(self) -> &'static str {
        match self {
            Style::Flat => "flat",
            Style::FlatSquare => "flat-square",
        }
    }
}

/// The badge element: `span.eol-badge[data-status][data-style][role=img]`, the whole verdict
/// as its accessible name and tooltip, the label and the short verdict as its two parts.
pub fn tree(check: &Check, style: Style) -> Element<'_> {
    Element::html("span")
        .attr("class", BADGE_CLASS)
        .attr("data-status", check.status.as_str())
        .attr("data-style", style.as_str())
        .attr("role", "img")
        .attr("aria-label", check.message.as_str())
        .attr("title", check.message.as_str())
        .child(
            Element::html("span")
                .attr("class", "eol-badge__label")
                .text(label(check)),
        )
        .child(
            Element::html("span")
                .attr("class", "eol-badge__value")
                .text(check.short.as_str()),
        )
}

/// The badge's left part: "Istio 1.12" (the version itself when no cycle matched).
pub fn label(check: &Check) -> String {
    let what = check.cycle.as_deref().unwrap_or(check.version.trim());
    format!("{} {what}", check.product)
}

/// A shields.io endpoint badge (`https://img.shields.io/endpoint?url=…`): the JSON a static site
/// serves so that its badge follows the data.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Endpoint {
    /// Always 1.
    pub schema_version: u8,
    /// The left part: "Istio 1.12".
    pub label: String,
    /// The right part: "ends in 2 months".
    pub message: String,
    /// The right part's colour, as hex digits: the status colours of the table.
    pub color: String,
}

/// The shields.io endpoint JSON's fields for `check`: the SVG badge's label, text and colour.
pub fn endpoint(check: &Check) -> Endpoint {
    Endpoint {
        schema_version: 1,
        label: label(check),
        message: check.short.clone(),
        color: colour(check.status).trim_start_matches('#').to_owned(),
    }
}

/// The colour of the right part.
pub fn colour(status: Standing) -> &'static str {
    match status {
        Standing::Ok => "#41d693",
        Standing::Soon => "#f7d12e",
        Standing::Ended => "#f77e7e",
        Standing::Unknown => "#b4b9bf",
    }
}

/// Approximate width in pixels of `text` in 11px Verdana, as badges are laid out.
fn text_width(text: &str) -> f64 {
    text.chars()
        .map(|c| match c {
            'i' | 'l' | 'j' | '.' | ',' | ':' | ';' | '!' | '|' | '\'' | ' ' | 'I' | 'f' | 't'
            | 'r' => 4.0,
            'm' | 'w' | 'M' | 'W' | '\u{2014}' => 10.0,
            c if c.is_ascii_uppercase() => 7.5,
            _ => 6.8,
        })
        .sum()
}

/// `text` without the characters XML 1.0 forbids (controls other than tab and line breaks, and
/// U+FFFE, U+FFFF), which would make the document ill-formed.
fn xml_text(text: &str) -> String {
    text.chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r') || !(c < ' ' || c == '\u{fffe}' || c == '\u{ffff}')
        })
        .collect()
}

/// The badge as a standalone SVG document, written from its tree (every text and attribute
/// escaped). Its ids (`eol-badge-<hash>-s`, `-r`) are made from
/// its content, so that badges inlined in one page do not share them unless they are the same
/// badge, and name no global of the page (`window.s`).
pub fn svg(check: &Check, style: Style) -> String {
    let (left, right) = (xml_text(&label(check)), xml_text(&check.short));
    let message = xml_text(&check.message);
    let id = {
        let mut hasher = DefaultHasher::new();
        (
            &left,
            &right,
            &message,
            style == Style::Flat,
            check.status.as_str(),
        )
            .hash(&mut hasher);
        format!("eol-badge-{:016x}", hasher.finish())
    };
    let lw = (text_width(&left) + 12.0).round();
    let rw = (text_width(&right) + 12.0).round();
    let length = |x: f64| x.to_string();
    let (width, lx, rx_text) = (length(lw + rw), length(lw / 2.0), length(lw + rw / 2.0));
    let (lw, rw) = (length(lw), length(rw));
    let rect = |width: &str, fill: String| {
        Element::svg("rect")
            .attr("width", width.to_owned())
            .attr("height", "20")
            .attr("fill", fill)
    };
    let text = |x: &str, y: &'static str, fill: &'static str, text: &str| {
        Element::svg("text")
            .attr("x", x.to_owned())
            .attr("y", y)
            .attr("fill", fill)
            .text(text.to_owned())
    };
    let stop = |offset: &'static str| Element::svg("stop").attr("offset", offset);
    Element::svg("svg")
        .attr("width", width.clone())
        .attr("height", "20")
        .attr("role", "img")
        .attr("aria-label", format!("{left}: {right}"))
        .child(Element::svg("title").text(message))
        .child(
            Element::svg("linearGradient")
                .attr("id", format!("{id}-s"))
                .attr("x2", "0")
                .attr("y2", "100%")
                .child(
                    stop("0")
                        .attr("stop-color", "#bbb")
                        .attr("stop-opacity", ".1"),
                )
                .child(stop("1").attr("stop-opacity", ".1")),
        )
        .child(
            Element::svg("clipPath")
                .attr("id", format!("{id}-r"))
                .child(
                    Element::svg("rect")
                        .attr("width", width.clone())
                        .attr("height", "20")
                        .num("rx", if style == Style::Flat { 3 } else { 0 })
                        .attr("fill", "#fff"),
                ),
        )
        .child(
            Element::svg("g")
                .attr("clip-path", format!("url(#{id}-r)"))
                .child(rect(&lw, "#555".to_owned()))
                .child(
                    Element::svg("rect")
                        .attr("x", lw.clone())
                        .attr("width", rw)
                        .attr("height", "20")
                        .attr("fill", colour(check.status)),
                )
                .child(rect(&width, format!("url(#{id}-s)"))),
        )
        .child(
            Element::svg("g")
                .attr("text-anchor", "middle")
                .attr("font-family", "Verdana,Geneva,DejaVu Sans,sans-serif")
                .attr("font-size", "11")
                .child(text(&lx, "15", "#010101", &left).attr("fill-opacity", ".3"))
                .child(text(&lx, "14", "#fff", &left))
                .child(text(&rx_text, "14", "#111", &right)),
        )
        .to_html()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::{lookup, parse::parse, parse_today, products, view};

    fn istio(version: &str) -> Check {
        let product = parse(products::ISTIO).unwrap();
        lookup::check(
            &view::evaluate(&product, parse_today("2022-05-01").unwrap()),
            version,
        )
    }

    #[test]
    fn the_badge_element_names_the_whole_verdict() {
        assert_eq!(
            tree(&istio("1.12.4"), Style::FlatSquare).to_html(),
            "<span class=\"eol-badge\" data-status=\"soon\" data-style=\"flat-square\" role=\"img\" \
             aria-label=\"1.12.4 is supported until 30 Jun 2022 — ends in 2 months; upgrade to 1.13\" \
             title=\"1.12.4 is supported until 30 Jun 2022 — ends in 2 months; upgrade to 1.13\">\
             <span class=\"eol-badge__label\">Istio 1.12</span><span class=\"eol-badge__value\">ends in 2 months</span></span>"
        );
    }

    #[test]
    fn the_svg_carries_the_texts_and_the_status_colour() {
        let svg = svg(&istio("1.12.4"), Style::Flat);
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.contains(">Istio 1.12</text>"));
        assert!(svg.contains(">ends in 2 months</text>"));
        assert!(svg.contains("fill=\"#f7d12e\""));
        assert!(svg.contains("aria-label=\"Istio 1.12: ends in 2 months\""));
        assert!(svg.contains("rx=\"3\""));
        assert!(super::svg(&istio("1.12.4"), Style::FlatSquare).contains("rx=\"0\""));
    }

    #[test]
    fn characters_xml_forbids_are_left_out() {
        let svg = svg(&istio("1.12.4\u{1}\0\u{b}\u{fffe}x"), Style::Flat);
        assert!(!svg.chars().any(|c| c < ' ' || c == '\u{fffe}'), "{svg:?}");
        assert!(svg.contains("1.12.4x"));
    }

    #[test]
    fn ids_differ_between_badges_and_name_no_page_global() {
        let (a, b) = (
            svg(&istio("1.12.4"), Style::Flat),
            svg(&istio("1.9.0"), Style::Flat),
        );
        let id = |svg: &str| {
            let start = svg.find("clipPath id=\"").unwrap() + "clipPath id=\"".len();
            svg[start..].split('"').next().unwrap().to_owned()
        };
        assert!(
            id(&a).starts_with("eol-badge-") && id(&a).ends_with("-r"),
            "{}",
            id(&a)
        );
        assert_ne!(id(&a), id(&b));
        assert_eq!(
            id(&a),
            id(&svg(&istio("1.12.4"), Style::Flat)),
            "the same badge, the same ids"
        );
        assert!(a.contains(&format!("url(#{})", id(&a))));
    }

    #[test]
    fn hostile_versions_are_escaped() {
        let svg = svg(&istio("<script>&\"x\""), Style::Flat);
        assert!(!svg.contains("<script>"));
        assert!(svg.contains("&lt;script&gt;&amp;&quot;x&quot;"));
        assert!(svg.contains("fill=\"#b4b9bf\""), "unknown is grey");
    }

    #[test]
    fn the_endpoint_json_has_the_badges_label_text_and_colour() {
        assert_eq!(
            endpoint(&istio("1.12.4")),
            Endpoint {
                schema_version: 1,
                label: "Istio 1.12".to_owned(),
                message: "ends in 2 months".to_owned(),
                color: "f7d12e".to_owned(),
            }
        );
        assert_eq!(endpoint(&istio("1.9.0")).color, "f77e7e");
    }
}
