//! Leptos components: they render state and send intents, nothing more. State and intents
//! live in [`crate::app`], rules in [`crate::domain`], browser calls in [`crate::browser`].
//! A new view goes in its own module here and gets a [`crate::app::View`] variant.

mod agreement;
mod compare;
mod dialog;
mod embed;
mod keys;
mod language;
mod notices;
mod part_views;
mod parts;
mod plan;
mod presenter;
mod qr;
mod question;
mod reminder;
mod report;
mod rounds;
mod save_status;
mod scan;
mod sections;
mod seed;
mod sequence;
mod shell;
mod stability;
mod start;
mod status_card;
mod team;
mod verdict;

pub use language::start_language;
pub use parts::preload_all;

/// Installs the later part's views for `Lazy` (before the app is drawn: `lib.rs`, and the
/// browser tests' mounts).
pub fn install_parts() {
    parts::install(&part_views::PART_VIEWS);
}
pub use question::{ItemExtras, QuestionControl};
pub use report::{ReportDocument, ReportView};
pub use save_status::{SaveAlert, SaveStatus};
pub use sequence::SequenceView;
pub use shell::{App, PageHeading, RuleNote};
pub use team::{AddToTeam, TeamLibrary, TeamView};
pub use verdict::VerdictPanel;

/// Moves focus to an element once the view has re-rendered (the element may be new).
fn focus_after_render(id: String) {
    leptos::task::spawn_local(async move {
        leptos::task::tick().await;
        crate::browser::focus(&id);
    });
}
