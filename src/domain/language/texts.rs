//! The texts of one language: a catalogue compiled in, the lookup every `tr!` reads, and
//! which texts are spoken now.

use std::cell::Cell;
use std::fmt::{self, Write};

use super::Language;

/// English: every text as written.
static ENGLISH: Texts = Texts {
    language: Language::English,
    entries: Vec::new(),
};

thread_local! {
    /// The texts spoken now. One per thread: the page has one, and each native test speaks
    /// its own without disturbing the others.
    static SPOKEN: Cell<&'static Texts> = const { Cell::new(&ENGLISH) };
}

/// The texts spoken now (English until [`speak`] says otherwise): what `tr!` and `trf!` read,
/// in the domain (reasons, reports, messages) as in the views.
pub fn texts() -> &'static Texts {
    SPOKEN.with(Cell::get)
}

/// A text in the language spoken now (what `tr!` calls: one call at each text, the lookup
/// itself kept out of line).
#[inline(never)]
pub fn tr(english: &str) -> &str {
    texts().get(english)
}

/// A text with its `{name}` placeholders filled in, in the language spoken now (what `trf!`
/// calls).
#[inline(never)]
pub fn trf(english: &str, values: &[(&str, &dyn fmt::Display)]) -> String {
    texts().format(english, values)
}

/// Speaks these texts from now on (the app, when the reader's language is loaded or picked).
/// Everything made afterwards is in their language; what was made before is not changed.
pub fn speak(texts: &'static Texts) {
    SPOKEN.with(|s| s.set(texts));
}

/// One language's translations as written: each English text of the app with its
/// translation. A text with `{name}` placeholders keeps the same placeholders (the parity test
/// holds it); KOOM's own terms are kept, or translated with the original in brackets. The app
/// loads the [`Catalogue`] made from it ([`Translations::keyed`]); the tests and the
/// translators' tools read this.
#[derive(Debug)]
pub struct Translations {
    /// The language translated into.
    pub language: Language,
    /// Each English text, and its translation.
    pub entries: &'static [(&'static str, &'static str)],
}

impl Translations {
    /// The translations keyed by [`text_key`] of their English text, each with where it is in
    /// [`Translations::joined`], made when the app is compiled: `N` is the number of entries.
    pub const fn keyed<const N: usize>(&self) -> [(u32, u32, u32); N] {
        let mut keyed = [(0, 0, 0); N];
        let (mut i, mut at) = (0, 0);
        while i < N {
            let (english, translated) = self.entries[i];
            let end = at + translated.len() as u32;
            keyed[i] = (text_key(english), at, end);
            at = end;
            i += 1;
        }
        keyed
    }

    /// How many bytes the translations take one after another.
    pub const fn joined_len(&self) -> usize {
        let (mut i, mut len) = (0, 0);
        while i < self.entries.len() {
            len += self.entries[i].1.len();
            i += 1;
        }
        len
    }

    /// The translations one after another, made when the app is compiled: `N` is
    /// [`Translations::joined_len`].
    pub const fn joined<const N: usize>(&self) -> [u8; N] {
        let mut joined = [0; N];
        let (mut i, mut at) = (0, 0);
        while i < self.entries.len() {
            let bytes = self.entries[i].1.as_bytes();
            let mut j = 0;
            while j < bytes.len() {
                joined[at] = bytes[j];
                at += 1;
                j += 1;
            }
            i += 1;
        }
        joined
    }
}

/// One language's translations as the app loads them: each keyed by [`text_key`] of its
/// English text, and all of them in one text. A catalogue is a split part of its own (issue
/// 24); one that pointed at the English texts shared them with every other part that shows
/// them, and the linker shares equal strings between languages, which the splitter then cut
/// into chunks a reader of that language fetched too. Keyed by a number and joined in one
/// text, a catalogue holds its translations alone. A key is 32 bits; the parity test holds
/// that no two texts of the app share one.
#[derive(Debug)]
pub struct Catalogue {
    /// The language translated into.
    pub language: Language,
    /// Each English text's key, and where its translation starts and ends in `text` (bytes).
    pub entries: &'static [(u32, u32, u32)],
    /// Every translation, one after another.
    pub text: &'static str,
}

/// Makes a language's [`Catalogue`] from its [`Translations`] when the app is compiled:
/// `catalogue!(GERMAN, GERMAN_TRANSLATIONS)`.
macro_rules! catalogue {
    ($name:ident, $translations:ident) => {
        const JOINED: [u8; $translations.joined_len()] = $translations.joined();

        /// The texts as the app loads them (a [`Catalogue`](super::Catalogue)).
        pub static $name: super::Catalogue = super::Catalogue {
            language: $translations.language,
            entries: &$translations.keyed::<{ $translations.entries.len() }>(),
            text: match std::str::from_utf8(&JOINED) {
                Ok(text) => text,
                Err(_) => panic!("translations joined at a character boundary are text"),
            },
        };
    };
}

pub(super) use catalogue;

