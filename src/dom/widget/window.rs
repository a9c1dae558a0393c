//! Row windowing and scrolling: which rows of a long table are in the page, measured and placed
//! so that nothing on screen jumps.

use std::ops::Range;

use wasm_bindgen::JsValue;
use web_sys::{Document, Element, Event};

use crate::core::window::{self, Layout};
use crate::dom::listener::Frame;
use crate::dom::render::{self, Parts};

use super::*;

/// What holds its place on screen while the rows in the page change.
pub(super) enum Anchor {
    /// A row that stays in the page, and its offset in the body.
    Row(Element, f64),
    /// The body's end, and the body's height.
    End(f64),
}

/// How far `row` is below the top of `body`, in CSS pixels.
pub(super) fn offset(row: &Element, body: &Element) -> f64 {
    row.get_bounding_client_rect().top() - body.get_bounding_client_rect().top()
}

/// Scrolls what scrolls `element` by `delta` CSS pixels: its nearest scrolling ancestor, or the
/// page.
pub(super) fn scroll_by(document: &Document, element: &Element, delta: f64) {
    let Some(view) = document.default_view() else {
        return;
    };
    let mut node = element.parent_element();
    while let Some(ancestor) = node {
        if ancestor.scroll_height() > ancestor.client_height() {
            let overflow = view
                .get_computed_style(&ancestor)
                .ok()
                .flatten()
                .and_then(|style| style.get_property_value("overflow-y").ok())
                .unwrap_or_default();
            if overflow == "auto" || overflow == "scroll" {
                ancestor.set_scroll_top(ancestor.scroll_top() + delta.round() as i32);
                return;
            }
        }
        node = ancestor.parent_element();
    }
    view.scroll_by_with_x_and_y(0.0, delta);
}

impl Widget {
    /// A scroll or resize: a windowed table puts in the rows the viewport now shows.
    pub(super) fn on_scroll(&mut self, _event: &Event) -> bool {
        self.follow_viewport();
        false
    }

    /// Measures the rows in the page, then puts in the rows the viewport needs if those do not
    /// cover it.
    pub(super) fn follow_viewport(&mut self) {
        self.measure();
        let _ = self.remount(false);
    }

    /// Printing shows every row of a windowed table; afterwards the window comes back.
    pub(super) fn on_print(&mut self, event: &Event) -> bool {
        self.printing = event.type_() == "beforeprint";
        let _ = if self.printing {
            self.mount(self.layout.place(0..self.order.len()), false)
        } else {
            self.remount(true)
        };
        false
    }

    /// Where the table body is: its top relative to the viewport, and the viewport's height
    /// (`None` while the widget is not in the page).
    pub(super) fn view(&self) -> Option<(f64, f64)> {
        if !self.root.is_connected() {
            return None;
        }
        let viewport = self
            .document
            .default_view()?
            .inner_height()
            .ok()?
            .as_f64()?;
        Some((self.parts.tbody.get_bounding_client_rect().top(), viewport))
    }

    /// Measures the rows in the page, which sets the bottom spacer's height per row.
    pub(super) fn measure(&mut self) {
        let rows = self.layout.rows.clone();
        if rows.is_empty() || !self.root.is_connected() {
            return;
        }
        let (Some(first), Some(last)) = (
            self.row_at(rows.start),
            self.row_at(rows.end.saturating_sub(1)),
        ) else {
            return;
        };
        let span =
            last.get_bounding_client_rect().bottom() - first.get_bounding_client_rect().top();
        let before = self.layout.row_height;
        self.layout.measured(span);
        if (self.layout.row_height - before).abs() >= 0.5 {
            // Only the bottom spacer changes: it is below what is on screen.
            if let Some(spacers) = &self.parts.spacers {
                let _ = spacers.set(self.layout.above, self.layout.below(self.order.len()));
            }
        }
    }

