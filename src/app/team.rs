//! Team views: several respondents' answers combined. The library of team views, the one on
//! screen with its evaluation, and the intents that change it: add respondents (from pasted
//! share links, files, the library or the shared assessment on screen), rename, remove with
//! undo, export, import, delete with undo. Every change is saved at once, checked against the
//! stored revision so another tab's change is never silently written over.

use leptos::prelude::*;

use super::owned::Owned;

use super::deleted::Deleted;
use super::dialog::{Ask, Dialogs};
use super::error::AppError;
use super::later::later;
use super::library::Library;
use super::notices::Notices;
use super::platform::Host;
use super::share::read_link;
use super::state::{AppState, View};
use crate::domain::{
    self, decode_any_file, encode_team_file, evaluate_team, pasted_links, team_file_name,
    team_markdown, AgendaLine, Answer, Assessment, DissentRecorded, ImportedFile, Joined,
    RecordStore, Respondent, SavedAssessment, SavedTeam, StorageError, Team, TeamError,
    TeamEvaluation, TeamReport, Verdict, TEAM_SCHEMA_VERSION,
};

/// One team view in the library list.
#[derive(Debug, Clone, PartialEq)]
pub struct TeamEntry {
    /// Library id.
    pub id: String,
    /// Its title ("Untitled team view" if none).
    pub title: String,
    /// How many respondents.
    pub respondents: usize,
    /// The team verdict.
    pub verdict: Verdict,
    /// Last change, ms since the epoch.
    pub updated_at: u64,
    /// Saved by a newer version: read-only here.
    pub newer: bool,
    /// The library id of the assessment saved from what the team agreed, if any.
    pub agreed_as: Option<String>,
}

impl TeamEntry {
    fn of(record: &SavedTeam, newer: bool) -> Self {
        TeamEntry {
            id: record.id.clone(),
            title: record.team.display_title(),
            respondents: record.team.respondents.len(),
            verdict: evaluate_team(&record.team).verdict,
            updated_at: record.updated_at,
            newer,
            agreed_as: record.team.agreement.saved_as.clone(),
        }
    }
}

/// The team view on screen.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenTeam {
    /// Library id.
    pub id: String,
    /// The stored revision this tab last read or wrote (`None`: not stored yet).
    pub revision: Option<u64>,
    /// The team view.
    pub team: Team,
    /// Saved by a newer version: shown, never written.
    pub read_only: bool,
}

/// How the team view on screen stands with storage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TeamSave {
    /// Everything on screen is saved.
    Saved,
    /// The last change could not be saved: why.
    NotSaved(String),
}

/// What the last "add" did, source by source.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AddOutcome {
    /// Labels of the respondents added.
    pub added: Vec<String>,
    /// One message per source that was a respondent already in the team (by their respondent
    /// token): counted once, renamed when it came with a new name.
    pub known: Vec<String>,
    /// One message per source whose respondent answered again with other answers: the user is
    /// asked whether the newer answers replace the older ones.
    pub answered_again: Vec<String>,
    /// One message per source that added nobody, naming the source and why.
    pub refused: Vec<String>,
    /// One message per team view file whose meeting's agreement stays with that file: agreed
    /// answers belong to the respondents they were agreed among, not to this team.
    pub not_carried: Vec<String>,
}

/// Respondents whose newer answers replaced their older ones, kept for undo.
#[derive(Debug, Clone, PartialEq)]
pub struct Replaced {
    /// The team view it happened in.
    pub team_id: String,
    /// How they are shown.
    pub labels: Vec<String>,
    /// Their older answers, in the order they were replaced.
    pub older: Vec<Respondent>,
}

/// The workshop on screen: the meeting run one item at a time ([`Teams::start_workshop`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Workshop {
    /// Which item of the workshop's order is shown (0-based).
    pub at: usize,
    /// The items whose answers the facilitator revealed, by question id.
    pub revealed: Vec<&'static str>,
}

/// The item a workshop shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkshopItem {
    /// Its place in the workshop's order (0-based).
    pub at: usize,
    /// How many items the workshop has.
    pub of: usize,
    /// The item, as the report has it (without what was agreed: the agreement control shows
    /// that, and changes without the item being drawn again).
    pub line: AgendaLine,
    /// Whether its answers were revealed.
    pub revealed: bool,
}

/// A respondent who answered again, waiting for the user's choice.
struct Again {
    label: String,
    newer: Respondent,
    name_given: bool,
}

/// A respondent removed, kept for undo.
#[derive(Debug, Clone, PartialEq)]
pub struct Removed {
    /// The team view it was removed from.
    pub team_id: String,
    /// Where it was.
    pub index: usize,
    /// How it was shown.
    pub label: String,
    /// The respondent.
    pub respondent: Respondent,
}

