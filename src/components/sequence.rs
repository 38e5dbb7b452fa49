//! The deployment sequence as a stepper (seed §4): current step, locked steps with their
//! reason, a checklist per step, the pilot record and the full-deployment gate.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::question::LimitHint;
use super::{ItemExtras, PageHeading, QuestionControl, RuleNote};
use crate::app::{use_state, use_store};
use crate::browser;
use crate::domain::TextKind;
use crate::domain::{
    self, item_done, number_word, Completion, DeploymentStep, Finding, GateOutcome,
    IterationRecord, Retraining, Sequence, SequenceState, StepId, StepState, DEPLOYMENT_STEPS,
    FULL_DEPLOYMENT, GATE_ANCHOR, GATE_CRITERIA, PILOT, PILOT_POLITICS_QUESTION, PILOT_STEP,
    RULE_GATE, RULE_ROLL_BACK, SEQUENCE_SECTION,
};

fn state_token(s: StepState) -> &'static str {
    match s {
        StepState::Complete => "complete",
        StepState::Current => "current",
        StepState::Locked(_) => "locked",
    }
}

fn criterion_text(id: &str) -> String {
    domain::question(id)
        .map(|q| tr!(q.finding).to_string())
        .unwrap_or_else(|| id.to_string())
}

/// The whole sequence view.
#[component]
pub fn SequenceView() -> impl IntoView {
    let state = use_state();
    let sequence = Memo::new(move |_| state.evaluation.with(|e| e.sequence.clone()));
    let banner = Memo::new(move |_| {
        let s = sequence.get();
        match s.state {
            SequenceState::NotStartable(v) => Some(("locked", trf!(
                "Not started. The sequence can start only from a Ready verdict; the verdict is “{verdict}”. Resolve what the verdict panel lists first.",
                verdict = v.headline()
            ))),
            SequenceState::Halted(v) => Some(("halted", trf!(
                "Halted. The readiness verdict fell back to “{verdict}”. Work already done is kept; resolve the verdict's causes before continuing.",
                verdict = v.headline()
            ))),
            SequenceState::FullyDeployed => Some(("deployed", tr!("Full deployment: every step is complete and the gate passed. Record stability over the next alignment cycles.").to_string())),
            SequenceState::Active => s.current.map(|n| ("active", trf!("Current step: {n}. Steps must be completed in order.", n = n))),
        }
    });
    view! {
        <PageHeading
            section=SEQUENCE_SECTION
            title=tr!("Deployment sequence")
            intro=tr!("KOOM must be deployed in this order. A step can be completed only when the previous one is, and full deployment only when the pilot passes its gate.")
        />
        // One live region that stays in place, so each change of state is announced.
        <p
            class="sequence-banner"
            role="status"
            data-sequence-state=move || banner.get().map(|(kind, _)| kind).unwrap_or("none")
            hidden=move || banner.get().is_none()
        >
            {move || banner.get().map(|(_, text)| text).unwrap_or_default()}
        </p>
        <ol class="stepper">
            {DEPLOYMENT_STEPS.iter().map(|step| view! { <StepCard step sequence/> }).collect_view()}
        </ol>
    }
}

