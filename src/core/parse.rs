//! Reads a product file, in the 2022 schema or the current one, into the normalised [`Product`].
//!
//! The YAML reader gives a tree of nodes that know where they start (so an error points at the
//! value that is wrong); the functions here map 2022 fields onto current ones as they go: `release` → `releaseDate`, `support` → `eoas`
//! and `extendedSupport` → `eoes` (booleans inverted), `releaseColumn` → the Latest column,
//! `command` → `versionCommand`, and `sortReleasesBy` applied once all releases are read.

use std::cmp::Ordering;

use super::date::{Date, DateError, Day};
use super::error::{Error, Location, Warning};
use super::frontmatter;
use super::model::{
    headers, Columns, CustomField, Display, Link, Milestone, Product, Release, Value,
};
use super::order;
use super::text;
use super::version;
use super::yaml::{self, Kind, Node, Scalar, Tag};

/// The LTS label when a product names none.
pub const DEFAULT_LTS_LABEL: &str = "<abbr title=\"Long Term Support\">LTS</abbr>";

/// Parses a product file: Markdown with YAML front matter, or bare YAML.
pub fn parse(source: &str) -> Result<Product, Error> {
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
    let node = yaml::read(parts.yaml, parts.yaml_line)?;
    let raw = read_product(&node)?;
    Ok(normalise(raw, parts.body))
}

/// Reads any YAML or JSON text into a [`Value`] tree.
pub fn parse_value(text: &str) -> Result<Value, Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    value(&yaml::read(text, 1)?, "the document")
}

// ---------------------------------------------------------------------------------------------
// Values: any node reads into a `Value`, then a field's type takes it from there. Type errors are
// worded as serde worded them for serde_yaml: "expected ..., found integer `5`".

/// How a field's value is taken from what the file holds; `Err` is the message for the author.
trait FromValue: Sized {
    fn from_value(value: Value, field: &str) -> Result<Self, String>;
}

/// Reads `node` as field `name` of type `T`, failing at the node's place.
fn field<T: FromValue>(node: &Node, name: &str) -> Result<T, Error> {
    T::from_value(value(node, name)?, name)
        .map_err(|message| Error::content(message, Some(node.at)))
}

/// Reads any node into a [`Value`]; `name` is the field, for messages.
fn value(node: &Node, name: &str) -> Result<Value, Error> {
    if node.tag == Tag::Local {
        return Err(mismatch(node, &format!("a value for `{name}`")));
    }
    Ok(match &node.kind {
        Kind::Scalar(..) => match node.scalar() {
            Some(Scalar::Null) | None => Value::Null,
            Some(Scalar::Bool(b)) => Value::Bool(b),
            Some(Scalar::Int(text)) => Value::Number(text),
            Some(Scalar::Float { debug, .. }) => Value::Number(debug),
            Some(Scalar::Str(text)) => Value::Text(text.to_owned()),
            Some(Scalar::Invalid(..)) => {
                return Err(mismatch(node, &format!("a value for `{name}`")))
            }
        },
        Kind::Seq(items) => Value::List(
            items
                .iter()
                .map(|item| value(item, name))
                .collect::<Result<_, _>>()?,
        ),
        Kind::Map(entries) => Value::Map(
            entries
                .iter()
                .map(|(key, item)| Ok((key_text(value(key, name)?), value(item, name)?)))
                .collect::<Result<_, Error>>()?,
        ),
        Kind::Empty => Value::Null,
    })
}

/// "expected `expected`, found <what the node is>", in serde's words, at the node's place.
fn mismatch(node: &Node, expected: &str) -> Error {
    let mut expected = expected;
    let found = if node.tag == Tag::Local {
        "enum".to_owned()
    } else {
        match &node.kind {
            Kind::Scalar(..) => match node.scalar() {
                Some(Scalar::Null) | None => "nothing".to_owned(),
                Some(Scalar::Bool(b)) => format!("boolean `{b}`"),
                Some(Scalar::Int(text)) => format!("integer `{text}`"),
                Some(Scalar::Float { display, .. }) => format!("floating point `{display}`"),
                Some(Scalar::Str(text)) => ["string ", &text::quoted(text)].concat(),
                Some(Scalar::Invalid(tag_expected, found)) => {
                    if let Some(tag_expected) = tag_expected {
                        expected = tag_expected;
                    }
                    found
                }
            },
            Kind::Seq(_) => "sequence".to_owned(),
            Kind::Map(_) => "map".to_owned(),
            Kind::Empty => "Option value".to_owned(),
        }
    };
    Error::content(format!("expected {expected}, found {found}"), Some(node.at))
}

