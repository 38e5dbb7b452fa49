//! The later part's views (issue 20, `docs/size.md`): each [`Part`]'s view as a split point of
//! Leptos' wasm splitter (with the `split` feature), all in one split module, `later`, whose
//! code, and whatever only it uses, leaves the first load for `split_later.wasm`. They are
//! installed into `parts.rs` before the app is drawn ([`PART_VIEWS`]): the views themselves use
//! `parts.rs` (`Lazy`), so it must not name them. Without the feature the same functions are
//! plain calls that never fail.

use std::future::Future;
use std::task::{Context, Poll, Waker};

use leptos::prelude::*;

use super::parts::{Fetch, Part, PartViews};
use super::{compare, embed, notices, plan, question, report, sequence, stability, start, team};
use crate::app::PartFailed;

/// Declares one part: its view, and a preload that fetches it without drawing it.
// (rustfmt indents the attribute's arguments further on every run: it is kept as written.)
#[rustfmt::skip]
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
    team_library_view,
    preload_team_library,
    view! { <team::TeamLibrary/> }
);
part!(
    add_to_team_view,
    preload_add_to_team,
    view! { <team::AddToTeam/> }
);
part!(
    compare_shared_view,
    preload_compare_shared,
    view! { <compare::CompareShared/> }
);
part!(
    conflict_differences_view,
    preload_conflict_differences,
    view! { <notices::ConflictDifferences/> }
);
part!(
    evidence_view,
    preload_evidence,
    view! { <question::EvidenceFields/> }
);
part!(
    embed_snippet_view,
    preload_embed_snippet,
    view! { <embed::EmbedSnippet/> }
);
part!(
    kept_aside_view,
    preload_kept_aside,
    view! { <start::KeptAside/> }
);
part!(
    stability_view,
    preload_stability,
    view! { <stability::StabilityView/> }
);

async fn view(part: Part) -> Result<AnyView, PartFailed> {
    match part {
        Part::Team => team_view().await,
        Part::Compare => compare_view().await,
        Part::Report => report_view().await,
        Part::Sequence => sequence_view().await,
        Part::Stability => stability_view().await,
        Part::Plan => plan_view().await,
        Part::TeamLibrary => team_library_view().await,
        Part::AddToTeam => add_to_team_view().await,
        Part::CompareShared => compare_shared_view().await,
        Part::ConflictDifferences => conflict_differences_view().await,
        Part::Evidence => evidence_view().await,
        Part::EmbedSnippet => embed_snippet_view().await,
        Part::KeptAside => kept_aside_view().await,
    }
}

async fn preload(part: Part) -> Result<(), PartFailed> {
    match part {
        Part::Team => preload_team().await,
        Part::Compare => preload_compare().await,
        Part::Report => preload_report().await,
        Part::Sequence => preload_sequence().await,
        Part::Stability => preload_stability().await,
        Part::Plan => preload_plan().await,
        Part::TeamLibrary => preload_team_library().await,
        Part::AddToTeam => preload_add_to_team().await,
        Part::CompareShared => preload_compare_shared().await,
        Part::ConflictDifferences => preload_conflict_differences().await,
        Part::Evidence => preload_evidence().await,
        Part::EmbedSnippet => preload_embed_snippet().await,
        Part::KeptAside => preload_kept_aside().await,
    }
}

/// The part's view, drawn now (its code is here: its split function then returns at once).
fn draw(part: Part) -> Option<AnyView> {
    let view = std::pin::pin!(view(part));
    match view.poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(Ok(view)) => Some(view),
        Poll::Ready(Err(_)) | Poll::Pending => None,
    }
}

fn preload_part(part: Part) -> Fetch {
    Box::pin(preload(part))
}

/// The later part's views, for `parts.rs`'s `Lazy`.
pub static PART_VIEWS: PartViews = PartViews {
    draw,
    preload: preload_part,
};
