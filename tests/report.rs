//! The report is one value rendered twice: the Markdown carries every fact of it. (The HTML
//! rendering is checked against the same facts in the browser suite, `tests/web/report.rs`.)
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/fixtures.rs"]
mod fixtures;

use koom_readiness::domain::{
    evaluate, markdown, markdown_cell, markdown_line, markdown_text, Report,
};

#[test]
fn every_fact_of_the_report_is_in_its_markdown() {
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
                "{:?}: the Markdown lacks {fact:?}",
                a.organisation
            );
        }
    }
}
