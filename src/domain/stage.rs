//! Where an organisation is now, in one line: the readiness verdict before the sequence, then
//! the step in progress, a halt, a roll-back, full deployment, and the stability health after.

use super::evaluation::Evaluation;
use super::model::DeploymentStep;
use super::readiness::Verdict;
use super::sequence::SequenceState;
use super::stability::Health;

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
    },
    /// KOOM is fully deployed; the stability health says how it is going.
    Deployed(Health),
}

/// What a Ready verdict means once the deployment sequence is under way or done: "start with
/// step 1" would no longer be true.
pub const READY_UNDER_WAY: &str = "The preconditions hold, no red flag is present and the maturity requirements are met: the ground the deployment sequence stands on still holds. “Where we are now” says what comes next.";

impl Stage {
    /// What the readiness verdict means at this stage: the verdict's own explanation before
    /// the sequence starts, and whenever it is not Ready; once the sequence is under way or
    /// done, a Ready verdict no longer tells the user to start at step 1.
    pub fn verdict_explanation(&self, verdict: Verdict) -> &'static str {
        match (self, verdict) {
            (Stage::Readiness(_), v) => v.explanation(),
            (_, Verdict::Ready) => READY_UNDER_WAY,
            (_, v) => v.explanation(),
        }
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
                let current = s.steps.iter().find(|x| Some(x.step.number) == s.current);
                match current {
                    Some(x) if x.retraining_pending() => Stage::RolledBack {
                        iteration: s.iterations,
                        step: x.step,
                    },
                    Some(x) if x.step.number > 1 || x.done > 0 => Stage::Deploying { step: x.step },
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
            } => format!(
                "Deployment halted — the readiness verdict fell back to “{}”",
                verdict.headline()
            ),
            Stage::Halted {
                verdict,
                after_deployment: true,
            } => format!(
                "Deployed, now halted — the readiness verdict fell back to “{}”",
                verdict.headline()
            ),
            Stage::RolledBack { iteration, step } => format!(
                "Rolled back (pilot iteration {iteration}) — retrain {}",
                step.label()
            ),
            Stage::Deploying { step } => format!("Deploying — {} in progress", step.label()),
            Stage::Deployed(health) => format!("Fully deployed. {}", health_line(health)),
        }
    }

    /// The stage in a few words, for tight places (the phone's verdict bar).
    pub fn short_headline(&self) -> String {
        match self {
            Stage::Readiness(v) => v.headline().to_string(),
            Stage::Halted { verdict, .. } => format!("Halted — {}", verdict.headline()),
            Stage::RolledBack { step, .. } => {
                format!("Rolled back — retrain step {}", step.number)
            }
            Stage::Deploying { step } => format!("Deploying — step {} of 6", step.number),
            Stage::Deployed(health) => match health {
                Health::Healthy { .. } => "Deployed — healthy".to_string(),
                Health::Watch { .. } => "Deployed — watch the signs".to_string(),
                Health::ImplementedIncorrectly { .. } => {
                    "Deployed — implemented incorrectly".to_string()
                }
                Health::NotDeployed { .. } | Health::NotStarted => {
                    "Deployed — record stability".to_string()
                }
            },
        }
    }

    /// A short token for styling and data attributes.
    pub fn token(&self) -> &'static str {
        match self {
            Stage::Readiness(v) => v.token(),
            Stage::Halted { .. } => "halted",
            Stage::RolledBack { .. } => "rolled-back",
            Stage::Deploying { .. } => "deploying",
            Stage::Deployed(Health::ImplementedIncorrectly { .. }) => "deployed-incorrect",
            Stage::Deployed(Health::Watch { .. }) => "deployed-watch",
            Stage::Deployed(Health::Healthy { .. }) => "deployed-healthy",
            Stage::Deployed(_) => "deployed",
        }
    }
}

fn health_line(health: &Health) -> String {
    match health {
        Health::NotDeployed { .. } | Health::NotStarted => {
            "Record the stability signs of the first alignment cycle.".to_string()
        }
        other => other.headline(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::answer::{Answer, Observation};
    use crate::domain::assessment::Assessment;
    use crate::domain::evaluation::evaluate;
    use crate::domain::example::raccoons_inc;
    use crate::domain::model::{readiness_questions, GATE_CRITERIA};
    use crate::domain::sequence::record_pilot_iteration;

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

    #[test]
    fn a_failed_gate_rolls_back_to_the_step_to_retrain() {
        let mut a = raccoons_inc();
        a.set_answer(GATE_CRITERIA[3].id, Some(Answer::No));
        record_pilot_iteration(&mut a, Verdict::Ready, "2026-11-24").unwrap();
        assert_eq!(
            stage(&a).headline(),
            "Rolled back (pilot iteration 1) — retrain Step 2 — Manager Training"
        );
        assert_eq!(stage(&a).token(), "rolled-back");
        assert_eq!(stage(&a).short_headline(), "Rolled back — retrain step 2");
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
