//! Two to six assessments side by side: each one's verdict, the count of differences, then
//! per section only the items on which not all agree (each side's answer, notes on demand) and
//! the items where a side said "Not sure". A side can be added or removed; the address follows.
//! Printable like the report.

use leptos::prelude::*;

use crate::app::{use_state, use_store, Opened, View};
use crate::browser;
use crate::domain::{compare, compared_names, question, Route, Source, MAX_COMPARED, MIN_COMPARED};

/// On a shared assessment's banner: compare it with one of the library (or the example).
#[component]
pub fn CompareShared() -> impl IntoView {
    let store = use_store();
    match store.open.opened.get_untracked() {
        Opened::Shared(info) => Some(view! {
            <ComparePicker compared=vec![Source::Shared(info.payload)] place="banner"/>
        }),
        _ => None,
    }
}

/// Compare the assessment on screen with one of the library (or the example), or add one to
/// the comparison on screen.
#[component]
pub fn ComparePicker(
    /// The assessments already in the comparison (on a report: the one on screen); the list
    /// leaves them out.
    compared: Vec<Source>,
    /// Where the picker is (its id is `compare-with-<place>`, unique on the page).
    place: &'static str,
    /// Add the chosen one after those compared ("Add to the comparison") instead of comparing
    /// the one on screen with it ("Compare with", the chosen one first).
    #[prop(optional)]
    adding: bool,
) -> impl IntoView {
    let state = use_state();
    let store = use_store();
    let chosen = RwSignal::new(String::new());
    let compared = StoredValue::new(compared);
    let options = Memo::new(move |_| {
        let tokens: Vec<String> = compared.with_value(|c| c.iter().map(Source::token).collect());
        let mut options: Vec<(String, String)> = store.library.entries.with(|entries| {
            entries
                .iter()
                .map(|e| (format!("a:{}", e.id), e.label.clone()))
                .filter(|(token, _)| !tokens.contains(token))
                .collect()
        });
        if !tokens.iter().any(|t| t == "example") {
            options.push((
                "example".to_string(),
                tr!("The Raccoons Inc. example").to_string(),
            ));
        }
        options
    });
    let go = move |_| {
        let token = chosen.get_untracked();
        let Some(token) = options.with_untracked(|o| {
            o.iter()
                .find(|(t, _)| *t == token)
                .or(o.first())
                .map(|(t, _)| t.clone())
        }) else {
            return;
        };
        let mut tokens: Vec<String> =
            compared.with_value(|c| c.iter().map(Source::token).collect());
        if adding {
            tokens.push(token);
        } else {
            tokens.insert(0, token);
        }
        // Read back as any address is: a comparison the address cannot hold says why.
        let route = Route::parse(&format!("#/compare/{}", tokens.join("/")));
        store.follow(state, &route);
    };
    let select_id = format!("compare-with-{place}");
    let (label, button) = if adding {
        (tr!("Add to the comparison"), tr!("Add"))
    } else {
        (tr!("Compare with"), tr!("Compare"))
    };
    move || {
        if options.with(Vec::is_empty) {
            return adding
                .then(|| view! { <p class="muted">{tr!("Every assessment of this browser is in the comparison.")}</p> })
                .into_any();
        }
        let select_id = select_id.clone();
        let label_for = select_id.clone();
        view! {
            <span class="compare-picker">
                <label for=label_for>{label}</label>
                <select id=select_id on:change=move |ev| chosen.set(event_target_value(&ev))>
                    {move || options.get().into_iter().map(|(token, name)| view! {
                        <option value=token>{name}</option>
                    }).collect_view()}
                </select>
                <button type="button" class="secondary" on:click=go>{button}</button>
            </span>
        }
        .into_any()
    }
}

