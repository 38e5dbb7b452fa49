//! The team view: several respondents' answers combined into one conservative verdict
//! (docs/product.md §7, `rule.team_conservative` in docs/model.md).
//!
//! A verdict given by one person is one person's view. A [`Team`] holds N respondents (from
//! share links, files or the library), each with an optional name; [`evaluate_team`] tallies
//! every question, combines the readiness answers with [`merge`] and reads the verdict of the
//! combination with the usual ladder, so a team verdict means what a single one means.
//!
//! **Conservative, question by question** ([`merge`]):
//! - a precondition or red-flag question (a blocker): if anyone reports the problem (the warning
//!   behaviour, the missing CoE owner, the red flag), it is present; otherwise, if anyone is
//!   "Not sure" or did not answer, it is open and holds the verdict; only when everyone gave the
//!   healthy answer is it healthy;
//! - a maturity facet: if anyone is "Not sure" or did not answer, it is open (Hold); otherwise,
//!   if anyone reports it missing, it is a gap (Not yet); else it is met. Open comes first here
//!   because the ladder ranks Hold below Not yet: a facet someone is unsure about must hold the
//!   verdict, and one more respondent must never lift a Hold to a Not yet. A gap reported behind
//!   an open facet is still listed, with the other known gaps ([`TeamEvaluation::also`]).
//!
//! So, once a team has a respondent (a team of nobody holds: nothing is known yet), adding one
//! never makes its verdict more permissive; the order of the respondents never matters; and a
//! team of one (or of n copies of one assessment) has that assessment's own verdict
//! (`tests/team_properties.rs`).
//!
//! **Who is who.** A respondent is named or anonymous (numbered "Respondent 1", … by position).
//! Names appear in the lists of who said what; an anonymous respondent appears only in counts,
//! and its assessor field is cleared when it is added. With one or two anonymous respondents,
//! their answers can be worked out from the counts minus the named respondents' answers
//! ([`TeamEvaluation::attributable`]).

use std::cmp::Reverse;
use std::collections::HashMap;
use std::fmt;

use super::answer::{Answer, Finding};
use super::assessment::Assessment;
use super::limits::{bounded, capitalised, TextKind};
use super::model::{
    self, all_questions, item_label_of_question, question_section, Question, SeedSection,
    FULL_DEPLOYMENT_STEP, GATE_CRITERIA, GREEN_FLAGS, MATURITY_REQUIREMENTS, MODEL_VERSION,
    PILOT_POLITICS_QUESTION, PILOT_STEP, PRECONDITIONS, RED_FLAGS,
};
use super::readiness::{self, maturity_gap_reason, verdict_of, Reason, ReasonKind, Verdict};

/// The most respondents a team view holds.
pub const MAX_RESPONDENTS: usize = 500;

/// From this many anonymous respondents on, the counts no longer point at one of them
/// ([`TeamEvaluation::attributable`]).
pub const ANONYMITY_MIN: usize = 3;

/// One respondent of a team view: an optional name and the answers given.
///
/// Only what the team view reads is kept ([`Respondent::new`]): the model version, the
/// organisation and the answers to the model's questions; the assessor too, but only for a named
/// respondent. Notes, remarks and the deployment record stay in the assessment they came from:
/// they could name an anonymous respondent, and they are not combined.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Respondent {
    /// The respondent's name; `None` for an anonymous respondent.
    pub name: Option<String>,
    /// The respondent's answers.
    pub assessment: Assessment,
}

impl Respondent {
    /// A respondent from a name (blank or `None`: anonymous; white space collapsed, cut at the
    /// limit of a name) and an assessment, keeping only what the team view reads. An anonymous
    /// respondent's assessor is cleared: it would name them.
    pub fn new(name: Option<&str>, assessment: Assessment) -> Respondent {
        let name = name.map(clean_name).filter(|n| !n.is_empty());
        let assessor = match name {
            Some(_) => bounded(assessment.assessor.trim(), TextKind::Name),
            None => String::new(),
        };
        Respondent {
            assessment: Assessment {
                model_version: assessment.model_version,
                organisation: bounded(assessment.organisation.trim(), TextKind::Name),
                assessor,
                answers: assessment
                    .answers
                    .into_iter()
                    .filter(|(id, _)| model::question(id).is_some())
                    .collect(),
                ..Assessment::default()
            },
            name,
        }
    }

    /// Whether the respondent is anonymous.
    pub fn is_anonymous(&self) -> bool {
        self.name.is_none()
    }

