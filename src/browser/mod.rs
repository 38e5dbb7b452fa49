//! Thin browser layer: every call that can fail returns `Result` or `Option`, and nothing
//! here decides anything about KOOM.

pub mod storage;

use wasm_bindgen::JsCast;

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// Today's date as `YYYY-MM-DD`, in the browser's time zone.
pub fn today_iso() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// Shows a message in a modal dialog; silently does nothing where dialogs are blocked
/// (sandboxed iframes).
pub fn alert(message: &str) {
    if let Some(w) = window() {
        let _ = w.alert_with_message(message);
    }
}

/// Asks the user to confirm; `false` where dialogs are blocked, so nothing is replaced
/// without a yes.
pub fn confirm(message: &str) -> bool {
    window()
        .and_then(|w| w.confirm_with_message(message).ok())
        .unwrap_or(false)
}

/// Opens the print dialog.
pub fn print() -> Result<(), String> {
    window()
        .ok_or_else(|| "No browser window is available to print from.".to_string())?
        .print()
        .map_err(|_| "This browser refused to open the print dialog (printing may be blocked in an embedded page). Open the page on its own to print.".to_string())
}

/// Scrolls an element into view and moves keyboard focus to it.
pub fn scroll_to_and_focus(id: &str) -> Option<()> {
    let el = window()?.document()?.get_element_by_id(id)?;
    el.scroll_into_view();
    el.dyn_into::<web_sys::HtmlElement>().ok()?.focus().ok()
}

/// After a view change, moves focus to the new view's main heading (once it is rendered).
pub fn focus_main_heading_soon() {
    leptos::task::spawn_local(async {
        // Let the view render before looking for its heading.
        leptos::task::tick().await;
        let _ = focus_main_heading();
    });
}

fn focus_main_heading() -> Option<()> {
    let w = window()?;
    let el = w.document()?.get_element_by_id("main-heading")?;
    let el: web_sys::HtmlElement = el.dyn_into().ok()?;
    let _ = el.focus();
    w.scroll_to_with_x_and_y(0.0, 0.0);
    Some(())
}
