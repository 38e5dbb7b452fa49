//! Where an organisation is now, in one line: the readiness verdict before the sequence, then
//! the step in progress, a halt, a roll-back, full deployment, and the stability health after.

use crate::domain::model::items::{
    self as model, DeploymentStep, SeedSection, DEPLOYMENT_STEPS, MATURITY_SECTION, PILOT,
    PRECONDITIONS_SECTION, RED_FLAGS_SECTION,
};
use crate::domain::route::Page;
use crate::domain::rules::evaluation::Evaluation;
use crate::domain::rules::readiness::{ReasonKind, Verdict};
use crate::domain::rules::sequence::{GateOutcome, SequenceState};
use crate::domain::rules::stability::Health;

/// The one honest answer to "where are we now".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stage {
    /// The sequence has not started: the readiness verdict is the answer.
    Readiness(Verdict),
    /// The sequence started (or KOOM was deployed) and the readiness verdict fell back.
    Halted {
        /// The verdict now.
        verdict: Verdict,
        /// Whether KOOM had been fully deployed before the fall-back.
        after_deployment: bool,
    },
    /// The full-deployment gate failed and the pilot iteration is not recorded yet: roll back,
    /// retrain, repeat.
    GateFailed {
        /// The pilot iteration (1-based) the failure would be recorded as.
        iteration: usize,
        /// Ids of the gate criteria not met.
        failed: Vec<&'static str>,
    },
    /// A failed gate rolled the sequence back; this step waits for its retraining.
    RolledBack {
        /// The pilot iteration (1-based) that rolled it back.
        iteration: usize,
        /// The step to retrain now.
        step: &'static DeploymentStep,
    },
    /// A step of the deployment sequence is in progress.
    Deploying {
        /// The step to work on.
        step: &'static DeploymentStep,
        /// After a roll-back, the pilot iteration (2 or more) under way.
        iteration: Option<usize>,
    },
    /// KOOM is fully deployed; the stability health says how it is going.
    Deployed(Health),
}

/// The colour a stage is shown in: a healthy colour only for a healthy state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Do not go on: a Stop, a halt, something implemented incorrectly.
    Stop,
    /// Find out or act before going on: a Hold, a failed gate, a roll-back, a stability watch.
    Caution,
    /// Build maturity first: Not yet.
    Build,
    /// Work under way: a step of the sequence, stability not yet recorded.
    Progress,
    /// Healthy: Ready before the sequence, a healthy deployment.
    Healthy,
}

impl Tone {
    /// A short token for styling and data attributes.
    pub fn token(self) -> &'static str {
        match self {
            Tone::Stop => "stop",
            Tone::Caution => "caution",
            Tone::Build => "build",
            Tone::Progress => "progress",
            Tone::Healthy => "healthy",
        }
    }
}

/// Where an action can be taken: a page of the assessment, and the element to bring into view
/// on it (by id), if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The page.
    pub page: Page,
    /// The id of the element to bring into view and focus.
    pub anchor: Option<String>,
}

/// The id of the full-deployment gate's controls in the sequence page.
pub const GATE_ANCHOR: &str = "full-deployment-gate";

/// The one action the user can take now, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Next {
    /// The action, in one sentence.
    pub text: String,
    /// Where it can be taken.
    pub place: Place,
    /// The label of the button that leads there.
    pub button: String,
}

/// What a Ready verdict means once the deployment sequence is under way or done: "start with
/// step 1" would no longer be true.
pub const READY_UNDER_WAY: &str = "The preconditions hold, no red flag is present and the maturity requirements are met: the ground the deployment sequence stands on still holds. “Where we are now” says what comes next.";

/// The readiness verdict Ready once the journey has moved past it: the ground still holds,
/// nothing to begin.
pub const READY_HOLDS: &str = "Ready — the preconditions still hold";

fn step_anchor(step: &DeploymentStep) -> String {
    format!("{}-title", step.id)
}

fn section_page(section: SeedSection) -> Page {
    if section == MATURITY_SECTION {
        Page::Maturity
    } else if section == RED_FLAGS_SECTION {
        Page::RedFlags
    } else {
        debug_assert!(section == PRECONDITIONS_SECTION || section.0 > 0);
        Page::Preconditions
    }
}