    /// How the respondent is shown at `index` (0-based) in its team: its name, or
    /// "Respondent {index + 1}".
    pub fn label(&self, index: usize) -> String {
        match &self.name {
            Some(name) => name.clone(),
            None => format!("Respondent {}", index + 1),
        }
    }

    /// The name as compared (case and surrounding white space ignored).
    fn name_key(&self) -> Option<String> {
        self.name
            .as_deref()
            .map(|n| n.trim().chars().flat_map(char::to_lowercase).collect())
    }

    fn normalised(self) -> Respondent {
        Respondent::new(self.name.as_deref(), self.assessment)
    }
}

/// A name or title on one line: white space collapsed, control characters removed, cut at the
/// limit of a name.
fn clean_name(text: &str) -> String {
    let visible: String = text.chars().filter(|c| !c.is_control()).collect();
    let one_line = visible.split_whitespace().collect::<Vec<_>>().join(" ");
    bounded(&one_line, TextKind::Name).trim_end().to_string()
}

/// Whether two respondents have the same name (case and surrounding white space aside, folded
/// as [`Respondent::name_key`] does) or are both anonymous. No allocation: a team of 500
/// compares names often.
fn same_name(a: &Option<String>, b: &Option<String>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) if a.is_ascii() && b.is_ascii() => {
            a.trim().eq_ignore_ascii_case(b.trim())
        }
        (Some(a), Some(b)) => a
            .trim()
            .chars()
            .flat_map(char::to_lowercase)
            .eq(b.trim().chars().flat_map(char::to_lowercase)),
        _ => false,
    }
}

/// Whether a name reads like an anonymous respondent's number ("Respondent 2").
fn is_reserved(name: &str) -> bool {
    name.to_lowercase()
        .strip_prefix("respondent ")
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Why a respondent cannot join (or be renamed in) a team.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TeamError {
    /// The team already has [`MAX_RESPONDENTS`].
    Full,
    /// The answers were given against another model version: they cannot be combined.
    OtherModel {
        /// The respondent's label.
        label: String,
        /// The model version of its answers.
        model_version: String,
    },
    /// The same respondent is already in the team: the same name (or both anonymous) and the
    /// same answers to every question.
    AlreadyAdded {
        /// The label of the respondent already in the team.
        label: String,
    },
    /// Another respondent has this name (case aside), with other answers.
    NameTaken {
        /// The name as the team already spells it.
        name: String,
    },
    /// The name reads like an anonymous respondent's number ("Respondent 2").
    ReservedName {
        /// The name given.
        name: String,
    },
    /// No respondent at this index.
    NoSuchRespondent {
        /// The index asked for (0-based).
        index: usize,
        /// How many respondents the team has.
        count: usize,
    },
}

impl fmt::Display for TeamError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TeamError::Full => write!(
                f,
                "A team view holds at most {MAX_RESPONDENTS} respondents; remove one before adding another."
            ),
            TeamError::OtherModel { label, model_version } => write!(
                f,
                "{label} answered KOOM Deployment Readiness Layer v{model_version}; this app implements v{MODEL_VERSION}, so these answers cannot be combined with the team's."
            ),
            TeamError::AlreadyAdded { label } => write!(
                f,
                "These answers are already in the team as {label}: a respondent counts once. If this is another person who gave exactly the same answers, add them under a name of their own."
            ),
            TeamError::NameTaken { name } => write!(
                f,
                "The team already has a respondent named {name}, with other answers. Give this one another name, or remove the first one to replace their answers."
            ),
            TeamError::ReservedName { name } => write!(
                f,
                "“{name}” is how anonymous respondents are numbered: choose another name, or leave it empty to stay anonymous."
            ),
            TeamError::NoSuchRespondent { index, count } => write!(
                f,
                "There is no respondent {}: the team has {count}.",
                index + 1
            ),
        }
    }
}

impl std::error::Error for TeamError {}

/// A team view: a title and its respondents, in the order they were added.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Team {
    /// The title of the team view (optional).
    pub title: String,
    /// The respondents.
    pub respondents: Vec<Respondent>,
}

impl Team {
    /// An empty team view with a title (on one line, cut at the limit of a name).
    pub fn new(title: &str) -> Team {
        Team {
            title: clean_name(title),
            respondents: Vec::new(),
        }
    }

    /// Renames the team view.
    pub fn set_title(&mut self, title: &str) {
        self.title = clean_name(title);
    }

