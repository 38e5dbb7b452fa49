//! The saved-data state, split by concern into the library, the open assessment (with its
//! autosave), conflicts with other tabs, the notices and questions shown to the user, the
//! comparison and the team views. [`Store`] holds one of each and starts the app. An operation
//! of one concern lives in that concern's module; the operations that span concerns (addresses,
//! rename and delete of the open entry, imports over an entry, export of what is on screen,
//! share links, comparison, team additions) live here, the one place that sees every part, so
//! the parts never import the store and no two of them import each other in a loop.

use leptos::prelude::*;

use super::compare::{resolve, Compared};
use super::conflict::Conflicts;
use super::dialog::Dialogs;
use super::error::AppError;
use super::later::later;
use super::library::Library;
use super::navigation::initial_route;
use super::notices::Notices;
use super::open::{ImportOutcome, OpenAssessment, Opened, PendingImport, SharedInfo};
use super::platform::{Host, BROWSER};
use super::share::read_link;
use super::state::{AppState, View};
use super::team::{open_requested_team, Teams};
use crate::browser::{self, location};
use crate::domain::{
    self, decode_any_file, display_name, end_sentence, parse_address, Assessment, ImportedFile,
    RecordStore, Route, SavedAssessment, Source,
};

/// Everything about saved data, provided as context with [`AppState`].
#[derive(Clone, Copy)]
pub struct Store {
    /// The saved assessments.
    pub library: Library,
    /// Where the assessment on screen comes from, and whether it is saved.
    pub open: OpenAssessment,
    /// Another tab's change to the open assessment, waiting for the user's choice.
    pub conflicts: Conflicts,
    /// Messages for the user.
    pub notices: Notices,
    /// The question asked in the page, if any.
    pub dialogs: Dialogs,
    /// The two assessments compared, when the comparison is on screen.
    pub compared: Compared,
    /// The team views, and the one on screen.
    pub teams: Teams,
    /// Where records are kept, and the clock.
    host: Host,
}

/// The store from context.
pub fn use_store() -> Store {
    expect_context::<Store>()
}

impl Store {
    /// A store in the browser, with nothing loaded yet.
    pub fn in_browser() -> Store {
        Store::new(&BROWSER)
    }

    /// A store on a platform (the browser, or the native tests' stand-in), with nothing
    /// loaded yet.
    pub fn new(host: Host) -> Store {
        let notices = Notices::new();
        let library = Library::new(host, notices);
        let conflicts = Conflicts::new();
        let dialogs = Dialogs::new();
        Store {
            library,
            open: OpenAssessment::new(host, library, conflicts, notices, dialogs),
            dialogs,
            conflicts,
            notices,
            compared: Compared::new(),
            teams: Teams::new(host, notices, dialogs, library),
            host,
        }
    }

    /// Loads the library and reopens what was open; installs autosave and the listeners for
    /// page hiding and other tabs.
    pub fn start(&self, state: AppState) {
        let mut storage_failed = false;
        match self.library.load(true) {
            Err(e) => {
                storage_failed = true;
                self.notices.storage_error.set(Some(e));
            }
            Ok(library) => {
                let session = library.session.clone();
                self.library.set(library.clone());
                if let Some(route) = initial_route() {
                    self.follow(state, &route);
                } else if let Some(session) = session {
                    let record = session
                        .open
                        .and_then(|id| library.records.iter().find(|r| r.id == id).cloned());
                    if let Some(record) = record {
                        let view = View::from_token(&session.view).unwrap_or(View::Preconditions);
                        self.open.open_record(state, record, view);
                    }
                    if let Some(team) = session.view.strip_prefix("team/") {
                        self.open_team(state, team);
                    }
                }
                let persisted = self.library.persisted;
                browser::request_persistence(move |answer| persisted.set(Some(answer)));
            }
        }
        if storage_failed {
            // Without storage an address can still show the example (or say what it cannot).
            if let Some(route) = initial_route() {
                self.follow(state, &route);
            }
        }
        self.open.install_autosave(state, self.teams.shown_id);
        self.open.install_listeners(state);
        self.install_routing(state);
    }

