//! Laying the chart out: which cycles are drawn, the time range, the rows and their bars and notes.

use super::axis::{ticks, Scheme};
use super::*;
use crate::core::date::Date;
use crate::core::model::headers;
use crate::core::table::{default_header, phase_status};
use crate::core::view::{ProductView, ReleaseView};
use crate::core::wording::Words;

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
    let shown: Vec<(Support, String)> = [
        (Support::Active, "eoas", columns.eoas.as_ref()),
        (Support::Security, "eol", columns.eol.as_ref()),
        (Support::Extended, "eoes", columns.eoes.as_ref()),
    ]
    .into_iter()
    .filter_map(|(support, id, header)| header.map(|h| (support, default_header(words, id, h))))
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

    let ticks = ticks(&scheme, start, end, &x, width, words);
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

    let title = words.format("timeline.title", &[("title", &view.product.title)]);
    let label = summary(&title, &dated, words);
    let today_text = words.date(today.date());
    let description = description(&phases, &today_text, words);
    let drawn_rows = rows.len();
    let texts = Texts {
        today: words.text("timeline.today").to_owned(),
        legend: statuses
            .iter()
            .map(|status| (*status, status_name(words, *status)))
            .collect(),
        undated: (!undated.is_empty())
            .then(|| words.format("timeline.undated", &[("cycles", &undated.join(", "))])),
        more: (omitted > 0).then(|| {
            let all = drawn_rows + omitted;
            let shown = drawn_rows.to_string();
            (
                words.count("timeline.showingFirst", all as u64, &[("shown", &shown)]),
                words.count("timeline.showAll", all as u64, &[]),
            )
        }),
    };
    let rtl = words.text("dir") == "rtl";
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
        texts,
        rtl,
    }
}

/// The status names of the legend.
fn status_name(words: &dyn Words, status: Status) -> String {
    words
        .text(match status {
            Status::Ok => "legend.ok",
            Status::Soon => "legend.soon",
            Status::Ended => "legend.ended",
            Status::Unknown => "legend.unknown",
            Status::Unavailable => "legend.unavailable",
        })
        .to_owned()
}

/// `day` plus `days`.
fn plus(day: Day, days: i64) -> Day {
    Day::from_number(day.number().saturating_add(days))
}

/// "Istio release timeline: 7 cycles from 2020 to 2022".
fn summary(title: &str, dated: &[Dated<'_, '_>], words: &dyn Words) -> String {
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
        return words.format("timeline.noDates", &[("title", title)]);
    };
    let count = dated.len() as u64;
    let (from, to) = (
        first.date().year().to_string(),
        last.date().year().to_string(),
    );
    if from == to {
        words.count(
            "timeline.summaryYear",
            count,
            &[("title", title), ("year", &from)],
        )
    } else {
        words.count(
            "timeline.summary",
            count,
            &[("title", title), ("from", &from), ("to", &to)],
        )
    }
}

fn description(phases: &[(Support, String)], today: &str, words: &dyn Words) -> String {
    let mut out = words.text("timeline.description").to_owned();
    if phases.len() > 1 {
        let names: Vec<&str> = phases.iter().map(|(_, h)| h.as_str()).collect();
        out.push(' ');
        out.push_str(&words.format("timeline.phases", &[("phases", &names.join(", "))]));
    }
    out.push(' ');
    out.push_str(&words.format("timeline.todayLine", &[("date", today)]));
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
            None => text.push_str(words.text("timeline.noEnd")),
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
    shown: &[(Support, String)],
    words: &dyn Words,
) -> String {
    let release = cycle.release;
    let mut out = release.full_label(&view.lts_label);
    out.push('\n');
    let columns = &view.product.columns;
    let released = columns
        .release_date
        .as_deref()
        .unwrap_or(headers::RELEASE_DATE);
    out.push_str(&default_header(words, "releaseDate", released));
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
            Phase::Bool(true) => out.push_str(words.text("cell.no")),
            Phase::Bool(false) => out.push_str(words.text("cell.yes")),
            Phase::Absent | Phase::Null if *support == Support::Extended => {
                out.push_str(words.text("cell.unavailable"))
            }
            Phase::Absent | Phase::Null => out.push_str(words.text("cell.unknown")),
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
