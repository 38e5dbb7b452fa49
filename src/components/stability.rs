//! Stability after deployment (seed §7): one column per alignment cycle, the health state,
//! the diagnosis, and a small trend chart of signs seen per cycle.

use leptos::prelude::*;

use super::reminder::ReminderPicker;
use super::{ItemExtras, PageHeading, RuleNote};
use crate::app::use_state;
use crate::domain::{
    self, end_sentence, limit_cycle_over, number_word, CycleCounts, Health, Observation,
    RULE_AFTER_DEPLOYMENT, RULE_WITHIN_TWO_CYCLES, STABILITY_CYCLE_LIMIT, STABILITY_SECTION,
    STABILITY_SIGNS,
};

/// The stability view.
#[component]
pub fn StabilityView() -> impl IntoView {
    let state = use_state();
    let stability = Memo::new(move |_| state.evaluation.with(|e| e.stability.clone()));
    let cycle_count = Memo::new(move |_| state.assessment.with(|a| a.cycles.len()));
    // Adding the cycle after the seed's limit ends that cycle, whatever is still unmarked.
    let adding_ends_limit = Memo::new(move |_| {
        state
            .assessment
            .with(|a| a.cycles.len() == STABILITY_CYCLE_LIMIT && !limit_cycle_over(a))
    });

    view! {
        <PageHeading
            section=STABILITY_SECTION
            title=tr!("Stability after deployment")
            intro=trf!("Within 1–{limit} alignment cycles after deploying KOOM, all {count} signs should be visible. If they are not, something was implemented incorrectly: KOOM is diagnostic.", limit = STABILITY_CYCLE_LIMIT, count = number_word(STABILITY_SIGNS.len()))
        />
        <RuleNote rule=RULE_WITHIN_TWO_CYCLES/>
        {move || {
            let s = stability.get();
            let health = s.health.clone();
            let token = health.token();
            let headline = health.headline();
            view! {
                <section class="card health" data-health=token aria-labelledby="health-title">
                    <h2 id="health-title">{headline}</h2>
                    {match health {
                        Health::NotDeployed { cycles } => view! {
                            <RuleNote rule=RULE_AFTER_DEPLOYMENT/>
                            {(cycles > 0).then(|| view! { <p>{tr!("The marks recorded so far are shown below.")}</p> })}
                        }.into_any(),
                        Health::NotStarted => view! { <p>{tr!("Add the first alignment cycle after deployment and mark each sign.")}</p> }.into_any(),
                        Health::Watch { .. } => view! { <p>{trf!("Keep watching: the seed allows 1–{limit} alignment cycles for every sign to appear. Unmarked or “Not sure” signs count as not seen yet.", limit = STABILITY_CYCLE_LIMIT)}</p> }.into_any(),
                        Health::Healthy { .. } => view! { <p>{tr!("This is what a healthy KOOM deployment looks like.")}</p> }.into_any(),
                        Health::ImplementedIncorrectly { diagnosis, unmarked, .. } => view! {
                            <div class="diagnosis">
                                {(!unmarked.is_empty()).then(|| {
                                    let names: Vec<&str> = unmarked.iter().filter_map(|id| STABILITY_SIGNS.iter().find(|s| s.id == *id)).map(|s| tr!(s.text)).collect();
                                    view! { <p class="unmarked" data-unmarked=unmarked.len()>{trf!("Left unmarked at the end of cycle {limit}, so counted as not seen: {signs}.", limit = STABILITY_CYCLE_LIMIT, signs = names.join(", "))}</p> }
                                })}
                                <p>{tr!("For each missing sign, the parts of the model most likely at fault. ")}
                                   <em>{tr!("This mapping is our reading of the seed, not the seed's own words.")}</em></p>
                                <ul class="plain">
                                    {diagnosis.into_iter().map(|d| view! {
                                        <li data-diagnosis=d.sign.id>
                                            <strong>{tr!(d.sign.text)}</strong>
                                            {
                                                let suspects = end_sentence(&d.suspects.iter().map(|(_, l)| l.clone()).collect::<Vec<_>>().join("; "));
                                                match d.observation {
                                                    Some(Observation::NotSure) => trf!(" (not sure): check {suspects}", suspects = suspects),
                                                    Some(Observation::NotSeen) => trf!(" (not seen): check {suspects}", suspects = suspects),
                                                    _ => trf!(" (not marked): check {suspects}", suspects = suspects),
                                                }
                                            }
                                        </li>
                                    }).collect_view()}
                                </ul>
                            </div>
                        }.into_any(),
                    }}
                    <TrendChart cycles=s.cycles/>
                </section>
            }
        }}
        <div class="cycle-actions">
            <button type="button" class="primary" disabled=move || state.read_only.get()
                aria-describedby=move || adding_ends_limit.get().then_some("add-cycle-note")
                on:click=move |_| state.edit(|a| { a.add_cycle(); })>
                {tr!("Add alignment cycle")}
            </button>
            <button type="button" class="secondary"
                disabled=move || state.read_only.get() || state.assessment.with(|a| a.cycles.last().is_none_or(|c| !c.signs.is_empty() || !c.notes.is_empty()))
                on:click=move |_| state.edit(|a| { a.remove_empty_last_cycle(); })>
                {tr!("Remove empty last cycle")}
            </button>
        </div>
        <Show when=move || stability.with(|s| !matches!(s.health, Health::NotDeployed { .. }))>
            <ReminderPicker id="next-cycle-date" reminder=domain::Reminder::NextCycle
                label=Signal::derive(move || trf!("Remind me to review alignment cycle {number} on", number = cycle_count.get() + 1))/>
        </Show>
        <Show when=move || adding_ends_limit.get()>
            <p class="hint" id="add-cycle-note">{trf!("Adding cycle {next} ends cycle {limit}: the signs still unmarked in cycle {limit} will count as not seen.", next = STABILITY_CYCLE_LIMIT + 1, limit = STABILITY_CYCLE_LIMIT)}</p>
        </Show>
        <Show when=move || { cycle_count.get() > 0 }>
            <div class="table-scroll" role="region" aria-label=tr!("Stability signs per alignment cycle") tabindex="0">
                <table class="signs">
                    <thead>
                        <tr>
                            <th scope="col">{tr!("Sign")}</th>
                            {move || (0..cycle_count.get()).map(|c| view! { <th scope="col">{trf!("Cycle {number}", number = c + 1)}</th> }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {STABILITY_SIGNS.iter().map(|sign| view! {
                            <tr>
                                <th scope="row">{tr!(sign.text)}</th>
                                {move || (0..cycle_count.get()).map(|c| {
                                    let select_id = format!("{}-cycle-{}", sign.id, c + 1);
                                    let label_for = select_id.clone();
                                    let value = move || state.assessment.with(|a| a.observation(c, sign.id).map_or("", Observation::token));
                                    view! {
                                        <td data-observation=value>
                                            <label class="visually-hidden" for=label_for>{trf!("{sign}, cycle {number}", sign = tr!(sign.text), number = c + 1)}</label>
                                            <select
                                                id=select_id
                                                data-cycle=c + 1
                                                data-sign=sign.id
                                                prop:value=value
                                                disabled=move || state.read_only.get()
                                                on:change=move |ev| {
                                                    let o = Observation::from_token(&event_target_value(&ev));
                                                    state.edit(|a| a.set_observation(c, sign.id, o));
                                                }
                                            >
                                                <option value="">"—"</option>
                                                {Observation::ALL.into_iter().map(|o| view! {
                                                    <option value=o.token()>{o.label()}</option>
                                                }).collect_view()}
                                            </select>
                                            {move || state.assessment.with(|a| a.cycles.get(c).and_then(|cycle| cycle.notes.get(sign.id).cloned())).map(|note| view! {
                                                <span class="cell-note">{note}</span>
                                            })}
                                        </td>
                                    }
                                }).collect_view()}
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </Show>
        <details class="card sign-notes">
            <summary>{tr!("Evidence and feedback on each sign")}</summary>
            {STABILITY_SIGNS.iter().map(|sign| view! {
                <div class="sign-extras" data-item=sign.id>
                    <h3>{tr!(sign.text)}</h3>
                    <ItemExtras id=sign.id label=tr!(sign.text) kind="sign"/>
                </div>
            }).collect_view()}
        </details>
    }
}

/// Signs seen per cycle as an inline SVG bar chart, with a text alternative.
#[component]
fn TrendChart(cycles: Vec<CycleCounts>) -> impl IntoView {
    if cycles.is_empty() {
        return ().into_any();
    }
    const BAR: f64 = 36.0;
    const GAP: f64 = 20.0;
    const HEIGHT: f64 = 120.0;
    const TOP: f64 = 18.0;
    let total = STABILITY_SIGNS.len() as f64;
    let width = GAP + cycles.len() as f64 * (BAR + GAP);
    let summary = cycles
        .iter()
        .enumerate()
        .map(|(i, c)| {
            trf!(
                "cycle {number}: {seen} of {total} seen",
                number = i + 1,
                seen = c.seen,
                total = STABILITY_SIGNS.len()
            )
        })
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <figure class="trend">
            <svg
                viewBox=format!("0 0 {width} {}", TOP + HEIGHT + 24.0)
                width=width
                height=TOP + HEIGHT + 24.0
                role="img"
                aria-label=trf!("Signs seen per alignment cycle: {summary}.", summary = summary)
            >
                <line x1="0" y1=TOP + HEIGHT x2=width y2=TOP + HEIGHT class="axis"/>
                <line x1="0" y1=TOP x2=width y2=TOP class="target"/>
                {cycles.iter().enumerate().map(|(i, c)| {
                    let h = HEIGHT * c.seen as f64 / total;
                    let x = GAP + i as f64 * (BAR + GAP);
                    view! {
                        <rect x=x y=TOP + HEIGHT - h width=BAR height=h class=if c.seen == STABILITY_SIGNS.len() { "bar bar-full" } else { "bar" }/>
                        <text x=x + BAR / 2.0 y=TOP + HEIGHT - h - 4.0 text-anchor="middle" class="bar-value">{c.seen}</text>
                        <text x=x + BAR / 2.0 y=TOP + HEIGHT + 16.0 text-anchor="middle" class="bar-label">{trf!("C{number}", number = i + 1)}</text>
                    }
                }).collect_view()}
            </svg>
            <figcaption>{trf!("Signs seen per alignment cycle (of {total})", total = STABILITY_SIGNS.len())}</figcaption>
        </figure>
    }
    .into_any()
}