#[component]
fn StepCard(step: &'static DeploymentStep, sequence: Memo<Sequence>) -> impl IntoView {
    let state = use_state();
    let store = use_store();
    let status = Memo::new(move |_| {
        sequence.with(|s| {
            s.steps
                .iter()
                .find(|x| x.step.number == step.number)
                .cloned()
        })
    });
    let step_state = move || status.get().map(|s| s.state).unwrap_or(StepState::Current);
    let step_locked = move || matches!(step_state(), StepState::Locked(_));
    let locked = move || step_locked() || state.read_only.get();
    let counts = move || status.get().map(|s| (s.done, s.total)).unwrap_or((0, 0));
    let retraining_pending =
        move || status.with(|s| s.as_ref().is_some_and(|s| s.retraining_pending()));
    let title_id = format!("{}-title", step.id);
    let heading_id = title_id.clone();

    view! {
        <li class="step" data-step=step.number data-state=move || state_token(step_state())
            aria-current=move || (step_state() == StepState::Current).then_some("step")>
            <section class="card step-card" aria-labelledby=title_id.clone()>
                <header class="step-header">
                    <span class="step-number" aria-hidden="true">{step.number}</span>
                    <div>
                        <h2 id=heading_id>
                            <span class="visually-hidden">{trf!("Step {number}: ", number = step.number)}</span>
                            {tr!(step.title)}
                        </h2>
                        <p class="step-summary">{tr!(step.summary)}</p>
                    </div>
                    <span class="step-status">
                        {move || match step_state() {
                            StepState::Complete => tr!("Complete").to_string(),
                            StepState::Current if retraining_pending() && step.id == PILOT => tr!("Current — repeat").to_string(),
                            StepState::Current if retraining_pending() => tr!("Current — retrain").to_string(),
                            StepState::Current if step.id == FULL_DEPLOYMENT
                                && sequence.with(|s| matches!(s.gate, GateOutcome::RollBack { .. })) => tr!("Gate failed — roll back").to_string(),
                            StepState::Current => trf!("Current — {done} of {total}", done = counts().0, total = counts().1),
                            StepState::Locked(_) => tr!("Locked").to_string(),
                        }}
                    </span>
                </header>
                <p class="step-warning">{tr!(step.warning)}</p>
                {move || match step_state() {
                    StepState::Locked(reason) => Some(view! { <p class="lock-reason">{reason.to_string()}</p> }),
                    _ => None,
                }}
                {move || status.get().and_then(|s| s.retraining).map(|r| view! {
                    <RetrainingCard step retraining=r locked=Signal::derive(locked)/>
                })}
                {(step.id == PILOT).then(|| view! { <PilotRecord locked=Signal::derive(locked)/> })}
                {(!step.checklist.is_empty()).then(|| view! {
                    <fieldset class="checklist" disabled=locked>
                        <legend>{tr!("What this step must achieve")}</legend>
                        {step.checklist.iter().filter(|i| i.completion == Completion::Ticked).map(|item| {
                            let done = move || state.assessment.with(|a| item_done(a, item));
                            let input_id = format!("{}-done", item.id);
                            let label_for = input_id.clone();
                            view! {
                                <div class="check">
                                    <input
                                        type="checkbox"
                                        id=input_id.clone()
                                        data-item=item.id
                                        prop:checked=done
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            let verdict = state.evaluation.with_untracked(|e| e.readiness.verdict);
                                            let mut refused = None;
                                            state.edit(|a| {
                                                refused = domain::set_item_done(a, verdict, item.id, on).err();
                                            });
                                            if let Some(err) = refused {
                                                // The box shows what is recorded, not the refused click.
                                                if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                                                    input.set_checked(!on);
                                                }
                                                store.notices.say(err.to_string());
                                            }
                                        }
                                    />
                                    <label for=label_for>{tr!(item.text)}</label>
                                    {move || state.assessment.with(|a| a.notes.get(item.id).cloned()).map(|n| view! { <span class="item-note">"— " {n}</span> })}
                                </div>
                            }
                        }).collect_view()}
                    </fieldset>
                })}
                {(step.id == FULL_DEPLOYMENT).then(|| view! { <Gate locked=Signal::derive(step_locked) sequence/> })}
                <ItemExtras id=step.id label=tr!(step.title) kind="step"/>
            </section>
        </li>
    }
}