fn page_label(page: Page) -> &'static str {
    match page {
        Page::Preconditions => tr!("Open the preconditions"),
        Page::Maturity => tr!("Open maturity"),
        Page::RedFlags => tr!("Open the red flags"),
        Page::GreenFlags => tr!("Open the green flags"),
        Page::Sequence => tr!("Open the deployment sequence"),
        Page::Stability => tr!("Open stability"),
        Page::Report => tr!("Open the report"),
    }
}

/// A count of things: `one` ("1 cause") for one, else `many` ("{n} causes", filled).
fn count(n: usize, one: &str, many: String) -> String {
    if n == 1 {
        one.to_string()
    } else {
        many
    }
}

impl Stage {
    /// What the readiness verdict means at this stage: the verdict's own explanation before
    /// the sequence starts, and whenever it is not Ready; once the sequence is under way or
    /// done, a Ready verdict no longer tells the user to start at step 1.
    pub fn verdict_explanation(&self, verdict: Verdict) -> &'static str {
        match (self, verdict) {
            (Stage::Readiness(_), v) => v.explanation(),
            (_, Verdict::Ready) => tr!("The preconditions hold, no red flag is present and the maturity requirements are met: the ground the deployment sequence stands on still holds. “Where we are now” says what comes next."),
            (_, v) => v.explanation(),
        }
    }

    /// The readiness verdict as this stage shows it: its headline before the journey moves
    /// past it; afterwards a Ready verdict says the ground still holds, not "begin".
    pub fn readiness_headline(&self, verdict: Verdict) -> &'static str {
        match (self, verdict) {
            (Stage::Readiness(_), v) => v.headline(),
            (_, Verdict::Ready) => tr!("Ready — the preconditions still hold"),
            (_, v) => v.headline(),
        }
    }

    /// Whether the journey has moved past the readiness verdict (the sequence is under way).
    pub fn is_past_readiness(&self) -> bool {
        !matches!(self, Stage::Readiness(_))
    }

    /// Where the evaluated assessment stands.
    pub fn of(e: &Evaluation) -> Stage {
        let s = &e.sequence;
        match s.state {
            SequenceState::NotStartable(verdict) => Stage::Readiness(verdict),
            SequenceState::Halted(verdict) => Stage::Halted {
                verdict,
                after_deployment: s.deployed,
            },
            SequenceState::FullyDeployed => Stage::Deployed(e.stability.health.clone()),
            SequenceState::Active => {
                if let GateOutcome::RollBack { failed, .. } = &s.gate {
                    return Stage::GateFailed {
                        iteration: s.iterations + 1,
                        failed: failed.clone(),
                    };
                }
                let current = s.steps.iter().find(|x| Some(x.step.number) == s.current);
                let iteration = (s.iterations > 0).then_some(s.iterations + 1);
                match current {
                    Some(x) if x.retraining_pending() => Stage::RolledBack {
                        iteration: s.iterations,
                        step: x.step,
                    },
                    Some(x) if x.step.number > 1 || x.done > 0 || iteration.is_some() => {
                        Stage::Deploying {
                            step: x.step,
                            iteration,
                        }
                    }
                    _ => Stage::Readiness(Verdict::Ready),
                }
            }
        }
    }

    /// The stage in one line.
    pub fn headline(&self) -> String {
        match self {
            Stage::Readiness(v) => v.headline().to_string(),
            Stage::Halted {
                verdict,
                after_deployment: false,
            } => trf!(
                "Deployment halted — the readiness verdict fell back to “{verdict}”",
                verdict = verdict.headline()
            ),
            Stage::Halted {
                verdict,
                after_deployment: true,
            } => trf!(
                "Deployed, now halted — the readiness verdict fell back to “{verdict}”",
                verdict = verdict.headline()
            ),
            Stage::GateFailed { failed, .. } => trf!(
                "Pilot gate failed — roll back, retrain, repeat ({failed} of {total} criteria not met)",
                failed = failed.len(),
                total = model::GATE_CRITERIA.len()
            ),
            Stage::RolledBack { iteration, step } if step.id == PILOT => trf!(
                "Rolled back (pilot iteration {iteration}) — repeat {step}",
                iteration = iteration,
                step = step.label()
            ),
            Stage::RolledBack { iteration, step } => trf!(
                "Rolled back (pilot iteration {iteration}) — retrain {step}",
                iteration = iteration,
                step = step.label()
            ),
            Stage::Deploying {
                step,
                iteration: None,
            } => trf!("Deploying — {step} in progress", step = step.label()),
            Stage::Deploying {
                step,
                iteration: Some(n),
            } => trf!(
                "Pilot iteration {n} — {step} in progress",
                n = n,
                step = step.label()
            ),
            Stage::Deployed(health) => {
                trf!("Fully deployed. {health}", health = health_line(health))
            }
        }
    }

    /// The stage in a few words, for tight places (the phone's verdict bar).
    pub fn short_headline(&self) -> String {
        let steps = DEPLOYMENT_STEPS.len();
        match self {
            Stage::Readiness(v) => v.headline().to_string(),
            Stage::Halted { verdict, .. } => {
                trf!("Halted — {verdict}", verdict = verdict.headline())
            }
            Stage::GateFailed { .. } => tr!("Gate failed — roll back, retrain, repeat").to_string(),
            Stage::RolledBack { step, .. } if step.id == PILOT => {
                tr!("Rolled back — repeat the pilot").to_string()
            }
            Stage::RolledBack { step, .. } => {
                trf!("Rolled back — retrain step {number}", number = step.number)
            }
            Stage::Deploying {
                step,
                iteration: None,
            } => trf!(
                "Deploying — step {number} of {steps}",
                number = step.number,
                steps = steps
            ),
            Stage::Deploying {
                step,
                iteration: Some(n),
            } => trf!(
                "Iteration {n} — step {number} of {steps}",
                n = n,
                number = step.number,
                steps = steps
            ),
            Stage::Deployed(health) => match health {
                Health::Healthy { .. } => tr!("Deployed — healthy").to_string(),
                Health::Watch { .. } => tr!("Deployed — watch the signs").to_string(),
                Health::ImplementedIncorrectly { .. } => {
                    tr!("Deployed — implemented incorrectly").to_string()
                }
                Health::NotDeployed { .. } | Health::NotStarted => {
                    tr!("Deployed — record stability").to_string()
                }
            },
        }
    }

    /// A short token for styling and data attributes.
    pub fn token(&self) -> &'static str {
        match self {
            Stage::Readiness(v) => v.token(),
            Stage::Halted { .. } => "halted",
            Stage::GateFailed { .. } => "gate-failed",
            Stage::RolledBack { .. } => "rolled-back",
            Stage::Deploying {
                iteration: None, ..
            } => "deploying",
            Stage::Deploying { .. } => "iteration",
            Stage::Deployed(Health::ImplementedIncorrectly { .. }) => "deployed-incorrect",
            Stage::Deployed(Health::Watch { .. }) => "deployed-watch",
            Stage::Deployed(Health::Healthy { .. }) => "deployed-healthy",
            Stage::Deployed(_) => "deployed",
        }
    }

    /// The colour of the stage: healthy only for Ready before the sequence and a healthy
    /// deployment.
    pub fn tone(&self) -> Tone {
        match self {
            Stage::Readiness(Verdict::Stop) => Tone::Stop,
            Stage::Readiness(Verdict::Hold) => Tone::Caution,
            Stage::Readiness(Verdict::NotYet) => Tone::Build,
            Stage::Readiness(Verdict::Ready) => Tone::Healthy,
            Stage::Halted { .. } => Tone::Stop,
            Stage::GateFailed { .. } | Stage::RolledBack { .. } => Tone::Caution,
            Stage::Deploying { .. } => Tone::Progress,
            Stage::Deployed(Health::Healthy { .. }) => Tone::Healthy,
            Stage::Deployed(Health::Watch { .. }) => Tone::Caution,
            Stage::Deployed(Health::ImplementedIncorrectly { .. }) => Tone::Stop,
            Stage::Deployed(_) => Tone::Progress,
        }
    }

    /// The one action the user can take now, and where: never a locked control.
    pub fn next(&self, e: &Evaluation) -> Next {
        let at = |page: Page, anchor: Option<String>| Place { page, anchor };
        let go = |text: String, place: Place| Next {
            button: page_label(place.page).to_string(),
            text,
            place,
        };
        let r = &e.readiness;
        let first_page = r
            .reasons
            .first()
            .map_or(Page::Preconditions, |x| section_page(x.section));
        match self {
            Stage::Readiness(Verdict::Stop) | Stage::Halted { verdict: Verdict::Stop, .. } => {
                let blockers = r
                    .reasons
                    .iter()
                    .filter(|x| x.kind != ReasonKind::Open)
                    .count();
                go(
                    trf!(
                        "Work on the {count} listed under “Why”: each names the seed's action. When one is resolved, change its answer.",
                        count = count(blockers, tr!("1 cause"), trf!("{n} causes", n = blockers))
                    ),
                    at(first_page, None),
                )
            }
            Stage::Readiness(Verdict::Hold) | Stage::Halted { verdict: Verdict::Hold, .. } => {
                let first = r
                    .open_questions
                    .first()
                    .and_then(|id| model::question(id))
                    .map(|q| tr!(q.text));
                let n = r.open_questions.len();
                let questions = count(
                    n,
                    tr!("1 readiness question"),
                    trf!("{n} readiness questions", n = n),
                );
                go(
                    match first {
                        Some(first) => trf!(
                            "Find out and answer the {count} still open, starting with “{question}”.",
                            count = questions,
                            question = first
                        ),
                        None => trf!("Find out and answer the {count} still open.", count = questions),
                    },
                    at(first_page, None),
                )
            }
            Stage::Readiness(Verdict::NotYet)
            | Stage::Halted {
                verdict: Verdict::NotYet,
                ..
            } => go(
                trf!(
                    "Build the {count} listed under “Why”; when one holds, change its answer.",
                    count = count(
                        r.reasons.len(),
                        tr!("1 missing maturity facet"),
                        trf!("{n} missing maturity facets", n = r.reasons.len())
                    )
                ),
                at(Page::Maturity, None),
            ),
            Stage::Readiness(Verdict::Ready) | Stage::Halted { .. } => go(
                tr!("Begin the deployment sequence at step 1, Executive Education.").to_string(),
                at(Page::Sequence, Some(step_anchor(&DEPLOYMENT_STEPS[0]))),
            ),
            Stage::GateFailed { iteration, .. } => go(
                trf!(
                    "Roll back, retrain, repeat: record pilot iteration {iteration}, choosing the steps to retrain, then retrain them and repeat the pilot.",
                    iteration = iteration
                ),
                at(Page::Sequence, Some(GATE_ANCHOR.to_string())),
            ),
            Stage::RolledBack { step, .. } if step.id == PILOT => go(
                trf!(
                    "Repeat {step} and confirm it; then answer the gate afresh.",
                    step = step.label()
                ),
                at(Page::Sequence, Some(step_anchor(step))),
            ),
            Stage::RolledBack { step, .. } => go(
                trf!(
                    "Retrain {step} and confirm it; then repeat the pilot and answer the gate afresh.",
                    step = step.label()
                ),
                at(Page::Sequence, Some(step_anchor(step))),
            ),
            Stage::Deploying { step, iteration } => {
                let status = e.sequence.steps.iter().find(|x| x.step.number == step.number);
                let left = status.map_or(0, |x| x.total.saturating_sub(x.done));
                let text = match (step.id == PILOT, iteration) {
                    (true, Some(n)) => trf!(
                        "Repeat the pilot (iteration {n}): evaluate real-world behaviour again, then answer the gate afresh.",
                        n = n
                    ),
                    _ if step.number as usize == DEPLOYMENT_STEPS.len() => {
                        tr!("Answer the six criteria of the full-deployment gate.").to_string()
                    }
                    _ => trf!(
                        "Continue the deployment sequence at {step}: {count} to do.",
                        step = step.label(),
                        count = count(left, tr!("1 item"), trf!("{n} items", n = left))
                    ),
                };
                go(text, at(Page::Sequence, Some(step_anchor(step))))
            }
            Stage::Deployed(Health::ImplementedIncorrectly { .. }) => go(
                tr!("Something was implemented incorrectly: work through the diagnosis, fixing the parts of the model it names for each missing sign.").to_string(),
                at(Page::Stability, None),
            ),
            Stage::Deployed(Health::Healthy { .. }) => go(
                tr!("Keep the alignment cycles going, and bring what is unclear in the model back to its own improvement cycle: clarify, simplify, remove ambiguity, improve alignment (the KOOM model, section 9).").to_string(),
                at(Page::Stability, None),
            ),
            Stage::Deployed(Health::Watch { cycle, .. }) => go(
                trf!(
                    "Watch the signs: record them through cycle {cycle} — the seed gives 1–2 alignment cycles.",
                    cycle = (*cycle).max(model::STABILITY_CYCLE_LIMIT)
                ),
                at(Page::Stability, None),
            ),
            Stage::Deployed(_) => go(
                tr!("Record the stability signs over the next alignment cycles.").to_string(),
                at(Page::Stability, None),
            ),
        }
    }
}

