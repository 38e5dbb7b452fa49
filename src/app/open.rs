//! The open assessment: where it comes from, whether it is saved, and the operations that
//! put an assessment on screen or save it. Nothing unsaved is replaced without the user's
//! word.

use leptos::prelude::*;

use super::owned::Owned;

use super::conflict::{Conflict, Conflicts};
use super::dialog::{Ask, Dialogs};
use super::error::AppError;
use super::library::{Entry, Library};
use super::notices::Notices;
use super::platform::Host;
use super::state::{AppState, View};
use crate::domain::{self, display_name, Assessment, RecordStore, SavedAssessment, StorageError};

/// Where the assessment on screen comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Opened {
    /// Nothing open.
    Nothing,
    /// A library record, saved automatically.
    Saved(String),
    /// Kept in memory only (storage unavailable).
    Memory,
    /// The read-only Raccoons Inc. example.
    Example,
    /// A record from a newer version, read-only.
    Newer(String),
    /// An assessment opened from a share link, read-only until saved as a copy.
    Shared(SharedInfo),
}

/// Where a shared assessment comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedInfo {
    /// The link's payload (its address is `#/s/<payload>`).
    pub payload: String,
    /// The day the link was made (ISO date).
    pub made_on: String,
    /// Whether the link carries notes and remarks.
    pub includes_notes: bool,
}

/// An imported file waiting for the user's choice: the library already holds an assessment
/// of the same name.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingImport {
    /// The file's name.
    pub file_name: String,
    /// The valid assessment it holds.
    pub assessment: Assessment,
    /// The library entry of the same name.
    pub existing: Entry,
}

/// What an import did.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportOutcome {
    /// The file is a new library entry, now open.
    Imported,
    /// Nothing yet: replace the entry of the same name, or keep both?
    SameName(Box<PendingImport>),
}

/// The open assessment's link to storage.
#[derive(Clone, Copy)]
pub struct OpenAssessment {
    /// What is open.
    pub opened: Owned<Opened>,
    /// Revision of the open record as last read or written.
    pub(super) revision: RwSignal<Option<u64>>,
    /// The assessment as last saved (to tell a user's change from a load).
    pub(super) saved: RwSignal<Option<Assessment>>,
    /// Whether there are changes not yet saved.
    pub dirty: Owned<bool>,
    /// Counts changes, so a pending autosave knows whether a newer change superseded it.
    pub(super) generation: RwSignal<u64>,
    /// The library, refreshed when a record is written.
    pub(super) library: Library,
    /// Where a change from another tab waits for the user's choice.
    pub(super) conflicts: Conflicts,
    /// Where storage problems and outcomes are told.
    pub(super) notices: Notices,
    /// Where the user is asked before unsaved work is dropped.
    pub(super) dialogs: Dialogs,
    /// Where records are kept, and the clock.
    pub(super) host: Host,
}

impl OpenAssessment {
    pub(super) fn new(
        host: Host,
        library: Library,
        conflicts: Conflicts,
        notices: Notices,
        dialogs: Dialogs,
    ) -> Self {
        OpenAssessment {
            opened: Owned::new(Opened::Nothing),
            revision: RwSignal::new(None),
            saved: RwSignal::new(None),
            dirty: Owned::new(false),
            generation: RwSignal::new(0),
            library,
            conflicts,
            notices,
            dialogs,
            host,
        }
    }

    /// Puts an assessment on screen and records where it comes from. What was pending for the
    /// previous one (unsaved flag, conflict) is cleared; read-only follows from the source.
    pub(super) fn show(
        &self,
        state: AppState,
        opened: Opened,
        assessment: Assessment,
        revision: Option<u64>,
    ) {
        let stored = matches!(opened, Opened::Saved(_) | Opened::Newer(_));
        self.revision.set(revision);
        self.saved.set(stored.then(|| assessment.clone()));
        self.dirty.set(false);
        self.conflicts.conflict.set(None);
        state.read_only.set(matches!(
            opened,
            Opened::Example | Opened::Newer(_) | Opened::Shared(_)
        ));
        self.opened.set(opened);
        state.assessment.set(assessment);
    }

