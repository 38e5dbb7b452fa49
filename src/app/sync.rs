//! Another tab changed (or deleted) the open assessment: pick its change up when this tab
//! has nothing unsaved, otherwise let the user choose which version to keep.

use leptos::prelude::*;

use super::conflict::{Conflict, ConflictKind};
use super::open::{OpenAssessment, Opened};
use super::state::{AppState, View};
use crate::domain::{self, display_name, Assessment, SavedAssessment};

impl OpenAssessment {
    /// Resolves a conflict by taking the other tab's version (or closing, if it was deleted).
    pub fn take_theirs(&self, state: AppState) {
        let Some(conflict) = self.conflicts.conflict.get_untracked() else {
            return;
        };
        self.conflicts.conflict.set(None);
        match conflict.theirs {
            Some(record) => self.load_record(state, record),
            None => {
                self.show(state, Opened::Nothing, Assessment::default(), None);
                state.view.set(View::Start);
            }
        }
        self.library.refresh();
    }

    /// Resolves a conflict by writing this tab's version over the other (restoring it, if it
    /// was deleted). Unreadable data is never written over: then both are kept.
    pub fn keep_mine(&self, state: AppState) {
        let Some(conflict) = self.conflicts.conflict.get_untracked() else {
            return;
        };
        if conflict.kind == ConflictKind::Unreadable {
            self.keep_both(state);
            return;
        }
        self.revision.set(conflict.theirs.map(|r| r.revision));
        self.conflicts.conflict.set(None);
        self.dirty.set(true);
        self.save(state);
        self.library.refresh();
    }

    /// Resolves a conflict by keeping both: this tab's version becomes a new entry.
    pub fn keep_both(&self, state: AppState) {
        self.conflicts.conflict.set(None);
        self.dirty.set(false);
        let name = trf!(
            "{name} (this tab's version)",
            name = display_name(&state.assessment.get_untracked())
        );
        self.save_copy(state, name);
    }

    /// Another tab wrote under `key`: refresh the list, and pick up or offer its change to the
    /// open assessment.
    pub(super) fn on_storage_event(&self, state: AppState, key: Option<String>) {
        let Some(key) = key else {
            self.library.refresh();
            return;
        };
        if !key.starts_with(domain::RECORD_PREFIX) {
            return;
        }
        self.library.refresh();
        let Opened::Saved(id) = self.opened.get_untracked() else {
            return;
        };
        if key != domain::record_key::<SavedAssessment>(&id) {
            return;
        }
        let conflict = Conflict::of(self.host, &id);
        if conflict.theirs.as_ref().map(|r| r.revision) == self.revision.get_untracked() {
            return;
        }
        match (
            self.dirty.get_untracked(),
            conflict.kind,
            conflict.theirs.clone(),
        ) {
            (false, ConflictKind::Changed, Some(record)) => {
                self.load_record(state, record);
                self.notices
                    .say(tr!("This assessment was updated from another tab."));
            }
            _ => self.conflicts.conflict.set(Some(conflict)),
        }
    }
}
