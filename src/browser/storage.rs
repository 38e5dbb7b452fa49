//! The library of assessments in `localStorage`, through gloo-storage.
//!
//! gloo-storage throws (it does not return `Err`) where storage is missing, as in sandboxed
//! iframes, so every entry point probes `window.localStorage` first, and then uses gloo's raw
//! string access only: the domain encodes and decodes every record ([`crate::domain`]). Nothing readable is
//! overwritten without the user's word: unreadable records are moved aside under a backup key
//! (the original is removed only once the copy is written), records from a newer schema are
//! never written to, and every write checks the stored revision so another tab's change is
//! noticed instead of silently replaced.

use std::fmt;

use gloo_storage::{LocalStorage, Storage};

use crate::domain::{
    decode_newer_saved_team, decode_saved, decode_saved_team, decode_session, encode_saved,
    encode_saved_team, encode_session, migrate_v1, RecordError, SavedAssessment, SavedTeam,
    Session, SCHEMA_VERSION, TEAM_SCHEMA_VERSION,
};

/// Prefix of every key this app writes.
pub const PREFIX: &str = "koom-readiness/";
/// Key of the schema-1 single record, migrated into the library on first load.
pub const LEGACY_CURRENT_KEY: &str = "koom-readiness/current";
/// Prefix of library records: one per assessment, by id.
pub const RECORD_PREFIX: &str = "koom-readiness/assessment/";
/// Key of the session record (open assessment and view).
pub const SESSION_KEY: &str = "koom-readiness/session";
/// Prefix of team view records: one per team view, by id. Apart from the assessments, so
/// versions that know no team view never take one for a damaged assessment.
pub const TEAM_PREFIX: &str = "koom-readiness/team/";
/// Prefix of the keys unreadable records are moved to.
pub const BACKUP_PREFIX: &str = "koom-readiness/backup/";

/// Why storage could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    /// No `localStorage` (disabled, or a sandboxed iframe).
    Unavailable,
    /// The browser refused the write because storage is full.
    QuotaExceeded,
    /// The browser refused the write for another reason.
    Refused(String),
    /// The stored record was written by a newer version; it is never overwritten.
    NewerVersionPresent,
    /// Another tab changed the record since this tab read it.
    ChangedElsewhere {
        /// The revision found in storage (`None`: the record was deleted).
        stored: Option<u64>,
    },
    /// The stored record can no longer be read (damaged, perhaps by another program); it is
    /// kept, never written over.
    StoredUnreadable,
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageError::Unavailable => write!(f, "This browser does not let the page keep data here (storage is disabled, or the page is embedded in a sandboxed frame). Your answers are kept in memory only and are lost when the page closes: export the assessment as a file to keep it."),
            StorageError::QuotaExceeded => write!(f, "The browser's storage for this site is full, so your latest changes are kept in memory only. Export the assessment as a file to keep it, or delete assessments you no longer need."),
            StorageError::Refused(detail) => write!(f, "The browser refused to save ({detail}). Your changes are kept in memory only: export the assessment as a file to keep it."),
            StorageError::NewerVersionPresent => write!(f, "This assessment was saved by a newer version of KOOM Readiness. It is shown read-only and is never overwritten here."),
            StorageError::ChangedElsewhere { stored: Some(_) } => write!(f, "This assessment was changed in another tab or window."),
            StorageError::ChangedElsewhere { stored: None } => write!(f, "This assessment was deleted in another tab or window."),
            StorageError::StoredUnreadable => write!(f, "The saved copy of this assessment can no longer be read here. It is left untouched."),
        }
    }
}

impl std::error::Error for StorageError {}

/// Whether `localStorage` can be used. Must be checked before any gloo-storage call.
pub fn probe() -> Result<(), StorageError> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok())
        .flatten()
        .map(|_| ())
        .ok_or(StorageError::Unavailable)
}

fn raw_get(key: &str) -> Option<String> {
    probe().ok()?;
    LocalStorage::raw().get_item(key).ok().flatten()
}

fn raw_set(key: &str, value: &str) -> Result<(), StorageError> {
    probe()?;
    LocalStorage::raw().set_item(key, value).map_err(|v| {
        let field = |name: &str| {
            js_sys::Reflect::get(&v, &name.into())
                .ok()
                .and_then(|x| x.as_string())
                .unwrap_or_default()
        };
        classify(&field("name"), &field("message"))
    })
}

fn classify(name: &str, message: &str) -> StorageError {
    if name == "QuotaExceededError" || message.to_lowercase().contains("quota") {
        StorageError::QuotaExceeded
    } else {
        StorageError::Refused(format!("{name}: {message}"))
    }
}

fn raw_remove(key: &str) -> Result<(), StorageError> {
    probe()?;
    LocalStorage::raw()
        .remove_item(key)
        .map_err(|_| StorageError::Refused("removeItem failed".to_string()))
}

