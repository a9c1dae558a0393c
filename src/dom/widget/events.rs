//! The reader's clicks and typing, the listeners that carry them, and the `eol-table:change` event.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use js_sys::Reflect;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CustomEvent, CustomEventInit, Element, Event, EventTarget};

use crate::core::arrange::{Direction, Filter};
#[cfg(feature = "export")]
use crate::core::export;
use crate::dom::listener::Listener;

use super::*;

/// The name of the event dispatched on the root element after every change.
pub const CHANGE_EVENT: &str = "eol-table:change";

/// What a listener runs on the widget; `true` when the reader's choices changed.
pub(super) type Handler = fn(&mut Widget, &Event) -> bool;

/// A listener on `target` that runs `handler` on the widget, then announces a change.
pub(super) fn listen(
    widget: &Rc<RefCell<Widget>>,
    target: &Element,
    kind: &'static str,
    handler: Handler,
) -> Result<Listener, String> {
    listen_with(widget, target.as_ref(), kind, false, handler)
}

/// [`listen`] on any target, in the capture phase if `capture`.
pub(super) fn listen_with(
    widget: &Rc<RefCell<Widget>>,
    target: &EventTarget,
    kind: &'static str,
    capture: bool,
    handler: Handler,
) -> Result<Listener, String> {
    let weak: Weak<RefCell<Widget>> = Rc::downgrade(widget);
    let on_event = move |event: Event| {
        let Some(widget) = weak.upgrade() else {
            return;
        };
        // The borrow ends before the event goes out, so page listeners may call back in.
        let changed = match widget.try_borrow_mut() {
            Ok(mut this) => handler(&mut this, &event).then(|| (this.root.clone(), this.state())),
            Err(_) => None,
        };
        if let Some((root, state)) = changed {
            dispatch_change(&root, &state);
        }
    };
    Listener::add(target, kind, capture, on_event).map_err(js)
}

/// Dispatches `eol-table:change` (bubbling and composed, with the state as `detail`) on `root`.
pub fn dispatch_change(root: &Element, state: &TableState) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    // Out of a shadow root too, for the custom element's host page.
    init.set_composed(true);
    init.set_detail(&crate::dom::to_js(state).unwrap_or(JsValue::NULL));
    if let Ok(event) = CustomEvent::new_with_event_init_dict(CHANGE_EVENT, &init) {
        let _ = root.dispatch_event(&event);
    }
}

impl Widget {
    /// Whether `control` is this widget's own, not that of a table opened inside it.
    fn owns(&self, control: &Element) -> bool {
        control
            .closest(".eol-table")
            .ok()
            .flatten()
            .is_some_and(|table| table == self.root)
    }

    pub(super) fn on_click(&mut self, event: &Event) -> bool {
        let Some(control) = event
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|t| t.closest("[data-action]").ok().flatten())
        else {
            return false;
        };
        if !self.owns(&control) {
            // a control of a support table opened inside a stack's row: that table's own
            return false;
        }
        let attr = |name: &str| control.get_attribute(name).unwrap_or_default();
        if attr("data-action") == "detail" {
            let _ = self.toggle_detail(&control);
            return false;
        }
        let state = &mut self.settings.state;
        match attr("data-action").as_str() {
            "sort" => {
                let column = attr("data-column");
                let direction = match &state.sort {
                    Some((current, Direction::Ascending)) if *current == column => {
                        Direction::Descending
                    }
                    _ => Direction::Ascending,
                };
                state.sort = Some((column, direction));
            }
            "filter" => match Filter::parse(&attr("data-filter")) {
                Some(filter) => state.filter = filter,
                None => return false,
            },
            "more" => state.show_all = !state.show_all,
            #[cfg(feature = "export")]
            action @ ("download-csv" | "download-ics") => {
                let Content::Product(product) = &self.content else {
                    return false;
                };
                let view = view::evaluate(product, self.today);
                let (text, kind, extension) = if action == "download-csv" {
                    (
                        export::to_csv_in(&view, self.words.as_ref()),
                        "text/csv;charset=utf-8",
                        ".csv",
                    )
                } else {
                    (
                        export::to_icalendar_in(&view, self.words.as_ref()),
                        "text/calendar;charset=utf-8",
                        ".ics",
                    )
                };
                let name = [product.id.as_str(), extension].concat();
                let _ = crate::dom::card::download(&self.document, &text, kind, &name);
                return false;
            }
            "copy" => {
                if let Some(copier) = &self.copier {
                    copier.copy();
                }
                return false;
            }
            #[cfg(feature = "timeline")]
            "timeline-all" => {
                self.settings.whole_timeline = true;
                let _ = self.redraw_timeline();
                return false;
            }
            "dates" => {
                self.settings.date_style = match self.settings.date_style {
                    DateStyle::Relative => DateStyle::Absolute,
                    DateStyle::Absolute => DateStyle::Relative,
                }
            }
            _ => return false,
        }
        self.update().is_ok()
    }

    pub(super) fn on_input(&mut self, event: &Event) -> bool {
        let Some(target) = event.target() else {
            return false;
        };
        let Some(element) = target.dyn_ref::<Element>() else {
            return false;
        };
        if element.get_attribute("data-action").as_deref() != Some("search") || !self.owns(element)
        {
            return false;
        }
        let value = Reflect::get(&target, &"value".into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default();
        self.settings.state.search = value;
        self.update().is_ok()
    }
}
