//! Rounds of re-assessment: the same organisation assessed again some months on.
//!
//! The assessment is always the round in progress. "Re-assess" closes it: what the rules read
//! to say where it stood (its answers, ticked checklist items, the pilot and its iterations, the
//! alignment cycles' marks) is kept as a dated [`Round`], and a new round starts with every
//! answer carried over and marked as such until it is confirmed or changed. Evidence notes,
//! "unclear" remarks and the plan stay with the assessment (the plan is carried with its
//! statuses); a closed round keeps no free text beyond the pilot department, so that the
//! largest assessment with every round still fits a file and a saved record.

use std::collections::BTreeMap;
use std::fmt;

use crate::domain::model::assessment::{
    AlignmentCycle, Assessment, PilotIteration, PilotRecord, Round,
};
use crate::domain::model::limits::{bounded, TextKind, MAX_ROUNDS};
use crate::domain::model::plan_entry::is_iso_date;

/// The longest date text a closed round keeps of a pilot iteration (its date and retraining
/// confirmations; an ISO date is 10 characters).
const DATE_KEPT: usize = 32;

/// Why a new round cannot start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RoundError {
    /// [`MAX_ROUNDS`] rounds are closed already.
    TooMany,
    /// Today's date is not an ISO date (the computer's clock gave something unreadable).
    BadDate {
        /// What was given.
        date: String,
    },
    /// Today is before the last round's date: the computer's clock is probably wrong.
    BeforeLastRound {
        /// Today, as given.
        today: String,
        /// The date of the latest closed round or of the round in progress.
        last: String,
    },
    /// Nothing is answered yet: there is nothing to carry into a new round.
    NothingAnswered,
}

impl fmt::Display for RoundError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RoundError::TooMany => f.write_str(&trf!(
                "This assessment already has {max} closed rounds, the most one keeps. Export it as a file to keep its history, then start a new assessment for the next round.",
                max = MAX_ROUNDS
            )),
            RoundError::BadDate { date } => f.write_str(&trf!(
                "Today's date could not be read (“{date}”), so the new round could not be dated. Nothing was changed.",
                date = date
            )),
            RoundError::BeforeLastRound { today, last } => f.write_str(&trf!(
                "Today ({today}) is before the latest round ({last}): check this computer's date. Nothing was changed.",
                today = today,
                last = last
            )),
            RoundError::NothingAnswered => f.write_str(tr!(
                "Nothing is answered yet, so there is nothing to re-assess: answer the questions of this round first."
            )),
        }
    }
}

impl std::error::Error for RoundError {}

/// What a closed round keeps of an assessment: what the rules read to say where it stood.
pub fn round_snapshot(a: &Assessment) -> Assessment {
    Assessment {
        model_version: a.model_version.clone(),
        answers: a.answers.clone(),
        checklist: a.checklist.clone(),
        pilot: PilotRecord {
            department: a.pilot.department.clone(),
            // The rules only ask whether an evaluation was written.
            evaluation: if a.pilot.evaluation.trim().is_empty() {
                String::new()
            } else {
                bounded(a.pilot.evaluation.trim(), TextKind::Name)
            },
        },
        pilot_iterations: a
            .pilot_iterations
            .iter()
            .map(|it| PilotIteration {
                date: it.date.chars().take(DATE_KEPT).collect(),
                evaluation: String::new(),
                retrained: it
                    .retrained
                    .iter()
                    .map(|(k, v)| (k.clone(), v.chars().take(DATE_KEPT).collect()))
                    .collect(),
                ..it.clone()
            })
            .collect(),
        cycles: a
            .cycles
            .iter()
            .map(|c| AlignmentCycle {
                signs: c.signs.clone(),
                notes: BTreeMap::new(),
            })
            .collect(),
        ..Assessment::default()
    }
}

impl Assessment {
    /// The number of the round in progress (1 until the first re-assessment).
    pub fn round_number(&self) -> usize {
        self.rounds.len() + 1
    }

