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

/// The kind's label as shown, in the language spoken (the data attribute keeps the English).
fn kind_text(kind: ReasonKind) -> &'static str {
    match kind {
        ReasonKind::PreconditionNotTrue => tr!("Precondition not true"),
        ReasonKind::RedFlagPresent => tr!("Red flag present"),
        ReasonKind::MaturityMissing => tr!("Maturity missing"),
        ReasonKind::Open => tr!("To find out"),
    }
}

#[component]
fn ReasonItem(reason: Reason) -> impl IntoView {
    let step = reason.step.and_then(domain::step);
    view! {
        <li class="reason" data-reason-item=reason.item_id data-reason-kind=kind_label(reason.kind)>
            <p class="reason-kind">{kind_text(reason.kind)}</p>
            <p class="reason-text">{reason.message()}</p>
            <p class="reason-action"><span class="action-label">{tr!("Next: ")}</span>{reason.action.clone()}</p>
            // The remedy is a deployment step's content, and the sequence is locked before a
            // Ready verdict: what the step covers is shown here, read-only, never a link to it.
            {step.map(|s| view! { <super::plan::StepContent step=s/> })}
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
                                <span class="count">{trf!("{count} open", count = count)}</span>
                            </summary>
                            <ul class="open-questions">
                                {g.questions.into_iter().map(|(text, not_sure)| view! {
                                    <li>{text} <span class="muted">{if not_sure { tr!(" — answered “Not sure”") } else { tr!(" — not answered yet") }}</span></li>
                                }).collect_view()}
                            </ul>
                            <p class="reason-text">{trf!("If this turns out to be a problem: {consequence}", consequence = g.consequence)}</p>
                            <p class="reason-action"><span class="action-label">{tr!("Next: ")}</span>{tr!("Find out and answer with evidence; a “Not sure” never counts as a pass.")}</p>
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
        Verdict::Hold => tr!("What is still open"),
        _ => tr!("Why"),
    };
    // What the count counts: causes listed, or (a Hold's) questions still open.
    let counted = move || {
        readiness.with(|r| match r.verdict {
            Verdict::Hold => match r.open_questions.len() {
                1 => trf!("{count} question", count = 1),
                n => trf!("{count} questions", count = n),
            },
            _ => match r.reasons.len() {
                1 => trf!("{count} cause", count = 1),
                n => trf!("{count} causes", count = n),
            },
        })
    };
    view! {
        <Show when=move || { total.get() > 0 }>
            <section class="panel-section">
                <h3>{title} <span class="count">" (" {counted} ")"</span></h3>
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
                        {move || if show_all.get() { tr!("Show fewer").to_string() } else { trf!("Show all {count}", count = total.get()) }}
                    </button>
                </Show>
                </Show>
            </section>
        </Show>
    }
}