fn keys() -> Vec<String> {
    if probe().is_err() {
        return Vec::new();
    }
    let raw = LocalStorage::raw();
    let n = raw.length().unwrap_or(0);
    (0..n).filter_map(|i| raw.key(i).ok().flatten()).collect()
}

/// The storage key of an assessment.
pub fn record_key(id: &str) -> String {
    format!("{RECORD_PREFIX}{id}")
}

/// A record that could not be opened normally.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// Written by a newer version in a form this version cannot read at all: left in place,
    /// untouched, for that version.
    Newer {
        /// The key it is under.
        key: String,
        /// Its schema.
        schema: u32,
    },

    /// Unreadable; its text was moved to `backup_key` (or left in place if that failed).
    Unreadable {
        /// The key it was found under.
        key: String,
        /// Where its raw text is now.
        backup_key: Option<String>,
        /// What was wrong.
        reason: String,
    },
}

/// What loading the library found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LoadedLibrary {
    /// Records this version can read and write, newest first.
    pub records: Vec<SavedAssessment>,
    /// Records from a newer schema, readable parts only: shown read-only, never written.
    pub newer: Vec<SavedAssessment>,
    /// Records that could not be read.
    pub problems: Vec<Problem>,
    /// The open assessment and view, if saved.
    pub session: Option<Session>,
}

fn move_aside(key: &str, raw: &str, now: u64) -> Option<String> {
    let suffix = key.trim_start_matches(PREFIX).replace('/', "-");
    let backup = format!("{BACKUP_PREFIX}{suffix}-{now}");
    raw_set(&backup, raw).ok()?;
    // Only once the copy is safely written is the original removed.
    let _ = raw_remove(key);
    Some(backup)
}

/// Loads the whole library, moving unreadable records aside. With `migrate_legacy` (once, at
/// start-up) a schema-1 record is migrated into the library; `new_id` names it.
pub fn load_library(
    now: u64,
    migrate_legacy: bool,
    mut new_id: impl FnMut() -> String,
) -> Result<LoadedLibrary, StorageError> {
    probe()?;
    let mut library = LoadedLibrary::default();
    let mut session = raw_get(SESSION_KEY).and_then(|s| decode_session(&s));

    if let Some(raw) = raw_get(LEGACY_CURRENT_KEY).filter(|_| migrate_legacy) {
        let id = new_id();
        match migrate_v1(&raw, &id, now) {
            Ok((record, view)) => {
                // The legacy key goes only once the migrated record is written.
                if raw_set(&record_key(&id), &encode_saved(&record)).is_ok() {
                    let _ = raw_remove(LEGACY_CURRENT_KEY);
                    if session.is_none() {
                        session = Some(Session {
                            schema: SCHEMA_VERSION,
                            open: Some(id),
                            view,
                        });
                    }
                }
            }
            Err(e) => library.problems.push(Problem::Unreadable {
                key: LEGACY_CURRENT_KEY.to_string(),
                backup_key: move_aside(LEGACY_CURRENT_KEY, &raw, now),
                reason: e.to_string(),
            }),
        }
    }

    for key in keys().into_iter().filter(|k| k.starts_with(RECORD_PREFIX)) {
        let Some(raw) = raw_get(&key) else { continue };
        let id = key.trim_start_matches(RECORD_PREFIX).to_string();
        match decode_saved(&raw, &id, now) {
            Ok(mut record) => {
                record.id = id;
                library.records.push(record);
            }
            Err(RecordError::NewerSchema {
                readable: Some(record),
                ..
            }) => {
                let mut record = *record;
                record.id = id;
                library.newer.push(record);
            }
            // Never moved aside: the newer version must find it where it left it.
            Err(RecordError::NewerSchema {
                schema,
                readable: None,
            }) => library.problems.push(Problem::Newer { key, schema }),
            Err(e) => library.problems.push(Problem::Unreadable {
                backup_key: move_aside(&key, &raw, now),
                key,
                reason: e.to_string(),
            }),
        }
    }
    library
        .records
        .sort_by_key(|r| std::cmp::Reverse(r.updated_at));
    library.session = session;
    Ok(library)
}

/// The revision of the stored record, `None` if there is none; `Err` if it is unreadable or
/// from a newer version.
pub fn stored_revision(id: &str) -> Result<Option<u64>, StorageError> {
    let Some(raw) = raw_get(&record_key(id)) else {
        return Ok(None);
    };
    match decode_saved(&raw, id, 0) {
        Ok(r) => Ok(Some(r.revision)),
        Err(RecordError::NewerSchema { .. }) => Err(StorageError::NewerVersionPresent),
        // Unreadable data is kept, never written over.
        Err(RecordError::Unreadable { .. }) => Err(StorageError::StoredUnreadable),
    }
}

/// Reads one record as stored now.
pub fn read_record(id: &str) -> Option<Result<SavedAssessment, RecordError>> {
    let raw = raw_get(&record_key(id))?;
    Some(decode_saved(&raw, id, 0).map(|mut r| {
        r.id = id.to_string();
        r
    }))
}

