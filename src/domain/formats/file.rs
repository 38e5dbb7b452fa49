//! The assessment file: the durable, documented, versioned export (`docs/file-format.md`),
//! and the strict validation of an imported one. An invalid file is explained and changes
//! nothing.

use std::collections::BTreeSet;
use std::fmt;

use crate::domain::formats::codec::{assessment_from_json, assessment_to_json, At, FieldError};
use crate::domain::formats::json::{self, Json, JsonErrorKind};
use crate::domain::formats::records::migrate_assessment;
use crate::domain::model::assessment::{over_limit, Assessment};
use crate::domain::model::items::{
    self as model, Completion, GATE_CRITERIA, MODEL_VERSION, STABILITY_SIGNS,
};
use crate::domain::model::limits::{group_thousands, OverLimit};
use crate::domain::team::{TeamError, MAX_RESPONDENTS};

/// The `format` field every assessment file carries.
pub const FILE_FORMAT: &str = "koom-readiness/assessment";
/// The current version of the file format. Version 5 added the issue tracker and the evidence
/// details; version 4 the rounds of re-assessment; version 3 the remediation plan; version 2 the
/// gate's answers, the steps to retrain and their confirmation to each pilot iteration; files of
/// versions 1 to 4 are still read.
pub const FILE_FORMAT_VERSION: u32 = 5;
/// The largest file accepted, in bytes: more than the largest file export can write (every
/// text at its limit, in four-byte characters; a test builds it). A complete assessment with
/// ordinary notes is a few tens of kilobytes.
pub const MAX_FILE_BYTES: usize = 8 * 1024 * 1024;
/// The `format` field of every team view file (here, beside the assessment's, because this
/// module tells the two kinds apart).
pub const TEAM_FILE_FORMAT: &str = "koom-readiness/team";
/// The current version of the team file format.
pub const TEAM_FILE_FORMAT_VERSION: u32 = 2;

/// Why an imported file was rejected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileError {
    /// Bigger than [`MAX_FILE_BYTES`].
    TooLarge {
        /// Its size.
        bytes: usize,
    },
    /// Nothing in it.
    Empty,
    /// Not UTF-8 text (another encoding, or not text at all).
    NotUtf8 {
        /// The byte offset of the first byte that is not UTF-8.
        at: usize,
        /// Whether it starts like UTF-16 text (a byte-order mark).
        utf16: bool,
    },
    /// It ends in the middle of the data.
    Truncated,
    /// Not JSON at all.
    NotJson {
        /// Line of the first error.
        line: usize,
        /// Column of the first error.
        column: usize,
        /// What is wrong there.
        detail: String,
    },
    /// The same key twice in one object (for example a question answered twice): which one
    /// counts would be a guess.
    DuplicateKey {
        /// The key.
        key: String,
        /// The line of its second appearance.
        line: usize,
    },
    /// JSON, but not an assessment file.
    WrongType,
    /// A file format version this app does not know.
    UnsupportedVersion {
        /// The version found.
        version: u64,
    },
    /// Answers given against a KOOM model version this app does not implement.
    UnknownModel {
        /// The model version found.
        model_version: String,
    },
    /// A field has a value of the wrong kind.
    InvalidContent {
        /// The field, what it should be, and what it is.
        detail: String,
    },
    /// A text longer than the app keeps, or too many cycles or iterations.
    OverLimit(OverLimit),
    /// Ids this model does not have.
    UnknownIds {
        /// The ids, sorted.
        ids: Vec<String>,
    },
    /// A KOOM Readiness file of the other kind than the one asked for (a team view where an
    /// assessment was expected, or the reverse).
    WrongKind {
        /// The kind the file is.
        found: FileKind,
    },
    /// JSON, but not a team view file.
    NotATeamFile,
    /// JSON, but neither an assessment file nor a team view file.
    NotAKoomFile,
    /// A team file format version this app does not know.
    UnsupportedTeamVersion {
        /// The version found.
        version: u64,
    },
    /// More respondents than a team view holds ([`crate::domain::team::MAX_RESPONDENTS`]).
    TooManyRespondents {
        /// How many the file lists.
        count: usize,
    },
    /// One respondent of a team file refers to ids this model does not have.
    RespondentUnknownIds {
        /// Its position in the file (1-based).
        respondent: usize,
        /// Its name, if named.
        name: Option<String>,
        /// The ids, sorted.
        ids: Vec<String>,
    },
    /// A respondent of a team file that a team cannot take (another model version, the same
    /// respondent twice, a name given twice or like an anonymous number).
    Team {
        /// Its position in the file (1-based).
        respondent: usize,
        /// Its name, if named.
        name: Option<String>,
        /// Why.
        error: TeamError,
    },
}

