//! Reads a product file, in the 2022 schema or the current one, into the normalised [`Product`].
//!
//! The visitors here stream through the YAML with serde (so an error points at the value that is
//! wrong) and map 2022 fields onto current ones as they go: `release` → `releaseDate`, `support`
//! → `eoas` and `extendedSupport` → `eoes` (booleans inverted), `releaseColumn` → the Latest
//! column, `command` → `versionCommand`, and `sortReleasesBy` applied once all releases are read.
//! A key given twice keeps its last value, as the site's Ruby and `JSON.parse` do.

mod budget;
mod values;
mod visitors;

use std::cmp::Ordering;

use super::date::{Date, Day};
use super::error::{Error, Location, Warning};
use super::frontmatter;
use super::slice;
use super::version;
use super::yaml;
use crate::core::model::{
    headers, Columns, CustomField, Milestone, Names, Product, Release, Value,
};

pub(crate) use budget::check_release_count;
use budget::Keep;
#[cfg(doc)]
use values::FromValue;
use values::{field, Any, ColumnSetting};
use visitors::{repeated_cycle_warnings, ProductVisitor, RawProduct};

/// The LTS label when a product names none.
pub const DEFAULT_LTS_LABEL: &str = "<abbr title=\"Long Term Support\">LTS</abbr>";

/// Parses a product file: Markdown with YAML front matter, or bare YAML.
pub fn parse(source: &str) -> Result<Product, Error> {
    parse_named(source, &Names::default())
}

/// Parses a product file as [`parse`] does; `names` name it where the file does not.
pub fn parse_named(source: &str, names: &Names) -> Result<Product, Error> {
    let parts = frontmatter::split(source)?;
    if parts.yaml.trim().is_empty() {
        return Err(Error::content(
            "there are no product fields: expected YAML such as `title: Istio` and `releases:`",
            Some(Location {
                line: parts.yaml_line,
                column: 1,
            }),
        ));
    }
    let keep = Keep::for_input(source.len());
    let raw = yaml::read(
        parts.yaml,
        parts.yaml_line,
        Any(ProductVisitor { keep: &keep }),
    )?;
    Ok(normalise(raw, parts.body, names))
}

/// Reads any YAML or JSON text into a [`Value`] tree.
pub fn parse_value(text: &str) -> Result<Value, Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let keep = Keep::for_input(text.len());
    yaml::read(text, 1, Any(field::<Value>("the document", &keep)))
}

// ---------------------------------------------------------------------------------------------
// Merging the schemas.

fn normalise(raw: RawProduct, body: &str, names: &Names) -> Product {
    let mut warnings = raw.warnings;
    let id = names.id(
        raw.permalink
            .as_deref()
            .map(|p| p.trim().trim_matches('/').to_owned())
            .filter(|p| !p.is_empty())
            .or_else(|| raw.title.as_deref().map(slug)),
        "product",
    );
    let title = names.title(raw.title, || id.clone());
    let mut tags = raw.tags;
    if let Some(category) = &raw.category {
        tags.push(category.clone());
    }
    tags.sort();
    let columns = Columns {
        release_date: column(raw.release_date_column, headers::RELEASE_DATE, true),
        discontinued: column(raw.discontinued_column, headers::DISCONTINUED, false),
        eoas: column(
            raw.eoas_column.or(raw.active_support_column),
            headers::EOAS,
            false,
        ),
        eol: column(raw.eol_column, headers::EOL, true),
        eoes: column(
            raw.eoes_column.or(raw.extended_support_column),
            headers::EOES,
            false,
        ),
        // A 2022 file's `releaseColumn` was the switch of what is now the Latest column.
        latest: column(
            raw.release_column.or(raw.latest_column),
            headers::LATEST,
            true,
        ),
    };
    let version_command = raw.version_command.or(raw.command);
    if let Some(why) = version_command
        .as_deref()
        .and_then(super::card::suspicious_command)
    {
        warnings.push(Warning::new(format!(
            "the version command holds {why}: the card shows it as it is, and Copy copies exactly what it shows"
        )));
    }
    let mut releases = raw.releases;
    warnings.extend(repeated_cycle_warnings(&releases));
    if let Some(by) = raw.sort_releases_by.as_deref() {
        sort_releases(&mut releases, by);
    }
    warnings.extend(date_order_warnings(&releases));
    warnings.extend(unknown_field_warnings(
        &raw.extra,
        &releases,
        &raw.custom_fields,
    ));
    Product {
        id,
        title,
        category: raw.category,
        tags,
        icon_slug: raw
            .icon_slug
            .filter(|slug| slug != "NA" && !slug.trim().is_empty()),
        version_command,
        release_policy_link: raw.release_policy_link,
        release_image: raw.release_image,
        changelog_template: raw.changelog_template,
        release_label: raw.release_label,
        lts_label: raw
            .lts_label
            .unwrap_or_else(|| DEFAULT_LTS_LABEL.to_owned()),
        columns,
        custom_fields: raw.custom_fields,
        aliases: raw.aliases,
        identifiers: raw.identifiers,
        releases,
        body: body.to_owned(),
        extra: raw.extra,
        warnings,
    }
}

