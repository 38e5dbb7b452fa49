//! The team view: respondents added from links, files or the library; the conservative team
//! verdict with who reported what; "to discuss" for the meeting; and every item's answers
//! counted, the disagreements alone on demand. Printable like the report.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::agreement::{AgreedVerdict, AgreementControl};
use super::presenter::{Presenter, START_WORKSHOP_ID};
use crate::app::{
    use_state, use_store, TeamSave, View, RESPONDENTS_HEADING_ID, UNDO_REMOVE_ID, UNDO_REPLACE_ID,
};
use crate::browser;
use crate::domain::{
    AgendaLine, AnswerCount, ItemTally, TeamReport, MAX_FILE_BYTES, MAX_RESPONDENTS,
    NOTHING_TO_DISCUSS, NO_DISAGREEMENT, TEAM_VERDICT_RULE,
};

/// The team view page.
#[component]
pub fn TeamView() -> impl IntoView {
    let store = use_store();
    let teams = store.teams;
    let has_open = Memo::new(move |_| teams.open.with(Option::is_some));
    let opening = Memo::new(move |_| teams.opening.with(Option::is_some));
    let read_only =
        Memo::new(move |_| teams.open.with(|o| o.as_ref().is_some_and(|o| o.read_only)));
    let workshop = Memo::new(move |_| teams.workshop.with(Option::is_some));
    // Erased views (into_any) at this level keep the page's type small: a typed tree of every
    // part of the page costs tens of kilobytes of WebAssembly.
    move || {
        if !has_open.get() {
            if opening.get() {
                return view! { <super::parts::PartLoading part="team"/> }.into_any();
            }
            return view! { <h1 id="main-heading" tabindex="-1">{tr!("No team view is open")}</h1> }
                .into_any();
        }
        if workshop.get() {
            return view! { <Presenter/> }.into_any();
        }
        view! {
            <article class="team report" data-respondents=move || teams.open.with(|o| o.as_ref().map_or(0, |o| o.team.respondents.len()))>
                {view! { <TeamHeader/> }.into_any()}
                {view! { <TeamNotices/> }.into_any()}
                {move || (!read_only.get()).then(|| view! { <AddRespondents/> }.into_any())}
                {view! { <Respondents/> }.into_any()}
                {view! { <TeamVerdict/> }.into_any()}
                {view! { <Agenda/> }.into_any()}
                {view! { <Tallies/> }.into_any()}
            </article>
        }
        .into_any()
    }
}

