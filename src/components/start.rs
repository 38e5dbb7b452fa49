//! The start screen: what the tool is for, the library of saved assessments, a new
//! assessment, the example, and importing a file.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::keys::on_enter;
use super::parts::{Lazy, Part};
use crate::app::{use_state, use_store, Ask, ImportOutcome, Opened, PendingImport, View};
use crate::browser::{self, storage};
use crate::domain::Problem;
use crate::domain::{
    capitalised, number_word, Assessment, TextKind, MATURITY_REQUIREMENTS, MAX_FILE_BYTES,
    MODEL_VERSION, PRECONDITIONS, RED_FLAGS,
};

/// The first screen a visitor sees.
#[component]
pub fn StartScreen() -> impl IntoView {
    let state = use_state();
    let store = use_store();
    let organisation = RwSignal::new(String::new());
    let import_error = RwSignal::new(None::<String>);
    let pending = RwSignal::new(None::<PendingImport>);
    let assessor = RwSignal::new(String::new());

    // Buttons and Enter rather than a form's submit: a wiki frame sandboxed without
    // `allow-forms` never fires `submit`, and the start must work in every frame.
    // An assessment is found again by its name: "Untitled assessment" is never made silently.
    let name_missing = RwSignal::new(false);
    let start = move || {
        if organisation.with_untracked(|o| o.trim().is_empty()) {
            name_missing.set(true);
            browser::focus("org-name");
            return;
        }
        name_missing.set(false);
        let a = Assessment::new(&organisation.get_untracked(), &assessor.get_untracked());
        organisation.set(String::new());
        assessor.set(String::new());
        store.open.create(state, a, View::Preconditions);
    };
    let import = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        import_error.set(None);
        pending.set(None);
        leptos::task::spawn_local(async move {
            let outcome = match browser::read_chosen_file(&input, MAX_FILE_BYTES).await {
                Ok((name, bytes)) => store.import_chosen_file(state, name, bytes).await,
                Err(e) => Err(e.into()),
            };
            input.set_value("");
            // Shown where the file was chosen, so it is seen without scrolling (also on a phone).
            let focus = match outcome {
                Ok(ImportOutcome::Imported) => return,
                Ok(ImportOutcome::SameName(p)) => {
                    pending.set(Some(*p));
                    "import-choice"
                }
                Err(e) => {
                    import_error.set(Some(e.to_string()));
                    "import-error"
                }
            };
            leptos::task::tick().await;
            browser::scroll_to_and_focus(focus);
        });
    };
    let decide = move |replace: Option<bool>| {
        let Some(p) = pending.get_untracked() else {
            return;
        };
        let result = match replace {
            None => Ok(()),
            Some(true) => store.import_replacing(state, p.clone()),
            Some(false) => {
                store
                    .open
                    .import_as_new(state, &p.file_name, p.assessment.clone(), true)
            }
        };
        pending.set(None);
        if let Err(e) = result {
            import_error.set(Some(e.to_string()));
        }
    };

    view! {
        <section class="start" aria-labelledby="main-heading">
            <super::notices::OpenedBanner memory_only=true/>
            <div class="start-hero">
                <h1 id="main-heading" tabindex="-1">"KOOM Readiness"</h1>
                <p class="lede">
                    {tr!("Is your organisation ready for the Kaizen Organizational Operating Module — or will deploying it break you? ")}
                    {tr!("Answer the pre-flight checklist, get an honest verdict with its reasons, then walk the non-negotiable deployment sequence and check stability afterwards.")}
                </p>
                <p class="model-tag"><a href="#/seed">{trf!("Based on the KOOM Deployment Readiness Layer v{version}", version = MODEL_VERSION)}</a></p>
            </div>
            <div class="start-grid">
                <div class="card start-card" role="group" aria-labelledby="new-assessment-title">
                    <h2 id="new-assessment-title">{tr!("New assessment")}</h2>
                    <label for="org-name">{tr!("Organisation")}</label>
                    <input
                        id="org-name"
                        type="text"
                        autocomplete="organization"
                        maxlength=TextKind::Name.max_chars()
                        placeholder=tr!("e.g. Raccoons Incorporated")
                        aria-invalid=move || name_missing.get().then_some("true")
                        aria-describedby=move || name_missing.get().then_some("org-name-missing")
                        prop:value=move || organisation.get()
                        on:input=move |ev| organisation.set(event_target_value(&ev))
                        on:keydown=move |ev| if on_enter(&ev) { start() }
                    />
                    <Show when=move || name_missing.get()>
                        <p class="field-problem" id="org-name-missing" role="alert">{tr!("Name the organisation first: the name is how you find this assessment again, and what its report and file are called.")}</p>
                    </Show>
                    <label for="assessor">{tr!("Assessor ")} <span class="optional">{tr!("(optional)")}</span></label>
                    <input
                        id="assessor"
                        type="text"
                        autocomplete="name"
                        maxlength=TextKind::Name.max_chars()
                        prop:value=move || assessor.get()
                        on:input=move |ev| assessor.set(event_target_value(&ev))
                        on:keydown=move |ev| if on_enter(&ev) { start() }
                    />
                    <button type="button" class="primary" on:click=move |_| start()>{tr!("Start an assessment")}</button>
                </div>
                <div class="card start-card">
                    <h2>{tr!("See an example")}</h2>
                    <p>{tr!("Raccoons Incorporated: a healthy deployment over two alignment cycles, read-only. Copy it to start from it.")}</p>
                    <button type="button" class="secondary" on:click=move |_| store.open.open_example(state)>{tr!("Open the Raccoons Inc. example")}</button>
                </div>
                <div class="card start-card">
                    <h2>{tr!("Import a file")}</h2>
                    <p>{tr!("Open an assessment or a team view exported from KOOM Readiness (.json). It is checked first; an invalid file changes nothing.")}</p>
                    <label for="import-file" class="file-label">{tr!("Choose a file")}</label>
                    <input id="import-file" type="file" accept=".json,application/json" on:change=import
                        aria-describedby=move || import_error.with(|e| e.is_some()).then_some("import-error")/>
                    {move || import_error.get().map(|message| view! {
                        <p class="import-error" id="import-error" role="alert" tabindex="-1">{message}</p>
                    })}
                    {move || pending.get().map(|p| view! {
                        <div class="import-choice" id="import-choice" role="alertdialog" tabindex="-1"
                            aria-labelledby="import-choice-text">
                            <p id="import-choice-text">
                                {trf!(
                                    "“{name}” is already in your library (changed {date}). Replace it with “{file}” (the replaced version can be restored with Undo), or keep both?",
                                    name = p.existing.name,
                                    date = browser::date_time_label(p.existing.updated_at, crate::domain::texts().language()),
                                    file = p.file_name
                                )}
                            </p>
                            <div class="notice-actions">
                                <button type="button" class="primary" on:click=move |_| decide(Some(true))>{tr!("Replace it")}</button>
                                <button type="button" class="secondary" on:click=move |_| decide(Some(false))>{tr!("Keep both")}</button>
                                <button type="button" class="link-button" on:click=move |_| decide(None)>{tr!("Cancel")}</button>
                            </div>
                        </div>
                    })}
                </div>
            </div>
            <Library/>
            // The section's heading and words are here from the start, and its body's room is
            // kept (`Lazy`), so what follows does not move when the body comes.
            <section class="library team-library-list" aria-labelledby="teams-title">
                <h2 id="teams-title">{tr!("Team views")}</h2>
                <p class="muted">{tr!("Several people answer on their own; a team view combines their answers, shows where they disagree and gives the agenda for the meeting that decides.")}</p>
                <Lazy part=Part::TeamLibrary/>
            </section>
            {(!state.embed).then(|| view! { <Lazy part=Part::EmbedSnippet/> })}
            <ul class="start-facts">
                <li>{trf!("{preconditions} preconditions, {maturity} maturity requirements, {red_flags} red flags — any one means stop.", preconditions = capitalised(&number_word(PRECONDITIONS.len())), maturity = number_word(MATURITY_REQUIREMENTS.len()), red_flags = number_word(RED_FLAGS.len()))}</li>
                <li>{tr!("“Not sure” is an honest answer: it never counts as a pass.")}</li>
                {if storage::probe().is_ok() {
                    view! {
                        <li data-fact="storage">
                            {tr!("Answers are saved automatically in this browser only — nothing is sent anywhere. ")}
                            {move || match store.library.persisted.get() {
                                Some(true) => tr!("The browser agreed to keep them even when space runs low."),
                                Some(false) => tr!("The browser may clear them if space runs low: export files for a durable copy."),
                                None => "",
                            }}
                        </li>
                    }.into_any()
                } else {
                    view! {
                        <li data-fact="storage">{tr!("This browser keeps nothing for this page (storage is off): answers live in memory only until the page closes — export a file to keep them. Nothing is sent anywhere.")}</li>
                    }.into_any()
                }}
            </ul>
        </section>
    }
}

