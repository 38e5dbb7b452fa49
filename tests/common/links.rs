//! Share links as the app makes and opens them, natively, and the assessments the share-link
//! suites encode: shared by `tests/share_links.rs`, `tests/fuzz_decoders.rs` and
//! `benches/share.rs` (`#[path]`-included by each).
// Each includer uses part of this module.
#![allow(dead_code)]

use std::collections::BTreeMap;

use koom_readiness::domain::{
    all_questions, decode_share, encode_share, raccoons_inc, Answer, Assessment, Completion,
    Deflate, Observation, PilotIteration, ShareError, ShareOptions, SharedAssessment,
    DEPLOYMENT_STEPS, GATE_CRITERIA,
};

/// The day the links of these suites are made.
pub const MADE_ON: &str = "2026-11-24";

/// Raw DEFLATE, as the browser's `CompressionStream('deflate-raw')` writes it.
pub fn deflate(bytes: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec(bytes, 6)
}

/// Opens a payload as the app does: decode, inflate when needed (never past the announced
/// length), finish.
pub fn open(payload: &str) -> Result<SharedAssessment, ShareError> {
    let envelope = decode_share(payload)?;
    let inflated = envelope.inflated_len().and_then(|limit| {
        miniz_oxide::inflate::decompress_to_vec_with_limit(envelope.text_block(), limit).ok()
    });
    envelope.finish(inflated)
}

/// The payload of a link made on [`MADE_ON`], with or without the notes, deflated or not.
pub fn share(a: &Assessment, notes: bool, compress: bool) -> String {
    let options = ShareOptions {
        notes,
        made_on: MADE_ON.to_string(),
    };
    encode_share(a, options, compress.then_some(&deflate as Deflate))
}

/// What a link without notes carries of an assessment.
pub fn without_notes(mut a: Assessment) -> Assessment {
    a.notes.clear();
    a.unclear.clear();
    for c in &mut a.cycles {
        c.notes.clear();
    }
    a
}

/// Every question answered, every tickable checklist item ticked, a 10-character pilot
/// department, a 20-character organisation, no assessor, no notes.
pub fn budget_case() -> Assessment {
    let mut a = Assessment::new("Raccoons Incorporate", "");
    assert_eq!(a.organisation.chars().count(), 20);
    for (q, answer) in all_questions().zip(Answer::ALL.iter().cycle()) {
        a.set_answer(q.id, Some(*answer));
    }
    for s in DEPLOYMENT_STEPS.iter() {
        for c in s.checklist {
            if c.completion == Completion::Ticked {
                a.checklist.insert(c.id.to_string());
            }
        }
    }
    a.pilot.department = "Zone C 123".into();
    a
}

/// Raccoons Inc. with what it lacks: a failed gate, a retraining, odd dates and remarks.
pub fn with_iterations() -> Assessment {
    let mut a = raccoons_inc();
    a.pilot_iterations.push(PilotIteration {
        date: "2026-10-01".into(),
        failed_criteria: vec![GATE_CRITERIA[3].id.into()],
        open_criteria: vec![GATE_CRITERIA[5].id.into()],
        evaluation: "Managers improvised in Zone C.".into(),
        gate_answers: BTreeMap::from([(GATE_CRITERIA[3].id.into(), Answer::No)]),
        retrain: vec!["step.manager_training".into()],
        retrained: BTreeMap::from([("step.manager_training".into(), "early Oct".into())]),
    });
    a.set_unclear("maturity.truth", Some("What counts as hiding variance?"));
    a.set_observation(
        1,
        "stability.less_fire_fighting",
        Some(Observation::NotSure),
    );
    a
}
