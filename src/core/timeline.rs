//! The release timeline: a Gantt chart with one row per dated cycle, its bars running from the
//! release date to the ends of active, security and extended support, coloured like the table
//! (ended, ends soon, not reached). [`build`] lays it out in SVG user units (one unit is one CSS
//! pixel at the layout width) with integer arithmetic on days; [`tree`] describes the elements,
//! which the DOM layer creates and [`Node::to_html`] serialises.
//!
//! The chart shows what the table shows: a phase is drawn only when its column is on.

use super::date::{Date, Day};
use super::markup::Node;
use super::model::headers;
use super::status::Phase;
use super::table::{phase_status, Status};
use super::view::{ProductView, ReleaseView};
use super::wording::Words;

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
}

/// A dated cycle before layout.
struct Dated<'v, 'a> {
    release: &'v ReleaseView<'a>,
    /// The release date as written.
    date: Date,
    released: Day,
    phases: Vec<(Support, Phase)>,
}

/// How many cycles a timeline draws unless asked for all: a very long product's chart stays
/// small, and its other cycles are one click away.
pub const DEFAULT_ROWS: usize = 60;

/// Lays out the timeline of `view`, worded by `words`, `width` units wide (clamped to
/// [`MIN_WIDTH`]..=[`MAX_WIDTH`]), drawing the first [`DEFAULT_ROWS`] dated cycles.
pub fn build(view: &ProductView<'_>, words: &dyn Words, width: i32) -> Timeline {
    build_rows(view, words, width, Some(DEFAULT_ROWS))
}

