//! The table as JSON: the raw values of each release, written by serde_json.

use serde::Serialize;

use crate::core::api;
use crate::core::view::ProductView;

/// The table as JSON: an array with one object per release cycle, in display order, each with
/// the same keys: `cycle`, `label`, `codename`, `releaseDate`, then `lts`, `eoas`, `eol`,
/// `discontinued` and `eoes` as the file gives them (an ISO date, `true`/`false`, or `null`),
/// `latest`, `latestReleaseDate`, `link`, the flags computed for the day (`isLts`, `isEoas`,
/// `isEol`, `isDiscontinued`, `isEoes`, `isMaintained`) and `custom` (field values by name, or
/// `null`). As in the site's API ([`api::build`], whose values these are), the values of a
/// column the product does not show are `null`.
pub fn to_json(view: &ProductView<'_>) -> String {
    let rows: Vec<String> = api::build(view)
        .releases
        .into_iter()
        .zip(&view.releases)
        .map(|(r, rv)| {
            let row = JsonRow {
                phases: [
                    Phase::of(&r.lts_from, Some(r.is_lts)),
                    Phase::of(
                        r.eoas_from.as_ref().and_then(Option::as_ref),
                        r.is_eoas.flatten(),
                    ),
                    Phase::of(&r.eol_from, r.is_eol),
                    Phase::of(
                        r.discontinued_from.as_ref().and_then(Option::as_ref),
                        r.is_discontinued.flatten(),
                    ),
                    Phase::of(
                        r.eoes_from.as_ref().and_then(Option::as_ref),
                        r.is_eoes.flatten(),
                    ),
                ],
                latest: r.latest.as_ref().and_then(|l| l.name.clone()),
                latest_release_date: r.latest.as_ref().and_then(|l| l.date.clone()),
                link: rv.link.clone(),
                release: r,
            };
            // serde_json writes every value; a row a line keeps diffs of the file readable.
            serde_json::to_string(&row).unwrap_or_default()
        })
        .collect();
    if rows.is_empty() {
        return "[]\n".to_owned();
    }
    ["[\n  ", &rows.join(",\n  "), "\n]\n"].concat()
}

/// One release of [`to_json`], its keys in order.
struct JsonRow {
    release: api::ApiRelease,
    /// lts, eoas, eol, discontinued, eoes.
    phases: [Option<Phase>; 5],
    latest: Option<String>,
    latest_release_date: Option<String>,
    link: Option<String>,
}

/// A phase as the file gives it: a date, or whether it is reached.
#[derive(Serialize)]
#[serde(untagged)]
enum Phase {
    Date(String),
    Reached(bool),
}

impl Phase {
    fn of<'a>(date: impl Into<Option<&'a String>>, reached: Option<bool>) -> Option<Phase> {
        let date = date.into().cloned();
        date.map(Phase::Date).or(reached.map(Phase::Reached))
    }
}

impl Serialize for JsonRow {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let r = &self.release;
        let [lts, eoas, eol, discontinued, eoes] = &self.phases;
        let mut map = serializer.serialize_map(Some(19))?;
        map.serialize_entry("cycle", &r.name)?;
        map.serialize_entry("label", &r.label)?;
        map.serialize_entry("codename", &r.codename)?;
        map.serialize_entry("releaseDate", &r.release_date)?;
        map.serialize_entry("lts", lts)?;
        map.serialize_entry("eoas", eoas)?;
        map.serialize_entry("eol", eol)?;
        map.serialize_entry("discontinued", discontinued)?;
        map.serialize_entry("eoes", eoes)?;
        map.serialize_entry("latest", &self.latest)?;
        map.serialize_entry("latestReleaseDate", &self.latest_release_date)?;
        map.serialize_entry("link", &self.link)?;
        map.serialize_entry("isLts", &r.is_lts)?;
        map.serialize_entry("isEoas", &r.is_eoas.flatten())?;
        map.serialize_entry("isEol", &r.is_eol)?;
        map.serialize_entry("isDiscontinued", &r.is_discontinued.flatten())?;
        map.serialize_entry("isEoes", &r.is_eoes.flatten())?;
        map.serialize_entry("isMaintained", &r.is_maintained)?;
        map.serialize_entry("custom", &r.custom)?;
        map.end()
    }
}
