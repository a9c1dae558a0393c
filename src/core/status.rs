//! Derived status values (`../shared/REFERENCE.md` §2), computed against a given "today".

use super::date::{Date, Day};
use super::model::{Milestone, Release};

/// How far a release is towards one of its end dates (eoas, eol, discontinued, eoes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// The field is not in the file.
    Absent,
    /// The field is there with no value.
    Null,
    /// A plain yes/no: `true` = reached.
    Bool(bool),
    /// A date.
    Date {
        /// The date as written.
        date: Date,
        /// Days from today to the date's last day (negative once passed).
        days_left: i64,
        /// Reached: today is after the date (a month: after its last day).
        reached: bool,
        /// Ends soon: not reached, and within a third of the span since release, at most 120 days.
        soon: bool,
    },
}

impl Phase {
    /// The site's `is_x`: `None` when the field is absent or null.
    pub fn reached(self) -> Option<bool> {
        match self {
            Phase::Absent | Phase::Null => None,
            Phase::Bool(b) => Some(b),
            Phase::Date { reached, .. } => Some(reached),
        }
    }

    /// The site's `x_from`: the date, when the field is one.
    pub fn from(self) -> Option<Date> {
        match self {
            Phase::Date { date, .. } => Some(date),
            _ => None,
        }
    }
}

/// Long-term support state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lts {
    /// Not an LTS release.
    No,
    /// LTS (`lts: true`).
    Yes,
    /// LTS since this date.
    Since(Date),
    /// Becomes LTS after this date ("Upcoming LTS").
    Upcoming(Date),
}

impl Lts {
    /// The site's `is_lts`.
    pub fn is_lts(self) -> bool {
        matches!(self, Lts::Yes | Lts::Since(_))
    }

    /// The site's `lts_from`.
    pub fn from(self) -> Option<Date> {
        match self {
            Lts::Since(date) | Lts::Upcoming(date) => Some(date),
            Lts::No | Lts::Yes => None,
        }
    }
}

/// Everything the site computes about one release on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lifecycle {
    /// Long-term support.
    pub lts: Lts,
    /// End of active support.
    pub eoas: Phase,
    /// End of life.
    pub eol: Phase,
    /// Discontinued.
    pub discontinued: Phase,
    /// End of extended support.
    pub eoes: Phase,
    /// Any of the four phases exists and is not reached.
    pub maintained: bool,
}

/// The maximum "ends soon" window, in days.
const SOON_DAYS: f64 = 120.0;

/// Computes the release's statuses as of `today`.
pub fn lifecycle(release: &Release, today: Day) -> Lifecycle {
    let phase = |milestone| phase(milestone, release.release_date, today);
    let (eoas, eol, discontinued, eoes) = (
        phase(release.eoas),
        phase(release.eol),
        phase(release.discontinued),
        phase(release.eoes),
    );
    let maintained = [eoas, eol, discontinued, eoes]
        .iter()
        .any(|p| p.reached() == Some(false));
    let lts = match release.lts {
        Milestone::Bool(true) => Lts::Yes,
        Milestone::Date(date) if today > date.last_day() => Lts::Since(date),
        Milestone::Date(date) => Lts::Upcoming(date),
        Milestone::Absent | Milestone::Null | Milestone::Bool(false) => Lts::No,
    };
    Lifecycle {
        lts,
        eoas,
        eol,
        discontinued,
        eoes,
        maintained,
    }
}

