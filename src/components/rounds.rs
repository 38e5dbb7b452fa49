//! Rounds of re-assessment on the report page: start the next round, see where each round
//! stood, and what changed between any round and a chosen baseline. The content is one domain
//! value ([`domain::RoundsSummary`]); the pickers stay outside what re-renders, so they keep focus.

use leptos::prelude::*;

use super::reminder::ReminderPicker;
use crate::app::{use_state, use_store, Opened};
use crate::browser;
use crate::domain::{self, rounds_summary, RoundsSummary, Route, Source};

/// Focuses an element once the view has rendered it (the button that had focus is gone).
fn focus_soon(id: &'static str) {
    leptos::task::spawn_local(async move {
        leptos::task::tick().await;
        browser::focus(id);
    });
}

/// The options of a round picker, 1 to `count`, `chosen` selected.
fn round_options(count: usize, chosen: usize) -> impl IntoView {
    (1..=count)
        .map(|n| view! { <option value=n.to_string() selected=n == chosen>{trf!("Round {n}", n = n)}</option> })
        .collect_view()
}

/// The timeline, the warning on dates, and the changes of the chosen rounds.
fn summary_view(s: RoundsSummary, read_only: bool) -> impl IntoView {
    let single = s.rounds.len() == 1;
    view! {
        {if single {
            view! {
                <p class="muted">{if read_only {
                    tr!("This assessment has one round: it was not re-assessed.")
                } else {
                    tr!("Coming back after some months? Re-assess closes this round as of today and starts the next one: every answer is carried over and marked “confirm or change”, the plan keeps its statuses, and a timeline shows what changed since.")
                }}</p>
            }.into_any()
        } else {
            view! {
                <ol class="round-timeline">{s.rounds.into_iter().map(|r| {
                    let when = r.when();
                    view! {
                        <li class="round-entry" data-round=r.number data-tone=r.tone data-verdict=r.verdict.token()>
                            <p class="round-title"><strong>{r.title()}</strong>{(!when.is_empty()).then(|| format!(" · {when}"))}</p>
                            <p class="round-stage"><span class="verdict-chip">{r.stage}</span></p>
                            {domain::carried_sentence(r.carried).map(|c| view! { <p class="muted">{c}</p> })}
                        </li>
                    }
                }).collect_view()}</ol>
            }.into_any()
        }}
        {s.future.map(|w| view! { <p class="limit-hint" role="status">{w}</p> })}
    }
}

