//! Share links (`docs/share-link.md`): payloads of format 1 that must open in every later
//! version, the length budget, every single-character change and every cut of a payload, and
//! properties over arbitrary valid assessments, with and without deflate.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

use koom_readiness::domain::{
    all_questions, checklist_item, decode_share, item, question, raccoons_inc, step,
    AlignmentCycle, Answer, Assessment, Completion, Observation, PilotIteration, RespondentToken,
    ShareError, SharedAssessment, DEPLOYMENT_STEPS, GATE_CRITERIA, GREEN_FLAGS,
    MATURITY_REQUIREMENTS, PRECONDITIONS, RED_FLAGS, STABILITY_SIGNS,
};
use proptest::prelude::*;

#[path = "common/links.rs"]
mod links;
use links::{budget_case, open, share, without_notes, MADE_ON};

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// An assessment with something in every field a link carries, including a date that is not
/// an ISO date and text beyond ASCII.
fn every_field() -> Assessment {
    let mut a = Assessment::new("Zone C — Straße ✓", "Ann O'Neil");
    for (q, answer) in all_questions().zip(Answer::ALL.iter().cycle()) {
        a.set_answer(q.id, Some(*answer));
    }
    a.set_answer("step.full_deployment.coe_functioning", None);
    a.checklist.insert("step.coe.design_workflows".into());
    a.checklist.insert("step.pilot.real_world_evaluated".into());
    a.pilot.department = "Packing".into();
    a.pilot.evaluation = "Second pilot: drift down.".into();
    a.pilot_iterations.push(PilotIteration {
        date: "2026-10-01".into(),
        failed_criteria: vec!["step.full_deployment.managers_aligned".into()],
        open_criteria: vec!["step.full_deployment.coe_functioning".into()],
        evaluation: "First pilot: managers improvised.".into(),
        gate_answers: BTreeMap::from([
            ("step.full_deployment.managers_aligned".into(), Answer::No),
            ("step.full_deployment.drift_decreased".into(), Answer::Yes),
            (
                "step.full_deployment.coe_functioning".into(),
                Answer::NotSure,
            ),
        ]),
        retrain: vec!["step.manager_training".into(), "step.pilot".into()],
        retrained: BTreeMap::from([("step.manager_training".into(), "2026-10-08".into())]),
    });
    a.pilot_iterations.push(PilotIteration {
        date: "early October".into(),
        ..PilotIteration::default()
    });
    a.set_note("precondition.coe", "CoE since May.");
    a.set_note("step.pilot.department_chosen", "Zone C volunteered.");
    a.set_unclear(
        "maturity.truth.variance_visible",
        Some("What counts as hiding variance?"),
    );
    a.set_unclear("stability.less_fire_fighting", Some(""));
    a.add_cycle();
    a.set_observation(0, "stability.lower_variance", Some(Observation::Seen));
    a.set_observation(
        0,
        "stability.fewer_hero_failures",
        Some(Observation::NotSeen),
    );
    a.set_observation(0, "stability.better_alignment", Some(Observation::NotSure));
    a.set_observation_note(
        0,
        "stability.fewer_hero_failures",
        "Night shift still improvises.",
    );
    a.add_cycle();
    a
}

// ---- Format 1, forever ---------------------------------------------------------------------
//
// Links made by this version, made on 2026-11-24. Every later version must open them exactly
// like this: never change these payloads. If `raccoons_inc()` or `every_field()` ever changes,
// freeze today's value in this file instead of touching the payloads.

const RACCOONS_INC_WITHOUT_NOTES: &str = concat!(
    "AZsCAQAE4kyqqlpVVaVVVVX9__8AAt1_DVVVBRVSYWNjb29ucyBJbmNvcnBvcmF0ZWQpS09PTSBEZXBsb3ltZW50",
    "IFJlYWRpbmVzcyBMYXllciB2MS4wLCDCpzgZV2FyZWhvdXNlIHBhY2tpbmcsIFpvbmUgQ6EBQXVkaXQgdmVyaWZp",
    "ZXMgWm9uZSBDIGRyaWZ0LCB0cmFpbmluZyBmaXhlcyB0aGUgZ2FwcywgYW5kIG1ldHJpY3Mgc2hvdyBpbXByb3Zl",
    "bWVudDogc2Nhbm5lcnMgYXJlIHVzZWQgYnkgdGhlIFNPUCBhbmQgcGFja2luZyBmb2xsb3dzIHRoZSBDb0UncyBv",
    "ZmZpY2lhbCB3b3JrZmxvdy4AnaFNRg",
);

