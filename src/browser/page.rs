//! The page itself: focus, scrolling, visibility, printing, native dialogs, and the storage
//! persistence request.

use wasm_bindgen::JsCast;

use super::error::BrowserError;

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

fn html_element(id: &str) -> Option<web_sys::HtmlElement> {
    window()?
        .document()?
        .get_element_by_id(id)?
        .dyn_into::<web_sys::HtmlElement>()
        .ok()
}

thread_local! {
    /// The first screen's hero (title, lede, model version), kept to be adopted by the app.
    static FIRST_HERO: std::cell::RefCell<Option<web_sys::Element>> = const { std::cell::RefCell::new(None) };
}

/// Takes the page over from its first screen (painted from index.html before the app
/// arrived): keeps its hero for the app to adopt, removes the rest, and tells the loader the
/// app started (so it never reports a failure).
pub fn take_over_first_screen() {
    if let Some(document) = window().and_then(|w| w.document()) {
        if let Some(boot) = document.get_element_by_id("boot") {
            if let Ok(Some(hero)) = boot.query_selector(".start-hero") {
                hero.remove();
                FIRST_HERO.with(|h| *h.borrow_mut() = Some(hero));
            }
            boot.remove();
        }
    }
    if let Some(w) = window() {
        if let Ok(started) = js_sys::Reflect::get(&w, &"__koomStarted".into()) {
            if let Some(f) = started.dyn_ref::<js_sys::Function>() {
                let _ = f.call0(&w);
            }
        }
    }
}

/// Moves the first screen's hero, once, into `slot` (the app's hero), so the text painted
/// from the HTML stays the same nodes: the page's largest paint stays the first one. `false`
/// when there is none to adopt (then the app shows its own).
pub fn adopt_first_hero(slot: &web_sys::Element) -> bool {
    let Some(hero) = FIRST_HERO.with(|h| h.borrow_mut().take()) else {
        return false;
    };
    while let Some(child) = hero.first_child() {
        if slot.append_child(&child).is_err() {
            return false;
        }
    }
    if let Ok(Some(h1)) = slot.query_selector("h1") {
        let _ = h1.set_attribute("id", "main-heading");
        let _ = h1.set_attribute("tabindex", "-1");
    }
    true
}

/// What a paste into a text area brings: (the pasted text's length, the field's length, the
/// length of the selection the paste replaces), in the UTF-16 units a field's `maxlength`
/// counts.
pub fn paste_into_text_area(ev: &web_sys::ClipboardEvent) -> Option<(usize, usize, usize)> {
    let pasted = ev.clipboard_data()?.get_data("text/plain").ok()?;
    let field = ev
        .target()?
        .dyn_into::<web_sys::HtmlTextAreaElement>()
        .ok()?;
    let start = field.selection_start().ok().flatten().unwrap_or(0) as usize;
    let end = field.selection_end().ok().flatten().unwrap_or(0) as usize;
    Some((
        pasted.encode_utf16().count(),
        field.value().encode_utf16().count(),
        end.saturating_sub(start),
    ))
}

/// Sets the page's title (`document.title`).
pub fn set_title(title: &str) -> Option<()> {
    window()?.document()?.set_title(title);
    Some(())
}

/// Adds a class to the page's `<body>` (for a layout the stylesheet keys on).
pub fn mark_body(class: &str) -> Option<()> {
    window()?.document()?.body()?.class_list().add_1(class).ok()
}

/// Opens the print dialog.
pub fn print() -> Result<(), BrowserError> {
    window()
        .ok_or(BrowserError::NoDocument)?
        .print()
        .map_err(|_| BrowserError::PrintBlocked)
}

/// Scrolls an element into view and moves keyboard focus to it.
pub fn scroll_to_and_focus(id: &str) -> Option<()> {
    let el = html_element(id)?;
    // Centred: aligned to the top it may sit a fraction of a pixel above the viewport, aligned
    // to the bottom a phone's fixed verdict bar would cover it.
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    el.scroll_into_view_with_scroll_into_view_options(&options);
    if super::frame::in_frame() {
        super::frame::ask_host_to_show(&el);
    }
    el.focus().ok()
}

/// Moves keyboard focus to an element by id.
pub fn focus(id: &str) -> Option<()> {
    html_element(id)?.focus().ok()
}

/// The value of a text field by id (`None`: no such field).
pub fn input_value(id: &str) -> Option<String> {
    window()?
        .document()?
        .get_element_by_id(id)?
        .dyn_into::<web_sys::HtmlInputElement>()
        .ok()
        .map(|input| input.value())
}

