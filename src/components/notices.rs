//! Messages about saved data: storage problems, another tab's changes, undo, and the banner
//! saying where the open assessment comes from.

use leptos::prelude::*;

use super::parts::{Lazy, Part};
use crate::app::{use_state, use_store, ConflictKind, Opened, SaveState, View};
use crate::domain::StorageError;
use crate::domain::{compare, display_name, Stage};

/// Storage errors, conflicts, messages and undo, at the top of every page.
#[component]
pub fn Notices() -> impl IntoView {
    let state = use_state();
    let store = use_store();
    let export = move |_| {
        store.export_open(state);
    };
    view! {
        <div class="notices">
            // In a frame, the frame notice says where answers are kept instead.
            {move || store.notices.storage_error.get().filter(|e| !(state.framed && *e == StorageError::Unavailable)).map(|e| view! {
                <div class="notice notice-warning" role="alert" data-notice="storage">
                    <p>{e.to_string()}</p>
                    <div class="notice-actions">
                        // The one "not saved" message carries the one export button, and only
                        // when there is unsaved work to export (never an empty file).
                        <Show when=move || matches!(store.open.save_state(), SaveState::NotSaved(_))>
                            <button type="button" class="secondary" on:click=export>{tr!("Export as a file")}</button>
                        </Show>
                        <button type="button" class="link-button" on:click=move |_| store.notices.dismiss_storage_error()>{tr!("Dismiss")}</button>
                    </div>
                </div>
            })}
            {move || store.conflicts.conflict.get().map(|c| {
                let (headline, mine) = match c.kind {
                    ConflictKind::Changed => (tr!("This assessment was changed in another tab or window."), Some(tr!("Keep mine (replace the other)"))),
                    ConflictKind::Deleted => (tr!("This assessment was deleted in another tab or window."), Some(tr!("Restore it with my changes"))),
                    ConflictKind::Unreadable => (tr!("The saved copy of this assessment can no longer be read here (damaged, or saved by a newer version). It is left untouched."), None),
                };
                view! {
                    <div class="notice notice-warning" role="alert" id="conflict-notice" tabindex="-1" data-notice="conflict" data-conflict=format!("{:?}", c.kind).to_lowercase()>
                        <p>
                            <strong>{headline}</strong>
                            {move || if store.open.dirty.get() {
                                tr!(" This tab has changes that are not saved. Choose which to keep; nothing is lost until you do.")
                            } else {
                                tr!(" Choose what to do with the copy on this screen; nothing is lost until you do.")
                            }}
                        </p>
                        {c.theirs.is_some().then(|| view! { <Lazy part=Part::ConflictDifferences/> })}
                        <div class="notice-actions">
                            {mine.map(|label| view! {
                                <button type="button" class="secondary" on:click=move |_| store.open.keep_mine(state)>{label}</button>
                            })}
                            {(c.kind == ConflictKind::Changed).then(|| view! {
                                <button type="button" class="secondary" on:click=move |_| store.open.take_theirs(state)>{tr!("Use the other version")}</button>
                            })}
                            <button type="button" class="secondary" on:click=move |_| store.open.keep_both(state)>{tr!("Keep both (save mine as a copy)")}</button>
                        </div>
                    </div>
                }
            })}
            {move || store.library.deleted.with(|d| d.last().map(|record| (display_name(&record.assessment), d.len()))).map(|(name, count)| view! {
                <div class="notice notice-info" role="status" data-notice="deleted">
                    <p>
                        {trf!("Deleted “{name}”.", name = name)}
                        {(count > 1).then(|| trf!(" ({count} deletions can be undone, most recent first.)", count = count))}
                    </p>
                    <div class="notice-actions">
                        <button type="button" class="secondary" on:click=move |_| store.library.undo_delete()>{tr!("Undo")}</button>
                        <button type="button" class="link-button" on:click=move |_| store.library.deleted.clear()>{tr!("Dismiss")}</button>
                    </div>
                </div>
            })}
            {move || store.notices.file_text.get().map(|(name, text)| view! {
                <div class="notice notice-info" data-notice="file-text" role="region" aria-label=tr!("The file's text")>
                    <p>{trf!("If “{name}” did not arrive, this wiki's frame may not allow downloads. Its text is below: select it, copy it and save it as “{name}”; or open the full page.", name = name)}</p>
                    <details>
                        <summary>{tr!("Show the file's text")}</summary>
                        <label class="visually-hidden" for="file-text">{tr!("The file's text")}</label>
                        <textarea id="file-text" readonly rows="8" prop:value=text></textarea>
                    </details>
                    <button type="button" class="link-button" on:click=move |_| store.notices.dismiss_file_text()>{tr!("Dismiss")}</button>
                </div>
            })}
            <div role="status" aria-live="polite" class="message-region">
                {move || store.notices.message.get().map(|text| view! {
                    <div class="notice notice-info" data-notice="message">
                        <p>{text}</p>
                        <button type="button" class="link-button" on:click=move |_| store.notices.dismiss_message()>{tr!("Dismiss")}</button>
                    </div>
                })}
            </div>
        </div>
    }
}

