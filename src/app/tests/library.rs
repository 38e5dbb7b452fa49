//! The library: what it lists, what it keeps aside, what a delete and an undo do.

use super::{create, edit_and_autosave, ready, said, world};
use crate::app::{ImportOutcome, Opened, View};
use crate::domain::{
    encode_file, record_key, Answer, Assessment, KeyValue, Problem, RecordStore, SavedAssessment,
    BACKUP_PREFIX,
};

#[test]
fn the_library_lists_saved_assessments_newest_change_first_with_where_each_stands() {
    let (store, state, _) = world();
    let first = create(&store, state, "Acme");
    let second = create(&store, state, "Beta Works");
    let names = |store: &crate::app::Store| -> Vec<String> {
        store
            .library
            .entries
            .get_untracked()
            .into_iter()
            .map(|e| e.name)
            .collect()
    };
    assert_eq!(names(&store), ["Beta Works", "Acme"]);
    assert!(store.open.open_at(state, &first, View::RedFlags));
    edit_and_autosave(&store, state, |a| {
        a.set_answer("red_flag.no_time_for_structure", Some(Answer::Yes))
    });
    store.library.refresh();
    assert_eq!(names(&store), ["Acme", "Beta Works"]);
    let entries = store.library.entries.get_untracked();
    assert_eq!(entries[0].id, first);
    assert_eq!(entries[1].id, second);
    // A red flag answered yes stops the deployment; the list says so.
    assert_eq!(entries[0].verdict, crate::domain::Verdict::Stop);
    assert_ne!(entries[1].verdict, crate::domain::Verdict::Stop);
    assert_eq!(entries[0].label, "Acme — 2026-12-04");
    assert!(entries.iter().all(|e| !e.newer && e.round == 1));
}

#[test]
fn a_record_from_a_newer_version_is_listed_and_opens_read_only_and_is_never_written() {
    let (store, state, bench) = world();
    let key = record_key::<SavedAssessment>("future");
    let text = r#"{"schema":99,"id":"future","revision":4,"updated_at":9.0,"assessment":{"organisation":"Future Org"},"teams":["x"]}"#;
    bench.records.set(&key, text).unwrap();
    store.library.refresh();
    let entries = store.library.entries.get_untracked();
    assert_eq!(entries.len(), 1);
    assert!(entries[0].newer, "{entries:?}");

    assert!(store.open.open_at(state, "future", View::Preconditions));
    assert_eq!(
        store.open.opened.get_untracked(),
        Opened::Newer("future".into())
    );
    assert!(state.read_only.get_untracked());
    state.edit(|a| a.set_organisation("Changed"));
    assert_eq!(state.assessment.get_untracked().organisation, "Future Org");
    // Even a change that reached the screen is never saved over a newer version's record.
    state.assessment.update(|a| a.set_organisation("Changed"));
    assert_eq!(store.open.note_change(state), None);
    store.open.flush(state);
    assert_eq!(bench.records.get(&key).unwrap().as_deref(), Some(text));
}

#[test]
fn an_unreadable_record_is_kept_aside_listed_as_a_problem_and_removed_only_when_asked() {
    let (store, _, bench) = world();
    let key = record_key::<SavedAssessment>("broken");
    bench.records.set(&key, "{\"schema\":2,\"id\":").unwrap();
    store.library.refresh();
    assert!(store.library.entries.get_untracked().is_empty());
    let problems = store.library.problems.get_untracked();
    assert!(
        matches!(problems.as_slice(), [Problem::Unreadable { .. }]),
        "{problems:?}"
    );
    let backups = store.library.backups.get_untracked();
    assert_eq!(backups.len(), 1);
    assert!(backups[0].0.starts_with(BACKUP_PREFIX));
    assert_eq!(backups[0].1, "{\"schema\":2,\"id\":");
    assert_eq!(bench.records.get(&key).unwrap(), None);

    store.library.remove_backup(&backups[0].0);
    assert!(store.library.backups.get_untracked().is_empty());
    assert_eq!(bench.records.get(&backups[0].0).unwrap(), None);
}

#[test]
fn deleting_the_open_assessment_keeps_its_latest_edits_for_undo_and_shows_the_start() {
    let (store, state, bench) = world();
    let id = create(&store, state, "Acme");
    // Another tab saved its version, so this tab's change cannot be saved before the delete:
    // undo must bring back what was on screen.
    let mut theirs = bench.assessment(&id);
    theirs.assessment.set_note("precondition.coe", "Seen twice");
    bench.records.write(&theirs, Some(1)).unwrap();
    edit_and_autosave(&store, state, |a| {
        a.set_note("precondition.coe", "Seen three times")
    });
    assert!(store.conflicts.conflict.get_untracked().is_some());

    store.delete(state, &id);
    assert_eq!(bench.records.read::<SavedAssessment>(&id), None);
    assert_eq!(store.open.opened.get_untracked(), Opened::Nothing);
    assert_eq!(state.view.get_untracked(), View::Start);
    assert!(store.library.entries.get_untracked().is_empty());

    store.library.undo_delete();
    let restored = bench.assessment(&id);
    assert_eq!(
        restored
            .assessment
            .notes
            .get("precondition.coe")
            .map(String::as_str),
        Some("Seen three times")
    );
    assert_eq!(said(&store).as_deref(), Some("Restored “Acme”."));
    assert_eq!(store.library.entries.get_untracked().len(), 1);
    assert!(store.library.deleted.get_untracked().is_empty());
}

