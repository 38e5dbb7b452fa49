//! The respondents of a team view: who they are, what of their assessment is kept, and the
//! rules of adding, naming and removing them.

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use super::agreement::Agreement;
use crate::domain::model::assessment::Assessment;
use crate::domain::model::items::{self as model, MODEL_VERSION};
use crate::domain::model::limits::{bounded, one_line, TextKind};
use crate::domain::model::respondent::RespondentToken;

/// The most respondents a team view holds.
pub const MAX_RESPONDENTS: usize = 500;

/// From this many anonymous respondents on, the counts no longer point at one of them
/// ([`TeamEvaluation::attributable`]).
pub const ANONYMITY_MIN: usize = 3;

/// One respondent of a team view: an optional name and the answers given.
///
/// Only what the team view reads is kept ([`Respondent::new`]): the model version, the
/// organisation, the answers to the model's questions, the notes and "unclear" remarks about
/// those questions (the evidence, when the link or file carries notes), and the respondent
/// token (who answered, [`RespondentToken`]); the assessor too, but only for a named
/// respondent. The checklist, the pilot and the cycles stay in the assessment they came from.
/// An anonymous respondent's notes are shown only in a team with at least [`ANONYMITY_MIN`]
/// anonymous respondents, never with their number ([`ItemTally::evidence`]).
///
/// [`ItemTally::evidence`]: super::ItemTally::evidence
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
                notes: of_questions(assessment.notes),
                unclear: of_questions(assessment.unclear),
                evidence: of_questions(assessment.evidence)
                    .into_iter()
                    .filter_map(|(id, mut e)| {
                        // Who gave the evidence may be the anonymous respondent themself.
                        if name.is_none() {
                            e.who.clear();
                        }
                        (!e.is_empty()).then_some((id, e))
                    })
                    .collect(),
                respondent: assessment.respondent,
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
            None => trf!("Respondent {number}", number = index + 1),
        }
    }

    /// The name as compared (case and surrounding white space ignored).
    pub(super) fn name_key(&self) -> Option<String> {
        self.name
            .as_deref()
            .map(|n| n.trim().chars().flat_map(char::to_lowercase).collect())
    }

    fn normalised(self) -> Respondent {
        Respondent::new(self.name.as_deref(), self.assessment)
    }

    /// The respondent token, if the answers came with one.
    pub fn token(&self) -> Option<RespondentToken> {
        self.assessment.respondent
    }

    /// Whether two respondents are known to be different people: both carry a respondent
    /// token, and the tokens differ. Without a token on either side, who answered is not known
    /// (links made before tokens), and the answers decide as they always did.
    fn distinct_from(&self, other: &Respondent) -> bool {
        matches!((self.token(), other.token()), (Some(a), Some(b)) if a != b)
    }
}

/// The entries of a map of notes (or evidence) that are about a question of the model.
fn of_questions<V>(map: BTreeMap<String, V>) -> BTreeMap<String, V> {
    map.into_iter()
        .filter(|(id, _)| model::question(id).is_some())
        .collect()
}

/// A name or title on one line: white space collapsed, control characters removed, cut at the
/// limit of a name.
pub(super) fn clean_name(text: &str) -> String {
    one_line(text, TextKind::Name)
}

