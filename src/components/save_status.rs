//! The save state, always in view where the user works (the section navigation on wide
//! screens, the verdict bar on phones), with the way forward when something is not saved.

use leptos::prelude::*;

use crate::app::{use_state, use_store, SaveState};
use crate::browser;

/// "Saved in this browser", "Saving…", "Not saved — memory only" … with an export button or a
/// link to the choice to make when work is at risk.
#[component]
pub fn SaveStatus(
    /// A word or two and no action (the phone's verdict bar, where the notices and the
    /// section navigation carry the way forward).
    #[prop(optional)]
    compact: bool,
) -> impl IntoView {
    let state = use_state();
    let store = use_store();
    let save = Memo::new(move |_| store.open.save_state());
    view! {
        <Show when=move || save.with(|s| *s != SaveState::Nothing)>
            <div class="save-status" data-save=move || save.with(SaveState::token)>
                <span class="save-dot" aria-hidden="true"></span>
                <span class="save-label">{move || save.with(|s| if compact { s.short_label() } else { s.label() })}</span>
                {move || if compact { None } else { match save.get() {
                    // While the storage notice says why, its button is the one export button.
                    SaveState::NotSaved(_) if store.notices.storage_error.with(Option::is_none) => Some(view! {
                        <button type="button" class="link-button save-action"
                            on:click=move |_| store.export_open(state)>
                            {tr!("Export as a file")}
                        </button>
                    }.into_any()),
                    SaveState::Conflict => Some(view! {
                        <button type="button" class="link-button save-action"
                            on:click=move |_| { browser::scroll_to_and_focus("conflict-notice"); }>
                            {tr!("Choose which to keep")}
                        </button>
                    }.into_any()),
                    _ => None,
                }}}
            </div>
        </Show>
    }
}

/// Announces a save problem to screen readers once, when it appears (the visible state is
/// [`SaveStatus`]).
#[component]
pub fn SaveAlert() -> impl IntoView {
    let store = use_store();
    let problem = Memo::new(move |_| {
        match store.open.save_state() {
        SaveState::NotSaved(e) => Some(trf!("Not saved. {reason}", reason = e)),
        SaveState::Conflict => Some(
            tr!("Not saved: this assessment was changed in another tab. Choose which version to keep.")
                .to_string(),
        ),
        _ => None,
    }
    });
    view! {
        <div class="visually-hidden" role="alert">{move || problem.get()}</div>
    }
}