/// The saved assessments, newest change first, with their actions.
#[component]
fn Library() -> impl IntoView {
    let state = use_state();
    let store = use_store();
    let renaming = RwSignal::new(None::<(String, String)>);
    // Saved data that could not be read: its notices come with the later part.
    let kept_aside = Memo::new(move |_| {
        store.library.problems.with(|p| !p.is_empty())
            || store.library.backups.with(|b| !b.is_empty())
    });
    view! {
        <section class="library" aria-labelledby="library-title">
            <h2 id="library-title">{tr!("Your assessments")}</h2>
            <Show
                when=move || store.library.entries.with(|e| !e.is_empty())
                fallback=|| view! { <p class="muted">{tr!("None saved yet. Start one above, or open the example.")}</p> }
            >
                <ul class="library-list">
                    <For
                        each=move || store.library.entries.get()
                        key=|e| (e.id.clone(), e.name.clone(), e.updated_at, e.stage.clone())
                        let:entry
                    >
                        {
                            let id = entry.id.clone();
                            let is_open = {
                                let id = id.clone();
                                move || store.open.opened.get() == Opened::Saved(id.clone())
                            };
                            let (open_id, rename_id, dup_id, export_id, delete_id) = (id.clone(), id.clone(), id.clone(), id.clone(), id.clone());
                            let editing = {
                                let id = id.clone();
                                move || renaming.with(|r| r.as_ref().map(|(i, _)| i == &id).unwrap_or(false))
                            };
                            let name = entry.name.clone();
                            let rename_input = format!("rename-{}", entry.id);
                            let rename_label = rename_input.clone();
                            view! {
                                <li class="library-entry card" data-entry=entry.id.clone() data-verdict=entry.verdict.token() data-tone=entry.tone>
                                    <div class="entry-main">
                                        <button type="button" class="entry-name link-button" on:click=move |_| store.open.open(state, &open_id)>
                                            {entry.name.clone()}
                                        </button>
                                        <p class="entry-meta">
                                            <span class="verdict-chip">{entry.stage.clone()}</span>
                                            {(entry.round > 1).then(|| trf!(" · round {number}", number = entry.round))}
                                            {(!entry.assessor.is_empty()).then(|| format!(" · {}", entry.assessor))}
                                            {trf!(" · changed {date}", date = browser::date_time_label(entry.updated_at, crate::domain::texts().language()))}
                                            {move || is_open().then(|| tr!(" · open now"))}
                                            {entry.newer.then(|| tr!(" · saved by a newer version (read-only)"))}
                                        </p>
                                    </div>
                                    <Show when=editing.clone()>
                                        {
                                            let id = rename_id.clone();
                                            let save = move || {
                                                if let Some((_, text)) = renaming.get_untracked() {
                                                    store.rename(state, &id, &text);
                                                }
                                                renaming.set(None);
                                            };
                                            view! {
                                                <div class="rename" role="group" aria-label=tr!("Rename")>
                                                    <label for=rename_label.clone()>{tr!("New name")}</label>
                                                    <input id=rename_input.clone() type="text"
                                                        prop:value=move || renaming.with(|r| r.as_ref().map(|(_, t)| t.clone()).unwrap_or_default())
                                                        on:input=move |ev| renaming.update(|r| if let Some((_, t)) = r { *t = event_target_value(&ev) })
                                                        on:keydown={
                                                            let save = save.clone();
                                                            move |ev| if on_enter(&ev) { save() }
                                                        }/>
                                                    <button type="button" class="primary" on:click=move |_| save()>{tr!("Save name")}</button>
                                                    <button type="button" class="secondary" on:click=move |_| renaming.set(None)>{tr!("Cancel")}</button>
                                                </div>
                                            }
                                        }
                                    </Show>
                                    <div class="entry-actions">
                                        {(!entry.newer).then(|| {
                                            let (rid, name) = (id.clone(), name.clone());
                                            view! {
                                                <button type="button" class="link-button" on:click=move |_| renaming.set(Some((rid.clone(), name.clone())))>
                                                    {tr!("Rename")} <span class="visually-hidden">" " {entry.name.clone()}</span>
                                                </button>
                                            }
                                        })}
                                        {(!entry.newer).then(|| {
                                            let (dup_id, export_id, name) = (dup_id.clone(), export_id.clone(), entry.name.clone());
                                            view! {
                                                <button type="button" class="link-button" on:click=move |_| store.library.duplicate(&dup_id)>
                                                    {tr!("Duplicate")} <span class="visually-hidden">" " {name.clone()}</span>
                                                </button>
                                                <button type="button" class="link-button" on:click=move |_| {
                                                    store.export_entry(state, &export_id);
                                                }>
                                                    {tr!("Export file")} <span class="visually-hidden">{tr!(" of ")} {name}</span>
                                                </button>
                                            }
                                        })}
                                        {(!entry.newer).then(|| view! {
                                            <button type="button" class="link-button danger-link" on:click=move |_| store.delete(state, &delete_id)>
                                                {tr!("Delete")} <span class="visually-hidden">" " {entry.name.clone()}</span>
                                            </button>
                                        })}
                                    </div>
                                </li>
                            }
                        }
                    </For>
                </ul>
            </Show>
            {move || kept_aside.get().then(|| view! { <Lazy part=Part::KeptAside/> })}
        </section>
    }
}

