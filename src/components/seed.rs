//! The KOOM model's own text (the seed), to read beside the tool that applies it.

use leptos::prelude::*;

use crate::app::{use_state, View};
use crate::domain::{seed_blocks, SeedBlock};

/// The seed, as written: its title, its nine sections, every line.
#[component]
pub fn SeedView() -> impl IntoView {
    let state = use_state();
    // The seed is the source of truth and is shown as written, in English, whatever the
    // language spoken: its words are marked as English for screen readers and translation.
    let translated = crate::domain::texts().language() != crate::domain::Language::English;
    view! {
        <article class="seed" aria-labelledby="main-heading">
            <p class="eyebrow">{tr!("The model this tool applies, word for word")}</p>
            {translated.then(|| view! {
                <p class="seed-note">{tr!("The KOOM model is shown in its original English: the tool's questions and explanations quote it in translation.")}</p>
            })}
            <div lang="en">
            {seed_blocks().into_iter().map(|block| match block {
                SeedBlock::Title(lines) => view! {
                    <h1 id="main-heading" tabindex="-1">
                        {lines.into_iter().enumerate().map(|(i, l)| view! {
                            {(i > 0).then(|| view! { <br/> })}
                            {l}
                        }).collect_view()}
                    </h1>
                }.into_any(),
                SeedBlock::Section { number, title } => view! {
                    <h2 id=format!("seed-section-{number}") tabindex="-1">{format!("{number}. {title}")}</h2>
                }.into_any(),
                SeedBlock::Paragraph(lines) => view! {
                    <p>
                        {lines.into_iter().enumerate().map(|(i, l)| view! {
                            {(i > 0).then(|| view! { <br/> })}
                            {l}
                        }).collect_view()}
                    </p>
                }.into_any(),
            }).collect_view()}
            </div>
            <p>
                <button type="button" class="secondary" on:click=move |_| state.go(View::Start)>{tr!("Back to the start")}</button>
            </p>
        </article>
    }
}
