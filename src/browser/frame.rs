//! Living in a frame (an intranet wiki embedding the app): whether the page is framed, telling
//! the host page how tall the content is, and opening a page outside the frame.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The `type` of the message that tells the host page the content's height.
pub const HEIGHT_MESSAGE: &str = "koom-readiness:height";

/// The `type` of the message that asks the host page to scroll part of the frame into view.
pub const SCROLL_MESSAGE: &str = "koom-readiness:scroll";

/// Whether the page is shown inside a frame.
pub fn in_frame() -> bool {
    let Some(w) = web_sys::window() else {
        return false;
    };
    match w.top() {
        Ok(Some(top)) => !js_sys::Object::is(&top, &w),
        // Reading `top` is refused only across origins: a frame.
        _ => true,
    }
}

/// The content's height in CSS pixels: the body's, not the document's, because the
/// document is never shorter than the frame and so would never let the frame shrink.
fn content_height() -> Option<f64> {
    let body = web_sys::window()?.document()?.body()?;
    Some(f64::from(body.scroll_height()))
}

/// Sends the content's height to the host page (`{type: "koom-readiness:height", height}`).
/// The height says nothing private, so any host may read it; the host checks the sender's
/// origin before it applies it.
pub fn post_height() -> Option<()> {
    let w = web_sys::window()?;
    let parent = w.parent().ok()??;
    let message = js_sys::Object::new();
    js_sys::Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE.into()).ok()?;
    js_sys::Reflect::set(&message, &"height".into(), &content_height()?.into()).ok()?;
    parent.post_message(&message, "*").ok()
}

/// Asks the host page to scroll the part of the frame where `el` is into view
/// (`{type: "koom-readiness:scroll", top, height}`, in CSS pixels from the top of the frame's
/// content). A frame that grows with its content never scrolls itself, and WebKit's
/// `scrollIntoView()` and focus scrolling do not reach the host page from a cross-origin
/// frame: the host's snippet does the scrolling. Like the height, it says nothing private.
pub fn ask_host_to_show(el: &web_sys::Element) -> Option<()> {
    let w = web_sys::window()?;
    let parent = w.parent().ok()??;
    let box_ = el.get_bounding_client_rect();
    let message = js_sys::Object::new();
    js_sys::Reflect::set(&message, &"type".into(), &SCROLL_MESSAGE.into()).ok()?;
    let top = box_.top() + w.scroll_y().ok()?;
    js_sys::Reflect::set(&message, &"top".into(), &top.into()).ok()?;
    js_sys::Reflect::set(&message, &"height".into(), &box_.height().into()).ok()?;
    parent.post_message(&message, "*").ok()
}

/// Sends the height now and whenever the content's size changes. Returns `false` where the
/// browser has no ResizeObserver (then the frame keeps its own height and scrolls inside).
pub fn report_height_on_change() -> bool {
    post_height();
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    else {
        return false;
    };
    let callback = Closure::<dyn FnMut()>::new(|| {
        post_height();
    });
    let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) else {
        return false;
    };
    observer.observe(&root);
    // Both live as long as the page: the observer keeps reporting until it is closed.
    callback.forget();
    std::mem::forget(observer);
    true
}

/// Opens an address in a new window or tab, outside the frame. `false` when the browser or
/// the frame refused (a sandbox without `allow-popups`).
pub fn open_outside(url: &str) -> bool {
    let Some(w) = web_sys::window() else {
        return false;
    };
    match w.open_with_url_and_target(url, "_blank") {
        Ok(Some(opened)) => {
            // The new page must not be able to reach back into this one.
            let _ = js_sys::Reflect::set(&opened, &"opener".into(), &JsValue::NULL);
            true
        }
        _ => false,
    }
}
