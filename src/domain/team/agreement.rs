//! What the team agreed in its meeting (`rule.team_agreement` in docs/model.md): an answer to
//! each question on the agenda, with any dissent, and the consensus assessment those answers
//! form.
//!
//! The conservative team verdict ([`TeamEvaluation::verdict`]) is what the respondents said
//! before the meeting; it never changes with the agreement. The agreed verdict
//! ([`Consensus::verdict`]) is the ladder's verdict of the consensus assessment, and exists only
//! once every item on the agenda has an agreed answer: until then the team's verdict is the
//! conservative one alone. A question the meeting did not need to discuss (everyone who
//! answered gave the same answer, and the question is not on the agenda) carries that answer
//! into the consensus.
//!
//! [`TeamEvaluation::verdict`]: super::TeamEvaluation::verdict

use std::collections::BTreeMap;
use std::fmt;

use super::evaluation::AgendaItem;
use super::roster::{clean_name, one_line, Team};
use super::tally::ItemTally;
use crate::domain::model::answer::Answer;
use crate::domain::model::assessment::Assessment;
use crate::domain::model::items as model;
use crate::domain::model::limits::TextKind;
use crate::domain::rules::readiness::{verdict_of, Verdict};

/// The most dissents one agreed answer records (one per person; a meeting where more dissent
/// has not agreed). It bounds the agreement's size in the record and the file.
pub const MAX_DISSENT: usize = 20;

/// Someone who does not agree with the team's answer to a question, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dissent {
    /// Who dissents (a name on one line; anyone in the meeting, respondent or not).
    pub who: String,
    /// Why, on one line (may be empty).
    pub why: String,
}

impl Dissent {
    /// "Ben Ortiz dissents: the pilot team still bypasses SOPs." or "Ben Ortiz dissents."
    pub fn line(&self) -> String {
        let why = self.why.trim();
        if why.is_empty() {
            format!("{} dissents.", self.who)
        } else {
            format!("{} dissents: {}", self.who, why)
        }
    }
}

/// The answer the team agreed on for one question, and who dissents from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agreed {
    /// The agreed answer ("Not sure" is an honest agreement: the question stays open).
    pub answer: Answer,
    /// Who dissents, in the order they were recorded (one entry per person).
    pub dissent: Vec<Dissent>,
}

impl Agreed {
    /// "Agreed: No." with the dissent after it: "Agreed: No. Ben Ortiz dissents: …"
    pub fn line(&self) -> String {
        let mut line = format!("Agreed: {}.", self.answer.label());
        for d in &self.dissent {
            line.push(' ');
            line.push_str(&d.line());
        }
        line
    }
}

/// What the meeting recorded: the agreed answers, by question id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Agreement {
    /// The agreed answer to each question the team settled, by question id.
    pub agreed: BTreeMap<String, Agreed>,
    /// The library id of the consensus assessment last saved from this agreement, if any (kept
    /// in the library's record only: an id means nothing in another browser).
    pub saved_as: Option<String>,
}

impl Agreement {
    /// Whether nothing was agreed yet.
    pub fn is_empty(&self) -> bool {
        self.agreed.is_empty()
    }

    /// The agreed answer to a question, if the team recorded one.
    pub fn get(&self, question_id: &str) -> Option<&Agreed> {
        self.agreed.get(question_id)
    }
}

/// Why an agreement could not be recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AgreementError {
    /// The question is not one of the model's.
    UnknownQuestion {
        /// The id given.
        id: String,
    },
    /// A dissent needs an agreed answer to dissent from.
    NotAgreed,
    /// A dissent needs a name.
    NoName,
    /// The answer already records [`MAX_DISSENT`] dissents.
    TooManyDissents,
}

impl fmt::Display for AgreementError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AgreementError::UnknownQuestion { id } => write!(
                f,
                "“{id}” is not a question of KOOM Deployment Readiness Layer v{}: nothing was recorded.",
                model::MODEL_VERSION
            ),
            AgreementError::NotAgreed => write!(
                f,
                "Record the team's agreed answer first: a dissent is from an agreed answer."
            ),
            AgreementError::NoName => write!(f, "Say who dissents: a dissent needs a name."),
            AgreementError::TooManyDissents => write!(
                f,
                "This answer already records {MAX_DISSENT} dissents, one per person: remove one before adding another, or record that the team did not agree (“Not sure”)."
            ),
        }
    }
}

impl std::error::Error for AgreementError {}

/// Whether a dissent was new or replaced the same person's earlier one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DissentRecorded {
    /// A new dissent.
    Added,
    /// The same person (case aside) dissented already: their reason was replaced.
    Updated,
}

impl Team {
    /// Records the team's agreed answer to a question (`None`: clears it, with its dissent). A
    /// changed answer keeps the dissent recorded: it is the people's, to withdraw one by one.
    pub fn agree(
        &mut self,
        question_id: &str,
        answer: Option<Answer>,
    ) -> Result<(), AgreementError> {
        let q = model::question(question_id).ok_or_else(|| AgreementError::UnknownQuestion {
            id: question_id.to_string(),
        })?;
        match answer {
            Some(answer) => {
                self.agreement
                    .agreed
                    .entry(q.id.to_string())
                    .and_modify(|a| a.answer = answer)
                    .or_insert(Agreed {
                        answer,
                        dissent: Vec::new(),
                    });
            }
            None => {
                self.agreement.agreed.remove(q.id);
            }
        }
        Ok(())
    }

