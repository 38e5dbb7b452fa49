//! A change another tab made to the open assessment while this tab had unsaved edits: what
//! happened, and the other version. The choice itself is made in [`super::sync`].

use super::owned::Owned;

use super::platform::Host;
use crate::domain::{RecordStore, SavedAssessment};

/// What happened to the stored copy of the open assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConflictKind {
    /// Another tab saved a different version.
    Changed,
    /// Another tab deleted it.
    Deleted,
    /// The stored copy can no longer be read here (damaged, or saved by a newer version);
    /// it is never written over.
    Unreadable,
}

/// The stored copy of the open assessment changed under this tab while it had unsaved edits.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    /// What happened.
    pub kind: ConflictKind,
    /// The other version, when it can be read.
    pub theirs: Option<SavedAssessment>,
}

impl Conflict {
    /// Reads what is stored now under the open assessment's id.
    pub(super) fn of(host: Host, id: &str) -> Conflict {
        match host.records().read::<SavedAssessment>(id) {
            Some(Ok(record)) => Conflict {
                kind: ConflictKind::Changed,
                theirs: Some(record),
            },
            None => Conflict {
                kind: ConflictKind::Deleted,
                theirs: None,
            },
            Some(Err(_)) => Conflict {
                kind: ConflictKind::Unreadable,
                theirs: None,
            },
        }
    }
}

/// The conflict waiting for the user's choice, if any.
#[derive(Clone, Copy)]
pub struct Conflicts {
    /// Another tab's conflicting change.
    pub conflict: Owned<Option<Conflict>>,
}

impl Conflicts {
    pub(super) fn new() -> Self {
        Conflicts {
            conflict: Owned::new(None),
        }
    }
}
