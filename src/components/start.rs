//! The start screen: what the tool is for, start an assessment, open the example.

use leptos::prelude::*;

use super::{use_state, View};
use crate::domain::example::raccoons_inc;
use crate::domain::{Assessment, MODEL_VERSION};

/// The first screen a visitor sees.
#[component]
pub fn StartScreen() -> impl IntoView {
    let state = use_state();
    let organisation = RwSignal::new(String::new());
    let assessor = RwSignal::new(String::new());
    let has_current =
        move || state.assessment.with(|a| a != &Assessment::default()) && !state.read_only.get();
    let current_name = move || state.assessment.with(|a| a.organisation.clone());

    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = organisation.get_untracked();
        if !has_current()
            || crate::browser::confirm(&format!(
                "Start a new assessment? The current one ({}) will be replaced.",
                current_name()
            ))
        {
            state.read_only.set(false);
            state
                .assessment
                .set(Assessment::new(&name, &assessor.get_untracked()));
            state.go(View::Preconditions);
        }
    };
    let open_example = move |_| {
        state.read_only.set(true);
        state.assessment.set(raccoons_inc());
        state.go(View::Preconditions);
    };

    view! {
        <section class="start" aria-labelledby="main-heading">
            <div class="start-hero">
                <h1 id="main-heading" tabindex="-1">"KOOM Readiness"</h1>
                <p class="lede">
                    "Is your organisation ready for the Kaizen Organizational Operating Module — or will deploying it break you? "
                    "Answer the pre-flight checklist, get an honest verdict with its reasons, then walk the non-negotiable deployment sequence and check stability afterwards."
                </p>
                <p class="model-tag">"Based on the KOOM Deployment Readiness Layer v" {MODEL_VERSION}</p>
            </div>
            <div class="start-grid">
                <Show when=has_current>
                    <div class="card start-card">
                        <h2>"Continue"</h2>
                        <p>{move || { let n = current_name(); if n.is_empty() { "Your saved assessment".to_string() } else { n } }}</p>
                        <button type="button" class="primary" on:click=move |_| state.go(View::Preconditions)>
                            "Continue the assessment"
                        </button>
                    </div>
                </Show>
                <form class="card start-card" on:submit=start>
                    <h2>"New assessment"</h2>
                    <label for="org-name">"Organisation"</label>
                    <input
                        id="org-name"
                        type="text"
                        autocomplete="organization"
                        placeholder="e.g. Raccoons Incorporated"
                        prop:value=move || organisation.get()
                        on:input=move |ev| organisation.set(event_target_value(&ev))
                    />
                    <label for="assessor">"Assessor " <span class="optional">"(optional)"</span></label>
                    <input
                        id="assessor"
                        type="text"
                        autocomplete="name"
                        prop:value=move || assessor.get()
                        on:input=move |ev| assessor.set(event_target_value(&ev))
                    />
                    <button type="submit" class="primary">"Start an assessment"</button>
                </form>
                <div class="card start-card">
                    <h2>"See an example"</h2>
                    <p>"Raccoons Incorporated: a healthy deployment over two alignment cycles, read-only. Copy it to start from it."</p>
                    <button type="button" class="secondary" on:click=open_example>"Open the Raccoons Inc. example"</button>
                </div>
            </div>
            <ul class="start-facts">
                <li>"Five preconditions, three maturity requirements, six red flags — any one means stop."</li>
                <li>"Answers stay in this browser. Nothing is sent anywhere."</li>
                <li>"“Not sure” is an honest answer: it never counts as a pass."</li>
            </ul>
        </section>
    }
}
