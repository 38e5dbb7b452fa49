//! The address the page was opened at. Following addresses, and keeping the address in step
//! with what is on screen, spans every part of the store: it is `Store`'s (store.rs).

use crate::browser::location;
use crate::domain::{parse_address, Route};

/// The address the page was opened at, if it has one (without one, the saved session may
/// reopen what was open last).
pub(super) fn initial_route() -> Option<Route> {
    let fragment = location::fragment();
    // A bare address (no fragment at all) is a new visit; `#/` is the start screen asked for.
    // A share link damaged on its way (a ")" after it, a line wrap inside) is mended first.
    (!fragment.is_empty()).then(|| parse_address(&fragment))
}
