//! An assessment as JSON and back, field by field: the one layout shared by saved records
//! (`records.rs`) and exported files (`file.rs`). Reading says which field is wrong and what
//! was expected there; a missing field is empty, an unknown field is ignored.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use crate::domain::formats::json::Json;
use crate::domain::model::answer::{Answer, Observation};
use crate::domain::model::assessment::Round;
use crate::domain::model::assessment::{AlignmentCycle, Assessment, PilotIteration, PilotRecord};
use crate::domain::model::evidence::{is_evidence_link, EvidenceDetails};
use crate::domain::model::items::MODEL_VERSION;
use crate::domain::model::plan_entry::{is_iso_date, PlanEntry, PlanStatus};
use crate::domain::model::respondent::RespondentToken;
use crate::domain::model::round::rounds_problem;
use crate::domain::model::tracker::{Tracker, TrackerKind};

/// A field whose value is not what the layout expects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// Where, such as `assessment.answers["precondition.coe.training_owner"]`.
    pub path: String,
    /// What the field must hold.
    pub expected: String,
    /// What it holds.
    pub found: String,
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&trf!(
            "{path} should be {expected}, but is {found}",
            path = self.path,
            expected = self.expected,
            found = self.found
        ))
    }
}

impl std::error::Error for FieldError {}

/// What a value is, for a message: the text itself when short, else its kind.
fn found(v: &Json) -> String {
    match v {
        Json::String(s) if s.chars().count() <= 40 => format!("“{s}”"),
        Json::Number(n) if n.len() <= 20 => n.clone(),
        other => other.kind().to_string(),
    }
}

/// Reading context: the path of the value being read.
pub(crate) struct At<'a> {
    pub(crate) value: &'a Json,
    pub(crate) path: String,
}

impl<'a> At<'a> {
    pub(crate) fn root(value: &'a Json, path: &str) -> Self {
        At {
            value,
            path: path.to_string(),
        }
    }

    pub(crate) fn fail<T>(&self, expected: &str) -> Result<T, FieldError> {
        Err(FieldError {
            path: self.path.clone(),
            expected: expected.to_string(),
            found: found(self.value),
        })
    }

    /// The members of an object.
    pub(crate) fn members(&self) -> Result<&'a [(String, Json)], FieldError> {
        match self.value {
            Json::Object(m) => Ok(m),
            _ => self.fail(tr!("an object")),
        }
    }

    /// A member, if present (`null` counts as absent).
    pub(crate) fn field(&self, key: &str) -> Result<Option<At<'a>>, FieldError> {
        let members = self.members()?;
        Ok(members
            .iter()
            .find(|(k, _)| k == key)
            .filter(|(_, v)| *v != Json::Null)
            .map(|(_, v)| At {
                value: v,
                path: format!("{}.{key}", self.path),
            }))
    }

    /// A member that must be present.
    pub(crate) fn required(&self, key: &str) -> Result<At<'a>, FieldError> {
        self.field(key)?.ok_or_else(|| FieldError {
            path: format!("{}.{key}", self.path),
            expected: tr!("present").to_string(),
            found: tr!("missing").to_string(),
        })
    }

    pub(crate) fn string(&self) -> Result<String, FieldError> {
        match self.value {
            Json::String(s) => Ok(s.clone()),
            _ => self.fail(tr!("text")),
        }
    }

    pub(crate) fn u64(&self) -> Result<u64, FieldError> {
        self.value
            .as_u64()
            .map_or_else(|| self.fail(tr!("a whole number")), Ok)
    }

    pub(crate) fn items(&self) -> Result<Vec<At<'a>>, FieldError> {
        match self.value {
            Json::Array(items) => Ok(items
                .iter()
                .enumerate()
                .map(|(i, v)| At {
                    value: v,
                    path: format!("{}[{i}]", self.path),
                })
                .collect()),
            _ => self.fail(tr!("a list")),
        }
    }

    pub(crate) fn entries(&self) -> Result<Vec<(String, At<'a>)>, FieldError> {
        Ok(self
            .members()?
            .iter()
            .map(|(k, v)| {
                (
                    k.clone(),
                    At {
                        value: v,
                        path: format!("{}[\"{k}\"]", self.path),
                    },
                )
            })
            .collect())
    }
}

fn opt_string(at: &At, key: &str) -> Result<String, FieldError> {
    at.field(key)?.map_or(Ok(String::new()), |v| v.string())
}

