//! The respondents of a team view: who they are, what of their assessment is kept, and the
//! rules of adding, naming and removing them.

use std::collections::HashMap;
use std::fmt;

use crate::domain::model::assessment::Assessment;
use crate::domain::model::items::{self as model, MODEL_VERSION};
use crate::domain::model::limits::{bounded, TextKind};

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
    pub(super) fn name_key(&self) -> Option<String> {
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
pub(super) fn clean_name(text: &str) -> String {
    let visible: String = text.chars().filter(|c| !c.is_control()).collect();
    let one_line = visible.split_whitespace().collect::<Vec<_>>().join(" ");
    bounded(&one_line, TextKind::Name).trim_end().to_string()
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

/// Whether a name reads like an anonymous respondent's number ("Respondent 2").
pub(super) fn is_reserved(name: &str) -> bool {
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

/// Whether a respondent conflicts with those of the team that have the same name (or are
/// anonymous, for an anonymous one): the same answers are the same respondent; other answers
/// under a taken name are refused.
pub(super) fn conflict<'a>(
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
