//! Share links: a whole assessment in a compact, URL-safe, checksummed payload that the app puts
//! in the URL fragment (`#/s/<payload>`), so it never reaches a server log. The format is
//! described byte by byte in `docs/share-link.md`.
//!
//! Decoding has two phases because the text block may be compressed with raw DEFLATE, and the
//! browser's compressor (`CompressionStream('deflate-raw')`) is asynchronous and outside the
//! domain: [`decode_share`] checks everything it can (alphabet, length, checksum, versions,
//! structure) and returns a [`ShareEnvelope`]; when [`ShareEnvelope::needs_inflate`], the caller
//! inflates [`ShareEnvelope::text_block`] and hands the result to [`ShareEnvelope::finish`].
//! Encoding takes the compressor as an optional function; [`share_text_block`] gives the bytes
//! it will be asked to compress, so an asynchronous compressor can run first.
//!
//! Items are addressed by their position in frozen id tables (format 1, model 1.0), never by
//! the model's current lists: a later model cannot silently shift them. Ids the tables do not
//! have (an assessment may hold any string key) are dropped when encoding; `unknown_ids` names
//! them beforehand.

use std::collections::BTreeMap;
use std::fmt;

use super::answer::{Answer, Observation};
use super::assessment::{AlignmentCycle, Assessment, PilotIteration};

/// The share-link format version this app writes. It reads every format up to this one.
pub const SHARE_FORMAT_VERSION: u8 = 1;

// ---- Frozen id tables: format 1, model 1.0 ----------------------------------------------
//
// A position in a table is what a link stores. Never reorder, remove or insert: a table may
// only be replaced by a new one for a new model version (with its own header value), and this
// one kept for reading old links. A test checks they equal the model's ids of today.

/// The model version the tables below belong to, as it appears in the header.
const TABLE_MODEL: (u32, u32) = (1, 0);

/// Every question (`all_questions()` order): its answer is 2 bits.
const QUESTIONS: [&str; 37] = [
    "precondition.executives.micromanaging_workers",
    "precondition.executives.bypassing_managers",
    "precondition.executives.redesigning_workflows",
    "precondition.executives.direct_orders_outside_spine",
    "precondition.managers.inventing_workflows",
    "precondition.managers.ignoring_coe",
    "precondition.workers.figuring_it_out",
    "precondition.workers.adding_micro_steps",
    "precondition.workers.bypassing_sops",
    "precondition.ai_bounded.magic_shortcut",
    "precondition.coe.workflows_owner",
    "precondition.coe.standards_owner",
    "precondition.coe.training_owner",
    "precondition.coe.templates_owner",
    "precondition.coe.quality_systems_owner",
    "maturity.truth.metrics_not_weapons",
    "maturity.truth.audit_uncensored",
    "maturity.truth.variance_visible",
    "maturity.early_escalation.blockers_raised_early",
    "maturity.predictability.structure_accepted",
    "maturity.predictability.cadence_kept",
    "maturity.predictability.no_chaos_leadership",
    "red_flag.no_time_for_structure",
    "red_flag.benefits_not_boundaries",
    "green_flag.executives_value_clarity",
    "green_flag.managers_value_structure",
    "green_flag.workers_follow_sop",
    "green_flag.coe_empowered",
    "green_flag.audit_accepted_as_truth",
    "green_flag.predictable_throughput",
    "step.pilot.free_of_politics",
    "step.full_deployment.drift_decreased",
    "step.full_deployment.throughput_stabilised",
    "step.full_deployment.variance_dropped",
    "step.full_deployment.managers_aligned",
    "step.full_deployment.executives_in_lane",
    "step.full_deployment.coe_functioning",
];

/// The checklist items the user ticks, in sequence order (the pilot's "department chosen" is
/// not ticked: it is done when the department is named): 1 bit each.
const TICKABLE_CHECKLIST: [&str; 22] = [
    "step.executive_education.role_boundaries",
    "step.executive_education.constraint_setting",
    "step.executive_education.priority_stability",
    "step.executive_education.alignment_cycles",
    "step.manager_training.interpretation_rules",
    "step.manager_training.escalation_discipline",
    "step.manager_training.validation_structure",
    "step.manager_training.communication_clarity",
    "step.coe.design_workflows",
    "step.coe.enforce_standards",
    "step.coe.manage_change_cycles",
    "step.coe.support_training",
    "step.coe.guard_ai_boundaries",
    "step.worker_onboarding.escalation_not_improvisation",
    "step.worker_onboarding.execution_not_interpretation",
    "step.worker_onboarding.ai_sandbox",
    "step.pilot.role_boundaries",
    "step.pilot.sops",
    "step.pilot.audit_cadence",
    "step.pilot.metrics",
    "step.pilot.alignment_cycle",
    "step.pilot.real_world_evaluated",
];

/// The full-deployment gate's criteria.
const GATE: [&str; 6] = [
    "step.full_deployment.drift_decreased",
    "step.full_deployment.throughput_stabilised",
    "step.full_deployment.variance_dropped",
    "step.full_deployment.managers_aligned",
    "step.full_deployment.executives_in_lane",
    "step.full_deployment.coe_functioning",
];

/// The deployment steps, in sequence order.
const STEPS: [&str; 6] = [
    "step.executive_education",
    "step.manager_training",
    "step.coe",
    "step.worker_onboarding",
    "step.pilot",
    "step.full_deployment",
];

/// The stability signs.
const SIGNS: [&str; 10] = [
    "stability.lower_variance",
    "stability.faster_blocker_removal",
    "stability.reduced_rework",
    "stability.increased_predictability",
    "stability.clearer_communication",
    "stability.fewer_political_disputes",
    "stability.less_fire_fighting",
    "stability.better_alignment",
    "stability.cleaner_workflows",
    "stability.fewer_hero_failures",
];

