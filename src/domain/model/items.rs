//! The KOOM Deployment Readiness Layer v1.0 as static data.
//!
//! Every item carries a stable id (ids live in saved assessments and share links: never
//! renumber or reuse one), the seed section it comes from, our wording of it, and where the
//! seed gives them, its consequence and the next action.
//!
//! A fact is asked once: the seed restates some precondition behaviours as red flags, and
//! those red flags point at the precondition's [`Question`] instead of asking it again.

use crate::domain::model::answer::Answer;

/// Version of the KOOM Deployment Readiness Layer this model encodes (from the seed's title).
pub const MODEL_VERSION: &str = "1.0";

/// Ends a sentence with a full stop unless it already ends with one (also inside a closing
/// quote: “… structure.”), a question mark or an exclamation mark.
pub fn end_sentence(text: &str) -> String {
    let trimmed = text.trim_end();
    let last = trimmed
        // Closing quotes of every language's typography (“…” „…“ «…» « … »), and the
        // no-break spaces French puts inside them.
        .trim_end_matches(['”', '’', '"', ')', '“', '»', '\u{a0}', '\u{202f}'])
        .chars()
        .last();
    if matches!(last, Some('.' | '?' | '!')) {
        trimmed.to_string()
    } else {
        format!("{trimmed}.")
    }
}

/// A numbered section of the seed document, used for traceability.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SeedSection(pub u8);

impl SeedSection {
    /// The seed's own heading of this section.
    pub fn title(self) -> &'static str {
        match self.0 {
            1 => tr!("Purpose of the Deployment Readiness Layer"),
            2 => tr!("Required Preconditions for Deployment"),
            3 => tr!("Organizational Maturity Requirements"),
            4 => tr!("Deployment Sequence (Non-Negotiable)"),
            5 => tr!("Red Flags — Deployment Will Fail If These Are Present"),
            6 => tr!("Green Flags — Deployment Will Succeed If These Are Present"),
            7 => tr!("Stability After Deployment"),
            8 => tr!("Raccoons Inc. Example"),
            9 => tr!("Versioning"),
            _ => tr!("Unknown section"),
        }
    }

    /// Short label such as `§2`.
    pub fn label(self) -> String {
        format!("§{}", self.0)
    }
}

/// The seed sections the app turns into questions.
pub const PRECONDITIONS_SECTION: SeedSection = SeedSection(2);
/// Seed section of the maturity requirements.
pub const MATURITY_SECTION: SeedSection = SeedSection(3);
/// Seed section of the deployment sequence.
pub const SEQUENCE_SECTION: SeedSection = SeedSection(4);
/// Seed section of the red flags.
pub const RED_FLAGS_SECTION: SeedSection = SeedSection(5);
/// Seed section of the green flags.
pub const GREEN_FLAGS_SECTION: SeedSection = SeedSection(6);
/// Seed section of the stability signs.
pub const STABILITY_SECTION: SeedSection = SeedSection(7);
/// Seed section of the Raccoons Inc. example.
pub const EXAMPLE_SECTION: SeedSection = SeedSection(8);
/// Seed section of the improvement cycle the "unclear" flags feed.
pub const VERSIONING_SECTION: SeedSection = SeedSection(9);

/// The improvement cycle the model follows (seed §9); "unclear" feedback feeds it.
pub const IMPROVEMENT_CYCLE: [&str; 4] = [
    "Clarify",
    "Simplify",
    "Remove ambiguity",
    "Improve alignment",
];

/// Stable id of a deployment step.
pub type StepId = &'static str;

/// One Yes / No / Not sure question about the organisation.
#[derive(Debug, PartialEq, Eq)]
pub struct Question {
    /// Stable id; the key of its answer in saved data.
    pub id: &'static str,
    /// The question as the user reads it (our words, the seed's terms).
    pub text: &'static str,
    /// The answer that means "this is healthy"; its opposite means a problem is present.
    pub healthy: Answer,
    /// Short name of what the question checks, used in reasons ("executives bypass managers").
    pub finding: &'static str,
    /// What to do when the answer is unhealthy.
    pub action: &'static str,
    /// The deployment step the action points into, where the seed gives one.
    pub step: Option<StepId>,
}

/// One of the five required preconditions (seed §2). Any unhealthy answer = Stop.
#[derive(Debug, PartialEq, Eq)]
pub struct Precondition {
    /// Stable id, such as `precondition.executives`.
    pub id: &'static str,
    /// The seed's number of the condition.
    pub number: u8,
    /// The condition as the seed states it.
    pub title: &'static str,
    /// The seed's consequence when the condition is not true.
    pub consequence: &'static str,
    /// The warning behaviours (or, for the CoE, the areas someone must own).
    pub questions: &'static [&'static Question],
}

/// One of the three cultural capabilities KOOM requires (seed §3).
#[derive(Debug, PartialEq, Eq)]
pub struct MaturityRequirement {
    /// Stable id, such as `maturity.truth`.
    pub id: &'static str,
    /// The seed's number of the requirement.
    pub number: u8,
    /// The requirement as the seed names it.
    pub title: &'static str,
    /// What the seed says happens without it.
    pub consequence: &'static str,
    /// Its facets, each answered separately.
    pub questions: &'static [&'static Question],
}

/// A hard-stop warning (seed §5). Present = Stop.
#[derive(Debug, PartialEq, Eq)]
pub struct RedFlag {
    /// Stable id, such as `red_flag.no_time_for_structure`.
    pub id: &'static str,
    /// The seed's number of the flag.
    pub number: u8,
    /// The sentence as the seed quotes it.
    pub quote: &'static str,
    /// The seed's consequence.
    pub consequence: &'static str,
    /// The question whose unhealthy answer means the flag is present. For red flags 3–6
    /// this is the precondition's own question, so the fact is asked once.
    pub question: &'static Question,
}

impl RedFlag {
    /// Whether this red flag restates a precondition behaviour (its question lives there).
    pub fn is_shared(&self) -> bool {
        !self.question.id.starts_with("red_flag.")
    }

    /// "Red flag 3", as the seed numbers it.
    pub fn kicker(&self) -> String {
        trf!("Red flag {number}", number = self.number)
    }

    /// "Red flag 3 — “Our executives still issue tasks to workers directly.”"
    pub fn label(&self) -> String {
        format!("{} — {}", self.kicker(), tr!(self.quote))
    }
}

impl Precondition {
    /// "Condition 1", as the seed numbers it.
    pub fn kicker(&self) -> String {
        trf!("Condition {number}", number = self.number)
    }

    /// "Condition 1 — Executives agree to respect role boundaries".
    pub fn label(&self) -> String {
        format!("{} — {}", self.kicker(), tr!(self.title))
    }
}

impl MaturityRequirement {
    /// "Requirement 1", as the seed numbers it.
    pub fn kicker(&self) -> String {
        trf!("Requirement {number}", number = self.number)
    }

    /// "Requirement 1 — Willingness to tell the truth".
    pub fn label(&self) -> String {
        format!("{} — {}", self.kicker(), tr!(self.title))
    }
}

