//! An event listener that owns its closure and removes itself when dropped (as gloo-events
//! does), so `destroy()` leaves no listener and no leaked closure behind.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Event, EventTarget, Window};

/// A listener attached to `target` until this value is dropped.
pub struct Listener {
    target: EventTarget,
    kind: &'static str,
    capture: bool,
    closure: Closure<dyn FnMut(Event)>,
}

impl Listener {
    /// Calls `handler` for every `kind` event on `target`.
    pub fn new(
        target: &EventTarget,
        kind: &'static str,
        handler: impl FnMut(Event) + 'static,
    ) -> Result<Listener, JsValue> {
        Listener::add(target, kind, false, handler)
    }

    /// [`Listener::new`], in the capture phase when `capture`: on a document, that hears the
    /// `scroll` of every scrolling element, which does not bubble.
    pub fn add(
        target: &EventTarget,
        kind: &'static str,
        capture: bool,
        handler: impl FnMut(Event) + 'static,
    ) -> Result<Listener, JsValue> {
        let closure = Closure::<dyn FnMut(Event)>::new(handler);
        target.add_event_listener_with_callback_and_bool(
            kind,
            closure.as_ref().unchecked_ref(),
            capture,
        )?;
        Ok(Listener {
            target: target.clone(),
            kind,
            capture,
            closure,
        })
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        // Removing can only fail on a target that is gone, where there is nothing to remove.
        let _ = self.target.remove_event_listener_with_callback_and_bool(
            self.kind,
            self.closure.as_ref().unchecked_ref(),
            self.capture,
        );
    }
}

/// A callback for the next animation frame, cancelled if this value is dropped before it runs.
pub struct Frame {
    window: Window,
    id: i32,
    _closure: Closure<dyn FnMut()>,
}

impl Frame {
    /// Calls `callback` before the next paint of `window`.
    pub fn request(window: &Window, callback: impl FnOnce() + 'static) -> Result<Frame, JsValue> {
        let closure = Closure::once(callback);
        let id = window.request_animation_frame(closure.as_ref().unchecked_ref())?;
        Ok(Frame {
            window: window.clone(),
            id,
            _closure: closure,
        })
    }
}

impl Drop for Frame {
    fn drop(&mut self) {
        // Cancelling a frame that has run does nothing.
        let _ = self.window.cancel_animation_frame(self.id);
    }
}