const RACCOONS_INC_WITH_NOTES: &str = concat!(
    "AcMGAQAB4kyqqlpVVaVVVVX9__8AAt1_DVVVBQkiJy0uPD9DRVIAAQAFAAECAwQVUmFjY29vbnMgSW5jb3Jwb3Jh",
    "dGVkKUtPT00gRGVwbG95bWVudCBSZWFkaW5lc3MgTGF5ZXIgdjEuMCwgwqc4GVdhcmVob3VzZSBwYWNraW5nLCBa",
    "b25lIEOhAUF1ZGl0IHZlcmlmaWVzIFpvbmUgQyBkcmlmdCwgdHJhaW5pbmcgZml4ZXMgdGhlIGdhcHMsIGFuZCBt",
    "ZXRyaWNzIHNob3cgaW1wcm92ZW1lbnQ6IHNjYW5uZXJzIGFyZSB1c2VkIGJ5IHRoZSBTT1AgYW5kIHBhY2tpbmcg",
    "Zm9sbG93cyB0aGUgQ29FJ3Mgb2ZmaWNpYWwgd29ya2Zsb3cuMFRoZSBDb0UgcHVibGlzaGVkIHRoZSBvZmZpY2lh",
    "bCBwYWNraW5nIHdvcmtmbG93LiRUcmFpbmluZyBmaXhlcyB0aGUgZ2FwcyBhdWRpdCBmb3VuZC4cQXVkaXQgdmVy",
    "aWZpZXMgWm9uZSBDIGRyaWZ0LhlNZXRyaWNzIHNob3cgaW1wcm92ZW1lbnQuLEV4ZWN1dGl2ZXMgYWdyZWUgdG8g",
    "c3RvcCBieXBhc3NpbmcgbWFuYWdlcnMuN01hbmFnZXJzIGNvbW1pdCB0byBlc2NhbGF0aW9uIGluc3RlYWQgb2Yg",
    "aW1wcm92aXNhdGlvbi4wV29ya2VycyBhZ3JlZSB0byBmb2xsb3cgdGhlIHNjYW5uZXIgU09QIGV4YWN0bHkuMFRo",
    "ZSBDb0UgcHVibGlzaGVzIHRoZSBvZmZpY2lhbCBwYWNraW5nIHdvcmtmbG93LjVBdWRpdCB2ZXJpZmllZCBab25l",
    "IEMgZHJpZnQ7IHRyYWluaW5nIGZpeGVkIHRoZSBnYXBzLhlNZXRyaWNzIHNob3cgaW1wcm92ZW1lbnQuFlNjYW5u",
    "ZXIgbWlzcmVhZHMgZHJvcC4YQmxvY2tlcnMgZXNjYWxhdGUgZWFybHkuEVJld29yayBkZWNyZWFzZXMuFVRocm91",
    "Z2hwdXQgaW5jcmVhc2VzLhlDb21tdW5pY2F0aW9uIHN0YWJpbGl6ZXMuZbXMFg",
);

const RACCOONS_INC_WITH_NOTES_DEFLATED: &str = concat!(
    "Ac0DAQAD4kyqqlpVVaVVVVX9__8AAt1_DVVVBQkiJy0uPD9DRVIAAQAFAAECAwSTBoWRz4oTQRDG8RE8rBjwUAdB",
    "hGGIB1H0pHEPoiGSDSx4q3TXzBQ709V09eSPb-PJ9_DJrEwmgaDu3rq7_nzf7-urJTonEhQ-BycpSsJM_uWXxWIO",
    "nyi2su8oZFgSeg6kCl9xTwk2r8ppAb9_vZ3cYqJGeiWI6O441AV8l0Aw-_noQ-85w4YSV0w6PoO3ay4gJ-Rg7VDx",
    "zoq5IagxagEYPHSUEzsFbWQL3MUkGzr4eAfqMARKCiYLpuphvR-GbxbfhtHRBVTStrI9Lp7J9QsFqSp2jC1sJd1V",
    "Viynq2MRYr9uWRvbdmg_N552nQeer_7tGnBAraQPvnx2D3c5mf8HrSyud-T6zBsbwToRQRbQLNEII6oeVDsMWBt9",
    "-WY-nsBJ15ma9ZJl02JmCcBBs_2YkYwSrEOhnN4ayhDfSeGY00AyZjtESTt0ud3_HZE-ENHrC3p_Qf_-8tf9Ob97",
    "YnlyM7rqWJMxqa2SWD792IobSEZsAsJkhh8v6eAFPDlrV9LyatUk6esm9tmCOb1OZhZcH9gdE9OMa275h1X-AHdS",
    "e5U",
);