/// Unreadable records, kept aside instead of overwritten: download or remove them.
#[component]
pub fn KeptAside() -> impl IntoView {
    let state = use_state();
    let store = use_store();
    let backups = store.library.backups;
    view! {
        {move || {
            let notes: Vec<String> = store.library.problems.with(|problems| problems.iter().filter_map(|p| match p {
                Problem::Newer { key, schema } => Some(trf!("“{key}” was saved by a newer version of KOOM Readiness (format {schema}) that this version cannot read. It is left untouched for that version.", key = key, schema = schema)),
                Problem::Unreadable { key, backup_key: None, reason } => Some(trf!("“{key}” could not be read ({reason}) and could not be copied aside either (is storage full?). It is left in place, untouched.", key = key, reason = reason)),
                Problem::Unreadable { backup_key: Some(_), .. } => None,
            }).collect());
            (!notes.is_empty()).then(|| view! {
                <div class="notice notice-warning" data-notice="problems">
                    <ul class="plain">{notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                </div>
            })
        }}
        <Show when=move || backups.with(|b| !b.is_empty())>
            <div class="notice notice-warning kept-aside" data-notice="kept-aside">
                <div>
                    <p><strong>{tr!("Saved data that could not be read was kept aside, untouched.")}</strong>
                        {tr!(" Download it to inspect or recover it; remove it only when you no longer need it.")}</p>
                    <ul class="plain">
                        {move || backups.get().into_iter().map(|(key, raw)| {
                            let (download_key, remove_key) = (key.clone(), key.clone());
                            view! {
                                <li>
                                    <code>{key.clone()}</code> {trf!(" ({count} characters) ", count = raw.chars().count())}
                                    <button type="button" class="link-button" on:click=move |_| {
                                        let name = format!("{}.txt", download_key.replace('/', "-"));
                                        store.notices.offer_file(state.framed, &name, "text/plain", raw.clone());
                                    }>{tr!("Download")}</button>
                                    " "
                                    <button type="button" class="link-button" on:click=move |_| {
                                        let key = remove_key.clone();
                                        store.dialogs.ask(Ask {
                                            title: tr!("Remove this unreadable copy for good?").to_string(),
                                            message: tr!("It cannot be brought back. Download it first if you may need it.").to_string(),
                                            confirm: tr!("Remove it").to_string(),
                                            cancel: tr!("Keep it").to_string(),
                                        }, move || store.library.remove_backup(&key));
                                    }>{tr!("Remove")}</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </div>
            </div>
        </Show>
    }
}