/// [`build`], drawing the first `rows` dated cycles in the table's order (the newest first, in
/// most files), or all of them.
pub fn build_rows(
    view: &ProductView<'_>,
    words: &dyn Words,
    width: i32,
    rows: Option<usize>,
) -> Timeline {
    let width = width.clamp(MIN_WIDTH, MAX_WIDTH);
    let today = view.today;
    let columns = &view.product.columns;
    let shown: Vec<(Support, &String)> = [
        (Support::Active, columns.eoas.as_ref()),
        (Support::Security, columns.eol.as_ref()),
        (Support::Extended, columns.eoes.as_ref()),
    ]
    .into_iter()
    .filter_map(|(support, header)| header.map(|h| (support, h)))
    .collect();

    let mut undated = Vec::new();
    let mut dated = Vec::new();
    for release in &view.releases {
        let Some(date) = release.release.release_date else {
            undated.push(release.label.clone());
            continue;
        };
        let phases = shown
            .iter()
            .map(|(support, _)| {
                let life = &release.life;
                let phase = match support {
                    Support::Active => life.eoas,
                    Support::Security => life.eol,
                    Support::Extended => life.eoes,
                };
                (*support, phase)
            })
            .collect();
        dated.push(Dated {
            release,
            date,
            released: date.first_day(),
            phases,
        });
    }
    let limit = rows.unwrap_or(usize::MAX);
    let omitted = dated.len().saturating_sub(limit);
    dated.truncate(limit);

    // The time range: the first release (or today) to a little past the last end (or today).
    let first = dated.iter().map(|d| d.released).min().unwrap_or(today);
    let newest = dated.iter().map(|d| d.released).max().unwrap_or(today);
    let reach = plus(newest.max(today), MAX_AHEAD_DAYS);
    let last_end = dated
        .iter()
        .flat_map(|d| d.phases.iter().filter_map(|(_, p)| p.from()))
        .map(|date| plus(date.last_day(), 1))
        .max()
        .unwrap_or(today);
    let lo = first.min(today);
    let hi = last_end.min(reach).max(plus(newest, 1)).max(plus(today, 1));
    let pad = (lo.days_until(hi) / 40).max(7);
    let hi = plus(hi, pad);

    let longest = dated
        .iter()
        .map(|d| d.release.label.chars().count())
        .max()
        .unwrap_or(0);
    let label_width = i32::try_from(longest)
        .unwrap_or(i32::MAX / 16)
        .min(MAX_LABEL_WIDTH / CHAR_WIDTH)
        * CHAR_WIDTH
        + 18;
    let plot_left = label_width.min(width / 3).clamp(56, MAX_LABEL_WIDTH + 18);
    let plot_right = width - RIGHT_PAD;
    let plot_width = i64::from(plot_right - plot_left).max(1);

    let scheme = Scheme::choose(plot_width * 365 / lo.days_until(hi).max(1));
    let (start, end) = scheme.round(lo, hi);
    let span = start.days_until(end).max(1);
    let x = |day: Day| -> i32 {
        let offset = start.days_until(day).clamp(0, span);
        plot_left + i32::try_from(offset * plot_width / span).unwrap_or(0)
    };

    let ticks = ticks(&scheme, start, end, &x, width);
    let label_chars = usize::try_from((plot_left - 18) / CHAR_WIDTH).unwrap_or(0);

    let mut rows = Vec::with_capacity(dated.len());
    let mut top = ROWS_TOP;
    for cycle in &dated {
        let segments = segments(cycle, end, &x);
        let release_x = x(cycle.released);
        let note = note(cycle, &segments, words, release_x, plot_left, width);
        rows.push(Row {
            cycle: cycle.release.release.cycle.clone(),
            label: cut(&cycle.release.label, label_chars),
            title: tooltip(view, cycle, &shown, words),
            lts: cycle.release.life.lts.is_lts(),
            released: cycle.released,
            y: top,
            release_x,
            segments,
            note,
        });
        top += ROW_HEIGHT;
    }
    // The legend: the phases and statuses the bars use, in a fixed order.
    let drawn = || rows.iter().flat_map(|row: &Row| &row.segments);
    let phases: Vec<(Support, String)> = shown
        .iter()
        .filter(|(support, _)| drawn().any(|s| s.support == *support))
        .map(|(support, header)| (*support, (*header).clone()))
        .collect();
    let statuses: Vec<Status> = [Status::Ok, Status::Soon, Status::Ended]
        .into_iter()
        .filter(|status| drawn().any(|s| s.status == *status))
        .collect();
    let bottom_axis = rows.len() > BOTTOM_AXIS_ROWS;
    let height = top + if bottom_axis { BOTTOM_AXIS } else { BOTTOM_PAD };

    let name = &view.product.title;
    let mut title = String::with_capacity(name.len() + 24);
    title.push_str(name);
    title.push_str(" release timeline");
    let label = summary(&title, &dated);
    let today_text = words.date(today.date());
    let description = description(&phases, &today_text);
    Timeline {
        product: view.product.id.clone(),
        title,
        label,
        description,
        width,
        height,
        plot_left,
        plot_right,
        start,
        end,
        today,
        today_x: x(today),
        today_text,
        ticks,
        bottom_axis,
        rows,
        undated,
        omitted,
        phases,
        statuses,
    }
}

/// `day` plus `days`.
fn plus(day: Day, days: i64) -> Day {
    Day::from_number(day.number().saturating_add(days))
}

/// "Istio release timeline: 7 cycles from 2020 to 2022".
fn summary(title: &str, dated: &[Dated<'_, '_>]) -> String {
    let mut out = title.to_owned();
    out.push_str(": ");
    let first = dated.iter().map(|d| d.released).min();
    let last = dated
        .iter()
        .flat_map(|d| {
            std::iter::once(d.released).chain(
                d.phases
                    .iter()
                    .filter_map(|(_, p)| p.from())
                    .map(Date::last_day),
            )
        })
        .max();
    let (Some(first), Some(last)) = (first, last) else {
        out.push_str("no cycle has a release date");
        return out;
    };
    out.push_str(&dated.len().to_string());
    out.push_str(if dated.len() == 1 {
        " cycle"
    } else {
        " cycles"
    });
    let (from, to) = (first.date().year(), last.date().year());
    if from == to {
        out.push_str(" in ");
        out.push_str(&from.to_string());
    } else {
        out.push_str(" from ");
        out.push_str(&from.to_string());
        out.push_str(" to ");
        out.push_str(&to.to_string());
    }
    out
}

