//! The app shell: masthead, section navigation, the view on screen, the verdict panel.

use leptos::prelude::*;

use super::{
    compare, dialog, embed, notices, report, sections, sequence, stability, start, team, verdict,
};
use super::{SaveAlert, SaveStatus};
use crate::app::{use_state, AppState, Store, View};
use crate::browser::{self, frame, location};
use crate::domain::{display_name, MODEL_VERSION};

/// The offline copy's file, next to index.html (written by scripts/finish-dist.mjs).
const OFFLINE_COPY: &str = "koom-readiness-offline.html";

/// The application root.
#[component]
pub fn App() -> impl IntoView {
    let embed = location::query_flag("embed");
    let framed = frame::in_frame();
    let state = AppState::new(Default::default(), View::Start, false).shown(embed, framed);
    let store = Store::new();
    provide_context(state);
    provide_context(store);
    store.start(state);
    // The full-width page on screen (the start screen for every workspace view, so moving
    // between those never re-renders it).
    let full_width = Memo::new(move |_| match state.view.get() {
        v @ (View::Compare | View::Team) => v,
        _ => View::Start,
    });
    if embed {
        browser::mark_body("embed");
    }
    if framed || embed {
        frame::report_height_on_change();
    }

    view! {
        <a class="skip-link" href="#main-heading">"Skip to content"</a>
        {embed.then(|| view! { <embed::EmbedBar/> })}
        <header class="masthead" hidden=embed>
            <div class="masthead-inner">
                <button type="button" class="brand" on:click=move |_| state.go(View::Start)>
                    <span class="brand-mark" aria-hidden="true">"K"</span>
                    <span class="brand-name">"KOOM Readiness"</span>
                </button>
                <p class="model-version">"KOOM Deployment Readiness Layer v" {MODEL_VERSION}</p>
            </div>
        </header>
        <notices::Notices/>
        {framed.then(|| view! { <embed::FrameNotice/> })}
        <SaveAlert/>
        <dialog::AskDialog/>
        <Show
            when=move || !matches!(state.view.get(), View::Start | View::Compare | View::Team)
            fallback=move || view! {
                <main class="page page-start">
                    {move || match full_width.get() {
                        View::Compare => view! { <compare::CompareView/> }.into_any(),
                        View::Team => view! { <team::TeamView/> }.into_any(),
                        _ => view! { <start::StartScreen/> }.into_any(),
                    }}
                </main>
            }
        >
            <div class="workspace">
                <SectionNav/>
                <main class="page" id="main">
                    <notices::OpenedBanner/>
                    {move || match state.view.get() {
                        View::Start | View::Compare | View::Team => ().into_any(),
                        View::Preconditions => view! { <sections::PreconditionsView/> }.into_any(),
                        View::Maturity => view! { <sections::MaturityView/> }.into_any(),
                        View::RedFlags => view! { <sections::RedFlagsView/> }.into_any(),
                        View::GreenFlags => view! { <sections::GreenFlagsView/> }.into_any(),
                        View::Sequence => view! { <sequence::SequenceView/> }.into_any(),
                        View::Stability => view! { <stability::StabilityView/> }.into_any(),
                        View::Report => view! { <report::ReportView/> }.into_any(),
                    }}
                    <PrevNext/>
                </main>
                <verdict::VerdictPanel/>
            </div>
        </Show>
        <footer class="site-footer" hidden=embed>
            <p>"Runs entirely in your browser: no account, no server, nothing sent anywhere."</p>
            // The offline copy itself (opened from a file) has nothing next to it to download.
            {(location::protocol().as_deref() != Some("file:")).then(|| view! {
                <p>
                    <a href=OFFLINE_COPY download=OFFLINE_COPY>"Download an offline copy"</a>
                    ": the whole tool in one file that opens without a network."
                </p>
            })}
        </footer>
    }
}

/// The section navigation with progress per section.
#[component]
fn SectionNav() -> impl IntoView {
    let state = use_state();
    let name = move || state.assessment.with(display_name);
    view! {
        <nav class="section-nav" aria-label="Assessment sections">
            <p class="nav-org">{name}</p>
            <SaveStatus/>
            <ol>
                {View::SECTIONS.into_iter().map(|v| {
                    let progress = move || state.evaluation.with(|e| v.progress(e));
                    view! {
                        <li>
                            <button
                                type="button"
                                class="nav-item"
                                data-view=v.token()
                                aria-current=move || (state.view.get() == v).then_some("page")
                                on:click=move |_| state.go(v)
                            >
                                <span class="nav-label">{v.label()}</span>
                                {move || progress().map(|p| view! {
                                    <span class="nav-progress" class:complete=p.is_complete()>
                                        <span class="visually-hidden">", "</span>
                                        {p.answered} "/" {p.total}
                                        <span class="visually-hidden">" answered"</span>
                                    </span>
                                })}
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ol>
        </nav>
    }
}

/// Previous / next buttons at the end of each view.
#[component]
fn PrevNext() -> impl IntoView {
    let state = use_state();
    let index = move || View::SECTIONS.iter().position(|v| *v == state.view.get());
    let prev = move || {
        index()
            .and_then(|i| i.checked_sub(1))
            .map(|i| View::SECTIONS[i])
    };
    let next = move || index().and_then(|i| View::SECTIONS.get(i + 1).copied());
    view! {
        <div class="prev-next">
            {move || prev().map(|v| view! {
                <button type="button" class="secondary" on:click=move |_| state.go(v)>"← " {v.label()}</button>
            })}
            <span class="spacer"></span>
            {move || next().map(|v| view! {
                <button type="button" class="primary" on:click=move |_| state.go(v)>{v.label()} " →"</button>
            })}
        </div>
    }
}

/// A page heading that receives focus when its view opens.
#[component]
pub fn PageHeading(
    /// The seed section label, such as "§2".
    section: &'static str,
    /// The heading text.
    title: &'static str,
    /// One or two sentences under it.
    intro: &'static str,
) -> impl IntoView {
    view! {
        <header class="page-header">
            <p class="eyebrow">"Seed " {section}</p>
            <h1 id="main-heading" tabindex="-1">{title}</h1>
            <p class="intro">{intro}</p>
        </header>
    }
}
