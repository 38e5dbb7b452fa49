//! The embedded page: a compact bar with the way out of the frame, the truth about where
//! answers are kept inside a frame, and the snippet a wiki pastes.

use leptos::prelude::*;

use crate::app::{embed_snippet, full_page_link, use_state, use_store, Opened, SnippetKind, View};
use crate::browser::{self, frame};
use crate::domain::StorageError;
use crate::domain::{uncapitalised, Language, Stage};

/// Opens what is on screen outside the frame; says why where the frame forbids it.
#[component]
fn OpenFullPage() -> impl IntoView {
    let state = use_state();
    let store = use_store();
    let open = move |_| {
        let url = store
            .open
            .opened
            .with_untracked(|o| full_page_link(state, o));
        if !frame::open_outside(&url) {
            store.notices.say(trf!(
                "This wiki's frame may not open new windows. Copy this address into a new tab to open the full page: {url}",
                url = url
            ));
        }
    };
    view! {
        <button type="button" class="link-button open-full" on:click=open>{tr!("Open the full page ↗")}</button>
    }
}

/// The embed layout's top bar: where the assessment stands in a few words (the verdict kept
/// in view), and the way out of the frame.
#[component]
pub fn EmbedBar() -> impl IntoView {
    let state = use_state();
    let store = use_store();
    let stage = Memo::new(move |_| state.evaluation.with(Stage::of));
    let open = move || {
        store.open.opened.with(|o| !matches!(o, Opened::Nothing)) && state.view.get() != View::Start
    };
    view! {
        <div class="embed-bar" data-verdict=move || state.evaluation.with(|e| e.readiness.verdict.token())>
            <button type="button" class="link-button embed-brand" on:click=move |_| state.go(View::Start)>"KOOM Readiness"</button>
            <Show when=open>
                <span class="embed-stage" role="status" data-stage=move || stage.with(Stage::token) data-tone=move || stage.with(|s| s.tone().token())>{move || stage.with(Stage::short_headline)}</span>
                <button type="button" class="link-button" on:click=move |_| { browser::scroll_to_and_focus("verdict"); }>{tr!("Why?")}</button>
            </Show>
            <OpenFullPage/>
            <super::language::LanguagePicker/>
        </div>
    }
}

/// Inside a frame the browser keeps this page's storage apart for the site that embeds it:
/// say so, and offer the link and the file as the ways to keep answers elsewhere.
#[component]
pub fn FrameNotice() -> impl IntoView {
    let state = use_state();
    let store = use_store();
    let has_assessment = move || {
        store
            .open
            .opened
            .with(|o| !matches!(o, Opened::Nothing | Opened::Example))
    };
    let no_storage = move || {
        store
            .notices
            .storage_error
            .with(|e| matches!(e, Some(StorageError::Unavailable)))
    };
    view! {
        <div class="notice notice-info frame-notice" data-notice="frame" role="region" aria-label=tr!("Embedded in another site")
            data-storage=move || if no_storage() { "memory" } else { "partitioned" }>
            <p>
                <strong>{tr!("Embedded in another site. ")}</strong>
                {move || if no_storage() {
                    tr!("In this frame the browser does not let the page keep anything: answers live in memory only and are lost when the page closes. To keep an assessment, export its file or make its share link; “Open the full page” carries it out of the frame.")
                } else {
                    tr!("Answers saved here are kept in this browser, for this wiki page's site only: the full page and other sites do not see them. To keep or move an assessment, use its share link or its file.")
                }}
            </p>
            <Show when=has_assessment>
                <div class="notice-actions">
                    <button type="button" class="secondary" on:click=move |_| store.export_open(state)>{tr!("Export as a file")}</button>
                    <OpenFullPage/>
                </div>
            </Show>
        </div>
    }
}

/// One snippet to paste, with its copy button.
#[component]
fn SnippetBox(
    kind: SnippetKind,
    id: &'static str,
    title: &'static str,
    about: &'static str,
    /// The language the snippet fixes, if any.
    language: RwSignal<Option<Language>>,
) -> impl IntoView {
    let store = use_store();
    let snippet = Memo::new(move |_| embed_snippet(kind, language.get()));
    let copy = move |_| {
        let text = snippet.get_untracked();
        leptos::task::spawn_local(async move {
            match browser::copy_to_clipboard(&text).await {
                Ok(()) => store.notices.say(tr!(
                    "The embed snippet was copied: paste it into the wiki page's HTML."
                )),
                Err(_) => {
                    browser::select_text(id);
                    store.notices.say(tr!(
                        "The snippet is selected: copy it with Ctrl+C (⌘C on a Mac)."
                    ));
                }
            }
        });
    };
    view! {
        <h3>{title}</h3>
        <p>{about}</p>
        <label for=id>{trf!("Embed snippet: {title}", title = uncapitalised(title))}</label>
        <textarea id=id readonly rows="12" prop:value=move || snippet.get()></textarea>
        <button type="button" class="secondary" aria-label=trf!("Copy the snippet: {title}", title = uncapitalised(title)) on:click=copy>{tr!("Copy the snippet")}</button>
    }
}

/// The snippets to paste into a wiki page, one for each frame a wiki may allow, with what each
/// attribute allows.
#[component]
pub fn EmbedSnippet() -> impl IntoView {
    let language = RwSignal::new(None::<Language>);
    view! {
        <details class="card embed-snippet">
            <summary>{tr!("Embed this tool in a wiki page")}</summary>
            <label for="embed-language">{tr!("Language of the embedded tool")}</label>
            <select id="embed-language" on:change=move |ev| language.set(Language::from_code(&event_target_value(&ev)))>
                <option value="" selected>{tr!("Each reader's own (their browser's)")}</option>
                {Language::ALL.map(|l| view! { <option value=l.code() lang=l.code()>{l.name()}</option> }).collect_view()}
            </select>
            <p>{tr!("Paste one of these into the page's HTML. With its script the frame grows with its content and scrolls the page to what the tool shows; without it the frame keeps its height and scrolls inside. The sandbox allows scripts, popups (for “Open the full page”), downloads (the file export), modals (printing) and the clipboard.")}</p>
            <SnippetBox kind=SnippetKind::SameOrigin id="embed-snippet" language title=tr!("With saved answers")
                about=tr!("The usual choice: the sandbox also allows this site's own storage (allow-same-origin), so answers are kept in the browser, for the wiki's site.")/>
            <SnippetBox kind=SnippetKind::Opaque id="embed-snippet-opaque" language title=tr!("Without allow-same-origin")
                about=tr!("For a wiki that forbids allow-same-origin: the tool works, but answers live in memory only (keep them with a share link or the file export). The script knows the frame by the window its messages come from, as their origin is “null”.")/>
            <SnippetBox kind=SnippetKind::NoScript id="embed-snippet-static" language title=tr!("Without a script")
                about=tr!("For a wiki that removes <script>: a frame of fixed height that scrolls inside, and a link to the full page.")/>
        </details>
    }
}
