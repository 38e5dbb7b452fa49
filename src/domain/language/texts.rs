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

/// One language's translations, compiled in: each English text of the app with its
/// translation. A text with `{name}` placeholders keeps the same placeholders (the parity test
/// holds it); KOOM's own terms are kept, or translated with the original in brackets.
#[derive(Debug)]
pub struct Catalogue {
    /// The language translated into.
    pub language: Language,
    /// Each English text, and its translation.
    pub entries: &'static [(&'static str, &'static str)],
}

/// The texts a reader sees: each English text's translation in one language, looked up by the
/// English text (English itself looks up nothing).
#[derive(Clone, Debug)]
pub struct Texts {
    language: Language,
    // Sorted by the English text: a binary search, and less code than a hash map.
    entries: Vec<(&'static str, &'static str)>,
}

impl Texts {
    /// English: every text as written.
    pub fn english() -> &'static Texts {
        &ENGLISH
    }

    /// A language's texts from its catalogue.
    pub fn new(catalogue: &Catalogue) -> Texts {
        let mut entries = catalogue.entries.to_vec();
        entries.sort_unstable_by_key(|(english, _)| *english);
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
        match self.entries.binary_search_by_key(&english, |(e, _)| e) {
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

    static SAMPLE: Catalogue = Catalogue {
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