/// The two kinds of file KOOM Readiness writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// An assessment file ([`FILE_FORMAT`], `docs/file-format.md`).
    Assessment,
    /// A team view file (`koom-readiness/team`, `docs/team-file.md`).
    Team,
}

/// "respondent 3 (Ann)", or "respondent 3" for an anonymous one.
fn respondent(position: usize, name: &Option<String>) -> String {
    match name {
        Some(name) => trf!(
            "respondent {number} ({name})",
            number = position,
            name = name
        ),
        None => trf!("respondent {number}", number = position),
    }
}

fn ids_list(ids: &[String]) -> String {
    let shown: Vec<&str> = ids.iter().take(5).map(String::as_str).collect();
    let ids_shown = format!(
        "{}{}",
        shown.join(", "),
        if ids.len() > shown.len() { ", …" } else { "" }
    );
    if ids.len() == 1 {
        trf!("1 item this model does not have: {ids}", ids = ids_shown)
    } else {
        trf!(
            "{count} items this model does not have: {ids}",
            count = ids.len(),
            ids = ids_shown
        )
    }
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileError::TooLarge { bytes } => f.write_str(&trf!(
                "The file is {size} KB; a KOOM Readiness file is at most {max} KB. Is it the right file?",
                size = bytes.div_ceil(1024),
                max = MAX_FILE_BYTES / 1024
            )),
            FileError::Empty => f.write_str(tr!("The file is empty.")),
            FileError::NotUtf8 { utf16: true, .. } => f.write_str(tr!(
                "The file is UTF-16 text; a KOOM Readiness file is UTF-8. Export it again from KOOM Readiness, or save it as UTF-8."
            )),
            FileError::NotUtf8 { at, .. } => f.write_str(&trf!(
                "The file is not UTF-8 text (byte {at} is not UTF-8: another encoding, such as Latin-1, or not a text file). A KOOM Readiness file is UTF-8; importing it would garble its text.",
                at = at
            )),
            FileError::Truncated => f.write_str(tr!(
                "The file ends too early: it looks truncated (an interrupted download or copy?). Export it again from where it came from."
            )),
            FileError::NotJson { line, column, detail } => f.write_str(&trf!(
                "The file is not a KOOM Readiness file: it is not valid JSON ({detail}; first error at line {line}, column {column}).",
                detail = detail,
                line = line,
                column = column
            )),
            FileError::DuplicateKey { key, line } => f.write_str(&trf!(
                "The file lists “{key}” twice in the same place (again at line {line}), so which value counts would be a guess.",
                key = key,
                line = line
            )),
            FileError::WrongType => f.write_str(&trf!(
                "This JSON file is not a KOOM Readiness assessment (it has no \"format\": \"{format}\").",
                format = FILE_FORMAT
            )),
            FileError::UnsupportedVersion { version } if *version > u64::from(FILE_FORMAT_VERSION) => f.write_str(&trf!(
                "The file was written by a newer version of KOOM Readiness (file format {version}; this version reads format {current}). Update the app to open it.",
                version = version,
                current = FILE_FORMAT_VERSION
            )),
            FileError::UnsupportedVersion { version } => f.write_str(&trf!(
                "The file has an unknown file format version ({version}; this version reads formats 1 to {current}).",
                version = version,
                current = FILE_FORMAT_VERSION
            )),
            FileError::UnknownModel { model_version } => f.write_str(&trf!(
                "The file answers KOOM Deployment Readiness Layer v{version}; this app implements v{current}.",
                version = model_version,
                current = MODEL_VERSION
            )),
            FileError::OverLimit(o) => f.write_str(&trf!(
                "{path} holds {count} (at most {max} for {what}): it was not written by KOOM Readiness, or edited since.",
                path = o.path,
                count = group_thousands(o.count),
                max = group_thousands(o.max),
                what = o.what
            )),
            FileError::InvalidContent { detail } => f.write_str(&trf!(
                "The file is damaged or was edited by hand: {detail}.",
                detail = detail
            )),
            FileError::UnknownIds { ids } => f.write_str(&trf!(
                "The file refers to {items}.",
                items = ids_list(ids)
            )),
            FileError::WrongKind { found: FileKind::Assessment } => f.write_str(tr!(
                "This is a KOOM Readiness assessment file, not a team view: import it as an assessment, or add it to a team view as a respondent."
            )),
            FileError::WrongKind { found: FileKind::Team } => f.write_str(tr!(
                "This is a KOOM Readiness team view file, not an assessment: import it as a team view."
            )),
            FileError::NotATeamFile => f.write_str(&trf!(
                "This JSON file is not a KOOM Readiness team view (it has no \"format\": \"{format}\").",
                format = TEAM_FILE_FORMAT
            )),
            FileError::NotAKoomFile => f.write_str(&trf!(
                "This JSON file is not a KOOM Readiness assessment or team view (it has no \"format\": \"{format}\" or \"{team_format}\").",
                format = FILE_FORMAT,
                team_format = TEAM_FILE_FORMAT
            )),
            FileError::UnsupportedTeamVersion { version } if *version > u64::from(TEAM_FILE_FORMAT_VERSION) => f.write_str(&trf!(
                "The team view file was written by a newer version of KOOM Readiness (team file format {version}; this version reads format {current}). Update the app to open it.",
                version = version,
                current = TEAM_FILE_FORMAT_VERSION
            )),
            FileError::UnsupportedTeamVersion { version } => f.write_str(&trf!(
                "The file has an unknown team file format version ({version}; this version reads format {current}).",
                version = version,
                current = TEAM_FILE_FORMAT_VERSION
            )),
            FileError::TooManyRespondents { count } => f.write_str(&trf!(
                "The file lists {count} respondents; a team view holds at most {max}.",
                count = group_thousands(*count),
                max = MAX_RESPONDENTS
            )),
            FileError::RespondentUnknownIds { respondent: at, name, ids } => f.write_str(&trf!(
                "In the file, {respondent} refers to {items}.",
                respondent = respondent(*at, name),
                items = ids_list(ids)
            )),
            FileError::Team { respondent: at, name, error } => {
                let who = respondent(*at, name);
                f.write_str(&match error {
                    TeamError::OtherModel { model_version, .. } => trf!(
                        "In the file, {respondent} answered KOOM Deployment Readiness Layer v{version}; this app implements v{current}.",
                        respondent = who,
                        version = model_version,
                        current = MODEL_VERSION
                    ),
                    TeamError::AlreadyAdded { label } if name.is_some() => trf!(
                        "The file lists {label} twice with the same answers (again as respondent {number}): a respondent counts once.",
                        label = label,
                        number = at
                    ),
                    TeamError::AlreadyAdded { label } => trf!(
                        "The file lists the same anonymous answers twice ({label}, again as respondent {number}): a respondent counts once.",
                        label = label,
                        number = at
                    ),
                    TeamError::NameTaken { name: taken } => trf!(
                        "The file names two respondents {name} (again as respondent {number}): which answers are {name}'s would be a guess.",
                        name = taken,
                        number = at
                    ),
                    TeamError::SameRespondent { label } => trf!(
                        "The file lists {label} twice (the same respondent token, again as respondent {number}): a respondent counts once.",
                        label = label,
                        number = at
                    ),
                    TeamError::AnsweredAgain { label, .. } => trf!(
                        "The file lists {label} twice with different answers (the same respondent token, again as respondent {number}): which answers are theirs would be a guess.",
                        label = label,
                        number = at
                    ),
                    TeamError::ReservedName { name: reserved } => trf!(
                        "In the file, respondent {number} is named “{name}”, which is how anonymous respondents are numbered.",
                        number = at,
                        name = reserved
                    ),
                    other => trf!(
                        "In the file, {respondent}: {error}",
                        respondent = who,
                        error = other
                    ),
                })
            }
        }
    }
}

