//! A signal the app owns: every view may read it, only the app layer writes it.

use std::ops::Deref;

use leptos::prelude::*;

/// A signal of the app's state that views only read: it derefs to a [`ReadSignal`] (so `get`,
/// `with` and the rest work as on any signal), and its writes are the app layer's alone, through
/// the intents of the part that holds it.
pub struct Owned<T: Send + Sync + 'static> {
    read: ReadSignal<T>,
    write: WriteSignal<T>,
}

impl<T: Send + Sync + 'static> Clone for Owned<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Owned<T> {}

impl<T: Send + Sync + 'static> Owned<T> {
    pub(super) fn new(value: T) -> Self {
        let (read, write) = signal(value);
        Owned { read, write }
    }

    pub(super) fn set(&self, value: T) {
        self.write.set(value);
    }

    pub(super) fn update(&self, change: impl FnOnce(&mut T)) {
        self.write.update(change);
    }
}

impl<T: Send + Sync + 'static> Deref for Owned<T> {
    type Target = ReadSignal<T>;

    fn deref(&self) -> &ReadSignal<T> {
        &self.read
    }
}
