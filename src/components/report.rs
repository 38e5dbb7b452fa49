//! The report: everything in one printable document (print stylesheet: "Save as PDF" gives
//! a clean record).

use leptos::prelude::*;

use super::{use_state, View};
use crate::browser;
use crate::domain::model::{
    Question, DEPLOYMENT_STEPS, GREEN_FLAGS, IMPROVEMENT_CYCLE, MATURITY_REQUIREMENTS,
    PRECONDITIONS, RED_FLAGS, STABILITY_SIGNS,
};
use crate::domain::{self, Answer, Assessment, Finding, StepState, MODEL_VERSION};

fn answer_row(a: &Assessment, q: &'static Question) -> impl IntoView {
    let answer = a.answer(q.id);
    let finding = Finding::of(answer, q.healthy);
    let note = a.notes.get(q.id).cloned();
    view! {
        <tr data-finding=match finding { Finding::Problem => "problem", Finding::Healthy => "healthy", _ => "open" }>
            <td>{q.text}</td>
            <td class="answer-cell">{answer.map(Answer::label).unwrap_or("Unanswered")}</td>
            <td>{note}</td>
        </tr>
    }
}

fn answers_table(
    a: &Assessment,
    title: String,
    questions: Vec<&'static Question>,
) -> impl IntoView {
    view! {
        <h3>{title}</h3>
        <table class="report-table answers">
            <thead><tr><th scope="col">"Question"</th><th scope="col">"Answer"</th><th scope="col">"Note"</th></tr></thead>
            <tbody>{questions.into_iter().map(|q| answer_row(a, q)).collect_view()}</tbody>
        </table>
    }
}