impl std::error::Error for FileError {}

/// Writes an assessment as a file (JSON indented by two spaces, stable key order).
pub fn encode_file(assessment: &Assessment, exported_at: &str) -> String {
    let mut text = Json::Object(vec![
        ("format".into(), Json::String(FILE_FORMAT.into())),
        ("version".into(), Json::from_u64(FILE_FORMAT_VERSION.into())),
        (
            "model_version".into(),
            Json::String(assessment.model_version.clone()),
        ),
        ("exported_at".into(), Json::String(exported_at.into())),
        ("assessment".into(), assessment_to_json(assessment)),
    ])
    .to_pretty();
    text.push('\n');
    text
}

/// A file name for the export, from the organisation's name.
pub fn file_name(assessment: &Assessment, date: &str, extension: &str) -> String {
    let slug = slug_or(&assessment.organisation, "assessment");
    format!("koom-readiness-{slug}-{date}.{extension}")
}

/// [`slug`] of a name, or `fallback` when the name leaves nothing.
pub(crate) fn slug_or(name: &str, fallback: &str) -> String {
    let slug = slug(name);
    if slug.is_empty() {
        fallback.to_string()
    } else {
        slug
    }
}

/// The name of an export: `koom-readiness-<name>-<what>-<date>.<ext>`, the name made safe.
pub(crate) fn export_file_name(name: &str, what: &str, date: &str, ext: &str) -> String {
    format!(
        "koom-readiness-{}-{what}-{date}.{ext}",
        slug_or(name, "export")
    )
}

