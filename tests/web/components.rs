//! Component tests: the app's first screen, a question, the verdict panel, the stepper.

use koom_readiness::app::{AppState, Languages, Store, View, BROWSER};
use koom_readiness::components::{App, QuestionControl, SequenceView, VerdictPanel};
use koom_readiness::domain::{
    Answer, Assessment, Catalogue, Language, GERMAN, GERMAN_TRANSLATIONS, MODEL_VERSION,
    PRECONDITIONS, RED_FLAGS,
};
use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

use crate::support::*;

/// The languages, showing `catalogue`'s (English: `None`).
fn speaking(catalogue: Option<&Catalogue>) -> Languages {
    let (languages, _) = Languages::new(&BROWSER, Some("en"), &[]);
    languages.show(catalogue);
    languages
}

#[wasm_bindgen_test]
async fn app_renders_title_and_model_version() {
    let container = fresh_container();
    let languages = speaking(None);
    let _app = mount_to(container.clone(), move || view! { <App languages/> });
    tick().await;

    assert_eq!(text_of(&container, "h1").trim(), "KOOM Readiness");
    assert!(
        container
            .text_content()
            .unwrap_or_default()
            .contains(&format!("v{MODEL_VERSION}")),
        "the model version v{MODEL_VERSION} is not shown: {:?}",
        container.inner_html()
    );
    let start = elements(&container, "BUTTON")
        .iter()
        .any(|button| button.text_content().unwrap_or_default().trim() == "Start an assessment");
    assert!(
        start,
        "no \"Start an assessment\" button: {:?}",
        container.inner_html()
    );

    container.remove();
}

#[wasm_bindgen_test]
async fn app_speaks_the_language_shown_and_html_lang_follows() {
    let container = fresh_container();
    let languages = speaking(Some(&GERMAN));
    let _app = mount_to(container.clone(), move || view! { <App languages/> });
    tick().await;
    let german = GERMAN_TRANSLATIONS
        .entries
        .iter()
        .find(|(english, _)| *english == "Start an assessment")
        .map(|(_, german)| *german)
        .expect("German has the start button");
    let labels: Vec<String> = elements(&container, "BUTTON")
        .iter()
        .map(|b| b.text_content().unwrap_or_default().trim().to_string())
        .collect();
    assert!(
        labels.iter().any(|l| l == german),
        "no {german:?} in {labels:?}"
    );
    assert!(
        !labels.iter().any(|l| l == "Start an assessment"),
        "English left: {labels:?}"
    );
    let html = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .document_element()
        .unwrap();
    assert_eq!(html.get_attribute("lang").as_deref(), Some("de"));

    // The picker draws the page again in the language picked; what is open stays.
    languages.show(None);
    tick().await;
    assert_eq!(languages.current_untracked(), Language::English);
    assert_eq!(html.get_attribute("lang").as_deref(), Some("en"));
    let start = elements(&container, "BUTTON")
        .iter()
        .any(|b| b.text_content().unwrap_or_default().trim() == "Start an assessment");
    assert!(
        start,
        "not drawn again in English: {:?}",
        container.inner_html()
    );
    container.remove();
}

#[wasm_bindgen_test]
async fn question_control_records_the_answer_and_shows_a_problem() {
    let question = PRECONDITIONS[0].questions[1];
    let state = AppState::new(Assessment::default(), View::Preconditions, false);
    let container = fresh_container();
    let _app = mount_to(container.clone(), move || {
        provide_context(state);
        view! { <QuestionControl question problem_label="Stop"/> }
    });
    tick().await;

    assert_eq!(text_of(&container, "fieldset > legend"), question.text);
    let radios = container
        .query_selector_all(&format!("input[type=radio][name=\"{}\"]", question.id))
        .unwrap();
    assert_eq!(radios.length(), 3);
    assert_eq!(attr(&container, "fieldset", "data-finding"), "unanswered");

    input(&container, "input[value=yes]").click();
    tick().await;
    assert_eq!(
        state.assessment.get_untracked().answer(question.id),
        Some(Answer::Yes)
    );
    assert_eq!(attr(&container, "fieldset", "data-finding"), "problem");
    assert_eq!(text_of(&container, ".badge-problem"), "Stop");

    input(&container, "input[value=not_sure]").click();
    tick().await;
    assert_eq!(attr(&container, "fieldset", "data-finding"), "not-sure");
    assert!(input(&container, "input[value=not_sure]").checked());
    assert!(!input(&container, "input[value=yes]").checked());

    container.remove();
}

