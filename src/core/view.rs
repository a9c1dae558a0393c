//! A product evaluated on a given day: each release's statuses, label and link, computed once
//! for every output (the table, the API JSON).

use super::date::Day;
use super::error::Warning;
use super::model::{Link, Product, Release, Value};
use super::parse::strip_html;
use super::slice;
use super::status::{self, Lifecycle, Lts};
use super::template::{self, Budget, Vars};
use super::url;

/// The product's LTS label, read from its HTML: `<abbr title="Long Term Support">LTS</abbr>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LtsLabel {
    /// The visible text (`LTS`).
    pub text: String,
    /// The `title` of the label, when it has one (`Long Term Support`).
    pub title: Option<String>,
}

/// One release, evaluated.
#[derive(Debug, Clone)]
pub struct ReleaseView<'a> {
    /// The release as read.
    pub release: &'a Release,
    /// Its statuses today.
    pub life: Lifecycle,
    /// Its label from `releaseLabel` (HTML removed), without the LTS mark.
    pub label: String,
    /// Its link, already checked against the URL allowlist.
    pub link: Option<String>,
}

/// A product evaluated on a given day.
#[derive(Debug, Clone)]
pub struct ProductView<'a> {
    /// The product as read.
    pub product: &'a Product,
    /// The day the statuses are computed for.
    pub today: Day,
    /// The releases, in display order.
    pub releases: Vec<ReleaseView<'a>>,
    /// The LTS label.
    pub lts_label: LtsLabel,
    /// The release policy link, checked against the allowlist.
    pub release_policy_link: Option<String>,
    /// The product's warnings plus those found while evaluating.
    pub warnings: Vec<Warning>,
}

impl ReleaseView<'_> {
    /// The label as the site's API gives it: with ` (LTS)` or ` (Upcoming LTS)` appended.
    pub fn full_label(&self, lts: &LtsLabel) -> String {
        match self.life.lts {
            Lts::Yes | Lts::Since(_) => format!("{} ({})", self.label, lts.text),
            Lts::Upcoming(_) => format!("{} (Upcoming {})", self.label, lts.text),
            Lts::No => self.label.clone(),
        }
    }
}

/// Evaluates `product` as of `today`.
pub fn evaluate(product: &Product, today: Day) -> ProductView<'_> {
    let mut warnings = product.warnings.clone();
    // One budget for all the product's templates, growing with the number of releases (which
    // the file's size bounds): a costly template is not multiplied by hundreds of releases.
    let releases = u64::try_from(product.releases.len()).unwrap_or(u64::MAX);
    let mut budget =
        Budget::new(Budget::PER_PRODUCT.saturating_add(releases.saturating_mul(STEPS_PER_RELEASE)));
    let releases = product
        .releases
        .iter()
        .map(|release| evaluate_release(product, release, today, &mut budget, &mut warnings))
        .collect();
    let release_policy_link = product
        .release_policy_link
        .as_deref()
        .and_then(|raw| checked_url(raw, "`releasePolicyLink`", &mut warnings));
    ProductView {
        product,
        today,
        releases,
        lts_label: lts_label(&product.lts_label),
        release_policy_link,
        warnings: summarised(warnings),
    }
}

/// Template steps each release adds to the product's budget.
const STEPS_PER_RELEASE: u64 = 500;

/// The most warnings a product reports one by one; the rest are counted.
pub const MAX_WARNINGS: usize = 50;

/// The first [`MAX_WARNINGS`] warnings, then one that counts the others.
fn summarised(mut warnings: Vec<Warning>) -> Vec<Warning> {
    if warnings.len() > MAX_WARNINGS {
        let more = warnings.len() - MAX_WARNINGS;
        warnings.truncate(MAX_WARNINGS);
        warnings.push(Warning::new(format!(
            "{more} more warnings like these are not listed"
        )));
    }
    warnings
}

