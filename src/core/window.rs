//! Row windowing for long tables: which of the shown rows are in the page. Only the rows near
//! the viewport are, between two spacers that stand in for the others, so sorting, filtering or
//! searching thousands of releases lays out a screenful of rows, not the whole table.

use std::ops::Range;

use super::table::{Cell, Table};

/// Under `virtualize: "auto"`, tables of more rows than this are windowed. Real products list
/// far fewer releases (the longest files have about 150), so they always keep every row in the
/// page, where find-in-page sees it.
pub const AUTO_ABOVE: usize = 200;
/// Rows put in the page beyond each edge of the viewport, so a scroll of a few rows needs no
/// change.
pub const OVERSCAN: usize = 8;
/// Rows beyond each edge when the rows change (a sort, a filter, a search): the screen first, the
/// rest of the overscan a frame later ([`Layout::fill`]).
pub const NEAR: usize = 1;
/// Rows put in the page while the table's place on the page is unknown (before it is attached):
/// a tall screen's worth.
pub const INITIAL: usize = 48;
/// The row height assumed before one is measured, in CSS pixels (one line of text plus padding).
pub const DEFAULT_ROW_HEIGHT: f64 = 34.0;

/// Where the rows of a windowed table body are: the top spacer, the rows in the page, and the
/// bottom spacer. Offsets are CSS pixels from the body's top.
///
/// Rows keep their place on screen as the window moves: the rows above the window are spread
/// evenly over the top spacer's height as it was set, the rows in the page measure what they
/// measure, and the rows below take the measured average. A new window's top spacer is where
/// its first row was, so nothing on screen jumps when the estimate changes.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// Positions of the rows in the page, among the shown rows.
    pub rows: Range<usize>,
    /// The top spacer's height.
    pub above: f64,
    /// The height of the rows in the page together.
    pub span: f64,
    /// The height of a row, as measured (the estimate for rows not seen).
    pub row_height: f64,
}

impl Default for Layout {
    fn default() -> Self {
        Layout {
            rows: 0..0,
            above: 0.0,
            span: 0.0,
            row_height: DEFAULT_ROW_HEIGHT,
        }
    }
}

impl Layout {
    /// The bottom spacer's height, for `count` shown rows.
    pub fn below(&self, count: usize) -> f64 {
        count.saturating_sub(self.rows.end) as f64 * self.row_height
    }

    /// Records the measured height of the rows in the page, which also estimates the others.
    pub fn measured(&mut self, span: f64) {
        let count = self.rows.len();
        if count == 0 || !span.is_finite() || span <= 0.0 {
            return;
        }
        self.span = span;
        let height = span / count as f64;
        if height >= MIN_ROW_HEIGHT {
            self.row_height = height;
        }
    }

    /// The height of a row above the window, of one in it, and of one below it.
    fn heights(&self) -> (f64, f64, f64) {
        let below = if self.row_height.is_finite() && self.row_height >= MIN_ROW_HEIGHT {
            self.row_height
        } else {
            DEFAULT_ROW_HEIGHT
        };
        let each = |total: f64, rows: usize| {
            let height = total / rows as f64;
            if rows > 0 && height.is_finite() && height >= MIN_ROW_HEIGHT {
                height
            } else {
                below
            }
        };
        (
            each(self.above, self.rows.start),
            each(self.span, self.rows.len()),
            below,
        )
    }

    /// The (fractional) row position at offset `y`.
    fn position_at(&self, y: f64) -> f64 {
        let (above, inside, below) = self.heights();
        let start = self.rows.start as f64;
        let top_end = start * above;
        let middle_end = top_end + self.rows.len() as f64 * inside;
        if y < top_end {
            y / above
        } else if y < middle_end {
            start + (y - top_end) / inside
        } else {
            self.rows.end as f64 + (y - middle_end) / below
        }
    }

