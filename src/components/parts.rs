//! The views the release build loads after start-up (issue 20, `docs/size.md`), and each
//! language's texts.
//!
//! With the `split` feature (the release script's split build), each [`Part`]'s view is a
//! split point (`later!`) of one split module, `later`: their code, and whatever only they use,
//! leaves the first load for one file (`split_later.wasm`), fetched right after start-up at
//! idle ([`preload_all`]) or when one of them is opened first. The split points are in
//! `part_views.rs`, installed here before the app is drawn ([`install`]): the views use this
//! module, so it names none of them. One module for all of them, not one each: the parts share
//! much code, and the splitter cuts what two of them share into a chunk of its own, so six
//! modules made 32 files and 10 % more bytes in all than one (`docs/size.md`). Whether that
//! module is here is one signal. Without the feature (the development server, the tests, the
//! opaque-frame build and the offline copy, which must stay one file) the same functions are
//! plain calls that never fail.
//!
//! A part that cannot be fetched (a dropped connection, a file missing on the server) is said
//! with a retry button; it never ends the app: the splitter's `fallible` form returns the
//! failure instead of panicking, and a failed load is not remembered, so a retry fetches again.

use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;

use crate::app::{later, PartFailed, View};
use crate::browser;
use crate::domain::{Catalogue, Language};

later! {
    in lang_de:
    /// The German texts, a part of their own, fetched only for a reader of German.
    fn german_texts() -> &'static Catalogue { &crate::domain::GERMAN }
}
later! {
    in lang_fr:
    /// The French texts, a part of their own.
    fn french_texts() -> &'static Catalogue { &crate::domain::FRENCH }
}
later! {
    in lang_es:
    /// The Spanish texts, a part of their own.
    fn spanish_texts() -> &'static Catalogue { &crate::domain::SPANISH }
}

/// A language's texts: here at once for English (it has none, every text is written in it),
/// fetched for the others (in the split build, a file each). A failure is not remembered: the
/// next call fetches again.
pub async fn language_texts(language: Language) -> Result<Option<&'static Catalogue>, PartFailed> {
    match language {
        Language::English => Ok(None),
        Language::German => german_texts().await.map(Some),
        Language::French => french_texts().await.map(Some),
        Language::Spanish => spanish_texts().await.map(Some),
    }
}

/// A view loaded after start-up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// The team view: respondents, the agenda, the meeting, QR codes.
    Team,
    /// Two assessments or rounds side by side.
    Compare,
    /// The report: verdict, findings, rounds, exports, the status card.
    Report,
    /// The deployment sequence and its gate.
    Sequence,
    /// The stability check over alignment cycles.
    Stability,
    /// The plan before Ready in the verdict panel: owners, due dates, evidence, the tracker.
    Plan,
    /// The start screen's list of team views, and a new one.
    TeamLibrary,
    /// On a shared assessment: add it to a team view.
    AddToTeam,
    /// On a shared assessment: compare it with one of the library.
    CompareShared,
    /// What differs from another tab's version, in the conflict's notice.
    ConflictDifferences,
    /// An item's evidence details (who, when, a link, review by), in its opened note; the item
    /// is `question::EvidenceItem`, provided as context.
    Evidence,
    /// The start screen's snippets to embed the tool in a wiki.
    EmbedSnippet,
    /// The start screen's saved data that could not be read, kept aside.
    KeptAside,
}

impl Part {
    /// Whether the part is a whole view (its own heading, the focus on it when it arrives),
    /// or a panel inside one.
    fn is_page(self) -> bool {
        matches!(
            self,
            Part::Team | Part::Compare | Part::Report | Part::Sequence | Part::Stability
        )
    }

    /// Whether the part may be on a page many times (an item's evidence, in each opened note):
    /// its message is then not an alert each, which would be read out once per item.
    fn is_repeated(self) -> bool {
        matches!(self, Part::Evidence)
    }

