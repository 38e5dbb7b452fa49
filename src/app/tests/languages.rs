//! The language on screen: chosen at start from the address, the remembered choice and the
//! browser; a pick is remembered; the texts and the evaluation's words follow the language.

use leptos::prelude::GetUntracked;

use super::world;
use crate::app::{Languages, LANGUAGE_KEY};
use crate::domain::{texts, KeyValue, Language, LanguageSource, TagError, GERMAN, SPANISH};

#[test]
fn the_address_then_the_remembered_choice_then_the_browser() {
    let (_, _, bench) = world();
    let (_, choice) = Languages::new(bench, None, &["de-CH", "en"]);
    assert_eq!(
        (choice.language, choice.source),
        (Language::German, LanguageSource::Browser)
    );
    bench.records.set(LANGUAGE_KEY, "es").unwrap();
    let (languages, choice) = Languages::new(bench, None, &["de-CH"]);
    assert_eq!(
        (choice.language, choice.source),
        (Language::Spanish, LanguageSource::Saved)
    );
    assert_eq!(languages.unknown.get_untracked(), None);
    let (languages, choice) = Languages::new(bench, Some("xx"), &["de"]);
    assert_eq!(
        (choice.language, choice.source),
        (Language::Spanish, LanguageSource::Saved)
    );
    let unknown = languages.unknown.get_untracked().expect("said");
    assert_eq!(
        (unknown.requested.as_str(), unknown.error),
        ("xx", TagError::Unsupported)
    );
}

#[test]
fn a_pick_is_remembered_and_the_texts_and_the_reasons_follow_it() {
    let (store, state, bench) = world();
    let _ = store;
    let (languages, _) = Languages::new(bench, Some("<b>"), &[]);
    languages.show(None);
    assert_eq!(texts().language(), Language::English);
    let english = state.evaluation.get_untracked();

    languages.remember(Language::German);
    languages.show(Some(&GERMAN));
    assert_eq!(
        bench.records.get(LANGUAGE_KEY).unwrap().as_deref(),
        Some("de")
    );
    assert_eq!(
        languages.unknown.get_untracked(),
        None,
        "an address's request is no longer said"
    );
    assert_eq!(languages.current_untracked(), Language::German);
    assert_eq!(texts().language(), Language::German);
    assert_eq!(texts().get("Language"), "Sprache");
    // The evaluation's words are made again in German (the verdict itself is the same).
    let german = state.evaluation.get_untracked();
    assert_eq!(german.readiness.verdict, english.readiness.verdict);
    assert_ne!(
        format!("{german:?}"),
        format!("{english:?}"),
        "the reasons stayed English"
    );

    languages.show(Some(&SPANISH));
    assert_eq!(texts().language(), Language::Spanish);
    languages.show(None);
    assert_eq!(texts().language(), Language::English);
}