    /// The round an answer was carried over from and not yet confirmed or changed, if any
    /// (only an answer that is there can be carried).
    pub fn carried_from(&self, question_id: &str) -> Option<u32> {
        self.carried
            .get(question_id)
            .copied()
            .filter(|_| self.answers.contains_key(question_id))
    }

    /// Confirms a carried-over answer as this round's answer (it stays as it is).
    pub fn confirm_carried(&mut self, question_id: &str) -> bool {
        self.carried.remove(question_id).is_some()
    }

    /// Confirms every carried-over answer at once; how many were confirmed.
    pub fn confirm_all_carried(&mut self) -> usize {
        let n = self.carried.len();
        self.carried.clear();
        n
    }

    /// Closes the round in progress as of `today` (an ISO date) and starts the next one, its
    /// answers carried over and marked with the round they were given in. Returns the new
    /// round's number.
    pub fn reassess(&mut self, today: &str) -> Result<usize, RoundError> {
        if !is_iso_date(today) {
            return Err(RoundError::BadDate {
                date: today.chars().take(40).collect(),
            });
        }
        if self.rounds.len() >= MAX_ROUNDS {
            return Err(RoundError::TooMany);
        }
        if self.answers.is_empty() {
            return Err(RoundError::NothingAnswered);
        }
        let last = self
            .rounds
            .last()
            .map(|r| r.date.as_str())
            .into_iter()
            .chain((!self.round_started.is_empty()).then_some(self.round_started.as_str()))
            .max();
        if let Some(last) = last.filter(|last| today < *last) {
            return Err(RoundError::BeforeLastRound {
                today: today.to_string(),
                last: last.to_string(),
            });
        }
        let closing = u32::try_from(self.round_number()).unwrap_or(u32::MAX);
        self.rounds.push(Round {
            date: today.to_string(),
            assessment: round_snapshot(self),
        });
        // An answer carried again keeps the round it was really given in.
        self.carried = self
            .answers
            .keys()
            .map(|id| (id.clone(), self.carried.get(id).copied().unwrap_or(closing)))
            .collect();
        self.round_started = today.to_string();
        Ok(self.round_number())
    }
}

/// A problem in the rounds of a read assessment: where, what was expected, what was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoundsProblem {
    /// Where, such as `assessment.rounds[1].date`.
    pub path: String,
    /// What the field must hold.
    pub expected: String,
    /// What it holds.
    pub found: String,
}

/// Checks the rounds of a read assessment: dates are ISO dates in order, a closed round has no
/// rounds of its own, carried answers name an earlier round. The first problem, if any.
pub fn rounds_problem(a: &Assessment) -> Option<RoundsProblem> {
    let problem = |path: String, expected: &str, found: String| {
        Some(RoundsProblem {
            path,
            expected: expected.to_string(),
            found,
        })
    };
    let quoted = |s: &str| format!("“{}”", s.chars().take(40).collect::<String>());
    let mut previous: Option<&str> = None;
    for (i, r) in a.rounds.iter().enumerate() {
        let path = format!("assessment.rounds[{i}]");
        if !is_iso_date(&r.date) {
            return problem(
                format!("{path}.date"),
                tr!("a date written as 2026-12-31"),
                quoted(&r.date),
            );
        }
        if previous.is_some_and(|p| r.date.as_str() < p) {
            return problem(
                format!("{path}.date"),
                tr!("a date no earlier than the round before"),
                quoted(&r.date),
            );
        }
        if !r.assessment.rounds.is_empty() {
            return problem(
                format!("{path}.assessment.rounds"),
                tr!("empty (a closed round has no rounds of its own)"),
                trf!("{n} rounds", n = r.assessment.rounds.len()),
            );
        }
        previous = Some(&r.date);
    }
    if !a.round_started.is_empty() && a.rounds.is_empty() {
        return problem(
            "assessment.round_started".to_string(),
            tr!("empty: no round was closed before this one"),
            quoted(&a.round_started),
        );
    }
    if !a.round_started.is_empty() {
        let path = "assessment.round_started".to_string();
        if !is_iso_date(&a.round_started) {
            return problem(
                path,
                tr!("a date written as 2026-12-31, or an empty text"),
                quoted(&a.round_started),
            );
        }
        if previous.is_some_and(|p| a.round_started.as_str() < p) {
            return problem(
                path,
                tr!("a date no earlier than the last closed round"),
                quoted(&a.round_started),
            );
        }
    }
    if let Some(id) = a.carried.keys().find(|id| !a.answers.contains_key(*id)) {
        return problem(
            format!("assessment.carried[\"{id}\"]"),
            tr!("absent: the question has no answer to carry"),
            tr!("present").to_string(),
        );
    }
    let round = u32::try_from(a.round_number()).unwrap_or(u32::MAX);
    a.carried
        .iter()
        .find(|(_, n)| **n == 0 || **n >= round)
        .and_then(|(id, n)| {
            let expected = if round > 1 {
                trf!(
                    "the number of an earlier round (1 to {last})",
                    last = round - 1
                )
            } else {
                tr!("absent: nothing is carried before a first re-assessment").to_string()
            };
            problem(
                format!("assessment.carried[\"{id}\"]"),
                &expected,
                n.to_string(),
            )
        })
}

