//! A team view as data (`docs/team-file.md`): its record in the library and its file, both
//! with each respondent's answers in the assessment layout of `codec.rs`, so a team view
//! reopens without the links it was made from; and the import that takes either kind of file.
//!
//! Record schema history:
//! - 1: `{"schema":1,"kind":"team","id":…,"revision":…,"updated_at":…,"team":{…}}`.
//! - 2: the team may hold `"agreement"` (what its meeting agreed, and the library id of the
//!   consensus assessment saved from it). A version that knows only schema 1 would drop it on
//!   saving, so it opens schema 2 read-only.
//!
//! A team record must be stored under a key of its own (not with the assessments'): a version
//! of the app that knows no team view reads every key of the assessments' prefix as an
//! assessment record, and would set a team record aside as unreadable.

use crate::domain::formats::codec::{
    answer, assessment_from_json, assessment_to_json, At, FieldError,
};
use crate::domain::formats::file::{
    content, file_json, file_kind, file_model_version, file_text, slug_or, unknown_ids, FileError,
    FileKind, TEAM_FILE_FORMAT, TEAM_FILE_FORMAT_VERSION,
};
use crate::domain::formats::json::{self, Json};
use crate::domain::formats::records::{envelope, schema_of};
use crate::domain::formats::repository::{record_kind, unreadable, RecordError};
use crate::domain::model::assessment::{over_limit, Assessment};
use crate::domain::model::items::MODEL_VERSION;
use crate::domain::model::limits::{OverLimit, TextKind};
use crate::domain::team::{
    Agreement, Respondent, Team, TeamBuilder, TeamError, MAX_DISSENT, MAX_RESPONDENTS,
};

/// Current schema of a team view's library record.
pub const TEAM_SCHEMA_VERSION: u32 = 2;
/// The `kind` field of a team view's library record.
pub const TEAM_RECORD_KIND: &str = "team";

/// A team view as saved in the library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedTeam {
    /// Schema of this record.
    pub schema: u32,
    /// Stable id of the team view in the library.
    pub id: String,
    /// Incremented at every save; a mismatch means another tab wrote in between.
    pub revision: u64,
    /// Time of the last change, in whole milliseconds since the Unix epoch.
    pub updated_at: u64,
    /// The team view, with every respondent's answers.
    pub team: Team,
}

fn member(key: &str, value: Json) -> (String, Json) {
    (key.to_string(), value)
}

/// Where a team is written: the library's record keeps the id of the consensus assessment
/// saved from its agreement; a file does not (an id means nothing in another browser).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Written {
    Record,
    File,
}

/// The agreement's JSON, `None` when there is nothing to write (a team without one is written
/// as before agreements existed).
fn agreement_to_json(agreement: &Agreement, written: Written) -> Option<Json> {
    let saved_as = agreement
        .saved_as
        .as_ref()
        .filter(|_| written == Written::Record);
    if agreement.is_empty() && saved_as.is_none() {
        return None;
    }
    let agreed = agreement
        .agreed
        .iter()
        .map(|a| {
            let mut fields = vec![member("answer", Json::String(a.answer.token().into()))];
            if !a.dissent.is_empty() {
                fields.push(member(
                    "dissent",
                    Json::Array(
                        a.dissent
                            .iter()
                            .map(|d| {
                                Json::Object(vec![
                                    member("who", Json::String(d.who.clone())),
                                    member("why", Json::String(d.why.clone())),
                                ])
                            })
                            .collect(),
                    ),
                ));
            }
            member(a.question_id, Json::Object(fields))
        })
        .collect();
    let mut fields = vec![member("agreed", Json::Object(agreed))];
    if let Some(id) = saved_as {
        fields.push(member("saved_as", Json::String(id.clone())));
    }
    Some(Json::Object(fields))
}