/// Writes a record if the stored one still has `expected` revision (`None`: no record yet).
/// Returns the record as written (with its new revision).
pub fn write_record(
    record: &SavedAssessment,
    expected: Option<u64>,
) -> Result<SavedAssessment, StorageError> {
    probe()?;
    let stored = stored_revision(&record.id)?;
    if stored != expected {
        return Err(StorageError::ChangedElsewhere { stored });
    }
    let mut next = record.clone();
    next.schema = SCHEMA_VERSION;
    next.revision = stored.unwrap_or(0) + 1;
    raw_set(&record_key(&record.id), &encode_saved(&next))?;
    Ok(next)
}

/// Deletes a record (the caller keeps it in memory for undo).
pub fn delete_record(id: &str) -> Result<(), StorageError> {
    raw_remove(&record_key(id))
}

/// Saves which assessment and view are open.
pub fn write_session(open: Option<&str>, view: &str) -> Result<(), StorageError> {
    raw_set(SESSION_KEY, &encode_session(open, view))
}

/// Unreadable records kept aside: key and raw text.
pub fn backups() -> Vec<(String, String)> {
    keys()
        .into_iter()
        .filter(|k| k.starts_with(BACKUP_PREFIX))
        .filter_map(|k| raw_get(&k).map(|v| (k, v)))
        .collect()
}

/// Removes a kept-aside record, once the user has downloaded it and asked for that.
pub fn remove_backup(key: &str) -> Result<(), StorageError> {
    if key.starts_with(BACKUP_PREFIX) {
        raw_remove(key)
    } else {
        Err(StorageError::Refused("not a backup key".to_string()))
    }
}

/// Whether a storage event's key is the record of this id.
pub fn is_record_key(key: &str, id: &str) -> bool {
    key == record_key(id)
}

/// The storage key of a team view.
pub fn team_key(id: &str) -> String {
    format!("{TEAM_PREFIX}{id}")
}

/// What loading the team views found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LoadedTeams {
    /// Team views this version can read and write, newest change first.
    pub records: Vec<SavedTeam>,
    /// Team views saved by a newer version, as far as this one can read them: read-only.
    pub newer: Vec<SavedTeam>,
    /// Records that could not be read (moved aside as unreadable assessments are).
    pub problems: Vec<Problem>,
}

/// Loads every team view, moving unreadable records aside.
pub fn load_teams(now: u64) -> Result<LoadedTeams, StorageError> {
    probe()?;
    let mut loaded = LoadedTeams::default();
    for key in keys().into_iter().filter(|k| k.starts_with(TEAM_PREFIX)) {
        let Some(raw) = raw_get(&key) else { continue };
        let id = key.trim_start_matches(TEAM_PREFIX).to_string();
        match decode_saved_team(&raw) {
            Ok(mut record) => {
                record.id = id;
                loaded.records.push(record);
            }
            Err(RecordError::NewerSchema { schema, .. }) => match decode_newer_saved_team(&raw) {
                Some(mut record) => {
                    record.id = id;
                    loaded.newer.push(record);
                }
                // Never moved aside: the newer version must find it where it left it.
                None => loaded.problems.push(Problem::Newer { key, schema }),
            },
            Err(e) => loaded.problems.push(Problem::Unreadable {
                backup_key: move_aside(&key, &raw, now),
                key,
                reason: e.to_string(),
            }),
        }
    }
    loaded
        .records
        .sort_by_key(|r| std::cmp::Reverse(r.updated_at));
    Ok(loaded)
}

/// Reads one team view as stored now.
pub fn read_team(id: &str) -> Option<Result<SavedTeam, RecordError>> {
    let raw = raw_get(&team_key(id))?;
    Some(decode_saved_team(&raw).map(|mut r| {
        r.id = id.to_string();
        r
    }))
}

/// Writes a team view if the stored one still has `expected` revision (`None`: none yet).
/// Returns the record as written (with its new revision).
pub fn write_team(record: &SavedTeam, expected: Option<u64>) -> Result<SavedTeam, StorageError> {
    probe()?;
    let stored = match read_team(&record.id) {
        None => None,
        Some(Ok(r)) => Some(r.revision),
        Some(Err(RecordError::NewerSchema { .. })) => {
            return Err(StorageError::NewerVersionPresent)
        }
        Some(Err(RecordError::Unreadable { .. })) => return Err(StorageError::StoredUnreadable),
    };
    if stored != expected {
        return Err(StorageError::ChangedElsewhere { stored });
    }
    let mut next = record.clone();
    next.schema = TEAM_SCHEMA_VERSION;
    next.revision = stored.unwrap_or(0) + 1;
    raw_set(&team_key(&record.id), &encode_saved_team(&next))?;
    Ok(next)
}

/// Deletes a team view (the caller keeps it in memory for undo).
pub fn delete_team(id: &str) -> Result<(), StorageError> {
    raw_remove(&team_key(id))
}
