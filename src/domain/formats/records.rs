//! Saved records: the layout of an assessment in browser storage, its schema version and the
//! migrations from older layouts. Pure: the browser layer only moves the strings.
//!
//! Schema history:
//! - 1: a single record `{"schema":1,"view":…,"assessment":…}` under one key.
//! - 2: a library: one record per assessment, with an id, a revision (to detect another tab's
//!   writes) and the time of the last change; the open view lives in a separate session record.
//! - 3: pilot iterations keep the failed gate's answers, the steps to retrain and when each was
//!   confirmed retrained ("roll back, retrain, repeat"). Older iterations are completed on
//!   reading (see `migrate_iteration`); a version that knows only schema 2 shows a schema-3
//!   record read-only and never writes over it.
//! - 4: the remediation plan (`plan`, keyed by question id). A schema-3 record reads with an
//!   empty plan; a version that knows only schema 3 shows a schema-4 record read-only.
//! - 5: rounds of re-assessment (`rounds`, `round_started`, `carried`). A schema-4 record
//!   reads as its first round; a version that knows only schema 4 shows a schema-5 record
//!   read-only, so it never drops the rounds by writing over them.
//! - 6: the issue tracker (`tracker`: kind and project address, or null) and the evidence
//!   details (`evidence`: who, when, link, review-by by item id). A schema-5 record reads
//!   without them; a version that knows only schema 5 shows a schema-6 record read-only.

use crate::domain::formats::codec::{assessment_from_json, assessment_to_json, At, FieldError};
use crate::domain::formats::json::{self, Json};
use crate::domain::formats::repository::{
    record_kind, unreadable, KeyValue, Loaded, Problem, RecordError, RecordStore, StorageError,
};
use crate::domain::model::assessment::Assessment;
use crate::domain::rules::sequence::migrate_iteration;

/// Current schema of saved records.
pub const SCHEMA_VERSION: u32 = 6;

/// One assessment as saved in the library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedAssessment {
    /// Schema of this record.
    pub schema: u32,
    /// Stable id of the assessment in the library.
    pub id: String,
    /// Incremented at every save; a mismatch means another tab wrote in between.
    pub revision: u64,
    /// Time of the last change, in whole milliseconds since the Unix epoch.
    pub updated_at: u64,
    /// The assessment.
    pub assessment: Assessment,
}

/// Which assessment and view were open (schema 2 and later).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// Schema of this record.
    pub schema: u32,
    /// Id of the open assessment, if any.
    pub open: Option<String>,
    /// Token of the open view.
    pub view: String,
}

/// Milliseconds, also from an older record that wrote them as a fraction (`1700000000000.0`).
pub(crate) fn millis(at: &At) -> Result<u64, FieldError> {
    match at.value {
        Json::Number(n) if !n.starts_with('-') && !n.contains(['e', 'E']) => n
            .split('.')
            .next()
            .and_then(|whole| whole.parse().ok())
            .map_or_else(|| at.fail(tr!("a time in milliseconds")), Ok),
        _ => at.fail(tr!("a time in milliseconds")),
    }
}

/// What every saved record (an assessment's or a team view's) carries besides its body: its id,
/// its revision and the time of its last change.
pub(crate) fn envelope(at: &At) -> Result<(String, u64, u64), FieldError> {
    Ok((
        at.required("id")?.string()?,
        at.required("revision")?.u64()?,
        millis(&at.required("updated_at")?)?,
    ))
}

/// The schema a stored record declares, for every kind of record.
pub(crate) fn schema_of<R>(value: &Json) -> Result<u32, RecordError<R>> {
    match value.get("schema") {
        None | Some(Json::Null) => Err(unreadable(tr!("no schema version"))),
        Some(v) => v
            .as_u64()
            .and_then(|n| u32::try_from(n).ok())
            .ok_or_else(|| unreadable(tr!("the schema version is not a whole number"))),
    }
}