/// The comparison page.
#[component]
pub fn CompareView() -> impl IntoView {
    let state = use_state();
    let store = use_store();
    let comparison = Memo::new(move |_| {
        store.compared.sides.with(|sides| {
            sides.as_ref().map(|sides| {
                let names: Vec<String> = sides.iter().map(|s| s.name.clone()).collect();
                let sources: Vec<Source> = sides.iter().map(|s| s.source.clone()).collect();
                let assessments: Vec<_> = sides.iter().map(|s| &s.assessment).collect();
                (names, sources, compare(&assessments))
            })
        })
    });
    // Removing a side shows the others, at their own address.
    let remove = move |index: usize| {
        let Some(mut sources) = comparison.with_untracked(|c| c.as_ref().map(|c| c.1.clone()))
        else {
            return;
        };
        sources.remove(index);
        store.follow(state, &Route::Compare { sides: sources });
    };
    move || {
        let Some((names, sources, c)) = comparison.get() else {
            return view! { <p>{tr!("Loading the comparison…")}</p> }.into_any();
        };
        let count = c.sides.len();
        let removable = count > MIN_COMPARED;
        // More than two columns scroll inside their own box where the page is too narrow.
        let wide = (count > MIN_COMPARED).then(|| count.to_string());
        let not_sure: Vec<String> = c
            .not_sure
            .iter()
            .filter_map(|id| question(id))
            .map(|q| tr!(q.text).to_string())
            .collect();
        let count_sentence = c.count_sentence();
        view! {
            <article class="compare report" data-differences=c.differences data-sides=count>
                <header class="page-header">
                    <p class="eyebrow">{tr!("Comparison")}</p>
                    <h1 id="main-heading" tabindex="-1">{compared_names(&names)}</h1>
                    <div class="report-actions no-print">
                        <button type="button" class="secondary" on:click=move |_| store.notices.report(browser::print())>{tr!("Print or save as PDF")}</button>
                        <button type="button" class="link-button" on:click=move |_| state.go(View::Start)>{tr!("Back to the library")}</button>
                    </div>
                </header>
                <div class="compare-verdicts">
                    {c.sides.iter().zip(&names).enumerate().map(|(i, (side, name))| view! {
                        <section class="card" data-verdict=side.verdict.token() data-tone=side.tone data-side=i + 1>
                            <h2>{name.clone()}</h2>
                            <p class="verdict-headline">{side.stage.clone()}</p>
                            {removable.then(|| view! {
                                <button type="button" class="link-button no-print" on:click=move |_| remove(i)>
                                    {tr!("Remove")} <span class="visually-hidden">{format!(" {name}")}</span> {tr!(" from the comparison")}
                                </button>
                            })}
                        </section>
                    }).collect_view()}
                </div>
                <div class="compare-add no-print">
                    {if count < MAX_COMPARED {
                        view! { <ComparePicker compared=sources place="compare" adding=true/> }.into_any()
                    } else {
                        view! { <p class="muted">{trf!("{count} assessments are compared, the most one comparison shows: remove one to add another.", count = MAX_COMPARED)}</p> }.into_any()
                    }}
                </div>
                <p class="compare-count" role="status">{count_sentence}</p>
                {c.sections.into_iter().map(|s| {
                    let heading = format!("§{} {}", s.section.0, tr!(s.title));
                    let table = view! {
                        <table class="report-table compare-table" data-sides=wide.clone()>
                            <thead><tr>
                                <th scope="col">{tr!("Item")}</th>
                                {names.iter().map(|n| view! { <th scope="col">{n.clone()}</th> }).collect_view()}
                            </tr></thead>
                            <tbody>
                                {s.items.into_iter().map(|i| view! {
                                    <tr data-item=i.id data-not-sure=i.not_sure.then_some("true")>
                                        <td>{i.text}</td>
                                        {i.sides.into_iter().map(|a| view! {
                                            <td data-finding=a.problem.then_some("problem")>{a.label}{problem(a.problem)}{note(a.note)}</td>
                                        }).collect_view()}
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    };
                    view! {
                        <section>
                            <h2>{heading.clone()}</h2>
                            {if wide.is_some() {
                                view! { <div class="report-scroll compare-scroll" role="region" aria-label=heading tabindex="0">{table}</div> }.into_any()
                            } else {
                                table.into_any()
                            }}
                        </section>
                    }
                }).collect_view()}
                {(!not_sure.is_empty()).then(|| view! {
                    <section>
                        <h2>{tr!("Where a side said “Not sure”")}</h2>
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
    is.then(|| view! { " " <span class="badge badge-problem">{tr!("Problem")}</span> })
}

fn note(text: Option<String>) -> impl IntoView {
    text.map(|n| {
        view! {
            <details class="compare-note"><summary>{tr!("Note")}</summary><p>{n}</p></details>
        }
    })
}