/// Empties a text field by id.
pub fn clear_input(id: &str) -> Option<()> {
    window()?
        .document()?
        .get_element_by_id(id)?
        .dyn_into::<web_sys::HtmlInputElement>()
        .ok()
        .map(|input| input.set_value(""))
}

/// Moves focus to the view's main heading and scrolls to the top.
pub fn focus_main_heading() -> Option<()> {
    let el = html_element("main-heading")?;
    let _ = el.focus();
    window()?.scroll_to_with_x_and_y(0.0, 0.0);
    Some(())
}

/// Whether the focus is nowhere in particular: on the page itself, or on what started a move
/// to another view (the section navigation, the masthead).
fn focus_is_free(document: &web_sys::Document) -> bool {
    match document.active_element() {
        None => true,
        Some(active) => {
            document
                .body()
                .is_some_and(|body| active == *body.unchecked_ref())
                || active.closest("nav, .masthead").ok().flatten().is_some()
        }
    }
}

/// Moves focus to the view's main heading unless the person has it somewhere else meanwhile
/// (anywhere but the page itself, the section navigation or the masthead): for a view that
/// arrived after a wait, where the navigation's own move to the heading found none.
pub fn focus_main_heading_unless_in_use() -> Option<()> {
    let document = window()?.document()?;
    focus_is_free(&document).then(focus_main_heading).flatten()
}

/// Moves focus to an element if the focus is nowhere in particular (the control that had it
/// was removed).
pub fn focus_if_lost(id: &str) -> Option<()> {
    let document = window()?.document()?;
    let lost = match document.active_element() {
        None => true,
        Some(active) => document
            .body()
            .is_some_and(|body| active == *body.unchecked_ref()),
    };
    lost.then(|| focus(id)).flatten()
}

/// Reloads the page.
pub fn reload() -> Option<()> {
    window()?.location().reload().ok()
}

/// Runs `task` once the page is idle (`requestIdleCallback`, at most five seconds later), or
/// after two seconds in browsers without it.
pub fn when_idle(task: impl FnOnce() + 'static) -> Option<()> {
    let window = window()?;
    let callback = wasm_bindgen::closure::Closure::once_into_js(task);
    let idle = js_sys::Reflect::get(&window, &"requestIdleCallback".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    match idle {
        Some(request) => {
            let options = js_sys::Object::new();
            js_sys::Reflect::set(&options, &"timeout".into(), &5000.into()).ok()?;
            request.call2(&window, &callback, &options).ok()?;
        }
        None => {
            window
                .set_timeout_with_callback_and_timeout_and_arguments_0(
                    callback.unchecked_ref(),
                    2000,
                )
                .ok()?;
        }
    }
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

/// Selects the text of an input, so the user can copy it where the clipboard is refused.
pub fn select_text(id: &str) -> Option<()> {
    let input: web_sys::HtmlInputElement = web_sys::window()?
        .document()?
        .get_element_by_id(id)?
        .dyn_into()
        .ok()?;
    let _ = input.focus();
    input.select();
    Some(())
}

/// Opens an in-page `<dialog>` as modal (focus moves into it, Escape cancels it).
pub fn show_modal(id: &str) -> Option<()> {
    let dialog: web_sys::HtmlDialogElement = window()?
        .document()?
        .get_element_by_id(id)?
        .dyn_into()
        .ok()?;
    if !dialog.open() {
        dialog.show_modal().ok()?;
    }
    Some(())
}

/// Closes an in-page `<dialog>`.
pub fn close_modal(id: &str) -> Option<()> {
    let dialog: web_sys::HtmlDialogElement = window()?
        .document()?
        .get_element_by_id(id)?
        .dyn_into()
        .ok()?;
    dialog.close();
    Some(())
}

/// The browser's preferred languages, most preferred first (`navigator.languages`, else
/// `navigator.language`).
pub fn preferred_languages() -> Vec<String> {
    let Some(navigator) = window().map(|w| w.navigator()) else {
        return Vec::new();
    };
    let listed: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|l| l.as_string())
        .collect();
    if listed.is_empty() {
        navigator.language().into_iter().collect()
    } else {
        listed
    }
}

/// Sets the page's language (`<html lang>`), which screen readers, hyphenation and the
/// browser's own translation offer read.
pub fn set_document_language(code: &str) -> Option<()> {
    window()?
        .document()?
        .document_element()?
        .set_attribute("lang", code)
        .ok()
}
