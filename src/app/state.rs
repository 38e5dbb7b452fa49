//! The assessment on screen, its evaluation and the view: the state every component reads.

use leptos::prelude::*;

use super::owned::Owned;

use crate::browser;
use crate::domain::{self, Assessment, Evaluation, Page, SectionProgress};

/// The views of the app, one per part of the model plus start and report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// Start screen.
    Start,
    /// Seed §2.
    Preconditions,
    /// Seed §3.
    Maturity,
    /// Seed §5.
    RedFlags,
    /// Seed §6.
    GreenFlags,
    /// Seed §4.
    Sequence,
    /// Seed §7.
    Stability,
    /// Printable report.
    Report,
    /// Two assessments side by side.
    Compare,
    /// Several respondents' answers combined.
    Team,
    /// The KOOM model's own text (the seed).
    Seed,
}

impl View {
    /// The views reachable from the navigation, in order.
    pub const SECTIONS: [View; 7] = [
        View::Preconditions,
        View::Maturity,
        View::RedFlags,
        View::GreenFlags,
        View::Sequence,
        View::Stability,
        View::Report,
    ];

    /// The navigation label.
    pub fn label(self) -> &'static str {
        match self {
            View::Start => tr!("Start"),
            View::Preconditions => tr!("Preconditions"),
            View::Maturity => tr!("Maturity"),
            View::RedFlags => tr!("Red flags"),
            View::GreenFlags => tr!("Green flags"),
            View::Sequence => tr!("Deployment sequence"),
            View::Stability => tr!("Stability"),
            View::Report => tr!("Report"),
            View::Compare => tr!("Compare"),
            View::Team => tr!("Team view"),
            View::Seed => tr!("The KOOM model"),
        }
    }

    /// A stable token, used in the DOM and in saved state.
    pub fn token(self) -> &'static str {
        match self {
            View::Start => "start",
            View::Preconditions => "preconditions",
            View::Maturity => "maturity",
            View::RedFlags => "red-flags",
            View::GreenFlags => "green-flags",
            View::Sequence => "sequence",
            View::Stability => "stability",
            View::Report => "report",
            View::Compare => "compare",
            View::Team => "team",
            View::Seed => "seed",
        }
    }

    /// The view with this token.
    pub fn from_token(token: &str) -> Option<View> {
        [View::Start]
            .into_iter()
            .chain(View::SECTIONS)
            .find(|v| v.token() == token)
    }

    /// The page of an assessment this view shows (none for the start screen).
    pub fn page(self) -> Option<Page> {
        Page::from_token(self.token())
    }

    /// The view of a page.
    pub fn of(page: Page) -> View {
        View::from_token(page.token()).unwrap_or(View::Preconditions)
    }

    /// Answered / total of the part of the model this view shows, if it asks anything.
    pub fn progress(self, e: &Evaluation) -> Option<SectionProgress> {
        let p = &e.progress;
        match self {
            View::Preconditions => Some(p.preconditions),
            View::Maturity => Some(p.maturity),
            View::RedFlags => Some(p.red_flags),
            View::GreenFlags => Some(p.green_flags),
            View::Sequence => Some(p.sequence),
            View::Stability => Some(p.stability),
            View::Start | View::Report | View::Compare | View::Team | View::Seed => None,
        }
    }
}

/// The assessment on screen and the view showing it, provided as context by the app root.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The assessment being worked on.
    pub assessment: Owned<Assessment>,
    /// Its evaluation, derived.
    pub evaluation: Memo<Evaluation>,
    /// The view on screen.
    pub view: Owned<View>,
    /// Whether the assessment on screen is read-only (the Raccoons Inc. example, a shared one,
    /// or a record saved by a newer version).
    pub read_only: Owned<bool>,
    /// The section of the seed shown first when the seed is on screen (its address names it).
    pub seed_section: Owned<Option<u8>>,
    /// The page was asked for its embed layout (`?embed=1`).
    pub embed: bool,
    /// The page is shown inside a frame (a wiki embedding it).
    pub framed: bool,
}

impl AppState {
    /// Creates the state around an assessment.
    pub fn new(assessment: Assessment, view: View, read_only: bool) -> Self {
        let assessment = Owned::new(assessment);
        AppState {
            assessment,
            // The reasons are words: made again in a language picked.
            evaluation: Memo::new(move |_| {
                super::language::spoken_language();
                assessment.with(domain::evaluate)
            }),
            view: Owned::new(view),
            read_only: Owned::new(read_only),
            seed_section: Owned::new(None),
            embed: false,
            framed: false,
        }
    }

    /// The same state, knowing how the page is shown.
    pub fn shown(mut self, embed: bool, framed: bool) -> Self {
        self.embed = embed;
        self.framed = framed;
        self
    }

    /// Changes the assessment, unless it is read-only.
    pub fn edit(&self, change: impl FnOnce(&mut Assessment)) {
        if !self.read_only.get_untracked() {
            self.assessment.update(change);
        }
    }

    /// Shows a view and moves focus to its heading, for keyboard and screen-reader users.
    pub fn go(&self, view: View) {
        self.view.set(view);
        leptos::task::spawn_local(async {
            // Let the view render before looking for its heading.
            leptos::task::tick().await;
            browser::focus_main_heading();
        });
    }
}

/// The state from context. Panics only if a component is mounted outside the app root or a
/// test harness that provides it.
pub fn use_state() -> AppState {
    expect_context::<AppState>()
}
