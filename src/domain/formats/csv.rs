//! Exports a spreadsheet or a tracker reads: CSV (RFC 4180) of an assessment's answers, of its
//! plan (columns the Jira, Azure Boards and GitHub importers map), and of a team view's item
//! matrix (one row per item and respondent, the team view's anonymity rules applied).
//!
//! Written for spreadsheet programs as much as for parsers: UTF-8 with a byte-order mark (so
//! Excel does not read it as the system's code page), CRLF line ends, a cell quoted when it holds
//! a comma, a quote, CR or LF. A cell a spreadsheet would run as a formula — one starting with
//! `=`, `+`, `-`, `@`, a tab or a carriage return (OWASP's list) — gets a leading apostrophe,
//! which spreadsheets show as text and never evaluate; the text itself is kept whole.

use crate::domain::formats::file::export_file_name;
use crate::domain::model::answer::Answer;
use crate::domain::model::assessment::Assessment;
use crate::domain::model::items::{all_questions, item_label_of_question, question_section};
use crate::domain::rules::plan::{Cause, PlanItem};
use crate::domain::team::{Team, ANONYMITY_MIN};

/// The byte-order mark every CSV export starts with.
pub const CSV_BOM: char = '\u{feff}';

/// The characters that make a spreadsheet read a cell as a formula when it starts with one.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A cell as written: neutralised when a spreadsheet would run it, quoted when RFC 4180 asks.
fn cell(text: &str) -> String {
    let text = if text.starts_with(FORMULA_STARTS) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// A CSV text: the byte-order mark, the header, then each row, every line ended by CRLF.
pub fn csv_text(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut out = String::from(CSV_BOM);
    let mut line = |cells: &mut dyn Iterator<Item = &str>| {
        let written: Vec<String> = cells.map(cell).collect();
        let line = written.join(",");
        // A line of one empty cell would be an empty line, which readers skip: quote it.
        out.push_str(if line.is_empty() { "\"\"" } else { &line });
        out.push_str("\r\n");
    };
    line(&mut header.iter().copied());
    for row in rows {
        line(&mut row.iter().map(String::as_str));
    }
    out
}

/// The name of a CSV export: `koom-readiness-<name>-<what>-<date>.csv` (`what`: `answers`,
/// `plan`, `team-matrix`).
pub fn csv_file_name(name: &str, what: &str, date: &str) -> String {
    export_file_name(name, what, date, "csv")
}

/// The columns of [`answers_csv`].
pub const ANSWERS_COLUMNS: [&str; 12] = [
    "Seed section",
    "Section",
    "Item",
    "Id",
    "Question",
    "Answer",
    "Note",
    "Evidence from",
    "Evidence gathered",
    "Evidence link",
    "Review by",
    "Unclear remark",
];

/// [`ANSWERS_COLUMNS`] in the language spoken now (the constant is their English, the keys).
fn answers_columns() -> [&'static str; 12] {
    [
        tr!("Seed section"),
        tr!("Section"),
        tr!("Item"),
        tr!("Id"),
        tr!("Question"),
        tr!("Answer"),
        tr!("Note"),
        tr!("Evidence from"),
        tr!("Evidence gathered"),
        tr!("Evidence link"),
        tr!("Review by"),
        tr!("Unclear remark"),
    ]
}

/// One row per question of the model (the readiness questions, the green flags, the pilot's and
/// the full-deployment gate's), in the model's order: where in the seed, the model item and the
/// question's stable id, the question, the answer ("Unanswered" when none), the evidence note,
/// who gave the evidence, when, its link and its review-by date, and the "unclear" remark.
pub fn answers_csv(a: &Assessment) -> String {
    let rows: Vec<Vec<String>> = all_questions()
        .map(|q| {
            let section = question_section(q.id);
            let evidence = a.evidence.get(q.id).cloned().unwrap_or_default();
            vec![
                format!("§{}", section.0),
                section.title().to_string(),
                item_label_of_question(q.id).unwrap_or_default(),
                q.id.to_string(),
                tr!(q.text).to_string(),
                Answer::label_of(a.answer(q.id)).to_string(),
                a.notes.get(q.id).cloned().unwrap_or_default(),
                evidence.who,
                evidence.when,
                evidence.link,
                evidence.review_by,
                a.unclear.get(q.id).cloned().unwrap_or_default(),
            ]
        })
        .collect();
    csv_text(&answers_columns(), &rows)
}

/// The columns of [`plan_csv`]: `Title`, `Description`, `Assignee`, `Due date`, `Status` and
/// `Labels` map to Jira's Summary, Description, Assignee, Due Date, Status and Labels (space
/// separated, as Jira reads them) and to GitHub's issue fields; `Work Item Type` and `Title`
/// are the two columns Azure Boards' CSV import requires.
pub const PLAN_COLUMNS: [&str; 9] = [
    "Title",
    "Description",
    "Assignee",
    "Due date",
    "Status",
    "Labels",
    "Work Item Type",
    "Model item id",
    "Cause",
];

/// One row per plan item, in the plan's order: the model item and the seed's action as the
/// title, the finding, the action and the model item's id in the description (with the reason
/// a "Won't do" was given and the note), and what the user recorded.
pub fn plan_csv(items: &[PlanItem]) -> String {
    let rows: Vec<Vec<String>> = items
        .iter()
        .map(|item| {
            let e = &item.entry;
            vec![
                item.tracker_title(),
                item.tracker_description().join("\n"),
                e.owner.clone(),
                e.due.clone(),
                e.status.label().to_string(),
                plan_labels(&item.id),
                "Task".to_string(),
                item.id.clone(),
                match item.cause {
                    Cause::Present => "Present",
                    Cause::Resolved => "Resolved",
                }
                .to_string(),
            ]
        })
        .collect();
    csv_text(&PLAN_COLUMNS, &rows)
}

/// A plan item's labels: `koom-readiness` and the kind of model item (`red-flag`,
/// `precondition`, …), no spaces inside a label.
fn plan_labels(id: &str) -> String {
    let kind = id.split('.').next().unwrap_or_default().replace('_', "-");
    if kind.is_empty() {
        "koom-readiness".to_string()
    } else {
        format!("koom-readiness {kind}")
    }
}

/// The columns of [`team_matrix_csv`].
pub const TEAM_MATRIX_COLUMNS: [&str; 8] = [
    "Seed section",
    "Item",
    "Id",
    "Question",
    "Respondent",
    "Answer",
    "Note",
    "Unclear remark",
];

/// What an anonymous respondent is called in the matrix: never a number, so that no reader can
/// follow one person's answers from item to item.
pub const ANONYMOUS_IN_MATRIX: &str = "Anonymous";

/// [`TEAM_MATRIX_COLUMNS`] in the language spoken now (the constant is their English, the
/// keys).
fn team_matrix_columns() -> [&'static str; 8] {
    [
        tr!("Seed section"),
        tr!("Item"),
        tr!("Id"),
        tr!("Question"),
        tr!("Respondent"),
        tr!("Answer"),
        tr!("Note"),
        tr!("Unclear remark"),
    ]
}

/// [`ANONYMOUS_IN_MATRIX`] in the language spoken now.
fn anonymous_in_matrix() -> &'static str {
    tr!("Anonymous")
}

