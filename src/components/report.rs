//! The report: everything in one printable document (print stylesheet: "Save as PDF" gives
//! a clean record). It lays out the domain's [`Report`] value, the same value the Markdown
//! report is written from.

use leptos::prelude::*;

use super::compare::ComparePicker;
use super::qr::QrImage;
use super::reminder::reminder_uid_base;
use super::rounds::RoundsPanel;
use super::status_card::StatusCard;
use crate::app::{
    plain_link, share_on_screen, use_state, use_store, Opened, ShareLink, Store, View,
};
use crate::browser;
use crate::domain::{
    self, feedback_intro, group_thousands, AnswerTable, Finding, ReasonLine, Report, Source,
    ITERATIONS_TITLE, NO_FEEDBACK,
};

fn finding_token(f: Finding) -> &'static str {
    match f {
        Finding::Problem => "problem",
        Finding::Healthy => "healthy",
        Finding::NotSure | Finding::Unanswered => "open",
    }
}

fn answers_table(t: AnswerTable) -> impl IntoView {
    view! {
        <h3>{t.title}</h3>
        <table class="report-table answers">
            <thead><tr><th scope="col">{tr!("Question")}</th><th scope="col">{tr!("Answer")}</th><th scope="col">{tr!("Note")}</th></tr></thead>
            <tbody>{t.rows.into_iter().map(|row| view! {
                <tr data-finding=finding_token(row.finding)>
                    <td>{row.question}{row.unclear.then(|| tr!(" (flagged unclear)"))}</td>
                    <td class="answer-cell" data-carried=row.carried_from>{row.answer}
                        {row.carried_mark().map(|mark| view! { <span class="carried-mark">" " {mark}</span> })}
                    </td>
                    <td class="note-cell" data-stale=row.stale.then_some("true")>{row.note_text()}</td>
                </tr>
            }).collect_view()}</tbody>
        </table>
    }
}

fn reason_list(title: &'static str, list: Vec<ReasonLine>) -> impl IntoView {
    (!list.is_empty()).then(|| {
        view! {
            <h3>{title}</h3>
            <ol>{list.into_iter().map(|x| view! {
                <li><p>{x.message}</p><p><strong>{tr!("Next: ")}</strong>{x.action}</p></li>
            }).collect_view()}</ol>
        }
    })
}

