//! Records deleted in this page, kept for undo: one stack per kind of saved thing, over the
//! one record stack (a delete leaves the record with its caller; undo writes it back).

use leptos::prelude::*;

use super::notices::Notices;
use super::platform::Host;
use crate::domain::{Record, RecordStore};

/// The records of one kind deleted in this page, the most recent last.
pub struct Deleted<R: Send + Sync + 'static> {
    stack: RwSignal<Vec<R>>,
}

impl<R: Send + Sync + 'static> Clone for Deleted<R> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<R: Send + Sync + 'static> Copy for Deleted<R> {}

impl<R: Record + Send + Sync + 'static> Deleted<R> {
    pub(super) fn new() -> Self {
        Deleted {
            stack: RwSignal::new(Vec::new()),
        }
    }

    /// Keeps a record just deleted (as the user last saw it) for undo.
    pub(super) fn push(&self, record: R) {
        self.stack.update(|d| d.push(record));
    }

    /// Reads the stack, tracked: the undo notice follows it.
    pub fn with<T>(&self, f: impl FnOnce(&Vec<R>) -> T) -> T {
        self.stack.with(f)
    }

    /// The stack now, untracked.
    pub fn get_untracked(&self) -> Vec<R> {
        self.stack.get_untracked()
    }

    /// Forgets every deleted record (the user dismissed the undo notice).
    pub fn clear(&self) {
        self.stack.set(Vec::new());
    }

    /// Writes the most recently deleted record back and says so (`name` names it); a failed
    /// write is said, and the record stays for another try.
    pub(super) fn undo(&self, host: Host, notices: Notices, name: impl Fn(&R) -> String) {
        let Some(record) = self.stack.with_untracked(|d| d.last().cloned()) else {
            return;
        };
        match host.records().write(&record, None) {
            Ok(_) => {
                self.stack.update(|d| {
                    d.pop();
                });
                notices.say(trf!("Restored “{name}”.", name = name(&record)));
            }
            Err(e) => notices.say(e.to_string()),
        }
    }
}
