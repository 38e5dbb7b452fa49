//! What a team's agreed answers form (`rule.team_agreement` in docs/model.md): the consensus
//! assessment and its verdict.
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

use super::agreement::Agreed;
use super::roster::{clean_name, Team};
use super::tally::ItemTally;
use crate::domain::model::answer::Answer;
use crate::domain::model::assessment::Assessment;
use crate::domain::model::limits::TextKind;
use crate::domain::rules::readiness::{verdict_of, Verdict};

/// Where the team's agreement stands (`rule.team_agreement`): how much of the agenda is
/// agreed, and the agreed verdict once all of it is ([`TeamEvaluation::agreed_assessment`]
/// gives the consensus assessment itself).
///
/// [`TeamEvaluation::agreed_assessment`]: super::TeamEvaluation::agreed_assessment
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Consensus {
    /// How many items on the agenda have an agreed answer.
    pub agreed: usize,
    /// How many items are on the agenda (0 for a team of nobody: nothing to agree on).
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

    /// Where the agreement stands, in one sentence: "Agreed on 2 of 5 items to discuss. …" or
    /// "Agreed on every item to discuss (5). Agreed verdict: Not yet — build maturity."
    pub fn progress(&self) -> String {
        match self.verdict {
            None if self.of == 0 => {
                tr!("Nothing to agree on yet: the team view has no respondent.").to_string()
            }
            Some(v) if self.of == 0 => trf!(
                "Nothing to discuss: everyone's answers are the agreed ones. Agreed verdict: {verdict}.",
                verdict = v.headline()
            ),
            Some(v) => trf!(
                "Agreed on every item to discuss ({count}). Agreed verdict: {verdict}.",
                count = self.of,
                verdict = v.headline()
            ),
            None => trf!(
                "Agreed on {agreed} of {of} items to discuss. Until every item is agreed, the team verdict is the conservative one.",
                agreed = self.agreed,
                of = self.of
            ),
        }
    }
}

/// The team's agreed answers as one assessment, as complete as the agreement is: for each
/// question on the agenda (`agenda`: its question ids), the agreed answer, else none; for any
/// other question, the one answer everyone who answered gave. The dissent travels as the
/// question's note. The organisation is the one the respondents named, if they named one and
/// the same, else the team view's title; the assessor names the team view.
pub(super) fn consensus_assessment(
    team: &Team,
    tallies: &[ItemTally],
    agenda: &[&'static str],
) -> Assessment {
    let mut names = team
        .respondents
        .iter()
        .map(|r| r.assessment.organisation.trim())
        .filter(|o| !o.is_empty());
    let first = names.next();
    let organisation = match first {
        Some(o) if names.all(|n| n == o) => o.to_string(),
        _ => team.title.clone(),
    };
    let mut a = Assessment::new(&organisation, "");
    a.assessor = clean_name(&trf!(
        "Agreed by the team view “{title}”",
        title = team.display_title()
    ));
    for t in tallies {
        // An agreed answer counts while its question is on the agenda: one agreed before the
        // respondents changed, and no longer to discuss, is kept (it counts again if the
        // question comes back) but never overrides what everyone now says.
        let on_agenda = agenda.contains(&t.id);
        let answer = match team.agreement.get(t.id).filter(|_| on_agenda) {
            Some(agreed) => {
                if !agreed.dissent.is_empty() {
                    a.set_note(t.id, &dissent_note(agreed, &team.display_title()));
                }
                Some(agreed.answer)
            }
            None if on_agenda => None,
            None => Answer::ALL
                .into_iter()
                .find(|&x| t.of(Some(x)).count > 0 && t.of(Some(x)).count == t.answered()),
        };
        a.set_answer(t.id, answer);
    }
    a
}

/// The consensus assessment's note on a question with dissent: "Agreed in the team meeting."
/// and every dissent that fits in a note; the rest named by count, with where to read them.
fn dissent_note(agreed: &Agreed, team_title: &str) -> String {
    let mut note = tr!("Agreed in the team meeting.").to_string();
    for (i, d) in agreed.dissent.iter().enumerate() {
        let line = d.line();
        let rest = agreed.dissent.len() - i;
        let more = if rest == 1 {
            trf!(
                "1 more dissent recorded in the team view “{title}”.",
                title = team_title
            )
        } else {
            trf!(
                "{count} more dissents recorded in the team view “{title}”.",
                count = rest,
                title = team_title
            )
        };
        let more = format!(" {more}");
        // Room is kept for the sentence that names the rest, so nothing is cut mid-sentence.
        if note.chars().count() + 1 + line.chars().count() + more.chars().count()
            > TextKind::Note.max_chars()
        {
            note.push_str(&more);
            break;
        }
        note.push(' ');
        note.push_str(&line);
    }
    note
}

/// Where the agreement on `team` stands, given its tallies and agenda.
pub(super) fn consensus(team: &Team, tallies: &[ItemTally], agenda: &[&'static str]) -> Consensus {
    if team.respondents.is_empty() {
        // Nobody answered: nothing to agree on (the agenda only says every question is open).
        return Consensus {
            agreed: 0,
            of: 0,
            pending: Vec::new(),
            verdict: None,
        };
    }
    let pending: Vec<&'static str> = agenda
        .iter()
        .copied()
        .filter(|id| team.agreement.get(id).is_none())
        .collect();
    let complete = pending.is_empty();
    Consensus {
        verdict: complete.then(|| verdict_of(&consensus_assessment(team, tallies, agenda))),
        agreed: agenda.len() - pending.len(),
        of: agenda.len(),
        pending,
    }
}