/// How a team view is evaluated ([`evaluate_team`], handed over by the code that opens one).
type Evaluate = fn(&Team) -> TeamEvaluation;

/// Team views: the list, the one on screen, and what can be undone.
#[derive(Clone, Copy)]
pub struct Teams {
    /// The library's team views, newest change first.
    pub entries: Owned<Vec<TeamEntry>>,
    /// The team view on screen.
    pub open: Owned<Option<OpenTeam>>,
    /// The id of the team view on screen, or of the one an address or the session asked for
    /// while the code that reads it comes ([`Teams::opening`]).
    pub shown_id: Memo<Option<String>>,
    /// A team view an address or the session asked for, while the code that reads team views
    /// comes (the later part of the split build): the address and the session keep naming it,
    /// and the team page says it is loading.
    pub opening: Owned<Option<String>>,
    /// Its evaluation, derived.
    pub evaluation: Memo<Option<TeamEvaluation>>,
    /// Whether what is on screen is saved.
    pub save: Owned<TeamSave>,
    /// The last removed respondent, for undo.
    pub removed: Owned<Option<Removed>>,
    /// The respondents whose older answers were last replaced, for undo.
    pub replaced: Owned<Option<Replaced>>,
    /// Deleted team views, most recent last, for undo.
    pub deleted: Deleted<SavedTeam>,
    /// What the last add did.
    pub outcome: Owned<Option<AddOutcome>>,
    /// An add is under way (share links are read one by one).
    pub adding: Owned<bool>,
    /// The workshop, while one runs.
    pub workshop: Owned<Option<Workshop>>,
    /// How the team view on screen is evaluated. `Teams` is made at start-up, but the code
    /// that opens a team view, and the team rules it needs, come with the later part of the
    /// split build ([`later!`]): opening one hands the evaluator over, so the rules stay out of
    /// the first load.
    evaluate: StoredValue<Option<Evaluate>>,
    notices: Notices,
    dialogs: Dialogs,
    library: Library,
    host: Host,
}

later! {
    /// Shows the saved team view [`Teams::opening`] names, if it still does and the team page
    /// is still on screen (`None`: it is no longer wanted); in the later part of the split build.
    pub fn open_requested_team(teams: Teams, state: AppState, id: String) -> Option<bool> {
        let wanted = teams.opening.with_untracked(|o| o.as_deref() == Some(id.as_str()));
        if wanted {
            teams.opening.set(None);
        }
        (wanted && state.view.get_untracked() == View::Team).then(|| teams.open_saved(state, &id))
    }
}

/// The id of the Undo button of a removed respondent.
pub const UNDO_REMOVE_ID: &str = "undo-remove";
/// The id of the Undo button of replaced answers.
pub const UNDO_REPLACE_ID: &str = "undo-replace";
/// The id of the respondents' heading.
pub const RESPONDENTS_HEADING_ID: &str = "team-respondents-title";

fn entries_of(records: &[SavedTeam], newer: &[SavedTeam]) -> Vec<TeamEntry> {
    let mut entries: Vec<TeamEntry> = records
        .iter()
        .map(|r| TeamEntry::of(r, false))
        .chain(newer.iter().map(|r| TeamEntry::of(r, true)))
        .collect();
    entries.sort_by_key(|e| std::cmp::Reverse(e.updated_at));
    entries
}

fn new_record(host: Host, team: Team) -> SavedTeam {
    SavedTeam {
        schema: TEAM_SCHEMA_VERSION,
        id: host.new_id(),
        revision: 0,
        updated_at: host.now_ms(),
        team,
    }
}

/// A respondent to add, and whether its name was given with it (pasted before the link, or in
/// a team file) rather than taken from the assessor field.
struct Candidate {
    respondent: Respondent,
    name_given: bool,
}

/// The name a respondent gets: the one written, else (unless anonymous) the assessor's.
fn respondent(name: Option<&str>, assessment: Assessment, anonymous: bool) -> Candidate {
    let given = name.filter(|n| !anonymous && !n.trim().is_empty());
    let name = if anonymous {
        None
    } else {
        given
            .map(str::to_string)
            .or_else(|| Some(assessment.assessor.trim().to_string()))
            .filter(|n| !n.trim().is_empty())
    };
    Candidate {
        respondent: Respondent::new(name.as_deref(), assessment),
        name_given: given.is_some(),
    }
}

/// How respondents are being added: by hand (pasted lines, named by their number; files; the
/// library), where the outcome takes focus, or by the camera (a scanned QR code, named as such),
/// where focus stays on the scanner.
#[derive(Clone, Copy, PartialEq, Eq)]
enum AddedBy {
    /// Pasted links, chosen files, ticked assessments.
    Hand,
    /// A QR code read by the camera.
    Camera,
}

