//! The Raccoons Inc. example (seed §8): a healthy KOOM deployment over two alignment cycles,
//! told with the seed's details. Read-only in the app; it can be copied as a starting point.

use crate::domain::model::answer::{Answer, Observation};
use crate::domain::model::assessment::{AlignmentCycle, Assessment};
use crate::domain::model::items::{
    readiness_questions, Completion, DEPLOYMENT_STEPS, GATE_CRITERIA, GREEN_FLAGS,
    PILOT_POLITICS_QUESTION, STABILITY_SIGNS,
};

/// Name of the example organisation.
pub const RACCOONS_INC: &str = "Raccoons Incorporated";

/// The seed's story, step by step, as notes on the items it concerns.
const STORY: [(&str, &str); 9] = [
    (
        "precondition.executives.bypassing_managers",
        "Executives agree to stop bypassing managers.",
    ),
    (
        "precondition.managers.inventing_workflows",
        "Managers commit to escalation instead of improvisation.",
    ),
    (
        "precondition.workers.bypassing_sops",
        "Workers agree to follow the scanner SOP exactly.",
    ),
    (
        "precondition.coe.workflows_owner",
        "The CoE publishes the official packing workflow.",
    ),
    (
        "step.coe.design_workflows",
        "The CoE published the official packing workflow.",
    ),
    ("step.pilot.audit_cadence", "Audit verifies Zone C drift."),
    (
        "step.worker_onboarding.escalation_not_improvisation",
        "Training fixes the gaps audit found.",
    ),
    ("step.pilot.metrics", "Metrics show improvement."),
    (
        "step.full_deployment.drift_decreased",
        "Audit verified Zone C drift; training fixed the gaps.",
    ),
];

/// What the second cycle showed, in the seed's words, by stability sign.
const SECOND_CYCLE: [(&str, &str); 5] = [
    ("stability.lower_variance", "Scanner misreads drop."),
    ("stability.reduced_rework", "Rework decreases."),
    (
        "stability.faster_blocker_removal",
        "Blockers escalate early.",
    ),
    (
        "stability.clearer_communication",
        "Communication stabilizes.",
    ),
    (
        "stability.increased_predictability",
        "Throughput increases.",
    ),
];

/// Signs already visible in the first cycle ("metrics show improvement").
const FIRST_CYCLE_SEEN: [&str; 4] = [
    "stability.lower_variance",
    "stability.cleaner_workflows",
    "stability.better_alignment",
    "stability.reduced_rework",
];

/// The Raccoons Inc. assessment: Ready, fully deployed, healthy by cycle 2.
pub fn raccoons_inc() -> Assessment {
    let mut a = Assessment::new(RACCOONS_INC, "KOOM Deployment Readiness Layer v1.0, §8");
    for q in readiness_questions() {
        a.set_answer(q.id, Some(q.healthy));
    }
    for g in GREEN_FLAGS.iter() {
        a.set_answer(g.question.id, Some(Answer::Yes));
    }
    a.set_answer(PILOT_POLITICS_QUESTION.id, Some(Answer::Yes));
    for (id, note) in STORY {
        a.set_note(id, note);
    }
    for step in DEPLOYMENT_STEPS.iter() {
        for item in step.checklist {
            if item.completion == Completion::Ticked {
                a.checklist.insert(item.id.to_string());
            }
        }
    }
    a.pilot.department = "Warehouse packing, Zone C".to_string();
    a.pilot.evaluation = "Audit verifies Zone C drift, training fixes the gaps, and metrics show improvement: scanners are used by the SOP and packing follows the CoE's official workflow.".to_string();
    for c in GATE_CRITERIA.iter() {
        a.set_answer(c.id, Some(Answer::Yes));
    }

    let mut first = AlignmentCycle::default();
    for s in STABILITY_SIGNS.iter() {
        let o = if FIRST_CYCLE_SEEN.contains(&s.id) {
            Observation::Seen
        } else {
            Observation::NotSure
        };
        first.signs.insert(s.id.to_string(), o);
    }
    first.notes.insert(
        "stability.lower_variance".to_string(),
        "Metrics show improvement.".to_string(),
    );
    let mut second = AlignmentCycle::default();
    for s in STABILITY_SIGNS.iter() {
        second.signs.insert(s.id.to_string(), Observation::Seen);
    }
    for (id, note) in SECOND_CYCLE {
        second.notes.insert(id.to_string(), note.to_string());
    }
    a.cycles = vec![first, second];
    a
}
