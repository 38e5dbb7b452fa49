//! Component tests in a real browser: `cargo test --target wasm32-unknown-unknown --test web`
//! runs them in headless Chromium through wasm-bindgen-test-runner (see .cargo/config.toml;
//! ./scripts/test.sh sets everything up).
#![cfg(target_arch = "wasm32")]

use koom_readiness::components::App;
use koom_readiness::domain::MODEL_VERSION;
use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh, attached element to mount a component into.
fn fresh_container() -> web_sys::HtmlElement {
    let document = document();
    let container = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&container).unwrap();
    container.unchecked_into()
}

fn text_of(container: &web_sys::HtmlElement, selector: &str) -> String {
    container
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector:?}"))
        .text_content()
        .unwrap_or_default()
}

/// Every descendant element of `root` with the given (upper-case) tag name, in document order.
fn elements(root: &web_sys::Element, tag: &str) -> Vec<web_sys::Element> {
    let mut found = Vec::new();
    let mut child = root.first_element_child();
    while let Some(element) = child {
        if element.tag_name() == tag {
            found.push(element.clone());
        }
        found.extend(elements(&element, tag));
        child = element.next_element_sibling();
    }
    found
}

#[wasm_bindgen_test]
async fn app_renders_title_and_model_version() {
    let container = fresh_container();
    let _app = mount_to(container.clone(), App);
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

// ---- Component tests: question control, verdict panel, stepper locking ------------------

use koom_readiness::browser::storage::{self, Problem, StorageError};
use koom_readiness::components::{
    AppState, Opened, QuestionControl, SequenceView, Store, VerdictPanel, View,
};
use koom_readiness::domain::model::{readiness_questions, PRECONDITIONS, RED_FLAGS};
use koom_readiness::domain::records::{SavedAssessment, SCHEMA_VERSION};
use koom_readiness::domain::{Answer, Assessment};

/// Every readiness question answered healthy: a Ready assessment.
fn ready_assessment() -> Assessment {
    let mut a = Assessment::new("Test Org", "");
    for q in readiness_questions() {
        a.set_answer(q.id, Some(q.healthy));
    }
    a
}

fn input(container: &web_sys::HtmlElement, selector: &str) -> web_sys::HtmlInputElement {
    container
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector:?}"))
        .unchecked_into()
}

fn attr(container: &web_sys::HtmlElement, selector: &str, name: &str) -> String {
    container
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector:?}"))
        .get_attribute(name)
        .unwrap_or_default()
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
        view! { <VerdictPanel/> }
    });
    tick().await;

    assert_eq!(attr(&container, "aside", "data-verdict"), "hold");
    assert_eq!(attr(&container, ".verdict-headline", "role"), "status");
    assert_eq!(
        text_of(&container, ".verdict-headline"),
        "Hold — find out first"
    );

    state.assessment.set(ready_assessment());
    tick().await;
    assert_eq!(attr(&container, "aside", "data-verdict"), "ready");
    assert!(text_of(&container, ".green-summary").contains("0 of 6 green flags present"));

    state
        .assessment
        .update(|a| a.set_answer("red_flag.no_time_for_structure", Some(Answer::Yes)));
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
    state.assessment.set(ready_assessment());
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
    state
        .assessment
        .update(|a| a.set_answer("precondition.coe.training_owner", Some(Answer::No)));
    tick().await;
    assert_step_states(&container, &[(1, "complete"), (2, "locked")]);
    assert_eq!(
        attr(&container, ".sequence-banner", "data-sequence-state"),
        "halted"
    );

    container.remove();
}

// ---- Browser storage: the library and its failure modes ---------------------------------

/// Asserts the `data-state` of the given steps: `(step number, state)`.
fn assert_step_states(container: &web_sys::HtmlElement, expected: &[(u8, &str)]) {
    let actual: Vec<(u8, String)> = expected
        .iter()
        .map(|(n, _)| {
            (
                *n,
                attr(container, &format!("li[data-step=\"{n}\"]"), "data-state"),
            )
        })
        .collect();
    let expected: Vec<(u8, String)> = expected.iter().map(|(n, s)| (*n, s.to_string())).collect();
    assert_eq!(actual, expected);
}

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn clear_koom_keys() {
    let s = local_storage();
    let keys: Vec<String> = (0..s.length().unwrap())
        .filter_map(|i| s.key(i).unwrap())
        .filter(|k| k.starts_with(storage::PREFIX) || k.starts_with("filler-"))
        .collect();
    for k in keys {
        s.remove_item(&k).unwrap();
    }
}

