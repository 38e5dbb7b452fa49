//! docs/team-file.md and the code agree: every team file example in the document imports, and
//! every library record example reads.
#![cfg(not(target_arch = "wasm32"))]

use koom_readiness::domain::{decode_saved_team, decode_team_file};

/// The examples fenced as ```` ```json <tag> ````.
fn examples(tag: &str) -> Vec<&'static str> {
    let doc = include_str!("../docs/team-file.md");
    doc.split(&format!("```json {tag}\n"))
        .skip(1)
        .map(|rest| rest.split("\n```").next().unwrap_or(""))
        .collect()
}

#[test]
fn every_team_file_example_imports() {
    let files = examples("team-file");
    assert!(
        files.len() >= 2,
        "the doc shows {} file examples",
        files.len()
    );
    for example in files {
        if let Err(e) = decode_team_file(example) {
            panic!("this example of docs/team-file.md does not import: {e}\n{example}");
        }
    }
}

#[test]
fn every_team_record_example_reads() {
    let records = examples("team-record");
    assert_eq!(records.len(), 1);
    for example in records {
        if let Err(e) = decode_saved_team(example) {
            panic!("this record of docs/team-file.md does not read: {e}\n{example}");
        }
    }
}

#[test]
fn the_example_file_says_what_the_doc_says() {
    let team = decode_team_file(examples("team-file")[0]).unwrap();
    assert_eq!(team.title, "Acme leadership, March");
    assert_eq!(team.anonymous(), 1);
    assert_eq!(team.label(1).as_deref(), Some("Respondent 2"));
}
