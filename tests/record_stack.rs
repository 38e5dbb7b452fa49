//! The one record stack, natively: the storage policy (`RecordStore`) for both kinds of saved
//! thing, assessments and team views, over an in-memory key-value store. The browser's
//! `localStorage` adapter is tested in Chromium (`tests/web/storage.rs`).

use koom_readiness::domain::{
    load_library, record_key, Answer, Assessment, KeyValue, MemoryStore, Problem, Record,
    RecordStore, Respondent, SavedAssessment, SavedTeam, StorageError, Team, BACKUP_PREFIX,
    LEGACY_CURRENT_KEY, SCHEMA_VERSION, TEAM_SCHEMA_VERSION,
};

/// A record of each kind, named `id`, made the same way for both.
trait Sample: Record + std::fmt::Debug + PartialEq {
    fn sample(id: &str, name: &str, updated_at: u64) -> Self;
    fn name(&self) -> String;
    /// A record of a newer schema that this version can still partly read.
    fn newer_text(id: &str) -> String;
}

impl Sample for SavedAssessment {
    fn sample(id: &str, name: &str, updated_at: u64) -> Self {
        SavedAssessment {
            schema: SCHEMA_VERSION,
            id: id.into(),
            revision: 0,
            updated_at,
            assessment: Assessment::new(name, ""),
        }
    }
    fn name(&self) -> String {
        self.assessment.organisation.clone()
    }
    fn newer_text(id: &str) -> String {
        format!(
            r#"{{"schema":99,"id":"{id}","revision":4,"updated_at":9.0,"assessment":{{"organisation":"Future Org"}},"teams":["x"]}}"#
        )
    }
}

impl Sample for SavedTeam {
    fn sample(id: &str, name: &str, updated_at: u64) -> Self {
        let mut team = Team::new(name);
        team.add(Respondent::new(Some("Ann"), Assessment::new("Acme", "")))
            .unwrap();
        SavedTeam {
            schema: TEAM_SCHEMA_VERSION,
            id: id.into(),
            revision: 0,
            updated_at,
            team,
        }
    }
    fn name(&self) -> String {
        self.team.title.clone()
    }
    fn newer_text(id: &str) -> String {
        format!(
            r#"{{"schema":99,"kind":"team","id":"{id}","revision":4,"updated_at":9,"team":{{"title":"Future Org","respondents":[]}},"weights":{{}}}}"#
        )
    }
}

fn revisions_count_every_write_and_a_stale_write_is_refused<R: Sample>() {
    let store = MemoryStore::new();
    let first = store.write(&R::sample("a", "Alpha", 1), None).unwrap();
    assert_eq!(first.revision(), 1);
    let second = store.write(&first, Some(1)).unwrap();
    assert_eq!(second.revision(), 2);
    // Another tab wrote revision 2 in between: this tab's write from revision 1 is refused
    // and changes nothing.
    assert_eq!(
        store.write(&first, Some(1)).unwrap_err(),
        StorageError::ChangedElsewhere { stored: Some(2) }
    );
    assert_eq!(store.read::<R>("a").unwrap().unwrap(), second);
    // A record that another tab deleted is not silently written back either.
    store.delete::<R>("a").unwrap();
    assert_eq!(
        store.write(&second, Some(2)).unwrap_err(),
        StorageError::ChangedElsewhere { stored: None }
    );
}

#[test]
fn revisions_count_every_write_and_a_stale_write_is_refused_for_every_kind() {
    revisions_count_every_write_and_a_stale_write_is_refused::<SavedAssessment>();
    revisions_count_every_write_and_a_stale_write_is_refused::<SavedTeam>();
}

fn a_record_from_a_newer_version_is_read_only_and_never_overwritten<R: Sample>() {
    let store = MemoryStore::new();
    let key = record_key::<R>("f");
    let text = R::newer_text("f");
    store.set(&key, &text).unwrap();
    let loaded = store.load_all::<R>(1).unwrap();
    assert!(loaded.records.is_empty() && loaded.problems.is_empty());
    assert_eq!(loaded.newer.len(), 1);
    assert_eq!(loaded.newer[0].name(), "Future Org");
    assert_eq!(loaded.newer[0].id(), "f");
    assert_eq!(
        store
            .write(&R::sample("f", "Overwrite attempt", 2), Some(4))
            .unwrap_err(),
        StorageError::NewerVersionPresent
    );
    assert_eq!(store.get(&key).unwrap(), Some(text));
}

