//! The frozen id tables of share-link format 1 (model 1.0) and the header's flags: a position
//! in a table is what a link stores.

// ---- Frozen id tables: format 1, model 1.0 ----------------------------------------------
//
// A position in a table is what a link stores. Never reorder, remove or insert: a table may
// only be replaced by a new one for a new model version (with its own header value), and this
// one kept for reading old links. A test checks they equal the model's ids of today.

/// The model version the tables below belong to, as it appears in the header.
pub(super) const TABLE_MODEL: (u32, u32) = (1, 0);

/// Every question (`all_questions()` order): its answer is 2 bits.
pub(super) const QUESTIONS: [&str; 37] = [
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
pub(super) const TICKABLE_CHECKLIST: [&str; 22] = [
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
pub(super) const GATE: [&str; 6] = [
    "step.full_deployment.drift_decreased",
    "step.full_deployment.throughput_stabilised",
    "step.full_deployment.variance_dropped",
    "step.full_deployment.managers_aligned",
    "step.full_deployment.executives_in_lane",
    "step.full_deployment.coe_functioning",
];

/// The deployment steps, in sequence order.
pub(super) const STEPS: [&str; 6] = [
    "step.executive_education",
    "step.manager_training",
    "step.coe",
    "step.worker_onboarding",
    "step.pilot",
    "step.full_deployment",
];

/// The stability signs.
pub(super) const SIGNS: [&str; 10] = [
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
pub(super) const NOTE_ITEMS: [&str; 88] = [
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
pub(super) const FLAG_NOTES: u8 = 0b001;
/// The text block is raw DEFLATE; its inflated length precedes it.
pub(super) const FLAG_DEFLATED: u8 = 0b010;
/// One zero byte ends the content, so that the payload's byte length is never a multiple of 3.
pub(super) const FLAG_PADDED: u8 = 0b100;
/// Every flag format 1 knows.
pub(super) const KNOWN_FLAGS: u8 = FLAG_NOTES | FLAG_DEFLATED | FLAG_PADDED;
/// Format 2: a respondent token (8 bytes) follows the made-on date.
pub(super) const FLAG_RESPONDENT: u8 = 0b1000;
/// Every flag format 2 knows.
pub(super) const KNOWN_FLAGS_2: u8 = KNOWN_FLAGS | FLAG_RESPONDENT;

/// Format 3: with notes, each item's evidence details (who, when, a link, review-by).
pub(super) const FLAG_EVIDENCE: u8 = 0b1_0000;
/// Every flag format 3 knows.
pub(super) const KNOWN_FLAGS_3: u8 = KNOWN_FLAGS_2 | FLAG_EVIDENCE;

/// The newest share-link format this app writes and reads: format 3, for a link with notes
/// whose items carry evidence details (format 2 and those details; the token is optional). It
/// reads every format up to this one; a link without evidence details is written in format 2
/// with a respondent token and in format 1 without, byte for byte as before, so older apps
/// open it.
pub const SHARE_FORMAT_VERSION: u8 = 3;
/// The format of a link with a respondent token and no evidence details.
pub(super) const FORMAT_WITH_TOKEN: u8 = 2;
/// The format of a link without a respondent token or evidence details.
pub(super) const FORMAT_WITHOUT_TOKEN: u8 = 1;