fn key_text(key: Value) -> String {
    match key {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => b.to_string(),
        Value::Number(text) | Value::Text(text) => text,
        Value::List(_) | Value::Map(_) => String::new(),
    }
}

/// What a value is, for messages: "`soon`", "a list".
fn describe(value: &Value) -> String {
    match value {
        Value::Null => "nothing".to_owned(),
        Value::Bool(b) => format!("`{b}`"),
        Value::Number(n) => format!("the number `{n}`"),
        Value::Text(t) => format!("`{t}`"),
        Value::List(_) => "a list".to_owned(),
        Value::Map(_) => "a mapping (`key: value` lines)".to_owned(),
    }
}

/// Text fields (`title`, `releaseCycle`, `latest`...): any scalar, as written; null is none.
impl FromValue for Option<String> {
    fn from_value(value: Value, field: &str) -> Result<Self, String> {
        match value {
            Value::Null => Ok(None),
            Value::Bool(_) | Value::Number(_) | Value::Text(_) => Ok(value.as_text()),
            other => Err(format!(
                "`{field}` must be text, found {}",
                describe(&other)
            )),
        }
    }
}

/// Plain date fields (`releaseDate`, `latestReleaseDate`).
impl FromValue for Option<Date> {
    fn from_value(value: Value, field: &str) -> Result<Self, String> {
        match value {
            Value::Null => Ok(None),
            Value::Text(text) => {
                date(&text, field, "a date (YYYY-MM-DD) or a month (YYYY-MM)").map(Some)
            }
            other => Err(format!(
                "`{field}` must be a date (YYYY-MM-DD) or a month (YYYY-MM), found {}",
                describe(&other)
            )),
        }
    }
}

/// Date-or-boolean fields (`eoas`, `eol`, `discontinued`, `eoes`, `lts`).
impl FromValue for Milestone {
    fn from_value(value: Value, field: &str) -> Result<Self, String> {
        const EXPECTED: &str = "a date (YYYY-MM-DD), a month (YYYY-MM) or true/false";
        match value {
            Value::Null => Ok(Milestone::Null),
            Value::Bool(b) => Ok(Milestone::Bool(b)),
            Value::Text(text) => match yaml11_bool(&text) {
                Some(b) => Ok(Milestone::Bool(b)),
                None => date(&text, field, EXPECTED).map(Milestone::Date),
            },
            other => Err(format!(
                "`{field}` must be {EXPECTED}, found {}",
                describe(&other)
            )),
        }
    }
}

/// The booleans of YAML 1.1, which the site's Ruby reads (`yes`, `no`, `on`, `off`) but YAML 1.2
/// reads as text.
fn yaml11_bool(text: &str) -> Option<bool> {
    match text.to_ascii_lowercase().as_str() {
        "yes" | "on" | "true" | "y" => Some(true),
        "no" | "off" | "false" | "n" => Some(false),
        _ => None,
    }
}

fn date(text: &str, field: &str, expected: &str) -> Result<Date, String> {
    Date::parse(text).map_err(|err| match err {
        DateError::Shape => format!("`{field}` must be {expected}, found `{text}`"),
        DateError::Impossible => format!("`{field}` is `{text}`, which is not a real date"),
    })
}

/// A column switch: `true`/`false`, or a header text that also turns the column on.
#[derive(Debug, Clone, PartialEq, Eq)]
enum ColumnSetting {
    Default,
    Off,
    On,
    Header(String),
}

impl FromValue for ColumnSetting {
    fn from_value(value: Value, field: &str) -> Result<Self, String> {
        match value {
            Value::Null => Ok(ColumnSetting::Default),
            Value::Bool(true) => Ok(ColumnSetting::On),
            Value::Bool(false) => Ok(ColumnSetting::Off),
            Value::Text(text) if yaml11_bool(&text) == Some(true) => Ok(ColumnSetting::On),
            Value::Text(text) if yaml11_bool(&text) == Some(false) => Ok(ColumnSetting::Off),
            Value::Text(text) | Value::Number(text) => Ok(ColumnSetting::Header(text)),
            other => Err(format!(
                "`{field}` must be true, false or a column header, found {}",
                describe(&other)
            )),
        }
    }
}

