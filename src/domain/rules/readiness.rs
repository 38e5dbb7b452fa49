//! The readiness verdict (before deployment): Stop / Hold / Not yet / Ready, with its reasons.
//!
//! The ladder, first match wins (docs/product.md §2):
//! 1. **Stop** — a precondition is not true or a red flag is present, even with questions open.
//! 2. **Hold** — no known blocker, but preconditions, red flags or maturity facets are open.
//! 3. **Not yet** — no blocker, nothing open, but a maturity requirement is missing.
//! 4. **Ready** — begin the deployment sequence at step 1.

use crate::domain::model::answer::{Answer, Finding};
use crate::domain::model::assessment::Assessment;
use crate::domain::model::items::{
    self as model, Question, SeedSection, StepId, CONTRADICTIONS, GREEN_FLAGS,
    MATURITY_REQUIREMENTS, PRECONDITIONS, RED_FLAGS,
};

/// The readiness verdict, ordered from worst to best.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Verdict {
    /// Stop — do not deploy.
    Stop,
    /// Hold — find out first.
    Hold,
    /// Not yet — build maturity.
    NotYet,
    /// Ready — begin the deployment sequence at step 1.
    Ready,
}

impl Verdict {
    /// The verdict's headline.
    pub fn headline(self) -> &'static str {
        match self {
            Verdict::Stop => tr!("Stop — do not deploy KOOM"),
            Verdict::Hold => tr!("Hold — find out first"),
            Verdict::NotYet => tr!("Not yet — build maturity"),
            Verdict::Ready => tr!("Ready — begin the deployment sequence"),
        }
    }

    /// A short token for styling and data attributes.
    pub fn token(self) -> &'static str {
        match self {
            Verdict::Stop => "stop",
            Verdict::Hold => "hold",
            Verdict::NotYet => "not-yet",
            Verdict::Ready => "ready",
        }
    }

    /// One sentence on what the verdict means.
    pub fn explanation(self) -> &'static str {
        match self {
            Verdict::Stop => tr!("At least one precondition is not true or a red flag is present. Deploying now would break the organisation."),
            Verdict::Hold => tr!("No blocker is known, but some answers are missing or “Not sure”. Find out before deciding."),
            Verdict::NotYet => tr!("The preconditions hold and no red flag is present, but a maturity requirement is missing."),
            Verdict::Ready => tr!("The preconditions hold, no red flag is present and the maturity requirements are met. Start with step 1, Executive Education."),
        }
    }
}

/// What kind of cause a reason is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ReasonKind {
    /// A precondition is not true.
    PreconditionNotTrue,
    /// A red flag is present.
    RedFlagPresent,
    /// A maturity requirement is missing.
    MaturityMissing,
    /// A question the verdict needs is unanswered or "Not sure".
    Open,
}

/// One cause of the verdict, traceable to the answer and the seed text behind it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reason {
    /// The kind of cause.
    pub kind: ReasonKind,
    /// Id of the model item (precondition, requirement or red flag) it concerns.
    pub item_id: &'static str,
    /// Label of that item, such as "Condition 1 — Executives agree to respect role boundaries".
    pub item_label: String,
    /// Id of the question whose answer caused it.
    pub question_id: &'static str,
    /// The seed section it comes from.
    pub section: SeedSection,
    /// What was found, in a few words.
    pub finding: String,
    /// The seed's consequence.
    pub consequence: &'static str,
    /// The next action.
    pub action: String,
    /// The deployment step the action points into, if any.
    pub step: Option<StepId>,
}

impl Reason {
    /// The reason as one sentence, as the interface and reports show it. An open question
    /// states the consequence as what a problem here would mean, not as a fact.
    pub fn message(&self) -> String {
        let consequence = if self.kind == ReasonKind::Open {
            trf!(
                "If this turns out to be a problem: {consequence}",
                consequence = self.consequence
            )
        } else {
            self.consequence.to_string()
        };
        format!(
            "{} ({}): {}. {}",
            self.item_label,
            self.section.label(),
            self.finding,
            consequence
        )
    }
}

/// Two answers that cannot both be true.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inconsistency {
    /// The question answered as a claim of health.
    pub claim_id: &'static str,
    /// The question whose answer contradicts it.
    pub conflict_id: &'static str,
    /// What to resolve, in one sentence.
    pub message: String,
}

/// The readiness evaluation: the verdict and everything the user sees with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Readiness {
    /// The verdict.
    pub verdict: Verdict,
    /// The causes of this verdict, most severe first.
    pub reasons: Vec<Reason>,
    /// Further known problems that do not decide this verdict but will matter next
    /// (maturity gaps behind a Stop or Hold).
    pub also: Vec<Reason>,
    /// Readiness questions still open (unanswered or "Not sure").
    pub open_questions: Vec<&'static str>,
    /// Green flags present (answered Yes).
    pub green_flags_present: Vec<&'static str>,
    /// What would change the verdict, as sentences.
    pub would_change: Vec<String>,
    /// Answers that cannot both be true, to check.
    pub inconsistencies: Vec<Inconsistency>,
    /// With a Ready verdict resting on few of the seed's success signals, what they would add
    /// (the verdict stays Ready: green flags never gate).
    pub caution: Option<Caution>,
}