    /// The title to show: the title, or "Untitled team view".
    pub fn display_title(&self) -> String {
        if self.title.trim().is_empty() {
            "Untitled team view".to_string()
        } else {
            self.title.trim().to_string()
        }
    }

    /// The label of the respondent at `index` ([`Respondent::label`]).
    pub fn label(&self, index: usize) -> Option<String> {
        self.respondents.get(index).map(|r| r.label(index))
    }

    /// How many respondents are anonymous.
    pub fn anonymous(&self) -> usize {
        self.respondents.iter().filter(|r| r.is_anonymous()).count()
    }

    /// Adds a respondent at the end (normalised as [`Respondent::new`] does) and returns its
    /// index. Refused: a full team, answers for another model version, a name that reads like
    /// an anonymous number, a respondent already in the team, or a taken name
    /// ([`TeamError`]); the team is then unchanged.
    pub fn add(&mut self, respondent: Respondent) -> Result<usize, TeamError> {
        self.insert(self.respondents.len(), respondent)
    }

    /// Inserts a respondent at `index` (at the end if past it), as [`Team::add`] does; used
    /// to undo [`Team::remove`]. Returns where it went.
    pub fn insert(&mut self, index: usize, respondent: Respondent) -> Result<usize, TeamError> {
        if self.respondents.len() >= MAX_RESPONDENTS {
            return Err(TeamError::Full);
        }
        let index = index.min(self.respondents.len());
        let respondent = respondent.normalised();
        self.check(&respondent, index, None)?;
        self.respondents.insert(index, respondent);
        Ok(index)
    }

    /// Removes the respondent at `index`, returning it with its index (to undo with
    /// [`Team::insert`]). Anonymous respondents after it are numbered one lower.
    pub fn remove(&mut self, index: usize) -> Option<(usize, Respondent)> {
        (index < self.respondents.len()).then(|| (index, self.respondents.remove(index)))
    }

    /// Names (or, with `None` or a blank name, makes anonymous, clearing the assessor) the
    /// respondent at `index`. Refused as [`Team::add`] refuses a name.
    pub fn rename(&mut self, index: usize, name: Option<&str>) -> Result<(), TeamError> {
        let Some(current) = self.respondents.get(index) else {
            return Err(TeamError::NoSuchRespondent {
                index,
                count: self.respondents.len(),
            });
        };
        let renamed = Respondent::new(name, current.assessment.clone());
        self.check(&renamed, index, Some(index))?;
        self.respondents[index] = renamed;
        Ok(())
    }

    /// Whether `candidate`, placed at `at`, may join the respondents other than `except`.
    fn check(
        &self,
        candidate: &Respondent,
        at: usize,
        except: Option<usize>,
    ) -> Result<(), TeamError> {
        admissible(candidate, at)?;
        conflict(
            candidate,
            self.respondents
                .iter()
                .enumerate()
                .filter(|&(i, other)| Some(i) != except && same_name(&other.name, &candidate.name)),
        )
    }
}

/// Whether a respondent may join a team at all: answers for this model, a name that does not
/// read like an anonymous number.
fn admissible(candidate: &Respondent, at: usize) -> Result<(), TeamError> {
    if candidate.assessment.model_version != MODEL_VERSION {
        return Err(TeamError::OtherModel {
            label: candidate.label(at),
            model_version: candidate.assessment.model_version.clone(),
        });
    }
    match candidate.name.as_deref().filter(|n| is_reserved(n)) {
        Some(name) => Err(TeamError::ReservedName {
            name: name.to_string(),
        }),
        None => Ok(()),
    }
}

/// Whether a respondent conflicts with those of the team that have the same name (or are
/// anonymous, for an anonymous one): the same answers are the same respondent; other answers
/// under a taken name are refused.
fn conflict<'a>(
    candidate: &Respondent,
    same_name: impl Iterator<Item = (usize, &'a Respondent)>,
) -> Result<(), TeamError> {
    for (i, other) in same_name {
        if other.assessment.answers == candidate.assessment.answers {
            return Err(TeamError::AlreadyAdded {
                label: other.label(i),
            });
        }
        if let Some(name) = &other.name {
            return Err(TeamError::NameTaken { name: name.clone() });
        }
    }
    Ok(())
}

/// Builds a team from many respondents in order, with the rules of [`Team::add`] but each
/// name compared through an index (the file import: 500 respondents in one go).
pub(crate) struct TeamBuilder {
    team: Team,
    by_name: HashMap<Option<String>, Vec<usize>>,
}