/// A success signal (seed §6). Shown beside the verdict, never overrides a blocker.
#[derive(Debug, PartialEq, Eq)]
pub struct GreenFlag {
    /// Stable id, such as `green_flag.executives_value_clarity`.
    pub id: &'static str,
    /// The seed's number of the flag.
    pub number: u8,
    /// The flag as the seed states it.
    pub statement: &'static str,
    /// The seed's gloss of it.
    pub meaning: &'static str,
    /// Its question (Yes = present).
    pub question: &'static Question,
}

impl GreenFlag {
    /// "Green flag 1", as the seed numbers it.
    pub fn kicker(&self) -> String {
        trf!("Green flag {number}", number = self.number)
    }

    /// "Green flag 1 — Executives value clarity over control."
    pub fn label(&self) -> String {
        format!("{} — {}", self.kicker(), tr!(self.statement))
    }
}

/// How a checklist item of the sequence is marked done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Completion {
    /// The user ticks it.
    Ticked,
    /// Done when the pilot department is named.
    PilotDepartmentNamed,
}

/// One thing a deployment step must achieve.
#[derive(Debug, PartialEq, Eq)]
pub struct ChecklistItem {
    /// Stable id, such as `step.executive_education.role_boundaries`.
    pub id: &'static str,
    /// What must be achieved.
    pub text: &'static str,
    /// How it is marked done.
    pub completion: Completion,
}

/// One criterion of the full-deployment gate (seed §4, step 6).
#[derive(Debug, PartialEq, Eq)]
pub struct GateCriterion {
    /// Stable id; it is also the id of its Yes / No / Not sure question.
    pub id: &'static str,
    /// The question asked after the pilot.
    pub question: &'static Question,
    /// The steps to retrain when it fails (our reading of the seed).
    pub retrain: &'static [StepId],
}

/// One step of the non-negotiable deployment sequence (seed §4).
#[derive(Debug, PartialEq, Eq)]
pub struct DeploymentStep {
    /// Stable id, such as `step.executive_education`.
    pub id: StepId,
    /// Position in the sequence, 1 to 6.
    pub number: u8,
    /// The seed's name of the step.
    pub title: &'static str,
    /// Who learns or builds what, in one line.
    pub summary: &'static str,
    /// The seed's warning for this step.
    pub warning: &'static str,
    /// What the step must achieve (empty for step 6, which is its gate).
    pub checklist: &'static [ChecklistItem],
}

impl DeploymentStep {
    /// "Step 1 — Executive Education".
    pub fn label(&self) -> String {
        trf!(
            "Step {number} — {title}",
            number = self.number,
            title = tr!(self.title)
        )
    }

    /// "Step 1: Executives understand role boundaries", for one of its checklist items.
    pub fn item_label(&self, item: &ChecklistItem) -> String {
        trf!(
            "Step {number}: {item}",
            number = self.number,
            item = tr!(item.text)
        )
    }
}

/// One of the ten signs of a stable deployment (seed §7).
#[derive(Debug, PartialEq, Eq)]
pub struct StabilitySign {
    /// Stable id, such as `stability.lower_variance`.
    pub id: &'static str,
    /// The sign as the seed names it.
    pub text: &'static str,
    /// The model items most likely at fault when the sign is missing (our reading).
    pub suspects: &'static [&'static str],
}

/// A pair of answers that cannot both be true.
#[derive(Debug, PartialEq, Eq)]
pub struct Contradiction {
    /// A question whose "Yes" is a claim of health (usually a green flag).
    pub claim: &'static str,
    /// Questions whose unhealthy answer contradicts that claim.
    pub conflicts_with: &'static [&'static str],
}

macro_rules! warning {
    ($id:literal, $text:literal, $finding:literal, $action:literal, $step:expr) => {
        Question {
            id: $id,
            text: $text,
            healthy: Answer::No,
            finding: $finding,
            action: $action,
            step: $step,
        }
    };
}

macro_rules! capability {
    ($id:literal, $text:literal, $finding:literal, $action:literal, $step:expr) => {
        Question {
            id: $id,
            text: $text,
            healthy: Answer::Yes,
            finding: $finding,
            action: $action,
            step: $step,
        }
    };
}

/// Id of step 1, Executive Education.
pub const EXECUTIVE_EDUCATION: StepId = "step.executive_education";
/// Id of step 2, Manager Training.
pub const MANAGER_TRAINING: StepId = "step.manager_training";
/// Id of step 3, CoE Creation or Upgrade.
pub const COE_CREATION: StepId = "step.coe";
/// Id of step 4, Worker Onboarding.
pub const WORKER_ONBOARDING: StepId = "step.worker_onboarding";
/// Id of step 5, Pilot Deployment.
pub const PILOT: StepId = "step.pilot";
/// Id of step 6, Full Deployment (its gate).
pub const FULL_DEPLOYMENT: StepId = "step.full_deployment";

// ---- §2 Preconditions -------------------------------------------------------------------

