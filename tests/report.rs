//! The report is one value rendered twice: the Markdown carries every fact of it, in every
//! language. (The HTML rendering is checked against the same facts in the browser suite,
//! `tests/web/report.rs`.)
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/fixtures.rs"]
mod fixtures;
#[path = "common/speaking.rs"]
mod speaking;

use koom_readiness::domain::{
    evaluate, markdown, markdown_cell, markdown_line, markdown_text, Report, FRENCH, GERMAN,
    SPANISH,
};
use speaking::speaking;

#[test]
fn every_fact_of_the_report_is_in_its_markdown() {
    for catalogue in [None, Some(&GERMAN), Some(&FRENCH), Some(&SPANISH)] {
        speaking(catalogue);
        for a in fixtures::report_fixtures() {
            let report = Report::new(&a, &evaluate(&a), "2026-11-24");
            let md = markdown(&report);
            let facts = report.facts();
            assert!(facts.len() > 100, "{} facts only", facts.len());
            for fact in facts {
                assert!(
                    md.contains(&markdown_text(&fact))
                        || md.contains(&markdown_cell(&fact))
                        || md.contains(&markdown_line(&fact)),
                    "{:?} in {:?}: the Markdown lacks {fact:?}",
                    a.organisation,
                    catalogue.map(|c| c.language)
                );
            }
        }
    }
}

/// The same assessment reported in each language carries the same facts: as many, the same
/// verdict, in the reader's words (nothing of the report is left in English where
/// the language has its own).
#[test]
fn each_language_reports_the_same_facts_in_its_own_words() {
    for a in fixtures::report_fixtures() {
        speaking(None);
        let english = Report::new(&a, &evaluate(&a), "2026-11-24");
        let english_facts = english.facts();
        let english_md = markdown(&english);
        for catalogue in [&GERMAN, &FRENCH, &SPANISH] {
            speaking(Some(catalogue));
            let report = Report::new(&a, &evaluate(&a), "2026-11-24");
            let facts = report.facts();
            let language = catalogue.language;
            assert_eq!(
                facts.len(),
                english_facts.len(),
                "{language:?}: not the same facts"
            );
            assert_eq!(
                report.verdict, english.verdict,
                "{language:?}: another verdict"
            );
            let translated = facts
                .iter()
                .zip(&english_facts)
                .filter(|(fact, english_fact)| fact != english_fact)
                .count();
            assert!(
                translated * 2 > facts.len(),
                "{language:?}: only {translated} of {} facts are in its words",
                facts.len()
            );
            assert_ne!(markdown(&report), english_md);
        }
    }
    speaking(None);
}
