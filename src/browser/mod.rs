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

/// Moves keyboard focus to an element by id.
pub fn focus(id: &str) -> Option<()> {
    let el = window()?.document()?.get_element_by_id(id)?;
    el.dyn_into::<web_sys::HtmlElement>().ok()?.focus().ok()
}

/// The current time in milliseconds since the Unix epoch.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// A new, practically unique id for a library record.
pub fn new_id() -> String {
    let random = (js_sys::Math::random() * f64::from(u32::MAX)) as u32;
    format!("{:x}-{random:08x}", now_ms() as u64)
}

/// A local date and time as `YYYY-MM-DD HH:MM`.
pub fn date_time_label(ms: f64) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}

/// Moves focus to the view's main heading and scrolls to the top.
pub fn focus_main_heading() -> Option<()> {
    let w = window()?;
    let el = w.document()?.get_element_by_id("main-heading")?;
    let el: web_sys::HtmlElement = el.dyn_into().ok()?;
    let _ = el.focus();
    w.scroll_to_with_x_and_y(0.0, 0.0);
    Some(())
}

/// Whether the page is hidden (another tab in front, minimised, being closed).
pub fn page_hidden() -> bool {
    window()
        .and_then(|w| w.document())
        .map(|d| d.hidden())
        .unwrap_or(false)
}

/// Asks the browser to keep this site's storage under storage pressure, and reports its
/// answer. Browsers without the Storage API report nothing.
pub fn request_persistence(on_answer: impl FnOnce(bool) + 'static) {
    let Some(storage) = window().map(|w| w.navigator().storage()) else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        let answer = match storage.persist() {
            Ok(promise) => wasm_bindgen_futures::JsFuture::from(promise)
                .await
                .ok()
                .and_then(|v| v.as_bool()),
            Err(_) => None,
        };
        if let Some(answer) = answer {
            on_answer(answer);
        }
    });
}

/// Offers text as a file download.
pub fn download(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    let fail =
        |what: &str| format!("The download could not start ({what}). Your data is unchanged.");
    let document = window()
        .and_then(|w| w.document())
        .ok_or_else(|| fail("no document"))?;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| fail("the file could not be made"))?;
    let url =
        web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| fail("no object URL"))?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| fail("no link"))?
        .dyn_into()
        .map_err(|_| fail("no link"))?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Reads the file chosen in a file input, with its name: `Err` with a message if it cannot.
pub async fn read_chosen_file(
    input: &web_sys::HtmlInputElement,
    max_bytes: usize,
) -> Result<(String, String), String> {
    let file = input
        .files()
        .and_then(|files| files.get(0))
        .ok_or_else(|| "No file was chosen.".to_string())?;
    let name = file.name();
    // Refuse huge files before reading them into memory.
    if file.size() > max_bytes as f64 {
        return Err(format!(
            "“{name}” was not imported: it is {} KB; an assessment file is at most {} KB. Nothing was changed.",
            (file.size() / 1024.0).ceil(),
            max_bytes / 1024
        ));
    }
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .map_err(|_| format!("“{name}” could not be read. Nothing was changed."))?;
    Ok((name, text.as_string().unwrap_or_default()))
}

/// Copies text to the clipboard; `Err` where the browser does not allow it.
pub async fn copy_to_clipboard(text: &str) -> Result<(), String> {
    let clipboard = window()
        .map(|w| w.navigator().clipboard())
        .ok_or_else(|| "No clipboard here.".to_string())?;
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|_| "The browser did not allow copying to the clipboard (an embedded page may not be allowed to). Use the download instead.".to_string())
}
