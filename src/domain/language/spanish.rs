//! The Spanish texts: each English text of the app with its Spanish translation.

use super::{Catalogue, Language};

/// Every text of the app in Spanish.
pub static SPANISH: Catalogue = Catalogue {
    language: Language::Spanish,
    entries: &[],
};
