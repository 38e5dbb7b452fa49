//! One Yes / No / Not sure question with its evidence note and "unclear" flag.

use leptos::context::Provider;
use leptos::prelude::*;

use super::parts::{Lazy, Part};
use crate::app::use_state;
use crate::browser;
use crate::domain::{
    group_thousands, paste_overflow, Answer, EvidenceField, Finding, Question, TextKind,
    MAX_EVIDENCE_LINK,
};

fn finding_token(f: Finding) -> &'static str {
    match f {
        Finding::Healthy => "healthy",
        Finding::Problem => "problem",
        Finding::NotSure => "not-sure",
        Finding::Unanswered => "unanswered",
    }
}

/// A question as a radio group in a fieldset, with an optional note and an "unclear" flag.
///
/// The answer is stored by question id, so a fact shown in two places (a precondition and
/// the red flag that restates it) shows the same answer in both.
#[component]
pub fn QuestionControl(
    /// The question of the model.
    question: &'static Question,
    /// A line shown under the question, such as where else this fact appears.
    #[prop(default = None)]
    shared_note: Option<String>,
    /// What a problem answer means here, shown as a badge ("Red flag", "Blocker", …).
    #[prop(optional)]
    problem_label: Option<&'static str>,
    /// The badge's tone: "problem" (red, the default) or "neutral" for an answer that blocks
    /// nothing, such as a green flag that is not present.
    #[prop(default = "problem")]
    problem_tone: &'static str,
    /// Disables the answer (for example while its deployment step is locked).
    #[prop(optional)]
    locked: Option<Signal<bool>>,
) -> impl IntoView {
    let state = use_state();
    let id = question.id;
    let answer = Memo::new(move |_| state.assessment.with(|a| a.answer(id)));
    let finding = move || Finding::of(answer.get(), question.healthy);
    let read_only = move || state.read_only.get() || locked.is_some_and(|l| l.get());
    let carried = Memo::new(move |_| state.assessment.with(|a| a.carried_from(id)));

    view! {
        <fieldset class="question" data-question=id data-finding=move || finding_token(finding())>
            <legend>{tr!(question.text)}</legend>
            {shared_note.map(|n| view! { <p class="shared-note">{n}</p> })}
            <div class="answer-row">
                <div class="answer-options">
                    {Answer::ALL.into_iter().map(|option| {
                        let input_id = format!("{id}-{}", option.token());
                        let label_for = input_id.clone();
                        view! {
                            <label class="option" for=label_for data-answer=option.token()>
                                <input
                                    type="radio"
                                    id=input_id
                                    name=id
                                    value=option.token()
                                    prop:checked=move || answer.get() == Some(option)
                                    disabled=read_only
                                    on:change=move |_| state.edit(|a| a.set_answer(id, Some(option)))
                                />
                                <span>{option.label()}</span>
                            </label>
                        }
                    }).collect_view()}
                </div>
                {move || (finding() == Finding::Problem).then(|| view! {
                    <span class=format!("badge badge-{problem_tone}")>{problem_label.unwrap_or(tr!("Problem present"))}</span>
                })}
                {move || (answer.get().is_some() && !read_only()).then(|| view! {
                    <button type="button" class="link-button clear-answer" on:click=move |_| {
                        state.edit(|a| a.set_answer(id, None));
                        crate::browser::focus(&format!("{id}-yes"));
                    }>
                        {tr!("Clear answer")}
                        <span class="visually-hidden">{trf!(" to “{question}”", question = tr!(question.text))}</span>
                    </button>
                })}
            </div>
            {move || carried.get().map(|round| view! {
                <p class="carried-note" data-carried=round>
                    {if read_only() {
                        trf!("From round {round}, not confirmed in this round.", round = round)
                    } else {
                        trf!("From round {round} — confirm or change. ", round = round)
                    }}
                    {(!read_only()).then(|| view! {
                        <button type="button" class="link-button confirm-carried" on:click=move |_| {
                            state.edit(|a| { a.confirm_carried(id); });
                            // The button goes with the note: keep focus on the answer it confirmed.
                            if let Some(answer) = answer.get_untracked() {
                                crate::browser::focus(&format!("{id}-{}", answer.token()));
                            }
                        }>
                            {tr!("Confirm")}
                            <span class="visually-hidden">{trf!(" “{question}” as answered in round {round}", question = tr!(question.text), round = round)}</span>
                        </button>
                    })}
                </p>
            })}
            <ItemExtras id=id label=tr!(question.text) kind="question"/>
        </fieldset>
    }
}

