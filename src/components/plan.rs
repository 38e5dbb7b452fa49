//! The remediation plan before Ready, in the verdict panel: one item per cause (the seed's
//! action), with its owner, due date, status and note; a resolved cause stays, asking to be
//! closed. With the organisation's tracker given once, each item opens the tracker's own
//! new-issue form, pre-filled.

use leptos::prelude::*;

use crate::app::{use_state, use_store};
use crate::browser;
use crate::domain::{
    self, Cause, PlanEdit, PlanItem, PlanStatus, TextKind, TrackerKind, MAX_TRACKER_ADDRESS,
};

/// What a step covers, read-only: the remedy is that step's content, and the sequence is
/// locked before a Ready verdict, so it is shown here, never linked.
#[component]
pub fn StepContent(step: &'static domain::DeploymentStep) -> impl IntoView {
    view! {
        <details class="step-content" data-step-content=step.id>
            <summary>{trf!("What {step} covers", step = step.label())}</summary>
            <p class="muted">{tr!(step.summary)}</p>
            <ul class="plain">
                {step.checklist.iter().map(|i| view! { <li>{tr!(i.text)}</li> }).collect_view()}
            </ul>
            <p class="muted">{tr!("The sequence starts only from a Ready verdict; this is the same content, to act on now.")}</p>
        </details>
    }
}

