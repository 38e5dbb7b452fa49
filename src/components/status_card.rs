//! The status card for wikis that run no script: the badge to upload and the block to paste,
//! made from the report on screen (its read-only link without notes).

use leptos::prelude::*;

use crate::app::{use_state, use_store};
use crate::browser;
use crate::domain::{
    status_badge_svg, status_block_html, status_block_markdown, Report, BADGE_FILE,
};

/// The badge's preview, its download, and the Markdown and HTML blocks to copy.
#[component]
pub fn StatusCard(#[prop(into)] report: Signal<Report>) -> impl IntoView {
    let state = use_state();
    let store = use_store();
    let svg = Memo::new(move |_| report.with(status_badge_svg));
    let download = move |_| {
        store.notices.offer_file(
            state.framed,
            BADGE_FILE,
            "image/svg+xml",
            svg.get_untracked(),
        );
    };
    // Copied where the page may; where it may not, the block is offered as a file instead.
    let copy = move |what: &'static str| {
        let (text, name, mime) = report.with_untracked(|r| match what {
            "html" => (
                status_block_html(r),
                "koom-readiness-status.html",
                "text/html",
            ),
            _ => (
                status_block_markdown(r),
                "koom-readiness-status.md",
                "text/markdown",
            ),
        });
        leptos::task::spawn_local(async move {
            match browser::copy_to_clipboard(&text).await {
                Ok(()) => store.notices.say(trf!(
                    "The {format} block was copied: paste it into the wiki page, and upload {file} next to it.",
                    format = if what == "html" { "HTML" } else { "Markdown" },
                    file = BADGE_FILE
                )),
                Err(e) => {
                    store.notices.say(trf!("{error} The block is offered as a file instead.", error = e));
                    store.notices.offer_file(state.framed, name, mime, text);
                }
            }
        });
    };
    view! {
        <section class="card status-card no-print" aria-labelledby="status-card-title">
            <h2 id="status-card-title">{tr!("Status card for a wiki")}</h2>
            <p class="muted">{tr!("Where a wiki page does not allow the embedded app: upload the badge next to the page, then paste the block. It shows where the organisation stands today and links to this assessment, read-only and without notes.")}</p>
            <div class="status-badge" inner_html=move || svg.get()></div>
            <div class="report-actions">
                <button type="button" class="secondary" on:click=download>{tr!("Download the badge (SVG)")}</button>
                <button type="button" class="secondary" on:click=move |_| copy("markdown")>{tr!("Copy the Markdown block")}</button>
                <button type="button" class="secondary" on:click=move |_| copy("html")>{tr!("Copy the HTML block")}</button>
            </div>
        </section>
    }
}