/// An item's evidence note and its "unclear" flag with a remark (feedback on the model).
#[component]
pub fn ItemExtras(
    /// The item or question id the note and flag are stored under.
    id: &'static str,
    /// The item's text, for the controls' accessible names.
    label: &'static str,
    /// What the item is called in "This … is unclear".
    kind: &'static str,
) -> impl IntoView {
    let state = use_state();
    // One memo per field: a keystroke elsewhere does not re-run these.
    let note = Memo::new(move |_| {
        state
            .assessment
            .with(|a| a.notes.get(id).cloned().unwrap_or_default())
    });
    let unclear = Memo::new(move |_| state.assessment.with(|a| a.unclear.get(id).cloned()));
    let read_only = move || state.read_only.get();
    let note_id = format!("{id}-note");
    let note_label_for = note_id.clone();
    let unclear_id = format!("{id}-unclear");
    let unclear_label_for = unclear_id.clone();
    let remark_id = format!("{id}-unclear-remark");
    let remark_label_for = remark_id.clone();
    let has_note = Memo::new(move |_| {
        note.with(|n| !n.is_empty()) || state.assessment.with(|a| a.evidence.contains_key(id))
    });
    // How much of the last paste the note's limit left out.
    let cut = RwSignal::new(None::<usize>);
    let open_initially = has_note.get_untracked();
    let is_unclear = Memo::new(move |_| state.assessment.with(|a| a.unclear.contains_key(id)));
    let has_details = state
        .assessment
        .with_untracked(|a| a.evidence.contains_key(id));
    // The details' fields are made when the note is first opened (dozens of items per page).
    let opened = RwSignal::new(open_initially || has_details);
    let stale = Memo::new(move |_| {
        let today = browser::today_iso();
        state.assessment.with(|a| {
            a.evidence
                .get(id)
                .filter(|e| e.is_stale(&today))
                .map(|e| e.stale_sentence())
        })
    });

    view! {
        <div class="question-extras">
            {move || stale.get().map(|s| view! { <p class="stale-evidence" data-stale=id>{s}</p> })}
            <details class="note" prop:open=open_initially
                on:toggle=move |_| opened.set(true)>
                <summary>{move || if has_note.get() { tr!("Evidence") } else { tr!("Add evidence") }}</summary>
                <label class="visually-hidden" for=note_label_for>{trf!("Evidence note for “{item}”", item = label)}</label>
                <textarea
                    id=note_id
                    rows="2"
                    placeholder=tr!("What did you observe? Who said it? When?")
                    maxlength=TextKind::Note.max_chars()
                    prop:value=note
                    readonly=read_only
                    on:input=move |ev| state.edit(|a| a.set_note(id, &event_target_value(&ev)))
                    on:paste=move |ev| {
                        let max = TextKind::Note.max_chars();
                        cut.set(browser::paste_into_text_area(&ev)
                            .map(|(pasted, field, selected)| paste_overflow(field, selected, pasted, max))
                            .filter(|n| *n > 0));
                    }
                ></textarea>
                <LimitHint kind=TextKind::Note text=note/>
                // Said until the note has room again (Ctrl+Z undoing the paste, say).
                {move || cut.get().filter(|_| note.with(|n| n.chars().count()) >= TextKind::Note.max_chars()).map(|n| view! {
                    <p class="limit-hint" role="status" data-limit="cut">{TextKind::Note.paste_cut_message(n)}</p>
                })}
                <Show when=move || opened.get()>
                    <Provider value=EvidenceItem { id, label }>
                        <Lazy part=Part::Evidence/>
                    </Provider>
                </Show>
            </details>
            <div class="unclear-toggle">
                <input
                    type="checkbox"
                    id=unclear_id
                    prop:checked=is_unclear
                    disabled=read_only
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        state.edit(|a| a.set_unclear(id, on.then_some("")));
                    }
                />
                <label for=unclear_label_for>
                    {match kind {
                        "question" => tr!("This question is unclear").to_string(),
                        "step" => tr!("This step is unclear").to_string(),
                        "sign" => tr!("This sign is unclear").to_string(),
                        other => trf!("This {kind} is unclear", kind = other),
                    }}
                    <span class="visually-hidden">{trf!(": “{item}”", item = label)}</span>
                </label>
            </div>
            <Show when=move || is_unclear.get()>
                <div class="unclear-remark">
                    <label for=remark_label_for.clone()>{tr!("What is unclear? (feedback on the model)")}</label>
                    <input
                        id=remark_id.clone()
                        type="text"
                        prop:value=move || unclear.get().unwrap_or_default()
                        readonly=read_only
                        maxlength=TextKind::Remark.max_chars()
                        on:input=move |ev| state.edit(|a| a.set_unclear(id, Some(&event_target_value(&ev))))
                    />
                </div>
            </Show>
        </div>
    }
}

