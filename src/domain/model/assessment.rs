//! One organisation's assessment: every answer, note and record the user made.
//!
//! Keys are the model's stable ids as strings, so data from another model version or with
//! unknown ids still loads; the evaluation reads only the ids it knows.

use std::collections::{BTreeMap, BTreeSet};

use crate::domain::model::answer::{Answer, Observation};
use crate::domain::model::evidence::{
    EvidenceDetails, EvidenceError, EvidenceField, MAX_EVIDENCE_LINK,
};
use crate::domain::model::items::MODEL_VERSION;
use crate::domain::model::limits::{
    bounded, OverLimit, TextKind, MAX_CYCLES, MAX_ITERATIONS, MAX_ROUNDS,
};
use crate::domain::model::plan_entry::PlanEntry;
use crate::domain::model::respondent::{RespondentToken, RESPONDENT_TOKEN_BYTES};
use crate::domain::model::tracker::{Tracker, TrackerError, TrackerKind};

/// A complete assessment of one organisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assessment {
    /// Version of the KOOM model the answers were given against.
    pub model_version: String,
    /// Name of the organisation assessed.
    pub organisation: String,
    /// Who made the assessment (optional).
    pub assessor: String,
    /// Answers by question id.
    pub answers: BTreeMap<String, Answer>,
    /// Evidence notes by item or question id.
    pub notes: BTreeMap<String, String>,
    /// Who, when, a link and a review-by date for the evidence, by item or question id.
    pub evidence: BTreeMap<String, EvidenceDetails>,
    /// Items the user flagged as unclear, with their remark (seed §9 feedback).
    pub unclear: BTreeMap<String, String>,
    /// Ticked checklist items of the deployment sequence.
    pub checklist: BTreeSet<String>,
    /// What was recorded about the pilot (step 5).
    pub pilot: PilotRecord,
    /// Failed full-deployment gates that sent the organisation back to the pilot.
    pub pilot_iterations: Vec<PilotIteration>,
    /// Stability observations, one entry per alignment cycle after deployment.
    pub cycles: Vec<AlignmentCycle>,
    /// The remediation plan before Ready, keyed by the id of the question behind each cause.
    pub plan: BTreeMap<String, PlanEntry>,
    /// Who answered, as a random token that makes these answers one respondent in a team view
    /// whatever name they are added under; `None` for assessments made before tokens (their
    /// links count as they always did).
    pub respondent: Option<RespondentToken>,
    /// The closed rounds of re-assessment, oldest first; this assessment is the round in
    /// progress (see [`Assessment::reassess`]).
    pub rounds: Vec<Round>,
    /// When the round in progress started, as an ISO date; empty before the first
    /// re-assessment.
    pub round_started: String,
    /// Answers carried over from a closed round and not yet confirmed or changed: question id
    /// → the round (1-based) the answer was given in.
    pub carried: BTreeMap<String, u32>,
    /// The organisation's issue tracker, for "Open as a new issue" on each plan item.
    pub tracker: Option<Tracker>,
}

impl Default for Assessment {
    fn default() -> Self {
        Assessment {
            model_version: MODEL_VERSION.to_string(),
            organisation: String::new(),
            assessor: String::new(),
            answers: BTreeMap::new(),
            notes: BTreeMap::new(),
            evidence: BTreeMap::new(),
            unclear: BTreeMap::new(),
            checklist: BTreeSet::new(),
            pilot: PilotRecord::default(),
            pilot_iterations: Vec::new(),
            cycles: Vec::new(),
            plan: BTreeMap::new(),
            respondent: None,
            rounds: Vec::new(),
            round_started: String::new(),
            carried: BTreeMap::new(),
            tracker: None,
        }
    }
}

/// What was recorded about the pilot deployment (seed §4, step 5).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PilotRecord {
    /// The one department chosen for the pilot.
    pub department: String,
    /// The evaluation of real-world behaviour in the pilot.
    pub evaluation: String,
}

