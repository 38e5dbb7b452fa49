//! The one record stack: every kind of saved thing (an assessment, a team view, and the kinds
//! still to come) is a [`Record`] kept under its own key prefix in a [`KeyValue`] store of
//! strings, and [`RecordStore`] holds the storage policy for all of them:
//!
//! - every write checks the stored revision, so another tab's change is noticed, never
//!   silently replaced ([`StorageError::ChangedElsewhere`]);
//! - a record written by a newer version is shown read-only, as far as this version can read
//!   it, and is never written to nor moved ([`StorageError::NewerVersionPresent`]);
//! - an unreadable record is moved aside under [`BACKUP_PREFIX`], the original removed only
//!   once the copy is written, and never written over while it is in place;
//! - a delete leaves the record with the caller, which writes it back to undo.
//!
//! The browser gives the key-value store over `localStorage`; the tests give one over a map
//! ([`MemoryStore`]), so the policy is tested natively.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::Mutex;

/// Prefix of every key this app writes.
pub const PREFIX: &str = "koom-readiness/";
/// Prefix of the keys unreadable records are moved to.
pub const BACKUP_PREFIX: &str = "koom-readiness/backup/";

/// Why storage could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    /// No storage at all (disabled, or a sandboxed iframe).
    Unavailable,
    /// The write was refused because storage is full.
    QuotaExceeded,
    /// The write was refused for another reason.
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
            StorageError::Unavailable => f.write_str(tr!("This browser does not let the page keep data here (storage is disabled, or the page is embedded in a sandboxed frame). Your answers are kept in memory only and are lost when the page closes: export the assessment as a file to keep it.")),
            StorageError::QuotaExceeded => f.write_str(tr!("The browser's storage for this site is full, so your latest changes are kept in memory only. Export the assessment as a file to keep it, or delete assessments you no longer need.")),
            StorageError::Refused(detail) => f.write_str(&trf!("The browser refused to save ({detail}). Your changes are kept in memory only: export the assessment as a file to keep it.", detail = detail)),
            StorageError::NewerVersionPresent => f.write_str(tr!("This assessment was saved by a newer version of KOOM Readiness. It is shown read-only and is never overwritten here.")),
            StorageError::ChangedElsewhere { stored: Some(_) } => f.write_str(tr!("This assessment was changed in another tab or window.")),
            StorageError::ChangedElsewhere { stored: None } => f.write_str(tr!("This assessment was deleted in another tab or window.")),
            StorageError::StoredUnreadable => f.write_str(tr!("The saved copy of this assessment can no longer be read here. It is left untouched.")),
        }
    }
}

impl std::error::Error for StorageError {}

/// Strings by key: the browser's `localStorage`, or a map in the tests. It moves strings and
/// reports failures; it decides nothing.
pub trait KeyValue {
    /// The text under `key`, if any.
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    /// Writes `value` under `key`.
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError>;
    /// Removes `key` (nothing to remove is no failure).
    fn remove(&self, key: &str) -> Result<(), StorageError>;
    /// Every key there is.
    fn keys(&self) -> Result<Vec<String>, StorageError>;
}

/// Why a saved record could not be used as it is.
#[derive(Debug, Clone, PartialEq)]
pub enum RecordError<R> {
    /// The text does not parse as a record of any known schema.
    Unreadable {
        /// What is wrong, for the message and the logs.
        reason: String,
    },
    /// Written by a newer version of the app. It must never be overwritten; `readable` is what
    /// this version can make of it, to show read-only.
    NewerSchema {
        /// Its schema.
        schema: u32,
        /// The record as far as this version understands it, if at all.
        readable: Option<Box<R>>,
    },
}

impl<R> fmt::Display for RecordError<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RecordError::Unreadable { reason } => {
                f.write_str(&trf!("unreadable ({reason})", reason = reason))
            }
            RecordError::NewerSchema { schema, .. } => f.write_str(&trf!(
                "written by a newer version (schema {schema})",
                schema = schema
            )),
        }
    }
}

impl<R: fmt::Debug> std::error::Error for RecordError<R> {}

/// The error of a record that does not read, for any kind of record.
pub(crate) fn unreadable<R>(reason: impl ToString) -> RecordError<R> {
    RecordError::Unreadable {
        reason: reason.to_string(),
    }
}

