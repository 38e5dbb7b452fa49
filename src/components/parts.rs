//! The views the release build loads after start-up (issue 20, `docs/size.md`).
//!
//! With the `split` feature (the release script's split build), each [`Part`]'s view is a
//! split point of Leptos' wasm splitter, and all of them are one split module, `later`: their
//! code, and whatever only they use, leaves the first load for one file
//! (`split_later.wasm`), fetched right after start-up at idle ([`preload_all`]) or when one of
//! them is opened first. One module for all of them, not one each: the parts share much code,
//! and the splitter cuts what two of them share into a chunk of its own, so six modules made 32
//! files and 10 % more bytes in all than one (`docs/size.md`). Without the feature (the
//! development server, the tests, the opaque-frame build and the offline copy, which must stay
//! one file) the same functions are plain calls that never fail. Every caller goes through
//! [`Lazy`], so the two builds differ only here.
//!
//! A part that cannot be fetched (a dropped connection, a file missing on the server) is said
//! with a retry button; it never ends the app: the splitter's `fallible` form returns the
//! failure instead of panicking, and a failed load is not remembered, so a retry fetches again.

use std::cell::Cell;
use std::future::Future;
use std::task::{Context, Poll, Waker};

use leptos::prelude::*;

use super::{compare, plan, report, sequence, stability, team};
use crate::browser;

/// A part that could not be loaded (the splitter logs the details to the console).
type PartFailed = leptos::wasm_split::SplitLoaderError;

/// Declares one part: its view, and a preload that fetches it without drawing it.
macro_rules! part {
    ($view:ident, $preload:ident, $body:expr) => {
        #[cfg(feature = "split")]
        #[leptos::wasm_split::wasm_split(
                    later,
                    wasm_split_path = ::leptos::wasm_split,
                    fallible,
                    preload($preload)
                )]
        fn $view() -> Result<AnyView, PartFailed> {
            Ok($body.into_any())
        }

        #[cfg(not(feature = "split"))]
        async fn $view() -> Result<AnyView, PartFailed> {
            Ok($body.into_any())
        }

        #[cfg(not(feature = "split"))]
        async fn $preload() -> Result<(), PartFailed> {
            Ok(())
        }
    };
}

part!(team_view, preload_team, view! { <team::TeamView/> });
part!(
    compare_view,
    preload_compare,
    view! { <compare::CompareView/> }
);
part!(report_view, preload_report, view! { <report::ReportView/> });
part!(
    sequence_view,
    preload_sequence,
    view! { <sequence::SequenceView/> }
);
part!(plan_view, preload_plan, view! { <plan::PlanSection/> });
part!(
    stability_view,
    preload_stability,
    view! { <stability::StabilityView/> }
);

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
}

impl Part {
    /// Every part, in the order the idle preload fetches them (the likeliest first).
    pub const ALL: [Part; 6] = [
        Part::Plan,
        Part::Report,
        Part::Sequence,
        Part::Stability,
        Part::Team,
        Part::Compare,
    ];

    async fn view(self) -> Result<AnyView, PartFailed> {
        match self {
            Part::Team => team_view().await,
            Part::Compare => compare_view().await,
            Part::Report => report_view().await,
            Part::Sequence => sequence_view().await,
            Part::Stability => stability_view().await,
            Part::Plan => plan_view().await,
        }
    }

    async fn preload(self) -> Result<(), PartFailed> {
        match self {
            Part::Team => preload_team().await,
            Part::Compare => preload_compare().await,
            Part::Report => preload_report().await,
            Part::Sequence => preload_sequence().await,
            Part::Stability => preload_stability().await,
            Part::Plan => preload_plan().await,
        }
    }

    /// Whether the part is a whole view (its own heading, the focus on it when it arrives),
    /// or a panel inside one.
    fn is_page(self) -> bool {
        !matches!(self, Part::Plan)
    }

    fn bit(self) -> u8 {
        1 << self as u8
    }

    /// Whether the part's code is here (always, in a build that is not split).
    fn loaded(self) -> bool {
        LOADED.with(|loaded| loaded.get() & self.bit() != 0)
    }

