//! The meeting's agreement and the consensus assessment (`rule.team_agreement`).

use super::tests::{healthy, team, with, AUDIT};
use super::*;
use crate::domain::model::answer::Answer;
use crate::domain::model::items::{readiness_questions, GATE_CRITERIA, GREEN_FLAGS, RED_FLAGS};
use crate::domain::model::limits::TextKind;
use crate::domain::rules::readiness::Verdict;

/// Ann is healthy; Ben reports the first red flag; Carol is healthy but not sure about the
/// audit: a Stop, with the audit left open behind it.
fn split_team() -> Team {
    let flag = RED_FLAGS[0].question;
    team(vec![
        (Some("Ann"), healthy("Acme", "Ann")),
        (
            Some("Ben"),
            with(
                healthy("Acme", "Ben"),
                flag.id,
                Some(flag.healthy.opposite()),
            ),
        ),
        (
            Some("Carol"),
            with(healthy("Acme", "Carol"), AUDIT, Some(Answer::NotSure)),
        ),
    ])
}

#[test]
fn the_agreed_answers_form_the_consensus_and_its_verdict_once_every_item_is_agreed() {
    // The seed, §5: "If any red flag is present: Stop. Do not deploy KOOM." The agreed answers
    // are read by the same ladder: an agreed red flag is a Stop, whatever else was agreed.
    let flag = RED_FLAGS[0].question;
    let mut t = split_team();
    let e = evaluate_team(&t);
    assert_eq!(e.verdict, Verdict::Stop);
    let agenda: Vec<&str> = e.agenda.iter().map(|a| a.question_id).collect();
    assert_eq!(agenda, [flag.id, AUDIT]);
    assert_eq!(e.consensus.verdict, None);
    assert_eq!((e.consensus.agreed, e.consensus.of), (0, 2));
    assert_eq!(e.consensus.pending, [flag.id, AUDIT]);
    assert_eq!(
        e.consensus.progress(),
        "Agreed on 0 of 2 items to discuss. Until every item is agreed, the team verdict is the conservative one."
    );

    t.agreement.agree(flag.id, Some(flag.healthy)).unwrap();
    let e = evaluate_team(&t);
    assert_eq!((e.consensus.agreed, e.consensus.verdict), (1, None));
    assert_eq!(e.consensus.pending, [AUDIT]);

    t.agreement.agree(AUDIT, Some(Answer::Yes)).unwrap();
    let e = evaluate_team(&t);
    assert_eq!(
        e.verdict,
        Verdict::Stop,
        "the conservative verdict never moves"
    );
    assert_eq!(e.consensus.verdict, Some(Verdict::Ready));
    assert!(e.consensus.complete());
    assert_eq!(
        e.consensus.progress(),
        "Agreed on every item to discuss (2). Agreed verdict: Ready — begin the deployment sequence."
    );
    let a = &e.agreed_assessment(&t).unwrap();
    for q in readiness_questions() {
        assert!(a.answer(q.id).is_some(), "{} has a consensus answer", q.id);
    }
    assert_eq!(a.organisation, "Acme");
    assert_eq!(a.assessor, "Agreed by the team view “Acme leadership”");
    assert_eq!(
        a.respondent, None,
        "the team's answers, not one respondent's"
    );

    t.agreement
        .agree(flag.id, Some(flag.healthy.opposite()))
        .unwrap();
    assert_eq!(evaluate_team(&t).consensus.verdict, Some(Verdict::Stop));
    // "Not sure" is an honest agreement: the question stays open, and holds.
    t.agreement.agree(flag.id, Some(flag.healthy)).unwrap();
    t.agreement.agree(AUDIT, Some(Answer::NotSure)).unwrap();
    assert_eq!(evaluate_team(&t).consensus.verdict, Some(Verdict::Hold));
}