impl Teams {
    pub(super) fn new(host: Host, notices: Notices, dialogs: Dialogs, library: Library) -> Self {
        let open = Owned::new(None::<OpenTeam>);
        let opening = Owned::new(None::<String>);
        let evaluate = StoredValue::new(None::<Evaluate>);
        Teams {
            entries: Owned::new(Vec::new()),
            open,
            shown_id: Memo::new(move |_| {
                open.with(|o| o.as_ref().map(|o| o.id.clone()))
                    .or_else(|| opening.get())
            }),
            opening,
            // Its reasons are words: made again in a language picked.
            evaluation: Memo::new(move |_| {
                super::language::spoken_language();
                open.with(|o| {
                    let o = o.as_ref()?;
                    evaluate.with_value(|evaluate| evaluate.map(|evaluate| evaluate(&o.team)))
                })
            }),
            save: Owned::new(TeamSave::Saved),
            removed: Owned::new(None),
            replaced: Owned::new(None),
            deleted: Deleted::new(),
            outcome: Owned::new(None),
            adding: Owned::new(false),
            workshop: Owned::new(None),
            evaluate,
            notices,
            dialogs,
            library,
            host,
        }
    }

    /// Re-reads the list of team views.
    pub fn refresh(&self) {
        if let Ok(loaded) = self
            .host
            .records()
            .load_all::<SavedTeam>(self.host.now_ms())
        {
            self.entries.set(entries_of(&loaded.records, &loaded.newer));
        }
    }

    /// The id of the team view on screen.
    pub fn open_id(&self) -> Option<String> {
        self.open.with(|o| o.as_ref().map(|o| o.id.clone()))
    }

    /// Saves the team view on screen. Another tab's change is never written over without the
    /// user's word: they are asked.
    fn save_open(&self) {
        let Some(open) = self.open.get_untracked() else {
            return;
        };
        if open.read_only {
            return;
        }
        let record = SavedTeam {
            schema: TEAM_SCHEMA_VERSION,
            id: open.id.clone(),
            revision: open.revision.unwrap_or(0),
            updated_at: self.host.now_ms(),
            team: open.team.clone(),
        };
        match self.host.records().write(&record, open.revision) {
            Ok(written) => {
                self.open.update(|o| {
                    if let Some(o) = o.as_mut().filter(|o| o.id == written.id) {
                        o.revision = Some(written.revision);
                    }
                });
                self.save.set(TeamSave::Saved);
                let entry = TeamEntry::of(&written, false);
                self.entries.update(|list| {
                    list.retain(|e| e.id != entry.id);
                    list.insert(0, entry);
                });
            }
            Err(StorageError::ChangedElsewhere { stored }) => {
                self.save.set(TeamSave::NotSaved(
                    tr!("This team view was changed in another tab or window; your change is on screen only.").into(),
                ));
                let teams = *self;
                self.dialogs.ask(
                    Ask {
                        title: tr!("Changed in another tab").into(),
                        message: if stored.is_some() {
                            trf!(
                                "“{title}” was changed in another tab or window since this one read it. Save what is on screen over it, or keep the other tab's version (then your last change is shown only until you leave).",
                                title = open.team.display_title()
                            )
                        } else {
                            trf!(
                                "“{title}” was deleted in another tab or window since this one read it. Save what is on screen over it, or keep the other tab's version (then your last change is shown only until you leave).",
                                title = open.team.display_title()
                            )
                        },
                        confirm: tr!("Save mine over it").into(),
                        cancel: tr!("Keep the other version").into(),
                    },
                    move || {
                        teams.open.update(|o| {
                            if let Some(o) = o.as_mut() {
                                o.revision = stored;
                            }
                        });
                        teams.save_open();
                    },
                );
            }
            Err(e) => self.save.set(TeamSave::NotSaved(e.to_string())),
        }
    }

    fn show(&self, state: AppState, open: OpenTeam) {
        self.evaluate.set_value(Some(evaluate_team));
        self.outcome.set(None);
        self.open.set(Some(open));
        self.save.set(TeamSave::Saved);
        state.go(View::Team);
    }

    /// Creates an empty team view, saves it and shows it.
    pub fn create(&self, state: AppState, title: &str) {
        self.show_new(state, Team::new(title));
    }

    /// Shows a team view not saved yet under a new id, and saves it.
    fn show_new(&self, state: AppState, team: Team) {
        let record = new_record(self.host, team);
        self.show(
            state,
            OpenTeam {
                id: record.id,
                revision: None,
                team: record.team,
                read_only: false,
            },
        );
        self.save_open();
    }

