//! The product as the site's API v1 gives it (`../shared/REFERENCE.md` §5): what `parseProduct`
//! returns. Missing values are `null`; the eoas, discontinued and eoes pairs are left out when
//! their column is off.

use std::collections::BTreeMap;

use serde::Serialize;

use super::date::Date;
use super::model::{Display, Value};
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
        custom: (!custom_fields.is_empty()).then(|| {
            custom_fields
                .iter()
                .map(|field| {
                    let value = r.field(&field.name).and_then(Value::as_text);
                    (field.name.clone(), value)
                })
                .collect()
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::parse::parse;
    use crate::core::{parse_today, products, view};

    /// Every product file at hand: the seed and the shared fixtures.
    fn sources() -> Vec<String> {
        let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures");
        let mut sources = vec![products::ISTIO.to_owned()];
        for folder in ["2022", "current"] {
            let mut paths: Vec<_> = std::fs::read_dir(shared.join(folder))
                .unwrap()
                .map(|entry| entry.unwrap().path())
                .collect();
            paths.sort();
            sources.extend(paths.iter().map(|p| std::fs::read_to_string(p).unwrap()));
        }
        sources
    }

    #[test]
    fn missing_values_are_null_and_columns_that_are_off_are_left_out() {
        let today = parse_today("2022-05-01").unwrap();
        for source in sources() {
            let product = parse(&source).unwrap();
            let api = build(&view::evaluate(&product, today));
            let json = serde_json::to_value(&api).unwrap();
            assert!(json["category"].is_null() || json["category"].is_string());
            for release in json["releases"].as_array().unwrap() {
                let release = release.as_object().unwrap();
                assert!(release.contains_key("codename"), "{}", api.name);
                assert!(release.contains_key("latest"), "{}", api.name);
                assert!(release.contains_key("custom"), "{}", api.name);
                assert_eq!(
                    release.contains_key("isEoas"),
                    product.columns.eoas.is_some(),
                    "{}",
                    api.name
                );
                assert_eq!(
                    release.contains_key("eoesFrom"),
                    product.columns.eoes.is_some(),
                    "{}",
                    api.name
                );
            }
        }
    }

    #[test]
    fn custom_values_are_an_object_by_name() {
        let product = parse(
            "customFields:\n- name: chrome\n  display: after-release-column\n  label: Chrome\n\
             releases:\n- releaseCycle: \"1\"\n  chrome: 120\n- releaseCycle: \"2\"\n",
        )
        .unwrap();
        let api = build(&view::evaluate(
            &product,
            parse_today("2022-05-01").unwrap(),
        ));
        let json = serde_json::to_value(&api).unwrap();
        assert_eq!(
            json["releases"][0]["custom"],
            serde_json::json!({"chrome": "120"})
        );
        assert_eq!(
            json["releases"][1]["custom"],
            serde_json::json!({"chrome": null})
        );
    }
}
