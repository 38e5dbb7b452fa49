//! Two assessments side by side: both verdicts, the count of differences, then per section
//! only the items that differ (each side's answer, notes on demand) and the items where a
//! side said "Not sure". Printable like the report.

use leptos::prelude::*;

use crate::app::{use_state, use_store, View};
use crate::browser;
use crate::domain::{compare, question, Route, Source};

/// Compare the assessment `this` with one of the library (or the example).
#[component]
pub fn ComparePicker(
    /// The assessment on screen, as a source.
    this: Source,
    /// Where the picker is (its id is `compare-with-<place>`, unique on the page).
    place: &'static str,
) -> impl IntoView {
    let state = use_state();
    let store = use_store();
    let chosen = RwSignal::new(String::new());
    let this_id = match &this {
        Source::Saved(id) => Some(id.clone()),
        _ => None,
    };
    let options = Memo::new(move |_| {
        let mut options: Vec<(String, String)> = store.library.entries.with(|entries| {
            entries
                .iter()
                .filter(|e| Some(&e.id) != this_id.as_ref())
                .map(|e| (format!("a:{}", e.id), e.label.clone()))
                .collect()
        });
        options.push((
            "example".to_string(),
            "The Raccoons Inc. example".to_string(),
        ));
        options
    });
    let go = move |_| {
        let token = chosen.get_untracked();
        let token = if token.is_empty() {
            options.with_untracked(|o| o.first().map(|(t, _)| t.clone()).unwrap_or_default())
        } else {
            token
        };
        let route = Route::parse(&format!("#/compare/{token}/{}", source_token(&this)));
        store.follow(state, &route);
    };
    let select_id = format!("compare-with-{place}");
    let label_for = select_id.clone();
    view! {
        <span class="compare-picker">
            <label for=label_for>"Compare with"</label>
            <select id=select_id on:change=move |ev| chosen.set(event_target_value(&ev))>
                {move || options.get().into_iter().map(|(token, name)| view! {
                    <option value=token>{name}</option>
                }).collect_view()}
            </select>
            <button type="button" class="secondary" on:click=go>"Compare"</button>
        </span>
    }
}

fn source_token(s: &Source) -> String {
    match s {
        Source::Saved(id) => format!("a:{id}"),
        Source::Example => "example".to_string(),
        Source::Shared(p) => format!("s:{p}"),
    }
}

/// The comparison page.
#[component]
pub fn CompareView() -> impl IntoView {
    let state = use_state();
    let store = use_store();
    let comparison = Memo::new(move |_| {
        store.compared.sides.with(|sides| {
            sides.as_ref().map(|(l, r)| {
                (
                    l.name.clone(),
                    r.name.clone(),
                    compare(&l.assessment, &r.assessment),
                )
            })
        })
    });
    move || {
        let Some((left, right, c)) = comparison.get() else {
            return view! { <p>"Loading the comparison…"</p> }.into_any();
        };
        let not_sure: Vec<String> = c
            .not_sure
            .iter()
            .filter_map(|id| question(id))
            .map(|q| q.text.to_string())
            .collect();
        view! {
            <article class="compare report" data-differences=c.differences>
                <header class="page-header">
                    <p class="eyebrow">"Comparison"</p>
                    <h1 id="main-heading" tabindex="-1">{left.clone()} " and " {right.clone()}</h1>
                    <div class="report-actions no-print">
                        <button type="button" class="secondary" on:click=move |_| store.notices.report(browser::print())>"Print or save as PDF"</button>
                        <button type="button" class="link-button" on:click=move |_| state.go(View::Start)>"Back to the library"</button>
                    </div>
                </header>
                <div class="compare-verdicts">
                    <section class="card" data-verdict=c.left_verdict.token() data-tone=c.tones.0>
                        <h2>{left.clone()}</h2>
                        <p class="verdict-headline">{c.left_stage.clone()}</p>
                    </section>
                    <section class="card" data-verdict=c.right_verdict.token() data-tone=c.tones.1>
                        <h2>{right.clone()}</h2>
                        <p class="verdict-headline">{c.right_stage.clone()}</p>
                    </section>
                </div>
                <p class="compare-count" role="status">
                    {match c.differences {
                        0 => "No item differs.".to_string(),
                        1 => "1 item differs.".to_string(),
                        n => format!("{n} items differ."),
                    }}
                </p>
                {c.sections.into_iter().map(|s| {
                    let (l, r) = (left.clone(), right.clone());
                    view! {
                        <section>
                            <h2>{format!("§{} {}", s.section.0, s.title)}</h2>
                            <table class="report-table compare-table">
                                <thead><tr>
                                    <th scope="col">"Item"</th>
                                    <th scope="col">{l}</th>
                                    <th scope="col">{r}</th>
                                </tr></thead>
                                <tbody>
                                    {s.items.into_iter().map(|i| view! {
                                        <tr data-item=i.id data-not-sure=i.not_sure.then_some("true")>
                                            <td>{i.text}</td>
                                            <td data-finding=i.left_problem.then_some("problem")>{i.left}{problem(i.left_problem)}{note(i.left_note)}</td>
                                            <td data-finding=i.right_problem.then_some("problem")>{i.right}{problem(i.right_problem)}{note(i.right_note)}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </section>
                    }
                }).collect_view()}
                {(!not_sure.is_empty()).then(|| view! {
                    <section>
                        <h2>"Where a side said “Not sure”"</h2>
                        <ul>{not_sure.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
                    </section>
                })}
            </article>
        }
        .into_any()
    }
}

/// A problem answer is marked in words, not by colour alone.
fn problem(is: bool) -> impl IntoView {
    is.then(|| view! { " " <span class="badge badge-problem">"Problem"</span> })
}

fn note(text: Option<String>) -> impl IntoView {
    text.map(|n| {
        view! {
            <details class="compare-note"><summary>"Note"</summary><p>{n}</p></details>
        }
    })
}