const EVERY_FIELD_WITHOUT_NOTES: &str = concat!(
    "AacBAQAA4kx5nud5nud5nucABIACrEwBAwEFgQwCAQQCs0wBDWVhcmx5IE9jdG9iZXIAAAAAAAACAcAIAAAAFlpv",
    "bmUgQyDigJQgU3RyYcOfZSDinJMKQW5uIE8nTmVpbAdQYWNraW5nGVNlY29uZCBwaWxvdDogZHJpZnQgZG93bi4h",
    "Rmlyc3QgcGlsb3Q6IG1hbmFnZXJzIGltcHJvdmlzZWQuAIHIIv4",
);

const EVERY_FIELD_WITH_NOTES: &str = concat!(
    "AZICAQAB4kx5nud5nud5nucABIACrEwBAwEFgQwCAQQCs0wBDWVhcmx5IE9jdG9iZXIAAAAAAAACAcAIAAAAAgQq",
    "AjdMAQkAFlpvbmUgQyDigJQgU3RyYcOfZSDinJMKQW5uIE8nTmVpbAdQYWNraW5nGVNlY29uZCBwaWxvdDogZHJp",
    "ZnQgZG93bi4hRmlyc3QgcGlsb3Q6IG1hbmFnZXJzIGltcHJvdmlzZWQuAA5Db0Ugc2luY2UgTWF5LhNab25lIEMg",
    "dm9sdW50ZWVyZWQuAB9XaGF0IGNvdW50cyBhcyBoaWRpbmcgdmFyaWFuY2U_HU5pZ2h0IHNoaWZ0IHN0aWxsIGlt",
    "cHJvdmlzZXMu8czXng",
);

const EVERY_FIELD_WITH_NOTES_DEFLATED: &str = concat!(
    "AfcBAQAH4kx5nud5nud5nucABIACrEwBAwEFgQwCAQQCs0wBDWVhcmx5IE9jdG9iZXIAAAAAAAACAcAIAAAAAgQq",
    "AjdMAQkAyQFFzTsKwkAQBmA7wcJGECzEsbLLAWxERDsfkEKwG7JjMriZDTtrxM47aCl4GG-Sk5iAYvs_-PoHJwQL",
    "qG4PiIPH94uget47cxHYTjbEtr3D5MSSDmJKnBgo2LowBeP5GMC4i0TjFXsNvyJHwZS8AueFdyUrmajVXbglKEtC",
    "sMZr1PuqpbNnCUS-2Yz2GQZIXJ0ooELGpmahRM9YH2fDDadZAM0aWANb-yc0-gAAq-D9cQ",
);

#[test]
fn format_1_links_open_forever() {
    let cases = [
        (
            RACCOONS_INC_WITHOUT_NOTES,
            without_notes(raccoons_inc()),
            false,
        ),
        (RACCOONS_INC_WITH_NOTES, raccoons_inc(), true),
        (RACCOONS_INC_WITH_NOTES_DEFLATED, raccoons_inc(), true),
        (
            EVERY_FIELD_WITHOUT_NOTES,
            without_notes(every_field()),
            false,
        ),
        (EVERY_FIELD_WITH_NOTES, every_field(), true),
        (EVERY_FIELD_WITH_NOTES_DEFLATED, every_field(), true),
    ];
    for (payload, assessment, includes_notes) in cases {
        assert_eq!(
            open(payload),
            Ok(SharedAssessment {
                assessment,
                made_on: MADE_ON.to_string(),
                includes_notes,
                format_version: 1,
                model_version: "1.0".to_string(),
            }),
            "{payload}"
        );
    }
    assert!(decode_share(RACCOONS_INC_WITH_NOTES_DEFLATED)
        .unwrap()
        .needs_inflate());
    assert!(!decode_share(RACCOONS_INC_WITH_NOTES)
        .unwrap()
        .needs_inflate());
}