    /// Puts the rows the viewport needs in the page, if the ones there do not cover it (or
    /// always, when `force`: the rows or their order changed). A change puts in the screen's
    /// rows at once and the overscan on the next frame, so the reader sees the result sooner.
    pub(super) fn remount(&mut self, force: bool) -> Result<(), JsValue> {
        if self.parts.spacers.is_none() {
            return Ok(());
        }
        let count = self.order.len();
        let view = self.view();
        let next = if self.printing {
            force.then(|| self.layout.place(0..count))
        } else if force && view.is_some() {
            self.layout.next(count, view, true, window::NEAR)
        } else {
            self.layout.next(count, view, force, window::OVERSCAN)
        };
        let Some(layout) = next else {
            return Ok(());
        };
        self.mount(layout, !force)?;
        if force && view.is_some() && !self.printing {
            self.on_next_frame(|this| {
                this.measure();
                let count = this.order.len();
                if let Some(layout) = this.layout.fill(count, this.view()) {
                    let _ = this.mount(layout, true);
                }
            });
        }
        Ok(())
    }

    /// Runs `work` on the widget before the next paint (replacing work asked for before).
    pub(super) fn on_next_frame(&mut self, work: fn(&mut Widget)) {
        let Some(view) = self.document.default_view() else {
            return;
        };
        let weak = self.this.clone();
        self.frame = Frame::request(&view, move || {
            let Some(widget) = weak.upgrade() else {
                return;
            };
            if let Ok(mut this) = widget.try_borrow_mut() {
                work(&mut this);
            };
        })
        .ok();
    }

    /// Makes `layout`'s rows the ones in the page, between spacers as tall as the rows they
    /// stand in for; builds rows on first use. With `keep` (a scroll), what is on screen holds
    /// its place: a row that stays, or else the table's end when it is in view. Rows that come
    /// or go above it measure what they measure, not what the spacer allowed them, and the top
    /// spacer takes up the difference.
    pub(super) fn mount(&mut self, mut layout: Layout, keep: bool) -> Result<(), JsValue> {
        let anchor = if keep && self.root.is_connected() {
            self.anchor(&layout)
        } else {
            None
        };
        let old = self.layout.rows.clone();
        let new = layout.rows.clone();
        let overlap = old.start.max(new.start) < old.end.min(new.end);
        if keep && overlap {
            // A scroll: only the rows that leave or come change; the others stay as laid out.
            for position in
                (old.start..new.start.min(old.end)).chain(new.end.max(old.start)..old.end)
            {
                if let Some(row) = self.row_at(position) {
                    row.remove();
                }
            }
            let above = self.rows_for(new.start..old.start.min(new.end))?;
            let below = self.rows_for(old.end.max(new.start)..new.end)?;
            if let Some(spacers) = &self.parts.spacers {
                spacers.top.after_with_node(&above)?;
                spacers.bottom.before_with_node(&below)?;
            }
        } else {
            let nodes = self.rows_for(new)?;
            let parts = &self.parts;
            if let Some(spacers) = &parts.spacers {
                nodes.unshift(&spacers.top);
                nodes.push(&spacers.bottom);
                nodes.push(&parts.empty_row);
                // One call: the rows that stay are moved, the others leave the page.
                parts.tbody.replace_children_with_node(&nodes);
            }
        }
        let Parts { tbody, spacers, .. } = &self.parts;
        let Some(spacers) = spacers else {
            return Ok(());
        };
        let below = layout.below(self.order.len());
        spacers.set(layout.above, below)?;
        if let Some(anchor) = anchor {
            let moved = match anchor {
                Anchor::Row(row, was) => offset(&row, tbody) - was,
                Anchor::End(was) => tbody.get_bounding_client_rect().height() - was,
            };
            if moved.abs() >= 0.5 {
                // The top spacer can shrink or grow by what moved, except above the first row,
                // where there is no spacer: then the page scrolls by it instead.
                let above = if layout.rows.start == 0 {
                    0.0
                } else {
                    (layout.above - moved).max(0.0)
                };
                let unabsorbed = moved - (layout.above - above);
                layout.above = above;
                spacers.set(above, below)?;
                if unabsorbed.abs() >= 0.5 {
                    scroll_by(&self.document, tbody, unabsorbed);
                }
            }
        }
        self.layout = layout;
        Ok(())
    }

