//! The open assessment: saving, the storage-full fallback, another tab's change, and the
//! question asked before anything unsaved is dropped.

use super::{asked, create, edit_and_autosave, fill_up, said, world, world_with_quota};
use crate::app::{ConflictKind, Opened, SaveState, View};
use crate::domain::{
    encode_file, Answer, Assessment, KeyValue, RecordStore, SavedAssessment, StorageError,
};

#[test]
fn a_new_assessment_is_saved_at_once_with_a_respondent_token_and_said_saved() {
    let (store, state, bench) = world();
    let id = create(&store, state, "Acme");
    let record = bench.assessment(&id);
    assert_eq!(record.assessment.organisation, "Acme");
    assert_eq!(record.revision, 1);
    assert!(record.assessment.respondent.is_some());
    assert_eq!(state.view.get_untracked(), View::Preconditions);
    assert_eq!(store.open.save_state(), SaveState::Saved);
    assert_eq!(store.library.entries.get_untracked().len(), 1);
}

#[test]
fn a_change_is_unsaved_until_its_pause_ends_and_a_superseded_pause_saves_nothing() {
    let (store, state, bench) = world();
    let id = create(&store, state, "Acme");
    state.edit(|a| a.set_answer("red_flag.no_time_for_structure", Some(Answer::No)));
    let first = store.open.note_change(state).expect("a change to save");
    assert_eq!(store.open.save_state(), SaveState::Saving);
    state.edit(|a| a.set_answer("red_flag.no_time_for_structure", Some(Answer::Yes)));
    let second = store.open.note_change(state).expect("a change to save");

    // The first pause ends after the second change: the second pause saves.
    store.open.save_change(state, first);
    let stored = bench.assessment(&id);
    assert_eq!(stored.revision, 1);
    store.open.save_change(state, second);
    let stored = bench.assessment(&id);
    assert_eq!(stored.revision, 2);
    assert_eq!(
        stored.assessment.answer("red_flag.no_time_for_structure"),
        Some(Answer::Yes)
    );
    assert_eq!(store.open.save_state(), SaveState::Saved);
    // Nothing changed since: nothing to save.
    assert_eq!(store.open.note_change(state), None);
}

/// "Acme" created while another page's data fills the storage: kept in memory.
fn created_with_storage_full() -> (
    crate::app::Store,
    crate::app::AppState,
    &'static super::Bench,
) {
    let (store, state, bench) = world_with_quota(Some(3_000));
    fill_up(bench, 3_000, 100);
    store
        .open
        .create(state, Assessment::new("Acme", ""), View::Preconditions);
    (store, state, bench)
}

#[test]
fn with_storage_full_a_new_assessment_lives_in_memory_and_is_saved_once_space_is_freed() {
    let (store, state, bench) = created_with_storage_full();
    assert_eq!(store.open.opened.get_untracked(), Opened::Memory);
    assert_eq!(
        store.open.save_state(),
        SaveState::NotSaved(StorageError::QuotaExceeded)
    );
    assert_eq!(store.open.save_state().label(), "Not saved — storage full");

    bench.records.remove("someone-else").unwrap();
    edit_and_autosave(&store, state, |a| a.set_note("precondition.coe", "Seen"));
    let Opened::Saved(id) = store.open.opened.get_untracked() else {
        panic!("still not saved: {:?}", store.open.opened.get_untracked());
    };
    let record = bench.assessment(&id);
    assert_eq!(record.assessment.notes["precondition.coe"], "Seen");
    assert_eq!(store.notices.storage_error.get_untracked(), None);
    assert_eq!(store.open.save_state(), SaveState::Saved);
}

#[test]
fn work_that_cannot_be_saved_is_dropped_only_when_the_user_says_so() {
    let (store, state, _) = created_with_storage_full();
    edit_and_autosave(&store, state, |a| {
        a.set_answer("red_flag.no_time_for_structure", Some(Answer::No))
    });

    assert!(!store.open.open_example_at(state, View::Report));
    assert_eq!(
        asked(&store).as_deref(),
        Some("Drop the unsaved changes to “Acme”?")
    );
    store.dialogs.answer(false);
    assert_eq!(store.open.opened.get_untracked(), Opened::Memory);
    assert_eq!(state.assessment.get_untracked().organisation, "Acme");

    assert!(!store.open.open_example_at(state, View::Report));
    store.dialogs.answer(true);
    assert_eq!(asked(&store), None);
    assert_eq!(store.open.opened.get_untracked(), Opened::Example);
    assert_eq!(state.view.get_untracked(), View::Report);
    assert!(state.read_only.get_untracked());
}

#[test]
fn saved_work_is_replaced_without_a_question() {
    let (store, state, bench) = world();
    let id = create(&store, state, "Acme");
    // A change still in its autosave pause is saved before it is replaced.
    state.edit(|a| a.set_note("precondition.coe", "Seen"));
    store.open.note_change(state).expect("a change to save");
    assert!(store.open.open_example_at(state, View::Preconditions));
    assert_eq!(asked(&store), None);
    assert_eq!(store.open.opened.get_untracked(), Opened::Example);
    let record = bench.assessment(&id);
    assert_eq!(record.assessment.notes["precondition.coe"], "Seen");
}

