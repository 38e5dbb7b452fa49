//! Autosave: a change is saved shortly after the last keystroke, and at once when the page is
//! hidden or closed; the open assessment and view are remembered for the next visit.

use std::time::Duration;

use leptos::prelude::*;

use super::open::{OpenAssessment, Opened};
use super::state::{AppState, View};
use crate::browser;
use crate::domain::{self, StorageError};

/// How long after the last change an autosave waits.
const AUTOSAVE_DELAY: Duration = Duration::from_millis(400);

impl OpenAssessment {
    /// `team` is the team view on screen, if any: remembered in the session record as the
    /// view `team/<id>`, so a bare address brings it back.
    pub(super) fn install_autosave(&self, state: AppState, team: Memo<Option<String>>) {
        let open = *self;
        Effect::new(move |_| {
            if let Some(change) = open.note_change(state) {
                set_timeout(move || open.save_change(state, change), AUTOSAVE_DELAY);
            }
        });
        let notices = self.notices;
        Effect::new(move |_| {
            let view = match (state.view.get(), team.get()) {
                (View::Team, Some(team)) => format!("{}/{team}", View::Team.token()),
                (view, _) => view.token().to_string(),
            };
            let id = match open.opened.get() {
                Opened::Saved(id) => Some(id),
                _ => None,
            };
            if notices
                .storage_error
                .with_untracked(|e| e.as_ref() != Some(&StorageError::Unavailable))
            {
                let _ = domain::write_session(open.host.records(), id.as_deref(), &view);
            }
        });
    }

    /// Notes the assessment on screen as it is now (tracked: the autosave calls this whenever
    /// it changes). A change that differs from what was last saved, to an assessment that is
    /// saved (marked unsaved) or waits for storage to take it (unsaved already: the storage
    /// problem says so), is numbered: the number to give [`OpenAssessment::save_change`] after
    /// a pause. Anything else gives `None`.
    pub(super) fn note_change(&self, state: AppState) -> Option<u64> {
        let changed = state
            .assessment
            .with(|a| self.saved.with_untracked(|s| s.as_ref() != Some(a)));
        let saving = match self.opened.get_untracked() {
            Opened::Saved(_) => true,
            // Created while storage was full: every change tries to save it again.
            Opened::Memory => self.notices.may_retry_storage(),
            _ => false,
        };
        if !changed || !saving {
            return None;
        }
        if matches!(self.opened.get_untracked(), Opened::Saved(_)) {
            self.dirty.set(true);
        }
        let generation = self.generation.get_untracked() + 1;
        self.generation.set(generation);
        Some(generation)
    }

    /// Saves the change numbered `change` ([`OpenAssessment::note_change`]), unless a later
    /// change superseded it (its own pause then ends in its own save).
    pub(super) fn save_change(&self, state: AppState, change: u64) {
        if self.generation.get_untracked() == change {
            self.flush(state);
        }
    }

    pub(super) fn install_listeners(&self, state: AppState) {
        let open = *self;
        // Save at once when the page is hidden or closed.
        let hide = window_event_listener(leptos::ev::pagehide, move |_| open.flush(state));
        let visibility = window_event_listener(leptos::ev::visibilitychange, move |_| {
            if browser::page_hidden() {
                open.flush(state);
            }
        });
        let storage_events = window_event_listener(leptos::ev::storage, move |ev| {
            open.on_storage_event(state, ev.key());
        });
        // Leaving with work that cannot be saved: the browser asks first.
        let unload = window_event_listener(leptos::ev::beforeunload, move |ev| {
            open.flush(state);
            if open.leaving_loses_work(state) {
                ev.prevent_default();
                ev.set_return_value("unsaved");
            }
        });
        on_cleanup(move || {
            unload.remove();
            hide.remove();
            visibility.remove();
            storage_events.remove();
        });
    }
}