#[test]
fn questions_not_discussed_carry_the_answer_everyone_who_answered_gave() {
    let green = GREEN_FLAGS[0].question.id;
    let gate = GATE_CRITERIA[0].id;
    let mut t = team(vec![
        (
            Some("Ann"),
            with(
                with(healthy("Acme", ""), green, Some(Answer::Yes)),
                gate,
                Some(Answer::Yes),
            ),
        ),
        (
            Some("Ben"),
            with(
                with(healthy("Beta", ""), green, Some(Answer::Yes)),
                gate,
                Some(Answer::No),
            ),
        ),
        (None, healthy("Beta", "")),
    ]);
    let e = evaluate_team(&t);
    assert_eq!(e.verdict, Verdict::Ready);
    let agenda: Vec<&str> = e.agenda.iter().map(|a| a.question_id).collect();
    assert_eq!(agenda, [gate], "only the disagreement");
    assert_eq!(
        e.agreed_assessment(&t).unwrap_err().to_string(),
        "Agree on every item to discuss first: 1 still has no agreed answer."
    );
    t.agreement.agree(gate, Some(Answer::No)).unwrap();
    let e = evaluate_team(&t);
    let a = &e.agreed_assessment(&t).unwrap();
    assert_eq!(
        a.answer(green),
        Some(Answer::Yes),
        "2 said Yes, 1 said nothing"
    );
    assert_eq!(a.answer(gate), Some(Answer::No));
    assert_eq!(
        a.organisation, "Acme leadership",
        "the respondents named two organisations: the team view's title"
    );
    assert_eq!(e.consensus.verdict, Some(Verdict::Ready));

    // Nothing to discuss: everyone's answers are the agreed ones.
    let same = team(vec![
        (Some("Ann"), healthy("Acme", "")),
        (None, healthy("Acme", "")),
    ]);
    let e = evaluate_team(&same);
    assert!(e.agenda.is_empty());
    assert_eq!(e.consensus.verdict, Some(Verdict::Ready));
    assert_eq!(
        e.consensus.progress(),
        "Nothing to discuss: everyone's answers are the agreed ones. Agreed verdict: Ready — begin the deployment sequence."
    );
    // A team of nobody agrees on nothing.
    let empty = Team::new("Empty");
    let e = evaluate_team(&empty);
    assert_eq!(e.consensus.verdict, None);
    assert!(!e.consensus.complete());
    assert_eq!(
        e.consensus.progress(),
        "Nothing to agree on yet: the team view has no respondent."
    );
    assert_eq!(
        e.agreed_assessment(&empty).unwrap_err().to_string(),
        "The team view has no respondent yet: there is nothing to agree on."
    );
}

#[test]
fn a_dissent_is_named_kept_per_person_and_travels_as_the_note() {
    let flag = RED_FLAGS[0].question;
    let mut t = split_team();
    assert_eq!(
        t.agreement
            .dissent(flag.id, "Ben", "seen it")
            .unwrap_err()
            .to_string(),
        "Record the team's agreed answer first: a dissent is from an agreed answer."
    );
    t.agreement.agree(flag.id, Some(flag.healthy)).unwrap();
    assert_eq!(
        t.agreement
            .dissent(flag.id, " \n ", "why")
            .unwrap_err()
            .to_string(),
        "Say who dissents: a dissent needs a name."
    );
    assert_eq!(
        t.agreement
            .dissent(flag.id, " Ben\tOrtiz ", " It happened twice in March. "),
        Ok(DissentRecorded::Added)
    );
    assert_eq!(
        t.agreement.dissent(flag.id, "Dana", ""),
        Ok(DissentRecorded::Added)
    );
    assert_eq!(
        t.agreement
            .dissent(flag.id, "ben ortiz", "Three times, in fact."),
        Ok(DissentRecorded::Updated)
    );
    let agreed = t.agreement.get(flag.id).unwrap();
    assert_eq!(
        agreed.line(),
        format!(
            "Agreed: {}. Ben Ortiz dissents: Three times, in fact. Dana dissents.",
            flag.healthy.label()
        )
    );
    // Another answer keeps the dissent: it is the people's, withdrawn one by one.
    t.agreement.agree(flag.id, Some(Answer::NotSure)).unwrap();
    assert_eq!(t.agreement.get(flag.id).unwrap().dissent.len(), 2);
    assert!(t.agreement.withdraw_dissent(flag.id, "DANA"));
    assert!(!t.agreement.withdraw_dissent(flag.id, "Dana"));
    t.agreement.agree(flag.id, Some(flag.healthy)).unwrap();
    let mut agreed = t.clone();
    agreed.agreement.agree(AUDIT, Some(Answer::Yes)).unwrap();
    let a = evaluate_team(&agreed).agreed_assessment(&agreed).unwrap();
    assert_eq!(
        a.notes.get(flag.id).map(String::as_str),
        Some("Agreed in the team meeting. Ben Ortiz dissents: Three times, in fact.")
    );
    t.agreement.agree(flag.id, None).unwrap();
    assert!(
        t.agreement.get(flag.id).is_none(),
        "cleared with its dissent"
    );
    assert_eq!(
        t.agreement.agree("precondition.invented", Some(Answer::Yes))
            .unwrap_err()
            .to_string(),
        "“precondition.invented” is not a question of KOOM Deployment Readiness Layer v1.0: nothing was recorded."
    );
    assert!(t.agreement.is_empty());
}

