//! The product as the site's API v1 gives it (`../shared/REFERENCE.md` §5): what `parseProduct`
//! returns. Missing values are `null`; the eoas, discontinued and eoes pairs are left out when
//! their column is off.

use serde::Serialize;

use super::date::Date;
use super::json_text::Object;
use super::model::Display;
use super::order;
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
    /// Custom field values by name (sorted by name, each name once), `null` when the product
    /// has none. A list rather than a `BTreeMap`: a few kilobytes less wasm.
    #[serde(serialize_with = "as_map")]
    pub custom: Option<Vec<(String, Option<String>)>>,
}

/// Serialises the custom values as the JSON object they are (for `Serialize`, used by tests).
fn as_map<S: serde::Serializer>(
    custom: &Option<Vec<(String, Option<String>)>>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match custom {
        Some(entries) => serializer.collect_map(entries.iter().map(|(k, v)| (k, v))),
        None => serializer.serialize_none(),
    }
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

impl ApiProduct {
    /// JSON text of the product, as serde serializes it: members in field order, `null` for
    /// none, the pairs of a column that is off left out. `parseProduct` hands it to
    /// `JSON.parse`.
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        let mut object = Object::new(&mut out);
        object.text("name", &self.name);
        object.texts("aliases", &self.aliases);
        object.text("label", &self.label);
        object.opt_text("category", self.category.as_deref());
        object.texts("tags", &self.tags);
        object.opt_text("versionCommand", self.version_command.as_deref());
        object.list("identifiers", &self.identifiers, |out, identifier| {
            let mut item = Object::new(out);
            item.text("type", &identifier.kind);
            item.text("id", &identifier.id);
            item.end();
        });
        let labels = &self.labels;
        let mut item = Object::new(object.key("labels"));
        item.opt_text("eoas", labels.eoas.as_deref());
        item.opt_text("discontinued", labels.discontinued.as_deref());
        item.opt_text("eol", labels.eol.as_deref());
        item.opt_text("eoes", labels.eoes.as_deref());
        item.end();
        let links = &self.links;
        let mut item = Object::new(object.key("links"));
        item.opt_text("icon", links.icon.as_deref());
        item.text("html", &links.html);
        item.opt_text("releasePolicy", links.release_policy.as_deref());
        item.end();
        object.list("releases", &self.releases, |out, release| {
            release.json_into(out)
        });
        object.texts("warnings", &self.warnings);
        object.end();
        out
    }
}

impl ApiRelease {
    fn json_into(&self, out: &mut String) {
        let mut object = Object::new(out);
        object.text("name", &self.name);
        object.opt_text("codename", self.codename.as_deref());
        object.text("label", &self.label);
        object.opt_text("releaseDate", self.release_date.as_deref());
        object.flag("isLts", self.is_lts);
        object.opt_text("ltsFrom", self.lts_from.as_deref());
        column_pair(
            &mut object,
            ("isEoas", "eoasFrom"),
            self.is_eoas,
            &self.eoas_from,
        );
        object.opt_flag("isEol", self.is_eol);
        object.opt_text("eolFrom", self.eol_from.as_deref());
        column_pair(
            &mut object,
            ("isDiscontinued", "discontinuedFrom"),
            self.is_discontinued,
            &self.discontinued_from,
        );
        column_pair(
            &mut object,
            ("isEoes", "eoesFrom"),
            self.is_eoes,
            &self.eoes_from,
        );
        object.flag("isMaintained", self.is_maintained);
        match &self.latest {
            Some(latest) => {
                let mut item = Object::new(object.key("latest"));
                item.opt_text("name", latest.name.as_deref());
                item.opt_text("date", latest.date.as_deref());
                item.opt_text("link", latest.link.as_deref());
                item.end();
            }
            None => object.null("latest"),
        }
        match &self.custom {
            Some(custom) => {
                let mut item = Object::new(object.key("custom"));
                for (name, value) in custom {
                    item.opt_text(name, value.as_deref());
                }
                item.end();
            }
            None => object.null("custom"),
        }
        object.end();
    }
}

/// A column's two members (`isEoas`, `eoasFrom`), left out when the product does not show the
/// column (`None`).
fn column_pair(
    object: &mut Object<'_>,
    (flag_name, from_name): (&str, &str),
    flag: Option<Option<bool>>,
    from: &Option<Option<String>>,
) {
    if let Some(flag) = flag {
        object.opt_flag(flag_name, flag);
    }
    if let Some(from) = from {
        object.opt_text(from_name, from.as_deref());
    }
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
            let mut custom: Vec<(String, Option<String>)> = Vec::new();
            for field in &custom_fields {
                let value = r.field(&field.name).and_then(|v| v.as_text());
                match custom.iter_mut().find(|(name, _)| *name == field.name) {
                    Some(entry) => entry.1 = value,
                    None => custom.push((field.name.clone(), value)),
                }
            }
            order::sort_by(&mut custom, |a, b| a.0.cmp(&b.0));
            custom
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::parse::{parse, parse_value};
    use crate::core::{lookup, parse_today, products, view, yaml};

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
    fn json_text_holds_what_serde_serializes() {
        let sources = sources();
        assert!(sources.len() > 30);
        for (i, source) in sources.iter().enumerate() {
            let product = parse(source).unwrap();
            for day in ["2019-01-01", "2022-05-01", "2031-12-31"] {
                let view = view::evaluate(&product, parse_today(day).unwrap());
                let api = build(&view);
                assert_eq!(
                    parse_value(&api.to_json()).unwrap(),
                    parse_value(&yaml::to_string(&api)).unwrap(),
                    "source {i} on {day}"
                );
                let versions = view.releases.iter().map(|r| r.release.cycle.clone());
                for version in versions.chain(["0.0.1".to_owned(), "v\"9\\".to_owned()]) {
                    let check = lookup::check(&view, &version);
                    assert_eq!(
                        parse_value(&check.to_json()).unwrap(),
                        parse_value(&yaml::to_string(&check)).unwrap(),
                        "source {i} on {day}, version {version}"
                    );
                }
            }
        }
    }
}
