//! Every language has every text (issue 24): each text of the sources (`tr!` and `trf!`
//! literals) and of the model (its questions, findings, actions, titles, consequences, rules)
//! has a translation in every catalogue, no catalogue has a text the app no longer has, and a
//! translation keeps its text's `{placeholders}`.

#[path = "common/speaking.rs"]
mod speaking;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use koom_readiness::domain::{
    all_questions, decode_file, decode_share, encode_file, encode_share, evaluate_team,
    placeholders, readiness_questions, team_markdown, text_key, Answer, Assessment, Catalogue,
    Language, Question, Respondent, ShareOptions, Team, TeamReport, Texts, Translations,
    DEPLOYMENT_STEPS, FRENCH, FRENCH_TRANSLATIONS, GATE_CRITERIA, GERMAN, GERMAN_TRANSLATIONS,
    GREEN_FLAGS, IMPROVEMENT_CYCLE, MATURITY_REQUIREMENTS, PRECONDITIONS, RED_FLAGS, RULES,
    SPANISH, SPANISH_TRANSLATIONS, STABILITY_SIGNS,
};

use speaking::speaking;

/// Each language's translations as written.
const CATALOGUES: [&Translations; 3] = [
    &GERMAN_TRANSLATIONS,
    &FRENCH_TRANSLATIONS,
    &SPANISH_TRANSLATIONS,
];

/// The value of a Rust string literal starting at `text` (just after its opening quote), and
/// the rest after its closing quote.
fn literal(text: &str) -> Option<(String, &str)> {
    let mut out = String::new();
    let mut chars = text.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((out, &text[i + 1..])),
            '\\' => match chars.next()?.1 {
                'n' => out.push('\n'),
                't' => out.push('\t'),
                '\\' => out.push('\\'),
                '"' => out.push('"'),
                '\'' => out.push('\''),
                '0' => out.push('\0'),
                'u' => {
                    let rest = &text[i + 2..];
                    let close = rest.find('}')?;
                    let code = u32::from_str_radix(&rest[1..close], 16).ok()?;
                    out.push(char::from_u32(code)?);
                    for _ in 0..=close {
                        chars.next();
                    }
                }
                // A line continuation: the newline and the next line's indentation vanish.
                '\n' => {
                    let rest = &text[i + 2..];
                    let skip = rest.len() - rest.trim_start().len();
                    for _ in 0..skip {
                        chars.next();
                    }
                }
                other => panic!("escape \\{other} not read by this test"),
            },
            c => out.push(c),
        }
    }
    None
}

/// Every `tr!("…")` and `trf!("…", …)` literal in the sources, with where it is, and the text
/// of every string constant shown as `tr!(CONSTANT)` (`tr!(domain::NO_FEEDBACK)`).
fn source_texts() -> BTreeMap<String, String> {
    let mut sources = Vec::new();
    read_sources(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut sources,
    );
    let mut found = BTreeMap::new();
    let mut constants = BTreeSet::new();
    for (path, text) in &sources {
        for marker in ["tr!(", "trf!("] {
            let mut rest = text.as_str();
            while let Some(at) = rest.find(marker) {
                // `include_str!(` ends in `tr!(` too.
                let word = rest[..at]
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_alphanumeric() || c == '_');
                rest = &rest[at + marker.len()..];
                if word {
                    continue;
                }
                let trimmed = rest.trim_start();
                if let Some(after_quote) = trimmed.strip_prefix('"') {
                    let (value, _) = literal(after_quote)
                        .unwrap_or_else(|| panic!("{path}: an unclosed literal"));
                    found.entry(value).or_insert_with(|| path.clone());
                    continue;
                }
                // `tr!(expr)`: a constant's name is looked up below; other expressions are
                // the model's texts.
                let name: String = trimmed
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                    .collect();
                let name = name.rsplit("::").next().unwrap_or_default();
                let constant = name.starts_with(|c: char| c.is_ascii_uppercase())
                    && name
                        .chars()
                        .all(|c| c.is_ascii_uppercase() || c == '_' || c.is_ascii_digit());
                if constant {
                    constants.insert(name.to_string());
                }
            }
        }
    }
    for name in &constants {
        let definition = format!("const {name}: &str =");
        let text = sources
            .iter()
            .find_map(|(path, text)| {
                text.find(&definition)
                    .map(|at| (path, &text[at + definition.len()..]))
            })
            .and_then(|(path, rest)| {
                let quoted = rest.trim_start().strip_prefix('"')?;
                literal(quoted).map(|(value, _)| (path.clone(), value))
            });
        if let Some((path, value)) = text {
            found.entry(value).or_insert(path);
        } else if name != "IMPROVEMENT_CYCLE" {
            panic!("tr!({name}): no `const {name}: &str = \"…\"` found in the sources");
        }
    }
    found
}

