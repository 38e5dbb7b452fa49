//! What the app layer takes from the platform it runs on: where records are kept, the clock,
//! new ids and respondent tokens, and moving the focus. Every part that needs one of them holds
//! the [`Host`] it was built with, so the same parts run in the browser ([`BROWSER`]) and in
//! the native tests (a map in memory, a clock that counts up), where the app's decisions
//! (what to save, what to ask, what to show) are tested without a browser.

use crate::browser::{self, storage::LocalStore};
use crate::domain::KeyValue;

/// The platform under the app layer. The browser layer does the work; this only names what
/// the app asks of it.
pub trait Platform: Sync {
    /// Where records are kept (`localStorage` in the browser).
    fn records(&self) -> &dyn KeyValue;
    /// Now, in milliseconds since the Unix epoch.
    fn now_ms(&self) -> u64;
    /// Today's date in the user's time zone (`YYYY-MM-DD`).
    fn today_iso(&self) -> String;
    /// The day of an instant (ms since the epoch) in the user's time zone (`YYYY-MM-DD`).
    fn date_label(&self, ms: u64) -> String;
    /// A new, practically unique record id.
    fn new_id(&self) -> String;
    /// Fresh random bytes for a respondent token.
    fn token_bytes(&self) -> [u8; 8];
    /// Moves focus to the element with this id, if it is on the page.
    fn focus(&self, id: &str);
    /// Moves focus to the element with this id once the page has re-rendered and a dialog
    /// that hands focus back to the control that opened it has closed.
    fn focus_soon(&self, id: &'static str);
}

/// The platform a part was built with.
pub type Host = &'static dyn Platform;

/// The browser: `localStorage`, the browser's clock and random numbers, the page's focus.
pub struct BrowserPlatform;

/// The browser platform, for the app in a page.
pub static BROWSER: BrowserPlatform = BrowserPlatform;

impl Platform for BrowserPlatform {
    fn records(&self) -> &dyn KeyValue {
        &LocalStore
    }

    fn now_ms(&self) -> u64 {
        browser::now_ms()
    }

    fn today_iso(&self) -> String {
        browser::today_iso()
    }

    fn date_label(&self, ms: u64) -> String {
        browser::date_label(ms)
    }

    fn new_id(&self) -> String {
        browser::new_id()
    }

    fn token_bytes(&self) -> [u8; 8] {
        browser::random_token_bytes()
    }

    fn focus(&self, id: &str) {
        browser::focus(id);
    }

    fn focus_soon(&self, id: &'static str) {
        leptos::prelude::set_timeout(
            move || {
                browser::focus(id);
            },
            std::time::Duration::ZERO,
        );
    }
}
