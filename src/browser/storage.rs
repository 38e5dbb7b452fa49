//! `localStorage` as a [`KeyValue`] store of strings, through `web-sys`. The storage policy
//! (revisions, newer records read-only, unreadable records moved aside) is the domain's
//! ([`crate::domain::RecordStore`]); this only moves strings and reports failures.
//!
//! Where storage is missing, as in sandboxed iframes, reading `window.localStorage` throws:
//! every call goes through [`probe`], which turns that into [`StorageError::Unavailable`].

use web_sys::Storage;

use crate::domain::{KeyValue, StorageError};

/// The browser's `localStorage`.
#[derive(Debug, Clone, Copy, Default)]
pub struct LocalStore;

/// Whether `localStorage` can be used.
pub fn probe() -> Result<(), StorageError> {
    local().map(|_| ())
}

/// `window.localStorage`, if the page may use it.
fn local() -> Result<Storage, StorageError> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok())
        .flatten()
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
        Ok(local()?.get_item(key).ok().flatten())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        local()?.set_item(key, value).map_err(|v| {
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
        local()?
            .remove_item(key)
            .map_err(|_| StorageError::Refused("removeItem failed".to_string()))
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        let storage = local()?;
        let n = storage.length().unwrap_or(0);
        Ok((0..n)
            .filter_map(|i| storage.key(i).ok().flatten())
            .collect())
    }
}