    /// Shows a saved team view ([`super::Teams::open_saved`]) once the code that reads team
    /// views is here (the later part of the split build, usually here already). Meanwhile the
    /// team page says it is loading, and the address and the session name the team view
    /// ([`super::Teams::opening`]); another address or view asked for meanwhile wins. A team
    /// view that cannot be shown says why, and the start screen is shown. Returns `true`: the
    /// answer comes later.
    pub fn open_team(&self, state: AppState, id: &str) -> bool {
        if self.teams.open_id().as_deref() == Some(id) {
            state.go(View::Team);
            return true;
        }
        let (store, id) = (*self, id.to_string());
        self.teams.opening.set(Some(id.clone()));
        state.go(View::Team);
        leptos::task::spawn_local(async move {
            let shown = match open_requested_team(store.teams, state, id.clone()).await {
                Ok(Some(shown)) => shown,
                Ok(None) => return,
                Err(_) => {
                    if !store
                        .teams
                        .opening
                        .with_untracked(|o| o.as_deref() == Some(id.as_str()))
                    {
                        return;
                    }
                    store.teams.opening.set(None);
                    store.notices.say(tr!("The team view could not be opened: the part of KOOM Readiness that reads team views did not arrive (the connection may have dropped). Try again, or reload the page."));
                    false
                }
            };
            if !shown && state.view.get_untracked() == View::Team {
                state.go(View::Start);
            }
        });
        true
    }

    fn is_open(&self, id: &str) -> bool {
        self.open.opened.get_untracked() == Opened::Saved(id.to_string())
    }

    /// A language was picked: the lists whose words were made before (the library's stages
    /// and names) are made again, and a message said in the other language is set aside (it
    /// was about the last operation, which is over). The team views' list is made again by
    /// the views that show it, drawn again in the language picked.
    pub fn language_changed(&self) {
        self.library.refresh();
        self.notices.dismiss_message();
        self.teams.outcome.set(None);
    }

    /// Renames a library entry (the open one through a save of what is on screen).
    pub fn rename(&self, state: AppState, id: &str, name: &str) {
        if self.is_open(id) {
            state.edit(|a| a.set_organisation(name.trim()));
            self.open.dirty.set(true);
            self.open.flush(state);
            self.library.refresh();
        } else {
            self.library.rename_stored(id, name);
        }
    }

    /// Deletes a library entry; it can be restored with [`Library::undo_delete`], with the
    /// latest edits when it was open.
    pub fn delete(&self, state: AppState, id: &str) {
        let is_open = self.is_open(id);
        if is_open {
            self.open.flush(state);
        }
        let Some(Ok(mut record)) = self.host.records().read::<SavedAssessment>(id) else {
            self.notices.say(tr!(
                "That assessment could not be read; it was not deleted."
            ));
            return;
        };
        if is_open {
            // Undo must bring back what was on screen, saved or not.
            record.assessment = state.assessment.get_untracked();
        }
        if self.library.delete(record) {
            if is_open {
                self.open
                    .show(state, Opened::Nothing, Assessment::default(), None);
                state.view.set(View::Start);
            } else {
                // Space freed: what could not be saved for want of it tries again now.
                self.open.flush(state);
            }
        }
    }

    /// Imports a file over the library entry of the same name: the entry is deleted (it can be
    /// restored with undo, like any delete) and the file's assessment opened in its place.
    pub fn import_replacing(
        &self,
        state: AppState,
        pending: PendingImport,
    ) -> Result<(), AppError> {
        let (store, file_name) = (*self, pending.file_name.clone());
        self.open
            .when_replaceable(state, move || store.replace_with_import(state, pending))
            .unwrap_or(Err(AppError::UnsavedChanges { file_name }))
    }

    /// Deletes the entry an import replaces (undo restores it) and imports the file's
    /// assessment as a new entry in its place, replacing what is on screen.
    fn replace_with_import(&self, state: AppState, pending: PendingImport) -> Result<(), AppError> {
        self.delete(state, &pending.existing.id);
        if self
            .host
            .records()
            .read::<SavedAssessment>(&pending.existing.id)
            .is_some()
        {
            return Err(AppError::NotReplaced {
                file_name: pending.file_name,
                existing: pending.existing.name,
            });
        }
        self.open
            .import_now(state, &pending.file_name, pending.assessment, false);
        self.notices.say(trf!(
            "Replaced “{existing}” with “{file_name}”. The replaced version can be restored with Undo.",
            existing = pending.existing.name,
            file_name = pending.file_name
        ));
        Ok(())
    }

    /// Offers a library entry (the open one as on screen) as a JSON file.
    pub fn export_entry(&self, state: AppState, id: &str) {
        if self.is_open(id) {
            self.open.flush(state);
            self.export_open(state);
        } else {
            self.library.export_stored(state.framed, id);
        }
    }
}

// ---- Addresses: every view has one (`domain::Route`, in the URL fragment); the address
// follows what is on screen (a new history entry per view, so Back and Forward walk them), and
// an address typed, linked or reached with Back is followed, never replacing unsaved work
// without the user's word. The address the page opened at is navigation.rs's.