    /// Puts a record on screen without moving the user's focus (another tab's update).
    pub(super) fn load_record(&self, state: AppState, record: SavedAssessment) {
        self.show(
            state,
            Opened::Saved(record.id),
            record.assessment,
            Some(record.revision),
        );
    }

    pub(super) fn open_record(&self, state: AppState, record: SavedAssessment, view: View) {
        self.load_record(state, record);
        state.go(view);
    }

    /// Runs `operation`, which replaces what is on screen, once that loses nothing: at once
    /// when what is on screen is saved (or holds nothing to lose), giving its result;
    /// otherwise the user is asked in the page and `None` is given, and the operation runs
    /// only if they agree to drop the unsaved work (what can be saved by then is saved first;
    /// the operation's result then has no caller to go to).
    pub fn when_replaceable<T>(
        &self,
        state: AppState,
        operation: impl FnOnce() -> T + 'static,
    ) -> Option<T> {
        if self.at_risk(state) {
            self.ask_to_drop(
                state,
                Box::new(move || {
                    operation();
                }),
            );
            None
        } else {
            Some(operation())
        }
    }

    /// Whether replacing what is on screen would lose work, once it is saved if it can be.
    fn at_risk(&self, state: AppState) -> bool {
        self.flush(state);
        match self.opened.get_untracked() {
            Opened::Memory => state.assessment.with_untracked(Assessment::has_work),
            Opened::Saved(_) => {
                self.dirty.get_untracked() || self.conflicts.conflict.get_untracked().is_some()
            }
            Opened::Nothing | Opened::Example | Opened::Newer(_) | Opened::Shared(_) => false,
        }
    }

    /// Asks whether the unsaved work on screen may be dropped; on a yes, saves what can be
    /// saved by then and runs `operation`.
    fn ask_to_drop(&self, state: AppState, operation: Box<dyn FnOnce()>) {
        let this = *self;
        self.dialogs.ask(self.drop_question(state), move || {
            // Storage may have come back while the question was open.
            this.flush(state);
            operation();
        });
    }

    /// The question asked before the unsaved work on screen is dropped.
    fn drop_question(&self, state: AppState) -> Ask {
        let name = state.assessment.with_untracked(display_name);
        Ask {
            title: trf!("Drop the unsaved changes to “{name}”?", name = name),
            message: trf!(
                "Your latest changes to “{name}” are not saved in this browser. Keep them to export them as a file first (Export as a file), or drop them and go on.",
                name = name
            ),
            confirm: tr!("Drop them and go on").to_string(),
            cancel: tr!("Keep them").to_string(),
        }
    }

    /// Closes the assessment on screen without saving it, at the user's explicit request.
    pub fn close_without_saving(&self, state: AppState) {
        self.show(state, Opened::Nothing, Assessment::default(), None);
        state.go(View::Start);
    }

    /// Opens a library entry.
    pub fn open(&self, state: AppState, id: &str) {
        self.open_at(state, id, View::Preconditions);
    }

    /// Opens a library entry on a view; `false` if it is not open now (the user is asked about
    /// unsaved work on screen first, and it opens on a yes; or no such entry: the message says
    /// which).
    pub fn open_at(&self, state: AppState, id: &str, view: View) -> bool {
        let (this, id) = (*self, id.to_string());
        self.when_replaceable(state, move || this.open_now(state, &id, view))
            .unwrap_or(false)
    }

    /// Opens a library entry on a view, replacing what is on screen; `false` (and the message)
    /// when it cannot be read or is not there.
    fn open_now(&self, state: AppState, id: &str, view: View) -> bool {
        if let Some(newer) = self
            .library
            .newer
            .get_untracked()
            .into_iter()
            .find(|r| r.id == id)
        {
            self.show(state, Opened::Newer(newer.id), newer.assessment, None);
            state.go(view);
            return true;
        }
        match self.host.records().read::<SavedAssessment>(id) {
            Some(Ok(record)) => {
                self.open_record(state, record, view);
                true
            }
            Some(Err(e)) => {
                self.notices.say(trf!(
                    "This assessment could not be opened: it is {error}.",
                    error = e
                ));
                false
            }
            None => {
                self.notices.say(tr!(
                    "This assessment is not saved in this browser (deleted, or saved in another browser or another tab's private window?)."
                ));
                self.library.refresh();
                false
            }
        }
    }