static EXEC_MICROMANAGING: Question = warning!(
    "precondition.executives.micromanaging_workers",
    "Do executives insist on micromanaging workers?",
    "executives micromanage workers",
    "Hold executive education on role boundaries (step 1) and get each executive's explicit agreement to stay in their lane before anything else.",
    Some(EXECUTIVE_EDUCATION)
);
static EXEC_BYPASSING: Question = warning!(
    "precondition.executives.bypassing_managers",
    "Do executives bypass managers and go straight to their teams?",
    "executives bypass managers",
    "Run executive education on role boundaries (step 1): executives direct through managers, never around them.",
    Some(EXECUTIVE_EDUCATION)
);
static EXEC_REDESIGNING: Question = warning!(
    "precondition.executives.redesigning_workflows",
    "Do executives redesign workflows themselves instead of leaving that to the CoE?",
    "executives redesign workflows themselves",
    "Teach constraint-setting in executive education (step 1): executives set constraints and priorities; the CoE designs workflows.",
    Some(EXECUTIVE_EDUCATION)
);
static EXEC_DIRECT_ORDERS: Question = warning!(
    "precondition.executives.direct_orders_outside_spine",
    "Do executives issue tasks or direct orders to workers outside the spine?",
    "executives issue direct orders to workers outside the spine",
    "Stop the direct orders first: executive education on role boundaries and the spine (step 1), with managers as the only channel to workers.",
    Some(EXECUTIVE_EDUCATION)
);
static MGR_INVENTING: Question = warning!(
    "precondition.managers.inventing_workflows",
    "Do managers invent or rewrite workflows themselves?",
    "managers invent or rewrite workflows themselves",
    "Train managers in interpretation rules (step 2) and route every workflow change through the CoE.",
    Some(MANAGER_TRAINING)
);
static MGR_IGNORING_COE: Question = warning!(
    "precondition.managers.ignoring_coe",
    "Do managers ignore the CoE's workflows and standards?",
    "managers ignore the CoE",
    "Train managers (step 2) that their job is interpretation, not improvisation, and make the CoE's standards binding.",
    Some(MANAGER_TRAINING)
);
static WORKERS_FIGURING_OUT: Question = warning!(
    "precondition.workers.figuring_it_out",
    "When blocked, do workers default to “figuring it out” and improvising instead of escalating?",
    "workers improvise (“figure it out”) instead of escalating",
    "Onboard workers on escalation, not improvisation (step 4), and have managers practise escalation discipline (step 2).",
    Some(WORKER_ONBOARDING)
);
static WORKERS_MICRO_STEPS: Question = warning!(
    "precondition.workers.adding_micro_steps",
    "Do workers add their own micro-steps to the documented process?",
    "workers add micro-steps",
    "Onboard workers on execution, not interpretation (step 4): a missing step is escalated to the CoE, not added locally.",
    Some(WORKER_ONBOARDING)
);
static WORKERS_BYPASSING_SOPS: Question = warning!(
    "precondition.workers.bypassing_sops",
    "Do workers bypass SOPs when they are inconvenient?",
    "workers bypass SOPs",
    "Onboard workers on following the SOP exactly (step 4) and have the CoE fix the SOPs they work around (step 3).",
    Some(WORKER_ONBOARDING)
);
static AI_MAGIC_SHORTCUT: Question = warning!(
    "precondition.ai_bounded.magic_shortcut",
    "Is AI treated as a magic shortcut rather than a tool bounded by each role's layer?",
    "AI is treated as a magic shortcut",
    "Have the CoE set AI boundaries per layer (step 3) and onboard workers on the AI sandbox, not expert substitution (step 4).",
    Some(COE_CREATION)
);
static COE_WORKFLOWS: Question = capability!(
    "precondition.coe.workflows_owner",
    "Does someone own workflows?",
    "no one owns workflows",
    "Name a CoE owner for workflows (step 3). No CoE = No KOOM.",
    Some(COE_CREATION)
);
static COE_STANDARDS: Question = capability!(
    "precondition.coe.standards_owner",
    "Does someone own standards?",
    "no one owns standards",
    "Name a CoE owner for standards (step 3). No CoE = No KOOM.",
    Some(COE_CREATION)
);
static COE_TRAINING: Question = capability!(
    "precondition.coe.training_owner",
    "Does someone own training?",
    "no one owns training",
    "Name a CoE owner for training (step 3). No CoE = No KOOM.",
    Some(COE_CREATION)
);
static COE_TEMPLATES: Question = capability!(
    "precondition.coe.templates_owner",
    "Does someone own templates?",
    "no one owns templates",
    "Name a CoE owner for templates (step 3). No CoE = No KOOM.",
    Some(COE_CREATION)
);
static COE_QUALITY: Question = capability!(
    "precondition.coe.quality_systems_owner",
    "Does someone own quality systems?",
    "no one owns quality systems",
    "Name a CoE owner for quality systems (step 3). No CoE = No KOOM.",
    Some(COE_CREATION)
);

/// The five required preconditions (seed §2), in the seed's order.
pub static PRECONDITIONS: [Precondition; 5] = [
    Precondition {
        id: "precondition.executives",
        number: 1,
        title: "Executives agree to respect role boundaries",
        consequence: "Stop. Deployment will fail.",
        questions: &[
            &EXEC_MICROMANAGING,
            &EXEC_BYPASSING,
            &EXEC_REDESIGNING,
            &EXEC_DIRECT_ORDERS,
        ],
    },
    Precondition {
        id: "precondition.managers",
        number: 2,
        title: "Managers accept that their job is interpretation, not improvisation",
        consequence: "Stop. Deployment will fail.",
        questions: &[&MGR_INVENTING, &MGR_IGNORING_COE],
    },
    Precondition {
        id: "precondition.workers",
        number: 3,
        title: "Workers commit to escalation instead of guessing",
        consequence: "Stop. Deployment will fail.",
        questions: &[
            &WORKERS_FIGURING_OUT,
            &WORKERS_MICRO_STEPS,
            &WORKERS_BYPASSING_SOPS,
        ],
    },
    Precondition {
        id: "precondition.ai_bounded",
        number: 4,
        title: "The organization accepts that AI is bounded by layer",
        consequence: "Stop. Deployment will fail.",
        questions: &[&AI_MAGIC_SHORTCUT],
    },
    Precondition {
        id: "precondition.coe",
        number: 5,
        title: "There is at least a basic CoE presence",
        consequence: "No CoE = No KOOM. Period.",
        questions: &[
            &COE_WORKFLOWS,
            &COE_STANDARDS,
            &COE_TRAINING,
            &COE_TEMPLATES,
            &COE_QUALITY,
        ],
    },
];

// ---- §3 Maturity ------------------------------------------------------------------------

static TRUTH_METRICS: Question = capability!(
    "maturity.truth.metrics_not_weapons",
    "Are metrics kept from becoming political weapons?",
    "metrics are used as political weapons",
    "Agree, at executive level, that metrics describe the system and are never used against people (step 1, constraint-setting).",
    Some(EXECUTIVE_EDUCATION)
);
static TRUTH_AUDIT: Question = capability!(
    "maturity.truth.audit_uncensored",
    "Are audit findings reported uncensored?",
    "audit is censored",
    "Give audit findings a direct, uncensored path to the CoE and executives (step 3), and make that visible to everyone.",
    Some(COE_CREATION)
);
static TRUTH_VARIANCE: Question = capability!(
    "maturity.truth.variance_visible",
    "Do managers report variance openly rather than hide it?",
    "managers hide variance",
    "Train managers in validation structure (step 2): variance is reported, not hidden.",
    Some(MANAGER_TRAINING)
);
static ESCALATE_EARLY: Question = capability!(
    "maturity.early_escalation.blockers_raised_early",
    "Are blockers escalated early rather than left to accumulate silently?",
    "blockers accumulate silently",
    "Make early escalation safe and expected: escalation discipline for managers (step 2) and escalation, not improvisation, for workers (step 4).",
    Some(MANAGER_TRAINING)
);
static PREDICTABLE_STRUCTURE: Question = capability!(
    "maturity.predictability.structure_accepted",
    "Does leadership accept working within structure?",
    "leadership rejects structure",
    "Cover priority stability and role boundaries in executive education (step 1) until structure is accepted.",
    Some(EXECUTIVE_EDUCATION)
);
static PREDICTABLE_CADENCE: Question = capability!(
    "maturity.predictability.cadence_kept",
    "Does the organisation keep a steady cadence of meetings, reviews and alignment cycles?",
    "no steady cadence",
    "Set a fixed alignment-cycle cadence and keep it (step 1, alignment cycles).",
    Some(EXECUTIVE_EDUCATION)
);
static PREDICTABLE_NO_CHAOS: Question = capability!(
    "maturity.predictability.no_chaos_leadership",
    "Is the organisation free of chaos leadership (constant reprioritising, fire-drills by design)?",
    "chaos leadership",
    "Detox from chaos leadership first: priority stability in executive education (step 1). Organizations addicted to chaos cannot adopt KOOM until detoxed.",
    Some(EXECUTIVE_EDUCATION)
);

