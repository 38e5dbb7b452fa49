//! The language on screen: chosen at start, before the app is drawn, and changed by the picker
//! on every page.

use leptos::prelude::*;

use super::parts::language_texts;
use crate::app::{use_store, Languages, BROWSER};
use crate::browser::{self, location};
use crate::domain::{Language, TagError};

/// Chooses the language at start (`rule.language.choice`) and fetches its texts, so the first
/// screen the app draws is already in it. If they cannot be fetched the app opens in English
/// and says so.
pub async fn start_language() -> Languages {
    let requested = location::query_value("lang");
    let preferred = browser::preferred_languages();
    let preferred: Vec<&str> = preferred.iter().map(String::as_str).collect();
    let (languages, choice) = Languages::new(&BROWSER, requested.as_deref(), &preferred);
    if choice.unknown.is_some() {
        // Said once: a reload, or a link copied from the address, does not ask again.
        location::set_query_value("lang", None);
    }
    match language_texts(choice.language).await {
        Ok(catalogue) => languages.show(catalogue),
        Err(_) => {
            languages.show(None);
            languages.failed.set(Some(choice.language));
        }
    }
    languages
}

/// The languages, provided by the app's root.
pub fn use_languages() -> Languages {
    expect_context::<Languages>()
}

/// The picker: every language by its own name. The page is drawn again in the language picked
/// (what is open, and every answer, stays); the choice is remembered on this device.
#[component]
pub fn LanguagePicker() -> impl IntoView {
    let languages = use_languages();
    let store = use_store();
    let on_screen = languages.current_untracked();
    // Picks in flight: only the last one is shown (a select moved with the arrow keys may
    // say `change` at each step).
    let picks = StoredValue::new(0u32);
    // What the select shows: set back to the language on screen when a pick fails.
    let selected = RwSignal::new(on_screen.code());
    let pick = move |ev: leptos::ev::Event| {
        let Some(language) = Language::from_code(&event_target_value(&ev)) else {
            return;
        };
        let pick = picks.get_value().wrapping_add(1);
        picks.set_value(pick);
        leptos::task::spawn_local(async move {
            let texts = language_texts(language).await;
            if picks.try_get_value() != Some(pick) {
                return;
            }
            match texts {
                Ok(catalogue) => {
                    languages.remember(language);
                    location::set_query_value("lang", Some(language.code()));
                    languages.show(catalogue);
                    store.language_changed();
                    leptos::task::tick().await;
                    browser::focus(PICKER);
                }
                Err(_) => {
                    languages.failed.set(Some(language));
                    selected.set(languages.current_untracked().code());
                }
            }
        });
    };
    view! {
        // A landmark of its own: in the embed bar it is the only way to it (a wiki's frame has
        // no masthead).
        <nav class="language-picker" aria-label=tr!("Language")>
            <label for=PICKER>{tr!("Language")}</label>
            <select id=PICKER on:change=pick prop:value=move || selected.get()>
                {Language::ALL.map(|l| view! {
                    <option value=l.code() lang=l.code() selected=l == on_screen>{l.name()}</option>
                }).collect_view()}
            </select>
        </nav>
    }
}

/// A language's name in the language spoken ("allemand" in French), for a sentence; the picker
/// names each in itself.
fn name_in_sentence(language: Language) -> &'static str {
    match language {
        Language::English => tr!("English"),
        Language::German => tr!("German"),
        Language::French => tr!("French"),
        Language::Spanish => tr!("Spanish"),
    }
}

/// The picker's id (the focus returns to it once the page is drawn in the language picked).
const PICKER: &str = "language-picker";

/// What the reader should know about the language: the address asked for one the app does not
/// have, or a language's texts could not be fetched.
#[component]
pub fn LanguageNotice() -> impl IntoView {
    let languages = use_languages();
    let shown = name_in_sentence(languages.current_untracked());
    move || {
        if let Some(language) = languages.failed.get() {
            let text = trf!(
                "The {language} texts could not be loaded (the connection may have dropped); the page stays in {shown}. Pick the language again to retry.",
                language = name_in_sentence(language),
                shown = shown,
            );
            return Some(
                view! { <p class="notice notice-warning language-notice" role="alert">{text}</p> }
                    .into_any(),
            );
        }
        let unknown = languages.unknown.get()?;
        let text = match unknown.error {
            TagError::Unsupported => trf!(
                "The address asks for the language “{requested}”, which KOOM Readiness does not have: it is shown in {shown}.",
                requested = unknown.requested,
                shown = shown,
            ),
            TagError::Malformed => trf!(
                "The address's language “{requested}” is not a language code (such as de, fr or es): the page is shown in {shown}.",
                requested = unknown.requested,
                shown = shown,
            ),
        };
        Some(view! {
            <div class="notice notice-info language-notice" role="status">
                <p>{text}</p>
                <button type="button" class="link-button" on:click=move |_| languages.unknown.set(None)>{tr!("Dismiss")}</button>
            </div>
        }.into_any())
    }
}
