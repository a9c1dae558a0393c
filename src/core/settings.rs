//! What the reader and the page can choose: sort, filter and search (see `arrange`), the date
//! style, the theme, the locale, the version to highlight, the card around the table and row
//! windowing; their names as options and attributes spell them, and the messages for wrong ones.

use serde::Serialize;

use super::arrange::{Direction, Filter, State};
use super::card;
use super::markdown;
use super::window;

/// ``the option `theme` must be "auto", "light" or "dark", found "blue"``.
pub fn choice_error(option: &str, choices: &str, found: &str) -> String {
    format!("the option `{option}` must be {choices}, found {found:?}")
}

/// Which download controls to add.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Downloads {
    /// "Download CSV".
    pub csv: bool,
    /// "Add to calendar" (an .ics file).
    pub calendar: bool,
}

/// How dates read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DateStyle {
    /// "Ends in 3 months (01 Oct 2024)".
    #[default]
    Relative,
    /// "01 Oct 2024".
    Absolute,
}

impl DateStyle {
    /// Reads `"relative"` or `"absolute"`.
    pub fn parse(text: &str) -> Result<DateStyle, String> {
        match text {
            "relative" => Ok(DateStyle::Relative),
            "absolute" => Ok(DateStyle::Absolute),
            _ => Err(choice_error(
                "dateStyle",
                "\"relative\" or \"absolute\"",
                text,
            )),
        }
    }

    /// The option's word for it.
    pub fn as_str(self) -> &'static str {
        match self {
            DateStyle::Relative => "relative",
            DateStyle::Absolute => "absolute",
        }
    }
}

/// Light, dark, or following the reader's system.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// `prefers-color-scheme`.
    #[default]
    Auto,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl Theme {
    /// Reads `"auto"`, `"light"` or `"dark"`.
    pub fn parse(text: &str) -> Result<Theme, String> {
        match text {
            "auto" => Ok(Theme::Auto),
            "light" => Ok(Theme::Light),
            "dark" => Ok(Theme::Dark),
            _ => Err(choice_error(
                "theme",
                "\"auto\", \"light\" or \"dark\"",
                text,
            )),
        }
    }

    /// The `data-theme` value.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// The reader's choices and the counts: what `state` and the `eol-table:change` event's
/// `detail` give.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TableState {
    /// The sort column and direction, `null` for the file's order.
    pub sort: Option<SortState>,
    /// `all`, `maintained` or `ended`.
    pub filter: &'static str,
    /// The search text.
    pub search: String,
    /// `relative` or `absolute`.
    pub date_style: &'static str,
    /// The locale, `null` for the site's English.
    pub locale: Option<String>,
    /// `auto`, `light` or `dark`.
    pub theme: &'static str,
    /// Whether the old unmaintained releases show.
    pub show_all_releases: bool,
    /// The highlighted version.
    pub version: Option<String>,
    /// Rows showing.
    pub visible: usize,
    /// Rows in all.
    pub total: usize,
}

/// A sort column and direction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SortState {
    /// The column id.
    pub column: String,
    /// `ascending` or `descending`.
    pub direction: &'static str,
}

/// Whether a long table keeps only the rows near the viewport in the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Virtualize {
    /// Above [`window::AUTO_ABOVE`] rows.
    #[default]
    Auto,
    /// Always.
    Always,
    /// Never: every row is in the page.
    Never,
}

impl Virtualize {
    /// Whether a table of `rows` rows is windowed.
    pub fn applies(self, rows: usize) -> bool {
        match self {
            Virtualize::Auto => rows > window::AUTO_ABOVE,
            Virtualize::Always => true,
            Virtualize::Never => false,
        }
    }
}

/// Reads a `filter` option.
pub fn parse_filter(text: &str) -> Result<Filter, String> {
    Filter::parse(text)
        .ok_or_else(|| choice_error("filter", "\"all\", \"maintained\" or \"ended\"", text))
}

/// Reads a sort direction.
pub fn parse_direction(text: &str) -> Result<Direction, String> {
    Direction::parse(text)
        .ok_or_else(|| choice_error("sort.direction", "\"ascending\" or \"descending\"", text))
}