#[wasm_bindgen_test]
async fn a_shared_fact_shows_one_answer_in_both_places() {
    let red_flag = &RED_FLAGS[2];
    let precondition_question = PRECONDITIONS[0].questions[3];
    assert_eq!(red_flag.question.id, precondition_question.id);
    let state = AppState::new(Assessment::default(), View::Preconditions, false);

    // The two places are different views, so they are never on screen together.
    let first = fresh_container();
    let app = mount_to(first.clone(), move || {
        provide_context(state);
        view! { <QuestionControl question=precondition_question/> }
    });
    tick().await;
    input(&first, "input[value=yes]").click();
    tick().await;
    drop(app);
    first.remove();

    let second = fresh_container();
    let app = mount_to(second.clone(), move || {
        provide_context(state);
        view! { <QuestionControl question=red_flag.question/> }
    });
    tick().await;
    assert!(input(&second, "input[value=yes]").checked());
    input(&second, "input[value=no]").click();
    tick().await;
    drop(app);
    second.remove();

    let third = fresh_container();
    let _app = mount_to(third.clone(), move || {
        provide_context(state);
        view! { <QuestionControl question=precondition_question/> }
    });
    tick().await;
    assert!(input(&third, "input[value=no]").checked());
    assert_eq!(
        state
            .assessment
            .get_untracked()
            .answer(red_flag.question.id),
        Some(Answer::No)
    );
    third.remove();
}

#[wasm_bindgen_test]
async fn a_read_only_question_cannot_be_changed() {
    let question = PRECONDITIONS[4].questions[0];
    let state = AppState::new(Assessment::default(), View::Preconditions, true);
    let container = fresh_container();
    let _app = mount_to(container.clone(), move || {
        provide_context(state);
        view! { <QuestionControl question/> }
    });
    tick().await;

    let yes = input(&container, "input[value=yes]");
    assert!(yes.disabled());
    yes.click();
    tick().await;
    assert_eq!(state.assessment.get_untracked().answer(question.id), None);

    container.remove();
}

#[wasm_bindgen_test]
async fn verdict_panel_follows_the_answers_and_names_the_red_flag() {
    let state = AppState::new(Assessment::default(), View::Preconditions, false);
    let container = fresh_container();
    let _app = mount_to(container.clone(), move || {
        provide_context(state);
        provide_context(Store::in_browser());
        view! { <VerdictPanel/> }
    });
    tick().await;

    assert_eq!(attr(&container, "aside", "data-verdict"), "hold");
    assert_eq!(attr(&container, ".verdict-headline", "role"), "status");
    assert_eq!(
        text_of(&container, ".verdict-headline"),
        "Hold — find out first"
    );

    state.edit(|a| *a = ready_assessment());
    tick().await;
    assert_eq!(attr(&container, "aside", "data-verdict"), "ready");
    assert!(text_of(&container, ".green-summary").contains("0 of 6 green flags present"));

    state.edit(|a| a.set_answer("red_flag.no_time_for_structure", Some(Answer::Yes)));
    tick().await;
    assert_eq!(attr(&container, "aside", "data-verdict"), "stop");
    assert_eq!(
        text_of(&container, ".verdict-headline"),
        "Stop — do not deploy KOOM"
    );
    let reason = text_of(
        &container,
        "li[data-reason-item=\"red_flag.no_time_for_structure\"]",
    );
    assert!(reason.contains("KOOM cannot fix this."), "{reason}");
    assert!(reason.contains("Next:"), "{reason}");

    container.remove();
}

#[wasm_bindgen_test]
async fn stepper_locks_steps_until_ready_and_in_order() {
    let state = AppState::new(Assessment::default(), View::Sequence, false);
    let container = fresh_container();
    let _app = mount_to(container.clone(), move || {
        provide_context(state);
        provide_context(Store::in_browser());
        view! { <SequenceView/> }
    });
    tick().await;

    // Not Ready: every step locked, with the reason.
    for n in 1..=6 {
        assert_eq!(
            attr(&container, &format!("li[data-step=\"{n}\"]"), "data-state"),
            "locked"
        );
    }
    assert!(text_of(&container, "li[data-step=\"1\"] .lock-reason")
        .contains("can start only from a Ready verdict"));
    assert!(input(
        &container,
        "li[data-step=\"1\"] input[type=checkbox][data-item]"
    )
    .matches(":disabled")
    .unwrap());

    // Ready: step 1 current, step 2 locked until step 1 is complete.
    state.edit(|a| *a = ready_assessment());
    tick().await;
    assert_step_states(&container, &[(1, "current"), (2, "locked")]);
    assert_eq!(
        text_of(&container, "li[data-step=\"2\"] .lock-reason"),
        "Locked until step 1 is complete."
    );
    assert!(input(
        &container,
        "li[data-step=\"2\"] input[type=checkbox][data-item]"
    )
    .matches(":disabled")
    .unwrap());

    let boxes = container
        .query_selector_all("li[data-step=\"1\"] input[type=checkbox][data-item]")
        .unwrap();
    assert_eq!(boxes.length(), 4);
    for i in 0..boxes.length() {
        boxes
            .item(i)
            .unwrap()
            .unchecked_into::<web_sys::HtmlInputElement>()
            .click();
        tick().await;
    }
    assert_step_states(
        &container,
        &[(1, "complete"), (2, "current"), (3, "locked")],
    );

    // A blocker halts the sequence; completed work stays complete.
    state.edit(|a| a.set_answer("precondition.coe.training_owner", Some(Answer::No)));
    tick().await;
    assert_step_states(&container, &[(1, "complete"), (2, "locked")]);
    assert_eq!(
        attr(&container, ".sequence-banner", "data-sequence-state"),
        "halted"
    );

    container.remove();
}