/// Every Rust source under `dir`, with its path.
fn read_sources(dir: &Path, sources: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).expect("src is readable") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            read_sources(&path, sources);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).expect("a source file");
            sources.push((path.display().to_string(), text));
        }
    }
}

/// Every text of the model a reader sees, in the reader's language.
fn model_texts() -> BTreeSet<&'static str> {
    let mut texts = BTreeSet::new();
    let question = |q: &'static Question, texts: &mut BTreeSet<&'static str>| {
        texts.extend([q.text, q.finding, q.action]);
    };
    // Every question, wherever it is asked (the pilot's politics is in no table below).
    for q in all_questions() {
        question(q, &mut texts);
    }
    for p in &PRECONDITIONS {
        texts.extend([p.title, p.consequence]);
        p.questions.iter().for_each(|q| question(q, &mut texts));
    }
    for m in &MATURITY_REQUIREMENTS {
        texts.extend([m.title, m.consequence]);
        m.questions.iter().for_each(|q| question(q, &mut texts));
    }
    for f in &RED_FLAGS {
        texts.extend([f.quote, f.consequence]);
        question(f.question, &mut texts);
    }
    for f in &GREEN_FLAGS {
        texts.extend([f.statement, f.meaning]);
        question(f.question, &mut texts);
    }
    for g in &GATE_CRITERIA {
        question(g.question, &mut texts);
    }
    for s in &DEPLOYMENT_STEPS {
        texts.extend([s.title, s.summary, s.warning]);
        texts.extend(s.checklist.iter().map(|c| c.text));
    }
    texts.extend(STABILITY_SIGNS.iter().map(|s| s.text));
    texts.extend(IMPROVEMENT_CYCLE);
    for r in RULES {
        texts.extend([r.rule, r.plain]);
    }
    texts.remove("");
    texts
}

/// Every text a catalogue must have.
fn all_texts() -> BTreeMap<String, String> {
    let mut texts = source_texts();
    for t in model_texts() {
        texts
            .entry(t.to_string())
            .or_insert_with(|| "the model".into());
    }
    texts
}