/// Whether two respondents have the same name (case and surrounding white space aside, folded
/// as [`Respondent::name_key`] does) or are both anonymous. No allocation: a team of 500
/// compares names often.
pub(super) fn same_name(a: &Option<String>, b: &Option<String>) -> bool {
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

/// Whether a name reads like an anonymous respondent's number: "Respondent 2", or as the
/// language spoken numbers them ("Befragte Person 2").
pub(super) fn is_reserved(name: &str) -> bool {
    let name = name.to_lowercase();
    let numbered = |label: &str| {
        let (before, after) = label.split_once("{number}").unwrap_or((label, ""));
        name.strip_prefix(&before.to_lowercase())
            .and_then(|rest| rest.strip_suffix(&after.to_lowercase()))
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    };
    numbered("Respondent {number}") || numbered(tr!("Respondent {number}"))
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
    /// same answers to every question, from links without a respondent token.
    AlreadyAdded {
        /// The label of the respondent already in the team.
        label: String,
    },
    /// The same respondent token is already in the team with the same answers: one respondent,
    /// counted once (a new name given with it renames them: [`Team::join`]).
    SameRespondent {
        /// The label of the respondent already in the team.
        label: String,
    },
    /// The same respondent token is already in the team with other answers: the respondent
    /// answered again. Their newer answers may replace the older ones ([`Team::answer_again`]).
    AnsweredAgain {
        /// Where the respondent is (0-based).
        index: usize,
        /// Their label.
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
    /// The respondent whose answers were to be replaced or put back is no longer in the team.
    NotInTeam,
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
            TeamError::Full => f.write_str(&trf!(
                "A team view holds at most {max} respondents; remove one before adding another.",
                max = MAX_RESPONDENTS
            )),
            TeamError::OtherModel { label, model_version } => f.write_str(&trf!(
                "{label} answered KOOM Deployment Readiness Layer v{version}; this app implements v{current}, so these answers cannot be combined with the team's.",
                label = label,
                version = model_version,
                current = MODEL_VERSION
            )),
            TeamError::AlreadyAdded { label } => f.write_str(&trf!(
                "These answers are already in the team as {label}: a respondent counts once. If this is another person who gave exactly the same answers, add them under a name of their own.",
                label = label
            )),
            TeamError::SameRespondent { label } => f.write_str(&trf!(
                "This is {label} again (the same respondent token), with the same answers and notes: a respondent counts once.",
                label = label
            )),
            TeamError::AnsweredAgain { label, .. } => f.write_str(&trf!(
                "{label} is already in the team (the same respondent token) with other answers: they answered again. A respondent counts once; replace their older answers with these, or keep the older ones.",
                label = label
            )),
            TeamError::NameTaken { name } => f.write_str(&trf!(
                "The team already has a respondent named {name}. Give this one another name, or remove the first one to replace them.",
                name = name
            )),
            TeamError::ReservedName { name } => f.write_str(&trf!(
                "“{name}” is how anonymous respondents are numbered: choose another name, or leave it empty to stay anonymous.",
                name = name
            )),
            TeamError::NotInTeam => f.write_str(tr!(
                "This respondent is no longer in the team view (removed since), so nothing was changed."
            )),
            TeamError::NoSuchRespondent { index, count } => f.write_str(&trf!(
                "There is no respondent {number}: the team has {count}.",
                number = index + 1,
                count = count
            )),
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
    /// What the team agreed in its meeting ([`Agreement`]).
    pub agreement: Agreement,
}

impl Team {
    /// An empty team view with a title (on one line, cut at the limit of a name).
    pub fn new(title: &str) -> Team {
        Team {
            title: clean_name(title),
            respondents: Vec::new(),
            agreement: Agreement::default(),
        }
    }

    /// Renames the team view.
    pub fn set_title(&mut self, title: &str) {
        self.title = clean_name(title);
    }

    /// The title to show: the title, or "Untitled team view".
    pub fn display_title(&self) -> String {
        if self.title.trim().is_empty() {
            tr!("Untitled team view").to_string()
        } else {
            self.title.trim().to_string()
        }
    }

    /// The label of the respondent at `index` ([`Respondent::label`]).
    pub fn label(&self, index: usize) -> Option<String> {
        self.respondents.get(index).map(|r| r.label(index))
    }

    /// Where the respondent with this token is, if in the team.
    pub fn find(&self, token: RespondentToken) -> Option<usize> {
        self.respondents
            .iter()
            .position(|r| r.token() == Some(token))
    }

    /// How many respondents are anonymous.
    pub fn anonymous(&self) -> usize {
        self.respondents.iter().filter(|r| r.is_anonymous()).count()
    }

    /// Adds a new respondent at the end (normalised as [`Respondent::new`] does) and returns its
    /// index. Refused: a full team, answers for another model version, a name that reads like
    /// an anonymous number, a respondent already in the team (by respondent token, or, without
    /// one, by name and answers), or a taken name ([`TeamError`]); the team is then unchanged.
    pub fn add(&mut self, respondent: Respondent) -> Result<usize, TeamError> {
        self.insert(self.respondents.len(), respondent)
    }

    /// Adds a respondent as [`Team::add`] does, except that one already in the team by their
    /// respondent token, with the same answers, is updated rather than refused when the paste
    /// brings something new: a name given with it (`name_given`; a name taken from the assessor
    /// field never renames), or notes and remarks that differ from those the team has (a paste
    /// without notes keeps them). The same token is one respondent whatever name it comes with.
    pub fn join(&mut self, respondent: Respondent, name_given: bool) -> Result<Joined, TeamError> {
        let known = respondent.token().and_then(|t| self.find(t));
        if self.respondents.len() >= MAX_RESPONDENTS && known.is_none() {
            return Err(TeamError::Full);
        }
        let respondent = match known {
            Some(i) if !name_given => {
                Respondent::new(self.respondents[i].name.as_deref(), respondent.assessment)
            }
            _ => respondent.normalised(),
        };
        let at = self.respondents.len();
        match self.place(&respondent, at, None)? {
            Seat::New => {
                self.respondents.push(respondent);
                Ok(Joined::Added(at))
            }
            Seat::Known { index, renamed } => {
                let current = &self.respondents[index];
                let notes = carries_evidence(&respondent) && !same_evidence(&respondent, current);
                if !renamed && !notes {
                    return Err(TeamError::SameRespondent {
                        label: current.label(index),
                    });
                }
                let from = current.label(index);
                let updated = with_evidence_of(respondent, current, renamed);
                self.respondents[index] = updated;
                Ok(Joined::Updated {
                    index,
                    from,
                    renamed: renamed.then(|| self.respondents[index].label(index)),
                    notes,
                })
            }
        }
    }

    /// Inserts a respondent at `index` (at the end if past it), as [`Team::add`] does; used
    /// to undo [`Team::remove`]. Returns where it went.
    pub fn insert(&mut self, index: usize, respondent: Respondent) -> Result<usize, TeamError> {
        if self.respondents.len() >= MAX_RESPONDENTS {
            return Err(TeamError::Full);
        }
        let index = index.min(self.respondents.len());
        let respondent = respondent.normalised();
        self.place(&respondent, index, None)?
            .new_only(&self.respondents)?;
        self.respondents.insert(index, respondent);
        Ok(index)
    }

    /// Puts a respondent's newer answers in place of their older ones
    /// ([`TeamError::AnsweredAgain`]), found by their respondent token, and returns where they
    /// are with the older respondent (to undo with [`Team::restore`]). The name is the newer
    /// one's when it was given with the paste (`name_given`), otherwise the one the team knows
    /// them by; without notes, the newer answers keep the older notes. Refused as [`Team::add`]
    /// refuses a respondent, the one replaced aside.
    pub fn answer_again(
        &mut self,
        respondent: Respondent,
        name_given: bool,
    ) -> Result<(usize, Respondent), TeamError> {
        let index = self.known_index(&respondent)?;
        let current = &self.respondents[index];
        let name = match &respondent.name {
            Some(name) if name_given => Some(name.clone()),
            _ => current.name.clone(),
        };
        let newer = with_evidence_of(
            Respondent::new(name.as_deref(), respondent.assessment),
            current,
            true,
        );
        self.seat_in_place(&newer, index)?;
        Ok((
            index,
            std::mem::replace(&mut self.respondents[index], newer),
        ))
    }

    /// Puts a respondent back exactly as they were, in place of the one with their respondent
    /// token (the undo of [`Team::answer_again`]); returns where.
    pub fn restore(&mut self, respondent: Respondent) -> Result<usize, TeamError> {
        let index = self.known_index(&respondent)?;
        let respondent = respondent.normalised();
        self.seat_in_place(&respondent, index)?;
        self.respondents[index] = respondent;
        Ok(index)
    }

    /// Where the respondent with this one's token is.
    fn known_index(&self, respondent: &Respondent) -> Result<usize, TeamError> {
        respondent
            .token()
            .and_then(|t| self.find(t))
            .ok_or(TeamError::NotInTeam)
    }

    /// Whether `respondent` may take the place of the one at `index`.
    fn seat_in_place(&self, respondent: &Respondent, index: usize) -> Result<(), TeamError> {
        self.place(respondent, index, Some(index))?
            .new_only(&self.respondents)
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
        self.seat_in_place(&renamed, index)?;
        self.respondents[index] = renamed;
        Ok(())
    }

    /// Where `candidate`, placed at `at`, joins the respondents other than `except`: as a new
    /// respondent, or as one already there (by token) under a new name; or why it may not.
    fn place(
        &self,
        candidate: &Respondent,
        at: usize,
        except: Option<usize>,
    ) -> Result<Seat, TeamError> {
        admissible(candidate, at)?;
        let others = || {
            self.respondents
                .iter()
                .enumerate()
                .filter(move |&(i, _)| Some(i) != except)
        };
        let same_token = candidate
            .token()
            .and_then(|t| others().find(|(_, other)| other.token() == Some(t)));
        place(
            candidate,
            same_token,
            others().filter(|(_, other)| same_name(&other.name, &candidate.name)),
        )
    }
}

/// Where a respondent joins a team (see [`Team::join`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Seat {
    /// As a new respondent.
    New,
    /// As the respondent at this index (the same token and answers); `renamed`: under a new
    /// name (already checked against the others).
    Known { index: usize, renamed: bool },
}

impl Seat {
    /// Only a new respondent may take this seat: one already in `respondents` by token is
    /// refused as [`TeamError::SameRespondent`] (where nothing renames or updates them).
    fn new_only(self, respondents: &[Respondent]) -> Result<(), TeamError> {
        match self {
            Seat::New => Ok(()),
            Seat::Known { index, .. } => Err(TeamError::SameRespondent {
                label: respondents[index].label(index),
            }),
        }
    }
}

/// What [`Team::join`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Joined {
    /// A new respondent, at this index.
    Added(usize),
    /// The respondent was already in the team (the same respondent token and answers): counted
    /// once, renamed or with their notes updated.
    Updated {
        /// Where they are (0-based).
        index: usize,
        /// How they were shown.
        from: String,
        /// How they are shown now, when renamed.
        renamed: Option<String>,
        /// Whether their notes and remarks were replaced by the newer ones.
        notes: bool,
    },
}

