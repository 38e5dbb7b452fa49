//! A team view evaluated: the verdict of the combination, its reasons with who they come
//! from, the agenda of the meeting, the tallies and the green flags.

use std::cmp::Reverse;

use super::agreement::AgreementError;
use super::combine::*;
use super::consensus::{consensus, consensus_assessment, Consensus};
use super::roster::*;
use super::tally::*;
use crate::domain::model::answer::{Answer, Finding};
use crate::domain::model::assessment::Assessment;
use crate::domain::model::items::{
    self as model, all_questions, Question, FULL_DEPLOYMENT_STEP, GATE_CRITERIA, GREEN_FLAGS,
    MATURITY_REQUIREMENTS, PILOT_POLITICS_QUESTION, PILOT_STEP, PRECONDITIONS, RED_FLAGS,
};
use crate::domain::model::limits::capitalised;
use crate::domain::rules::readiness::{
    self, maturity_gap_reason, verdict_of, Reason, ReasonKind, Verdict,
};

/// One cause of the team verdict: the reason of the combined answers, and who it comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamReason {
    /// The reason, as the combined answers give it.
    pub reason: Reason,
    /// How many respondents it comes from: for a problem, those who reported it; for an open
    /// question, those who are not sure or did not answer.
    pub reported_by: usize,
    /// Out of how many respondents.
    pub of: usize,
    /// The named ones among them, sorted by name.
    pub who: Vec<String>,
}

impl TeamReason {
    /// "reported by 2 of 5 (Ann and 1 anonymous)", or for an open question "not sure or
    /// unanswered for 2 of 5 (Ann)".
    pub fn attribution(&self) -> String {
        attribution(
            self.reason.kind == ReasonKind::Open,
            self.reported_by,
            self.of,
            &self.who,
        )
    }

    /// The reason in one sentence with its attribution: "Condition 1 — … (§2): executives
    /// micromanage workers. Stop. Deployment will fail. Reported by 2 of 5 (Ann)."
    pub fn message(&self) -> String {
        format!(
            "{} {}.",
            self.reason.message(),
            capitalised(&self.attribution())
        )
    }
}

/// "reported by 2 of 5 (Ann and 1 anonymous)", or for an open question "not sure or unanswered
/// for 2 of 5 (Ann)".
fn attribution(open: bool, reported_by: usize, of: usize, who: &[String]) -> String {
    let who = names(who, reported_by.saturating_sub(who.len()))
        .map(|n| format!(" ({n})"))
        .unwrap_or_default();
    if open {
        trf!(
            "not sure or unanswered for {count} of {of}{who}",
            count = reported_by,
            of = of,
            who = who
        )
    } else {
        trf!(
            "reported by {count} of {of}{who}",
            count = reported_by,
            of = of,
            who = who
        )
    }
}

/// Why an item is on the "to discuss" list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum AgendaKind {
    /// A warning behaviour, missing CoE owner or red flag someone reported: it stops the team.
    Blocker,
    /// A question the verdict needs that someone is unsure about or did not answer.
    Open,
    /// A maturity facet someone reported missing.
    MaturityGap,
    /// The respondents gave different answers (and nothing above applies).
    Disagreement,
}

impl AgendaKind {
    /// Its token in the page's data attributes (`data-kind`), the same in every language.
    pub fn token(self) -> &'static str {
        match self {
            AgendaKind::Blocker => "Blocker",
            AgendaKind::Open => "Open question",
            AgendaKind::MaturityGap => "Maturity gap",
            AgendaKind::Disagreement => "Disagreement",
        }
    }

    /// Its label in the reader's words: "Blocker", "Open question", "Maturity gap",
    /// "Disagreement".
    pub fn label(self) -> &'static str {
        match self {
            AgendaKind::Blocker => tr!("Blocker"),
            AgendaKind::Open => tr!("Open question"),
            AgendaKind::MaturityGap => tr!("Maturity gap"),
            AgendaKind::Disagreement => tr!("Disagreement"),
        }
    }
}

/// One question to discuss in the meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgendaItem {
    /// Why it is on the list.
    pub kind: AgendaKind,
    /// The question's id.
    pub question_id: &'static str,
    /// The question.
    pub question: &'static str,
    /// Each model item the question belongs to, with the seed's consequence (for an open
    /// question, "If this turns out to be a problem: …").
    pub consequences: Vec<(String, String)>,
    /// What was said ([`ItemTally::said`]).
    pub said: String,
    /// For a blocker, an open question or a gap: who it comes from
    /// ([`TeamReason::attribution`]).
    pub attribution: Option<String>,
    /// Whether the respondents gave different answers.
    pub disagreement: bool,
    /// What the respondents wrote about it ([`ItemTally::evidence`]).
    pub evidence: Vec<Evidence>,
    /// Anonymous notes not shown ([`ItemTally::withheld`]).
    pub withheld: usize,
}

