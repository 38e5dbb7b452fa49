//! Progress: answered / total per section, and what is left for a verdict.

use crate::domain::model::answer::Answer;
use crate::domain::model::assessment::Assessment;
use crate::domain::model::items::{
    readiness_questions, Question, DEPLOYMENT_STEPS, GATE_CRITERIA, GREEN_FLAGS,
    MATURITY_REQUIREMENTS, PRECONDITIONS, RED_FLAGS, STABILITY_SIGNS,
};
use crate::domain::rules::sequence::item_done;

/// Answered (or done) out of total for one section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SectionProgress {
    /// Questions answered (any answer, "Not sure" included) or items done.
    pub answered: usize,
    /// Questions or items in the section.
    pub total: usize,
}

impl SectionProgress {
    /// Whether every question of the section has an answer.
    pub fn is_complete(self) -> bool {
        self.answered >= self.total
    }
}

/// Progress per part of the model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    /// Preconditions (seed §2).
    pub preconditions: SectionProgress,
    /// Maturity requirements (seed §3).
    pub maturity: SectionProgress,
    /// Red flags (seed §5); shared facts count here too.
    pub red_flags: SectionProgress,
    /// Green flags (seed §6).
    pub green_flags: SectionProgress,
    /// Deployment sequence checklist items and gate criteria (seed §4).
    pub sequence: SectionProgress,
    /// Stability signs marked in the latest cycle (seed §7).
    pub stability: SectionProgress,
    /// Readiness questions still needing a definite answer for a full verdict.
    pub left_for_verdict: usize,
}

fn answered<'a>(a: &Assessment, qs: impl Iterator<Item = &'a Question>) -> SectionProgress {
    let mut p = SectionProgress::default();
    for q in qs {
        p.total += 1;
        if a.answer(q.id).is_some() {
            p.answered += 1;
        }
    }
    p
}

/// Computes progress. Total: never panics.
pub fn evaluate(a: &Assessment) -> Progress {
    let sequence_items = DEPLOYMENT_STEPS.iter().flat_map(|s| s.checklist.iter());
    let mut sequence = SectionProgress::default();
    for i in sequence_items {
        sequence.total += 1;
        if item_done(a, i) {
            sequence.answered += 1;
        }
    }
    // The sequence counts what is done: a gate criterion is done when it is met, not merely
    // answered (a failed gate is no finished sequence).
    sequence.total += GATE_CRITERIA.len();
    sequence.answered += GATE_CRITERIA
        .iter()
        .filter(|c| a.answer(c.id) == Some(c.question.healthy))
        .count();

    let stability = SectionProgress {
        answered: a
            .cycles
            .last()
            .map(|c| {
                STABILITY_SIGNS
                    .iter()
                    .filter(|s| c.signs.contains_key(s.id))
                    .count()
            })
            .unwrap_or(0),
        total: STABILITY_SIGNS.len(),
    };

    Progress {
        preconditions: answered(
            a,
            PRECONDITIONS
                .iter()
                .flat_map(|p| p.questions.iter().copied()),
        ),
        maturity: answered(
            a,
            MATURITY_REQUIREMENTS
                .iter()
                .flat_map(|m| m.questions.iter().copied()),
        ),
        red_flags: answered(a, RED_FLAGS.iter().map(|f| f.question)),
        green_flags: answered(a, GREEN_FLAGS.iter().map(|g| g.question)),
        sequence,
        stability,
        left_for_verdict: readiness_questions()
            .filter(|q| !matches!(a.answer(q.id), Some(x) if x != Answer::NotSure))
            .count(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::example::raccoons_inc;

    #[test]
    fn blank_progress() {
        let p = evaluate(&Assessment::default());
        assert_eq!(
            p.preconditions,
            SectionProgress {
                answered: 0,
                total: 15
            }
        );
        assert_eq!(p.maturity.total, 7);
        assert_eq!(p.red_flags.total, 6);
        assert_eq!(p.green_flags.total, 6);
        assert_eq!(p.sequence.total, 4 + 4 + 5 + 3 + 7 + 6);
        assert_eq!(p.stability.total, 10);
        assert_eq!(p.left_for_verdict, 24);
    }

    #[test]
    fn a_shared_fact_counts_in_both_sections_and_not_sure_is_still_left() {
        let mut a = Assessment::default();
        a.set_answer("precondition.ai_bounded.magic_shortcut", Some(Answer::No));
        a.set_answer("red_flag.no_time_for_structure", Some(Answer::NotSure));
        let p = evaluate(&a);
        assert_eq!(p.preconditions.answered, 1);
        assert_eq!(p.red_flags.answered, 2);
        assert_eq!(p.left_for_verdict, 23);
    }

    #[test]
    fn raccoons_is_complete_everywhere() {
        let p = evaluate(&raccoons_inc());
        for s in [
            p.preconditions,
            p.maturity,
            p.red_flags,
            p.green_flags,
            p.sequence,
            p.stability,
        ] {
            assert!(s.is_complete(), "{s:?}");
        }
        assert_eq!(p.left_for_verdict, 0);
    }

    /// Seed §4, step 6: "Only proceed if: …" A criterion answered "No" is not done: the
    /// sequence is not complete after a failed gate.
    #[test]
    fn a_failed_gate_criterion_is_not_done() {
        let mut a = raccoons_inc();
        a.set_answer(GATE_CRITERIA[0].id, Some(Answer::No));
        let p = evaluate(&a);
        assert_eq!(p.sequence.answered + 1, p.sequence.total);
        assert!(!p.sequence.is_complete());
    }
}