/// Reads a team's agreement (absent: none) into `team`: each question id must be the model's,
/// each answer a token, each dissent named; a file's texts must be within their limits (a
/// record's are cut to them, as the app does).
fn agreement_from_json(at: &At, team: &mut Team, written: Written) -> Result<(), FieldError> {
    let Some(at) = at.field("agreement")? else {
        return Ok(());
    };
    at.members()?;
    if let Some(agreed) = at.field("agreed")? {
        for (id, item) in agreed.entries()? {
            item.members()?;
            let agreed = answer(&item.required("answer")?)?;
            if team.agreement.agree(&id, Some(agreed)).is_err() {
                return Err(FieldError {
                    path: format!("{}.agreed", at.path),
                    expected: tr!("keyed by the model's question ids").into(),
                    found: trf!("keyed by “{id}”", id = id),
                });
            }
            let Some(list) = item.field("dissent")? else {
                continue;
            };
            let list = list.items()?;
            if list.len() > MAX_DISSENT {
                return item.fail(&trf!("at most {max} dissents", max = MAX_DISSENT));
            }
            for d in &list {
                d.members()?;
                let who_at = d.required("who")?;
                let who = who_at.string()?;
                let why = match d.field("why")? {
                    Some(w) => w.string()?,
                    None => String::new(),
                };
                let over = |text: &str, kind: TextKind| text.chars().count() > kind.max_chars();
                if written == Written::File
                    && (over(&who, TextKind::Name) || over(&why, TextKind::Remark))
                {
                    return d.fail(&trf!(
                        "a dissent with a name of at most {name} characters and a reason of at most {reason}",
                        name = TextKind::Name.max_chars(),
                        reason = TextKind::Remark.max_chars()
                    ));
                }
                if team.agreement.dissent(&id, &who, &why).is_err() {
                    return who_at.fail(tr!("a name"));
                }
            }
        }
    }
    if written == Written::Record {
        team.agreement.saved_as = at.field("saved_as")?.map(|s| s.string()).transpose()?;
    }
    Ok(())
}

fn team_to_json(team: &Team, written: Written) -> Json {
    let mut fields = vec![
        member("title", Json::String(team.title.clone())),
        member(
            "respondents",
            Json::Array(
                team.respondents
                    .iter()
                    .map(|r| {
                        Json::Object(vec![
                            member(
                                "name",
                                r.name
                                    .as_ref()
                                    .map_or(Json::Null, |n| Json::String(n.clone())),
                            ),
                            member("assessment", assessment_to_json(&r.assessment)),
                        ])
                    })
                    .collect(),
            ),
        ),
    ];
    fields.extend(agreement_to_json(&team.agreement, written).map(|a| member("agreement", a)));
    Json::Object(fields)
}

/// The title (absent: none) and the list of respondents (required) of a team's JSON.
fn team_parts<'a>(at: &At<'a>) -> Result<(String, Vec<At<'a>>), FieldError> {
    at.members()?;
    let title = match at.field("title")? {
        Some(t) => t.string()?,
        None => String::new(),
    };
    Ok((title, at.required("respondents")?.items()?))
}

/// One respondent's name (absent or `null`: anonymous) and answers.
fn respondent_parts(at: &At) -> Result<(Option<String>, Assessment), FieldError> {
    at.members()?;
    let name = at.field("name")?.map(|n| n.string()).transpose()?;
    Ok((name, assessment_from_json(&at.required("assessment")?)?))
}

/// A team as a record holds it: every respondent kept as written (normalised), none refused.
fn team_from_record(at: &At) -> Result<Team, FieldError> {
    let (title, list) = team_parts(at)?;
    let mut team = Team::new(&title);
    for r in &list {
        let (name, assessment) = respondent_parts(r)?;
        team.respondents
            .push(Respondent::new(name.as_deref(), assessment));
    }
    agreement_from_json(at, &mut team, Written::Record)?;
    Ok(team)
}

fn saved_team_from_json(v: &Json, schema: u32) -> Result<SavedTeam, FieldError> {
    let at = At::root(v, "record");
    let (id, revision, updated_at) = envelope(&at)?;
    Ok(SavedTeam {
        schema,
        id,
        revision,
        updated_at,
        team: team_from_record(&at.required("team")?)?,
    })
}

/// A record's JSON and schema, if it is a team view's record.
fn team_record(raw: &str) -> Result<(Json, u32), RecordError<SavedTeam>> {
    let value = json::parse(raw).map_err(unreadable)?;
    match value.get("kind") {
        Some(Json::String(kind)) if kind == TEAM_RECORD_KIND => {}
        Some(Json::String(kind)) => {
            return Err(unreadable(trf!(
                "a record of kind “{kind}”, not a team view",
                kind = kind
            )))
        }
        _ => return Err(unreadable(tr!("not a team view record (no kind)"))),
    }
    let schema = schema_of(&value)?;
    Ok((value, schema))
}

/// Reads a team view's library record. A record of a newer schema is
/// [`RecordError::NewerSchema`] (never to be overwritten; its `readable` is always `None`
/// here: [`decode_newer_saved_team`] reads what it can, to show read-only).
pub fn decode_saved_team(raw: &str) -> Result<SavedTeam, RecordError<SavedTeam>> {
    let (value, schema) = team_record(raw)?;
    match schema {
        1..=TEAM_SCHEMA_VERSION => saved_team_from_json(&value, schema).map_err(unreadable),
        newer if newer > TEAM_SCHEMA_VERSION => Err(RecordError::NewerSchema {
            schema: newer,
            readable: None,
        }),
        other => Err(unreadable(trf!("unknown schema {schema}", schema = other))),
    }
}