fn saved(id: &str, organisation: &str) -> SavedAssessment {
    SavedAssessment {
        schema: SCHEMA_VERSION,
        id: id.to_string(),
        revision: 0,
        updated_at: 1.0,
        assessment: Assessment::new(organisation, ""),
    }
}

fn ids() -> impl FnMut() -> String {
    let mut n = 0;
    move || {
        n += 1;
        format!("migrated-{n}")
    }
}

#[wasm_bindgen_test]
fn library_records_round_trip_with_revisions() {
    clear_koom_keys();
    let first = storage::write_record(&saved("a", "Alpha"), None).unwrap();
    assert_eq!(first.revision, 1);
    let second = storage::write_record(&first, Some(1)).unwrap();
    assert_eq!(second.revision, 2);
    let library = storage::load_library(5.0, true, ids()).unwrap();
    assert_eq!(library.records.len(), 1);
    assert_eq!(library.records[0].assessment.organisation, "Alpha");
    assert!(library.problems.is_empty());
    clear_koom_keys();
}

#[wasm_bindgen_test]
fn a_write_over_another_tabs_change_is_refused() {
    clear_koom_keys();
    let mine = storage::write_record(&saved("a", "Mine"), None).unwrap();
    // Another tab saves revision 2 in between.
    storage::write_record(&mine, Some(1)).unwrap();
    let err = storage::write_record(&mine, Some(1)).unwrap_err();
    assert_eq!(err, StorageError::ChangedElsewhere { stored: Some(2) });
    storage::delete_record("a").unwrap();
    assert_eq!(
        storage::write_record(&mine, Some(2)).unwrap_err(),
        StorageError::ChangedElsewhere { stored: None }
    );
    clear_koom_keys();
}

#[wasm_bindgen_test]
fn corrupt_records_are_moved_aside_and_the_rest_of_the_library_opens() {
    clear_koom_keys();
    storage::write_record(&saved("good", "Good"), None).unwrap();
    let corrupt = "{\"schema\":2,\"id\":\"bad\",\"assessment\":";
    local_storage()
        .set_item(&storage::record_key("bad"), corrupt)
        .unwrap();

    let library = storage::load_library(1234.0, true, ids()).unwrap();
    assert_eq!(library.records.len(), 1);
    assert_eq!(library.records[0].id, "good");
    let [Problem::Unreadable {
        key,
        backup_key: Some(backup),
        ..
    }] = library.problems.as_slice()
    else {
        panic!("expected one unreadable record: {:?}", library.problems);
    };
    assert_eq!(key, &storage::record_key("bad"));
    assert!(backup.starts_with(storage::BACKUP_PREFIX));
    assert_eq!(
        local_storage().get_item(backup).unwrap().as_deref(),
        Some(corrupt)
    );
    assert_eq!(
        local_storage()
            .get_item(&storage::record_key("bad"))
            .unwrap(),
        None
    );
    assert_eq!(
        storage::backups(),
        vec![(backup.clone(), corrupt.to_string())]
    );
    clear_koom_keys();
}

#[wasm_bindgen_test]
fn a_record_from_a_newer_schema_is_read_only_and_never_overwritten() {
    clear_koom_keys();
    let future = r#"{"schema":99,"id":"f","revision":4,"updated_at":9.0,"assessment":{"organisation":"Future Org"},"teams":["x"]}"#;
    local_storage()
        .set_item(&storage::record_key("f"), future)
        .unwrap();
    let library = storage::load_library(1.0, true, ids()).unwrap();
    assert!(library.records.is_empty());
    assert_eq!(library.newer.len(), 1);
    assert_eq!(library.newer[0].assessment.organisation, "Future Org");
    assert_eq!(
        storage::write_record(&saved("f", "Overwrite attempt"), Some(4)).unwrap_err(),
        StorageError::NewerVersionPresent
    );
    assert_eq!(
        local_storage()
            .get_item(&storage::record_key("f"))
            .unwrap()
            .as_deref(),
        Some(future)
    );
    clear_koom_keys();
}

