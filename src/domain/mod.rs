//! The pure domain: the KOOM Deployment Readiness Layer v1.0 as data, an assessment's
//! answers, and the evaluation that produces every verdict, reason and next action.
//!
//! Nothing here imports leptos, web-sys, gloo or wasm-bindgen; it is tested natively.
//!
//! One path per item: the modules are private and everything public is re-exported here, so
//! callers write `domain::Verdict`, `domain::PRECONDITIONS`, `domain::evaluate`.
//!
//! The rooms, by concern, each folder importing only those below it: `model/` (the seed's
//! items as data, answers, an assessment, limits, the example), `rules/` (every rule: the
//! verdict, the sequence and its gate, stability, progress, the plan, the stage, comparison),
//! `team/` (a team view: respondents, the conservative merge, tallies, its evaluation),
//! `formats/` (JSON, CSV, iCalendar, the record stack and its records, files, share links,
//! pasted links, the generated documents) and `reports/` (the report of an assessment and of a
//! team view, the badge and the reminders made from it);
//! `route.rs` (the app's addresses) stands alone.
#![deny(missing_docs)]

mod formats;
mod language;
mod model;
mod reports;
mod route;
mod rules;
mod team;

pub use formats::codec::FieldError;
pub use formats::csv::{
    answers_csv, csv_file_name, csv_text, plan_csv, team_matrix_csv, ANONYMOUS_IN_MATRIX,
    ANSWERS_COLUMNS, CSV_BOM, PLAN_COLUMNS, TEAM_MATRIX_COLUMNS,
};
pub use formats::doc::{model_json, model_markdown};
pub use formats::file::{
    decode_file, decode_file_bytes, encode_file, file_name, unknown_ids, FileError, FileKind,
    FILE_FORMAT, FILE_FORMAT_VERSION, MAX_FILE_BYTES, TEAM_FILE_FORMAT, TEAM_FILE_FORMAT_VERSION,
};
pub use formats::ics::{ics_text, CalendarEvent, ICS_LINE_OCTETS, ICS_MIME};
pub use formats::issue_link::{new_issue_link, ISSUE_LABEL, MAX_ISSUE_LINK, SHORTENED};
pub use formats::json::{parse as parse_json, Json, JsonError, JsonErrorKind};
pub use formats::mend::{mend_share_link, parse_address};
pub use formats::pasted::{pasted_links, PastedLink, PastedLinkError};
pub use formats::qr::{
    join_link, join_problem, qr_code, JoinProblem, QrCode, QrError, QR_DENSE_MODULES, QR_MAX_BYTES,
    QR_QUIET_ZONE,
};
pub use formats::records::{
    assessment_label, decode_saved, decode_session, display_name, encode_saved, encode_session,
    load_library, migrate_assessment, migrate_v1, page_title, write_session, LoadedLibrary,
    SavedAssessment, Session, LEGACY_CURRENT_KEY, RECORD_PREFIX, SCHEMA_VERSION, SESSION_KEY,
};
pub use formats::repository::{
    record_key, KeyValue, Loaded, MemoryStore, Problem, Record, RecordError, RecordStore,
    StorageError, BACKUP_PREFIX, PREFIX,
};
pub use formats::share::{
    decode_share, encode_share, seal_share_bytes, share_payload_bytes, share_text_block, Deflate,
    ShareEnvelope, ShareError, ShareOptions, SharedAssessment, SHARE_FORMAT_VERSION,
};
pub use formats::team_file::{
    decode_any_file, decode_newer_saved_team, decode_saved_team, decode_team_file,
    encode_saved_team, encode_team_file, team_file_name, ImportedFile, SavedTeam, TEAM_PREFIX,
    TEAM_RECORD_KIND, TEAM_SCHEMA_VERSION,
};
pub use language::{
    choose, placeholders, speak, text_key, texts, tr, trf, Catalogue, Language, LanguageChoice,
    LanguageSource, TagError, Texts, Translations, UnknownRequest, FRENCH, FRENCH_TRANSLATIONS,
    GERMAN, GERMAN_TRANSLATIONS, SPANISH, SPANISH_TRANSLATIONS,
};
pub use model::answer::{Answer, Finding, Observation};
pub use model::assessment::{
    over_limit, AlignmentCycle, Assessment, PilotIteration, PilotRecord, Round,
};
pub use model::evidence::{
    evidence_link, is_evidence_link, EvidenceDetails, EvidenceError, EvidenceField,
    MAX_EVIDENCE_LINK,
};
pub use model::example::{raccoons_inc, RACCOONS_INC};
pub use model::items::{
    all_questions, checklist_item, end_sentence, item, number_word, question, readiness_questions,
    step, ChecklistItem, Completion, Contradiction, DeploymentStep, GateCriterion, GreenFlag,
    MaturityRequirement, ModelItem, Precondition, Question, RedFlag, Rule, SeedSection,
    StabilitySign, StepId, COE_CREATION, CONTRADICTIONS, DEPLOYMENT_STEPS, EXAMPLE_SECTION,
    EXECUTIVE_EDUCATION, FULL_DEPLOYMENT, FULL_DEPLOYMENT_STEP, GATE_CRITERIA, GREEN_FLAGS,
    GREEN_FLAGS_SECTION, IMPROVEMENT_CYCLE, MANAGER_TRAINING, MATURITY_REQUIREMENTS,
    MATURITY_SECTION, MODEL_VERSION, PILOT, PILOT_DEPARTMENT_ITEM, PILOT_EVALUATION_ITEM,
    PILOT_POLITICS_QUESTION, PILOT_STEP, PRECONDITIONS, PRECONDITIONS_SECTION, RED_FLAGS,
    RED_FLAGS_SECTION, RULES, RULE_AFTER_DEPLOYMENT, RULE_CHECKS, RULE_GATE,
    RULE_GREEN_FLAG_CAUTION, RULE_NOT_SURE, RULE_ORDER, RULE_ROLL_BACK, RULE_TEAM,
    RULE_TEAM_AGREEMENT, RULE_WITHIN_TWO_CYCLES, SEQUENCE_SECTION, STABILITY_CYCLE_LIMIT,
    STABILITY_SECTION, STABILITY_SIGNS, VERSIONING_SECTION, WORKER_ONBOARDING,
};
pub use model::limits::{
    bounded, capitalised, group_thousands, paste_overflow, uncapitalised, OverLimit, TextKind,
    MAX_CYCLES, MAX_ITERATIONS, MAX_ROUNDS,
};
pub use model::plan_entry::{is_iso_date, PlanEntry, PlanStatus};
pub use model::respondent::{RespondentToken, RESPONDENT_TOKEN_BYTES};
pub use model::round::RoundError;
pub use model::seed::{seed_blocks, SeedBlock, SEED_TEXT};
pub use model::tracker::{Tracker, TrackerError, TrackerKind, MAX_TRACKER_ADDRESS};
pub use reports::badge::{
    badge_alt, badge_value, status_badge_svg, status_block_html, status_block_markdown, BADGE_FILE,
    BADGE_LABEL,
};
pub use reports::reminders::{
    plan_reminders, reminder_file_name, PlanReminders, Reminder, ReminderError,
};
pub use reports::report::{
    carried_sentence, feedback_intro, iteration_line, markdown, markdown_cell, markdown_line,
    markdown_text, AnswerRow, AnswerTable, DiagnosisLine, FeedbackLine, IterationRecord,
    ReasonLine, Report, SignCell, SignRow, StepLine, ITERATIONS_TITLE, NO_FEEDBACK,
};
pub use reports::team_report::{
    team_markdown, AgendaLine, DisagreementRow, TeamReport, AGREED_BESIDE_CONSERVATIVE,
    ANSWER_COLUMNS, NOTHING_TO_DISCUSS, NO_DISAGREEMENT, TEAM_VERDICT_RULE,
};
pub use route::{CompareAddressError, Page, Route, Source, MAX_COMPARED, MIN_COMPARED};
pub use rules::compare::{
    compare, compared_names, Comparison, ItemDifference, SectionDifferences, SideAnswer,
    SideSummary,
};
pub use rules::evaluation::{evaluate, feedback, Evaluation, Feedback};
pub use rules::plan::{edit_plan, plan, plan_counts, Cause, PlanEdit, PlanError, PlanItem};
pub use rules::progress::{Progress, SectionProgress};
pub use rules::readiness::{
    evaluate as evaluate_readiness, Caution, Inconsistency, OpenGroup, Readiness, Reason,
    ReasonKind, Verdict, AUDIT_GREEN_FLAG, CAUTION_BELOW,
};
pub use rules::rounds::{
    round_assessment, round_changes, rounds_summary, timeline, Direction, ItemChange, ItemState,
    RoundStanding, RoundsSummary, NO_ITEM_CHANGED,
};
pub use rules::sequence::{
    can_change, gate as gate_outcome, item_done, migrate_iteration, record_pilot_iteration,
    retrain_steps, retrainable_steps, set_item_done, set_retrained, suggested_retraining,
    undo_pilot_iteration, GateOutcome, LockReason, Retraining, Sequence, SequenceError,
    SequenceState, StepState, StepStatus,
};
pub use rules::stability::{limit_cycle_over, suspects, CycleCounts, Diagnosis, Health, Stability};
pub use rules::stage::{Next, Place, Stage, Tone, GATE_ANCHOR, READY_HOLDS, READY_UNDER_WAY};
pub use team::{
    evaluate_team, merge, AgendaItem, AgendaKind, Agreed, Agreement, AgreementError, AnswerCount,
    Consensus, Dissent, DissentRecorded, Evidence, ItemTally, Joined, Respondent, Team, TeamError,
    TeamEvaluation, TeamReason, ANONYMITY_MIN, MAX_DISSENT, MAX_RESPONDENTS,
};