    /// The rows of the shown rows at `positions`, built on first use and numbered for
    /// assistive technology.
    pub(super) fn rows_for(&mut self, positions: Range<usize>) -> Result<js_sys::Array, JsValue> {
        let nodes = js_sys::Array::new();
        for position in positions {
            let Some(&index) = self.order.get(position) else {
                continue;
            };
            let Some(slot) = self.parts.rows.get_mut(index) else {
                continue;
            };
            if slot.is_none() {
                let row = render::row(&self.document, &self.table, index)?;
                if let Some(row) = row.as_ref().filter(|_| self.current == Some(index)) {
                    row.set_attribute("aria-current", "true")?;
                }
                *slot = row;
            }
            if let Some(row) = slot {
                // Which row of the whole table this is.
                row.set_attribute("aria-rowindex", &(position + 2).to_string())?;
                nodes.push(row);
            }
        }
        Ok(nodes)
    }

    /// The row element at `position` among the shown rows, if it was built.
    pub(super) fn row_at(&self, position: usize) -> Option<&Element> {
        self.order
            .get(position)
            .and_then(|&index| self.built(index))
    }

    /// The element of table row `index`, if it was built.
    pub(super) fn built(&self, index: usize) -> Option<&Element> {
        self.parts.rows.get(index).and_then(Option::as_ref)
    }

    /// What must not move on screen when `next` replaces the rows in the page.
    pub(super) fn anchor(&self, next: &Layout) -> Option<Anchor> {
        let old = &self.layout.rows;
        let stays = old.start.max(next.rows.start);
        let tbody = &self.parts.tbody;
        if stays < old.end.min(next.rows.end) {
            let row = self.row_at(stays)?;
            return Some(Anchor::Row(row.clone(), offset(row, tbody)));
        }
        // A jump to the end (the End key, the scroll bar dragged down) shows the end.
        let body = tbody.get_bounding_client_rect();
        let (_, viewport) = self.view()?;
        (next.rows.end == self.order.len() && body.bottom() <= viewport + 1.0)
            .then(|| Anchor::End(body.height()))
    }

    /// Every row in the page: the shown ones first, in order, the others hidden behind them.
    pub(super) fn place_rows(&mut self, order: Vec<usize>) -> Result<(), JsValue> {
        let parts = &self.parts;
        let total = self.table.rows.len();
        let mut shown = vec![false; total];
        for &index in &order {
            if let Some(slot) = shown.get_mut(index) {
                *slot = true;
            }
        }
        // Only the visible rows need an order: they go first, and hidden ones stay behind them
        // in the order they had (at first the file's), with the "no match" row last. So a
        // filter or a search moves the rows it shows, not every row of a long table.
        if order != self.order {
            // One call moves those rows into place (prepending moves a node that is already in
            // the body), instead of a call into the page per row.
            // A stack's opened support table follows its row.
            let rows: js_sys::Array = order
                .iter()
                .flat_map(|&index| {
                    let row = parts.rows.get(index).and_then(Option::as_ref);
                    [row, self.detail_row(index)]
                })
                .flatten()
                .collect();
            parts.tbody.prepend_with_node(&rows)?;
            self.order = order;
        }
        for (index, row) in parts.rows.iter().enumerate() {
            let Some(row) = row else { continue };
            let now = shown.get(index).copied().unwrap_or(false);
            if self.shown.get(index).copied() != Some(now) {
                row.toggle_attribute_with_force("hidden", !now)?;
                if let Some(detail) = self.detail_row(index) {
                    detail.toggle_attribute_with_force("hidden", !now)?;
                }
            }
        }
        self.shown = shown;
        Ok(())
    }
}
