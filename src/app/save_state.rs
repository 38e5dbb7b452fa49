//! Whether what is on screen is saved, in one word the interface can always show.

use super::open::{OpenAssessment, Opened};
use super::state::AppState;
use crate::domain::Assessment;
use crate::domain::StorageError;

/// The save state of the assessment on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    /// Nothing is open.
    Nothing,
    /// Read-only (the example, or a record of a newer version): nothing to save.
    ReadOnly,
    /// Saved in this browser.
    Saved,
    /// A change waits for the autosave (within half a second).
    Saving,
    /// Not saved: kept in memory only, for this reason; lost when the tab closes unless
    /// exported.
    NotSaved(StorageError),
    /// Another tab changed the saved copy; the user chooses which to keep.
    Conflict,
}

impl SaveState {
    /// The state in a few words.
    pub fn label(&self) -> &'static str {
        match self {
            SaveState::Nothing => "",
            SaveState::ReadOnly => tr!("Read-only"),
            SaveState::Saved => tr!("Saved in this browser"),
            SaveState::Saving => tr!("Saving…"),
            SaveState::NotSaved(StorageError::Unavailable) => tr!("Not saved — memory only"),
            SaveState::NotSaved(StorageError::QuotaExceeded) => tr!("Not saved — storage full"),
            SaveState::NotSaved(_) => tr!("Not saved"),
            SaveState::Conflict => tr!("Not saved — changed in another tab"),
        }
    }

    /// The state in a word or two, for tight places (the phone's verdict bar).
    pub fn short_label(&self) -> &'static str {
        match self {
            SaveState::Nothing => "",
            SaveState::ReadOnly => tr!("Read-only"),
            SaveState::Saved => tr!("Saved"),
            SaveState::Saving => tr!("Saving…"),
            SaveState::NotSaved(_) | SaveState::Conflict => tr!("Not saved"),
        }
    }

    /// A token for styling and tests.
    pub fn token(&self) -> &'static str {
        match self {
            SaveState::Nothing => "nothing",
            SaveState::ReadOnly => "read-only",
            SaveState::Saved => "saved",
            SaveState::Saving => "saving",
            SaveState::NotSaved(_) => "not-saved",
            SaveState::Conflict => "conflict",
        }
    }
}

impl OpenAssessment {
    /// The save state of what is on screen (reactive: call it inside a `Memo` or view).
    pub fn save_state(&self) -> SaveState {
        let error = self.notices.storage_error.get();
        match self.opened.get() {
            Opened::Nothing => SaveState::Nothing,
            Opened::Example | Opened::Newer(_) | Opened::Shared(_) => SaveState::ReadOnly,
            Opened::Memory => SaveState::NotSaved(error.unwrap_or(StorageError::Unavailable)),
            Opened::Saved(_) => {
                if self.conflicts.conflict.with(Option::is_some) {
                    SaveState::Conflict
                } else if !self.dirty.get() {
                    SaveState::Saved
                } else {
                    match error {
                        Some(e @ (StorageError::QuotaExceeded | StorageError::Refused(_))) => {
                            SaveState::NotSaved(e)
                        }
                        _ => SaveState::Saving,
                    }
                }
            }
        }
    }

    /// Whether closing the page now would lose work: unsaved changes that cannot be written
    /// (or wait for the user's choice), or work that lives in memory only.
    pub fn leaving_loses_work(&self, state: AppState) -> bool {
        match self.opened.get_untracked() {
            Opened::Memory => state.assessment.with_untracked(Assessment::has_work),
            Opened::Saved(_) => {
                self.dirty.get_untracked()
                    || self.conflicts.conflict.with_untracked(Option::is_some)
            }
            Opened::Nothing | Opened::Example | Opened::Newer(_) | Opened::Shared(_) => false,
        }
    }
}