    /// The part's name in the page (`data-part` on its loading line and its message).
    fn token(self) -> &'static str {
        match self {
            Part::Team => "team",
            Part::Compare => "compare",
            Part::Report => "report",
            Part::Sequence => "sequence",
            Part::Stability => "stability",
            Part::Plan => "plan",
            Part::TeamLibrary => "team-library",
            Part::AddToTeam => "add-to-team",
            Part::CompareShared => "compare-shared",
            Part::ConflictDifferences => "conflict-differences",
            Part::Evidence => "evidence",
            Part::EmbedSnippet => "embed-snippet",
            Part::KeptAside => "kept-aside",
        }
    }

    /// Whether the part's room is kept while its code is on its way (`.part-slot` in the
    /// style sheet): the start screen's team views and embed snippets (sized for a first
    /// visit), which the facts and the footer follow, and an item's evidence details, which the
    /// questions below follow (a returning person's notes are open from the start), and a shared
    /// assessment's two pickers, which its page follows (each a line whose field fills it, so
    /// its height is known): each would otherwise push down what follows when it comes.
    fn keeps_room(self) -> bool {
        matches!(
            self,
            Part::TeamLibrary
                | Part::EmbedSnippet
                | Part::Evidence
                | Part::CompareShared
                | Part::AddToTeam
        )
    }

    /// What the part's message says could not be loaded: a page's heading, a panel's first line.
    fn missing_title(self) -> &'static str {
        match self {
            Part::Plan => tr!("The plan could not be loaded."),
            Part::TeamLibrary => tr!("The team views could not be loaded."),
            Part::AddToTeam => tr!("“Add to a team view” could not be loaded."),
            Part::CompareShared => tr!("“Compare with” could not be loaded."),
            Part::ConflictDifferences => {
                tr!("What differs from the other version could not be loaded.")
            }
            Part::Evidence => tr!("The evidence details could not be loaded."),
            Part::EmbedSnippet => tr!("The snippets to embed this tool could not be loaded."),
            Part::KeptAside => tr!("The saved data kept aside could not be shown."),
            Part::Team | Part::Compare | Part::Report | Part::Sequence | Part::Stability => {
                tr!("This part could not be loaded")
            }
        }
    }

    /// A panel's heading and its retry's id: the one the focus goes to when the panel (or its
    /// message) arrives, if the focus was lost with what held its place. Only the verdict
    /// panel's plan has them: "Next" may send the focus there before it arrives. (A panel that
    /// appears many times on a page, an item's evidence, must not repeat an id.)
    fn focus_ids(self) -> Option<(&'static str, &'static str)> {
        match self {
            Part::Plan => Some((PLAN_TITLE, PANEL_RETRY)),
            _ => None,
        }
    }

    /// The part that draws a view, if a part does.
    pub fn of(view: View) -> Option<Part> {
        match view {
            View::Team => Some(Part::Team),
            View::Compare => Some(Part::Compare),
            View::Report => Some(Part::Report),
            View::Sequence => Some(Part::Sequence),
            View::Stability => Some(Part::Stability),
            _ => None,
        }
    }

    /// The part's view, drawn now (it is here: its split function then returns at once).
    fn draw(self) -> Option<AnyView> {
        (installed().draw)(self)
    }
}

/// Whether the later part is here (always, in a build that is not split). Tracked: a view
/// waiting for it is drawn when it comes, whoever fetched it.
fn here() -> bool {
    LOADED.with(|loaded| loaded.get())
}

fn here_untracked() -> bool {
    LOADED.with(|loaded| loaded.get_untracked())
}

/// Fetches the later part if it is not here yet (the file is fetched once; a failure is not
/// remembered, so a later call fetches again). Every part is in it.
pub async fn load() -> Result<(), PartFailed> {
    if !here_untracked() {
        (installed().fetch)().await?;
        // Only a change notifies: two loads that finish one after the other (a view's and the
        // idle preload's) must not draw the views already on screen again.
        LOADED.with(|loaded| loaded.maybe_update(|here| !std::mem::replace(here, true)));
    }
    Ok(())
}

/// How the parts' views are drawn and fetched: the later part's split points
/// (`part_views.rs`), installed before the app is drawn ([`install`]). The views use this
/// module (`Lazy`, `Part`), so it names none of them.
pub struct PartViews {
    /// The part's view, drawn now if its code is here (`None` otherwise).
    pub draw: fn(Part) -> Option<AnyView>,
    /// Fetches the later part.
    pub fetch: fn() -> Fetch,
}

/// The later part on its way.
pub type Fetch = Pin<Box<dyn Future<Output = Result<(), PartFailed>>>>;

/// Installs the parts' views (`components::install_parts`, before the app is drawn).
pub fn install(views: &'static PartViews) {
    INSTALLED.with(|installed| installed.set(Some(views)));
}

fn installed() -> &'static PartViews {
    INSTALLED
        .with(Cell::get)
        .expect("the parts' views are installed before the app is drawn")
}