/// `tags`: a space-separated string or a list.
struct Tags(Vec<String>);

impl FromValue for Tags {
    fn from_value(value: Value, field: &str) -> Result<Self, String> {
        match value {
            Value::Null => Ok(Tags(Vec::new())),
            Value::Text(text) => Ok(Tags(text.split_whitespace().map(str::to_owned).collect())),
            Value::List(items) => Ok(Tags(items.iter().filter_map(Value::as_text).collect())),
            other => Err(format!(
                "`{field}` must be space-separated words or a list, found {}",
                describe(&other)
            )),
        }
    }
}

/// A list of texts (`alternate_urls`); anything else is kept as an unknown field.
struct Texts(Vec<String>);

impl FromValue for Texts {
    fn from_value(value: Value, _field: &str) -> Result<Self, String> {
        match value {
            Value::List(items) => Ok(Texts(items.iter().filter_map(Value::as_text).collect())),
            Value::Text(text) => Ok(Texts(vec![text])),
            _ => Ok(Texts(Vec::new())),
        }
    }
}

/// `identifiers`: a list of one-entry mappings such as `- cpe: cpe:/a:vendor:product`.
struct Identifiers(Vec<(String, String)>);

impl FromValue for Identifiers {
    fn from_value(value: Value, _field: &str) -> Result<Self, String> {
        let Value::List(items) = value else {
            return Ok(Identifiers(Vec::new()));
        };
        let pairs = items
            .into_iter()
            .filter_map(|item| match item {
                Value::Map(entries) => entries.into_iter().next(),
                _ => None,
            })
            .filter_map(|(kind, id)| id.as_text().map(|id| (kind, id)))
            .collect();
        Ok(Identifiers(pairs))
    }
}

/// `customFields`: a list of `{name, display, label, description?, link?}`.
struct CustomFields(Vec<CustomField>, Vec<Warning>);

impl FromValue for CustomFields {
    fn from_value(value: Value, field: &str) -> Result<Self, String> {
        let items = match value {
            Value::Null => return Ok(CustomFields(Vec::new(), Vec::new())),
            Value::List(items) => items,
            other => {
                return Err(format!(
                    "`{field}` must be a list of fields (`- name: ...`), found {}",
                    describe(&other)
                ))
            }
        };
        let mut fields = Vec::new();
        let mut warnings = Vec::new();
        for (index, item) in items.into_iter().enumerate() {
            let Value::Map(entries) = item else {
                return Err(format!(
                    "entry {} of `{field}` must be a mapping with `name`, `display` and `label`, found {}",
                    index + 1,
                    describe(&item)
                ));
            };
            let text = |key: &str| {
                entries
                    .iter()
                    .find(|(k, _)| k == key)
                    .and_then(|(_, v)| v.as_text())
            };
            let Some(name) = text("name") else {
                return Err(format!("entry {} of `{field}` has no `name`", index + 1));
            };
            let display = match text("display").as_deref() {
                Some("none") => Display::None,
                Some("api-only") => Display::ApiOnly,
                Some("after-release-column") => Display::AfterRelease,
                Some("before-latest-column") => Display::BeforeLatest,
                Some("after-latest-column") => Display::AfterLatest,
                other => {
                    warnings.push(Warning::new(format!(
                        "custom field `{name}` has display `{}`, which is not one of none, api-only, \
                         after-release-column, before-latest-column, after-latest-column: it is not shown",
                        other.unwrap_or("")
                    )));
                    Display::None
                }
            };
            fields.push(CustomField {
                label: text("label").unwrap_or_else(|| name.clone()),
                description: text("description"),
                link: text("link"),
                name,
                display,
            });
        }
        Ok(CustomFields(fields, warnings))
    }
}

// ---------------------------------------------------------------------------------------------
// The product and its releases.