/// The phase of one end-date field.
pub fn phase(milestone: Milestone, release_date: Option<Date>, today: Day) -> Phase {
    match milestone {
        Milestone::Absent => Phase::Absent,
        Milestone::Null => Phase::Null,
        Milestone::Bool(b) => Phase::Bool(b),
        Milestone::Date(date) => {
            let end = date.last_day();
            let days_left = today.days_until(end);
            let window = match release_date {
                Some(released) => {
                    (released.first_day().days_until(end) as f64 / 3.0).min(SOON_DAYS)
                }
                None => SOON_DAYS,
            };
            Phase::Date {
                date,
                days_left,
                reached: days_left < 0,
                soon: days_left >= 0 && days_left as f64 <= window,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Day {
        Date::parse(text).unwrap().first_day()
    }

    fn date_phase(end: &str, released: Option<&str>, today: &str) -> Phase {
        phase(
            Milestone::Date(Date::parse(end).unwrap()),
            released.map(|r| Date::parse(r).unwrap()),
            day(today),
        )
    }

    #[test]
    fn a_date_is_reached_the_day_after() {
        assert_eq!(
            date_phase("2022-05-01", None, "2022-05-01").reached(),
            Some(false)
        );
        assert_eq!(
            date_phase("2022-05-01", None, "2022-05-02").reached(),
            Some(true)
        );
    }

    #[test]
    fn a_month_is_reached_once_it_is_over() {
        assert_eq!(
            date_phase("2022-03", None, "2022-03-31").reached(),
            Some(false)
        );
        assert_eq!(
            date_phase("2022-03", None, "2022-04-01").reached(),
            Some(true)
        );
    }

    #[test]
    fn ends_soon_within_a_third_of_the_span_and_at_most_120_days() {
        // Istio 1.12: released 2021-11-18, eol 2022-06 (June 30): 224 days, a third is 74.
        let p = date_phase("2022-06", Some("2021-11-18"), "2022-05-01");
        assert!(
            matches!(
                p,
                Phase::Date {
                    days_left: 60,
                    soon: true,
                    reached: false,
                    ..
                }
            ),
            "{p:?}"
        );
        assert!(!matches!(
            date_phase("2022-06", Some("2021-11-18"), "2022-04-16"),
            Phase::Date { soon: true, .. }
        ));
        // A long-lived release: the window is capped at 120 days.
        assert!(matches!(
            date_phase("2030-01-01", Some("2020-01-01"), "2029-09-03"),
            Phase::Date { soon: true, .. }
        ));
        assert!(matches!(
            date_phase("2030-01-01", Some("2020-01-01"), "2029-09-02"),
            Phase::Date { soon: false, .. }
        ));
        // Without a release date, 120 days.
        assert!(matches!(
            date_phase("2022-05-31", None, "2022-05-01"),
            Phase::Date { soon: true, .. }
        ));
        // The day itself still ends soon; after it, it has ended.
        assert!(matches!(
            date_phase("2022-05-01", None, "2022-05-01"),
            Phase::Date { soon: true, .. }
        ));
        assert!(matches!(
            date_phase("2022-05-01", None, "2022-05-02"),
            Phase::Date {
                soon: false,
                reached: true,
                ..
            }
        ));
    }

    #[test]
    fn maintained_when_any_phase_is_not_reached() {
        let mut r = Release::new("1");
        assert!(
            !lifecycle(&r, day("2022-05-01")).maintained,
            "no data: not maintained"
        );
        r.eol = Milestone::Date(Date::parse("2021-01-01").unwrap());
        assert!(!lifecycle(&r, day("2022-05-01")).maintained);
        r.eoes = Milestone::Bool(false);
        assert!(lifecycle(&r, day("2022-05-01")).maintained);
        r.eoes = Milestone::Null;
        assert!(!lifecycle(&r, day("2022-05-01")).maintained);
    }

    #[test]
    fn lts_dates_start_the_day_after() {
        let mut r = Release::new("1");
        r.lts = Milestone::Date(Date::parse("2022-06-01").unwrap());
        assert_eq!(
            lifecycle(&r, day("2022-06-01")).lts,
            Lts::Upcoming(Date::parse("2022-06-01").unwrap())
        );
        assert_eq!(
            lifecycle(&r, day("2022-06-02")).lts,
            Lts::Since(Date::parse("2022-06-01").unwrap())
        );
        r.lts = Milestone::Bool(true);
        assert!(lifecycle(&r, day("2022-06-02")).lts.is_lts());
    }
}
