//! Which rows show, in which order: sorting, filtering, search and the hiding of old releases.
//! Pure, so the DOM layer only moves rows around.

use std::cmp::Ordering;

use super::table::{SortKey, Table};
use super::version;

/// Sort direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Smallest first (oldest date, lowest version).
    Ascending,
    /// Largest first.
    Descending,
}

impl Direction {
    /// Reads `"ascending"` / `"descending"` (also `"asc"` / `"desc"`).
    pub fn parse(text: &str) -> Option<Direction> {
        match text {
            "ascending" | "asc" => Some(Direction::Ascending),
            "descending" | "desc" => Some(Direction::Descending),
            _ => None,
        }
    }

    /// The `aria-sort` value.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ascending => "ascending",
            Direction::Descending => "descending",
        }
    }
}

/// Which releases show by maintenance status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Filter {
    /// Every release.
    #[default]
    All,
    /// Releases still maintained.
    Maintained,
    /// Releases no longer maintained.
    Ended,
}

impl Filter {
    /// Reads `"all"`, `"maintained"` or `"ended"`.
    pub fn parse(text: &str) -> Option<Filter> {
        match text {
            "all" => Some(Filter::All),
            "maintained" => Some(Filter::Maintained),
            "ended" => Some(Filter::Ended),
            _ => None,
        }
    }

    /// The option value.
    pub fn as_str(self) -> &'static str {
        match self {
            Filter::All => "all",
            Filter::Maintained => "maintained",
            Filter::Ended => "ended",
        }
    }
}

/// What the reader chose.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct State {
    /// The column sorted by and the direction; `None`: the file's order.
    pub sort: Option<(String, Direction)>,
    /// The maintenance filter.
    pub filter: Filter,
    /// Text to look for in cycle, codename, label and latest version.
    pub search: String,
    /// Show the old releases the site's rule would hide.
    pub show_all: bool,
}

/// The rows to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Arrangement {
    /// Indexes into `table.rows`, in display order.
    pub visible: Vec<usize>,
    /// How many old releases are hidden behind "Show more".
    pub hidden_old: usize,
    /// How many old releases the rule can hide at all (for "Hide" once shown).
    pub hideable: usize,
}

/// Arranges `table`'s rows for `state`. Old releases are hidden only in the unfiltered,
/// unsearched view, as on the site.
pub fn arrange(table: &Table, state: &State) -> Arrangement {
    let needle = state.search.trim().to_lowercase();
    let default_view = state.filter == Filter::All && needle.is_empty();
    let hideable = if default_view {
        table.rows.iter().filter(|row| row.can_hide).count()
    } else {
        0
    };
    let hide_old = default_view && !state.show_all;
    let mut visible: Vec<usize> = table
        .rows
        .iter()
        .enumerate()
        .filter(|(_, row)| match state.filter {
            Filter::All => true,
            Filter::Maintained => row.maintained,
            Filter::Ended => !row.maintained,
        })
        .filter(|(_, row)| needle.is_empty() || row.search.contains(&needle))
        .filter(|(_, row)| !(hide_old && row.can_hide))
        .map(|(index, _)| index)
        .collect();
    if let Some((column, direction)) = &state.sort {
        if let Some(at) = table.columns.iter().position(|c| &c.id == column) {
            let key = |index: usize| {
                table
                    .rows
                    .get(index)
                    .and_then(|row| row.cells.get(at))
                    .map(|cell| &cell.sort)
            };
            visible.sort_by(|&a, &b| compare(key(a), key(b), *direction));
        }
    }
    Arrangement {
        visible,
        hidden_old: if hide_old { hideable } else { 0 },
        hideable,
    }
}

