//! The app shell: masthead, section navigation, the view on screen, the verdict panel.

use leptos::prelude::*;

use super::parts::{Lazy, Part};
use super::{dialog, embed, language, notices, sections, seed, start, verdict};
use super::{SaveAlert, SaveStatus};
use crate::app::{use_state, use_store, AppState, Languages, Opened, Store, View};
use crate::browser::{self, frame, location};
use crate::domain::{
    compared_names, display_name, page_title, Rule, SeedSection, TextKind, MODEL_VERSION,
};

/// The offline copy's file, next to index.html (written by scripts/finish-dist.mjs).
const OFFLINE_COPY: &str = "koom-readiness-offline.html";

/// The application root.
#[component]
pub fn App(
    /// The language on screen, chosen and loaded before the app is drawn.
    languages: Languages,
) -> impl IntoView {
    provide_context(languages);
    Effect::new(move |_| browser::set_document_language(languages.current().code()));
    let embed = location::query_flag("embed");
    let framed = frame::in_frame();
    let state = AppState::new(Default::default(), View::Start, false).shown(embed, framed);
    let store = Store::in_browser();
    provide_context(state);
    provide_context(store);
    store.start(state);
    // The full-width page on screen (the start screen for every workspace view, so moving
    // between those never re-renders it).
    let full_width = Memo::new(move |_| match state.view.get() {
        v @ (View::Compare | View::Team | View::Seed) => v,
        _ => View::Start,
    });
    // The page's title names what is on screen (tabs, history, bookmarks, screen readers).
    let title = Memo::new(move |_| {
        // Its words are the language's.
        languages.current();
        let view = state.view.get();
        let subject = match view {
            View::Start => None,
            View::Team | View::Seed => None,
            View::Compare => store.compared.sides.with(|s| {
                s.as_ref().map(|sides| {
                    compared_names(&sides.iter().map(|side| &side.name).collect::<Vec<_>>())
                })
            }),
            _ => Some(state.assessment.with(display_name)),
        };
        let view = (view != View::Start).then(|| view.label());
        page_title(view, subject.as_deref())
    });
    Effect::new(move |_| title.with(|t| browser::set_title(t)));
    if embed {
        browser::mark_body("embed");
    }
    if framed || embed {
        frame::report_height_on_change();
    }

    // Every view is drawn again in a language picked; what is open, and every answer, is
    // state outside the views and stays.
    move || {
        languages.current();
        view! {
        <a class="skip-link" href="#main-heading">{tr!("Skip to content")}</a>
        {embed.then(|| view! { <embed::EmbedBar/> })}
        <header class="masthead" hidden=embed>
            <div class="masthead-inner">
                <button type="button" class="brand" on:click=move |_| state.go(View::Start)>
                    <span class="brand-mark" aria-hidden="true">"K"</span>
                    <span class="brand-name">"KOOM Readiness"</span>
                </button>
                <p class="model-version">{tr!("KOOM Deployment Readiness Layer v")} {MODEL_VERSION}</p>
                {(!embed).then(|| view! { <language::LanguagePicker/> })}
            </div>
        </header>
        <language::LanguageNotice/>
        <notices::Notices/>
        {framed.then(|| view! { <embed::FrameNotice/> })}
        <SaveAlert/>
        <dialog::AskDialog/>
        <Show
            when=move || !matches!(state.view.get(), View::Start | View::Compare | View::Team | View::Seed)
            fallback=move || view! {
                <main class="page page-start">
                    {move || match full_width.get() {
                        View::Compare => view! { <Lazy part=Part::Compare/> }.into_any(),
                        View::Team => view! { <Lazy part=Part::Team/> }.into_any(),
                        View::Seed => view! { <seed::SeedView/> }.into_any(),
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
                        View::Start | View::Compare | View::Team | View::Seed => ().into_any(),
                        View::Preconditions => view! { <sections::PreconditionsView/> }.into_any(),
                        View::Maturity => view! { <sections::MaturityView/> }.into_any(),
                        View::RedFlags => view! { <sections::RedFlagsView/> }.into_any(),
                        View::GreenFlags => view! { <sections::GreenFlagsView/> }.into_any(),
                        View::Sequence => view! { <Lazy part=Part::Sequence/> }.into_any(),
                        View::Stability => view! { <Lazy part=Part::Stability/> }.into_any(),
                        View::Report => view! { <Lazy part=Part::Report/> }.into_any(),
                    }}
                    <PrevNext/>
                </main>
                <verdict::VerdictPanel/>
            </div>
        </Show>
        <footer class="site-footer" hidden=embed>
            <p>{tr!("Runs entirely in your browser: no account, no server, nothing sent anywhere.")}</p>
            // The offline copy itself (opened from a file) has nothing next to it to download.
            {(location::protocol().as_deref() != Some("file:")).then(|| view! {
                <p>
                    <a href=OFFLINE_COPY download=OFFLINE_COPY>{tr!("Download an offline copy")}</a>
                    {tr!(": the whole tool in one file that opens without a network.")}
                </p>
            })}
        </footer>
        }
    }
}

/// The section navigation with progress per section.
#[component]
fn SectionNav() -> impl IntoView {
    let state = use_state();
    let name = move || state.assessment.with(display_name);
    view! {
        <nav class="section-nav" aria-label=tr!("Assessment sections")>
            <p class="nav-org">{name}</p>
            <RenameOpen/>
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
                                        <span class="visually-hidden">{if v == View::Sequence { tr!(" done") } else { tr!(" answered") }}</span>
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

/// Renames the assessment on screen from inside it (never to nothing).
#[component]
fn RenameOpen() -> impl IntoView {
    let state = use_state();
    let store = use_store();
    let editing = RwSignal::new(None::<String>);
    let problem = RwSignal::new(false);
    let can_rename = move || {
        !state.read_only.get()
            && matches!(store.open.opened.get(), Opened::Saved(_) | Opened::Memory)
    };
    let save = move || {
        let Some(text) = editing.get_untracked() else {
            return;
        };
        if text.trim().is_empty() {
            problem.set(true);
            browser::focus("rename-open");
            return;
        }
        match store.open.opened.get_untracked() {
            Opened::Saved(id) => store.rename(state, &id, &text),
            _ => state.edit(|a| a.set_organisation(text.trim())),
        }
        problem.set(false);
        editing.set(None);
    };
    view! {
        <Show when=can_rename>
            {move || match editing.get() {
                None => view! {
                    <button type="button" class="link-button rename-open" on:click=move |_| {
                        editing.set(Some(state.assessment.with_untracked(|a| a.organisation.trim().to_string())));
                        leptos::task::spawn_local(async {
                            leptos::task::tick().await;
                            browser::focus("rename-open");
                        });
                    }>{tr!("Rename")} <span class="visually-hidden">{tr!(" this assessment")}</span></button>
                }.into_any(),
                Some(_) => view! {
                    <div class="rename nav-rename" role="group" aria-label=tr!("Rename this assessment")>
                        <label for="rename-open">{tr!("New name")}</label>
                        <input id="rename-open" type="text"
                            maxlength=TextKind::Name.max_chars()
                            aria-invalid=move || problem.get().then_some("true")
                            aria-describedby=move || problem.get().then_some("rename-open-problem")
                            prop:value=move || editing.get().unwrap_or_default()
                            on:input=move |ev| editing.set(Some(event_target_value(&ev)))
                            on:keydown=move |ev| if super::keys::on_enter(&ev) { save() }/>
                        <Show when=move || problem.get()>
                            <p class="field-problem" id="rename-open-problem" role="alert">{tr!("A name is needed: it is how you find this assessment again.")}</p>
                        </Show>
                        <button type="button" class="primary" on:click=move |_| save()>{tr!("Save name")}</button>
                        <button type="button" class="secondary" on:click=move |_| { problem.set(false); editing.set(None); }>{tr!("Cancel")}</button>
                    </div>
                }.into_any(),
            }}
        </Show>
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
    /// The seed section the view comes from.
    section: SeedSection,
    /// The heading text.
    title: &'static str,
    /// One or two sentences under it.
    #[prop(into)]
    intro: String,
) -> impl IntoView {
    view! {
        <header class="page-header">
            <p class="eyebrow">
                <a href=format!("#/seed/{}", section.0)>
                    {trf!("From the KOOM model, section {section}", section = section.0)}
                </a>
            </p>
            <h1 id="main-heading" tabindex="-1">{title}</h1>
            <p class="intro">{intro}</p>
        </header>
    }
}

/// A rule where it acts: one plain sentence first, then, one click away, the full rule and the
/// KOOM model's own words, with a link to that section of the model.
#[component]
pub fn RuleNote(
    /// The rule.
    rule: &'static Rule,
) -> impl IntoView {
    let section = rule.section.0;
    view! {
        <div class="rule-note" data-rule=rule.id>
            <p class="rule-plain">{tr!(rule.plain)}</p>
            <details class="rule-words">
                <summary>{tr!("The full rule and the model's own words")}</summary>
                <p>{tr!(rule.rule)}</p>
                <p>{rule.citation()} " "
                    <a href=format!("#/seed/{section}")>{trf!("Read section {section} of the model", section = section)}</a>
                </p>
            </details>
        </div>
    }
}
