//! The later part's views (issue 20, `docs/size.md`): each [`Part`]'s view as a split point of
//! Leptos' wasm splitter (with the `split` feature), all in one split module, `later`, whose
//! code, and whatever only it uses, leaves the first load for `split_later.wasm`. They are
//! installed into `parts.rs` before the app is drawn ([`PART_VIEWS`]): the views themselves use
//! `parts.rs` (`Lazy`), so it must not name them. Without the feature the same functions are
//! plain calls that never fail.

use std::future::Future;
use std::task::{Context, Poll, Waker};

use leptos::prelude::*;

use super::parts::{Part, PartViews};
use super::{compare, embed, notices, plan, question, report, sequence, stability, start, team};
use crate::app::{later, PartFailed};

/// Declares each part's view as a function of the later part (`later!`, with a preload each),
/// [`draw`], which draws a part's view, and [`fetch`], which fetches them all.
macro_rules! views {
    ($($part:ident => $view:ident, $preload:ident: $body:expr),* $(,)?) => {
        $(later! {
            preload $preload:
            fn $view() -> AnyView { $body.into_any() }
        })*

        /// The part's view, drawn now if its code is here (its split function then returns at
        /// once; `None` otherwise).
        fn draw(part: Part) -> Option<AnyView> {
            let view = std::pin::pin!(async move {
                match part {
                    $(Part::$part => $view().await,)*
                }
            });
            match view.poll(&mut Context::from_waker(Waker::noop())) {
                Poll::Ready(Ok(view)) => Some(view),
                Poll::Ready(Err(_)) | Poll::Pending => None,
            }
        }

        /// Fetches the later part. Each view's own loader is told too (the file is fetched
        /// once), so that each is then ready at its first poll, as [`draw`] needs.
        async fn fetch() -> Result<(), PartFailed> {
            $($preload().await?;)*
            Ok(())
        }
    };
}

views! {
    Team => team_view, preload_team: view! { <team::TeamView/> },
    Compare => compare_view, preload_compare: view! { <compare::CompareView/> },
    Report => report_view, preload_report: view! { <report::ReportView/> },
    Sequence => sequence_view, preload_sequence: view! { <sequence::SequenceView/> },
    Stability => stability_view, preload_stability: view! { <stability::StabilityView/> },
    Plan => plan_view, preload_plan: view! { <plan::PlanSection/> },
    TeamLibrary => team_library_view, preload_team_library: view! { <team::TeamLibrary/> },
    AddToTeam => add_to_team_view, preload_add_to_team: view! { <team::AddToTeam/> },
    CompareShared => compare_shared_view, preload_compare_shared: view! { <compare::CompareShared/> },
    ConflictDifferences => conflict_differences_view, preload_conflict_differences: view! { <notices::ConflictDifferences/> },
    Evidence => evidence_view, preload_evidence: view! { <question::EvidenceFields/> },
    EmbedSnippet => embed_snippet_view, preload_embed_snippet: view! { <embed::EmbedSnippet/> },
    KeptAside => kept_aside_view, preload_kept_aside: view! { <start::KeptAside/> },
}

/// The later part's views, for `parts.rs`'s `Lazy`.
pub static PART_VIEWS: PartViews = PartViews {
    draw,
    fetch: || Box::pin(fetch()),
};
