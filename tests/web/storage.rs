//! The browser storage layer: the library in localStorage and its failure modes.

use koom_readiness::browser::storage::{self, LocalStore};
use koom_readiness::domain::{
    load_library, record_key, Answer, Assessment, Problem, RecordStore, SavedAssessment,
    StorageError, BACKUP_PREFIX, LEGACY_CURRENT_KEY,
};
use wasm_bindgen_test::*;

use crate::support::*;

#[wasm_bindgen_test]
fn library_records_round_trip_with_revisions() {
    clear_koom_keys();
    let first = LocalStore.write(&saved("a", "Alpha"), None).unwrap();
    assert_eq!(first.revision, 1);
    let second = LocalStore.write(&first, Some(1)).unwrap();
    assert_eq!(second.revision, 2);
    let library = load_library(&LocalStore, 5, true, ids()).unwrap();
    assert_eq!(library.records.len(), 1);
    assert_eq!(library.records[0].assessment.organisation, "Alpha");
    assert!(library.problems.is_empty());
    clear_koom_keys();
}

#[wasm_bindgen_test]
fn a_write_over_another_tabs_change_is_refused() {
    clear_koom_keys();
    let mine = LocalStore.write(&saved("a", "Mine"), None).unwrap();
    // Another tab saves revision 2 in between.
    LocalStore.write(&mine, Some(1)).unwrap();
    let err = LocalStore.write(&mine, Some(1)).unwrap_err();
    assert_eq!(err, StorageError::ChangedElsewhere { stored: Some(2) });
    LocalStore.delete::<SavedAssessment>("a").unwrap();
    assert_eq!(
        LocalStore.write(&mine, Some(2)).unwrap_err(),
        StorageError::ChangedElsewhere { stored: None }
    );
    clear_koom_keys();
}

#[wasm_bindgen_test]
fn corrupt_records_are_moved_aside_and_the_rest_of_the_library_opens() {
    clear_koom_keys();
    LocalStore.write(&saved("good", "Good"), None).unwrap();
    let corrupt = "{\"schema\":2,\"id\":\"bad\",\"assessment\":";
    local_storage()
        .set_item(&record_key::<SavedAssessment>("bad"), corrupt)
        .unwrap();

    let library = load_library(&LocalStore, 1234, true, ids()).unwrap();
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
    assert_eq!(key, &record_key::<SavedAssessment>("bad"));
    assert!(backup.starts_with(BACKUP_PREFIX));
    assert_eq!(
        local_storage().get_item(backup).unwrap().as_deref(),
        Some(corrupt)
    );
    assert_eq!(
        local_storage()
            .get_item(&record_key::<SavedAssessment>("bad"))
            .unwrap(),
        None
    );
    assert_eq!(
        LocalStore.backups(),
        vec![(backup.clone(), corrupt.to_string())]
    );
    clear_koom_keys();
}

#[wasm_bindgen_test]
fn a_record_from_a_newer_schema_is_read_only_and_never_overwritten() {
    clear_koom_keys();
    let future = r#"{"schema":99,"id":"f","revision":4,"updated_at":9.0,"assessment":{"organisation":"Future Org"},"teams":["x"]}"#;
    local_storage()
        .set_item(&record_key::<SavedAssessment>("f"), future)
        .unwrap();
    let library = load_library(&LocalStore, 1, true, ids()).unwrap();
    assert!(library.records.is_empty());
    assert_eq!(library.newer.len(), 1);
    assert_eq!(library.newer[0].assessment.organisation, "Future Org");
    assert_eq!(
        LocalStore
            .write(&saved("f", "Overwrite attempt"), Some(4))
            .unwrap_err(),
        StorageError::NewerVersionPresent
    );
    assert_eq!(
        local_storage()
            .get_item(&record_key::<SavedAssessment>("f"))
            .unwrap()
            .as_deref(),
        Some(future)
    );
    clear_koom_keys();
}

