//! The KOOM model's own text (the seed), to read beside the tool that applies it.

use leptos::prelude::*;

use crate::app::{use_state, View};
use crate::domain::{seed_blocks, SeedBlock};

/// The seed, as written: its title, its nine sections, every line.
#[component]
pub fn SeedView() -> impl IntoView {
    let state = use_state();
    view! {
        <article class="seed" aria-labelledby="main-heading">
            <p class="eyebrow">{tr!("The model this tool applies, word for word")}</p>
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
            <p>
                <button type="button" class="secondary" on:click=move |_| state.go(View::Start)>{tr!("Back to the start")}</button>
            </p>
        </article>
    }
}