/// Missing values last in both directions; otherwise by value in the direction.
fn compare(a: Option<&SortKey>, b: Option<&SortKey>, direction: Direction) -> Ordering {
    let missing = |key: Option<&SortKey>| matches!(key, None | Some(SortKey::Missing));
    match (missing(a), missing(b)) {
        (true, true) => Ordering::Equal,
        (true, false) => Ordering::Greater,
        (false, true) => Ordering::Less,
        (false, false) => {
            let order = match (a, b) {
                (Some(SortKey::Number(x)), Some(SortKey::Number(y))) => x.cmp(y),
                (Some(SortKey::Text(x)), Some(SortKey::Text(y))) => version::compare(x, y),
                (Some(SortKey::Number(_)), _) => Ordering::Less,
                _ => Ordering::Greater,
            };
            match direction {
                Direction::Ascending => order,
                Direction::Descending => order.reverse(),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::{parse::parse, parse_today, table, view, wording::English};

    fn istio() -> Table {
        let product = parse(crate::core::products::ISTIO).unwrap();
        table::build(
            &view::evaluate(&product, parse_today("2022-05-01").unwrap()),
            &English,
        )
    }

    fn cycles(table: &Table, state: &State) -> Vec<String> {
        arrange(table, state)
            .visible
            .iter()
            .map(|&i| table.rows[i].cycle.clone())
            .collect()
    }

    fn sorted(column: &str, direction: Direction) -> State {
        State {
            sort: Some((column.to_owned(), direction)),
            show_all: true,
            ..State::default()
        }
    }

    #[test]
    fn the_default_view_hides_old_unmaintained_releases() {
        let table = istio();
        let arrangement = arrange(&table, &State::default());
        assert_eq!(cycles(&table, &State::default()), ["1.13", "1.12", "1.11"]);
        assert_eq!(arrangement.hidden_old, 5);
        let all = State {
            show_all: true,
            ..State::default()
        };
        assert_eq!(cycles(&table, &all).len(), 8);
        assert_eq!(arrange(&table, &all).hidden_old, 0);
        assert_eq!(arrange(&table, &all).hideable, 5);
    }

    #[test]
    fn cycles_sort_version_aware() {
        let table = istio();
        assert_eq!(
            cycles(&table, &sorted("release", Direction::Ascending)),
            [
                "1.6 and earlier",
                "1.7",
                "1.8",
                "1.9",
                "1.10",
                "1.11",
                "1.12",
                "1.13"
            ]
        );
    }

    #[test]
    fn dates_sort_with_months_in_place_and_unknowns_last_both_ways() {
        let table = istio();
        assert_eq!(
            cycles(&table, &sorted("eol", Direction::Ascending)),
            [
                "1.7",
                "1.8",
                "1.9",
                "1.10",
                "1.11",
                "1.12",
                "1.13",
                "1.6 and earlier"
            ]
        );
        assert_eq!(
            cycles(&table, &sorted("eol", Direction::Descending)),
            [
                "1.13",
                "1.12",
                "1.11",
                "1.10",
                "1.9",
                "1.8",
                "1.7",
                "1.6 and earlier"
            ]
        );
    }

    #[test]
    fn booleans_sort_by_status_around_dates() {
        let product = parse(
            "releases:\n- releaseCycle: a\n  eol: false\n- releaseCycle: b\n  eol: 2020-01-01\n\
             - releaseCycle: c\n  eol: true\n- releaseCycle: d\n",
        )
        .unwrap();
        let table = table::build(
            &view::evaluate(&product, parse_today("2022-05-01").unwrap()),
            &English,
        );
        assert_eq!(
            cycles(&table, &sorted("eol", Direction::Ascending)),
            ["c", "b", "a", "d"]
        );
        assert_eq!(
            cycles(&table, &sorted("eol", Direction::Descending)),
            ["a", "b", "c", "d"]
        );
    }

    #[test]
    fn a_small_table_sorts_by_cycle() {
        let product = parse(
            "title: Sorts\nreleases:\n\
             - releaseCycle: \"1.9\"\n  releaseDate: 2021-02-09\n  eol: 2021-10\n\
             - releaseCycle: \"1.13\"\n  eol: false\n\
             - releaseCycle: \"1.10\"\n  eol: true\n\
             - releaseCycle: \"1.11\"\n  eol: 2021-10-31\n",
        )
        .unwrap();
        let table = table::build(
            &view::evaluate(&product, parse_today("2022-05-01").unwrap()),
            &English,
        );
        assert_eq!(
            cycles(&table, &sorted("release", Direction::Ascending)),
            ["1.9", "1.10", "1.11", "1.13"]
        );
    }

    #[test]
    fn sorting_is_stable() {
        let product = parse("releases:\n- releaseCycle: a\n  eol: true\n- releaseCycle: b\n  eol: true\n- releaseCycle: c\n  eol: true\n").unwrap();
        let table = table::build(
            &view::evaluate(&product, parse_today("2022-05-01").unwrap()),
            &English,
        );
        assert_eq!(
            cycles(&table, &sorted("eol", Direction::Descending)),
            ["a", "b", "c"]
        );
    }

    #[test]
    fn filter_and_search_pick_rows() {
        let table = istio();
        let maintained = State {
            filter: Filter::Maintained,
            ..State::default()
        };
        assert_eq!(cycles(&table, &maintained), ["1.13", "1.12"]);
        let ended = State {
            filter: Filter::Ended,
            ..State::default()
        };
        assert_eq!(
            cycles(&table, &ended).len(),
            6,
            "no hiding outside the default view"
        );
        let search = State {
            search: " 1.1 ".into(),
            ..State::default()
        };
        assert_eq!(cycles(&table, &search), ["1.13", "1.12", "1.11", "1.10"]);
        let nothing = State {
            search: "zzz".into(),
            ..State::default()
        };
        assert!(cycles(&table, &nothing).is_empty());
    }
}
