//! What the app tells the user about saved data: a storage problem that lasts, and the
//! message about the last operation.

use super::owned::Owned;

use crate::browser;
use crate::domain::StorageError;

/// Messages for the user, shown at the top of every page.
#[derive(Clone, Copy)]
pub struct Notices {
    /// Why storage cannot be used, if it cannot.
    pub storage_error: Owned<Option<StorageError>>,
    /// A message about the last operation (import refused, copy made, …).
    pub message: Owned<Option<String>>,
    /// A file offered for download inside a frame (which may forbid downloads): its name and
    /// text, to copy by hand if no file arrived.
    pub file_text: Owned<Option<(String, String)>>,
}

impl Notices {
    pub(super) fn new() -> Self {
        Notices {
            storage_error: Owned::new(None),
            message: Owned::new(None),
            file_text: Owned::new(None),
        }
    }

    /// Whether a failed save is worth trying again (on the next change, or when space is
    /// freed): storage was full or refused a write, but is there. Storage that is off
    /// ([`StorageError::Unavailable`]) stays off for the page's life.
    pub fn may_retry_storage(&self) -> bool {
        self.storage_error.with_untracked(|e| {
            matches!(
                e,
                Some(StorageError::QuotaExceeded | StorageError::Refused(_))
            )
        })
    }

    /// Hides the storage problem (the user read it; it comes back with the next failure).
    pub fn dismiss_storage_error(&self) {
        self.storage_error.set(None);
    }

    /// Hides the message about the last operation.
    pub fn dismiss_message(&self) {
        self.message.set(None);
    }

    /// Hides the text of a file offered in a frame.
    pub fn dismiss_file_text(&self) {
        self.file_text.set(None);
    }

    /// Shows a message about the last operation.
    pub fn say(&self, text: impl Into<String>) {
        self.message.set(Some(text.into()));
    }

    /// Offers text as a file download; inside a frame (which may forbid downloads without a
    /// word) the text also stays at hand to copy.
    pub fn offer_file(&self, framed: bool, name: &str, mime: &str, text: String) {
        match browser::download(name, mime, &text) {
            Err(e) => {
                self.say(e.to_string());
                self.file_text.set(Some((name.to_string(), text)));
            }
            Ok(()) if framed => self.file_text.set(Some((name.to_string(), text))),
            Ok(()) => {}
        }
    }

    /// Shows the outcome of an operation that may have failed: nothing on success, the
    /// error's message on failure.
    pub fn report<E: std::fmt::Display>(&self, result: Result<(), E>) {
        if let Err(e) = result {
            self.say(e.to_string());
        }
    }
}