#[test]
fn another_tab_s_change_is_never_written_over_without_the_user_s_choice() {
    let (store, state, bench) = world();
    let id = create(&store, state, "Acme");
    // Another tab saves its version of the record.
    let mut theirs = bench.assessment(&id);
    theirs.assessment.set_note("precondition.coe", "Theirs");
    bench.records.write(&theirs, Some(1)).unwrap();

    edit_and_autosave(&store, state, |a| a.set_note("precondition.coe", "Mine"));
    let conflict = store
        .conflicts
        .conflict
        .get_untracked()
        .expect("a conflict");
    assert_eq!(conflict.kind, ConflictKind::Changed);
    assert_eq!(store.open.save_state(), SaveState::Conflict);
    let stored = bench.assessment(&id);
    assert_eq!(stored.assessment.notes["precondition.coe"], "Theirs");

    // Going elsewhere now would drop "Mine": the user is asked.
    assert!(!store.open.open_example_at(state, View::Preconditions));
    assert!(asked(&store).is_some());
    store.dialogs.answer(false);
    assert_eq!(store.open.opened.get_untracked(), Opened::Saved(id.clone()));
    assert_eq!(
        state.assessment.get_untracked().notes["precondition.coe"],
        "Mine"
    );

    store.open.keep_mine(state);
    let stored = bench.assessment(&id);
    assert_eq!(stored.assessment.notes["precondition.coe"], "Mine");
    assert_eq!(stored.revision, 3);
    assert_eq!(store.open.save_state(), SaveState::Saved);
}

#[test]
fn keeping_both_versions_saves_this_tab_s_as_a_new_entry() {
    let (store, state, bench) = world();
    let id = create(&store, state, "Acme");
    bench.records.delete::<SavedAssessment>(&id).unwrap();
    edit_and_autosave(&store, state, |a| a.set_note("precondition.coe", "Mine"));
    assert_eq!(
        store.conflicts.conflict.get_untracked().map(|c| c.kind),
        Some(ConflictKind::Deleted)
    );
    store.open.keep_both(state);
    let entries = store.library.entries.get_untracked();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].name, "Acme (this tab's version)");
    assert_eq!(
        store.open.opened.get_untracked(),
        Opened::Saved(entries[0].id.clone())
    );
}

#[test]
fn replacing_an_entry_by_a_file_over_work_that_cannot_be_saved_asks_once() {
    let (store, state, bench) = world_with_quota(Some(10_000));
    let acme = create(&store, state, "Acme");
    store.open.close_without_saving(state);
    create(&store, state, "Beta");
    fill_up(bench, 10_000, 50);
    // Too big for what is left, even once Acme's record is gone.
    edit_and_autosave(&store, state, |a| {
        a.set_note("precondition.coe", &"n".repeat(1_500))
    });
    assert_eq!(
        store.open.save_state(),
        SaveState::NotSaved(StorageError::QuotaExceeded)
    );
    let mut theirs = Assessment::new("Acme", "Ann");
    theirs.set_note("precondition.coe", "From the file");
    let bytes = encode_file(&theirs, "2026-12-01").into_bytes();
    let crate::app::ImportOutcome::SameName(pending) =
        store.import_file(state, "acme.json", &bytes).unwrap()
    else {
        panic!("no choice offered");
    };

    let error = store
        .import_replacing(state, (*pending).clone())
        .unwrap_err();
    assert!(error.to_string().contains("acme.json"), "{error}");
    assert_eq!(
        asked(&store).as_deref(),
        Some("Drop the unsaved changes to “Beta”?")
    );
    store.dialogs.answer(false);
    assert!(bench.records.read::<SavedAssessment>(&acme).is_some());
    assert_eq!(state.assessment.get_untracked().organisation, "Beta");

    assert!(store.import_replacing(state, *pending).is_err());
    store.dialogs.answer(true);
    assert_eq!(asked(&store), None, "asked a second time");
    assert_eq!(bench.records.read::<SavedAssessment>(&acme), None);
    assert_eq!(
        state.assessment.get_untracked().notes["precondition.coe"],
        "From the file"
    );
    assert_eq!(
        said(&store).as_deref(),
        Some("Replaced “Acme” with “acme.json”. The replaced version can be restored with Undo.")
    );
}

#[test]
fn an_entry_that_is_not_there_is_said_and_nothing_on_screen_changes() {
    let (store, state, _) = world();
    let id = create(&store, state, "Acme");
    assert!(!store.open.open_at(state, "gone", View::Report));
    assert_eq!(store.open.opened.get_untracked(), Opened::Saved(id));
    assert_eq!(state.view.get_untracked(), View::Preconditions);
    let message = said(&store).unwrap();
    assert!(
        message.starts_with("This assessment is not saved in this browser"),
        "{message}"
    );
}
