use super::combine::*;
use super::evaluation::*;
use super::roster::*;
use crate::domain::model::answer::Answer;
use crate::domain::model::assessment::Assessment;
use crate::domain::model::items::all_questions;
use crate::domain::model::items::readiness_questions;
use crate::domain::model::respondent::RespondentToken;
use crate::domain::rules::readiness::{ReasonKind, Verdict};

/// Every readiness question answered healthy: a Ready respondent.
pub(super) fn healthy(organisation: &str, assessor: &str) -> Assessment {
    let mut a = Assessment::new(organisation, assessor);
    for q in readiness_questions() {
        a.set_answer(q.id, Some(q.healthy));
    }
    a
}

pub(super) fn with(mut a: Assessment, id: &str, answer: Option<Answer>) -> Assessment {
    a.set_answer(id, answer);
    a
}

pub(super) fn team(respondents: Vec<(Option<&str>, Assessment)>) -> Team {
    let mut t = Team::new("Acme leadership");
    for (name, a) in respondents {
        t.add(Respondent::new(name, a)).expect("added");
    }
    t
}

const MICROMANAGING: &str = "precondition.executives.micromanaging_workers";
pub(super) const AUDIT: &str = "maturity.truth.audit_uncensored";

#[test]
fn a_respondent_keeps_only_what_the_team_reads_and_an_anonymous_one_loses_its_assessor() {
    let mut a = healthy("  Acme ", "Zoe Secret");
    a.set_note(MICROMANAGING, "I saw it");
    a.set_note("step.pilot", "not about a question");
    a.set_unclear(AUDIT, Some("?"));
    a.set_unclear("stability.happiness", Some("not about a question"));
    a.checklist.insert("step.coe.design_workflows".into());
    a.pilot.department = "Packing".into();
    a.set_answer("precondition.invented", Some(Answer::Yes));
    let anonymous = Respondent::new(Some("  \n "), a.clone());
    assert_eq!(anonymous.name, None);
    assert_eq!(anonymous.assessment.assessor, "");
    assert_eq!(anonymous.assessment.organisation, "Acme");
    // The evidence about questions is kept (shown by the anonymity rules of the evaluation).
    assert_eq!(
        anonymous.assessment.notes.keys().collect::<Vec<_>>(),
        [MICROMANAGING]
    );
    assert_eq!(
        anonymous.assessment.unclear.keys().collect::<Vec<_>>(),
        [AUDIT]
    );
    assert!(anonymous.assessment.checklist.is_empty());
    assert_eq!(anonymous.assessment.pilot.department, "");
    assert_eq!(anonymous.assessment.answers.len(), 24);
    assert_eq!(anonymous.label(2), "Respondent 3");
    let named = Respondent::new(Some(" Zoe\t Secret "), a);
    assert_eq!(named.name.as_deref(), Some("Zoe Secret"));
    assert_eq!(named.assessment.assessor, "Zoe Secret");
    assert_eq!(named.label(2), "Zoe Secret");
    let long = Respondent::new(Some(&"x".repeat(300)), Assessment::default());
    assert_eq!(long.name.map(|n| n.chars().count()), Some(200));
}

#[test]
fn the_same_respondent_twice_is_refused_and_named() {
    let mut t = team(vec![
        (None, healthy("Acme", "")),
        (Some("Ann"), healthy("Acme", "Ann")),
    ]);
    // Anonymous, the same answers (the organisation and assessor do not count).
    let e = t
        .add(Respondent::new(None, healthy("Other", "Someone")))
        .unwrap_err();
    assert_eq!(
        e,
        TeamError::AlreadyAdded {
            label: "Respondent 1".into()
        }
    );
    assert_eq!(
        e.to_string(),
        "These answers are already in the team as Respondent 1: a respondent counts once. If this is another person who gave exactly the same answers, add them under a name of their own."
    );
    // The same name, in another case, with the same answers.
    assert_eq!(
        t.add(Respondent::new(Some(" ANN "), healthy("Acme", ""))),
        Err(TeamError::AlreadyAdded {
            label: "Ann".into()
        })
    );
    // Another person with the same answers, named: welcome.
    assert_eq!(
        t.add(Respondent::new(Some("Bob"), healthy("Acme", ""))),
        Ok(2)
    );
    // Another anonymous respondent with other answers: welcome.
    let other = with(healthy("Acme", ""), AUDIT, Some(Answer::NotSure));
    assert_eq!(t.add(Respondent::new(None, other)), Ok(3));
    assert_eq!(t.respondents.len(), 4);
}