/// A kind of saved thing: where it is kept, its schema, its envelope (id, revision, time of
/// the last change) and its codec. Adding a kind is implementing this; the policy is
/// [`RecordStore`]'s.
pub trait Record: Clone {
    /// Prefix of its keys, one key per record: the prefix and the record's id.
    const PREFIX: &'static str;
    /// The schema this version writes.
    const SCHEMA: u32;
    /// Its stable id.
    fn id(&self) -> &str;
    /// Names it by the key it was found under (the key is the truth, whatever the text says).
    fn set_id(&mut self, id: String);
    /// Its revision, incremented at every write.
    fn revision(&self) -> u64;
    /// Sets the schema and revision it is written with.
    fn set_written(&mut self, schema: u32, revision: u64);
    /// Time of its last change, in milliseconds since the Unix epoch (the newest is listed first).
    fn updated_at(&self) -> u64;
    /// Its stored text.
    fn encode(&self) -> String;
    /// Reads a stored text, migrating an older schema; `id` names a layout that had none, `now`
    /// stamps it.
    fn decode(raw: &str, id: &str, now: u64) -> Result<Self, RecordError<Self>>;
}

/// Implements [`Record`] for a saved-record struct with the envelope fields every kind carries
/// (`schema`, `id`, `revision`, `updated_at`), given its key prefix, its schema and its codec
/// (`encode(&record) -> String`, `decode(raw, id, now) -> Result<record, RecordError<record>>`).
/// One definition of the envelope's accessors for every kind.
macro_rules! record_kind {
    ($kind:ty, prefix: $prefix:expr, schema: $schema:expr, encode: $encode:expr, decode: $decode:expr $(,)?) => {
        impl $crate::domain::formats::repository::Record for $kind {
            const PREFIX: &'static str = $prefix;
            const SCHEMA: u32 = $schema;

            fn id(&self) -> &str {
                &self.id
            }

            fn set_id(&mut self, id: String) {
                self.id = id;
            }

            fn revision(&self) -> u64 {
                self.revision
            }

            fn set_written(&mut self, schema: u32, revision: u64) {
                self.schema = schema;
                self.revision = revision;
            }

            fn updated_at(&self) -> u64 {
                self.updated_at
            }

            fn encode(&self) -> String {
                $encode(self)
            }

            fn decode(
                raw: &str,
                id: &str,
                now: u64,
            ) -> Result<Self, $crate::domain::formats::repository::RecordError<Self>> {
                $decode(raw, id, now)
            }
        }
    };
}
pub(crate) use record_kind;

/// A record that could not be opened normally.
#[derive(Debug, Clone, PartialEq, Eq)]
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

/// Every record of one kind, as loaded.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded<R> {
    /// Records this version can read and write, newest change first.
    pub records: Vec<R>,
    /// Records from a newer schema, readable parts only: shown read-only, never written.
    pub newer: Vec<R>,
    /// Records that could not be read.
    pub problems: Vec<Problem>,
}

impl<R> Default for Loaded<R> {
    fn default() -> Self {
        Loaded {
            records: Vec::new(),
            newer: Vec::new(),
            problems: Vec::new(),
        }
    }
}

/// The key of a record of kind `R`.
pub fn record_key<R: Record>(id: &str) -> String {
    format!("{}{id}", R::PREFIX)
}

/// A stored text decoded and named by the key it was found under (the key is the truth,
/// whatever the text says), a newer version's readable part too.
fn decode_named<R: Record>(raw: &str, id: &str, now: u64) -> Result<R, RecordError<R>> {
    let named = |mut r: R| {
        r.set_id(id.to_string());
        r
    };
    R::decode(raw, id, now).map(named).map_err(|e| match e {
        RecordError::NewerSchema { schema, readable } => RecordError::NewerSchema {
            schema,
            readable: readable.map(|r| Box::new(named(*r))),
        },
        unreadable => unreadable,
    })
}

/// The storage policy over any [`KeyValue`] store, for every kind of [`Record`].
pub trait RecordStore: KeyValue {
    /// Loads every record of kind `R`, moving unreadable ones aside; `now` names the backups.
    fn load_all<R: Record>(&self, now: u64) -> Result<Loaded<R>, StorageError> {
        let mut loaded = Loaded::default();
        for key in self.keys()? {
            let Some(id) = key.strip_prefix(R::PREFIX) else {
                continue;
            };
            let Ok(Some(raw)) = self.get(&key) else {
                continue;
            };
            match decode_named::<R>(&raw, id, now) {
                Ok(record) => loaded.records.push(record),
                Err(RecordError::NewerSchema {
                    readable: Some(record),
                    ..
                }) => loaded.newer.push(*record),
                // Never moved aside: the newer version must find it where it left it.
                Err(RecordError::NewerSchema {
                    schema,
                    readable: None,
                }) => loaded.problems.push(Problem::Newer { key, schema }),
                Err(e) => loaded.problems.push(Problem::Unreadable {
                    backup_key: self.move_aside(&key, &raw, now),
                    reason: e.to_string(),
                    key,
                }),
            }
        }
        loaded
            .records
            .sort_by_key(|r| std::cmp::Reverse(r.updated_at()));
        Ok(loaded)
    }

