//! The verdict panel: always in view, the verdict with its reasons, next actions, what would
//! change it and inconsistencies. Verdict changes are announced through a live region.

use leptos::prelude::*;

use super::SaveStatus;
use crate::app::{use_state, View};
use crate::browser;
use crate::domain::{self, readiness_questions, Readiness, Reason, ReasonKind, Stage, Verdict};

/// How many questions the readiness verdict reads.
static READINESS_QUESTIONS: std::sync::LazyLock<usize> =
    std::sync::LazyLock::new(|| readiness_questions().count());

/// How many reasons show before "show all".
const FIRST_REASONS: usize = 6;

fn kind_label(kind: ReasonKind) -> &'static str {
    match kind {
        ReasonKind::PreconditionNotTrue => "Precondition not true",
        ReasonKind::RedFlagPresent => "Red flag present",
        ReasonKind::MaturityMissing => "Maturity missing",
        ReasonKind::Open => "To find out",
    }
}

#[component]
fn ReasonItem(reason: Reason) -> impl IntoView {
    let state = use_state();
    let step = reason.step.and_then(domain::step);
    view! {
        <li class="reason" data-reason-item=reason.item_id data-reason-kind=kind_label(reason.kind)>
            <p class="reason-kind">{kind_label(reason.kind)}</p>
            <p class="reason-text">{reason.message()}</p>
            <p class="reason-action"><span class="action-label">"Next: "</span>{reason.action.clone()}</p>
            {step.map(|s| view! {
                <button type="button" class="link-button" on:click=move |_| state.go(View::Sequence)>
                    "Go to " {s.label()}
                </button>
            })}
        </li>
    }
}

