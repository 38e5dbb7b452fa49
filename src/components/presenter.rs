//! The workshop: the team's meeting run from one screen (a projector), one item to discuss at a
//! time in large type, its answers hidden until the facilitator reveals them, the agreed answer
//! recorded on the spot, the join code one key away for the phones in the room. Keyboard: → or
//! N next, ← or P previous, R or Space reveals, J shows or hides the join code, Escape ends.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::agreement::AgreementControl;
use super::focus_after_render;
use super::qr::JoinCode;
use crate::app::{use_store, Teams};

/// The id of the workshop's heading, the page's main heading while it runs (focus goes there
/// when it starts and moves; the skip link leads there).
const PRESENTER_ID: &str = "main-heading";

/// The id of the button that starts the workshop (focus returns there when it ends).
pub const START_WORKSHOP_ID: &str = "start-workshop";

/// Starts the workshop, focus on its first item.
pub fn start(teams: Teams) {
    teams.start_workshop();
    focus_after_render(PRESENTER_ID.to_string());
}

/// Ends the workshop, focus back on the button that starts it.
fn end(teams: Teams) {
    teams.end_workshop();
    focus_after_render(START_WORKSHOP_ID.to_string());
}

/// Whether a key press belongs to a control (a field, a radio, a button, a disclosure) rather
/// than to the workshop.
fn in_control(ev: &leptos::ev::KeyboardEvent) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| {
            matches!(
                el.tag_name().as_str(),
                "INPUT" | "TEXTAREA" | "SELECT" | "BUTTON" | "SUMMARY" | "A"
            )
        })
}

/// The workshop over the team view, while one runs.
#[component]
pub fn Presenter() -> impl IntoView {
    let teams = use_store().teams;
    let shown = Memo::new(move |_| teams.workshop_item());
    // Whether the join code is on screen: the facilitator's choice, shown above every item and
    // drawn once when asked for, never again as items change.
    let joining = RwSignal::new(false);
    let step = move |by: isize| {
        teams.step_workshop(by);
        focus_after_render(PRESENTER_ID.to_string());
    };
    // The item is drawn again with its answers: focus goes back to it, where the keys work.
    let reveal = move || {
        teams.reveal_shown();
        focus_after_render(PRESENTER_ID.to_string());
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.alt_key() || ev.ctrl_key() || ev.meta_key() {
            return;
        }
        let key = ev.key();
        if key == "Escape" {
            ev.prevent_default();
            // Escape closes the join code first: a reflex that must not end the meeting.
            if joining.get_untracked() {
                joining.set(false);
            } else {
                end(teams);
            }
            return;
        }
        if in_control(&ev) {
            return;
        }
        match key.as_str() {
            "ArrowRight" | "n" | "N" | "PageDown" => step(1),
            "ArrowLeft" | "p" | "P" | "PageUp" => step(-1),
            " " | "r" | "R" => reveal(),
            "j" | "J" => joining.update(|j| *j = !*j),
            _ => return,
        }
        ev.prevent_default();
    };
    let item = move || {
        let Some(shown) = shown.get() else {
            return view! {
                <h1 id=PRESENTER_ID tabindex="-1">{tr!(crate::domain::NOTHING_TO_DISCUSS)}</h1>
            }
            .into_any();
        };
        let question_id = shown.line.question_id;
        view! {
            <p class="presenter-kind" data-kind=shown.line.kind_token>{shown.line.kind}</p>
            <h1 id=PRESENTER_ID class="presenter-question" tabindex="-1">{shown.line.question}</h1>
            <p class="consequence">{shown.line.consequence.clone()}</p>
            {if shown.revealed {
                view! {
                    <div class="presenter-said" data-revealed="true">
                        <p>{shown.line.said.clone()}</p>
                        {shown.line.attribution.clone().map(|x| view! { <p class="muted">{x}</p> })}
                        {shown.line.stale.clone().map(|x| view! { <p class="stale-evidence">{x}</p> })}
                        {(!shown.line.evidence.is_empty()).then(|| view! {
                            <ul class="evidence">{shown.line.evidence.iter().map(|l| view! { <li>{l.clone()}</li> }).collect_view()}</ul>
                        })}
                    </div>
                }.into_any()
            } else {
                view! {
                    <div class="presenter-said" data-revealed="false">
                        <p class="muted">{tr!("The answers are hidden: discuss first, then reveal them.")}</p>
                        <button type="button" class="primary" on:click=move |_| reveal()>{tr!("Reveal the answers (Space)")}</button>
                    </div>
                }.into_any()
            }}
            <AgreementControl question_id/>
            <div class="presenter-nav">
                <button type="button" class="secondary" disabled=shown.at == 0 on:click=move |_| step(-1)>{tr!("← Previous")}</button>
                <button type="button" class="primary" disabled=shown.at + 1 == shown.of on:click=move |_| step(1)>{tr!("Next →")}</button>
            </div>
        }
        .into_any()
    };
    view! {
        <section class="presenter" aria-labelledby=PRESENTER_ID on:keydown=on_key>
            <div class="presenter-bar">
                <p class="presenter-count">{move || shown.with(|s| s.as_ref().map(|s| trf!("Item {n} of {total}", n = s.at + 1, total = s.of)))}</p>
                <div class="presenter-tools">
                    <button type="button" class="secondary" aria-expanded=move || joining.get().to_string()
                        on:click=move |_| joining.update(|j| *j = !*j)>{tr!("Join code (J)")}</button>
                    <button type="button" class="secondary" on:click=move |_| end(teams)>{tr!("End the workshop (Esc)")}</button>
                </div>
            </div>
            {move || joining.get().then(|| view! {
                // Not a heading: the item's question is the page's first (h1).
                <section class="presenter-join card" aria-label=tr!("Join on your phone")>
                    <p class="presenter-join-title">{tr!("Join on your phone")}</p>
                    <JoinCode/>
                </section>
            })}
            {item}
        </section>
    }
}