/// The report document.
#[component]
pub fn ReportDocument(
    /// The report to lay out.
    #[prop(into)]
    report: Signal<Report>,
) -> impl IntoView {
    move || {
        let r = report.get();
        let meta = r.meta_line();
        let cycles = r.cycles;
        view! {
            <article class="report" data-verdict=r.verdict.token() data-tone=r.tone>
                <header class="page-header">
                    <p class="eyebrow">{tr!("KOOM readiness report")}</p>
                    <h1 id="main-heading" tabindex="-1">{r.title}</h1>
                    <p class="intro">{meta}</p>
                    <p class="report-stage" data-stage=r.stage_token><strong>{tr!("Where we are now: ")}</strong>{r.stage.clone()}</p>
                    <p class="report-next"><strong>{tr!("Next: ")}</strong>{r.next.clone()}</p>
                    {r.share_link.clone().map(|link| view! {
                        <p class="report-link">{tr!("Open this assessment (without its notes) in KOOM Readiness: ")}
                            <a href=link.clone()>{link.clone()}</a>
                            {tr!(" (anyone with the link can read the answers).")}</p>
                    })}
                </header>

                <section class="report-verdict">
                    <h2>{tr!("Verdict: ")} {r.verdict_headline}</h2>
                    <p>{r.explanation}</p>
                    {(!r.caution.is_empty()).then(|| view! {
                        <h3>{tr!("Caution")}</h3>
                        <ul>{r.caution.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                    })}
                    <p>{r.green_flags}</p>
                    {reason_list(tr!("Reasons and next actions"), r.reasons)}
                    {reason_list(tr!("Also to build"), r.also)}
                    {(!r.plan.is_empty()).then(|| view! {
                        <h3>{tr!("Plan before Ready")}</h3>
                        <ul class="report-plan">{r.plan.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                    })}
                    {(!r.would_change.is_empty()).then(|| view! {
                        <h3>{tr!("What would change the verdict")}</h3>
                        <ul>{r.would_change.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                    })}
                    {(!r.inconsistencies.is_empty()).then(|| view! {
                        <h3>{tr!("Answers to check")}</h3>
                        <ul>{r.inconsistencies.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                    })}
                    {(!r.stale_evidence.is_empty()).then(|| view! {
                        <h3>{tr!("Evidence to review")}</h3>
                        <ul class="report-stale">{r.stale_evidence.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                    })}
                </section>

                {(!r.rounds.is_empty()).then(|| {
                    let previous = r.rounds.len() - 1;
                    view! {
                        <section class="report-rounds">
                            <h2>{tr!("Rounds")}</h2>
                            <ol>{r.rounds.into_iter().map(|round| {
                                let when = round.when();
                                view! {
                                    <li data-tone=round.tone><strong>{round.title()}</strong>
                                        {(!when.is_empty()).then(|| format!(" ({when})"))} ": " {round.stage}</li>
                                }
                            }).collect_view()}</ol>
                            {r.carried.map(|c| view! { <p>{c}</p> })}
                            <h3>{trf!("Changes since round {round}", round = previous)}</h3>
                            {if r.changes.is_empty() {
                                view! { <p>{tr!(domain::NO_ITEM_CHANGED)}</p> }.into_any()
                            } else {
                                view! { <ul>{r.changes.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul> }.into_any()
                            }}
                        </section>
                    }
                })}

                <section>
                    <h2>{tr!("Answers")}</h2>
                    {r.answers.into_iter().map(answers_table).collect_view()}
                </section>

                <section>
                    <h2>{tr!("§4 Deployment sequence")}</h2>
                    <ol>{r.steps.into_iter().map(|s| view! {
                        <li>
                            {s.label} ": " {s.state}
                            {s.note.map(|n| view! { <p class="muted">{tr!("Note: ")} {n}</p> })}
                            {s.item_notes.into_iter().map(|(item, n)| view! {
                                <p class="muted">{item} ": " {n}</p>
                            }).collect_view()}
                        </li>
                    }).collect_view()}</ol>
                    {r.pilot_department.map(|d| view! { <p><strong>{tr!("Pilot department: ")}</strong>{d}</p> })}
                    {r.pilot_evaluation.map(|e| view! { <p><strong>{tr!("Pilot evaluation: ")}</strong>{e}</p> })}
                    {answers_table(r.gate)}
                    {(!r.iterations.is_empty()).then(|| view! {
                        <p><strong>{tr!(ITERATIONS_TITLE)} ": "</strong>{r.iterations.len()}</p>
                        <ol>{r.iterations.into_iter().map(|it| {
                            let (retraining, gate) = (it.retraining_line(), it.gate_line());
                            view! {
                                <li>
                                    {it.summary}
                                    {retraining.map(|l| view! { <p class="muted">{l}</p> })}
                                    {gate.map(|l| view! { <p class="muted">{l}</p> })}
                                </li>
                            }
                        }).collect_view()}</ol>
                    })}
                </section>

                <section>
                    <h2>{tr!("§7 Stability")}</h2>
                    <p><strong>{r.stability}</strong></p>
                    {(cycles > 0).then(|| view! {
                        <div class="report-scroll" role="region" aria-label=tr!("Stability signs per alignment cycle") tabindex="0">
                        <table class="report-table">
                            <thead><tr><th scope="col">{tr!("Sign")}</th>{(1..=cycles).map(|c| view! { <th scope="col">{trf!("Cycle {n}", n = c)}</th> }).collect_view()}</tr></thead>
                            <tbody>{r.signs.into_iter().map(|row| view! {
                                <tr>
                                    <td>{row.sign}{row.note.map(|n| format!(" ({n})"))}</td>
                                    {row.cells.into_iter().map(|c| view! {
                                        <td>{c.observation}{c.note.map(|n| format!(" — {n}"))}</td>
                                    }).collect_view()}
                                </tr>
                            }).collect_view()}</tbody>
                        </table>
                        </div>
                    })}
                    {(!r.diagnosis.is_empty()).then(|| view! {
                        <p>{tr!("Likely causes (our reading of the seed):")}</p>
                        <ul>{r.diagnosis.into_iter().map(|d| view! {
                            <li><strong>{d.sign}</strong> {trf!(": check {suspects}", suspects = d.suspects.join("; "))}</li>
                        }).collect_view()}</ul>
                    })}
                </section>

                <section>
                    <h2>{tr!("Feedback on the model")}</h2>
                    {if r.feedback.is_empty() {
                        view! { <p>{tr!(NO_FEEDBACK)}</p> }.into_any()
                    } else {
                        view! {
                            <p>{feedback_intro()}</p>
                            <ul>{r.feedback.into_iter().map(|f| view! {
                                <li><strong>{f.label}</strong>
                                    {f.section.map(|s| format!(" ({s})"))}
                                    " — " {f.remark}
                                </li>
                            }).collect_view()}</ul>
                        }.into_any()
                    }}
                </section>
            </article>
        }
    }
}

/// The report view: its actions, then the document.
#[component]
pub fn ReportView() -> impl IntoView {
    let state = use_state();
    let store = use_store();
    let report = Memo::new(move |_| {
        state.assessment.with(|a| {
            state
                .evaluation
                .with(|e| Report::new(a, e, &browser::today_iso()).with_link(plain_link(a)))
        })
    });
    let markdown = move || report.with_untracked(domain::markdown);
    let download_markdown = move |_| {
        let name = state
            .assessment
            .with_untracked(|a| domain::file_name(a, &browser::today_iso(), "md"));
        store
            .notices
            .offer_file(state.framed, &name, "text/markdown", markdown());
    };
    // The answers and the plan as CSV, for a spreadsheet or a tracker's importer.
    let download_csv = move |what: &'static str| {
        let (name, text) = state.assessment.with_untracked(|a| {
            let text = match what {
                "plan" => state
                    .evaluation
                    .with_untracked(|e| domain::plan_csv(&domain::plan(a, &e.readiness))),
                _ => domain::answers_csv(a),
            };
            let name = domain::csv_file_name(&domain::display_name(a), what, &browser::today_iso());
            (name, text)
        });
        store
            .notices
            .offer_file(state.framed, &name, "text/csv;charset=utf-8", text);
    };
    // The plan's due dates as calendar reminders; the message says which were left out.
    let download_plan_reminders = move |_| {
        let today = browser::today_iso();
        let base = reminder_uid_base(store);
        let made = state.assessment.with_untracked(|a| {
            let items = state
                .evaluation
                .with_untracked(|e| domain::plan(a, &e.readiness));
            let title = domain::display_name(a);
            domain::plan_reminders(&items, &title, &base, &today).map(|r| {
                let name = domain::reminder_file_name(&title, "plan", &today);
                (
                    name,
                    domain::ics_text(&r.events, &browser::utc_stamp()),
                    r.sentence(),
                )
            })
        });
        match made {
            Ok((name, text, said)) => {
                // Said first: a download that fails replaces it with why.
                store.notices.say(said);
                store
                    .notices
                    .offer_file(state.framed, &name, domain::ICS_MIME, text);
            }
            Err(e) => store.notices.say(e.to_string()),
        }
    };
    let this_source = move || match store.open.opened.get() {
        Opened::Saved(id) | Opened::Newer(id) => Some(Source::Saved(id)),
        Opened::Example => Some(Source::Example),
        Opened::Shared(info) => Some(Source::Shared(info.payload)),
        Opened::Memory | Opened::Nothing => None,
    };
    let copy_markdown = move |_| {
        let text = markdown();
        leptos::task::spawn_local(async move {
            match browser::copy_to_clipboard(&text).await {
                Ok(()) => store.notices.say(tr!(
                    "The Markdown report was copied: paste it into your wiki."
                )),
                Err(e) => store.notices.say(e.to_string()),
            }
        });
    };
    // An assessment saved from what a team agreed links back to that team view (the list of
    // team views is read when a view that shows it is drawn).
    store.teams.refresh();
    let from_team = Memo::new(move |_| match store.open.opened.get() {
        Opened::Saved(id) => store.teams.entries.with(|list| {
            list.iter()
                .find(|e| e.agreed_as.as_deref() == Some(id.as_str()))
                .map(|e| (e.id.clone(), e.title.clone()))
        }),
        _ => None,
    });
    view! {
        {move || from_team.get().map(|(id, title)| view! {
            <p class="from-team no-print">
                {trf!("Saved from what the team view “{name}” agreed. ", name = title)}
                <button type="button" class="link-button" on:click=move |_| { store.teams.open_saved(state, &id); }>{tr!("Open the team view")}</button>
            </p>
        })}
        <div class="report-actions no-print">
            <button type="button" class="primary" on:click=move |_| store.notices.report(browser::print())>{tr!("Print or save as PDF")}</button>
            <button type="button" class="secondary" on:click=download_markdown>{tr!("Download Markdown")}</button>
            <button type="button" class="secondary" on:click=move |_| download_csv("answers")>{tr!("Answers (CSV)")}</button>
            {move || report.with(|r| !r.plan.is_empty()).then(|| view! {
                <button type="button" class="secondary" on:click=move |_| download_csv("plan")>{tr!("Plan for a tracker (CSV)")}</button>
                <button type="button" class="secondary" on:click=download_plan_reminders>{tr!("Plan due dates (.ics)")}</button>
            })}
            <button type="button" class="secondary" on:click=copy_markdown>{tr!("Copy Markdown")}</button>
            <button type="button" class="secondary" on:click=move |_| store.export_open(state)>{tr!("Export file (JSON)")}</button>
            <button type="button" class="secondary" on:click=move |_| state.go(View::Preconditions)>{tr!("Back to the questions")}</button>
        </div>
        {state.framed.then(|| view! {
            <p class="muted no-print frame-print-note">{tr!("Embedded in a wiki, printing may be blocked by its frame. If nothing happens, open the full page (top right) and print there.")}</p>
        })}
        <RoundsPanel/>
        <SharePanel/>
        <StatusCard report/>
        {move || this_source().map(|this| view! { <div class="compare-from-report no-print"><ComparePicker compared=vec![this] place="report"/></div> })}
        <ReportDocument report/>
    }
}

/// Copies a share link and says `copied`; where the page may not copy, selects the link on
/// screen for the user to copy and says `refused`.
async fn copy_or_select(store: Store, url: &str, copied: &str, refused: &str) {
    if browser::copy_to_clipboard(url).await.is_ok() {
        store.notices.say(copied);
    } else {
        browser::select_text("share-url");
        store.notices.say(refused);
    }
}

/// Share by link: the link (with or without notes), a copy button with a select-the-text
/// fallback, and plain words on who can read it and when it is too long.
#[component]
fn SharePanel() -> impl IntoView {
    let state = use_state();
    let store = use_store();
    let notes = RwSignal::new(false);
    let link = RwSignal::new(None::<ShareLink>);
    let make = move || {
        let with_notes = notes.get_untracked();
        leptos::task::spawn_local(async move {
            link.set(Some(share_on_screen(state, with_notes).await));
        });
    };
    let show_qr = RwSignal::new(false);
    let copy = move |_| {
        let Some(l) = link.get_untracked() else {
            return;
        };
        leptos::task::spawn_local(async move {
            copy_or_select(store, &l.url, tr!("The link was copied. Anyone with it can read the answers."), tr!("This browser did not let the page copy (an embedded page may not be allowed to). The link is selected: copy it with Ctrl+C (⌘C on a Mac).")).await;
        });
    };
    // The share sheet where the browser has one; where it refuses, the link is copied instead.
    let share = move |_| {
        let Some(l) = link.get_untracked() else {
            return;
        };
        leptos::task::spawn_local(async move {
            match browser::share_link(tr!("KOOM readiness answers"), &l.url).await {
                Ok(()) | Err(browser::BrowserError::ShareCancelled) => {}
                Err(_) => copy_or_select(store, &l.url, tr!("This browser could not open its share sheet, so the link was copied instead. Anyone with it can read the answers."), tr!("This browser could not share or copy the link. It is selected: copy it with Ctrl+C (⌘C on a Mac).")).await,
            }
        });
    };
    let url = Signal::derive(move || {
        link.with(|l| l.as_ref().map(|l| l.url.clone()).unwrap_or_default())
    });
    view! {
        <section class="card share-panel no-print" aria-labelledby="share-title">
            <h2 id="share-title">{tr!("Share by link")}</h2>
            <p class="muted">{tr!("The whole assessment travels inside the link (after the #), never through a server. Anyone with the link can read the answers; it opens read-only.")}</p>
            {move || state.assessment.with(|a| (!a.rounds.is_empty()).then(|| a.round_number())).map(|n| view! {
                <p class="muted">{trf!("The link carries round {n}, the round in progress, not the rounds before it: to share the history, export the file (Export file).", n = n)}</p>
            })}
            <div class="share-controls">
                <label class="check-inline">
                    <input type="checkbox" prop:checked=notes on:change=move |ev| {
                        notes.set(event_target_checked(&ev));
                        if link.with_untracked(Option::is_some) { make(); }
                    }/>
                    {tr!(" Include notes, “unclear” remarks and evidence details")}
                </label>
                <button type="button" class="secondary" on:click=move |_| make()>{tr!("Make the link")}</button>
            </div>
            {move || link.get().map(|l| {
                let length = l.url.chars().count();
                let too_long = l.too_long();
                view! {
                    <div class="share-result" data-share-length=length>
                        <label for="share-url">{if l.notes { tr!("Link with notes") } else { tr!("Link without notes") }}</label>
                        <div class="share-row">
                            <input id="share-url" type="text" readonly prop:value=l.url.clone()
                                on:focus=move |_| { browser::select_text("share-url"); }/>
                            <button type="button" class="primary" on:click=copy>{tr!("Copy link")}</button>
                        </div>
                        <div class="share-more">
                            // In a wiki's frame the sheet needs the wiki's leave, which a frame cannot ask.
                            {(!state.framed && browser::can_share(&l.url)).then(|| view! {
                                <button type="button" class="secondary" id="share-sheet" on:click=share>{tr!("Share…")}</button>
                            })}
                            <button type="button" class="secondary" id="share-qr" aria-expanded=move || show_qr.get().to_string()
                                on:click=move |_| show_qr.update(|s| *s = !*s)>
                                {tr!("Show as a QR code")}
                            </button>
                        </div>
                        {move || show_qr.get().then(|| view! {
                            <div class="share-qr">
                                <QrImage text=url title=tr!("Scan to open these answers")/>
                                <p class="muted">{tr!("Another phone's camera reads it and opens these answers there, read-only, like the link. To add them to a team view, send the link to whoever runs it (Share… or Copy link).")}</p>
                            </div>
                        })}
                        {too_long.then(|| view! {
                            <p class="limit-hint" data-limit="reached" role="status">
                                {trf!("This link is {count} characters: mail clients and chat tools may cut links over 2,000. ", count = group_thousands(length))}
                                {if l.notes { tr!("Share a link without notes, or the file (Export file) instead.") } else { tr!("Share the file (Export file) instead.") }}
                            </p>
                        })}
                    </div>
                }
            })}
        </section>
    }
}
