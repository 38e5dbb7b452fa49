//! Properties of the team view over arbitrary teams: the conservative verdict does not depend
//! on the order of the respondents, never improves when someone joins, and is a respondent's
//! own verdict for a team of one (or of n copies of one assessment).
#![cfg(not(target_arch = "wasm32"))]

use koom_readiness::domain::{
    all_questions, evaluate_readiness, evaluate_team, merge, readiness_questions, Answer,
    Assessment, Joined, Respondent, RespondentToken, Team, TeamEvaluation,
};
use koom_readiness::domain::{
    decode_any_file, decode_saved_team, decode_team_file, encode_saved_team, encode_team_file,
    ImportedFile, SavedTeam, TEAM_SCHEMA_VERSION,
};
use proptest::prelude::*;

#[path = "common/strategies.rs"]
mod strategies;
use strategies::answer;

/// Answers to every question of the model, each the healthy one with a probability drawn per
/// assessment (from never to always), so that teams reach every verdict: with uniform answers
/// nearly every team would stop. Half of them keep every blocker healthy, so that the maturity
/// facets decide (Hold, Not yet, Ready) often enough to test the ladder's upper rungs.
fn assessment() -> impl Strategy<Value = Assessment> {
    let questions = all_questions().count();
    (
        any::<bool>(),
        0u8..=20,
        proptest::collection::vec((answer(), 0u8..20), questions),
    )
        .prop_map(|(blockers_healthy, healthy_weight, answers)| {
            let mut a = Assessment::default();
            for (q, (ans, draw)) in all_questions().zip(answers) {
                let blocker = !q.id.starts_with("maturity.") && !q.id.starts_with("green_flag.");
                let healthy = draw < healthy_weight || (blockers_healthy && blocker);
                a.set_answer(q.id, if healthy { Some(q.healthy) } else { ans });
            }
            a
        })
}

fn respondent() -> impl Strategy<Value = Respondent> {
    let name = prop_oneof![
        Just(None),
        Just(Some("Ann")),
        Just(Some("Bob")),
        Just(Some("Cem")),
        Just(Some("Dee")),
    ];
    // A few tokens, so that the same respondent comes back often; `None`: a link from before
    // tokens.
    let token = prop_oneof![Just(None), (1u8..5).prop_map(Some)];
    (name, assessment(), token).prop_map(|(name, mut a, token)| {
        a.respondent = token.map(|n| RespondentToken::from_bytes([n; 8]));
        Respondent::new(name, a)
    })
}

/// Every blocker healthy; each maturity facet met, or (one time in four) missing, "Not sure"
/// or unanswered: teams that the maturity facets decide (Hold, Not yet, Ready).
fn maturity_respondent() -> impl Strategy<Value = Respondent> {
    let facet = prop_oneof![
        9 => Just(Some(Answer::Yes)),
        1 => Just(Some(Answer::No)),
        1 => Just(Some(Answer::NotSure)),
        1 => Just(None),
    ];
    proptest::collection::vec(facet, 7).prop_map(|facets| {
        let mut a = Assessment::default();
        for q in readiness_questions() {
            a.set_answer(q.id, Some(q.healthy));
        }
        for (q, ans) in readiness_questions()
            .filter(|q| q.id.starts_with("maturity."))
            .zip(facets)
        {
            a.set_answer(q.id, ans);
        }
        Respondent::new(None, a)
    })
}

fn team_of(respondents: Vec<Respondent>) -> Team {
    Team {
        title: "Team".into(),
        respondents,
        ..Team::default()
    }
}

