//! Bringing the page up to date after a change: rows, counts, controls, the verdict and the
//! timeline.

use js_sys::Reflect;
use wasm_bindgen::JsValue;

use crate::core::arrange::{arrange, Filter};
use crate::core::lookup;
#[cfg(feature = "timeline")]
use crate::core::timeline;
use crate::core::view;

use super::*;

/// The timeline's layout for `view`, at `width` (0: the default width).
#[cfg(feature = "timeline")]
pub(super) fn chart(
    view: &view::ProductView<'_>,
    words: &dyn Words,
    settings: &Settings,
) -> timeline::Timeline {
    let width = if settings.width > 0 {
        settings.width
    } else {
        timeline::DEFAULT_WIDTH
    };
    let rows = (!settings.whole_timeline).then_some(timeline::DEFAULT_ROWS);
    timeline::build_rows(view, words, width, rows)
}

impl Widget {
    /// Draws the timeline again in place (after "Show all").
    #[cfg(feature = "timeline")]
    pub(super) fn redraw_timeline(&mut self) -> Result<(), JsValue> {
        let Content::Product(product) = &self.content else {
            return Ok(());
        };
        let view = view::evaluate(product, self.today);
        let chart = chart(&view, self.words.as_ref(), &self.settings);
        let fresh = crate::dom::timeline::build(&self.document, &chart)?;
        if let Some(old) = self.main.query_selector(".eol-timeline")? {
            old.replace_with_with_node_1(&fresh)?;
        }
        Ok(())
    }

    /// Marks the version's row (`aria-current`) and writes the verdict.
    pub(super) fn mark_version(&mut self) -> Result<(), JsValue> {
        if let Some(row) = self.current.take().and_then(|i| self.built(i)) {
            row.remove_attribute("aria-current")?;
        }
        let verdict = &self.parts.verdict;
        let Some(version) = self
            .settings
            .version
            .as_deref()
            .filter(|v| !v.trim().is_empty())
        else {
            verdict.set_attribute("hidden", "")?;
            return Ok(());
        };
        let Content::Product(product) = &self.content else {
            verdict.set_attribute("hidden", "")?;
            return Ok(());
        };
        let view = view::evaluate(product, self.today);
        let check = lookup::check_in(&view, version, self.words.as_ref());
        verdict.remove_attribute("hidden")?;
        verdict.set_attribute("data-status", check.status.as_str())?;
        verdict.set_text_content(Some(&check.message));
        let index = check
            .cycle
            .as_ref()
            .and_then(|cycle| self.table.rows.iter().position(|r| &r.cycle == cycle));
        if let Some(index) = index {
            // A row a windowed table builds later is marked then.
            if let Some(row) = self.built(index) {
                row.set_attribute("aria-current", "true")?;
            }
            if self.table.rows.get(index).is_some_and(|r| r.can_hide) {
                self.settings.state.show_all = true;
            }
        }
        self.current = index;
        Ok(())
    }

    /// Brings the DOM in line with the settings: row order and visibility, headers, controls,
    /// the live region and the "Show more" button.
    pub(super) fn update(&mut self) -> Result<(), JsValue> {
        let arrangement = arrange(&self.table, &self.settings.state);
        let total = self.table.rows.len();
        self.visible = arrangement.visible.len();
        if self.parts.spacers.is_some() {
            // Windowed: the rows near the viewport, in order, between the spacers.
            let changed = arrangement.visible != self.order;
            self.order = arrangement.visible;
            if changed {
                self.measure();
                self.remount(true)?;
            }
            let count = (self.visible + 1).to_string();
            self.parts.table.set_attribute("aria-rowcount", &count)?;
        } else {
            self.place_rows(arrangement.visible)?;
        }
        let parts = &self.parts;

        // The sort icon's shape follows aria-sort in the stylesheet.
        let sorted = self.settings.state.sort.as_ref();
        for (column, th) in self.table.columns.iter().zip(&parts.headers) {
            match sorted {
                Some((id, direction)) if *id == column.id => {
                    th.set_attribute("aria-sort", direction.as_str())?
                }
                _ => th.remove_attribute("aria-sort")?,
            }
        }

        let state = &self.settings.state;
        for button in &parts.filters {
            let pressed =
                button.get_attribute("data-filter").as_deref() == Some(state.filter.as_str());
            button.set_attribute("aria-pressed", if pressed { "true" } else { "false" })?;
        }
        let current = Reflect::get(&parts.search, &"value".into())?
            .as_string()
            .unwrap_or_default();
        if current != state.search {
            Reflect::set(
                &parts.search,
                &"value".into(),
                &state.search.as_str().into(),
            )?;
        }
        let absolute = self.settings.date_style == DateStyle::Absolute;
        parts
            .dates
            .set_attribute("aria-pressed", if absolute { "true" } else { "false" })?;
        self.root
            .set_attribute("data-date-style", self.settings.date_style.as_str())?;
        self.root
            .set_attribute("data-theme", self.settings.theme.as_str())?;

        parts
            .empty_row
            .toggle_attribute_with_force("hidden", self.visible > 0)?;
        let stack = matches!(self.content, Content::Stack(_));
        if self.visible == 0 {
            let search = state.search.trim();
            let words = self.words.as_ref();
            let message = if !search.is_empty() {
                let id = if stack {
                    "stack.empty.search"
                } else {
                    "empty.search"
                };
                words.format(id, &[("search", search)])
            } else {
                let id = match (stack, state.filter) {
                    (false, Filter::Maintained) => "empty.maintained",
                    (false, Filter::Ended) => "empty.ended",
                    (false, Filter::All) => "empty.all",
                    (true, Filter::Maintained) => "stack.empty.maintained",
                    (true, Filter::Ended) => "stack.empty.ended",
                    (true, Filter::All) => "stack.empty.all",
                };
                words.text(id).to_owned()
            };
            parts.empty_text.set_text_content(Some(&message));
        }

        let shown = self.visible.to_string();
        let showing = if stack {
            "stack.showing"
        } else {
            "status.showing"
        };
        let status = self
            .words
            .count(showing, total as u64, &[("shown", &shown)]);
        if parts.status.text_content().as_deref() != Some(status.as_str()) {
            parts.status.set_text_content(Some(&status));
        }

        let more = &parts.more;
        more.toggle_attribute_with_force("hidden", arrangement.hideable == 0)?;
        if arrangement.hideable > 0 {
            let n = arrangement.hideable as u64;
            let (text, expanded) = if state.show_all {
                (self.words.count("more.hide", n, &[]), "true")
            } else {
                (self.words.count("more.show", n, &[]), "false")
            };
            more.set_text_content(Some(&text));
            more.set_attribute("aria-expanded", expanded)?;
        }
        Ok(())
    }
}
