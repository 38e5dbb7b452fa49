//! Evidence that ages: who, when, a link and a review-by date beside an item's note, kept in
//! the record and the file (a link that is not http(s) or a malformed date refused on import,
//! naming the field; a date after today kept), flagged stale in the report (HTML value and
//! Markdown, read back by a real Markdown parser) once its review-by date has passed.
#![cfg(not(target_arch = "wasm32"))]

use koom_readiness::domain::{
    decode_file, encode_file, evaluate, markdown, raccoons_inc, Assessment, EvidenceField, Report,
    DEPLOYMENT_STEPS, GREEN_FLAGS, RED_FLAGS, STABILITY_SIGNS,
};

const TODAY: &str = "2026-12-03";

fn with_evidence(review_by: &str) -> (Assessment, &'static str) {
    let mut a = raccoons_inc();
    let id = RED_FLAGS[0].question.id;
    a.set_note(id, "All-hands minutes");
    for (field, value) in [
        (EvidenceField::Who, "Ana Keller"),
        (EvidenceField::When, "2026-10-01"),
        (
            EvidenceField::Link,
            "https://wiki.acme.example/koom/minutes?id=7",
        ),
        (EvidenceField::ReviewBy, review_by),
    ] {
        a.set_evidence(id, field, value, TODAY).unwrap();
    }
    (a, id)
}

#[test]
fn the_details_travel_in_the_file_and_a_file_cannot_bring_another_scheme_or_a_bad_date() {
    let (a, id) = with_evidence("2027-01-01");
    let file = encode_file(&a, TODAY);
    assert_eq!(decode_file(&file), Ok(a.clone()));

    let hostile = file.replace(
        "https://wiki.acme.example/koom/minutes?id=7",
        "javascript:alert(1)",
    );
    let refused = decode_file(&hostile).unwrap_err().to_string();
    assert!(
        refused.contains(&format!("file.assessment.evidence[\"{id}\"].link should be an http:// or https:// link with a host, or empty, but is “javascript:alert(1)”")),
        "{refused}"
    );
    let bad_date = file.replace("\"review_by\": \"2027-01-01\"", "\"review_by\": \"soon\"");
    assert!(decode_file(&bad_date)
        .unwrap_err()
        .to_string()
        .contains(&format!("file.assessment.evidence[\"{id}\"].review_by should be an ISO date (2026-12-31) or empty, but is “soon”")));
    // Another computer's clock: a date after today is kept as it is.
    let future = file.replace("\"when\": \"2026-10-01\"", "\"when\": \"2027-06-01\"");
    assert_eq!(
        decode_file(&future).unwrap().evidence[id].when,
        "2027-06-01"
    );
}

#[test]
fn evidence_past_its_review_by_date_is_flagged_in_the_report_and_its_markdown() {
    let (a, id) = with_evidence("2026-12-01");
    let report = Report::new(&a, &evaluate(&a), TODAY);
    let row = report
        .answers
        .iter()
        .flat_map(|t| &t.rows)
        .find(|r| r.id == id)
        .unwrap();
    assert!(row.stale);
    assert_eq!(
        row.note_text().unwrap(),
        "All-hands minutes — Evidence: from Ana Keller, gathered 2026-10-01, https://wiki.acme.example/koom/minutes?id=7, review by 2026-12-01 — To review: past its review-by date."
    );
    assert_eq!(report.stale_evidence.len(), 1);
    assert!(report.stale_evidence[0].starts_with("Red flag 1"));
    assert!(report.stale_evidence[0].ends_with(": review by 2026-12-01 has passed"));

    let md = markdown(&report);
    assert!(md.contains("### Evidence to review"), "{md}");
    // Read back by a real Markdown parser: the link is text, never a link.
    let parser = pulldown_cmark::Parser::new_ext(&md, pulldown_cmark::Options::ENABLE_TABLES);
    let links: Vec<String> = parser
        .filter_map(|e| match e {
            pulldown_cmark::Event::Start(pulldown_cmark::Tag::Link { dest_url, .. }) => {
                Some(dest_url.to_string())
            }
            _ => None,
        })
        .collect();
    assert!(
        !links.iter().any(|l| l.contains("wiki.acme.example")),
        "the evidence link is shown as text: {links:?}"
    );
    let text: String = pulldown_cmark::Parser::new_ext(&md, pulldown_cmark::Options::ENABLE_TABLES)
        .filter_map(|e| match e {
            pulldown_cmark::Event::Text(t) => Some(t.to_string()),
            _ => None,
        })
        .collect();
    assert!(
        text.contains("https://wiki.acme.example/koom/minutes?id=7"),
        "the link is there, as text: {text}"
    );

    // Before its date, nothing is flagged.
    let report = Report::new(&a, &evaluate(&a), "2026-12-01");
    assert!(report.stale_evidence.is_empty());
}

#[test]
fn a_steps_and_a_signs_evidence_show_in_their_rows_and_to_review_follows_the_seeds_order() {
    let (mut a, _) = with_evidence("2026-12-01");
    let (step, sign, green) = (
        DEPLOYMENT_STEPS[0].id,
        STABILITY_SIGNS[0].id,
        GREEN_FLAGS[0].question.id,
    );
    for id in [sign, step, green] {
        a.set_evidence(id, EvidenceField::Who, "Ben Ortiz", TODAY)
            .unwrap();
        a.set_evidence(id, EvidenceField::ReviewBy, "2026-11-30", TODAY)
            .unwrap();
    }
    let report = Report::new(&a, &evaluate(&a), TODAY);
    let step_line = report
        .steps
        .iter()
        .find(|s| s.label.starts_with("Step 1"))
        .unwrap();
    assert_eq!(
        step_line.note.as_deref(),
        Some("Evidence: from Ben Ortiz, review by 2026-11-30.")
    );
    let sign_row = report
        .signs
        .iter()
        .find(|r| r.sign == STABILITY_SIGNS[0].text)
        .unwrap();
    assert_eq!(
        sign_row
            .note
            .as_deref()
            .map(|n| n.ends_with("Evidence: from Ben Ortiz, review by 2026-11-30.")),
        Some(true)
    );
    // The seed's order (red flag, green flag, step, stability sign), not the ids' alphabet
    // ("green_flag…" < "red_flag…" < "sign…" < "step…").
    let order: Vec<&str> = report
        .stale_evidence
        .iter()
        .map(|l| l.split(" — ").next().unwrap())
        .collect();
    assert_eq!(order.len(), 4, "{:?}", report.stale_evidence);
    assert!(order[0].starts_with("Red flag 1"), "{order:?}");
    assert!(order[1].starts_with("Green flag 1"), "{order:?}");
    assert!(order[2].starts_with("Step 1"), "{order:?}");
    assert!(order[3].starts_with("Stability sign"), "{order:?}");
}
