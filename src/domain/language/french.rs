//! The French texts: each English text of the app with its French translation.

use super::{Catalogue, Language};

/// Every text of the app in French.
pub static FRENCH: Catalogue = Catalogue {
    language: Language::French,
    entries: &[],
};