fn health_line(health: &Health) -> String {
    match health {
        Health::NotDeployed { .. } | Health::NotStarted => {
            tr!("Record the stability signs of the first alignment cycle.").to_string()
        }
        other => other.headline(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::answer::{Answer, Observation};
    use crate::domain::model::assessment::Assessment;
    use crate::domain::model::example::raccoons_inc;
    use crate::domain::model::items::{readiness_questions, DEPLOYMENT_STEPS, GATE_CRITERIA};
    use crate::domain::rules::evaluation::evaluate;
    use crate::domain::rules::sequence::{
        record_pilot_iteration, set_item_done, set_retrained, suggested_retraining,
    };

    fn stage(a: &Assessment) -> Stage {
        Stage::of(&evaluate(a))
    }

    #[test]
    fn a_ready_verdict_says_start_at_step_one_only_before_the_sequence() {
        let mut ready = Assessment::new("Org", "");
        for q in readiness_questions() {
            ready.set_answer(q.id, Some(q.healthy));
        }
        assert_eq!(
            stage(&ready).verdict_explanation(Verdict::Ready),
            Verdict::Ready.explanation()
        );
        // The example is fully deployed: "start with step 1" would be untrue.
        let deployed = stage(&raccoons_inc());
        assert!(matches!(deployed, Stage::Deployed(_)));
        assert_eq!(
            deployed.verdict_explanation(Verdict::Ready),
            READY_UNDER_WAY
        );
        // A verdict that fell back keeps its own explanation: it says why.
        assert_eq!(
            deployed.verdict_explanation(Verdict::Stop),
            Verdict::Stop.explanation()
        );
    }

    fn ready() -> Assessment {
        let mut a = Assessment::new("Stage Org", "");
        for q in readiness_questions() {
            a.set_answer(q.id, Some(q.healthy));
        }
        a
    }

    #[test]
    fn before_the_sequence_the_readiness_verdict_is_the_stage() {
        assert_eq!(
            stage(&Assessment::default()),
            Stage::Readiness(Verdict::Hold)
        );
        let a = ready();
        assert_eq!(stage(&a), Stage::Readiness(Verdict::Ready));
        assert_eq!(
            stage(&a).headline(),
            "Ready — begin the deployment sequence"
        );
    }

    #[test]
    fn a_step_in_progress_is_the_stage() {
        let mut a = ready();
        a.checklist
            .insert("step.executive_education.role_boundaries".into());
        assert_eq!(
            stage(&a).headline(),
            "Deploying — Step 1 — Executive Education in progress"
        );
        let mut b = raccoons_inc();
        b.checklist.remove("step.coe.support_training");
        assert_eq!(
            stage(&b).headline(),
            "Deploying — Step 3 — CoE Creation or Upgrade in progress"
        );
    }

    #[test]
    fn a_fall_back_halts_before_and_after_deployment() {
        let mut a = ready();
        a.checklist
            .insert("step.executive_education.role_boundaries".into());
        a.set_answer("red_flag.no_time_for_structure", Some(Answer::Yes));
        assert_eq!(
            stage(&a).headline(),
            "Deployment halted — the readiness verdict fell back to “Stop — do not deploy KOOM”"
        );
        let mut b = raccoons_inc();
        b.set_answer("red_flag.no_time_for_structure", Some(Answer::Yes));
        assert_eq!(
            stage(&b),
            Stage::Halted {
                verdict: Verdict::Stop,
                after_deployment: true
            }
        );
    }

    /// Seed §4, step 6: "Only proceed if: drift decreased, … If not — roll back, retrain,
    /// repeat." A failed criterion is the stage at once, before the iteration is recorded.
    #[test]
    fn a_failed_gate_is_the_stage_at_once_and_next_is_roll_back_retrain_repeat() {
        let mut a = raccoons_inc();
        a.set_answer(GATE_CRITERIA[3].id, Some(Answer::No));
        let e = evaluate(&a);
        let s = Stage::of(&e);
        assert_eq!(
            s,
            Stage::GateFailed {
                iteration: 1,
                failed: vec![GATE_CRITERIA[3].id]
            }
        );
        assert_eq!(
            s.headline(),
            "Pilot gate failed — roll back, retrain, repeat (1 of 6 criteria not met)"
        );
        assert_eq!(s.tone(), Tone::Caution);
        let next = s.next(&e);
        assert!(next
            .text
            .starts_with("Roll back, retrain, repeat: record pilot iteration 1"));
        assert_eq!(next.place.page, Page::Sequence);
        assert_eq!(next.place.anchor.as_deref(), Some(GATE_ANCHOR));
    }

    #[test]
    fn a_recorded_failure_rolls_back_to_the_step_to_retrain_then_iteration_two_repeats_the_pilot() {
        let mut a = raccoons_inc();
        a.set_answer(GATE_CRITERIA[3].id, Some(Answer::No));
        let suggested = suggested_retraining(&a);
        record_pilot_iteration(&mut a, Verdict::Ready, "2026-11-24", &suggested).unwrap();
        assert_eq!(
            stage(&a).headline(),
            "Rolled back (pilot iteration 1) — retrain Step 2 — Manager Training"
        );
        assert_eq!(stage(&a).token(), "rolled-back");
        assert_eq!(stage(&a).tone(), Tone::Caution);
        assert_eq!(stage(&a).short_headline(), "Rolled back — retrain step 2");
        let e = evaluate(&a);
        assert_eq!(
            stage(&a).next(&e).place.anchor.as_deref(),
            Some("step.manager_training-title")
        );

        set_retrained(
            &mut a,
            Verdict::Ready,
            "step.manager_training",
            Some("2026-11-25"),
        )
        .unwrap();
        let s = stage(&a);
        assert_eq!(
            s,
            Stage::Deploying {
                step: &DEPLOYMENT_STEPS[4],
                iteration: Some(2)
            }
        );
        assert_eq!(
            s.headline(),
            "Pilot iteration 2 — Step 5 — Pilot Deployment in progress"
        );
        assert_eq!(s.short_headline(), "Iteration 2 — step 5 of 6");
        assert_eq!(s.tone(), Tone::Progress);
        assert!(s
            .next(&evaluate(&a))
            .text
            .starts_with("Repeat the pilot (iteration 2)"));

        set_item_done(
            &mut a,
            Verdict::Ready,
            crate::domain::model::items::PILOT_EVALUATION_ITEM,
            true,
        )
        .unwrap();
        let s = stage(&a);
        assert_eq!(
            s.headline(),
            "Pilot iteration 2 — Step 6 — Full Deployment in progress"
        );
        assert_eq!(
            s.next(&evaluate(&a)).text,
            "Answer the six criteria of the full-deployment gate."
        );
    }

    #[test]
    fn a_healthy_colour_only_for_a_healthy_state() {
        let mut ready = ready();
        assert_eq!(stage(&ready).tone(), Tone::Healthy);
        assert_eq!(stage(&raccoons_inc()).tone(), Tone::Healthy);
        ready
            .checklist
            .insert("step.executive_education.role_boundaries".into());
        assert_eq!(stage(&ready).tone(), Tone::Progress);
        let mut stop = Assessment::default();
        stop.set_answer("red_flag.no_time_for_structure", Some(Answer::Yes));
        assert_eq!(stage(&stop).tone(), Tone::Stop);
        assert_eq!(stage(&Assessment::default()).tone(), Tone::Caution);
        let mut not_yet = self::ready();
        not_yet.set_answer("maturity.truth.audit_uncensored", Some(Answer::No));
        assert_eq!(stage(&not_yet).tone(), Tone::Build);
        let mut watch = raccoons_inc();
        watch.cycles.truncate(1);
        watch.cycles[0]
            .signs
            .insert("stability.lower_variance".into(), Observation::NotSeen);
        assert!(matches!(
            stage(&watch),
            Stage::Deployed(Health::Watch { .. })
        ));
        assert_eq!(stage(&watch).tone(), Tone::Caution);
        assert_eq!(stage(&watch).token(), "deployed-watch");
        let mut failed = raccoons_inc();
        failed.cycles[1]
            .signs
            .insert("stability.reduced_rework".into(), Observation::NotSeen);
        assert_eq!(stage(&failed).tone(), Tone::Stop);
        let mut halted = raccoons_inc();
        halted.set_answer("red_flag.no_time_for_structure", Some(Answer::Yes));
        assert_eq!(stage(&halted).tone(), Tone::Stop);
        for token in [
            Tone::Stop,
            Tone::Caution,
            Tone::Build,
            Tone::Progress,
            Tone::Healthy,
        ] {
            assert!(!token.token().is_empty());
        }
    }

    /// Past readiness, "Ready — begin the deployment sequence" would be untrue: the readiness
    /// part says the ground holds.
    #[test]
    fn past_readiness_the_verdict_is_the_readiness_part_never_begin() {
        let mut c = raccoons_inc();
        c.cycles[1]
            .signs
            .insert("stability.reduced_rework".into(), Observation::NotSeen);
        let e = evaluate(&c);
        let s = Stage::of(&e);
        assert!(s.is_past_readiness());
        for text in [
            s.headline(),
            s.short_headline(),
            s.readiness_headline(Verdict::Ready).to_string(),
            s.verdict_explanation(Verdict::Ready).to_string(),
            s.next(&e).text,
        ] {
            assert!(!text.to_lowercase().contains("begin"), "{text}");
        }
        assert_eq!(s.readiness_headline(Verdict::Ready), READY_HOLDS);
        assert_eq!(
            Stage::Readiness(Verdict::Ready).readiness_headline(Verdict::Ready),
            Verdict::Ready.headline()
        );
        assert!(s
            .next(&e)
            .text
            .starts_with("Something was implemented incorrectly"));
        assert_eq!(s.next(&e).place.page, Page::Stability);
    }

    /// Seed §2: "If these conditions are not true, the organization cannot deploy KOOM." Next
    /// never leads to the locked sequence before Ready.
    #[test]
    fn before_ready_next_leads_where_the_answers_are_never_to_the_locked_sequence() {
        let mut stop = self::ready();
        stop.set_answer(
            "precondition.executives.direct_orders_outside_spine",
            Some(Answer::Yes),
        );
        let e = evaluate(&stop);
        let next = stage(&stop).next(&e);
        assert_eq!(next.place.page, Page::Preconditions);
        assert_eq!(
            next.text,
            "Work on the 2 causes listed under “Why”: each names the seed's action. When one is resolved, change its answer."
        );
        let blank = Assessment::default();
        let next = stage(&blank).next(&evaluate(&blank));
        assert_eq!(next.place.page, Page::Preconditions);
        assert!(next.text.starts_with(
            "Find out and answer the 24 readiness questions still open, starting with “"
        ));
        let mut not_yet = self::ready();
        not_yet.set_answer("maturity.truth.audit_uncensored", Some(Answer::No));
        let next = stage(&not_yet).next(&evaluate(&not_yet));
        assert_eq!(next.place.page, Page::Maturity);
        let r = self::ready();
        let next = stage(&r).next(&evaluate(&r));
        assert_eq!(next.place.page, Page::Sequence);
        assert_eq!(next.button, "Open the deployment sequence");
        let mut halted = raccoons_inc();
        halted.set_answer("red_flag.no_time_for_structure", Some(Answer::Yes));
        let e = evaluate(&halted);
        assert_eq!(stage(&halted).next(&e).place.page, Page::RedFlags);
    }

    #[test]
    fn after_full_deployment_the_stability_health_is_the_stage() {
        let a = raccoons_inc();
        assert_eq!(
            stage(&a).headline(),
            "Fully deployed. Healthy deployment — all ten signs seen by cycle 2"
        );
        let mut b = raccoons_inc();
        b.cycles.clear();
        assert_eq!(
            stage(&b).headline(),
            "Fully deployed. Record the stability signs of the first alignment cycle."
        );
        b.add_cycle();
        b.set_observation(0, "stability.lower_variance", Some(Observation::NotSeen));
        assert_eq!(
            stage(&b).headline(),
            "Fully deployed. Watch — 10 of 10 signs not seen yet in cycle 1"
        );
        let mut c = raccoons_inc();
        c.cycles[1]
            .signs
            .insert("stability.reduced_rework".into(), Observation::NotSure);
        assert_eq!(
            stage(&c).headline(),
            "Fully deployed. Something was implemented incorrectly — 1 of 10 signs not seen by the end of cycle 2"
        );
        assert_eq!(stage(&c).token(), "deployed-incorrect");
        assert_eq!(
            stage(&c).short_headline(),
            "Deployed — implemented incorrectly"
        );
    }
}
