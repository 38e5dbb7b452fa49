//! Which language a reader sees (`rule.language.choice`): the address's `?lang=`, then the
//! language the reader chose before, then the browser's languages in their order, then English.

use super::Language;

/// The longest language tag read; a longer one is malformed (BCP 47 tags in use are short).
const MAX_TAG: usize = 35;

/// Why a language tag names no language of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TagError {
    /// Not a language tag at all (`?lang=` empty, `?lang=<script>`, `?lang=12`).
    Malformed,
    /// A well-formed tag of a language the app does not have (`?lang=it`).
    Unsupported,
}

impl Language {
    /// The language a tag names (`de`, `de-CH`, `FR_ca`, `es-419`): its primary subtag,
    /// whatever its region or script. `rule.language.choice`.
    pub fn from_tag(tag: &str) -> Result<Language, TagError> {
        let tag = tag.trim();
        if tag.is_empty() || tag.len() > MAX_TAG {
            return Err(TagError::Malformed);
        }
        let mut subtags = tag.split(['-', '_']);
        let primary = subtags.next().unwrap_or_default();
        let primary_ok =
            (2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_alphabetic());
        let rest_ok = subtags
            .all(|s| (1..=8).contains(&s.len()) && s.chars().all(|c| c.is_ascii_alphanumeric()));
        if !primary_ok || !rest_ok {
            return Err(TagError::Malformed);
        }
        Language::from_code(&primary.to_ascii_lowercase()).ok_or(TagError::Unsupported)
    }
}

/// Where the language on screen came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LanguageSource {
    /// The address's `?lang=` (a shared link, an embed snippet).
    Address,
    /// The reader's own choice in the picker, remembered on this device.
    Saved,
    /// The browser's preferred languages.
    Browser,
    /// None of those named a language the app has: English.
    Default,
}

/// An address's `?lang=` that names no language of the app; said once, then set aside.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownRequest {
    /// What the address asked for, shortened to what can be shown safely (printable ASCII,
    /// at most 35 characters).
    pub requested: String,
    /// Why it names no language here.
    pub error: TagError,
}

/// The language a reader sees, where it came from, and an address's request set aside.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LanguageChoice {
    /// The language on screen.
    pub language: Language,
    /// Where it came from.
    pub source: LanguageSource,
    /// The address asked for a language the app does not have (to be said once).
    pub unknown: Option<UnknownRequest>,
}