impl TeamBuilder {
    pub(crate) fn new(title: &str) -> TeamBuilder {
        TeamBuilder {
            team: Team::new(title),
            by_name: HashMap::new(),
        }
    }

    /// Adds a respondent at the end, or says why not, as [`Team::add`] does.
    pub(crate) fn add(&mut self, respondent: Respondent) -> Result<usize, TeamError> {
        let respondents = &mut self.team.respondents;
        if respondents.len() >= MAX_RESPONDENTS {
            return Err(TeamError::Full);
        }
        let respondent = respondent.normalised();
        let at = respondents.len();
        admissible(&respondent, at)?;
        let key = respondent.name_key();
        let same = self.by_name.entry(key).or_default();
        conflict(&respondent, same.iter().map(|&i| (i, &respondents[i])))?;
        same.push(at);
        respondents.push(respondent);
        Ok(at)
    }

    pub(crate) fn finish(self) -> Team {
        self.team
    }
}

fn is_maturity(q: &Question) -> bool {
    MATURITY_REQUIREMENTS
        .iter()
        .any(|m| m.questions.iter().any(|x| x.id == q.id))
}

/// How many respondents gave which finding on one question.
#[derive(Default)]
struct Findings {
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

fn names(who: &[String], anonymous: usize) -> Option<String> {
    match (who.is_empty(), anonymous) {
        (true, _) => None,
        (false, 0) => Some(who.join(", ")),
        (false, k) => Some(format!("{} and {k} anonymous", who.join(", "))),
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
}

impl ItemTally {
    fn new(q: &'static Question) -> ItemTally {
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
        }
    }

    fn count_mut(&mut self, answer: Option<Answer>) -> &mut AnswerCount {
        match answer {
            Some(Answer::Yes) => &mut self.yes,
            Some(Answer::No) => &mut self.no,
            Some(Answer::NotSure) => &mut self.not_sure,
            None => &mut self.unanswered,
        }
    }

    fn finish(&mut self) {
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
            ("Yes", &self.yes),
            ("No", &self.no),
            ("Not sure", &self.not_sure),
            ("No answer", &self.unanswered),
        ]
        .into_iter()
        .filter(|(_, c)| c.count > 0)
        .map(|(label, c)| match c.names() {
            Some(names) => format!("{label} {} ({names})", c.count),
            None => format!("{label} {}", c.count),
        })
        .collect();
        if parts.is_empty() {
            "No respondent".to_string()
        } else {
            parts.join(" · ")
        }
    }
}

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
        let verb = if self.reason.kind == ReasonKind::Open {
            "not sure or unanswered for"
        } else {
            "reported by"
        };
        let who = names(&self.who, self.reported_by.saturating_sub(self.who.len()))
            .map(|n| format!(" ({n})"))
            .unwrap_or_default();
        format!("{verb} {} of {}{who}", self.reported_by, self.of)
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
    /// Its label: "Blocker", "Open question", "Maturity gap", "Disagreement".
    pub fn label(self) -> &'static str {
        match self {
            AgendaKind::Blocker => "Blocker",
            AgendaKind::Open => "Open question",
            AgendaKind::MaturityGap => "Maturity gap",
            AgendaKind::Disagreement => "Disagreement",
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
fn consequences(q: &Question, open: bool) -> Vec<(String, String)> {
    let if_open = |c: &str| {
        if open {
            format!("If this turns out to be a problem: {c}")
        } else {
            c.to_string()
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
            format!(
                "Deployment will succeed if these are present. {}",
                g.meaning
            ),
        ));
    }
    if GATE_CRITERIA.iter().any(|c| c.id == q.id) {
        out.push((
            FULL_DEPLOYMENT_STEP.label(),
            "Only proceed if every criterion holds. If not — roll back, retrain, repeat."
                .to_string(),
        ));
    }
    if q.id == PILOT_POLITICS_QUESTION.id {
        out.push((
            PILOT_STEP.label(),
            "Choose one department. Preferably one not crippled by politics.".to_string(),
        ));
    }
    out
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
    /// per question), then every other disagreement, most split first.
    pub agenda: Vec<AgendaItem>,
}