#[test]
fn this_version_still_writes_the_frozen_payloads() {
    // Not a promise (a later encoder may write differently, as long as it reads these), but a
    // change here means the format changed: then the format version must change too.
    assert_eq!(
        share(&raccoons_inc(), false, false),
        RACCOONS_INC_WITHOUT_NOTES
    );
    assert_eq!(share(&raccoons_inc(), true, false), RACCOONS_INC_WITH_NOTES);
    assert_eq!(
        share(&every_field(), false, false),
        EVERY_FIELD_WITHOUT_NOTES
    );
    assert_eq!(share(&every_field(), true, false), EVERY_FIELD_WITH_NOTES);
}

#[test]
fn a_fully_answered_assessment_fits_in_100_characters_with_the_prefix() {
    let a = budget_case();
    for compress in [false, true] {
        let payload = share(&a, false, compress);
        assert!(
            format!("#/s/{payload}").len() <= 100,
            "{} characters: {payload}",
            payload.len()
        );
        assert_eq!(open(&payload).map(|s| s.assessment), Ok(a.clone()));
    }
}

// ---- Every change and every cut is caught ------------------------------------------------

fn assert_every_substitution_is_rejected(payload: &str) {
    let bytes = payload.as_bytes();
    for i in 0..bytes.len() {
        for &c in ALPHABET.iter().chain(b".~%/ ") {
            if c == bytes[i] {
                continue;
            }
            let mut changed = bytes.to_vec();
            changed[i] = c;
            let changed = String::from_utf8(changed).expect("ASCII");
            let result = decode_share(&changed);
            assert!(result.is_err(), "position {i} → {}: {changed}", c as char);
            if !ALPHABET.contains(&c) {
                assert_eq!(result.unwrap_err(), ShareError::NotAShareLink);
            }
        }
    }
}

fn assert_every_cut_is_truncated(payload: &str) {
    assert_eq!(decode_share(""), Err(ShareError::Empty));
    for k in 1..payload.len() {
        assert_eq!(
            decode_share(&payload[..k]),
            Err(ShareError::Truncated),
            "{k} of {}",
            payload.len()
        );
    }
}

#[test]
fn every_single_character_change_of_the_fixtures_is_rejected() {
    for payload in [
        RACCOONS_INC_WITHOUT_NOTES,
        RACCOONS_INC_WITH_NOTES_DEFLATED,
        EVERY_FIELD_WITH_NOTES,
    ] {
        assert_every_substitution_is_rejected(payload);
    }
}

#[test]
fn every_cut_of_the_fixtures_is_truncated() {
    for payload in [
        RACCOONS_INC_WITHOUT_NOTES,
        RACCOONS_INC_WITH_NOTES,
        RACCOONS_INC_WITH_NOTES_DEFLATED,
        EVERY_FIELD_WITH_NOTES_DEFLATED,
    ] {
        assert_every_cut_is_truncated(payload);
    }
}

// ---- Properties ---------------------------------------------------------------------------

fn pick(ids: Vec<&'static str>) -> impl Strategy<Value = String> {
    proptest::sample::select(ids).prop_map(str::to_string)
}

fn question_id() -> impl Strategy<Value = String> {
    pick(all_questions().map(|q| q.id).collect())
}

fn tickable_id() -> impl Strategy<Value = String> {
    pick(
        DEPLOYMENT_STEPS
            .iter()
            .flat_map(|s| s.checklist)
            .filter(|c| c.completion == Completion::Ticked)
            .map(|c| c.id)
            .collect(),
    )
}

fn item_id() -> impl Strategy<Value = String> {
    let mut ids: Vec<&str> = PRECONDITIONS.iter().map(|p| p.id).collect();
    ids.extend(MATURITY_REQUIREMENTS.iter().map(|m| m.id));
    ids.extend(RED_FLAGS.iter().map(|f| f.id));
    ids.extend(GREEN_FLAGS.iter().map(|g| g.id));
    ids.extend(DEPLOYMENT_STEPS.iter().map(|s| s.id));
    ids.extend(
        DEPLOYMENT_STEPS
            .iter()
            .flat_map(|s| s.checklist)
            .map(|c| c.id),
    );
    ids.extend(STABILITY_SIGNS.iter().map(|s| s.id));
    ids.extend(all_questions().map(|q| q.id));
    pick(ids)
}

