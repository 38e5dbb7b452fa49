//! The assessment file: the durable, documented, versioned export (`docs/file-format.md`),
//! and the strict validation of an imported one. An invalid file is explained and changes
//! nothing.

use std::collections::BTreeSet;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::assessment::Assessment;
use super::model::{self, Completion, GATE_CRITERIA, MODEL_VERSION, STABILITY_SIGNS};
use super::records::migrate_assessment;

/// The `format` field every assessment file carries.
pub const FILE_FORMAT: &str = "koom-readiness/assessment";
/// The current version of the file format. Version 2 added the gate's answers, the steps to
/// retrain and their confirmation to each pilot iteration; version 1 files are still read.
pub const FILE_FORMAT_VERSION: u32 = 2;
/// The largest file accepted, in bytes. A complete assessment with long notes is a few tens
/// of kilobytes.
pub const MAX_FILE_BYTES: usize = 1024 * 1024;

/// An assessment file, as written and read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssessmentFile {
    /// Always [`FILE_FORMAT`].
    pub format: String,
    /// The file format version.
    pub version: u32,
    /// The KOOM model version the answers were given against.
    pub model_version: String,
    /// When the file was written (ISO date).
    pub exported_at: String,
    /// The assessment.
    pub assessment: Assessment,
}

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
    /// It ends in the middle of the data.
    Truncated,
    /// Not JSON at all.
    NotJson {
        /// Line of the first error.
        line: usize,
        /// Column of the first error.
        column: usize,
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
        /// The parser's description.
        detail: String,
    },
    /// Ids this model does not have.
    UnknownIds {
        /// The ids, sorted.
        ids: Vec<String>,
    },
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileError::TooLarge { bytes } => write!(
                f,
                "The file is {} KB; an assessment file is at most {} KB. Is it the right file?",
                bytes.div_ceil(1024),
                MAX_FILE_BYTES / 1024
            ),
            FileError::Empty => write!(f, "The file is empty."),
            FileError::Truncated => write!(
                f,
                "The file ends too early: it looks truncated (an interrupted download or copy?). Export it again from where it came from."
            ),
            FileError::NotJson { line, column } => write!(
                f,
                "The file is not an assessment file: it is not valid JSON (first error at line {line}, column {column})."
            ),
            FileError::WrongType => write!(
                f,
                "This JSON file is not a KOOM Readiness assessment (it has no \"format\": \"{FILE_FORMAT}\")."
            ),
            FileError::UnsupportedVersion { version } if *version > u64::from(FILE_FORMAT_VERSION) => write!(
                f,
                "The file was written by a newer version of KOOM Readiness (file format {version}; this version reads format {FILE_FORMAT_VERSION}). Update the app to open it."
            ),
            FileError::UnsupportedVersion { version } => write!(
                f,
                "The file has an unknown file format version ({version}; this version reads format {FILE_FORMAT_VERSION})."
            ),
            FileError::UnknownModel { model_version } => write!(
                f,
                "The file answers KOOM Deployment Readiness Layer v{model_version}; this app implements v{MODEL_VERSION}."
            ),
            FileError::InvalidContent { detail } => {
                write!(f, "The file is damaged or was edited by hand: {detail}.")
            }
            FileError::UnknownIds { ids } => {
                let shown: Vec<&str> = ids.iter().take(5).map(String::as_str).collect();
                write!(
                    f,
                    "The file refers to {} item{} this model does not have: {}{}.",
                    ids.len(),
                    if ids.len() == 1 { "" } else { "s" },
                    shown.join(", "),
                    if ids.len() > shown.len() { ", …" } else { "" }
                )
            }
        }
    }
}

impl std::error::Error for FileError {}

