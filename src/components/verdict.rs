//! The verdict panel: always in view, the verdict with its reasons, next actions, what would
//! change it and inconsistencies. Verdict changes are announced through a live region.

use leptos::prelude::*;

use crate::app::{use_state, View};
use crate::browser;
use crate::domain::{
    self, readiness_questions, Readiness, Reason, ReasonKind, SequenceState, Verdict,
    DEPLOYMENT_STEPS,
};

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
            </section>
        </Show>
    }
}

/// With a Ready verdict: where to go next in the deployment sequence.
#[component]
fn NextStep() -> impl IntoView {
    let state = use_state();
    let next = Memo::new(move |_| {
        state.evaluation.with(|e| {
            let current = e
                .sequence
                .current
                .and_then(|n| DEPLOYMENT_STEPS.get(usize::from(n).saturating_sub(1)));
            match (e.sequence.state, current) {
                (SequenceState::FullyDeployed, _) => (
                    "KOOM is fully deployed. Record the stability signs over the next alignment cycles.".to_string(),
                    View::Stability,
                    "Check stability",
                ),
                (_, Some(s)) if s.number > 1 => (
                    format!("Continue the deployment sequence at step {} — {}.", s.number, s.title),
                    View::Sequence,
                    "Open the deployment sequence",
                ),
                _ => (
                    "Begin the deployment sequence at step 1, Executive Education.".to_string(),
                    View::Sequence,
                    "Open the deployment sequence",
                ),
            }
        })
    });
    view! {
        <section class="panel-section">
            <h3>"Next"</h3>
            <p>{move || next.get().0}</p>
            <button type="button" class="primary" on:click=move |_| state.go(next.get_untracked().1)>
                {move || next.get().2}
            </button>
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

    view! {
        <aside class="verdict-panel" id="verdict" tabindex="-1" aria-labelledby="verdict-title" data-verdict=move || verdict.get().token()>
            <div class="verdict-summary">
                <h2 class="eyebrow" id="verdict-title">"Readiness verdict"</h2>
                <p class="verdict-headline" role="status" aria-live="polite" aria-atomic="true">
                    {move || verdict.get().headline()}
                </p>
                <p class="verdict-explanation">{move || verdict.get().explanation()}</p>
                <p class="green-summary">
                    <span class="green-dot" aria-hidden="true"></span>
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
            <span class="verdict-bar-text">{move || verdict.get().headline()}</span>
            <button type="button" class="link-button" on:click=move |_| { browser::scroll_to_and_focus("verdict"); }>"Why?"</button>
        </div>
    }
}
