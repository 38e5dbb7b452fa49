//! The app layer's decisions, natively: what it saves, what it asks before it drops anything,
//! and what it shows, with the parts built over a [`Bench`] platform (records in memory, a clock
//! that moves a second per reading, focus moves written down) instead of the browser. What
//! needs a page is the browser suites' (`tests/web`, `tests/e2e`): rendering, the focus after a
//! render, share links (made with the browser's clock and random bytes, read by inflating them
//! in the browser), the comparison (it reads links too), downloads, and the start-up
//! (`Store::start` reads the address and asks for persistent storage).

mod languages;
mod library;
mod open;
mod teams;

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, Once};

use any_spawner::{CustomExecutor, Executor, PinnedFuture, PinnedLocalFuture};

use super::platform::{Host, Platform};
use super::state::{AppState, View};
use super::store::Store;
use crate::domain::{Assessment, KeyValue, MemoryStore, RecordStore, SavedAssessment, SavedTeam};

/// The day the bench's clock reads.
const TODAY: &str = "2026-12-04";

/// A platform for the native tests: records in a map, a clock and ids that count up, and the
/// focus moves the app asked for.
pub(super) struct Bench {
    pub(super) records: MemoryStore,
    clock: AtomicU64,
    ids: AtomicU64,
    focused: Mutex<Vec<String>>,
}

impl Bench {
    /// The saved assessment of this id, which must be there and readable.
    pub(super) fn assessment(&self, id: &str) -> SavedAssessment {
        self.records.read(id).expect("saved").expect("readable")
    }

    /// The saved team view of this id, which must be there and readable.
    pub(super) fn team(&self, id: &str) -> SavedTeam {
        self.records.read(id).expect("saved").expect("readable")
    }

    /// The focus moves asked for so far, oldest first.
    pub(super) fn focused(&self) -> Vec<String> {
        self.focused.lock().unwrap().clone()
    }
}

impl Platform for Bench {
    fn records(&self) -> &dyn KeyValue {
        &self.records
    }

    fn now_ms(&self) -> u64 {
        self.clock.fetch_add(1_000, Ordering::SeqCst)
    }

    fn today_iso(&self) -> String {
        TODAY.into()
    }

    fn date_label(&self, _ms: u64) -> String {
        TODAY.into()
    }

    fn new_id(&self) -> String {
        format!("id{}", self.ids.fetch_add(1, Ordering::SeqCst))
    }

    fn token_bytes(&self) -> [u8; 8] {
        [self.ids.fetch_add(1, Ordering::SeqCst) as u8; 8]
    }

    fn focus(&self, id: &str) {
        self.focused.lock().unwrap().push(id.into());
    }

    fn focus_soon(&self, id: &'static str) {
        self.focus(id);
    }
}

/// Tasks the app spawns natively (moving focus once a view has rendered) are dropped: they
/// touch the page, which is the browser suites' to test.
struct NoTasks;

impl CustomExecutor for NoTasks {
    fn spawn(&self, _: PinnedFuture<()>) {}
    fn spawn_local(&self, _: PinnedLocalFuture<()>) {}
    fn poll_local(&self) {}
}

/// A store over a new bench whose records hold at most `quota` characters, and the state on
/// screen (nothing open, the start screen).
pub(super) fn world_with_quota(quota: Option<usize>) -> (Store, AppState, &'static Bench) {
    static EXECUTOR: Once = Once::new();
    EXECUTOR.call_once(|| {
        let _ = Executor::init_custom_executor(NoTasks);
    });
    let mut records = MemoryStore::new();
    records.quota = quota;
    let bench: &'static Bench = Box::leak(Box::new(Bench {
        records,
        clock: AtomicU64::new(1_764_806_400_000),
        ids: AtomicU64::new(1),
        focused: Mutex::new(Vec::new()),
    }));
    let host: Host = bench;
    let store = Store::new(host);
    let state = AppState::new(Assessment::default(), View::Start, false);
    (store, state, bench)
}

/// A store over a new bench without a size limit.
pub(super) fn world() -> (Store, AppState, &'static Bench) {
    world_with_quota(None)
}

/// Creates and opens a saved assessment of `organisation`; its library id.
pub(super) fn create(store: &Store, state: AppState, organisation: &str) -> String {
    store.open.create(
        state,
        Assessment::new(organisation, ""),
        View::Preconditions,
    );
    match store.open.opened.get_untracked() {
        super::Opened::Saved(id) => id,
        other => panic!("not saved: {other:?}"),
    }
}

/// The user changes the assessment on screen, and the autosave's pause ends.
pub(super) fn edit_and_autosave(
    store: &Store,
    state: AppState,
    change: impl FnOnce(&mut Assessment),
) {
    state.edit(change);
    if let Some(change) = store.open.note_change(state) {
        store.open.save_change(state, change);
    }
}

/// What a future of this build gives: without the split build the later part's code is here,
/// so it is ready at once.
pub(super) fn ready<T>(future: impl std::future::Future<Output = T>) -> T {
    let future = std::pin::pin!(future);
    match future.poll(&mut std::task::Context::from_waker(std::task::Waker::noop())) {
        std::task::Poll::Ready(value) => value,
        std::task::Poll::Pending => panic!("the later part's code is part of this build"),
    }
}

/// The message about the last operation.
pub(super) fn said(store: &Store) -> Option<String> {
    store.notices.message.get_untracked()
}

/// The question on screen, by its title.
pub(super) fn asked(store: &Store) -> Option<String> {
    store.dialogs.asking.get_untracked().map(|ask| ask.title)
}

/// Fills the bench's records with another page's data until `slack` characters of `quota` are
/// left.
pub(super) fn fill_up(bench: &Bench, quota: usize, slack: usize) {
    let used: usize = bench
        .records
        .keys()
        .unwrap()
        .iter()
        .map(|k| k.chars().count() + bench.records.get(k).unwrap().unwrap().chars().count())
        .sum();
    let key = "someone-else";
    bench
        .records
        .set(key, &"x".repeat(quota - used - slack - key.len()))
        .unwrap();
}