#[test]
fn a_taken_name_with_other_answers_is_refused() {
    let mut t = team(vec![(Some("Ann"), healthy("Acme", ""))]);
    let e = t
        .add(Respondent::new(
            Some("ann"),
            with(healthy("Acme", ""), AUDIT, None),
        ))
        .unwrap_err();
    assert_eq!(e, TeamError::NameTaken { name: "Ann".into() });
    assert_eq!(
        e.to_string(),
        "The team already has a respondent named Ann. Give this one another name, or remove the first one to replace them."
    );
}

#[test]
fn another_model_version_is_refused_with_the_version() {
    let mut t = team(vec![(Some("Ann"), healthy("Acme", ""))]);
    let mut old = healthy("Acme", "");
    old.model_version = "2.0".into();
    let e = t.add(Respondent::new(None, old)).unwrap_err();
    assert_eq!(
        e,
        TeamError::OtherModel {
            label: "Respondent 2".into(),
            model_version: "2.0".into()
        }
    );
    assert_eq!(
        e.to_string(),
        "Respondent 2 answered KOOM Deployment Readiness Layer v2.0; this app implements v1.0, so these answers cannot be combined with the team's."
    );
    assert_eq!(t.respondents.len(), 1);
}

#[test]
fn a_name_like_an_anonymous_number_is_refused() {
    let mut t = Team::new("");
    let e = t
        .add(Respondent::new(Some("respondent 2"), healthy("Acme", "")))
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "“respondent 2” is how anonymous respondents are numbered: choose another name, or leave it empty to stay anonymous."
    );
    assert_eq!(
        t.add(Respondent::new(Some("Respondent Ann"), healthy("Acme", ""))),
        Ok(0)
    );
    assert_eq!(t.display_title(), "Untitled team view");
}

#[test]
fn the_bulk_builder_applies_the_rules_of_add() {
    let a = healthy("Acme", "");
    let b = with(a.clone(), AUDIT, None);
    let mut old = a.clone();
    old.model_version = "0.9".into();
    let sequence = [
        (Some("ΟΔΟΣ"), a.clone()),
        (Some("οδοσ"), a.clone()),
        (Some(" ÉVA "), b.clone()),
        (Some("éva"), a.clone()),
        (None, a.clone()),
        (None, a.clone()),
        (Some("respondent 9"), a.clone()),
        (None, b.clone()),
        (Some("Old"), old),
    ];
    let mut team = Team::new("T");
    let mut builder = TeamBuilder::new("T");
    let mut outcomes = Vec::new();
    for (name, x) in sequence {
        let added = team.add(Respondent::new(name, x.clone()));
        assert_eq!(builder.add(Respondent::new(name, x)), added);
        outcomes.push(added.is_ok());
    }
    assert_eq!(
        outcomes,
        [true, false, true, false, true, false, false, true, false]
    );
    assert_eq!(builder.finish(), team);
}

#[test]
fn a_team_holds_at_most_500_respondents() {
    let mut t = Team::new("Big");
    for i in 0..MAX_RESPONDENTS {
        t.add(Respondent::new(
            Some(&format!("Person {i}")),
            Assessment::default(),
        ))
        .expect("under the limit");
    }
    let e = t
        .add(Respondent::new(Some("One more"), Assessment::default()))
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "A team view holds at most 500 respondents; remove one before adding another."
    );
    let (at, removed) = t.remove(7).unwrap();
    assert_eq!(t.insert(at, removed), Ok(7));
}

#[test]
fn remove_then_insert_undoes_and_anonymous_numbers_follow_positions() {
    let mut t = team(vec![
        (Some("Ann"), healthy("Acme", "")),
        (None, with(healthy("Acme", ""), AUDIT, None)),
        (None, with(healthy("Acme", ""), AUDIT, Some(Answer::No))),
    ]);
    let before = t.clone();
    let (at, removed) = t.remove(0).unwrap();
    assert_eq!(at, 0);
    assert_eq!(t.label(0).as_deref(), Some("Respondent 1"));
    assert_eq!(t.remove(9), None);
    assert_eq!(t.insert(at, removed), Ok(0));
    assert_eq!(t, before);
    assert_eq!(t.label(2).as_deref(), Some("Respondent 3"));
    assert_eq!(
        t.insert(99, Respondent::new(Some("Bob"), Assessment::default())),
        Ok(3)
    );
}

