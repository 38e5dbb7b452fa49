//! What the team agreed in its meeting (`rule.team_agreement` in docs/model.md): an answer to
//! each question on the agenda, with any dissent. What those answers form, the consensus
//! assessment and its verdict, is in `consensus`.

use std::fmt;

use crate::domain::model::answer::Answer;
use crate::domain::model::items as model;
use crate::domain::model::limits::{one_line, TextKind};

/// The most dissents one agreed answer records (one per person; a meeting where more dissent
/// has not agreed). It bounds the agreement's size in the record and the file.
pub const MAX_DISSENT: usize = 10;

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
            trf!("{name} dissents.", name = self.who)
        } else {
            trf!("{name} dissents: {reason}", name = self.who, reason = why)
        }
    }
}

/// The answer the team agreed on for one question, and who dissents from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agreed {
    /// The question's id (one of the model's).
    pub question_id: &'static str,
    /// The agreed answer ("Not sure" is an honest agreement: the question stays open).
    pub answer: Answer,
    /// Who dissents, in the order they were recorded (one entry per person).
    pub dissent: Vec<Dissent>,
}

impl Agreed {
    /// "Agreed: No." with the dissent after it: "Agreed: No. Ben Ortiz dissents: …"
    pub fn line(&self) -> String {
        let mut line = trf!("Agreed: {answer}.", answer = self.answer.label());
        for d in &self.dissent {
            line.push(' ');
            line.push_str(&d.line());
        }
        line
    }
}

/// What the meeting recorded: the agreed answers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Agreement {
    /// The agreed answer to each question the team settled, one per question, in the order of
    /// their ids (a file lists them so).
    pub agreed: Vec<Agreed>,
    /// The library id of the consensus assessment last saved from this agreement, if any (kept
    /// in the library's record only: an id means nothing in another browser).
    pub saved_as: Option<String>,
}

impl Agreement {
    /// Whether nothing was agreed yet.
    pub fn is_empty(&self) -> bool {
        self.agreed.is_empty()
    }

    /// What adding a team view file's respondents to another team view says of this, the
    /// file's agreement, which stays behind: agreed answers belong to the people they were
    /// agreed among. `None` when nothing was agreed. `source` names the file.
    pub fn not_carried_note(&self, source: &str) -> Option<String> {
        let agreed = self.agreed.len();
        (agreed > 0).then(|| {
            if agreed == 1 {
                trf!(
                    "{source} also holds what its meeting agreed (1 item): that stays with it. To keep it, import the file on the start screen as a team view of its own.",
                    source = source
                )
            } else {
                trf!(
                    "{source} also holds what its meeting agreed ({count} items): that stays with it. To keep it, import the file on the start screen as a team view of its own.",
                    source = source,
                    count = agreed
                )
            }
        })
    }

    /// The agreed answer to a question, if the team recorded one.
    pub fn get(&self, question_id: &str) -> Option<&Agreed> {
        self.agreed.iter().find(|a| a.question_id == question_id)
    }

    fn get_mut(&mut self, question_id: &str) -> Option<&mut Agreed> {
        self.agreed
            .iter_mut()
            .find(|a| a.question_id == question_id)
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
    /// A team of nobody has no consensus.
    NoRespondent,
    /// The consensus assessment needs an agreed answer to every item to discuss.
    NotComplete {
        /// How many items are still to agree on.
        pending: usize,
    },
}

impl fmt::Display for AgreementError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AgreementError::UnknownQuestion { id } => f.write_str(&trf!(
                "“{id}” is not a question of KOOM Deployment Readiness Layer v{version}: nothing was recorded.",
                id = id,
                version = model::MODEL_VERSION
            )),
            AgreementError::NotAgreed => f.write_str(tr!(
                "Record the team's agreed answer first: a dissent is from an agreed answer."
            )),
            AgreementError::NoName => f.write_str(tr!("Say who dissents: a dissent needs a name.")),
            AgreementError::TooManyDissents => f.write_str(&trf!(
                "This answer already records {max} dissents, one per person: remove one before adding another, or record that the team did not agree (“Not sure”).",
                max = MAX_DISSENT
            )),
            AgreementError::NoRespondent => f.write_str(tr!(
                "The team view has no respondent yet: there is nothing to agree on."
            )),
            AgreementError::NotComplete { pending: 1 } => f.write_str(tr!(
                "Agree on every item to discuss first: 1 still has no agreed answer."
            )),
            AgreementError::NotComplete { pending } => f.write_str(&trf!(
                "Agree on every item to discuss first: {count} still have no agreed answer.",
                count = pending
            )),
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

impl Agreement {
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
        let list = &mut self.agreed;
        let at = list.binary_search_by(|a| a.question_id.cmp(q.id));
        match (answer, at) {
            (Some(answer), Ok(i)) => list[i].answer = answer,
            (Some(answer), Err(i)) => list.insert(
                i,
                Agreed {
                    question_id: q.id,
                    answer,
                    dissent: Vec::new(),
                },
            ),
            (None, Ok(i)) => {
                list.remove(i);
            }
            (None, Err(_)) => {}
        }
        Ok(())
    }

    /// Records that someone dissents from the agreed answer to a question, and why (a name and
    /// a reason, each on one line; the reason at most a remark long). The same person twice:
    /// the newer reason replaces the older one (an empty one keeps it).
    pub fn dissent(
        &mut self,
        question_id: &str,
        who: &str,
        why: &str,
    ) -> Result<DissentRecorded, AgreementError> {
        let who = one_line(who, TextKind::Name);
        if who.is_empty() {
            return Err(AgreementError::NoName);
        }
        let agreed = self.get_mut(question_id).ok_or(AgreementError::NotAgreed)?;
        let why = one_line(why, TextKind::Remark);
        let key = |s: &str| s.to_lowercase();
        if let Some(d) = agreed.dissent.iter_mut().find(|d| key(&d.who) == key(&who)) {
            // Named again without a reason: the reason given before stays.
            if !why.is_empty() {
                d.why = why;
            }
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
        let Some(agreed) = self.get_mut(question_id) else {
            return false;
        };
        let before = agreed.dissent.len();
        let who = who.trim().to_lowercase();
        agreed.dissent.retain(|d| d.who.to_lowercase() != who);
        agreed.dissent.len() != before
    }
}
