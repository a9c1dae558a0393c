//! The product as the site's API v1 gives it (`../shared/REFERENCE.md` §5): what `parseProduct`
//! returns. Missing values are `null`; the eoas, discontinued and eoes pairs are left out when
//! their column is off.

use std::collections::BTreeMap;

use serde::Serialize;

use super::date::Date;
use super::model::Display;
use super::view::{ProductView, ReleaseView};

/// API v1 `result` for one product.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ApiProduct {
    /// The id.
    pub name: String,
    /// Other ids.
    pub aliases: Vec<String>,
    /// The title.
    pub label: String,
    /// The category.
    pub category: Option<String>,
    /// Tags plus the category, sorted.
    pub tags: Vec<String>,
    /// The version command.
    pub version_command: Option<String>,
    /// External identifiers.
    pub identifiers: Vec<ApiIdentifier>,
    /// Column headers, `null` when a column is off.
    pub labels: ApiLabels,
    /// Links.
    pub links: ApiLinks,
    /// The releases, in display order.
    pub releases: Vec<ApiRelease>,
    /// Oddities found while reading the file (not in the site's API).
    pub warnings: Vec<String>,
}

/// An external identifier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ApiIdentifier {
    /// Its kind (`cpe`, `purl`, `repology`).
    #[serde(rename = "type")]
    pub kind: String,
    /// The identifier.
    pub id: String,
}

/// Column headers of the four date columns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ApiLabels {
    /// Active support.
    pub eoas: Option<String>,
    /// Discontinued.
    pub discontinued: Option<String>,
    /// End of life.
    pub eol: Option<String>,
    /// Extended support.
    pub eoes: Option<String>,
}

/// Links about the product.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ApiLinks {
    /// The Simple Icons URL.
    pub icon: Option<String>,
    /// The product's endoflife.date page.
    pub html: String,
    /// The release policy.
    pub release_policy: Option<String>,
}

/// One release.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ApiRelease {
    /// The release cycle.
    pub name: String,
    /// The codename.
    pub codename: Option<String>,
    /// The label, HTML removed, with its LTS mark.
    pub label: String,
    /// Release date.
    pub release_date: Option<String>,
    /// LTS now.
    pub is_lts: bool,
    /// LTS start date.
    pub lts_from: Option<String>,
    /// Active support is over (left out when the column is off).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_eoas: Option<Option<bool>>,
    /// End of active support date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub eoas_from: Option<Option<String>>,
    /// End of life reached.
    pub is_eol: Option<bool>,
    /// End of life date.
    pub eol_from: Option<String>,
    /// Discontinued (left out when the column is off).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_discontinued: Option<Option<bool>>,
    /// Discontinuation date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub discontinued_from: Option<Option<String>>,
    /// Extended support is over (left out when the column is off).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_eoes: Option<Option<bool>>,
    /// End of extended support date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub eoes_from: Option<Option<String>>,
    /// Still maintained.
    pub is_maintained: bool,
    /// The latest version, `null` when the Latest column is off.
    pub latest: Option<ApiLatest>,
    /// Custom field values by name, `null` when the product has none.
    pub custom: Option<BTreeMap<String, Option<String>>>,
}

/// A release's latest version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ApiLatest {
    /// The version.
    pub name: Option<String>,
    /// Its release date.
    pub date: Option<String>,
    /// The release's link.
    pub link: Option<String>,
}

const SITE: &str = "https://endoflife.date/";
const ICONS: &str = "https://cdn.jsdelivr.net/npm/simple-icons/icons/";

/// The API v1 shape of an evaluated product.
pub fn build(view: &ProductView<'_>) -> ApiProduct {
    let product = view.product;
    let columns = &product.columns;
    ApiProduct {
        name: product.id.clone(),
        aliases: product.aliases.clone(),
        label: product.title.clone(),
        category: product.category.clone(),
        tags: product.tags.clone(),
        version_command: product.version_command.clone(),
        identifiers: product
            .identifiers
            .iter()
            .map(|(kind, id)| ApiIdentifier {
                kind: kind.clone(),
                id: id.clone(),
            })
            .collect(),
        labels: ApiLabels {
            eoas: columns.eoas.clone(),
            discontinued: columns.discontinued.clone(),
            eol: columns.eol.clone(),
            eoes: columns.eoes.clone(),
        },
        links: ApiLinks {
            icon: product
                .icon_slug
                .as_ref()
                .map(|slug| format!("{ICONS}{slug}.svg")),
            html: format!("{SITE}{}", product.id),
            release_policy: view.release_policy_link.clone(),
        },
        releases: view.releases.iter().map(|r| release(view, r)).collect(),
        warnings: view.warnings.iter().map(|w| w.message.clone()).collect(),
    }
}

/// `value` when its column is on; `None` leaves the field out.
fn when<T>(on: bool, value: T) -> Option<T> {
    on.then_some(value)
}

fn iso(date: Option<Date>) -> Option<String> {
    date.map(Date::iso)
}

fn release(view: &ProductView<'_>, release: &ReleaseView<'_>) -> ApiRelease {
    let product = view.product;
    let columns = &product.columns;
    let life = &release.life;
    let r = release.release;
    let custom_fields: Vec<_> = product
        .custom_fields
        .iter()
        .filter(|field| field.display != Display::None)
        .collect();
    ApiRelease {
        name: r.cycle.clone(),
        codename: r.codename.clone(),
        label: release.full_label(&view.lts_label),
        release_date: iso(r.release_date),
        is_lts: life.lts.is_lts(),
        lts_from: iso(life.lts.from()),
        is_eoas: when(columns.eoas.is_some(), life.eoas.reached()),
        eoas_from: when(columns.eoas.is_some(), iso(life.eoas.from())),
        is_eol: life.eol.reached(),
        eol_from: iso(life.eol.from()),
        is_discontinued: when(columns.discontinued.is_some(), life.discontinued.reached()),
        discontinued_from: when(
            columns.discontinued.is_some(),
            iso(life.discontinued.from()),
        ),
        is_eoes: when(columns.eoes.is_some(), life.eoes.reached()),
        eoes_from: when(columns.eoes.is_some(), iso(life.eoes.from())),
        is_maintained: life.maintained,
        latest: columns.latest.is_some().then(|| ApiLatest {
            name: r.latest.clone(),
            date: iso(r.latest_release_date),
            link: release.link.clone(),
        }),
        // Inserted one by one: `collect` would sort first, another copy of the sort in the wasm.
        custom: (!custom_fields.is_empty()).then(|| {
            let mut custom = BTreeMap::new();
            for field in &custom_fields {
                let value = r.field(&field.name).and_then(|v| v.as_text());
                custom.insert(field.name.clone(), value);
            }
            custom
        }),
    }
}