    /// Reads one record as stored now (`None`: there is none).
    fn read<R: Record>(&self, id: &str) -> Option<Result<R, RecordError<R>>> {
        let raw = self.get(&record_key::<R>(id)).ok()??;
        Some(decode_named(&raw, id, 0))
    }

    /// The revision of the stored record, `None` if there is none; `Err` if it is unreadable or
    /// from a newer version (neither is ever written over).
    fn stored_revision<R: Record>(&self, id: &str) -> Result<Option<u64>, StorageError> {
        let Some(raw) = self.get(&record_key::<R>(id))? else {
            return Ok(None);
        };
        match R::decode(&raw, id, 0) {
            Ok(r) => Ok(Some(r.revision())),
            Err(RecordError::NewerSchema { .. }) => Err(StorageError::NewerVersionPresent),
            Err(RecordError::Unreadable { .. }) => Err(StorageError::StoredUnreadable),
        }
    }

    /// Writes a record if the stored one still has the `expected` revision (`None`: no record
    /// yet). Returns the record as written, with its new revision.
    fn write<R: Record>(&self, record: &R, expected: Option<u64>) -> Result<R, StorageError> {
        let stored = self.stored_revision::<R>(record.id())?;
        if stored != expected {
            return Err(StorageError::ChangedElsewhere { stored });
        }
        let mut next = record.clone();
        next.set_written(R::SCHEMA, stored.unwrap_or(0) + 1);
        self.set(&record_key::<R>(record.id()), &next.encode())?;
        Ok(next)
    }

    /// Deletes a record; the caller keeps it in memory, and writes it back to undo.
    fn delete<R: Record>(&self, id: &str) -> Result<(), StorageError> {
        self.remove(&record_key::<R>(id))
    }

    /// Copies an unreadable record's text under a backup key, then removes the original;
    /// returns the backup key (`None`: the copy failed, and the original stays in place).
    fn move_aside(&self, key: &str, raw: &str, now: u64) -> Option<String> {
        let suffix = key.trim_start_matches(PREFIX).replace('/', "-");
        let backup = format!("{BACKUP_PREFIX}{suffix}-{now}");
        self.set(&backup, raw).ok()?;
        // Only once the copy is safely written is the original removed.
        let _ = self.remove(key);
        Some(backup)
    }

    /// Unreadable records kept aside: key and raw text.
    fn backups(&self) -> Vec<(String, String)> {
        self.keys()
            .unwrap_or_default()
            .into_iter()
            .filter(|k| k.starts_with(BACKUP_PREFIX))
            .filter_map(|k| self.get(&k).ok().flatten().map(|v| (k, v)))
            .collect()
    }

    /// Removes a kept-aside record, once the user has downloaded it and asked for that.
    fn remove_backup(&self, key: &str) -> Result<(), StorageError> {
        if key.starts_with(BACKUP_PREFIX) {
            self.remove(key)
        } else {
            Err(StorageError::Refused("not a backup key".to_string()))
        }
    }
}

impl<K: KeyValue + ?Sized> RecordStore for K {}

/// A [`KeyValue`] store in memory, with an optional size limit: the tests' stand-in for
/// `localStorage`, which refuses a write beyond its quota as this does.
#[derive(Debug, Default)]
pub struct MemoryStore {
    entries: Mutex<BTreeMap<String, String>>,
    /// The most characters (keys and values) it holds, if limited.
    pub quota: Option<usize>,
}

impl MemoryStore {
    /// An empty store without a limit.
    pub fn new() -> Self {
        Self::default()
    }

    fn entries(&self) -> std::sync::MutexGuard<'_, BTreeMap<String, String>> {
        // A test that panicked while holding the lock leaves a map that is still whole.
        self.entries.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn size_with(&self, key: &str, value: &str) -> usize {
        let entries = self.entries();
        let others: usize = entries
            .iter()
            .filter(|(k, _)| k.as_str() != key)
            .map(|(k, v)| k.chars().count() + v.chars().count())
            .sum();
        others + key.chars().count() + value.chars().count()
    }
}

impl KeyValue for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        Ok(self.entries().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        if self
            .quota
            .is_some_and(|max| self.size_with(key, value) > max)
        {
            return Err(StorageError::QuotaExceeded);
        }
        self.entries().insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.entries().remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        Ok(self.entries().keys().cloned().collect())
    }
}
