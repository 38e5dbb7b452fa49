//! The content of a share link: the assessment's structure (answers, checklist, pilot,
//! iterations, cycles) in bit groups and positions of the frozen tables, then its texts; and the
//! envelope a decoded link waits in until its texts are inflated.

use std::collections::BTreeMap;

use super::bytes::*;
use super::tables::*;
use super::types::{ShareError, SharedAssessment};
use crate::domain::model::answer::{Answer, Observation};
use crate::domain::model::assessment::{AlignmentCycle, Assessment, PilotIteration};
use crate::domain::model::evidence::{is_evidence_link, EvidenceDetails};
use crate::domain::model::plan_entry::is_iso_date;
use crate::domain::model::respondent::{RespondentToken, RESPONDENT_TOKEN_BYTES};

/// A share link whose envelope, checksum, versions and structure are good; its text may still
/// need inflating. See [`decode_share`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShareEnvelope {
    text_block: Vec<u8>,
    stage: Stage,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Stage {
    /// The text block was raw: the assessment is complete.
    Complete(Box<SharedAssessment>),
    /// The text block is deflated; the skeleton waits for its texts.
    Deflated {
        skeleton: Box<SharedAssessment>,
        slots: Vec<Slot>,
        inflated_len: usize,
    },
}

impl ShareEnvelope {
    /// Whether the text block is raw DEFLATE that the caller must inflate before
    /// [`ShareEnvelope::finish`].
    pub fn needs_inflate(&self) -> bool {
        matches!(self.stage, Stage::Deflated { .. })
    }

    /// The text block as the link carries it: raw DEFLATE when
    /// [`ShareEnvelope::needs_inflate`], otherwise the texts themselves.
    pub fn text_block(&self) -> &[u8] {
        &self.text_block
    }

    /// The exact length the inflated text block must have, when it needs inflating: stop an
    /// inflater that produces more.
    pub fn inflated_len(&self) -> Option<usize> {
        match &self.stage {
            Stage::Deflated { inflated_len, .. } => Some(*inflated_len),
            Stage::Complete(_) => None,
        }
    }

    /// Completes the assessment. `inflated` is the inflated text block when
    /// [`ShareEnvelope::needs_inflate`] (`None` if inflating failed); otherwise it is ignored.
    pub fn finish(self, inflated: Option<Vec<u8>>) -> Result<SharedAssessment, ShareError> {
        match self.stage {
            Stage::Complete(shared) => Ok(*shared),
            Stage::Deflated {
                skeleton,
                slots,
                inflated_len,
            } => {
                let text = inflated
                    .filter(|t| t.len() == inflated_len)
                    .ok_or(ShareError::NotInflatable)?;
                let mut shared = *skeleton;
                fill(&mut shared.assessment, &slots, &text)?;
                Ok(shared)
            }
        }
    }
}