fn evaluate_release<'a>(
    product: &Product,
    release: &'a Release,
    today: Day,
    budget: &mut Budget,
    warnings: &mut Vec<Warning>,
) -> ReleaseView<'a> {
    let text_field = |name: &str| release.field(name).and_then(Value::as_text);
    let (cycle_short_hand, latest_short_hand) =
        (text_field("cycleShortHand"), text_field("latestShortHand"));
    let vars = Vars {
        cycle: &release.cycle,
        codename: release.codename.as_deref(),
        release_date: release.release_date,
        latest: release.latest.as_deref(),
        latest_release_date: release.latest_release_date,
        cycle_short_hand: cycle_short_hand.as_deref(),
        latest_short_hand: latest_short_hand.as_deref(),
    };
    let label = match release
        .label_template
        .as_deref()
        .or(product.release_label.as_deref())
    {
        Some(template) => match template::render_with_budget(template, &vars, budget) {
            Ok(label) => strip_html(&label).trim().to_owned(),
            Err(err) => {
                warnings.push(Warning::new(format!(
                    "the label of release `{}` could not be evaluated ({err}): the release cycle is shown instead",
                    release.cycle
                )));
                release.cycle.clone()
            }
        },
        None => release.cycle.clone(),
    };
    let label = if label.is_empty() {
        release.cycle.clone()
    } else {
        label
    };
    let template = match &release.link {
        Link::None => None,
        Link::Given(link) if !link.contains("__") => Some(Ok(link.clone())),
        Link::Given(link) => Some(template::render_with_budget(link, &vars, budget)),
        Link::Default => product
            .changelog_template
            .as_deref()
            .map(|template| template::render_with_budget(template, &vars, budget)),
    };
    let what = format!("the link of release `{}`", release.cycle);
    let link = match template {
        None => None,
        Some(Ok(link)) => checked_url(&link, &what, warnings),
        Some(Err(err)) => {
            warnings.push(Warning::new(format!(
                "{what} could not be evaluated ({err}): it is left out"
            )));
            None
        }
    };
    ReleaseView {
        release,
        life: status::lifecycle(release, today),
        label,
        link,
    }
}

fn checked_url(raw: &str, what: &str, warnings: &mut Vec<Warning>) -> Option<String> {
    if raw.trim().is_empty() {
        return None;
    }
    let safe = url::safe(raw);
    match &safe {
        None => warnings.push(Warning::new(format!(
            "{what} is not an http, https, mailto or relative URL: it is left out"
        ))),
        Some(_) if url::has_stray_characters(raw) => warnings.push(Warning::new(format!(
            "{what} has stray characters around it (`{}`): they are ignored",
            raw.trim()
        ))),
        Some(_) => {}
    }
    safe
}