fn description(phases: &[(Support, String)], today: &str) -> String {
    let mut out = String::from(
        "Each bar runs from a cycle's release date to the end of its support. \
         Green: supported, yellow: ends soon, red: ended.",
    );
    if phases.len() > 1 {
        out.push_str(" From thick to thin: ");
        let names: Vec<&str> = phases.iter().map(|(_, h)| h.as_str()).collect();
        out.push_str(&names.join(", "));
        out.push('.');
    }
    out.push_str(" The dashed line is today, ");
    out.push_str(today);
    out.push('.');
    out
}

/// The bars of one cycle: from its release, each shown phase with an end after the previous
/// one takes over where it ended. A phase without a date is drawn only when no later phase has
/// one: open to the chart's end when not reached (`false`), not at all when reached (`true`:
/// the day it ended is unknown).
fn segments(cycle: &Dated<'_, '_>, end: Day, x: &dyn Fn(Day) -> i32) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut cursor = cycle.released;
    let last_dated = cycle
        .phases
        .iter()
        .rposition(|(_, phase)| matches!(phase, Phase::Date { .. }));
    for (index, (support, phase)) in cycle.phases.iter().enumerate() {
        let (to, status, date, open) = match *phase {
            Phase::Date {
                date,
                reached,
                soon,
                ..
            } => {
                let to = plus(date.last_day(), 1);
                let open = to > end;
                (to.min(end), phase_status(reached, soon), Some(date), open)
            }
            Phase::Bool(false) if last_dated.map_or(true, |last| index > last) => {
                (end, Status::Ok, None, true)
            }
            _ => continue,
        };
        if to <= cursor {
            continue;
        }
        let (left, right) = (x(cursor), x(to));
        out.push(Segment {
            support: *support,
            status,
            from: cursor,
            to,
            end: date,
            open,
            x: left,
            width: (right - left).max(1),
        });
        cursor = to;
    }
    out
}

/// "18 Nov 2021 – Jun 2022", right of the bars when it fits, else left of them.
fn note(
    cycle: &Dated<'_, '_>,
    segments: &[Segment],
    words: &dyn Words,
    release_x: i32,
    plot_left: i32,
    width: i32,
) -> Note {
    let mut text = words.date(cycle.date);
    let right = segments.last().map_or(release_x + 4, |s| s.x + s.width);
    if let Some(last) = segments.last() {
        text.push_str(" \u{2013} ");
        match last.end {
            Some(date) => text.push_str(&words.date(date)),
            None => text.push_str("no end date"),
        }
    }
    let chars = i32::try_from(text.chars().count()).unwrap_or(i32::MAX / 16);
    let needed = chars.saturating_mul(NOTE_CHAR_WIDTH) + 6;
    let fits_right = !segments.last().is_some_and(|s| s.open) && right + needed <= width;
    if fits_right {
        Note {
            text,
            x: right + 6,
            anchor_end: false,
        }
    } else if release_x - needed >= plot_left {
        Note {
            text,
            x: release_x - 6,
            anchor_end: true,
        }
    } else {
        Note {
            text,
            x: width - RIGHT_PAD,
            anchor_end: true,
        }
    }
}