#[test]
fn rename_names_or_anonymises_and_keeps_the_rules() {
    let mut t = team(vec![
        (Some("Ann"), healthy("Acme", "Ann A.")),
        (Some("Bob"), with(healthy("Acme", "Bob B."), AUDIT, None)),
        (None, with(healthy("Acme", ""), AUDIT, None)),
    ]);
    t.rename(0, Some("Anna")).unwrap();
    assert_eq!(t.respondents[0].assessment.assessor, "Ann A.");
    assert_eq!(
        t.rename(0, Some("bob")),
        Err(TeamError::NameTaken { name: "Bob".into() })
    );
    // Bob made anonymous would be the anonymous respondent 3 again.
    assert_eq!(
        t.rename(1, None),
        Err(TeamError::AlreadyAdded {
            label: "Respondent 3".into()
        })
    );
    t.rename(0, None).unwrap();
    assert_eq!(t.respondents[0].name, None);
    assert_eq!(
        t.respondents[0].assessment.assessor, "",
        "the assessor would name them"
    );
    t.rename(0, Some("Ann")).unwrap();
    assert_eq!(t.respondents[0].assessment.assessor, "", "gone for good");
    let e = t.rename(5, Some("X")).unwrap_err();
    assert_eq!(e.to_string(), "There is no respondent 6: the team has 3.");
}

#[test]
fn merge_a_reported_blocker_is_present_an_open_one_holds() {
    let a = healthy("Acme", "");
    let problem = with(a.clone(), MICROMANAGING, Some(Answer::Yes));
    let unsure = with(a.clone(), MICROMANAGING, Some(Answer::NotSure));
    let silent = with(a.clone(), MICROMANAGING, None);
    let r = |list: Vec<Assessment>| -> Vec<Respondent> {
        list.into_iter().map(|a| Respondent::new(None, a)).collect()
    };
    let answer = |list| merge(&r(list)).answer(MICROMANAGING);
    assert_eq!(
        answer(vec![a.clone(), unsure.clone(), problem.clone()]),
        Some(Answer::Yes)
    );
    assert_eq!(
        answer(vec![a.clone(), silent.clone(), unsure.clone()]),
        Some(Answer::NotSure)
    );
    assert_eq!(answer(vec![a.clone(), silent.clone()]), None);
    assert_eq!(answer(vec![a.clone(), a.clone()]), Some(Answer::No));
    assert_eq!(answer(vec![]), None);
    // Green flags are not combined.
    let mut green = a.clone();
    green.set_answer("green_flag.coe_empowered", Some(Answer::Yes));
    assert!(merge(&r(vec![green]))
        .answer("green_flag.coe_empowered")
        .is_none());
}

#[test]
fn merge_an_open_maturity_facet_holds_even_when_someone_reports_it_missing() {
    let a = healthy("Acme", "");
    let gap = with(a.clone(), AUDIT, Some(Answer::No));
    let unsure = with(a.clone(), AUDIT, Some(Answer::NotSure));
    let r = |list: Vec<Assessment>| -> Vec<Respondent> {
        list.into_iter().map(|a| Respondent::new(None, a)).collect()
    };
    assert_eq!(
        merge(&r(vec![a.clone(), gap.clone()])).answer(AUDIT),
        Some(Answer::No)
    );
    assert_eq!(
        merge(&r(vec![unsure.clone(), gap.clone()])).answer(AUDIT),
        Some(Answer::NotSure)
    );
    // So the team of the two holds, and the gap is listed behind the Hold.
    let t = team(vec![(Some("Ann"), unsure), (Some("Bob"), gap.clone())]);
    let e = evaluate_team(&t);
    assert_eq!(e.verdict, Verdict::Hold);
    assert_eq!(e.reasons.len(), 1);
    assert_eq!(
        e.reasons[0].attribution(),
        "not sure or unanswered for 1 of 2 (Ann)"
    );
    assert_eq!(e.also.len(), 1);
    assert_eq!(e.also[0].reason.kind, ReasonKind::MaturityMissing);
    assert_eq!(e.also[0].attribution(), "reported by 1 of 2 (Bob)");
    // Bob alone: Not yet; adding Ann never lifts the team above that.
    assert_eq!(
        evaluate_team(&team(vec![(Some("Bob"), gap)])).verdict,
        Verdict::NotYet
    );
}

