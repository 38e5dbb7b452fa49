//! In-page dialogs: the questions the app asks before it drops anything. Native `confirm` is
//! blocked in many embedding frames (it then answers "no" without asking), so the app never
//! uses it.

use leptos::prelude::*;

use super::owned::Owned;

/// A question for the user, with the two ways to answer it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ask {
    /// The question, in a few words (the dialog's title).
    pub title: String,
    /// What is at stake.
    pub message: String,
    /// The label of the button that goes ahead.
    pub confirm: String,
    /// The label of the button that keeps things as they are.
    pub cancel: String,
}

/// The open question, if any, and what to do on a yes.
#[derive(Clone, Copy)]
pub struct Dialogs {
    /// The question on screen.
    pub asking: Owned<Option<Ask>>,
    on_yes: StoredValue<Option<Box<dyn FnOnce()>>, LocalStorage>,
}

impl Dialogs {
    pub(super) fn new() -> Self {
        Dialogs {
            asking: Owned::new(None),
            on_yes: StoredValue::new_local(None),
        }
    }

    /// Asks; `on_yes` runs only if the user goes ahead.
    pub fn ask(&self, ask: Ask, on_yes: impl FnOnce() + 'static) {
        self.on_yes.set_value(Some(Box::new(on_yes)));
        self.asking.set(Some(ask));
    }

    /// The user's answer.
    pub fn answer(&self, yes: bool) {
        self.asking.set(None);
        let action = self.on_yes.try_update_value(Option::take).flatten();
        if yes {
            if let Some(action) = action {
                action();
            }
        }
    }
}