#[test]
fn every_language_has_every_text_and_no_other() {
    let texts = all_texts();
    assert!(
        texts.len() > 50,
        "the sources were read: {} texts",
        texts.len()
    );
    let mut problems = Vec::new();
    for catalogue in CATALOGUES {
        let code = catalogue.language.code();
        let mut seen = BTreeSet::new();
        for (english, translated) in catalogue.entries {
            if !seen.insert(*english) {
                problems.push(format!("{code}: twice: {english:?}"));
            }
            if !texts.contains_key(*english) {
                problems.push(format!("{code}: no longer a text of the app: {english:?}"));
            } else if placeholders(english) != placeholders(translated) {
                problems.push(format!(
                    "{code}: placeholders differ: {english:?} has {:?}, the translation {:?}",
                    placeholders(english),
                    placeholders(translated)
                ));
            }
            if translated.trim().is_empty() {
                problems.push(format!("{code}: empty translation of {english:?}"));
            }
        }
        for (english, place) in &texts {
            if !seen.contains(english.as_str()) {
                problems.push(format!("{code}: missing ({place}): {english:?}"));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// The catalogues the app loads are keyed by a 32-bit hash of each English text: no two texts
/// of the app may share a key, and each language's catalogue gives every text its translation.
#[test]
fn no_two_texts_share_a_key_and_the_keyed_catalogues_say_what_was_written() {
    let texts = all_texts();
    let mut keys: BTreeMap<u32, &str> = BTreeMap::new();
    for english in texts.keys() {
        if let Some(other) = keys.insert(text_key(english), english) {
            panic!(
                "{english:?} and {other:?} share the key {:#010x}",
                text_key(english)
            );
        }
    }
    let loaded: [&Catalogue; 3] = [&GERMAN, &FRENCH, &SPANISH];
    for (translations, catalogue) in CATALOGUES.into_iter().zip(loaded) {
        assert_eq!(catalogue.language, translations.language);
        assert_eq!(catalogue.entries.len(), translations.entries.len());
        let spoken = Texts::new(catalogue);
        for (english, translated) in translations.entries {
            assert_eq!(spoken.get(english), *translated, "{english:?}");
        }
        assert_eq!(spoken.get("Not a text of the app"), "Not a text of the app");
    }
}

#[test]
fn the_catalogues_are_the_languages_they_say() {
    let languages: Vec<Language> = CATALOGUES.iter().map(|c| c.language).collect();
    assert_eq!(
        languages,
        [Language::German, Language::French, Language::Spanish]
    );
    assert_eq!(&Language::ALL[1..], languages.as_slice());
}

#[test]
fn the_literal_reader_reads_what_rust_reads() {
    let (v, rest) = literal(r#"a \"b\" \u{2014} c\\" tail"#).unwrap();
    assert_eq!((v.as_str(), rest), ("a \"b\" \u{2014} c\\", " tail"));
    let (v, _) = literal("one \\\n        two\"").unwrap();
    assert_eq!(v, "one two");
}

/// For translators: `KOOM_LANG=de cargo test --test languages -- --ignored --nocapture
/// untranslated` prints, as a JSON object, every text the catalogue lacks (English → "").
#[test]
#[ignore = "a tool for translators, not a check"]
fn untranslated() {
    let code = std::env::var("KOOM_LANG").unwrap_or_else(|_| "de".into());
    let catalogue = CATALOGUES
        .iter()
        .find(|c| c.language.code() == code)
        .expect("KOOM_LANG names a catalogue");
    let have: BTreeSet<&str> = catalogue.entries.iter().map(|(e, _)| *e).collect();
    let missing: serde_json::Map<String, serde_json::Value> = all_texts()
        .into_keys()
        .filter(|t| !have.contains(t.as_str()))
        .map(|t| (t, serde_json::Value::String(String::new())))
        .collect();
    println!("{}", serde_json::to_string_pretty(&missing).expect("JSON"));
}

/// A respondent's answers, `n` varying them: every readiness question healthy, then some
/// problems and doubts.
fn answers(n: usize) -> Assessment {
    let mut a = Assessment::new("Acme", "");
    for q in readiness_questions() {
        a.set_answer(q.id, Some(q.healthy));
    }
    for (i, q) in all_questions().enumerate() {
        match (i + n) % 9 {
            0 => a.set_answer(q.id, Some(q.healthy.opposite())),
            1 => a.set_answer(q.id, Some(Answer::NotSure)),
            _ => {}
        }
    }
    a
}

/// Ids travel, text does not: a French, a German and an English respondent each send their
/// answers from their own language (a share link, a file); one team view combines them, with
/// the same verdict and agenda whoever reads it, each reader in their own language.
#[test]
fn respondents_answering_in_different_languages_combine_in_one_team() {
    let mut sent = Vec::new();
    for (n, catalogue) in [Some(&FRENCH), Some(&GERMAN), None].into_iter().enumerate() {
        speaking(catalogue);
        let a = answers(n);
        let link = encode_share(&a, ShareOptions::default(), None);
        let file = encode_file(&a, "2026-12-04");
        speaking(None);
        assert_eq!(
            link,
            encode_share(&a, ShareOptions::default(), None),
            "a link carries words"
        );
        assert_eq!(file, encode_file(&a, "2026-12-04"), "a file carries words");
        sent.push((link, file));
    }
    let mut readings = Vec::new();
    for reader in [None, Some(&SPANISH), Some(&GERMAN)] {
        speaking(reader);
        let mut team = Team::new("Acme leadership");
        for (i, (link, file)) in sent.iter().enumerate() {
            let a = if i % 2 == 0 {
                decode_share(link)
                    .and_then(|envelope| envelope.finish(None))
                    .expect("the link opens in any language")
                    .assessment
            } else {
                decode_file(file).expect("the file opens in any language")
            };
            team.add(Respondent::new(Some(&format!("R{i}")), a))
                .expect("added");
        }
        let evaluation = evaluate_team(&team);
        let markdown = team_markdown(&TeamReport::new(&team, &evaluation, "2026-12-04"));
        let agenda: Vec<&str> = evaluation
            .agenda
            .iter()
            .map(|item| item.question_id)
            .collect();
        readings.push((evaluation.verdict, agenda, markdown));
    }
    speaking(None);
    let (verdict, agenda, english) = &readings[0];
    for (other_verdict, other_agenda, markdown) in &readings[1..] {
        assert_eq!(other_verdict, verdict);
        assert_eq!(other_agenda, agenda);
        assert_ne!(
            markdown, english,
            "the team report is not in the reader's language"
        );
    }
}