/// Every item a note or an "unclear" remark can be attached to: preconditions, maturity
/// requirements, red flags, green flags, steps, checklist items, stability signs, then the
/// questions not listed yet.
const NOTE_ITEMS: [&str; 88] = [
    "precondition.executives",
    "precondition.managers",
    "precondition.workers",
    "precondition.ai_bounded",
    "precondition.coe",
    "maturity.truth",
    "maturity.early_escalation",
    "maturity.predictability",
    "red_flag.no_time_for_structure",
    "red_flag.benefits_not_boundaries",
    "red_flag.executives_issue_tasks_directly",
    "red_flag.managers_rewrite_workflows",
    "red_flag.workers_improvise",
    "red_flag.ai_universal_shortcut",
    "green_flag.executives_value_clarity",
    "green_flag.managers_value_structure",
    "green_flag.workers_follow_sop",
    "green_flag.coe_empowered",
    "green_flag.audit_accepted_as_truth",
    "green_flag.predictable_throughput",
    "step.executive_education",
    "step.manager_training",
    "step.coe",
    "step.worker_onboarding",
    "step.pilot",
    "step.full_deployment",
    "step.executive_education.role_boundaries",
    "step.executive_education.constraint_setting",
    "step.executive_education.priority_stability",
    "step.executive_education.alignment_cycles",
    "step.manager_training.interpretation_rules",
    "step.manager_training.escalation_discipline",
    "step.manager_training.validation_structure",
    "step.manager_training.communication_clarity",
    "step.coe.design_workflows",
    "step.coe.enforce_standards",
    "step.coe.manage_change_cycles",
    "step.coe.support_training",
    "step.coe.guard_ai_boundaries",
    "step.worker_onboarding.escalation_not_improvisation",
    "step.worker_onboarding.execution_not_interpretation",
    "step.worker_onboarding.ai_sandbox",
    "step.pilot.department_chosen",
    "step.pilot.role_boundaries",
    "step.pilot.sops",
    "step.pilot.audit_cadence",
    "step.pilot.metrics",
    "step.pilot.alignment_cycle",
    "step.pilot.real_world_evaluated",
    "stability.lower_variance",
    "stability.faster_blocker_removal",
    "stability.reduced_rework",
    "stability.increased_predictability",
    "stability.clearer_communication",
    "stability.fewer_political_disputes",
    "stability.less_fire_fighting",
    "stability.better_alignment",
    "stability.cleaner_workflows",
    "stability.fewer_hero_failures",
    "precondition.executives.micromanaging_workers",
    "precondition.executives.bypassing_managers",
    "precondition.executives.redesigning_workflows",
    "precondition.executives.direct_orders_outside_spine",
    "precondition.managers.inventing_workflows",
    "precondition.managers.ignoring_coe",
    "precondition.workers.figuring_it_out",
    "precondition.workers.adding_micro_steps",
    "precondition.workers.bypassing_sops",
    "precondition.ai_bounded.magic_shortcut",
    "precondition.coe.workflows_owner",
    "precondition.coe.standards_owner",
    "precondition.coe.training_owner",
    "precondition.coe.templates_owner",
    "precondition.coe.quality_systems_owner",
    "maturity.truth.metrics_not_weapons",
    "maturity.truth.audit_uncensored",
    "maturity.truth.variance_visible",
    "maturity.early_escalation.blockers_raised_early",
    "maturity.predictability.structure_accepted",
    "maturity.predictability.cadence_kept",
    "maturity.predictability.no_chaos_leadership",
    "step.pilot.free_of_politics",
    "step.full_deployment.drift_decreased",
    "step.full_deployment.throughput_stabilised",
    "step.full_deployment.variance_dropped",
    "step.full_deployment.managers_aligned",
    "step.full_deployment.executives_in_lane",
    "step.full_deployment.coe_functioning",
];

// ---- Header flags -----------------------------------------------------------------------

/// Notes, "unclear" remarks and cycle notes are included.
const FLAG_NOTES: u8 = 0b001;
/// The text block is raw DEFLATE; its inflated length precedes it.
const FLAG_DEFLATED: u8 = 0b010;
/// One zero byte ends the content, so that the payload's byte length is never a multiple of 3.
const FLAG_PADDED: u8 = 0b100;
/// Every flag format 1 knows.
const KNOWN_FLAGS: u8 = FLAG_NOTES | FLAG_DEFLATED | FLAG_PADDED;

/// The largest varint (4 bytes of 7 bits): any count, length or day number fits.
const MAX_VARINT_BYTES: usize = 4;

// ---- Public API -------------------------------------------------------------------------

/// What a share link should carry beyond the answers and records.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ShareOptions {
    /// Whether the notes travel too: evidence notes, "unclear" remarks and the notes of each
    /// alignment cycle. Without them these are empty when the link is opened.
    pub notes: bool,
    /// The day the link is made, as an ISO date (`2026-11-24`), shown as "shared on …".
    pub made_on: String,
}

/// An assessment opened from a share link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedAssessment {
    /// The assessment the link carries (its notes are empty unless `includes_notes`).
    pub assessment: Assessment,
    /// The day the link was made (ISO date), for "shared on …"; empty if it was not given.
    pub made_on: String,
    /// Whether the link carries the notes ([`ShareOptions::notes`]).
    pub includes_notes: bool,
    /// The share-link format version the link was written in.
    pub format_version: u8,
    /// The KOOM model version the answers were given against (`1.0`).
    pub model_version: String,
}

/// Why a share link could not be opened. Every message tells the user which case it is and
/// that nothing was loaded or changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    /// There is no payload at all.
    Empty,
    /// The payload has characters a share link never has: it is not a share link.
    NotAShareLink,
    /// The payload is shorter than its header says: the link was cut off.
    Truncated,
    /// The checksum does not match: a character was changed, or the link was cut and re-joined.
    Altered,
    /// The link was written in a newer share-link format by a newer version of the app.
    NewerFormat {
        /// The link's format version.
        version: u8,
    },
    /// The answers were given against a KOOM model version this app does not implement.
    UnknownModel {
        /// The link's model version.
        model_version: String,
    },
    /// The checksum is right but the content is not a valid assessment (a faulty tool made it).
    Damaged,
    /// The compressed text could not be inflated.
    NotInflatable,
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const NOTHING: &str = "Nothing was loaded or changed.";
        match self {
            ShareError::Empty => write!(
                f,
                "This share link is empty: it carries no assessment. {NOTHING}"
            ),
            ShareError::NotAShareLink => write!(
                f,
                "This is not a KOOM Readiness share link: it contains characters a share link never has (a share link has only letters, digits, “-” and “_”). {NOTHING}"
            ),
            ShareError::Truncated => write!(
                f,
                "This share link is incomplete: it is shorter than it says, probably cut off when it was copied or sent. Ask for the whole link again. {NOTHING}"
            ),
            ShareError::Altered => write!(
                f,
                "This share link was altered: its checksum does not match, so a character was changed, or the link was cut and re-joined. Ask for the link again. {NOTHING}"
            ),
            ShareError::NewerFormat { version } => write!(
                f,
                "This share link was made by a newer version of KOOM Readiness (link format {version}; this version reads format {SHARE_FORMAT_VERSION}). Update the app to open it. {NOTHING}"
            ),
            ShareError::UnknownModel { model_version } => write!(
                f,
                "This share link answers KOOM Deployment Readiness Layer v{model_version}; this app implements v{}.{}, so it cannot read its answers. {NOTHING}",
                TABLE_MODEL.0, TABLE_MODEL.1
            ),
            ShareError::Damaged => write!(
                f,
                "This share link is damaged: its checksum is right but its content is not a valid assessment (was it made by another tool?). {NOTHING}"
            ),
            ShareError::NotInflatable => write!(
                f,
                "The names and notes in this share link are compressed and could not be unpacked. {NOTHING}"
            ),
        }
    }
}

