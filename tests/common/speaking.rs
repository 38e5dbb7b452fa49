//! Speaking a language in a native test (`#[path]`-included by the tests that need it).

use koom_readiness::domain::{speak, Catalogue, Texts};

/// Speaks a language (English: `None`) on this test's thread.
pub fn speaking(catalogue: Option<&Catalogue>) {
    speak(match catalogue {
        Some(c) => Box::leak(Box::new(Texts::new(c))),
        None => Texts::english(),
    });
}