/// Step 5's record: the department, whether it is free of politics, the evaluation.
#[component]
fn PilotRecord(#[prop(into)] locked: Signal<bool>) -> impl IntoView {
    let state = use_state();
    let politics = Memo::new(move |_| state.evaluation.with(|e| e.sequence.pilot_politics));
    let department = Memo::new(move |_| state.assessment.with(|a| a.pilot.department.clone()));
    let evaluation = Memo::new(move |_| state.assessment.with(|a| a.pilot.evaluation.clone()));
    view! {
        <div class="pilot-record">
            <label for="pilot-department">{tr!("Pilot department (choose one)")}</label>
            <input
                id="pilot-department"
                type="text"
                placeholder=tr!("e.g. Warehouse packing, Zone C")
                prop:value=department
                disabled=move || locked.get()
                maxlength=TextKind::Name.max_chars()
                on:input=move |ev| state.edit(|a| a.set_pilot_department(&event_target_value(&ev)))
            />
            <QuestionControl question=PILOT_POLITICS_QUESTION problem_label=tr!("Politics: choose another if you can") locked/>
            <Show when=move || politics.get() == Finding::NotSure>
                <p class="politics-open" data-politics="not-sure">{tr!("“Not sure” is not a pass: find out whether politics cripple this department before the pilot's results are read as KOOM's.")}</p>
            </Show>
            <label for="pilot-evaluation">{tr!("Evaluation of real-world behaviour in the pilot")}</label>
            <textarea
                id="pilot-evaluation"
                rows="3"
                placeholder=tr!("What did audit and metrics show? Where did drift appear?")
                prop:value=evaluation
                disabled=move || locked.get()
                maxlength=TextKind::Evaluation.max_chars()
                on:input=move |ev| state.edit(|a| a.set_pilot_evaluation(&event_target_value(&ev)))
            ></textarea>
            <LimitHint kind=TextKind::Evaluation text=evaluation/>
        </div>
    }
}

/// A step named for retraining by the last failed gate: confirm it retrained, with a date.
#[component]
fn RetrainingCard(
    step: &'static DeploymentStep,
    retraining: Retraining,
    #[prop(into)] locked: Signal<bool>,
) -> impl IntoView {
    let state = use_state();
    let store = use_store();
    let date = RwSignal::new(browser::today_iso());
    let date_id = format!("{}-retrained-date", step.id);
    let date_for = date_id.clone();
    let set = move |when: Option<String>| {
        let verdict = state.evaluation.with_untracked(|e| e.readiness.verdict);
        let mut result = Ok(());
        state.edit(|a| result = domain::set_retrained(a, verdict, step.id, when.as_deref()));
        store.notices.report(result);
    };
    let iteration = retraining.iteration;
    // The seed's loop is "roll back, retrain, repeat": the pilot is repeated, not retrained.
    let pilot = step.id == PILOT;
    let title = tr!(step.title);
    let done_label = if pilot {
        tr!("Repeated on")
    } else {
        tr!("Retrained on")
    };
    let todo = if pilot {
        trf!("pilot iteration {number} named the pilot to be repeated (an older record). It counts as complete again once the repetition is confirmed; then the gate is answered afresh.", number = iteration)
    } else {
        trf!("pilot iteration {number} named this step for retraining. It counts as complete again once the retraining is confirmed; then the pilot is repeated and the gate answered afresh.", number = iteration)
    };
    let confirm = if pilot {
        tr!("Confirm repeated")
    } else {
        tr!("Confirm retrained")
    };
    let confirm_label = if pilot {
        trf!("Confirm repeated: {step}", step = title)
    } else {
        trf!("Confirm retrained: {step}", step = title)
    };
    view! {
        <div class="retrain-card" data-retraining=step.id>
            {match retraining.confirmed {
                Some(on) => view! {
                    <p><strong>{if pilot { trf!("Repeated on {date}", date = on) } else { trf!("Retrained on {date}", date = on) }}</strong>
                        " " {trf!("(named by pilot iteration {number}: roll back, retrain, repeat).", number = iteration)}</p>
                    <button type="button" class="link-button" disabled=move || locked.get()
                        aria-label=trf!("Withdraw the confirmation for {step}", step = title)
                        on:click=move |_| set(None)>
                        {tr!("Withdraw the confirmation")}
                    </button>
                }.into_any(),
                None => view! {
                    <p><strong>{tr!("Roll back, retrain, repeat: ")}</strong>
                        {todo}</p>
                    <div class="retrain-confirm">
                        <label for=date_for>{done_label}</label>
                        <input id=date_id type="date" prop:value=date disabled=move || locked.get()
                            on:input=move |ev| date.set(event_target_value(&ev))/>
                        <button type="button" class="primary"
                            disabled=move || locked.get() || date.with(|d| d.trim().is_empty())
                            aria-label=confirm_label
                            on:click=move |_| set(Some(date.get_untracked()))>
                            {confirm}
                        </button>
                    </div>
                }.into_any(),
            }}
        </div>
    }
}