/// The rounds panel: "Re-assess", the timeline and the changes against a baseline.
#[component]
pub fn RoundsPanel() -> impl IntoView {
    let state = use_state();
    let store = use_store();
    let compared_choice = RwSignal::new(0usize);
    let baseline_choice = RwSignal::new(0usize);
    let summary = Memo::new(move |_| {
        let (c, b) = (compared_choice.get(), baseline_choice.get());
        state
            .assessment
            .with(|a| rounds_summary(a, c, b, &browser::today_iso()))
    });
    let count = Memo::new(move |_| summary.with(|s| s.rounds.len()));
    let asking = RwSignal::new(false);
    let reassess = move |_| {
        let today = browser::today_iso();
        let mut result = None;
        state.edit(|a| result = Some(a.reassess(&today)));
        asking.set(false);
        let said = match result {
            Some(Ok(n)) => {
                compared_choice.set(0);
                baseline_choice.set(0);
                focus_soon("rounds-title");
                trf!(
                    "Round {n} started. Every answer is carried over and marked with the round it was given in (“From round 1 — confirm or change”) until you confirm or change it.",
                    n = n
                )
            }
            Some(Err(e)) => e.to_string(),
            None => tr!("This assessment is read-only here: nothing was changed.").to_string(),
        };
        store.notices.say(said);
    };
    let carried = Memo::new(move |_| state.assessment.with(|a| a.carried.len()));
    let confirm_all = move |_| {
        let mut n = 0;
        state.edit(|a| n = a.confirm_all_carried());
        focus_soon("rounds-title");
        store.notices.say(match n {
            1 => tr!("The carried-over answer is confirmed as this round's answer.").to_string(),
            n => trf!(
                "{n} carried-over answers confirmed as this round's answers.",
                n = n
            ),
        });
    };
    // Side by side in the comparison view, for a saved assessment (its rounds are read back
    // from the library by id).
    let saved_id = Memo::new(move |_| match store.open.opened.get() {
        Opened::Saved(id) => Some(id),
        _ => None,
    });
    let side_by_side = move |_| {
        let Some(id) = saved_id.get_untracked() else {
            return;
        };
        let (b, c) = summary.with_untracked(|s| (s.baseline, s.compared));
        let route = Route::Compare {
            sides: vec![Source::Round(id.clone(), b), Source::Round(id, c)],
        };
        store.follow(state, &route);
    };
    let pick = |signal: RwSignal<usize>| {
        move |ev| signal.set(event_target_value(&ev).parse().unwrap_or(0))
    };
    view! {
        <section class="card rounds-panel no-print" aria-labelledby="rounds-title">
            <h2 id="rounds-title" tabindex="-1">{tr!("Rounds over time")}</h2>
            {move || summary_view(summary.get(), state.read_only.get())}
            <div class="round-compare" role="group" aria-labelledby="round-compare-title" hidden=move || count.get() < 2>
                <h3 id="round-compare-title">{tr!("What changed")}</h3>
                <div class="round-pickers">
                    <label for="round-compared">{tr!("Compare round")}</label>
                    <select id="round-compared" on:change=pick(compared_choice)>
                        {move || round_options(count.get(), summary.with(|s| s.compared))}
                    </select>
                    <label for="round-baseline">{tr!("with the baseline round")}</label>
                    <select id="round-baseline" on:change=pick(baseline_choice)>
                        {move || round_options(count.get(), summary.with(|s| s.baseline))}
                    </select>
                </div>
                <div class="round-result" aria-live="polite">{move || {
                    let s = summary.get();
                    if s.answers_changed.is_empty() {
                        return view! { <p class="muted">{tr!("Choose two different rounds.")}</p> }.into_any();
                    }
                    view! {
                        <p class="round-count">{s.answers_changed}</p>
                        {saved_id.get().is_some().then(|| view! {
                            <button type="button" class="link-button" id="rounds-side-by-side" on:click=side_by_side>
                                {trf!("Compare round {baseline} and round {compared} side by side", baseline = s.baseline, compared = s.compared)}
                            </button>
                        })}
                        {if s.changes.is_empty() {
                            view! { <p>{tr!(domain::NO_ITEM_CHANGED)}</p> }.into_any()
                        } else {
                            view! {
                                <ul class="round-changes">{s.changes.into_iter().map(|c| view! {
                                    <li data-direction=c.direction.token() data-item=c.item_id>
                                        <strong>{c.sentence}</strong>
                                        <span class="muted">" " {c.label}</span>
                                    </li>
                                }).collect_view()}</ul>
                            }.into_any()
                        }}
                    }.into_any()
                }}</div>
            </div>
            <div class="round-actions" hidden=move || state.read_only.get()>
                {move || (carried.get() > 0).then(|| view! {
                    <button type="button" class="secondary" id="confirm-all-carried" on:click=confirm_all>
                        {match carried.get() {
                            1 => tr!("Confirm the carried-over answer as it is").to_string(),
                            n => trf!("Confirm all {n} carried-over answers as they are", n = n),
                        }}
                    </button>
                })}
                {move || if asking.get() {
                    let current = summary.with(|s| s.rounds.len());
                    view! {
                        <div class="round-confirm" role="group" aria-labelledby="round-confirm-text">
                            <p id="round-confirm-text">{trf!(
                                "Close round {current} as of {date} and start round {next}? Round {current}'s answers and where it stood are kept for the timeline; notes and the plan stay with the assessment.",
                                current = current, date = browser::today_iso(), next = current + 1
                            )}</p>
                            <button type="button" class="primary" id="reassess-confirm" on:click=reassess>{trf!("Start round {n}", n = current + 1)}</button>
                            <button type="button" class="secondary" on:click=move |_| { asking.set(false); focus_soon("reassess"); }>{tr!("Cancel")}</button>
                        </div>
                    }.into_any()
                } else {
                    view! {
                        <button type="button" class="secondary" id="reassess" on:click=move |_| { asking.set(true); focus_soon("reassess-confirm"); }>{tr!("Re-assess…")}</button>
                    }.into_any()
                }}
            </div>
            <ReminderPicker id="next-round-date" reminder=domain::Reminder::NextRound
                label=Signal::derive(move || trf!("Remind me of round {n} on", n = count.get().max(1) + 1))/>
        </section>
    }
}
