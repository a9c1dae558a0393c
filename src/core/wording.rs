//! Relative time wording, as the site words it (jekyll-timeago 1.1.0, depth 2, threshold 0.1).

/// "3 months", "1 week and 3 days": the length of `days` days (sign ignored), in at most two
/// units; the second unit is dropped when it is under a tenth of the whole.
pub fn span(days: u64) -> String {
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
    let units = [
        (years, "year", 365),
        (months, "month", 30),
        (weeks, "week", 7),
        (day_count, "day", 1),
    ];
    let mut kept = units.iter().filter(|(count, _, _)| *count > 0);
    let mut text = String::new();
    if let Some(&(count, name, _)) = kept.next() {
        push_unit(&mut text, count, name);
    }
    if let Some(&(count, name, size)) = kept.next() {
        if count * size >= days / 10 {
            text.push_str(" and ");
            push_unit(&mut text, count, name);
        }
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