/// After a failed gate: the steps to retrain, chosen by the user (the app's suggestion
/// pre-selected), and the button that records the pilot iteration.
#[component]
fn RollBackChoice(#[prop(into)] locked: Signal<bool>, sequence: Memo<Sequence>) -> impl IntoView {
    let state = use_state();
    let store = use_store();
    let suggested = Memo::new(move |_| state.assessment.with(domain::suggested_retraining));
    // The user's choice; until they make one, the suggestion (which follows the criteria).
    let choice = RwSignal::new(None::<Vec<StepId>>);
    let chosen = Memo::new(move |_| choice.get().unwrap_or_else(|| suggested.get()));
    let number = move || sequence.with(|s| s.iterations + 1);
    let record = move |_| {
        let date = browser::today_iso();
        let steps = chosen.get_untracked();
        let mut result = Ok(());
        let verdict = state.evaluation.with_untracked(|e| e.readiness.verdict);
        state.edit(|a| {
            result = domain::record_pilot_iteration(a, verdict, &date, &steps).map(|_| ())
        });
        match result {
            Err(e) => store.notices.say(e.to_string()),
            // Back to the start of the loop: the first step to retrain, or the pilot.
            Ok(()) => {
                let first = sequence.with_untracked(|s| s.current);
                if let Some(step) =
                    first.and_then(|n| DEPLOYMENT_STEPS.iter().find(|s| s.number == n))
                {
                    browser::scroll_to_and_focus(&format!("{}-title", step.id));
                }
            }
        }
    };
    view! {
        <fieldset class="retrain-choice" disabled=move || locked.get() || state.read_only.get()>
            <legend>{tr!("Retrain before the pilot is repeated")}</legend>
            <p class="muted">{tr!("Pre-selected: the app's suggestion for the criteria not met (our reading of the seed). Choose what your organisation will retrain; the pilot (step 5) is repeated in any case.")}</p>
            {domain::retrainable_steps().map(|s| {
                let id = format!("retrain-choice-{}", s.id);
                let for_id = id.clone();
                let suggested_now = move || suggested.with(|v| v.contains(&s.id));
                view! {
                    <div class="check">
                        <input type="checkbox" id=id data-retrain-choice=s.id
                            prop:checked=move || chosen.with(|c| c.contains(&s.id))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                let mut c = chosen.get_untracked();
                                c.retain(|x| *x != s.id);
                                if on { c.push(s.id); }
                                choice.set(Some(c));
                            }/>
                        <label for=for_id>{s.label()}
                            {move || suggested_now().then(|| tr!(" (suggested)"))}</label>
                    </div>
                }
            }).collect_view()}
            <button type="button" class="danger" on:click=record>
                {move || trf!("Record pilot iteration {number}: roll back, retrain, repeat", number = number())}
            </button>
        </fieldset>
    }
}

