//! The time axis: the tick scheme for the chart's span and its marks.

use super::*;

/// How the axis is divided, from the room a year gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Scheme {
    /// Every month labelled.
    Months,
    /// Every quarter labelled.
    Quarters,
    /// Every `step` years labelled; `minor` months between fainter marks.
    Years { step: i64, minor: i64 },
}

impl Scheme {
    pub(super) fn choose(units_per_year: i64) -> Scheme {
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
    pub(super) fn round(self, lo: Day, hi: Day) -> (Day, Day) {
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
pub(super) fn ticks(
    scheme: &Scheme,
    start: Day,
    end: Day,
    x: &dyn Fn(Day) -> i32,
    width: i32,
    words: &dyn crate::core::wording::Words,
) -> Vec<Tick> {
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
                    // The first label names its year: "Oct 2022", as the words write a month.
                    let date = day.date();
                    Some(if first {
                        Date::from_ym(date.year(), date.month())
                            .map_or_else(|| words.month(date), |month| words.date(month))
                    } else {
                        words.month(date)
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
