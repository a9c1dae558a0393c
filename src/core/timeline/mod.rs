//! The release timeline: a Gantt chart with one row per dated cycle, its bars running from the
//! release date to the ends of active, security and extended support, coloured like the table
//! (ended, ends soon, not reached). [`build`] lays it out in SVG user units (one unit is one CSS
//! pixel at the layout width) with integer arithmetic on days; [`tree`] describes the elements,
//! which the DOM layer creates and [`html`](super::html) serialises.
//!
//! The chart shows what the table shows: a phase is drawn only when its column is on.

mod axis;
mod layout;
mod svg;

pub use layout::{build, build_rows, DEFAULT_ROWS};
pub use svg::tree;

use super::date::{Date, Day};
use super::status::Phase;
use super::table::Status;

/// The layout width when the page gives none.
pub const DEFAULT_WIDTH: i32 = 960;
/// The narrowest layout (a phone): below it the chart scrolls sideways rather than squeezing
/// its text.
pub const MIN_WIDTH: i32 = 320;
/// The widest layout.
pub const MAX_WIDTH: i32 = 2400;

/// Height of one cycle's row.
pub const ROW_HEIGHT: i32 = 26;
/// Where the rows start, below the "Today" label and the axis labels.
pub const ROWS_TOP: i32 = 40;
/// Baseline of the "Today" label.
const TODAY_BASELINE: i32 = 12;
/// Baseline of the top axis labels.
const AXIS_BASELINE: i32 = 31;
/// Height of the axis repeated under long charts.
const BOTTOM_AXIS: i32 = 24;
/// Charts with more rows than this repeat the axis at the bottom.
const BOTTOM_AXIS_ROWS: usize = 12;
const BOTTOM_PAD: i32 = 6;
const RIGHT_PAD: i32 = 14;
/// Estimated width of a character of the 12px labels and 11px notes.
const CHAR_WIDTH: i32 = 7;
const NOTE_CHAR_WIDTH: i32 = 6;
/// Labels longer than this are cut (the tooltip has them whole).
const MAX_LABEL_WIDTH: i32 = 220;
/// How far past today (or the newest release) the chart reaches; later ends are drawn open.
const MAX_AHEAD_DAYS: i64 = 12 * 365 + 3;
/// The faded tail of a bar that runs on past the chart.
const TAIL: i32 = 12;
/// The least room between two axis labels.
const LABEL_GAP: i32 = 8;

/// A support phase: which end date closes the bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Support {
    /// Release (or the previous phase) to the end of active support (`eoas`).
    Active,
    /// To the end of life, the end of security support (`eol`).
    Security,
    /// To the end of extended support (`eoes`).
    Extended,
}

impl Support {
    /// The bar's class: `eol-tl-active`, `eol-tl-security`, `eol-tl-extended`.
    pub fn class(self) -> &'static str {
        match self {
            Support::Active => "eol-tl-active",
            Support::Security => "eol-tl-security",
            Support::Extended => "eol-tl-extended",
        }
    }

    /// The phase's name: `active`, `security`, `extended` (`data-phase` in the legend).
    pub fn name(self) -> &'static str {
        match self {
            Support::Active => "active",
            Support::Security => "security",
            Support::Extended => "extended",
        }
    }

    /// Bars thin out as support narrows.
    pub fn height(self) -> i32 {
        match self {
            Support::Active => 18,
            Support::Security => 12,
            Support::Extended => 6,
        }
    }
}

/// One bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// The phase it shows.
    pub support: Support,
    /// Its colour: ended, ends soon, or not reached.
    pub status: Status,
    /// Its first day.
    pub from: Day,
    /// The day after its last day (the chart's end when `open`).
    pub to: Day,
    /// The end date as written, when there is one.
    pub end: Option<Date>,
    /// It runs on past the chart: no end date (`eol: false`), or one beyond the chart's reach.
    pub open: bool,
    /// Left edge.
    pub x: i32,
    /// Width, at least 1.
    pub width: i32,
}

/// The dates shown next to a row's bars on hover and focus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// "18 Nov 2021 – Jun 2022".
    pub text: String,
    /// Where the text is anchored.
    pub x: i32,
    /// Anchored by its end (it sits left of the bars) rather than its start.
    pub anchor_end: bool,
}