fn gate_id() -> impl Strategy<Value = String> {
    pick(GATE_CRITERIA.iter().map(|c| c.id).collect())
}

fn step_id() -> impl Strategy<Value = String> {
    pick(DEPLOYMENT_STEPS.iter().map(|s| s.id).collect())
}

fn sign_id() -> impl Strategy<Value = String> {
    pick(STABILITY_SIGNS.iter().map(|s| s.id).collect())
}

fn answer() -> impl Strategy<Value = Answer> {
    proptest::sample::select(Answer::ALL.to_vec())
}

fn observation() -> impl Strategy<Value = Observation> {
    proptest::sample::select(Observation::ALL.to_vec())
}

/// Any text: short Unicode (control characters included), or longer prose that compresses.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![".{0,16}", "[a-z ,.]{0,120}", "\\PC{0,40}"]
}

/// An ISO date, nothing, or any other text.
fn date() -> impl Strategy<Value = String> {
    prop_oneof![
        (2000u32..2200, 1u32..13, 1u32..29).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        Just(String::new()),
        ".{0,12}",
    ]
}

fn iteration() -> impl Strategy<Value = PilotIteration> {
    use proptest::collection::{btree_map, vec};
    (
        date(),
        vec(gate_id(), 0..4),
        vec(gate_id(), 0..3),
        text(),
        btree_map(gate_id(), answer(), 0..6),
        vec(step_id(), 0..4),
        btree_map(step_id(), date(), 0..4),
    )
        .prop_map(
            |(
                date,
                failed_criteria,
                open_criteria,
                evaluation,
                gate_answers,
                retrain,
                retrained,
            )| {
                PilotIteration {
                    date,
                    failed_criteria,
                    open_criteria,
                    evaluation,
                    gate_answers,
                    retrain,
                    retrained,
                }
            },
        )
}

fn cycle() -> impl Strategy<Value = AlignmentCycle> {
    use proptest::collection::btree_map;
    (
        btree_map(sign_id(), observation(), 0..10),
        btree_map(sign_id(), text(), 0..3),
    )
        .prop_map(|(signs, notes)| AlignmentCycle { signs, notes })
}

/// Arbitrary valid assessments: every id is one of the model's, in the field that takes it.
fn valid_assessment() -> impl Strategy<Value = Assessment> {
    use proptest::collection::{btree_map, btree_set, vec};
    (
        btree_map(question_id(), answer(), 0..37),
        btree_set(tickable_id(), 0..22),
        (text(), text(), text(), text()),
        btree_map(item_id(), text(), 0..6),
        btree_map(item_id(), text(), 0..3),
        vec(iteration(), 0..3),
        vec(cycle(), 0..4),
        proptest::option::of(any::<[u8; 8]>()),
    )
        .prop_map(
            |(
                answers,
                checklist,
                (organisation, assessor, department, evaluation),
                notes,
                unclear,
                pilot_iterations,
                cycles,
                token,
            )| {
                let mut a = Assessment::new("", "");
                a.organisation = organisation;
                a.assessor = assessor;
                a.answers = answers;
                a.checklist = checklist;
                a.pilot.department = department;
                a.pilot.evaluation = evaluation;
                a.notes = notes;
                a.unclear = unclear;
                a.pilot_iterations = pilot_iterations;
                a.cycles = cycles;
                a.respondent = token.map(RespondentToken::from_bytes);
                a
            },
        )
}

/// Small valid assessments (short texts, no notes): short payloads for the exhaustive sweeps.
fn small_assessment() -> impl Strategy<Value = Assessment> {
    (valid_assessment(), ".{0,6}").prop_map(|(mut a, name)| {
        a.organisation = name;
        a.assessor.clear();
        a.pilot.evaluation.clear();
        a.pilot_iterations.truncate(1);
        for it in &mut a.pilot_iterations {
            it.evaluation.clear();
        }
        without_notes(a)
    })
}