    /// Shows a saved team view. `false` (and a message) when it is not there or unreadable.
    pub fn open_saved(&self, state: AppState, id: &str) -> bool {
        if self.open_id().as_deref() == Some(id) {
            state.go(View::Team);
            return true;
        }
        let (record, read_only) = match self.host.records().read::<SavedTeam>(id) {
            Some(Ok(record)) => (record, false),
            Some(Err(domain::RecordError::NewerSchema {
                readable: Some(record),
                ..
            })) => (*record, true),
            Some(Err(domain::RecordError::NewerSchema { readable: None, .. })) => {
                self.notices.say(tr!("That team view was saved by a newer version of KOOM Readiness that this one cannot read. It is left untouched."));
                return false;
            }
            Some(Err(e)) => {
                self.notices.say(trf!(
                    "That team view could not be opened: it is {error}. It is left untouched.",
                    error = e
                ));
                return false;
            }
            None => {
                self.notices.say(tr!("That team view is not saved in this browser (team views are kept per browser: export its file to move it). Your library is below."));
                return false;
            }
        };
        self.show(
            state,
            OpenTeam {
                id: record.id,
                revision: Some(record.revision),
                team: record.team,
                read_only,
            },
        );
        true
    }

    /// Changes the team view on screen and saves it. `change` says what to tell the user, or
    /// refuses with a message.
    fn change(
        &self,
        change: impl FnOnce(&mut Team) -> Result<(), AppError>,
    ) -> Result<(), AppError> {
        self.change_if(|t| change(t).map(|()| true))
    }

    /// Like [`Teams::change`], where `change` says whether it changed anything: nothing
    /// changed, nothing saved (another tab would otherwise see a change).
    fn change_if(
        &self,
        change: impl FnOnce(&mut Team) -> Result<bool, AppError>,
    ) -> Result<(), AppError> {
        // On a copy, put on screen only when it changed: a change refused halfway leaves the
        // team view as it was.
        let mut team = self.editable_copy()?;
        if change(&mut team)? {
            self.keep(team);
        }
        Ok(())
    }

    /// A copy of the team view on screen to change, unless there is none or it is read-only.
    fn editable_copy(&self) -> Result<Team, AppError> {
        self.open.with_untracked(|o| match o {
            Some(o) if !o.read_only => Ok(o.team.clone()),
            Some(_) => Err(AppError::TeamReadOnly),
            None => Err(AppError::NoTeam),
        })
    }

    /// Puts a changed team view on screen and saves it.
    fn keep(&self, team: Team) {
        self.open.update(|o| {
            if let Some(o) = o {
                o.team = team;
            }
        });
        self.save_open();
    }

    /// Records the team's agreed answer to a question (`None`: clears it, with its dissent).
    pub fn agree(&self, question_id: &str, answer: Option<Answer>) {
        if let Err(e) = self.change(|t| Ok(t.agreement.agree(question_id, answer)?)) {
            self.notices.say(e.to_string());
        }
    }

    /// Records that someone dissents from the agreed answer to a question (the same person
    /// again: their reason is replaced, and the user told); the error says why not, to show
    /// where the dissent was given.
    pub fn dissent(&self, question_id: &str, who: &str, why: &str) -> Result<(), AppError> {
        let mut team = self.editable_copy()?;
        if team.agreement.dissent(question_id, who, why)? == DissentRecorded::Updated {
            self.notices.say(trf!(
                "{name} already dissented here: their reason is replaced by this one.",
                name = who.trim()
            ));
        }
        self.keep(team);
        Ok(())
    }

    /// Withdraws a dissent.
    pub fn withdraw_dissent(&self, question_id: &str, who: &str) {
        let _ = self.change_if(|t| Ok(t.agreement.withdraw_dissent(question_id, who)));
    }

    /// Saves what the team agreed as a new assessment in the library (never over an earlier
    /// one: that one may have been edited since), and links it from the team view.
    pub fn save_consensus(&self) {
        if let Err(e) = self.try_save_consensus() {
            self.notices.say(e.to_string());
        }
    }

    fn try_save_consensus(&self) -> Result<(), AppError> {
        let mut team = self.editable_copy()?;
        let consensus = self
            .evaluation
            .with_untracked(|e| e.as_ref().map(|e| e.agreed_assessment(&team)))
            .ok_or(AppError::NoTeam)??;
        let written = self
            .library
            .add(consensus)
            .map_err(AppError::ConsensusNotSaved)?;
        team.agreement.saved_as = Some(written.id.clone());
        self.keep(team);
        self.notices.say(trf!(
            "Saved the agreed assessment “{name}” in your library.",
            name = domain::display_name(&written.assessment)
        ));
        Ok(())
    }