#[test]
fn a_record_from_a_newer_version_is_read_only_for_every_kind() {
    a_record_from_a_newer_version_is_read_only_and_never_overwritten::<SavedAssessment>();
    a_record_from_a_newer_version_is_read_only_and_never_overwritten::<SavedTeam>();
}

fn an_unreadable_record_is_moved_aside_and_the_rest_loads<R: Sample>() {
    let store = MemoryStore::new();
    store.write(&R::sample("good", "Good", 1), None).unwrap();
    let bad = record_key::<R>("bad");
    let corrupt = "{\"schema\":1,\"kind\":";
    store.set(&bad, corrupt).unwrap();
    // Nothing is written over it while it is in place.
    assert_eq!(
        store
            .write(&R::sample("bad", "Over it", 1), None)
            .unwrap_err(),
        StorageError::StoredUnreadable
    );

    let loaded = store.load_all::<R>(1234).unwrap();
    assert_eq!(loaded.records.len(), 1);
    assert_eq!(loaded.records[0].id(), "good");
    let [Problem::Unreadable {
        key,
        backup_key: Some(backup),
        reason,
    }] = loaded.problems.as_slice()
    else {
        panic!("expected one unreadable record: {:?}", loaded.problems);
    };
    assert_eq!(key, &bad);
    assert!(backup.starts_with(BACKUP_PREFIX) && backup.ends_with("-1234"));
    assert!(reason.starts_with("unreadable ("), "{reason}");
    assert_eq!(store.get(&bad).unwrap(), None);
    assert_eq!(store.backups(), vec![(backup.clone(), corrupt.to_string())]);
    // Removed only when asked, and only backups.
    assert_eq!(
        store.remove_backup(&record_key::<R>("good")),
        Err(StorageError::Refused("not a backup key".into()))
    );
    store.remove_backup(backup).unwrap();
    assert!(store.backups().is_empty());
}

#[test]
fn an_unreadable_record_is_moved_aside_for_every_kind() {
    an_unreadable_record_is_moved_aside_and_the_rest_loads::<SavedAssessment>();
    an_unreadable_record_is_moved_aside_and_the_rest_loads::<SavedTeam>();
}

#[test]
fn an_unreadable_record_stays_in_place_when_its_copy_cannot_be_written() {
    let store = MemoryStore::new();
    let bad = record_key::<SavedAssessment>("bad");
    let corrupt = "x".repeat(40);
    store.set(&bad, &corrupt).unwrap();
    let mut store = store;
    store.quota = Some(bad.len() + corrupt.len());
    let loaded = store.load_all::<SavedAssessment>(1).unwrap();
    assert!(matches!(
        loaded.problems.as_slice(),
        [Problem::Unreadable {
            backup_key: None,
            ..
        }]
    ));
    assert_eq!(store.get(&bad).unwrap(), Some(corrupt));
}

fn a_newer_record_this_version_cannot_read_stays_where_it_is<R: Sample>(text: &str) {
    let store = MemoryStore::new();
    let key = record_key::<R>("future");
    store.set(&key, text).unwrap();
    let loaded = store.load_all::<R>(1).unwrap();
    assert!(loaded.records.is_empty() && loaded.newer.is_empty());
    assert!(matches!(
        loaded.problems.as_slice(),
        [Problem::Newer { key: k, .. }] if *k == key
    ));
    assert_eq!(store.get(&key).unwrap().as_deref(), Some(text));
    assert!(store.backups().is_empty());
}

#[test]
fn a_newer_record_this_version_cannot_read_stays_where_it_is_for_every_kind() {
    a_newer_record_this_version_cannot_read_stays_where_it_is::<SavedAssessment>(
        r#"{"schema":99,"layout":"something else entirely"}"#,
    );
    a_newer_record_this_version_cannot_read_stays_where_it_is::<SavedTeam>(
        r#"{"schema":7,"kind":"team","layout":"something else entirely"}"#,
    );
}

fn a_delete_is_undone_by_writing_the_record_back<R: Sample>() {
    let store = MemoryStore::new();
    let written = store.write(&R::sample("d", "Deleted", 1), None).unwrap();
    let written = store.write(&written, Some(1)).unwrap();
    store.delete::<R>("d").unwrap();
    assert!(store.read::<R>("d").is_none());
    assert!(store.load_all::<R>(1).unwrap().records.is_empty());
    // Undo: the record the caller kept goes back as a new record, its content whole.
    let restored = store.write(&written, None).unwrap();
    assert_eq!(restored.revision(), 1);
    assert_eq!(restored.name(), "Deleted");
    assert_eq!(store.read::<R>("d").unwrap().unwrap(), restored);
}