/// What differs between this tab's version and the other tab's (the conflict's, read when it
/// is drawn), answer by answer, so the choice between them is an informed one.
#[component]
pub fn ConflictDifferences() -> impl IntoView {
    /// More than this many differing answers: the rest are counted, not listed.
    const LISTED: usize = 8;
    let state = use_state();
    let store = use_store();
    let theirs = StoredValue::new(store.conflicts.conflict.with_untracked(|c| {
        c.as_ref()
            .and_then(|c| c.theirs.as_ref())
            .map(|theirs| theirs.assessment.clone())
            .unwrap_or_default()
    }));
    move || {
        let (differences, name) = state.assessment.with(|mine| {
            theirs.with_value(|theirs| {
                let name = (mine.organisation.trim() != theirs.organisation.trim())
                    .then(|| (display_name(mine), display_name(theirs)));
                (compare(&[mine, theirs]), name)
            })
        });
        let items: Vec<_> = differences
            .sections
            .into_iter()
            .flat_map(|s| s.items)
            .collect();
        let more = items.len().saturating_sub(LISTED);
        view! {
            <div class="conflict-differences" data-differences=differences.differences>
                {if differences.differences == 0 {
                    tr!("The answers are the same in both; only notes, names or stability marks differ.").into_any()
                } else {
                    view! {
                        <p>{tr!("What differs (this tab → the other tab):")}</p>
                        <ul>
                            {name.map(|(mine, theirs)| view! { <li>{tr!("Name: ")} {mine} " → " {theirs}</li> })}
                            {items.into_iter().take(LISTED).map(|d| view! {
                                <li data-item=d.id>{d.text} ": " <strong>{d.sides[0].label}</strong> " → " <strong>{d.sides[1].label}</strong></li>
                            }).collect_view()}
                        </ul>
                        {(more > 0).then(|| view! { <p>{trf!("… and {more} more.", more = more)}</p> })}
                    }.into_any()
                }}
            </div>
        }
    }
}

/// Where the open assessment comes from, when it is not an ordinary saved one.
#[component]
pub fn OpenedBanner(
    /// Show only the "not saved in this browser" banner (on the start screen).
    #[prop(optional)]
    memory_only: bool,
) -> impl IntoView {
    let state = use_state();
    let store = use_store();
    move || {
        match store.open.opened.get() {
        Opened::Example | Opened::Newer(_) | Opened::Shared(_) if memory_only => None,
        Opened::Shared(info) => {
            let assessor = state.assessment.with(|a| a.assessor.trim().to_string());
            Some(view! {
                <div class="notice notice-info opened-banner" data-opened="shared">
                    <p>
                        <strong>{move || trf!("A shared assessment, read-only: “{name}”", name = state.assessment.with(display_name))}</strong>
                        {(!assessor.is_empty()).then(|| trf!(", assessed by {name}", name = assessor))}
                        {if info.includes_notes {
                            trf!(", shared on {date} with its notes", date = info.made_on)
                        } else {
                            trf!(", shared on {date} without notes", date = info.made_on)
                        }}
                        {move || state.evaluation.with(|e| match Stage::of(e) {
                            // Past readiness, "Ready — begin the deployment sequence" would be
                            // untrue: the stage says where it stands (and any verdict that fell back).
                            Stage::Readiness(verdict) => trf!(". Verdict: {verdict}. ", verdict = verdict.headline()),
                            stage => trf!(". Where it stands: {stage}. ", stage = stage.headline()),
                        })}
                        {tr!("Nothing of it is saved in this browser, and nothing saved here was changed, until you save it as your copy.")}
                    </p>
                    <div class="notice-actions">
                        <button type="button" class="primary" on:click=move |_| store.save_shared_copy(state)>{tr!("Save as my copy")}</button>
                        <Lazy part=Part::CompareShared/>
                        <Lazy part=Part::AddToTeam/>
                    </div>
                </div>
            }.into_any())
        }
        Opened::Example => Some(view! {
            <div class="notice notice-info opened-banner" data-opened="example">
                <p>
                    <strong>{tr!("You are viewing the Raccoons Inc. example")}</strong>
                    {tr!(" (section 8 of the KOOM model), read-only: a healthy KOOM deployment over two alignment cycles.")}
                </p>
                <button type="button" class="secondary" on:click=move |_| {
                    let name = trf!("Copy of {name}", name = display_name(&state.assessment.get_untracked()));
                    store.open.save_copy(state, name);
                }>{tr!("Copy it as my starting point")}</button>
            </div>
        }.into_any()),
        Opened::Newer(_) => Some(view! {
            <div class="notice notice-warning opened-banner" data-opened="newer">
                <p>
                    <strong>{tr!("Saved by a newer version of KOOM Readiness.")}</strong>
                    {tr!(" It is shown read-only and never overwritten here. Save a copy to work on it in this version.")}
                </p>
                <button type="button" class="secondary" on:click=move |_| {
                    let name = trf!("{name} (copy)", name = display_name(&state.assessment.get_untracked()));
                    store.open.save_copy(state, name);
                }>{tr!("Save a copy I can edit")}</button>
            </div>
        }.into_any()),
        Opened::Memory => Some(view! {
            <div class="notice notice-warning opened-banner" data-opened="memory">
                <p><strong>{tr!("Not saved in this browser.")}</strong> " " {move || trf!("“{name}” lives in memory only: export it as a file to keep it.", name = state.assessment.with(display_name))}</p>
                <div class="notice-actions">
                    {memory_only.then(|| view! {
                        <button type="button" class="primary" on:click=move |_| state.go(View::Preconditions)>{move || trf!("Continue “{name}”", name = state.assessment.with(display_name))}</button>
                    })}
                    // While the storage notice says why, its button is the one export button.
                    <Show when=move || store.notices.storage_error.with(Option::is_none)>
                        <button type="button" class="secondary" on:click=move |_| {
                            store.export_open(state);
                        }>{tr!("Export as a file")}</button>
                    </Show>
                    <button type="button" class="link-button" on:click=move |_| store.open.close_without_saving(state)>{tr!("Close without saving")}</button>
                </div>
            </div>
        }.into_any()),
        Opened::Saved(_) | Opened::Nothing => None,
    }
    }
}
