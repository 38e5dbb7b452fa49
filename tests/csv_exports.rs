//! The CSV exports (`domain::answers_csv`, `plan_csv`, `team_matrix_csv`) read back by a real
//! CSV reader (the `csv` crate): RFC 4180 quoting, the byte-order mark, CRLF, every free-text
//! field's text kept whole, every cell a spreadsheet would run as a formula neutralised, and the
//! team view's anonymity rules in the matrix.
#![cfg(not(target_arch = "wasm32"))]

use koom_readiness::domain::{
    all_questions, answers_csv, csv_file_name, csv_text, evaluate_readiness, plan, plan_csv,
    raccoons_inc, team_matrix_csv, Answer, Assessment, EvidenceDetails, PlanEntry, PlanStatus,
    Question, Respondent, Team, ANONYMOUS_IN_MATRIX, ANSWERS_COLUMNS, CSV_BOM, PLAN_COLUMNS,
    PRECONDITIONS, RED_FLAGS, TEAM_MATRIX_COLUMNS,
};

/// Texts a spreadsheet would run, and texts that need quoting.
const HOSTILE: [&str; 12] = [
    "=HYPERLINK(\"https://evil.example\",\"click\")",
    "+1+1",
    "-2+3",
    "@SUM(A1:A9)",
    "\tindented",
    "\rcarriage",
    "a, b, and c",
    "she said \"no\"",
    "line one\nline two\r\nline three",
    "  =not at the start",
    "ünïcödé — “quotes” 😀",
    "",
];

/// Reads a CSV export as a spreadsheet-minded parser would: checks the BOM and the CRLF line
/// ends, then returns the header and the records.
fn read(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    assert!(text.starts_with(CSV_BOM), "starts with a byte-order mark");
    assert!(text.ends_with("\r\n"), "ends with CRLF");
    let body = &text[CSV_BOM.len_utf8()..];
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(body.as_bytes());
    let header = reader.headers().unwrap().iter().map(String::from).collect();
    let records = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    (header, records)
}

/// What a hostile text reads back as: itself, or with the apostrophe that keeps a spreadsheet
/// from running it.
fn expected(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// No cell of a record starts as a formula.
fn assert_inert(records: &[Vec<String>]) {
    for record in records {
        for cell in record {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "a cell a spreadsheet would run: {cell:?}"
            );
        }
    }
}

#[test]
fn a_table_quotes_what_rfc_4180_asks_and_neutralises_formulas() {
    let rows: Vec<Vec<String>> = HOSTILE.iter().map(|t| vec![t.to_string()]).collect();
    let text = csv_text(&["Text"], &rows);
    assert!(text.starts_with(
        "\u{feff}Text\r\n\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"click\"\")\"\r\n'+1+1\r\n"
    ));
    let (header, records) = read(&text);
    assert_eq!(header, ["Text"]);
    let cells: Vec<String> = records.into_iter().map(|r| r[0].clone()).collect();
    let wanted: Vec<String> = HOSTILE.iter().map(|t| expected(t)).collect();
    assert_eq!(cells, wanted);
}

#[test]
fn the_answers_one_row_per_question_with_every_free_text_kept() {
    let mut a = raccoons_inc();
    let questions: Vec<_> = all_questions().collect();
    for (q, text) in questions.iter().zip(HOSTILE.iter().cycle()) {
        a.set_note(q.id, text);
        a.set_unclear(q.id, Some(&format!("{text} (unclear)")));
        a.evidence.insert(
            q.id.to_string(),
            EvidenceDetails {
                who: format!("{text} (who)"),
                when: "2026-10-01".into(),
                link: format!("https://wiki.example/{}?a=1,b=\"2\"", q.id),
                review_by: "2027-01-01".into(),
            },
        );
    }
    let long = "x".repeat(4000);
    a.set_note(questions[0].id, &long);
    let (header, records) = read(&answers_csv(&a));
    assert_eq!(header, ANSWERS_COLUMNS);
    assert_eq!(records.len(), questions.len());
    assert_inert(&records);
    for (record, q) in records.iter().zip(&questions) {
        assert_eq!(record[3], q.id);
        assert_eq!(record[4], q.text);
        let answer = a.answer(q.id).map_or("Unanswered", Answer::label);
        assert_eq!(record[5], answer, "{}", q.id);
        let note = a.notes.get(q.id).cloned().unwrap_or_default();
        assert_eq!(record[6], expected(&note), "{}", q.id);
        let e = &a.evidence[q.id];
        assert_eq!(record[7], expected(&e.who), "{}", q.id);
        assert_eq!(record[8], "2026-10-01");
        assert_eq!(
            record[9], e.link,
            "a link with a comma and quotes kept whole"
        );
        assert_eq!(record[10], "2027-01-01");
        let remark = a.unclear.get(q.id).cloned().unwrap_or_default();
        assert_eq!(record[11], expected(&remark), "{}", q.id);
    }
    assert_eq!(records[0][6], long, "a 4,000-character cell kept whole");
    let flag = RED_FLAGS[0].question;
    let row = records.iter().find(|r| r[3] == flag.id).unwrap();
    assert_eq!(row[0], "§5");
    assert_eq!(
        row[1],
        "Red Flags — Deployment Will Fail If These Are Present"
    );
    assert_eq!(row[2], RED_FLAGS[0].label());
}

