//! Team views in the browser: their records in storage, and the view combining respondents.

use koom_readiness::app::{AppState, Store, TeamSave, View};
use koom_readiness::browser::storage::LocalStore;
use koom_readiness::components::TeamView;
use koom_readiness::domain::{
    encode_saved_team, load_library, record_key, Answer, Assessment, RecordStore, Respondent,
    SavedAssessment, SavedTeam, StorageError, Team, TEAM_SCHEMA_VERSION,
};
use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use wasm_bindgen_test::*;

use crate::support::*;

fn team_record(id: &str, names: &[&str]) -> SavedTeam {
    let mut team = Team::new("Leadership");
    for (i, name) in names.iter().enumerate() {
        let mut a = ready_assessment();
        // Different answers, so no two respondents are the same.
        a.set_answer(
            "green_flag.executives_value_clarity",
            Some(if i % 2 == 0 { Answer::Yes } else { Answer::No }),
        );
        a.set_note("red_flag.no_time_for_structure", "not kept in a team view");
        team.add(Respondent::new(Some(name), a)).unwrap();
    }
    SavedTeam {
        schema: TEAM_SCHEMA_VERSION,
        id: id.to_string(),
        revision: 0,
        updated_at: 5,
        team,
    }
}

/// How many respondents the saved record of team view `id` holds.
fn saved_respondents(id: &str) -> usize {
    LocalStore
        .read::<SavedTeam>(id)
        .unwrap()
        .unwrap()
        .team
        .respondents
        .len()
}

#[wasm_bindgen_test]
fn team_records_round_trip_and_refuse_to_overwrite_another_tabs_change() {
    clear_koom_keys();
    let record = team_record("t1", &["Ann", "Bob"]);
    let written = LocalStore.write(&record, None).unwrap();
    assert_eq!(written.revision, 1);
    let read = LocalStore.read::<SavedTeam>("t1").unwrap().unwrap();
    assert_eq!(read.team, record.team);
    // A write that expected no record (or an older revision) is refused, and changes nothing.
    assert_eq!(
        LocalStore.write(&record, None),
        Err(StorageError::ChangedElsewhere { stored: Some(1) })
    );
    assert_eq!(
        LocalStore
            .read::<SavedTeam>("t1")
            .unwrap()
            .unwrap()
            .revision,
        1
    );
    // Team views are not assessments: the assessment library does not list them.
    let library = load_library(&LocalStore, 1, false, ids()).unwrap();
    assert!(library.records.is_empty() && library.problems.is_empty());
    assert_eq!(
        LocalStore.load_all::<SavedTeam>(1).unwrap().records.len(),
        1
    );
    clear_koom_keys();
}

#[wasm_bindgen_test]
fn an_unreadable_team_record_is_moved_aside_never_lost() {
    clear_koom_keys();
    let key = record_key::<SavedTeam>("broken");
    local_storage()
        .set_item(&key, "{\"schema\": 1, \"kind\": ")
        .unwrap();
    let loaded = LocalStore.load_all::<SavedTeam>(42).unwrap();
    assert!(loaded.records.is_empty());
    assert_eq!(loaded.problems.len(), 1);
    assert_eq!(local_storage().get_item(&key).unwrap(), None);
    let backups = LocalStore.backups();
    assert_eq!(backups.len(), 1);
    assert_eq!(backups[0].1, "{\"schema\": 1, \"kind\": ");
    clear_koom_keys();
}

/// The team view mounted: its container, the mount (kept alive), the state and the store.
type Mounted = (
    web_sys::HtmlElement,
    leptos::mount::UnmountHandle<leptos::tachys::view::any_view::AnyViewState>,
    AppState,
    Store,
);

async fn mount_team_view() -> Mounted {
    let container = fresh_container();
    let state = AppState::new(Assessment::default(), View::Start, false);
    let store = Store::in_browser();
    let app = mount_to(container.clone(), move || {
        provide_context(state);
        provide_context(store);
        store.start(state);
        view! { <TeamView/> }.into_any()
    });
    tick().await;
    (container, app, state, store)
}