/// A name as a safe part of a file name: lower-case letters and digits joined by dashes.
fn slug(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// Reads and fully validates an imported file, as the bytes it holds.
pub fn decode_file_bytes(bytes: &[u8]) -> Result<Assessment, FileError> {
    decode_file(file_text(bytes)?)
}

/// Reads and fully validates an imported file.
pub fn decode_file(text: &str) -> Result<Assessment, FileError> {
    assessment_from_file(&file_json(text)?)
}

/// The text of a file: checks 1 and 2 of `docs/file-format.md` (size, UTF-8).
pub(crate) fn file_text(bytes: &[u8]) -> Result<&str, FileError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge { bytes: bytes.len() });
    }
    let utf16 = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
    std::str::from_utf8(bytes).map_err(|e| FileError::NotUtf8 {
        at: e.valid_up_to(),
        utf16,
    })
}

/// The JSON of a file: checks 1, 3 and 4 of `docs/file-format.md` (size, not empty, valid
/// JSON with no key twice in one object).
pub(crate) fn file_json(text: &str) -> Result<Json, FileError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge { bytes: text.len() });
    }
    let text = text.trim_start_matches('\u{feff}');
    if text.trim().is_empty() {
        return Err(FileError::Empty);
    }
    json::parse(text).map_err(|e| match e.kind {
        JsonErrorKind::UnexpectedEnd => FileError::Truncated,
        JsonErrorKind::DuplicateKey(key) => FileError::DuplicateKey { key, line: e.line },
        _ => FileError::NotJson {
            line: e.line,
            column: e.column,
            detail: e.what(),
        },
    })
}

/// The kind a file's `format` names, if it is one of ours.
pub(crate) fn file_kind(value: &Json) -> Option<FileKind> {
    match value.get("format").and_then(Json::as_str) {
        Some(FILE_FORMAT) => Some(FileKind::Assessment),
        Some(TEAM_FILE_FORMAT) => Some(FileKind::Team),
        _ => None,
    }
}

/// A field's error as the file's error.
pub(crate) fn content(e: FieldError) -> FileError {
    FileError::InvalidContent {
        detail: e.to_string(),
    }
}

/// The `model_version` of a file (absent: this app's).
pub(crate) fn file_model_version(at: &At) -> Result<String, FileError> {
    match at.field("model_version").map_err(content)? {
        Some(v) => v.string().map_err(content),
        None => Ok(MODEL_VERSION.to_string()),
    }
}