/// One "roll back, retrain, repeat" round: the gate failed and the pilot is repeated.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PilotIteration {
    /// When it was recorded, as an ISO date (`2026-11-24`).
    pub date: String,
    /// Ids of the gate criteria that were not met.
    pub failed_criteria: Vec<String>,
    /// Ids of the gate criteria that were still open (not sure or unanswered).
    pub open_criteria: Vec<String>,
    /// The pilot evaluation that was rolled back, kept for history.
    pub evaluation: String,
    /// The gate's answers when it failed, by criterion id (kept; the next pilot answers the
    /// gate afresh).
    pub gate_answers: BTreeMap<String, Answer>,
    /// Ids of the steps named for retraining, in sequence order.
    pub retrain: Vec<String>,
    /// When each step named for retraining was confirmed retrained (step id → ISO date).
    pub retrained: BTreeMap<String, String>,
}

/// One closed round: where the organisation stood on a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Round {
    /// When the round was closed by re-assessing, as an ISO date (`2026-09-01`).
    pub date: String,
    /// What the rules read, as it stood then: answers, checklist, pilot, iterations and
    /// cycle marks. It has no organisation, notes, remarks, plan or rounds of its own.
    pub assessment: Assessment,
}

/// Stability signs observed during one alignment cycle (seed §7).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AlignmentCycle {
    /// Observation by stability sign id.
    pub signs: BTreeMap<String, Observation>,
    /// Notes by stability sign id.
    pub notes: BTreeMap<String, String>,
}

impl Assessment {
    /// A blank assessment for an organisation.
    pub fn new(organisation: &str, assessor: &str) -> Self {
        Assessment {
            organisation: bounded(organisation.trim(), TextKind::Name),
            assessor: bounded(assessor.trim(), TextKind::Name),
            ..Assessment::default()
        }
    }

    /// Whether it holds any work worth keeping: anything beyond a name and an assessor.
    pub fn has_work(&self) -> bool {
        !(self.answers.is_empty()
            && self.notes.is_empty()
            && self.evidence.is_empty()
            && self.unclear.is_empty()
            && self.checklist.is_empty()
            && self.pilot == PilotRecord::default()
            && self.pilot_iterations.is_empty()
            && self.cycles.is_empty()
            && self.plan.is_empty()
            && self.rounds.is_empty())
    }

    /// Gives the assessment a respondent token made of these random bytes, unless it has one
    /// (a token never changes: it is who answered). Whether it was given.
    pub fn give_respondent_token(&mut self, random: [u8; RESPONDENT_TOKEN_BYTES]) -> bool {
        if self.respondent.is_some() {
            return false;
        }
        self.respondent = Some(RespondentToken::from_bytes(random));
        true
    }

    /// The answer to a question, if any.
    pub fn answer(&self, question_id: &str) -> Option<Answer> {
        self.answers.get(question_id).copied()
    }

    /// Sets or clears (with `None`) the answer to a question. Either way it is this round's
    /// answer now: no longer one carried over from a closed round.
    pub fn set_answer(&mut self, question_id: &str, answer: Option<Answer>) {
        self.carried.remove(question_id);
        match answer {
            Some(a) => {
                self.answers.insert(question_id.to_string(), a);
            }
            None => {
                self.answers.remove(question_id);
            }
        }
    }

    /// Sets the evidence note of an item; an empty note removes it.
    pub fn set_note(&mut self, id: &str, note: &str) {
        set_or_remove(&mut self.notes, id, &bounded(note, TextKind::Note));
    }

    /// Sets the issue tracker from the address the user gave (see [`Tracker::parse`]), or
    /// removes it with `None`; nothing changes when the address is refused.
    pub fn set_tracker(
        &mut self,
        tracker: Option<(TrackerKind, &str)>,
    ) -> Result<Option<Tracker>, TrackerError> {
        self.tracker = match tracker {
            Some((kind, address)) => Some(Tracker::parse(kind, address)?),
            None => None,
        };
        Ok(self.tracker.clone())
    }

