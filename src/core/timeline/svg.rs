//! The chart as an element tree (SVG inside a `div`), with its legend and notes.

use super::*;
use crate::core::markup::Element;

/// The chart's elements: `div.eol-timeline` holding a scrolling box with the `svg`, the legend
/// and the list of cycles not drawn.
pub fn tree(timeline: &Timeline) -> Element<'_> {
    let t = timeline;
    let m = Mirror {
        on: t.rtl,
        width: t.width,
    };
    let mut svg = Element::svg("svg")
        .attr("class", "eol-timeline__chart")
        .attr("viewBox", viewbox(t.width, t.height))
        .num("width", t.width)
        .num("height", t.height)
        .attr("role", "img")
        .attr("aria-label", t.label.clone())
        // Coordinates are mirrored for right-to-left locales; anchors are meant left to right.
        .attr_if(t.rtl, "direction", "ltr")
        .child(Element::svg("title").text(t.title.clone()))
        .child(Element::svg("desc").text(t.description.clone()));

    let rows_bottom = ROWS_TOP + ROW_HEIGHT * i32::try_from(t.rows.len()).unwrap_or(0);
    let mut grid = Element::svg("g").attr("class", "eol-tl-grid");
    let mut axis = Element::svg("g").attr("class", "eol-tl-axis");
    for tick in &t.ticks {
        grid = grid.child(
            Element::svg("line")
                .attr(
                    "class",
                    if tick.major {
                        "eol-tl-tick eol-tl-tick-major"
                    } else {
                        "eol-tl-tick"
                    },
                )
                .num("x1", m.x(tick.x))
                .num("x2", m.x(tick.x))
                .num("y1", AXIS_BASELINE - 12)
                .num("y2", rows_bottom),
        );
        if let Some(label) = &tick.label {
            let class = if tick.major {
                "eol-tl-year"
            } else {
                "eol-tl-month"
            };
            let mut baselines = vec![AXIS_BASELINE];
            if t.bottom_axis {
                baselines.push(rows_bottom + 16);
            }
            for y in baselines {
                axis = axis.child(
                    Element::svg("text")
                        .attr("class", class)
                        .num("x", m.x(tick.x + 3))
                        .attr_if(t.rtl, "text-anchor", "end")
                        .num("y", y)
                        .text(label.clone()),
                );
            }
        }
    }
    let mut rows = Element::svg("g").attr("class", "eol-tl-rows");
    for row in &t.rows {
        rows = rows.child(row_node(t, row, m));
    }
    svg = svg.child(grid).child(rows);

    let (anchor, label_x) = if t.today_x + 24 > t.width {
        (m.anchor("end"), m.x(t.today_x + 2))
    } else if t.today_x - 24 < 0 {
        (m.anchor("start"), m.x(t.today_x - 2))
    } else {
        ("middle", m.x(t.today_x))
    };
    svg = svg.child(
        Element::svg("g")
            .attr("class", "eol-tl-today")
            .attr("data-date", t.today.date().iso())
            .child(
                Element::svg("line")
                    .attr("class", "eol-tl-today-line")
                    .num("x1", m.x(t.today_x))
                    .num("x2", m.x(t.today_x))
                    .num("y1", TODAY_BASELINE + 3)
                    .num("y2", rows_bottom)
                    .attr("stroke-dasharray", "4 3"),
            )
            .child(
                Element::svg("text")
                    .attr("class", "eol-tl-today-label")
                    .num("x", label_x)
                    .num("y", TODAY_BASELINE)
                    .attr("text-anchor", anchor)
                    .text(t.texts.today.clone()),
            ),
    );
    // Last, so the today line passes behind the axis labels.
    svg = svg.child(axis);

    let mut root = Element::html("div")
        .attr("class", "eol-timeline")
        .attr("data-product", t.product.clone())
        .child(
            Element::html("div")
                .attr("class", "eol-timeline__scroll")
                .child(svg),
        );
    if let Some(legend) = legend(t) {
        root = root.child(legend);
    }
    if let Some(undated) = &t.texts.undated {
        root = root.child(
            Element::html("p")
                .attr("class", "eol-timeline__undated")
                .text(undated.clone()),
        );
    }
    if let Some((showing, all)) = &t.texts.more {
        root = root.child(
            Element::html("p")
                .attr("class", "eol-timeline__more")
                .child(Element::html("span").text(showing.clone()))
                .child(
                    Element::html("button")
                        .attr("type", "button")
                        .attr("data-action", "timeline-all")
                        .text(all.clone()),
                ),
        );
    }
    root
}

fn viewbox(width: i32, height: i32) -> String {
    let mut out = String::from("0 0 ");
    out.push_str(&width.to_string());
    out.push(' ');
    out.push_str(&height.to_string());
    out
}