/// The three maturity requirements (seed §3), in the seed's order.
pub static MATURITY_REQUIREMENTS: [MaturityRequirement; 3] = [
    MaturityRequirement {
        id: "maturity.truth",
        number: 1,
        title: "Willingness to tell the truth",
        consequence: "Metrics cannot become political weapons. Audit cannot be censored. Managers cannot hide variance.",
        questions: &[&TRUTH_METRICS, &TRUTH_AUDIT, &TRUTH_VARIANCE],
    },
    MaturityRequirement {
        id: "maturity.early_escalation",
        number: 2,
        title: "Willingness to escalate early",
        consequence: "The single hardest cultural shift. If blockers silently accumulate, KOOM collapses.",
        questions: &[&ESCALATE_EARLY],
    },
    MaturityRequirement {
        id: "maturity.predictability",
        number: 3,
        title: "Willingness to operate predictably",
        consequence: "KOOM does not tolerate chaos leadership. Organizations addicted to chaos cannot adopt KOOM until detoxed.",
        questions: &[
            &PREDICTABLE_STRUCTURE,
            &PREDICTABLE_CADENCE,
            &PREDICTABLE_NO_CHAOS,
        ],
    },
];

// ---- §5 Red flags -----------------------------------------------------------------------

static RF_NO_TIME: Question = warning!(
    "red_flag.no_time_for_structure",
    "Do leaders say, in words or in deeds, “we don’t have time for structure”?",
    "“we don’t have time for structure”",
    "Do not deploy. Build discipline first: agree a cadence and keep it for a few cycles, then reassess.",
    None
);
static RF_BENEFITS: Question = warning!(
    "red_flag.benefits_not_boundaries",
    "Does leadership want KOOM's benefits without accepting its boundaries?",
    "“we want the benefits, not the boundaries”",
    "Do not deploy. KOOM is boundaries: executive education on role boundaries (step 1) must change this first.",
    Some(EXECUTIVE_EDUCATION)
);

/// The six red flags (seed §5). Flags 3–6 restate precondition behaviours and share them.
pub static RED_FLAGS: [RedFlag; 6] = [
    RedFlag {
        id: "red_flag.no_time_for_structure",
        number: 1,
        quote: "“We don’t have time for structure.”",
        consequence: "Translation: “We don’t have discipline.” KOOM cannot fix this.",
        question: &RF_NO_TIME,
    },
    RedFlag {
        id: "red_flag.benefits_not_boundaries",
        number: 2,
        quote: "“We want the benefits, not the boundaries.”",
        consequence: "Impossible. KOOM is boundaries.",
        question: &RF_BENEFITS,
    },
    RedFlag {
        id: "red_flag.executives_issue_tasks_directly",
        number: 3,
        quote: "“Our executives still issue tasks to workers directly.”",
        consequence: "KOOM will collapse instantly.",
        question: &EXEC_DIRECT_ORDERS,
    },
    RedFlag {
        id: "red_flag.managers_rewrite_workflows",
        number: 4,
        quote: "“Managers rewrite workflows themselves.”",
        consequence: "CoE will be undermined and standards will fragment.",
        question: &MGR_INVENTING,
    },
    RedFlag {
        id: "red_flag.workers_improvise",
        number: 5,
        quote: "“Workers don’t escalate blockers — they improvise.”",
        consequence: "This will create silent drift and hidden variance.",
        question: &WORKERS_FIGURING_OUT,
    },
    RedFlag {
        id: "red_flag.ai_universal_shortcut",
        number: 6,
        quote: "“AI is used as a universal shortcut.”",
        consequence: "This breaks role boundaries and destroys quality.",
        question: &AI_MAGIC_SHORTCUT,
    },
];

// ---- §6 Green flags ---------------------------------------------------------------------

static GF_EXECUTIVES: Question = capability!(
    "green_flag.executives_value_clarity",
    "Do executives value clarity over control and stay in their lane?",
    "executives value clarity over control",
    "",
    None
);
static GF_MANAGERS: Question = capability!(
    "green_flag.managers_value_structure",
    "Do managers value structure over shortcuts and follow the spine?",
    "managers value structure over shortcuts",
    "",
    None
);
static GF_WORKERS: Question = capability!(
    "green_flag.workers_follow_sop",
    "Do workers follow the SOP and escalate fast, without trying to be heroes?",
    "workers follow the SOP and escalate fast",
    "",
    None
);
static GF_COE: Question = capability!(
    "green_flag.coe_empowered",
    "Is the CoE empowered and respected, with workflows centralized and consistent?",
    "the CoE is empowered and respected",
    "",
    None
);
static GF_AUDIT: Question = capability!(
    "green_flag.audit_accepted_as_truth",
    "Is audit accepted as truth, not punishment?",
    "audit is accepted as truth",
    "",
    None
);
static GF_PREDICTABLE: Question = capability!(
    "green_flag.predictable_throughput",
    "Does the organisation want predictable throughput instead of chaos heroics?",
    "the organisation wants predictable throughput",
    "",
    None
);

/// The six green flags (seed §6).
pub static GREEN_FLAGS: [GreenFlag; 6] = [
    GreenFlag {
        id: "green_flag.executives_value_clarity",
        number: 1,
        statement: "Executives value clarity over control.",
        meaning: "They stay in their lane.",
        question: &GF_EXECUTIVES,
    },
    GreenFlag {
        id: "green_flag.managers_value_structure",
        number: 2,
        statement: "Managers value structure over shortcuts.",
        meaning: "They follow the spine.",
        question: &GF_MANAGERS,
    },
    GreenFlag {
        id: "green_flag.workers_follow_sop",
        number: 3,
        statement: "Workers follow the SOP and escalate fast.",
        meaning: "They don’t try to be heroes.",
        question: &GF_WORKERS,
    },
    GreenFlag {
        id: "green_flag.coe_empowered",
        number: 4,
        statement: "CoE is empowered and respected.",
        meaning: "Workflows are centralized and consistent.",
        question: &GF_COE,
    },
    GreenFlag {
        id: "green_flag.audit_accepted_as_truth",
        number: 5,
        statement: "Audit is accepted as truth, not punishment.",
        meaning: "This is huge.",
        question: &GF_AUDIT,
    },
    GreenFlag {
        id: "green_flag.predictable_throughput",
        number: 6,
        statement: "The organization wants predictable throughput instead of chaos heroics.",
        meaning: "KOOM thrives in these conditions.",
        question: &GF_PREDICTABLE,
    },
];

// ---- §4 Deployment sequence -------------------------------------------------------------

macro_rules! ticked {
    ($id:expr, $text:literal) => {
        ChecklistItem {
            id: $id,
            text: $text,
            completion: Completion::Ticked,
        }
    };
}

/// Id of the pilot's "department chosen" item; done when the department is named.
pub const PILOT_DEPARTMENT_ITEM: &str = "step.pilot.department_chosen";
/// Id of the pilot's "real-world behaviour evaluated" item; cleared by a pilot iteration.
pub const PILOT_EVALUATION_ITEM: &str = "step.pilot.real_world_evaluated";

static PILOT_POLITICS: Question = capability!(
    "step.pilot.free_of_politics",
    "Is the pilot department free of crippling politics?",
    "the pilot department is crippled by politics",
    "Prefer a department not crippled by politics for the pilot: its results will be read as politics, not as KOOM.",
    Some(PILOT)
);

/// The pilot's advisory question: the seed prefers a department not crippled by politics.
pub static PILOT_POLITICS_QUESTION: &Question = &PILOT_POLITICS;