    /// Sets one detail of an item's evidence (an empty value clears it; an item without any
    /// detail left has no entry), checked against the others and today; nothing changes when
    /// it is refused.
    pub fn set_evidence(
        &mut self,
        id: &str,
        field: EvidenceField,
        value: &str,
        today: &str,
    ) -> Result<(), EvidenceError> {
        let mut details = self.evidence.get(id).cloned().unwrap_or_default();
        details.set(field, value, today)?;
        if details.is_empty() {
            self.evidence.remove(id);
        } else {
            self.evidence.insert(id.to_string(), details);
        }
        Ok(())
    }

    /// Names the organisation (cut at the limit of a name).
    pub fn set_organisation(&mut self, name: &str) {
        self.organisation = bounded(name, TextKind::Name);
    }

    /// Names the pilot department (cut at the limit of a name).
    pub fn set_pilot_department(&mut self, name: &str) {
        self.pilot.department = bounded(name, TextKind::Name);
    }

    /// Writes the evaluation of the pilot (cut at its limit).
    pub fn set_pilot_evaluation(&mut self, text: &str) {
        self.pilot.evaluation = bounded(text, TextKind::Evaluation);
    }

    /// Flags an item as unclear with a remark, or (with `None`) removes the flag.
    pub fn set_unclear(&mut self, id: &str, remark: Option<&str>) {
        match remark {
            Some(r) => {
                self.unclear
                    .insert(id.to_string(), bounded(r, TextKind::Remark));
            }
            None => {
                self.unclear.remove(id);
            }
        }
    }

    /// The observation of a sign in a cycle (0-based), if any.
    pub fn observation(&self, cycle: usize, sign_id: &str) -> Option<Observation> {
        self.cycles.get(cycle)?.signs.get(sign_id).copied()
    }

    /// Records (or clears) an observation; a cycle past the last one is ignored.
    pub fn set_observation(
        &mut self,
        cycle: usize,
        sign_id: &str,
        observation: Option<Observation>,
    ) {
        if let Some(c) = self.cycles.get_mut(cycle) {
            match observation {
                Some(o) => {
                    c.signs.insert(sign_id.to_string(), o);
                }
                None => {
                    c.signs.remove(sign_id);
                }
            }
        }
    }

    /// Sets the note of a sign in a cycle; an empty note removes it.
    pub fn set_observation_note(&mut self, cycle: usize, sign_id: &str, note: &str) {
        if let Some(c) = self.cycles.get_mut(cycle) {
            set_or_remove(&mut c.notes, sign_id, &bounded(note, TextKind::CycleNote));
        }
    }

    /// Starts the next alignment cycle and returns its index (0-based); `None` once
    /// [`MAX_CYCLES`] are recorded.
    pub fn add_cycle(&mut self) -> Option<usize> {
        if self.cycles.len() >= MAX_CYCLES {
            return None;
        }
        self.cycles.push(AlignmentCycle::default());
        Some(self.cycles.len() - 1)
    }

    /// Removes the last alignment cycle, if it has no observations yet.
    pub fn remove_empty_last_cycle(&mut self) -> bool {
        match self.cycles.last() {
            Some(c) if c.signs.is_empty() && c.notes.is_empty() => {
                self.cycles.pop();
                true
            }
            _ => false,
        }
    }
}

fn set_or_remove(map: &mut BTreeMap<String, String>, id: &str, text: &str) {
    if text.trim().is_empty() {
        map.remove(id);
    } else {
        map.insert(id.to_string(), text.to_string());
    }
}

