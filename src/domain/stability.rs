//! Stability after deployment (seed §7): the ten signs over alignment cycles.
//!
//! All ten seen within two cycles is a healthy deployment. After cycle 1 with signs missing,
//! watch. After cycle 2 with signs still missing, something was implemented incorrectly, and
//! the diagnosis names the model parts most likely at fault for each missing sign. That
//! mapping is our reading of the seed, not the seed's own words.

use super::answer::Observation;
use super::assessment::{AlignmentCycle, Assessment};
use super::model::{self, StabilitySign, STABILITY_CYCLE_LIMIT, STABILITY_SIGNS};

/// What the signs say about the deployment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Health {
    /// No alignment cycle has been recorded.
    NotStarted,
    /// Signs are missing after cycle 1, or a later cycle is still being recorded.
    Watch {
        /// The cycle (1-based) the state is read from.
        cycle: usize,
        /// Ids of the signs not (yet) seen.
        missing: Vec<&'static str>,
    },
    /// All ten signs seen.
    Healthy {
        /// The cycle (1-based) in which all ten were seen.
        cycle: usize,
    },
    /// Signs still missing after the seed's 1–2 alignment cycles.
    ImplementedIncorrectly {
        /// The cycle (1-based) the state is read from.
        cycle: usize,
        /// For each missing sign, the likely causes.
        diagnosis: Vec<Diagnosis>,
    },
}

impl Health {
    /// The state's headline.
    pub fn headline(&self) -> String {
        match self {
            Health::NotStarted => "No alignment cycle recorded yet".to_string(),
            Health::Watch { cycle, missing } => format!(
                "Watch — {} of {} signs not seen yet after cycle {cycle}",
                missing.len(),
                STABILITY_SIGNS.len()
            ),
            Health::Healthy { cycle } if *cycle <= STABILITY_CYCLE_LIMIT => {
                format!("Healthy deployment — all ten signs seen by cycle {cycle}")
            }
            Health::Healthy { cycle } => format!(
                "All ten signs seen in cycle {cycle} — later than the seed's 1–2 alignment cycles"
            ),
            Health::ImplementedIncorrectly { cycle, diagnosis } => format!(
                "Something was implemented incorrectly — {} of {} signs still missing after cycle {cycle}",
                diagnosis.len(),
                STABILITY_SIGNS.len()
            ),
        }
    }

    /// A short token for styling.
    pub fn token(&self) -> &'static str {
        match self {
            Health::NotStarted => "not-started",
            Health::Watch { .. } => "watch",
            Health::Healthy { .. } => "healthy",
            Health::ImplementedIncorrectly { .. } => "incorrect",
        }
    }
}

/// One missing sign and the model parts most likely at fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnosis {
    /// The sign that is missing.
    pub sign: &'static StabilitySign,
    /// What was recorded for it in the cycle read ("Not seen", "Not sure" or nothing).
    pub observation: Option<Observation>,
    /// Ids and labels of the suspected model parts (our reading of the seed).
    pub suspects: Vec<(&'static str, String)>,
}

/// Counts of one cycle, for the trend chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CycleCounts {
    /// Signs seen.
    pub seen: usize,
    /// Signs not seen.
    pub not_seen: usize,
    /// Signs marked "Not sure".
    pub not_sure: usize,
    /// Signs not marked.
    pub unmarked: usize,
}

/// The stability evaluation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stability {
    /// The health of the deployment.
    pub health: Health,
    /// Counts per recorded cycle, in order.
    pub cycles: Vec<CycleCounts>,
}

fn counts(cycle: &AlignmentCycle) -> CycleCounts {
    let mut c = CycleCounts::default();
    for s in STABILITY_SIGNS.iter() {
        match cycle.signs.get(s.id) {
            Some(Observation::Seen) => c.seen += 1,
            Some(Observation::NotSeen) => c.not_seen += 1,
            Some(Observation::NotSure) => c.not_sure += 1,
            None => c.unmarked += 1,
        }
    }
    c
}