/// The tooltip: the full label, then each date as the table words it.
fn tooltip(
    view: &ProductView<'_>,
    cycle: &Dated<'_, '_>,
    shown: &[(Support, &String)],
    words: &dyn Words,
) -> String {
    let release = cycle.release;
    let mut out = release.full_label(&view.lts_label);
    out.push('\n');
    let columns = &view.product.columns;
    out.push_str(
        columns
            .release_date
            .as_deref()
            .unwrap_or(headers::RELEASE_DATE),
    );
    out.push_str(": ");
    if let Some(date) = release.release.release_date {
        out.push_str(&words.relative(view.today.days_until(date.first_day())));
        out.push_str(" (");
        out.push_str(&words.date(date));
        out.push(')');
    }
    for ((support, header), (_, phase)) in shown.iter().zip(&cycle.phases) {
        out.push('\n');
        out.push_str(header);
        out.push_str(": ");
        match *phase {
            Phase::Date {
                date, days_left, ..
            } => {
                out.push_str(&words.ends(days_left));
                out.push_str(" (");
                out.push_str(&words.date(date));
                out.push(')');
            }
            Phase::Bool(true) => out.push_str("No"),
            Phase::Bool(false) => out.push_str("Yes"),
            Phase::Absent | Phase::Null if *support == Support::Extended => {
                out.push_str("Unavailable")
            }
            Phase::Absent | Phase::Null => out.push_str("Unknown"),
        }
    }
    out
}

/// `text` cut to `chars` characters, the last one `…`.
fn cut(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        return text.to_owned();
    }
    let mut out: String = text.chars().take(chars.saturating_sub(1)).collect();
    out.push('\u{2026}');
    out
}

/// How the axis is divided, from the room a year gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scheme {
    /// Every month labelled.
    Months,
    /// Every quarter labelled.
    Quarters,
    /// Every `step` years labelled; `minor` months between fainter marks.
    Years { step: i64, minor: i64 },
}

impl Scheme {
    fn choose(units_per_year: i64) -> Scheme {
        if units_per_year >= 12 * 40 {
            return Scheme::Months;
        }
        if units_per_year >= 4 * 40 {
            return Scheme::Quarters;
        }
        let steps = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000];
        let step = steps
            .into_iter()
            .find(|step| units_per_year * step >= 44)
            .unwrap_or(10_000);
        let minor = if step == 1 && units_per_year >= 100 {
            3
        } else if step > 1 && units_per_year >= 6 {
            12
        } else {
            12 * step
        };
        Scheme::Years { step, minor }
    }

    /// Months from one mark to the next.
    fn minor(self) -> i64 {
        match self {
            Scheme::Months => 1,
            Scheme::Quarters => 3,
            Scheme::Years { minor, .. } => minor,
        }
    }

    /// Months between the boundaries the range is rounded to.
    fn unit(self) -> i64 {
        match self {
            Scheme::Months => 1,
            Scheme::Quarters => 3,
            Scheme::Years { step, .. } => 12 * step,
        }
    }

    /// `lo` down and `hi` up to the scheme's boundaries.
    fn round(self, lo: Day, hi: Day) -> (Day, Day) {
        let unit = self.unit();
        let first = month_index(lo).div_euclid(unit) * unit;
        let mut last = month_index(hi).div_euclid(unit) * unit;
        if month_start(last) < hi {
            last += unit;
        }
        let (start, end) = (month_start(first), month_start(last));
        (start.min(lo), end.max(hi))
    }
}

/// Months since year 0 of the month holding `day`.
fn month_index(day: Day) -> i64 {
    let date = day.date();
    i64::from(date.year()) * 12 + i64::from(date.month()) - 1
}

/// The first day of the month with this index (years clamped to 1..=9999).
fn month_start(index: i64) -> Day {
    let year = index.div_euclid(12).clamp(1, 9999);
    let month = index.rem_euclid(12) + 1;
    Date::from_ym(
        i32::try_from(year).unwrap_or(1970),
        u32::try_from(month).unwrap_or(1),
    )
    .map_or(Day::from_number(0), Date::first_day)
}