macro_rules! gate {
    ($id:literal, $text:literal, $finding:literal, $action:literal, [$($step:expr),*]) => {
        GateCriterion {
            id: $id,
            question: &Question {
                id: $id,
                text: $text,
                healthy: Answer::Yes,
                finding: $finding,
                action: $action,
                step: Some(PILOT),
            },
            retrain: &[$($step),*],
        }
    };
}

/// The six criteria of the full-deployment gate (seed §4, step 6).
pub static GATE_CRITERIA: [GateCriterion; 6] = [
    gate!(
        "step.full_deployment.drift_decreased",
        "Did drift decrease in the pilot department?",
        "drift did not decrease",
        "Retrain workers on escalation, not improvisation, and tighten the audit cadence.",
        [WORKER_ONBOARDING, PILOT]
    ),
    gate!(
        "step.full_deployment.throughput_stabilised",
        "Did throughput stabilise?",
        "throughput did not stabilise",
        "Check priority stability with executives and that SOPs match the real work.",
        [EXECUTIVE_EDUCATION, COE_CREATION]
    ),
    gate!(
        "step.full_deployment.variance_dropped",
        "Did variance drop?",
        "variance did not drop",
        "Retrain on following SOPs exactly and on validation structure for managers.",
        [MANAGER_TRAINING, WORKER_ONBOARDING]
    ),
    gate!(
        "step.full_deployment.managers_aligned",
        "Are managers aligned?",
        "managers are not aligned",
        "Retrain managers on interpretation rules and communication clarity.",
        [MANAGER_TRAINING]
    ),
    gate!(
        "step.full_deployment.executives_in_lane",
        "Did executives stay in their lane?",
        "executives did not stay in their lane",
        "Repeat executive education on role boundaries.",
        [EXECUTIVE_EDUCATION]
    ),
    gate!(
        "step.full_deployment.coe_functioning",
        "Is the CoE functioning?",
        "the CoE is not functioning",
        "Upgrade the CoE until it designs workflows, enforces standards and manages change cycles.",
        [COE_CREATION]
    ),
];

/// The six steps of the non-negotiable deployment sequence (seed §4), in order.
pub static DEPLOYMENT_STEPS: [DeploymentStep; 6] = [
    DeploymentStep {
        id: EXECUTIVE_EDUCATION,
        number: 1,
        title: "Executive Education",
        summary: "Executives must understand role boundaries, constraint-setting, priority stability and alignment cycles.",
        warning: "Without this, everything downstream fails.",
        checklist: &[
            ticked!("step.executive_education.role_boundaries", "Executives understand role boundaries"),
            ticked!("step.executive_education.constraint_setting", "Executives understand constraint-setting"),
            ticked!("step.executive_education.priority_stability", "Executives understand priority stability"),
            ticked!("step.executive_education.alignment_cycles", "Executives understand alignment cycles"),
        ],
    },
    DeploymentStep {
        id: MANAGER_TRAINING,
        number: 2,
        title: "Manager Training",
        summary: "Managers learn interpretation rules, escalation discipline, validation structure and communication clarity.",
        warning: "Managers implement KOOM — or KOOM never arrives.",
        checklist: &[
            ticked!("step.manager_training.interpretation_rules", "Managers have learned interpretation rules"),
            ticked!("step.manager_training.escalation_discipline", "Managers have learned escalation discipline"),
            ticked!("step.manager_training.validation_structure", "Managers have learned validation structure"),
            ticked!("step.manager_training.communication_clarity", "Managers have learned communication clarity"),
        ],
    },
    DeploymentStep {
        id: COE_CREATION,
        number: 3,
        title: "CoE Creation or Upgrade",
        summary: "The CoE must be able to design workflows, enforce standards, manage change cycles, support training and guard AI boundaries.",
        warning: "The organization cannot proceed without this.",
        checklist: &[
            ticked!("step.coe.design_workflows", "The CoE can design workflows"),
            ticked!("step.coe.enforce_standards", "The CoE can enforce standards"),
            ticked!("step.coe.manage_change_cycles", "The CoE can manage change cycles"),
            ticked!("step.coe.support_training", "The CoE can support training"),
            ticked!("step.coe.guard_ai_boundaries", "The CoE can guard AI boundaries"),
        ],
    },
    DeploymentStep {
        id: WORKER_ONBOARDING,
        number: 4,
        title: "Worker Onboarding",
        summary: "Workers learn escalation, not improvisation; execution, not interpretation; the AI sandbox, not expert substitution.",
        warning: "Workers stabilize the system.",
        checklist: &[
            ticked!("step.worker_onboarding.escalation_not_improvisation", "Workers have learned escalation → not improvisation"),
            ticked!("step.worker_onboarding.execution_not_interpretation", "Workers have learned execution → not interpretation"),
            ticked!("step.worker_onboarding.ai_sandbox", "Workers have learned AI sandbox → not expert substitution"),
        ],
    },
    DeploymentStep {
        id: PILOT,
        number: 5,
        title: "Pilot Deployment",
        summary: "Choose one department, preferably one not crippled by politics; deploy role boundaries, SOPs, audit cadence, metrics and the alignment cycle; evaluate real-world behaviour.",
        warning: "Evaluate real-world behavior.",
        checklist: &[
            ChecklistItem {
                id: PILOT_DEPARTMENT_ITEM,
                text: "One pilot department chosen",
                completion: Completion::PilotDepartmentNamed,
            },
            ticked!("step.pilot.role_boundaries", "Role boundaries deployed in the pilot"),
            ticked!("step.pilot.sops", "SOPs deployed in the pilot"),
            ticked!("step.pilot.audit_cadence", "Audit cadence deployed in the pilot"),
            ticked!("step.pilot.metrics", "Metrics deployed in the pilot"),
            ticked!("step.pilot.alignment_cycle", "Alignment cycle deployed in the pilot"),
            ticked!(PILOT_EVALUATION_ITEM, "Real-world behaviour in the pilot evaluated"),
        ],
    },
    DeploymentStep {
        id: FULL_DEPLOYMENT,
        number: 6,
        title: "Full Deployment",
        summary: "Only proceed if drift decreased, throughput stabilized, variance dropped, managers are aligned, executives stayed in their lane and the CoE is functioning.",
        warning: "If not — roll back, retrain, repeat.",
        checklist: &[],
    },
];

/// Step 5, the pilot: one department, five things deployed, real-world behaviour evaluated.
pub static PILOT_STEP: &DeploymentStep = &DEPLOYMENT_STEPS[4];
/// Step 6, full deployment: its checklist is the gate ([`GATE_CRITERIA`]).
pub static FULL_DEPLOYMENT_STEP: &DeploymentStep = &DEPLOYMENT_STEPS[5];

// ---- §7 Stability -----------------------------------------------------------------------