#[test]
fn reasons_say_who_they_come_from_and_anonymous_respondents_are_only_counted() {
    let a = healthy("Acme", "");
    let t = team(vec![
        (
            Some("Carol"),
            with(a.clone(), MICROMANAGING, Some(Answer::Yes)),
        ),
        (
            Some("Ann"),
            with(a.clone(), MICROMANAGING, Some(Answer::Yes)),
        ),
        (
            None,
            with(
                with(a.clone(), MICROMANAGING, Some(Answer::Yes)),
                AUDIT,
                None,
            ),
        ),
        (Some("Bob"), a.clone()),
        (None, a.clone()),
    ]);
    let e = evaluate_team(&t);
    assert_eq!(e.verdict, Verdict::Stop);
    assert_eq!(
        (e.respondents, e.named, e.anonymous, e.attributable),
        (5, 3, 2, true)
    );
    assert_eq!(e.reasons.len(), 1);
    let r = &e.reasons[0];
    assert_eq!((r.reported_by, r.of), (3, 5));
    assert_eq!(r.who, ["Ann", "Carol"]);
    assert_eq!(
        r.message(),
        "Condition 1 — Executives agree to respect role boundaries (§2): executives micromanage workers. Stop. Deployment will fail. Reported by 3 of 5 (Ann, Carol and 1 anonymous)."
    );
    assert_eq!(
        e.respondent_verdicts,
        [
            ("Carol".to_string(), Verdict::Stop),
            ("Ann".to_string(), Verdict::Stop),
            ("Respondent 3".to_string(), Verdict::Stop),
            ("Bob".to_string(), Verdict::Ready),
            ("Respondent 5".to_string(), Verdict::Ready),
        ]
    );
    let tally = e.tally(MICROMANAGING).unwrap();
    assert_eq!((tally.yes.count, tally.no.count), (3, 2));
    assert_eq!(tally.yes.who, ["Ann", "Carol"]);
    assert_eq!(tally.no.who, ["Bob"]);
    assert!(tally.disagrees);
    assert_eq!(tally.minority, 2);
    assert_eq!(tally.split_per_mille(), 400);
    assert_eq!(
        tally.said(),
        "Yes 3 (Ann, Carol and 1 anonymous) · No 2 (Bob and 1 anonymous)"
    );
    assert_eq!(
        tally.item,
        "Condition 1 — Executives agree to respect role boundaries"
    );
    let audit = e.tally(AUDIT).unwrap();
    assert_eq!((audit.yes.count, audit.unanswered.count), (4, 1));
    assert!(!audit.disagrees, "one answer given, and a silence");
    assert_eq!(
        audit.said(),
        "Yes 4 (Ann, Bob, Carol and 1 anonymous) · No answer 1"
    );
    // The open audit facet sits behind the Stop: not a reason, but on the agenda after the
    // blocker, since the team cannot agree on its answers without settling it.
    assert!(e.reasons.iter().all(|r| r.reason.question_id != AUDIT));
    assert_eq!(e.agenda.len(), 2);
    assert_eq!(
        (e.agenda[1].kind, e.agenda[1].question_id),
        (AgendaKind::Open, AUDIT)
    );
    assert_eq!(
        e.agenda[1].attribution.as_deref(),
        Some("not sure or unanswered for 1 of 5")
    );
    assert!(e.agenda[1]
        .consequence_line()
        .contains("If this turns out to be a problem: "));
    let item = &e.agenda[0];
    assert_eq!(item.kind, AgendaKind::Blocker);
    assert_eq!(
        item.attribution.as_deref(),
        Some("reported by 3 of 5 (Ann, Carol and 1 anonymous)")
    );
    assert_eq!(
        item.consequence_line(),
        "Condition 1 — Executives agree to respect role boundaries: Stop. Deployment will fail."
    );
}

#[test]
fn a_shared_fact_is_one_agenda_item_with_both_consequences() {
    let a = healthy("Acme", "");
    let t = team(vec![
        (
            Some("Ann"),
            with(
                a.clone(),
                "precondition.executives.direct_orders_outside_spine",
                Some(Answer::Yes),
            ),
        ),
        (Some("Bob"), a),
    ]);
    let e = evaluate_team(&t);
    assert_eq!(e.reasons.len(), 2, "condition 1 and red flag 3");
    assert_eq!(e.agenda.len(), 1);
    assert_eq!(
        e.agenda[0].consequence_line(),
        "Condition 1 — Executives agree to respect role boundaries: Stop. Deployment will fail. Red flag 3 — “Our executives still issue tasks to workers directly.”: KOOM will collapse instantly."
    );
    assert_eq!(e.agenda[0].said, "Yes 1 (Ann) · No 1 (Bob)");
    assert!(e.agenda[0].disagreement);
}