/// Title, who answered, the save state and the report's actions.
#[component]
fn TeamHeader() -> impl IntoView {
    let state = use_state();
    let store = use_store();
    let teams = store.teams;
    let title = Memo::new(move |_| {
        teams.open.with(|o| {
            o.as_ref()
                .map(|o| o.team.display_title())
                .unwrap_or_default()
        })
    });
    let meta = Memo::new(move |_| teams.report().map(|r| r.meta_line()).unwrap_or_default());
    let renaming = RwSignal::new(None::<String>);
    let save_title = move || {
        if let Some(text) = renaming.get_untracked() {
            teams.set_title(&text);
        }
        renaming.set(None);
    };
    let download_markdown = move |_| {
        if let Some((name, text)) = teams.markdown() {
            store
                .notices
                .offer_file(state.framed, &name, "text/markdown", text);
        }
    };
    let download_matrix = move |_| {
        if let Some((name, text)) = teams.matrix_csv() {
            store
                .notices
                .offer_file(state.framed, &name, "text/csv;charset=utf-8", text);
        }
    };
    let agenda_count = Memo::new(move |_| {
        teams
            .evaluation
            .with(|e| e.as_ref().map_or(0, |e| e.agenda.len()))
    });
    let jump = |id: &'static str| {
        move |_| {
            let _ = browser::scroll_to_and_focus(id);
        }
    };
    let copy_markdown = move |_| {
        let Some((_, text)) = teams.markdown() else {
            return;
        };
        leptos::task::spawn_local(async move {
            match browser::copy_to_clipboard(&text).await {
                Ok(()) => store.notices.say(tr!(
                    "The team report was copied as Markdown: paste it into your wiki."
                )),
                Err(e) => store.notices.say(e.to_string()),
            }
        });
    };
    view! {
        <header class="page-header">
            <p class="eyebrow">{tr!("Team view")}</p>
            <h1 id="main-heading" tabindex="-1">{title}</h1>
            <p class="report-meta">{meta}</p>
            <p class="save-status team-save" data-save=move || match teams.save.get() { TeamSave::Saved => "saved", TeamSave::NotSaved(_) => "not-saved" }>
                {move || match teams.save.get() {
                    TeamSave::Saved if teams.open.with(|o| o.as_ref().is_some_and(|o| o.read_only)) => tr!("Saved by a newer version: read-only here").to_string(),
                    TeamSave::Saved => tr!("Saved in this browser").to_string(),
                    TeamSave::NotSaved(_) => tr!("Not saved — see above").to_string(),
                }}
            </p>
            {move || renaming.get().is_some().then(|| view! {
                <div class="rename no-print" role="group" aria-label=tr!("Rename the team view")>
                    <label for="team-title">{tr!("Title")}</label>
                    <input id="team-title" type="text" maxlength=crate::domain::TextKind::Name.max_chars()
                        prop:value=move || renaming.get().unwrap_or_default()
                        on:input=move |ev| renaming.set(Some(event_target_value(&ev)))
                        on:keydown=move |ev| if super::keys::on_enter(&ev) { save_title() }/>
                    <button type="button" class="primary" on:click=move |_| save_title()>{tr!("Save title")}</button>
                    <button type="button" class="secondary" on:click=move |_| renaming.set(None)>{tr!("Cancel")}</button>
                </div>
            })}
            <div class="report-actions no-print">
                <button type="button" class="primary" on:click=move |_| store.notices.report(browser::print())>{tr!("Print or save as PDF")}</button>
                <button type="button" class="secondary" on:click=download_markdown>{tr!("Download Markdown")}</button>
                <button type="button" class="secondary" on:click=copy_markdown>{tr!("Copy Markdown")}</button>
                <button type="button" class="secondary" on:click=download_matrix>{tr!("Item matrix (CSV)")}</button>
                {move || (agenda_count.get() > 0).then(|| view! {
                    <button type="button" id=START_WORKSHOP_ID class="primary" on:click=move |_| super::presenter::start(teams)>{tr!("Run the meeting, item by item")}</button>
                })}
                <button type="button" class="secondary" on:click=move |_| teams.export(state.framed)>{tr!("Export team file (JSON)")}</button>
                {move || (!teams.open.with(|o| o.as_ref().is_some_and(|o| o.read_only))).then(|| view! {
                    <button type="button" class="secondary" on:click=move |_| {
                        renaming.set(Some(title.get_untracked()));
                        leptos::task::spawn_local(async { leptos::task::tick().await; browser::focus("team-title"); });
                    }>{tr!("Rename")}</button>
                })}
                <button type="button" class="link-button" on:click=move |_| state.go(View::Start)>{tr!("Back to the library")}</button>
            </div>
            // The meeting's order is one jump away at every width: the agenda first.
            <nav class="team-jump no-print" aria-label=tr!("On this page")>
                <span class="muted">{tr!("Jump to:")}</span>
                <button type="button" class="link-button" data-jump="agenda" on:click=jump("team-agenda-title")>{move || trf!("To discuss ({count})", count = agenda_count.get())}</button>
                <button type="button" class="link-button" on:click=jump("team-verdict-title")>{tr!("Team verdict")}</button>
                <button type="button" class="link-button" on:click=jump("team-tallies-title")>{tr!("Item by item")}</button>
                <button type="button" class="link-button" on:click=jump(RESPONDENTS_HEADING_ID)>{tr!("Respondents")}</button>
            </nav>
        </header>
    }
}

/// Why the last change is not saved, and the respondent that can be put back.
#[component]
fn TeamNotices() -> impl IntoView {
    let state = use_state();
    let store = use_store();
    let teams = store.teams;
    view! {
        <div class="no-print">
            {move || match teams.save.get() {
                TeamSave::NotSaved(why) => Some(view! {
                    <div class="notice notice-warning" role="alert" data-notice="team-not-saved">
                        <p><strong>{tr!("Not saved. ")}</strong>{why}{tr!(" Export the team file to keep what is on screen.")}</p>
                        <button type="button" class="secondary" on:click=move |_| teams.export(state.framed)>{tr!("Export team file (JSON)")}</button>
                    </div>
                }),
                TeamSave::Saved => None,
            }}
            {move || teams.replaced.get().map(|r| undo_notice(
                "answers-replaced",
                trf!("The newer answers of {names} replaced their older ones.", names = r.labels.join(", ")),
                UNDO_REPLACE_ID,
                Callback::new(move |()| teams.undo_replace()),
                Callback::new(move |()| teams.dismiss_replaced()),
            ))}
            {move || teams.removed.get().map(|r| undo_notice(
                "respondent-removed",
                trf!("Removed {name} from the team view.", name = r.label),
                UNDO_REMOVE_ID,
                Callback::new(move |()| teams.undo_remove()),
                Callback::new(move |()| teams.dismiss_removed()),
            ))}
        </div>
    }
}