/// The ten signs of stability after deployment (seed §7), with our reading of the model
/// parts most likely at fault when a sign is missing.
pub static STABILITY_SIGNS: [StabilitySign; 10] = [
    StabilitySign {
        id: "stability.lower_variance",
        text: "Lower variance",
        suspects: &[
            "precondition.workers",
            "maturity.truth",
            "step.coe",
            "step.worker_onboarding",
        ],
    },
    StabilitySign {
        id: "stability.faster_blocker_removal",
        text: "Faster blocker removal",
        suspects: &[
            "precondition.workers",
            "maturity.early_escalation",
            "step.manager_training",
            "step.worker_onboarding",
        ],
    },
    StabilitySign {
        id: "stability.reduced_rework",
        text: "Reduced rework",
        suspects: &[
            "precondition.managers",
            "step.coe",
            "step.worker_onboarding",
        ],
    },
    StabilitySign {
        id: "stability.increased_predictability",
        text: "Increased predictability",
        suspects: &[
            "maturity.predictability",
            "precondition.executives",
            "step.executive_education",
        ],
    },
    StabilitySign {
        id: "stability.clearer_communication",
        text: "Clearer communication",
        suspects: &["precondition.managers", "step.manager_training"],
    },
    StabilitySign {
        id: "stability.fewer_political_disputes",
        text: "Fewer political disputes",
        suspects: &[
            "maturity.truth",
            "precondition.executives",
            "step.executive_education",
        ],
    },
    StabilitySign {
        id: "stability.less_fire_fighting",
        text: "Less fire-fighting",
        suspects: &[
            "maturity.early_escalation",
            "maturity.predictability",
            "red_flag.no_time_for_structure",
        ],
    },
    StabilitySign {
        id: "stability.better_alignment",
        text: "Better alignment",
        suspects: &[
            "step.executive_education",
            "precondition.managers",
            "step.pilot",
        ],
    },
    StabilitySign {
        id: "stability.cleaner_workflows",
        text: "Cleaner workflows",
        suspects: &["precondition.coe", "precondition.managers", "step.coe"],
    },
    StabilitySign {
        id: "stability.fewer_hero_failures",
        text: "Fewer “hero” failures",
        suspects: &[
            "precondition.workers",
            "green_flag.workers_follow_sop",
            "maturity.predictability",
        ],
    },
];

/// Alignment cycles within which the seed expects every stability sign.
pub const STABILITY_CYCLE_LIMIT: usize = 2;

/// A count in words as the seed writes its counts ("five preconditions", "six red flags",
/// "all ten signs"), for the model's sizes: one to twelve in words, larger counts in digits.
pub fn number_word(n: usize) -> String {
    // Other languages' number words agree with the noun they count (German "eine"/"ein",
    // French "une"/"un"): their sentences take digits.
    if crate::domain::language::texts().language() != crate::domain::language::Language::English {
        return n.to_string();
    }
    const WORDS: [&str; 13] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    WORDS
        .get(n)
        .map_or_else(|| n.to_string(), |w| (*w).to_string())
}

// ---- Rules ------------------------------------------------------------------------------

/// A rule the engine applies, with the seed's words it comes from: shown in the app where the
/// rule acts, and listed in `docs/model.md`.
#[derive(Debug, PartialEq, Eq)]
pub struct Rule {
    /// Stable id, such as `rule.roll_back_retrain_repeat`.
    pub id: &'static str,
    /// The seed section it comes from.
    pub section: SeedSection,
    /// The seed's own words, quoted exactly.
    pub seed: &'static str,
    /// What the app does, in our words.
    pub rule: &'static str,
    /// The rule in one plain sentence, for a manager in a hurry: shown first where the rule
    /// acts, with [`Rule::rule`] and the seed's words one click away.
    pub plain: &'static str,
}

/// "Not sure" is never a pass.
pub const RULE_NOT_SURE: &Rule = &Rule {
    id: "rule.not_sure_is_not_a_pass",
    section: MATURITY_SECTION,
    seed: "Willingness to tell the truth",
    rule: "“Not sure” is an honest answer and never a pass: on a precondition, red flag or maturity facet it holds the verdict (a fact shared by a condition and a red flag is listed under both), on a gate criterion it keeps the gate open, and on the pilot department's politics it is flagged like a “No”.",
    plain: "“Not sure” never counts as a pass: it holds the verdict until someone finds out.",
};

/// Only answers that cannot both be true are checked, as a question.
pub const RULE_CHECKS: &Rule = &Rule {
    id: "rule.checks_not_contradictions",
    section: MATURITY_SECTION,
    seed: "Organizations addicted to chaos cannot adopt KOOM until detoxed.",
    rule: "Two answers are asked about (“Check: you answered … and …”) only when they describe the same behaviour in ways that cannot both be true, such as workers who follow the SOP and escalate fast, and workers who improvise instead of escalating. A wish beside a present problem (wanting predictable throughput while chaos leadership is present; an empowered CoE while no one owns training yet) is tension the seed expects, not a contradiction: both answers stand.",
    plain: "Two answers are flagged for a second look only when they cannot both be true; a wish beside a problem is normal.",
};

/// The deployment steps go strictly in order.
pub const RULE_ORDER: &Rule = &Rule {
    id: "rule.non_negotiable_order",
    section: SEQUENCE_SECTION,
    seed: "KOOM must be deployed in the following order",
    rule: "A step is complete only when its items are done and the step before it is complete; the sequence starts only from a Ready verdict and is halted if the verdict falls back.",
    plain: "The deployment steps go strictly in order, and only after a Ready verdict.",
};

/// The full-deployment gate decides only while step 6 can be reached.
pub const RULE_GATE: &Rule = &Rule {
    id: "rule.gate_only_when_reachable",
    section: SEQUENCE_SECTION,
    seed: "Only proceed if:",
    rule: "The gate's outcome counts only while step 6 can be reached: a Ready verdict and steps 1–5 complete. Otherwise the gate is suspended, and says why.",
    plain: "The gate after the pilot decides nothing until the verdict is Ready and steps 1–5 are complete.",
};

/// Roll back, retrain, repeat.
pub const RULE_ROLL_BACK: &Rule = &Rule {
    id: "rule.roll_back_retrain_repeat",
    section: SEQUENCE_SECTION,
    seed: "If not — roll back, retrain, repeat.",
    rule: "A failed gate is recorded as a pilot iteration with its date, the criteria not met and the gate's answers. The user chooses the steps before the pilot to retrain (the app's suggestion for the criteria not met is pre-selected); each chosen step is incomplete again until it is confirmed retrained, with a date, in sequence order; then the pilot is repeated (evaluated again) and the gate answered afresh. The last iteration can be undone until the pilot is evaluated again. The history keeps every iteration.",
    plain: "A pilot that fails the gate is recorded, the steps you choose are retrained, and the pilot is run again.",
};

/// A team's answers are combined conservatively.
pub const RULE_TEAM: &Rule = &Rule {
    id: "rule.team_conservative",
    section: RED_FLAGS_SECTION,
    seed: "If any red flag is present:\nStop. Do not deploy KOOM.",
    rule: "A team view combines its respondents conservatively, question by question. A warning behaviour, missing CoE owner or red flag reported by any respondent is present (“reported by k of n”); a precondition or red flag anyone is unsure about or did not answer, with nobody reporting it, holds the verdict. A maturity facet anyone is unsure about or did not answer holds the verdict even when others report it missing (the gap is listed behind it), so one more respondent never lifts a Hold to a Not yet. The team verdict is the ladder's verdict of this combination; green flags are counted (“k of n”), never combined.",
    plain: "In a team view, one person reporting a problem is enough to count it, and anyone's doubt holds the verdict.",
};

