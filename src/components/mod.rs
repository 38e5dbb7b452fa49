//! Leptos components: they render state and send intents, nothing more. Rules live in
//! [`crate::domain`]; browser calls live in [`crate::browser`].

mod notices;
mod question;
mod report;
mod sections;
mod sequence;
mod stability;
mod start;
mod store;
mod verdict;

use leptos::prelude::*;

use crate::browser;
use crate::domain::{self, Assessment, Evaluation, SectionProgress, MODEL_VERSION};

pub use question::QuestionControl;
pub use sequence::SequenceView;
pub use store::{use_store, Entry, Opened, Store};
pub use verdict::VerdictPanel;

/// The views of the app, one per part of the model plus start and report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// Start screen.
    Start,
    /// Seed §2.
    Preconditions,
    /// Seed §3.
    Maturity,
    /// Seed §5.
    RedFlags,
    /// Seed §6.
    GreenFlags,
    /// Seed §4.
    Sequence,
    /// Seed §7.
    Stability,
    /// Printable report.
    Report,
}

impl View {
    /// The views reachable from the navigation, in order.
    pub const SECTIONS: [View; 7] = [
        View::Preconditions,
        View::Maturity,
        View::RedFlags,
        View::GreenFlags,
        View::Sequence,
        View::Stability,
        View::Report,
    ];

    /// The navigation label.
    pub fn label(self) -> &'static str {
        match self {
            View::Start => "Start",
            View::Preconditions => "Preconditions",
            View::Maturity => "Maturity",
            View::RedFlags => "Red flags",
            View::GreenFlags => "Green flags",
            View::Sequence => "Deployment sequence",
            View::Stability => "Stability",
            View::Report => "Report",
        }
    }

    /// A stable token, used in the DOM and in saved state.
    pub fn token(self) -> &'static str {
        match self {
            View::Start => "start",
            View::Preconditions => "preconditions",
            View::Maturity => "maturity",
            View::RedFlags => "red-flags",
            View::GreenFlags => "green-flags",
            View::Sequence => "sequence",
            View::Stability => "stability",
            View::Report => "report",
        }
    }

    /// The view with this token.
    pub fn from_token(token: &str) -> Option<View> {
        [View::Start]
            .into_iter()
            .chain(View::SECTIONS)
            .find(|v| v.token() == token)
    }

    fn progress(self, e: &Evaluation) -> Option<SectionProgress> {
        let p = &e.progress;
        match self {
            View::Preconditions => Some(p.preconditions),
            View::Maturity => Some(p.maturity),
            View::RedFlags => Some(p.red_flags),
            View::GreenFlags => Some(p.green_flags),
            View::Sequence => Some(p.sequence),
            View::Stability => Some(p.stability),
            View::Start | View::Report => None,
        }
    }
}

/// The app's shared state, provided as context to every component.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The assessment being worked on.
    pub assessment: RwSignal<Assessment>,
    /// Its evaluation, derived.
    pub evaluation: Memo<Evaluation>,
    /// The view on screen.
    pub view: RwSignal<View>,
    /// Whether the assessment on screen is read-only (the Raccoons Inc. example, or a record
    /// saved by a newer version).
    pub read_only: RwSignal<bool>,
}

impl AppState {
    /// Creates the state around an assessment.
    pub fn new(assessment: Assessment, view: View, read_only: bool) -> Self {
        let assessment = RwSignal::new(assessment);
        AppState {
            assessment,
            evaluation: Memo::new(move |_| assessment.with(domain::evaluate)),
            view: RwSignal::new(view),
            read_only: RwSignal::new(read_only),
        }
    }

    /// Changes the assessment, unless it is read-only.
    pub fn edit(&self, change: impl FnOnce(&mut Assessment)) {
        if !self.read_only.get_untracked() {
            self.assessment.update(change);
        }
    }

    /// Shows a view and moves focus to its heading, for keyboard and screen-reader users.
    pub fn go(&self, view: View) {
        self.view.set(view);
        leptos::task::spawn_local(async {
            // Let the view render before looking for its heading.
            leptos::task::tick().await;
            browser::focus_main_heading();
        });
    }
}

/// The state from context. Panics only if a component is mounted outside [`App`] or a test
/// harness that provides it.
pub fn use_state() -> AppState {
    expect_context::<AppState>()
}

/// The application root.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new(Assessment::default(), View::Start, false);
    provide_context(state);
    Store::start(state);

    view! {
        <a class="skip-link" href="#main-heading">"Skip to content"</a>
        <header class="masthead">
            <div class="masthead-inner">
                <button type="button" class="brand" on:click=move |_| state.go(View::Start)>
                    <span class="brand-mark" aria-hidden="true">"K"</span>
                    <span class="brand-name">"KOOM Readiness"</span>
                </button>
                <p class="model-version">"KOOM Deployment Readiness Layer v" {MODEL_VERSION}</p>
            </div>
        </header>
        <notices::Notices/>
        <Show
            when=move || state.view.get() != View::Start
            fallback=|| view! { <main class="page page-start"><start::StartScreen/></main> }
        >
            <div class="workspace">
                <SectionNav/>
                <main class="page" id="main">
                    <notices::OpenedBanner/>
                    {move || match state.view.get() {
                        View::Start => ().into_any(),
                        View::Preconditions => view! { <sections::PreconditionsView/> }.into_any(),
                        View::Maturity => view! { <sections::MaturityView/> }.into_any(),
                        View::RedFlags => view! { <sections::RedFlagsView/> }.into_any(),
                        View::GreenFlags => view! { <sections::GreenFlagsView/> }.into_any(),
                        View::Sequence => view! { <SequenceView/> }.into_any(),
                        View::Stability => view! { <stability::StabilityView/> }.into_any(),
                        View::Report => view! { <report::ReportView/> }.into_any(),
                    }}
                    <PrevNext/>
                </main>
                <VerdictPanel/>
            </div>
        </Show>
        <footer class="site-footer">
            <p>"Runs entirely in your browser: no account, no server, nothing sent anywhere."</p>
        </footer>
    }
}

/// The section navigation with progress per section.
#[component]
fn SectionNav() -> impl IntoView {
    let state = use_state();
    let org = move || state.assessment.with(|a| a.organisation.clone());
    view! {
        <nav class="section-nav" aria-label="Assessment sections">
            <p class="nav-org">{move || { let o = org(); if o.is_empty() { "Untitled assessment".to_string() } else { o } }}</p>
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