/// The report view.
#[component]
pub fn ReportView() -> impl IntoView {
    let state = use_state();
    let store = super::use_store();
    let print = move |_| {
        if let Err(e) = browser::print() {
            store.message.set(Some(e));
        }
    };
    let markdown = move || {
        state.assessment.with_untracked(|a| {
            domain::report::markdown(a, &state.evaluation.get_untracked(), &browser::today_iso())
        })
    };
    let download_markdown = move |_| {
        let name = state
            .assessment
            .with_untracked(|a| domain::file::file_name(a, &browser::today_iso(), "md"));
        if let Err(e) = browser::download(&name, "text/markdown", &markdown()) {
            store.message.set(Some(e));
        }
    };
    let copy_markdown = move |_| {
        let text = markdown();
        leptos::task::spawn_local(async move {
            let message = match browser::copy_to_clipboard(&text).await {
                Ok(()) => "The Markdown report was copied: paste it into your wiki.".to_string(),
                Err(e) => e,
            };
            store.message.set(Some(message));
        });
    };
    let export = move |_| {
        if let Err(e) = super::notices::export_file(state) {
            store.message.set(Some(e));
        }
    };
    view! {
        <div class="report-actions no-print">
            <button type="button" class="primary" on:click=print>"Print or save as PDF"</button>
            <button type="button" class="secondary" on:click=download_markdown>"Download Markdown"</button>
            <button type="button" class="secondary" on:click=copy_markdown>"Copy Markdown"</button>
            <button type="button" class="secondary" on:click=export>"Export file (JSON)"</button>
            <button type="button" class="secondary" on:click=move |_| state.go(View::Preconditions)>"Back to the questions"</button>
        </div>
        {move || {
            let a = state.assessment.get();
            let e = state.evaluation.get();
            let r = &e.readiness;
            let org = if a.organisation.is_empty() { "Untitled assessment".to_string() } else { a.organisation.clone() };
            view! {
                <article class="report" data-verdict=r.verdict.token()>
                    <header class="page-header">
                        <p class="eyebrow">"KOOM readiness report"</p>
                        <h1 id="main-heading" tabindex="-1">{org}</h1>
                        <p class="intro">
                            {(!a.assessor.is_empty()).then(|| format!("Assessed by {}. ", a.assessor))}
                            "Model: KOOM Deployment Readiness Layer v" {a.model_version.clone()}
                            {(a.model_version != MODEL_VERSION).then(|| format!(" (this app implements v{MODEL_VERSION})"))}
                            ". Report of " {browser::today_iso()} "."
                        </p>
                    </header>

                    <section class="report-verdict">
                        <h2>"Verdict: " {r.verdict.headline()}</h2>
                        <p>{r.verdict.explanation()}</p>
                        <p>{r.green_flag_summary()}</p>
                        {(!r.reasons.is_empty()).then(|| view! {
                            <h3>"Reasons and next actions"</h3>
                            <ol>{r.reasons.iter().map(|x| view! {
                                <li><p>{x.message()}</p><p><strong>"Next: "</strong>{x.action.clone()}</p></li>
                            }).collect_view()}</ol>
                        })}
                        {(!r.also.is_empty()).then(|| view! {
                            <h3>"Also to build"</h3>
                            <ol>{r.also.iter().map(|x| view! {
                                <li><p>{x.message()}</p><p><strong>"Next: "</strong>{x.action.clone()}</p></li>
                            }).collect_view()}</ol>
                        })}
                        {(!r.would_change.is_empty()).then(|| view! {
                            <h3>"What would change the verdict"</h3>
                            <ul>{r.would_change.iter().map(|l| view! { <li>{l.clone()}</li> }).collect_view()}</ul>
                        })}
                        {(!r.inconsistencies.is_empty()).then(|| view! {
                            <h3>"Inconsistencies to resolve"</h3>
                            <ul>{r.inconsistencies.iter().map(|i| view! { <li>{i.message.clone()}</li> }).collect_view()}</ul>
                        })}
                    </section>

                    <section>
                        <h2>"Answers"</h2>
                        {PRECONDITIONS.iter().map(|p| answers_table(&a, format!("§2 Condition {} — {}", p.number, p.title), p.questions.to_vec())).collect_view()}
                        {MATURITY_REQUIREMENTS.iter().map(|m| answers_table(&a, format!("§3 Requirement {} — {}", m.number, m.title), m.questions.to_vec())).collect_view()}
                        {answers_table(&a, "§5 Red flags".to_string(), RED_FLAGS.iter().map(|f| f.question).collect())}
                        {answers_table(&a, "§6 Green flags".to_string(), GREEN_FLAGS.iter().map(|g| g.question).collect())}
                    </section>

                    <section>
                        <h2>"§4 Deployment sequence"</h2>
                        <ol>{e.sequence.steps.iter().map(|s| view! {
                            <li>{format!("Step {} — {}: {}", s.step.number, s.step.title, match s.state {
                                StepState::Complete => "complete".to_string(),
                                StepState::Current => format!("current ({} of {})", s.done, s.total),
                                StepState::Locked(r) => format!("locked — {r}"),
                            })}</li>
                        }).collect_view()}</ol>
                        {(!a.pilot.department.is_empty()).then(|| view! { <p><strong>"Pilot department: "</strong>{a.pilot.department.clone()}</p> })}
                        {(!a.pilot.evaluation.is_empty()).then(|| view! { <p><strong>"Pilot evaluation: "</strong>{a.pilot.evaluation.clone()}</p> })}
                        {(!a.pilot_iterations.is_empty()).then(|| view! {
                            <p><strong>"Pilot iterations (roll back, retrain, repeat): "</strong>{a.pilot_iterations.len()}</p>
                            <ul>{a.pilot_iterations.iter().map(|it| view! {
                                <li>{domain::report::iteration_line(it)}</li>
                            }).collect_view()}</ul>
                        })}
                        {DEPLOYMENT_STEPS.iter().flat_map(|s| s.checklist.iter()).filter_map(|i| a.notes.get(i.id).map(|n| (i, n.clone()))).map(|(i, n)| view! {
                            <p class="muted">{i.text} ": " {n}</p>
                        }).collect_view()}
                    </section>

                    <section>
                        <h2>"§7 Stability"</h2>
                        <p><strong>{e.stability.health.headline()}</strong></p>
                        {(!a.cycles.is_empty()).then(|| view! {
                            <div class="report-scroll" role="region" aria-label="Stability signs per alignment cycle" tabindex="0">
                            <table class="report-table">
                                <thead><tr><th scope="col">"Sign"</th>{(0..a.cycles.len()).map(|c| view! { <th scope="col">"Cycle " {c + 1}</th> }).collect_view()}</tr></thead>
                                <tbody>{STABILITY_SIGNS.iter().map(|s| view! {
                                    <tr><td>{s.text}</td>{(0..a.cycles.len()).map(|c| view! {
                                        <td>{a.observation(c, s.id).map(|o| o.label()).unwrap_or("—")}
                                            {a.cycles[c].notes.get(s.id).map(|n| format!(" — {n}"))}</td>
                                    }).collect_view()}</tr>
                                }).collect_view()}</tbody>
                            </table>
                            </div>
                        })}
                    </section>

                    <section>
                        <h2>"Feedback on the model"</h2>
                        {if e.feedback.is_empty() {
                            view! { <p>"No item was flagged as unclear."</p> }.into_any()
                        } else {
                            view! {
                                <p>{format!("Items flagged as unclear, for the model's improvement cycle ({}):", IMPROVEMENT_CYCLE.join(", "))}</p>
                                <ul>{e.feedback.iter().map(|f| view! {
                                    <li><strong>{f.label.clone()}</strong>
                                        {f.section.map(|s| format!(" ({})", s.label()))}
                                        {format!(" — {}", if f.remark.is_empty() { "no remark given" } else { f.remark.as_str() })}
                                    </li>
                                }).collect_view()}</ul>
                            }.into_any()
                        }}
                    </section>
                </article>
            }
        }}
    }
}