/// One cycle's row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The release cycle (`data-cycle`).
    pub cycle: String,
    /// The label as shown, cut with `…` when too long.
    pub label: String,
    /// The tooltip: the full label, then one line per date as the table words it.
    pub title: String,
    /// LTS now.
    pub lts: bool,
    /// The release day.
    pub released: Day,
    /// Top of the row.
    pub y: i32,
    /// Where the release day is.
    pub release_x: i32,
    /// The bars, left to right; empty when no end date can be drawn.
    pub segments: Vec<Segment>,
    /// The dates beside the bars.
    pub note: Note,
}

/// A mark on the time axis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tick {
    /// The day it marks (a month's first day).
    pub day: Day,
    /// Its position.
    pub x: i32,
    /// A year (January) rather than a quarter or month.
    pub major: bool,
    /// Its label, when there is room for it.
    pub label: Option<String>,
}

/// The laid-out chart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timeline {
    /// The product id.
    pub product: String,
    /// "Istio release timeline".
    pub title: String,
    /// "Istio release timeline: 7 cycles from 2020 to 2022".
    pub label: String,
    /// What the chart shows, in words.
    pub description: String,
    /// Layout width.
    pub width: i32,
    /// Layout height: grows with the rows.
    pub height: i32,
    /// Left edge of the plot (the labels are left of it).
    pub plot_left: i32,
    /// Right edge of the plot.
    pub plot_right: i32,
    /// The chart's first day.
    pub start: Day,
    /// The day after the chart's last day.
    pub end: Day,
    /// Today.
    pub today: Day,
    /// Where today is.
    pub today_x: i32,
    /// Today as the words write it ("01 May 2022").
    pub today_text: String,
    /// Axis marks, left to right.
    pub ticks: Vec<Tick>,
    /// Whether the axis labels repeat under the rows.
    pub bottom_axis: bool,
    /// The dated cycles, in the table's order.
    pub rows: Vec<Row>,
    /// Labels of the cycles without a release date, not drawn.
    pub undated: Vec<String>,
    /// Dated cycles left out past the row limit (the oldest, in the table's order).
    pub omitted: usize,
    /// The phases the bars show, with their column headers, for the legend.
    pub phases: Vec<(Support, String)>,
    /// The colours the bars use, for the legend.
    pub statuses: Vec<Status>,
    /// The words around the chart.
    pub texts: Texts,
    /// Time runs right to left, as the locale reads (Arabic).
    pub rtl: bool,
}

