//! The app layer's one error: what an operation could not do, and why. Its `Display` is the
//! sentence the user reads, where the operation was asked for.

use std::fmt;

use crate::browser::BrowserError;
use crate::domain::{
    AgreementError, FileError, RecordError, SavedAssessment, ShareError, StorageError, TeamError,
};

/// What an operation of the app could not do.
#[derive(Debug, Clone, PartialEq)]
pub enum AppError {
    /// A share link that does not read.
    Link(ShareError),
    /// A browser call that failed: a compressed link that does not inflate, a file not read.
    Browser(BrowserError),
    /// An assessment of the library that cannot be read.
    SavedUnreadable(RecordError<SavedAssessment>),
    /// An assessment that an address names is not saved in this browser.
    NotSaved,
    /// A round that an address names is not one of its assessment's.
    NoSuchRound {
        /// The assessment's name.
        name: String,
        /// The round named.
        round: usize,
        /// How many rounds it has (the last one in progress).
        rounds: usize,
    },
    /// A file that was not imported.
    FileRefused {
        /// The file's name.
        file_name: String,
        /// Why.
        error: FileError,
    },
    /// An import that waits: the assessment on screen has changes that are not saved, and the
    /// user is asked what to do with them first.
    UnsavedChanges {
        /// The file's name.
        file_name: String,
    },
    /// An import over a library entry that could not be replaced.
    NotReplaced {
        /// The file's name.
        file_name: String,
        /// The entry's name.
        existing: String,
    },
    /// A change the team view refuses.
    Team(TeamError),
    /// An agreement the team view refuses.
    Agreement(AgreementError),
    /// The team view on screen was saved by a newer version: read-only here.
    TeamReadOnly,
    /// No team view is open.
    NoTeam,
    /// The assessment the team agreed could not be saved in the library.
    ConsensusNotSaved(StorageError),
    /// A chosen file that was not read: the part of the app that reads files (fetched after
    /// start-up in the split build) did not arrive.
    FileReaderMissing {
        /// The file's name.
        file_name: String,
    },
}

impl fmt::Display for AppError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AppError::Link(e) => write!(f, "{e}"),
            AppError::Browser(e) => write!(f, "{e}"),
            AppError::SavedUnreadable(e) => f.write_str(&trf!(
                "an assessment of the library is {error}",
                error = e
            )),
            AppError::NotSaved => {
                f.write_str(tr!("an assessment it names is not saved in this browser"))
            }
            AppError::NoSuchRound { name, round, rounds } => f.write_str(&if *rounds == 1 {
                trf!(
                    "it names round {round} of “{name}”, which has {rounds} round",
                    round = round,
                    name = name,
                    rounds = rounds
                )
            } else {
                trf!(
                    "it names round {round} of “{name}”, which has {rounds} rounds",
                    round = round,
                    name = name,
                    rounds = rounds
                )
            }),
            AppError::FileRefused { file_name, error } => f.write_str(&trf!(
                "“{file_name}” was not imported: {error} Nothing was changed.",
                file_name = file_name,
                error = error
            )),
            AppError::UnsavedChanges { file_name } => f.write_str(&trf!(
                "“{file_name}” is not imported yet: the assessment on screen has changes that are not saved. Choose what to do with them first.",
                file_name = file_name
            )),
            AppError::NotReplaced {
                file_name,
                existing,
            } => f.write_str(&trf!(
                "“{file_name}” was not imported: “{existing}” could not be replaced. Nothing was changed.",
                file_name = file_name,
                existing = existing
            )),
            AppError::Team(e) => write!(f, "{e}"),
            AppError::Agreement(e) => write!(f, "{e}"),
            AppError::TeamReadOnly => f.write_str(tr!(
                "This team view was saved by a newer version: it is read-only here."
            )),
            AppError::NoTeam => f.write_str(tr!("No team view is open.")),
            AppError::ConsensusNotSaved(e) => f.write_str(&trf!(
                "The agreed assessment was not saved: {error}",
                error = e
            )),
            AppError::FileReaderMissing { file_name } => f.write_str(&trf!(
                "“{file_name}” was not imported: the part of KOOM Readiness that reads files did not arrive (the connection may have dropped). Nothing was changed; choose the file again, or reload the page.",
                file_name = file_name
            )),
        }
    }
}

impl std::error::Error for AppError {}

impl From<ShareError> for AppError {
    fn from(e: ShareError) -> Self {
        AppError::Link(e)
    }
}

impl From<BrowserError> for AppError {
    fn from(e: BrowserError) -> Self {
        AppError::Browser(e)
    }
}

impl From<TeamError> for AppError {
    fn from(e: TeamError) -> Self {
        AppError::Team(e)
    }
}

impl From<AgreementError> for AppError {
    fn from(e: AgreementError) -> Self {
        AppError::Agreement(e)
    }
}