#[test]
fn renaming_an_entry_that_is_not_open_writes_its_record_and_the_list() {
    let (store, state, bench) = world();
    let id = create(&store, state, "Acme");
    store.open.close_without_saving(state);
    store.rename(state, &id, "  Acme Logistics ");
    let record = bench.assessment(&id);
    assert_eq!(record.assessment.organisation, "Acme Logistics");
    assert_eq!(record.revision, 2);
    assert_eq!(
        store.library.entries.get_untracked()[0].name,
        "Acme Logistics"
    );
}

#[test]
fn a_duplicate_is_a_new_entry_and_another_respondent() {
    let (store, state, bench) = world();
    let id = create(&store, state, "Acme");
    assert!(state.assessment.get_untracked().respondent.is_some());
    store.library.duplicate(&id);
    let entries = store.library.entries.get_untracked();
    assert_eq!(entries.len(), 2);
    let copy = entries.iter().find(|e| e.id != id).unwrap();
    assert_eq!(copy.name, "Copy of Acme");
    let record = bench.assessment(&copy.id);
    assert_eq!(record.assessment.respondent, None);
    assert_eq!(
        said(&store).as_deref(),
        Some("Duplicated as “Copy of Acme”.")
    );
}

#[test]
fn a_file_of_a_name_the_library_holds_waits_for_the_choice_and_replacing_can_be_undone() {
    let (store, state, bench) = world();
    let id = create(&store, state, "Acme");
    store.open.close_without_saving(state);
    let mut theirs = Assessment::new("ACME", "Ann");
    theirs.set_answer("red_flag.no_time_for_structure", Some(Answer::No));
    let bytes = encode_file(&theirs, "2026-12-01").into_bytes();

    let outcome = store.import_file(state, "acme.json", &bytes).unwrap();
    let ImportOutcome::SameName(pending) = outcome else {
        panic!("imported without asking: {outcome:?}");
    };
    assert_eq!(pending.existing.id, id);
    // Nothing changed yet.
    assert_eq!(store.library.entries.get_untracked().len(), 1);

    store.import_replacing(state, *pending).unwrap();
    assert_eq!(bench.records.read::<SavedAssessment>(&id), None);
    let entries = store.library.entries.get_untracked();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].name, "ACME");
    assert_eq!(
        state
            .assessment
            .get_untracked()
            .answer("red_flag.no_time_for_structure"),
        Some(Answer::No)
    );
    assert_eq!(
        said(&store).as_deref(),
        Some("Replaced “Acme” with “acme.json”. The replaced version can be restored with Undo.")
    );
    store.library.undo_delete();
    assert!(bench.records.read::<SavedAssessment>(&id).is_some());
}

#[test]
fn an_invalid_file_changes_nothing_and_says_why() {
    let (store, state, bench) = world();
    create(&store, state, "Acme");
    let keys = bench.records.keys().unwrap();
    let on_screen = state.assessment.get_untracked();
    let error = store
        .import_file(state, "notes.txt", b"not an assessment")
        .unwrap_err();
    assert!(error.to_string().contains("notes.txt"), "{error}");
    assert_eq!(bench.records.keys().unwrap(), keys);
    assert_eq!(state.assessment.get_untracked(), on_screen);
    assert_eq!(store.library.entries.get_untracked().len(), 1);
}

#[test]
fn a_chosen_file_is_read_as_import_file_reads_it_and_its_name_is_said_when_refused() {
    let (store, state, bench) = world();
    create(&store, state, "Acme");
    let keys = bench.records.keys().unwrap();
    let error =
        ready(store.import_chosen_file(state, "notes.txt".into(), b"not an assessment".to_vec()))
            .unwrap_err();
    assert_eq!(
        error,
        store
            .import_file(state, "notes.txt", b"not an assessment")
            .unwrap_err()
    );
    assert!(error.to_string().contains("notes.txt"), "{error}");
    assert_eq!(bench.records.keys().unwrap(), keys);
}

#[test]
fn a_file_reader_that_did_not_arrive_names_the_file_and_says_nothing_changed() {
    let error = crate::app::AppError::FileReaderMissing {
        file_name: "acme.json".into(),
    };
    assert_eq!(
        error.to_string(),
        "“acme.json” was not imported: the part of KOOM Readiness that reads files did not arrive (the connection may have dropped). Nothing was changed; choose the file again, or reload the page."
    );
}