#[component]
fn PlanRow(item: PlanItem, items: Memo<Vec<PlanItem>>) -> impl IntoView {
    let state = use_state();
    let store = use_store();
    let id = item.id.clone();
    // The row stays mounted while its record changes (focus and the open details are kept);
    // what changes is read from the plan.
    let current = {
        let id = id.clone();
        Memo::new(move |_| items.with(|all| all.iter().find(|i| i.id == id).cloned()))
    };
    let entry = move || current.with(|c| c.as_ref().map(|c| c.entry.clone()).unwrap_or_default());
    let status = move || entry().status;
    let resolved = move || current.with(|c| c.as_ref().and_then(|c| c.resolved_prompt()));
    let cause = move || {
        current.with(|c| match c.as_ref().map(|c| c.cause) {
            Some(Cause::Resolved) => "resolved",
            _ => "present",
        })
    };
    let apply = {
        let id = id.clone();
        move |edit: PlanEdit| {
            let readiness = state.evaluation.with_untracked(|e| e.readiness.clone());
            let mut result = Ok(());
            state.edit(|a| result = domain::edit_plan(a, &readiness, &id, edit));
            store.notices.report(result);
        }
    };
    let field = |name: &str| format!("plan-{}-{name}", item.id);
    let (owner_id, due_id, status_id, reason_id, note_id) = (
        field("owner"),
        field("due"),
        field("status"),
        field("reason"),
        field("note"),
    );
    let read_only = state.read_only;
    // "Won't do" waits for its reason: chosen here, recorded with the reason.
    let wont_do = RwSignal::new(item.entry.status == PlanStatus::WontDo);
    let reason = RwSignal::new(item.entry.reason.clone());
    let (a1, a2, a3, a4, a5) = (
        apply.clone(),
        apply.clone(),
        apply.clone(),
        apply.clone(),
        apply,
    );
    view! {
        <li class="plan-item" data-plan-item=item.id.clone() data-plan-status=move || status().token()
            data-cause=cause>
            <details>
                <summary>
                    <span class="plan-label">{item.label.clone()}</span>
                    // One model item may hold several causes: what was found tells them apart.
                    {(!item.finding.is_empty()).then(|| view! { <span class="plan-finding">{item.finding.clone()}</span> })}
                    <span class="count">{move || {
                        let e = entry();
                        let mut line = e.status.label().to_string();
                        if !e.owner.is_empty() { line.push_str(&format!(", {}", e.owner)); }
                        if !e.due.is_empty() { line.push_str(&trf!(", due {date}", date = e.due)); }
                        line
                    }}</span>
                    {move || resolved().map(|p| view! { <strong class="plan-resolved">" " {p}</strong> })}
                </summary>
                {(!item.action.is_empty()).then(|| view! {
                    <p class="reason-action"><span class="action-label">{tr!("Action: ")}</span>{item.action.clone()}</p>
                })}
                {(!item.known).then(|| view! { <p class="muted">{tr!("This item is not in this version of the model; it is kept as it was saved.")}</p> })}
                {item.step.map(|s| view! { <StepContent step=s/> })}
                <div class="plan-fields">
                    <label for=owner_id.clone()>{tr!("Owner")}</label>
                    <input id=owner_id type="text" prop:value=move || entry().owner disabled=move || read_only.get()
                        maxlength=TextKind::Name.max_chars()
                        on:change=move |ev| a1(PlanEdit::Owner(event_target_value(&ev)))/>
                    <label for=due_id.clone()>{tr!("Due")}</label>
                    <input id=due_id type="date" prop:value=move || entry().due disabled=move || read_only.get()
                        on:change=move |ev| a2(PlanEdit::Due(event_target_value(&ev)))/>
                    <label for=status_id.clone()>{tr!("Status")}</label>
                    <select id=status_id disabled=move || read_only.get()
                        prop:value=move || if wont_do.get() { PlanStatus::WontDo.token() } else { status().token() }
                        on:change=move |ev| {
                            match PlanStatus::from_token(&event_target_value(&ev)) {
                                Some(PlanStatus::WontDo) => wont_do.set(true),
                                Some(s) => { wont_do.set(false); a3(PlanEdit::Status(s, String::new())); }
                                None => {}
                            }
                        }>
                        {PlanStatus::ALL.into_iter().map(|s| view! {
                            <option value=s.token()>{s.label()}</option>
                        }).collect_view()}
                    </select>
                    <Show when=move || wont_do.get()>
                        <label for=reason_id.clone()>{tr!("Why it will not be done")}</label>
                        <input id=reason_id.clone() type="text" prop:value=reason disabled=move || read_only.get()
                            maxlength=TextKind::Remark.max_chars()
                            on:input=move |ev| reason.set(event_target_value(&ev))/>
                        <button type="button" class="secondary" disabled=move || read_only.get()
                            on:click={
                                let a4 = a4.clone();
                                move |_| a4(PlanEdit::Status(PlanStatus::WontDo, reason.get_untracked()))
                            }>
                            {tr!("Record “won't do”")}
                        </button>
                    </Show>
                    <label for=note_id.clone()>{tr!("Note")}</label>
                    <textarea id=note_id rows="2" prop:value=move || entry().note disabled=move || read_only.get()
                        maxlength=TextKind::Note.max_chars()
                        on:change=move |ev| a5(PlanEdit::Note(event_target_value(&ev)))></textarea>
                </div>
                {move || {
                    let link = state.assessment.with(|a| {
                        let tracker = a.tracker.as_ref()?;
                        let item = current.get()?;
                        let name = domain::display_name(a);
                        Some((domain::new_issue_link(tracker, &item, &name), tracker.kind.label(), item.label))
                    });
                    link.map(|(href, kind, label)| view! {
                        <p class="new-issue">
                            <a href=href target="_blank" rel="noopener noreferrer">
                                {trf!("Open as a new issue in {tracker}", tracker = kind)}
                                <span class="visually-hidden">{trf!(": “{item}” (opens in a new tab)", item = label)}</span>
                            </a>
                        </p>
                    })
                }}
            </details>
        </li>
    }
}

/// The plan before Ready: every cause (and every resolved one not yet dropped by the user's
/// closing it) with what was recorded about it.
#[component]
pub fn PlanSection() -> impl IntoView {
    let state = use_state();
    let items = Memo::new(move |_| {
        state
            .evaluation
            .with(|e| state.assessment.with(|a| domain::plan(a, &e.readiness)))
    });
    let counts = move || items.with(|i| domain::plan_counts(i));
    view! {
        <Show when=move || items.with(|i| !i.is_empty())>
            <section class="panel-section plan" aria-labelledby="plan-title">
                <h3 id="plan-title" tabindex="-1">{tr!("Plan before Ready ")} <span class="count">{move || {
                    let (open, all) = counts();
                    trf!("({open} open of {all})", open = open, all = all)
                }}</span></h3>
                <p class="muted">{tr!("Each cause, with the seed's action: give it an owner, a due date and a status. A resolved cause stays until you close it.")}</p>
                <ul class="plan-items">
                    <For each=move || items.get() key=|i| i.id.clone() let:item>
                        <PlanRow item items/>
                    </For>
                </ul>
                <TrackerSetting/>
            </section>
        </Show>
    }
}