/// Saves these assessments in the library, mounts the team view and shows a new, empty team
/// view "Board".
async fn board_of_saved<const N: usize>(assessments: [(&str, Assessment); N]) -> Mounted {
    for (id, a) in assessments {
        let mut record = saved(id, "Org");
        record.assessment = a;
        LocalStore.write(&record, None).unwrap();
    }
    let (container, app, state, store) = mount_team_view().await;
    store.library.refresh();
    store.teams.create(state, "Board");
    tick().await;
    (container, app, state, store)
}

fn count(container: &web_sys::HtmlElement, selector: &str) -> u32 {
    container.query_selector_all(selector).unwrap().length()
}

#[wasm_bindgen_test]
async fn respondents_from_the_library_give_the_conservative_verdict_and_removal_can_be_undone() {
    clear_koom_keys();
    let mut stopped = ready_assessment();
    stopped.assessor = "Cleo".into();
    stopped.set_answer("red_flag.no_time_for_structure", Some(Answer::Yes));
    let mut ann = ready_assessment();
    ann.assessor = "Ann".into();
    ann.set_answer("green_flag.executives_value_clarity", Some(Answer::Yes));
    let mut bob = ready_assessment();
    bob.assessor = "Bob".into();
    bob.set_answer("green_flag.executives_value_clarity", Some(Answer::No));
    let (container, _app, _state, store) =
        board_of_saved([("a1", ann), ("a2", bob), ("a3", stopped)]).await;
    assert_eq!(text_of(&container, "#main-heading"), "Board");

    store
        .teams
        .add_from_library(vec!["a1".into(), "a2".into(), "a3".into()], false);
    tick().await;
    assert_eq!(count(&container, "li.respondent"), 3);
    assert_eq!(attr(&container, "article.team", "data-respondents"), "3");
    assert_eq!(
        attr(&container, "section.team-verdict", "data-verdict"),
        "stop"
    );
    let reasons = text_of(&container, "ol.team-reasons");
    assert!(reasons.contains("Reported by 1 of 3 (Cleo)."), "{reasons}");
    assert_eq!(
        attr(
            &container,
            "li.respondent[data-respondent=\"2\"]",
            "data-verdict"
        ),
        "stop"
    );
    // Ann and Bob disagree on a green flag; Cleo disagrees on the red flag.
    assert!(count(&container, "tr[data-disagree]") >= 2);
    assert_eq!(
        text_of(&container, "p.added"),
        "Added 3 respondents: Ann, Bob, Cleo."
    );
    // Saved at once, with every respondent.
    assert_eq!(store.teams.save.get_untracked(), TeamSave::Saved);
    let id = store.teams.open_id().unwrap();
    assert_eq!(saved_respondents(&id), 3);

    // Adding the same respondent again is refused, with the reason.
    store.teams.add_from_library(vec!["a1".into()], false);
    tick().await;
    assert_eq!(count(&container, "li.respondent"), 3);
    assert!(text_of(&container, ".add-refused").contains("already in the team as Ann"));

    // Removing asks first; a "no" keeps everything.
    store.teams.remove_respondent(2);
    tick().await;
    assert!(store.dialogs.asking.get_untracked().is_some());
    store.dialogs.answer(false);
    tick().await;
    assert_eq!(count(&container, "li.respondent"), 3);
    store.teams.remove_respondent(2);
    store.dialogs.answer(true);
    tick().await;
    assert_eq!(count(&container, "li.respondent"), 2);
    assert_eq!(
        attr(&container, "section.team-verdict", "data-verdict"),
        "ready"
    );
    assert_eq!(saved_respondents(&id), 2);
    store.teams.undo_remove();
    tick().await;
    assert_eq!(count(&container, "li.respondent"), 3);
    assert_eq!(
        text_of(
            &container,
            "li.respondent[data-respondent=\"2\"] .respondent-name"
        ),
        "Cleo"
    );
    assert_eq!(
        attr(&container, "section.team-verdict", "data-verdict"),
        "stop"
    );
    clear_koom_keys();
}