/// The first place an assessment goes over a limit, if any.
pub fn over_limit(a: &Assessment) -> Option<OverLimit> {
    let text = |path: String, value: &str, kind: TextKind| {
        let count = value.chars().count();
        (count > kind.max_chars()).then(|| OverLimit {
            path,
            what: kind.label(),
            count,
            max: kind.max_chars(),
        })
    };
    let map = |name: &str, m: &std::collections::BTreeMap<String, String>, kind| {
        m.iter()
            .find_map(|(k, v)| text(format!("assessment.{name}[\"{k}\"]"), v, kind))
    };
    let list = |path: &str, count: usize, max: usize, what| {
        (count > max).then(|| OverLimit {
            path: path.to_string(),
            what,
            count,
            max,
        })
    };
    text(
        "assessment.organisation".into(),
        &a.organisation,
        TextKind::Name,
    )
    .or_else(|| text("assessment.assessor".into(), &a.assessor, TextKind::Name))
    .or_else(|| {
        text(
            "assessment.pilot.department".into(),
            &a.pilot.department,
            TextKind::Name,
        )
    })
    .or_else(|| {
        text(
            "assessment.pilot.evaluation".into(),
            &a.pilot.evaluation,
            TextKind::Evaluation,
        )
    })
    .or_else(|| map("notes", &a.notes, TextKind::Note))
    .or_else(|| {
        a.evidence.iter().find_map(|(id, e)| {
            text(
                format!("assessment.evidence[\"{id}\"].who"),
                &e.who,
                TextKind::Name,
            )
            .or_else(|| {
                let n = e.link.chars().count();
                (n > MAX_EVIDENCE_LINK).then(|| OverLimit {
                    path: format!("assessment.evidence[\"{id}\"].link"),
                    what: tr!("an evidence link"),
                    count: n,
                    max: MAX_EVIDENCE_LINK,
                })
            })
        })
    })
    .or_else(|| map("unclear", &a.unclear, TextKind::Remark))
    .or_else(|| {
        list(
            "assessment.pilot_iterations",
            a.pilot_iterations.len(),
            MAX_ITERATIONS,
            tr!("pilot iterations"),
        )
    })
    .or_else(|| {
        a.pilot_iterations.iter().enumerate().find_map(|(i, it)| {
            text(
                format!("assessment.pilot_iterations[{i}].evaluation"),
                &it.evaluation,
                TextKind::Evaluation,
            )
            .or_else(|| {
                text(
                    format!("assessment.pilot_iterations[{i}].date"),
                    &it.date,
                    TextKind::Remark,
                )
            })
            .or_else(|| {
                map(
                    "pilot_iterations.retrained",
                    &it.retrained,
                    TextKind::Remark,
                )
            })
        })
    })
    .or_else(|| {
        list(
            "assessment.cycles",
            a.cycles.len(),
            MAX_CYCLES,
            tr!("alignment cycles"),
        )
    })
    .or_else(|| {
        a.cycles.iter().enumerate().find_map(|(i, c)| {
            c.notes.iter().find_map(|(k, v)| {
                text(
                    format!("assessment.cycles[{i}].notes[\"{k}\"]"),
                    v,
                    TextKind::CycleNote,
                )
            })
        })
    })
    .or_else(|| {
        list(
            "assessment.rounds",
            a.rounds.len(),
            MAX_ROUNDS,
            tr!("rounds"),
        )
    })
    .or_else(|| {
        a.rounds.iter().enumerate().find_map(|(i, r)| {
            over_limit(&r.assessment).map(|o| OverLimit {
                path: o.path.replacen(
                    "assessment",
                    &format!("assessment.rounds[{i}].assessment"),
                    1,
                ),
                ..o
            })
        })
    })
    .or_else(|| {
        a.plan.iter().find_map(|(k, e)| {
            let at = |field: &str| format!("assessment.plan[\"{k}\"].{field}");
            text(at("owner"), &e.owner, TextKind::Name)
                .or_else(|| text(at("reason"), &e.reason, TextKind::Remark))
                .or_else(|| text(at("note"), &e.note, TextKind::Note))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_alone_is_no_work_but_any_answer_or_note_is() {
        let mut a = Assessment::new("Acme", "Ann");
        assert!(!a.has_work());
        a.set_note("precondition.coe", "CoE since May");
        assert!(a.has_work());
        a.set_note("precondition.coe", "");
        a.set_answer("precondition.coe.training_owner", Some(Answer::NotSure));
        assert!(a.has_work());
    }

    #[test]
    fn the_first_place_over_a_limit_is_named() {
        let mut a = Assessment::new("Acme", "");
        assert_eq!(over_limit(&a), None);
        a.notes.insert("precondition.coe".into(), "x".repeat(4_001));
        assert_eq!(
            over_limit(&a),
            Some(OverLimit {
                path: "assessment.notes[\"precondition.coe\"]".into(),
                what: "an evidence note",
                count: 4_001,
                max: 4_000
            })
        );
    }
}