impl Joined {
    /// What happened to a respondent already in the team, in one sentence ("Ben (COO) was
    /// already in the team (the same respondent token): counted once, now named Ben Ortiz.");
    /// `None` for a new respondent.
    pub fn update_message(&self) -> Option<String> {
        let Joined::Updated {
            from,
            renamed,
            notes,
            ..
        } = self
        else {
            return None;
        };
        Some(match (renamed, notes) {
            (Some(to), true) => trf!(
                "{from} was already in the team (the same respondent token): counted once, now named {name}, their notes updated.",
                from = from,
                name = to
            ),
            (Some(to), false) => trf!(
                "{from} was already in the team (the same respondent token): counted once, now named {name}.",
                from = from,
                name = to
            ),
            (None, _) => trf!(
                "{from} was already in the team (the same respondent token): counted once, their notes updated.",
                from = from
            ),
        })
    }
}

/// Whether a respondent brings any evidence (notes or "unclear" remarks).
fn carries_evidence(r: &Respondent) -> bool {
    !r.assessment.notes.is_empty() || !r.assessment.unclear.is_empty()
}

fn same_evidence(a: &Respondent, b: &Respondent) -> bool {
    a.assessment.notes == b.assessment.notes && a.assessment.unclear == b.assessment.unclear
}

