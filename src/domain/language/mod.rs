//! The languages the app speaks, which one a reader sees (`rule.language.choice`), and the
//! texts in each.
//!
//! **Ids travel, text does not.** Links, files and records hold ids and answers, never words, so
//! a French and an English respondent combine in one team view and each reader sees their own
//! language. English is the source: every text is written in English where it is used, wrapped
//! in `tr!`, and a language's [`Translations`] give each English text its translation. They are
//! a table compiled in (no file is parsed at run time), which the app loads as a [`Catalogue`]
//! keyed by a hash of each English text; a test checks that every language has every text of
//! the source and the model, and no other, with the same placeholders.
//!
//! In the release build each catalogue but English is a later part of its own (issue 24): only
//! the reader's language is fetched.

mod choice;
mod french;
mod german;
mod spanish;
mod texts;

pub use choice::{choose, LanguageChoice, LanguageSource, TagError, UnknownRequest};
pub use french::{FRENCH, FRENCH_TRANSLATIONS};
pub use german::{GERMAN, GERMAN_TRANSLATIONS};
pub use spanish::{SPANISH, SPANISH_TRANSLATIONS};
pub use texts::{placeholders, speak, text_key, texts, tr, trf, Catalogue, Texts, Translations};

/// A language the app's texts are written in. Its code (`en`, `de`, …) is what addresses,
/// embed snippets and the saved choice hold; the codes never change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Language {
    /// English, the language every text is written in first, and the seed's.
    #[default]
    English,
    /// German.
    German,
    /// French.
    French,
    /// Spanish.
    Spanish,
}

impl Language {
    /// Every language, English first, then in the order the picker lists them.
    pub const ALL: [Language; 4] = [
        Language::English,
        Language::German,
        Language::French,
        Language::Spanish,
    ];

    /// The language's code (ISO 639-1), as `?lang=` and `<html lang>` write it.
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::German => "de",
            Language::French => "fr",
            Language::Spanish => "es",
        }
    }

    /// The language's name in itself, as the picker shows it (a reader looks for their own).
    pub fn name(self) -> &'static str {
        match self {
            Language::English => "English",
            Language::German => "Deutsch",
            Language::French => "Français",
            Language::Spanish => "Español",
        }
    }

    /// The language with this code (exactly, lower case), if the app has it.
    pub fn from_code(code: &str) -> Option<Language> {
        Language::ALL.into_iter().find(|l| l.code() == code)
    }
}
