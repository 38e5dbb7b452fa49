//! Helpers shared by the browser test modules.

use koom_readiness::app::{AppState, Opened, Store, View};
use koom_readiness::domain::{
    readiness_questions, Assessment, SavedAssessment, PREFIX, SCHEMA_VERSION,
};
use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use wasm_bindgen::JsCast;

pub fn fresh_container() -> web_sys::HtmlElement {
    // The later part's views, for the panels (`Lazy`), as `lib.rs` installs them.
    koom_readiness::components::install_parts();
    let document = document();
    let container = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&container).unwrap();
    container.unchecked_into()
}

pub fn text_of(container: &web_sys::HtmlElement, selector: &str) -> String {
    container
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector:?}"))
        .text_content()
        .unwrap_or_default()
}

pub fn elements(root: &web_sys::Element, tag: &str) -> Vec<web_sys::Element> {
    let mut found = Vec::new();
    let mut child = root.first_element_child();
    while let Some(element) = child {
        if element.tag_name() == tag {
            found.push(element.clone());
        }
        found.extend(elements(&element, tag));
        child = element.next_element_sibling();
    }
    found
}

pub fn input(container: &web_sys::HtmlElement, selector: &str) -> web_sys::HtmlInputElement {
    container
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector:?}"))
        .unchecked_into()
}

pub fn attr(container: &web_sys::HtmlElement, selector: &str, name: &str) -> String {
    container
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector:?}"))
        .get_attribute(name)
        .unwrap_or_default()
}

pub fn ready_assessment() -> Assessment {
    let mut a = Assessment::new("Test Org", "");
    for q in readiness_questions() {
        a.set_answer(q.id, Some(q.healthy));
    }
    a
}

pub fn assert_step_states(container: &web_sys::HtmlElement, expected: &[(u8, &str)]) {
    let actual: Vec<(u8, String)> = expected
        .iter()
        .map(|(n, _)| {
            (
                *n,
                attr(container, &format!("li[data-step=\"{n}\"]"), "data-state"),
            )
        })
        .collect();
    let expected: Vec<(u8, String)> = expected.iter().map(|(n, s)| (*n, s.to_string())).collect();
    assert_eq!(actual, expected);
}

pub fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

pub fn clear_koom_keys() {
    let s = local_storage();
    let keys: Vec<String> = (0..s.length().unwrap())
        .filter_map(|i| s.key(i).unwrap())
        .filter(|k| k.starts_with(PREFIX) || k.starts_with("filler-"))
        .collect();
    for k in keys {
        s.remove_item(&k).unwrap();
    }
}

pub fn saved(id: &str, organisation: &str) -> SavedAssessment {
    SavedAssessment {
        schema: SCHEMA_VERSION,
        id: id.to_string(),
        revision: 0,
        updated_at: 1,
        assessment: Assessment::new(organisation, ""),
    }
}

pub fn ids() -> impl FnMut() -> String {
    let mut n = 0;
    move || {
        n += 1;
        format!("migrated-{n}")
    }
}

pub fn clear_filler() {
    let s = local_storage();
    let keys: Vec<String> = (0..s.length().unwrap())
        .filter_map(|i| s.key(i).unwrap())
        .filter(|k| k.starts_with("filler-"))
        .collect();
    for k in keys {
        s.remove_item(&k).unwrap();
    }
}

pub async fn mount_store_with(
    organisation: &str,
) -> (
    web_sys::HtmlElement,
    leptos::mount::UnmountHandle<leptos::tachys::view::any_view::AnyViewState>,
    AppState,
    Store,
    String,
) {
    let container = fresh_container();
    let state = AppState::new(Assessment::default(), View::Start, false);
    let store_cell = std::rc::Rc::new(std::cell::RefCell::new(None));
    let cell = store_cell.clone();
    let app = mount_to(container.clone(), move || {
        provide_context(state);
        let store = Store::in_browser();
        provide_context(store);
        store.start(state);
        *cell.borrow_mut() = Some(store);
        view! { <p>"store"</p> }.into_any()
    });
    tick().await;
    let store = store_cell.borrow().unwrap();
    store.open.create(
        state,
        Assessment::new(organisation, ""),
        View::Preconditions,
    );
    tick().await;
    let Opened::Saved(id) = store.open.opened.get_untracked() else {
        panic!("not saved")
    };
    (container, app, state, store, id)
}

pub fn dispatch_storage_event(key: &str) {
    let init = web_sys::StorageEventInit::new();
    init.set_key(Some(key));
    let event = web_sys::StorageEvent::new_with_event_init_dict("storage", &init).unwrap();
    web_sys::window().unwrap().dispatch_event(&event).unwrap();
}