/// Product fields the site knows besides those this model reads.
const OTHER_PRODUCT_FIELDS: &[&str] = &[
    "layout",
    "auto",
    "addedAt",
    "alternative_urls",
    "description",
    "icon",
    "nav_order",
    "staleReleaseThresholdDays",
    "redirect_from",
    "eolWarnThreshold",
    "lastModified",
];
/// Release fields the site knows besides those this model reads.
const OTHER_RELEASE_FIELDS: &[&str] = &[
    "outOfOrder",
    "staleReleaseThresholdDays",
    "cycleShortHand",
    "latestShortHand",
];

/// Fields neither the site nor a custom field explains: most likely typos (`eoll:`).
fn unknown_field_warnings(
    extra: &[(String, Value)],
    releases: &[Release],
    custom: &[CustomField],
) -> Vec<Warning> {
    let mut warnings: Vec<Warning> = extra
        .iter()
        .filter(|(key, _)| !OTHER_PRODUCT_FIELDS.contains(&key.as_str()))
        .map(|(key, _)| Warning::new(format!("unknown product field `{key}`: it is ignored")))
        .collect();
    let mut reported: Vec<&str> = Vec::new();
    for release in releases {
        for (key, _) in &release.fields {
            let known = OTHER_RELEASE_FIELDS.contains(&key.as_str())
                || custom.iter().any(|field| &field.name == key);
            if !known && !reported.contains(&key.as_str()) {
                reported.push(key);
                warnings.push(Warning::new(format!(
                    "unknown release field `{key}` (first in release `{}`): it is ignored",
                    release.cycle
                )));
            }
        }
    }
    warnings
}

/// Dates in an order the site's validator rejects: a release ending before it was released.
fn date_order_warnings(releases: &[Release]) -> Vec<Warning> {
    let mut warnings = Vec::new();
    for release in releases {
        let Some(released) = release.release_date else {
            continue;
        };
        for (name, milestone) in [
            ("eoas", release.eoas),
            ("eol", release.eol),
            ("eoes", release.eoes),
        ] {
            if let Milestone::Date(end) = milestone {
                if end.last_day() < released.first_day() {
                    warnings.push(Warning::new(format!(
                        "release `{}`: `{name}` ({end}) is before its `releaseDate` ({released})",
                        release.cycle
                    )));
                }
            }
        }
    }
    warnings
}

fn column(
    setting: Option<ColumnSetting>,
    default_header: &str,
    default_on: bool,
) -> Option<String> {
    match setting.unwrap_or(ColumnSetting::Default) {
        ColumnSetting::Off => None,
        ColumnSetting::On => Some(default_header.to_owned()),
        ColumnSetting::Header(text) => {
            let text = strip_html(&text);
            let text = text.trim();
            Some(
                if text.is_empty() {
                    default_header
                } else {
                    text
                }
                .to_owned(),
            )
        }
        ColumnSetting::Default => default_on.then(|| default_header.to_owned()),
    }
}

/// Removes HTML tags, as the site's API does for labels: `<abbr title="x">LTS</abbr>` → `LTS`.
pub fn strip_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('<') {
        out.push_str(slice::upto(rest, open));
        match slice::from(rest, open).find('>') {
            Some(close) => rest = slice::from(rest, open + close + 1),
            None => {
                rest = slice::from(rest, open);
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

fn slug(title: &str) -> String {
    let mut slug = String::new();
    for c in title.chars() {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_lowercase()
}

/// What a release is sorted by under a 2022 `sortReleasesBy`.
#[derive(Debug, PartialEq, Eq)]
enum SortKey {
    Missing,
    Text(String),
    Day(Day),
}

fn sort_key(release: &Release, by: &str) -> SortKey {
    let day = |date: Option<Date>| date.map_or(SortKey::Missing, |d| SortKey::Day(d.first_day()));
    let text = |text: Option<&String>| text.map_or(SortKey::Missing, |t| SortKey::Text(t.clone()));
    match by {
        "releaseCycle" => SortKey::Text(release.cycle.clone()),
        "releaseDate" | "release" => day(release.release_date),
        "latestReleaseDate" => day(release.latest_release_date),
        "eol" => day(release.eol.date()),
        "support" | "eoas" => day(release.eoas.date()),
        "extendedSupport" | "eoes" => day(release.eoes.date()),
        "discontinued" => day(release.discontinued.date()),
        "latest" => text(release.latest.as_ref()),
        "codename" => text(release.codename.as_ref()),
        other => text(release.field(other).and_then(Value::as_text).as_ref()),
    }
}

/// Sorts newest first by `by`, version-aware for text, stable, releases without a value last.
fn sort_releases(releases: &mut [Release], by: &str) {
    releases.sort_by_cached_key(|release| std::cmp::Reverse(OrderedKey(sort_key(release, by))));
}

#[derive(PartialEq, Eq)]
struct OrderedKey(SortKey);

impl PartialOrd for OrderedKey {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for OrderedKey {
    fn cmp(&self, other: &Self) -> Ordering {
        match (&self.0, &other.0) {
            (SortKey::Day(a), SortKey::Day(b)) => a.cmp(b),
            (SortKey::Text(a), SortKey::Text(b)) => version::compare(a, b),
            (a, b) => rank(a).cmp(&rank(b)),
        }
    }
}

fn rank(key: &SortKey) -> u8 {
    match key {
        SortKey::Missing => 0,
        SortKey::Text(_) => 1,
        SortKey::Day(_) => 2,
    }
}

#[cfg(test)]
mod tests;
