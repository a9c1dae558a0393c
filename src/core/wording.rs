//! Relative time wording, as the site words it (jekyll-timeago 1.1.0, depth 2, threshold 0.1).

use super::date::Date;

/// A unit of relative time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// 365 days.
    Year,
    /// 30 days.
    Month,
    /// 7 days.
    Week,
    /// 1 day.
    Day,
}

impl Unit {
    /// The English (and `Intl`) name of the unit, singular.
    pub fn name(self) -> &'static str {
        match self {
            Unit::Year => "year",
            Unit::Month => "month",
            Unit::Week => "week",
            Unit::Day => "day",
        }
    }

    fn days(self) -> u64 {
        match self {
            Unit::Year => 365,
            Unit::Month => 30,
            Unit::Week => 7,
            Unit::Day => 1,
        }
    }
}

/// The site's rounding of `days` days (sign ignored) into at most two units: years, months,
/// weeks and days, 12 months carried into a year and 4 weeks into a month, the second unit kept
/// only when it is at least a tenth of the whole. Empty for 0.
pub fn parts(days: u64) -> Vec<(u64, Unit)> {
    let mut years = days / 365;
    let rest = days % 365;
    let mut months = rest / 30;
    let rest = rest % 30;
    let mut weeks = rest / 7;
    let day_count = rest % 7;
    if weeks >= 4 {
        months += weeks / 4;
        weeks %= 4;
    }
    if months >= 12 {
        years += months / 12;
        months %= 12;
    }
    let mut kept = [
        (years, Unit::Year),
        (months, Unit::Month),
        (weeks, Unit::Week),
        (day_count, Unit::Day),
    ]
    .into_iter()
    .filter(|(count, _)| *count > 0);
    let mut parts: Vec<(u64, Unit)> = kept.next().into_iter().collect();
    if let Some((count, unit)) = kept.next() {
        if count * unit.days() >= days / 10 {
            parts.push((count, unit));
        }
    }
    parts
}

/// "3 months", "1 week and 3 days": the length of `days` days (sign ignored), in at most two
/// units; the second unit is dropped when it is under a tenth of the whole.
pub fn span(days: u64) -> String {
    let mut text = String::new();
    for (index, (count, unit)) in parts(days).into_iter().enumerate() {
        if index > 0 {
            text.push_str(" and ");
        }
        push_unit(&mut text, count, unit.name());
    }
    text
}

/// "in 3 months", "2 years ago", "today", "tomorrow", "yesterday" for a date `days` days from
/// today (negative: in the past).
pub fn relative(days: i64) -> String {
    match days {
        0 => "today".to_owned(),
        1 => "tomorrow".to_owned(),
        -1 => "yesterday".to_owned(),
        d if d > 0 => format!("in {}", span(d.unsigned_abs())),
        d => format!("{} ago", span(d.unsigned_abs())),
    }
}

/// The wording of an end date: "Ends in 3 months", "Ends today", "Ended yesterday",
/// "Ended 2 years ago". The day itself still "Ends today".
pub fn ends(days: i64) -> String {
    if days >= 0 {
        format!("Ends {}", relative(days))
    } else {
        format!("Ended {}", relative(days))
    }
}

/// The words of the table's dates: relative wording and date display, in one language.
pub trait Words {
    /// "in 3 months", "2 years ago", "today" for a date `days` days from today.
    fn relative(&self, days: i64) -> String;
    /// "Ends in 3 months", "Ended yesterday" for an end date `days` days from today.
    fn ends(&self, days: i64) -> String;
    /// "07 Oct 2022", or "Oct 2022" for a month.
    fn date(&self, date: Date) -> String;
}

/// The site's English wording.
#[derive(Debug, Clone, Copy, Default)]
pub struct English;

impl Words for English {
    fn relative(&self, days: i64) -> String {
        relative(days)
    }

    fn ends(&self, days: i64) -> String {
        ends(days)
    }

    fn date(&self, date: Date) -> String {
        date.display()
    }
}

fn push_unit(text: &mut String, count: u64, name: &str) {
    text.push_str(&count.to_string());
    text.push(' ');
    text.push_str(name);
    if count != 1 {
        text.push('s');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_match_the_site_examples() {
        let cases = [
            (1, "1 day"),
            (6, "6 days"),
            (7, "1 week"),
            (10, "1 week and 3 days"),
            (14, "2 weeks"),
            (29, "1 month"),
            (30, "1 month"),
            (44, "1 month and 2 weeks"),
            (60, "2 months"),
            (100, "3 months"),
            (183, "6 months"),
            (360, "1 year"),
            (364, "1 year"),
            (365, "1 year"),
            (400, "1 year"),
            (500, "1 year and 4 months"),
            (445, "1 year and 2 months"),
            (1000, "2 years and 9 months"),
            (1175, "3 years"),
        ];
        for (days, text) in cases {
            assert_eq!(span(days), text, "{days} days");
        }
    }

    #[test]
    fn parts_keep_the_units_for_other_languages() {
        assert_eq!(parts(0), []);
        assert_eq!(parts(10), [(1, Unit::Week), (3, Unit::Day)]);
        assert_eq!(parts(100), [(3, Unit::Month)]);
        assert_eq!(parts(1000), [(2, Unit::Year), (9, Unit::Month)]);
    }

    #[test]
    fn relative_words_name_the_direction() {
        assert_eq!(relative(0), "today");
        assert_eq!(relative(1), "tomorrow");
        assert_eq!(relative(-1), "yesterday");
        assert_eq!(relative(10), "in 1 week and 3 days");
        assert_eq!(relative(-1000), "2 years and 9 months ago");
    }

    #[test]
    fn end_dates_read_ends_or_ended() {
        assert_eq!(ends(100), "Ends in 3 months");
        assert_eq!(ends(0), "Ends today");
        assert_eq!(ends(1), "Ends tomorrow");
        assert_eq!(ends(-1), "Ended yesterday");
        assert_eq!(ends(-730), "Ended 2 years ago");
    }
}