/// Everything the reader can choose.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// Sort, filter, search, old releases.
    pub state: State,
    /// Relative or exact dates.
    pub date_style: DateStyle,
    /// Colour theme.
    pub theme: Theme,
    /// Language of everything the widget shows; `None`: the site's English.
    pub locale: Option<String>,
    /// Messages replacing the catalogue's (the `messages` option).
    pub messages: crate::core::i18n::Overrides,
    /// A version to highlight, with a verdict above the table.
    pub version: Option<String>,
    /// The card around the table.
    pub card: CardSettings,
    /// The width the timeline is laid out for (the host's; 0: the default).
    pub width: i32,
    /// Whether the timeline draws every cycle, not only the first
    /// [`timeline::DEFAULT_ROWS`](crate::core::timeline::DEFAULT_ROWS).
    pub whole_timeline: bool,
    /// Row windowing for long tables.
    pub virtualize: Virtualize,
}

/// Where the Markdown description goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Description {
    /// As endoflife.date lays it out: the first block quote (the summary) above the table, the
    /// rest of the body below it.
    #[default]
    Split,
    /// All of it above the table.
    Above,
    /// All of it below the table.
    Below,
    /// Not shown.
    Hidden,
}

impl Description {
    /// Reads the `description` option.
    pub fn parse(text: &str) -> Result<Description, String> {
        match text {
            "split" => Ok(Description::Split),
            "above" => Ok(Description::Above),
            "below" => Ok(Description::Below),
            "hidden" => Ok(Description::Hidden),
            other => Err(choice_error(
                "description",
                "\"split\", \"above\", \"below\" or \"hidden\"",
                other,
            )),
        }
    }
}

/// What the card shows around the table.
#[derive(Debug, Clone)]
pub struct CardSettings {
    /// The header: icon, title, labels.
    pub header: bool,
    /// Where the Markdown body goes.
    pub description: Description,
    /// The release policy link, hint and version command under the table.
    pub info: bool,
    /// The lifecycle timeline above the table.
    pub timeline: bool,
    /// Download controls.
    pub downloads: Downloads,
    /// Where icons come from (`{iconBase}{iconSlug}.svg`).
    pub icon_base: String,
    /// What relative links in the Markdown body resolve against.
    pub link_base: String,
}

impl Default for CardSettings {
    fn default() -> Self {
        CardSettings {
            header: true,
            description: Description::default(),
            info: true,
            timeline: false,
            downloads: Downloads::default(),
            icon_base: card::ICON_BASE.to_owned(),
            link_base: markdown::DEFAULT_LINK_BASE.to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn option_words_read_as_their_settings() {
        assert_eq!(DateStyle::parse("absolute"), Ok(DateStyle::Absolute));
        assert_eq!(Theme::parse("dark"), Ok(Theme::Dark));
        assert_eq!(Theme::Dark.as_str(), "dark");
        assert_eq!(Description::parse("hidden"), Ok(Description::Hidden));
        assert_eq!(parse_filter("maintained"), Ok(Filter::Maintained));
        assert_eq!(parse_direction("descending"), Ok(Direction::Descending));
    }

    #[test]
    fn wrong_words_name_the_option_and_its_choices() {
        assert_eq!(
            Theme::parse("blue").unwrap_err(),
            "the option `theme` must be \"auto\", \"light\" or \"dark\", found \"blue\""
        );
        assert_eq!(
            DateStyle::parse("iso").unwrap_err(),
            "the option `dateStyle` must be \"relative\" or \"absolute\", found \"iso\""
        );
        assert_eq!(
            parse_filter("old").unwrap_err(),
            "the option `filter` must be \"all\", \"maintained\" or \"ended\", found \"old\""
        );
        assert_eq!(
            Description::parse("top").unwrap_err(),
            "the option `description` must be \"split\", \"above\", \"below\" or \"hidden\", found \"top\""
        );
    }

    #[test]
    fn long_tables_are_windowed_unless_told_otherwise() {
        assert!(!Virtualize::Auto.applies(window::AUTO_ABOVE));
        assert!(Virtualize::Auto.applies(window::AUTO_ABOVE + 1));
        assert!(Virtualize::Always.applies(1));
        assert!(!Virtualize::Never.applies(100_000));
    }
}