/// One row per question and respondent, as the team view's anonymity rules allow: named
/// respondents by name in the team's order with their notes and remarks; anonymous ones last,
/// unnumbered, sorted by their answer within each question (their order says nothing about who
/// they are), with their notes and remarks only when the team view has at least
/// [`ANONYMITY_MIN`] anonymous respondents.
pub fn team_matrix_csv(team: &Team) -> String {
    let anonymous = team.respondents.iter().filter(|r| r.is_anonymous()).count();
    let anonymous_evidence = anonymous >= ANONYMITY_MIN;
    let rank = |answer: Option<Answer>| {
        answer.map_or(Answer::ALL.len(), |a| {
            Answer::ALL.iter().position(|x| *x == a).unwrap_or(0)
        })
    };
    let mut rows = Vec::new();
    for q in all_questions() {
        let section = question_section(q.id);
        let item = item_label_of_question(q.id).unwrap_or_default();
        let row = |who: &str, answer: Option<Answer>, note: String, unclear: String| {
            vec![
                format!("§{}", section.0),
                item.clone(),
                q.id.to_string(),
                tr!(q.text).to_string(),
                who.to_string(),
                Answer::label_of(answer).to_string(),
                note,
                unclear,
            ]
        };
        let evidence = |a: &Assessment, shown: bool| {
            let get = |m: &std::collections::BTreeMap<String, String>| {
                shown
                    .then(|| m.get(q.id).cloned())
                    .flatten()
                    .unwrap_or_default()
            };
            (get(&a.notes), get(&a.unclear))
        };
        for r in &team.respondents {
            if let Some(name) = &r.name {
                let (note, unclear) = evidence(&r.assessment, true);
                rows.push(row(name, r.assessment.answer(q.id), note, unclear));
            }
        }
        let mut unnamed: Vec<(usize, Vec<String>)> = team
            .respondents
            .iter()
            .filter(|r| r.is_anonymous())
            .map(|r| {
                let answer = r.assessment.answer(q.id);
                let (note, unclear) = evidence(&r.assessment, anonymous_evidence);
                (
                    rank(answer),
                    row(anonymous_in_matrix(), answer, note, unclear),
                )
            })
            .collect();
        // Stable by answer, then by the text of the evidence: never by the team's order.
        unnamed.sort();
        rows.extend(unnamed.into_iter().map(|(_, row)| row));
    }
    csv_text(&team_matrix_columns(), &rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_constants_are_the_english_of_their_texts() {
        assert_eq!(answers_columns(), ANSWERS_COLUMNS);
        assert_eq!(team_matrix_columns(), TEAM_MATRIX_COLUMNS);
        assert_eq!(anonymous_in_matrix(), ANONYMOUS_IN_MATRIX);
    }
}