#[test]
fn the_agreement_never_changes_the_conservative_verdict_or_the_agenda() {
    let mut t = split_team();
    let before = evaluate_team(&t);
    for a in &before.agenda {
        t.agreement.agree(a.question_id, Some(Answer::Yes)).unwrap();
    }
    let after = evaluate_team(&t);
    assert_eq!(after.verdict, before.verdict);
    assert_eq!(after.reasons, before.reasons);
    assert_eq!(after.agenda, before.agenda);
    assert_eq!(after.tallies, before.tallies);
}

#[test]
fn an_answer_agreed_before_the_respondents_changed_counts_only_while_it_is_to_discuss() {
    let flag = RED_FLAGS[0].question;
    let mut t = split_team();
    t.agreement
        .agree(flag.id, Some(flag.healthy.opposite()))
        .unwrap();
    t.agreement.agree(AUDIT, Some(Answer::Yes)).unwrap();
    assert_eq!(evaluate_team(&t).consensus.verdict, Some(Verdict::Stop));
    // Ben (who reported the flag) and Carol (unsure of the audit) leave: nothing to discuss.
    t.respondents.truncate(1);
    let e = evaluate_team(&t);
    assert!(e.agenda.is_empty());
    assert_eq!(
        e.consensus.verdict,
        Some(Verdict::Ready),
        "the flag agreed present earlier no longer overrides what everyone now says"
    );
    assert_eq!(
        e.agreed_assessment(&t).unwrap().answer(flag.id),
        Some(flag.healthy)
    );
    assert_eq!(t.agreement.agreed.len(), 2, "kept, dormant");
}

#[test]
fn dissent_never_lost_a_reason_given_and_the_note_names_what_does_not_fit() {
    let flag = RED_FLAGS[0].question;
    let mut t = split_team();
    t.agreement.agree(flag.id, Some(flag.healthy)).unwrap();
    t.agreement.agree(AUDIT, Some(Answer::Yes)).unwrap();
    t.agreement.dissent(flag.id, "Ben", "Seen twice.").unwrap();
    assert_eq!(
        t.agreement.dissent(flag.id, "BEN", " "),
        Ok(DissentRecorded::Updated)
    );
    assert_eq!(
        t.agreement.get(flag.id).unwrap().dissent[0].why,
        "Seen twice."
    );
    for i in 1..MAX_DISSENT {
        t.agreement
            .dissent(flag.id, &format!("Person {i}"), &"x".repeat(1_000))
            .unwrap();
    }
    assert_eq!(
        t.agreement.dissent(flag.id, "One more", "").unwrap_err(),
        AgreementError::TooManyDissents
    );
    let note = evaluate_team(&t)
        .agreed_assessment(&t)
        .unwrap()
        .notes
        .remove(flag.id)
        .unwrap();
    assert!(note.chars().count() <= TextKind::Note.max_chars());
    assert!(note
        .starts_with("Agreed in the team meeting. Ben dissents: Seen twice. Person 1 dissents: x"));
    assert!(
        note.ends_with(" more dissents recorded in the team view “Acme leadership”."),
        "{note}"
    );
}

#[test]
fn a_workshop_takes_the_disagreements_first_then_the_agenda_in_order() {
    let flag = RED_FLAGS[0].question;
    let green = GREEN_FLAGS[3].question.id;
    let reported = with(healthy("Acme", ""), flag.id, Some(flag.healthy.opposite()));
    let t = team(vec![
        (
            Some("Ann"),
            with(reported.clone(), green, Some(Answer::Yes)),
        ),
        (Some("Bob"), with(reported, green, Some(Answer::No))),
    ]);
    let e = evaluate_team(&t);
    let agenda: Vec<&str> = e.agenda.iter().map(|a| a.question_id).collect();
    assert_eq!(
        agenda,
        [flag.id, green],
        "the blocker both reported, then the split"
    );
    assert_eq!(e.workshop_order(), [green, flag.id]);
}

#[test]
fn a_file_s_agreement_left_behind_is_named_once_in_the_singular_or_plural() {
    let mut agreement = Agreement::default();
    assert_eq!(agreement.not_carried_note("“a.json”"), None);
    agreement
        .agree(RED_FLAGS[0].question.id, Some(Answer::No))
        .unwrap();
    assert_eq!(
        agreement.not_carried_note("“a.json”").as_deref(),
        Some("“a.json” also holds what its meeting agreed (1 item): that stays with it. To keep it, import the file on the start screen as a team view of its own.")
    );
    agreement
        .agree(GREEN_FLAGS[0].question.id, Some(Answer::Yes))
        .unwrap();
    assert!(agreement
        .not_carried_note("“a.json”")
        .unwrap()
        .contains("(2 items)"));
}
