//! The app's store: another tab's changes, and deletes with undo.

use koom_readiness::app::Opened;
use koom_readiness::browser::storage::LocalStore;
use koom_readiness::domain::{load_library, record_key, Answer, RecordStore, SavedAssessment};
use leptos::task::tick;
use wasm_bindgen_test::*;

use crate::support::*;

#[wasm_bindgen_test]
async fn another_tabs_change_is_picked_up_or_offered_as_a_conflict() {
    clear_koom_keys();
    let (container, _app, state, store, id) = mount_store_with("Tabbed Org").await;

    // Another tab writes a change; this tab has no unsaved edits: it is picked up.
    let mut theirs = LocalStore.read::<SavedAssessment>(&id).unwrap().unwrap();
    theirs
        .assessment
        .set_answer("red_flag.no_time_for_structure", Some(Answer::Yes));
    let revision = theirs.revision;
    LocalStore.write(&theirs, Some(revision)).unwrap();
    dispatch_storage_event(&record_key::<SavedAssessment>(&id));
    tick().await;
    assert_eq!(
        state
            .assessment
            .get_untracked()
            .answer("red_flag.no_time_for_structure"),
        Some(Answer::Yes)
    );
    assert!(store.conflicts.conflict.get_untracked().is_none());

    // Now this tab has an unsaved edit when the other tab writes: the user is asked.
    state.edit(|a| a.set_note("red_flag.no_time_for_structure", "mine"));
    tick().await;
    assert!(store.open.dirty.get_untracked());
    let mut theirs = LocalStore.read::<SavedAssessment>(&id).unwrap().unwrap();
    theirs
        .assessment
        .set_note("red_flag.no_time_for_structure", "theirs");
    LocalStore.write(&theirs, Some(theirs.revision)).unwrap();
    dispatch_storage_event(&record_key::<SavedAssessment>(&id));
    tick().await;
    let conflict = store
        .conflicts
        .conflict
        .get_untracked()
        .expect("a conflict");
    assert_eq!(
        conflict.theirs.unwrap().assessment.notes["red_flag.no_time_for_structure"],
        "theirs"
    );
    // Neither side was dropped: mine is still on screen, theirs still stored.
    assert_eq!(
        state.assessment.get_untracked().notes["red_flag.no_time_for_structure"],
        "mine"
    );
    store.open.flush(state);
    assert_eq!(
        LocalStore
            .read::<SavedAssessment>(&id)
            .unwrap()
            .unwrap()
            .assessment
            .notes["red_flag.no_time_for_structure"],
        "theirs"
    );
    // Keeping both saves mine as a new entry.
    store.open.keep_both(state);
    tick().await;
    let library = load_library(&LocalStore, 0, true, ids()).unwrap();
    assert_eq!(library.records.len(), 2);
    container.remove();
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
    assert!(LocalStore.read::<SavedAssessment>(&id).is_none());
    assert_eq!(store.open.opened.get_untracked(), Opened::Nothing);
    store.library.undo_delete();
    let restored = LocalStore.read::<SavedAssessment>(&id).unwrap().unwrap();
    assert_eq!(
        restored
            .assessment
            .answer("precondition.coe.templates_owner"),
        Some(Answer::Yes)
    );
    assert!(store.library.deleted.get_untracked().is_empty());
    container.remove();
    clear_koom_keys();
}