#[wasm_bindgen_test]
async fn the_agreement_is_saved_with_the_team_view_and_the_consensus_in_the_library() {
    clear_koom_keys();
    let flag = "red_flag.no_time_for_structure";
    let mut ann = ready_assessment();
    ann.assessor = "Ann".into();
    let mut cleo = ready_assessment();
    cleo.assessor = "Cleo".into();
    cleo.set_answer(flag, Some(Answer::Yes));
    let (container, _app, state, store) = board_of_saved([("a1", ann), ("a2", cleo)]).await;
    store
        .teams
        .add_from_library(vec!["a1".into(), "a2".into()], false);
    tick().await;
    assert_eq!(count(&container, ".agreement"), 1);
    assert_eq!(
        count(&container, "fieldset.agreed-answer input[type=radio]"),
        3
    );
    assert!(text_of(&container, ".agreement-progress").starts_with("Agreed on 0 of 1 items"));

    store.teams.agree(flag, Some(Answer::No));
    tick().await;
    assert_eq!(attr(&container, ".agreement", "data-agreed"), "no");
    assert_eq!(attr(&container, ".agreed-verdict", "data-verdict"), "ready");
    assert_eq!(
        attr(&container, "section.team-verdict", "data-verdict"),
        "stop",
        "the conservative verdict stays"
    );
    assert_eq!(
        store
            .teams
            .dissent(flag, " ", "why")
            .unwrap_err()
            .to_string(),
        "Say who dissents: a dissent needs a name."
    );
    store
        .teams
        .dissent(flag, "Cleo", "Seen it in March.")
        .unwrap();
    tick().await;
    assert_eq!(
        text_of(&container, ".dissent-list li").trim(),
        "Cleo dissents: Seen it in March. Withdraw Cleo's dissent"
    );
    let id = store.teams.open_id().unwrap();
    let stored = LocalStore.read::<SavedTeam>(&id).unwrap().unwrap();
    assert_eq!(stored.team.agreement.get(flag).unwrap().dissent.len(), 1);

    store.teams.save_consensus();
    tick().await;
    let stored = LocalStore.read::<SavedTeam>(&id).unwrap().unwrap();
    let consensus_id = stored.team.agreement.saved_as.expect("linked");
    let consensus = LocalStore
        .read::<SavedAssessment>(&consensus_id)
        .unwrap()
        .unwrap();
    assert_eq!(consensus.assessment.answer(flag), Some(Answer::No));
    assert_eq!(consensus.assessment.respondent, None);
    assert_eq!(
        container
            .query_selector(".agreed-actions button")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "Open the agreed assessment"
    );

    // Saved by a newer version: the agreement shown, never changed here.
    // (Ann and Bob disagree on a green flag: the one item to discuss.)
    let mut newer = stored_team_with_agreement("green_flag.executives_value_clarity");
    newer.schema = TEAM_SCHEMA_VERSION + 1;
    local_storage()
        .set_item(
            &record_key::<SavedTeam>("t-newer"),
            &encode_saved_team(&newer),
        )
        .unwrap();
    assert!(store.teams.open_saved(state, "t-newer"));
    tick().await;
    assert_eq!(text_of(&container, ".agreed-line"), "Agreed: Yes.");
    assert_eq!(
        text_of(&container, ".dissent-list li").trim(),
        "Bob dissents: Not in my team.",
        "the dissent shown, without a button to withdraw it"
    );
    assert_eq!(count(&container, ".dissent-list button"), 0);
    assert_eq!(count(&container, "fieldset.agreed-answer"), 0);
    assert_eq!(count(&container, ".dissent-form"), 0);
    assert_eq!(count(&container, ".agreed-actions"), 0);
    clear_koom_keys();
}

fn stored_team_with_agreement(question_id: &str) -> SavedTeam {
    let mut record = team_record("t-newer", &["Ann", "Bob"]);
    record
        .team
        .agreement
        .agree(question_id, Some(Answer::Yes))
        .unwrap();
    record
        .team
        .agreement
        .dissent(question_id, "Bob", "Not in my team.")
        .unwrap();
    record
}