/// Chooses the language on screen (`rule.language.choice`): the address's `?lang=` (`requested`)
/// if it names a language the app has; else the reader's remembered choice (`saved`, a code);
/// else the first of the browser's languages (`browser`, in its order) the app has; else
/// English. A request that names no language is returned to be said, never an error: the page
/// always opens.
pub fn choose(requested: Option<&str>, saved: Option<&str>, browser: &[&str]) -> LanguageChoice {
    let mut unknown = None;
    // `?lang` or `?lang=` asks for nothing.
    if let Some(tag) = requested.filter(|tag| !tag.trim().is_empty()) {
        match Language::from_tag(tag) {
            Ok(language) => {
                return LanguageChoice {
                    language,
                    source: LanguageSource::Address,
                    unknown: None,
                }
            }
            Err(error) => {
                let requested: String = tag
                    .chars()
                    .filter(|c| c.is_ascii_graphic() || *c == ' ')
                    .take(MAX_TAG)
                    .collect();
                unknown = Some(UnknownRequest { requested, error });
            }
        }
    }
    let (language, source) = if let Some(l) = saved.and_then(Language::from_code) {
        (l, LanguageSource::Saved)
    } else if let Some(l) = browser.iter().find_map(|t| Language::from_tag(t).ok()) {
        (l, LanguageSource::Browser)
    } else {
        (Language::English, LanguageSource::Default)
    };
    LanguageChoice {
        language,
        source,
        unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_name_their_primary_language_whatever_the_region() {
        assert_eq!(Language::from_tag("de"), Ok(Language::German));
        assert_eq!(Language::from_tag("de-CH"), Ok(Language::German));
        assert_eq!(Language::from_tag("FR_ca"), Ok(Language::French));
        assert_eq!(Language::from_tag(" es-419 "), Ok(Language::Spanish));
        assert_eq!(Language::from_tag("en-GB"), Ok(Language::English));
        assert_eq!(Language::from_tag("zh-Hant-TW"), Err(TagError::Unsupported));
        assert_eq!(Language::from_tag("it"), Err(TagError::Unsupported));
        assert_eq!(Language::from_tag("xx"), Err(TagError::Unsupported));
    }

    #[test]
    fn malformed_tags_are_told_apart_from_unsupported_ones() {
        for tag in [
            "",
            " ",
            "d",
            "deutsch",
            "12",
            "de-",
            "de--CH",
            "<b>",
            "de CH",
            "é",
            "de-abcdefghi",
        ] {
            assert_eq!(Language::from_tag(tag), Err(TagError::Malformed), "{tag:?}");
        }
        assert_eq!(
            Language::from_tag(&"de-ab".repeat(8)),
            Err(TagError::Malformed)
        );
    }

    #[test]
    fn codes_round_trip_and_never_change() {
        let codes: Vec<_> = Language::ALL.iter().map(|l| l.code()).collect();
        assert_eq!(codes, ["en", "de", "fr", "es"]);
        for l in Language::ALL {
            assert_eq!(Language::from_code(l.code()), Some(l));
            assert_eq!(Language::from_tag(l.code()), Ok(l));
        }
        assert_eq!(Language::from_code("DE"), None, "a saved code is exact");
    }

    #[test]
    fn the_address_comes_first_then_the_saved_choice_then_the_browser_then_english() {
        let c = choose(Some("fr"), Some("de"), &["es"]);
        assert_eq!(
            (c.language, c.source, c.unknown),
            (Language::French, LanguageSource::Address, None)
        );
        let c = choose(None, Some("de"), &["es"]);
        assert_eq!(
            (c.language, c.source),
            (Language::German, LanguageSource::Saved)
        );
        let c = choose(None, None, &["it-IT", "es-MX", "de"]);
        assert_eq!(
            (c.language, c.source),
            (Language::Spanish, LanguageSource::Browser)
        );
        let c = choose(None, None, &["it", "ja"]);
        assert_eq!(
            (c.language, c.source),
            (Language::English, LanguageSource::Default)
        );
        let c = choose(None, Some("corrupt"), &[]);
        assert_eq!(
            (c.language, c.source),
            (Language::English, LanguageSource::Default)
        );
    }

    #[test]
    fn an_unknown_or_malformed_request_falls_back_and_is_kept_to_be_said() {
        let c = choose(Some("xx"), None, &["de-AT"]);
        assert_eq!(
            (c.language, c.source),
            (Language::German, LanguageSource::Browser)
        );
        assert_eq!(
            c.unknown,
            Some(UnknownRequest {
                requested: "xx".into(),
                error: TagError::Unsupported
            })
        );
        let c = choose(Some("<script>\u{7}alert(1)</script>"), None, &[]);
        assert_eq!(
            (c.language, c.source),
            (Language::English, LanguageSource::Default)
        );
        let unknown = c.unknown.expect("said");
        assert_eq!(unknown.error, TagError::Malformed);
        assert_eq!(unknown.requested, "<script>alert(1)</script>");
        let c = choose(Some(" "), None, &["fr"]);
        assert_eq!(
            (c.language, c.source, c.unknown),
            (Language::French, LanguageSource::Browser, None)
        );
        let c = choose(Some(&"a".repeat(500)), Some("es"), &[]);
        assert_eq!(c.language, Language::Spanish);
        assert_eq!(c.unknown.expect("said").requested.len(), MAX_TAG);
    }
}