fn saved_from_json(v: &Json, schema: u32) -> Result<SavedAssessment, FieldError> {
    let at = At::root(v, "record");
    let (id, revision, updated_at) = envelope(&at)?;
    Ok(SavedAssessment {
        schema,
        id,
        revision,
        updated_at,
        assessment: assessment_from_json(&at.required("assessment")?)?,
    })
}

/// Reads a library record, migrating older schemas. `fallback_id` names a record whose
/// layout had no id (schema 1); `now` stamps it.
pub fn decode_saved(
    raw: &str,
    fallback_id: &str,
    now: u64,
) -> Result<SavedAssessment, RecordError<SavedAssessment>> {
    let value = json::parse(raw).map_err(unreadable)?;
    match schema_of(&value)? {
        1 => migrate_v1(raw, fallback_id, now).map(|(record, _view)| record),
        2 => {
            let mut record = saved_from_json(&value, SCHEMA_VERSION).map_err(unreadable)?;
            migrate_assessment(&mut record.assessment);
            Ok(record)
        }
        // Schema 3 lacks only the plan, schema 4 the rounds, schema 5 the tracker; each reads
        // as empty.
        3..=5 | SCHEMA_VERSION => saved_from_json(&value, SCHEMA_VERSION).map_err(unreadable),
        newer if newer > SCHEMA_VERSION => Err(RecordError::NewerSchema {
            schema: newer,
            readable: saved_from_json(&value, newer).ok().map(Box::new),
        }),
        other => Err(unreadable(trf!("unknown schema {schema}", schema = other))),
    }
}

/// Completes what an assessment saved before the current schema lacks.
pub fn migrate_assessment(assessment: &mut Assessment) {
    for iteration in &mut assessment.pilot_iterations {
        migrate_iteration(iteration);
    }
}

/// Migrates a schema-1 record (the single saved assessment) to a library record of the
/// current schema, returning the view it had open.
pub fn migrate_v1(
    raw: &str,
    id: &str,
    now: u64,
) -> Result<(SavedAssessment, String), RecordError<SavedAssessment>> {
    let value = json::parse(raw).map_err(unreadable)?;
    let at = At::root(&value, "record");
    let read = || -> Result<(String, Assessment), FieldError> {
        Ok((
            at.required("view")?.string()?,
            assessment_from_json(&at.required("assessment")?)?,
        ))
    };
    let (view, mut assessment) = read().map_err(unreadable)?;
    migrate_assessment(&mut assessment);
    Ok((
        SavedAssessment {
            schema: SCHEMA_VERSION,
            id: id.to_string(),
            revision: 1,
            updated_at: now,
            assessment,
        },
        view,
    ))
}

/// Writes a library record.
pub fn encode_saved(record: &SavedAssessment) -> String {
    Json::Object(vec![
        ("schema".into(), Json::from_u64(record.schema.into())),
        ("id".into(), Json::String(record.id.clone())),
        ("revision".into(), Json::from_u64(record.revision)),
        ("updated_at".into(), Json::from_u64(record.updated_at)),
        ("assessment".into(), assessment_to_json(&record.assessment)),
    ])
    .to_compact()
}

/// Reads a session record; anything unreadable is simply no session.
pub fn decode_session(raw: &str) -> Option<Session> {
    let value = json::parse(raw).ok()?;
    let schema = u32::try_from(value.get("schema")?.as_u64()?).ok()?;
    if schema > SCHEMA_VERSION {
        return None;
    }
    let open = match value.get("open")? {
        Json::Null => None,
        v => Some(v.as_str()?.to_string()),
    };
    Some(Session {
        schema,
        open,
        view: value.get("view")?.as_str()?.to_string(),
    })
}

/// Writes a session record.
pub fn encode_session(open: Option<&str>, view: &str) -> String {
    Json::Object(vec![
        ("schema".into(), Json::from_u64(SCHEMA_VERSION.into())),
        (
            "open".into(),
            open.map_or(Json::Null, |id| Json::String(id.to_string())),
        ),
        ("view".into(), Json::String(view.to_string())),
    ])
    .to_compact()
}

