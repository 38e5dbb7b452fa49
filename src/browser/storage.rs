//! `localStorage` as a [`KeyValue`] store of strings, through gloo-storage's raw access. The
//! storage policy (revisions, newer records read-only, unreadable records moved aside) is the
//! domain's ([`crate::domain::RecordStore`]); this only moves strings and reports failures.
//!
//! gloo-storage throws (it does not return `Err`) where storage is missing, as in sandboxed
//! iframes, so every call probes `window.localStorage` first.

use gloo_storage::{LocalStorage, Storage};

use crate::domain::{KeyValue, StorageError};

/// The browser's `localStorage`.
#[derive(Debug, Clone, Copy, Default)]
pub struct LocalStore;

/// Whether `localStorage` can be used. Must be checked before any gloo-storage call.
pub fn probe() -> Result<(), StorageError> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok())
        .flatten()
        .map(|_| ())
        .ok_or(StorageError::Unavailable)
}

fn classify(name: &str, message: &str) -> StorageError {
    if name == "QuotaExceededError" || message.to_lowercase().contains("quota") {
        StorageError::QuotaExceeded
    } else {
        StorageError::Refused(format!("{name}: {message}"))
    }
}

impl KeyValue for LocalStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        probe()?;
        Ok(LocalStorage::raw().get_item(key).ok().flatten())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
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

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        probe()?;
        LocalStorage::raw()
            .remove_item(key)
            .map_err(|_| StorageError::Refused("removeItem failed".to_string()))
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        probe()?;
        let raw = LocalStorage::raw();
        let n = raw.length().unwrap_or(0);
        Ok((0..n).filter_map(|i| raw.key(i).ok().flatten()).collect())
    }
}