#[test]
fn disagreements_are_listed_most_split_first_and_join_the_agenda_after_the_reasons() {
    let a = healthy("Acme", "");
    let mut people = Vec::new();
    for (i, name) in ["Ann", "Bob", "Cem", "Dee"].into_iter().enumerate() {
        let mut x = a.clone();
        // Green flag 1: Yes, Yes, No, No (2 against 2); gate criterion: Yes, Yes, Yes, No.
        x.set_answer(
            "green_flag.executives_value_clarity",
            Some(if i < 2 { Answer::Yes } else { Answer::No }),
        );
        x.set_answer(
            "step.full_deployment.coe_functioning",
            Some(if i < 3 { Answer::Yes } else { Answer::No }),
        );
        if i == 0 {
            x.set_answer(AUDIT, Some(Answer::NotSure));
        }
        people.push((Some(name), x));
    }
    let e = evaluate_team(&team(people));
    assert_eq!(e.verdict, Verdict::Hold);
    let ids: Vec<&str> = e.disagreements().iter().map(|t| t.id).collect();
    assert_eq!(
        ids,
        [
            "green_flag.executives_value_clarity",
            AUDIT,
            "step.full_deployment.coe_functioning"
        ]
    );
    let kinds: Vec<(AgendaKind, &str)> = e.agenda.iter().map(|a| (a.kind, a.question_id)).collect();
    assert_eq!(
        kinds,
        [
            (AgendaKind::Open, AUDIT),
            (
                AgendaKind::Disagreement,
                "green_flag.executives_value_clarity"
            ),
            (
                AgendaKind::Disagreement,
                "step.full_deployment.coe_functioning"
            ),
        ]
    );
    assert_eq!(
        e.agenda[0].consequence_line(),
        "Requirement 1 — Willingness to tell the truth: If this turns out to be a problem: Metrics cannot become political weapons. Audit cannot be censored. Managers cannot hide variance."
    );
    assert_eq!(
        e.agenda[1].consequence_line(),
        "Green flag 1 — Executives value clarity over control: Deployment will succeed if these are present. They stay in their lane."
    );
    assert_eq!(
        e.agenda[2].consequence_line(),
        "Step 6 — Full Deployment: Only proceed if every criterion holds. If not — roll back, retrain, repeat."
    );
    assert_eq!(
        e.green_flags[0],
        ("green_flag.executives_value_clarity", 2, 4)
    );
    assert_eq!(
        e.green_flags[1],
        ("green_flag.managers_value_structure", 0, 4)
    );
}

#[test]
fn attributable_when_one_or_two_respondents_are_anonymous() {
    let a = healthy("Acme", "");
    let variant = |i: usize| {
        with(
            a.clone(),
            AUDIT,
            [
                None,
                Some(Answer::NotSure),
                Some(Answer::No),
                Some(Answer::Yes),
            ][i],
        )
    };
    let check = |named: usize, anonymous: usize| {
        let mut people: Vec<(Option<&str>, Assessment)> = Vec::new();
        let names = ["Ann", "Bob", "Cem", "Dee"];
        for (i, name) in names.into_iter().enumerate().take(named) {
            people.push((Some(name), variant(i)));
        }
        for i in 0..anonymous {
            people.push((None, variant(i)));
        }
        let e = evaluate_team(&team(people));
        (e.anonymous, e.attributable)
    };
    assert_eq!(check(3, 0), (0, false));
    assert_eq!(check(3, 1), (1, true));
    assert_eq!(check(0, 2), (2, true));
    assert_eq!(check(1, 3), (3, false));
}

#[test]
fn an_empty_team_holds_for_0_of_0() {
    let e = evaluate_team(&Team::new("Nobody yet"));
    assert_eq!(e.verdict, Verdict::Hold);
    assert_eq!(e.reasons.len(), 24, "every readiness question, once");
    assert_eq!(
        e.reasons[0].attribution(),
        "not sure or unanswered for 0 of 0"
    );
    assert!(e.tallies.iter().all(|t| t.said() == "No respondent"));
    assert_eq!(e.tallies.len(), all_questions().count());
}

fn token(n: u8) -> Option<RespondentToken> {
    Some(RespondentToken::from_bytes([n, 0, 0, 0, 0, 0, 0, n]))
}

/// A respondent who answered healthy, with a respondent token.
fn person(name: Option<&str>, n: u8) -> Respondent {
    let mut a = healthy("Acme", "");
    a.respondent = token(n);
    Respondent::new(name, a)
}

#[test]
fn different_tokens_are_different_people_even_with_identical_answers() {
    // Five anonymous respondents, four of them with the same (healthy) answers: five people.
    let mut t = Team::new("Workshop");
    for n in 1..=4 {
        assert_eq!(t.add(person(None, n)), Ok(usize::from(n) - 1));
    }
    let mut fifth = healthy("Acme", "");
    fifth.set_answer(AUDIT, Some(Answer::NotSure));
    fifth.respondent = token(5);
    assert_eq!(t.add(Respondent::new(None, fifth)), Ok(4));
    let e = evaluate_team(&t);
    assert_eq!(e.respondents, 5);
    assert!(
        !e.attributable,
        "five anonymous respondents are not attributable"
    );

    // Two people may give the same answers; they may not share a name.
    assert_eq!(t.add(person(Some("Ben"), 6)), Ok(5));
    assert_eq!(
        t.add(person(Some("ben"), 7)),
        Err(TeamError::NameTaken { name: "Ben".into() })
    );
}

