//! The live widgets of the page: kept until `destroy()` or a new render into their element.

use std::cell::RefCell;
use std::rc::Rc;

use web_sys::Element;

use super::*;

thread_local! {
    /// Widgets on the page. A widget lives until `destroy()` or until a new `render` replaces
    /// it, whether or not the page keeps the `EolTable` handle (whose garbage collection must
    /// not silently switch a visible table's controls off).
    static LIVE: RefCell<Vec<Rc<RefCell<Widget>>>> = const { RefCell::new(Vec::new()) };
}

/// Keeps `widget` alive until [`release`].
pub fn keep_alive(widget: &Rc<RefCell<Widget>>) {
    LIVE.with(|live| live.borrow_mut().push(widget.clone()));
}

/// Called once `widget` is in the page: scrolls the highlighted row into view, and fits a
/// windowed table's rows to the viewport on the next frame (once the page has laid the table
/// out anyway, rather than forcing a layout now).
pub fn attached(widget: &Rc<RefCell<Widget>>) {
    let Ok(mut this) = widget.try_borrow_mut() else {
        return;
    };
    this.reveal();
    if this.parts.spacers.is_some() {
        this.on_next_frame(Widget::follow_viewport);
    }
}

/// Destroys `widget` and lets it go.
pub fn release(widget: &Rc<RefCell<Widget>>) {
    if let Ok(mut this) = widget.try_borrow_mut() {
        this.destroy();
    }
    LIVE.with(|live| live.borrow_mut().retain(|w| !Rc::ptr_eq(w, widget)));
}

/// Destroys the live widgets rendered directly into `host`.
pub fn release_within(host: &Element) {
    let inside: Vec<Rc<RefCell<Widget>>> = LIVE.with(|live| {
        live.borrow()
            .iter()
            .filter(|w| {
                w.try_borrow()
                    .ok()
                    .and_then(|w| w.root.parent_element())
                    .is_some_and(|parent| &parent == host)
            })
            .cloned()
            .collect()
    });
    inside.iter().for_each(release);
}

/// How many widgets are alive (for tests of clean-up).
pub fn live_count() -> usize {
    LIVE.with(|live| live.borrow().len())
}
