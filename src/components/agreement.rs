//! What the meeting agrees: under each item to discuss, the team's agreed answer and any
//! dissent (who, why); beside the team verdict, where the agreement stands, the agreed verdict
//! once every item is agreed, and the consensus assessment saved in the library.
//!
//! Each control is one view re-rendered whole when its item's agreement changes, with focus put
//! back where the user was: a control per radio, field and button would cost the first load
//! several kilobytes (docs/size.md).

use leptos::prelude::*;

use super::focus_after_render;
use crate::app::{use_state, use_store, View};
use crate::browser;
use crate::domain::{Answer, TextKind, AGREED_BESIDE_CONSERVATIVE};

/// The id of the button that opens the agreed assessment (focus goes there once it is saved).
const OPEN_AGREED_ID: &str = "open-agreed";

/// The agreed answer to one item to discuss and its dissent, recorded in the meeting.
#[component]
pub fn AgreementControl(
    /// The question's id.
    question_id: &'static str,
) -> impl IntoView {
    let teams = use_store().teams;
    let agreed = Memo::new(move |_| {
        teams.open.with(|o| {
            o.as_ref()
                .map(|o| (o.read_only, o.team.agreement.get(question_id).cloned()))
        })
    });
    let error = RwSignal::new(None::<String>);
    let form_open = RwSignal::new(false);
    let (who_id, why_id) = (
        format!("dissent-who-{question_id}"),
        format!("dissent-why-{question_id}"),
    );
    let record = {
        let (who_id, why_id) = (who_id.clone(), why_id.clone());
        move || {
            let who = browser::input_value(&who_id).unwrap_or_default();
            let why = browser::input_value(&why_id).unwrap_or_default();
            match teams.dissent(question_id, &who, &why) {
                Ok(()) => {
                    error.set(None);
                    // The view is updated in place: the fields keep what was typed unless
                    // emptied here.
                    browser::clear_input(&who_id);
                    browser::clear_input(&why_id);
                    focus_after_render(who_id.clone());
                }
                Err(e) => error.set(Some(e.to_string())),
            }
        }
    };
    move || {
        let (read_only, agreed) = agreed.get()?;
        // The dissent is listed below the answer, not repeated in this line.
        let line = agreed.as_ref().map_or_else(
            || tr!("Not agreed yet.").to_string(),
            |a| trf!("Agreed: {answer}.", answer = a.answer.label()),
        );
        let chosen = agreed.as_ref().map(|a| a.answer);
        let group = format!("agree-{question_id}");
        let answer_controls = (!read_only).then(|| view! {
            <fieldset class="agreed-answer no-print">
                <legend>{tr!("The team's agreed answer")}</legend>
                <div class="answer-options">
                    {Answer::ALL.into_iter().map(|option| {
                        let id = format!("{group}-{}", option.token());
                        let (focus, label_for) = (id.clone(), id.clone());
                        view! {
                            <label class="option" for=label_for data-answer=option.token()>
                                <input type="radio" id=id name=group.clone() value=option.token() checked=chosen == Some(option)
                                    on:change=move |_| { error.set(None); teams.agree(question_id, Some(option)); focus_after_render(focus.clone()); }/>
                                <span>{option.label()}</span>
                            </label>
                        }
                    }).collect_view()}
                </div>
                {chosen.is_some().then(|| view! {
                    <button type="button" class="link-button" on:click=move |_| { error.set(None); teams.agree(question_id, None); focus_after_render(format!("agree-{question_id}-yes")); }>
                        {tr!("Clear the agreed answer")}
                    </button>
                })}
            </fieldset>
        });
        // Shown read-only too (a newer version's team view) and in print; withdrawn here only.
        let dissent = agreed.map(|a| a.dissent).unwrap_or_default();
        let dissent_list = (!dissent.is_empty()).then(|| view! {
            <ul class="dissent-list" aria-label=tr!("Dissent")>
                {dissent.into_iter().map(|d| {
                    let line = d.line();
                    let who = d.who.clone();
                    view! {
                        <li>
                            {line} " "
                            {(!read_only).then(|| view! {
                                <button type="button" class="link-button no-print" on:click=move |_| { teams.withdraw_dissent(question_id, &d.who); focus_after_render(format!("dissent-summary-{question_id}")); }>
                                    {tr!("Withdraw")} <span class="visually-hidden">" " {trf!("{name}'s dissent", name = who)}</span>
                                </button>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        });
        let dissent_form = (!read_only && chosen.is_some()).then(|| {
            let record = record.clone();
            view! {
                <details class="dissent-form no-print" open=form_open.get_untracked() on:toggle=move |ev| form_open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())>
                    <summary id=format!("dissent-summary-{question_id}")>{tr!("Record a dissent")}</summary>
                    <form class="dissent-fields" on:submit=move |ev| { ev.prevent_default(); record(); }>
                        <label for=who_id.clone()>{tr!("Who dissents")}</label>
                        <input id=who_id.clone() type="text" autocomplete="off" maxlength=TextKind::Name.max_chars()
                            aria-describedby=move || error.with(Option::is_some).then(|| format!("dissent-error-{question_id}"))/>
                        <label for=why_id.clone()>{tr!("Why (optional)")}</label>
                        <input id=why_id.clone() type="text" maxlength=TextKind::Remark.max_chars()/>
                        <button type="submit" class="secondary">{tr!("Record the dissent")}</button>
                        {move || error.get().map(|e| view! { <p class="import-error" id=format!("dissent-error-{question_id}") role="alert">{e}</p> })}
                    </form>
                </details>
            }
        });
        Some(view! {
            <div class="agreement" data-agreement=question_id data-agreed=chosen.map(Answer::token)>
                <p class="agreed-line">{line}</p>
                {answer_controls}
                {dissent_list}
                {dissent_form}
            </div>
        })
    }
}

/// Where the meeting's agreement stands; once every item is agreed, the agreed verdict beside
/// the conservative one, and the consensus assessment to save in the library or open.
#[component]
pub fn AgreedVerdict() -> impl IntoView {
    let state = use_state();
    let store = use_store();
    let teams = store.teams;
    let shown = Memo::new(move |_| {
        let saved = teams.open.with(|o| {
            o.as_ref()
                .filter(|o| !o.read_only)
                .map(|o| o.team.agreement.saved_as.clone())
        });
        teams.evaluation.with(|e| {
            e.as_ref().map(|e| {
                (
                    e.consensus.progress(),
                    e.consensus.verdict,
                    e.consensus.of,
                    saved,
                )
            })
        })
    });
    move || {
        let (line, verdict, of, saved) = shown.get()?;
        // `saved`: `None` when read-only; `Some(id)` once an agreed assessment was saved.
        let actions = saved.map(|saved| {
            let again = saved.is_some();
            view! {
                <div class="agreed-actions no-print">
                    {saved.map(|id| view! {
                        <button type="button" id=OPEN_AGREED_ID class="primary" on:click=move |_| { store.open.open_at(state, &id, View::Report); }>
                            {tr!("Open the agreed assessment")}
                        </button>
                    })}
                    {verdict.is_some().then(|| view! {
                        <button type="button" class=if again { "secondary" } else { "primary" }
                            on:click=move |_| { teams.save_consensus(); focus_after_render(OPEN_AGREED_ID.to_string()); }>
                            {if again { tr!("Save again as a new assessment") } else { tr!("Save the agreed assessment in the library") }}
                        </button>
                    })}
                </div>
            }
        });
        Some(view! {
            <div class="agreed-verdict" data-verdict=verdict.map(|v| v.token())>
                <h3>{tr!("Agreed in the meeting")}</h3>
                {match verdict {
                    Some(v) => view! {
                        <p class="verdict-headline">{v.headline()}</p>
                        <p>{v.explanation()}</p>
                        <p class="muted agreement-progress">{if of == 0 { line } else { tr!(AGREED_BESIDE_CONSERVATIVE).to_string() }}</p>
                    }.into_any(),
                    None => view! { <p class="agreement-progress">{line}</p> }.into_any(),
                }}
                {actions}
            </div>
        })
    }
}