    /// Starts the workshop at its first item, every item's answers hidden.
    pub fn start_workshop(&self) {
        self.workshop.set(Some(Workshop::default()));
    }

    /// Ends the workshop (what was agreed in it is saved as it is recorded).
    pub fn end_workshop(&self) {
        self.workshop.set(None);
    }

    /// Moves the workshop `by` items, within its first and last.
    pub fn step_workshop(&self, by: isize) {
        let of = self
            .evaluation
            .with_untracked(|e| e.as_ref().map_or(0, |e| e.agenda.len()));
        self.workshop.update(|w| {
            if let Some(w) = w {
                w.at = w.at.saturating_add_signed(by).min(of.saturating_sub(1));
            }
        });
    }

    /// Reveals the answers to the item the workshop shows.
    pub fn reveal_shown(&self) {
        let Some(item) = self.workshop_item() else {
            return;
        };
        self.workshop.update(|w| {
            if let Some(w) = w
                .as_mut()
                .filter(|w| !w.revealed.contains(&item.line.question_id))
            {
                w.revealed.push(item.line.question_id);
            }
        });
    }

    /// The item the workshop shows, while one runs and there is something to discuss.
    pub fn workshop_item(&self) -> Option<WorkshopItem> {
        let w = self.workshop.get()?;
        let order = self
            .evaluation
            .with(|e| e.as_ref().map(|e| e.workshop_order()))?;
        let at = w.at.min(order.len().checked_sub(1)?);
        let id = order[at];
        let line = self
            .report()?
            .agenda
            .into_iter()
            .find(|l| l.question_id == id)?;
        Some(WorkshopItem {
            at,
            of: order.len(),
            line: AgendaLine {
                agreed: None,
                ..line
            },
            revealed: w.revealed.contains(&id),
        })
    }

    /// Renames the team view on screen.
    pub fn set_title(&self, title: &str) {
        let _ = self.change(|t| {
            t.set_title(title);
            Ok(())
        });
    }

    /// Names (or, with a blank name, makes anonymous) a respondent.
    pub fn rename_respondent(&self, index: usize, name: &str) -> Result<(), AppError> {
        self.change(|t| Ok(t.rename(index, Some(name).filter(|n| !n.trim().is_empty()))?))
    }

    /// Asks, then removes a respondent; it can be put back with [`Teams::undo_remove`].
    pub fn remove_respondent(&self, index: usize) {
        let Some((team_id, label)) = self.open.with_untracked(|o| {
            o.as_ref()
                .and_then(|o| o.team.label(index).map(|l| (o.id.clone(), l)))
        }) else {
            return;
        };
        let teams = *self;
        self.dialogs.ask(
            Ask {
                title: trf!("Remove {label}?", label = label),
                message: trf!(
                    "{label}'s answers leave the team view and every count. You can undo this right after.",
                    label = label
                ),
                confirm: trf!("Remove {label}", label = label),
                cancel: tr!("Keep").into(),
            },
            move || {
                let mut removed = None;
                let _ = teams.change(|t| {
                    removed = t.remove(index);
                    Ok(())
                });
                if let Some((index, respondent)) = removed {
                    teams.removed.set(Some(Removed {
                        team_id,
                        index,
                        label,
                        respondent,
                    }));
                    // The Remove button is gone with its row: focus goes to Undo, not to
                    // the page's start.
                    teams.host.focus_soon(UNDO_REMOVE_ID);
                }
            },
        );
    }

    /// Forgets the last removed respondent (the user dismissed the undo notice).
    pub fn dismiss_removed(&self) {
        self.removed.set(None);
    }

    /// Puts the last removed respondent back where it was.
    pub fn undo_remove(&self) {
        let Some(removed) = self.removed.get_untracked() else {
            return;
        };
        if self.open_id().as_deref() != Some(removed.team_id.as_str()) {
            self.removed.set(None);
            return;
        }
        match self.change(|t| {
            t.insert(removed.index, removed.respondent.clone())?;
            Ok(())
        }) {
            Ok(()) => {
                self.removed.set(None);
                self.notices
                    .say(trf!("{label} is back.", label = removed.label));
                self.host.focus_soon(RESPONDENTS_HEADING_ID);
            }
            Err(e) => self.notices.say(e.to_string()),
        }
    }

    /// Adds one assessment, named by where it came from, to the team view on screen, and says
    /// what happened.
    pub fn add_assessment(&self, source: String, assessment: Assessment) {
        let outcome = self.add_all(
            vec![(source, respondent(None, assessment, false))],
            AddOutcome::default(),
        );
        self.outcome.set(Some(outcome));
    }