/// The one action the user can take now, and a button to where it can be taken (the stage
/// decides both; never a locked control).
#[component]
fn NextStep() -> impl IntoView {
    let state = use_state();
    let next = Memo::new(move |_| state.evaluation.with(|e| Stage::of(e).next(e)));
    let target = move || next.with(|n| View::of(n.place.page));
    // No button to the page the user is already on, unless it leads to a place on it.
    let here = move || state.view.get() == target();
    let shown = move || !here() || next.with(|n| n.place.anchor.is_some());
    let go = move |_| {
        let n = next.get_untracked();
        let view = View::of(n.place.page);
        if state.view.get_untracked() != view {
            state.go(view);
        }
        if let Some(anchor) = n.place.anchor {
            leptos::task::spawn_local(async move {
                // A view loaded after start-up may still be on its way: the place is in it.
                if super::parts::Part::of(view).is_some() && super::parts::load().await.is_err() {
                    return;
                }
                leptos::task::tick().await;
                browser::scroll_to_and_focus(&anchor);
            });
        }
    };
    view! {
        <section class="panel-section next-step">
            <h3>{tr!("Next")}</h3>
            <p data-next>{move || next.with(|n| n.text.clone())}</p>
            <Show when=shown>
                <button type="button" class="primary" on:click=go>
                    {move || if here() { tr!("Show me where").to_string() } else { next.with(|n| n.button.clone()) }}
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

    let past = Memo::new(move |_| stage.with(Stage::is_past_readiness));
    let tone = Memo::new(move |_| stage.with(|s| s.tone().token()));
    // What the sections' badges count beside the readiness questions: green flags, and red
    // flags restating a condition, are counted in their own sections too.
    let section_items = move || {
        state.evaluation.with(|e| {
            let p = &e.progress;
            p.preconditions.total + p.maturity.total + p.red_flags.total + p.green_flags.total
        })
    };

    view! {
        // Focusable: on a wide screen the panel scrolls on its own, and a keyboard must reach it
        // even when nothing inside it can take the focus (axe: scrollable-region-focusable).
        <aside class="verdict-panel" id="verdict" tabindex="0" aria-labelledby="verdict-title" data-verdict=move || verdict.get().token() data-tone=tone>
            <div class="verdict-summary">
                <Show when=move || past.get()>
                    <p class="stage-line" data-stage=move || stage.with(Stage::token) role="status" aria-live="polite">
                        <span class="eyebrow">{tr!("Where we are now")}</span>
                        <span class="stage-headline">{move || stage.with(Stage::headline)}</span>
                    </p>
                </Show>
                <h2 class="eyebrow" id="verdict-title">{move || if past.get() { tr!("Readiness") } else { tr!("Readiness verdict") }}</h2>
                <p class="verdict-headline" class:past=move || past.get() role="status" aria-live="polite" aria-atomic="true">
                    {move || stage.with(|s| s.readiness_headline(verdict.get()))}
                </p>
                <p class="verdict-explanation">{move || stage.with(|s| s.verdict_explanation(verdict.get()))}</p>
                {move || readiness.with(|r| r.caution.clone()).map(|c| view! {
                    <div class="caution" data-caution data-rule=domain::RULE_GREEN_FLAG_CAUTION.id>
                        <p>{c.summary}</p>
                        <details>
                            <summary>{tr!("What the missing success signals would add")}</summary>
                            <ul class="plain">{c.missing.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
                        </details>
                    </div>
                })}
                <p class="green-summary">
                    <span class="green-dot" class:none=move || readiness.with(|r| r.green_flags_present.is_empty()) aria-hidden="true"></span>
                    {move || readiness.with(|r| r.green_flag_summary())}
                </p>
                {move || {
                    let left = state.evaluation.with(|e| e.progress.left_for_verdict);
                    (left > 0).then(|| view! {
                        <p class="left-for-verdict">
                            {trf!("{left} of {total} readiness questions still open for a full verdict", left = left, total = *READINESS_QUESTIONS)}
                            <span class="muted">{trf!(" (the sections count {count} items: they add the green flags, and the red flags that restate a condition)", count = section_items())}</span>
                        </p>
                    })
                }}
            </div>
            <NextStep/>
            <WhySection readiness/>
            <super::parts::Lazy part=super::parts::Part::Plan/>
            {move || {
                let r = readiness.get();
                view! {
                    {(!r.also.is_empty()).then(|| view! {
                        <section class="panel-section">
                            <h3>{tr!("Also to build")}</h3>
                            <ol class="reasons">
                                {r.also.iter().cloned().map(|reason| view! { <ReasonItem reason/> }).collect_view()}
                            </ol>
                        </section>
                    })}
                    {(!r.would_change.is_empty()).then(|| view! {
                        <section class="panel-section">
                            <h3>{tr!("What would change the verdict")}</h3>
                            <ul class="plain">
                                {r.would_change.iter().map(|line| view! { <li>{line.clone()}</li> }).collect_view()}
                            </ul>
                        </section>
                    })}
                    {(!r.inconsistencies.is_empty()).then(|| view! {
                        <section class="panel-section inconsistencies" data-rule=domain::RULE_CHECKS.id>
                            <h3>{tr!("Answers to check")}</h3>
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
        <div class="verdict-bar" role="region" aria-label=tr!("Verdict summary") data-verdict=move || verdict.get().token() data-tone=tone>
            <span class="verdict-bar-text" data-stage=move || stage.with(Stage::token)>{move || stage.with(Stage::short_headline)}</span>
            <SaveStatus compact=true/>
            <button type="button" class="link-button" on:click=move |_| { browser::scroll_to_and_focus("verdict"); }>{tr!("Why?")}</button>
        </div>
    }
}