/// The axis marks and the labels that fit without overlapping, years first.
fn ticks(scheme: &Scheme, start: Day, end: Day, x: &dyn Fn(Day) -> i32, width: i32) -> Vec<Tick> {
    const MAX_TICKS: usize = 1000;
    let minor = scheme.minor().max(1);
    let step_years = match *scheme {
        Scheme::Years { step, .. } => step,
        _ => 1,
    };
    let mut ticks = Vec::new();
    let mut index = month_index(start).div_euclid(minor) * minor;
    let mut candidates: Vec<(usize, bool, String)> = Vec::new();
    while ticks.len() < MAX_TICKS {
        let day = month_start(index);
        if day > end || index.div_euclid(12) > 9999 {
            break;
        }
        if day >= start {
            let year = index.div_euclid(12);
            let month = index.rem_euclid(12);
            let major = month == 0 && year.rem_euclid(step_years) == 0;
            let first = ticks.is_empty();
            let label = match scheme {
                Scheme::Years { .. } => major.then(|| year.to_string()),
                _ if month == 0 => Some(year.to_string()),
                _ => {
                    let abbr = day.date().month_abbr();
                    Some(if first {
                        let mut text = abbr.to_owned();
                        text.push(' ');
                        text.push_str(&year.to_string());
                        text
                    } else {
                        abbr.to_owned()
                    })
                }
            };
            if let Some(label) = label {
                candidates.push((ticks.len(), major || first, label));
            }
            ticks.push(Tick {
                day,
                x: x(day),
                major: month == 0 && year.rem_euclid(step_years) == 0,
                label: None,
            });
        }
        index += minor;
    }
    // Place the year labels, then the others where they fit.
    let mut placed: Vec<(i32, i32)> = Vec::new();
    for pass_major in [true, false] {
        for (tick_index, major, label) in &candidates {
            if *major != pass_major {
                continue;
            }
            let Some(tick) = ticks.get_mut(*tick_index) else {
                continue;
            };
            let left = tick.x + 3;
            let chars = i32::try_from(label.chars().count()).unwrap_or(i32::MAX / 16);
            let right = left + chars * CHAR_WIDTH;
            let clear = placed
                .iter()
                .all(|(l, r)| right + LABEL_GAP <= *l || left >= *r + LABEL_GAP);
            if clear && right <= width {
                placed.push((left, right));
                tick.label = Some(label.clone());
            }
        }
    }
    ticks
}

/// The status names of the legend.
fn status_name(status: Status) -> &'static str {
    match status {
        Status::Ok => "Supported",
        Status::Soon => "Ends soon",
        Status::Ended => "Ended",
        Status::Unknown => "Unknown",
        Status::Unavailable => "Unavailable",
    }
}

