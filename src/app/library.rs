//! The library of saved assessments: its list, the records that could not be read, deletes
//! with undo, duplicates, renames, imports and exports.

use leptos::prelude::*;

use super::owned::Owned;

use super::deleted::Deleted;
use super::notices::Notices;
use super::platform::Host;
use crate::domain::{
    self, display_name, LoadedLibrary, Problem, RecordStore, SavedAssessment, Stage, StorageError,
    Verdict, SCHEMA_VERSION,
};

/// One assessment in the library list.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// Library id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Assessor, if any.
    pub assessor: String,
    /// Its name in a picker: organisation, assessor and the day of its last change
    /// ([`domain::assessment_label`]).
    pub label: String,
    /// Last change, ms since the epoch.
    pub updated_at: u64,
    /// Its readiness verdict.
    pub verdict: Verdict,
    /// Where it stands now (readiness, deployment, stability), in one line.
    pub stage: String,
    /// The stage's colour, as its token ([`domain::Tone::token`]).
    pub tone: &'static str,
    /// Saved by a newer version: read-only here.
    pub newer: bool,
    /// The round of re-assessment in progress (1 before the first re-assessment).
    pub round: usize,
}

impl Entry {
    /// The list entry of a record; `day` names the day of an instant.
    pub fn of(record: &SavedAssessment, newer: bool, day: impl Fn(u64) -> String) -> Self {
        let evaluation = domain::evaluate(&record.assessment);
        Entry {
            id: record.id.clone(),
            name: display_name(&record.assessment),
            assessor: record.assessment.assessor.clone(),
            label: domain::assessment_label(&record.assessment, &day(record.updated_at)),
            updated_at: record.updated_at,
            verdict: evaluation.readiness.verdict,
            stage: Stage::of(&evaluation).headline(),
            tone: Stage::of(&evaluation).tone().token(),
            newer,
            round: record.assessment.round_number(),
        }
    }
}

/// The library as last read from storage.
#[derive(Clone, Copy)]
pub struct Library {
    /// The list, newest change first.
    pub entries: Owned<Vec<Entry>>,
    /// Records that could not be opened normally.
    pub problems: Owned<Vec<Problem>>,
    /// Records saved by a newer version (read-only here).
    pub(super) newer: RwSignal<Vec<SavedAssessment>>,
    /// Unreadable records kept aside: key and raw text.
    pub backups: Owned<Vec<(String, String)>>,
    /// Deleted records, most recent last, for undo.
    pub deleted: Deleted<SavedAssessment>,
    /// The browser's answer to `navigator.storage.persist()`.
    pub persisted: Owned<Option<bool>>,
    /// Where outcomes are told.
    notices: Notices,
    /// Where records are kept, and the clock.
    pub(super) host: Host,
}

impl Library {
    pub(super) fn new(host: Host, notices: Notices) -> Self {
        Library {
            entries: Owned::new(Vec::new()),
            problems: Owned::new(Vec::new()),
            newer: RwSignal::new(Vec::new()),
            backups: Owned::new(Vec::new()),
            deleted: Deleted::new(),
            persisted: Owned::new(None),
            notices,
            host,
        }
    }

    /// Shows a freshly loaded library.
    pub(super) fn set(&self, library: LoadedLibrary) {
        self.set_entries(&library.records, &library.newer);
        self.problems.set(library.problems);
        self.newer.set(library.newer);
        self.backups.set(self.host.records().backups());
    }

    fn set_entries(&self, records: &[SavedAssessment], newer: &[SavedAssessment]) {
        let mut entries: Vec<Entry> = records
            .iter()
            .map(|r| self.entry(r, false))
            .chain(newer.iter().map(|r| self.entry(r, true)))
            .collect();
        entries.sort_by_key(|e| std::cmp::Reverse(e.updated_at));
        self.entries.set(entries);
    }

    /// Re-reads the library list (after a change here or in another tab). Problems already
    /// reported stay listed.
    pub fn refresh(&self) {
        if let Ok(library) = self.load(false) {
            self.set_entries(&library.records, &library.newer);
            self.newer.set(library.newer);
            self.problems.update(|known| {
                for problem in library.problems {
                    if !known.contains(&problem) {
                        known.push(problem);
                    }
                }
            });
            self.backups.set(self.host.records().backups());
        }
    }