#[wasm_bindgen_test]
fn a_newer_record_this_version_cannot_read_stays_where_it_is() {
    clear_koom_keys();
    let future = r#"{"schema":99,"layout":"something else entirely"}"#;
    local_storage()
        .set_item(&record_key::<SavedAssessment>("future"), future)
        .unwrap();
    let library = load_library(&LocalStore, 1, true, ids()).unwrap();
    assert_eq!(
        library.problems,
        vec![Problem::Newer {
            key: record_key::<SavedAssessment>("future"),
            schema: 99
        }]
    );
    assert_eq!(
        local_storage()
            .get_item(&record_key::<SavedAssessment>("future"))
            .unwrap()
            .as_deref(),
        Some(future)
    );
    assert!(LocalStore.backups().is_empty());
    clear_koom_keys();
}

#[wasm_bindgen_test]
fn the_schema_1_record_is_migrated_into_the_library() {
    clear_koom_keys();
    let mut old = Assessment::new("Legacy Org", "Lee");
    old.set_answer("precondition.coe.training_owner", Some(Answer::Yes));
    // The assessment's JSON as a current record holds it, inside the schema-1 layout.
    let record = koom_readiness::domain::encode_saved(&SavedAssessment {
        schema: 3,
        id: "x".into(),
        revision: 1,
        updated_at: 0,
        assessment: old.clone(),
    });
    let assessment = koom_readiness::domain::parse_json(&record).unwrap();
    let assessment = assessment.get("assessment").unwrap().to_compact();
    let v1 = format!("{{\"schema\":1,\"view\":\"maturity\",\"assessment\":{assessment}}}");
    local_storage().set_item(LEGACY_CURRENT_KEY, &v1).unwrap();

    let library = load_library(&LocalStore, 77, true, ids()).unwrap();
    assert_eq!(library.records.len(), 1);
    assert_eq!(library.records[0].id, "migrated-1");
    assert_eq!(library.records[0].assessment, old);
    let session = library.session.unwrap();
    assert_eq!(session.open.as_deref(), Some("migrated-1"));
    assert_eq!(session.view, "maturity");
    assert_eq!(local_storage().get_item(LEGACY_CURRENT_KEY).unwrap(), None);
    clear_koom_keys();
}

#[wasm_bindgen_test]
fn a_full_storage_reports_quota_exceeded_and_changes_nothing() {
    clear_koom_keys();
    let before = LocalStore.write(&saved("q", "Quota Org"), None).unwrap();
    // Fill the quota for real, to the last few characters (a note is bounded, so the write
    // that must fail is small).
    let mut n = 0;
    for size in [512 * 1024, 32 * 1024, 1024, 16] {
        let chunk = "x".repeat(size);
        while local_storage()
            .set_item(&format!("filler-{n}"), &chunk)
            .is_ok()
        {
            n += 1;
            assert!(n < 4000, "storage never filled up");
        }
    }
    let mut bigger = before.clone();
    bigger
        .assessment
        .set_note("precondition.coe.training_owner", &"y".repeat(2_000));
    let err = LocalStore.write(&bigger, Some(1)).unwrap_err();
    clear_filler();
    assert_eq!(err, StorageError::QuotaExceeded);
    assert!(err.to_string().contains("storage for this site is full"));
    let stored = LocalStore.read::<SavedAssessment>("q").unwrap().unwrap();
    assert_eq!(stored, before);
    clear_koom_keys();
}

#[wasm_bindgen_test]
fn missing_storage_is_detected_before_anything_can_throw() {
    // As in a sandboxed iframe: reading window.localStorage throws.
    js_sys::eval(
        "window.__koomSaved = Object.getOwnPropertyDescriptor(Window.prototype, 'localStorage') || Object.getOwnPropertyDescriptor(window, 'localStorage');\
         Object.defineProperty(window, 'localStorage', { configurable: true, get() { throw new DOMException('denied', 'SecurityError'); } });",
    )
    .unwrap();
    let probe = storage::probe();
    let load = load_library(&LocalStore, 1, true, ids());
    let write = LocalStore.write(&saved("x", "X"), None);
    js_sys::eval("delete window.localStorage; if (!('localStorage' in window)) Object.defineProperty(window, 'localStorage', window.__koomSaved);").unwrap();
    assert_eq!(probe, Err(StorageError::Unavailable));
    assert_eq!(load.unwrap_err(), StorageError::Unavailable);
    assert_eq!(write.unwrap_err(), StorageError::Unavailable);
    assert!(
        storage::probe().is_ok(),
        "storage restored for the other tests"
    );
}