#[test]
fn a_delete_is_undone_by_writing_the_record_back_for_every_kind() {
    a_delete_is_undone_by_writing_the_record_back::<SavedAssessment>();
    a_delete_is_undone_by_writing_the_record_back::<SavedTeam>();
}

#[test]
fn the_kinds_live_apart_and_are_listed_newest_first() {
    let store = MemoryStore::new();
    store
        .write(&SavedAssessment::sample("a1", "Older", 1), None)
        .unwrap();
    store
        .write(&SavedAssessment::sample("a2", "Newer", 9), None)
        .unwrap();
    store
        .write(&SavedTeam::sample("t1", "Team", 5), None)
        .unwrap();
    let assessments = store.load_all::<SavedAssessment>(1).unwrap();
    let names: Vec<String> = assessments.records.iter().map(|r| r.name()).collect();
    assert_eq!(names, ["Newer", "Older"]);
    assert!(
        assessments.problems.is_empty(),
        "a team is no damaged assessment"
    );
    let teams = store.load_all::<SavedTeam>(1).unwrap();
    assert_eq!(teams.records.len(), 1);
    assert!(teams.problems.is_empty());
}

#[test]
fn a_full_store_refuses_the_write_and_keeps_the_saved_record() {
    let store = MemoryStore::new();
    let before = store
        .write(&SavedAssessment::sample("q", "Quota Org", 1), None)
        .unwrap();
    let used: usize = store
        .keys()
        .unwrap()
        .iter()
        .map(|k| k.chars().count() + store.get(k).unwrap().unwrap().chars().count())
        .sum();
    let mut store = store;
    store.quota = Some(used + 100);
    let mut bigger = before.clone();
    bigger
        .assessment
        .set_note("precondition.coe.training_owner", &"y".repeat(2_000));
    assert_eq!(
        store.write(&bigger, Some(1)).unwrap_err(),
        StorageError::QuotaExceeded
    );
    assert_eq!(store.read::<SavedAssessment>("q").unwrap().unwrap(), before);
}

#[test]
fn the_schema_1_record_is_migrated_into_the_library_once() {
    let store = MemoryStore::new();
    let mut old = Assessment::new("Legacy Org", "Lee");
    old.set_answer("precondition.coe.training_owner", Some(Answer::Yes));
    let record = koom_readiness::domain::encode_saved(&SavedAssessment {
        assessment: old.clone(),
        ..SavedAssessment::sample("x", "", 0)
    });
    let assessment = koom_readiness::domain::parse_json(&record).unwrap();
    let assessment = assessment.get("assessment").unwrap().to_compact();
    store
        .set(
            LEGACY_CURRENT_KEY,
            &format!("{{\"schema\":1,\"view\":\"maturity\",\"assessment\":{assessment}}}"),
        )
        .unwrap();

    let mut ids = (1..).map(|n| format!("migrated-{n}"));
    let library = load_library(&store, 77, true, || ids.next().unwrap()).unwrap();
    assert_eq!(library.records.len(), 1);
    assert_eq!(library.records[0].id, "migrated-1");
    assert_eq!(library.records[0].assessment, old);
    let session = library.session.unwrap();
    assert_eq!(session.open.as_deref(), Some("migrated-1"));
    assert_eq!(session.view, "maturity");
    assert_eq!(store.get(LEGACY_CURRENT_KEY).unwrap(), None);

    let again = load_library(&store, 78, true, || ids.next().unwrap()).unwrap();
    assert_eq!(again.records.len(), 1, "migrated once");
}

#[test]
fn an_unreadable_schema_1_record_is_moved_aside_first() {
    let store = MemoryStore::new();
    store.set(LEGACY_CURRENT_KEY, "{\"schema\":1,").unwrap();
    let library = load_library(&store, 5, true, || "new".to_string()).unwrap();
    assert!(library.records.is_empty());
    assert!(matches!(
        library.problems.as_slice(),
        [Problem::Unreadable { key, backup_key: Some(_), .. }] if key == LEGACY_CURRENT_KEY
    ));
    assert_eq!(store.get(LEGACY_CURRENT_KEY).unwrap(), None);
}