/// The suspects of a sign, labelled.
pub fn suspects(sign: &'static StabilitySign) -> Vec<(&'static str, String)> {
    sign.suspects
        .iter()
        .map(|id| {
            let label = model::item(id)
                .map(|i| i.label())
                .unwrap_or_else(|| id.to_string());
            (*id, label)
        })
        .collect()
}

/// Evaluates stability. Total: never panics.
pub fn evaluate(assessment: &Assessment) -> Stability {
    let cycles: Vec<CycleCounts> = assessment.cycles.iter().map(counts).collect();
    // A cycle just added and not yet marked says nothing: read the last one with a mark.
    let Some(index) = assessment
        .cycles
        .iter()
        .rposition(|c| STABILITY_SIGNS.iter().any(|s| c.signs.contains_key(s.id)))
    else {
        return Stability {
            health: Health::NotStarted,
            cycles,
        };
    };
    let still_recording = cycles[index].unmarked > 0;
    // While a later cycle is still being marked, a complete cycle 2 or later keeps its verdict.
    let index = if still_recording && index + 1 > STABILITY_CYCLE_LIMIT {
        (STABILITY_CYCLE_LIMIT - 1..index)
            .rev()
            .find(|&i| cycles[i].unmarked == 0)
            .unwrap_or(index)
    } else {
        index
    };
    let still_recording = cycles[index].unmarked > 0;
    let cycle = &assessment.cycles[index];
    let number = index + 1;
    let missing: Vec<&'static StabilitySign> = STABILITY_SIGNS
        .iter()
        .filter(|s| cycle.signs.get(s.id) != Some(&Observation::Seen))
        .collect();

    let health = if missing.is_empty() {
        Health::Healthy { cycle: number }
    } else if number < STABILITY_CYCLE_LIMIT || still_recording {
        Health::Watch {
            cycle: number,
            missing: missing.iter().map(|s| s.id).collect(),
        }
    } else {
        Health::ImplementedIncorrectly {
            cycle: number,
            diagnosis: missing
                .into_iter()
                .map(|sign| Diagnosis {
                    sign,
                    observation: cycle.signs.get(sign.id).copied(),
                    suspects: suspects(sign),
                })
                .collect(),
        }
    };
    Stability { health, cycles }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::example::raccoons_inc;

    fn cycle_with(seen: usize, rest: Option<Observation>) -> AlignmentCycle {
        let mut c = AlignmentCycle::default();
        for (i, s) in STABILITY_SIGNS.iter().enumerate() {
            if i < seen {
                c.signs.insert(s.id.to_string(), Observation::Seen);
            } else if let Some(o) = rest {
                c.signs.insert(s.id.to_string(), o);
            }
        }
        c
    }

    #[test]
    fn no_cycles_is_not_started() {
        assert_eq!(evaluate(&Assessment::default()).health, Health::NotStarted);
        let mut a = Assessment::default();
        a.add_cycle();
        assert_eq!(evaluate(&a).health, Health::NotStarted);
    }

    #[test]
    fn all_seen_in_cycle_one_is_healthy() {
        let mut a = Assessment::default();
        a.cycles.push(cycle_with(10, None));
        let s = evaluate(&a);
        assert_eq!(s.health, Health::Healthy { cycle: 1 });
        assert_eq!(
            s.health.headline(),
            "Healthy deployment — all ten signs seen by cycle 1"
        );
    }

    #[test]
    fn missing_after_cycle_one_is_watch() {
        let mut a = Assessment::default();
        a.cycles.push(cycle_with(7, Some(Observation::NotSeen)));
        let s = evaluate(&a);
        assert!(matches!(s.health, Health::Watch { cycle: 1, ref missing } if missing.len() == 3));
        assert_eq!(
            s.health.headline(),
            "Watch — 3 of 10 signs not seen yet after cycle 1"
        );
    }

    #[test]
    fn missing_after_cycle_two_is_implemented_incorrectly_with_diagnosis() {
        let mut a = Assessment::default();
        a.cycles.push(cycle_with(5, Some(Observation::NotSeen)));
        let mut second = cycle_with(10, None);
        second.signs.insert(
            "stability.faster_blocker_removal".into(),
            Observation::NotSeen,
        );
        second
            .signs
            .insert("stability.cleaner_workflows".into(), Observation::NotSure);
        a.cycles.push(second);
        let s = evaluate(&a);
        let Health::ImplementedIncorrectly { cycle, diagnosis } = &s.health else {
            panic!("expected incorrect, got {:?}", s.health);
        };
        assert_eq!(*cycle, 2);
        assert_eq!(diagnosis.len(), 2);
        assert_eq!(diagnosis[0].sign.id, "stability.faster_blocker_removal");
        let ids: Vec<&str> = diagnosis[0].suspects.iter().map(|(id, _)| *id).collect();
        assert_eq!(
            ids,
            [
                "precondition.workers",
                "maturity.early_escalation",
                "step.manager_training",
                "step.worker_onboarding"
            ]
        );
        assert_eq!(
            diagnosis[0].suspects[1].1,
            "Requirement 2 — Willingness to escalate early"
        );
        assert_eq!(diagnosis[1].observation, Some(Observation::NotSure));
        assert_eq!(
            s.health.headline(),
            "Something was implemented incorrectly — 2 of 10 signs still missing after cycle 2"
        );
    }

    #[test]
    fn a_second_cycle_still_being_recorded_is_watch_not_a_diagnosis() {
        let mut a = Assessment::default();
        a.cycles.push(cycle_with(5, Some(Observation::NotSeen)));
        a.cycles.push(cycle_with(3, None));
        assert!(matches!(
            evaluate(&a).health,
            Health::Watch { cycle: 2, .. }
        ));
    }

    #[test]
    fn a_third_cycle_being_recorded_keeps_the_cycle_two_diagnosis() {
        let mut a = Assessment::default();
        a.cycles.push(cycle_with(5, Some(Observation::NotSeen)));
        a.cycles.push(cycle_with(8, Some(Observation::NotSeen)));
        a.cycles.push(cycle_with(1, None));
        let s = evaluate(&a);
        assert!(
            matches!(s.health, Health::ImplementedIncorrectly { cycle: 2, ref diagnosis } if diagnosis.len() == 2),
            "{:?}",
            s.health
        );
    }

    #[test]
    fn healthy_after_cycle_two_says_it_was_late() {
        let mut a = Assessment::default();
        a.cycles.push(cycle_with(5, Some(Observation::NotSeen)));
        a.cycles.push(cycle_with(8, Some(Observation::NotSeen)));
        a.cycles.push(cycle_with(10, None));
        let s = evaluate(&a);
        assert_eq!(s.health, Health::Healthy { cycle: 3 });
        assert!(s
            .health
            .headline()
            .contains("later than the seed's 1–2 alignment cycles"));
        assert_eq!(
            s.cycles.iter().map(|c| c.seen).collect::<Vec<_>>(),
            [5, 8, 10]
        );
    }

    #[test]
    fn every_suspect_names_a_model_item() {
        for sign in STABILITY_SIGNS.iter() {
            assert!(!sign.suspects.is_empty());
            for id in sign.suspects {
                assert!(
                    model::item(id).is_some(),
                    "{} names unknown {}",
                    sign.id,
                    id
                );
            }
        }
    }

    #[test]
    fn raccoons_inc_is_healthy_by_cycle_two() {
        let s = evaluate(&raccoons_inc());
        assert_eq!(s.health, Health::Healthy { cycle: 2 });
        assert!(s.cycles[0].seen < 10);
    }
}
