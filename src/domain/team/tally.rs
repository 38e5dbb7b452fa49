//! What the team answered to each question: counts, names, disagreement.

use crate::domain::model::answer::Answer;
use crate::domain::model::evidence::EvidenceDetails;
use crate::domain::model::items::{
    item_label_of_question, question_section, Question, SeedSection, FULL_DEPLOYMENT_STEP,
    GATE_CRITERIA, PILOT_POLITICS_QUESTION, PILOT_STEP,
};

/// How many respondents gave one answer, and the names of those who are named.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AnswerCount {
    /// How many respondents (named and anonymous).
    pub count: usize,
    /// The named ones, sorted by name (anonymous respondents are only counted).
    pub who: Vec<String>,
}

impl AnswerCount {
    /// How many of them are anonymous.
    pub fn anonymous(&self) -> usize {
        self.count - self.who.len()
    }

    /// "Ann, Bob and 1 anonymous", or `None` when none of them is named.
    pub fn names(&self) -> Option<String> {
        names(&self.who, self.anonymous())
    }
}

pub(super) fn names(who: &[String], anonymous: usize) -> Option<String> {
    match (who.is_empty(), anonymous) {
        (true, _) => None,
        (false, 0) => Some(who.join(", ")),
        (false, k) => Some(trf!(
            "{names} and {count} anonymous",
            names = who.join(", "),
            count = k
        )),
    }
}

/// What one respondent wrote about a question: their evidence note and, if they flagged the
/// question as unclear, their remark. Only from links and files that carry notes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    /// The respondent's name; `None` for an anonymous one, who is never numbered here.
    pub who: Option<String>,
    /// Their answer to the question (`None` for an anonymous respondent: it could point at
    /// them).
    pub answer: Option<Answer>,
    /// Their evidence note (empty if they wrote none).
    pub note: String,
    /// Their "unclear" remark (`Some("")`: flagged unclear without a remark).
    pub unclear: Option<String>,
    /// Their evidence details (who gave it, when, a link, review-by), when their link or file
    /// carries them; an anonymous respondent's come without the `who`.
    pub details: Option<EvidenceDetails>,
}

impl Evidence {
    /// Whether their evidence is past its review-by date on `today` (rule: evidence past its
    /// review-by date is stale in the item, the report and the team agenda).
    pub fn is_stale(&self, today: &str) -> bool {
        self.details.as_ref().is_some_and(|d| d.is_stale(today))
    }

    /// One line on `today`: "Ana Keller (No): Saw it twice in March. Flagged as unclear:
    /// “Which flows count?” Evidence: from Ben, gathered 2026-10-01, review by 2026-11-01. To
    /// review: past its review-by date."; an anonymous respondent is "An anonymous
    /// respondent", without an answer.
    pub fn line(&self, today: &str) -> String {
        let mut line = match &self.who {
            Some(who) => format!(
                "{who} ({}):",
                self.answer.map_or(tr!("no answer"), |a| a.label())
            ),
            None => tr!("An anonymous respondent:").to_string(),
        };
        if !self.note.trim().is_empty() {
            line.push(' ');
            line.push_str(self.note.trim());
        }
        match self.unclear.as_deref().map(str::trim) {
            Some("") => {
                line.push(' ');
                line.push_str(tr!("Flagged as unclear."));
            }
            Some(remark) => {
                line.push(' ');
                line.push_str(&trf!("Flagged as unclear: “{remark}”", remark = remark));
            }
            None => {}
        }
        if let Some(details) = self.details.as_ref().and_then(EvidenceDetails::line) {
            line.push(' ');
            line.push_str(&trf!("Evidence: {details}.", details = details));
        }
        if self.is_stale(today) {
            line.push(' ');
            line.push_str(tr!("To review: past its review-by date."));
        }
        line
    }
}