impl AgendaItem {
    /// The model items and their consequences in one sentence: "Condition 1 — …: Stop.
    /// Deployment will fail. Red flag 3 — …: KOOM will collapse instantly."
    pub fn consequence_line(&self) -> String {
        self.consequences
            .iter()
            .map(|(item, c)| format!("{}: {c}", item.trim_end_matches('.')))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Each model item a question belongs to, with the seed's consequence.
pub(super) fn consequences(q: &Question, open: bool) -> Vec<(String, String)> {
    let if_open = |c: &str| {
        if open {
            trf!(
                "If this turns out to be a problem: {consequence}",
                consequence = tr!(c)
            )
        } else {
            tr!(c).to_string()
        }
    };
    let mut out = Vec::new();
    for p in PRECONDITIONS.iter() {
        if p.questions.iter().any(|x| x.id == q.id) {
            out.push((p.label(), if_open(p.consequence)));
        }
    }
    for m in MATURITY_REQUIREMENTS.iter() {
        if m.questions.iter().any(|x| x.id == q.id) {
            out.push((m.label(), if_open(m.consequence)));
        }
    }
    for f in RED_FLAGS.iter().filter(|f| f.question.id == q.id) {
        out.push((f.label(), if_open(f.consequence)));
    }
    for g in GREEN_FLAGS.iter().filter(|g| g.question.id == q.id) {
        out.push((
            g.label(),
            trf!(
                "Deployment will succeed if these are present. {meaning}",
                meaning = tr!(g.meaning)
            ),
        ));
    }
    if GATE_CRITERIA.iter().any(|c| c.id == q.id) {
        out.push((
            FULL_DEPLOYMENT_STEP.label(),
            tr!("Only proceed if every criterion holds. If not — roll back, retrain, repeat.")
                .to_string(),
        ));
    }
    if q.id == PILOT_POLITICS_QUESTION.id {
        out.push((
            PILOT_STEP.label(),
            tr!("Choose one department. Preferably one not crippled by politics.").to_string(),
        ));
    }
    out
}

/// One item of the agenda, for the question `q` with its tally.
fn agenda_item(
    kind: AgendaKind,
    q: &'static Question,
    tally: &ItemTally,
    open: bool,
    attribution: Option<String>,
) -> AgendaItem {
    AgendaItem {
        kind,
        question_id: q.id,
        question: q.text,
        consequences: consequences(q, open),
        said: tally.said(),
        attribution,
        disagreement: tally.disagrees,
        evidence: tally.evidence.clone(),
        withheld: tally.withheld,
    }
}

/// The team view's evaluation: the conservative verdict with who its reasons come from, each
/// respondent's own verdict, and what the team answered to every question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamEvaluation {
    /// How many respondents.
    pub respondents: usize,
    /// How many of them are named.
    pub named: usize,
    /// How many of them are anonymous.
    pub anonymous: usize,
    /// Whether an anonymous respondent's answers may be attributable: there are anonymous
    /// respondents, but fewer than [`ANONYMITY_MIN`]. Their answers are then the counts minus
    /// the named respondents' answers: with one, exactly that person's; with two, both of
    /// theirs wherever they agree.
    pub attributable: bool,
    /// The team verdict: the readiness verdict of [`merge`].
    pub verdict: Verdict,
    /// Its causes, most severe first, each with who it comes from.
    pub reasons: Vec<TeamReason>,
    /// Maturity gaps someone reported that do not decide this verdict (behind a Stop or a
    /// Hold, including a gap on a facet others are unsure about).
    pub also: Vec<TeamReason>,
    /// Each respondent's own readiness verdict, with its label, in the team's order.
    pub respondent_verdicts: Vec<(String, Verdict)>,
    /// Each green flag: its id, how many said it is present (Yes), out of how many.
    pub green_flags: Vec<(&'static str, usize, usize)>,
    /// What the team answered, for every question of the model, in model order.
    pub tallies: Vec<ItemTally>,
    /// "To discuss": every blocker, open question and maturity gap of the reasons (one entry
    /// per question), then the questions left open behind a Stop, then every other
    /// disagreement, most split first.
    pub agenda: Vec<AgendaItem>,
    /// What the team agreed on the agenda, as an assessment with its verdict once every item is
    /// agreed (`rule.team_agreement`).
    pub consensus: Consensus,
}

impl TeamEvaluation {
    /// The questions the respondents disagree on, most split first ([`ItemTally::minority`]),
    /// ties in model order.
    pub fn disagreements(&self) -> Vec<&ItemTally> {
        let mut list: Vec<&ItemTally> = self.tallies.iter().filter(|t| t.disagrees).collect();
        list.sort_by_key(|t| Reverse(t.minority));
        list
    }

    /// The team's agreed answers as one assessment (`rule.team_agreement`, see
    /// [`Consensus`]), once every item on the agenda is agreed; `team` is the team this is the
    /// evaluation of.
    pub fn agreed_assessment(&self, team: &Team) -> Result<Assessment, AgreementError> {
        if team.respondents.is_empty() {
            return Err(AgreementError::NoRespondent);
        }
        if !self.consensus.complete() {
            return Err(AgreementError::NotComplete {
                pending: self.consensus.pending.len(),
            });
        }
        let agenda: Vec<&'static str> = self.agenda.iter().map(|a| a.question_id).collect();
        Ok(consensus_assessment(team, &self.tallies, &agenda))
    }

    /// The order a workshop takes the agenda in: the items the respondents disagree on first
    /// (where the meeting has most to settle), then the others, each in agenda order. Question
    /// ids.
    pub fn workshop_order(&self) -> Vec<&'static str> {
        let (split, rest): (Vec<&AgendaItem>, Vec<&AgendaItem>) =
            self.agenda.iter().partition(|a| a.disagreement);
        split
            .into_iter()
            .chain(rest)
            .map(|a| a.question_id)
            .collect()
    }

    /// The tally of one question.
    pub fn tally(&self, question_id: &str) -> Option<&ItemTally> {
        self.tallies.iter().find(|t| t.id == question_id)
    }
}

/// Evaluates a team view. Total: any team gives a result (no respondent: a Hold with every
/// question open, for 0 of 0).
pub fn evaluate_team(team: &Team) -> TeamEvaluation {
    let n = team.respondents.len();
    // Respondents by name, so that every list of names comes out sorted whatever the order
    // of the team (anonymous ones are only counted).
    let mut order: Vec<(Option<String>, Option<&str>, usize)> = team
        .respondents
        .iter()
        .enumerate()
        .map(|(i, r)| (r.name_key(), r.name.as_deref(), i))
        .collect();
    order.sort();

    let questions: Vec<&'static Question> = all_questions().collect();
    // answers[q][k]: the answer to question q of the k-th respondent by name.
    let answers: Vec<Vec<Option<Answer>>> = questions
        .iter()
        .map(|q| {
            order
                .iter()
                .map(|&(_, _, i)| team.respondents[i].assessment.answer(q.id))
                .collect()
        })
        .collect();
    let mut tallies: Vec<ItemTally> = questions.iter().map(|q| ItemTally::new(q)).collect();
    let show_anonymous = team.anonymous() >= ANONYMITY_MIN;
    for (tally, row) in tallies.iter_mut().zip(&answers) {
        let mut anonymous = Vec::new();
        for (&(_, name, i), &answer) in order.iter().zip(row) {
            let count = tally.count_mut(answer);
            count.count += 1;
            if let Some(name) = name {
                count.who.push(name.to_string());
            }
            let a = &team.respondents[i].assessment;
            let note = a.notes.get(tally.id).cloned().unwrap_or_default();
            let unclear = a.unclear.get(tally.id).cloned();
            let details = a.evidence.get(tally.id).filter(|d| !d.is_empty()).cloned();
            if note.trim().is_empty() && unclear.is_none() && details.is_none() {
                continue;
            }
            let evidence = Evidence {
                who: name.map(str::to_string),
                // An anonymous note without its answer: with the counts and each respondent's
                // own verdict, the answer could point at "Respondent 2".
                answer: answer.filter(|_| name.is_some()),
                note,
                unclear,
                details,
            };
            match name {
                Some(_) => tally.evidence.push(evidence),
                None if show_anonymous => anonymous.push(evidence),
                None => tally.withheld += 1,
            }
        }
        // By their text, not by position: a note must not point at "Respondent 2".
        anonymous.sort_by(|a, b| {
            (&a.note, &a.unclear, &a.details).cmp(&(&b.note, &b.unclear, &b.details))
        });
        tally.evidence.extend(anonymous);
        tally.finish();
    }

    let merged = merge(&team.respondents);
    let readiness = readiness::evaluate(&merged);

    let position = |id: &str| questions.iter().position(|q| q.id == id);
    // Who reported the problem of the question at p (open: who is unsure or did not answer).
    let reported = |p: usize, open: bool| -> (usize, Vec<String>) {
        let mut reported_by = 0;
        let mut who = Vec::new();
        for (&(_, name, _), &answer) in order.iter().zip(&answers[p]) {
            let finding = Finding::of(answer, questions[p].healthy);
            let counts = if open {
                finding.is_open()
            } else {
                finding == Finding::Problem
            };
            if counts {
                reported_by += 1;
                who.extend(name.map(str::to_string));
            }
        }
        (reported_by, who)
    };
    let team_reason = |reason: Reason| -> TeamReason {
        let (reported_by, who) = position(reason.question_id)
            .map(|p| reported(p, reason.kind == ReasonKind::Open))
            .unwrap_or_default();
        TeamReason {
            reason,
            reported_by,
            of: n,
            who,
        }
    };
    let reasons: Vec<TeamReason> = readiness.reasons.into_iter().map(team_reason).collect();
    // Gaps behind an open facet: reported by someone while others are unsure.
    let hidden_gaps = questions.iter().zip(&tallies).filter_map(|(q, t)| {
        let hidden = is_maturity(q)
            && t.of(Some(q.healthy.opposite())).count > 0
            && merged.answer(q.id) != Some(q.healthy.opposite());
        hidden.then(|| maturity_gap_reason(q.id)).flatten()
    });
    let mut also: Vec<TeamReason> = readiness
        .also
        .into_iter()
        .chain(hidden_gaps)
        .map(team_reason)
        .collect();
    also.sort_by_key(|r| position(r.reason.question_id));

    let mut agenda: Vec<AgendaItem> = Vec::new();
    for r in reasons.iter().chain(&also) {
        if agenda.iter().any(|a| a.question_id == r.reason.question_id) {
            continue;
        }
        let Some(p) = position(r.reason.question_id) else {
            continue;
        };
        let kind = match r.reason.kind {
            ReasonKind::PreconditionNotTrue | ReasonKind::RedFlagPresent => AgendaKind::Blocker,
            ReasonKind::Open => AgendaKind::Open,
            ReasonKind::MaturityMissing => AgendaKind::MaturityGap,
        };
        agenda.push(agenda_item(
            kind,
            questions[p],
            &tallies[p],
            kind == AgendaKind::Open,
            Some(r.attribution()),
        ));
    }
    // Questions left open behind a Stop: the verdict does not list them, but the team cannot
    // agree on its answers without settling them (`rule.team_agreement`).
    for id in &readiness.open_questions {
        let Some(p) = position(id) else { continue };
        if agenda.iter().any(|a| a.question_id == *id) {
            continue;
        }
        let (reported_by, who) = reported(p, true);
        let attribution = attribution(true, reported_by, n, &who);
        agenda.push(agenda_item(
            AgendaKind::Open,
            questions[p],
            &tallies[p],
            true,
            Some(attribution),
        ));
    }
    let mut others: Vec<usize> = (0..questions.len())
        .filter(|&p| {
            tallies[p].disagrees && !agenda.iter().any(|a| a.question_id == questions[p].id)
        })
        .collect();
    others.sort_by_key(|&p| Reverse(tallies[p].minority));
    for p in others {
        let q = questions[p];
        // A readiness question without a reason was answered healthy or "Not sure".
        let open = model::readiness_questions().any(|r| r.id == q.id);
        agenda.push(agenda_item(
            AgendaKind::Disagreement,
            q,
            &tallies[p],
            open,
            None,
        ));
    }

    let anonymous = team.anonymous();
    let agenda_ids: Vec<&'static str> = agenda.iter().map(|a| a.question_id).collect();
    let consensus = consensus(team, &tallies, &agenda_ids);
    TeamEvaluation {
        respondents: n,
        named: n - anonymous,
        anonymous,
        attributable: anonymous > 0 && anonymous < ANONYMITY_MIN,
        verdict: readiness.verdict,
        reasons,
        also,
        respondent_verdicts: team
            .respondents
            .iter()
            .enumerate()
            .map(|(i, r)| (r.label(i), verdict_of(&r.assessment)))
            .collect(),
        green_flags: GREEN_FLAGS
            .iter()
            .map(|g| {
                let present = position(g.question.id).map_or(0, |p| tallies[p].yes.count);
                (g.id, present, n)
            })
            .collect(),
        tallies,
        agenda,
        consensus,
    }
}