/// What must not depend on the order of the respondents: everything but the per-respondent
/// list (whose labels follow positions).
fn order_free(e: &TeamEvaluation) -> impl PartialEq + std::fmt::Debug + '_ {
    (
        e.verdict,
        &e.reasons,
        &e.also,
        &e.tallies,
        &e.green_flags,
        &e.agenda,
        (e.named, e.anonymous, e.attributable),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn the_order_of_the_respondents_never_matters(
        (respondents, shuffled) in proptest::collection::vec(respondent(), 0..8)
            .prop_flat_map(|v| (Just(v.clone()), Just(v).prop_shuffle()))
    ) {
        let a = evaluate_team(&team_of(respondents));
        let b = evaluate_team(&team_of(shuffled));
        prop_assert_eq!(order_free(&a), order_free(&b));
        let mut verdicts: Vec<_> = a.respondent_verdicts.iter().map(|(_, v)| *v).collect();
        let mut others: Vec<_> = b.respondent_verdicts.iter().map(|(_, v)| *v).collect();
        verdicts.sort();
        others.sort();
        prop_assert_eq!(verdicts, others);
    }

    /// From the first respondent on (a team of nobody holds: nothing is known yet).
    #[test]
    fn adding_a_respondent_never_makes_the_verdict_more_permissive(
        respondents in proptest::collection::vec(respondent(), 1..6),
        newcomer in respondent(),
    ) {
        let mut team = team_of(respondents);
        let before = evaluate_team(&team).verdict;
        team.respondents.push(newcomer.clone());
        let after = evaluate_team(&team).verdict;
        prop_assert!(after <= before, "{:?} became {:?}", before, after);
        prop_assert!(after <= evaluate_readiness(&newcomer.assessment).verdict);
    }

    #[test]
    fn adding_a_respondent_never_lifts_a_hold_to_a_not_yet(
        respondents in proptest::collection::vec(maturity_respondent(), 1..4),
        newcomer in maturity_respondent(),
    ) {
        let mut team = team_of(respondents);
        let before = evaluate_team(&team).verdict;
        team.respondents.push(newcomer);
        let after = evaluate_team(&team).verdict;
        prop_assert!(after <= before, "{:?} became {:?}", before, after);
    }

    #[test]
    fn a_team_of_one_has_its_respondents_own_verdict(r in respondent()) {
        let own = evaluate_readiness(&r.assessment).verdict;
        let e = evaluate_team(&team_of(vec![r]));
        prop_assert_eq!(e.verdict, own);
        prop_assert_eq!(e.respondent_verdicts[0].1, own);
        prop_assert!(e.tallies.iter().all(|t| !t.disagrees));
    }

    #[test]
    fn the_merge_of_n_copies_has_the_assessments_verdict(a in assessment(), n in 1usize..12) {
        let copies = vec![Respondent::new(None, a.clone()); n];
        prop_assert_eq!(
            evaluate_readiness(&merge(&copies)).verdict,
            evaluate_readiness(&a).verdict
        );
    }

    #[test]
    fn every_reason_comes_from_someone_and_every_tally_counts_everyone(
        respondents in proptest::collection::vec(respondent(), 1..8)
    ) {
        let n = respondents.len();
        let e = evaluate_team(&team_of(respondents));
        for r in e.reasons.iter().chain(&e.also) {
            prop_assert!(r.reported_by >= 1 && r.reported_by <= n, "{:?}", r);
            prop_assert_eq!(r.of, n);
            prop_assert!(r.who.len() <= r.reported_by);
        }
        for t in &e.tallies {
            prop_assert_eq!(t.answered() + t.unanswered.count, n);
            prop_assert_eq!(t.disagrees, t.minority > 0);
            prop_assert!(t.minority == 0 || t.minority < t.answered());
        }
    }
}

/// Teams that a file can hold: distinct names, or anonymous respondents with distinct answers.
fn valid_team() -> impl Strategy<Value = Team> {
    (".{0,30}", proptest::collection::vec(respondent(), 0..10)).prop_map(|(title, list)| {
        let mut team = Team::new(&title);
        for r in list {
            let _ = team.add(r);
        }
        team
    })
}

proptest! {
    /// Whatever is pasted, in whatever order: one respondent per token, one per name.
    #[test]
    fn joining_keeps_one_respondent_per_token_and_per_name(
        list in proptest::collection::vec(respondent(), 0..16)
    ) {
        let mut team = Team::new("T");
        for r in list {
            let before = team.respondents.len();
            match team.join(r, true) {
                Ok(Joined::Added(i)) => prop_assert_eq!(i, before),
                Ok(Joined::Updated { .. }) | Err(_) => prop_assert_eq!(team.respondents.len(), before),
            }
        }
        let tokens: Vec<_> = team.respondents.iter().filter_map(|r| r.token()).collect();
        let distinct: std::collections::BTreeSet<_> = tokens.iter().collect();
        prop_assert_eq!(distinct.len(), tokens.len());
        let names: Vec<_> = team.respondents.iter().filter_map(|r| r.name.as_ref().map(|n| n.to_lowercase())).collect();
        let distinct: std::collections::BTreeSet<_> = names.iter().collect();
        prop_assert_eq!(distinct.len(), names.len());
    }

    #[test]
    fn team_file_export_then_import_is_identical(team in valid_team()) {
        let text = encode_team_file(&team, "2026-11-24");
        prop_assert_eq!(decode_team_file(&text), Ok(team.clone()));
        prop_assert_eq!(decode_any_file(text.as_bytes()), Ok(ImportedFile::Team(team)));
    }

    #[test]
    fn a_saved_team_round_trip_is_identical(team in valid_team(), revision in 0u64..1_000_000, at in 0u64..(1u64 << 50)) {
        let record = SavedTeam { schema: TEAM_SCHEMA_VERSION, id: "t-1".into(), revision, updated_at: at, team };
        prop_assert_eq!(decode_saved_team(&encode_saved_team(&record)), Ok(record));
    }

    #[test]
    fn team_import_never_panics(text in ".{0,200}") {
        let _ = decode_team_file(&text);
        let _ = decode_any_file(text.as_bytes());
    }
}
