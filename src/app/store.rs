//! The saved-data state, split by concern into the library, the open assessment (with its
//! autosave), conflicts with other tabs, and the notices shown to the user. [`Store`] holds
//! one of each; the operations live in the module of their concern.

use leptos::prelude::*;

use super::compare::Compared;
use super::conflict::Conflicts;
use super::dialog::Dialogs;
use super::library::Library;
use super::navigation::initial_route;
use super::notices::Notices;
use super::open::{OpenAssessment, Opened, PendingImport};
use super::state::{AppState, View};
use super::team::Teams;
use crate::browser::{self, storage};
use crate::domain::Assessment;

/// Everything about saved data, provided as context with [`AppState`].
#[derive(Clone, Copy)]
pub struct Store {
    /// The saved assessments.
    pub library: Library,
    /// Where the assessment on screen comes from, and whether it is saved.
    pub open: OpenAssessment,
    /// Another tab's change to the open assessment, waiting for the user's choice.
    pub conflicts: Conflicts,
    /// Messages for the user.
    pub notices: Notices,
    /// The question asked in the page, if any.
    pub dialogs: Dialogs,
    /// The two assessments compared, when the comparison is on screen.
    pub compared: Compared,
    /// The team views, and the one on screen.
    pub teams: Teams,
}

/// The store from context.
pub fn use_store() -> Store {
    expect_context::<Store>()
}

impl Store {
    /// A store with nothing loaded yet.
    #[allow(clippy::new_without_default)]
    pub fn new() -> Store {
        let notices = Notices::new();
        let library = Library::new(notices);
        let conflicts = Conflicts::new();
        let dialogs = Dialogs::new();
        Store {
            library,
            open: OpenAssessment::new(library, conflicts, notices, dialogs),
            dialogs,
            conflicts,
            notices,
            compared: Compared::new(),
            teams: Teams::new(notices, dialogs),
        }
    }

    /// Loads the library and reopens what was open; installs autosave and the listeners for
    /// page hiding and other tabs.
    pub fn start(&self, state: AppState) {
        let mut storage_failed = false;
        match storage::load_library(browser::now_ms(), true, browser::new_id) {
            Err(e) => {
                storage_failed = true;
                self.notices.storage_error.set(Some(e));
            }
            Ok(library) => {
                let session = library.session.clone();
                self.library.set(library.clone());
                self.teams.refresh();
                if let Some(route) = initial_route() {
                    self.follow(state, &route);
                } else if let Some(session) = session {
                    let record = session
                        .open
                        .and_then(|id| library.records.iter().find(|r| r.id == id).cloned());
                    if let Some(record) = record {
                        let view = View::from_token(&session.view).unwrap_or(View::Preconditions);
                        self.open.open_record(state, record, view);
                    }
                    if let Some(team) = session.view.strip_prefix("team/") {
                        self.teams.open_saved(state, team);
                    }
                }
                let persisted = self.library.persisted;
                browser::request_persistence(move |answer| persisted.set(Some(answer)));
            }
        }
        if storage_failed {
            // Without storage an address can still show the example (or say what it cannot).
            if let Some(route) = initial_route() {
                self.follow(state, &route);
            }
        }
        self.open.install_autosave(state, self.teams.shown_id);
        self.open.install_listeners(state);
        self.install_routing(state);
    }

    fn is_open(&self, id: &str) -> bool {
        self.open.opened.get_untracked() == Opened::Saved(id.to_string())
    }

    /// Renames a library entry (the open one through a save of what is on screen).
    pub fn rename(&self, state: AppState, id: &str, name: &str) {
        if self.is_open(id) {
            state.edit(|a| a.set_organisation(name.trim()));
            self.open.dirty.set(true);
            self.open.flush(state);
            self.library.refresh();
        } else {
            self.library.rename_stored(id, name);
        }
    }

    /// Deletes a library entry; it can be restored with [`Library::undo_delete`], with the
    /// latest edits when it was open.
    pub fn delete(&self, state: AppState, id: &str) {
        let is_open = self.is_open(id);
        if is_open {
            self.open.flush(state);
        }
        let Some(Ok(mut record)) = storage::read_record(id) else {
            self.notices
                .say("That assessment could not be read; it was not deleted.");
            return;
        };
        if is_open {
            // Undo must bring back what was on screen, saved or not.
            record.assessment = state.assessment.get_untracked();
        }
        if self.library.delete(record) {
            if is_open {
                self.open
                    .show(state, Opened::Nothing, Assessment::default(), None);
                state.view.set(View::Start);
            } else {
                // Space freed: what could not be saved for want of it tries again now.
                self.open.flush(state);
            }
        }
    }

    /// Imports a file over the library entry of the same name: the entry is deleted (it can be
    /// restored with undo, like any delete) and the file's assessment opened in its place.
    pub fn import_replacing(&self, state: AppState, pending: PendingImport) -> Result<(), String> {
        let (store, again) = (*self, pending.clone());
        if !self.open.may_replace(state, move || {
            let _ = store.import_replacing(state, again);
        }) {
            return Err(format!(
                "“{}” is not imported yet: the assessment on screen has changes that are not saved. Choose what to do with them first.",
                pending.file_name
            ));
        }
        self.delete(state, &pending.existing.id);
        if storage::read_record(&pending.existing.id).is_some() {
            return Err(format!(
                "“{}” was not imported: “{}” could not be replaced. Nothing was changed.",
                pending.file_name, pending.existing.name
            ));
        }
        self.open
            .import_as_new(state, &pending.file_name, pending.assessment, false)?;
        self.notices.say(format!(
            "Replaced “{}” with “{}”. The replaced version can be restored with Undo.",
            pending.existing.name, pending.file_name
        ));
        Ok(())
    }

    /// Offers a library entry (the open one as on screen) as a JSON file.
    pub fn export_entry(&self, state: AppState, id: &str) {
        if self.is_open(id) {
            self.open.flush(state);
            self.export_open(state);
        } else {
            self.library.export_stored(state.framed, id);
        }
    }
}
