//! Saving the current assessment in `localStorage`, through gloo-storage.
//!
//! gloo-storage throws (it does not return `Err`) where storage is missing, as in sandboxed
//! iframes, so every call first probes `window.localStorage`. Unreadable data is never
//! overwritten: it is copied aside under a backup key before the app may write over it.

use std::fmt;

use gloo_storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};

use crate::domain::Assessment;

/// Key of the current assessment.
pub const CURRENT_KEY: &str = "koom-readiness/current";
/// Prefix of the keys unreadable records are copied to.
pub const BACKUP_PREFIX: &str = "koom-readiness/backup/";
/// Version of the saved record's layout.
pub const SCHEMA_VERSION: u32 = 1;

/// The saved record of the current assessment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedCurrent {
    /// Layout version of this record.
    pub schema: u32,
    /// The view that was open.
    pub view: String,
    /// The assessment.
    pub assessment: Assessment,
}

/// Why storage could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    /// No `localStorage` (disabled, or a sandboxed iframe).
    Unavailable,
    /// The browser refused the write (usually: storage is full).
    WriteRefused,
    /// The saved record could not be read; it was copied to `backup_key`.
    Unreadable {
        /// Where the raw text was kept.
        backup_key: Option<String>,
    },
    /// The saved record comes from a newer version of the app; it was copied aside.
    NewerVersion {
        /// Its schema version.
        schema: u32,
        /// Where the raw text was kept.
        backup_key: Option<String>,
    },
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageError::Unavailable => write!(f, "This browser does not let the page keep data (storage is disabled or the page is embedded in a sandbox). Your answers are kept in memory only: they are lost when the page closes."),
            StorageError::WriteRefused => write!(f, "Your latest change could not be saved: the browser's storage is full or refused the write. It is kept in memory; free some space or print the report to keep it."),
            StorageError::Unreadable { backup_key: Some(k) } => write!(f, "The saved assessment could not be read, so a new one was started. The unreadable data was kept, untouched, under “{k}” in this browser's storage."),
            StorageError::Unreadable { backup_key: None } => write!(f, "The saved assessment could not be read and could not be copied aside either. It has not been overwritten: changes are kept in memory only."),
            StorageError::NewerVersion { schema, backup_key } => write!(f, "The saved assessment was written by a newer version of KOOM Readiness (format {schema}). It was kept untouched{}; this version works in memory beside it.", backup_key.as_ref().map(|k| format!(" under “{k}”")).unwrap_or_default()),
        }
    }
}

fn available() -> bool {
    web_sys::window()
        .and_then(|w| w.local_storage().ok())
        .flatten()
        .is_some()
}

fn raw_get(key: &str) -> Option<String> {
    LocalStorage::raw().get_item(key).ok().flatten()
}

fn keep_aside(raw: &str) -> Option<String> {
    let key = format!("{BACKUP_PREFIX}{}", js_sys::Date::now() as u64);
    LocalStorage::raw().set_item(&key, raw).ok().map(|_| key)
}

/// Whether saving is allowed: `false` once something unreadable could not be kept aside.
static WRITES_BLOCKED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Loads the current assessment. `Ok(None)` when nothing is saved.
pub fn load_current() -> Result<Option<SavedCurrent>, StorageError> {
    if !available() {
        return Err(StorageError::Unavailable);
    }
    let Some(raw) = raw_get(CURRENT_KEY) else {
        return Ok(None);
    };
    #[derive(Deserialize)]
    struct Header {
        schema: u32,
    }
    let header: Option<Header> = serde_json::from_str(&raw).ok();
    if let Some(h) = &header {
        if h.schema > SCHEMA_VERSION {
            let backup_key = keep_aside(&raw);
            WRITES_BLOCKED.store(backup_key.is_none(), std::sync::atomic::Ordering::Relaxed);
            return Err(StorageError::NewerVersion {
                schema: h.schema,
                backup_key,
            });
        }
    }
    match serde_json::from_str::<SavedCurrent>(&raw) {
        Ok(saved) => Ok(Some(saved)),
        Err(_) => {
            let backup_key = keep_aside(&raw);
            WRITES_BLOCKED.store(backup_key.is_none(), std::sync::atomic::Ordering::Relaxed);
            Err(StorageError::Unreadable { backup_key })
        }
    }
}

/// Saves the current assessment and view.
pub fn save_current(assessment: &Assessment, view: &str) -> Result<(), StorageError> {
    if !available() {
        return Err(StorageError::Unavailable);
    }
    if WRITES_BLOCKED.load(std::sync::atomic::Ordering::Relaxed) {
        return Err(StorageError::Unreadable { backup_key: None });
    }
    let record = SavedCurrent {
        schema: SCHEMA_VERSION,
        view: view.to_string(),
        assessment: assessment.clone(),
    };
    LocalStorage::set(CURRENT_KEY, &record).map_err(|_| StorageError::WriteRefused)
}
