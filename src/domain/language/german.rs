//! The German texts: each English text of the app with its German translation.

use super::{Catalogue, Language};

/// Every text of the app in German.
pub static GERMAN: Catalogue = Catalogue {
    language: Language::German,
    entries: &[],
};