/// Reads the LTS label's text and `title` from its HTML, without ever rendering the HTML.
pub fn lts_label(html: &str) -> LtsLabel {
    let text = strip_html(html).trim().to_owned();
    let title = html.find("title=").and_then(|at| {
        let rest = slice::from(html, at + "title=".len());
        let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
        let rest = slice::from(rest, 1);
        rest.find(quote)
            .map(|end| slice::upto(rest, end).to_owned())
    });
    LtsLabel {
        text: if text.is_empty() {
            "LTS".to_owned()
        } else {
            text
        },
        title,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::date::Date;
    use crate::core::parse::parse;

    fn today() -> Day {
        Date::parse("2022-05-01").unwrap().first_day()
    }

    #[test]
    fn lts_labels_are_read_not_rendered() {
        assert_eq!(
            lts_label("<abbr title=\"Long Term Support\">LTS</abbr>"),
            LtsLabel {
                text: "LTS".into(),
                title: Some("Long Term Support".into())
            }
        );
        assert_eq!(
            lts_label("<abbr title='Extended Support Release'>ESR</abbr>"),
            LtsLabel {
                text: "ESR".into(),
                title: Some("Extended Support Release".into())
            }
        );
        assert_eq!(
            lts_label("LTS"),
            LtsLabel {
                text: "LTS".into(),
                title: None
            }
        );
    }

    #[test]
    fn links_come_from_the_release_or_the_changelog_template() {
        let p = parse(
            "changelogTemplate: https://x.org/__RELEASE_CYCLE__/\nreleases:\n\
             - releaseCycle: a\n- releaseCycle: b\n  link: null\n- releaseCycle: c\n  link: https://c.org/\n\
             - releaseCycle: d\n  link: https://d.org/__LATEST__\n  latest: \"1.0\"\n- releaseCycle: e\n  link: javascript:alert(1)\n",
        )
        .unwrap();
        let view = evaluate(&p, today());
        let links: Vec<_> = view.releases.iter().map(|r| r.link.as_deref()).collect();
        assert_eq!(
            links,
            [
                Some("https://x.org/a/"),
                None,
                Some("https://c.org/"),
                Some("https://d.org/1.0"),
                None
            ]
        );
        assert!(view
            .warnings
            .iter()
            .any(|w| w.message.contains("release `e`")));
    }

    #[test]
    fn templates_that_fail_leave_a_warning_naming_the_release() {
        let p = parse(
            "changelogTemplate: \"https://x.org/{{ '__RELEASE_CYCLE__' | frobnicate }}\"\n\
             releaseLabel: \"{% if true %}v__RELEASE_CYCLE__\"\nreleases:\n- releaseCycle: \"1.2\"\n",
        )
        .unwrap();
        let view = evaluate(&p, today());
        assert_eq!(view.releases[0].link, None);
        assert_eq!(view.releases[0].label, "1.2");
        let messages: Vec<_> = view.warnings.iter().map(|w| w.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "the label of release `1.2` could not be evaluated (`if` is not closed with `endif`): the release cycle is shown instead",
                "the link of release `1.2` could not be evaluated (unknown filter `frobnicate`): it is left out",
            ]
        );
    }

    #[test]
    fn one_budget_is_shared_by_the_templates_of_all_releases() {
        let costly = format!(
            "https://x.org/{{{{ '__RELEASE_CYCLE__{}' | split: ''{} | join: '' | size }}}}",
            "x".repeat(1000),
            " | slice: 0, 1000".repeat(300)
        );
        let releases: String = (0..40)
            .map(|i| format!("- releaseCycle: \"{i}\"\n"))
            .collect();
        let p = parse(&format!(
            "changelogTemplate: \"{costly}\"\nreleases:\n{releases}"
        ))
        .unwrap();
        let view = evaluate(&p, today());
        assert_eq!(view.releases[0].link.as_deref(), Some("https://x.org/1000"));
        assert_eq!(view.releases[39].link, None);
        assert!(view.warnings.iter().any(|w| w.message
            == "the link of release `39` could not be evaluated (the templates take more than 4020000 steps of work): it is left out"));
    }

    #[test]
    fn past_fifty_warnings_the_rest_are_counted() {
        let releases: String = (0..80)
            .map(|i| format!("- releaseCycle: \"{i}\"\n"))
            .collect();
        let p = parse(&format!(
            "changelogTemplate: \"{{{{ x | frobnicate }}}}\"\nreleases:\n{releases}"
        ))
        .unwrap();
        let view = evaluate(&p, today());
        assert_eq!(view.warnings.len(), MAX_WARNINGS + 1);
        assert_eq!(
            view.warnings.last().map(|w| w.message.as_str()),
            Some("30 more warnings like these are not listed")
        );
    }

    #[test]
    fn labels_come_from_release_label_templates() {
        let p = parse(
            "releaseLabel: \"Leap __RELEASE_CYCLE__\"\nreleases:\n- releaseCycle: \"15.3\"\n\
             - releaseCycle: \"16.0\"\n  codename: Dallas\n  releaseLabel: \"2022 '__CODENAME__'\"\n  lts: true\n",
        )
        .unwrap();
        let view = evaluate(&p, today());
        assert_eq!(view.releases[0].label, "Leap 15.3");
        assert_eq!(
            view.releases[1].full_label(&view.lts_label),
            "2022 'Dallas' (LTS)"
        );
    }
}
