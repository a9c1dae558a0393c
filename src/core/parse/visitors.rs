//! The product and its releases.

use std::fmt;

use serde::de::{self, MapAccess, SeqAccess, Visitor};

use crate::core::error::Warning;
use crate::core::model::{CustomField, Link, Milestone, Release, Value};
use crate::core::yaml;

use super::budget::*;
use super::values::*;

/// Everything read from the front matter, before the two schemas are merged.
#[derive(Default)]
pub(super) struct RawProduct {
    pub(super) title: Option<String>,
    pub(super) permalink: Option<String>,
    pub(super) category: Option<String>,
    pub(super) tags: Vec<String>,
    pub(super) icon_slug: Option<String>,
    pub(super) version_command: Option<String>,
    pub(super) command: Option<String>,
    pub(super) release_policy_link: Option<String>,
    pub(super) release_image: Option<String>,
    pub(super) changelog_template: Option<String>,
    pub(super) release_label: Option<String>,
    pub(super) lts_label: Option<String>,
    pub(super) release_date_column: Option<ColumnSetting>,
    pub(super) discontinued_column: Option<ColumnSetting>,
    pub(super) eoas_column: Option<ColumnSetting>,
    pub(super) active_support_column: Option<ColumnSetting>,
    pub(super) eol_column: Option<ColumnSetting>,
    pub(super) eoes_column: Option<ColumnSetting>,
    pub(super) extended_support_column: Option<ColumnSetting>,
    pub(super) latest_column: Option<ColumnSetting>,
    pub(super) release_column: Option<ColumnSetting>,
    pub(super) custom_fields: Vec<CustomField>,
    pub(super) sort_releases_by: Option<String>,
    pub(super) aliases: Vec<String>,
    pub(super) identifiers: Vec<(String, String)>,
    pub(super) releases: Vec<Release>,
    pub(super) extra: Vec<(String, Value)>,
    pub(super) warnings: Vec<Warning>,
}

pub(super) const PRODUCT: &str = "a product file: a `---` line, YAML fields such as `title:` and `releases:`, another `---` line";

/// The product fields of the front matter.
pub(super) struct ProductVisitor<'k> {
    pub(super) keep: &'k Keep,
}

impl<'de> Visitor<'de> for ProductVisitor<'_> {
    type Value = RawProduct;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(PRODUCT)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawProduct, A::Error> {
        let keep = self.keep;
        let mut raw = RawProduct::default();
        let mut extra = Entries::default();
        while let Some(key) = map.next_key_seed(Any(field::<Value>("key", keep)))? {
            let key = key_text(key);
            let name = key.as_str();
            match name {
                "title" => raw.title = next(&mut map, name, keep)?,
                "permalink" => raw.permalink = next(&mut map, name, keep)?,
                "category" => raw.category = next(&mut map, name, keep)?,
                "tags" => raw.tags = next::<_, Tags>(&mut map, name, keep)?.0,
                "iconSlug" => raw.icon_slug = next(&mut map, name, keep)?,
                "versionCommand" => raw.version_command = next(&mut map, name, keep)?,
                "command" => raw.command = next(&mut map, name, keep)?,
                "releasePolicyLink" => raw.release_policy_link = next(&mut map, name, keep)?,
                "releaseImage" => raw.release_image = next(&mut map, name, keep)?,
                "changelogTemplate" => raw.changelog_template = next(&mut map, name, keep)?,
                "releaseLabel" => raw.release_label = next(&mut map, name, keep)?,
                "LTSLabel" => raw.lts_label = next(&mut map, name, keep)?,
                "releaseDateColumn" => raw.release_date_column = Some(next(&mut map, name, keep)?),
                "discontinuedColumn" => raw.discontinued_column = Some(next(&mut map, name, keep)?),
                "eoasColumn" => raw.eoas_column = Some(next(&mut map, name, keep)?),
                "activeSupportColumn" => {
                    raw.active_support_column = Some(next(&mut map, name, keep)?)
                }
                "eolColumn" => raw.eol_column = Some(next(&mut map, name, keep)?),
                "eoesColumn" => raw.eoes_column = Some(next(&mut map, name, keep)?),
                "extendedSupportColumn" => {
                    raw.extended_support_column = Some(next(&mut map, name, keep)?)
                }
                "latestColumn" => raw.latest_column = Some(next(&mut map, name, keep)?),
                "releaseColumn" => raw.release_column = Some(next(&mut map, name, keep)?),
                "customFields" => {
                    let CustomFields(fields, warnings) = next(&mut map, name, keep)?;
                    raw.custom_fields = fields;
                    raw.warnings.extend(warnings);
                }
                "sortReleasesBy" => raw.sort_releases_by = next(&mut map, name, keep)?,
                "alternate_urls" => {
                    let Texts(urls) = next(&mut map, name, keep)?;
                    raw.aliases = urls
                        .iter()
                        .map(|url| url.trim_matches('/').to_owned())
                        .collect();
                }
                "identifiers" => raw.identifiers = next::<_, Identifiers>(&mut map, name, keep)?.0,
                "releases" => raw.releases = map.next_value_seed(Any(ReleasesVisitor { keep }))?,
                _ => {
                    let value = map.next_value_seed(Any(Unknown { keep }))?;
                    extra.set(key, value);
                }
            }
        }
        raw.extra = extra.list;
        Ok(raw)
    }
}

