//! Team views: who counts as whom when assessments are added, what is asked before answers or
//! people leave the count, and another tab's change.

use leptos::prelude::*;

use super::{asked, create, edit_and_autosave, ready, said, world};
use crate::app::{TeamSave, View, UNDO_REMOVE_ID, UNDO_REPLACE_ID};
use crate::domain::{all_questions, record_key, Answer, KeyValue, RecordStore, SavedTeam};

/// Two saved assessments with the same (healthy) answers, by two people; their ids.
fn two_alike(store: &crate::app::Store, state: crate::app::AppState) -> (String, String) {
    let mut ids = Vec::new();
    for name in ["Ann", "Ben"] {
        let id = create(store, state, "Acme");
        edit_and_autosave(store, state, |a| {
            a.assessor = name.into();
            for q in all_questions() {
                a.set_answer(q.id, Some(q.healthy));
            }
        });
        ids.push(id);
    }
    (ids[0].clone(), ids[1].clone())
}

#[test]
fn people_who_answer_alike_count_apart_and_the_same_person_counts_once() {
    let (store, state, bench) = world();
    let (ann, ben) = two_alike(&store, state);
    store.teams.create(state, "Ops");
    assert_eq!(state.view.get_untracked(), View::Team);
    let id = store.teams.open_id().unwrap();

    store.teams.add_from_library(vec![ann.clone(), ben], false);
    let outcome = store.teams.outcome.get_untracked().unwrap();
    assert_eq!(outcome.added.len(), 2, "{outcome:?}");
    assert!(outcome.refused.is_empty() && outcome.known.is_empty());
    assert_eq!(bench.focused(), ["team-add-outcome"]);

    store.teams.add_from_library(vec![ann], false);
    let outcome = store.teams.outcome.get_untracked().unwrap();
    assert!(outcome.added.is_empty());
    assert_eq!(outcome.known.len(), 1, "{outcome:?}");
    let saved = bench.team(&id);
    assert_eq!(saved.team.respondents.len(), 2);
    assert_eq!(store.teams.entries.get_untracked()[0].respondents, 2);
    assert_eq!(store.teams.save.get_untracked(), TeamSave::Saved);
}

#[test]
fn a_respondent_who_answered_again_is_replaced_only_when_the_user_says_so_and_undo_brings_back_the_older_answers(
) {
    let (store, state, bench) = world();
    let (ann, _) = two_alike(&store, state);
    store.teams.create(state, "Ops");
    store.teams.add_from_library(vec![ann.clone()], false);
    // Ann changes her mind in her own assessment.
    let mut record = bench.assessment(&ann);
    record
        .assessment
        .set_answer("red_flag.no_time_for_structure", Some(Answer::Yes));
    bench.records.write(&record, Some(record.revision)).unwrap();

    store.teams.add_from_library(vec![ann.clone()], false);
    let outcome = store.teams.outcome.get_untracked().unwrap();
    assert_eq!(outcome.answered_again.len(), 1, "{outcome:?}");
    let question = asked(&store).expect("a question");
    assert!(question.contains("answered again"), "{question}");
    let answer = |store: &crate::app::Store| {
        store.teams.open.with_untracked(|o| {
            o.as_ref().unwrap().team.respondents[0]
                .assessment
                .answer("red_flag.no_time_for_structure")
        })
    };
    assert_eq!(answer(&store), Some(Answer::No));

    store.dialogs.answer(true);
    assert_eq!(answer(&store), Some(Answer::Yes));
    assert_eq!(
        bench.focused().last().map(String::as_str),
        Some(UNDO_REPLACE_ID)
    );
    assert!(store.teams.replaced.get_untracked().is_some());

    store.teams.undo_replace();
    assert_eq!(answer(&store), Some(Answer::No));
    let id = store.teams.open_id().unwrap();
    let saved = bench.team(&id);
    assert_eq!(
        saved.team.respondents[0]
            .assessment
            .answer("red_flag.no_time_for_structure"),
        Some(Answer::No)
    );
}

#[test]
fn removing_a_respondent_asks_first_and_can_be_undone() {
    let (store, state, bench) = world();
    let (ann, ben) = two_alike(&store, state);
    store.teams.create(state, "Ops");
    store.teams.add_from_library(vec![ann, ben], false);
    let count = || {
        store
            .teams
            .open
            .with_untracked(|o| o.as_ref().unwrap().team.respondents.len())
    };

    store.teams.remove_respondent(0);
    assert_eq!(asked(&store).as_deref(), Some("Remove Ann?"));
    store.dialogs.answer(false);
    assert_eq!(count(), 2);

    store.teams.remove_respondent(0);
    store.dialogs.answer(true);
    assert_eq!(count(), 1);
    assert_eq!(
        bench.focused().last().map(String::as_str),
        Some(UNDO_REMOVE_ID)
    );
    store.teams.undo_remove();
    assert_eq!(count(), 2);
    assert_eq!(said(&store).as_deref(), Some("Ann is back."));
}