#[wasm_bindgen_test]
fn the_schema_1_record_is_migrated_into_the_library() {
    clear_koom_keys();
    let mut old = Assessment::new("Legacy Org", "Lee");
    old.set_answer("precondition.coe.training_owner", Some(Answer::Yes));
    let v1 = serde_json::json!({ "schema": 1, "view": "maturity", "assessment": old }).to_string();
    local_storage()
        .set_item(storage::LEGACY_CURRENT_KEY, &v1)
        .unwrap();

    let library = storage::load_library(77.0, true, ids()).unwrap();
    assert_eq!(library.records.len(), 1);
    assert_eq!(library.records[0].id, "migrated-1");
    assert_eq!(library.records[0].assessment, old);
    let session = library.session.unwrap();
    assert_eq!(session.open.as_deref(), Some("migrated-1"));
    assert_eq!(session.view, "maturity");
    assert_eq!(
        local_storage()
            .get_item(storage::LEGACY_CURRENT_KEY)
            .unwrap(),
        None
    );
    clear_koom_keys();
}

#[wasm_bindgen_test]
fn a_full_storage_reports_quota_exceeded_and_changes_nothing() {
    clear_koom_keys();
    let before = storage::write_record(&saved("q", "Quota Org"), None).unwrap();
    // Fill the quota for real.
    let chunk = "x".repeat(512 * 1024);
    let mut n = 0;
    while local_storage()
        .set_item(&format!("filler-{n}"), &chunk)
        .is_ok()
    {
        n += 1;
        assert!(n < 200, "storage never filled up");
    }
    let mut bigger = before.clone();
    bigger
        .assessment
        .set_note("precondition.coe.training_owner", &"y".repeat(600 * 1024));
    let err = storage::write_record(&bigger, Some(1)).unwrap_err();
    clear_filler();
    assert_eq!(err, StorageError::QuotaExceeded);
    assert!(err.to_string().contains("storage for this site is full"));
    let stored = storage::read_record("q").unwrap().unwrap();
    assert_eq!(stored, before);
    clear_koom_keys();
}

fn clear_filler() {
    let s = local_storage();
    let keys: Vec<String> = (0..s.length().unwrap())
        .filter_map(|i| s.key(i).unwrap())
        .filter(|k| k.starts_with("filler-"))
        .collect();
    for k in keys {
        s.remove_item(&k).unwrap();
    }
}

#[wasm_bindgen_test]
fn missing_storage_is_detected_before_gloo_can_throw() {
    // As in a sandboxed iframe: reading window.localStorage throws.
    js_sys::eval(
        "window.__koomSaved = Object.getOwnPropertyDescriptor(Window.prototype, 'localStorage') || Object.getOwnPropertyDescriptor(window, 'localStorage');\
         Object.defineProperty(window, 'localStorage', { configurable: true, get() { throw new DOMException('denied', 'SecurityError'); } });",
    )
    .unwrap();
    let probe = storage::probe();
    let load = storage::load_library(1.0, true, ids());
    let write = storage::write_record(&saved("x", "X"), None);
    js_sys::eval("delete window.localStorage; if (!('localStorage' in window)) Object.defineProperty(window, 'localStorage', window.__koomSaved);").unwrap();
    assert_eq!(probe, Err(StorageError::Unavailable));
    assert_eq!(load.unwrap_err(), StorageError::Unavailable);
    assert_eq!(write.unwrap_err(), StorageError::Unavailable);
    assert!(
        storage::probe().is_ok(),
        "storage restored for the other tests"
    );
}