/// What the team answered to one question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemTally {
    /// The question's id.
    pub id: &'static str,
    /// The question.
    pub text: &'static str,
    /// The label of the item it is asked for ("Condition 1 — …", "Step 6 — Full Deployment").
    pub item: String,
    /// The seed section of that item.
    pub section: SeedSection,
    /// The healthy answer (its opposite reports the problem).
    pub healthy: Answer,
    /// Who said "Yes".
    pub yes: AnswerCount,
    /// Who said "No".
    pub no: AnswerCount,
    /// Who said "Not sure".
    pub not_sure: AnswerCount,
    /// Who did not answer.
    pub unanswered: AnswerCount,
    /// Whether at least two different answers were given (among Yes, No and Not sure).
    pub disagrees: bool,
    /// How split the team is: the respondents who answered minus the largest group of one
    /// answer (0 when all who answered agree).
    pub minority: usize,
    /// What the respondents wrote about it: the named ones by name, then (only when the team
    /// has at least [`ANONYMITY_MIN`] anonymous respondents) the anonymous ones, in the order of
    /// their text, so that no note points at a position.
    ///
    /// [`ANONYMITY_MIN`]: super::ANONYMITY_MIN
    pub evidence: Vec<Evidence>,
    /// How many anonymous respondents wrote about it but are not shown: the team has fewer
    /// than [`ANONYMITY_MIN`](super::ANONYMITY_MIN) anonymous respondents.
    pub withheld: usize,
}

impl ItemTally {
    pub(super) fn new(q: &'static Question) -> ItemTally {
        let item = if GATE_CRITERIA.iter().any(|c| c.id == q.id) {
            FULL_DEPLOYMENT_STEP.label()
        } else if q.id == PILOT_POLITICS_QUESTION.id {
            PILOT_STEP.label()
        } else {
            item_label_of_question(q.id).unwrap_or_default()
        };
        ItemTally {
            id: q.id,
            text: q.text,
            item,
            section: question_section(q.id),
            healthy: q.healthy,
            yes: AnswerCount::default(),
            no: AnswerCount::default(),
            not_sure: AnswerCount::default(),
            unanswered: AnswerCount::default(),
            disagrees: false,
            minority: 0,
            evidence: Vec::new(),
            withheld: 0,
        }
    }

    pub(super) fn count_mut(&mut self, answer: Option<Answer>) -> &mut AnswerCount {
        match answer {
            Some(Answer::Yes) => &mut self.yes,
            Some(Answer::No) => &mut self.no,
            Some(Answer::NotSure) => &mut self.not_sure,
            None => &mut self.unanswered,
        }
    }

    pub(super) fn finish(&mut self) {
        let groups = [self.yes.count, self.no.count, self.not_sure.count];
        self.disagrees = groups.iter().filter(|&&c| c > 0).count() >= 2;
        self.minority = self.answered() - groups.iter().max().copied().unwrap_or(0);
    }

    /// Who gave this answer (`None`: who did not answer).
    pub fn of(&self, answer: Option<Answer>) -> &AnswerCount {
        match answer {
            Some(Answer::Yes) => &self.yes,
            Some(Answer::No) => &self.no,
            Some(Answer::NotSure) => &self.not_sure,
            None => &self.unanswered,
        }
    }

    /// How many respondents answered (Yes, No or Not sure).
    pub fn answered(&self) -> usize {
        self.yes.count + self.no.count + self.not_sure.count
    }

    /// The share of those who answered outside the largest group, in thousandths.
    pub fn split_per_mille(&self) -> usize {
        (self.minority * 1000)
            .checked_div(self.answered())
            .unwrap_or(0)
    }

    /// What was said, in one line: "Yes 3 (Ann, Bob and 1 anonymous) · No 1 · No answer 2"
    /// (answers nobody gave are left out).
    pub fn said(&self) -> String {
        let parts: Vec<String> = [
            (tr!("Yes"), &self.yes),
            (tr!("No"), &self.no),
            (tr!("Not sure"), &self.not_sure),
            (tr!("No answer"), &self.unanswered),
        ]
        .into_iter()
        .filter(|(_, c)| c.count > 0)
        .map(|(label, c)| match c.names() {
            Some(names) => format!("{label} {} ({names})", c.count),
            None => format!("{label} {}", c.count),
        })
        .collect();
        if parts.is_empty() {
            tr!("No respondent").to_string()
        } else {
            parts.join(" · ")
        }
    }
}