/// What this version can make of a team view record of a newer schema, to show read-only;
/// `None` if it is not one, or not even that can be read.
pub fn decode_newer_saved_team(raw: &str) -> Option<SavedTeam> {
    let (value, schema) = team_record(raw).ok()?;
    (schema > TEAM_SCHEMA_VERSION)
        .then(|| saved_team_from_json(&value, schema).ok())
        .flatten()
}

/// Writes a team view's library record.
pub fn encode_saved_team(record: &SavedTeam) -> String {
    Json::Object(vec![
        member("schema", Json::from_u64(record.schema.into())),
        member("kind", Json::String(TEAM_RECORD_KIND.into())),
        member("id", Json::String(record.id.clone())),
        member("revision", Json::from_u64(record.revision)),
        member("updated_at", Json::from_u64(record.updated_at)),
        member("team", team_to_json(&record.team, Written::Record)),
    ])
    .to_compact()
}

/// Prefix of team view records: one per team view, by id. Apart from the assessments, so
/// versions that know no team view never take one for a damaged assessment.
pub const TEAM_PREFIX: &str = "koom-readiness/team/";

record_kind!(
    SavedTeam,
    prefix: TEAM_PREFIX,
    schema: TEAM_SCHEMA_VERSION,
    encode: encode_saved_team,
    decode: team_from_storage,
);

/// A team view's record as the library reads it: a newer schema's carries what this version
/// can read of it, to show read-only.
fn team_from_storage(raw: &str, _id: &str, _now: u64) -> Result<SavedTeam, RecordError<SavedTeam>> {
    decode_saved_team(raw).map_err(|e| match e {
        RecordError::NewerSchema { schema, .. } => RecordError::NewerSchema {
            schema,
            readable: decode_newer_saved_team(raw).map(Box::new),
        },
        unreadable => unreadable,
    })
}

/// The team file format version a team needs: 2 to carry an agreement, else 1, so that a team
/// without one opens in versions that read only format 1 (`docs/team-file.md`).
fn team_file_version(team: &Team) -> u32 {
    if team.agreement.is_empty() {
        1
    } else {
        TEAM_FILE_FORMAT_VERSION
    }
}

/// Writes a team view as a file (JSON indented by two spaces, stable key order).
pub fn encode_team_file(team: &Team, exported_at: &str) -> String {
    let mut text = Json::Object(vec![
        member("format", Json::String(TEAM_FILE_FORMAT.into())),
        member("version", Json::from_u64(team_file_version(team).into())),
        member("model_version", Json::String(MODEL_VERSION.into())),
        member("exported_at", Json::String(exported_at.into())),
        member("team", team_to_json(team, Written::File)),
    ])
    .to_pretty();
    text.push('\n');
    text
}

/// A file name for a team view's export or report, from its title:
/// `koom-readiness-team-<title>-<date>.<extension>`.
pub fn team_file_name(team: &Team, date: &str, extension: &str) -> String {
    let slug = slug_or(&team.title, "view");
    format!("koom-readiness-team-{slug}-{date}.{extension}")
}

/// Reads and fully validates an imported team view file (`docs/team-file.md`).
pub fn decode_team_file(text: &str) -> Result<Team, FileError> {
    team_from_file(&file_json(text)?)
}

/// A text of a team file over the limit of a name.
fn name_over(path: String, text: &str) -> Option<OverLimit> {
    let count = text.chars().count();
    (count > TextKind::Name.max_chars()).then(|| OverLimit {
        path,
        what: TextKind::Name.label(),
        count,
        max: TextKind::Name.max_chars(),
    })
}