impl std::error::Error for ShareError {}

/// A raw-DEFLATE compressor for [`encode_share`]: the bytes in, raw DEFLATE (RFC 1951, no
/// zlib or gzip header) out, as `CompressionStream('deflate-raw')` writes it.
pub type Deflate<'a> = &'a dyn Fn(&[u8]) -> Vec<u8>;

/// The bytes of the text block the encoder would write for this assessment and these options
/// (names, the pilot's evaluations and, with notes, every note and remark), before compression.
/// An asynchronous compressor (the browser's `CompressionStream('deflate-raw')`) compresses
/// these first; its result is then handed to [`encode_share`] through `deflate`.
pub fn share_text_block(a: &Assessment, options: &ShareOptions) -> Vec<u8> {
    text_block(&texts(a, options.notes))
}

/// Writes an assessment as a share-link payload: only `A–Z a–z 0–9 - _`, never ending with `-`
/// or `_`, ready to follow `#/s/` in a URL.
///
/// `deflate`, when given, compresses the text block with raw DEFLATE; the compressed block is
/// stored (and flagged) only when that makes the payload shorter. It must return valid raw
/// DEFLATE of its input: the link cannot be opened otherwise.
///
/// What is not carried: ids the frozen tables of format 1 do not have (see `unknown_ids`),
/// and the assessment's `model_version`: the link is written against model 1.0, the one this
/// app implements. Without [`ShareOptions::notes`], notes, "unclear" remarks and cycle notes.
/// (Lengths are varints of at most 28 bits: a text of 256 MiB or more makes a link that does
/// not open; a URL could not hold it anyway.)
pub fn encode_share(a: &Assessment, options: ShareOptions, deflate: Option<Deflate<'_>>) -> String {
    let texts = texts(a, options.notes);
    let raw = text_block(&texts);

    let mut content = Vec::new();
    put_varint(&mut content, TABLE_MODEL.0);
    put_varint(&mut content, TABLE_MODEL.1);
    let flags_at = content.len();
    content.push(0);
    put_date(&mut content, &options.made_on);
    put_structure(&mut content, a, options.notes);

    let mut flags = if options.notes { FLAG_NOTES } else { 0 };
    let compressed = deflate
        .filter(|_| !raw.is_empty())
        .map(|deflate| deflate(&raw))
        .filter(|packed| packed.len() + varint_len(raw.len()) < raw.len());
    match compressed {
        Some(packed) => {
            flags |= FLAG_DEFLATED;
            put_varint(&mut content, u32::try_from(raw.len()).unwrap_or(u32::MAX));
            content.extend_from_slice(&packed);
        }
        None => content.extend_from_slice(&raw),
    }
    let (padded, _) = frame(content.len());
    if padded {
        flags |= FLAG_PADDED;
        content.push(0);
    }
    content[flags_at] = flags;

    let mut bytes = vec![SHARE_FORMAT_VERSION];
    put_varint(
        &mut bytes,
        u32::try_from(content.len() + 4).unwrap_or(u32::MAX),
    );
    bytes.extend_from_slice(&content);
    seal_share_bytes(&bytes)
}

/// The payload of these bytes (format version, length, content): their CRC-32 appended, the
/// whole written in base64url (`docs/share-link.md`, "Checksum" and "Alphabet"). Nothing else
/// is checked or added: [`encode_share`] seals what it wrote with it. For tools and tests that
/// build a payload byte by byte, such as one whose content is damaged but whose checksum is
/// right (what [`decode_share`] then reports as [`ShareError::Damaged`]).
pub fn seal_share_bytes(bytes: &[u8]) -> String {
    let mut sealed = Vec::with_capacity(bytes.len() + 4);
    sealed.extend_from_slice(bytes);
    sealed.extend_from_slice(&crc32(bytes).to_be_bytes());
    base64_encode(&sealed)
}

/// The bytes a payload's characters stand for, its CRC-32 included: strict base64url, the
/// reverse of [`seal_share_bytes`]. `None` when a character is outside the alphabet, the
/// length is one no byte string has, or the last character's unused bits are set. Nothing
/// else is checked (opening a link is [`decode_share`]): for tools and tests that read a
/// payload byte by byte.
pub fn share_payload_bytes(payload: &str) -> Option<Vec<u8>> {
    base64_decode(payload.as_bytes())
}

/// Reads a share-link payload (what follows `#/s/`, without any `/<view>` after it) and checks
/// everything that can be checked before the text is inflated: alphabet, length, checksum,
/// format and model versions, structure. Never panics.
pub fn decode_share(payload: &str) -> Result<ShareEnvelope, ShareError> {
    let chars = payload.as_bytes();
    if chars.is_empty() {
        return Err(ShareError::Empty);
    }
    if !chars.iter().all(|&c| sextet(c).is_some()) {
        return Err(ShareError::NotAShareLink);
    }

    // The envelope (every format keeps it): version byte, length varint, …, CRC-32.
    let head = base64_prefix(&chars[..chars.len().min(8)]);
    let mut header = Reader::new(head.get(1..).unwrap_or_default());
    let rest = match header.varint_raw() {
        VarintRead::Value(v) => v as usize,
        VarintRead::Incomplete => return Err(ShareError::Truncated),
        VarintRead::Invalid => return Err(ShareError::Altered),
    };
    let total = 1 + header.pos + rest;
    if total.is_multiple_of(3) || rest < 4 {
        return Err(ShareError::Altered);
    }
    let expected = base64_len(total);
    if chars.len() < expected {
        return Err(ShareError::Truncated);
    }
    if chars.len() > expected {
        return Err(ShareError::Altered);
    }
    let bytes = base64_decode(chars).ok_or(ShareError::Altered)?;
    let (body, crc) = bytes.split_at(total - 4);
    if crc32(body).to_be_bytes() != crc {
        return Err(ShareError::Altered);
    }

    let version = body[0];
    if version > SHARE_FORMAT_VERSION {
        return Err(ShareError::NewerFormat { version });
    }
    if version == 0 {
        return Err(ShareError::Damaged);
    }
    read_content(&body[1 + header.pos..], total, version)
}

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