impl Store {
    /// The address of what is on screen.
    pub fn route(&self, state: AppState) -> Route {
        let view = state.view.get();
        if view == View::Team {
            if let Some(id) = self.teams.shown_id.get() {
                return Route::Team { id };
            }
        }
        if view == View::Seed {
            return Route::Seed {
                section: state.seed_section.get(),
            };
        }
        if view == View::Compare {
            if let Some(sides) = self.compared.sides.get() {
                return Route::Compare {
                    sides: sides.into_iter().map(|side| side.source).collect(),
                };
            }
        }
        let Some(page) = view.page() else {
            return Route::Start;
        };
        match self.open.opened.get() {
            Opened::Nothing => Route::Start,
            Opened::Saved(id) | Opened::Newer(id) => Route::Saved { id, page },
            Opened::Example => Route::Example { page },
            Opened::Memory => Route::Memory { page },
            Opened::Shared(info) => Route::Shared {
                payload: info.payload,
                page,
            },
        }
    }

    /// Shows what an address names. Returns whether it is now on screen.
    pub fn follow(&self, state: AppState, route: &Route) -> bool {
        let here = self.route_untracked(state);
        if let Some(page) = route.page() {
            if here.same_subject(route) && here != Route::Start {
                state.go(View::of(page));
                return true;
            }
        }
        match route {
            Route::Start => {
                state.go(View::Start);
                true
            }
            Route::Saved { id, page } => self.open.open_at(state, id, View::of(*page)),
            Route::Example { page } => self.open.open_example_at(state, View::of(*page)),
            Route::Memory { .. } => {
                self.notices.say(tr!(
                    "That address named an assessment kept in memory only; it does not survive a reload or another tab. Your library is below."
                ));
                state.go(View::Start);
                false
            }
            Route::Shared { payload, page } => self.open_shared(state, payload, View::of(*page)),
            Route::Compare { sides } => self.open_compare(state, sides.clone()),
            Route::BadCompare { error, .. } => {
                self.refuse_compare(state, &error.reason());
                false
            }
            Route::Team { id } => self.open_team(state, id),
            Route::Seed { section } => {
                state.seed_section.set(*section);
                state.go(View::Seed);
                if let Some(n) = *section {
                    leptos::task::spawn_local(async move {
                        leptos::task::tick().await;
                        browser::scroll_to_and_focus(&format!("seed-section-{n}"));
                    });
                }
                true
            }
            Route::Unknown(fragment) => {
                self.notices.say(trf!(
                    "“{fragment}” is not an address KOOM Readiness knows. Your library is below.",
                    fragment = fragment
                ));
                state.go(View::Start);
                false
            }
        }
    }

    /// Puts the address of what is on screen back in the address bar (after an address that
    /// could not be followed).
    pub(super) fn show_address_of_screen(&self, state: AppState) {
        location::set_fragment(&self.route_untracked(state).fragment(), false);
    }

    fn route_untracked(&self, state: AppState) -> Route {
        untrack(|| self.route(state))
    }

    /// Keeps the address in step with the screen, and follows the address when the user
    /// changes it (Back, Forward, a typed or pasted address).
    pub(super) fn install_routing(&self, state: AppState) {
        let store = *self;
        Effect::new(move |previous: Option<()>| {
            let fragment = store.route(state).fragment();
            if location::fragment() != fragment {
                // The first address is corrected in place; later changes are history entries.
                location::set_fragment(&fragment, previous.is_some());
            }
        });
        let follow = move || {
            let wanted = parse_address(&location::fragment());
            if store.route_untracked(state) != wanted && !store.follow(state, &wanted) {
                // Not followed (kept unsaved work, or nothing there): the address shows again
                // what is on screen.
                location::set_fragment(&store.route_untracked(state).fragment(), false);
            }
        };
        let pop = window_event_listener(leptos::ev::popstate, move |_| follow());
        let hash = window_event_listener(leptos::ev::hashchange, move |_| follow());
        on_cleanup(move || {
            pop.remove();
            hash.remove();
        });
    }
}

// ---- Comparison: two to six assessments side by side.

impl Store {
    /// Shows assessments side by side, in the order given. A side that cannot be read says
    /// why, and nothing changes.
    pub fn open_compare(&self, state: AppState, sources: Vec<Source>) -> bool {
        let store = *self;
        leptos::task::spawn_local(async move {
            let mut sides = Vec::with_capacity(sources.len());
            for source in sources {
                match resolve(store.host, source).await {
                    Ok(side) => sides.push(side),
                    Err(e) => return store.refuse_compare(state, &e.to_string()),
                }
            }
            store.compared.sides.set(Some(sides));
            state.go(View::Compare);
        });
        true
    }

    /// Says why a comparison cannot be shown, and leaves on screen what was there (the start
    /// screen instead of a comparison that is no longer shown).
    pub(super) fn refuse_compare(&self, state: AppState, reason: &str) {
        self.notices.say(end_sentence(&trf!(
            "The comparison could not be shown: {reason}",
            reason = reason
        )));
        if state.view.get_untracked() == View::Compare {
            state.go(View::Start);
        } else {
            // The address shows again what is on screen.
            self.show_address_of_screen(state);
        }
    }
}