#[test]
fn another_tab_s_change_to_a_team_view_is_written_over_only_when_the_user_says_so() {
    let (store, state, bench) = world();
    store.teams.create(state, "Ops");
    let id = store.teams.open_id().unwrap();
    let mut theirs = bench.team(&id);
    theirs.team.set_title("Their title");
    bench.records.write(&theirs, Some(theirs.revision)).unwrap();

    store.teams.set_title("My title");
    assert!(matches!(
        store.teams.save.get_untracked(),
        TeamSave::NotSaved(_)
    ));
    assert_eq!(asked(&store).as_deref(), Some("Changed in another tab"));
    let stored = || bench.team(&id);
    assert_eq!(stored().team.title, "Their title");
    store.dialogs.answer(true);
    assert_eq!(stored().team.title, "My title");
    assert_eq!(store.teams.save.get_untracked(), TeamSave::Saved);
}

#[test]
fn deleting_a_team_view_asks_first_and_undo_restores_it() {
    let (store, state, bench) = world();
    store.teams.create(state, "Ops");
    let id = store.teams.open_id().unwrap();
    store.teams.delete(state, &id);
    assert_eq!(asked(&store).as_deref(), Some("Delete “Ops”?"));
    assert!(bench.records.read::<SavedTeam>(&id).is_some());
    store.dialogs.answer(true);
    assert_eq!(bench.records.read::<SavedTeam>(&id), None);
    assert_eq!(store.teams.open_id(), None);
    assert_eq!(state.view.get_untracked(), View::Start);
    store.teams.undo_delete();
    assert!(bench.records.read::<SavedTeam>(&id).is_some());
    assert_eq!(store.teams.entries.get_untracked().len(), 1);
}

#[test]
fn a_team_view_from_a_newer_version_opens_read_only_and_an_add_says_why_nothing_changed() {
    let (store, state, bench) = world();
    let (ann, _) = two_alike(&store, state);
    let key = record_key::<SavedTeam>("future");
    let text = r#"{"schema":99,"kind":"team","id":"future","revision":4,"updated_at":9,"team":{"title":"Future Org","respondents":[]},"weights":{}}"#;
    bench.records.set(&key, text).unwrap();
    assert!(store.teams.open_saved(state, "future"));
    assert!(store
        .teams
        .open
        .with_untracked(|o| o.as_ref().unwrap().read_only));

    store.teams.add_from_library(vec![ann], false);
    let outcome = store.teams.outcome.get_untracked().unwrap();
    assert!(outcome.added.is_empty());
    assert_eq!(
        outcome.refused,
        ["This team view was saved by a newer version: it is read-only here."]
    );
    assert_eq!(bench.records.get(&key).unwrap().as_deref(), Some(text));
}

#[test]
fn a_team_view_opened_is_evaluated_and_reopening_it_from_the_list_brings_the_same_evaluation() {
    let (store, state, bench) = world();
    let (ann, ben) = two_alike(&store, state);
    // Nothing open: nothing to evaluate (the evaluator comes with the code that opens one).
    assert!(store.teams.evaluation.with_untracked(Option::is_none));
    store.teams.create(state, "Ops");
    store.teams.add_from_library(vec![ann, ben], false);
    let evaluated = store
        .teams
        .evaluation
        .with_untracked(|e| e.as_ref().map(|e| (e.respondents, e.verdict)));
    assert_eq!(evaluated.map(|(respondents, _)| respondents), Some(2));
    let id = store.teams.open_id().unwrap();

    // Another store, as after a reload: the list is read, then the view opened from it.
    let again = crate::app::Store::new(bench);
    assert!(again.teams.entries.get_untracked().is_empty());
    again.teams.refresh();
    assert_eq!(again.teams.entries.get_untracked()[0].id, id);
    assert!(again.teams.open_saved(state, &id));
    assert_eq!(
        again
            .teams
            .evaluation
            .with_untracked(|e| e.as_ref().map(|e| (e.respondents, e.verdict))),
        evaluated
    );
}

#[test]
fn a_team_view_an_address_asked_for_opens_only_if_it_is_still_wanted() {
    use crate::app::team::open_requested_team;
    let (store, state, bench) = world();
    store.teams.create(state, "Ops");
    let id = store.teams.open_id().unwrap();
    // A fresh store over the same records (and the same state), where it is not open yet.
    let elsewhere = || crate::app::Store::new(bench);

    // Asked for, and the team page still waiting for it: shown.
    let store = elsewhere();
    store.teams.opening.set(Some(id.clone()));
    state.go(View::Team);
    assert_eq!(
        store.teams.shown_id.get_untracked(),
        Some(id.clone()),
        "the address names it meanwhile"
    );
    assert_eq!(
        ready(open_requested_team(store.teams, state, id.clone())).ok(),
        Some(Some(true))
    );
    assert_eq!(store.teams.open_id(), Some(id.clone()));
    assert_eq!(store.teams.opening.get_untracked(), None);

    // The person went elsewhere meanwhile: not shown, and no longer asked for.
    let store = elsewhere();
    store.teams.opening.set(Some(id.clone()));
    state.go(View::Start);
    assert_eq!(
        ready(open_requested_team(store.teams, state, id.clone())).ok(),
        Some(None)
    );
    assert_eq!(store.teams.open_id(), None);
    assert_eq!(store.teams.opening.get_untracked(), None);

    // Another team view was asked for since: that one stays asked for.
    store.teams.opening.set(Some("other".into()));
    state.go(View::Team);
    assert_eq!(
        ready(open_requested_team(store.teams, state, id.clone())).ok(),
        Some(None)
    );
    assert_eq!(
        store.teams.opening.get_untracked().as_deref(),
        Some("other")
    );
}