// ---- Content ----------------------------------------------------------------------------

/// Where a string of the text block goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    Organisation,
    Assessor,
    Department,
    Evaluation,
    IterationEvaluation(usize),
    Note(&'static str),
    Unclear(&'static str),
    CycleNote(usize, &'static str),
}

/// The texts in text-block order (the structure fixes which and how many).
fn texts(a: &Assessment, notes: bool) -> Vec<&str> {
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
    }
    t
}

fn text_block(texts: &[&str]) -> Vec<u8> {
    let mut out = Vec::new();
    for t in texts {
        put_text(&mut out, t);
    }
    out
}

/// The entries of `map` whose key is in `table`, with their positions, in table order.
fn known<'a, V>(
    table: &'static [&'static str],
    map: &'a BTreeMap<String, V>,
) -> impl Iterator<Item = (usize, &'a V)> {
    table
        .iter()
        .enumerate()
        .filter_map(move |(i, id)| map.get(*id).map(|v| (i, v)))
}

fn put_structure(out: &mut Vec<u8>, a: &Assessment, notes: bool) {
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
    }
}

/// A list of ids as their table positions (unknown ids dropped), order and repeats kept.
fn put_positions(out: &mut Vec<u8>, table: &[&str], ids: &[String]) {
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
fn put_index_set(out: &mut Vec<u8>, positions: impl Iterator<Item = usize>) {
    let positions: Vec<usize> = positions.collect();
    put_count(out, positions.len());
    for p in positions {
        put_count(out, p);
    }
}

fn answer_code(answer: Option<Answer>) -> u8 {
    match answer {
        None => 0,
        Some(Answer::Yes) => 1,
        Some(Answer::No) => 2,
        Some(Answer::NotSure) => 3,
    }
}

fn answer_of(code: u8) -> Option<Answer> {
    match code {
        1 => Some(Answer::Yes),
        2 => Some(Answer::No),
        3 => Some(Answer::NotSure),
        _ => None,
    }
}

fn observation_code(observation: Option<Observation>) -> u8 {
    match observation {
        None => 0,
        Some(Observation::Seen) => 1,
        Some(Observation::NotSeen) => 2,
        Some(Observation::NotSure) => 3,
    }
}

fn observation_of(code: u8) -> Option<Observation> {
    match code {
        1 => Some(Observation::Seen),
        2 => Some(Observation::NotSeen),
        3 => Some(Observation::NotSure),
        _ => None,
    }
}

/// Reads the content of a format-1 payload (after the length field, before the CRC).
fn read_content(content: &[u8], total: usize, version: u8) -> Result<ShareEnvelope, ShareError> {
    let mut r = Reader::new(content);
    let major = r.varint()?;
    let minor = r.varint()?;
    if (major, minor) != TABLE_MODEL {
        return Err(ShareError::UnknownModel {
            model_version: format!("{major}.{minor}"),
        });
    }
    let flags = r.byte()?;
    if flags & !KNOWN_FLAGS != 0 {
        return Err(ShareError::Damaged);
    }
    let made_on = r.date()?;
    let includes_notes = flags & FLAG_NOTES != 0;
    let (assessment, slots) = read_structure(&mut r, includes_notes)?;
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
fn read_structure(
    r: &mut Reader<'_>,
    includes_notes: bool,
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
    }
    Ok((a, slots))
}

/// Puts each text of the text block in its slot; the block must hold exactly these texts.
fn fill(a: &mut Assessment, slots: &[Slot], block: &[u8]) -> Result<(), ShareError> {
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
        }
    }
    if r.rest().is_empty() {
        Ok(())
    } else {
        Err(ShareError::Damaged)
    }
}

// ---- Envelope -----------------------------------------------------------------------------

/// Whether the content (without padding) needs the padding byte, and the payload's byte
/// length: version byte, length varint, content, CRC-32; never a multiple of 3.
fn frame(content_len: usize) -> (bool, usize) {
    let total = |rest: usize| 1 + varint_len(rest) + rest;
    let rest = content_len + 4;
    if !total(rest).is_multiple_of(3) {
        (false, total(rest))
    } else {
        (true, total(rest + 1))
    }
}

/// CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320), bit by bit: no table in the wasm.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = (crc >> 1) ^ (0xEDB8_8320 & (crc & 1).wrapping_neg());
        }
    }
    !crc
}

// ---- Base64url (RFC 4648 §5), no padding, canonical -------------------------------------

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn sextet(c: u8) -> Option<u8> {
    match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'-' => Some(62),
        b'_' => Some(63),
        _ => None,
    }
}

/// Characters for `n` bytes.
fn base64_len(n: usize) -> usize {
    n / 3 * 4 + [0, 2, 3][n % 3]
}

fn base64_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(base64_len(bytes.len()));
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for k in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * k)) as usize & 63]));
        }
    }
    out
}

/// Strict decoding: only a length a canonical encoding can have, and zero unused bits in the
/// last character (otherwise two payloads would decode to the same bytes).
fn base64_decode(chars: &[u8]) -> Option<Vec<u8>> {
    if chars.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(chars.len() * 3 / 4);
    for chunk in chars.chunks(4) {
        let mut n = 0u32;
        for (k, &c) in chunk.iter().enumerate() {
            n |= u32::from(sextet(c)?) << (18 - 6 * k);
        }
        let bytes = n.to_be_bytes();
        let keep = chunk.len() - 1;
        let unused = match keep {
            1 => n & 0xFFFF,
            2 => n & 0xFF,
            _ => 0,
        };
        if unused != 0 {
            return None;
        }
        out.extend_from_slice(&bytes[1..=keep]);
    }
    Some(out)
}