/// A Ready verdict resting on few green flags (seed §6: "Deployment will succeed if these are
/// present"): the verdict stays Ready, and this says what the missing signals would add.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caution {
    /// The caution in one sentence.
    pub summary: String,
    /// Each green flag not present, as the seed states it with its gloss.
    pub missing: Vec<String>,
}

/// Fewer green flags than this (half of the six) make a Ready verdict carry a caution.
pub const CAUTION_BELOW: usize = GREEN_FLAGS.len().div_ceil(2);

/// The green flag the seed singles out: "Audit is accepted as truth, not punishment. This is
/// huge."
pub const AUDIT_GREEN_FLAG: &str = "green_flag.audit_accepted_as_truth";

fn caution(verdict: Verdict, present: &[&'static str]) -> Option<Caution> {
    let audit = present.contains(&AUDIT_GREEN_FLAG);
    if verdict != Verdict::Ready || (present.len() >= CAUTION_BELOW && audit) {
        return None;
    }
    let mut summary = trf!(
        "Ready, with a caution: {present} of {total} green flags present. The seed says deployment will succeed if these are present; the verdict stays Ready (green flags never gate), but the missing ones are what the pilot will test.",
        present = present.len(),
        total = GREEN_FLAGS.len()
    );
    if !audit {
        summary.push(' ');
        summary.push_str(tr!(
            "Audit is not accepted as truth yet — the seed: “Audit is accepted as truth, not punishment. This is huge.”"
        ));
    }
    Some(Caution {
        summary,
        missing: GREEN_FLAGS
            .iter()
            .filter(|g| !present.contains(&g.id))
            .map(|g| format!("{} {}", g.label(), tr!(g.meaning)))
            .collect(),
    })
}

/// The open questions of one item (a condition, a red flag, a requirement), for a short list
/// that shows the details on demand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenGroup {
    /// The seed section of the item.
    pub section: SeedSection,
    /// The item's id.
    pub item_id: &'static str,
    /// The item's label.
    pub item_label: String,
    /// The seed's consequence, were an open question to turn out a problem.
    pub consequence: &'static str,
    /// Each open question: its text and whether it was answered "Not sure" (else unanswered).
    pub questions: Vec<(&'static str, bool)>,
}

impl Readiness {
    /// The open reasons (a Hold's), grouped by item in the order they are listed.
    pub fn open_groups(&self) -> Vec<OpenGroup> {
        let mut groups: Vec<OpenGroup> = Vec::new();
        for r in self.reasons.iter().filter(|r| r.kind == ReasonKind::Open) {
            let question = model::question(r.question_id);
            let entry = (
                question.map_or(r.question_id, |q| tr!(q.text)),
                question.is_some_and(|q| r.finding == not_sure_finding(q)),
            );
            match groups.iter_mut().find(|g| g.item_id == r.item_id) {
                Some(g) => g.questions.push(entry),
                None => groups.push(OpenGroup {
                    section: r.section,
                    item_id: r.item_id,
                    item_label: r.item_label.clone(),
                    consequence: r.consequence,
                    questions: vec![entry],
                }),
            }
        }
        groups
    }

    /// "n of 6" green flags present.
    pub fn green_flag_summary(&self) -> String {
        trf!(
            "{present} of {total} green flags present",
            present = self.green_flags_present.len(),
            total = GREEN_FLAGS.len()
        )
    }
}

fn finding(assessment: &Assessment, q: &Question) -> Finding {
    Finding::of(assessment.answer(q.id), q.healthy)
}

/// What is found of a question answered "Not sure".
fn not_sure_finding(q: &Question) -> String {
    trf!(
        "“{question}” is answered “Not sure”",
        question = tr!(q.text)
    )
}

fn open_reason(
    item_id: &'static str,
    item_label: String,
    section: SeedSection,
    consequence: &'static str,
    q: &'static Question,
    f: Finding,
) -> Reason {
    let finding = if f == Finding::NotSure {
        not_sure_finding(q)
    } else {
        trf!("“{question}” is not answered yet", question = tr!(q.text))
    };
    Reason {
        kind: ReasonKind::Open,
        item_id,
        item_label,
        question_id: q.id,
        section,
        finding,
        consequence: tr!(consequence),
        action: trf!(
            "Find out and answer “{question}” with evidence; a “Not sure” never counts as a pass.",
            question = tr!(q.text)
        ),
        step: None,
    }
}

fn problem_reason(
    kind: ReasonKind,
    item_id: &'static str,
    item_label: String,
    section: SeedSection,
    consequence: &'static str,
    q: &'static Question,
) -> Reason {
    Reason {
        kind,
        item_id,
        item_label,
        question_id: q.id,
        section,
        finding: tr!(q.finding).to_string(),
        consequence: tr!(consequence),
        action: tr!(q.action).to_string(),
        step: q.step,
    }
}

/// The verdict ladder, the one place it is written: a precondition not true or a red flag
/// present is a Stop (seed §5: "If any red flag is present: Stop. Do not deploy KOOM."); else
/// a question still open ("Not sure" or unanswered) holds the verdict; else a maturity facet
/// missing is Not yet (seed §3: "KOOM requires these cultural capabilities"); else Ready.
/// [`evaluate`] and [`verdict_of`] both climb it.
fn ladder(blocked: bool, open: bool, gap: bool) -> Verdict {
    if blocked {
        Verdict::Stop
    } else if open {
        Verdict::Hold
    } else if gap {
        Verdict::NotYet
    } else {
        Verdict::Ready
    }
}

/// The verdict alone, as [`evaluate`] gives it, without building its reasons (a team
/// evaluates every respondent's verdict: 500 of them). A shared red flag asks its
/// precondition's question, so the preconditions and the other red flags cover every blocker.
pub(crate) fn verdict_of(assessment: &Assessment) -> Verdict {
    let blocker_questions = PRECONDITIONS
        .iter()
        .flat_map(|p| p.questions.iter().copied())
        .chain(
            RED_FLAGS
                .iter()
                .filter(|f| !f.is_shared())
                .map(|f| f.question),
        );
    let maturity_questions = || {
        MATURITY_REQUIREMENTS
            .iter()
            .flat_map(|m| m.questions.iter())
    };
    let mut open = false;
    for q in blocker_questions {
        match finding(assessment, q) {
            Finding::Problem => return ladder(true, open, false),
            f => open |= f.is_open(),
        }
    }
    open = open || maturity_questions().any(|q| finding(assessment, q).is_open());
    let gap = maturity_questions().any(|q| finding(assessment, q) == Finding::Problem);
    ladder(false, open, gap)
}

/// The reason "this maturity facet is missing", for a question of a maturity requirement
/// (`None` for any other question): a team lists it behind an open facet (see `team.rs`).
pub(crate) fn maturity_gap_reason(question_id: &str) -> Option<Reason> {
    MATURITY_REQUIREMENTS.iter().find_map(|m| {
        let q = m.questions.iter().find(|q| q.id == question_id)?;
        Some(problem_reason(
            ReasonKind::MaturityMissing,
            m.id,
            m.label(),
            model::MATURITY_SECTION,
            m.consequence,
            q,
        ))
    })
}

/// Evaluates readiness. Total: any assessment value gives a result, never a panic.
pub fn evaluate(assessment: &Assessment) -> Readiness {
    let mut blockers = Vec::new();
    let mut open = Vec::new();
    let mut maturity_gaps = Vec::new();

    for p in PRECONDITIONS.iter() {
        let label = p.label();
        for q in p.questions {
            match finding(assessment, q) {
                Finding::Problem => blockers.push(problem_reason(
                    ReasonKind::PreconditionNotTrue,
                    p.id,
                    label.clone(),
                    model::PRECONDITIONS_SECTION,
                    p.consequence,
                    q,
                )),
                f if f.is_open() => open.push(open_reason(
                    p.id,
                    label.clone(),
                    model::PRECONDITIONS_SECTION,
                    p.consequence,
                    q,
                    f,
                )),
                _ => {}
            }
        }
    }
    for flag in RED_FLAGS.iter() {
        let label = flag.label();
        match finding(assessment, flag.question) {
            Finding::Problem => blockers.push(problem_reason(
                ReasonKind::RedFlagPresent,
                flag.id,
                label,
                model::RED_FLAGS_SECTION,
                flag.consequence,
                flag.question,
            )),
            // An unanswered shared question is reported where it is asked, under its
            // precondition; a "Not sure" on it leaves the red flag itself in doubt, so it is
            // listed under both.
            f if f.is_open() && (!flag.is_shared() || f == Finding::NotSure) => {
                open.push(open_reason(
                    flag.id,
                    label,
                    model::RED_FLAGS_SECTION,
                    flag.consequence,
                    flag.question,
                    f,
                ))
            }
            _ => {}
        }
    }
    for m in MATURITY_REQUIREMENTS.iter() {
        let label = m.label();
        for q in m.questions {
            match finding(assessment, q) {
                Finding::Problem => maturity_gaps.push(problem_reason(
                    ReasonKind::MaturityMissing,
                    m.id,
                    label.clone(),
                    model::MATURITY_SECTION,
                    m.consequence,
                    q,
                )),
                f if f.is_open() => open.push(open_reason(
                    m.id,
                    label.clone(),
                    model::MATURITY_SECTION,
                    m.consequence,
                    q,
                    f,
                )),
                _ => {}
            }
        }
    }

    let mut open_questions: Vec<&'static str> = Vec::with_capacity(open.len());
    for r in &open {
        if !open_questions.contains(&r.question_id) {
            open_questions.push(r.question_id);
        }
    }
    let verdict = ladder(
        !blockers.is_empty(),
        !open.is_empty(),
        !maturity_gaps.is_empty(),
    );

    let would_change = would_change(verdict, &blockers, open_questions.len(), &maturity_gaps);
    let (reasons, also) = match verdict {
        Verdict::Stop => (blockers, maturity_gaps),
        Verdict::Hold => (open, maturity_gaps),
        Verdict::NotYet => (maturity_gaps, Vec::new()),
        Verdict::Ready => (Vec::new(), Vec::new()),
    };

    let green_flags_present: Vec<&'static str> = GREEN_FLAGS
        .iter()
        .filter(|g| assessment.answer(g.question.id) == Some(Answer::Yes))
        .map(|g| g.id)
        .collect();
    Readiness {
        verdict,
        reasons,
        also,
        open_questions,
        caution: caution(verdict, &green_flags_present),
        green_flags_present,
        would_change,
        inconsistencies: inconsistencies(assessment),
    }
}

/// A count of things: `one` ("1 question") for one, else `many` ("{n} questions", filled).
fn count(n: usize, one: &str, many: String) -> String {
    if n == 1 {
        one.to_string()
    } else {
        many
    }
}

fn would_change(
    verdict: Verdict,
    blockers: &[Reason],
    open: usize,
    gaps: &[Reason],
) -> Vec<String> {
    let mut lines = Vec::new();
    match verdict {
        Verdict::Stop => {
            let distinct = {
                let mut ids: Vec<&str> = blockers.iter().map(|r| r.question_id).collect();
                ids.sort_unstable();
                ids.dedup();
                ids.len()
            };
            let next = if open > 0 {
                trf!(
                    "Hold, with {count} still to answer",
                    count = count(open, tr!("1 question"), trf!("{n} questions", n = open))
                )
            } else if !gaps.is_empty() {
                tr!("Not yet, with maturity to build").to_string()
            } else {
                tr!("Ready").to_string()
            };
            // "Why (n)" lists every cause; one answer can be the cause of two (a condition
            // and the red flag restating it), so say both counts when they differ.
            let resolving = if distinct == blockers.len() {
                count(
                    distinct,
                    tr!("1 blocker"),
                    trf!("{n} blockers", n = distinct),
                )
            } else {
                let n = blockers.len();
                trf!(
                    "the {causes} listed ({answers})",
                    causes = count(n, tr!("1 cause"), trf!("{n} causes", n = n)),
                    answers = count(distinct, tr!("1 answer"), trf!("{n} answers", n = distinct))
                )
            };
            lines.push(trf!(
                "Resolving {resolving} would lift the Stop; with the other answers as they are, the verdict would then be {next}.",
                resolving = resolving,
                next = next
            ));
        }
        Verdict::Hold => {
            lines.push(trf!(
                "Answering the {count} decides the verdict: any warning behaviour or red flag present makes it Stop; otherwise it becomes {next}.",
                count = count(open, tr!("1 open question"), trf!("{n} open questions", n = open)),
                next = if gaps.is_empty() {
                    tr!("Ready, or Not yet if a maturity facet is missing")
                } else {
                    tr!("Not yet until the maturity gaps are closed")
                }
            ));
        }
        Verdict::NotYet => {
            let n = gaps.len();
            lines.push(trf!(
                "Closing the {count} makes the verdict Ready.",
                count = count(n, tr!("1 maturity gap"), trf!("{n} maturity gaps", n = n))
            ));
        }
        Verdict::Ready => {}
    }
    if verdict != Verdict::Stop {
        lines.push(
            tr!("Any warning behaviour, missing CoE owner or red flag answered as present turns the verdict to Stop at once.")
                .to_string(),
        );
    }
    lines
}

/// Answers that contradict each other, in model order.
pub fn inconsistencies(assessment: &Assessment) -> Vec<Inconsistency> {
    let mut found = Vec::new();
    for c in CONTRADICTIONS.iter() {
        let Some(claim) = model::question(c.claim) else {
            continue;
        };
        if assessment.answer(claim.id) != Some(Answer::Yes) {
            continue;
        }
        for id in c.conflicts_with {
            let Some(conflict) = model::question(id) else {
                continue;
            };
            if finding(assessment, conflict) == Finding::Problem {
                found.push(Inconsistency {
                    claim_id: claim.id,
                    conflict_id: conflict.id,
                    message: trf!(
                        "Check: you answered “Yes” to “{claim}” and “{answer}” to “{conflict}”. Can both be true? If one describes what really happens better, change the other.",
                        claim = tr!(claim.text),
                        answer = assessment.answer(conflict.id).map(Answer::label).unwrap_or("—"),
                        conflict = tr!(conflict.text),
                    ),
                });
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::example::raccoons_inc;
    use crate::domain::model::items::readiness_questions;

    /// Every readiness question answered healthy: the Ready baseline.
    pub(crate) fn all_healthy() -> Assessment {
        let mut a = Assessment::new("Test Org", "");
        for q in readiness_questions() {
            a.set_answer(q.id, Some(q.healthy));
        }
        a
    }

    #[test]
    fn blank_assessment_holds_with_every_readiness_question_open() {
        let r = evaluate(&Assessment::default());
        assert_eq!(r.verdict, Verdict::Hold);
        assert_eq!(r.open_questions.len(), readiness_questions().count());
        assert_eq!(r.open_questions.len(), 15 + 7 + 2);
        assert!(r.reasons.iter().all(|x| x.kind == ReasonKind::Open));
    }

    #[test]
    fn all_healthy_is_ready_with_no_reasons() {
        let r = evaluate(&all_healthy());
        assert_eq!(r.verdict, Verdict::Ready);
        assert!(r.reasons.is_empty());
        assert!(r.also.is_empty());
        assert!(r.would_change.iter().any(|l| l.contains("Stop at once")));
    }

    #[test]
    fn every_warning_behaviour_present_is_a_stop_naming_its_condition() {
        for p in PRECONDITIONS.iter() {
            for q in p.questions {
                let mut a = all_healthy();
                a.set_answer(q.id, Some(q.healthy.opposite()));
                let r = evaluate(&a);
                assert_eq!(r.verdict, Verdict::Stop, "{}", q.id);
                let reason = r
                    .reasons
                    .iter()
                    .find(|x| x.kind == ReasonKind::PreconditionNotTrue)
                    .expect("a precondition reason");
                assert_eq!(reason.item_id, p.id);
                assert_eq!(reason.question_id, q.id);
                assert_eq!(reason.consequence, p.consequence);
                assert!(!reason.action.is_empty());
            }
        }
    }

    #[test]
    fn every_red_flag_present_is_a_stop_naming_it() {
        for flag in RED_FLAGS.iter() {
            let mut a = all_healthy();
            a.set_answer(flag.question.id, Some(Answer::Yes));
            let r = evaluate(&a);
            assert_eq!(r.verdict, Verdict::Stop, "{}", flag.id);
            let reason = r
                .reasons
                .iter()
                .find(|x| x.kind == ReasonKind::RedFlagPresent)
                .expect("a red flag reason");
            assert_eq!(reason.item_id, flag.id);
            assert_eq!(reason.consequence, flag.consequence);
        }
    }

    #[test]
    fn a_shared_fact_raises_both_its_condition_and_its_red_flag() {
        let mut a = all_healthy();
        a.set_answer(
            "precondition.executives.direct_orders_outside_spine",
            Some(Answer::Yes),
        );
        let r = evaluate(&a);
        let items: Vec<&str> = r.reasons.iter().map(|x| x.item_id).collect();
        assert_eq!(
            items,
            [
                "precondition.executives",
                "red_flag.executives_issue_tasks_directly"
            ]
        );
        assert_eq!(
            r.reasons[1].message(),
            "Red flag 3 — “Our executives still issue tasks to workers directly.” (§5): executives issue direct orders to workers outside the spine. KOOM will collapse instantly."
        );
        // Two causes under "Why (2)", from one answer: the count says both.
        assert_eq!(
            r.would_change[0],
            "Resolving the 2 causes listed (1 answer) would lift the Stop; with the other answers as they are, the verdict would then be Ready."
        );
    }

    #[test]
    fn a_missing_coe_owner_stops_with_no_coe_no_koom() {
        let mut a = all_healthy();
        a.set_answer("precondition.coe.templates_owner", Some(Answer::No));
        let r = evaluate(&a);
        assert_eq!(r.verdict, Verdict::Stop);
        assert_eq!(
            r.reasons[0].message(),
            "Condition 5 — There is at least a basic CoE presence (§2): no one owns templates. No CoE = No KOOM. Period."
        );
        assert_eq!(r.reasons[0].step, Some("step.coe"));
    }

    #[test]
    fn executives_bypassing_managers_points_to_executive_education() {
        let mut a = all_healthy();
        a.set_answer(
            "precondition.executives.bypassing_managers",
            Some(Answer::Yes),
        );
        let r = evaluate(&a);
        assert_eq!(r.reasons[0].step, Some("step.executive_education"));
        assert_eq!(
            r.reasons[0].action,
            "Run executive education on role boundaries (step 1): executives direct through managers, never around them."
        );
    }

    #[test]
    fn stop_is_shown_while_other_questions_are_open() {
        let mut a = Assessment::default();
        a.set_answer("red_flag.no_time_for_structure", Some(Answer::Yes));
        let r = evaluate(&a);
        assert_eq!(r.verdict, Verdict::Stop);
        assert_eq!(r.reasons.len(), 1);
        assert_eq!(r.open_questions.len(), 23);
        assert!(r.would_change[0].ends_with("Hold, with 23 questions still to answer."));
    }

    #[test]
    fn not_sure_on_a_precondition_holds_and_lists_it() {
        let mut a = all_healthy();
        a.set_answer("precondition.workers.bypassing_sops", Some(Answer::NotSure));
        let r = evaluate(&a);
        assert_eq!(r.verdict, Verdict::Hold);
        assert_eq!(r.open_questions, ["precondition.workers.bypassing_sops"]);
        assert_eq!(
            r.reasons[0].message(),
            "Condition 3 — Workers commit to escalation instead of guessing (§2): “Do workers bypass SOPs when they are inconvenient?” is answered “Not sure”. If this turns out to be a problem: Stop. Deployment will fail."
        );
    }

    #[test]
    fn not_sure_on_a_fact_shared_by_a_condition_and_a_red_flag_is_listed_under_both() {
        let mut a = all_healthy();
        a.set_answer(
            "precondition.managers.inventing_workflows",
            Some(Answer::NotSure),
        );
        let r = evaluate(&a);
        assert_eq!(r.verdict, Verdict::Hold);
        let items: Vec<&str> = r.reasons.iter().map(|x| x.item_id).collect();
        assert_eq!(
            items,
            [
                "precondition.managers",
                "red_flag.managers_rewrite_workflows"
            ]
        );
        assert_eq!(
            r.open_questions,
            ["precondition.managers.inventing_workflows"],
            "one question, once"
        );
        assert!(r.would_change[0].starts_with("Answering the 1 open question decides"));
    }

    #[test]
    fn a_hold_groups_its_open_questions_by_item() {
        let r = evaluate(&Assessment::default());
        let groups = r.open_groups();
        assert_eq!(
            groups.len(),
            5 + 2 + 3,
            "five conditions, two own red flags, three requirements"
        );
        assert_eq!(
            groups[0].item_label,
            "Condition 1 — Executives agree to respect role boundaries"
        );
        assert_eq!(groups[0].questions.len(), 4);
        assert_eq!(
            groups.iter().map(|g| g.questions.len()).sum::<usize>(),
            r.open_questions.len()
        );
        let mut a = all_healthy();
        a.set_answer("maturity.truth.audit_uncensored", Some(Answer::NotSure));
        let groups = evaluate(&a).open_groups();
        assert_eq!(groups.len(), 1);
        assert_eq!(
            groups[0].questions,
            [("Are audit findings reported uncensored?", true)]
        );
    }

    #[test]
    fn unanswered_red_flag_holds() {
        let mut a = all_healthy();
        a.set_answer("red_flag.benefits_not_boundaries", None);
        let r = evaluate(&a);
        assert_eq!(r.verdict, Verdict::Hold);
        assert_eq!(r.reasons[0].item_id, "red_flag.benefits_not_boundaries");
    }

    #[test]
    fn open_maturity_facet_holds() {
        let mut a = all_healthy();
        a.set_answer("maturity.truth.audit_uncensored", Some(Answer::NotSure));
        assert_eq!(evaluate(&a).verdict, Verdict::Hold);
    }

    #[test]
    fn every_missing_maturity_facet_is_not_yet() {
        for m in MATURITY_REQUIREMENTS.iter() {
            for q in m.questions {
                let mut a = all_healthy();
                a.set_answer(q.id, Some(Answer::No));
                let r = evaluate(&a);
                assert_eq!(r.verdict, Verdict::NotYet, "{}", q.id);
                assert_eq!(r.reasons[0].kind, ReasonKind::MaturityMissing);
                assert_eq!(r.reasons[0].item_id, m.id);
                assert_eq!(r.reasons[0].consequence, m.consequence);
            }
        }
    }

    #[test]
    fn maturity_gap_behind_a_stop_is_listed_as_also() {
        let mut a = all_healthy();
        a.set_answer(
            "maturity.early_escalation.blockers_raised_early",
            Some(Answer::No),
        );
        a.set_answer("precondition.ai_bounded.magic_shortcut", Some(Answer::Yes));
        let r = evaluate(&a);
        assert_eq!(r.verdict, Verdict::Stop);
        assert_eq!(r.also.len(), 1);
        assert_eq!(r.also[0].item_id, "maturity.early_escalation");
        assert!(r.would_change[0].contains("Not yet, with maturity to build"));
    }

    #[test]
    fn green_flags_never_override_a_blocker() {
        let mut a = all_healthy();
        for g in GREEN_FLAGS.iter() {
            a.set_answer(g.question.id, Some(Answer::Yes));
        }
        a.set_answer("red_flag.no_time_for_structure", Some(Answer::Yes));
        let r = evaluate(&a);
        assert_eq!(r.verdict, Verdict::Stop);
        assert_eq!(r.green_flag_summary(), "6 of 6 green flags present");
    }

    #[test]
    fn green_flags_do_not_count_not_sure() {
        let mut a = all_healthy();
        a.set_answer("green_flag.coe_empowered", Some(Answer::Yes));
        a.set_answer("green_flag.audit_accepted_as_truth", Some(Answer::NotSure));
        assert_eq!(
            evaluate(&a).green_flag_summary(),
            "1 of 6 green flags present"
        );
    }

    fn pairs(a: &Assessment) -> Vec<(&'static str, &'static str)> {
        evaluate(a)
            .inconsistencies
            .iter()
            .map(|i| (i.claim_id, i.conflict_id))
            .collect()
    }

    /// Seed §6: "Workers follow the SOP and escalate fast." against §2: "If workers culturally
    /// default to: “figuring it out,” …" — the same behaviour described both ways: a question.
    #[test]
    fn workers_following_the_sop_and_improvising_is_a_check() {
        let mut a = all_healthy();
        a.set_answer("green_flag.workers_follow_sop", Some(Answer::Yes));
        a.set_answer("precondition.workers.figuring_it_out", Some(Answer::Yes));
        assert_eq!(
            pairs(&a),
            [
                (
                    "green_flag.workers_follow_sop",
                    "precondition.workers.figuring_it_out"
                ),
                (
                    "maturity.early_escalation.blockers_raised_early",
                    "precondition.workers.figuring_it_out"
                )
            ]
        );
        assert_eq!(
            evaluate(&a).inconsistencies[0].message,
            "Check: you answered “Yes” to “Do workers follow the SOP and escalate fast, without trying to be heroes?” and “Yes” to “When blocked, do workers default to “figuring it out” and improvising instead of escalating?”. Can both be true? If one describes what really happens better, change the other."
        );
    }

    /// Seed §6: "Executives value clarity over control. They stay in their lane." against §2:
    /// "If executives insist on: … bypassing managers": cannot both be true.
    #[test]
    fn executives_in_their_lane_and_bypassing_managers_is_a_check() {
        let mut a = all_healthy();
        a.set_answer("green_flag.executives_value_clarity", Some(Answer::Yes));
        a.set_answer(
            "precondition.executives.bypassing_managers",
            Some(Answer::Yes),
        );
        assert_eq!(
            pairs(&a),
            [(
                "green_flag.executives_value_clarity",
                "precondition.executives.bypassing_managers"
            )]
        );
    }

    /// Seed §6: "Managers value structure over shortcuts. They follow the spine." against
    /// §2: "If managers want to invent workflows or ignore the CoE".
    #[test]
    fn managers_following_the_spine_and_inventing_workflows_is_a_check() {
        let mut a = all_healthy();
        a.set_answer("green_flag.managers_value_structure", Some(Answer::Yes));
        a.set_answer(
            "precondition.managers.inventing_workflows",
            Some(Answer::Yes),
        );
        a.set_answer("precondition.managers.ignoring_coe", Some(Answer::Yes));
        assert_eq!(pairs(&a).len(), 2);
    }

    /// Seed §6: "CoE is empowered and respected." against managers who "ignore the CoE" (§2).
    #[test]
    fn a_respected_coe_that_managers_ignore_is_a_check() {
        let mut a = all_healthy();
        a.set_answer("green_flag.coe_empowered", Some(Answer::Yes));
        a.set_answer("precondition.managers.ignoring_coe", Some(Answer::Yes));
        assert_eq!(
            pairs(&a),
            [(
                "green_flag.coe_empowered",
                "precondition.managers.ignoring_coe"
            )]
        );
    }

    /// Seed §6: "Audit is accepted as truth, not punishment." against §3: "Audit cannot be
    /// censored." A censored audit is not accepted as truth.
    #[test]
    fn audit_accepted_as_truth_and_censored_is_a_check() {
        let mut a = all_healthy();
        a.set_answer("green_flag.audit_accepted_as_truth", Some(Answer::Yes));
        a.set_answer("maturity.truth.audit_uncensored", Some(Answer::No));
        assert_eq!(
            pairs(&a),
            [(
                "green_flag.audit_accepted_as_truth",
                "maturity.truth.audit_uncensored"
            )]
        );
    }

    /// Seed §3: "If blockers silently accumulate, KOOM collapses." Blockers raised early and
    /// workers improvising instead of escalating describe the same thing both ways.
    #[test]
    fn blockers_raised_early_and_improvising_is_a_check() {
        let mut a = all_healthy();
        a.set_answer("precondition.workers.figuring_it_out", Some(Answer::Yes));
        assert_eq!(
            pairs(&a),
            [(
                "maturity.early_escalation.blockers_raised_early",
                "precondition.workers.figuring_it_out"
            )]
        );
    }

    /// Seed §6: "The organization wants predictable throughput instead of chaos heroics." and
    /// §3: "Organizations addicted to chaos cannot adopt KOOM until detoxed." A wish beside the
    /// problem it wishes away is tension, not a contradiction; so is an empowered CoE (§6)
    /// while no one owns training yet (§2: "You cannot deploy KOOM if no one owns: … training"),
    /// and audit accepted as truth while "Metrics cannot become political weapons" (§3) fails.
    #[test]
    fn a_wish_beside_a_present_problem_is_tension_not_a_contradiction() {
        let mut a = all_healthy();
        a.set_answer("green_flag.predictable_throughput", Some(Answer::Yes));
        a.set_answer(
            "maturity.predictability.no_chaos_leadership",
            Some(Answer::No),
        );
        a.set_answer("red_flag.no_time_for_structure", Some(Answer::Yes));
        a.set_answer("green_flag.coe_empowered", Some(Answer::Yes));
        for owner in [
            "precondition.coe.training_owner",
            "precondition.coe.templates_owner",
            "precondition.coe.workflows_owner",
        ] {
            a.set_answer(owner, Some(Answer::No));
        }
        a.set_answer("green_flag.audit_accepted_as_truth", Some(Answer::Yes));
        a.set_answer("maturity.truth.metrics_not_weapons", Some(Answer::No));
        assert_eq!(pairs(&a), []);
    }

    /// Seed §6: "Green Flags — Deployment Will Succeed If These Are Present" and "Audit is
    /// accepted as truth, not punishment. This is huge." Ready stays Ready; few flags, or no
    /// audit accepted as truth, add a caution naming what the missing signals would add.
    #[test]
    fn ready_on_few_green_flags_carries_a_caution_and_stays_ready() {
        let a = all_healthy();
        let r = evaluate(&a);
        assert_eq!(r.verdict, Verdict::Ready);
        let c = r.caution.expect("a caution at 0 of 6");
        assert!(c
            .summary
            .starts_with("Ready, with a caution: 0 of 6 green flags present."));
        assert!(c
            .summary
            .contains("“Audit is accepted as truth, not punishment. This is huge.”"));
        assert_eq!(c.missing.len(), 6);
        assert_eq!(
            c.missing[4],
            "Green flag 5 — Audit is accepted as truth, not punishment. This is huge."
        );

        // Half present, audit among them: no caution.
        let mut b = all_healthy();
        for id in [
            AUDIT_GREEN_FLAG,
            "green_flag.coe_empowered",
            "green_flag.workers_follow_sop",
        ] {
            b.set_answer(id, Some(Answer::Yes));
        }
        assert_eq!(evaluate(&b).caution, None);
        // Five present but not audit: still a caution, about audit.
        let mut c = all_healthy();
        for g in GREEN_FLAGS.iter().filter(|g| g.id != AUDIT_GREEN_FLAG) {
            c.set_answer(g.question.id, Some(Answer::Yes));
        }
        let caution = evaluate(&c).caution.expect("audit not accepted as truth");
        assert!(caution
            .summary
            .contains("Audit is not accepted as truth yet"));
        assert_eq!(caution.missing.len(), 1);
        // Never on another verdict: green flags never gate, and never soften a Stop.
        let mut d = all_healthy();
        d.set_answer("red_flag.no_time_for_structure", Some(Answer::Yes));
        assert_eq!(evaluate(&d).caution, None);
        assert_eq!(evaluate(&raccoons_inc()).caution, None);
    }

    #[test]
    fn healthy_answers_have_no_inconsistencies() {
        let mut a = all_healthy();
        for g in GREEN_FLAGS.iter() {
            a.set_answer(g.question.id, Some(Answer::Yes));
        }
        assert!(evaluate(&a).inconsistencies.is_empty());
    }

    #[test]
    fn raccoons_inc_is_ready() {
        let r = evaluate(&raccoons_inc());
        assert_eq!(r.verdict, Verdict::Ready);
        assert_eq!(r.green_flags_present.len(), 6);
        assert!(r.inconsistencies.is_empty());
    }

    #[test]
    fn the_verdict_alone_is_the_evaluations_verdict() {
        let questions: Vec<_> = readiness_questions().collect();
        let answers = [
            None,
            Some(Answer::Yes),
            Some(Answer::No),
            Some(Answer::NotSure),
        ];
        // SplitMix64: deterministic assessments, from all healthy to anything.
        let mut state = 7u64;
        let mut next = || {
            state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let z = (state ^ (state >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            let z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        };
        for round in 0..20_000u64 {
            let mut a = all_healthy();
            let changes = if round % 5 == 4 { 40 } else { round % 4 };
            for _ in 0..changes {
                let q = questions[(next() % questions.len() as u64) as usize];
                a.set_answer(q.id, answers[(next() % 4) as usize]);
            }
            assert_eq!(verdict_of(&a), evaluate(&a).verdict, "{:?}", a.answers);
        }
        assert_eq!(verdict_of(&Assessment::default()), Verdict::Hold);
    }

    /// Seed §5: "If any red flag is present: Stop. Do not deploy KOOM." — a blocker decides
    /// whatever else is open or missing; an open question holds before a missing facet says
    /// "Not yet"; only nothing open or missing is Ready.
    #[test]
    fn the_ladder_puts_any_blocker_first_then_doubt_then_maturity() {
        for open in [false, true] {
            for gap in [false, true] {
                assert_eq!(ladder(true, open, gap), Verdict::Stop);
            }
            assert_eq!(ladder(false, true, open), Verdict::Hold);
        }
        assert_eq!(ladder(false, false, true), Verdict::NotYet);
        assert_eq!(ladder(false, false, false), Verdict::Ready);
    }

    #[test]
    fn verdicts_are_ordered_worst_first() {
        assert!(Verdict::Stop < Verdict::Hold);
        assert!(Verdict::Hold < Verdict::NotYet);
        assert!(Verdict::NotYet < Verdict::Ready);
    }
}