/// A change that can be undone: what happened, Undo and Dismiss.
fn undo_notice(
    notice: &'static str,
    text: String,
    undo_id: &'static str,
    undo: Callback<()>,
    dismiss: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="notice notice-info" role="status" data-notice=notice>
            <p>{text}</p>
            <div class="notice-actions">
                <button type="button" class="secondary" id=undo_id on:click=move |_| undo.run(())>{tr!("Undo")}</button>
                <button type="button" class="link-button" on:click=move |_| dismiss.run(())>{tr!("Dismiss")}</button>
            </div>
        </div>
    }
}

/// One list of an add's outcome, with its heading and count; nothing when it is empty.
fn outcome_list(class: &'static str, heading: &'static str, items: Vec<String>) -> impl IntoView {
    (!items.is_empty()).then(|| {
        view! {
            <div class=format!("notice {class}")>
                <p><strong>{trf!("{heading} ({count}):", heading = heading, count = items.len())}</strong></p>
                <ul>{items.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul>
            </div>
        }
    })
}

fn file_list(ev: &leptos::ev::Event) -> Option<(web_sys::HtmlInputElement, web_sys::FileList)> {
    let input = ev.target()?.dyn_into::<web_sys::HtmlInputElement>().ok()?;
    let files = input.files()?;
    Some((input, files))
}

/// Adding respondents: pasted share links, chosen or dropped files, the library.
#[component]
fn AddRespondents() -> impl IntoView {
    let store = use_store();
    let teams = store.teams;
    let links = RwSignal::new(String::new());
    let anonymous = RwSignal::new(false);
    let ticked = RwSignal::new(Vec::<String>::new());
    let dragging = RwSignal::new(false);
    let join_opened = RwSignal::new(false);
    let add_links = move |_| {
        let text = links.get_untracked();
        teams.add_links(text, anonymous.get_untracked());
        links.set(String::new());
    };
    let add_files = move |files: web_sys::FileList, input: Option<web_sys::HtmlInputElement>| {
        leptos::task::spawn_local(async move {
            let mut read = Vec::new();
            let mut refused = Vec::new();
            for file in browser::read_files(&files, MAX_FILE_BYTES).await {
                match file {
                    Ok(f) => read.push(f),
                    Err(e) => refused.push(e.to_string()),
                }
            }
            if let Some(input) = input {
                input.set_value("");
            }
            teams.add_files(read, refused, anonymous.get_untracked());
        });
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(files) = ev.data_transfer().and_then(|d| d.files()) {
            add_files(files, None);
        }
    };
    let library = Memo::new(move |_| {
        store.library.entries.with(|e| {
            e.iter()
                .filter(|e| !e.newer)
                .map(|e| (e.id.clone(), e.label.clone(), e.verdict.headline()))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="card team-add no-print" aria-labelledby="team-add-title">
            <h2 id="team-add-title">{tr!("Add respondents")}</h2>
            <p class="muted">{trf!("Each person answers the checklist on their own and sends you a share link (Report → Make the link) or an exported file. A person's link added twice counts once. Up to {max} respondents.", max = MAX_RESPONDENTS)}</p>
            <label class="check-inline">
                <input type="checkbox" id="team-anonymous" prop:checked=anonymous on:change=move |ev| anonymous.set(event_target_checked(&ev))/>
                {tr!(" Add them anonymously (names are left out; they are numbered)")}
            </label>
            // The code is drawn when the fold is first opened, not with every team page.
            <details class="team-join" on:toggle=move |_| join_opened.set(true)>
                <summary>{tr!("Let phones in the room join: show the join code")}</summary>
                {move || join_opened.get().then(|| view! { <super::qr::JoinCode/> })}
            </details>
            <div class="team-add-grid">
                <div class="team-add-part">
                    <label for="team-links">{tr!("Share links, one per line")}</label>
                    <p class="muted" id="team-links-hint">{tr!("A name before a link names the respondent: “Ann: https://…”. Without one, the assessor's name is used.")}</p>
                    <textarea id="team-links" rows="4" aria-describedby="team-links-hint"
                        prop:value=links on:input=move |ev| links.set(event_target_value(&ev))></textarea>
                    <button type="button" class="primary" on:click=add_links disabled=move || teams.adding.get()>
                        {move || if teams.adding.get() { tr!("Reading the links…") } else { tr!("Add from links") }}
                    </button>
                </div>
                <super::scan::QrScan on_code=Callback::new(move |code: String| teams.add_scanned(code, anonymous.get_untracked()))
                    busy=Signal::derive(move || teams.adding.get() || store.dialogs.asking.with(Option::is_some))/>
                <div class="team-add-part drop-zone" class:dragging=dragging
                    on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); dragging.set(true); }
                    on:dragleave=move |_| dragging.set(false)
                    on:drop=on_drop>
                    <label for="team-files">{tr!("Files (assessment or team view files)")}</label>
                    <p class="muted" id="team-files-hint">{tr!("Choose several at once, or drop them here.")}</p>
                    <input id="team-files" type="file" multiple accept=".json,application/json" aria-describedby="team-files-hint"
                        on:change=move |ev| if let Some((input, files)) = file_list(&ev) { add_files(files, Some(input)) }/>
                </div>
                <div class="team-add-part">
                    <fieldset class="team-library">
                        <legend>{tr!("From your library")}</legend>
                        {move || if library.with(Vec::is_empty) {
                            view! { <p class="muted">{tr!("Your library has no assessments yet.")}</p> }.into_any()
                        } else { view! {
                            <ul>
                                {move || library.get().into_iter().map(|entry| {
                                        let (id, toggle_id) = (entry.0.clone(), entry.0.clone());
                                        let input_id = format!("team-lib-{}", entry.0);
                                        view! {
                                            <li>
                                                <input type="checkbox" id=input_id.clone()
                                                    prop:checked=move || ticked.with(|t| t.contains(&id))
                                                    on:change=move |ev| {
                                                        let on = event_target_checked(&ev);
                                                        ticked.update(|t| {
                                                            t.retain(|x| x != &toggle_id);
                                                            if on { t.push(toggle_id.clone()); }
                                                        });
                                                    }/>
                                                <label for=input_id class="check-label">{entry.1.clone()} <span class="muted">" · " {entry.2}</span></label>
                                            </li>
                                        }
                                    }).collect_view()}
                            </ul>
                            <button type="button" class="secondary" on:click=move |_| {
                                teams.add_from_library(ticked.get_untracked(), anonymous.get_untracked());
                                ticked.set(Vec::new());
                            }>{tr!("Add the ticked assessments")}</button>
                        }.into_any() }}
                    </fieldset>
                </div>
            </div>
            <div id="team-add-outcome" class="team-add-outcome" tabindex="-1" role="status">
                {move || teams.outcome.get().map(|o| {
                    let added = match o.added.len() {
                        0 => tr!("No respondent added.").to_string(),
                        1 => trf!("Added 1 respondent: {name}.", name = o.added[0]),
                        n => trf!("Added {count} respondents: {names}.", count = n, names = o.added.join(", ")),
                    };
                    view! {
                        <p class="added" data-added=o.added.len()>{added}</p>
                        {outcome_list("notice-info add-known", tr!("Already in the team, counted once"), o.known)}
                        {outcome_list("notice-warning add-again", tr!("Answered again"), o.answered_again)}
                        {outcome_list("notice-warning add-refused", tr!("Not added"), o.refused)}
                        {outcome_list("notice-info add-not-carried", tr!("Not carried over"), o.not_carried)}
                    }
                })}
            </div>
        </section>
    }
}

/// Every respondent with their own verdict; rename and remove.
#[component]
fn Respondents() -> impl IntoView {
    let store = use_store();
    let teams = store.teams;
    let renaming = RwSignal::new(None::<(usize, String)>);
    let rename_error = RwSignal::new(None::<String>);
    let read_only =
        Memo::new(move |_| teams.open.with(|o| o.as_ref().is_some_and(|o| o.read_only)));
    let rows = Memo::new(move |_| {
        teams.evaluation.with(|e| {
            e.as_ref()
                .map(|e| e.respondent_verdicts.clone())
                .unwrap_or_default()
        })
    });
    let anonymous = Memo::new(move |_| {
        teams.open.with(|o| {
            o.as_ref()
                .map(|o| {
                    o.team
                        .respondents
                        .iter()
                        .map(|r| r.is_anonymous())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    // Read through a memo, so that the list below is kept (not drawn again) when it changes.
    let nobody = Memo::new(move |_| rows.with(Vec::is_empty));
    let save = move || {
        if let Some((index, text)) = renaming.get_untracked() {
            match teams.rename_respondent(index, &text) {
                Ok(()) => {
                    renaming.set(None);
                    rename_error.set(None);
                }
                Err(e) => rename_error.set(Some(e.to_string())),
            }
        }
    };
    view! {
        <section class="team-respondents" aria-labelledby="team-respondents-title">
            <h2 id=RESPONDENTS_HEADING_ID tabindex="-1">{move || trf!("Respondents ({count})", count = rows.with(Vec::len))}</h2>
            {move || if nobody.get() {
                view! { <p class="muted">{tr!("Nobody yet: add respondents above. With nobody, the team verdict holds.")}</p> }.into_any()
            } else { view! {
                <ol class="respondent-list">
                    // Keyed: adding a respondent adds one row instead of drawing the list again.
                    <For each=move || rows.with(|rows| anonymous.with(|anonymous| {
                            rows.iter().enumerate().map(|(index, (label, verdict))| {
                                (index, label.clone(), *verdict, anonymous.get(index).copied().unwrap_or(true))
                            }).collect::<Vec<_>>()
                        }))
                        key=|(index, label, verdict, is_anonymous)| (*index, label.clone(), verdict.token(), *is_anonymous)
                        children=move |(index, label, verdict, is_anonymous)| {
                        let editing = move || renaming.with(|r| r.as_ref().is_some_and(|(i, _)| *i == index));
                        let (rename_label, remove_label) = (label.clone(), label.clone());
                        view! {
                            <li class="respondent" data-respondent=index data-verdict=verdict.token() data-anonymous=is_anonymous.then_some("true")>
                                <span class="respondent-name">{label.clone()}</span>
                                <span class="verdict-chip">{verdict.headline()}</span>
                                {move || (!read_only.get()).then(|| view! {
                                    <span class="respondent-actions no-print">
                                        <button type="button" class="link-button" on:click={
                                            let name = if is_anonymous { String::new() } else { rename_label.clone() };
                                            move |_| {
                                                rename_error.set(None);
                                                renaming.set(Some((index, name.clone())));
                                                leptos::task::spawn_local(async { leptos::task::tick().await; browser::focus("respondent-name"); });
                                            }
                                        }>
                                            {if is_anonymous { tr!("Name") } else { tr!("Rename") }} <span class="visually-hidden">" " {rename_label.clone()}</span>
                                        </button>
                                        <button type="button" class="link-button danger-link" on:click=move |_| teams.remove_respondent(index)>
                                            {tr!("Remove")} <span class="visually-hidden">" " {remove_label.clone()}</span>
                                        </button>
                                    </span>
                                })}
                                {move || editing().then(|| view! {
                                    <div class="rename no-print" role="group" aria-label=tr!("Name the respondent")>
                                        <label for="respondent-name">{tr!("Name (empty: anonymous)")}</label>
                                        <input id="respondent-name" type="text" maxlength=crate::domain::TextKind::Name.max_chars()
                                            aria-describedby=move || rename_error.with(Option::is_some).then_some("respondent-name-error")
                                            prop:value=move || renaming.with(|r| r.as_ref().map(|(_, t)| t.clone()).unwrap_or_default())
                                            on:input=move |ev| renaming.update(|r| if let Some((_, t)) = r { *t = event_target_value(&ev) })
                                            on:keydown=move |ev| if super::keys::on_enter(&ev) { save() }/>
                                        <button type="button" class="primary" on:click=move |_| save()>{tr!("Save name")}</button>
                                        <button type="button" class="secondary" on:click=move |_| { renaming.set(None); rename_error.set(None); }>{tr!("Cancel")}</button>
                                        {move || rename_error.get().map(|e| view! { <p class="import-error" id="respondent-name-error" role="alert">{e}</p> })}
                                    </div>
                                })}
                            </li>
                        }
                    }/>
                </ol>
            }.into_any() }}
        </section>
    }
}

/// The team verdict, its reasons with who reported them, the green flags, and what to know
/// about anonymity.
#[component]
fn TeamVerdict() -> impl IntoView {
    let store = use_store();
    let teams = store.teams;
    let report = Memo::new(move |_| teams.report());
    let attributable = Memo::new(move |_| {
        teams
            .evaluation
            .with(|e| e.as_ref().is_some_and(|e| e.attributable))
    });
    move || {
        report.get().map(|r: TeamReport| view! {
            <section class="team-verdict" aria-labelledby="team-verdict-title" data-verdict=r.verdict.token()>
                <h2 id="team-verdict-title" tabindex="-1">{tr!("Team verdict")}</h2>
                <p class="verdict-headline">{r.verdict.headline()}</p>
                <p>{r.verdict.explanation()}</p>
                <p class="muted">{tr!(TEAM_VERDICT_RULE)}</p>
                <AgreedVerdict/>
                {r.anonymity.clone().map(|text| if attributable.get() {
                    view! { <p class="anonymity anonymity-warning" role="note" data-attributable="true"><strong>{tr!("Anonymity: ")}</strong>{text}</p> }.into_any()
                } else {
                    view! { <p class="muted anonymity">{text}</p> }.into_any()
                })}
                {(!r.reasons.is_empty()).then(|| view! {
                    <h3>{tr!("Why")}</h3>
                    <ol class="team-reasons">
                        {r.reasons.iter().map(|l| view! {
                            <li><p>{l.message.clone()}</p><p class="muted">{tr!("Next: ")} {l.action.clone()}</p></li>
                        }).collect_view()}
                    </ol>
                })}
                {(!r.also.is_empty()).then(|| view! {
                    <h3>{tr!("Also reported")}</h3>
                    <ol class="team-also">
                        {r.also.iter().map(|l| view! {
                            <li><p>{l.message.clone()}</p><p class="muted">{tr!("Next: ")} {l.action.clone()}</p></li>
                        }).collect_view()}
                    </ol>
                })}
                <h3>{tr!("Green flags")}</h3>
                <ul class="team-green-flags">
                    {r.green_flags.iter().map(|g| view! { <li>{g.clone()}</li> }).collect_view()}
                </ul>
            </section>
        })
    }
}

/// "To discuss": the blockers, open questions, maturity gaps and disagreements, each with the
/// seed's consequence.
#[component]
fn Agenda() -> impl IntoView {
    let store = use_store();
    let teams = store.teams;
    // Without what was agreed: recording an agreement re-renders only its own control (the
    // list would otherwise be rebuilt, and focus lost, at every click).
    let agenda = Memo::new(move |_| {
        teams
            .report()
            .map(|r| {
                r.agenda
                    .into_iter()
                    .map(|a| AgendaLine { agreed: None, ..a })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    // Read through a memo, so that the list below is kept (not drawn again) when it changes.
    let nothing = Memo::new(move |_| agenda.with(Vec::is_empty));
    view! {
        <section class="team-agenda" aria-labelledby="team-agenda-title">
            <h2 id="team-agenda-title" tabindex="-1">{tr!("To discuss")}</h2>
            {move || if nothing.get() {
                view! { <p>{tr!(NOTHING_TO_DISCUSS)}</p> }.into_any()
            } else {
                view! {
                    <ol class="agenda">
                        <For each=move || agenda.with(|a| a.iter().map(|l| (l.kind_token, l.question_id)).collect::<Vec<_>>())
                            key=|item| *item
                            children=move |(kind, question_id)| agenda_item(agenda, kind, question_id)/>
                    </ol>
                }.into_any()
            }}
        </section>
    }
}

/// One item of the agenda, kept while it stays on the agenda: when a respondent is added, only
/// its lines change (its agreement control, the heaviest part, stays as it is).
fn agenda_item(
    agenda: Memo<Vec<AgendaLine>>,
    kind: &'static str,
    question_id: &'static str,
) -> impl IntoView {
    let line = Memo::new(move |_| {
        agenda.with(|a| {
            a.iter()
                .find(|l| l.kind_token == kind && l.question_id == question_id)
                .cloned()
        })
    });
    let (label, question) =
        line.with_untracked(|l| l.as_ref().map_or(("", ""), |l| (l.kind, l.question)));
    view! {
        <li data-kind=kind>
            <p><strong>{label} ": "</strong>{question}</p>
            {move || line.get().map(|a| view! {
                <p>{a.said}</p>
                {a.attribution.map(|x| view! { <p class="muted">{x}</p> })}
                <p class="consequence">{a.consequence}</p>
                {a.stale.map(|x| view! { <p class="stale-evidence" data-stale=question_id>{x}</p> })}
                {evidence_list(a.evidence, a.withheld)}
            })}
            <AgreementControl question_id=question_id/>
        </li>
    }
}

/// What the respondents wrote about a question, and why anonymous notes are not shown.
fn evidence_list(lines: Vec<String>, withheld: Option<String>) -> impl IntoView {
    (!lines.is_empty() || withheld.is_some()).then(|| {
        view! {
            <ul class="evidence" aria-label=tr!("What respondents wrote")>
                {lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
                {withheld.map(|w| view! { <li class="muted evidence-withheld">{w}</li> })}
            </ul>
        }
    })
}

/// A count with its column's name, shown above it on a phone (the stylesheet reads
/// `data-label`).
fn count_cell(label: &'static str, count: &AnswerCount) -> impl IntoView {
    let names = count.names();
    view! {
        <td data-count=count.count data-label=label>
            <span class="tally-count">{count.count}</span>
            {names.map(|n| view! { <span class="tally-names">{n}</span> })}
        </td>
    }
}

fn tally_row(t: &ItemTally, today: &str) -> impl IntoView {
    view! {
        <tr data-item=t.id data-disagree=t.disagrees.then_some("true")>
            <th scope="row">
                {(!t.item.is_empty()).then(|| view! { <span class="tally-item">{t.item.clone()} " "</span> })}
                {tr!(t.text)}
                {t.disagrees.then(|| view! { <span class="badge badge-problem disagree-badge">{tr!("Disagree")}</span> })}
                <span class="tally-healthy">{tr!("Healthy answer: ")} {t.healthy.label()}</span>
                {evidence_list(t.evidence.iter().map(|x| x.line(today)).collect(), None)}
            </th>
            {count_cell(tr!("Yes"), &t.yes)}
            {count_cell(tr!("No"), &t.no)}
            {count_cell(tr!("Not sure"), &t.not_sure)}
            {count_cell(tr!("No answer"), &t.unanswered)}
        </tr>
    }
}

fn tally_table(rows: Vec<&ItemTally>, caption: String) -> impl IntoView {
    let label = caption.clone();
    let today = browser::today_iso();
    view! {
        <div class="table-scroll" role="region" aria-label=label tabindex="0">
            <table class="report-table tally-table">
                <caption class="visually-hidden">{caption}</caption>
                <thead><tr>
                    <th scope="col">{tr!("Question")}</th>
                    <th scope="col">{tr!("Yes")}</th>
                    <th scope="col">{tr!("No")}</th>
                    <th scope="col">{tr!("Not sure")}</th>
                    <th scope="col">{tr!("No answer")}</th>
                </tr></thead>
                <tbody>{rows.into_iter().map(|t| tally_row(t, &today)).collect_view()}</tbody>
            </table>
        </div>
    }
}

/// Every question's answers counted (with who, where named); or only the disagreements, most
/// split first.
#[component]
fn Tallies() -> impl IntoView {
    let store = use_store();
    let teams = store.teams;
    let only_disagreements = RwSignal::new(false);
    let count = Memo::new(move |_| {
        teams
            .evaluation
            .with(|e| e.as_ref().map_or(0, |e| e.disagreements().len()))
    });
    view! {
        <section class="team-tallies" aria-labelledby="team-tallies-title">
            <h2 id="team-tallies-title" tabindex="-1">{tr!("Item by item")}</h2>
            <label class="check-inline no-print">
                <input type="checkbox" id="only-disagreements" prop:checked=only_disagreements
                    on:change=move |ev| only_disagreements.set(event_target_checked(&ev))/>
                {move || trf!(" Only where respondents disagree ({count}), most split first", count = count.get())}
            </label>
            {move || teams.evaluation.with(|e| {
                let e = e.as_ref()?;
                Some(if only_disagreements.get() {
                    let rows = e.disagreements();
                    if rows.is_empty() {
                        view! { <p class="no-disagreement">{tr!(NO_DISAGREEMENT)}</p> }.into_any()
                    } else {
                        tally_table(rows, tr!("Where respondents disagree").to_string()).into_any()
                    }
                } else {
                    let mut sections: Vec<(u8, Vec<&ItemTally>)> = Vec::new();
                    for t in &e.tallies {
                        match sections.last_mut() {
                            Some((s, rows)) if *s == t.section.0 => rows.push(t),
                            _ => sections.push((t.section.0, vec![t])),
                        }
                    }
                    sections.into_iter().map(|(s, rows)| {
                        let title = format!("§{s} {}", rows[0].section.title());
                        view! {
                            <h3>{title.clone()}</h3>
                            {tally_table(rows, title)}
                        }
                    }).collect_view().into_any()
                })
            })}
        </section>
    }
}

/// The library's team views, and a new one: the body of the start screen's "Team views" (its
/// heading and words are the start screen's, drawn before this comes).
#[component]
pub fn TeamLibrary() -> impl IntoView {
    let state = use_state();
    let store = use_store();
    let teams = store.teams;
    // The list is read when it is drawn: its code comes after start-up (the split build), and
    // a language picked draws it again in its words.
    teams.refresh();
    let title = RwSignal::new(String::new());
    let create = move || {
        teams.create(state, &title.get_untracked());
        title.set(String::new());
    };
    view! {
        <div class="new-team" role="group" aria-labelledby="new-team-label">
            <label id="new-team-label" for="new-team-title">{tr!("Title of a new team view ")} <span class="optional">{tr!("(optional)")}</span></label>
            <input id="new-team-title" type="text" maxlength=crate::domain::TextKind::Name.max_chars()
                placeholder=tr!("e.g. Leadership team, March")
                prop:value=title on:input=move |ev| title.set(event_target_value(&ev))
                on:keydown=move |ev| if super::keys::on_enter(&ev) { create() }/>
            <button type="button" class="secondary" on:click=move |_| create()>{tr!("Create a team view")}</button>
        </div>
        {move || teams.deleted.with(|d| d.last().map(|r| (r.team.display_title(), d.len()))).map(|(name, count)| view! {
            <div class="notice notice-info" role="status" data-notice="team-deleted">
                <p>{trf!("Deleted “{name}”.", name = name)}
                    {(count > 1).then(|| trf!(" ({count} deletions can be undone, most recent first.)", count = count))}</p>
                <div class="notice-actions">
                    <button type="button" class="secondary" on:click=move |_| teams.undo_delete()>{tr!("Undo")}</button>
                    <button type="button" class="link-button" on:click=move |_| teams.deleted.clear()>{tr!("Dismiss")}</button>
                </div>
            </div>
        })}
        {move || if teams.entries.with(Vec::is_empty) {
            view! { <p class="muted">{tr!("No team view yet.")}</p> }.into_any()
        } else { view! {
            <ul class="library-list">
                {move || teams.entries.get().into_iter().map(|entry| {
                        let (open_id, export_id, delete_id) = (entry.id.clone(), entry.id.clone(), entry.id.clone());
                        view! {
                            <li class="library-entry card team-entry" data-team=entry.id.clone() data-verdict=entry.verdict.token()>
                                <div class="entry-main">
                                    <button type="button" class="entry-name link-button" on:click=move |_| { teams.open_saved(state, &open_id); }>
                                        {entry.title.clone()}
                                    </button>
                                    <p class="entry-meta">
                                        <span class="verdict-chip">{entry.verdict.headline()}</span>
                                        {if entry.respondents == 1 { trf!(" · {count} respondent", count = 1) } else { trf!(" · {count} respondents", count = entry.respondents) }}
                                        {trf!(" · changed {date}", date = browser::date_time_label(entry.updated_at, crate::domain::texts().language()))}
                                        {entry.newer.then(|| tr!(" · saved by a newer version (read-only)"))}
                                    </p>
                                </div>
                                <div class="entry-actions">
                                    <button type="button" class="link-button" on:click=move |_| teams.export_stored(state.framed, &export_id)>{tr!("Export")} <span class="visually-hidden">" " {entry.title.clone()}</span></button>
                                    {(!entry.newer).then(|| view! {
                                        <button type="button" class="link-button danger-link" on:click=move |_| teams.delete(state, &delete_id)>
                                            {tr!("Delete")} <span class="visually-hidden">" " {entry.title.clone()}</span>
                                        </button>
                                    })}
                                </div>
                            </li>
                        }
                    }).collect_view()}
            </ul>
        }.into_any() }}
    }
}

/// On a shared assessment: add it to a team view (or a new one).
#[component]
pub fn AddToTeam() -> impl IntoView {
    let state = use_state();
    let store = use_store();
    store.teams.refresh();
    let chosen = RwSignal::new(String::new());
    let add = move |_| {
        let id = chosen.get_untracked();
        let id = if id.is_empty() {
            store
                .teams
                .entries
                .with_untracked(|e| e.iter().find(|e| !e.newer).map(|e| e.id.clone()))
        } else if id == "new" {
            None
        } else {
            Some(id)
        };
        store.add_shared_to_team(state, id);
    };
    view! {
        <span class="inline-picker add-to-team">
            <label for="add-to-team">{tr!("Add to a team view")}</label>
            <select id="add-to-team" on:change=move |ev| chosen.set(event_target_value(&ev))>
                {move || store.teams.entries.get().into_iter().filter(|e| !e.newer).map(|e| view! {
                    <option value=e.id.clone()>{e.title.clone()}</option>
                }).collect_view()}
                <option value="new">{tr!("A new team view")}</option>
            </select>
            <button type="button" class="secondary" on:click=add>{tr!("Add")}</button>
        </span>
    }
}