/// The words around the chart, in the reader's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Texts {
    /// The label of the today line: "Today".
    pub today: String,
    /// The legend's status names, in the order of `statuses`.
    pub legend: Vec<(Status, String)>,
    /// "Not drawn, no release date: 1.6 and earlier", when cycles are not drawn.
    pub undated: Option<String>,
    /// "Showing the first 60 of 80 cycles. " and "Show all 80", when cycles are left out.
    pub more: Option<(String, String)>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::markup::Element;
    use crate::core::{parse::parse, parse_today, products, view, wording::English};

    fn day(text: &str) -> Day {
        parse_today(text).unwrap()
    }

    fn layout(source: &str, today: &str, width: i32) -> Timeline {
        let product = parse(source).unwrap();
        build(&view::evaluate(&product, day(today)), &English, width)
    }

    fn istio() -> Timeline {
        layout(products::ISTIO, "2022-05-01", 960)
    }

    fn shape(row: &Row) -> Vec<(Support, &'static str, bool)> {
        row.segments
            .iter()
            .map(|s| (s.support, s.status.as_str(), s.open))
            .collect()
    }

    #[test]
    fn istio_draws_seven_dated_cycles_and_lists_the_undated_one() {
        let t = istio();
        let cycles: Vec<&str> = t.rows.iter().map(|r| r.cycle.as_str()).collect();
        assert_eq!(
            cycles,
            ["1.13", "1.12", "1.11", "1.10", "1.9", "1.8", "1.7"]
        );
        assert_eq!(t.undated, ["1.6 and earlier"]);
        assert_eq!(
            t.texts.undated.as_deref().unwrap(),
            "Not drawn, no release date: 1.6 and earlier"
        );
        assert_eq!(
            t.label,
            "Istio release timeline: 7 cycles from 2020 to 2022"
        );
        assert_eq!(t.title, "Istio release timeline");
        // Fixed row height: the chart grows with its rows.
        assert_eq!(t.rows[1].y - t.rows[0].y, ROW_HEIGHT);
        assert_eq!(t.height, ROWS_TOP + 7 * ROW_HEIGHT + BOTTOM_PAD);
    }

    #[test]
    fn segments_take_the_status_of_their_end_like_the_table() {
        let t = istio();
        // Istio has no active support column: one security bar per cycle.
        assert_eq!(shape(&t.rows[0]), [(Support::Security, "ok", false)]);
        assert_eq!(shape(&t.rows[1]), [(Support::Security, "soon", false)]);
        assert_eq!(shape(&t.rows[2]), [(Support::Security, "ended", false)]);
        assert_eq!(t.phases, [(Support::Security, "End of Support".to_owned())]);
        assert_eq!(t.statuses, [Status::Ok, Status::Soon, Status::Ended]);
    }

    #[test]
    fn month_only_ends_run_to_the_last_day_of_the_month() {
        let t = istio();
        let bar = &t.rows[1].segments[0]; // 1.12: 2021-11-18 to eol 2022-06
        assert_eq!(bar.from, day("2021-11-18"));
        assert_eq!(bar.to, day("2022-07-01"), "through 30 June");
        let bar = &t.rows[3].segments[0]; // 1.10: eol 2022-01-07
        assert_eq!(bar.to, day("2022-01-08"));
    }

    #[test]
    fn the_range_runs_from_the_first_release_to_past_the_last_end() {
        let t = istio();
        // 1.7 was released 2020-08-21; 1.13 ends in October 2022.
        assert!(t.start <= day("2020-08-21") && t.start >= day("2020-07-01"));
        assert!(t.end > day("2022-11-01") && t.end <= day("2023-04-01"));
        assert_eq!(t.start.date().day(), Some(1), "starts on a month");
        let first = &t.rows[6].segments[0];
        assert!(
            first.x >= t.plot_left && first.x < t.plot_left + 60,
            "{}",
            first.x - t.plot_left
        );
        let last = &t.rows[0].segments[0];
        assert!(last.x + last.width < t.plot_right);
    }

    #[test]
    fn the_today_line_sits_where_today_is() {
        let t = istio();
        let span = t.start.days_until(t.end);
        let expected = t.plot_left as i64
            + t.start.days_until(day("2022-05-01")) * (t.plot_right - t.plot_left) as i64 / span;
        assert_eq!(t.today_x as i64, expected);
        // 1.12 ends after today, 1.11 (March) before it.
        let ends = |row: &Row| row.segments[0].x + row.segments[0].width;
        assert!(ends(&t.rows[1]) > t.today_x);
        assert!(ends(&t.rows[2]) < t.today_x);
        assert_eq!(t.today_text, "01 May 2022");
    }

    #[test]
    fn a_short_span_shows_years_and_quarters_on_the_axis() {
        let t = istio();
        let labels: Vec<&str> = t.ticks.iter().filter_map(|t| t.label.as_deref()).collect();
        assert!(
            labels.contains(&"2021") && labels.contains(&"2022"),
            "{labels:?}"
        );
        assert!(labels.contains(&"Apr"), "quarters: {labels:?}");
        let years: Vec<i32> = t
            .ticks
            .iter()
            .filter(|t| t.major)
            .map(|t| t.day.date().year())
            .collect();
        assert_eq!(years, [2021, 2022, 2023]);
        // Labels never overlap.
        let mut placed: Vec<(i32, i32)> = t
            .ticks
            .iter()
            .filter_map(|t| t.label.as_ref().map(|l| (t.x, t.x + 7 * l.len() as i32)))
            .collect();
        placed.sort();
        assert!(placed.windows(2).all(|w| w[0].1 <= w[1].0), "{placed:?}");
    }

    #[test]
    fn a_long_span_shows_years_only() {
        let source =
            "releases:\n- releaseCycle: \"2\"\n  releaseDate: 2010-03-01\n  eol: 2030-01-01\n\
                      - releaseCycle: \"1\"\n  releaseDate: 1995-06-01\n  eol: 2001-01-01\n";
        let t = layout(source, "2022-05-01", 960);
        assert!(t.ticks.iter().all(|t| t.day.date().month() == 1));
        let labelled: Vec<&str> = t.ticks.iter().filter_map(|t| t.label.as_deref()).collect();
        assert!(
            labelled.contains(&"2000") && labelled.contains(&"2020"),
            "{labelled:?}"
        );
        assert!(
            t.label.ends_with("2 cycles from 1995 to 2030"),
            "{}",
            t.label
        );
    }

    #[test]
    fn active_security_and_extended_support_follow_each_other() {
        let source = "eoasColumn: true\neoesColumn: true\nreleases:\n\
                      - releaseCycle: \"3\"\n  releaseDate: 2020-01-01\n  eoas: 2021-01-01\n  eol: 2022-06-15\n  eoes: 2025-01\n\
                      - releaseCycle: \"2\"\n  releaseDate: 2018-01-01\n  eoas: true\n  eol: false\n\
                      - releaseCycle: \"1\"\n  releaseDate: 2016-01-01\n  eoas: true\n  eol: true\n";
        let t = layout(source, "2022-05-01", 960);
        assert_eq!(
            shape(&t.rows[0]),
            [
                (Support::Active, "ended", false),
                (Support::Security, "soon", false),
                (Support::Extended, "ok", false)
            ]
        );
        let bars = &t.rows[0].segments;
        assert_eq!(bars[0].x + bars[0].width, bars[1].x, "no gap");
        assert_eq!(bars[1].from, day("2021-01-02"));
        assert_eq!(bars[2].to, day("2025-02-01"));
        // Not reached without a date: open to the chart's end.
        assert_eq!(shape(&t.rows[1]), [(Support::Security, "ok", true)]);
        assert_eq!(t.rows[1].segments[0].to, t.end);
        // Reached without a date: nothing to draw, a release dot instead.
        assert!(t.rows[2].segments.is_empty());
        assert_eq!(
            t.rows[0].title,
            "3\nReleased: 2 years and 4 months ago (01 Jan 2020)\n\
             Active Support: Ended 1 year and 4 months ago (01 Jan 2021)\n\
             Security Support: Ends in 1 month and 2 weeks (15 Jun 2022)\n\
             Extended Support: Ends in 2 years and 9 months (Jan 2025)"
        );
        assert_eq!(
            t.rows[2].title.lines().last(),
            Some("Extended Support: Unavailable")
        );
        assert_eq!(t.phases.len(), 3);
        let tree = tree(&t).to_html();
        assert!(tree.contains("data-phase=\"active\""), "a legend of phases");
        assert!(tree.contains("eol-tl-open"));
    }

    #[test]
    fn far_ends_are_drawn_open_at_the_chart_reach() {
        let source =
            "releases:\n- releaseCycle: \"1\"\n  releaseDate: 2020-01-01\n  eol: 9999-12-31\n";
        let t = layout(source, "2022-05-01", 960);
        let bar = &t.rows[0].segments[0];
        assert!(bar.open);
        assert_eq!(bar.to, t.end);
        assert!(t.end < day("2036-01-01"), "{:?}", t.end.date());
    }

    #[test]
    fn odd_data_never_panics() {
        let sources = [
            "releases: []\n",
            "releases:\n- releaseCycle: a\n",
            "releases:\n- releaseCycle: a\n  releaseDate: 0001-01-01\n  eol: 9999-12\n",
            "releases:\n- releaseCycle: a\n  releaseDate: 2030-01-01\n  eol: 2001-01-01\n",
            "releases:\n- releaseCycle: a\n  releaseDate: 2022-05-01\n  eol: 2022-05-01\n",
        ];
        for source in sources {
            for width in [0, MIN_WIDTH, DEFAULT_WIDTH, i32::MAX] {
                let t = layout(source, "2022-05-01", width);
                assert!(t.start < t.end, "{source}");
                assert!(t.ticks.len() < 1000, "{source} {width} {}", t.ticks.len());
                assert!((t.plot_left..=t.plot_right).contains(&t.today_x));
                for segment in t.rows.iter().flat_map(|r| &r.segments) {
                    assert!(
                        segment.x >= t.plot_left && segment.x + segment.width <= t.plot_right + 1
                    );
                }
                let _ = tree(&t).to_html();
            }
        }
        let empty = layout("releases:\n- releaseCycle: a\n", "2022-05-01", 960);
        assert_eq!(
            empty.label,
            "product release timeline: no cycle has a release date"
        );
    }

    #[test]
    fn the_tree_is_an_accessible_svg_with_a_group_per_cycle() {
        let t = istio();
        let root = tree(&t);
        assert_eq!(root.get("class"), Some("eol-timeline"));
        let nodes = root.descendants();
        let svg = nodes.iter().find(|n| n.tag == "svg").unwrap();
        assert_eq!(svg.get("role"), Some("img"));
        assert_eq!(
            svg.get("aria-label"),
            Some("Istio release timeline: 7 cycles from 2020 to 2022")
        );
        let parts: Vec<&str> = svg.elements().map(|e| e.tag).collect();
        assert_eq!(parts.get(..2), Some(&["title", "desc"][..]));
        let groups: Vec<&&Element> = nodes
            .iter()
            .filter(|n| n.get("class") == Some("eol-tl-row"))
            .collect();
        assert_eq!(groups.len(), 7);
        assert!(groups.iter().all(|g| g.get("tabindex") == Some("0")));
        let title = groups[1].elements().next().unwrap();
        assert_eq!(
            (title.tag, title.text_content().as_str()),
            ("title", "1.12\nReleased: 5 months ago (18 Nov 2021)\nEnd of Support: Ends in 2 months (Jun 2022)")
        );
        let bar = groups[1]
            .elements()
            .find(|n| n.tag == "rect" && n.get("data-status").is_some())
            .unwrap();
        assert_eq!(bar.get("class"), Some("eol-tl-security"));
        assert_eq!(bar.get("data-status"), Some("soon"));
        assert!(nodes
            .iter()
            .any(|n| n.get("class") == Some("eol-tl-today-line")));
        assert!(nodes
            .iter()
            .any(|n| n.tag == "text" && n.text_content() == "Today"));
        let html = root.to_html();
        assert!(html.contains("Not drawn, no release date: 1.6 and earlier"));
        assert!(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    }

    #[test]
    fn hostile_labels_are_escaped_in_markup() {
        let t = layout(
            "title: \"<b>x</b>\"\nreleases:\n- releaseCycle: \"<script>\"\n  releaseDate: 2022-01-01\n  eol: 2023-01-01\n",
            "2022-05-01",
            960,
        );
        let html = tree(&t).to_html();
        assert!(!html.contains("<script>") && !html.contains("<b>"));
        assert!(html.contains("&lt;script&gt;"));
    }

    #[test]
    fn long_labels_are_cut_and_whole_in_the_tooltip() {
        let source = "releases:\n- releaseCycle: \"a very long release cycle name that goes on and on and on\"\n  releaseDate: 2022-01-01\n  eol: 2023-01-01\n";
        let t = layout(source, "2022-05-01", MIN_WIDTH);
        let row = &t.rows[0];
        assert!(row.label.ends_with('\u{2026}'));
        assert!(row.label.chars().count() * 7 <= (t.plot_left - 18) as usize + 7);
        assert!(row
            .title
            .starts_with("a very long release cycle name that goes on and on and on\n"));
    }

    #[test]
    #[cfg(feature = "i18n")]
    fn right_to_left_locales_draw_time_running_leftwards() {
        let product = parse(products::ISTIO).unwrap();
        let view = view::evaluate(&product, day("2022-05-01"));
        let words = crate::core::wording::Catalogued::new(
            crate::core::i18n::Messages::for_locale("ar"),
            Box::new(crate::core::i18n::OtherOnly),
        );
        let t = build(&view, &words, 960);
        assert!(t.rtl);
        assert_eq!(t.texts.today, "اليوم");
        let tree = tree(&t);
        let nodes = tree.descendants();
        let today = nodes
            .iter()
            .find(|n| n.get("class") == Some("eol-tl-today-line"))
            .unwrap();
        assert_eq!(
            today.get("x1"),
            Some((960 - t.today_x).to_string().as_str())
        );
        // The newest cycle's bar ends further left than the oldest one's.
        let bar_right = |cycle: &str| {
            let row = nodes
                .iter()
                .find(|n| n.get("data-cycle") == Some(cycle))
                .unwrap();
            let bar = row
                .descendants()
                .into_iter()
                .find(|n| n.get("class") == Some("eol-tl-security"))
                .unwrap();
            bar.get("x").unwrap().parse::<i32>().unwrap()
        };
        assert!(bar_right("1.13") < bar_right("1.7"));
        let label = nodes
            .iter()
            .find(|n| n.get("class") == Some("eol-tl-label"))
            .unwrap();
        assert_eq!(label.get("text-anchor"), Some("start"));
        assert_eq!(
            label.get("x"),
            Some((960 - (t.plot_left - 8)).to_string().as_str())
        );
    }
}
