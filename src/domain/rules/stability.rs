//! Stability after deployment (seed §7): the ten signs over alignment cycles.
//!
//! The seed: "If you don't see these signs within 1–2 alignment cycles, something was
//! implemented incorrectly." So:
//! - before full deployment there is nothing to judge (marks are kept);
//! - all ten seen in cycle 1, or in cycle 2, is a healthy deployment;
//! - while cycle 1, or an unfinished cycle 2, has signs missing: watch;
//! - once cycle 2 is over (fully marked, or a cycle 3 begun), every sign not seen in cycle 2
//!   (unmarked and "Not sure" count as not seen) means something was implemented incorrectly,
//!   whatever later cycles show; signs that appear only from cycle 3 on are late, not healthy.
//!
//! The diagnosis names the model parts most likely at fault for each missing sign. That
//! mapping is our reading of the seed, not the seed's own words.

use crate::domain::model::answer::Observation;
use crate::domain::model::assessment::{AlignmentCycle, Assessment};
use crate::domain::model::items::{
    self as model, StabilitySign, STABILITY_CYCLE_LIMIT, STABILITY_SIGNS,
};

/// What the signs say about the deployment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Health {
    /// KOOM is not fully deployed yet: stability is the state after deployment, so nothing is
    /// judged. Marks recorded meanwhile (for example during the pilot) are kept.
    NotDeployed {
        /// Cycles recorded so far.
        cycles: usize,
    },
    /// Deployed, and no alignment cycle has a mark yet.
    NotStarted,
    /// Signs are missing in cycle 1, or in cycle 2 while it is still being marked.
    Watch {
        /// The cycle (1-based) the state is read from.
        cycle: usize,
        /// Ids of the signs not (yet) seen.
        missing: Vec<&'static str>,
    },
    /// All ten signs seen within the seed's 1–2 alignment cycles.
    Healthy {
        /// The cycle (1 or 2) in which all ten were seen.
        cycle: usize,
    },
    /// Cycle 2 is over and signs were not seen in it.
    ImplementedIncorrectly {
        /// The cycle the diagnosis is read from: always the seed's limit, cycle 2.
        cycle: usize,
        /// For each sign not seen at the end of cycle 2, the likely causes.
        diagnosis: Vec<Diagnosis>,
        /// Ids of the signs left unmarked at the end of cycle 2 (counted as not seen).
        unmarked: Vec<&'static str>,
        /// The later cycle (3 or more) in which all ten were finally seen, if any: late.
        late: Option<usize>,
    },
}

impl Health {
    /// The state's headline.
    pub fn headline(&self) -> String {
        let total = STABILITY_SIGNS.len();
        match self {
            Health::NotDeployed { .. } => {
                tr!("Not judged yet — stability is checked after full deployment").to_string()
            }
            Health::NotStarted => tr!("No alignment cycle marked yet").to_string(),
            Health::Watch { cycle, missing } => trf!(
                "Watch — {missing} of {total} signs not seen yet in cycle {cycle}",
                missing = missing.len(),
                total = total,
                cycle = cycle,
            ),
            Health::Healthy { cycle } => trf!(
                "Healthy deployment — all ten signs seen by cycle {cycle}",
                cycle = cycle
            ),
            Health::ImplementedIncorrectly {
                diagnosis, late, ..
            } => {
                let mut line = trf!(
                    "Something was implemented incorrectly — {missing} of {total} signs not seen by the end of cycle {cycle}",
                    missing = diagnosis.len(),
                    total = total,
                    cycle = STABILITY_CYCLE_LIMIT,
                );
                if let Some(n) = late {
                    line.push_str(&trf!(
                        "; all ten seen only in cycle {n}, later than the seed's 1–2 alignment cycles",
                        n = n
                    ));
                }
                line
            }
        }
    }