/// The dates of an assessment's rounds that are after `today` (an ISO date), with the round's
/// number (the round in progress counts by its start). A clock set wrong on another computer
/// gives these; they are kept as they are and shown with a warning.
pub fn rounds_after(a: &Assessment, today: &str) -> Vec<(usize, String)> {
    a.rounds
        .iter()
        .enumerate()
        .map(|(i, r)| (i + 1, r.date.clone()))
        .chain((!a.round_started.is_empty()).then(|| (a.round_number(), a.round_started.clone())))
        .filter(|(_, date)| date.as_str() > today)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::answer::Answer;
    use crate::domain::model::example::raccoons_inc;

    const COE: &str = "precondition.coe.training_owner";

    #[test]
    fn reassessing_closes_the_round_and_carries_every_answer() {
        let mut a = raccoons_inc();
        let doing = crate::domain::model::plan_entry::PlanEntry {
            owner: "Dee".into(),
            status: crate::domain::model::plan_entry::PlanStatus::Doing,
            ..Default::default()
        };
        a.plan.insert(COE.into(), doing.clone());
        let answers = a.answers.clone();
        assert_eq!(a.round_number(), 1);
        assert_eq!(a.reassess("2026-09-01"), Ok(2));
        assert_eq!(a.rounds.len(), 1);
        assert_eq!(a.rounds[0].date, "2026-09-01");
        assert_eq!(a.rounds[0].assessment.answers, answers);
        assert_eq!(a.round_started, "2026-09-01");
        assert_eq!(a.answers, answers, "the answers stay, to confirm or change");
        assert!(answers.keys().all(|id| a.carried_from(id) == Some(1)));
        // Notes and the plan stay with the assessment; the closed round keeps none.
        assert!(!a.notes.is_empty());
        assert!(a.rounds[0].assessment.notes.is_empty());
        assert!(a.rounds[0].assessment.organisation.is_empty());
        assert_eq!(
            a.plan.get(COE),
            Some(&doing),
            "the plan is carried with its statuses"
        );
    }

    #[test]
    fn changing_or_confirming_an_answer_ends_its_carry_and_a_second_carry_keeps_the_first_round() {
        let mut a = raccoons_inc();
        a.set_answer(COE, Some(Answer::NotSure));
        a.reassess("2026-09-01").unwrap();
        a.set_answer(COE, Some(Answer::Yes));
        assert_eq!(a.carried_from(COE), None);
        let other = a.carried.keys().next().unwrap().clone();
        assert!(a.confirm_carried(&other));
        assert!(!a.confirm_carried(&other), "confirmed once");
        let untouched = a.carried.keys().next().unwrap().clone();
        a.reassess("2026-12-01").unwrap();
        assert_eq!(a.carried_from(&untouched), Some(1), "given in round 1");
        assert_eq!(a.carried_from(COE), Some(2), "given in round 2");
        assert_eq!(a.carried_from(&other), Some(2));
        assert!(a.confirm_all_carried() > 0);
        assert!(a.carried.is_empty());
    }

    #[test]
    fn a_new_round_is_refused_with_a_reason_and_nothing_changes() {
        let mut a = raccoons_inc();
        a.reassess("2026-09-01").unwrap();
        let before = a.clone();
        assert_eq!(
            a.reassess("2026-08-31").unwrap_err().to_string(),
            "Today (2026-08-31) is before the latest round (2026-09-01): check this computer's date. Nothing was changed."
        );
        assert_eq!(
            a.reassess("2026-13-01"),
            Err(RoundError::BadDate {
                date: "2026-13-01".into()
            })
        );
        assert_eq!(a, before);
        let mut blank = Assessment::new("Acme", "");
        assert_eq!(
            blank.reassess("2026-09-01"),
            Err(RoundError::NothingAnswered)
        );
        for month in 1..MAX_ROUNDS {
            a.reassess(&format!("2027-{:02}-01", month)).unwrap();
        }
        assert_eq!(a.rounds.len(), MAX_ROUNDS);
        assert_eq!(a.reassess("2028-01-01"), Err(RoundError::TooMany));
    }

    #[test]
    fn a_closed_round_keeps_what_the_rules_read_and_no_evidence() {
        let mut a = raccoons_inc();
        a.pilot.evaluation = "x".repeat(5_000);
        a.set_unclear(COE, Some("Which owner?"));
        a.plan.insert(COE.into(), Default::default());
        let snap = round_snapshot(&a);
        assert_eq!(snap.checklist, a.checklist);
        assert_eq!(snap.pilot.department, a.pilot.department);
        assert!(!snap.pilot.evaluation.is_empty());
        assert!(snap.pilot.evaluation.chars().count() <= TextKind::Name.max_chars());
        assert!(snap.cycles.iter().all(|c| c.notes.is_empty()));
        assert_eq!(snap.cycles.len(), a.cycles.len());
        assert!(snap.plan.is_empty() && snap.unclear.is_empty());
    }

    #[test]
    fn dates_are_checked_in_order_and_future_ones_are_named() {
        let mut a = raccoons_inc();
        a.reassess("2026-09-01").unwrap();
        a.reassess("2026-12-01").unwrap();
        assert_eq!(rounds_problem(&a), None);
        assert_eq!(rounds_after(&a, "2026-12-03"), vec![]);
        assert_eq!(
            rounds_after(&a, "2026-10-01"),
            vec![(2, "2026-12-01".into()), (3, "2026-12-01".into())]
        );
        let mut swapped = a.clone();
        swapped.rounds.swap(0, 1);
        assert_eq!(
            rounds_problem(&swapped),
            Some(RoundsProblem {
                path: "assessment.rounds[1].date".into(),
                expected: "a date no earlier than the round before".into(),
                found: "“2026-09-01”".into(),
            })
        );
        let mut bad = a.clone();
        bad.rounds[0].date = "1 Sept".into();
        assert_eq!(
            rounds_problem(&bad).unwrap().path,
            "assessment.rounds[0].date"
        );
        let mut started = Assessment::new("Acme", "");
        started.round_started = "2026-09-01".into();
        assert_eq!(
            rounds_problem(&started).unwrap().expected,
            "empty: no round was closed before this one"
        );
        let mut unanswered = a.clone();
        unanswered.answers.remove(COE);
        assert_eq!(
            rounds_problem(&unanswered).unwrap().expected,
            "absent: the question has no answer to carry"
        );
        assert_eq!(unanswered.carried_from(COE), None);
        let mut carried = a.clone();
        carried.carried.insert(COE.into(), 3);
        assert_eq!(
            rounds_problem(&carried),
            Some(RoundsProblem {
                path: format!("assessment.carried[\"{COE}\"]"),
                expected: "the number of an earlier round (1 to 2)".into(),
                found: "3".into(),
            })
        );
    }
}
