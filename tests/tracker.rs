//! "Open as a new issue": the tracker given once per assessment (kept in the record and the
//! file, older ones read without it) and the new-issue links made from a plan item, read back
//! by a real URL parser (the `url` crate): the form's address, every field decoded whole, and
//! nothing but the project's own host.
#![cfg(not(target_arch = "wasm32"))]

use koom_readiness::domain::{
    decode_file, decode_saved, encode_file, encode_saved, evaluate, new_issue_link, plan,
    raccoons_inc, Answer, Assessment, PlanEntry, PlanItem, PlanStatus, SavedAssessment, Tracker,
    TrackerKind, FILE_FORMAT_VERSION, ISSUE_LABEL, MAX_ISSUE_LINK, RED_FLAGS, SCHEMA_VERSION,
    SHORTENED,
};
use url::Url;

/// The Raccoons with one red flag present and its plan item recorded.
fn with_item(note: &str) -> (Assessment, PlanItem) {
    let mut a = raccoons_inc();
    let id = RED_FLAGS[0].question.id;
    a.set_answer(id, Some(Answer::Yes));
    a.plan.insert(
        id.to_string(),
        PlanEntry {
            owner: "Ann (COO) & Ben".into(),
            due: "2027-01-15".into(),
            status: PlanStatus::Doing,
            note: note.into(),
            ..PlanEntry::default()
        },
    );
    let item = plan(&a, &evaluate(&a).readiness)
        .into_iter()
        .find(|i| i.id == id)
        .unwrap();
    (a, item)
}

fn query(link: &str) -> (Url, Vec<(String, String)>) {
    let url = Url::parse(link).expect("a valid URL");
    let pairs = url.query_pairs().into_owned().collect();
    (url, pairs)
}

fn field<'a>(pairs: &'a [(String, String)], key: &str) -> &'a str {
    pairs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
        .unwrap_or_else(|| panic!("no {key} in {pairs:?}"))
}

const AWKWARD_NOTE: &str =
    "Board said: a=1&b=2 #urgent, 50% done?\nsee https://x.example/?q=1+2 — ünïcödé 😀";

#[test]
fn a_github_link_opens_the_projects_new_issue_form_with_the_plan_item() {
    let (a, item) = with_item(AWKWARD_NOTE);
    let tracker = Tracker::parse(TrackerKind::GitHub, "https://github.com/raccoons/koom").unwrap();
    let link = new_issue_link(&tracker, &item, "Raccoons Incorporated");
    let (url, pairs) = query(&link);
    assert_eq!(url.scheme(), "https");
    assert_eq!(url.host_str(), Some("github.com"));
    assert_eq!(url.path(), "/raccoons/koom/issues/new");
    assert_eq!(field(&pairs, "title"), item.tracker_title());
    assert_eq!(field(&pairs, "labels"), ISSUE_LABEL);
    let body = field(&pairs, "body");
    for line in item.tracker_description() {
        assert!(body.contains(&line), "{line} in {body}");
    }
    assert!(
        body.contains(&format!("Note: {AWKWARD_NOTE}")),
        "the note whole: {body}"
    );
    assert!(body.contains("Owner: Ann (COO) & Ben"));
    assert!(body.contains("Due: 2027-01-15"));
    assert!(
        body.ends_with("From the KOOM Readiness plan of Raccoons Incorporated (status: Doing).")
    );
    assert_eq!(pairs.len(), 3, "title, body and labels only: {pairs:?}");
    assert!(a.tracker.is_none());
}

#[test]
fn a_gitlab_link_carries_the_label_and_due_date_as_quick_actions() {
    let (_, item) = with_item("");
    let tracker = Tracker::parse(
        TrackerKind::GitLab,
        "http://git.intranet:8080/ops/koom/rollout/-/issues",
    )
    .unwrap();
    let (url, pairs) = query(&new_issue_link(&tracker, &item, "R"));
    assert_eq!(
        url.as_str().split('?').next(),
        Some("http://git.intranet:8080/ops/koom/rollout/-/issues/new")
    );
    assert_eq!(field(&pairs, "issue[title]"), item.tracker_title());
    let description = field(&pairs, "issue[description]");
    assert!(
        description.ends_with(&format!("\n\n/label ~{ISSUE_LABEL}\n/due 2027-01-15")),
        "{description}"
    );
    assert_eq!(pairs.len(), 2);
}