/// Under a text field near its limit: how many characters are used, and at the limit, why it
/// stops there (the field's `maxlength` stops typing and cuts a paste).
#[component]
pub fn LimitHint(
    /// The kind of text, for its limit.
    kind: TextKind,
    /// The text as kept.
    #[prop(into)]
    text: Signal<String>,
) -> impl IntoView {
    let count = Memo::new(move |_| text.with(|t| t.chars().count()));
    let max = kind.max_chars();
    move || {
        let n = count.get();
        (n * 10 >= max * 9).then(|| {
            view! {
                <p class="limit-hint" role="status" data-limit={if n >= max { "reached" } else { "near" }}>
                    {trf!("{count} of {max} characters.", count = group_thousands(n), max = group_thousands(max))}
                    {(n >= max).then(|| format!(" {}", kind.limit_message()))}
                </p>
            }
        })
    }
}

/// The item whose evidence details are drawn ([`EvidenceFields`]), given as context.
#[derive(Clone, Copy)]
pub struct EvidenceItem {
    /// The item or question id the details are stored under.
    id: &'static str,
    /// The item's text, for the fields' accessible names.
    label: &'static str,
}

/// Who gave an item's evidence, when, where it is kept and when to look at it again. A refused
/// value stays in its field, marked, with the reason beside it, until it is corrected; a date is
/// judged when the field is left, not while its parts are typed.
#[component]
pub fn EvidenceFields() -> impl IntoView {
    let EvidenceItem { id, label } = expect_context::<EvidenceItem>();
    let state = use_state();
    let read_only = move || state.read_only.get();
    let field = move |f: EvidenceField| {
        let input_id = format!("{id}-evidence-{}", f.token());
        let problem_id = format!("{input_id}-problem");
        let value = Memo::new(move |_| {
            state.assessment.with(|a| {
                a.evidence
                    .get(id)
                    .map(|e| e.get(f).to_string())
                    .unwrap_or_default()
            })
        });
        let problem = RwSignal::new(None::<String>);
        let (kind, max) = match f {
            EvidenceField::When | EvidenceField::ReviewBy => ("date", None),
            EvidenceField::Link => ("url", Some(MAX_EVIDENCE_LINK)),
            EvidenceField::Who => ("text", Some(TextKind::Name.max_chars())),
        };
        let is_date = kind == "date";
        // A date input changes with each part typed ("0002-…", "0020-…"): a part-typed date is
        // kept when it is valid and its refusal waits until the field is left.
        let keep = move |input: web_sys::HtmlInputElement, say: bool| {
            let typed = input.value();
            if typed.trim() == value.get_untracked() && problem.with_untracked(Option::is_none) {
                return;
            }
            let today = browser::today_iso();
            let mut result = Ok(());
            state.edit(|a| result = a.set_evidence(id, f, &typed, &today));
            match result {
                Ok(()) => {
                    problem.set(None);
                    // The kept value may differ from the typed one ("https://" added).
                    input.set_value(&value.get_untracked());
                }
                Err(e) if say => problem.set(Some(e.to_string())),
                Err(_) => {}
            }
        };
        let on_change = move |ev: leptos::ev::Event| {
            keep(event_target::<web_sys::HtmlInputElement>(&ev), !is_date)
        };
        let on_blur = move |ev: leptos::ev::FocusEvent| {
            keep(event_target::<web_sys::HtmlInputElement>(&ev), true)
        };
        view! {
            <label for=input_id.clone()>{f.label()}<span class="visually-hidden">{trf!(", evidence for “{item}”", item = label)}</span></label>
            <input id=input_id type=kind maxlength=max readonly=read_only
                max=(f == EvidenceField::When).then(browser::today_iso)
                aria-invalid=move || problem.with(Option::is_some).then_some("true")
                aria-describedby={
                    let problem_id = problem_id.clone();
                    move || problem.with(Option::is_some).then(|| problem_id.clone())
                }
                prop:value=value on:change=on_change on:blur=on_blur/>
            {move || problem.get().map(|text| view! {
                <p class="field-problem" id=problem_id.clone() role="alert">{text}</p>
            })}
        }
    };
    view! {
        <div class="evidence-fields" data-evidence=id>
            {EvidenceField::ALL.into_iter().map(field).collect_view()}
        </div>
    }
}
