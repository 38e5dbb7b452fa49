//! Leptos components: they render state and send intents, nothing more.

use leptos::prelude::*;

use crate::domain::MODEL_VERSION;

/// The application root.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <main class="app">
            <header class="masthead">
                <h1>"KOOM Readiness"</h1>
                <p class="lede">
                    "Find out whether your organisation is ready to deploy the Kaizen Organizational Operating Module — or whether deploying it now would break you."
                </p>
                <p class="model-version">"KOOM Deployment Readiness Layer v" {MODEL_VERSION}</p>
            </header>
            <button type="button" class="primary">"Start an assessment"</button>
        </main>
    }
}