/// The value of the entry `name` whose key was just read, as `T`.
pub(super) fn next<'de, A: MapAccess<'de>, T: FromValue>(
    map: &mut A,
    name: &str,
    keep: &Keep,
) -> Result<T, A::Error> {
    map.next_value_seed(Any(field(name, keep)))
}

/// The releases; nothing (`releases:`) is none.
pub(super) struct ReleasesVisitor<'k> {
    pub(super) keep: &'k Keep,
}

impl<'de> Visitor<'de> for ReleasesVisitor<'_> {
    type Value = Vec<Release>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("`releases` to be a list of releases (`- releaseCycle: \"1.2\"`)")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Vec<Release>, E> {
        Ok(Vec::new())
    }

    fn visit_none<E: de::Error>(self) -> Result<Vec<Release>, E> {
        Ok(Vec::new())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<Release>, A::Error> {
        let mut releases = Vec::new();
        while let Some(release) = seq.next_element_seed(Any(ReleaseVisitor {
            number: releases.len() + 1,
            keep: self.keep,
        }))? {
            releases.push(release);
        }
        Ok(releases)
    }
}

/// Release number `number`.
pub(super) struct ReleaseVisitor<'k> {
    number: usize,
    pub(super) keep: &'k Keep,
}

impl<'de> Visitor<'de> for ReleaseVisitor<'_> {
    type Value = Release;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "release {} to be a mapping of fields (`releaseCycle:`, `eol:`...)",
            self.number
        )
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Release, A::Error> {
        let keep = self.keep;
        keep.take(RELEASE_COST)?;
        let mut release = Release::new(String::new());
        let mut fields = Entries::default();
        let mut cycle = None;
        let mut release_date_2022 = None;
        let (mut support, mut extended_support) = (None, None);
        while let Some(key) = map.next_key_seed(Any(field::<Value>("key", keep)))? {
            let key = key_text(key);
            let name = key.as_str();
            match name {
                "releaseCycle" => cycle = next(&mut map, name, keep)?,
                "releaseLabel" => release.label_template = next(&mut map, name, keep)?,
                "codename" => release.codename = next(&mut map, name, keep)?,
                "releaseDate" => release.release_date = next(&mut map, name, keep)?,
                "release" => release_date_2022 = next(&mut map, name, keep)?,
                "eoas" => release.eoas = next(&mut map, name, keep)?,
                "support" => support = Some(next::<_, Milestone>(&mut map, name, keep)?),
                "eol" => release.eol = next(&mut map, name, keep)?,
                "discontinued" => release.discontinued = next(&mut map, name, keep)?,
                "eoes" => release.eoes = next(&mut map, name, keep)?,
                "extendedSupport" => {
                    extended_support = Some(next::<_, Milestone>(&mut map, name, keep)?)
                }
                "lts" => release.lts = next(&mut map, name, keep)?,
                "latest" => release.latest = next(&mut map, name, keep)?,
                "latestReleaseDate" => release.latest_release_date = next(&mut map, name, keep)?,
                "link" => {
                    release.link = match next::<_, Option<String>>(&mut map, name, keep)? {
                        Some(link) => Link::Given(link),
                        None => Link::None,
                    }
                }
                _ => {
                    let value = map.next_value_seed(Any(Unknown { keep }))?;
                    fields.set(key, value);
                }
            }
        }
        let Some(cycle) = cycle.filter(|c: &String| !c.trim().is_empty()) else {
            return Err(yaml::invalid(format_args!(
                "release {} has no `releaseCycle`: every release needs one, such as `- releaseCycle: \"1.2\"`",
                self.number
            )));
        };
        release.cycle = cycle;
        release.fields = fields.list;
        if release.release_date.is_none() {
            release.release_date = release_date_2022;
        }
        // 2022: `support: true` meant "still supported", the opposite of `eoas: true`.
        if let (Milestone::Absent, Some(support)) = (release.eoas, support) {
            release.eoas = invert(support);
        }
        if let (Milestone::Absent, Some(extended)) = (release.eoes, extended_support) {
            release.eoes = invert(extended);
        }
        Ok(release)
    }
}

pub(super) fn invert(milestone: Milestone) -> Milestone {
    match milestone {
        Milestone::Bool(b) => Milestone::Bool(!b),
        other => other,
    }
}

/// Release cycles that more than one release has: the site renders every row, so they stay, with
/// a warning for each repeat, in file order.
pub(super) fn repeated_cycle_warnings(releases: &[Release]) -> Vec<Warning> {
    let mut by_cycle: Vec<(&str, usize)> = releases
        .iter()
        .enumerate()
        .map(|(index, release)| (release.cycle.as_str(), index))
        .collect();
    by_cycle.sort_unstable();
    let mut repeats: Vec<(usize, usize)> = Vec::new();
    let mut first = None;
    for pair in by_cycle.windows(2) {
        if let [(a, a_index), (b, b_index)] = pair {
            if a == b {
                let first = *first.get_or_insert(*a_index);
                repeats.push((first, *b_index));
            } else {
                first = None;
            }
        }
    }
    repeats.sort_unstable_by_key(|&(_, again)| again);
    repeats
        .into_iter()
        .map(|(first, again)| {
            let cycle = releases.get(again).map_or("", |r| r.cycle.as_str());
            Warning::new(format!(
                "release cycle `{cycle}` appears more than once (releases {} and {}): every row is shown, and a version matches the first",
                first + 1,
                again + 1
            ))
        })
        .collect()
}