/// The chart's elements: `div.eol-timeline` holding a scrolling box with the `svg`, the legend
/// and the list of cycles not drawn.
pub fn tree(timeline: &Timeline) -> Node {
    let t = timeline;
    let mut svg = Node::svg("svg")
        .attr("class", "eol-timeline__chart")
        .attr("viewBox", viewbox(t.width, t.height))
        .num("width", t.width)
        .num("height", t.height)
        .attr("role", "img")
        .attr("aria-label", t.label.clone())
        .child(Node::svg("title").text(t.title.clone()))
        .child(Node::svg("desc").text(t.description.clone()));

    let rows_bottom = ROWS_TOP + ROW_HEIGHT * i32::try_from(t.rows.len()).unwrap_or(0);
    let mut grid = Node::svg("g").attr("class", "eol-tl-grid");
    let mut axis = Node::svg("g").attr("class", "eol-tl-axis");
    for tick in &t.ticks {
        grid = grid.child(
            Node::svg("line")
                .attr(
                    "class",
                    if tick.major {
                        "eol-tl-tick eol-tl-tick-major"
                    } else {
                        "eol-tl-tick"
                    },
                )
                .num("x1", tick.x)
                .num("x2", tick.x)
                .num("y1", AXIS_BASELINE - 12)
                .num("y2", rows_bottom),
        );
        if let Some(label) = &tick.label {
            let class = if tick.major {
                "eol-tl-year"
            } else {
                "eol-tl-month"
            };
            let mut baselines = vec![AXIS_BASELINE];
            if t.bottom_axis {
                baselines.push(rows_bottom + 16);
            }
            for y in baselines {
                axis = axis.child(
                    Node::svg("text")
                        .attr("class", class)
                        .num("x", tick.x + 3)
                        .num("y", y)
                        .text(label.clone()),
                );
            }
        }
    }
    let mut rows = Node::svg("g").attr("class", "eol-tl-rows");
    for row in &t.rows {
        rows = rows.child(row_node(t, row));
    }
    svg = svg.child(grid).child(rows);

    let (anchor, label_x) = if t.today_x + 24 > t.width {
        ("end", t.today_x + 2)
    } else if t.today_x - 24 < 0 {
        ("start", t.today_x - 2)
    } else {
        ("middle", t.today_x)
    };
    svg = svg.child(
        Node::svg("g")
            .attr("class", "eol-tl-today")
            .attr("data-date", t.today.date().iso())
            .child(
                Node::svg("line")
                    .attr("class", "eol-tl-today-line")
                    .num("x1", t.today_x)
                    .num("x2", t.today_x)
                    .num("y1", TODAY_BASELINE + 3)
                    .num("y2", rows_bottom)
                    .attr("stroke-dasharray", "4 3"),
            )
            .child(
                Node::svg("text")
                    .attr("class", "eol-tl-today-label")
                    .num("x", label_x)
                    .num("y", TODAY_BASELINE)
                    .attr("text-anchor", anchor)
                    .text("Today"),
            ),
    );
    // Last, so the today line passes behind the axis labels.
    svg = svg.child(axis);

    let mut root = Node::html("div")
        .attr("class", "eol-timeline")
        .attr("data-product", t.product.clone())
        .child(
            Node::html("div")
                .attr("class", "eol-timeline__scroll")
                .child(svg),
        );
    if let Some(legend) = legend(t) {
        root = root.child(legend);
    }
    if !t.undated.is_empty() {
        root = root.child(
            Node::html("p")
                .attr("class", "eol-timeline__undated")
                .text(undated_text(&t.undated)),
        );
    }
    if t.omitted > 0 {
        let drawn = t.rows.len();
        let all = drawn + t.omitted;
        root = root.child(
            Node::html("p")
                .attr("class", "eol-timeline__more")
                .child(
                    Node::html("span").text(format!("Showing the first {drawn} of {all} cycles. ")),
                )
                .child(
                    Node::html("button")
                        .attr("type", "button")
                        .attr("data-action", "timeline-all")
                        .text(format!("Show all {all}")),
                ),
        );
    }
    root
}

/// "Not drawn, no release date: 1.6 and earlier".
pub fn undated_text(undated: &[String]) -> String {
    let mut text = String::from("Not drawn, no release date: ");
    text.push_str(&undated.join(", "));
    text
}

fn viewbox(width: i32, height: i32) -> String {
    let mut out = String::from("0 0 ");
    out.push_str(&width.to_string());
    out.push(' ');
    out.push_str(&height.to_string());
    out
}