/// Horizontal positions as drawn: mirrored when time runs right to left.
#[derive(Clone, Copy)]
struct Mirror {
    on: bool,
    width: i32,
}

impl Mirror {
    /// A point.
    fn x(self, x: i32) -> i32 {
        if self.on {
            self.width - x
        } else {
            x
        }
    }

    /// The left edge of a box `x` to `x + width`.
    fn left(self, x: i32, width: i32) -> i32 {
        if self.on {
            self.width - x - width
        } else {
            x
        }
    }

    /// A text anchor.
    fn anchor(self, anchor: &'static str) -> &'static str {
        match (self.on, anchor) {
            (true, "start") => "end",
            (true, "end") => "start",
            _ => anchor,
        }
    }
}

fn row_node<'a>(t: &'a Timeline, row: &'a Row, m: Mirror) -> Element<'a> {
    let middle = row.y + ROW_HEIGHT / 2;
    let mut g = Element::svg("g")
        .attr("class", "eol-tl-row")
        .attr("tabindex", "0")
        .attr("data-cycle", row.cycle.clone());
    if row.lts {
        g = g.attr("data-lts", "true");
    }
    g = g
        .child(Element::svg("title").text(row.title.clone()))
        .child(
            Element::svg("rect")
                .attr("class", "eol-tl-band")
                .num("x", 0)
                .num("y", row.y)
                .num("width", t.width)
                .num("height", ROW_HEIGHT),
        )
        .child(
            Element::svg("text")
                .attr("class", "eol-tl-label")
                .num("x", m.x(t.plot_left - 8))
                .num("y", middle + 4)
                .attr("text-anchor", m.anchor("end"))
                .text(row.label.clone()),
        );
    for segment in &row.segments {
        let height = segment.support.height();
        let bar = |class: String, x: i32, width: i32| {
            Element::svg("rect")
                .attr("class", class)
                .attr("data-status", segment.status.as_str())
                .num("x", m.left(x, width.max(1)))
                .num("y", middle - height / 2)
                .num("width", width.max(1))
                .num("height", height)
                .num("rx", 2)
        };
        if segment.open && segment.width > 2 * TAIL {
            // Runs on: the bar fades out in two steps.
            let solid = segment.width - TAIL;
            g = g.child(bar(
                open_class(segment.support.class(), ""),
                segment.x,
                solid,
            ));
            g = g.child(bar(
                open_class(segment.support.class(), " eol-tl-fade1"),
                segment.x + solid + 1,
                TAIL / 2 - 2,
            ));
            g = g.child(bar(
                open_class(segment.support.class(), " eol-tl-fade2"),
                segment.x + solid + TAIL / 2,
                TAIL / 2 - 2,
            ));
        } else {
            g = g.child(bar(
                segment.support.class().to_owned(),
                segment.x,
                segment.width,
            ));
        }
    }
    if row.segments.is_empty() {
        g = g.child(
            Element::svg("circle")
                .attr("class", "eol-tl-release")
                .num("cx", m.x(row.release_x))
                .num("cy", middle)
                .num("r", 4),
        );
    }
    g.child(
        Element::svg("text")
            .attr("class", "eol-tl-note")
            .num("x", m.x(row.note.x))
            .num("y", middle + 4)
            .attr(
                "text-anchor",
                m.anchor(if row.note.anchor_end { "end" } else { "start" }),
            )
            .text(row.note.text.clone()),
    )
}

fn open_class(class: &str, extra: &str) -> String {
    let mut out = String::with_capacity(40);
    out.push_str(class);
    out.push_str(" eol-tl-open");
    out.push_str(extra);
    out
}

/// The key to the bars: phases (when more than one) and colours.
fn legend(t: &Timeline) -> Option<Element<'_>> {
    if t.statuses.is_empty() {
        return None;
    }
    let mut list = Element::html("ul")
        .attr("class", "eol-timeline__legend")
        .attr("aria-hidden", "true");
    if t.phases.len() > 1 {
        for (support, header) in &t.phases {
            list = list.child(legend_item("data-phase", support.name(), header.clone()));
        }
    }
    for (status, name) in &t.texts.legend {
        list = list.child(legend_item("data-status", status.as_str(), name.clone()));
    }
    Some(list)
}

/// One legend entry: a colour key marked `{attribute}="{value}"`, and its label.
fn legend_item<'a>(attribute: &'static str, value: &'a str, label: String) -> Element<'a> {
    Element::html("li")
        .child(
            Element::html("span")
                .attr("class", "eol-timeline__key")
                .attr(attribute, value),
        )
        .child(Element::html("span").text(label))
}
