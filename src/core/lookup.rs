//! "Is my version still supported?": matches a version to its release cycle and says what it
//! means today.

use serde::Serialize;

use super::date::Date;
use super::status::Phase;
use super::version;
use super::view::{ProductView, ReleaseView};
use super::wording::{English, Words};

/// A badge's (and a verdict's) colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Standing {
    /// Supported.
    Ok,
    /// Support ends soon.
    Soon,
    /// Past its end of life.
    Ended,
    /// Not found, or no end date known.
    Unknown,
}

impl Standing {
    /// `ok`, `soon`, `ended` or `unknown`.
    pub fn as_str(self) -> &'static str {
        match self {
            Standing::Ok => "ok",
            Standing::Soon => "soon",
            Standing::Ended => "ended",
            Standing::Unknown => "unknown",
        }
    }
}

/// A cycle to move to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Upgrade {
    /// The release cycle.
    pub cycle: String,
    /// Its latest version, when known.
    pub latest: Option<String>,
}

/// What `checkVersion` returns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Check {
    /// The product's name.
    pub product: String,
    /// The version asked about, as given.
    pub version: String,
    /// Whether a release cycle matched.
    pub found: bool,
    /// The matching cycle.
    pub cycle: Option<String>,
    /// Its label.
    pub label: Option<String>,
    /// ok, soon, ended or unknown.
    pub status: Standing,
    /// End of life reached (`null`: not known).
    pub is_eol: Option<bool>,
    /// End of life date (`YYYY-MM-DD` or `YYYY-MM`).
    pub eol_from: Option<String>,
    /// End of active support reached.
    pub is_eoas: Option<bool>,
    /// End of active support date.
    pub eoas_from: Option<String>,
    /// End of extended support reached.
    pub is_eoes: Option<bool>,
    /// End of extended support date.
    pub eoes_from: Option<String>,
    /// The cycle is still maintained.
    pub is_maintained: bool,
    /// Days until end of life (negative once past; `null` without an end-of-life date).
    pub days_left: Option<i64>,
    /// The cycle's latest version.
    pub latest: Option<String>,
    /// The version asked about is the cycle's latest.
    pub is_latest: bool,
    /// The newest maintained cycle, when it is not this one.
    pub upgrade: Option<Upgrade>,
    /// The newest maintained LTS cycle, when the product has LTS releases and it is not this one.
    pub upgrade_lts: Option<Upgrade>,
    /// When not found: the cycles nearest to the version.
    pub nearest: Vec<String>,
    /// The verdict in one sentence.
    pub message: String,
    /// The badge's short text: "ends in 2 months", "ended 1 year ago", "supported".
    pub short: String,
}

impl Check {
    /// The check of a `version` of `product` that matched nothing: status unknown, no dates,
    /// `message` saying why and `short` its few words.
    pub fn not_found(product: &str, version: &str, message: String, short: String) -> Check {
        Check {
            product: product.to_owned(),
            version: version.to_owned(),
            found: false,
            cycle: None,
            label: None,
            status: Standing::Unknown,
            is_eol: None,
            eol_from: None,
            is_eoas: None,
            eoas_from: None,
            is_eoes: None,
            eoes_from: None,
            is_maintained: false,
            days_left: None,
            latest: None,
            is_latest: false,
            upgrade: None,
            upgrade_lts: None,
            nearest: Vec::new(),
            message,
            short,
        }
    }
}

/// Finds the cycle of `version`: the longest cycle that is a prefix of it on a version boundary
/// (so `1.1` does not match `1.12.4`), then a codename, then an exact `latest` match. Where a
/// file lists a cycle twice, the first in display order matches.
pub fn find<'v, 'a>(view: &'v ProductView<'a>, version: &str) -> Option<&'v ReleaseView<'a>> {
    let wanted = normalise(version);
    let prefix = view
        .releases
        .iter()
        .filter(|r| is_prefix(&normalise(&r.release.cycle), &wanted))
        .fold(None, |best: Option<&ReleaseView<'a>>, r| match best {
            Some(b) if b.release.cycle.len() >= r.release.cycle.len() => Some(b),
            _ => Some(r),
        });
    prefix
        .or_else(|| {
            view.releases.iter().find(|r| {
                r.release
                    .codename
                    .as_deref()
                    .is_some_and(|c| c.eq_ignore_ascii_case(version.trim()))
            })
        })
        .or_else(|| {
            view.releases.iter().find(|r| {
                r.release
                    .latest
                    .as_deref()
                    .is_some_and(|l| normalise(l) == wanted)
            })
        })
}

