//! Properties of the verdict engine over arbitrary assessments.
#![cfg(not(target_arch = "wasm32"))]

use koom_readiness::domain::{
    all_questions, readiness_questions, Question, RED_FLAGS, STABILITY_SIGNS,
};
use koom_readiness::domain::{decode_saved, encode_saved, SavedAssessment, SCHEMA_VERSION};
use koom_readiness::domain::{
    evaluate, gate_outcome, limit_cycle_over, raccoons_inc, record_pilot_iteration,
    suggested_retraining, AlignmentCycle, Answer, Assessment, GateOutcome, Health, Observation,
    PilotIteration, Verdict, GATE_CRITERIA, PILOT_EVALUATION_ITEM,
};
use proptest::prelude::*;

#[path = "common/strategies.rs"]
mod strategies;
use strategies::answer;

fn observation() -> impl Strategy<Value = Option<Observation>> {
    prop_oneof![
        Just(None),
        Just(Some(Observation::Seen)),
        Just(Some(Observation::NotSeen)),
        Just(Some(Observation::NotSure)),
    ]
}

fn model_answers() -> impl Strategy<Value = Vec<Option<Answer>>> {
    proptest::collection::vec(answer(), all_questions().count())
}

fn assessment_from(answers: &[Option<Answer>]) -> Assessment {
    let mut a = Assessment::default();
    for (q, ans) in all_questions().zip(answers) {
        a.set_answer(q.id, *ans);
    }
    a
}

/// Arbitrary assessments, including ids the model does not know and odd strings.
fn any_assessment() -> impl Strategy<Value = Assessment> {
    let cycles = proptest::collection::vec(
        proptest::collection::vec(observation(), STABILITY_SIGNS.len()),
        0..5,
    );
    let junk = proptest::collection::btree_map(".{0,12}", answer(), 0..4);
    let iterations = proptest::collection::vec(proptest::collection::vec(".{0,10}", 0..3), 0..3);
    let checklist = proptest::collection::btree_set(
        prop_oneof![
            Just("step.executive_education.role_boundaries".to_string()),
            Just("step.pilot.real_world_evaluated".to_string()),
            ".{0,20}"
        ],
        0..6,
    );
    (
        model_answers(),
        cycles,
        junk,
        iterations,
        checklist,
        ".{0,8}",
        ".{0,8}",
    )
        .prop_map(
            |(answers, cycles, junk, iterations, checklist, dept, version)| {
                let mut a = assessment_from(&answers);
                for (k, v) in junk {
                    a.set_answer(&k, v);
                    a.set_unclear(&k, Some("?"));
                }
                a.model_version = version;
                a.checklist = checklist;
                a.pilot.department = dept;
                a.pilot_iterations = iterations
                    .into_iter()
                    .map(|failed| PilotIteration {
                        retrain: failed.clone(),
                        failed_criteria: failed,
                        ..PilotIteration::default()
                    })
                    .collect();
                a.cycles = cycles
                    .into_iter()
                    .map(|obs| {
                        let mut c = AlignmentCycle::default();
                        for (s, o) in STABILITY_SIGNS.iter().zip(obs) {
                            if let Some(o) = o {
                                c.signs.insert(s.id.to_string(), o);
                            }
                        }
                        c
                    })
                    .collect();
                a
            },
        )
}

fn readiness_question(index: usize) -> &'static Question {
    let qs: Vec<_> = readiness_questions().collect();
    qs[index % qs.len()]
}

fn is_blocker_question(q: &Question) -> bool {
    q.id.starts_with("precondition.") || q.id.starts_with("red_flag.")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn evaluation_is_total(a in any_assessment()) {
        let e = evaluate(&a);
        prop_assert!(e.readiness.green_flags_present.len() <= 6);
    }

    #[test]
    fn a_present_red_flag_never_improves_the_verdict(answers in model_answers(), which in 0usize..6) {
        let mut a = assessment_from(&answers);
        let before = evaluate(&a).readiness.verdict;
        a.set_answer(RED_FLAGS[which].question.id, Some(Answer::Yes));
        let after = evaluate(&a).readiness.verdict;
        prop_assert!(after <= before);
        prop_assert_eq!(after, Verdict::Stop);
    }

    #[test]
    fn a_missing_precondition_never_improves_the_verdict(answers in model_answers(), which in 0usize..100) {
        let mut a = assessment_from(&answers);
        let q = readiness_question(which);
        prop_assume!(q.id.starts_with("precondition."));
        let before = evaluate(&a).readiness.verdict;
        a.set_answer(q.id, Some(q.healthy.opposite()));
        let after = evaluate(&a).readiness.verdict;
        prop_assert!(after <= before);
        prop_assert_eq!(after, Verdict::Stop);
    }

    #[test]
    fn resolving_not_sure_to_healthy_never_worsens_and_never_stops(answers in model_answers(), which in 0usize..100) {
        let q = readiness_question(which);
        prop_assume!(is_blocker_question(q));
        let mut a = assessment_from(&answers);
        a.set_answer(q.id, Some(Answer::NotSure));
        let before = evaluate(&a).readiness.verdict;
        // For a warning behaviour, "No" is the healthy answer.
        a.set_answer(q.id, Some(q.healthy));
        let after = evaluate(&a).readiness.verdict;
        prop_assert!(after >= before);
        if before != Verdict::Stop {
            prop_assert!(after >= Verdict::Hold);
        }
    }

    #[test]
    fn not_sure_never_counts_as_a_pass(answers in model_answers(), which in 0usize..100) {
        let q = readiness_question(which);
        let mut a = assessment_from(&answers);
        a.set_answer(q.id, Some(Answer::NotSure));
        prop_assert_ne!(evaluate(&a).readiness.verdict, Verdict::Ready);
        prop_assert_ne!(evaluate(&a).readiness.verdict, Verdict::NotYet);
    }

    #[test]
    fn green_flags_never_change_the_verdict(answers in model_answers(), greens in proptest::collection::vec(answer(), 6)) {
        let mut a = assessment_from(&answers);
        let before = evaluate(&a).readiness.verdict;
        for (g, ans) in koom_readiness::domain::GREEN_FLAGS.iter().zip(greens) {
            a.set_answer(g.question.id, ans);
        }
        prop_assert_eq!(evaluate(&a).readiness.verdict, before);
    }

    #[test]
    fn a_saved_record_round_trip_is_identical(a in any_assessment(), revision in 0u64..1_000_000, at in 0u64..(1u64 << 50)) {
        let record = SavedAssessment {
            schema: SCHEMA_VERSION,
            id: "id-1".into(),
            revision,
            updated_at: at,
            assessment: a,
        };
        prop_assert_eq!(decode_saved(&encode_saved(&record), "unused", 0), Ok(record));
    }
}