#[test]
fn the_same_token_is_one_respondent_whatever_name_it_is_pasted_with() {
    let mut t = Team::new("Workshop");
    assert_eq!(
        t.join(person(Some("Ben (COO)"), 1), true),
        Ok(Joined::Added(0))
    );
    // Pasted again without a name: the same person, counted once, the name kept.
    let again = t.join(person(None, 1), false).unwrap_err();
    assert_eq!(
        again,
        TeamError::SameRespondent {
            label: "Ben (COO)".into()
        }
    );
    assert_eq!(
        again.to_string(),
        "This is Ben (COO) again (the same respondent token), with the same answers and notes: a respondent counts once."
    );
    // With only the assessor field's name (not given with the paste): not a rename.
    assert_eq!(
        t.join(person(Some("Benjamin Ortiz"), 1), false),
        Err(TeamError::SameRespondent {
            label: "Ben (COO)".into()
        })
    );
    // Pasted again under another name: renamed, still one respondent.
    assert_eq!(
        t.join(person(Some("Ben Ortiz"), 1), true),
        Ok(Joined::Updated {
            index: 0,
            from: "Ben (COO)".into(),
            renamed: Some("Ben Ortiz".into()),
            notes: false,
        })
    );
    assert_eq!(t.respondents.len(), 1);
    assert_eq!(evaluate_team(&t).respondents, 1);
    // Under a name another respondent has: refused (naming it as the team spells it).
    t.join(person(Some("Ana Keller"), 2), true).unwrap();
    assert_eq!(
        t.join(person(Some("ana keller"), 1), true),
        Err(TeamError::NameTaken {
            name: "Ana Keller".into()
        })
    );
    assert_eq!(t.label(0).as_deref(), Some("Ben Ortiz"));
    // `add` never renames: it adds a new respondent or says why not.
    assert_eq!(
        t.add(person(Some("Benjamin"), 1)),
        Err(TeamError::SameRespondent {
            label: "Ben Ortiz".into()
        })
    );
}

#[test]
fn the_same_token_with_new_notes_updates_them_and_without_notes_keeps_them() {
    let mut t = Team::new("Workshop");
    t.join(person(Some("Ben"), 1), true).unwrap();
    let with_notes = witness(None, 1, Answer::No, "Seen in March");
    assert_eq!(
        t.join(with_notes.clone(), false),
        Ok(Joined::Updated {
            index: 0,
            from: "Ben".into(),
            renamed: None,
            notes: true,
        })
    );
    assert_eq!(t.label(0).as_deref(), Some("Ben"));
    assert_eq!(
        evidence_lines(&evaluate_team(&t), MICROMANAGING),
        ["Ben (No): Seen in March"]
    );
    // The same notes again, or a link without notes: nothing new, the notes stay.
    assert!(matches!(
        t.join(with_notes, false),
        Err(TeamError::SameRespondent { .. })
    ));
    assert!(matches!(
        t.join(person(Some("Ben"), 1), true),
        Err(TeamError::SameRespondent { .. })
    ));
    assert_eq!(
        evidence_lines(&evaluate_team(&t), MICROMANAGING),
        ["Ben (No): Seen in March"]
    );
    // A full team still updates someone already in it.
    let mut full = Team::new("Full");
    for n in 0..MAX_RESPONDENTS {
        let mut a = healthy("Acme", "");
        a.respondent = Some(RespondentToken::from_bytes((n as u64).to_be_bytes()));
        full.add(Respondent::new(None, a)).unwrap();
    }
    let mut again = healthy("Acme", "");
    again.respondent = Some(RespondentToken::from_bytes(7u64.to_be_bytes()));
    again.set_note(AUDIT, "ok");
    assert!(matches!(
        full.join(Respondent::new(None, again), false),
        Ok(Joined::Updated { index: 7, .. })
    ));
    assert_eq!(full.join(person(None, 200), false), Err(TeamError::Full));
}

