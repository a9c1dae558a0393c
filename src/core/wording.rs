//! Relative time wording, as the site words it (jekyll-timeago 1.1.0, depth 2, threshold 0.1).

use super::date::Date;
use super::i18n::{Category, Messages, PluralRule, ENGLISH_MESSAGES};

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

/// The words of everything the widget shows: the message catalogue of one locale, its plural
/// rule, and relative wording and date display in that language.
pub trait Words {
    /// "in 3 months", "2 years ago", "today" for a date `days` days from today.
    fn relative(&self, days: i64) -> String;
    /// "Ends in 3 months", "Ended yesterday" for an end date `days` days from today.
    fn ends(&self, days: i64) -> String;
    /// "07 Oct 2022", or "Oct 2022" for a month.
    fn date(&self, date: Date) -> String;
    /// The short name of the month of `date`, for the timeline's axis: "Oct".
    fn month(&self, date: Date) -> String;
    /// The message catalogue.
    fn messages(&self) -> &Messages;
    /// The plural category of the count `n`.
    fn plural(&self, n: u64) -> Category;

    /// Message `id`, placeholders left in.
    fn text<'a>(&'a self, id: &'a str) -> &'a str {
        self.messages().text(id)
    }

    /// Message `id` with `args` filled in.
    fn format(&self, id: &str, args: &[(&str, &str)]) -> String {
        self.messages().format(id, args)
    }

    /// Plural message `id` for `count`, with `{count}` and `args` filled in.
    fn count(&self, id: &str, count: u64, args: &[(&str, &str)]) -> String {
        self.messages().count(id, count, self.plural(count), args)
    }
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

    fn month(&self, date: Date) -> String {
        date.month_abbr().to_owned()
    }

    fn messages(&self) -> &Messages {
        &ENGLISH_MESSAGES
    }

    /// CLDR's English rule natively; in the browser the DOM layer's words bring
    /// `Intl.PluralRules`, and this reads `other`.
    fn plural(&self, n: u64) -> Category {
        #[cfg(not(target_family = "wasm"))]
        return super::i18n::cldr_rule("en").category(n);
        #[cfg(target_family = "wasm")]
        return super::i18n::OtherOnly.category(n);
    }
}

/// Wording from the message catalogue alone, with the site's rounding: what the CLI uses for
/// `--locale` (the browser words dates through `Intl` instead).
pub struct Catalogued {
    messages: Messages,
    rule: Box<dyn PluralRule>,
}

impl Catalogued {
    /// Words of `messages`, counted by `rule`.
    pub fn new(messages: Messages, rule: Box<dyn PluralRule>) -> Catalogued {
        Catalogued { messages, rule }
    }

    /// The words of `locale` (through the catalogue's fallback chain), with CLDR's plural rule.
    #[cfg(not(target_family = "wasm"))]
    pub fn for_locale(locale: &str) -> Catalogued {
        let messages = Messages::for_locale(locale);
        let rule = super::i18n::cldr_rule(messages.tag());
        Catalogued::new(messages, rule)
    }

    fn span(&self, days: u64) -> String {
        let mut units = parts(days).into_iter().map(|(count, unit)| {
            let id = match unit {
                Unit::Year => "time.years",
                Unit::Month => "time.months",
                Unit::Week => "time.weeks",
                Unit::Day => "time.days",
            };
            self.count(id, count, &[])
        });
        let first = units.next().unwrap_or_default();
        match units.next() {
            Some(second) => self.format("time.and", &[("first", &first), ("second", &second)]),
            None => first,
        }
    }
}

impl Words for Catalogued {
    fn relative(&self, days: i64) -> String {
        match days {
            0 => self.text("time.today").to_owned(),
            1 => self.text("time.tomorrow").to_owned(),
            -1 => self.text("time.yesterday").to_owned(),
            d if d > 0 => self.format("time.future", &[("span", &self.span(d.unsigned_abs()))]),
            d => self.format("time.past", &[("span", &self.span(d.unsigned_abs()))]),
        }
    }

    fn ends(&self, days: i64) -> String {
        let id = if days >= 0 { "time.ends" } else { "time.ended" };
        self.format(id, &[("relative", &self.relative(days))])
    }

    fn date(&self, date: Date) -> String {
        let month = self.month(date);
        let year = date.year().to_string();
        match date.day() {
            Some(day) => {
                let day = format!("{day:02}");
                self.format(
                    "date.day",
                    &[("day", &day), ("month", &month), ("year", &year)],
                )
            }
            None => self.format("date.month", &[("month", &month), ("year", &year)]),
        }
    }

    fn month(&self, date: Date) -> String {
        self.text(&format!("month.{}", date.month())).to_owned()
    }

    fn messages(&self) -> &Messages {
        &self.messages
    }

    fn plural(&self, n: u64) -> Category {
        self.rule.category(n)
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
    #[cfg(not(target_family = "wasm"))]
    fn the_english_catalogue_words_dates_as_the_site_does() {
        let words = Catalogued::for_locale("en");
        for days in (-2000..2000).step_by(7).chain(-3..=3) {
            assert_eq!(words.relative(days), relative(days), "{days} days");
            assert_eq!(words.ends(days), ends(days), "{days} days");
        }
        let date = Date::from_ymd(2024, 10, 1).unwrap();
        assert_eq!(words.date(date), "01 Oct 2024");
        assert_eq!(words.date(Date::from_ym(2022, 6).unwrap()), "Jun 2022");
    }

    #[test]
    #[cfg(all(feature = "i18n", not(target_family = "wasm")))]
    fn other_languages_count_units_by_their_plural_rules() {
        let words = Catalogued::for_locale("pl");
        assert_eq!(words.relative(-365 * 2), "2 lata temu");
        assert_eq!(words.relative(-365 * 5), "5 lat temu");
        assert_eq!(words.relative(-365 * 22), "22 lata temu");
        let words = Catalogued::for_locale("ru");
        assert_eq!(words.relative(365 * 21), "через 21 год");
        assert_eq!(words.relative(365 * 3), "через 3 года");
        assert_eq!(words.relative(365 * 11), "через 11 лет");
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