/// Lower case, trimmed, without a leading `v`.
fn normalise(version: &str) -> String {
    let v = version.trim().to_lowercase();
    match v.strip_prefix('v') {
        Some(rest) if rest.starts_with(|c: char| c.is_ascii_digit()) => rest.to_owned(),
        _ => v,
    }
}

fn is_prefix(cycle: &str, version: &str) -> bool {
    if cycle.is_empty() || !version.starts_with(cycle) {
        return false;
    }
    // The cycle must end where a version part ends: `1.1` is not a prefix of `1.12.4`.
    version
        .get(cycle.len()..)
        .and_then(|rest| rest.chars().next())
        .map_or(true, |next| !next.is_ascii_alphanumeric())
}

/// Checks `version` against the evaluated product, in the site's English.
pub fn check(view: &ProductView<'_>, version: &str) -> Check {
    check_in(view, version, &English)
}

/// Checks `version` against the evaluated product, the messages worded by `words`.
pub fn check_in(view: &ProductView<'_>, version: &str, words: &dyn Words) -> Check {
    let product = view.product;
    let newest = |lts_only: bool| {
        view.releases
            .iter()
            .find(|r| r.life.maintained && (!lts_only || r.life.lts.is_lts()))
    };
    let has_lts = view.releases.iter().any(|r| r.life.lts.is_lts());
    let Some(found) = find(view, version) else {
        let nearest = nearest(view, version);
        let args = [
            ("version", version.trim()),
            ("product", product.title.as_str()),
        ];
        let message = match nearest.as_slice() {
            [] => words.format("verdict.notKnown", &args),
            [one] => words.format(
                "verdict.notKnownNearest",
                &[args[0], args[1], ("nearest", one)],
            ),
            [first, rest @ ..] => {
                let second = rest.join(", ");
                let both = words.format("time.and", &[("first", first), ("second", &second)]);
                words.format(
                    "verdict.notKnownNearest",
                    &[args[0], args[1], ("nearest", &both)],
                )
            }
        };
        return Check {
            upgrade: newest(false).map(upgrade),
            upgrade_lts: if has_lts {
                newest(true).map(upgrade)
            } else {
                None
            },
            nearest,
            ..Check::not_found(
                &product.title,
                version,
                message,
                words.text("short.unknownVersion").to_owned(),
            )
        };
    };
    let life = &found.life;
    let r = found.release;
    let status = match life.eol {
        Phase::Date { reached: true, .. } | Phase::Bool(true) => Standing::Ended,
        Phase::Date { soon: true, .. } => Standing::Soon,
        Phase::Date { .. } | Phase::Bool(false) => Standing::Ok,
        Phase::Absent | Phase::Null if life.maintained => Standing::Ok,
        Phase::Absent | Phase::Null => Standing::Unknown,
    };
    let days_left = match life.eol {
        Phase::Date { days_left, .. } => Some(days_left),
        _ => None,
    };
    let is_latest = r
        .latest
        .as_deref()
        .is_some_and(|l| normalise(l) == normalise(version));
    let same = |u: &&ReleaseView<'_>| u.release.cycle == r.cycle;
    let upgrade_to = newest(false).filter(|u| !same(u)).map(upgrade);
    let upgrade_lts = if has_lts {
        newest(true).filter(|u| !same(u)).map(upgrade)
    } else {
        None
    };
    let v = version.trim();
    let end = |date: Date| {
        let last =
            Date::from_ymd(date.year(), date.month(), 1).map_or(date, |_| date.last_day().date());
        words.date(last)
    };
    let said = |id: &str| words.format(id, &[("version", v)]);
    let (mut message, short) = match (life.eol, days_left) {
        (
            Phase::Date {
                date,
                reached: false,
                ..
            },
            Some(days),
        ) => (
            words.format(
                "verdict.supportedUntil",
                &[
                    ("version", v),
                    ("date", &end(date)),
                    ("relative", &lower(&words.ends(days))),
                ],
            ),
            lower(&words.ends(days)),
        ),
        (Phase::Date { date, .. }, Some(days)) => (
            words.format(
                "verdict.endedOn",
                &[
                    ("version", v),
                    ("date", &end(date)),
                    ("relative", &words.relative(days)),
                ],
            ),
            lower(&words.ends(days)),
        ),
        (Phase::Bool(true), _) => (
            said("verdict.noLongerSupported"),
            words.text("short.unsupported").to_owned(),
        ),
        (Phase::Bool(false), _) => (
            said("verdict.supported"),
            words.text("short.supported").to_owned(),
        ),
        _ if life.maintained => (
            said("verdict.supported"),
            words.text("short.supported").to_owned(),
        ),
        _ => (
            said("verdict.noDate"),
            words.text("short.noDate").to_owned(),
        ),
    };
    if let Some(latest) = &r.latest {
        if is_latest {
            message.push_str(&words.format("verdict.isLatest", &[("cycle", &r.cycle)]));
        } else {
            message.push_str(&words.format(
                "verdict.latestIs",
                &[("cycle", &r.cycle), ("latest", latest)],
            ));
        }
    }
    if let Some(to) = &upgrade_to {
        message.push_str(&words.format("verdict.upgrade", &[("cycle", &to.cycle)]));
    }
    Check {
        product: product.title.clone(),
        version: version.to_owned(),
        found: true,
        cycle: Some(r.cycle.clone()),
        label: Some(found.label.clone()),
        status,
        is_eol: life.eol.reached(),
        eol_from: life.eol.from().map(Date::iso),
        is_eoas: life.eoas.reached(),
        eoas_from: life.eoas.from().map(Date::iso),
        is_eoes: life.eoes.reached(),
        eoes_from: life.eoes.from().map(Date::iso),
        is_maintained: life.maintained,
        days_left,
        latest: r.latest.clone(),
        is_latest,
        upgrade: upgrade_to,
        upgrade_lts,
        nearest: Vec::new(),
        message,
        short,
    }
}