    /// The offset of row position `position`.
    fn offset_of(&self, position: usize) -> f64 {
        let (above, inside, below) = self.heights();
        let start = self.rows.start;
        let end = self.rows.end;
        if position <= start {
            position as f64 * above
        } else if position <= end {
            start as f64 * above + (position - start) as f64 * inside
        } else {
            start as f64 * above + (end - start) as f64 * inside + (position - end) as f64 * below
        }
    }

    /// The shown rows (of `count`) that intersect the viewport, given the body's `top` relative
    /// to the viewport and the viewport's height; empty when the table is out of view.
    pub fn visible(&self, count: usize, top: f64, viewport: f64) -> Range<usize> {
        let from = self.position_at((-top).max(0.0));
        let to = self.position_at(viewport - top);
        if !from.is_finite() || !to.is_finite() || viewport - top <= 0.0 {
            return 0..0;
        }
        let start = clamp_index(from.floor(), count);
        let end = clamp_index(to.ceil(), count);
        start..end.max(start)
    }

    /// Whether the rows in the page, all still among the `count` shown, include `visible`.
    fn holds(&self, count: usize, visible: &Range<usize>) -> bool {
        self.rows.end <= count && self.rows.start <= visible.start && visible.end <= self.rows.end
    }

    /// The layout with `rows` in the page, each where this layout has it.
    pub fn place(&self, rows: Range<usize>) -> Layout {
        let (_, _, below) = self.heights();
        Layout {
            above: self.offset_of(rows.start),
            span: rows.len() as f64 * below,
            row_height: below,
            rows,
        }
    }

    /// The rows to have in the page next, for `count` shown rows and the body's place in the
    /// viewport (`view`: its top and the viewport's height; `None` when not in the page):
    /// `None` while the rows in the page still cover the viewport, so scrolling within them
    /// changes nothing; otherwise the visible rows and `margin` more on each side. `force`
    /// recomputes even so (the rows changed).
    pub fn next(
        &self,
        count: usize,
        view: Option<(f64, f64)>,
        force: bool,
        margin: usize,
    ) -> Option<Layout> {
        let Some((top, viewport)) = view else {
            return force.then(|| self.place(0..count.min(INITIAL)));
        };
        let visible = self.visible(count, top, viewport);
        let covered = if visible.is_empty() {
            self.rows.end <= count
        } else {
            self.holds(count, &visible)
        };
        if covered && !force {
            return None;
        }
        let next = if !visible.is_empty() {
            around(count, visible, margin)
        } else if top < 0.0 {
            // Scrolled past: the last rows.
            count.saturating_sub(INITIAL)..count
        } else {
            0..count.min(INITIAL)
        };
        Some(self.place(next))
    }

    /// The rows in the page and, around the visible ones, the full [`OVERSCAN`] (`None`: they
    /// are there already): what a frame after a change adds.
    pub fn fill(&self, count: usize, view: Option<(f64, f64)>) -> Option<Layout> {
        let (top, viewport) = view?;
        let rows = &self.rows;
        let visible = self.visible(count, top, viewport);
        if visible.is_empty() || !self.holds(count, &visible) {
            return None;
        }
        let want = around(count, visible, OVERSCAN);
        let start = want.start.min(rows.start);
        let end = want.end.max(rows.end);
        (start != rows.start || end != rows.end).then(|| self.place(start..end))
    }
}

/// Rows shorter than this are not rows (a table that is not displayed measures 0).
const MIN_ROW_HEIGHT: f64 = 8.0;

/// `rows` and `margin` more rows on each side, within `0..count`.
pub fn around(count: usize, rows: Range<usize>, margin: usize) -> Range<usize> {
    let start = rows.start.min(count).saturating_sub(margin);
    let end = rows.end.saturating_add(margin).min(count);
    start..end.max(start)
}

/// The rows to put in the page so that row `position` is among them (to scroll it into view).
pub fn reaching(count: usize, mounted: &Range<usize>, position: usize) -> Range<usize> {
    if mounted.contains(&position) && mounted.end <= count {
        return mounted.clone();
    }
    around(
        count,
        position..position.saturating_add(INITIAL / 2).min(count),
        OVERSCAN,
    )
}