/// Checks 5 to 11 of `docs/team-file.md`, on the file's JSON.
fn team_from_file(value: &Json) -> Result<Team, FileError> {
    match file_kind(value) {
        Some(FileKind::Team) => {}
        Some(found) => return Err(FileError::WrongKind { found }),
        None => return Err(FileError::NotATeamFile),
    }
    let version = value
        .get("version")
        .and_then(Json::as_u64)
        .ok_or(FileError::UnsupportedTeamVersion { version: 0 })?;
    if version == 0 || version > u64::from(TEAM_FILE_FORMAT_VERSION) {
        return Err(FileError::UnsupportedTeamVersion { version });
    }
    let at = At::root(value, "file");
    let model_version = file_model_version(&at)?;
    if model_version != MODEL_VERSION {
        return Err(FileError::UnknownModel { model_version });
    }
    let (title, list) = team_parts(&at.required("team").map_err(content)?).map_err(content)?;
    if list.len() > MAX_RESPONDENTS {
        return Err(FileError::TooManyRespondents { count: list.len() });
    }
    if let Some(over) = name_over("team.title".into(), &title) {
        return Err(FileError::OverLimit(over));
    }
    let mut team = TeamBuilder::new(&title);
    for (i, r) in list.iter().enumerate() {
        let (name, assessment) = respondent_parts(r).map_err(content)?;
        let position = i + 1;
        let shown = Respondent::new(name.as_deref(), Assessment::default()).name;
        if assessment.model_version != MODEL_VERSION {
            return Err(FileError::Team {
                respondent: position,
                error: TeamError::OtherModel {
                    label: shown
                        .clone()
                        .unwrap_or_else(|| trf!("Respondent {number}", number = position)),
                    model_version: assessment.model_version,
                },
                name: shown,
            });
        }
        let path = format!("team.respondents[{i}]");
        let over = name
            .as_deref()
            .and_then(|n| name_over(format!("{path}.name"), n))
            .or_else(|| {
                over_limit(&assessment).map(|o| OverLimit {
                    path: format!("{path}.{}", o.path),
                    ..o
                })
            });
        if let Some(over) = over {
            return Err(FileError::OverLimit(over));
        }
        let unknown = unknown_ids(&assessment);
        if !unknown.is_empty() {
            return Err(FileError::RespondentUnknownIds {
                respondent: position,
                name: shown,
                ids: unknown.into_iter().collect(),
            });
        }
        team.add(Respondent::new(name.as_deref(), assessment))
            .map_err(|error| FileError::Team {
                respondent: position,
                name: shown,
                error,
            })?;
    }
    let mut team = team.finish();
    agreement_from_json(
        &at.required("team").map_err(content)?,
        &mut team,
        Written::File,
    )
    .map_err(content)?;
    Ok(team)
}

/// What an imported file holds: an assessment or a team view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportedFile {
    /// An assessment file (`docs/file-format.md`), boxed: it is the larger value.
    Assessment(Box<Assessment>),
    /// A team view file (`docs/team-file.md`).
    Team(Team),
}