fn lower(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn upgrade(release: &ReleaseView<'_>) -> Upgrade {
    Upgrade {
        cycle: release.release.cycle.clone(),
        latest: release.release.latest.clone(),
    }
}

/// The cycles just below and just above `version` in version order (two from one side when the
/// other has none).
fn nearest(view: &ProductView<'_>, version: &str) -> Vec<String> {
    let wanted = normalise(version);
    let mut cycles: Vec<&str> = view
        .releases
        .iter()
        .map(|r| r.release.cycle.as_str())
        .collect();
    cycles.sort_by(|a, b| version::compare(&normalise(a), &normalise(b)));
    let split = cycles
        .iter()
        .position(|c| version::compare(&normalise(c), &wanted).is_gt())
        .unwrap_or(cycles.len());
    let (below, above) = cycles.split_at(split);
    let mut out: Vec<String> = Vec::new();
    match (below.last(), above.first()) {
        (Some(b), Some(a)) => out.extend([b.to_string(), a.to_string()]),
        (Some(_), None) => out.extend(below.iter().rev().take(2).map(|c| c.to_string())),
        (None, Some(_)) => out.extend(above.iter().take(2).map(|c| c.to_string())),
        (None, None) => {}
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::{parse::parse, parse_today, products, view};

    fn istio_check(version: &str) -> Check {
        let product = parse(products::ISTIO).unwrap();
        check(
            &view::evaluate(&product, parse_today("2022-05-01").unwrap()),
            version,
        )
    }

    fn cycle_of(yaml: &str, version: &str) -> Option<String> {
        let product = parse(yaml).unwrap();
        let view = view::evaluate(&product, parse_today("2022-05-01").unwrap());
        find(&view, version).map(|r| r.release.cycle.clone())
    }

    #[test]
    fn istio_1_12_4_ends_soon_with_60_days_left() {
        let c = istio_check("1.12.4");
        assert_eq!(c.cycle.as_deref(), Some("1.12"));
        assert_eq!(c.status, Standing::Soon);
        assert_eq!(c.days_left, Some(60));
        assert_eq!(c.upgrade.as_ref().map(|u| u.cycle.as_str()), Some("1.13"));
        assert_eq!(
            c.message,
            "1.12.4 is supported until 30 Jun 2022 \u{2014} ends in 2 months; upgrade to 1.13"
        );
        assert_eq!(c.short, "ends in 2 months");
    }

    #[test]
    fn unknown_versions_name_the_nearest_cycles() {
        let c = istio_check("2.0.0");
        assert!(!c.found);
        assert_eq!(c.nearest, ["1.13", "1.12"]);
        assert_eq!(
            c.message,
            "2.0.0 is not a known Istio release; the nearest are 1.13 and 1.12"
        );
        assert_eq!(istio_check("1.10.5").cycle.as_deref(), Some("1.10"));
        assert_eq!(istio_check("1.11.9").nearest, Vec::<String>::new());
        assert_eq!(istio_check("1.12.9-rc1").cycle.as_deref(), Some("1.12"));
    }

    #[test]
    fn ended_cycles_say_when() {
        let c = istio_check("v1.9.8");
        assert_eq!(c.cycle.as_deref(), Some("1.9"));
        assert_eq!(c.status, Standing::Ended);
        assert_eq!(c.days_left, Some(-205));
        assert_eq!(c.message, "v1.9.8 reached its end of life on 08 Oct 2021 \u{2014} 6 months and 3 weeks ago; upgrade to 1.13");
    }

    #[test]
    fn matching_rules() {
        let yaml = "releases:\n\
            - releaseCycle: \"1.1\"\n- releaseCycle: \"1.12\"\n  latest: \"1.12.9\"\n- releaseCycle: \"22.04\"\n  codename: Jammy Jellyfish\n\
            - releaseCycle: \"R450-Linux\"\n- releaseCycle: \"1.6 and earlier\"\n- releaseCycle: \"8\"\n  latest: \"8u402\"\n";
        let cases = [
            ("1.12.4", Some("1.12")),
            ("v1.12.4", Some("1.12")),
            ("1.12", Some("1.12")),
            ("1.1", Some("1.1")),
            ("1.1.7", Some("1.1")),
            ("1.13", None),
            ("22.04.3 LTS", Some("22.04")),
            ("jammy jellyfish", Some("22.04")),
            ("R450-Linux", Some("R450-Linux")),
            ("r450-linux.99", Some("R450-Linux")),
            ("1.6 and earlier", Some("1.6 and earlier")),
            ("8u402", Some("8")),
            ("81", None),
            ("", None),
        ];
        for (version, cycle) in cases {
            assert_eq!(cycle_of(yaml, version).as_deref(), cycle, "{version:?}");
        }
    }

    #[test]
    fn the_latest_version_and_lts_upgrades() {
        let yaml = "releases:\n\
            - releaseCycle: \"3\"\n  eol: false\n  latest: \"3.1.0\"\n\
            - releaseCycle: \"2\"\n  eol: false\n  lts: true\n  latest: \"2.9.1\"\n\
            - releaseCycle: \"1\"\n  eol: 2021-01-01\n  latest: \"1.4.2\"\n";
        let product = parse(yaml).unwrap();
        let view = view::evaluate(&product, parse_today("2022-05-01").unwrap());
        let c = check(&view, "2.9.1");
        assert!(c.is_latest);
        assert_eq!(
            c.message,
            "2.9.1 is supported; it is the latest 2 release; upgrade to 3"
        );
        assert_eq!(c.upgrade_lts, None, "already on the newest LTS");
        let c = check(&view, "1.2");
        assert_eq!(c.latest.as_deref(), Some("1.4.2"));
        assert_eq!(c.upgrade_lts.as_ref().map(|u| u.cycle.as_str()), Some("2"));
        assert!(
            c.message.contains("latest in 1 is 1.4.2; upgrade to 3"),
            "{}",
            c.message
        );
    }
}
