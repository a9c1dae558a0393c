//! The one normalised product model that every input format becomes.
//!
//! Field meanings follow the current endoflife.date schema (`../shared/REFERENCE.md` §1); the
//! parser maps 2022-schema files onto it, so nothing downstream knows which schema a file used.

use super::date::Date;
use super::error::Warning;

/// A product: its metadata, display settings and release cycles, in display order.
#[derive(Debug, Clone, PartialEq)]
pub struct Product {
    /// The id: the permalink without its `/` (`istio`).
    pub id: String,
    /// The product name (`title`).
    pub title: String,
    /// `category`, when given.
    pub category: Option<String>,
    /// `tags` plus the category, sorted.
    pub tags: Vec<String>,
    /// The Simple Icons slug; `None` when absent or `"NA"`.
    pub icon_slug: Option<String>,
    /// Shell command that prints the installed version.
    pub version_command: Option<String>,
    /// Link to the product's release policy.
    pub release_policy_link: Option<String>,
    /// Image of the release schedule.
    pub release_image: Option<String>,
    /// Template of each release's link.
    pub changelog_template: Option<String>,
    /// Template of each release's label (default `__RELEASE_CYCLE__`).
    pub release_label: Option<String>,
    /// The LTS label, as HTML from the file.
    pub lts_label: String,
    /// Which columns show, and their headers.
    pub columns: Columns,
    /// Extra per-release columns.
    pub custom_fields: Vec<CustomField>,
    /// Other ids the product is known by (`alternate_urls` without `/`).
    pub aliases: Vec<String>,
    /// External identifiers as (type, id) pairs, e.g. (`cpe`, `cpe:/a:...`).
    pub identifiers: Vec<(String, String)>,
    /// The release cycles, newest first (file order, or `sortReleasesBy` in 2022 files).
    pub releases: Vec<Release>,
    /// The Markdown body after the front matter.
    pub body: String,
    /// Product fields this model has no place for, kept as read.
    pub extra: Vec<(String, Value)>,
    /// Oddities that did not stop parsing.
    pub warnings: Vec<Warning>,
}

/// What to call a product whose data does not say: the older API's JSON never names its
/// product, and a product file or an API v1 result may leave its id or title out. What the data
/// says wins.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Names {
    /// The id (`nodejs`): `data-product`, calendar UIDs, the API's `name`.
    pub name: Option<String>,
    /// The title (`Node.js`); without one, the data's id or the name.
    pub title: Option<String>,
}

impl Names {
    /// The id: `given` by the data, else the name, else `fallback`.
    pub fn id(&self, given: Option<String>, fallback: &str) -> String {
        given
            .or_else(|| self.name.clone())
            .unwrap_or_else(|| fallback.to_owned())
    }

    /// The title: `given` by the data, else the title, else `fallback`.
    pub fn title(&self, given: Option<String>, fallback: impl FnOnce() -> String) -> String {
        given
            .or_else(|| self.title.clone())
            .unwrap_or_else(fallback)
    }
}

/// Which optional columns show, with their headers; `None` hides a column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Columns {
    /// "Released".
    pub release_date: Option<String>,
    /// "Discontinued".
    pub discontinued: Option<String>,
    /// "Active Support" (end of active support).
    pub eoas: Option<String>,
    /// "Security Support" (end of life).
    pub eol: Option<String>,
    /// "Extended Support".
    pub eoes: Option<String>,
    /// "Latest".
    pub latest: Option<String>,
}

/// Default column headers, as the site names them.
pub mod headers {
    /// The first column.
    pub const RELEASE: &str = "Release";
    /// `releaseDateColumn`.
    pub const RELEASE_DATE: &str = "Released";
    /// `discontinuedColumn`.
    pub const DISCONTINUED: &str = "Discontinued";
    /// `eoasColumn`.
    pub const EOAS: &str = "Active Support";
    /// `eolColumn`.
    pub const EOL: &str = "Security Support";
    /// `eoesColumn`.
    pub const EOES: &str = "Extended Support";
    /// `latestColumn`.
    pub const LATEST: &str = "Latest";
}