fn string_list(at: Option<At>) -> Result<Vec<String>, FieldError> {
    let Some(at) = at else {
        return Ok(Vec::new());
    };
    at.items()?.iter().map(At::string).collect()
}

fn text_map(at: Option<At>) -> Result<BTreeMap<String, String>, FieldError> {
    let Some(at) = at else {
        return Ok(BTreeMap::new());
    };
    at.entries()?
        .into_iter()
        .map(|(k, v)| Ok((k, v.string()?)))
        .collect()
}

/// Reads the evidence details: dates as ISO dates, a link only http(s) (a date after today is
/// kept: it is shown as it is, and the app refuses it only when typed).
fn evidence_map(at: Option<At>) -> Result<BTreeMap<String, EvidenceDetails>, FieldError> {
    let Some(at) = at else {
        return Ok(BTreeMap::new());
    };
    let mut map = BTreeMap::new();
    for (id, e) in at.entries()? {
        e.members()?;
        let date = |name: &str| -> Result<String, FieldError> {
            let text = opt_string(&e, name)?;
            if text.is_empty() || is_iso_date(&text) {
                Ok(text)
            } else {
                e.required(name)?
                    .fail(tr!("an ISO date (2026-12-31) or empty"))
            }
        };
        let details = EvidenceDetails {
            who: opt_string(&e, "who")?,
            when: date("when")?,
            link: opt_string(&e, "link")?,
            review_by: date("review_by")?,
        };
        if !details.link.is_empty() && !is_evidence_link(&details.link) {
            e.required("link")?
                .fail(tr!("an http:// or https:// link with a host, or empty"))?;
        }
        // An entry with nothing in it is what a cleared item leaves: it is not kept.
        if !details.is_empty() {
            map.insert(id, details);
        }
    }
    Ok(map)
}

pub(crate) fn answer(at: &At) -> Result<Answer, FieldError> {
    match at.value.as_str().and_then(Answer::from_token) {
        Some(a) => Ok(a),
        None => at.fail(tr!("“yes”, “no” or “not_sure”")),
    }
}

fn answer_map(at: Option<At>) -> Result<BTreeMap<String, Answer>, FieldError> {
    let Some(at) = at else {
        return Ok(BTreeMap::new());
    };
    at.entries()?
        .into_iter()
        .map(|(k, v)| Ok((k, answer(&v)?)))
        .collect()
}

fn iteration(at: &At) -> Result<PilotIteration, FieldError> {
    Ok(PilotIteration {
        date: at.required("date")?.string()?,
        failed_criteria: string_list(Some(at.required("failed_criteria")?))?,
        open_criteria: string_list(at.field("open_criteria")?)?,
        evaluation: opt_string(at, "evaluation")?,
        gate_answers: answer_map(at.field("gate_answers")?)?,
        retrain: string_list(at.field("retrain")?)?,
        retrained: text_map(at.field("retrained")?)?,
    })
}

fn cycle(at: &At) -> Result<AlignmentCycle, FieldError> {
    let mut signs = BTreeMap::new();
    if let Some(map) = at.field("signs")? {
        for (id, v) in map.entries()? {
            let o = v.value.as_str().and_then(Observation::from_token);
            signs.insert(
                id,
                o.map_or_else(|| v.fail(tr!("“seen”, “not_seen” or “not_sure”")), Ok)?,
            );
        }
    }
    Ok(AlignmentCycle {
        signs,
        notes: text_map(at.field("notes")?)?,
    })
}

