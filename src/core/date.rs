//! Calendar dates as product files write them: full days, or months alone.

use std::fmt;

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A date from a product file, either a full day (`2022-10-07`) or a month (`2022-10`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: Option<u8>,
}

/// Why a string is not a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateError {
    /// Not of the form `YYYY-MM-DD` or `YYYY-MM`.
    Shape,
    /// Of the right form, but no such day (`2022-02-30`) or month (`2022-13`).
    Impossible,
}

impl Date {
    /// A full day; `None` when there is no such day.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1..=9999).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        let month = month as u8;
        if day < 1 || day > u32::from(days_in_month(year, month)) {
            return None;
        }
        Some(Date {
            year,
            month,
            day: Some(day as u8),
        })
    }

    /// A whole month; `None` when there is no such month.
    pub fn from_ym(year: i32, month: u32) -> Option<Date> {
        if !(1..=9999).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        Some(Date {
            year,
            month: month as u8,
            day: None,
        })
    }

    /// Reads `YYYY-MM-DD` (also unpadded, `2022-12-1`), `YYYY-MM`, or a timestamp whose date part
    /// is `YYYY-MM-DD` (`2022-12-01T10:00:00Z`).
    pub fn parse(text: &str) -> Result<Date, DateError> {
        let text = text.trim();
        let date_part = text
            .split_once(['T', 't', ' '])
            .map_or(text, |(date, _time)| date);
        let mut parts = date_part.split('-');
        let year = number(parts.next(), 4, 4)?;
        let month = number(parts.next(), 1, 2)?;
        let day = match parts.next() {
            Some(day) => Some(number(Some(day), 1, 2)?),
            None => None,
        };
        if parts.next().is_some() || (day.is_none() && date_part.len() != text.len()) {
            return Err(DateError::Shape);
        }
        let year = year as i32;
        match day {
            Some(day) => Date::from_ymd(year, month, day).ok_or(DateError::Impossible),
            None => Date::from_ym(year, month).ok_or(DateError::Impossible),
        }
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1 to 12.
    pub fn month(self) -> u32 {
        u32::from(self.month)
    }

    /// The day of the month, or `None` for a month-precision date.
    pub fn day(self) -> Option<u32> {
        self.day.map(u32::from)
    }

    /// True for a month-precision date such as `2022-10`.
    pub fn is_month(self) -> bool {
        self.day.is_none()
    }

    /// The first day this date covers: the day itself, or the month's first day.
    pub fn first_day(self) -> Day {
        Day::from_civil(self.year, self.month, self.day.unwrap_or(1))
    }

    /// The last day this date covers: the day itself, or the month's last day. End dates
    /// (end of life, end of support) are compared through this day.
    pub fn last_day(self) -> Day {
        let day = self
            .day
            .unwrap_or_else(|| days_in_month(self.year, self.month));
        Day::from_civil(self.year, self.month, day)
    }

    /// ISO form: `2022-10-07`, or `2022-10` for a month.
    pub fn iso(self) -> String {
        match self.day {
            Some(day) => format!("{:04}-{:02}-{:02}", self.year, self.month, day),
            None => format!("{:04}-{:02}", self.year, self.month),
        }
    }

    /// The month's English abbreviation: `Oct`.
    pub fn month_abbr(self) -> &'static str {
        MONTHS
            .get(usize::from(self.month).wrapping_sub(1))
            .copied()
            .unwrap_or("???")
    }

    /// Display form as the site writes it (`%d %b %Y`): `07 Oct 2022`, or `Oct 2022` for a month.
    pub fn display(self) -> String {
        let name = self.month_abbr();
        match self.day {
            Some(day) => format!("{:02} {} {}", day, name, self.year),
            None => format!("{} {}", name, self.year),
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

/// A day as a count of days since 1970-01-01, for arithmetic between dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(i64);

impl Day {
    /// The day with this number (days since 1970-01-01).
    pub fn from_number(days: i64) -> Day {
        Day(days)
    }

    /// Days since 1970-01-01.
    pub fn number(self) -> i64 {
        self.0
    }

    /// Days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Day) -> i64 {
        later.0 - self.0
    }

    /// The calendar date of this day.
    pub fn date(self) -> Date {
        // Howard Hinnant's civil_from_days.
        let z = self.0 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date {
            year: i32::try_from(year).unwrap_or(1970),
            month: month as u8,
            day: Some(day as u8),
        }
    }

    // Howard Hinnant's days_from_civil.
    fn from_civil(year: i32, month: u8, day: u8) -> Day {
        let (month, day) = (i64::from(month), i64::from(day));
        let year = i64::from(year) - i64::from(month <= 2);
        let era = year.div_euclid(400);
        let yoe = year - era * 400;
        let mp = (month + 9) % 12;
        let doy = (153 * mp + 2) / 5 + day - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Day(era * 146_097 + doe - 719_468)
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn number(part: Option<&str>, min_len: usize, max_len: usize) -> Result<u32, DateError> {
    let part = part.ok_or(DateError::Shape)?;
    if part.len() < min_len || part.len() > max_len || !part.bytes().all(|b| b.is_ascii_digit()) {
        return Err(DateError::Shape);
    }
    part.parse().map_err(|_| DateError::Shape)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_full_unpadded_and_month_dates() {
        let cases = [
            ("2022-02-11", "2022-02-11", "11 Feb 2022"),
            ("2022-12-1", "2022-12-01", "01 Dec 2022"),
            ("2015-11-4", "2015-11-04", "04 Nov 2015"),
            ("2022-10", "2022-10", "Oct 2022"),
            (" 2024-02-29 ", "2024-02-29", "29 Feb 2024"),
            ("2021-10-05T00:00:00Z", "2021-10-05", "05 Oct 2021"),
        ];
        for (input, iso, display) in cases {
            let date = Date::parse(input).unwrap();
            assert_eq!(date.iso(), iso, "{input}");
            assert_eq!(date.display(), display, "{input}");
        }
    }

    #[test]
    fn rejects_impossible_and_malformed_dates() {
        assert_eq!(Date::parse("2022-02-30"), Err(DateError::Impossible));
        assert_eq!(Date::parse("2023-02-29"), Err(DateError::Impossible));
        assert_eq!(Date::parse("2022-13"), Err(DateError::Impossible));
        for bad in [
            "soon",
            "2022",
            "22-10-01",
            "2022-10-01-02",
            "2022/10/01",
            "",
            "2022-1o",
        ] {
            assert_eq!(Date::parse(bad), Err(DateError::Shape), "{bad}");
        }
    }

    #[test]
    fn month_dates_span_the_whole_month() {
        let june = Date::parse("2022-06").unwrap();
        assert_eq!(
            june.first_day(),
            Date::parse("2022-06-01").unwrap().first_day()
        );
        assert_eq!(
            june.last_day(),
            Date::parse("2022-06-30").unwrap().last_day()
        );
        let feb = Date::parse("2024-02").unwrap();
        assert_eq!(
            feb.last_day(),
            Date::parse("2024-02-29").unwrap().last_day()
        );
    }

    #[test]
    fn days_turn_back_into_dates() {
        for text in [
            "1970-01-01",
            "2000-02-29",
            "2022-05-01",
            "2024-12-31",
            "1999-03-01",
        ] {
            let date = Date::parse(text).unwrap();
            assert_eq!(date.first_day().date(), date, "{text}");
        }
    }

    #[test]
    fn day_numbers_count_from_the_unix_epoch() {
        assert_eq!(Date::parse("1970-01-01").unwrap().first_day().number(), 0);
        assert_eq!(
            Date::parse("2022-05-01").unwrap().first_day().number(),
            19113
        );
        let a = Date::parse("2022-05-01").unwrap().first_day();
        let b = Date::parse("2022-06-30").unwrap().first_day();
        assert_eq!(a.days_until(b), 60);
    }
}