    /// Adds respondents to the team view on screen, each with the name of its source for the
    /// messages: `outcome` (what was already refused) with what was added and why the others
    /// were not. Respondents who answered again are asked about.
    fn add_all(
        &self,
        respondents: Vec<(String, Candidate)>,
        mut outcome: AddOutcome,
    ) -> AddOutcome {
        let mut again = Vec::new();
        let kept = self.change_if(|t| {
            let mut changed = false;
            for (source, c) in respondents {
                match t.join(c.respondent.clone(), c.name_given) {
                    Ok(Joined::Added(i)) => {
                        changed = true;
                        outcome.added.push(t.label(i).unwrap_or_default());
                    }
                    Ok(updated) => {
                        changed = true;
                        outcome
                            .known
                            .extend(updated.update_message().map(|message| {
                                trf!("{source}: {message}", source = source, message = message)
                            }));
                    }
                    Err(e @ TeamError::SameRespondent { .. }) => outcome.known.push(trf!(
                        "{source}: {message}",
                        source = source,
                        message = e
                    )),
                    Err(ref e @ TeamError::AnsweredAgain { ref label, .. }) => {
                        outcome.answered_again.push(trf!(
                            "{source}: {message}",
                            source = source,
                            message = e
                        ));
                        // One question per person: a later paste of the same token wins.
                        again.retain(|a: &Again| a.newer.token() != c.respondent.token());
                        again.push(Again {
                            label: label.clone(),
                            newer: c.respondent,
                            name_given: c.name_given,
                        });
                    }
                    Err(e) => outcome.refused.push(trf!(
                        "{source}: {message}",
                        source = source,
                        message = e
                    )),
                }
            }
            Ok(changed)
        });
        if let Err(e) = kept {
            outcome.refused.push(e.to_string());
        }
        self.ask_answer_again(again);
        outcome
    }

    /// Asks whether the newer answers of respondents who answered again replace their older
    /// ones; on a yes, replaces them (undo: [`Teams::undo_replace`]).
    fn ask_answer_again(&self, again: Vec<Again>) {
        let Some(team_id) = self.open_id() else {
            return;
        };
        let labels: Vec<String> = again.iter().map(|a| a.label.clone()).collect();
        let names = labels.join(", ");
        let (title, confirm, message) = match labels.as_slice() {
            [] => return,
            [one] => (
                trf!("{label} answered again: use the newer answers?", label = one),
                trf!("Use {label}'s newer answers", label = one),
                trf!(
                    "This link carries the same respondent token as answers already in the team, with other answers ({labels}). A respondent counts once: the newer answers replace the older ones, which you can undo right after.",
                    labels = names
                ),
            ),
            many => (
                trf!(
                    "{count} respondents answered again: use the newer answers?",
                    count = many.len()
                ),
                tr!("Use the newer answers").to_string(),
                trf!(
                    "These links carry the same respondent token as answers already in the team, with other answers ({labels}). A respondent counts once: the newer answers replace the older ones, which you can undo right after.",
                    labels = names
                ),
            ),
        };
        let teams = *self;
        self.dialogs.ask(
            Ask {
                title,
                message,
                confirm,
                cancel: tr!("Keep the older answers").into(),
            },
            move || {
                let mut older = Vec::new();
                // All replaced, or none (a change refused halfway is not kept).
                let result = teams.change(|t| {
                    for a in again {
                        // Found by token: the team may have changed since the question.
                        older.push(t.answer_again(a.newer, a.name_given)?.1);
                    }
                    Ok(())
                });
                match result {
                    Ok(()) => {
                        teams.outcome.update(|o| {
                            if let Some(o) = o {
                                o.answered_again.clear();
                            }
                        });
                        teams.replaced.set(Some(Replaced {
                            team_id,
                            labels,
                            older,
                        }));
                        teams.host.focus_soon(UNDO_REPLACE_ID);
                    }
                    Err(e) => teams.notices.say(e.to_string()),
                }
            },
        );
    }

    /// Forgets the last replaced answers (the user dismissed the undo notice).
    pub fn dismiss_replaced(&self) {
        self.replaced.set(None);
    }

    /// Puts the older answers of the last replacement back.
    pub fn undo_replace(&self) {
        let Some(replaced) = self.replaced.get_untracked() else {
            return;
        };
        self.replaced.set(None);
        if self.open_id().as_deref() != Some(replaced.team_id.as_str()) {
            return;
        }
        let result = self.change(|t| {
            for older in replaced.older.into_iter().rev() {
                t.restore(older)?;
            }
            Ok(())
        });
        match result {
            Ok(()) => {
                self.notices.say(trf!(
                    "The older answers of {labels} are back.",
                    labels = replaced.labels.join(", ")
                ));
                self.host.focus_soon(RESPONDENTS_HEADING_ID);
            }
            Err(e) => self.notices.say(e.to_string()),
        }
    }