/// Where a string of the text block goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Slot {
    Organisation,
    Assessor,
    Department,
    Evaluation,
    IterationEvaluation(usize),
    Note(&'static str),
    Unclear(&'static str),
    CycleNote(usize, &'static str),
    EvidenceWho(&'static str),
    EvidenceLink(&'static str),
}

/// The texts in text-block order (the structure fixes which and how many).
pub(super) fn texts(a: &Assessment, notes: bool) -> Vec<&str> {
    let mut t = vec![
        a.organisation.as_str(),
        a.assessor.as_str(),
        a.pilot.department.as_str(),
        a.pilot.evaluation.as_str(),
    ];
    t.extend(a.pilot_iterations.iter().map(|i| i.evaluation.as_str()));
    if notes {
        t.extend(known(&NOTE_ITEMS, &a.notes).map(|(_, s)| s.as_str()));
        t.extend(known(&NOTE_ITEMS, &a.unclear).map(|(_, s)| s.as_str()));
        for c in &a.cycles {
            t.extend(known(&SIGNS, &c.notes).map(|(_, s)| s.as_str()));
        }
        for (_, e) in known(&NOTE_ITEMS, &a.evidence) {
            t.push(e.who.as_str());
            t.push(e.link.as_str());
        }
    }
    t
}

/// Whether a link carries evidence details (format 3): only with notes, and only when an item
/// the tables know has some.
pub(super) fn carries_evidence(a: &Assessment, notes: bool) -> bool {
    notes && known(&NOTE_ITEMS, &a.evidence).next().is_some()
}

pub(super) fn text_block(texts: &[&str]) -> Vec<u8> {
    let mut out = Vec::new();
    for t in texts {
        put_text(&mut out, t);
    }
    out
}

/// The entries of `map` whose key is in `table`, with their positions, in table order.
pub(super) fn known<'a, V>(
    table: &'static [&'static str],
    map: &'a BTreeMap<String, V>,
) -> impl Iterator<Item = (usize, &'a V)> {
    table
        .iter()
        .enumerate()
        .filter_map(move |(i, id)| map.get(*id).map(|v| (i, v)))
}

pub(super) fn put_structure(out: &mut Vec<u8>, a: &Assessment, notes: bool) {
    let mut bits = BitWriter::default();
    for id in QUESTIONS {
        bits.put(answer_code(a.answers.get(id).copied()), 2);
    }
    for id in TICKABLE_CHECKLIST {
        bits.put(u8::from(a.checklist.contains(id)), 1);
    }
    out.extend_from_slice(&bits.bytes);

    put_count(out, a.pilot_iterations.len());
    for it in &a.pilot_iterations {
        put_date(out, &it.date);
        put_positions(out, &GATE, &it.failed_criteria);
        put_positions(out, &GATE, &it.open_criteria);
        let mut bits = BitWriter::default();
        for id in GATE {
            bits.put(answer_code(it.gate_answers.get(id).copied()), 2);
        }
        out.extend_from_slice(&bits.bytes);
        put_positions(out, &STEPS, &it.retrain);
        let mut bits = BitWriter::default();
        for id in STEPS {
            bits.put(u8::from(it.retrained.contains_key(id)), 1);
        }
        out.extend_from_slice(&bits.bytes);
        for (_, date) in known(&STEPS, &it.retrained) {
            put_date(out, date);
        }
    }

    put_count(out, a.cycles.len());
    for c in &a.cycles {
        let mut bits = BitWriter::default();
        for id in SIGNS {
            bits.put(observation_code(c.signs.get(id).copied()), 2);
        }
        out.extend_from_slice(&bits.bytes);
    }

    if notes {
        put_index_set(out, known(&NOTE_ITEMS, &a.notes).map(|(i, _)| i));
        put_index_set(out, known(&NOTE_ITEMS, &a.unclear).map(|(i, _)| i));
        for c in &a.cycles {
            put_index_set(out, known(&SIGNS, &c.notes).map(|(i, _)| i));
        }
        if carries_evidence(a, notes) {
            put_index_set(out, known(&NOTE_ITEMS, &a.evidence).map(|(i, _)| i));
            for (_, e) in known(&NOTE_ITEMS, &a.evidence) {
                put_date(out, &e.when);
                put_date(out, &e.review_by);
            }
        }
    }
}

/// A list of ids as their table positions (unknown ids dropped), order and repeats kept.
pub(super) fn put_positions(out: &mut Vec<u8>, table: &[&str], ids: &[String]) {
    let positions: Vec<usize> = ids
        .iter()
        .filter_map(|id| table.iter().position(|t| t == id))
        .collect();
    put_count(out, positions.len());
    for p in positions {
        put_count(out, p);
    }
}

/// Ascending table positions: a count, then each position.
pub(super) fn put_index_set(out: &mut Vec<u8>, positions: impl Iterator<Item = usize>) {
    let positions: Vec<usize> = positions.collect();
    put_count(out, positions.len());
    for p in positions {
        put_count(out, p);
    }
}

pub(super) fn answer_code(answer: Option<Answer>) -> u8 {
    match answer {
        None => 0,
        Some(Answer::Yes) => 1,
        Some(Answer::No) => 2,
        Some(Answer::NotSure) => 3,
    }
}

pub(super) fn answer_of(code: u8) -> Option<Answer> {
    match code {
        1 => Some(Answer::Yes),
        2 => Some(Answer::No),
        3 => Some(Answer::NotSure),
        _ => None,
    }
}

pub(super) fn observation_code(observation: Option<Observation>) -> u8 {
    match observation {
        None => 0,
        Some(Observation::Seen) => 1,
        Some(Observation::NotSeen) => 2,
        Some(Observation::NotSure) => 3,
    }
}

pub(super) fn observation_of(code: u8) -> Option<Observation> {
    match code {
        1 => Some(Observation::Seen),
        2 => Some(Observation::NotSeen),
        3 => Some(Observation::NotSure),
        _ => None,
    }
}

/// Reads the content of a format-1 or format-2 payload (after the length field, before the
/// CRC).
pub(super) fn read_content(
    content: &[u8],
    total: usize,
    version: u8,
) -> Result<ShareEnvelope, ShareError> {
    let mut r = Reader::new(content);
    let major = r.varint()?;
    let minor = r.varint()?;
    if (major, minor) != TABLE_MODEL {
        return Err(ShareError::UnknownModel {
            model_version: format!("{major}.{minor}"),
        });
    }
    let flags = r.byte()?;
    let known = match version {
        1 => KNOWN_FLAGS,
        2 => KNOWN_FLAGS_2,
        _ => KNOWN_FLAGS_3,
    };
    if flags & !known != 0 {
        return Err(ShareError::Damaged);
    }
    let made_on = r.date()?;
    let respondent = if flags & FLAG_RESPONDENT != 0 {
        let bytes = r.take(RESPONDENT_TOKEN_BYTES)?;
        Some(RespondentToken::from_bytes(
            bytes.try_into().map_err(|_| ShareError::Damaged)?,
        ))
    } else {
        None
    };
    // Format 2 exists for the token and format 3 for evidence details (which go with notes):
    // a link of either without them is not what this app writes.
    if version == 2 && respondent.is_none() {
        return Err(ShareError::Damaged);
    }
    let includes_notes = flags & FLAG_NOTES != 0;
    let includes_evidence = flags & FLAG_EVIDENCE != 0;
    if version >= 3 && !(includes_notes && includes_evidence) {
        return Err(ShareError::Damaged);
    }
    let (mut assessment, slots) = read_structure(&mut r, includes_notes, includes_evidence)?;
    assessment.respondent = respondent;
    let inflated_len = if flags & FLAG_DEFLATED != 0 {
        Some(r.varint()? as usize)
    } else {
        None
    };
    let mut block = r.rest();
    let padded = flags & FLAG_PADDED != 0;
    if padded {
        match block.split_last() {
            Some((0, before)) => block = before,
            _ => return Err(ShareError::Damaged),
        }
    }
    // The padding is exactly the encoder's: the form of a payload is unique.
    if frame(content.len() - usize::from(padded)) != (padded, total) {
        return Err(ShareError::Damaged);
    }

    let mut shared = SharedAssessment {
        assessment,
        made_on,
        includes_notes,
        format_version: version,
        model_version: format!("{major}.{minor}"),
    };
    let stage = match inflated_len {
        None => {
            fill(&mut shared.assessment, &slots, block)?;
            Stage::Complete(Box::new(shared))
        }
        Some(inflated_len) => {
            // DEFLATE cannot expand data more than 1032 times: a larger claim is not honest.
            if block.is_empty() || inflated_len == 0 || inflated_len > block.len() * 1032 {
                return Err(ShareError::Damaged);
            }
            Stage::Deflated {
                skeleton: Box::new(shared),
                slots,
                inflated_len,
            }
        }
    };
    Ok(ShareEnvelope {
        text_block: block.to_vec(),
        stage,
    })
}

/// The assessment without its texts, and where each text of the text block goes.
pub(super) fn read_structure(
    r: &mut Reader<'_>,
    includes_notes: bool,
    includes_evidence: bool,
) -> Result<(Assessment, Vec<Slot>), ShareError> {
    let mut a = Assessment::default();
    let mut slots = vec![
        Slot::Organisation,
        Slot::Assessor,
        Slot::Department,
        Slot::Evaluation,
    ];

    let mut bits = r.bits(QUESTIONS.len() * 2 + TICKABLE_CHECKLIST.len())?;
    for id in QUESTIONS {
        if let Some(answer) = answer_of(bits.take(2)) {
            a.answers.insert(id.to_string(), answer);
        }
    }
    for id in TICKABLE_CHECKLIST {
        if bits.take(1) == 1 {
            a.checklist.insert(id.to_string());
        }
    }
    bits.finish()?;

    for n in 0..r.count()? {
        let mut it = PilotIteration {
            date: r.date()?,
            failed_criteria: r.positions(&GATE)?,
            open_criteria: r.positions(&GATE)?,
            ..PilotIteration::default()
        };
        let mut bits = r.bits(GATE.len() * 2)?;
        for id in GATE {
            if let Some(answer) = answer_of(bits.take(2)) {
                it.gate_answers.insert(id.to_string(), answer);
            }
        }
        bits.finish()?;
        it.retrain = r.positions(&STEPS)?;
        let mut bits = r.bits(STEPS.len())?;
        let retrained: Vec<&str> = STEPS.into_iter().filter(|_| bits.take(1) == 1).collect();
        bits.finish()?;
        for id in retrained {
            it.retrained.insert(id.to_string(), r.date()?);
        }
        a.pilot_iterations.push(it);
        slots.push(Slot::IterationEvaluation(n));
    }

    for _ in 0..r.count()? {
        let mut c = AlignmentCycle::default();
        let mut bits = r.bits(SIGNS.len() * 2)?;
        for id in SIGNS {
            if let Some(o) = observation_of(bits.take(2)) {
                c.signs.insert(id.to_string(), o);
            }
        }
        bits.finish()?;
        a.cycles.push(c);
    }

    if includes_notes {
        slots.extend(r.index_set(&NOTE_ITEMS)?.into_iter().map(Slot::Note));
        slots.extend(r.index_set(&NOTE_ITEMS)?.into_iter().map(Slot::Unclear));
        for n in 0..a.cycles.len() {
            slots.extend(
                r.index_set(&SIGNS)?
                    .into_iter()
                    .map(|id| Slot::CycleNote(n, id)),
            );
        }
        if includes_evidence {
            let ids = r.index_set(&NOTE_ITEMS)?;
            if ids.is_empty() {
                return Err(ShareError::Damaged);
            }
            for id in ids {
                let (when, review_by) = (r.date()?, r.date()?);
                // Evidence dates are ISO dates: the encoder never writes another text.
                if [&when, &review_by]
                    .iter()
                    .any(|d| !d.is_empty() && !is_iso_date(d))
                {
                    return Err(ShareError::Damaged);
                }
                a.evidence.insert(
                    id.to_string(),
                    EvidenceDetails {
                        when,
                        review_by,
                        ..EvidenceDetails::default()
                    },
                );
                slots.push(Slot::EvidenceWho(id));
                slots.push(Slot::EvidenceLink(id));
            }
        }
    }
    Ok((a, slots))
}

/// Puts each text of the text block in its slot; the block must hold exactly these texts.
pub(super) fn fill(a: &mut Assessment, slots: &[Slot], block: &[u8]) -> Result<(), ShareError> {
    let mut r = Reader::new(block);
    for slot in slots {
        let text = r.text()?;
        match *slot {
            Slot::Organisation => a.organisation = text,
            Slot::Assessor => a.assessor = text,
            Slot::Department => a.pilot.department = text,
            Slot::Evaluation => a.pilot.evaluation = text,
            Slot::IterationEvaluation(n) => {
                let it = a.pilot_iterations.get_mut(n).ok_or(ShareError::Damaged)?;
                it.evaluation = text;
            }
            Slot::Note(id) => {
                a.notes.insert(id.to_string(), text);
            }
            Slot::Unclear(id) => {
                a.unclear.insert(id.to_string(), text);
            }
            Slot::CycleNote(n, id) => {
                let c = a.cycles.get_mut(n).ok_or(ShareError::Damaged)?;
                c.notes.insert(id.to_string(), text);
            }
            Slot::EvidenceWho(id) => {
                a.evidence.entry(id.to_string()).or_default().who = text;
            }
            Slot::EvidenceLink(id) => {
                if !text.is_empty() && !is_evidence_link(&text) {
                    return Err(ShareError::Damaged);
                }
                let e = a.evidence.entry(id.to_string()).or_default();
                e.link = text;
                // The encoder writes only items with some detail.
                if e.is_empty() {
                    return Err(ShareError::Damaged);
                }
            }
        }
    }
    if r.rest().is_empty() {
        Ok(())
    } else {
        Err(ShareError::Damaged)
    }
}