impl Default for Columns {
    fn default() -> Self {
        Columns {
            release_date: Some(headers::RELEASE_DATE.to_owned()),
            discontinued: None,
            eoas: None,
            eol: Some(headers::EOL.to_owned()),
            eoes: None,
            latest: Some(headers::LATEST.to_owned()),
        }
    }
}

/// Where a custom field's column goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Display {
    /// Not shown, not in the API.
    None,
    /// In the API only.
    ApiOnly,
    /// Right after the Release column.
    AfterRelease,
    /// Just before the Latest column.
    BeforeLatest,
    /// Right after the Latest column.
    AfterLatest,
}

/// An extra per-release column declared in `customFields`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomField {
    /// The release field holding the value.
    pub name: String,
    /// Where the column goes.
    pub display: Display,
    /// The column header.
    pub label: String,
    /// A longer description, when given.
    pub description: Option<String>,
    /// A link explaining the field, when given.
    pub link: Option<String>,
}

/// One release cycle.
#[derive(Debug, Clone, PartialEq)]
pub struct Release {
    /// `releaseCycle`, unique within the product.
    pub cycle: String,
    /// `releaseLabel` of this release, overriding the product's.
    pub label_template: Option<String>,
    /// `codename`.
    pub codename: Option<String>,
    /// `releaseDate` (2022: `release`).
    pub release_date: Option<Date>,
    /// End of active support (2022: `support`, inverted).
    pub eoas: Milestone,
    /// End of life (end of security support).
    pub eol: Milestone,
    /// Discontinued (devices).
    pub discontinued: Milestone,
    /// End of extended support (2022: `extendedSupport`, inverted).
    pub eoes: Milestone,
    /// Long-term support: a bool, or the date it starts.
    pub lts: Milestone,
    /// `latest` version.
    pub latest: Option<String>,
    /// `latestReleaseDate`.
    pub latest_release_date: Option<Date>,
    /// `link`.
    pub link: Link,
    /// Every other field of the release (custom fields, `outOfOrder`, 2022 short hands...).
    pub fields: Vec<(String, Value)>,
}

impl Release {
    /// A release with this cycle and nothing else.
    pub fn new(cycle: impl Into<String>) -> Self {
        Release {
            cycle: cycle.into(),
            label_template: None,
            codename: None,
            release_date: None,
            eoas: Milestone::Absent,
            eol: Milestone::Absent,
            discontinued: Milestone::Absent,
            eoes: Milestone::Absent,
            lts: Milestone::Absent,
            latest: None,
            latest_release_date: None,
            link: Link::Default,
            fields: Vec::new(),
        }
    }

    /// The value of another field of the release, by name.
    pub fn field(&self, name: &str) -> Option<&Value> {
        self.fields
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value)
    }
}

/// A date-or-boolean field of a release (eoas, eol, discontinued, eoes, lts).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Milestone {
    /// The field is not in the file.
    Absent,
    /// The field is there with no value (`eoes: null`).
    Null,
    /// `true`: reached (for lts: is LTS); `false`: not reached.
    Bool(bool),
    /// Reached after this date.
    Date(Date),
}

impl Milestone {
    /// The date, when the field is one.
    pub fn date(self) -> Option<Date> {
        match self {
            Milestone::Date(date) => Some(date),
            _ => None,
        }
    }
}

/// A release's `link`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Link {
    /// No `link` field: the product's `changelogTemplate` applies.
    Default,
    /// `link: null`: no link.
    None,
    /// A URL, or a template when it contains `__`.
    Given(String),
}

/// A value kept as read from the file, for fields the model does not name.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `null` or empty.
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// A number, as text (`42`, `1.5`).
    Number(String),
    /// Text.
    Text(String),
    /// A list.
    List(Vec<Value>),
    /// A mapping, in file order.
    Map(Vec<(String, Value)>),
}

impl Value {
    /// The value as cell text: scalars as written, `None` for null, lists and maps.
    pub fn as_text(&self) -> Option<String> {
        match self {
            Value::Bool(b) => Some(b.to_string()),
            Value::Number(n) => Some(n.clone()),
            Value::Text(t) => Some(t.clone()),
            Value::Null | Value::List(_) | Value::Map(_) => None,
        }
    }
}