/// The whole bytes the leading characters hold (the header of a possibly cut payload).
fn base64_prefix(chars: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let (mut acc, mut bits) = (0u32, 0u32);
    for &c in chars {
        acc = (acc << 6) | u32::from(sextet(c).unwrap_or(0));
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    out
}

// ---- Bytes: varints, texts, dates, bit groups --------------------------------------------

fn varint_len(value: usize) -> usize {
    let mut n = 1;
    let mut v = value >> 7;
    while v != 0 {
        n += 1;
        v >>= 7;
    }
    n
}

/// LEB128: 7 bits a byte, low bits first, the high bit set on every byte but the last.
fn put_varint(out: &mut Vec<u8>, mut value: u32) {
    while value >= 0x80 {
        out.push((value as u8 & 0x7F) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

fn put_count(out: &mut Vec<u8>, n: usize) {
    put_varint(out, u32::try_from(n).unwrap_or(u32::MAX));
}

fn put_text(out: &mut Vec<u8>, text: &str) {
    put_count(out, text.len());
    out.extend_from_slice(text.as_bytes());
}

/// Days from 1970-01-01 to 2000-01-01, the origin of day numbers.
const DAY_2000: i64 = 10_957;
/// Day number of 9999-12-31, the last date written as a number.
const LAST_DAY: i64 = 2_921_939;

/// A date field: 0 = empty; 1 = a text follows (anything that is not a canonical ISO date
/// from 2000-01-01 to 9999-12-31); n ≥ 2 = the day n − 2 after 2000-01-01.
fn put_date(out: &mut Vec<u8>, date: &str) {
    if date.is_empty() {
        put_varint(out, 0);
    } else if let Some(day) = day_number(date) {
        put_varint(out, (day + 2) as u32);
    } else {
        put_varint(out, 1);
        put_text(out, date);
    }
}

/// Days since 2000-01-01 of a canonical ISO date (`2026-11-24`) from 2000 to 9999.
fn day_number(date: &str) -> Option<i64> {
    let b = date.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| -> Option<i64> {
        b[range].iter().try_fold(0i64, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + i64::from(c - b'0'))
        })
    };
    let (y, m, d) = (number(0..4)?, number(5..7)?, number(8..10)?);
    if y < 2000 || !(1..=12).contains(&m) || d < 1 || d > days_in_month(y, m) {
        return None;
    }
    Some(days_from_civil(y, m, d) - DAY_2000)
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 (H. Hinnant's `days_from_civil`).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The ISO date of a day since 1970-01-01 (H. Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Fixed-width codes packed low bits first into whole bytes.
#[derive(Default)]
struct BitWriter {
    bytes: Vec<u8>,
    used: usize,
}

impl BitWriter {
    fn put(&mut self, value: u8, width: usize) {
        for k in 0..width {
            if self.used.is_multiple_of(8) {
                self.bytes.push(0);
            }
            if (value >> k) & 1 == 1 {
                if let Some(last) = self.bytes.last_mut() {
                    *last |= 1 << (self.used % 8);
                }
            }
            self.used += 1;
        }
    }
}

struct BitReader<'a> {
    bytes: &'a [u8],
    used: usize,
}

impl BitReader<'_> {
    fn take(&mut self, width: usize) -> u8 {
        let mut value = 0;
        for k in 0..width {
            let byte = self.bytes.get(self.used / 8).copied().unwrap_or(0);
            value |= ((byte >> (self.used % 8)) & 1) << k;
            self.used += 1;
        }
        value
    }

    /// The unused bits of the last byte must be zero.
    fn finish(self) -> Result<(), ShareError> {
        let rest = self.bytes.len() * 8 - self.used;
        match self.bytes.last() {
            Some(last) if rest > 0 && last >> (8 - rest) != 0 => Err(ShareError::Damaged),
            _ => Ok(()),
        }
    }
}

enum VarintRead {
    Value(u32),
    Incomplete,
    Invalid,
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes, pos: 0 }
    }

    fn rest(&mut self) -> &'a [u8] {
        let rest = &self.bytes[self.pos..];
        self.pos = self.bytes.len();
        rest
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], ShareError> {
        let end = self.pos.checked_add(n).ok_or(ShareError::Damaged)?;
        let slice = self.bytes.get(self.pos..end).ok_or(ShareError::Damaged)?;
        self.pos = end;
        Ok(slice)
    }

    fn byte(&mut self) -> Result<u8, ShareError> {
        Ok(self.take(1)?[0])
    }

    /// A canonical varint of at most [`MAX_VARINT_BYTES`] bytes.
    fn varint_raw(&mut self) -> VarintRead {
        let mut value = 0u32;
        for k in 0..MAX_VARINT_BYTES {
            let Some(&b) = self.bytes.get(self.pos + k) else {
                return VarintRead::Incomplete;
            };
            value |= u32::from(b & 0x7F) << (7 * k);
            if b & 0x80 == 0 {
                if k > 0 && b == 0 {
                    return VarintRead::Invalid;
                }
                self.pos += k + 1;
                return VarintRead::Value(value);
            }
        }
        VarintRead::Invalid
    }

    fn varint(&mut self) -> Result<u32, ShareError> {
        match self.varint_raw() {
            VarintRead::Value(v) => Ok(v),
            _ => Err(ShareError::Damaged),
        }
    }

    /// A count of things that each take at least one byte: never more than the bytes left.
    fn count(&mut self) -> Result<usize, ShareError> {
        let n = self.varint()? as usize;
        if n > self.bytes.len() - self.pos {
            return Err(ShareError::Damaged);
        }
        Ok(n)
    }

    fn text(&mut self) -> Result<String, ShareError> {
        let n = self.varint()? as usize;
        let bytes = self.take(n)?;
        String::from_utf8(bytes.to_vec()).map_err(|_| ShareError::Damaged)
    }

    fn date(&mut self) -> Result<String, ShareError> {
        match i64::from(self.varint()?) {
            0 => Ok(String::new()),
            1 => {
                let text = self.text()?;
                // A canonical date or an empty one would have been written as a number.
                if text.is_empty() || day_number(&text).is_some() {
                    return Err(ShareError::Damaged);
                }
                Ok(text)
            }
            n if n - 2 <= LAST_DAY => Ok(civil_from_days(n - 2 + DAY_2000)),
            _ => Err(ShareError::Damaged),
        }
    }

    fn bits(&mut self, width: usize) -> Result<BitReader<'a>, ShareError> {
        Ok(BitReader {
            bytes: self.take(width.div_ceil(8))?,
            used: 0,
        })
    }

    /// A list of table positions, order and repeats kept.
    fn positions(&mut self, table: &[&str]) -> Result<Vec<String>, ShareError> {
        let mut ids = Vec::new();
        for _ in 0..self.count()? {
            let id = table
                .get(self.varint()? as usize)
                .ok_or(ShareError::Damaged)?;
            ids.push(id.to_string());
        }
        Ok(ids)
    }

    /// Strictly ascending table positions.
    fn index_set(
        &mut self,
        table: &'static [&'static str],
    ) -> Result<Vec<&'static str>, ShareError> {
        let mut ids = Vec::new();
        let mut next = 0;
        for _ in 0..self.count()? {
            let p = self.varint()? as usize;
            if p < next {
                return Err(ShareError::Damaged);
            }
            ids.push(*table.get(p).ok_or(ShareError::Damaged)?);
            next = p + 1;
        }
        Ok(ids)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::{
        all_questions, item, Completion, DEPLOYMENT_STEPS, GATE_CRITERIA, GREEN_FLAGS,
        MATURITY_REQUIREMENTS, MODEL_VERSION, PRECONDITIONS, RED_FLAGS, STABILITY_SIGNS,
    };

    const TODAY: &str = "2026-11-24";

    fn options(notes: bool) -> ShareOptions {
        ShareOptions {
            notes,
            made_on: TODAY.to_string(),
        }
    }

    /// A payload with any version byte and content, with a good length and checksum (and, for
    /// format 1, the padding byte and flag when the length needs them).
    fn seal(version: u8, mut content: Vec<u8>) -> String {
        if frame(content.len()).0 {
            if version == 1 && content.len() > 2 {
                content[2] |= FLAG_PADDED;
            }
            content.push(0);
        }
        seal_as_is(version, content)
    }

    /// A payload with this content exactly; its length must not be a multiple of 3.
    fn seal_as_is(version: u8, content: Vec<u8>) -> String {
        let mut bytes = vec![version];
        put_count(&mut bytes, content.len() + 4);
        bytes.extend_from_slice(&content);
        seal_share_bytes(&bytes)
    }

    /// Format-1 content for a blank assessment with these flags and this text block.
    fn content(flags: u8, tail: &[u8]) -> Vec<u8> {
        let mut c = vec![1, 0, flags, 0];
        put_structure(&mut c, &Assessment::default(), flags & FLAG_NOTES != 0);
        c.extend_from_slice(tail);
        c
    }

    #[test]
    fn the_frozen_tables_are_the_ids_of_model_1_0() {
        const HOW: &str = "the share-link tables of format 1 are frozen for model 1.0: a new model version needs new tables (and a new header value), keeping these to read old links";
        assert_eq!(MODEL_VERSION, "1.0", "{HOW}");
        let questions: Vec<&str> = all_questions().map(|q| q.id).collect();
        assert_eq!(QUESTIONS.as_slice(), questions, "{HOW}");
        let tickable: Vec<&str> = DEPLOYMENT_STEPS
            .iter()
            .flat_map(|s| s.checklist)
            .filter(|c| c.completion == Completion::Ticked)
            .map(|c| c.id)
            .collect();
        assert_eq!(TICKABLE_CHECKLIST.as_slice(), tickable, "{HOW}");
        let gate: Vec<&str> = GATE_CRITERIA.iter().map(|c| c.id).collect();
        assert_eq!(GATE.as_slice(), gate, "{HOW}");
        let steps: Vec<&str> = DEPLOYMENT_STEPS.iter().map(|s| s.id).collect();
        assert_eq!(STEPS.as_slice(), steps, "{HOW}");
        let signs: Vec<&str> = STABILITY_SIGNS.iter().map(|s| s.id).collect();
        assert_eq!(SIGNS.as_slice(), signs, "{HOW}");

        let mut items: Vec<&str> = PRECONDITIONS.iter().map(|p| p.id).collect();
        items.extend(MATURITY_REQUIREMENTS.iter().map(|m| m.id));
        items.extend(RED_FLAGS.iter().map(|f| f.id));
        items.extend(GREEN_FLAGS.iter().map(|g| g.id));
        items.extend(steps);
        items.extend(
            DEPLOYMENT_STEPS
                .iter()
                .flat_map(|s| s.checklist)
                .map(|c| c.id),
        );
        items.extend(signs);
        for q in questions {
            if !items.contains(&q) {
                items.push(q);
            }
        }
        assert_eq!(NOTE_ITEMS.as_slice(), items, "{HOW}");
        assert!(NOTE_ITEMS.iter().all(|id| item(id).is_some()));
    }

    #[test]
    fn crc32_is_the_ieee_one() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn a_sealed_payload_reads_back_as_its_bytes_and_their_checksum() {
        let payload = encode_share(&Assessment::new("Acme", "Ann"), options(true), None);
        let bytes = share_payload_bytes(&payload).unwrap();
        let (body, crc) = bytes.split_at(bytes.len() - 4);
        assert_eq!(crc, crc32(body).to_be_bytes());
        assert_eq!(seal_share_bytes(body), payload);
        assert_eq!(seal_share_bytes(b"123456789"), "MTIzNDU2Nzg5y_Q5Jg");
        assert_eq!(share_payload_bytes("#/s/"), None);
        assert_eq!(share_payload_bytes("QR"), None);
    }

    #[test]
    fn base64url_is_canonical() {
        for bytes in [&b""[..], b"f", b"fo", b"foo", b"foob", b"\xff\xfe\xfd\xfc"] {
            let text = base64_encode(bytes);
            assert_eq!(text.len(), base64_len(bytes.len()));
            assert_eq!(base64_decode(text.as_bytes()).as_deref(), Some(bytes));
        }
        assert_eq!(base64_encode(b"\xfb\xff"), "-_8");
        // The unused bits of the last character must be zero.
        assert_eq!(base64_decode(b"QQ"), Some(vec![0x41]));
        assert_eq!(base64_decode(b"QR"), None);
        assert_eq!(base64_decode(b"QUE"), Some(vec![0x41, 0x41]));
        assert_eq!(base64_decode(b"QUF"), None);
        assert_eq!(base64_decode(b"QUFBQ"), None);
        assert_eq!(base64_prefix(b"QUFB"), b"AAA");
        assert_eq!(base64_prefix(b"QUF"), b"AA");
    }

    #[test]
    fn dates_are_day_numbers_from_2000_to_9999() {
        assert_eq!(day_number("2000-01-01"), Some(0));
        assert_eq!(day_number("2026-11-24"), Some(9824));
        assert_eq!(day_number("9999-12-31"), Some(LAST_DAY));
        assert_eq!(day_number("2024-02-29"), Some(8825));
        for not_a_day in [
            "1999-12-31",
            "2026-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-04-31",
            "2026-1-01",
            "2026-01-01 ",
            "2026/01/01",
            "２０２６-01-01",
            "",
        ] {
            assert_eq!(day_number(not_a_day), None, "{not_a_day}");
        }
        for day in (0..=LAST_DAY).step_by(997).chain([LAST_DAY]) {
            let date = civil_from_days(day + DAY_2000);
            assert_eq!(day_number(&date), Some(day), "{date}");
        }
        let mut out = Vec::new();
        for date in ["", "2026-11-24", "last Tuesday", "1999-12-31"] {
            put_date(&mut out, date);
        }
        let mut r = Reader::new(&out);
        for date in ["", "2026-11-24", "last Tuesday", "1999-12-31"] {
            assert_eq!(r.date().as_deref(), Ok(date));
        }
    }

    #[test]
    fn varints_are_canonical_and_at_most_4_bytes() {
        for v in [0u32, 1, 127, 128, 300, 16_383, 16_384, (1 << 28) - 1] {
            let mut out = Vec::new();
            put_varint(&mut out, v);
            assert_eq!(out.len(), varint_len(v as usize));
            assert_eq!(Reader::new(&out).varint(), Ok(v));
        }
        for bad in [&[0x80, 0x00][..], &[0xFF, 0xFF, 0xFF, 0xFF, 0x01], &[0x80]] {
            assert_eq!(Reader::new(bad).varint(), Err(ShareError::Damaged));
        }
    }

    #[test]
    fn the_payload_never_has_a_length_that_is_a_multiple_of_3() {
        for n in 0..2000 {
            let (padded, total) = frame(n);
            assert!(!total.is_multiple_of(3));
            assert_eq!(
                total,
                1 + varint_len(n + usize::from(padded) + 4) + n + usize::from(padded) + 4
            );
        }
    }

    #[test]
    fn every_error_says_which_case_and_that_nothing_changed() {
        let cases = [
            (ShareError::Empty, "This share link is empty: it carries no assessment. Nothing was loaded or changed."),
            (ShareError::NotAShareLink, "This is not a KOOM Readiness share link: it contains characters a share link never has (a share link has only letters, digits, “-” and “_”). Nothing was loaded or changed."),
            (ShareError::Truncated, "This share link is incomplete: it is shorter than it says, probably cut off when it was copied or sent. Ask for the whole link again. Nothing was loaded or changed."),
            (ShareError::Altered, "This share link was altered: its checksum does not match, so a character was changed, or the link was cut and re-joined. Ask for the link again. Nothing was loaded or changed."),
            (ShareError::NewerFormat { version: 2 }, "This share link was made by a newer version of KOOM Readiness (link format 2; this version reads format 1). Update the app to open it. Nothing was loaded or changed."),
            (ShareError::UnknownModel { model_version: "2.1".into() }, "This share link answers KOOM Deployment Readiness Layer v2.1; this app implements v1.0, so it cannot read its answers. Nothing was loaded or changed."),
            (ShareError::Damaged, "This share link is damaged: its checksum is right but its content is not a valid assessment (was it made by another tool?). Nothing was loaded or changed."),
            (ShareError::NotInflatable, "The names and notes in this share link are compressed and could not be unpacked. Nothing was loaded or changed."),
        ];
        for (error, message) in cases {
            assert_eq!(error.to_string(), message);
        }
    }

    #[test]
    fn an_empty_payload_is_empty() {
        assert_eq!(decode_share(""), Err(ShareError::Empty));
    }

    #[test]
    fn characters_outside_the_alphabet_are_not_a_share_link() {
        let good = encode_share(&Assessment::new("Acme", ""), options(false), None);
        for bad in [
            "#/s/",
            "hello world",
            "abc%20",
            "a/b",
            "a.b",
            "a=b",
            "é",
            "AAAA?x",
            " AAAA",
        ] {
            assert_eq!(decode_share(bad), Err(ShareError::NotAShareLink), "{bad}");
        }
        assert_eq!(
            decode_share(&format!("#/s/{good}")),
            Err(ShareError::NotAShareLink)
        );
        assert_eq!(
            decode_share(&format!("{good}\n")),
            Err(ShareError::NotAShareLink)
        );
    }

    #[test]
    fn a_cut_payload_is_truncated_and_a_longer_one_altered() {
        let good = encode_share(&Assessment::new("Acme", "Ann"), options(true), None);
        for k in 1..good.len() {
            assert_eq!(decode_share(&good[..k]), Err(ShareError::Truncated), "{k}");
        }
        assert_eq!(decode_share(&format!("{good}A")), Err(ShareError::Altered));
        assert_eq!(
            decode_share(&format!("{good}{good}")),
            Err(ShareError::Altered)
        );
    }

    #[test]
    fn a_changed_character_is_altered() {
        let good = encode_share(&Assessment::new("Acme", "Ann"), options(true), None);
        let mut changed = good.clone().into_bytes();
        let middle = changed.len() / 2;
        changed[middle] = if changed[middle] == b'x' { b'y' } else { b'x' };
        let changed = String::from_utf8(changed).unwrap();
        assert_eq!(decode_share(&changed), Err(ShareError::Altered));
    }

    #[test]
    fn a_newer_format_is_refused_by_name() {
        let payload = seal(2, vec![7; 40]);
        assert_eq!(
            decode_share(&payload),
            Err(ShareError::NewerFormat { version: 2 })
        );
        assert_eq!(
            decode_share(&seal(255, Vec::new())),
            Err(ShareError::NewerFormat { version: 255 })
        );
        assert_eq!(
            decode_share(&seal(0, content(0, &[0; 4]))),
            Err(ShareError::Damaged)
        );
    }

    #[test]
    fn another_model_version_is_named() {
        let mut c = content(0, &[0; 4]);
        c[0] = 2;
        c[1] = 1;
        assert_eq!(
            decode_share(&seal(1, c)),
            Err(ShareError::UnknownModel {
                model_version: "2.1".into()
            })
        );
        let mut c = vec![];
        put_varint(&mut c, 1);
        put_varint(&mut c, 300);
        c.push(0);
        assert_eq!(
            decode_share(&seal_as_is(1, c)),
            Err(ShareError::UnknownModel {
                model_version: "1.300".into()
            })
        );
    }

    #[test]
    fn a_well_sealed_but_invalid_content_is_damaged() {
        // The blank assessment, as sealed by `seal`, opens: the cases below differ from it in one way.
        let blank = decode_share(&seal(1, content(0, &[0; 4])))
            .and_then(|e| e.finish(None))
            .map(|s| s.assessment);
        assert_eq!(blank, Ok(Assessment::default()));

        let unknown_flag = content(0b1000, &[0; 4]);
        let missing_text = content(0, &[0; 3]);
        let extra_text = content(0, &[0; 5]);
        let not_utf8 = content(0, &[2, 0xC3, 0x28, 0, 0, 0]);
        // A cycle's 20 bits of signs take 3 bytes; the last 4 bits are unused.
        let mut unused_bits = vec![1, 0, 0, 0];
        let mut one_cycle = Assessment::default();
        one_cycle.add_cycle();
        put_structure(&mut unused_bits, &one_cycle, false);
        assert_eq!(unused_bits.len(), 4 + 12 + 1 + 1 + 3);
        unused_bits[20] = 0x10;
        unused_bits.extend_from_slice(&[0; 4]);
        // A flagged padding byte the length did not need, and a needed one not flagged.
        let (mut needless_pad, mut unflagged_pad) = (content(0, &[0; 4]), content(0, &[0; 4]));
        while frame(needless_pad.len()).0 || frame(needless_pad.len() + 1).1.is_multiple_of(3) {
            needless_pad.push(0);
            needless_pad.insert(4, 0); // one more empty text
        }
        needless_pad[2] |= FLAG_PADDED;
        needless_pad.push(0);
        while !frame(unflagged_pad.len()).0 {
            unflagged_pad.push(0);
            unflagged_pad.insert(4, 0);
        }
        unflagged_pad.push(0);
        let bad_pads = [needless_pad, unflagged_pad].map(|c| {
            let mut bytes = vec![1];
            put_count(&mut bytes, c.len() + 4);
            assert!(!(bytes.len() + c.len() + 4).is_multiple_of(3));
            seal_as_is(1, c)
        });
        let deflated_without_text = content(FLAG_DEFLATED, &[5]);
        let mut too_far_a_date = vec![1, 0, 0];
        put_varint(&mut too_far_a_date, (LAST_DAY + 3) as u32);
        put_structure(&mut too_far_a_date, &Assessment::default(), false);
        too_far_a_date.extend_from_slice(&[0; 4]);
        let mut text_date_that_is_a_day = vec![1, 0, 0, 1];
        put_text(&mut text_date_that_is_a_day, TODAY);
        put_structure(&mut text_date_that_is_a_day, &Assessment::default(), false);
        text_date_that_is_a_day.extend_from_slice(&[0; 4]);
        for (name, c) in [
            ("unknown flag", unknown_flag),
            ("missing text", missing_text),
            ("extra text", extra_text),
            ("not UTF-8", not_utf8),
            ("unused bits set", unused_bits),
            ("deflated without text", deflated_without_text),
            ("date past 9999", too_far_a_date),
            ("a day written as text", text_date_that_is_a_day),
            ("nothing", vec![]),
        ] {
            let result = decode_share(&seal(1, c)).and_then(|e| e.finish(None));
            assert_eq!(result, Err(ShareError::Damaged), "{name}");
        }
        for payload in bad_pads {
            let result = decode_share(&payload).and_then(|e| e.finish(None));
            assert_eq!(result, Err(ShareError::Damaged), "{payload}");
        }
    }

    #[test]
    fn text_that_cannot_be_inflated_is_reported() {
        let mut a = Assessment::new("Acme", "");
        a.pilot.evaluation = "the pilot went well; ".repeat(20);
        let deflate = |b: &[u8]| miniz_oxide::deflate::compress_to_vec(b, 6);
        let payload = encode_share(&a, options(false), Some(&deflate));
        let envelope = decode_share(&payload).unwrap();
        assert!(envelope.needs_inflate());
        let raw = share_text_block(&a, &options(false));
        assert_eq!(envelope.inflated_len(), Some(raw.len()));
        assert_eq!(
            envelope.clone().finish(None),
            Err(ShareError::NotInflatable)
        );
        assert_eq!(
            envelope.clone().finish(Some(raw[1..].to_vec())),
            Err(ShareError::NotInflatable)
        );
        let inflated = miniz_oxide::inflate::decompress_to_vec(envelope.text_block()).unwrap();
        assert_eq!(inflated, raw);
        assert_eq!(envelope.finish(Some(inflated)).unwrap().assessment, a);
    }

    #[test]
    fn deflate_is_used_only_when_it_makes_the_link_shorter() {
        let a = Assessment::new("Acme", "");
        let grow = |b: &[u8]| [b, b].concat();
        let payload = encode_share(&a, options(false), Some(&grow));
        assert_eq!(payload, encode_share(&a, options(false), None));
        assert!(!decode_share(&payload).unwrap().needs_inflate());
    }

    #[test]
    fn ids_outside_the_frozen_tables_are_dropped() {
        let mut a = Assessment::new("Acme", "");
        a.set_answer("precondition.executives.telepathy", Some(Answer::No));
        a.set_answer("precondition.coe.training_owner", Some(Answer::Yes));
        a.checklist.insert("step.pilot.department_chosen".into());
        a.checklist.insert("step.coe.support_training".into());
        a.set_note("nowhere", "lost");
        a.set_note(
            "step.pilot.department_chosen",
            "kept: a note may name any item",
        );
        a.set_unclear("nowhere", Some("lost"));
        a.pilot_iterations.push(PilotIteration {
            failed_criteria: vec!["step.full_deployment.drift_decreased".into(), "x".into()],
            retrain: vec!["y".into(), "step.pilot".into()],
            ..PilotIteration::default()
        });
        a.add_cycle();
        a.set_observation(0, "stability.happiness", Some(Observation::Seen));
        a.set_observation_note(0, "stability.happiness", "lost");
        a.model_version = "0.9".into();

        let shared = decode_share(&encode_share(&a, options(true), None))
            .and_then(|e| e.finish(None))
            .unwrap();
        let mut expected = Assessment::new("Acme", "");
        expected.set_answer("precondition.coe.training_owner", Some(Answer::Yes));
        expected
            .checklist
            .insert("step.coe.support_training".into());
        expected.set_note(
            "step.pilot.department_chosen",
            "kept: a note may name any item",
        );
        expected.pilot_iterations.push(PilotIteration {
            failed_criteria: vec!["step.full_deployment.drift_decreased".into()],
            retrain: vec!["step.pilot".into()],
            ..PilotIteration::default()
        });
        expected.add_cycle();
        assert_eq!(shared.assessment, expected);
        assert_eq!(shared.model_version, "1.0");
    }

    #[test]
    fn the_envelope_reports_what_the_link_says() {
        let shared = decode_share(&encode_share(&Assessment::default(), options(true), None))
            .and_then(|e| e.finish(None))
            .unwrap();
        assert_eq!(
            shared,
            SharedAssessment {
                assessment: Assessment::default(),
                made_on: TODAY.into(),
                includes_notes: true,
                format_version: 1,
                model_version: "1.0".into(),
            }
        );
        let undated = ShareOptions::default();
        let shared = decode_share(&encode_share(&Assessment::default(), undated, None))
            .and_then(|e| e.finish(None))
            .unwrap();
        assert_eq!(shared.made_on, "");
        assert!(!shared.includes_notes);
    }
}