/// Key of the schema-1 single record, migrated into the library on first load.
pub const LEGACY_CURRENT_KEY: &str = "koom-readiness/current";
/// Prefix of library records: one per assessment, by id.
pub const RECORD_PREFIX: &str = "koom-readiness/assessment/";
/// Key of the session record (open assessment and view).
pub const SESSION_KEY: &str = "koom-readiness/session";

record_kind!(
    SavedAssessment,
    prefix: RECORD_PREFIX,
    schema: SCHEMA_VERSION,
    encode: encode_saved,
    decode: decode_saved,
);

/// What loading the library found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LoadedLibrary {
    /// Records this version can read and write, newest first.
    pub records: Vec<SavedAssessment>,
    /// Records from a newer schema, readable parts only: shown read-only, never written.
    pub newer: Vec<SavedAssessment>,
    /// Records that could not be read.
    pub problems: Vec<Problem>,
    /// The open assessment and view, if saved.
    pub session: Option<Session>,
}

/// Loads the library of assessments, moving unreadable records aside. With `migrate_legacy`
/// (once, at start-up) a schema-1 record is migrated into the library; `new_id` names it.
pub fn load_library<K: KeyValue + ?Sized>(
    store: &K,
    now: u64,
    migrate_legacy: bool,
    mut new_id: impl FnMut() -> String,
) -> Result<LoadedLibrary, StorageError> {
    let mut session = store.get(SESSION_KEY)?.and_then(|s| decode_session(&s));
    let mut legacy_problem = None;
    if let Some(raw) = store
        .get(LEGACY_CURRENT_KEY)
        .ok()
        .flatten()
        .filter(|_| migrate_legacy)
    {
        let id = new_id();
        match migrate_v1(&raw, &id, now) {
            Ok((record, view)) => {
                // The legacy key goes only once the migrated record is written.
                if store.write(&record, None).is_ok() {
                    let _ = store.remove(LEGACY_CURRENT_KEY);
                    if session.is_none() {
                        session = Some(Session {
                            schema: SCHEMA_VERSION,
                            open: Some(id),
                            view,
                        });
                    }
                }
            }
            Err(e) => {
                legacy_problem = Some(Problem::Unreadable {
                    key: LEGACY_CURRENT_KEY.to_string(),
                    backup_key: store.move_aside(LEGACY_CURRENT_KEY, &raw, now),
                    reason: e.to_string(),
                })
            }
        }
    }
    let Loaded {
        records,
        newer,
        mut problems,
    } = store.load_all::<SavedAssessment>(now)?;
    if let Some(problem) = legacy_problem {
        problems.insert(0, problem);
    }
    Ok(LoadedLibrary {
        records,
        newer,
        problems,
        session,
    })
}

/// Saves which assessment and view are open.
pub fn write_session<K: KeyValue + ?Sized>(
    store: &K,
    open: Option<&str>,
    view: &str,
) -> Result<(), StorageError> {
    store.set(SESSION_KEY, &encode_session(open, view))
}

/// A display name for an assessment in the library.
pub fn display_name(a: &Assessment) -> String {
    if a.organisation.trim().is_empty() {
        tr!("Untitled assessment").to_string()
    } else {
        a.organisation.trim().to_string()
    }
}

/// An assessment's name in a list, a picker or a comparison, telling apart two of the same
/// organisation: the organisation, then who assessed it and when ("Nordwind Logistics — Ann
/// Berg, 2026-12-02"). `when` is a date, or a few words such as "shared 2026-12-02"; empty
/// parts are left out.
pub fn assessment_label(a: &Assessment, when: &str) -> String {
    let name = display_name(a);
    let parts: Vec<&str> = [a.assessor.trim(), when.trim()]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect();
    if parts.is_empty() {
        name
    } else {
        format!("{name} — {}", parts.join(", "))
    }
}

