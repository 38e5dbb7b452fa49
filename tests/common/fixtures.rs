//! Assessments the report tests render, shared by the native and the browser suites
//! (`#[path]`-included by each).

use koom_readiness::domain::{
    all_questions, raccoons_inc, AlignmentCycle, Answer, Assessment, Observation, PilotIteration,
    DEPLOYMENT_STEPS, GATE_CRITERIA, PRECONDITIONS, STABILITY_SIGNS,
};

/// An empty assessment, one with problems, Raccoons Inc., and one with a note and an "unclear"
/// flag on every kind of item (with text that Markdown would otherwise read as markup).
pub fn report_fixtures() -> Vec<Assessment> {
    let mut problems = Assessment::new("Acme | Logistics", "Ann");
    problems.set_answer("red_flag.no_time_for_structure", Some(Answer::Yes));
    problems.set_answer("precondition.coe.templates_owner", Some(Answer::No));
    problems.set_answer("maturity.truth.audit_uncensored", Some(Answer::No));
    problems.set_answer("green_flag.workers_follow_sop", Some(Answer::Yes));
    problems.set_answer("precondition.workers.figuring_it_out", Some(Answer::Yes));
    problems.set_answer(
        "precondition.ai_bounded.magic_shortcut",
        Some(Answer::NotSure),
    );

    let mut noted = Assessment::new("Noted Org", "Nora");
    let mut ids: Vec<&str> = PRECONDITIONS.iter().map(|p| p.id).collect();
    ids.extend(all_questions().map(|q| q.id));
    for s in DEPLOYMENT_STEPS.iter() {
        ids.push(s.id);
        ids.extend(s.checklist.iter().map(|i| i.id));
    }
    ids.extend(STABILITY_SIGNS.iter().map(|s| s.id));
    for (n, id) in ids.iter().enumerate() {
        noted.set_note(
            id,
            &format!("Evidence {n} for {id}: seen | twice\nsecond line"),
        );
        noted.set_unclear(id, Some(&format!("Remark {n}: what does it mean?")));
    }
    for q in all_questions() {
        noted.set_answer(q.id, Some(q.healthy));
    }
    noted.set_answer(GATE_CRITERIA[1].id, Some(Answer::No));
    noted.pilot.department = "Packing".into();
    noted.pilot.evaluation = "Drift persisted in Zone C.".into();
    noted.pilot_iterations.push(PilotIteration {
        date: "2026-10-01".into(),
        failed_criteria: vec![GATE_CRITERIA[0].id.into()],
        open_criteria: vec![GATE_CRITERIA[2].id.into()],
        evaluation: "First pilot: managers improvised.".into(),
        gate_answers: GATE_CRITERIA
            .iter()
            .map(|c| (c.id.to_string(), Answer::No))
            .collect(),
        retrain: vec!["step.worker_onboarding".into(), "step.pilot".into()],
        retrained: [(
            "step.worker_onboarding".to_string(),
            "2026-10-05".to_string(),
        )]
        .into_iter()
        .collect(),
    });
    let mut cycle = AlignmentCycle::default();
    for (i, s) in STABILITY_SIGNS.iter().enumerate() {
        let o = if i % 3 == 0 {
            Observation::NotSeen
        } else {
            Observation::Seen
        };
        cycle.signs.insert(s.id.into(), o);
        cycle
            .notes
            .insert(s.id.into(), format!("Cycle note on {}", s.text));
    }
    noted.cycles = vec![cycle.clone(), cycle];

    vec![Assessment::default(), problems, raccoons_inc(), noted]
}