/// Reads an assessment; `path` names it in messages (`assessment`).
pub(crate) fn assessment_from_json(at: &At) -> Result<Assessment, FieldError> {
    at.members()?;
    let pilot = match at.field("pilot")? {
        Some(p) => PilotRecord {
            department: opt_string(&p, "department")?,
            evaluation: opt_string(&p, "evaluation")?,
        },
        None => PilotRecord::default(),
    };
    let pilot_iterations = match at.field("pilot_iterations")? {
        Some(list) => list
            .items()?
            .iter()
            .map(iteration)
            .collect::<Result<_, _>>()?,
        None => Vec::new(),
    };
    let cycles = match at.field("cycles")? {
        Some(list) => list.items()?.iter().map(cycle).collect::<Result<_, _>>()?,
        None => Vec::new(),
    };
    let mut plan = BTreeMap::new();
    if let Some(map) = at.field("plan")? {
        for (id, item) in map.entries()? {
            plan.insert(id, plan_entry(&item)?);
        }
    }
    let rounds = match at.field("rounds")? {
        Some(list) => list.items()?.iter().map(round).collect::<Result<_, _>>()?,
        None => Vec::new(),
    };
    let mut carried = BTreeMap::new();
    if let Some(map) = at.field("carried")? {
        for (id, n) in map.entries()? {
            let n = n
                .u64()
                .ok()
                .and_then(|n| u32::try_from(n).ok())
                .map_or_else(|| n.fail(tr!("the number of an earlier round")), Ok)?;
            carried.insert(id, n);
        }
    }
    let assessment = Assessment {
        model_version: match at.field("model_version")? {
            Some(v) => v.string()?,
            None => MODEL_VERSION.to_string(),
        },
        organisation: opt_string(at, "organisation")?,
        assessor: opt_string(at, "assessor")?,
        answers: answer_map(at.field("answers")?)?,
        notes: text_map(at.field("notes")?)?,
        evidence: evidence_map(at.field("evidence")?)?,
        unclear: text_map(at.field("unclear")?)?,
        checklist: string_list(at.field("checklist")?)?
            .into_iter()
            .collect::<BTreeSet<_>>(),
        pilot,
        pilot_iterations,
        cycles,
        plan,
        respondent: match at.field("respondent")? {
            None => None,
            Some(v) if v.value == &Json::Null => None,
            Some(v) => match v.value.as_str().and_then(RespondentToken::parse) {
                Some(token) => Some(token),
                None => v.fail(tr!("a respondent token (16 hexadecimal digits) or null"))?,
            },
        },
        rounds,
        round_started: opt_string(at, "round_started")?,
        carried,
        tracker: match at.field("tracker")? {
            None => None,
            Some(v) if v.value == &Json::Null => None,
            Some(v) => Some(tracker(&v)?),
        },
    };
    match rounds_problem(&assessment) {
        None => Ok(assessment),
        Some(p) => Err(FieldError {
            path: p.path.replacen("assessment", &at.path, 1),
            expected: p.expected,
            found: p.found,
        }),
    }
}

/// Reads a tracker: its kind and its project's address, which must read back as itself (so a
/// file cannot bring an address the app would not have kept, such as a `javascript:` one).
fn tracker(at: &At) -> Result<Tracker, FieldError> {
    let kind = at.required("kind")?;
    let kind = match kind.value.as_str().and_then(TrackerKind::from_token) {
        Some(k) => k,
        None => kind.fail(tr!("\"github\" or \"gitlab\""))?,
    };
    let project = at.required("project")?;
    let address = project.string()?;
    // The address is read as the user's own would be, and kept as read: a record written by
    // a version that normalised differently still opens.
    match Tracker::parse(kind, &address) {
        Ok(t) => Ok(t),
        _ => project.fail(&trf!(
            "the http(s) address of a {tracker} project, such as {example}",
            tracker = kind.label(),
            example = kind.example()
        )),
    }
}

fn round(at: &At) -> Result<Round, FieldError> {
    Ok(Round {
        date: at.required("date")?.string()?,
        assessment: assessment_from_json(&at.required("assessment")?)?,
    })
}

fn plan_entry(at: &At) -> Result<PlanEntry, FieldError> {
    at.members()?;
    let status = match at.field("status")? {
        None => PlanStatus::default(),
        Some(v) => match v.value.as_str().and_then(PlanStatus::from_token) {
            Some(s) => s,
            None => v.fail(tr!("“to_do”, “doing”, “done” or “wont_do”"))?,
        },
    };
    let due = opt_string(at, "due")?;
    if !due.is_empty() && !is_iso_date(&due) {
        return at
            .required("due")?
            .fail(tr!("a date written as 2026-12-31, or an empty text"));
    }
    Ok(PlanEntry {
        owner: opt_string(at, "owner")?,
        due,
        status,
        reason: opt_string(at, "reason")?,
        note: opt_string(at, "note")?,
    })
}

fn text(s: &str) -> Json {
    Json::String(s.to_string())
}

fn texts<'a>(items: impl IntoIterator<Item = &'a String>) -> Json {
    Json::Array(items.into_iter().map(|s| text(s)).collect())
}

fn text_object(map: &BTreeMap<String, String>) -> Json {
    Json::Object(map.iter().map(|(k, v)| (k.clone(), text(v))).collect())
}

fn answer_object(map: &BTreeMap<String, Answer>) -> Json {
    Json::Object(
        map.iter()
            .map(|(k, v)| (k.clone(), text(v.token())))
            .collect(),
    )
}