/// Step 6's gate: six criteria; roll back, retrain, repeat on failure. Its outcome shows only
/// while step 6 can be reached.
#[component]
fn Gate(#[prop(into)] locked: Signal<bool>, sequence: Memo<Sequence>) -> impl IntoView {
    let state = use_state();
    let store = use_store();
    let gate = Memo::new(move |_| sequence.with(|s| s.gate.clone()));
    let iterations = Memo::new(move |_| {
        state.assessment.with(|a| {
            a.pilot_iterations
                .iter()
                .enumerate()
                .map(|(i, it)| IterationRecord::of(i + 1, it))
                .collect::<Vec<_>>()
        })
    });
    let retraining = move || sequence.with(|s| s.retraining.clone());
    let undo = move |_| {
        let mut result = Ok(());
        state.edit(|a| result = domain::undo_pilot_iteration(a).map(|_| ()));
        match result {
            Err(e) => store.notices.say(e.to_string()),
            Ok(()) => {
                store.notices.say(tr!("The last pilot iteration was undone: the gate's answers and the pilot's evaluation are back."));
                browser::scroll_to_and_focus(GATE_ANCHOR);
            }
        }
    };
    view! {
        <div class="gate" id=GATE_ANCHOR tabindex="-1">
            <Show
                when=move || !locked.get()
                fallback=|| view! { <p class="muted">{trf!("The gate opens when the pilot (step {number}) is complete.", number = PILOT_STEP.number)}</p> }
            >
                <p class="lead">{trf!("Only proceed if all {count} are true after the pilot:", count = number_word(GATE_CRITERIA.len()))}</p>
                {GATE_CRITERIA.iter().map(|c| view! {
                    <QuestionControl question=c.question problem_label=tr!("Not met")/>
                }).collect_view()}
            </Show>
            <div class="gate-outcome" data-gate=move || match gate.get() {
                GateOutcome::Suspended(_) => "suspended",
                GateOutcome::Pending { .. } => "pending",
                GateOutcome::FullDeployment => "full-deployment",
                GateOutcome::RollBack { .. } => "roll-back",
            }>
                {move || match gate.get() {
                    GateOutcome::Suspended(reason) => view! {
                        <p><strong>{tr!("Gate suspended: ")}</strong>{reason.to_string()}</p>
                        <RuleNote rule=RULE_GATE/>
                    }.into_any(),
                    GateOutcome::Pending { open } => view! {
                        <p><strong>{tr!("Gate pending: ")}</strong>{trf!("{open} of {total} criteria still to confirm.", open = open.len(), total = GATE_CRITERIA.len())}</p>
                    }.into_any(),
                    GateOutcome::FullDeployment => view! {
                        <p><strong>{tr!("Gate passed: proceed to full deployment.")}</strong></p>
                    }.into_any(),
                    GateOutcome::RollBack { failed, .. } => view! {
                        <div>
                            <p><strong>{tr!("If not — roll back, retrain, repeat.")}</strong> " "
                                {trf!("Not met: {criteria}.", criteria = failed.iter().map(|id| criterion_text(id)).collect::<Vec<_>>().join("; "))}</p>
                            <RuleNote rule=RULE_ROLL_BACK/>
                            <RollBackChoice locked sequence/>
                        </div>
                    }.into_any(),
                }}
            </div>
            {move || {
                let steps = retraining();
                (!steps.is_empty()).then(|| view! {
                    <div class="retraining">
                        <h3>{tr!("Retraining before the pilot is repeated")}</h3>
                        <ul class="plain">
                            {steps.into_iter().filter_map(|(id, r)| domain::step(id).map(|s| (s, r))).map(|(s, r)| view! {
                                <li data-retrain-step=s.id>{s.label()} ": "
                                    {match r.confirmed { Some(d) => trf!("retrained on {date}", date = d), None => tr!("to confirm").to_string() }}
                                </li>
                            }).collect_view()}
                        </ul>
                    </div>
                })
            }}
            {move || {
                let its = iterations.get();
                let last = its.len();
                (!its.is_empty()).then(|| view! {
                    <div class="iterations">
                        <h3>{tr!("Pilot iterations: ")} {its.len()}</h3>
                        <ol>
                            {its.into_iter().map(|it| {
                                let (retrained, gate) = (it.retraining_line(), it.gate_line());
                                view! {
                                    <li data-iteration=it.number>
                                        {it.summary}
                                        {retrained.map(|l| view! { <p class="muted">{l}</p> })}
                                        {gate.map(|l| view! { <p class="muted">{l}</p> })}
                                        {(it.number == last).then(|| view! {
                                            <button type="button" class="link-button" data-undo-iteration=last
                                                disabled=move || state.read_only.get() on:click=undo>
                                                {trf!("Undo pilot iteration {number}", number = last)}
                                            </button>
                                        })}
                                    </li>
                                }
                            }).collect_view()}
                        </ol>
                    </div>
                })
            }}
        </div>
    }
}
