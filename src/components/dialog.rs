//! The in-page dialog for the app's questions (a `<dialog>` shown as modal: focus moves in,
//! Escape keeps things as they are, screen readers announce its title and message).

use leptos::prelude::*;

use crate::app::use_store;
use crate::browser;

const DIALOG_ID: &str = "ask-dialog";

/// The one dialog of the app; it shows the store's open question.
#[component]
pub fn AskDialog() -> impl IntoView {
    let store = use_store();
    let asking = store.dialogs.asking;
    Effect::new(move |_| {
        // Open or close the element as the question comes and goes.
        if asking.with(Option::is_some) {
            browser::show_modal(DIALOG_ID);
        } else {
            browser::close_modal(DIALOG_ID);
        }
    });
    view! {
        <dialog id=DIALOG_ID class="ask-dialog" aria-labelledby="ask-title" aria-describedby="ask-message"
            on:cancel=move |ev: web_sys::Event| { ev.prevent_default(); store.dialogs.answer(false); }>
            {move || asking.get().map(|ask| view! {
                <h2 id="ask-title">{ask.title}</h2>
                <p id="ask-message">{ask.message}</p>
                <div class="notice-actions">
                    <button type="button" class="danger" on:click=move |_| store.dialogs.answer(true)>{ask.confirm}</button>
                    <button type="button" class="secondary" autofocus on:click=move |_| store.dialogs.answer(false)>{ask.cancel}</button>
                </div>
            })}
        </dialog>
    }
}