/// The page's title (the browser tab, history, bookmarks, what a screen reader announces on
/// arrival): what is on screen first, then the app's name ("Red flags — Nordwind Logistics —
/// KOOM Readiness").
pub fn page_title(view: Option<&str>, subject: Option<&str>) -> String {
    [view, subject, Some(APP_NAME)]
        .into_iter()
        .flatten()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" — ")
}

/// The app's name, as the page title ends.
pub const APP_NAME: &str = "KOOM Readiness";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::answer::Answer;
    use crate::domain::model::example::raccoons_inc;

    #[test]
    fn current_schema_round_trips() {
        let record = SavedAssessment {
            schema: SCHEMA_VERSION,
            id: "a1".into(),
            revision: 7,
            updated_at: 1_700_000_000_000,
            assessment: raccoons_inc(),
        };
        assert_eq!(
            decode_saved(&encode_saved(&record), "unused", 0),
            Ok(record)
        );
    }

    #[test]
    fn migration_from_schema_1_keeps_every_answer_and_the_view() {
        let mut a = Assessment::new("Old Org", "Ann");
        a.set_answer("red_flag.no_time_for_structure", Some(Answer::NotSure));
        a.set_note("precondition.coe.training_owner", "Maria, since May");
        let v1 = format!(
            "{{\"schema\": 1, \"view\": \"maturity\", \"assessment\": {}}}",
            assessment_to_json(&a).to_compact()
        );
        let (record, view) = migrate_v1(&v1, "legacy", 42).unwrap();
        assert_eq!(view, "maturity");
        assert_eq!(record.schema, SCHEMA_VERSION);
        assert_eq!(record.id, "legacy");
        assert_eq!(record.revision, 1);
        assert_eq!(record.updated_at, 42);
        assert_eq!(record.assessment, a);
        assert_eq!(decode_saved(&v1, "legacy", 42), Ok(record));
    }

    /// A schema-2 record, as the previous version wrote it: an iteration without the gate's
    /// answers or the retraining, and otherwise the same assessment.
    const SCHEMA_2_WITH_AN_ITERATION: &str = r#"{"schema":2,"id":"old","revision":4,"updated_at":1700000000000.0,"assessment":{"model_version":"1.0","organisation":"Old Org","assessor":"","answers":{"step.full_deployment.coe_functioning":"yes"},"notes":{},"unclear":{},"checklist":["step.executive_education.role_boundaries"],"pilot":{"department":"Packing","evaluation":""},"pilot_iterations":[{"date":"2026-10-01","failed_criteria":["step.full_deployment.managers_aligned","step.full_deployment.executives_in_lane"],"open_criteria":["step.full_deployment.coe_functioning"],"evaluation":"Zone C drift"}],"cycles":[]}}"#;

    #[test]
    fn a_schema_2_record_migrates_its_iterations_to_retraining_to_confirm() {
        let record = decode_saved(SCHEMA_2_WITH_AN_ITERATION, "unused", 0).unwrap();
        assert_eq!(record.schema, SCHEMA_VERSION);
        assert_eq!(record.revision, 4);
        assert_eq!(record.assessment.organisation, "Old Org");
        let it = &record.assessment.pilot_iterations[0];
        assert_eq!(it.date, "2026-10-01");
        assert_eq!(it.evaluation, "Zone C drift");
        assert_eq!(
            it.retrain,
            ["step.executive_education", "step.manager_training"]
        );
        assert!(it.retrained.is_empty(), "retraining waits to be confirmed");
        assert_eq!(
            it.gate_answers["step.full_deployment.managers_aligned"],
            Answer::No
        );
        assert_eq!(
            it.gate_answers["step.full_deployment.drift_decreased"],
            Answer::Yes
        );
        assert!(!it
            .gate_answers
            .contains_key("step.full_deployment.coe_functioning"));
        // Written back as the current schema, it reads the same.
        assert_eq!(
            decode_saved(&encode_saved(&record), "unused", 0),
            Ok(record)
        );
    }

    /// A record saved before the plan existed opens with an empty plan, every answer kept; a
    /// plan survives the round trip.
    #[test]
    fn a_schema_3_record_opens_with_an_empty_plan_and_a_plan_round_trips() {
        let old = SCHEMA_2_WITH_AN_ITERATION.replace(r#""schema":2"#, r#""schema":3"#);
        let record = decode_saved(&old, "x", 0).unwrap();
        assert_eq!(record.schema, SCHEMA_VERSION);
        assert!(record.assessment.plan.is_empty());
        assert_eq!(record.assessment.organisation, "Old Org");
        let mut with_plan = record.clone();
        with_plan.assessment.plan.insert(
            "precondition.coe.training_owner".into(),
            crate::domain::model::plan_entry::PlanEntry {
                owner: "Dee".into(),
                due: "2027-01-15".into(),
                status: crate::domain::model::plan_entry::PlanStatus::WontDo,
                reason: "Outsourced".into(),
                note: "see minutes".into(),
            },
        );
        assert_eq!(
            decode_saved(&encode_saved(&with_plan), "x", 0),
            Ok(with_plan)
        );
    }

    #[test]
    fn a_newer_schema_is_reported_with_what_can_be_read() {
        let raw = r#"{"schema":7,"id":"x","revision":2,"updated_at":5.0,"assessment":{"organisation":"Future"},"sharing":{"team":"t"}}"#;
        match decode_saved(raw, "unused", 0) {
            Err(RecordError::NewerSchema {
                schema: 7,
                readable: Some(r),
            }) => {
                assert_eq!(r.assessment.organisation, "Future");
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn unreadable_records_say_why() {
        for raw in [
            "",
            "{",
            "[]",
            "{\"schema\":2}",
            "{\"view\":\"x\"}",
            "{\"schema\":0}",
        ] {
            assert!(
                matches!(
                    decode_saved(raw, "x", 0),
                    Err(RecordError::Unreadable { .. })
                ),
                "{raw:?}"
            );
        }
    }

    #[test]
    fn sessions_round_trip_and_ignore_garbage() {
        let s = decode_session(&encode_session(Some("a1"), "report")).unwrap();
        assert_eq!(s.open.as_deref(), Some("a1"));
        assert_eq!(s.view, "report");
        assert_eq!(decode_session("nope"), None);
        assert_eq!(
            decode_session(r#"{"schema":9,"open":null,"view":"x"}"#),
            None
        );
    }

    #[test]
    fn a_label_tells_two_assessments_of_one_organisation_apart() {
        let mut a = Assessment {
            organisation: "Nordwind Logistics".into(),
            assessor: "Ann Berg".into(),
            ..Default::default()
        };
        assert_eq!(
            assessment_label(&a, "2026-12-02"),
            "Nordwind Logistics — Ann Berg, 2026-12-02"
        );
        assert_eq!(
            assessment_label(&a, "shared 2026-12-01"),
            "Nordwind Logistics — Ann Berg, shared 2026-12-01"
        );
        a.assessor = "  ".into();
        assert_eq!(
            assessment_label(&a, "2026-12-02"),
            "Nordwind Logistics — 2026-12-02"
        );
        a.organisation = String::new();
        assert_eq!(assessment_label(&a, ""), "Untitled assessment");
    }

    #[test]
    fn the_page_title_names_the_view_and_the_assessment() {
        assert_eq!(
            page_title(Some("Red flags"), Some("Nordwind Logistics")),
            "Red flags — Nordwind Logistics — KOOM Readiness"
        );
        assert_eq!(page_title(None, None), "KOOM Readiness");
        assert_eq!(
            page_title(Some("Team view"), Some(" ")),
            "Team view — KOOM Readiness"
        );
    }
}