#[test]
fn the_plan_has_the_columns_trackers_map_and_every_field_kept() {
    let mut a = Assessment::new("Acme Logistics", "Ana");
    for q in all_questions() {
        a.set_answer(q.id, Some(q.healthy));
    }
    // Two red flags asked by a question of their own, and a precondition's question.
    let causes: Vec<&Question> = RED_FLAGS
        .iter()
        .map(|f| f.question)
        .filter(|q| q.id.starts_with("red_flag."))
        .chain(std::iter::once(PRECONDITIONS[0].questions[0]))
        .collect();
    assert_eq!(causes.len(), 3);
    for (i, q) in causes.iter().enumerate() {
        a.set_answer(q.id, Some(q.healthy.opposite()));
        a.plan.insert(
            q.id.to_string(),
            PlanEntry {
                owner: HOSTILE[i].to_string(),
                due: "2027-01-15".to_string(),
                status: [PlanStatus::ToDo, PlanStatus::Doing, PlanStatus::WontDo][i],
                reason: if i == 2 {
                    HOSTILE[3].to_string()
                } else {
                    String::new()
                },
                note: HOSTILE[8].to_string(),
            },
        );
    }
    let items = plan(&a, &evaluate_readiness(&a));
    assert_eq!(items.len(), 3);
    let (header, records) = read(&plan_csv(&items));
    assert_eq!(header, PLAN_COLUMNS);
    assert_eq!(records.len(), 3);
    assert_inert(&records);
    for (record, item) in records.iter().zip(&items) {
        let i = causes.iter().position(|q| q.id == item.id).unwrap();
        assert_eq!(record[0], format!("{}: {}", item.label, item.action));
        assert!(record[1].contains(&format!("Model item: {}", item.id)));
        assert!(
            record[1].contains(&item.action),
            "the seed's action in the description"
        );
        assert!(
            record[1].contains("line one\nline two\r\nline three"),
            "the note kept whole"
        );
        assert_eq!(record[2], expected(HOSTILE[i]));
        assert_eq!(record[3], "2027-01-15");
        assert_eq!(record[4], item.entry.status.label());
        let kind = if i < 2 { "red-flag" } else { "precondition" };
        assert_eq!(record[5], format!("koom-readiness {kind}"));
        assert_eq!(record[6], "Task");
        assert_eq!(record[7], item.id);
        assert_eq!(record[8], "Present");
    }
    let won_t = records.iter().find(|r| r[4] == "Won't do").unwrap();
    assert!(
        won_t[1].contains("Why not: @SUM(A1:A9)"),
        "the reason inside the description, not at a cell's start"
    );
}

/// A respondent answering every question `answer`, with a note on every question.
fn respondent(name: Option<&str>, token: u8, answer: Answer, note: &str) -> Respondent {
    let mut a = Assessment::new("Acme Logistics", "");
    a.give_respondent_token([token; 8]);
    for q in all_questions() {
        a.set_answer(q.id, Some(answer));
        a.set_note(q.id, note);
    }
    Respondent::new(name, a)
}

#[test]
fn the_team_matrix_names_the_named_and_never_numbers_the_anonymous() {
    let questions = all_questions().count();
    let mut team = Team::new("Leadership");
    team.add(respondent(Some("=Ann"), 1, Answer::Yes, "Ann's note"))
        .unwrap();
    team.add(respondent(None, 2, Answer::No, "first anonymous note"))
        .unwrap();
    team.add(respondent(None, 3, Answer::Yes, "second anonymous note"))
        .unwrap();
    let (header, records) = read(&team_matrix_csv(&team));
    assert_eq!(header, TEAM_MATRIX_COLUMNS);
    assert_eq!(records.len(), questions * 3);
    assert_inert(&records);
    let first: Vec<_> = records.iter().take(3).collect();
    assert_eq!(first[0][4], "'=Ann");
    assert_eq!(first[0][6], "Ann's note");
    // Two anonymous respondents: below the minimum, so their notes stay out, and they are
    // sorted by answer (Yes before No), not in the team's order.
    assert_eq!(
        (
            first[1][4].as_str(),
            first[1][5].as_str(),
            first[1][6].as_str()
        ),
        (ANONYMOUS_IN_MATRIX, "Yes", "")
    );
    assert_eq!(
        (
            first[2][4].as_str(),
            first[2][5].as_str(),
            first[2][6].as_str()
        ),
        (ANONYMOUS_IN_MATRIX, "No", "")
    );

    // A third anonymous respondent: their notes come in, still unnumbered.
    team.add(respondent(None, 4, Answer::NotSure, "third anonymous note"))
        .unwrap();
    let (_, records) = read(&team_matrix_csv(&team));
    assert_eq!(records.len(), questions * 4);
    let notes: Vec<&str> = records.iter().take(4).map(|r| r[6].as_str()).collect();
    assert_eq!(
        notes,
        [
            "Ann's note",
            "second anonymous note",
            "first anonymous note",
            "third anonymous note"
        ]
    );
    assert!(records
        .iter()
        .all(|r| r[4] == "'=Ann" || r[4] == ANONYMOUS_IN_MATRIX));

    // The order of the team says nothing: the same rows whatever order the anonymous joined in.
    let mut other = Team::new("Leadership");
    for r in [
        &team.respondents[0],
        &team.respondents[3],
        &team.respondents[1],
        &team.respondents[2],
    ] {
        other.add(r.clone()).unwrap();
    }
    assert_eq!(team_matrix_csv(&other), team_matrix_csv(&team));
}

#[test]
fn file_names_say_what_they_hold() {
    assert_eq!(
        csv_file_name("Raccoons Inc.", "answers", "2026-12-03"),
        "koom-readiness-raccoons-inc-answers-2026-12-03.csv"
    );
    assert_eq!(
        csv_file_name("", "team-matrix", "2026-12-03"),
        "koom-readiness-export-team-matrix-2026-12-03.csv"
    );
}