thread_local! {
    static INSTALLED: Cell<Option<&'static PartViews>> = const { Cell::new(None) };

    /// Whether the later part is here; a signal that belongs to no view, as the code it stands
    /// for does.
    static LOADED: ArcRwSignal<bool> = ArcRwSignal::new(!cfg!(feature = "split"));
}

/// Fetches the later part once the page is idle: after it the app is whole, so no click waits
/// on the network and the app keeps working offline. If it fails here, it is fetched again
/// when a view that needs it is opened (which then says so if it still fails).
pub fn preload_all() {
    if here_untracked() {
        return;
    }
    browser::when_idle(|| {
        leptos::task::spawn_local(async {
            let _ = load().await;
        })
    });
}

/// Draws a part's view, loading it first if it is not here yet: a loading line meanwhile for a
/// page (nothing for a panel, or the room it takes: it usually comes at idle, before anyone
/// looks for it, and is drawn where it belongs when it comes), and a message with a retry if it
/// cannot be fetched.
#[component]
pub fn Lazy(
    /// The part to draw.
    part: Part,
) -> impl IntoView {
    // Whether this view's last fetch failed (and no other fetch brought the part since).
    let failed = RwSignal::new(false);
    let fetch = move || {
        // (A panel's first fetch waits for idle: by then the view may be gone.)
        if failed.try_set(false).is_some() {
            return;
        }
        leptos::task::spawn_local(async move {
            let loaded = load().await;
            // The page may have moved on meanwhile.
            if failed.try_set(loaded.is_err()).is_some() {
                return;
            }
            // What held the place of the view (the loading line, the message's button) is
            // gone: the focus goes to what came, unless the person is busy elsewhere.
            leptos::task::tick().await;
            if part.is_page() {
                browser::focus_main_heading_unless_in_use();
            } else if let Some((heading, retry)) = part.focus_ids() {
                browser::focus_if_lost(if loaded.is_ok() { heading } else { retry });
            }
        });
    };
    if !here_untracked() {
        if part.is_page() {
            fetch();
        } else {
            // A panel is no reason to fetch before the page is idle: the questions on screen
            // come first (an assessment opened at start-up would otherwise compile the part
            // while its first question becomes usable).
            browser::when_idle(fetch);
        }
    }
    let retry_id = part.focus_ids().map(|(_, retry)| retry);
    let missing = move || {
        view! { <PartMissing part=part.token() title=part.missing_title() page=part.is_page() repeated=part.is_repeated() retry_id retry=fetch/> }
            .into_any()
    };
    move || {
        if here() {
            part.draw().unwrap_or_else(missing)
        } else if failed.get() {
            missing()
        } else if part.is_page() {
            view! { <PartLoading part=part.token()/> }.into_any()
        } else if part.keeps_room() {
            view! { <div class="part-slot" data-part=part.token()></div> }.into_any()
        } else {
            ().into_any()
        }
    }
}

/// The line that says a part is on its way.
#[component]
pub fn PartLoading(
    /// The part's name in the page (`data-part`).
    part: &'static str,
) -> impl IntoView {
    view! { <p class="part-loading" role="status" data-part=part>{tr!("Loading this part of KOOM Readiness…")}</p> }
}

/// The plan's heading in the verdict panel (`plan::PlanSection`).
const PLAN_TITLE: &str = "plan-title";
/// The retry of a panel's message.
const PANEL_RETRY: &str = "part-retry-panel";

/// What a part that could not be loaded says, with a retry: in place of a whole view, under
/// its own heading (which takes the focus); in a panel, a paragraph announced as an alert.
#[component]
fn PartMissing(
    part: &'static str,
    title: &'static str,
    page: bool,
    repeated: bool,
    retry_id: Option<&'static str>,
    retry: impl Fn() + Copy + 'static,
) -> impl IntoView {
    let why = tr!(
        "This part of KOOM Readiness is a separate file, and it did not arrive: the \
               connection may have dropped, or the site may have been updated meanwhile. \
               Your answers are not affected."
    );
    view! {
        <div class="part-missing" class:part-missing-panel=!page data-part=part role=(!page && !repeated).then_some("alert")>
            {if page {
                view! { <h1 id="main-heading" tabindex="-1">{title}</h1> }.into_any()
            } else {
                view! { <p><strong>{title}</strong></p> }.into_any()
            }}
            <p>{why}</p>
            <button type="button" class="primary" id=retry_id on:click=move |_| retry()>{tr!("Try again")}</button>
            " "
            <button type="button" class="secondary" on:click=|_| { browser::reload(); }>{tr!("Reload the page")}</button>
        </div>
    }
}