/// Checks 5 to 10 of `docs/file-format.md`, on the file's JSON.
pub(crate) fn assessment_from_file(value: &Json) -> Result<Assessment, FileError> {
    match file_kind(value) {
        Some(FileKind::Assessment) => {}
        Some(found) => return Err(FileError::WrongKind { found }),
        None => return Err(FileError::WrongType),
    }
    let version = value
        .get("version")
        .and_then(Json::as_u64)
        .ok_or(FileError::UnsupportedVersion { version: 0 })?;
    if version == 0 || version > u64::from(FILE_FORMAT_VERSION) {
        return Err(FileError::UnsupportedVersion { version });
    }
    let at = At::root(value, "file");
    let model_version = file_model_version(&at)?;
    let mut assessment =
        assessment_from_json(&at.required("assessment").map_err(content)?).map_err(content)?;
    if model_version != MODEL_VERSION || assessment.model_version != MODEL_VERSION {
        return Err(FileError::UnknownModel {
            model_version: if model_version != MODEL_VERSION {
                model_version
            } else {
                assessment.model_version
            },
        });
    }
    // Version 2 files carry the retraining record; only version 1 lacks it.
    if version < 2 {
        migrate_assessment(&mut assessment);
    }
    if let Some(over) = over_limit(&assessment) {
        return Err(FileError::OverLimit(over));
    }
    let unknown = unknown_ids(&assessment);
    if !unknown.is_empty() {
        return Err(FileError::UnknownIds {
            ids: unknown.into_iter().collect(),
        });
    }
    Ok(assessment)
}