    fn finish_add(&self, outcome: AddOutcome, from: AddedBy) {
        self.adding.set(false);
        self.outcome.set(Some(outcome));
        if from == AddedBy::Hand {
            self.host.focus("team-add-outcome");
        }
    }

    /// Adds the respondents of pasted share links, one per line ("Name: link" names one).
    /// Lines that hold no readable link are named in the outcome; the others are added.
    pub fn add_links(&self, text: String, anonymous: bool) {
        self.add_link_text(text, anonymous, AddedBy::Hand);
    }

    /// Adds the respondent of a QR code read by the camera (a share link, possibly with a name
    /// before it). The outcome is announced where focus is: the person is still scanning.
    pub fn add_scanned(&self, text: String, anonymous: bool) {
        self.add_link_text(text, anonymous, AddedBy::Camera);
    }

    fn add_link_text(&self, text: String, anonymous: bool, from: AddedBy) {
        let teams = *self;
        let lines = pasted_links(&text);
        if lines.is_empty() {
            self.finish_add(
                AddOutcome {
                    refused: vec![match from {
                        AddedBy::Hand => tr!("Nothing to add: paste one share link per line."),
                        AddedBy::Camera => tr!("The scanned QR code holds no text to add."),
                    }
                    .into()],
                    ..AddOutcome::default()
                },
                from,
            );
            return;
        }
        self.adding.set(true);
        leptos::task::spawn_local(async move {
            let mut outcome = AddOutcome::default();
            let mut respondents = Vec::new();
            for line in lines {
                let source = match from {
                    AddedBy::Hand => trf!(
                        "Line {line} (“{text}”)",
                        line = line.line,
                        text = line.shown
                    ),
                    AddedBy::Camera => {
                        trf!("The scanned QR code (“{text}”)", text = line.shown)
                    }
                };
                match line.payload {
                    Err(e) => outcome.refused.push(trf!(
                        "{source}: {message}",
                        source = source,
                        message = e
                    )),
                    Ok(payload) => match read_link(&payload).await {
                        Ok(shared) => respondents.push((
                            source,
                            respondent(line.name.as_deref(), shared.assessment, anonymous),
                        )),
                        Err(message) => outcome.refused.push(trf!(
                            "{source}: {message}",
                            source = source,
                            message = message
                        )),
                    },
                }
            }
            let outcome = teams.add_all(respondents, outcome);
            teams.finish_add(outcome, from);
        });
    }

    /// Adds the respondents of chosen files: an assessment file is one respondent, a team
    /// view file brings all of its own.
    pub fn add_files(&self, files: Vec<(String, Vec<u8>)>, refused: Vec<String>, anonymous: bool) {
        let mut outcome = AddOutcome {
            refused,
            ..AddOutcome::default()
        };
        let mut respondents = Vec::new();
        for (name, bytes) in files {
            let source = trf!("“{name}”", name = name);
            match decode_any_file(&bytes) {
                Ok(ImportedFile::Assessment(a)) => {
                    respondents.push((source, respondent(None, *a, anonymous)))
                }
                Ok(ImportedFile::Team(team)) => {
                    outcome
                        .not_carried
                        .extend(team.agreement.not_carried_note(&source));
                    for (i, r) in team.respondents.into_iter().enumerate() {
                        let label = r.label(i);
                        let r = if anonymous {
                            Respondent::new(None, r.assessment)
                        } else {
                            r
                        };
                        respondents.push((
                            trf!("{source}, {label}", source = source, label = label),
                            Candidate {
                                name_given: r.name.is_some(),
                                respondent: r,
                            },
                        ));
                    }
                }
                Err(e) => {
                    outcome
                        .refused
                        .push(trf!("{source}: {message}", source = source, message = e))
                }
            }
        }
        let outcome = self.add_all(respondents, outcome);
        self.finish_add(outcome, AddedBy::Hand);
    }

    /// Adds assessments of the library.
    pub fn add_from_library(&self, ids: Vec<String>, anonymous: bool) {
        let mut outcome = AddOutcome::default();
        if ids.is_empty() {
            outcome
                .refused
                .push(tr!("Nothing to add: tick the assessments to add first.").into());
        }
        let mut respondents = Vec::new();
        for id in ids {
            match self.host.records().read::<SavedAssessment>(&id) {
                Some(Ok(record)) => {
                    let source = trf!("“{name}”", name = domain::display_name(&record.assessment));
                    respondents.push((source, respondent(None, record.assessment, anonymous)));
                }
                Some(Err(e)) => outcome.refused.push(trf!(
                    "An assessment of the library: it is {error}.",
                    error = e
                )),
                None => outcome.refused.push(
                    tr!("An assessment of the library: it was deleted (perhaps in another tab).")
                        .into(),
                ),
            }
        }
        let outcome = self.add_all(respondents, outcome);
        self.finish_add(outcome, AddedBy::Hand);
    }

