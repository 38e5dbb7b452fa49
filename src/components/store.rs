//! The link between the app's state and the saved library: startup, autosave, another tab's
//! changes, and the library operations (new, open, rename, duplicate, delete with undo,
//! import). Browser calls go through [`crate::browser`]; the rules about records live in
//! [`crate::domain::records`] and [`crate::domain::file`].

use std::time::Duration;

use leptos::prelude::*;

use super::{AppState, View};
use crate::browser::{self, storage, storage::Problem, storage::StorageError};
use crate::domain::records::{display_name, SavedAssessment, SCHEMA_VERSION};
use crate::domain::{self, Assessment, Verdict};

/// How long after the last change an autosave waits.
const AUTOSAVE_DELAY: Duration = Duration::from_millis(400);

/// One assessment in the library list.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// Library id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Assessor, if any.
    pub assessor: String,
    /// Last change, ms since the epoch.
    pub updated_at: f64,
    /// Its readiness verdict.
    pub verdict: Verdict,
    /// Saved by a newer version: read-only here.
    pub newer: bool,
}

impl Entry {
    fn of(record: &SavedAssessment, newer: bool) -> Self {
        Entry {
            id: record.id.clone(),
            name: display_name(&record.assessment),
            assessor: record.assessment.assessor.clone(),
            updated_at: record.updated_at,
            verdict: domain::readiness::evaluate(&record.assessment).verdict,
            newer,
        }
    }
}

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
}

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
    fn of(id: &str) -> Conflict {
        match storage::read_record(id) {
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

/// Saved-data state, provided as context with [`AppState`].
#[derive(Clone, Copy)]
pub struct Store {
    /// The library list, newest change first.
    pub entries: RwSignal<Vec<Entry>>,
    /// What is open.
    pub opened: RwSignal<Opened>,
    /// Revision of the open record as last read or written.
    revision: RwSignal<Option<u64>>,
    /// The assessment as last saved (to tell a user's change from a load).
    saved: RwSignal<Option<Assessment>>,
    /// Whether there are changes not yet saved.
    pub dirty: RwSignal<bool>,
    /// Why storage cannot be used, if it cannot.
    pub storage_error: RwSignal<Option<StorageError>>,
    /// A message about the last operation (import refused, copy made, …).
    pub message: RwSignal<Option<String>>,
    /// Another tab's conflicting change.
    pub conflict: RwSignal<Option<Conflict>>,
    /// Records that could not be opened normally.
    pub problems: RwSignal<Vec<Problem>>,
    /// Records saved by a newer version.
    newer: RwSignal<Vec<SavedAssessment>>,
    /// Deleted records, most recent last, for undo.
    pub deleted: RwSignal<Vec<SavedAssessment>>,
    /// The browser's answer to `navigator.storage.persist()`.
    pub persisted: RwSignal<Option<bool>>,
    generation: RwSignal<u64>,
}

/// The store from context.
pub fn use_store() -> Store {
    expect_context::<Store>()
}

impl Store {
    /// Loads the library and reopens what was open; installs autosave and tab listeners.
    pub fn start(state: AppState) -> Store {
        let store = Store {
            entries: RwSignal::new(Vec::new()),
            opened: RwSignal::new(Opened::Nothing),
            revision: RwSignal::new(None),
            saved: RwSignal::new(None),
            dirty: RwSignal::new(false),
            storage_error: RwSignal::new(None),
            message: RwSignal::new(None),
            conflict: RwSignal::new(None),
            problems: RwSignal::new(Vec::new()),
            newer: RwSignal::new(Vec::new()),
            deleted: RwSignal::new(Vec::new()),
            persisted: RwSignal::new(None),
            generation: RwSignal::new(0),
        };
        provide_context(store);
        match storage::load_library(browser::now_ms(), true, browser::new_id) {
            Err(e) => store.storage_error.set(Some(e)),
            Ok(library) => {
                store.set_entries(&library.records, &library.newer);
                store.problems.set(library.problems);
                store.newer.set(library.newer);
                if let Some(session) = library.session {
                    let record = session
                        .open
                        .and_then(|id| library.records.iter().find(|r| r.id == id).cloned());
                    if let Some(record) = record {
                        let view = View::from_token(&session.view).unwrap_or(View::Preconditions);
                        store.open_record(state, record, view);
                    }
                }
                let persisted = store.persisted;
                browser::request_persistence(move |answer| persisted.set(Some(answer)));
            }
        }
        store.install_autosave(state);
        store.install_listeners(state);
        store
    }

    fn set_entries(&self, records: &[SavedAssessment], newer: &[SavedAssessment]) {
        let mut entries: Vec<Entry> = records
            .iter()
            .map(|r| Entry::of(r, false))
            .chain(newer.iter().map(|r| Entry::of(r, true)))
            .collect();
        entries.sort_by(|a, b| b.updated_at.total_cmp(&a.updated_at));
        self.entries.set(entries);
    }

    /// Re-reads the library list (after another tab's change).
    pub fn refresh(&self) {
        if let Ok(library) = storage::load_library(browser::now_ms(), false, browser::new_id) {
            self.set_entries(&library.records, &library.newer);
            self.newer.set(library.newer);
            self.problems.update(|known| {
                for problem in library.problems {
                    if !known.contains(&problem) {
                        known.push(problem);
                    }
                }
            });
        }
    }

    /// Puts an assessment on screen and records where it comes from. What was pending for the
    /// previous one (unsaved flag, conflict) is cleared; read-only follows from the source.
    fn show(&self, state: AppState, opened: Opened, assessment: Assessment, revision: Option<u64>) {
        let stored = matches!(opened, Opened::Saved(_) | Opened::Newer(_));
        self.revision.set(revision);
        self.saved.set(stored.then(|| assessment.clone()));
        self.dirty.set(false);
        self.conflict.set(None);
        state
            .read_only
            .set(matches!(opened, Opened::Example | Opened::Newer(_)));
        self.opened.set(opened);
        state.assessment.set(assessment);
    }

    /// Puts a record on screen without moving the user's focus (another tab's update).
    fn load_record(&self, state: AppState, record: SavedAssessment) {
        self.show(
            state,
            Opened::Saved(record.id),
            record.assessment,
            Some(record.revision),
        );
    }

    fn open_record(&self, state: AppState, record: SavedAssessment, view: View) {
        self.load_record(state, record);
        state.go(view);
    }

    /// Whether what is on screen may be replaced: it is saved (or holds nothing to lose), or
    /// the user agrees to drop it.
    pub fn may_replace(&self, state: AppState) -> bool {
        self.flush(state);
        let at_risk = match self.opened.get_untracked() {
            Opened::Memory => state.assessment.with_untracked(Assessment::has_work),
            Opened::Saved(_) => {
                self.dirty.get_untracked() || self.conflict.get_untracked().is_some()
            }
            Opened::Nothing | Opened::Example | Opened::Newer(_) => false,
        };
        let name = state.assessment.with_untracked(display_name);
        if !at_risk
            || browser::confirm(&format!(
                "Your latest changes to “{name}” are not saved in this browser. Drop them? Choose Cancel, then “Export as a file”, to keep them."
            ))
        {
            return true;
        }
        // Also where dialogs are blocked (a sandboxed frame answers "no" without asking).
        self.message.set(Some(format!(
            "Nothing was replaced: the latest changes to “{name}” are not saved in this browser. Export them as a file, or close the assessment without saving, then try again."
        )));
        false
    }

    /// Closes the assessment on screen without saving it, at the user's explicit request.
    pub fn close_without_saving(&self, state: AppState) {
        self.show(state, Opened::Nothing, Assessment::default(), None);
        state.go(View::Start);
    }

    /// Opens a library entry.
    pub fn open(&self, state: AppState, id: &str) {
        if !self.may_replace(state) {
            return;
        }
        if let Some(newer) = self.newer.get_untracked().into_iter().find(|r| r.id == id) {
            self.show(state, Opened::Newer(newer.id), newer.assessment, None);
            state.go(View::Preconditions);
            return;
        }
        match storage::read_record(id) {
            Some(Ok(record)) => self.open_record(state, record, View::Preconditions),
            Some(Err(e)) => self.message.set(Some(format!(
                "This assessment could not be opened: it is {e}."
            ))),
            None => {
                self.message.set(Some(
                    "This assessment is no longer saved here (deleted in another tab?)."
                        .to_string(),
                ));
                self.refresh();
            }
        }
    }

    /// Creates and opens a new assessment, unless the user keeps unsaved work on screen.
    pub fn create(&self, state: AppState, assessment: Assessment, view: View) {
        if self.may_replace(state) {
            self.create_unguarded(state, assessment, view);
        }
    }

    /// Creates and opens a new assessment: saved at once (`true`), or in memory only when
    /// storage cannot be used (`false`).
    fn create_unguarded(&self, state: AppState, assessment: Assessment, view: View) -> bool {
        let record = SavedAssessment {
            schema: SCHEMA_VERSION,
            id: browser::new_id(),
            revision: 0,
            updated_at: browser::now_ms(),
            assessment,
        };
        match storage::write_record(&record, None) {
            Ok(written) => {
                self.refresh();
                self.open_record(state, written, view);
                true
            }
            Err(e) => {
                self.storage_error.set(Some(e));
                self.show(state, Opened::Memory, record.assessment, None);
                state.go(view);
                false
            }
        }
    }

    /// Opens the read-only Raccoons Inc. example.
    pub fn open_example(&self, state: AppState) {
        if !self.may_replace(state) {
            return;
        }
        self.show(
            state,
            Opened::Example,
            domain::example::raccoons_inc(),
            None,
        );
        state.go(View::Preconditions);
    }

    /// Saves a copy of what is on screen as a new library entry and opens it.
    pub fn save_copy(&self, state: AppState, name: String) {
        let mut copy = state.assessment.get_untracked();
        copy.organisation = name;
        if self.opened.get_untracked() == Opened::Example {
            // The example's assessor field names its source, not the person copying it.
            copy.assessor = String::new();
        }
        let saved = self.create_unguarded(state, copy, state.view.get_untracked());
        self.message.set(Some(if saved {
            "Saved as a new assessment in your library.".to_string()
        } else {
            "Copied, but kept in memory only: this browser cannot save it. Export it as a file to keep it.".to_string()
        }));
    }

    /// Duplicates a library entry.
    pub fn duplicate(&self, id: &str) {
        let Some(Ok(record)) = storage::read_record(id) else {
            self.message.set(Some(
                "That assessment could not be read to duplicate it.".to_string(),
            ));
            return;
        };
        let mut assessment = record.assessment;
        assessment.organisation = format!("Copy of {}", display_name(&assessment));
        let copy = SavedAssessment {
            schema: SCHEMA_VERSION,
            id: browser::new_id(),
            revision: 0,
            updated_at: browser::now_ms(),
            assessment,
        };
        match storage::write_record(&copy, None) {
            Ok(_) => self.message.set(Some(format!(
                "Duplicated as “{}”.",
                display_name(&copy.assessment)
            ))),
            Err(e) => self.message.set(Some(e.to_string())),
        }
        self.refresh();
    }

    /// Renames a library entry (the open one through a save of what is on screen).
    pub fn rename(&self, state: AppState, id: &str, name: &str) {
        if self.opened.get_untracked() == Opened::Saved(id.to_string()) {
            state.edit(|a| a.organisation = name.trim().to_string());
            self.dirty.set(true);
            self.save(state);
            self.refresh();
            return;
        }
        let Some(Ok(mut record)) = storage::read_record(id) else {
            self.message.set(Some(
                "That assessment could not be read to rename it.".to_string(),
            ));
            return;
        };
        record.assessment.organisation = name.trim().to_string();
        record.updated_at = browser::now_ms();
        let expected = Some(record.revision);
        if let Err(e) = storage::write_record(&record, expected) {
            self.message.set(Some(e.to_string()));
        }
        self.refresh();
    }

    /// Deletes a library entry; it can be restored with [`Store::undo_delete`].
    pub fn delete(&self, state: AppState, id: &str) {
        let is_open = self.opened.get_untracked() == Opened::Saved(id.to_string());
        if is_open {
            self.flush(state);
        }
        let Some(Ok(mut record)) = storage::read_record(id) else {
            self.message.set(Some(
                "That assessment could not be read; it was not deleted.".to_string(),
            ));
            return;
        };
        if is_open {
            // Undo must bring back what was on screen, saved or not.
            record.assessment = state.assessment.get_untracked();
        }
        if let Err(e) = storage::delete_record(id) {
            self.message.set(Some(e.to_string()));
            return;
        }
        if is_open {
            self.show(state, Opened::Nothing, Assessment::default(), None);
            state.view.set(View::Start);
        }
        self.deleted.update(|d| d.push(record));
        self.refresh();
    }

    /// Restores the most recently deleted entry.
    pub fn undo_delete(&self) {
        let Some(record) = self.deleted.get_untracked().last().cloned() else {
            return;
        };
        match storage::write_record(&record, None) {
            Ok(_) => {
                self.deleted.update(|d| {
                    d.pop();
                });
                self.message.set(Some(format!(
                    "Restored “{}”.",
                    display_name(&record.assessment)
                )));
            }
            Err(e) => self.message.set(Some(e.to_string())),
        }
        self.refresh();
    }

    /// Imports a file's text: a valid file becomes a new library entry; an invalid one is
    /// explained and changes nothing.
    pub fn import(&self, state: AppState, file_name: &str, text: &str) {
        match domain::file::import(text) {
            Ok(assessment) => {
                if !self.may_replace(state) {
                    return;
                }
                let saved = self.create_unguarded(state, assessment, View::Preconditions);
                self.message.set(Some(if saved {
                    format!("Imported “{file_name}” as a new assessment.")
                } else {
                    format!("Imported “{file_name}”, in memory only: this browser cannot save it.")
                }));
            }
            Err(e) => self.message.set(Some(format!(
                "“{file_name}” was not imported: {e} Nothing was changed."
            ))),
        }
    }

    /// Downloads a library entry (the open one as on screen) as a JSON file.
    pub fn export_entry(&self, state: AppState, id: &str) -> Result<(), String> {
        if self.opened.get_untracked() == Opened::Saved(id.to_string()) {
            self.flush(state);
            return super::notices::export_file(state);
        }
        let record = storage::read_record(id)
            .and_then(Result::ok)
            .ok_or_else(|| "That assessment could not be read to export it.".to_string())?;
        let date = browser::today_iso();
        browser::download(
            &domain::file::file_name(&record.assessment, &date, "json"),
            "application/json",
            &domain::file::export(&record.assessment, &date),
        )
    }

    /// Saves now if there are unsaved changes.
    pub fn flush(&self, state: AppState) {
        if self.dirty.get_untracked() {
            self.save(state);
        }
    }

    fn save(&self, state: AppState) {
        let Opened::Saved(id) = self.opened.get_untracked() else {
            return;
        };
        if self.conflict.get_untracked().is_some() {
            return;
        }
        let assessment = state.assessment.get_untracked();
        let record = SavedAssessment {
            schema: SCHEMA_VERSION,
            id: id.clone(),
            revision: self.revision.get_untracked().unwrap_or(0),
            updated_at: browser::now_ms(),
            assessment: assessment.clone(),
        };
        match storage::write_record(&record, self.revision.get_untracked()) {
            Ok(written) => {
                self.revision.set(Some(written.revision));
                self.saved.set(Some(assessment));
                self.dirty.set(false);
                if matches!(
                    self.storage_error.get_untracked(),
                    Some(StorageError::QuotaExceeded | StorageError::Refused(_))
                ) {
                    self.storage_error.set(None);
                }
                let entry = Entry::of(&written, false);
                self.entries.update(|list| {
                    list.retain(|e| e.id != entry.id);
                    list.insert(0, entry);
                });
            }
            Err(StorageError::ChangedElsewhere { .. } | StorageError::NewerVersionPresent) => {
                self.conflict.set(Some(Conflict::of(&id)));
            }
            Err(e) => self.storage_error.set(Some(e)),
        }
    }

    /// Resolves a conflict by taking the other tab's version (or closing, if it was deleted).
    pub fn take_theirs(&self, state: AppState) {
        let Some(conflict) = self.conflict.get_untracked() else {
            return;
        };
        self.conflict.set(None);
        match conflict.theirs {
            Some(record) => self.load_record(state, record),
            None => {
                self.show(state, Opened::Nothing, Assessment::default(), None);
                state.view.set(View::Start);
            }
        }
        self.refresh();
    }

    /// Resolves a conflict by writing this tab's version over the other (restoring it, if it
    /// was deleted). Unreadable data is never written over: then both are kept.
    pub fn keep_mine(&self, state: AppState) {
        let Some(conflict) = self.conflict.get_untracked() else {
            return;
        };
        if conflict.kind == ConflictKind::Unreadable {
            self.keep_both(state);
            return;
        }
        self.revision.set(conflict.theirs.map(|r| r.revision));
        self.conflict.set(None);
        self.dirty.set(true);
        self.save(state);
        self.refresh();
    }

    /// Resolves a conflict by keeping both: this tab's version becomes a new entry.
    pub fn keep_both(&self, state: AppState) {
        self.conflict.set(None);
        self.dirty.set(false);
        let name = format!(
            "{} (this tab's version)",
            display_name(&state.assessment.get_untracked())
        );
        self.save_copy(state, name);
    }

    fn install_autosave(&self, state: AppState) {
        let store = *self;
        Effect::new(move |_| {
            let changed = state
                .assessment
                .with(|a| store.saved.with_untracked(|s| s.as_ref() != Some(a)));
            if !changed || !matches!(store.opened.get_untracked(), Opened::Saved(_)) {
                return;
            }
            store.dirty.set(true);
            let generation = store.generation.get_untracked() + 1;
            store.generation.set(generation);
            set_timeout(
                move || {
                    if store.generation.get_untracked() == generation {
                        store.flush(state);
                    }
                },
                AUTOSAVE_DELAY,
            );
        });
        Effect::new(move |_| {
            let view = state.view.get();
            let open = match store.opened.get() {
                Opened::Saved(id) => Some(id),
                _ => None,
            };
            if store
                .storage_error
                .with_untracked(|e| e.as_ref() != Some(&StorageError::Unavailable))
            {
                let _ = storage::write_session(open.as_deref(), view.token());
            }
        });
    }

    fn install_listeners(&self, state: AppState) {
        let store = *self;
        // Save at once when the page is hidden or closed.
        let hide = window_event_listener(leptos::ev::pagehide, move |_| store.flush(state));
        let visibility = window_event_listener(leptos::ev::visibilitychange, move |_| {
            if browser::page_hidden() {
                store.flush(state);
            }
        });
        // Another tab wrote: pick up its change, or ask when this tab has unsaved edits.
        let storage_events = window_event_listener(leptos::ev::storage, move |ev| {
            let Some(key) = ev.key() else {
                store.refresh();
                return;
            };
            if !key.starts_with(storage::RECORD_PREFIX) {
                return;
            }
            store.refresh();
            let Opened::Saved(id) = store.opened.get_untracked() else {
                return;
            };
            if !storage::is_record_key(&key, &id) {
                return;
            }
            let conflict = Conflict::of(&id);
            if conflict.theirs.as_ref().map(|r| r.revision) == store.revision.get_untracked() {
                return;
            }
            match (
                store.dirty.get_untracked(),
                conflict.kind,
                conflict.theirs.clone(),
            ) {
                (false, ConflictKind::Changed, Some(record)) => {
                    store.load_record(state, record);
                    store.message.set(Some(
                        "This assessment was updated from another tab.".to_string(),
                    ));
                }
                _ => store.conflict.set(Some(conflict)),
            }
        });
        on_cleanup(move || {
            hide.remove();
            visibility.remove();
            storage_events.remove();
        });
    }
}