#[test]
fn the_same_token_with_other_answers_answered_again_and_may_replace_the_older_answers() {
    let mut t = Team::new("Workshop");
    t.join(person(Some("Ben"), 1), true).unwrap();
    t.join(person(None, 2), true).unwrap();
    let mut changed = healthy("Acme", "");
    changed.set_answer(MICROMANAGING, Some(Answer::Yes));
    changed.respondent = token(1);
    let newer = Respondent::new(Some("Benny"), changed);
    let e = t.join(newer.clone(), false).unwrap_err();
    assert_eq!(
        e,
        TeamError::AnsweredAgain {
            index: 0,
            label: "Ben".into()
        }
    );
    assert_eq!(
        e.to_string(),
        "Ben is already in the team (the same respondent token) with other answers: they answered again. A respondent counts once; replace their older answers with these, or keep the older ones."
    );
    assert_eq!(
        t.respondents.len(),
        2,
        "nothing changed before the user says so"
    );

    // Replaced, found by token: the newer answers under the name the team knows (the newer
    // name was not given with the paste); the older ones returned.
    let (index, older) = t.answer_again(newer, false).unwrap();
    assert_eq!(index, 0);
    assert_eq!(t.label(0).as_deref(), Some("Ben"));
    assert_eq!(
        t.respondents[0].assessment.answer(MICROMANAGING),
        Some(Answer::Yes)
    );
    assert_eq!(evaluate_team(&t).verdict, Verdict::Stop);
    // Undone: exactly the older respondent back.
    assert_eq!(t.restore(older.clone()), Ok(0));
    assert_eq!(t.respondents[0], older);
    assert_ne!(evaluate_team(&t).verdict, Verdict::Stop);
    assert_eq!(t.respondents.len(), 2);
    // Removed since: neither replacing nor restoring touches anyone else.
    let (_, ben) = t.remove(0).unwrap();
    let other = t.respondents.clone();
    assert_eq!(t.restore(ben.clone()), Err(TeamError::NotInTeam));
    assert_eq!(t.answer_again(ben, true), Err(TeamError::NotInTeam));
    assert_eq!(t.respondents, other);
    assert_eq!(
        TeamError::NotInTeam.to_string(),
        "This respondent is no longer in the team view (removed since), so nothing was changed."
    );
}

#[test]
fn links_without_a_token_count_as_they_always_did() {
    // Old links: identical anonymous answers are one respondent, as before tokens.
    let mut t = team(vec![(None, healthy("Acme", ""))]);
    assert_eq!(
        t.add(Respondent::new(None, healthy("Acme", ""))),
        Err(TeamError::AlreadyAdded {
            label: "Respondent 1".into()
        })
    );
    // A tokened respondent beside an old one: who answered the old link is not known, so the
    // answers decide, as they always did.
    assert_eq!(
        t.add(person(None, 1)),
        Err(TeamError::AlreadyAdded {
            label: "Respondent 1".into()
        })
    );
    assert_eq!(t.add(person(Some("Cy"), 1)), Ok(1));
}

#[test]
fn the_bulk_builder_counts_tokens_as_add_does_and_never_renames() {
    let sequence = [
        person(None, 1),
        person(None, 2),
        person(None, 1),
        person(Some("Ben"), 2),
        person(Some("Dee"), 3),
        person(Some("dee"), 4),
    ];
    let mut team = Team::new("T");
    let mut builder = TeamBuilder::new("T");
    let mut outcomes = Vec::new();
    for r in sequence {
        let added = team.add(r.clone());
        assert_eq!(builder.add(r), added);
        outcomes.push(added.is_ok());
    }
    assert_eq!(outcomes, [true, true, false, false, true, false]);
    assert_eq!(builder.finish(), team);
}

/// A respondent who answered healthy but for `answer` to MICROMANAGING, with a note on it.
fn witness(name: Option<&str>, n: u8, answer: Answer, note: &str) -> Respondent {
    let mut a = healthy("Acme", "");
    a.set_answer(MICROMANAGING, Some(answer));
    a.set_note(MICROMANAGING, note);
    a.respondent = token(n);
    Respondent::new(name, a)
}

fn evidence_lines(e: &TeamEvaluation, id: &str) -> Vec<String> {
    e.tally(id)
        .unwrap()
        .evidence
        .iter()
        .map(|x| x.line("2026-12-04"))
        .collect()
}

#[test]
fn named_respondents_evidence_reaches_the_agenda_and_the_tally() {
    let mut t = Team::new("Leadership");
    t.add(witness(
        Some("Ana Keller"),
        1,
        Answer::Yes,
        "The COO redesigned the packing flow twice in March.",
    ))
    .unwrap();
    let mut unsure = healthy("Acme", "");
    unsure.set_answer(AUDIT, Some(Answer::NotSure));
    unsure.set_unclear(AUDIT, Some("Which audits count?"));
    unsure.set_unclear(MICROMANAGING, Some(""));
    unsure.respondent = token(2);
    t.add(Respondent::new(Some("Ben"), unsure)).unwrap();
    let e = evaluate_team(&t);
    assert_eq!(
        evidence_lines(&e, MICROMANAGING),
        [
            "Ana Keller (Yes): The COO redesigned the packing flow twice in March.",
            "Ben (No): Flagged as unclear.",
        ]
    );
    assert_eq!(
        evidence_lines(&e, AUDIT),
        ["Ben (Not sure): Flagged as unclear: “Which audits count?”"]
    );
    let blocker = e
        .agenda
        .iter()
        .find(|a| a.question_id == MICROMANAGING)
        .unwrap();
    assert_eq!(blocker.kind, AgendaKind::Blocker);
    assert_eq!(blocker.evidence, e.tally(MICROMANAGING).unwrap().evidence);
    assert_eq!(blocker.withheld, 0);
}

