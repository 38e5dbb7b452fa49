//! QR codes on screen: the join code that lets phones in the room open the app's start screen,
//! and a respondent's share link as a code the facilitator's phone can read.

use leptos::prelude::*;

use crate::browser;
use crate::domain::{join_link, join_problem, qr_code, JoinProblem};

/// A QR code of `text` (its accessible name `title`), or, when the text is too long for one,
/// why and what to do instead.
#[component]
pub fn QrImage(#[prop(into)] text: Signal<String>, title: &'static str) -> impl IntoView {
    let code = Memo::new(move |_| {
        text.with(|t| {
            qr_code(t)
                .map(|c| (c.to_svg(title), c.size(), c.is_dense()))
                .map_err(|e| e.to_string())
        })
    });
    move || {
        match code.get() {
        Ok((svg, size, dense)) => view! {
            <figure class="qr-code" data-modules=size>
                <div class="qr-image" inner_html=svg></div>
                {dense.then(|| view! {
                    <figcaption class="limit-hint">{tr!("This code is dense: if a phone cannot read it, share the link instead.")}</figcaption>
                })}
            </figure>
        }
        .into_any(),
        Err(message) => view! { <p class="limit-hint" data-limit="reached" data-qr="too-long">{message}</p> }.into_any(),
    }
    }
}

/// The join code: this page's start screen as a QR code for the phones in the room, or why
/// phones cannot open it from here.
#[component]
pub fn JoinCode() -> impl IntoView {
    let page = browser::location::page_address().unwrap_or_default();
    let problem = join_problem(&page);
    let address = join_link(&page);
    view! {
        <div class="join-code" data-join=if problem.is_some() { "unreachable" } else { "reachable" }>
            {problem.map(|p| view! { <p class="notice-warning join-problem">{p.to_string()}</p> })}
            {(problem != Some(JoinProblem::File)).then(|| view! {
                <QrImage text=address.clone() title=tr!("Scan to open KOOM Readiness on your phone")/>
            })}
            <div class="join-text">
                {(problem != Some(JoinProblem::File)).then(|| view! {
                    <p class="join-address"><span class="muted">{tr!("Or type ")}</span><code>{address.clone()}</code></p>
                })}
                <p class="muted">{tr!("It opens the start screen: each person starts their own assessment and answers on their phone, then on its report makes the link and sends it to the facilitator (Share… or Copy link), who pastes it into the team view's “Add respondents”.")}</p>
            </div>
        </div>
    }
}