/// Reads and fully validates an imported file of either kind, told apart by its `format`:
/// one box takes both. Neither kind: [`FileError::NotAKoomFile`].
pub fn decode_any_file(bytes: &[u8]) -> Result<ImportedFile, FileError> {
    let value = file_json(file_text(bytes)?)?;
    match file_kind(&value) {
        Some(FileKind::Assessment) => crate::domain::formats::file::assessment_from_file(&value)
            .map(|a| ImportedFile::Assessment(Box::new(a))),
        Some(FileKind::Team) => team_from_file(&value).map(ImportedFile::Team),
        None => Err(FileError::NotAKoomFile),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::formats::file::{decode_file, encode_file, MAX_FILE_BYTES};
    use crate::domain::model::answer::Answer;
    use crate::domain::model::example::raccoons_inc;
    use crate::domain::model::items::all_questions;

    fn sample() -> Team {
        let mut team = Team::new("Acme leadership, March");
        let mut ann = raccoons_inc();
        ann.assessor = "Ann Archer".into();
        team.add(Respondent::new(Some("Ann"), ann)).unwrap();
        let mut anonymous = raccoons_inc();
        anonymous.assessor = "Zoe Secret".into();
        anonymous.set_answer("red_flag.no_time_for_structure", Some(Answer::Yes));
        team.add(Respondent::new(None, anonymous)).unwrap();
        team
    }

    fn exported() -> String {
        encode_team_file(&sample(), "2026-11-24")
    }

    fn message(text: &str) -> String {
        decode_team_file(text).unwrap_err().to_string()
    }

    #[test]
    fn a_saved_team_round_trips_and_carries_its_kind() {
        let record = SavedTeam {
            schema: TEAM_SCHEMA_VERSION,
            id: "t1".into(),
            revision: 3,
            updated_at: 1_700_000_000_000,
            team: sample(),
        };
        let raw = encode_saved_team(&record);
        assert!(raw.starts_with(r#"{"schema":2,"kind":"team","id":"t1","revision":3,"updated_at":1700000000000,"team":{"title":"Acme leadership, March","respondents":[{"name":"Ann","assessment":{"model_version":"1.0","organisation":"Raccoons Incorporated","assessor":"Ann Archer","answers":{"#));
        assert!(raw.contains(r#"{"name":null,"assessment":{"model_version":"1.0","organisation":"Raccoons Incorporated","assessor":"","#));
        assert!(!raw.contains("Zoe"));
        assert_eq!(decode_saved_team(&raw), Ok(record));
    }

    #[test]
    fn a_newer_team_record_is_never_read_as_current_but_can_be_shown() {
        let raw = r#"{"schema":3,"kind":"team","id":"t9","revision":1,"updated_at":5,"team":{"title":"Future","respondents":[]},"weights":{}}"#;
        assert_eq!(
            decode_saved_team(raw),
            Err(RecordError::NewerSchema {
                schema: 3,
                readable: None
            })
        );
        let shown = decode_newer_saved_team(raw).expect("readable");
        assert_eq!((shown.schema, shown.team.title.as_str()), (3, "Future"));
        let current = encode_saved_team(&SavedTeam {
            schema: TEAM_SCHEMA_VERSION,
            id: "t1".into(),
            revision: 1,
            updated_at: 1,
            team: Team::new("Now"),
        });
        assert_eq!(decode_newer_saved_team(&current), None);
    }

    #[test]
    fn records_that_are_not_team_views_say_why() {
        let reason = |raw: &str| match decode_saved_team(raw) {
            Err(RecordError::Unreadable { reason }) => reason,
            other => panic!("unexpected {other:?}"),
        };
        assert_eq!(
            reason(r#"{"schema":3,"id":"a","revision":1,"updated_at":1,"assessment":{}}"#),
            "not a team view record (no kind)"
        );
        assert_eq!(
            reason(r#"{"schema":1,"kind":"survey"}"#),
            "a record of kind “survey”, not a team view"
        );
        assert_eq!(reason(r#"{"kind":"team"}"#), "no schema version");
        assert_eq!(
            reason(r#"{"kind":"team","schema":"1"}"#),
            "the schema version is not a whole number"
        );
        assert_eq!(reason(r#"{"kind":"team","schema":0}"#), "unknown schema 0");
        assert_eq!(
            reason(
                r#"{"kind":"team","schema":1,"id":"t","revision":1,"updated_at":1,"team":{"respondents":[{"name":7}]}}"#
            ),
            "record.team.respondents[0].name should be text, but is 7"
        );
        assert_eq!(
            reason(r#"{"kind":"team","schema":1,"id":"t","revision":1,"updated_at":1,"team":{}}"#),
            "record.team.respondents should be present, but is missing"
        );
        assert_eq!(
            decode_saved_team("{").unwrap_err().to_string(),
            "unreadable (the text ends too early at line 1, column 2)"
        );
    }

    #[test]
    fn a_record_keeps_an_anonymous_respondent_anonymous() {
        let raw = r#"{"schema":1,"kind":"team","id":"t","revision":1,"updated_at":1,"team":{"title":"T","respondents":[{"name":null,"assessment":{"assessor":"Zoe Secret","notes":{"precondition.coe":"Zoe says"}}}]}}"#;
        let r = &decode_saved_team(raw).unwrap().team.respondents[0];
        assert_eq!(
            (r.assessment.assessor.as_str(), r.assessment.notes.len()),
            ("", 0)
        );
    }

    #[test]
    fn export_then_import_is_identical_and_names_no_anonymous_assessor() {
        let text = exported();
        assert!(text.starts_with("{\n  \"format\": \"koom-readiness/team\",\n  \"version\": 1,\n  \"model_version\": \"1.0\",\n  \"exported_at\": \"2026-11-24\",\n  \"team\": {\n    \"title\": \"Acme leadership, March\",\n    \"respondents\": [\n      {\n        \"name\": \"Ann\",\n"));
        assert!(text.contains("        \"name\": null,\n"));
        assert!(!text.contains("Zoe"));
        assert_eq!(decode_team_file(&text), Ok(sample()));
        assert_eq!(
            decode_any_file(text.as_bytes()),
            Ok(ImportedFile::Team(sample()))
        );
        let blank = Team::new("");
        assert_eq!(
            decode_team_file(&encode_team_file(&blank, "2026-11-24")),
            Ok(blank)
        );
    }

    fn agreed() -> Team {
        let mut team = sample();
        team.agreement
            .agree("red_flag.no_time_for_structure", Some(Answer::No))
            .unwrap();
        team.agreement
            .dissent(
                "red_flag.no_time_for_structure",
                "Ben",
                "We had no slack in March.",
            )
            .unwrap();
        team.agreement
            .agree("maturity.truth.audit_uncensored", Some(Answer::NotSure))
            .unwrap();
        team.agreement.saved_as = Some("19b3-0a1b2c3d".into());
        team
    }

    #[test]
    fn an_agreement_round_trips_in_the_record_and_in_the_file_without_its_library_id() {
        let record = SavedTeam {
            schema: TEAM_SCHEMA_VERSION,
            id: "t1".into(),
            revision: 1,
            updated_at: 1,
            team: agreed(),
        };
        let raw = encode_saved_team(&record);
        assert!(raw.ends_with(r#""agreement":{"agreed":{"maturity.truth.audit_uncensored":{"answer":"not_sure"},"red_flag.no_time_for_structure":{"answer":"no","dissent":[{"who":"Ben","why":"We had no slack in March."}]}},"saved_as":"19b3-0a1b2c3d"}}}"#), "{raw}");
        assert_eq!(decode_saved_team(&raw), Ok(record));

        let file = encode_team_file(&agreed(), "2026-12-03");
        assert!(file.contains("  \"version\": 2,\n"));
        assert!(
            !file.contains("19b3"),
            "a library id means nothing elsewhere"
        );
        let mut expected = agreed();
        expected.agreement.saved_as = None;
        assert_eq!(decode_team_file(&file), Ok(expected));
        // Without an agreement the file is what format 1 wrote, for versions that read only it.
        assert!(exported().contains("  \"version\": 1,\n"));
        assert!(!exported().contains("agreement"));
        // A record of schema 1 (before agreements) reads as it was.
        let old = encode_saved_team(&SavedTeam {
            schema: 1,
            id: "t1".into(),
            revision: 1,
            updated_at: 1,
            team: sample(),
        })
        .replacen(r#"{"schema":2"#, r#"{"schema":1"#, 1);
        assert_eq!(decode_saved_team(&old).map(|r| r.team), Ok(sample()));
    }

    #[test]
    fn a_wrong_agreement_in_a_file_is_refused_and_named() {
        let file = encode_team_file(&agreed(), "2026-12-03");
        let refused = |from: &str, to: &str| {
            assert!(file.contains(from), "{from}");
            message(&file.replacen(from, to, 1))
        };
        assert_eq!(
            refused("\"maturity.truth.audit_uncensored\": {", "\"maturity.invented\": {"),
            "The file is damaged or was edited by hand: file.team.agreement.agreed should be keyed by the model's question ids, but is keyed by “maturity.invented”."
        );
        assert_eq!(
            refused("\"answer\": \"no\"", "\"answer\": \"maybe\""),
            "The file is damaged or was edited by hand: file.team.agreement.agreed[\"red_flag.no_time_for_structure\"].answer should be “yes”, “no” or “not_sure”, but is “maybe”."
        );
        assert_eq!(
            refused("\"who\": \"Ben\"", "\"who\": \" \""),
            "The file is damaged or was edited by hand: file.team.agreement.agreed[\"red_flag.no_time_for_structure\"].dissent[0].who should be a name, but is “ ”."
        );
        let long = format!("\"why\": \"{}\"", "x".repeat(1001));
        assert!(refused("\"why\": \"We had no slack in March.\"", &long)
            .ends_with("dissent[0] should be a dissent with a name of at most 200 characters and a reason of at most 1000, but is an object."));
    }

    #[test]
    fn the_largest_team_file_is_under_the_import_limit() {
        let text = |n: usize| "😀".repeat(n);
        let mut team = TeamBuilder::new(&text(200));
        for i in 0..MAX_RESPONDENTS {
            let mut a = Assessment::new(&text(200), &text(200));
            for q in all_questions() {
                a.set_answer(q.id, Some(Answer::NotSure));
            }
            team.add(Respondent::new(Some(&format!("{}{i:03}", text(197))), a))
                .unwrap();
        }
        let mut team = team.finish();
        // And the largest agreement: every question agreed, each with the most dissents, every
        // name and reason at its limit.
        for q in all_questions() {
            team.agreement.agree(q.id, Some(Answer::No)).unwrap();
            for d in 0..MAX_DISSENT {
                let who = format!("{}{d:03}", text(TextKind::Name.max_chars() - 3));
                team.agreement
                    .dissent(q.id, &who, &text(TextKind::Remark.max_chars()))
                    .unwrap();
            }
        }
        let file = encode_team_file(&team, "2026-11-24");
        eprintln!("the largest team export: {} bytes", file.len());
        assert!(file.len() <= MAX_FILE_BYTES, "{} bytes", file.len());
        assert_eq!(decode_team_file(&file), Ok(team));
    }

    #[test]
    fn the_import_box_takes_both_kinds_and_tells_them_apart() {
        let assessment = encode_file(&raccoons_inc(), "2026-11-24");
        assert_eq!(
            decode_any_file(assessment.as_bytes()),
            Ok(ImportedFile::Assessment(Box::new(raccoons_inc())))
        );
        assert_eq!(
            message(&assessment),
            "This is a KOOM Readiness assessment file, not a team view: import it as an assessment, or add it to a team view as a respondent."
        );
        assert_eq!(
            decode_file(&exported()).unwrap_err().to_string(),
            "This is a KOOM Readiness team view file, not an assessment: import it as a team view."
        );
        assert_eq!(
            decode_any_file(br#"{"name": "koom-readiness"}"#)
                .unwrap_err()
                .to_string(),
            "This JSON file is not a KOOM Readiness assessment or team view (it has no \"format\": \"koom-readiness/assessment\" or \"koom-readiness/team\")."
        );
        assert_eq!(
            message(r#"{"format": "koom-readiness/survey"}"#),
            "This JSON file is not a KOOM Readiness team view (it has no \"format\": \"koom-readiness/team\")."
        );
        assert_eq!(
            decode_any_file(&[0xFF, 0xFE, b'{', 0]),
            Err(FileError::NotUtf8 { at: 0, utf16: true })
        );
        assert_eq!(decode_any_file(b" "), Err(FileError::Empty));
    }

    #[test]
    fn a_newer_or_unknown_team_file_version_is_refused() {
        assert_eq!(
            message(&exported().replacen("\"version\": 1", "\"version\": 3", 1)),
            "The team view file was written by a newer version of KOOM Readiness (team file format 3; this version reads format 2). Update the app to open it."
        );
        assert_eq!(
            message(&exported().replacen("\"version\": 1,", "", 1)),
            "The file has an unknown team file format version (0; this version reads format 2)."
        );
    }

    #[test]
    fn another_model_version_is_refused_for_the_file_or_one_respondent() {
        assert_eq!(
            message(&exported().replacen(
                "\"model_version\": \"1.0\"",
                "\"model_version\": \"2.0\"",
                1
            )),
            "The file answers KOOM Deployment Readiness Layer v2.0; this app implements v1.0."
        );
        // The first is the file's own, the second Ann's, the third the anonymous respondent's.
        let mut nth = 0;
        let text = exported()
            .split("\"model_version\": \"1.0\"")
            .map(str::to_string)
            .reduce(|acc, part| {
                nth += 1;
                let v = if nth == 3 { "1.1" } else { "1.0" };
                format!("{acc}\"model_version\": \"{v}\"{part}")
            })
            .unwrap();
        assert_eq!(
            message(&text),
            "In the file, respondent 2 answered KOOM Deployment Readiness Layer v1.1; this app implements v1.0."
        );
    }

    #[test]
    fn wrong_values_name_their_field() {
        assert_eq!(
            message(&exported().replacen("\"yes\"", "\"maybe\"", 1)),
            "The file is damaged or was edited by hand: file.team.respondents[0].assessment.answers[\"green_flag.audit_accepted_as_truth\"] should be “yes”, “no” or “not_sure”, but is “maybe”."
        );
        assert_eq!(
            message(r#"{"format": "koom-readiness/team", "version": 1, "team": {"respondents": {}}}"#),
            "The file is damaged or was edited by hand: file.team.respondents should be a list, but is an object."
        );
        assert_eq!(
            message(r#"{"format": "koom-readiness/team", "version": 1}"#),
            "The file is damaged or was edited by hand: file.team should be present, but is missing."
        );
        assert_eq!(
            message(r#"{"format": "koom-readiness/team", "version": 1, "team": {"respondents": [{"name": "Ann"}]}}"#),
            "The file is damaged or was edited by hand: file.team.respondents[0].assessment should be present, but is missing."
        );
    }

    #[test]
    fn a_key_twice_is_refused_by_the_reader() {
        let text = exported().replacen(
            "\"name\": \"Ann\",",
            "\"name\": \"Ann\",\n        \"name\": \"Bob\",",
            1,
        );
        assert_eq!(
            message(&text),
            "The file lists “name” twice in the same place (again at line 11), so which value counts would be a guess."
        );
    }

    /// A team file of respondents given as (name as JSON, answers as JSON members).
    fn file_of(respondents: &[(&str, &str)]) -> String {
        team_file_of(
            respondents
                .iter()
                .map(|(name, answers)| (*name, format!(r#"{{"answers": {{{answers}}}}}"#))),
        )
    }

    /// A team file of respondents given as (name as JSON, assessment as a JSON object).
    fn team_file_of<'a>(respondents: impl Iterator<Item = (&'a str, String)>) -> String {
        let list: Vec<String> = respondents
            .map(|(name, assessment)| format!(r#"{{"name": {name}, "assessment": {assessment}}}"#))
            .collect();
        format!(
            r#"{{"format": "koom-readiness/team", "version": 1, "team": {{"title": "T", "respondents": [{}]}}}}"#,
            list.join(", ")
        )
    }

    #[test]
    fn the_same_respondent_twice_or_a_name_twice_is_refused() {
        let yes = r#""red_flag.no_time_for_structure": "yes""#;
        let no = r#""red_flag.no_time_for_structure": "no""#;
        assert_eq!(
            message(&file_of(&[("null", yes), ("\"Ann\"", no), ("null", yes)])),
            "The file lists the same anonymous answers twice (Respondent 1, again as respondent 3): a respondent counts once."
        );
        assert_eq!(
            message(&file_of(&[("\"Ann\"", yes), ("\"ann\"", yes)])),
            "The file lists Ann twice with the same answers (again as respondent 2): a respondent counts once."
        );
        assert_eq!(
            message(&file_of(&[("\"Ann\"", yes), ("\"ANN\"", no)])),
            "The file names two respondents Ann (again as respondent 2): which answers are Ann's would be a guess."
        );
        assert_eq!(
            message(&file_of(&[("\"Respondent 1\"", yes)])),
            "In the file, respondent 1 is named “Respondent 1”, which is how anonymous respondents are numbered."
        );
        let ok =
            decode_team_file(&file_of(&[("null", yes), ("\"\"", no), ("\"Ann\"", yes)])).unwrap();
        assert_eq!(ok.anonymous(), 2, "an empty name is anonymous");
    }

    #[test]
    fn respondent_tokens_tell_people_apart_and_one_token_twice_is_refused() {
        // A respondent's assessment: its answer to the red flag and its token.
        let file_of = |respondents: &[(&str, (&str, &str))]| {
            team_file_of(respondents.iter().map(|(name, (answer, token))| {
                (
                    *name,
                    format!(r#"{{"answers": {{"red_flag.no_time_for_structure": "{answer}"}}, "respondent": {token}}}"#),
                )
            }))
        };
        let yes = ("yes", r#""00000000000000a1""#);
        let yes_too = ("yes", r#""00000000000000b2""#);
        let no = ("no", r#""00000000000000a1""#);
        // The same answers, two tokens: two people.
        let two = decode_team_file(&file_of(&[("null", yes), ("null", yes_too)])).unwrap();
        assert_eq!(two.respondents.len(), 2);
        assert_eq!(
            message(&file_of(&[("\"Ann\"", yes), ("\"Ann B.\"", yes)])),
            "The file lists Ann twice (the same respondent token, again as respondent 2): a respondent counts once."
        );
        assert_eq!(
            message(&file_of(&[("null", yes), ("null", no)])),
            "The file lists Respondent 1 twice with different answers (the same respondent token, again as respondent 2): which answers are theirs would be a guess."
        );
        assert_eq!(
            message(&file_of(&[("\"Ann\"", yes), ("\"ann\"", yes_too)])),
            "The file names two respondents Ann (again as respondent 2): which answers are Ann's would be a guess."
        );
        assert_eq!(
            message(&file_of(&[("null", ("yes", r#""Ann""#))])),
            "The file is damaged or was edited by hand: file.team.respondents[0].assessment.respondent should be a respondent token (16 hexadecimal digits) or null, but is “Ann”."
        );
    }

    #[test]
    fn more_than_500_respondents_are_refused() {
        let list = vec![("null", ""); MAX_RESPONDENTS + 1];
        assert_eq!(
            message(&file_of(&list)),
            "The file lists 501 respondents; a team view holds at most 500."
        );
    }

    #[test]
    fn limits_and_ids_are_checked_per_respondent() {
        let long = format!("\"{}\"", "x".repeat(201));
        assert_eq!(
            message(&file_of(&[("null", ""), (&long, "")])),
            "team.respondents[1].name holds 201 (at most 200 for a name): it was not written by KOOM Readiness, or edited since."
        );
        let title = exported().replacen("Acme leadership, March", &"t".repeat(201), 1);
        assert_eq!(
            message(&title),
            "team.title holds 201 (at most 200 for a name): it was not written by KOOM Readiness, or edited since."
        );
        // The sample's respondents carry the evidence about questions: one more note, too long.
        let note = exported().replacen(
            "\"notes\": {",
            &format!(
                "\"notes\": {{\"precondition.coe\": \"{}\",",
                "n".repeat(4_001)
            ),
            1,
        );
        assert_eq!(
            message(&note),
            "team.respondents[0].assessment.notes[\"precondition.coe\"] holds 4,001 (at most 4,000 for an evidence note): it was not written by KOOM Readiness, or edited since."
        );
        assert_eq!(
            message(&file_of(&[("null", ""), ("\"Ann\"", r#""precondition.telepathy": "no", "x.y": "yes""#)])),
            "In the file, respondent 2 (Ann) refers to 2 items this model does not have: precondition.telepathy, x.y."
        );
        assert_eq!(
            message(&file_of(&[("null", r#""x.y": "yes""#)])),
            "In the file, respondent 1 refers to 1 item this model does not have: x.y."
        );
    }

    #[test]
    fn team_file_names_are_safe() {
        assert_eq!(
            team_file_name(&sample(), "2026-11-24", "json"),
            "koom-readiness-team-acme-leadership-march-2026-11-24.json"
        );
        assert_eq!(
            team_file_name(&Team::new(" / "), "2026-11-24", "md"),
            "koom-readiness-team-view-2026-11-24.md"
        );
    }
}
