//! Rounds of re-assessment through the public facade: they survive the saved record and the
//! file, older records and files open as one round in progress, and a hand-edited round is
//! refused with the field named (docs/file-format.md, check 11).
#![cfg(not(target_arch = "wasm32"))]

use koom_readiness::domain::{
    decode_file, decode_saved, encode_file, encode_saved, parse_json, raccoons_inc, rounds_summary,
    Answer, FileError, Json, SavedAssessment, Verdict, FILE_FORMAT_VERSION, SCHEMA_VERSION,
};

const MANAGERS: &str = "precondition.managers.inventing_workflows";

/// The example, re-assessed twice: Stop (managers invent workflows), then Hold, then Ready.
fn three_rounds() -> koom_readiness::domain::Assessment {
    let mut a = raccoons_inc();
    a.set_answer(MANAGERS, Some(Answer::Yes));
    a.reassess("2026-06-01").unwrap();
    a.set_answer(MANAGERS, Some(Answer::NotSure));
    a.reassess("2026-09-01").unwrap();
    a.set_answer(MANAGERS, Some(Answer::No));
    a
}

fn record(a: koom_readiness::domain::Assessment) -> SavedAssessment {
    SavedAssessment {
        schema: SCHEMA_VERSION,
        id: "r".into(),
        revision: 3,
        updated_at: 1_780_000_000_000,
        assessment: a,
    }
}

#[test]
fn rounds_survive_the_record_and_the_file() {
    let a = three_rounds();
    let saved = record(a.clone());
    assert_eq!(decode_saved(&encode_saved(&saved), "x", 0), Ok(saved));
    let file = encode_file(&a, "2026-12-03");
    assert_eq!(decode_file(&file), Ok(a.clone()));
    let s = rounds_summary(&a, 0, 1, "2026-12-03");
    let verdicts: Vec<Verdict> = s.rounds.iter().map(|r| r.verdict).collect();
    assert_eq!(verdicts, [Verdict::Stop, Verdict::Hold, Verdict::Ready]);
    assert!(s
        .changes
        .iter()
        .any(|c| c.sentence == "Red flag 4 cleared (round 1: present; round 3: absent)."));
}

#[test]
fn a_schema_4_record_and_a_version_3_file_open_as_one_round_in_progress() {
    let a = raccoons_inc();
    let text = encode_saved(&record(a.clone()))
        .replacen(&format!("\"schema\":{SCHEMA_VERSION}"), "\"schema\":4", 1)
        .replacen(
            ",\"rounds\":[],\"round_started\":\"\",\"carried\":{},\"tracker\":null",
            "",
            1,
        );
    assert!(
        text.contains("\"schema\":4") && !text.contains("rounds"),
        "{text}"
    );
    let read = decode_saved(&text, "x", 0).unwrap();
    assert_eq!(read.assessment, a);
    assert_eq!(read.assessment.round_number(), 1);

    let file = encode_file(&a, "2026-12-03").replacen(
        &format!("\"version\": {FILE_FORMAT_VERSION}"),
        "\"version\": 3",
        1,
    );
    assert!(file.contains("\"version\": 3"));
    let file = strip_rounds(&file);
    assert_eq!(decode_file(&file), Ok(a));
}

/// A file as a version-3 app wrote it: the same, without the three rounds fields (nor the
/// tracker, which came later).
fn strip_rounds(file: &str) -> String {
    let mut value = parse_json(file).unwrap();
    if let Json::Object(members) = &mut value {
        for (key, v) in members.iter_mut() {
            if key == "assessment" {
                if let Json::Object(fields) = v {
                    fields.retain(|(k, _)| {
                        !matches!(
                            k.as_str(),
                            "rounds" | "round_started" | "carried" | "tracker"
                        )
                    });
                }
            }
        }
    }
    let text = value.to_pretty();
    assert!(!text.contains("round_started"));
    text
}

fn refusal(file: &str) -> String {
    decode_file(file).unwrap_err().to_string()
}

#[test]
fn a_hand_edited_round_is_refused_naming_the_field() {
    let file = encode_file(&three_rounds(), "2026-12-03");
    assert!(
        refusal(&file.replacen("\"date\": \"2026-06-01\"", "\"date\": \"June\"", 1)).contains(
            "file.assessment.rounds[0].date should be a date written as 2026-12-31, but is “June”"
        )
    );
    assert!(refusal(&file.replacen("\"date\": \"2026-09-01\"", "\"date\": \"2026-01-01\"", 1))
        .contains("file.assessment.rounds[1].date should be a date no earlier than the round before, but is “2026-01-01”"));
    assert!(refusal(&file.replacen(
        "\"round_started\": \"2026-09-01\"",
        "\"round_started\": \"2026-08-01\"",
        1
    ))
    .contains(
        "file.assessment.round_started should be a date no earlier than the last closed round"
    ));
    // The managers' answer was changed in round 3, so it is not carried: carry it from a
    // round that does not exist yet (the top-level "carried" is the file's last one).
    let at = file.rfind("\"carried\": {").unwrap() + "\"carried\": {".len();
    let carried = format!("{}\n      \"{MANAGERS}\": 7,{}", &file[..at], &file[at..]);
    assert!(refusal(&carried).contains(
        "file.assessment.carried[\"precondition.managers.inventing_workflows\"] should be the number of an earlier round (1 to 2), but is 7"
    ), "{}", refusal(&carried));

    // More rounds than an assessment keeps.
    let mut many = three_rounds();
    let extra = many.rounds[1].clone();
    many.rounds.extend(std::iter::repeat_n(extra, 11));
    many.round_started = "2026-09-01".into();
    assert!(
        refusal(&encode_file(&many, "2026-12-03"))
            .contains("assessment.rounds holds 13 (at most 12 for rounds)"),
        "{}",
        refusal(&encode_file(&many, "2026-12-03"))
    );

    // An unknown id inside a closed round is listed like any other.
    let unknown = file.replacen(
        &format!("\"{MANAGERS}\": \"yes\""),
        "\"precondition.managers.not_a_question\": \"yes\"",
        1,
    );
    assert!(
        matches!(decode_file(&unknown), Err(FileError::UnknownIds { ids }) if ids == ["precondition.managers.not_a_question"])
    );

    // A text over its limit inside a closed round is named with its place.
    // The file's second "department" is round 1's (the assessment's own comes first).
    let first = file.find("\"department\": \"").unwrap() + 1;
    let at = first + file[first..].find("\"department\": \"").unwrap() + "\"department\": \"".len();
    let long = format!("{}{}{}", &file[..at], "d".repeat(201), &file[at..]);
    assert!(
        refusal(&long).contains("assessment.rounds[0].assessment.pilot.department"),
        "{}",
        refusal(&long)
    );
}
