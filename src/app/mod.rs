//! The app's state and the intents that change it: the assessment on screen and its view
//! ([`AppState`]), and everything about saved data ([`Store`]: the library, the open
//! assessment and its autosave, conflicts with other tabs, notices, team views).
//!
//! Components read these and call their methods; the rules they apply live in
//! [`crate::domain`], and every platform call goes through [`crate::browser`].

mod autosave;
mod compare;
mod conflict;
mod deleted;
mod dialog;
mod error;
mod language;
mod later;
mod library;
mod navigation;
mod notices;
mod open;
mod owned;
mod platform;
mod save_state;
mod share;
mod state;
mod store;
mod sync;
mod team;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

pub use compare::{Compared, Side};
pub use conflict::{Conflict, ConflictKind, Conflicts};
pub use deleted::Deleted;
pub use dialog::{Ask, Dialogs};
pub use error::AppError;
pub use language::{spoken_language, Languages, LANGUAGE_KEY};
pub(crate) use later::later;
pub use later::PartFailed;
pub use library::{Entry, Library};
pub use notices::Notices;
pub use open::{ImportOutcome, OpenAssessment, Opened, PendingImport, SharedInfo};
pub use owned::Owned;
pub use platform::{BrowserPlatform, Host, Platform, BROWSER};
pub use save_state::SaveState;
pub use share::{
    embed_snippet, full_page_link, make_link, plain_link, read_link, share_on_screen, ShareLink,
    SnippetKind, LINK_WARNING_CHARS,
};
pub use state::{use_state, AppState, View};
pub use store::{use_store, Store};
pub use team::{
    AddOutcome, OpenTeam, Removed, Replaced, TeamEntry, TeamSave, Teams, Workshop, WorkshopItem,
    RESPONDENTS_HEADING_ID, UNDO_REMOVE_ID, UNDO_REPLACE_ID,
};