/// What a link keeps of any assessment: ids its field cannot take are dropped; the model
/// version is the one the link is written against.
fn what_a_link_keeps(mut a: Assessment) -> Assessment {
    let is_gate = |id: &String| GATE_CRITERIA.iter().any(|c| c.id == id);
    let is_sign = |id: &String| STABILITY_SIGNS.iter().any(|s| s.id == id);
    a.model_version = "1.0".into();
    a.answers.retain(|id, _| question(id).is_some());
    a.notes.retain(|id, _| item(id).is_some());
    a.unclear.retain(|id, _| item(id).is_some());
    a.checklist.retain(
        |id| matches!(checklist_item(id), Some((_, c)) if c.completion == Completion::Ticked),
    );
    for it in &mut a.pilot_iterations {
        it.failed_criteria.retain(is_gate);
        it.open_criteria.retain(is_gate);
        it.gate_answers.retain(|id, _| is_gate(id));
        it.retrain.retain(|id| step(id).is_some());
        it.retrained.retain(|id, _| step(id).is_some());
    }
    for c in &mut a.cycles {
        c.signs.retain(|id, _| is_sign(id));
        c.notes.retain(|id, _| is_sign(id));
    }
    a
}

fn assert_well_formed(payload: &str) {
    assert!(payload.bytes().all(|c| ALPHABET.contains(&c)), "{payload}");
    assert!(
        payload
            .bytes()
            .last()
            .is_some_and(|c| c.is_ascii_alphanumeric()),
        "{payload}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn a_link_with_notes_gives_back_the_same_assessment(a in valid_assessment(), compress in any::<bool>()) {
        let payload = share(&a, true, compress);
        assert_well_formed(&payload);
        let shared = open(&payload).unwrap();
        prop_assert_eq!(shared.assessment, a);
        prop_assert!(shared.includes_notes);
        prop_assert_eq!(shared.made_on, MADE_ON);
    }

    #[test]
    fn a_link_without_notes_gives_back_everything_but_the_notes(a in valid_assessment(), compress in any::<bool>()) {
        let payload = share(&a, false, compress);
        assert_well_formed(&payload);
        let shared = open(&payload).unwrap();
        prop_assert_eq!(shared.assessment, without_notes(a));
        prop_assert!(!shared.includes_notes);
    }

    #[test]
    fn ids_a_field_cannot_take_are_dropped_and_nothing_else(
        a in valid_assessment(),
        junk in proptest::collection::vec(".{0,24}", 1..4),
        which in 0usize..8,
    ) {
        let mut odd = a.clone();
        for id in &junk {
            match which {
                0 => { odd.answers.insert(id.clone(), Answer::No); }
                1 => { odd.checklist.insert(id.clone()); }
                2 => { odd.notes.insert(id.clone(), "n".into()); }
                3 => { odd.unclear.insert(id.clone(), "u".into()); }
                4 => odd.pilot_iterations.push(PilotIteration { failed_criteria: vec![id.clone()], retrain: vec![id.clone()], ..PilotIteration::default() }),
                5 => { odd.cycles.push(AlignmentCycle::default()); odd.cycles[0].signs.insert(id.clone(), Observation::Seen); }
                6 => { odd.cycles.push(AlignmentCycle::default()); odd.cycles[0].notes.insert(id.clone(), "c".into()); }
                _ => odd.model_version = id.clone(),
            }
        }
        let shared = open(&share(&odd, true, false)).unwrap();
        prop_assert_eq!(shared.assessment, what_a_link_keeps(odd));
    }

    #[test]
    fn any_text_is_refused_or_opened_without_panicking(text in ".{0,300}") {
        let _ = open(&text);
    }

    #[test]
    fn any_alphabet_string_is_refused_or_opened_without_panicking(text in "[A-Za-z0-9_-]{0,300}") {
        let _ = open(&text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn every_single_character_change_is_rejected(a in small_assessment(), compress in any::<bool>()) {
        assert_every_substitution_is_rejected(&share(&a, false, compress));
    }

    #[test]
    fn every_cut_is_truncated(a in valid_assessment(), notes in any::<bool>(), compress in any::<bool>()) {
        assert_every_cut_is_truncated(&share(&a, notes, compress));
    }
}