    /// Creates and opens a new assessment (given its respondent token: who answers it),
    /// unless the user keeps unsaved work on screen.
    pub fn create(&self, state: AppState, mut assessment: Assessment, view: View) {
        assessment.give_respondent_token(self.host.token_bytes());
        let this = *self;
        self.when_replaceable(state, move || {
            this.create_unguarded(state, assessment, view);
        });
    }

    /// Creates and opens a new assessment: saved at once (`true`), or in memory only when
    /// storage cannot be used (`false`).
    pub(super) fn create_unguarded(
        &self,
        state: AppState,
        assessment: Assessment,
        view: View,
    ) -> bool {
        let record = self.library.new_record(assessment);
        match self.host.records().write(&record, None) {
            Ok(written) => {
                self.library.refresh();
                self.open_record(state, written, view);
                true
            }
            Err(e) => {
                self.notices.storage_error.set(Some(e));
                self.show(state, Opened::Memory, record.assessment, None);
                state.go(view);
                false
            }
        }
    }

    /// Opens the read-only Raccoons Inc. example.
    pub fn open_example(&self, state: AppState) {
        self.open_example_at(state, View::Preconditions);
    }

    /// Opens the read-only Raccoons Inc. example on a view; `false` if it is not open now (the
    /// user is asked about unsaved work on screen first, and it opens on a yes).
    pub fn open_example_at(&self, state: AppState, view: View) -> bool {
        let this = *self;
        self.when_replaceable(state, move || {
            this.show(state, Opened::Example, domain::raccoons_inc(), None);
            state.go(view);
        })
        .is_some()
    }

    /// Saves a copy of what is on screen as a new library entry and opens it.
    pub fn save_copy(&self, state: AppState, name: String) {
        let mut copy = state.assessment.get_untracked();
        copy.organisation = name;
        if self.opened.get_untracked() == Opened::Example {
            // The example's assessor field names its source, not the person copying it.
            copy.assessor = String::new();
        }
        if matches!(
            self.opened.get_untracked(),
            Opened::Example | Opened::Shared(_)
        ) {
            // Someone else's answers as a starting point: whoever edits the copy is another
            // respondent. A copy of one's own (a newer version's record, this tab's version)
            // stays the same respondent.
            copy.respondent = None;
            copy.give_respondent_token(self.host.token_bytes());
        }
        let saved = self.create_unguarded(state, copy, state.view.get_untracked());
        self.notices.say(if saved {
            tr!("Saved as a new assessment in your library.")
        } else {
            // The storage notice says once that it is not saved, with the one export button.
            tr!("Copied: the copy is on screen.")
        });
    }

    /// Imports a file: a valid one becomes a new library entry and is opened, unless the
    /// library already holds an assessment of the same name, in which case it waits for the
    /// user's choice ([`ImportOutcome::SameName`]). An invalid one changes nothing, and the
    /// error says why (to show where the file was chosen).
    pub fn import(
        &self,
        state: AppState,
        file_name: &str,
        bytes: &[u8],
    ) -> Result<ImportOutcome, AppError> {
        let assessment =
            domain::decode_file_bytes(bytes).map_err(|error| AppError::FileRefused {
                file_name: file_name.to_string(),
                error,
            })?;
        let name = display_name(&assessment).to_lowercase();
        let same = self.library.entries.with_untracked(|entries| {
            entries
                .iter()
                .find(|e| !e.newer && e.name.to_lowercase() == name)
                .cloned()
        });
        if let Some(existing) = same {
            return Ok(ImportOutcome::SameName(Box::new(PendingImport {
                file_name: file_name.to_string(),
                assessment,
                existing,
            })));
        }
        self.import_as_new(state, file_name, assessment, false)?;
        Ok(ImportOutcome::Imported)
    }