#[test]
fn anonymous_evidence_is_shown_only_from_the_anonymity_minimum_and_never_with_a_number() {
    let mut t = Team::new("Floor");
    t.add(witness(None, 1, Answer::Yes, "zz: seen on the night shift"))
        .unwrap();
    t.add(witness(None, 2, Answer::No, "aa: never seen"))
        .unwrap();
    t.add(witness(Some("Cy"), 3, Answer::No, "Not on my floor"))
        .unwrap();
    // Two anonymous respondents: their notes could be told apart by elimination.
    let e = evaluate_team(&t);
    assert_eq!(
        evidence_lines(&e, MICROMANAGING),
        ["Cy (No): Not on my floor"]
    );
    assert_eq!(e.tally(MICROMANAGING).unwrap().withheld, 2);
    let agenda = e
        .agenda
        .iter()
        .find(|a| a.question_id == MICROMANAGING)
        .unwrap();
    assert_eq!(agenda.withheld, 2);

    // A third anonymous respondent (without a note): now shown, by text, unnumbered.
    t.add(witness(None, 4, Answer::No, "")).unwrap();
    let e = evaluate_team(&t);
    let lines = evidence_lines(&e, MICROMANAGING);
    assert_eq!(
        lines,
        [
            "Cy (No): Not on my floor",
            "An anonymous respondent: aa: never seen",
            "An anonymous respondent: zz: seen on the night shift",
        ]
    );
    assert!(lines.iter().all(|l| !l.contains("Respondent ")));
    assert_eq!(e.tally(MICROMANAGING).unwrap().withheld, 0);
    // The order of the team never shows in the evidence.
    t.respondents.swap(0, 1);
    assert_eq!(evidence_lines(&evaluate_team(&t), MICROMANAGING), lines);
}

#[test]
fn evidence_details_reach_the_team_and_past_their_review_by_date_are_flagged_on_the_agenda() {
    use crate::domain::model::evidence::EvidenceField;
    use crate::domain::reports::team_report::TeamReport;
    let today = "2026-12-04";
    let with_details = |name: Option<&str>, n: u8, review_by: &str| {
        let mut a = healthy("Acme", "");
        a.set_answer(MICROMANAGING, Some(Answer::Yes));
        for (field, value) in [
            (EvidenceField::Who, "Ana Keller"),
            (EvidenceField::When, "2026-10-01"),
            (EvidenceField::Link, "https://wiki.acme.example/ev"),
            (EvidenceField::ReviewBy, review_by),
        ] {
            a.set_evidence(MICROMANAGING, field, value, today).unwrap();
        }
        a.respondent = token(n);
        Respondent::new(name, a)
    };
    let mut t = Team::new("Leadership");
    t.add(with_details(Some("Ben"), 1, "2026-11-15")).unwrap();
    t.add(with_details(Some("Cy"), 2, "2027-03-01")).unwrap();
    let e = evaluate_team(&t);
    assert_eq!(
        evidence_lines(&e, MICROMANAGING),
        [
            "Ben (Yes): Evidence: from Ana Keller, gathered 2026-10-01, https://wiki.acme.example/ev, review by 2026-11-15. To review: past its review-by date.",
            "Cy (Yes): Evidence: from Ana Keller, gathered 2026-10-01, https://wiki.acme.example/ev, review by 2027-03-01.",
        ]
    );
    let report = TeamReport::new(&t, &e, today);
    let line = report
        .agenda
        .iter()
        .find(|a| a.question_id == MICROMANAGING)
        .expect("a red flag present is on the agenda");
    assert_eq!(
        line.stale.as_deref(),
        Some("Evidence to review: one respondent's evidence is past its review-by date.")
    );
    assert_eq!(
        crate::domain::reports::team_report::stale_line(2).as_deref(),
        Some("Evidence to review: 2 respondents' evidence is past its review-by date.")
    );
    // The day before it passes, nothing is flagged.
    let before = TeamReport::new(&t, &e, "2026-11-15");
    assert!(before.agenda.iter().all(|a| a.stale.is_none()));

    // An anonymous respondent's evidence comes without who gave it: that could name them.
    let anonymous = with_details(None, 3, "2026-11-15");
    assert_eq!(anonymous.assessment.evidence[MICROMANAGING].who, "");
    assert_eq!(
        anonymous.assessment.evidence[MICROMANAGING].review_by,
        "2026-11-15"
    );
}