#[wasm_bindgen_test]
async fn another_tabs_change_is_picked_up_or_offered_as_a_conflict() {
    clear_koom_keys();
    let (container, _app, state, store, id) = mount_store_with("Tabbed Org").await;

    // Another tab writes a change; this tab has no unsaved edits: it is picked up.
    let mut theirs = storage::read_record(&id).unwrap().unwrap();
    theirs
        .assessment
        .set_answer("red_flag.no_time_for_structure", Some(Answer::Yes));
    let revision = theirs.revision;
    storage::write_record(&theirs, Some(revision)).unwrap();
    dispatch_storage_event(&storage::record_key(&id));
    tick().await;
    assert_eq!(
        state
            .assessment
            .get_untracked()
            .answer("red_flag.no_time_for_structure"),
        Some(Answer::Yes)
    );
    assert!(store.conflict.get_untracked().is_none());

    // Now this tab has an unsaved edit when the other tab writes: the user is asked.
    state.edit(|a| a.set_note("red_flag.no_time_for_structure", "mine"));
    tick().await;
    assert!(store.dirty.get_untracked());
    let mut theirs = storage::read_record(&id).unwrap().unwrap();
    theirs
        .assessment
        .set_note("red_flag.no_time_for_structure", "theirs");
    storage::write_record(&theirs, Some(theirs.revision)).unwrap();
    dispatch_storage_event(&storage::record_key(&id));
    tick().await;
    let conflict = store.conflict.get_untracked().expect("a conflict");
    assert_eq!(
        conflict.theirs.unwrap().assessment.notes["red_flag.no_time_for_structure"],
        "theirs"
    );
    // Neither side was dropped: mine is still on screen, theirs still stored.
    assert_eq!(
        state.assessment.get_untracked().notes["red_flag.no_time_for_structure"],
        "mine"
    );
    store.flush(state);
    assert_eq!(
        storage::read_record(&id).unwrap().unwrap().assessment.notes
            ["red_flag.no_time_for_structure"],
        "theirs"
    );
    // Keeping both saves mine as a new entry.
    store.keep_both(state);
    tick().await;
    let library = storage::load_library(0.0, true, ids()).unwrap();
    assert_eq!(library.records.len(), 2);
    container.remove();
    clear_koom_keys();
}

/// Mounts a store (as the app does) with a new saved assessment open; returns the container,
/// the mount handle (keep it alive), the state, the store and the assessment's id.
async fn mount_store_with(
    organisation: &str,
) -> (
    web_sys::HtmlElement,
    leptos::mount::UnmountHandle<leptos::tachys::view::any_view::AnyViewState>,
    AppState,
    Store,
    String,
) {
    let container = fresh_container();
    let state = AppState::new(Assessment::default(), View::Start, false);
    let store_cell = std::rc::Rc::new(std::cell::RefCell::new(None));
    let cell = store_cell.clone();
    let app = mount_to(container.clone(), move || {
        provide_context(state);
        *cell.borrow_mut() = Some(Store::start(state));
        view! { <p>"store"</p> }.into_any()
    });
    tick().await;
    let store = store_cell.borrow().unwrap();
    store.create(
        state,
        Assessment::new(organisation, ""),
        View::Preconditions,
    );
    tick().await;
    let Opened::Saved(id) = store.opened.get_untracked() else {
        panic!("not saved")
    };
    (container, app, state, store, id)
}

fn dispatch_storage_event(key: &str) {
    let init = web_sys::StorageEventInit::new();
    init.set_key(Some(key));
    let event = web_sys::StorageEvent::new_with_event_init_dict("storage", &init).unwrap();
    web_sys::window().unwrap().dispatch_event(&event).unwrap();
}

#[wasm_bindgen_test]
fn a_newer_record_this_version_cannot_read_stays_where_it_is() {
    clear_koom_keys();
    let future = r#"{"schema":99,"layout":"something else entirely"}"#;
    local_storage()
        .set_item(&storage::record_key("future"), future)
        .unwrap();
    let library = storage::load_library(1.0, true, ids()).unwrap();
    assert_eq!(
        library.problems,
        vec![Problem::Newer {
            key: storage::record_key("future"),
            schema: 99
        }]
    );
    assert_eq!(
        local_storage()
            .get_item(&storage::record_key("future"))
            .unwrap()
            .as_deref(),
        Some(future)
    );
    assert!(storage::backups().is_empty());
    clear_koom_keys();
}

#[wasm_bindgen_test]
async fn deleting_the_open_assessment_can_be_undone_with_its_latest_edits() {
    clear_koom_keys();
    let (container, _app, state, store, id) = mount_store_with("Doomed Org").await;
    // An edit still inside the autosave delay when the user deletes.
    state.edit(|a| a.set_answer("precondition.coe.templates_owner", Some(Answer::Yes)));
    tick().await;
    store.delete(state, &id);
    tick().await;
    assert!(storage::read_record(&id).is_none());
    assert_eq!(store.opened.get_untracked(), Opened::Nothing);
    store.undo_delete();
    let restored = storage::read_record(&id).unwrap().unwrap();
    assert_eq!(
        restored
            .assessment
            .answer("precondition.coe.templates_owner"),
        Some(Answer::Yes)
    );
    assert!(store.deleted.get_untracked().is_empty());
    container.remove();
    clear_koom_keys();
}