    /// A short token for styling.
    pub fn token(&self) -> &'static str {
        match self {
            Health::NotDeployed { .. } => "not-deployed",
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

/// Whether cycle 2 is over: fully marked, or a later cycle begun.
pub fn limit_cycle_over(assessment: &Assessment) -> bool {
    assessment.cycles.len() > STABILITY_CYCLE_LIMIT
        || assessment.cycles.len() == STABILITY_CYCLE_LIMIT
            && counts(&assessment.cycles[STABILITY_CYCLE_LIMIT - 1]).unmarked == 0
}

/// Evaluates stability; `deployed` says whether KOOM was fully deployed (the sequence's
/// steps are all complete). Total: never panics.
pub fn evaluate(assessment: &Assessment, deployed: bool) -> Stability {
    let cycles: Vec<CycleCounts> = assessment.cycles.iter().map(counts).collect();
    let health = if !deployed {
        Health::NotDeployed {
            cycles: cycles.len(),
        }
    } else if limit_cycle_over(assessment) {
        let cycle = &assessment.cycles[STABILITY_CYCLE_LIMIT - 1];
        let missing: Vec<&'static StabilitySign> = STABILITY_SIGNS
            .iter()
            .filter(|s| cycle.signs.get(s.id) != Some(&Observation::Seen))
            .collect();
        if missing.is_empty() {
            Health::Healthy {
                cycle: STABILITY_CYCLE_LIMIT,
            }
        } else {
            Health::ImplementedIncorrectly {
                cycle: STABILITY_CYCLE_LIMIT,
                unmarked: missing
                    .iter()
                    .filter(|s| !cycle.signs.contains_key(s.id))
                    .map(|s| s.id)
                    .collect(),
                diagnosis: missing
                    .into_iter()
                    .map(|sign| Diagnosis {
                        sign,
                        observation: cycle.signs.get(sign.id).copied(),
                        suspects: suspects(sign),
                    })
                    .collect(),
                late: cycles
                    .iter()
                    .enumerate()
                    .skip(STABILITY_CYCLE_LIMIT)
                    .find(|(_, c)| c.seen == STABILITY_SIGNS.len())
                    .map(|(i, _)| i + 1),
            }
        }
    } else {
        // Within the limit: read the last cycle with a mark (a cycle just added says nothing).
        match cycles
            .iter()
            .rposition(|c| c.unmarked < STABILITY_SIGNS.len())
        {
            None => Health::NotStarted,
            Some(index) => {
                let cycle = &assessment.cycles[index];
                let missing: Vec<&'static str> = STABILITY_SIGNS
                    .iter()
                    .filter(|s| cycle.signs.get(s.id) != Some(&Observation::Seen))
                    .map(|s| s.id)
                    .collect();
                if missing.is_empty() {
                    Health::Healthy { cycle: index + 1 }
                } else {
                    Health::Watch {
                        cycle: index + 1,
                        missing,
                    }
                }
            }
        }
    };
    Stability { health, cycles }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::example::raccoons_inc;

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
        assert_eq!(
            evaluate(&Assessment::default(), true).health,
            Health::NotStarted
        );
        let mut a = Assessment::default();
        a.add_cycle();
        assert_eq!(evaluate(&a, true).health, Health::NotStarted);
    }

    #[test]
    fn all_seen_in_cycle_one_is_healthy() {
        let mut a = Assessment::default();
        a.cycles.push(cycle_with(10, None));
        let s = evaluate(&a, true);
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
        let s = evaluate(&a, true);
        assert!(matches!(s.health, Health::Watch { cycle: 1, ref missing } if missing.len() == 3));
        assert_eq!(
            s.health.headline(),
            "Watch — 3 of 10 signs not seen yet in cycle 1"
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
        let s = evaluate(&a, true);
        let Health::ImplementedIncorrectly {
            cycle,
            diagnosis,
            unmarked,
            late,
        } = &s.health
        else {
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
        assert!(unmarked.is_empty());
        assert_eq!(*late, None);
        assert_eq!(
            s.health.headline(),
            "Something was implemented incorrectly — 2 of 10 signs not seen by the end of cycle 2"
        );
    }

    #[test]
    fn a_second_cycle_still_being_recorded_is_watch_not_a_diagnosis() {
        let mut a = Assessment::default();
        a.cycles.push(cycle_with(5, Some(Observation::NotSeen)));
        a.cycles.push(cycle_with(3, None));
        assert!(matches!(
            evaluate(&a, true).health,
            Health::Watch { cycle: 2, .. }
        ));
    }

    #[test]
    fn a_third_cycle_being_recorded_keeps_the_cycle_two_diagnosis() {
        let mut a = Assessment::default();
        a.cycles.push(cycle_with(5, Some(Observation::NotSeen)));
        a.cycles.push(cycle_with(8, Some(Observation::NotSeen)));
        a.cycles.push(cycle_with(1, None));
        let s = evaluate(&a, true);
        assert!(
            matches!(s.health, Health::ImplementedIncorrectly { cycle: 2, ref diagnosis, .. } if diagnosis.len() == 2),
            "{:?}",
            s.health
        );
    }

    #[test]
    fn ten_signs_seen_only_from_cycle_3_on_are_late_not_healthy() {
        let mut a = Assessment::default();
        a.cycles.push(cycle_with(5, Some(Observation::NotSeen)));
        a.cycles.push(cycle_with(8, Some(Observation::NotSeen)));
        a.cycles.push(cycle_with(10, None));
        let s = evaluate(&a, true);
        let Health::ImplementedIncorrectly {
            cycle: 2,
            diagnosis,
            late: Some(3),
            ..
        } = &s.health
        else {
            panic!("expected late and incorrect, got {:?}", s.health);
        };
        assert_eq!(diagnosis.len(), 2, "the signs missing at cycle 2");
        assert!(s.health.headline().ends_with(
            "; all ten seen only in cycle 3, later than the seed's 1–2 alignment cycles"
        ));
        assert_eq!(
            s.cycles.iter().map(|c| c.seen).collect::<Vec<_>>(),
            [5, 8, 10]
        );
    }

    #[test]
    fn if_you_dont_see_these_signs_within_1_2_alignment_cycles_cycle_4_is_not_watch() {
        let mut a = Assessment::default();
        a.cycles.push(cycle_with(1, Some(Observation::NotSeen)));
        a.cycles.push(cycle_with(1, Some(Observation::NotSeen)));
        a.cycles.push(cycle_with(1, Some(Observation::NotSeen)));
        a.cycles.push(cycle_with(1, None));
        let s = evaluate(&a, true);
        assert!(
            matches!(&s.health, Health::ImplementedIncorrectly { diagnosis, late: None, .. } if diagnosis.len() == 9),
            "{:?}",
            s.health
        );
    }

    #[test]
    fn a_cycle_3_begun_ends_cycle_2_and_unmarked_signs_count_as_not_seen() {
        let mut a = Assessment::default();
        a.cycles.push(cycle_with(10, None));
        a.cycles.push(cycle_with(7, None));
        assert!(matches!(
            evaluate(&a, true).health,
            Health::Watch { cycle: 2, .. }
        ));
        a.add_cycle();
        let Health::ImplementedIncorrectly {
            diagnosis,
            unmarked,
            ..
        } = evaluate(&a, true).health
        else {
            panic!("cycle 3 begun: cycle 2 is over");
        };
        assert_eq!(
            unmarked,
            [
                "stability.better_alignment",
                "stability.cleaner_workflows",
                "stability.fewer_hero_failures"
            ]
        );
        assert!(diagnosis.iter().all(|d| d.observation.is_none()));
    }

    #[test]
    fn stability_after_deployment_is_not_judged_before_full_deployment() {
        let mut a = Assessment::default();
        a.cycles.push(cycle_with(10, None));
        let s = evaluate(&a, false);
        assert_eq!(s.health, Health::NotDeployed { cycles: 1 });
        assert_eq!(
            s.health.headline(),
            "Not judged yet — stability is checked after full deployment"
        );
        assert_eq!(s.cycles[0].seen, 10, "the marks are kept");
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
        let s = evaluate(&raccoons_inc(), true);
        assert_eq!(s.health, Health::Healthy { cycle: 2 });
        assert!(s.cycles[0].seen < 10);
    }
}
