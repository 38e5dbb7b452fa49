//! The conservative combination of the respondents' readiness answers (`rule.team_conservative`).

use super::roster::*;
use crate::domain::model::answer::{Answer, Finding};
use crate::domain::model::assessment::Assessment;
use crate::domain::model::items::{self as model, Question, MATURITY_REQUIREMENTS};

pub(super) fn is_maturity(q: &Question) -> bool {
    MATURITY_REQUIREMENTS
        .iter()
        .any(|m| m.questions.iter().any(|x| x.id == q.id))
}

/// How many respondents gave which finding on one question.
#[derive(Default)]
pub(super) struct Findings {
    healthy: usize,
    problem: usize,
    not_sure: usize,
    unanswered: usize,
}

impl Findings {
    /// The combined answer (see the module's documentation).
    fn combined(&self, q: &Question) -> Option<Answer> {
        let open = if self.not_sure > 0 {
            Some(Some(Answer::NotSure))
        } else if self.unanswered > 0 {
            Some(None)
        } else {
            None
        };
        let problem = (self.problem > 0).then_some(Some(q.healthy.opposite()));
        let healthy = (self.healthy > 0).then_some(Some(q.healthy));
        let combined = if is_maturity(q) {
            open.or(problem)
        } else {
            problem.or(open)
        };
        combined.or(healthy).flatten()
    }
}

/// The conservative combination of the respondents' readiness answers: every precondition,
/// maturity facet and red-flag question, combined as the module's documentation says (a blocker
/// anyone reports is present; an open blocker or facet holds; a facet anyone reports missing,
/// with nobody unsure, is a gap; healthy only when everyone said so). Green flags, the pilot
/// and the gate are not combined (a team tallies them, [`TeamEvaluation::tallies`]); nor are
/// names, notes or records. No respondent: a blank assessment (every question open).
pub fn merge(respondents: &[Respondent]) -> Assessment {
    let mut merged = Assessment::default();
    for q in model::readiness_questions() {
        let mut findings = Findings::default();
        for r in respondents {
            match Finding::of(r.assessment.answer(q.id), q.healthy) {
                Finding::Healthy => findings.healthy += 1,
                Finding::Problem => findings.problem += 1,
                Finding::NotSure => findings.not_sure += 1,
                Finding::Unanswered => findings.unanswered += 1,
            }
        }
        merged.set_answer(q.id, findings.combined(q));
    }
    merged
}