/// What a team agreed forms one assessment, read by the same ladder.
pub const RULE_TEAM_AGREEMENT: &Rule = &Rule {
    id: "rule.team_agreement",
    section: RED_FLAGS_SECTION,
    seed: "If any red flag is present:\nStop. Do not deploy KOOM.",
    rule: "A team's meeting records an agreed answer (and any dissent: who, why) for each item to discuss: the blockers, open questions and maturity gaps of the team verdict, the questions left open behind a Stop, and the disagreements. The agreed answers, with the one answer everyone who answered gave to each question not discussed, form a consensus assessment; its verdict is the ladder's verdict of those answers, so an agreed red flag still means Stop. The agreed verdict exists only once every item to discuss is agreed; until then the team verdict is the conservative one alone, and the conservative verdict is always shown beside the agreed one.",
    plain: "What the team agrees in its meeting becomes one assessment with its own verdict, once every item to discuss is agreed.",
};

/// Ready on few green flags carries a caution.
pub const RULE_GREEN_FLAG_CAUTION: &Rule = &Rule {
    id: "rule.green_flag_caution",
    section: GREEN_FLAGS_SECTION,
    seed: "Green Flags — Deployment Will Succeed If These Are Present",
    rule: "Green flags never gate: the verdict is decided by the ladder alone. A Ready verdict with fewer than half of the six green flags present, or without audit accepted as truth (“This is huge.”), carries a caution naming the success signals that are missing.",
    plain: "Green flags never block deployment, but a Ready verdict with few of them comes with a caution.",
};

/// Stability is judged after full deployment.
pub const RULE_AFTER_DEPLOYMENT: &Rule = &Rule {
    id: "rule.stability_after_deployment",
    section: STABILITY_SECTION,
    seed: "After deploying KOOM, the organization should see:",
    rule: "Stability is judged only after full deployment (the gate passed). Marks recorded before, for example during the pilot, are kept.",
    plain: "Stability is judged only once KOOM is fully deployed; marks made earlier are kept.",
};

/// All ten signs within 1–2 alignment cycles.
pub const RULE_WITHIN_TWO_CYCLES: &Rule = &Rule {
    id: "rule.stability_within_two_cycles",
    section: STABILITY_SECTION,
    seed: "If you don’t see these signs within 1–2 alignment cycles,\nsomething was implemented incorrectly.",
    rule: "Cycle 2 is over once all ten signs are marked in it, or once a cycle 3 is added. Every sign not marked “Seen” in cycle 2 (“Not sure” and unmarked included) then means something was implemented incorrectly, whatever later cycles show: all ten seen only from cycle 3 on is late, not healthy.",
    plain: "Expect all ten signs within 1–2 alignment cycles; any sign not seen in cycle 2 means something was implemented incorrectly.",
};

/// The rules the engine applies beyond the verdict ladder, in the seed's order.
pub static RULES: [&Rule; 10] = [
    RULE_NOT_SURE,
    RULE_CHECKS,
    RULE_ORDER,
    RULE_GATE,
    RULE_ROLL_BACK,
    RULE_TEAM,
    RULE_TEAM_AGREEMENT,
    RULE_GREEN_FLAG_CAUTION,
    RULE_AFTER_DEPLOYMENT,
    RULE_WITHIN_TWO_CYCLES,
];

impl Rule {
    /// The seed's words on one line, quoted, for a reader who has not read the seed: "The
    /// KOOM model, section 7: “If you don’t see …”".
    pub fn citation(&self) -> String {
        trf!(
            "The KOOM model, section {section}: “{seed}”",
            section = self.section.label().trim_start_matches('§'),
            seed = self.seed.replace('\n', " ")
        )
    }
}

// ---- Contradictions ---------------------------------------------------------------------

/// Answers that cannot both be true; each is asked about as a check ("Check: you answered …
/// and …"). A wish beside a present problem (wanting predictable throughput while chaos
/// leadership is present, an empowered CoE while no one owns training) is tension, which the
/// seed expects ("Organizations addicted to chaos cannot adopt KOOM until detoxed"), not a
/// contradiction: only descriptions of the same behaviour that exclude each other are listed.
pub static CONTRADICTIONS: [Contradiction; 6] = [
    Contradiction {
        claim: "green_flag.executives_value_clarity",
        conflicts_with: &[
            "precondition.executives.micromanaging_workers",
            "precondition.executives.bypassing_managers",
            "precondition.executives.redesigning_workflows",
            "precondition.executives.direct_orders_outside_spine",
        ],
    },
    Contradiction {
        claim: "green_flag.managers_value_structure",
        conflicts_with: &[
            "precondition.managers.inventing_workflows",
            "precondition.managers.ignoring_coe",
        ],
    },
    Contradiction {
        claim: "green_flag.workers_follow_sop",
        conflicts_with: &[
            "precondition.workers.figuring_it_out",
            "precondition.workers.adding_micro_steps",
            "precondition.workers.bypassing_sops",
            "maturity.early_escalation.blockers_raised_early",
        ],
    },
    Contradiction {
        claim: "green_flag.coe_empowered",
        conflicts_with: &["precondition.managers.ignoring_coe"],
    },
    Contradiction {
        claim: "green_flag.audit_accepted_as_truth",
        conflicts_with: &["maturity.truth.audit_uncensored"],
    },
    Contradiction {
        claim: "maturity.early_escalation.blockers_raised_early",
        conflicts_with: &["precondition.workers.figuring_it_out"],
    },
];

// ---- Lookups ----------------------------------------------------------------------------

/// Every question the readiness verdict reads: preconditions, maturity, and the red flags'
/// own questions (shared ones are asked once, under their precondition).
pub fn readiness_questions() -> impl Iterator<Item = &'static Question> {
    PRECONDITIONS
        .iter()
        .flat_map(|p| p.questions.iter().copied())
        .chain(
            MATURITY_REQUIREMENTS
                .iter()
                .flat_map(|m| m.questions.iter().copied()),
        )
        .chain(
            RED_FLAGS
                .iter()
                .filter(|f| !f.is_shared())
                .map(|f| f.question),
        )
}

/// Every distinct question of the model, each once.
pub fn all_questions() -> impl Iterator<Item = &'static Question> {
    readiness_questions()
        .chain(GREEN_FLAGS.iter().map(|g| g.question))
        .chain(std::iter::once(PILOT_POLITICS_QUESTION))
        .chain(GATE_CRITERIA.iter().map(|g| g.question))
}

/// The question with this id, if the model has one.
pub fn question(id: &str) -> Option<&'static Question> {
    all_questions().find(|q| q.id == id)
}

/// The deployment step with this id.
pub fn step(id: &str) -> Option<&'static DeploymentStep> {
    DEPLOYMENT_STEPS.iter().find(|s| s.id == id)
}

/// The checklist item with this id, with the step it belongs to.
pub fn checklist_item(id: &str) -> Option<(&'static DeploymentStep, &'static ChecklistItem)> {
    DEPLOYMENT_STEPS
        .iter()
        .flat_map(|s| s.checklist.iter().map(move |c| (s, c)))
        .find(|(_, c)| c.id == id)
}