#[test]
fn the_tracker_is_kept_in_the_record_and_the_file_and_older_ones_read_without_it() {
    let mut a = raccoons_inc();
    a.tracker = Tracker::parse(TrackerKind::GitHub, "github.com/raccoons/koom").ok();
    let record = SavedAssessment {
        schema: SCHEMA_VERSION,
        id: "t".into(),
        revision: 1,
        updated_at: 5,
        assessment: a.clone(),
    };
    let text = encode_saved(&record);
    assert_eq!(decode_saved(&text, "x", 0).unwrap().assessment, a);
    let file = encode_file(&a, "2026-12-03");
    assert_eq!(decode_file(&file).unwrap(), a);

    // A schema-5 record and a version-4 file, as the version before wrote them.
    let older = encode_saved(&SavedAssessment {
        assessment: raccoons_inc(),
        ..record
    })
    .replacen(&format!("\"schema\":{SCHEMA_VERSION}"), "\"schema\":5", 1)
    .replacen(",\"tracker\":null", "", 1)
    .replacen(",\"evidence\":{}", "", 1);
    assert!(
        older.contains("\"schema\":5") && !older.contains("tracker") && !older.contains("evidence"),
        "{older}"
    );
    assert_eq!(
        decode_saved(&older, "x", 0).unwrap().assessment,
        raccoons_inc()
    );
    let older_file = encode_file(&raccoons_inc(), "2026-12-03")
        .replacen(
            &format!("\"version\": {FILE_FORMAT_VERSION}"),
            "\"version\": 4",
            1,
        )
        .replacen(",\n    \"tracker\": null", "", 1);
    assert!(
        older_file.contains("\"version\": 4") && !older_file.contains("tracker"),
        "{older_file}"
    );
    assert_eq!(decode_file(&older_file).unwrap(), raccoons_inc());
}

#[test]
fn a_gitlab_description_runs_no_command_of_the_users_own_text() {
    let (_, item) = with_item("/close\n/assign @mallory\nfine /here");
    let tracker = Tracker::parse(TrackerKind::GitLab, "https://gitlab.com/acme/koom").unwrap();
    let (_, pairs) = query(&new_issue_link(&tracker, &item, "/unlabel ~koom-readiness"));
    let description = field(&pairs, "issue[description]");
    let commands: Vec<&str> = description
        .lines()
        .filter(|line| line.starts_with('/'))
        .collect();
    assert_eq!(
        commands,
        [
            format!("/label ~{ISSUE_LABEL}"),
            "/due 2027-01-15".to_string()
        ],
        "{description}"
    );
    // "Note: /close" does not start a line; "/assign" does, and is escaped.
    assert!(
        description.contains("Note: /close\n\\/assign @mallory\nfine /here"),
        "{description}"
    );

    let github = Tracker::parse(TrackerKind::GitHub, "https://github.com/acme/koom").unwrap();
    let (_, pairs) = query(&new_issue_link(&github, &item, "R"));
    assert!(
        field(&pairs, "body").contains("Note: /close\n"),
        "GitHub runs no commands: the text is left as written"
    );
}

#[test]
fn a_description_too_long_for_an_address_is_cut_and_says_where_the_rest_is() {
    // A note at its limit, of characters that take nine bytes each once encoded.
    let note = "é".repeat(4_000);
    let (_, item) = with_item(&note);
    for tracker in [
        Tracker::parse(TrackerKind::GitHub, "https://github.com/acme/koom").unwrap(),
        Tracker::parse(TrackerKind::GitLab, "https://gitlab.com/acme/koom").unwrap(),
    ] {
        let link = new_issue_link(&tracker, &item, "Raccoons Incorporated");
        assert!(
            link.len() <= MAX_ISSUE_LINK && link.len() > MAX_ISSUE_LINK - 20,
            "{} characters",
            link.len()
        );
        let (_, pairs) = query(&link);
        let body = &pairs[1].1;
        let (kept, rest) = body.split_once(SHORTENED).expect("says it was shortened");
        assert!(kept.starts_with(&item.tracker_description()[0]));
        assert!(kept.ends_with('é'), "cut between characters");
        assert!(
            rest.starts_with("\n\nFrom the KOOM Readiness plan of Raccoons Incorporated"),
            "{rest}"
        );
        assert_eq!(field(&pairs, pairs[0].0.as_str()), item.tracker_title());
    }

    let (_, short) = with_item("a short note");
    let link = new_issue_link(
        &Tracker::parse(TrackerKind::GitHub, "https://github.com/acme/koom").unwrap(),
        &short,
        "R",
    );
    assert!(!query(&link).1[1].1.contains(SHORTENED));
}
