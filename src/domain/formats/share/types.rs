//! What a share link is made from and opened as, and why it may not open.

use std::fmt;

use super::tables::{SHARE_FORMAT_VERSION, TABLE_MODEL};
use crate::domain::model::assessment::Assessment;

/// What a share link should carry beyond the answers and records.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ShareOptions {
    /// Whether the notes travel too: evidence notes, "unclear" remarks and the notes of each
    /// alignment cycle. Without them these are empty when the link is opened.
    pub notes: bool,
    /// The day the link is made, as an ISO date (`2026-11-24`), shown as "shared on …".
    pub made_on: String,
}

/// An assessment opened from a share link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedAssessment {
    /// The assessment the link carries (its notes are empty unless `includes_notes`).
    pub assessment: Assessment,
    /// The day the link was made (ISO date), for "shared on …"; empty if it was not given.
    pub made_on: String,
    /// Whether the link carries the notes ([`ShareOptions::notes`]).
    pub includes_notes: bool,
    /// The share-link format version the link was written in.
    pub format_version: u8,
    /// The KOOM model version the answers were given against (`1.0`).
    pub model_version: String,
}

/// Why a share link could not be opened. Every message tells the user which case it is and
/// that nothing was loaded or changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    /// There is no payload at all.
    Empty,
    /// The payload has characters a share link never has: it is not a share link.
    NotAShareLink,
    /// The payload is shorter than its header says: the link was cut off.
    Truncated,
    /// The checksum does not match: a character was changed, or the link was cut and re-joined.
    Altered,
    /// The link was written in a newer share-link format by a newer version of the app.
    NewerFormat {
        /// The link's format version.
        version: u8,
    },
    /// The answers were given against a KOOM model version this app does not implement.
    UnknownModel {
        /// The link's model version.
        model_version: String,
    },
    /// The checksum is right but the content is not a valid assessment (a faulty tool made it).
    Damaged,
    /// The compressed text could not be inflated.
    NotInflatable,
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let nothing = tr!("Nothing was loaded or changed.");
        match self {
            ShareError::Empty => write!(f, "{} {nothing}", tr!("This share link is empty: it carries no assessment.")),
            ShareError::NotAShareLink => write!(f, "{} {nothing}", tr!("This is not a KOOM Readiness share link: it contains characters a share link never has (a share link has only letters, digits, “-” and “_”).")),
            ShareError::Truncated => write!(f, "{} {nothing}", tr!("This share link is incomplete: it is shorter than it says, probably cut off when it was copied or sent. Ask for the whole link again.")),
            ShareError::Altered => write!(f, "{} {nothing}", tr!("This share link was altered: its checksum does not match, so a character was changed, or the link was cut and re-joined. Ask for the link again.")),
            ShareError::NewerFormat { version } => write!(
                f,
                "{} {nothing}",
                trf!(
                    "This share link was made by a newer version of KOOM Readiness (link format {version}; this version reads formats up to {current}). Update the app to open it.",
                    version = version,
                    current = SHARE_FORMAT_VERSION
                )
            ),
            ShareError::UnknownModel { model_version } => write!(
                f,
                "{} {nothing}",
                trf!(
                    "This share link answers KOOM Deployment Readiness Layer v{version}; this app implements v{current}, so it cannot read its answers.",
                    version = model_version,
                    current = format!("{}.{}", TABLE_MODEL.0, TABLE_MODEL.1)
                )
            ),
            ShareError::Damaged => write!(f, "{} {nothing}", tr!("This share link is damaged: its checksum is right but its content is not a valid assessment (was it made by another tool?).")),
            ShareError::NotInflatable => write!(f, "{} {nothing}", tr!("The names and notes in this share link are compressed and could not be unpacked.")),
        }
    }
}

impl std::error::Error for ShareError {}
