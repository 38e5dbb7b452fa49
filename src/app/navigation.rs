//! Every view has an address (`domain::Route`, in the URL fragment): the address follows what
//! is on screen (a new history entry per view, so Back and Forward walk them), and an address
//! typed, linked or reached with Back is followed — never replacing unsaved work without the
//! user's word.

use leptos::prelude::*;

use super::open::Opened;
use super::state::{AppState, View};
use super::store::Store;
use crate::browser::{self, location};
use crate::domain::{parse_address, Route};

impl Store {
    /// The address of what is on screen.
    pub fn route(&self, state: AppState) -> Route {
        let view = state.view.get();
        if view == View::Team {
            if let Some(id) = self.teams.open_id() {
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
                self.notices.say(
                    "That address named an assessment kept in memory only; it does not survive a reload or another tab. Your library is below.",
                );
                state.go(View::Start);
                false
            }
            Route::Shared { payload, page } => self.open_shared(state, payload, View::of(*page)),
            Route::Compare { sides } => self.open_compare(state, sides.clone()),
            Route::BadCompare { error, .. } => {
                self.refuse_compare(state, &error.reason());
                false
            }
            Route::Team { id } => {
                let shown = self.teams.open_saved(state, id);
                if !shown && state.view.get_untracked() == View::Team {
                    state.go(View::Start);
                }
                shown
            }
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
                self.notices.say(format!(
                    "“{fragment}” is not an address KOOM Readiness knows. Your library is below."
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

/// The address the page was opened at, if it has one (without one, the saved session may
/// reopen what was open last).
pub(super) fn initial_route() -> Option<Route> {
    let fragment = location::fragment();
    // A bare address (no fragment at all) is a new visit; `#/` is the start screen asked for.
    // A share link damaged on its way (a ")" after it, a line wrap inside) is mended first.
    (!fragment.is_empty()).then(|| parse_address(&fragment))
}