    /// Adds an imported assessment to the library and opens it, once what is on screen may be
    /// replaced; with `renamed`, its name says it was imported (to tell it from the one of the
    /// same name).
    pub fn import_as_new(
        &self,
        state: AppState,
        file_name: &str,
        assessment: Assessment,
        renamed: bool,
    ) -> Result<(), AppError> {
        let (this, name) = (*self, file_name.to_string());
        self.when_replaceable(state, move || {
            this.import_now(state, &name, assessment, renamed)
        })
        .ok_or_else(|| AppError::UnsavedChanges {
            file_name: file_name.to_string(),
        })
    }

    /// Adds an imported assessment to the library and opens it, replacing what is on screen
    /// (the caller made sure that loses nothing, or the user agreed to drop it).
    pub(super) fn import_now(
        &self,
        state: AppState,
        file_name: &str,
        mut assessment: Assessment,
        renamed: bool,
    ) {
        if renamed {
            let name = trf!(
                "{name} (imported {date})",
                name = display_name(&assessment),
                date = self.host.today_iso()
            );
            assessment.set_organisation(&name);
        }
        let saved = self.create_unguarded(state, assessment, View::Preconditions);
        self.notices.say(if saved {
            trf!(
                "Imported “{file_name}” as a new assessment.",
                file_name = file_name
            )
        } else {
            trf!(
                "Imported “{file_name}”, in memory only: this browser cannot save it.",
                file_name = file_name
            )
        });
    }

    /// Saves now if there are unsaved changes.
    pub fn flush(&self, state: AppState) {
        match self.opened.get_untracked() {
            Opened::Saved(_) if self.dirty.get_untracked() => self.save(state),
            Opened::Memory if self.notices.may_retry_storage() => self.save_from_memory(state),
            _ => {}
        }
    }

    /// Storage was full (or refused a write) when this assessment was created, so it lives in
    /// memory: try again to save it as a new library record; it becomes an ordinary saved
    /// assessment, and the "storage full" marker clears, once the write succeeds.
    fn save_from_memory(&self, state: AppState) {
        let record = self.library.new_record(state.assessment.get_untracked());
        match self.host.records().write(&record, None) {
            Ok(written) => {
                self.notices.storage_error.set(None);
                self.revision.set(Some(written.revision));
                self.saved.set(Some(written.assessment.clone()));
                self.dirty.set(false);
                self.opened.set(Opened::Saved(written.id.clone()));
                self.library.saved(&written);
            }
            Err(e) => self.notices.storage_error.set(Some(e)),
        }
    }

    /// Writes the open assessment over its record, unless another tab changed that record
    /// since it was read (then the conflict is offered to the user instead).
    pub(super) fn save(&self, state: AppState) {
        let Opened::Saved(id) = self.opened.get_untracked() else {
            return;
        };
        if self.conflicts.conflict.get_untracked().is_some() {
            return;
        }
        let assessment = state.assessment.get_untracked();
        let record = SavedAssessment {
            schema: domain::SCHEMA_VERSION,
            id: id.clone(),
            revision: self.revision.get_untracked().unwrap_or(0),
            updated_at: self.host.now_ms(),
            assessment: assessment.clone(),
        };
        match self
            .host
            .records()
            .write(&record, self.revision.get_untracked())
        {
            Ok(written) => {
                self.revision.set(Some(written.revision));
                self.saved.set(Some(assessment));
                self.dirty.set(false);
                if matches!(
                    self.notices.storage_error.get_untracked(),
                    Some(StorageError::QuotaExceeded | StorageError::Refused(_))
                ) {
                    self.notices.storage_error.set(None);
                }
                self.library.saved(&written);
            }
            Err(
                StorageError::ChangedElsewhere { .. }
                | StorageError::NewerVersionPresent
                | StorageError::StoredUnreadable,
            ) => {
                self.conflicts
                    .conflict
                    .set(Some(Conflict::of(self.host, &id)));
            }
            Err(e) => self.notices.storage_error.set(Some(e)),
        }
    }
}