    /// Records that someone dissents from the agreed answer to a question, and why (a name and
    /// a reason, each on one line; the reason at most a remark long). The same person twice: the newer reason
    /// replaces the older one.
    pub fn dissent(
        &mut self,
        question_id: &str,
        who: &str,
        why: &str,
    ) -> Result<DissentRecorded, AgreementError> {
        let who = clean_name(who);
        if who.is_empty() {
            return Err(AgreementError::NoName);
        }
        let agreed = self
            .agreement
            .agreed
            .get_mut(question_id)
            .ok_or(AgreementError::NotAgreed)?;
        let why = one_line(why, TextKind::Remark);
        let key = |s: &str| s.to_lowercase();
        if let Some(d) = agreed.dissent.iter_mut().find(|d| key(&d.who) == key(&who)) {
            d.why = why;
            return Ok(DissentRecorded::Updated);
        }
        if agreed.dissent.len() >= MAX_DISSENT {
            return Err(AgreementError::TooManyDissents);
        }
        agreed.dissent.push(Dissent { who, why });
        Ok(DissentRecorded::Added)
    }

    /// Withdraws a dissent (the person, case aside); `false` if there was none.
    pub fn withdraw_dissent(&mut self, question_id: &str, who: &str) -> bool {
        let Some(agreed) = self.agreement.agreed.get_mut(question_id) else {
            return false;
        };
        let before = agreed.dissent.len();
        let who = who.trim().to_lowercase();
        agreed.dissent.retain(|d| d.who.to_lowercase() != who);
        agreed.dissent.len() != before
    }
}

/// The team's agreed answers as one assessment (`rule.team_agreement`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Consensus {
    /// The consensus assessment: for each question, the agreed answer; else, for a question
    /// not on the agenda, the one answer everyone who answered gave; else no answer. The
    /// dissent travels as the question's note.
    pub assessment: Assessment,
    /// How many items on the agenda have an agreed answer.
    pub agreed: usize,
    /// How many items are on the agenda.
    pub of: usize,
    /// The agenda's questions still without an agreed answer, in agenda order.
    pub pending: Vec<&'static str>,
    /// The agreed verdict: the ladder's verdict of the consensus assessment, once every item
    /// on the agenda is agreed (and the team has a respondent); `None` until then.
    pub verdict: Option<Verdict>,
}

impl Consensus {
    /// Whether every item on the agenda has an agreed answer.
    pub fn complete(&self) -> bool {
        self.verdict.is_some()
    }

    /// Where the agreement stands, in one sentence: "Agreed on 2 of 5 items to discuss." or
    /// "Agreed on every item to discuss (5). Agreed verdict: Not yet — build maturity."
    pub fn progress(&self) -> String {
        match self.verdict {
            Some(v) if self.of == 0 => format!(
                "Nothing to discuss: everyone's answers are the agreed ones. Agreed verdict: {}.",
                v.headline()
            ),
            Some(v) => format!(
                "Agreed on every item to discuss ({}). Agreed verdict: {}.",
                self.of,
                v.headline()
            ),
            None => format!(
                "Agreed on {} of {} items to discuss. Until every item is agreed, the team verdict is the conservative one.",
                self.agreed, self.of
            ),
        }
    }
}

/// What the team agreed, as an assessment with its verdict (`rule.team_agreement`): see
/// [`Consensus`]. The organisation is the one most respondents named (ties: the first in
/// alphabetical order), else the team view's title; the assessor names the team view.
pub(super) fn consensus(team: &Team, tallies: &[ItemTally], agenda: &[AgendaItem]) -> Consensus {
    let mut assessment = Assessment::new(&organisation(team), "");
    assessment.assessor = clean_name(&format!(
        "Agreed by the team view “{}”",
        team.display_title()
    ));
    for t in tallies {
        let on_agenda = agenda.iter().any(|a| a.question_id == t.id);
        let answer = match team.agreement.get(t.id) {
            Some(agreed) => {
                if !agreed.dissent.is_empty() {
                    let lines: Vec<String> = agreed.dissent.iter().map(Dissent::line).collect();
                    let note = format!("Agreed in the team meeting. {}", lines.join(" "));
                    assessment.set_note(t.id, &note);
                }
                Some(agreed.answer)
            }
            None if on_agenda => None,
            None => Answer::ALL
                .into_iter()
                .find(|&a| t.of(Some(a)).count > 0 && t.of(Some(a)).count == t.answered()),
        };
        assessment.set_answer(t.id, answer);
    }
    let pending: Vec<&'static str> = agenda
        .iter()
        .filter(|a| team.agreement.get(a.question_id).is_none())
        .map(|a| a.question_id)
        .collect();
    let complete = pending.is_empty() && !team.respondents.is_empty();
    Consensus {
        verdict: complete.then(|| verdict_of(&assessment)),
        agreed: agenda.len() - pending.len(),
        of: agenda.len(),
        pending,
        assessment,
    }
}

/// The organisation most respondents named, else the team view's title.
fn organisation(team: &Team) -> String {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for r in &team.respondents {
        let o = r.assessment.organisation.trim();
        if !o.is_empty() {
            *counts.entry(o).or_default() += 1;
        }
    }
    let most = counts.values().copied().max().unwrap_or(0);
    counts
        .into_iter()
        .find(|&(_, c)| c == most && c > 0)
        .map_or_else(|| team.title.clone(), |(o, _)| o.to_string())
}