/// Every id in an assessment that this model does not have.
pub fn unknown_ids(a: &Assessment) -> BTreeSet<String> {
    let mut unknown = BTreeSet::new();
    let mut check = |id: &String, known: bool| {
        if !known {
            unknown.insert(id.clone());
        }
    };
    for id in a.answers.keys() {
        check(id, model::question(id).is_some());
    }
    for id in a
        .notes
        .keys()
        .chain(a.unclear.keys())
        .chain(a.evidence.keys())
    {
        check(id, model::item(id).is_some());
    }
    for id in &a.checklist {
        let tickable =
            matches!(model::checklist_item(id), Some((_, i)) if i.completion == Completion::Ticked);
        check(id, tickable);
    }
    for it in &a.pilot_iterations {
        for id in it
            .failed_criteria
            .iter()
            .chain(&it.open_criteria)
            .chain(it.gate_answers.keys())
        {
            check(id, GATE_CRITERIA.iter().any(|c| c.id == id));
        }
        for id in it.retrain.iter().chain(it.retrained.keys()) {
            check(id, model::step(id).is_some());
        }
    }
    for c in &a.cycles {
        for id in c.signs.keys().chain(c.notes.keys()) {
            check(id, STABILITY_SIGNS.iter().any(|s| s.id == id));
        }
    }
    // The plan is keyed by the questions behind its causes.
    for id in a.plan.keys().chain(a.carried.keys()) {
        check(id, model::question(id).is_some());
    }
    for r in &a.rounds {
        unknown.extend(unknown_ids(&r.assessment));
    }
    unknown
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::example::raccoons_inc;

    fn exported() -> String {
        encode_file(&raccoons_inc(), "2026-11-24")
    }

    #[test]
    fn export_then_import_is_identical() {
        assert_eq!(decode_file(&exported()), Ok(raccoons_inc()));
        let blank = Assessment::new("Blank", "");
        assert_eq!(decode_file(&encode_file(&blank, "2026-11-24")), Ok(blank));
    }

    #[test]
    fn export_carries_format_version_and_model_version() {
        let v = json::parse(&exported()).unwrap();
        assert_eq!(
            v.get("format").and_then(Json::as_str),
            Some("koom-readiness/assessment")
        );
        assert_eq!(v.get("version").and_then(Json::as_u64), Some(5));
        assert_eq!(v.get("model_version").and_then(Json::as_str), Some("1.0"));
        assert_eq!(
            v.get("exported_at").and_then(Json::as_str),
            Some("2026-11-24")
        );
        assert_eq!(
            v.get("assessment")
                .and_then(|a| a.get("answers"))
                .and_then(|a| a.get("red_flag.no_time_for_structure"))
                .and_then(Json::as_str),
            Some("no")
        );
    }

    #[test]
    fn rejects_a_huge_file() {
        let huge = " ".repeat(MAX_FILE_BYTES + 1);
        assert_eq!(
            decode_file(&huge).unwrap_err().to_string(),
            "The file is 8193 KB; a KOOM Readiness file is at most 8192 KB. Is it the right file?"
        );
    }

    /// The largest assessment the app can hold: every text at its limit, in characters that take
    /// the most bytes in the file.
    pub(crate) fn largest_assessment() -> Assessment {
        use crate::domain::model::items::{all_questions, DEPLOYMENT_STEPS, PRECONDITIONS};
        use crate::domain::model::limits::MAX_ROUNDS;
        use crate::domain::model::limits::{TextKind, MAX_CYCLES, MAX_ITERATIONS};
        let text = |kind: TextKind| "😀".repeat(kind.max_chars());
        let mut a = raccoons_inc();
        a.organisation = text(TextKind::Name);
        a.assessor = text(TextKind::Name);
        a.pilot.department = text(TextKind::Name);
        a.pilot.evaluation = text(TextKind::Evaluation);
        let mut ids: Vec<&str> = all_questions().map(|q| q.id).collect();
        ids.extend(PRECONDITIONS.iter().map(|p| p.id));
        ids.extend(
            crate::domain::model::items::MATURITY_REQUIREMENTS
                .iter()
                .map(|m| m.id),
        );
        ids.extend(crate::domain::model::items::RED_FLAGS.iter().map(|f| f.id));
        ids.extend(
            crate::domain::model::items::GREEN_FLAGS
                .iter()
                .map(|g| g.id),
        );
        ids.extend(STABILITY_SIGNS.iter().map(|s| s.id));
        for s in DEPLOYMENT_STEPS.iter() {
            ids.push(s.id);
            ids.extend(s.checklist.iter().map(|i| i.id));
        }
        let link = format!(
            "https://a/{}",
            "😀".repeat(crate::domain::model::evidence::MAX_EVIDENCE_LINK - 10)
        );
        for id in ids {
            a.notes.insert(id.to_string(), text(TextKind::Note));
            a.unclear.insert(id.to_string(), text(TextKind::Remark));
            a.evidence.insert(
                id.to_string(),
                crate::domain::model::evidence::EvidenceDetails {
                    who: text(TextKind::Name),
                    when: "2026-01-01".into(),
                    link: link.clone(),
                    review_by: "2026-06-01".into(),
                },
            );
        }
        let project = format!("https://gitlab.example/{}", ["a"; 200].join("/"));
        a.tracker = Some(
            crate::domain::model::tracker::Tracker::parse(
                crate::domain::model::tracker::TrackerKind::GitLab,
                &project[..crate::domain::model::tracker::MAX_TRACKER_ADDRESS],
            )
            .unwrap(),
        );
        let iteration = crate::domain::model::assessment::PilotIteration {
            date: text(TextKind::Remark),
            failed_criteria: GATE_CRITERIA.iter().map(|c| c.id.to_string()).collect(),
            evaluation: text(TextKind::Evaluation),
            retrain: DEPLOYMENT_STEPS.iter().map(|s| s.id.to_string()).collect(),
            retrained: DEPLOYMENT_STEPS
                .iter()
                .map(|s| (s.id.to_string(), text(TextKind::Remark)))
                .collect(),
            ..Default::default()
        };
        a.pilot_iterations = vec![iteration; MAX_ITERATIONS];
        let mut cycle = a.cycles[1].clone();
        for s in STABILITY_SIGNS.iter() {
            cycle
                .notes
                .insert(s.id.to_string(), text(TextKind::CycleNote));
        }
        a.cycles = vec![cycle; MAX_CYCLES];
        for month in 1..=MAX_ROUNDS {
            a.reassess(&format!("2026-{month:02}-01")).unwrap();
        }
        a
    }

    #[test]
    fn whatever_export_writes_import_reads_even_the_largest_file() {
        let a = largest_assessment();
        assert_eq!(over_limit(&a), None);
        let text = encode_file(&a, "2026-11-24");
        eprintln!("the largest export: {} bytes", text.len());
        assert!(
            text.len() <= MAX_FILE_BYTES,
            "the largest export is {} bytes, over the import limit of {MAX_FILE_BYTES}",
            text.len()
        );
        assert_eq!(decode_file(&text), Ok(a));
    }

    #[test]
    fn a_text_over_its_limit_is_refused_and_named() {
        let mut a = raccoons_inc();
        a.notes.insert("precondition.coe".into(), "x".repeat(4_001));
        assert_eq!(
            decode_file(&encode_file(&a, "2026-11-24")).unwrap_err().to_string(),
            "assessment.notes[\"precondition.coe\"] holds 4,001 (at most 4,000 for an evidence note): it was not written by KOOM Readiness, or edited since."
        );
    }

    #[test]
    fn rejects_an_empty_file() {
        assert_eq!(decode_file("  \n").unwrap_err(), FileError::Empty);
    }

    #[test]
    fn rejects_a_truncated_file() {
        let text = exported();
        let cut = &text[..text.len() / 2];
        assert_eq!(decode_file(cut).unwrap_err(), FileError::Truncated);
        assert_eq!(
            FileError::Truncated.to_string(),
            "The file ends too early: it looks truncated (an interrupted download or copy?). Export it again from where it came from."
        );
    }

    #[test]
    fn rejects_text_that_is_not_json() {
        assert_eq!(
            decode_file("Organisation: Raccoons\nVerdict: ready").unwrap_err().to_string(),
            "The file is not a KOOM Readiness file: it is not valid JSON (unexpected “O”; first error at line 1, column 1)."
        );
    }

    #[test]
    fn rejects_json_of_the_wrong_type() {
        for text in [
            "[1,2]",
            "{\"name\":\"x\"}",
            "{\"format\":\"something-else\",\"version\":1}",
            "42",
        ] {
            assert_eq!(
                decode_file(text).unwrap_err(),
                FileError::WrongType,
                "{text}"
            );
        }
    }

    #[test]
    fn rejects_a_newer_or_unknown_file_version() {
        let newer = exported().replacen("\"version\": 5", "\"version\": 6", 1);
        assert_eq!(
            decode_file(&newer).unwrap_err(),
            FileError::UnsupportedVersion { version: 6 }
        );
        assert!(decode_file(&newer)
            .unwrap_err()
            .to_string()
            .contains("newer version"));
        let missing = exported().replacen("\"version\": 5,", "", 1);
        assert_eq!(
            decode_file(&missing).unwrap_err(),
            FileError::UnsupportedVersion { version: 0 }
        );
    }

    /// A file as version 1 of the format wrote it (before retraining was tracked).
    const VERSION_1_FILE: &str = r#"{
  "format": "koom-readiness/assessment",
  "version": 1,
  "model_version": "1.0",
  "exported_at": "2026-10-02",
  "assessment": {
    "model_version": "1.0",
    "organisation": "Old Org",
    "assessor": "",
    "answers": {},
    "notes": {},
    "unclear": {},
    "checklist": [],
    "pilot": { "department": "Packing", "evaluation": "" },
    "pilot_iterations": [
      {
        "date": "2026-10-01",
        "failed_criteria": ["step.full_deployment.drift_decreased"],
        "open_criteria": [],
        "evaluation": "Zone C drift"
      }
    ],
    "cycles": []
  }
}"#;

    /// A file names the plan by question ids: an unknown id, a due date that cannot be read or
    /// an owner past its limit is refused with a message; a version 2 file (before the plan)
    /// still opens.
    #[test]
    fn a_file_with_a_plan_round_trips_and_bad_plans_are_refused_with_a_message() {
        let mut a = crate::domain::model::example::raccoons_inc();
        a.plan.insert(
            "precondition.coe.training_owner".into(),
            crate::domain::model::plan_entry::PlanEntry {
                owner: "Dee".into(),
                due: "2027-01-15".into(),
                ..Default::default()
            },
        );
        let text = encode_file(&a, "2026-11-24");
        assert!(text.contains("\"version\": 5"));
        assert_eq!(decode_file(&text), Ok(a.clone()));

        let unknown = text.replace(
            "precondition.coe.training_owner",
            "precondition.coe.unknown_owner",
        );
        let err = decode_file(&unknown).unwrap_err();
        assert_eq!(
            err,
            FileError::UnknownIds {
                ids: vec!["precondition.coe.unknown_owner".into()]
            }
        );
        let bad_date = text.replace("2027-01-15", "next spring");
        let err = decode_file(&bad_date).unwrap_err().to_string();
        assert!(err.contains("plan"), "{err}");
        assert!(err.contains("2026-12-31"), "{err}");
        let long = text.replace("\"Dee\"", &format!("\"{}\"", "d".repeat(201)));
        assert!(matches!(decode_file(&long), Err(FileError::OverLimit(_))));

        let version_2 = encode_file(&crate::domain::model::example::raccoons_inc(), "2026-11-24")
            .replace("\"version\": 4", "\"version\": 2")
            .replace(",\n    \"plan\": {}", "");
        assert!(!version_2.contains("plan"));
        assert!(decode_file(&version_2).unwrap().plan.is_empty());
    }

    #[test]
    fn a_version_1_file_opens_with_its_iterations_migrated() {
        let a = decode_file(VERSION_1_FILE).unwrap();
        let it = &a.pilot_iterations[0];
        // Drift did not decrease: the app's suggestion, step 4; the pilot is repeated in any
        // case, not retrained.
        assert_eq!(it.retrain, ["step.worker_onboarding"]);
        assert_eq!(it.gate_answers.len(), 6);
        assert!(it.retrained.is_empty());
        assert_eq!(decode_file(&encode_file(&a, "2026-11-24")), Ok(a));
    }

    #[test]
    fn rejects_another_model_version() {
        let other = exported().replace("\"model_version\": \"1.0\"", "\"model_version\": \"2.0\"");
        assert_eq!(
            decode_file(&other).unwrap_err().to_string(),
            "The file answers KOOM Deployment Readiness Layer v2.0; this app implements v1.0."
        );
    }

    #[test]
    fn rejects_invalid_values() {
        let bad = exported().replacen("\"no\"", "\"maybe\"", 1);
        assert!(matches!(
            decode_file(&bad).unwrap_err(),
            FileError::InvalidContent { .. }
        ));
        assert_eq!(
            decode_file(&bad).unwrap_err().to_string(),
            "The file is damaged or was edited by hand: file.assessment.answers[\"precondition.ai_bounded.magic_shortcut\"] should be “yes”, “no” or “not_sure”, but is “maybe”."
        );
    }

    #[test]
    fn a_question_answered_twice_is_refused_and_named() {
        let text = exported().replacen(
            "\"answers\": {",
            "\"answers\": {\n      \"red_flag.no_time_for_structure\": \"yes\",",
            1,
        );
        assert_eq!(
            decode_file(&text).unwrap_err().to_string(),
            "The file lists “red_flag.no_time_for_structure” twice in the same place (again at line 41), so which value counts would be a guess."
        );
    }

    #[test]
    fn a_file_that_is_not_utf8_is_refused() {
        let mut latin1 = exported().into_bytes();
        let at = latin1.len() / 2;
        latin1.insert(at, 0xE9); // "é" in Latin-1
        let err = decode_file_bytes(&latin1).unwrap_err();
        assert_eq!(err, FileError::NotUtf8 { at, utf16: false });
        assert!(err
            .to_string()
            .starts_with("The file is not UTF-8 text (byte "));
        let utf16 = [0xFF, 0xFE, b'{', 0, b'}', 0];
        assert!(decode_file_bytes(&utf16)
            .unwrap_err()
            .to_string()
            .starts_with("The file is UTF-16 text"));
        assert_eq!(decode_file_bytes(exported().as_bytes()), Ok(raccoons_inc()));
    }

    #[test]
    fn rejects_unknown_ids_and_names_them() {
        let mut a = raccoons_inc();
        a.set_answer(
            "precondition.executives.telepathy",
            Some(crate::domain::model::answer::Answer::No),
        );
        a.checklist.insert("step.pilot.department_chosen".into());
        a.cycles[0].signs.insert(
            "stability.happiness".into(),
            crate::domain::model::answer::Observation::Seen,
        );
        let text = encode_file(&a, "2026-11-24");
        assert_eq!(
            decode_file(&text).unwrap_err().to_string(),
            "The file refers to 3 items this model does not have: precondition.executives.telepathy, stability.happiness, step.pilot.department_chosen."
        );
    }

    #[test]
    fn file_names_are_safe() {
        let a = Assessment::new("Raccoons Inc. / Zone C", "");
        assert_eq!(
            file_name(&a, "2026-11-24", "json"),
            "koom-readiness-raccoons-inc-zone-c-2026-11-24.json"
        );
        assert_eq!(
            file_name(&Assessment::default(), "2026-11-24", "md"),
            "koom-readiness-assessment-2026-11-24.md"
        );
    }
}