/// The organisation's tracker, given once for the assessment: its kind and a project's address
/// (guessed from the host while typing), kept or removed; refused addresses say why and change
/// nothing.
#[component]
fn TrackerSetting() -> impl IntoView {
    let state = use_state();
    let store = use_store();
    let saved = Memo::new(move |_| state.assessment.with(|a| a.tracker.clone()));
    // What is typed but not kept; `None` shows what is kept, so an undo, an import or another
    // round shows its own tracker.
    let kind_draft = RwSignal::new(None::<TrackerKind>);
    let address_draft = RwSignal::new(None::<String>);
    let kind = move || {
        kind_draft
            .get()
            .or_else(|| saved.with(|t| t.as_ref().map(|t| t.kind)))
            .unwrap_or(TrackerKind::GitHub)
    };
    let address = move || {
        address_draft
            .get()
            .or_else(|| saved.with(|t| t.as_ref().map(|t| t.project.clone())))
            .unwrap_or_default()
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut result = None;
        let (given_kind, given) = (untrack(kind), untrack(address));
        state.edit(|a| result = Some(a.set_tracker(Some((given_kind, &given)))));
        store.notices.say(match result {
            Some(Ok(Some(t))) => {
                kind_draft.set(None);
                address_draft.set(None);
                trf!(
                    "Plan items now open as new issues in {tracker} ({project}). The page sends nothing: your browser opens the tracker's form, where you sign in as usual.",
                    tracker = t.kind.label(),
                    project = t.name()
                )
            }
            Some(Ok(None)) => String::new(),
            Some(Err(e)) => e.to_string(),
            None => tr!("This assessment is read-only here: nothing was changed.").to_string(),
        });
    };
    let remove = move |_| {
        state.edit(|a| {
            let _ = a.set_tracker(None);
        });
        kind_draft.set(None);
        address_draft.set(None);
        store.notices.say(tr!(
            "The tracker was removed: plan items no longer link to it."
        ));
        // The button is gone: focus goes to the address, where a new tracker is given.
        leptos::task::spawn_local(async {
            leptos::task::tick().await;
            browser::focus("tracker-address");
        });
    };
    view! {
        <details class="tracker-setting">
            <summary>{move || match (saved.get(), state.read_only.get()) {
                (Some(t), _) => trf!("Tracker: {tracker} · {project}", tracker = t.kind.label(), project = t.name()),
                (None, true) => tr!("No tracker is set for this assessment").to_string(),
                (None, false) => tr!("Open plan items as issues in your tracker…").to_string(),
            }}</summary>
            <form on:submit=save>
                <fieldset disabled=move || state.read_only.get()>
                    <p class="muted">{tr!("Give your GitHub or GitLab project's address once: each plan item then links to the tracker's own new-issue form, filled in with the item. No token is asked for and nothing is sent from this page.")}</p>
                    <label for="tracker-kind">{tr!("Tracker")}</label>
                    <select id="tracker-kind" prop:value=move || kind().token()
                        on:change=move |ev| if let Some(k) = TrackerKind::from_token(&event_target_value(&ev)) { kind_draft.set(Some(k)) }>
                        {TrackerKind::ALL.into_iter().map(|k| view! { <option value=k.token()>{k.label()}</option> }).collect_view()}
                    </select>
                    <label for="tracker-address">{tr!("Project address")}</label>
                    <input id="tracker-address" type="text" inputmode="url" spellcheck="false"
                        placeholder=TrackerKind::GitHub.example() maxlength=MAX_TRACKER_ADDRESS
                        prop:value=address
                        on:input=move |ev| {
                            let text = event_target_value(&ev);
                            if let Some(k) = TrackerKind::guess(&text) { kind_draft.set(Some(k)); }
                            address_draft.set(Some(text));
                        }/>
                    <div class="tracker-actions">
                        <button type="submit" class="secondary">{tr!("Keep this tracker")}</button>
                        {move || saved.get().is_some().then(|| view! {
                            <button type="button" class="link-button" on:click=remove>{tr!("Remove the tracker")}</button>
                        })}
                    </div>
                </fieldset>
            </form>
        </details>
    }
}