fn row_node(t: &Timeline, row: &Row) -> Node {
    let middle = row.y + ROW_HEIGHT / 2;
    let mut g = Node::svg("g")
        .attr("class", "eol-tl-row")
        .attr("tabindex", "0")
        .attr("data-cycle", row.cycle.clone());
    if row.lts {
        g = g.attr("data-lts", "true");
    }
    g = g
        .child(Node::svg("title").text(row.title.clone()))
        .child(
            Node::svg("rect")
                .attr("class", "eol-tl-band")
                .num("x", 0)
                .num("y", row.y)
                .num("width", t.width)
                .num("height", ROW_HEIGHT),
        )
        .child(
            Node::svg("text")
                .attr("class", "eol-tl-label")
                .num("x", t.plot_left - 8)
                .num("y", middle + 4)
                .attr("text-anchor", "end")
                .text(row.label.clone()),
        );
    for segment in &row.segments {
        let height = segment.support.height();
        let bar = |class: String, x: i32, width: i32| {
            Node::svg("rect")
                .attr("class", class)
                .attr("data-status", segment.status.as_str())
                .num("x", x)
                .num("y", middle - height / 2)
                .num("width", width.max(1))
                .num("height", height)
                .num("rx", 2)
        };
        if segment.open && segment.width > 2 * TAIL {
            // Runs on: the bar fades out in two steps.
            let solid = segment.width - TAIL;
            g = g.child(bar(
                open_class(segment.support.class(), ""),
                segment.x,
                solid,
            ));
            g = g.child(bar(
                open_class(segment.support.class(), " eol-tl-fade1"),
                segment.x + solid + 1,
                TAIL / 2 - 2,
            ));
            g = g.child(bar(
                open_class(segment.support.class(), " eol-tl-fade2"),
                segment.x + solid + TAIL / 2,
                TAIL / 2 - 2,
            ));
        } else {
            g = g.child(bar(
                segment.support.class().to_owned(),
                segment.x,
                segment.width,
            ));
        }
    }
    if row.segments.is_empty() {
        g = g.child(
            Node::svg("circle")
                .attr("class", "eol-tl-release")
                .num("cx", row.release_x)
                .num("cy", middle)
                .num("r", 4),
        );
    }
    g.child(
        Node::svg("text")
            .attr("class", "eol-tl-note")
            .num("x", row.note.x)
            .num("y", middle + 4)
            .attr(
                "text-anchor",
                if row.note.anchor_end { "end" } else { "start" },
            )
            .text(row.note.text.clone()),
    )
}

fn open_class(class: &str, extra: &str) -> String {
    let mut out = String::with_capacity(40);
    out.push_str(class);
    out.push_str(" eol-tl-open");
    out.push_str(extra);
    out
}

/// The key to the bars: phases (when more than one) and colours.
fn legend(t: &Timeline) -> Option<Node> {
    if t.statuses.is_empty() {
        return None;
    }
    let mut list = Node::html("ul")
        .attr("class", "eol-timeline__legend")
        .attr("aria-hidden", "true");
    if t.phases.len() > 1 {
        for (support, header) in &t.phases {
            list = list.child(legend_item("data-phase", support.name(), header.clone()));
        }
    }
    for status in &t.statuses {
        list = list.child(legend_item(
            "data-status",
            status.as_str(),
            status_name(*status).to_owned(),
        ));
    }
    Some(list)
}

/// One legend entry: a colour key marked `{attribute}="{value}"`, and its label.
fn legend_item(attribute: &'static str, value: &str, label: String) -> Node {
    Node::html("li")
        .child(
            Node::html("span")
                .attr("class", "eol-timeline__key")
                .attr(attribute, value),
        )
        .child(Node::html("span").text(label))
}

#[cfg(test)]
mod tests {
    use super::*;
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
            undated_text(&t.undated),
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
        assert_eq!(svg.children[0].tag, "title");
        assert_eq!(svg.children[1].tag, "desc");
        let groups: Vec<&&Node> = nodes
            .iter()
            .filter(|n| n.get("class") == Some("eol-tl-row"))
            .collect();
        assert_eq!(groups.len(), 7);
        assert!(groups.iter().all(|g| g.get("tabindex") == Some("0")));
        assert_eq!(
            groups[1].children[0].text.as_deref(),
            Some("1.12\nReleased: 5 months ago (18 Nov 2021)\nEnd of Support: Ends in 2 months (Jun 2022)")
        );
        let bar = groups[1]
            .children
            .iter()
            .find(|n| n.tag == "rect" && n.get("data-status").is_some())
            .unwrap();
        assert_eq!(bar.get("class"), Some("eol-tl-security"));
        assert_eq!(bar.get("data-status"), Some("soon"));
        assert!(nodes
            .iter()
            .any(|n| n.get("class") == Some("eol-tl-today-line")));
        assert!(nodes.iter().any(|n| n.text.as_deref() == Some("Today")));
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
}