fn valid_assessment() -> impl Strategy<Value = Assessment> {
    let cycles = proptest::collection::vec(
        proptest::collection::vec(observation(), STABILITY_SIGNS.len()),
        0..4,
    );
    (model_answers(), cycles, ".{0,30}", ".{0,30}").prop_map(|(answers, cycles, org, note)| {
        let mut a = assessment_from(&answers);
        a.organisation = org;
        a.set_note("precondition.coe", &note);
        for obs in cycles {
            let c = a.add_cycle().expect("under the cycle limit");
            for (s, o) in STABILITY_SIGNS.iter().zip(obs) {
                a.set_observation(c, s.id, o);
            }
        }
        a
    })
}

proptest! {
    #[test]
    fn file_export_then_import_is_identical(a in valid_assessment()) {
        let text = koom_readiness::domain::encode_file(&a, "2026-11-24");
        prop_assert_eq!(koom_readiness::domain::decode_file(&text), Ok(a));
    }

    #[test]
    fn import_never_panics(text in ".{0,200}") {
        let _ = koom_readiness::domain::decode_file(&text);
    }
}

fn cycle_from(obs: Vec<Option<Observation>>) -> AlignmentCycle {
    let mut c = AlignmentCycle::default();
    for (s, o) in STABILITY_SIGNS.iter().zip(obs) {
        if let Some(o) = o {
            c.signs.insert(s.id.to_string(), o);
        }
    }
    c
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Seed §7: "If you don't see these signs within 1–2 alignment cycles, something was
    /// implemented incorrectly."
    #[test]
    fn health_is_never_healthy_when_a_sign_was_not_seen_at_the_end_of_cycle_2(
        cycles in proptest::collection::vec(
            proptest::collection::vec(observation(), STABILITY_SIGNS.len()),
            0..6,
        )
    ) {
        let mut a = raccoons_inc();
        a.cycles = cycles.into_iter().map(cycle_from).collect();
        let health = evaluate(&a).stability.health;
        let missing_at_cycle_2 = a.cycles.get(1).is_some_and(|c| {
            STABILITY_SIGNS
                .iter()
                .any(|s| c.signs.get(s.id) != Some(&Observation::Seen))
        });
        if limit_cycle_over(&a) && missing_at_cycle_2 {
            prop_assert!(
                matches!(health, Health::ImplementedIncorrectly { .. }),
                "{:?}",
                health
            );
        }
        if let Health::Healthy { cycle } = health {
            prop_assert!(cycle <= 2);
        }
    }

    /// Seed §4, step 6: "If not — roll back, retrain, repeat."
    #[test]
    fn after_an_iteration_the_sequence_is_never_complete_until_retraining_is_confirmed_and_a_new_gate_passes(
        failing in proptest::collection::btree_set(0usize..6, 1..4),
        confirmed in proptest::collection::vec(any::<bool>(), 6),
        evaluated in any::<bool>(),
        gate in proptest::collection::vec(answer(), 6),
    ) {
        let mut a = raccoons_inc();
        for i in &failing {
            a.set_answer(GATE_CRITERIA[*i].id, Some(Answer::No));
        }
        let suggested = suggested_retraining(&a);
        let iteration = record_pilot_iteration(&mut a, Verdict::Ready, "2026-11-24", &suggested).unwrap();
        prop_assert!(!evaluate(&a).sequence.deployed);
        // Whatever happens next, even behind the rules' back, straight in the data:
        for (step, yes) in iteration.retrain.iter().zip(&confirmed) {
            if *yes {
                a.pilot_iterations[0].retrained.insert(step.clone(), "2026-11-25".into());
            }
        }
        if evaluated {
            a.checklist.insert(PILOT_EVALUATION_ITEM.to_string());
        }
        for (c, ans) in GATE_CRITERIA.iter().zip(gate) {
            a.set_answer(c.id, ans);
        }
        let e = evaluate(&a);
        if e.sequence.deployed {
            prop_assert!(iteration
                .retrain
                .iter()
                .all(|s| a.pilot_iterations[0].retrained.contains_key(s)));
            prop_assert!(a.checklist.contains(PILOT_EVALUATION_ITEM));
            prop_assert_eq!(gate_outcome(&a), GateOutcome::FullDeployment);
        }
    }
}