/// The key of an English text in a [`Catalogue`]: its 32-bit FNV-1a hash (a few lines, and
/// computed when the app is compiled as well as when a text is looked up).
pub const fn text_key(english: &str) -> u32 {
    let bytes = english.as_bytes();
    let mut hash: u32 = 0x811c_9dc5;
    let mut i = 0;
    while i < bytes.len() {
        hash ^= bytes[i] as u32;
        hash = hash.wrapping_mul(0x0100_0193);
        i += 1;
    }
    hash
}

/// The texts a reader sees: each English text's translation in one language, looked up by the
/// English text's key (English itself looks up nothing).
#[derive(Clone, Debug)]
pub struct Texts {
    language: Language,
    // Sorted by key: a binary search, and less code than a hash map.
    entries: Vec<(u32, &'static str)>,
}

impl Texts {
    /// English: every text as written.
    pub fn english() -> &'static Texts {
        &ENGLISH
    }

    /// A language's texts from its catalogue.
    pub fn new(catalogue: &Catalogue) -> Texts {
        let mut entries: Vec<(u32, &'static str)> = catalogue
            .entries
            .iter()
            .map(|&(key, start, end)| (key, &catalogue.text[start as usize..end as usize]))
            .collect();
        entries.sort_unstable_by_key(|(key, _)| *key);
        Texts {
            language: catalogue.language,
            entries,
        }
    }

    /// The language of these texts.
    pub fn language(&self) -> Language {
        self.language
    }

    /// The text in this language. A text the catalogue lacks stays English (the parity test
    /// keeps that from happening in a build).
    pub fn get<'a>(&self, english: &'a str) -> &'a str {
        if self.entries.is_empty() {
            return english;
        }
        match self
            .entries
            .binary_search_by_key(&text_key(english), |(key, _)| *key)
        {
            Ok(i) => self.entries[i].1,
            Err(_) => english,
        }
    }

    /// The text in this language with its `{name}` placeholders filled in. A placeholder
    /// without a value is left as written, so a mistake shows instead of vanishing.
    pub fn format(&self, english: &str, values: &[(&str, &dyn fmt::Display)]) -> String {
        fill(self.get(english), values)
    }
}

/// Fills a text's `{name}` placeholders.
fn fill(text: &str, values: &[(&str, &dyn fmt::Display)]) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            values
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v, close))
        });
        match value {
            Some((v, close)) => {
                let _ = write!(out, "{v}");
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The names of a text's `{name}` placeholders, sorted (what the parity test compares).
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut names: Vec<&str> = text
        .split('{')
        .skip(1)
        .filter_map(|s| s.split_once('}').map(|(name, _)| name))
        .filter(|name| !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
        .collect();
    names.sort_unstable();
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE_TRANSLATIONS: Translations = Translations {
        language: Language::German,
        entries: &[
            ("Start", "Anfang"),
            (
                "{done} of {total} answered",
                "{done} von {total} beantwortet",
            ),
            (
                "Alignment cycle {n}",
                "Alignment cycle {n} (Abstimmungszyklus)",
            ),
        ],
    };

    catalogue!(SAMPLE, SAMPLE_TRANSLATIONS);

    #[test]
    fn a_text_s_key_is_its_fnv_1a_hash_the_same_when_compiled_and_when_looked_up() {
        // The reference values of 32-bit FNV-1a.
        assert_eq!(text_key(""), 0x811c_9dc5);
        assert_eq!(text_key("a"), 0xe40c_292c);
        assert_eq!(text_key("foobar"), 0xbf9c_f968);
        const START: u32 = text_key("Start");
        assert_eq!(START, text_key(&String::from("Start")));
        assert_eq!(SAMPLE.entries[0], (START, 0, 6));
        assert_eq!(&SAMPLE.text[..6], "Anfang");
    }

    #[test]
    fn a_text_is_looked_up_by_its_english_and_english_looks_up_nothing() {
        let de = Texts::new(&SAMPLE);
        assert_eq!(de.language(), Language::German);
        assert_eq!(de.get("Start"), "Anfang");
        assert_eq!(de.get("Not in the catalogue"), "Not in the catalogue");
        let en = Texts::english();
        assert_eq!(
            texts().language(),
            Language::English,
            "English until told otherwise"
        );
        assert_eq!(en.language(), Language::English);
        assert_eq!(en.get("Start"), "Start");
    }

    #[test]
    fn placeholders_are_filled_in_the_translation() {
        let de = Texts::new(&SAMPLE);
        let values: [(&str, &dyn fmt::Display); 2] = [("done", &3), ("total", &"5")];
        assert_eq!(
            de.format("{done} of {total} answered", &values),
            "3 von 5 beantwortet"
        );
        assert_eq!(
            Texts::english().format("{done} of {total} answered", &values),
            "3 of 5 answered"
        );
        assert_eq!(
            fill("{a} and {missing} {", &[("a", &"x")]),
            "x and {missing} {"
        );
        assert_eq!(fill("no braces", &[]), "no braces");
        assert_eq!(fill("{a}{a}", &[("a", &'é')]), "éé");
    }

    #[test]
    fn placeholders_are_named_sorted() {
        assert_eq!(
            placeholders("{total} of {done}, {done}"),
            ["done", "done", "total"]
        );
        assert_eq!(placeholders("{ not one } {} {A}"), Vec::<&str>::new());
    }
}