/// Writes an assessment as a file (pretty JSON, stable key order).
pub fn encode_file(assessment: &Assessment, exported_at: &str) -> String {
    let file = AssessmentFile {
        format: FILE_FORMAT.to_string(),
        version: FILE_FORMAT_VERSION,
        model_version: assessment.model_version.clone(),
        exported_at: exported_at.to_string(),
        assessment: assessment.clone(),
    };
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// A file name for the export, from the organisation's name.
pub fn file_name(assessment: &Assessment, date: &str, extension: &str) -> String {
    let slug: String = assessment
        .organisation
        .chars()
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
        .join("-");
    let slug = if slug.is_empty() {
        "assessment".to_string()
    } else {
        slug
    };
    format!("koom-readiness-{slug}-{date}.{extension}")
}

fn json_error(e: &serde_json::Error) -> FileError {
    match e.classify() {
        serde_json::error::Category::Eof => FileError::Truncated,
        serde_json::error::Category::Syntax => FileError::NotJson {
            line: e.line(),
            column: e.column(),
        },
        _ => FileError::InvalidContent {
            detail: e.to_string(),
        },
    }
}

/// Reads and fully validates an imported file.
pub fn decode_file(text: &str) -> Result<Assessment, FileError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge { bytes: text.len() });
    }
    let text = text.trim_start_matches('\u{feff}');
    if text.trim().is_empty() {
        return Err(FileError::Empty);
    }
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| json_error(&e))?;
    let object = value.as_object().ok_or(FileError::WrongType)?;
    if object.get("format").and_then(|f| f.as_str()) != Some(FILE_FORMAT) {
        return Err(FileError::WrongType);
    }
    let version = object
        .get("version")
        .and_then(|v| v.as_u64())
        .ok_or(FileError::UnsupportedVersion { version: 0 })?;
    if version == 0 || version > u64::from(FILE_FORMAT_VERSION) {
        return Err(FileError::UnsupportedVersion { version });
    }
    let mut file: AssessmentFile =
        serde_json::from_value(value).map_err(|e| FileError::InvalidContent {
            detail: e.to_string(),
        })?;
    if file.model_version != MODEL_VERSION || file.assessment.model_version != MODEL_VERSION {
        let model_version = if file.model_version != MODEL_VERSION {
            file.model_version
        } else {
            file.assessment.model_version
        };
        return Err(FileError::UnknownModel { model_version });
    }
    if version < u64::from(FILE_FORMAT_VERSION) {
        migrate_assessment(&mut file.assessment);
    }
    let unknown = unknown_ids(&file.assessment);
    if !unknown.is_empty() {
        return Err(FileError::UnknownIds {
            ids: unknown.into_iter().collect(),
        });
    }
    Ok(file.assessment)
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
    for id in a.notes.keys().chain(a.unclear.keys()) {
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
    unknown
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::example::raccoons_inc;

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
        let v: serde_json::Value = serde_json::from_str(&exported()).unwrap();
        assert_eq!(v["format"], "koom-readiness/assessment");
        assert_eq!(v["version"], 2);
        assert_eq!(v["model_version"], "1.0");
        assert_eq!(v["exported_at"], "2026-11-24");
        assert_eq!(
            v["assessment"]["answers"]["red_flag.no_time_for_structure"],
            "no"
        );
    }

    #[test]
    fn rejects_a_huge_file() {
        let huge = " ".repeat(MAX_FILE_BYTES + 1);
        assert_eq!(
            decode_file(&huge).unwrap_err().to_string(),
            "The file is 1025 KB; an assessment file is at most 1024 KB. Is it the right file?"
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
            "The file is not an assessment file: it is not valid JSON (first error at line 1, column 1)."
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
        let newer = exported().replacen("\"version\": 2", "\"version\": 3", 1);
        assert_eq!(
            decode_file(&newer).unwrap_err(),
            FileError::UnsupportedVersion { version: 3 }
        );
        assert!(decode_file(&newer)
            .unwrap_err()
            .to_string()
            .contains("newer version"));
        let missing = exported().replacen("\"version\": 2,", "", 1);
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

    #[test]
    fn a_version_1_file_opens_with_its_iterations_migrated() {
        let a = decode_file(VERSION_1_FILE).unwrap();
        let it = &a.pilot_iterations[0];
        assert_eq!(it.retrain, ["step.worker_onboarding", "step.pilot"]);
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
        assert!(decode_file(&bad)
            .unwrap_err()
            .to_string()
            .starts_with("The file is damaged or was edited by hand: unknown variant `maybe`"));
    }

    #[test]
    fn rejects_unknown_ids_and_names_them() {
        let mut a = raccoons_inc();
        a.set_answer(
            "precondition.executives.telepathy",
            Some(crate::domain::answer::Answer::No),
        );
        a.checklist.insert("step.pilot.department_chosen".into());
        a.cycles[0].signs.insert(
            "stability.happiness".into(),
            crate::domain::answer::Observation::Seen,
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