    /// Offers the team view on screen as a file.
    pub fn export(&self, framed: bool) {
        let date = self.host.today_iso();
        let Some((name, text)) = self.open.with_untracked(|o| {
            o.as_ref().map(|o| {
                (
                    team_file_name(&o.team, &date, "json"),
                    encode_team_file(&o.team, &date),
                )
            })
        }) else {
            return;
        };
        self.notices
            .offer_file(framed, &name, "application/json", text);
    }

    /// Offers a saved team view as a file, without opening it.
    pub fn export_stored(&self, framed: bool, id: &str) {
        let Some(Ok(record)) = self.host.records().read::<SavedTeam>(id) else {
            self.notices
                .say(tr!("That team view could not be read to export it."));
            return;
        };
        let date = self.host.today_iso();
        self.notices.offer_file(
            framed,
            &team_file_name(&record.team, &date, "json"),
            "application/json",
            encode_team_file(&record.team, &date),
        );
    }

    /// The team view on screen as a report.
    pub fn report(&self) -> Option<TeamReport> {
        let date = self.host.today_iso();
        self.open.with(|o| {
            let o = o.as_ref()?;
            self.evaluation
                .with(|e| e.as_ref().map(|e| TeamReport::new(&o.team, e, &date)))
        })
    }

    /// The Markdown report of the team view on screen, and its file name.
    pub fn markdown(&self) -> Option<(String, String)> {
        let report = untrack(|| self.report())?;
        let name = self.open.with_untracked(|o| {
            o.as_ref()
                .map(|o| team_file_name(&o.team, &report.date, "md"))
        })?;
        Some((name, team_markdown(&report)))
    }

    /// The name and text of the open team view's item matrix as CSV (one row per question and
    /// respondent, the anonymity rules applied).
    pub fn matrix_csv(&self) -> Option<(String, String)> {
        self.open.with_untracked(|o| {
            o.as_ref().map(|o| {
                let name =
                    domain::csv_file_name(&o.team.title, "team-matrix", &self.host.today_iso());
                (name, domain::team_matrix_csv(&o.team))
            })
        })
    }

    /// Asks, then deletes a team view from the library (undo restores it).
    pub fn delete(&self, state: AppState, id: &str) {
        let Some(Ok(record)) = self.host.records().read::<SavedTeam>(id) else {
            self.notices
                .say(tr!("That team view could not be read; it was not deleted."));
            return;
        };
        let teams = *self;
        let title = record.team.display_title();
        self.dialogs.ask(
            Ask {
                title: trf!("Delete “{title}”?", title = title),
                message: trf!(
                    "The team view and its {count} respondents' answers leave this browser's library. You can undo this right after.",
                    count = record.team.respondents.len()
                ),
                confirm: tr!("Delete").into(),
                cancel: tr!("Keep").into(),
            },
            move || {
                if let Err(e) = teams.host.records().delete::<SavedTeam>(&record.id) {
                    teams.notices.say(e.to_string());
                    return;
                }
                if teams.open_id().as_deref() == Some(record.id.as_str()) {
                    teams.open.set(None);
                    if state.view.get_untracked() == View::Team {
                        state.go(View::Start);
                    }
                }
                teams.deleted.push(record);
                teams.refresh();
            },
        );
    }

    /// Restores the most recently deleted team view.
    pub fn undo_delete(&self) {
        self.deleted.undo(self.host, self.notices, |record| {
            record.team.display_title()
        });
        self.refresh();
    }

    /// Saves a team read from a file as a new team view and shows it.
    pub fn import(&self, state: AppState, file_name: &str, mut team: Team) {
        // The list may not have been read yet (it is read where it is shown).
        self.refresh();
        let taken = self.entries.with_untracked(|list| {
            list.iter()
                .any(|e| e.title.eq_ignore_ascii_case(&team.display_title()))
        });
        if taken {
            let title = trf!(
                "{name} (imported {date})",
                name = team.display_title(),
                date = self.host.today_iso()
            );
            team.set_title(&title);
        }
        self.show_new(state, team);
        self.notices.say(match self.save.get_untracked() {
            TeamSave::Saved => trf!(
                "Imported “{file_name}” as a new team view.",
                file_name = file_name
            ),
            TeamSave::NotSaved(why) => trf!(
                "Imported “{file_name}”, but it is not saved: {why}",
                file_name = file_name,
                why = why
            ),
        });
    }
}