/// A model item any id can name, for labels in reasons, diagnoses and feedback.
#[derive(Debug, Clone, Copy)]
pub enum ModelItem {
    /// A precondition (seed §2).
    Precondition(&'static Precondition),
    /// A maturity requirement (seed §3).
    Maturity(&'static MaturityRequirement),
    /// A deployment step (seed §4).
    Step(&'static DeploymentStep),
    /// A checklist item of a step (seed §4).
    Checklist(&'static DeploymentStep, &'static ChecklistItem),
    /// A red flag (seed §5).
    RedFlag(&'static RedFlag),
    /// A green flag (seed §6).
    GreenFlag(&'static GreenFlag),
    /// A stability sign (seed §7).
    Sign(&'static StabilitySign),
    /// A question (its section is that of the item it belongs to).
    Question(&'static Question),
}

impl ModelItem {
    /// The seed section this item comes from.
    pub fn section(self) -> SeedSection {
        match self {
            ModelItem::Precondition(_) => PRECONDITIONS_SECTION,
            ModelItem::Maturity(_) => MATURITY_SECTION,
            ModelItem::Step(_) | ModelItem::Checklist(..) => SEQUENCE_SECTION,
            ModelItem::RedFlag(_) => RED_FLAGS_SECTION,
            ModelItem::GreenFlag(_) => GREEN_FLAGS_SECTION,
            ModelItem::Sign(_) => STABILITY_SECTION,
            ModelItem::Question(q) => question_section(q.id),
        }
    }

    /// A short human label, such as "Condition 1 — Executives agree to respect role boundaries".
    pub fn label(self) -> String {
        match self {
            ModelItem::Precondition(p) => p.label(),
            ModelItem::Maturity(m) => m.label(),
            ModelItem::Step(s) => s.label(),
            ModelItem::Checklist(s, c) => s.item_label(c),
            ModelItem::RedFlag(f) => f.label(),
            ModelItem::GreenFlag(g) => g.label(),
            ModelItem::Sign(s) => trf!("Stability sign — {sign}", sign = tr!(s.text)),
            ModelItem::Question(q) => tr!(q.text).to_string(),
        }
    }
}

/// The seed section a question id belongs to.
pub(crate) fn question_section(id: &str) -> SeedSection {
    match id.split('.').next() {
        Some("precondition") => PRECONDITIONS_SECTION,
        Some("maturity") => MATURITY_SECTION,
        Some("red_flag") => RED_FLAGS_SECTION,
        Some("green_flag") => GREEN_FLAGS_SECTION,
        Some("step") => SEQUENCE_SECTION,
        Some("stability") => STABILITY_SECTION,
        _ => VERSIONING_SECTION,
    }
}

/// The label of the item a question is asked for (its precondition, requirement, red flag or
/// green flag), if it belongs to one.
pub(crate) fn item_label_of_question(id: &str) -> Option<String> {
    PRECONDITIONS
        .iter()
        .find(|p| p.questions.iter().any(|q| q.id == id))
        .map(Precondition::label)
        .or_else(|| {
            MATURITY_REQUIREMENTS
                .iter()
                .find(|m| m.questions.iter().any(|q| q.id == id))
                .map(MaturityRequirement::label)
        })
        .or_else(|| {
            RED_FLAGS
                .iter()
                .find(|f| f.question.id == id)
                .map(RedFlag::label)
        })
        .or_else(|| {
            GREEN_FLAGS
                .iter()
                .find(|g| g.question.id == id)
                .map(GreenFlag::label)
        })
}

/// Finds any model item by its stable id.
pub fn item(id: &str) -> Option<ModelItem> {
    PRECONDITIONS
        .iter()
        .find(|p| p.id == id)
        .map(ModelItem::Precondition)
        .or_else(|| {
            MATURITY_REQUIREMENTS
                .iter()
                .find(|m| m.id == id)
                .map(ModelItem::Maturity)
        })
        .or_else(|| step(id).map(ModelItem::Step))
        .or_else(|| checklist_item(id).map(|(s, c)| ModelItem::Checklist(s, c)))
        .or_else(|| {
            RED_FLAGS
                .iter()
                .find(|f| f.id == id)
                .map(ModelItem::RedFlag)
        })
        .or_else(|| {
            GREEN_FLAGS
                .iter()
                .find(|g| g.id == id)
                .map(ModelItem::GreenFlag)
        })
        .or_else(|| {
            STABILITY_SIGNS
                .iter()
                .find(|s| s.id == id)
                .map(ModelItem::Sign)
        })
        .or_else(|| question(id).map(ModelItem::Question))
}

#[cfg(test)]
mod tests {
    use super::{end_sentence, RULES, RULE_GATE, RULE_WITHIN_TWO_CYCLES};

    /// Each rule leads with one plain sentence for a manager in a hurry: one sentence, short,
    /// shorter than the rule it stands for.
    #[test]
    fn every_rule_has_one_short_plain_sentence() {
        for r in RULES.iter() {
            let words = r.plain.split_whitespace().count();
            assert!(words <= 25, "{}: {words} words", r.id);
            assert!(r.plain.len() < r.rule.len(), "{}", r.id);
            assert!(r.plain.ends_with('.'), "{}", r.id);
            assert_eq!(r.plain.matches(". ").count(), 0, "{}: one sentence", r.id);
        }
    }

    /// Seed §7: "If you don’t see these signs within 1–2 alignment cycles, something was
    /// implemented incorrectly." Seed §4, step 6: "Only proceed if:". The plain words keep the
    /// seed's terms, and say what the rule decides.
    #[test]
    fn the_plain_words_keep_the_seeds_terms() {
        let stability = RULE_WITHIN_TWO_CYCLES.plain;
        for term in ["alignment cycle", "implemented incorrectly", "cycle 2"] {
            assert!(stability.contains(term), "{term}: {stability}");
        }
        assert!(RULE_WITHIN_TWO_CYCLES
            .seed
            .contains("within 1–2 alignment cycles"));
        let gate = RULE_GATE.plain;
        for term in ["gate", "pilot", "Ready", "steps 1–5"] {
            assert!(gate.contains(term), "{term}: {gate}");
        }
    }

    #[test]
    fn a_sentence_ends_with_one_full_stop_even_after_a_quote() {
        assert_eq!(end_sentence("check this"), "check this.");
        assert_eq!(
            end_sentence("Red flag 1 — “We don’t have time for structure.”"),
            "Red flag 1 — “We don’t have time for structure.”"
        );
        assert_eq!(
            end_sentence("Green flag 3 — Workers follow the SOP."),
            "Green flag 3 — Workers follow the SOP."
        );
        assert_eq!(end_sentence("Is it?"), "Is it?");
        // Other languages' quotes: German „…“, French « … », Spanish «…» (its full stop outside).
        let german = "Warnsignal 1 — „Wir haben keine Zeit für Struktur.“";
        assert_eq!(end_sentence(german), german);
        let french = "Signal d’alarme 1 — « On n’a pas le temps pour la structure.\u{a0}»";
        assert_eq!(end_sentence(french), french);
        assert_eq!(
            end_sentence("Señal de alarma 1 — «No tenemos tiempo para la estructura»"),
            "Señal de alarma 1 — «No tenemos tiempo para la estructura»."
        );
    }
}