    /// Reads the library from storage, moving unreadable records aside; with `migrate_legacy`
    /// (once, at start-up) the first version's single record is migrated into it.
    pub(super) fn load(&self, migrate_legacy: bool) -> Result<LoadedLibrary, StorageError> {
        let host = self.host;
        domain::load_library(host.records(), host.now_ms(), migrate_legacy, || {
            host.new_id()
        })
    }

    /// The list entry of a record, its day in the user's time zone.
    pub(super) fn entry(&self, record: &SavedAssessment, newer: bool) -> Entry {
        Entry::of(record, newer, |ms| self.host.date_label(ms))
    }

    /// Puts a just-saved record at the top of the list.
    pub(super) fn saved(&self, record: &SavedAssessment) {
        let entry = self.entry(record, false);
        self.entries.update(|list| {
            list.retain(|e| e.id != entry.id);
            list.insert(0, entry);
        });
    }

    /// Duplicates a library entry.
    pub fn duplicate(&self, id: &str) {
        let Some(Ok(record)) = self.host.records().read::<SavedAssessment>(id) else {
            self.notices
                .say(tr!("That assessment could not be read to duplicate it."));
            return;
        };
        let mut assessment = record.assessment;
        assessment.organisation = trf!("Copy of {name}", name = display_name(&assessment));
        // A copy is edited into someone else's answers: another respondent (given a token when
        // it is first shared).
        assessment.respondent = None;
        match self.add(assessment) {
            Ok(copy) => self.notices.say(trf!(
                "Duplicated as “{name}”.",
                name = display_name(&copy.assessment)
            )),
            Err(e) => self.notices.say(e.to_string()),
        }
        self.refresh();
    }

    /// Saves an assessment as a new library entry, without opening it, and lists it.
    pub(super) fn add(
        &self,
        assessment: domain::Assessment,
    ) -> Result<SavedAssessment, domain::StorageError> {
        let written = self
            .host
            .records()
            .write(&self.new_record(assessment), None)?;
        self.saved(&written);
        Ok(written)
    }

    /// Renames an entry that is not open.
    pub(super) fn rename_stored(&self, id: &str, name: &str) {
        let Some(Ok(mut record)) = self.host.records().read::<SavedAssessment>(id) else {
            self.notices
                .say(tr!("That assessment could not be read to rename it."));
            return;
        };
        record.assessment.organisation = name.trim().to_string();
        record.updated_at = self.host.now_ms();
        let expected = Some(record.revision);
        if let Err(e) = self.host.records().write(&record, expected) {
            self.notices.say(e.to_string());
        }
        self.refresh();
    }

    /// Deletes a record, keeping `record` (what the user last saw of it) for undo.
    pub(super) fn delete(&self, record: SavedAssessment) -> bool {
        if let Err(e) = self.host.records().delete::<SavedAssessment>(&record.id) {
            self.notices.say(e.to_string());
            return false;
        }
        self.deleted.push(record);
        self.refresh();
        true
    }

    /// Restores the most recently deleted entry.
    pub fn undo_delete(&self) {
        self.deleted.undo(self.host, self.notices, |record| {
            display_name(&record.assessment)
        });
        self.refresh();
    }

    /// Offers a stored entry as a JSON file.
    pub(super) fn export_stored(&self, framed: bool, id: &str) {
        let Some(Ok(record)) = self.host.records().read::<SavedAssessment>(id) else {
            self.notices
                .say(tr!("That assessment could not be read to export it."));
            return;
        };
        let date = self.host.today_iso();
        self.notices.offer_file(
            framed,
            &domain::file_name(&record.assessment, &date, "json"),
            "application/json",
            domain::encode_file(&record.assessment, &date),
        );
    }

    /// Removes a kept-aside unreadable record, at the user's request.
    pub fn remove_backup(&self, key: &str) {
        if let Err(e) = self.host.records().remove_backup(key) {
            self.notices.say(e.to_string());
        }
        self.backups.set(self.host.records().backups());
    }

    /// A new library record around an assessment (its respondent token, if any, kept: an
    /// imported file is the same respondent's answers).
    pub(super) fn new_record(&self, assessment: domain::Assessment) -> SavedAssessment {
        SavedAssessment {
            schema: SCHEMA_VERSION,
            id: self.host.new_id(),
            revision: 0,
            updated_at: self.host.now_ms(),
            assessment,
        }
    }
}