/// Everything read from the front matter, before the two schemas are merged.
#[derive(Default)]
struct RawProduct {
    title: Option<String>,
    permalink: Option<String>,
    category: Option<String>,
    tags: Vec<String>,
    icon_slug: Option<String>,
    version_command: Option<String>,
    command: Option<String>,
    release_policy_link: Option<String>,
    release_image: Option<String>,
    changelog_template: Option<String>,
    release_label: Option<String>,
    lts_label: Option<String>,
    release_date_column: Option<ColumnSetting>,
    discontinued_column: Option<ColumnSetting>,
    eoas_column: Option<ColumnSetting>,
    active_support_column: Option<ColumnSetting>,
    eol_column: Option<ColumnSetting>,
    eoes_column: Option<ColumnSetting>,
    extended_support_column: Option<ColumnSetting>,
    latest_column: Option<ColumnSetting>,
    release_column: Option<ColumnSetting>,
    custom_fields: Vec<CustomField>,
    sort_releases_by: Option<String>,
    aliases: Vec<String>,
    identifiers: Vec<(String, String)>,
    releases: Vec<Release>,
    extra: Vec<(String, Value)>,
    warnings: Vec<Warning>,
}

const PRODUCT: &str = "a product file: a `---` line, YAML fields such as `title:` and `releases:`, another `---` line";

/// The entries of a mapping node, or the type error for `expected`.
fn entries<'n>(node: &'n Node, expected: &str) -> Result<&'n [(Node, Node)], Error> {
    match &node.kind {
        Kind::Map(entries) if node.tag != Tag::Local => Ok(entries),
        _ => Err(mismatch(node, expected)),
    }
}

/// The product fields of the front matter.
fn read_product(node: &Node) -> Result<RawProduct, Error> {
    let mut raw = RawProduct::default();
    for (key, node) in entries(node, PRODUCT)? {
        let key = key_text(value(key, "key")?);
        let name = key.as_str();
        match name {
            "title" => raw.title = field(node, name)?,
            "permalink" => raw.permalink = field(node, name)?,
            "category" => raw.category = field(node, name)?,
            "tags" => raw.tags = field::<Tags>(node, name)?.0,
            "iconSlug" => raw.icon_slug = field(node, name)?,
            "versionCommand" => raw.version_command = field(node, name)?,
            "command" => raw.command = field(node, name)?,
            "releasePolicyLink" => raw.release_policy_link = field(node, name)?,
            "releaseImage" => raw.release_image = field(node, name)?,
            "changelogTemplate" => raw.changelog_template = field(node, name)?,
            "releaseLabel" => raw.release_label = field(node, name)?,
            "LTSLabel" => raw.lts_label = field(node, name)?,
            "releaseDateColumn" => raw.release_date_column = Some(field(node, name)?),
            "discontinuedColumn" => raw.discontinued_column = Some(field(node, name)?),
            "eoasColumn" => raw.eoas_column = Some(field(node, name)?),
            "activeSupportColumn" => raw.active_support_column = Some(field(node, name)?),
            "eolColumn" => raw.eol_column = Some(field(node, name)?),
            "eoesColumn" => raw.eoes_column = Some(field(node, name)?),
            "extendedSupportColumn" => raw.extended_support_column = Some(field(node, name)?),
            "latestColumn" => raw.latest_column = Some(field(node, name)?),
            "releaseColumn" => raw.release_column = Some(field(node, name)?),
            "customFields" => {
                let CustomFields(fields, warnings) = field(node, name)?;
                raw.custom_fields = fields;
                raw.warnings.extend(warnings);
            }
            "sortReleasesBy" => raw.sort_releases_by = field(node, name)?,
            "alternate_urls" => {
                let Texts(urls) = field(node, name)?;
                raw.aliases = urls
                    .iter()
                    .map(|url| url.trim_matches('/').to_owned())
                    .collect();
            }
            "identifiers" => raw.identifiers = field::<Identifiers>(node, name)?.0,
            "releases" => raw.releases = read_releases(node)?,
            _ => {
                let value = value(node, name)?;
                raw.extra.push((key, value));
            }
        }
    }
    Ok(raw)
}

/// The releases, each release cycle once; nothing (`releases:`) is none.
fn read_releases(node: &Node) -> Result<Vec<Release>, Error> {
    const EXPECTED: &str = "`releases` to be a list of releases (`- releaseCycle: \"1.2\"`)";
    let items = match &node.kind {
        _ if node.tag == Tag::Local => return Err(mismatch(node, EXPECTED)),
        Kind::Seq(items) => items,
        Kind::Scalar(..) if node.scalar() == Some(Scalar::Null) => return Ok(Vec::new()),
        _ => return Err(mismatch(node, EXPECTED)),
    };
    let mut releases: Vec<Release> = Vec::with_capacity(items.len());
    for item in items {
        let number = releases.len() + 1;
        match read_release(item, number) {
            Ok(release) => releases.push(release),
            // A repeated cycle before this release is the first thing wrong in the file.
            Err(err) => return Err(repeated_cycle(&releases, node).unwrap_or(err)),
        }
    }
    repeated_cycle(&releases, node).map_or(Ok(releases), Err)
}

