//! The question views: preconditions, maturity, red flags, green flags.

use leptos::prelude::*;

use super::{PageHeading, QuestionControl};
use crate::app::use_state;
use crate::domain::{
    number_word, GREEN_FLAGS, GREEN_FLAGS_SECTION, MATURITY_REQUIREMENTS, MATURITY_SECTION,
    PRECONDITIONS, PRECONDITIONS_SECTION, RED_FLAGS, RED_FLAGS_SECTION,
};

/// Where else a precondition question appears, if a red flag restates it.
fn red_flag_restating(question_id: &str) -> Option<String> {
    RED_FLAGS
        .iter()
        .find(|f| f.is_shared() && f.question.id == question_id)
        .map(|f| {
            trf!(
                "Also red flag {number}: {quote} One answer serves both.",
                number = f.number,
                quote = tr!(f.quote)
            )
        })
}

/// Seed §2: the five preconditions.
#[component]
pub fn PreconditionsView() -> impl IntoView {
    view! {
        <PageHeading
            section=PRECONDITIONS_SECTION
            title=tr!("Required preconditions")
            intro=tr!("If any of these conditions is not true, the organisation cannot deploy KOOM. Answer what really happens today, not what is intended.")
        />
        {PRECONDITIONS.iter().map(|p| {
            let lead = if p.id == "precondition.coe" {
                tr!("Does someone own each of these? You cannot deploy KOOM if no one owns them.")
            } else {
                tr!("Warning behaviours — any “Yes” means stop:")
            };
            view! {
                <ItemCard id=p.id kicker=p.kicker() title=tr!(p.title)>
                    <p class="consequence">{tr!("If not true: ")} <strong>{tr!(p.consequence)}</strong></p>
                    <p class="lead">{lead}</p>
                    {p.questions.iter().map(|q| view! {
                        <QuestionControl
                            question=q
                            shared_note=red_flag_restating(q.id)
                            problem_label=tr!("Stop")
                        />
                    }).collect_view()}
                </ItemCard>
            }
        }).collect_view()}
    }
}

/// Seed §3: the three maturity requirements.
#[component]
pub fn MaturityView() -> impl IntoView {
    view! {
        <PageHeading
            section=MATURITY_SECTION
            title=tr!("Organisational maturity")
            intro=trf!("KOOM requires {count} cultural capabilities. Missing one does not break deployment outright, but the verdict stays “Not yet” until it is built.", count = number_word(MATURITY_REQUIREMENTS.len()))
        />
        {MATURITY_REQUIREMENTS.iter().map(|m| view! {
            <ItemCard id=m.id kicker=m.kicker() title=tr!(m.title)>
                <p class="consequence">{tr!(m.consequence)}</p>
                {m.questions.iter().map(|q| view! {
                    <QuestionControl question=q problem_label=tr!("Missing")/>
                }).collect_view()}
            </ItemCard>
        }).collect_view()}
    }
}

/// Seed §5: the six red flags. Flags 3–6 show their precondition's answer.
#[component]
pub fn RedFlagsView() -> impl IntoView {
    view! {
        <PageHeading
            section=RED_FLAGS_SECTION
            title=tr!("Red flags")
            intro=tr!("Hard-stop warnings. If any red flag is present: stop, do not deploy KOOM.")
        />
        {RED_FLAGS.iter().map(|f| {
            let shared = f.is_shared().then(|| {
                let condition = PRECONDITIONS
                    .iter()
                    .find(|p| p.questions.iter().any(|q| q.id == f.question.id))
                    .map(|p| p.number)
                    .unwrap_or(0);
                trf!("The same fact as condition {condition}; one answer serves both.", condition = condition)
            });
            view! {
                <ItemCard id=f.id kicker=f.kicker() title=tr!(f.quote) original=f.quote class="red-flag">
                    <p class="consequence">{tr!("If present: ")} <strong>{tr!(f.consequence)}</strong></p>
                    <QuestionControl question=f.question shared_note=shared problem_label=tr!("Red flag present")/>
                </ItemCard>
            }
        }).collect_view()}
    }
}

/// Seed §6: the six green flags.
#[component]
pub fn GreenFlagsView() -> impl IntoView {
    let state = use_state();
    view! {
        <PageHeading
            section=GREEN_FLAGS_SECTION
            title=tr!("Green flags")
            intro=tr!("Signals that deployment will succeed. They are shown beside the verdict, and never override a blocker.")
        />
        <p class="summary-line" aria-live="polite">
            {move || state.evaluation.with(|e| e.readiness.green_flag_summary())}
        </p>
        {GREEN_FLAGS.iter().map(|g| view! {
            <ItemCard id=g.id kicker=g.kicker() title=tr!(g.statement) class="green-flag">
                <p class="consequence">{tr!(g.meaning)}</p>
                <QuestionControl question=g.question problem_label=tr!("Not present") problem_tone="neutral"/>
            </ItemCard>
        }).collect_view()}
    }
}

/// A card for one model item: its number, its title, then what the caller puts in it.
#[component]
fn ItemCard(
    /// The item's stable id.
    id: &'static str,
    /// The small line above the title, such as "Condition 1".
    kicker: String,
    /// The item's title.
    title: &'static str,
    /// The seed's English words for the title (a red flag's quote), shown beside the
    /// translation when the reader's language is not English.
    #[prop(optional)]
    original: Option<&'static str>,
    /// An extra class, such as `red-flag`.
    #[prop(optional)]
    class: &'static str,
    children: Children,
) -> impl IntoView {
    let heading_id = format!("{id}-title");
    let labelled_by = heading_id.clone();
    let original =
        original.filter(|_| crate::domain::texts().language() != crate::domain::Language::English);
    view! {
        <section class=format!("card item-card {class}") data-item=id aria-labelledby=labelled_by>
            <h2 id=heading_id>
                <span class="item-number">{kicker}</span>
                {title}
            </h2>
            {original.map(|english| view! {
                <p class="seed-original">
                    {tr!("KOOM's original:")} " " <span lang="en">{english}</span>
                </p>
            })}
            {children()}
        </section>
    }
}