/// `newer`, keeping `current`'s evidence when it brings none, and `current`'s name unless
/// `renamed`.
fn with_evidence_of(newer: Respondent, current: &Respondent, renamed: bool) -> Respondent {
    let keep = !carries_evidence(&newer);
    let mut assessment = newer.assessment;
    if keep {
        assessment.notes = current.assessment.notes.clone();
        assessment.unclear = current.assessment.unclear.clone();
    }
    let name = if renamed {
        newer.name
    } else {
        current.name.clone()
    };
    Respondent::new(name.as_deref(), assessment)
}

/// Whether a respondent may join a team at all: answers for this model, a name that does not
/// read like an anonymous number.
pub(super) fn admissible(candidate: &Respondent, at: usize) -> Result<(), TeamError> {
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

/// Where a respondent joins, given the one of the team with its respondent token (if any) and
/// those with the same name (or anonymous, for an anonymous one):
/// - the same token is the same respondent: with the same answers, counted once (renamed when a
///   new name comes with it, the name checked against the others); with other answers, they
///   answered again ([`TeamError::AnsweredAgain`]);
/// - different tokens are different people, even with identical answers; two of them may not
///   share a name;
/// - without a token on either side (links made before tokens), the same name (or both
///   anonymous) and the same answers are the same respondent, and other answers under a taken
///   name are refused.
pub(super) fn place<'a>(
    candidate: &Respondent,
    same_token: Option<(usize, &'a Respondent)>,
    namesakes: impl Iterator<Item = (usize, &'a Respondent)>,
) -> Result<Seat, TeamError> {
    if let Some((i, known)) = same_token {
        if known.assessment.answers != candidate.assessment.answers {
            return Err(TeamError::AnsweredAgain {
                index: i,
                label: known.label(i),
            });
        }
        let renamed = candidate.name.is_some() && !same_name(&known.name, &candidate.name);
        if renamed {
            if let Some((_, other)) = namesakes.into_iter().find(|&(j, _)| j != i) {
                return Err(TeamError::NameTaken {
                    name: other.name.clone().unwrap_or_default(),
                });
            }
        }
        return Ok(Seat::Known { index: i, renamed });
    }
    for (i, other) in namesakes {
        if candidate.distinct_from(other) {
            match &other.name {
                Some(name) => return Err(TeamError::NameTaken { name: name.clone() }),
                None => continue,
            }
        }
        if other.assessment.answers == candidate.assessment.answers {
            return Err(TeamError::AlreadyAdded {
                label: other.label(i),
            });
        }
        if let Some(name) = &other.name {
            return Err(TeamError::NameTaken { name: name.clone() });
        }
    }
    Ok(Seat::New)
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
        // A scan, not an index: 500 respondents compare 8 bytes in well under a millisecond,
        // and a second map type costs the first load more than it saves.
        let same_token = respondent.token().and_then(|t| {
            respondents
                .iter()
                .enumerate()
                .find(|(_, other)| other.token() == Some(t))
        });
        let key = respondent.name_key();
        let same = self.by_name.entry(key).or_default();
        // A file holds each respondent once: the same token under another name is refused too.
        place(
            &respondent,
            same_token,
            same.iter().map(|&i| (i, &respondents[i])),
        )?
        .new_only(respondents)?;
        same.push(at);
        respondents.push(respondent);
        Ok(at)
    }

    pub(crate) fn finish(self) -> Team {
        self.team
    }
}