fn member(key: &str, value: Json) -> (String, Json) {
    (key.to_string(), value)
}

/// Writes an assessment, every field present, keys in a stable order.
pub(crate) fn assessment_to_json(a: &Assessment) -> Json {
    Json::Object(vec![
        member("model_version", text(&a.model_version)),
        member("organisation", text(&a.organisation)),
        member("assessor", text(&a.assessor)),
        member("answers", answer_object(&a.answers)),
        member("notes", text_object(&a.notes)),
        member(
            "evidence",
            Json::Object(
                a.evidence
                    .iter()
                    .map(|(id, e)| {
                        member(
                            id,
                            Json::Object(vec![
                                member("who", text(&e.who)),
                                member("when", text(&e.when)),
                                member("link", text(&e.link)),
                                member("review_by", text(&e.review_by)),
                            ]),
                        )
                    })
                    .collect(),
            ),
        ),
        member("unclear", text_object(&a.unclear)),
        member("checklist", texts(&a.checklist)),
        member(
            "pilot",
            Json::Object(vec![
                member("department", text(&a.pilot.department)),
                member("evaluation", text(&a.pilot.evaluation)),
            ]),
        ),
        member(
            "pilot_iterations",
            Json::Array(
                a.pilot_iterations
                    .iter()
                    .map(|it| {
                        Json::Object(vec![
                            member("date", text(&it.date)),
                            member("failed_criteria", texts(&it.failed_criteria)),
                            member("open_criteria", texts(&it.open_criteria)),
                            member("evaluation", text(&it.evaluation)),
                            member("gate_answers", answer_object(&it.gate_answers)),
                            member("retrain", texts(&it.retrain)),
                            member("retrained", text_object(&it.retrained)),
                        ])
                    })
                    .collect(),
            ),
        ),
        member(
            "cycles",
            Json::Array(
                a.cycles
                    .iter()
                    .map(|c| {
                        Json::Object(vec![
                            member(
                                "signs",
                                Json::Object(
                                    c.signs
                                        .iter()
                                        .map(|(k, o)| (k.clone(), text(o.token())))
                                        .collect(),
                                ),
                            ),
                            member("notes", text_object(&c.notes)),
                        ])
                    })
                    .collect(),
            ),
        ),
        member(
            "plan",
            Json::Object(
                a.plan
                    .iter()
                    .map(|(id, e)| {
                        member(
                            id,
                            Json::Object(vec![
                                member("owner", text(&e.owner)),
                                member("due", text(&e.due)),
                                member("status", text(e.status.token())),
                                member("reason", text(&e.reason)),
                                member("note", text(&e.note)),
                            ]),
                        )
                    })
                    .collect(),
            ),
        ),
        member(
            "respondent",
            match a.respondent {
                Some(token) => text(&token.to_string()),
                None => Json::Null,
            },
        ),
        member(
            "rounds",
            Json::Array(
                a.rounds
                    .iter()
                    .map(|r| {
                        Json::Object(vec![
                            member("date", text(&r.date)),
                            member("assessment", assessment_to_json(&r.assessment)),
                        ])
                    })
                    .collect(),
            ),
        ),
        member("round_started", text(&a.round_started)),
        member(
            "carried",
            Json::Object(
                a.carried
                    .iter()
                    .map(|(id, n)| member(id, Json::from_u64((*n).into())))
                    .collect(),
            ),
        ),
        member(
            "tracker",
            match &a.tracker {
                Some(t) => Json::Object(vec![
                    member("kind", text(t.kind.token())),
                    member("project", text(&t.project)),
                ]),
                None => Json::Null,
            },
        ),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::formats::json::parse;
    use crate::domain::model::example::raccoons_inc;

    fn read(text: &str) -> Result<Assessment, FieldError> {
        let v = parse(text).unwrap();
        assessment_from_json(&At::root(&v, "assessment"))
    }

    #[test]
    fn an_assessment_reads_back_as_written() {
        let a = raccoons_inc();
        let v = assessment_to_json(&a);
        assert_eq!(read(&v.to_pretty()), Ok(a));
    }

    #[test]
    fn missing_fields_are_empty_and_unknown_fields_ignored() {
        let a = read(r#"{"organisation": "Min", "future_field": [1, 2]}"#).unwrap();
        assert_eq!(a.organisation, "Min");
        assert_eq!(a.model_version, MODEL_VERSION);
        assert!(a.answers.is_empty() && a.cycles.is_empty());
    }

    #[test]
    fn a_wrong_value_names_its_field_and_what_was_expected() {
        assert_eq!(
            read(r#"{"answers": {"precondition.coe.training_owner": "maybe"}}"#)
                .unwrap_err()
                .to_string(),
            "assessment.answers[\"precondition.coe.training_owner\"] should be “yes”, “no” or “not_sure”, but is “maybe”"
        );
        assert_eq!(
            read(r#"{"organisation": 42}"#).unwrap_err().to_string(),
            "assessment.organisation should be text, but is 42"
        );
        assert_eq!(
            read(r#"{"checklist": "step.coe.design_workflows"}"#)
                .unwrap_err()
                .to_string(),
            "assessment.checklist should be a list, but is “step.coe.design_workflows”"
        );
        assert_eq!(
            read(r#"{"pilot_iterations": [{"failed_criteria": []}]}"#)
                .unwrap_err()
                .to_string(),
            "assessment.pilot_iterations[0].date should be present, but is missing"
        );
        assert_eq!(
            read(r#"{"cycles": [{"signs": {"stability.lower_variance": true}}]}"#)
                .unwrap_err()
                .to_string(),
            "assessment.cycles[0].signs[\"stability.lower_variance\"] should be “seen”, “not_seen” or “not_sure”, but is true or false"
        );
    }

    #[test]
    fn the_tracker_travels_and_an_address_the_app_would_not_keep_is_refused() {
        let mut a = raccoons_inc();
        a.tracker = Tracker::parse(TrackerKind::GitLab, "gitlab.acme.example/ops/koom").ok();
        let written = assessment_to_json(&a).to_pretty();
        assert!(
            written.contains(r#""project": "https://gitlab.acme.example/ops/koom""#),
            "{written}"
        );
        assert_eq!(read(&written), Ok(a));
        assert_eq!(read(r#"{"organisation": "Min"}"#).unwrap().tracker, None);
        assert_eq!(read(r#"{"tracker": null}"#).unwrap().tracker, None);
        // An address the app reads is kept as read: one written otherwise still opens.
        assert_eq!(
            read(r#"{"tracker": {"kind": "github", "project": "https://GitHub.com/acme/rollout/issues"}}"#)
                .unwrap()
                .tracker
                .map(|t| t.project),
            Some("https://github.com/acme/rollout".to_string())
        );

        for (bad, message) in [
            (
                r#"{"kind": "github", "project": "javascript:alert(1)"}"#,
                "assessment.tracker.project should be the http(s) address of a GitHub project, such as https://github.com/acme/koom-rollout, but is “javascript:alert(1)”",
            ),
            (
                r#"{"kind": "github", "project": "https://github.com/acme"}"#,
                "assessment.tracker.project should be the http(s) address of a GitHub project, such as https://github.com/acme/koom-rollout, but is “https://github.com/acme”",
            ),
            (
                r#"{"kind": "jira", "project": "https://acme.atlassian.net/x/y"}"#,
                "assessment.tracker.kind should be \"github\" or \"gitlab\", but is “jira”",
            ),
        ] {
            assert_eq!(
                read(&format!(r#"{{"tracker": {bad}}}"#)).unwrap_err().to_string(),
                message
            );
        }
    }

    #[test]
    fn the_respondent_token_travels_and_a_malformed_one_is_named() {
        let mut a = raccoons_inc();
        a.respondent = RespondentToken::parse("3f09a1c4e87b2d56");
        let written = assessment_to_json(&a).to_pretty();
        assert!(
            written.contains(r#""respondent": "3f09a1c4e87b2d56""#),
            "{written}"
        );
        assert_eq!(read(&written), Ok(a));

        // Files and records from before tokens, and ones written without a token, have none.
        assert_eq!(read(r#"{"organisation": "Min"}"#).unwrap().respondent, None);
        assert_eq!(read(r#"{"respondent": null}"#).unwrap().respondent, None);
        assert!(assessment_to_json(&Assessment::default())
            .to_pretty()
            .contains(r#""respondent": null"#));

        for (bad, found) in [
            (r#""3f09a1c4e87b2d5""#, "“3f09a1c4e87b2d5”"),
            (r#""Ben (COO)""#, "“Ben (COO)”"),
            ("42", "42"),
        ] {
            assert_eq!(
                read(&format!(r#"{{"respondent": {bad}}}"#)).unwrap_err().to_string(),
                format!("assessment.respondent should be a respondent token (16 hexadecimal digits) or null, but is {found}")
            );
        }
    }
}