impl TeamEvaluation {
    /// The questions the respondents disagree on, most split first ([`ItemTally::minority`]),
    /// ties in model order.
    pub fn disagreements(&self) -> Vec<&ItemTally> {
        let mut list: Vec<&ItemTally> = self.tallies.iter().filter(|t| t.disagrees).collect();
        list.sort_by_key(|t| Reverse(t.minority));
        list
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
    for (tally, row) in tallies.iter_mut().zip(&answers) {
        for (&(_, name, _), &answer) in order.iter().zip(row) {
            let count = tally.count_mut(answer);
            count.count += 1;
            if let Some(name) = name {
                count.who.push(name.to_string());
            }
        }
        tally.finish();
    }

    let merged = merge(&team.respondents);
    let readiness = readiness::evaluate(&merged);

    let position = |id: &str| questions.iter().position(|q| q.id == id);
    let team_reason = |reason: Reason| -> TeamReason {
        let mut reported_by = 0;
        let mut who = Vec::new();
        if let Some(p) = position(reason.question_id) {
            let q = questions[p];
            for (&(_, name, _), &answer) in order.iter().zip(&answers[p]) {
                let finding = Finding::of(answer, q.healthy);
                let counts = if reason.kind == ReasonKind::Open {
                    finding.is_open()
                } else {
                    finding == Finding::Problem
                };
                if counts {
                    reported_by += 1;
                    who.extend(name.map(str::to_string));
                }
            }
        }
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
        agenda.push(AgendaItem {
            kind,
            question_id: questions[p].id,
            question: questions[p].text,
            consequences: consequences(questions[p], kind == AgendaKind::Open),
            said: tallies[p].said(),
            attribution: Some(r.attribution()),
            disagreement: tallies[p].disagrees,
        });
    }
    let mut others: Vec<usize> = (0..questions.len())
        .filter(|&p| {
            tallies[p].disagrees && !agenda.iter().any(|a| a.question_id == questions[p].id)
        })
        .collect();
    others.sort_by_key(|&p| Reverse(tallies[p].minority));
    for p in others {
        let q = questions[p];
        agenda.push(AgendaItem {
            kind: AgendaKind::Disagreement,
            question_id: q.id,
            question: q.text,
            // A readiness question without a reason was answered healthy or "Not sure".
            consequences: consequences(q, model::readiness_questions().any(|r| r.id == q.id)),
            said: tallies[p].said(),
            attribution: None,
            disagreement: true,
        });
    }

    let anonymous = team.anonymous();
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
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::readiness_questions;

    /// Every readiness question answered healthy: a Ready respondent.
    fn healthy(organisation: &str, assessor: &str) -> Assessment {
        let mut a = Assessment::new(organisation, assessor);
        for q in readiness_questions() {
            a.set_answer(q.id, Some(q.healthy));
        }
        a
    }

    fn with(mut a: Assessment, id: &str, answer: Option<Answer>) -> Assessment {
        a.set_answer(id, answer);
        a
    }

    fn team(respondents: Vec<(Option<&str>, Assessment)>) -> Team {
        let mut t = Team::new("Acme leadership");
        for (name, a) in respondents {
            t.add(Respondent::new(name, a)).expect("added");
        }
        t
    }

    const MICROMANAGING: &str = "precondition.executives.micromanaging_workers";
    const AUDIT: &str = "maturity.truth.audit_uncensored";

    #[test]
    fn a_respondent_keeps_only_what_the_team_reads_and_an_anonymous_one_loses_its_assessor() {
        let mut a = healthy("  Acme ", "Zoe Secret");
        a.set_note(MICROMANAGING, "I, Zoe, saw it");
        a.set_unclear(AUDIT, Some("?"));
        a.checklist.insert("step.coe.design_workflows".into());
        a.pilot.department = "Packing".into();
        a.set_answer("precondition.invented", Some(Answer::Yes));
        let anonymous = Respondent::new(Some("  \n "), a.clone());
        assert_eq!(anonymous.name, None);
        assert_eq!(anonymous.assessment.assessor, "");
        assert_eq!(anonymous.assessment.organisation, "Acme");
        assert!(anonymous.assessment.notes.is_empty() && anonymous.assessment.unclear.is_empty());
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
            "The team already has a respondent named Ann, with other answers. Give this one another name, or remove the first one to replace their answers."
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
        // The open audit facet sits behind the Stop: not a reason, not on the agenda.
        assert_eq!(e.agenda.len(), 1);
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
        let kinds: Vec<(AgendaKind, &str)> =
            e.agenda.iter().map(|a| (a.kind, a.question_id)).collect();
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
}