/// A Hold's open questions, grouped by item: one short line each, the questions, the seed's
/// consequence and what to do on demand.
#[component]
fn OpenGroups(readiness: Memo<Readiness>) -> impl IntoView {
    let groups = Memo::new(move |_| readiness.with(Readiness::open_groups));
    view! {
        <ul class="open-groups">
            {move || groups.get().into_iter().map(|g| {
                let count = g.questions.len();
                view! {
                    <li class="open-group" data-reason-item=g.item_id data-reason-kind="To find out">
                        <details>
                            <summary>
                                <span class="open-label">{g.item_label}</span>
                                <span class="count">{format!("{count} open")}</span>
                            </summary>
                            <ul class="open-questions">
                                {g.questions.into_iter().map(|(text, not_sure)| view! {
                                    <li>{text} <span class="muted">{if not_sure { " — answered “Not sure”" } else { " — not answered yet" }}</span></li>
                                }).collect_view()}
                            </ul>
                            <p class="reason-text">"If this turns out to be a problem: " {g.consequence}</p>
                            <p class="reason-action"><span class="action-label">"Next: "</span>"Find out and answer with evidence; a “Not sure” never counts as a pass."</p>
                        </details>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

/// The causes of the verdict; the first few, or all on request. The toggle stays mounted
/// while answers change, so keyboard focus is never lost.
#[component]
fn WhySection(readiness: Memo<Readiness>) -> impl IntoView {
    let show_all = RwSignal::new(false);
    let total = Memo::new(move |_| readiness.with(|r| r.reasons.len()));
    let title = move || match readiness.with(|r| r.verdict) {
        Verdict::Hold => "What is still open",
        _ => "Why",
    };
    view! {
        <Show when=move || { total.get() > 0 }>
            <section class="panel-section">
                <h3>{title} <span class="count">" (" {move || total.get()} ")"</span></h3>
                <Show when=move || readiness.with(|r| r.verdict == Verdict::Hold)>
                    <OpenGroups readiness/>
                </Show>
                <Show when=move || readiness.with(|r| r.verdict != Verdict::Hold)>
                <ol class="reasons">
                    {move || readiness.with(|r| {
                        let shown = if show_all.get() { r.reasons.len() } else { FIRST_REASONS };
                        r.reasons.iter().take(shown).cloned().map(|reason| view! { <ReasonItem reason/> }).collect_view()
                    })}
                </ol>
                <Show when=move || { total.get() > FIRST_REASONS }>
                    <button type="button" class="link-button" aria-expanded=move || show_all.get().to_string()
                        on:click=move |_| show_all.update(|s| *s = !*s)>
                        {move || if show_all.get() { "Show fewer".to_string() } else { format!("Show all {}", total.get()) }}
                    </button>
                </Show>
                </Show>
            </section>
        </Show>
    }
}

/// With a Ready verdict: where to go next, from the stage the organisation is at.
#[component]
fn NextStep() -> impl IntoView {
    let state = use_state();
    let next = Memo::new(move |_| {
        state.evaluation.with(|e| match Stage::of(e) {
            Stage::Deployed(_) => (
                "Record the stability signs over the next alignment cycles.".to_string(),
                View::Stability,
                "Open stability",
            ),
            Stage::RolledBack { step, .. } => (
                format!(
                    "Retrain {} and confirm it; then repeat the pilot and answer the gate afresh.",
                    step.label()
                ),
                View::Sequence,
                "Open the deployment sequence",
            ),
            Stage::Deploying { step } => (
                format!("Continue the deployment sequence at {}.", step.label()),
                View::Sequence,
                "Open the deployment sequence",
            ),
            _ => (
                "Begin the deployment sequence at step 1, Executive Education.".to_string(),
                View::Sequence,
                "Open the deployment sequence",
            ),
        })
    });
    // No button to the page the user is already on.
    let elsewhere = move || state.view.get() != next.with(|n| n.1);
    view! {
        <section class="panel-section">
            <h3>"Next"</h3>
            <p>{move || next.get().0}</p>
            <Show when=elsewhere>
                <button type="button" class="primary" on:click=move |_| state.go(next.get_untracked().1)>
                    {move || next.get().2}
                </button>
            </Show>
        </section>
    }
}

/// The readiness verdict panel (side panel on wide screens, below the page on phones, with a
/// fixed summary bar).
#[component]
pub fn VerdictPanel() -> impl IntoView {
    let state = use_state();
    let readiness = Memo::new(move |_| state.evaluation.with(|e| e.readiness.clone()));
    let verdict = Memo::new(move |_| readiness.with(|r| r.verdict));
    let stage = Memo::new(move |_| state.evaluation.with(Stage::of));

    view! {
        <aside class="verdict-panel" id="verdict" tabindex="-1" aria-labelledby="verdict-title" data-verdict=move || verdict.get().token()>
            <div class="verdict-summary">
                <Show when=move || stage.with(|s| !matches!(s, Stage::Readiness(_)))>
                    <p class="stage-line" data-stage=move || stage.with(Stage::token)>
                        <span class="eyebrow">"Where we are now"</span>
                        <span class="stage-headline">{move || stage.with(Stage::headline)}</span>
                    </p>
                </Show>
                <h2 class="eyebrow" id="verdict-title">"Readiness verdict"</h2>
                <p class="verdict-headline" role="status" aria-live="polite" aria-atomic="true">
                    {move || verdict.get().headline()}
                </p>
                <p class="verdict-explanation">{move || stage.with(|s| s.verdict_explanation(verdict.get()))}</p>
                <p class="green-summary">
                    <span class="green-dot" class:none=move || readiness.with(|r| r.green_flags_present.is_empty()) aria-hidden="true"></span>
                    {move || readiness.with(|r| r.green_flag_summary())}
                </p>
                {move || {
                    let left = state.evaluation.with(|e| e.progress.left_for_verdict);
                    (left > 0).then(|| view! {
                        <p class="left-for-verdict">{left} " of " {*READINESS_QUESTIONS} " questions still open for a full verdict"</p>
                    })
                }}
            </div>
            <WhySection readiness/>
            {move || {
                let r = readiness.get();
                view! {
                    {(!r.also.is_empty()).then(|| view! {
                        <section class="panel-section">
                            <h3>"Also to build"</h3>
                            <ol class="reasons">
                                {r.also.iter().cloned().map(|reason| view! { <ReasonItem reason/> }).collect_view()}
                            </ol>
                        </section>
                    })}
                    {(r.verdict == Verdict::Ready).then(|| view! { <NextStep/> })}
                    {(!r.would_change.is_empty()).then(|| view! {
                        <section class="panel-section">
                            <h3>"What would change the verdict"</h3>
                            <ul class="plain">
                                {r.would_change.iter().map(|line| view! { <li>{line.clone()}</li> }).collect_view()}
                            </ul>
                        </section>
                    })}
                    {(!r.inconsistencies.is_empty()).then(|| view! {
                        <section class="panel-section inconsistencies">
                            <h3>"Answers that contradict each other"</h3>
                            <ul class="plain">
                                {r.inconsistencies.iter().map(|i| view! {
                                    <li data-inconsistency=format!("{}|{}", i.claim_id, i.conflict_id)>{i.message.clone()}</li>
                                }).collect_view()}
                            </ul>
                        </section>
                    })}
                }
            }}
        </aside>
        <div class="verdict-bar" role="region" aria-label="Verdict summary" data-verdict=move || verdict.get().token()>
            <span class="verdict-bar-text" data-stage=move || stage.with(Stage::token)>{move || stage.with(Stage::short_headline)}</span>
            <SaveStatus compact=true/>
            <button type="button" class="link-button" on:click=move |_| { browser::scroll_to_and_focus("verdict"); }>"Why?"</button>
        </div>
    }
}