// ---- Export of the open assessment.

impl Store {
    /// Offers the assessment on screen as a JSON file.
    pub fn export_open(&self, state: AppState) {
        if self.open.opened.get_untracked() == Opened::Nothing {
            self.notices
                .say(tr!("No assessment is open, so there is nothing to export. Open one from your assessments below, or export it from its entry there."));
            return;
        }
        let date = self.host.today_iso();
        let (name, text) = state.assessment.with_untracked(|a| {
            (
                domain::file_name(a, &date, "json"),
                domain::encode_file(a, &date),
            )
        });
        self.notices
            .offer_file(state.framed, &name, "application/json", text);
    }
}

// ---- Share links: opening one and saving a copy.

impl Store {
    /// Opens a share link's assessment read-only on a view. Decoding may wait for the browser
    /// to inflate its text; a link that cannot be read says why and changes nothing.
    pub fn open_shared(&self, state: AppState, payload: &str, view: View) -> bool {
        if let Opened::Shared(info) = self.open.opened.get_untracked() {
            if info.payload == payload {
                state.go(view);
                return true;
            }
        }
        let (store, payload) = (*self, payload.to_string());
        self.open
            .when_replaceable(state, move || store.read_shared(state, payload, view))
            .is_some()
    }

    /// Reads a share link's payload (the browser may inflate it first) and shows its
    /// assessment read-only on a view, replacing what is on screen; a link that cannot be read
    /// says why and shows the start screen.
    fn read_shared(&self, state: AppState, payload: String, view: View) {
        let store = *self;
        leptos::task::spawn_local(async move {
            match read_link(&payload).await {
                Ok(shared) => {
                    store.open.show(
                        state,
                        Opened::Shared(SharedInfo {
                            payload,
                            made_on: shared.made_on,
                            includes_notes: shared.includes_notes,
                        }),
                        shared.assessment,
                        None,
                    );
                    state.go(view);
                }
                Err(message) => {
                    store.notices.say(trf!(
                        "This share link could not be opened: {message} Your library is below; nothing in it was changed.",
                        message = message
                    ));
                    state.go(View::Start);
                }
            }
        });
    }

    /// Saves the shared assessment on screen as a new entry of the library (never over an
    /// existing one) and opens it.
    pub fn save_shared_copy(&self, state: AppState) {
        let Opened::Shared(info) = self.open.opened.get_untracked() else {
            return;
        };
        let name = trf!(
            "{name} (shared {date})",
            name = state.assessment.with_untracked(display_name),
            date = info.made_on
        );
        self.open.save_copy(state, name);
    }
}

// ---- Team views: files and shared assessments added to them.

impl Store {
    /// Imports a chosen file ([`Store::import_file`]) once the code that reads files is here
    /// (the later part of the split build, usually here already); if it cannot be fetched,
    /// nothing changes and the error says so.
    pub async fn import_chosen_file(
        &self,
        state: AppState,
        file_name: String,
        bytes: Vec<u8>,
    ) -> Result<ImportOutcome, AppError> {
        let name = file_name.clone();
        import_file_later(*self, state, file_name, bytes)
            .await
            .unwrap_or(Err(AppError::FileReaderMissing { file_name: name }))
    }

    /// Imports a chosen file: a team view file becomes a new team view; anything else is
    /// read as an assessment file ([`super::OpenAssessment::import`]).
    pub fn import_file(
        &self,
        state: AppState,
        file_name: &str,
        bytes: &[u8],
    ) -> Result<ImportOutcome, AppError> {
        match decode_any_file(bytes) {
            Ok(ImportedFile::Team(team)) => {
                self.teams.import(state, file_name, team);
                Ok(ImportOutcome::Imported)
            }
            _ => self.open.import(state, file_name, bytes),
        }
    }

    /// Adds the shared assessment on screen to a team view (`None`: a new one) and shows it.
    pub fn add_shared_to_team(&self, state: AppState, team_id: Option<String>) {
        let assessment = state.assessment.get_untracked();
        let opened = match team_id {
            Some(id) => self.teams.open_saved(state, &id),
            None => {
                self.teams.create(state, "");
                true
            }
        };
        if !opened {
            return;
        }
        let source = trf!("“{name}”", name = domain::display_name(&assessment));
        self.teams.add_assessment(source, assessment);
    }
}

later! {
    /// [`Store::import_file`], in the later part of the split build with the files' readers.
    fn import_file_later(
        store: Store,
        state: AppState,
        file_name: String,
        bytes: Vec<u8>,
    ) -> Result<ImportOutcome, AppError> {
        store.import_file(state, &file_name, &bytes)
    }
}