/// The first release (in file order) whose cycle an earlier release has, as an error; found by
/// sorting positions (a `HashMap` would add its code to the wasm).
fn repeated_cycle(releases: &[Release], node: &Node) -> Option<Error> {
    let cycle = |at: usize| releases.get(at).map(|r| r.cycle.as_str());
    let mut by_cycle: Vec<usize> = (0..releases.len()).collect();
    order::positions(&mut by_cycle, &mut |a, b| cycle(a).cmp(&cycle(b)));
    // Stable: within a run of one cycle, positions stay in file order.
    let (first, second) = by_cycle
        .windows(2)
        .filter_map(|pair| match pair {
            &[a, b] if cycle(a) == cycle(b) => Some((a, b)),
            _ => None,
        })
        .min_by_key(|&(_, b)| b)?;
    let mut message = String::from("release cycle `");
    message.push_str(cycle(second).unwrap_or_default());
    message.push_str("` appears twice (releases ");
    message.push_str(&(first + 1).to_string());
    message.push_str(" and ");
    message.push_str(&(second + 1).to_string());
    message.push_str("): each `releaseCycle` must be unique");
    Some(Error::content(message, Some(node.at)))
}

/// Release number `number`.
fn read_release(node: &Node, number: usize) -> Result<Release, Error> {
    let expected =
        format!("release {number} to be a mapping of fields (`releaseCycle:`, `eol:`...)");
    let mut release = Release::new(String::new());
    let mut cycle = None;
    let mut release_date_2022 = None;
    let (mut support, mut extended_support) = (None, None);
    for (key, node) in entries(node, &expected)? {
        let key = key_text(value(key, "key")?);
        let name = key.as_str();
        match name {
            "releaseCycle" => cycle = field::<Option<String>>(node, name)?,
            "releaseLabel" => release.label_template = field(node, name)?,
            "codename" => release.codename = field(node, name)?,
            "releaseDate" => release.release_date = field(node, name)?,
            "release" => release_date_2022 = field(node, name)?,
            "eoas" => release.eoas = field(node, name)?,
            "support" => support = Some(field::<Milestone>(node, name)?),
            "eol" => release.eol = field(node, name)?,
            "discontinued" => release.discontinued = field(node, name)?,
            "eoes" => release.eoes = field(node, name)?,
            "extendedSupport" => extended_support = Some(field::<Milestone>(node, name)?),
            "lts" => release.lts = field(node, name)?,
            "latest" => release.latest = field(node, name)?,
            "latestReleaseDate" => release.latest_release_date = field(node, name)?,
            "link" => {
                release.link = match field::<Option<String>>(node, name)? {
                    Some(link) => Link::Given(link),
                    None => Link::None,
                }
            }
            _ => {
                let value = value(node, name)?;
                release.fields.push((key, value));
            }
        }
    }
    let Some(cycle) = cycle.filter(|c| !c.trim().is_empty()) else {
        return Err(Error::content(
            format!(
                "release {number} has no `releaseCycle`: every release needs one, such as `- releaseCycle: \"1.2\"`"
            ),
            Some(node.at),
        ));
    };
    release.cycle = cycle;
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

fn invert(milestone: Milestone) -> Milestone {
    match milestone {
        Milestone::Bool(b) => Milestone::Bool(!b),
        other => other,
    }
}

// ---------------------------------------------------------------------------------------------
// Merging the schemas.

fn normalise(raw: RawProduct, body: &str) -> Product {
    let mut warnings = raw.warnings;
    let id = raw
        .permalink
        .as_deref()
        .map(|p| p.trim().trim_matches('/').to_owned())
        .filter(|p| !p.is_empty())
        .or_else(|| raw.title.as_deref().map(slug))
        .unwrap_or_else(|| "product".to_owned());
    let title = raw.title.unwrap_or_else(|| id.clone());
    let mut tags = raw.tags;
    if let Some(category) = &raw.category {
        tags.push(category.clone());
    }
    super::order::sort_by(&mut tags, String::cmp);
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
    let mut releases = raw.releases;
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
        version_command: raw.version_command.or(raw.command),
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
        out.push_str(text::upto(rest, open));
        match text::from(rest, open).find('>') {
            Some(close) => rest = text::from(rest, open + close + 1),
            None => {
                rest = text::from(rest, open);
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
    text::lowercase(slug.trim_end_matches('-'))
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
fn sort_releases(releases: &mut Vec<Release>, by: &str) {
    super::order::sort_by_cached_key(releases, |release| {
        std::cmp::Reverse(OrderedKey(sort_key(release, by)))
    });
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
mod tests {
    use super::*;

    #[track_caller]
    fn error_text(source: &str) -> String {
        match parse(source) {
            Ok(_) => panic!("expected an error for {source:?}"),
            Err(err) => err.to_string(),
        }
    }

    #[test]
    fn a_repeated_release_cycle_is_the_first_error_in_file_order() {
        let releases = "releases:\n- releaseCycle: b\n- releaseCycle: a\n- releaseCycle: c\n- releaseCycle: a\n- releaseCycle: b\n";
        assert_eq!(
            error_text(releases),
            "line 2, column 1: release cycle `a` appears twice (releases 2 and 4): each `releaseCycle` must be unique"
        );
        // A repeat before a release that cannot be read is reported first; one after it is not.
        let bad = "- releaseCycle: d\n  eol: soon\n";
        assert_eq!(error_text(&[releases, bad].concat()), error_text(releases));
        let unique = "releases:\n- releaseCycle: x\n";
        assert!(
            error_text(&[unique, bad, "- releaseCycle: x\n"].concat()).contains("`eol` must be")
        );
    }

    fn product(yaml: &str) -> Product {
        parse(yaml).unwrap()
    }

    #[test]
    fn maps_the_2022_schema_onto_the_current_one() {
        let p = product(
            "title: Old\ncommand: old --version\nactiveSupportColumn: true\nreleaseColumn: false\n\
             extendedSupportColumn: Extended\nreleases:\n\
             - releaseCycle: \"1\"\n  release: 2020-01-02\n  support: true\n  extendedSupport: false\n  eol: 2022-10\n",
        );
        assert_eq!(p.version_command.as_deref(), Some("old --version"));
        assert_eq!(p.columns.eoas.as_deref(), Some("Active Support"));
        assert_eq!(p.columns.eoes.as_deref(), Some("Extended"));
        assert_eq!(p.columns.latest, None);
        let r = &p.releases[0];
        assert_eq!(r.release_date, Date::parse("2020-01-02").ok());
        assert_eq!(
            r.eoas,
            Milestone::Bool(false),
            "support: true is eoas: false"
        );
        assert_eq!(
            r.eoes,
            Milestone::Bool(true),
            "extendedSupport: false is eoes: true"
        );
        assert_eq!(r.eol, Milestone::Date(Date::parse("2022-10").unwrap()));
    }

    #[test]
    fn current_fields_win_over_2022_ones() {
        let p = product("releases:\n- releaseCycle: a\n  eoas: true\n  support: true\n  releaseDate: 2021-01-01\n  release: 2020-01-01\n");
        assert_eq!(p.releases[0].eoas, Milestone::Bool(true));
        assert_eq!(p.releases[0].release_date, Date::parse("2021-01-01").ok());
    }

    #[test]
    fn sort_releases_by_orders_newest_first_version_aware() {
        let p = product(
            "sortReleasesBy: releaseCycle\nreleases:\n- releaseCycle: \"1.9\"\n- releaseCycle: \"1.13\"\n\
             - releaseCycle: \"1.6 and earlier\"\n- releaseCycle: \"1.10\"\n",
        );
        let cycles: Vec<_> = p.releases.iter().map(|r| r.cycle.as_str()).collect();
        assert_eq!(cycles, ["1.13", "1.10", "1.9", "1.6 and earlier"]);
    }

    #[test]
    fn sort_releases_by_a_date_puts_undated_releases_last() {
        let p = product(
            "sortReleasesBy: releaseDate\nreleases:\n- releaseCycle: a\n  releaseDate: 2020-01-01\n\
             - releaseCycle: b\n- releaseCycle: c\n  releaseDate: 2021-01-01\n",
        );
        let cycles: Vec<_> = p.releases.iter().map(|r| r.cycle.as_str()).collect();
        assert_eq!(cycles, ["c", "a", "b"]);
    }

    #[test]
    fn column_headers_from_strings_and_defaults() {
        let p = product(
            "eolColumn: End of Support\nreleaseDateColumn: false\ndiscontinuedColumn: true\n",
        );
        assert_eq!(p.columns.eol.as_deref(), Some("End of Support"));
        assert_eq!(p.columns.release_date, None);
        assert_eq!(p.columns.discontinued.as_deref(), Some("Discontinued"));
        assert_eq!(p.columns.latest.as_deref(), Some("Latest"));
        assert_eq!(p.columns.eoas, None);
    }

    #[test]
    fn values_keep_null_bool_and_absent_apart() {
        let p = product("releases:\n- releaseCycle: a\n  eoes: null\n  eol: false\n  link: null\n");
        let r = &p.releases[0];
        assert_eq!(r.eoes, Milestone::Null);
        assert_eq!(r.eol, Milestone::Bool(false));
        assert_eq!(r.eoas, Milestone::Absent);
        assert_eq!(r.link, Link::None);
    }

    #[test]
    fn yaml_1_1_booleans_read_as_the_site_reads_them() {
        let p = product("releaseColumn: no\neoasColumn: yes\nreleases:\n- releaseCycle: a\n  eol: yes\n  discontinued: Off\n");
        assert_eq!(p.columns.latest, None);
        assert_eq!(p.columns.eoas.as_deref(), Some("Active Support"));
        assert_eq!(p.releases[0].eol, Milestone::Bool(true));
        assert_eq!(p.releases[0].discontinued, Milestone::Bool(false));
    }

    #[test]
    fn unknown_fields_are_kept() {
        let p = product("title: T\nauto:\n  methods: []\nreleases:\n- releaseCycle: a\n  outOfOrder: true\n  chromeVersion: 120\n");
        assert_eq!(p.extra[0].0, "auto");
        assert_eq!(p.releases[0].field("outOfOrder"), Some(&Value::Bool(true)));
        assert_eq!(
            p.releases[0].field("chromeVersion"),
            Some(&Value::Number("120".into()))
        );
    }

    #[test]
    fn id_tags_and_icon() {
        let p = product("title: Foo Bar\ncategory: os\ntags: zeta alpha\niconSlug: NA\n");
        assert_eq!(p.id, "foo-bar");
        assert_eq!(p.tags, ["alpha", "os", "zeta"]);
        assert_eq!(p.icon_slug, None);
        assert_eq!(product("permalink: /istio\n").id, "istio");
    }

    #[test]
    fn wrong_date_values_say_where_and_what() {
        assert_eq!(
            error_text("---\ntitle: X\nreleases:\n  - releaseCycle: \"1\"\n    eol: soon\n---\n"),
            "line 5, column 10: `eol` must be a date (YYYY-MM-DD), a month (YYYY-MM) or true/false, found `soon`"
        );
        assert_eq!(
            error_text("releases:\n- releaseCycle: \"1\"\n  releaseDate: 2022-02-30\n"),
            "line 3, column 16: `releaseDate` is `2022-02-30`, which is not a real date"
        );
        assert_eq!(
            error_text("releases:\n- releaseCycle: \"1\"\n  eol: 2024\n"),
            "line 3, column 8: `eol` must be a date (YYYY-MM-DD), a month (YYYY-MM) or true/false, found the number `2024`"
        );
    }

    #[test]
    fn wrong_shapes_say_what_was_expected() {
        assert_eq!(
            error_text("title: X\nreleases: 5\n"),
            "line 2, column 11: expected `releases` to be a list of releases (`- releaseCycle: \"1.2\"`), found integer `5`"
        );
        assert_eq!(
            error_text("releases:\n- eol: 2020-01-01\n"),
            "line 2, column 3: release 1 has no `releaseCycle`: every release needs one, such as `- releaseCycle: \"1.2\"`"
        );
    }

    #[test]
    fn yaml_syntax_errors_count_lines_from_the_top_of_the_file() {
        let text = error_text("---\ntitle: [unclosed\n---\n");
        assert!(
            text.starts_with("line 3, column 1: YAML syntax error: "),
            "{text}"
        );
    }

    #[test]
    fn text_that_is_not_a_product_file_is_an_error() {
        assert_eq!(
            error_text("just some words"),
            "line 1, column 1: expected a product file: a `---` line, YAML fields such as `title:` and `releases:`, another `---` line, found string \"just some words\""
        );
        assert!(error_text("").contains("there are no product fields"));
    }
}
