//! The printable report lays out the same facts as the Markdown report (both come from one
//! `Report` value).

use koom_readiness::components::ReportDocument;
use koom_readiness::domain::{evaluate, Report};
use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use wasm_bindgen_test::*;

use crate::support::*;

#[path = "../common/fixtures.rs"]
mod fixtures;

#[wasm_bindgen_test]
async fn the_printed_report_carries_every_fact_of_the_report() {
    for a in fixtures::report_fixtures() {
        let report = Report::new(&a, &evaluate(&a), "2026-11-24");
        let facts = report.facts();
        let container = fresh_container();
        let shown = report.clone();
        let _app = mount_to(container.clone(), move || {
            view! { <ReportDocument report=Signal::stored(shown.clone())/> }
        });
        tick().await;
        let text = container.text_content().unwrap_or_default();
        for fact in facts {
            assert!(
                text.contains(&fact),
                "{:?}: the printed report lacks {fact:?}",
                a.organisation
            );
        }
        container.remove();
    }
}