/// Each column's share of the table's width, in percent, for a windowed table's fixed layout
/// (its column widths must not change as rows come and go): in proportion to the column's
/// longest text, within bounds, so dates get room and short columns do not starve.
pub fn column_shares(table: &Table) -> Vec<usize> {
    const NARROWEST: usize = 8;
    const WIDEST: usize = 34;
    // room for a cell's padding, in characters
    const PADDING: usize = 2;
    let widths: Vec<usize> = table
        .columns
        .iter()
        .enumerate()
        .map(|(index, column)| {
            let longest = table
                .rows
                .iter()
                .filter_map(|row| row.cells.get(index))
                .map(Cell::text_len)
                .max()
                .unwrap_or(0);
            // the header also holds the sort arrow
            let header = column.header.chars().count() + 3;
            (longest.max(header) + PADDING).clamp(NARROWEST, WIDEST)
        })
        .collect();
    let total: usize = widths.iter().sum::<usize>().max(1);
    widths.iter().map(|width| width * 100 / total).collect()
}

fn clamp_index(value: f64, count: usize) -> usize {
    if value <= 0.0 {
        0
    } else if value >= count as f64 {
        count
    } else {
        // In range, so the conversion is exact for the integral value.
        value as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A layout of uniform 34 px rows with `rows` in the page, and the view of a 340 px
    /// viewport with the body's top at `top`.
    fn uniform(rows: Range<usize>) -> Layout {
        Layout {
            above: rows.start as f64 * 34.0,
            span: rows.len() as f64 * 34.0,
            row_height: 34.0,
            rows,
        }
    }

    fn view(top: f64) -> Option<(f64, f64)> {
        Some((top, 340.0))
    }

    #[test]
    fn table_at_the_top_shows_its_first_screenful() {
        assert_eq!(uniform(0..0).visible(1000, 0.0, 340.0), 0..10);
        assert_eq!(uniform(0..0).visible(1000, 170.0, 340.0), 0..5);
    }

    #[test]
    fn scrolled_table_shows_the_rows_under_the_viewport() {
        assert_eq!(uniform(0..40).visible(1000, -3400.0, 340.0), 100..110);
        assert_eq!(uniform(90..130).visible(1000, -3417.0, 340.0), 100..111);
    }

    #[test]
    fn table_out_of_view_shows_no_rows() {
        assert_eq!(uniform(0..40).visible(1000, 400.0, 340.0), 0..0);
        assert_eq!(uniform(0..40).visible(1000, -40_000.0, 340.0), 1000..1000);
    }

    #[test]
    fn short_table_is_clamped_to_its_rows() {
        assert_eq!(uniform(0..4).visible(4, 0.0, 340.0), 0..4);
        assert_eq!(uniform(0..4).visible(4, -3400.0, 340.0), 4..4);
    }

    #[test]
    fn scrolling_within_the_rows_in_the_page_changes_nothing() {
        assert_eq!(
            uniform(90..130).next(1000, view(-3400.0), false, OVERSCAN),
            None
        );
    }

    #[test]
    fn scrolling_past_them_puts_in_the_visible_rows_with_overscan() {
        let next = uniform(0..20)
            .next(1000, view(-3400.0), false, OVERSCAN)
            .unwrap();
        assert_eq!(next.rows, 92..118);
        assert_eq!(next.above, 92.0 * 34.0);
    }

    #[test]
    fn a_change_puts_in_the_screen_first_and_the_overscan_a_frame_later() {
        let changed = uniform(90..130)
            .next(1000, view(-3400.0), true, NEAR)
            .unwrap();
        assert_eq!(changed.rows, 99..111);
        let filled = changed.fill(1000, view(-3400.0)).unwrap();
        assert_eq!(filled.rows, 92..118);
        assert_eq!(filled.above, changed.offset_of(92));
        assert_eq!(filled.fill(1000, view(-3400.0)), None);
        // nothing to fill when the rows in the page no longer cover the screen
        assert_eq!(changed.fill(1000, view(-9000.0)), None);
    }

    #[test]
    fn forced_update_keeps_the_scroll_position() {
        let next = uniform(90..130)
            .next(1000, view(-3400.0), true, OVERSCAN)
            .unwrap();
        assert_eq!(next.rows, 92..118);
    }

    #[test]
    fn fewer_rows_than_in_the_page_are_clamped() {
        let next = uniform(90..130)
            .next(50, view(-3400.0), false, OVERSCAN)
            .unwrap();
        assert_eq!(next.rows, 2..50);
        assert_eq!(
            uniform(0..48)
                .next(5, view(0.0), true, OVERSCAN)
                .unwrap()
                .rows,
            0..5
        );
    }

    #[test]
    fn table_below_the_viewport_puts_in_its_first_rows() {
        assert_eq!(
            uniform(0..0)
                .next(1000, view(900.0), true, OVERSCAN)
                .unwrap()
                .rows,
            0..INITIAL
        );
        assert_eq!(
            uniform(0..48).next(1000, view(900.0), false, OVERSCAN),
            None
        );
    }

    #[test]
    fn detached_table_puts_in_its_first_rows_when_told() {
        assert_eq!(
            uniform(0..0).next(1000, None, true, OVERSCAN).unwrap().rows,
            0..INITIAL
        );
        assert_eq!(uniform(0..0).next(1000, None, false, OVERSCAN), None);
    }

    #[test]
    fn a_new_measure_does_not_move_the_rows_on_screen() {
        // Rows 880..920 were placed with the 34 px guess; they measure 54 px each.
        let mut layout = uniform(880..920);
        layout.measured(40.0 * 54.0);
        assert_eq!(layout.row_height, 54.0);
        // The viewport over row 900 (at 880 * 34 + 20 * 54) still shows row 900...
        let top = -(880.0 * 34.0 + 20.0 * 54.0);
        assert_eq!(layout.visible(1000, top, 340.0).start, 900);
        // ...and a window moved from there starts where its first row was.
        let next = layout
            .next(1000, Some((top - 2000.0, 340.0)), false, OVERSCAN)
            .unwrap();
        assert_eq!(next.above, layout.offset_of(next.rows.start));
        assert!(next.rows.contains(&(900 + 2000 / 54)), "{next:?}");
    }

    #[test]
    fn nonsense_heights_fall_back_to_the_default_row_height() {
        let odd = Layout {
            row_height: f64::NAN,
            ..Layout::default()
        };
        assert_eq!(odd.visible(1000, 0.0, 340.0), 0..10);
        let zero = Layout {
            row_height: 0.0,
            ..Layout::default()
        };
        assert_eq!(zero.visible(1000, 0.0, 340.0), 0..10);
        assert_eq!(zero.visible(1000, f64::NEG_INFINITY, 340.0), 0..0);
        let mut unmeasured = uniform(0..10);
        unmeasured.measured(0.0);
        assert_eq!(unmeasured.row_height, 34.0);
    }

    #[test]
    fn columns_share_the_width_by_their_longest_text() {
        let product = crate::core::parse::parse(crate::core::products::ISTIO).unwrap();
        let today = crate::core::parse_today("2022-05-01").unwrap();
        let view = crate::core::view::evaluate(&product, today);
        let table = crate::core::table::build(&view, &crate::core::wording::English);
        let shares = column_shares(&table);
        assert_eq!(shares.len(), table.columns.len());
        let total: usize = shares.iter().sum();
        assert!((95..=100).contains(&total), "{shares:?}");
        // "1.13" is narrower than "Ends in 2 months (Jun 2022)"
        let release = shares.first().copied().unwrap();
        assert!(
            shares.iter().skip(1).any(|&share| share > release),
            "{shares:?}"
        );
    }

    #[test]
    fn reaching_a_row_mounts_it() {
        assert!(reaching(1000, &(0..48), 700).contains(&700));
        assert_eq!(reaching(1000, &(0..48), 20), 0..48);
        assert!(reaching(1000, &(0..48), 999).contains(&999));
    }
}