    /// Fetches the part if it is not here yet (the loader fetches each file once; a failure is
    /// not remembered, so a later call fetches again).
    async fn load(self) -> Result<(), PartFailed> {
        let loaded = self.preload().await;
        if loaded.is_ok() {
            LOADED.with(|l| l.set(l.get() | self.bit()));
        }
        loaded
    }

    /// The part's view, drawn now (it is loaded: its split function then returns at once).
    fn draw(self) -> Option<AnyView> {
        let view = std::pin::pin!(self.view());
        match view.poll(&mut Context::from_waker(Waker::noop())) {
            Poll::Ready(Ok(view)) => Some(view),
            Poll::Ready(Err(_)) | Poll::Pending => None,
        }
    }
}

thread_local! {
    /// The parts whose code is here, one bit each.
    static LOADED: Cell<u8> = const { Cell::new(if cfg!(feature = "split") { 0 } else { u8::MAX }) };
}

/// Fetches every part, one after the other, once the page is idle: after it the app is whole,
/// so no click waits on the network and the app keeps working offline. A part that fails here
/// is fetched again when it is opened (its view then says so if it still fails).
pub fn preload_all() {
    if Part::ALL.iter().all(|part| part.loaded()) {
        return;
    }
    browser::when_idle(|| {
        leptos::task::spawn_local(async {
            for part in Part::ALL {
                let _ = part.load().await;
            }
        })
    });
}

/// Where a part's view stands.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shown {
    Loading,
    Ready,
    Failed,
}

/// Draws a part's view, loading it first if it is not here yet: a loading line meanwhile, and
/// a message with a retry if it cannot be fetched.
#[component]
pub fn Lazy(
    /// The part to draw.
    part: Part,
) -> impl IntoView {
    let shown = RwSignal::new(if part.loaded() {
        Shown::Ready
    } else {
        Shown::Loading
    });
    let fetch = move || {
        shown.set(Shown::Loading);
        leptos::task::spawn_local(async move {
            let now = if part.load().await.is_ok() {
                Shown::Ready
            } else {
                Shown::Failed
            };
            // The page may have moved on meanwhile.
            if shown.try_set(now).is_some() {
                return;
            }
            // The loading line held the place of the heading the navigation meant to focus;
            // once the view (or the message) is drawn, the focus goes there.
            if part.is_page() {
                leptos::task::tick().await;
                browser::focus_main_heading_unless_in_use();
            }
        });
    };
    if !part.loaded() {
        fetch();
    }
    let missing = move || view! { <PartMissing page=part.is_page() retry=fetch/> }.into_any();
    move || match shown.get() {
        // A panel arrives at idle, long before anyone looks for it: no line for it meanwhile.
        Shown::Loading if !part.is_page() => ().into_any(),
        Shown::Loading => view! {
            <p class="part-loading" role="status">"Loading this part of KOOM Readiness…"</p>
        }
        .into_any(),
        Shown::Ready => part.draw().unwrap_or_else(missing),
        Shown::Failed => missing(),
    }
}

/// What a part that could not be loaded says, with a retry: in place of a whole view, under
/// its own heading; in a panel, a paragraph.
#[component]
fn PartMissing(page: bool, retry: impl Fn() + Copy + 'static) -> impl IntoView {
    let why = "This part of KOOM Readiness is a separate file, and it did not arrive: the \
               connection may have dropped, or the site may have been updated meanwhile. \
               Your answers are not affected.";
    view! {
        <div class="part-missing" class:part-missing-panel=!page role="alert">
            {if page {
                view! { <h1 id="main-heading" tabindex="-1">"This part could not be loaded"</h1> }.into_any()
            } else {
                view! { <p><strong>"This part could not be loaded."</strong></p> }.into_any()
            }}
            <p>{why}</p>
            <button type="button" class="primary" on:click=move |_| retry()>"Try again"</button>
            " "
            <button type="button" class="secondary" on:click=|_| { browser::reload(); }>"Reload the page"</button>
        </div>
    }
}
