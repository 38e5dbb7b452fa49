//! The language on screen: chosen once at start (`rule.language.choice`), changed by the
//! picker, remembered on this device, and the texts every view reads.

use std::cell::Cell;

use leptos::prelude::*;

use super::Host;
use crate::domain::{choose, speak, Catalogue, Language, LanguageChoice, Texts, UnknownRequest};

/// Where the reader's own choice is remembered (a language code, nothing else).
pub const LANGUAGE_KEY: &str = "koom-readiness/language";

thread_local! {
    /// Each language's texts, made once and kept for the page's life (at most four), so a
    /// view can hold its words as `&'static str`.
    static MADE: Cell<[Option<&'static Texts>; 4]> = const { Cell::new([None; 4]) };
    /// The language spoken: what every memo that holds words (the evaluation's reasons)
    /// tracks, so they are made again in a language picked.
    static SPOKEN: ArcRwSignal<Language> = ArcRwSignal::new(Language::English);
}

/// The language spoken, tracked: a memo that makes words reads it, so it is made again when
/// the language changes.
pub fn spoken_language() -> Language {
    SPOKEN.with(|s| s.get())
}

/// The language on screen (one signal for the whole page, [`spoken_language`]), and an
/// address's request for a language the app does not have.
#[derive(Clone, Copy)]
pub struct Languages {
    host: Host,
    /// The address asked for a language the app does not have (said once, until dismissed or
    /// another language is picked).
    pub unknown: RwSignal<Option<UnknownRequest>>,
    /// A language whose texts could not be loaded (the app stays in the one on screen).
    pub failed: RwSignal<Option<Language>>,
}

impl Languages {
    /// Chooses the language at start: the address's `?lang=`, the choice remembered here, the
    /// browser's languages, English. The texts are not here yet for a language other than
    /// English: the caller loads them, then calls [`Languages::show`].
    pub fn new(host: Host, requested: Option<&str>, browser: &[&str]) -> (Self, LanguageChoice) {
        let saved = host.records().get(LANGUAGE_KEY).ok().flatten();
        let choice = choose(requested, saved.as_deref(), browser);
        let languages = Languages {
            host,
            unknown: RwSignal::new(choice.unknown.clone()),
            failed: RwSignal::new(None),
        };
        (languages, choice)
    }

    /// Shows a language whose catalogue is here (English has none).
    pub fn show(&self, catalogue: Option<&Catalogue>) {
        let language = catalogue.map_or(Language::English, |c| c.language);
        let slot = Language::ALL
            .iter()
            .position(|l| *l == language)
            .unwrap_or(0);
        let made = MADE.with(|made| {
            let mut all = made.get();
            let texts = *all[slot].get_or_insert_with(|| match catalogue {
                Some(c) => Box::leak(Box::new(Texts::new(c))),
                None => Texts::english(),
            });
            made.set(all);
            texts
        });
        speak(made);
        self.failed.set(None);
        SPOKEN.with(|s| s.set(language));
    }

    /// The language on screen, tracked: the whole page is drawn again when it changes.
    pub fn current(&self) -> Language {
        spoken_language()
    }

    /// The language on screen, untracked.
    pub fn current_untracked(&self) -> Language {
        SPOKEN.with(|s| s.get_untracked())
    }

    /// The reader picked a language: remembered on this device (where storage works; the
    /// language changes either way), and an address's unknown request is no longer said.
    pub fn remember(&self, language: Language) {
        let _ = self.host.records().set(LANGUAGE_KEY, language.code());
        self.unknown.set(None);
    }
}
