//! The non-negotiable deployment sequence (seed §4): step gating, the full-deployment gate
//! and its "roll back, retrain, repeat" loop.
//!
//! The loop is real: a failed gate is recorded as a pilot iteration (its date, the criteria not
//! met, the gate's answers); the steps named for retraining are no longer complete until each is
//! confirmed retrained, with a date; the pilot's evaluation is redone and the gate answered
//! afresh before full deployment.

use std::collections::BTreeMap;
use std::fmt;

use crate::domain::model::answer::{Answer, Finding};
use crate::domain::model::assessment::{Assessment, PilotIteration};
use crate::domain::model::items::{
    self as model, ChecklistItem, Completion, DeploymentStep, StepId, DEPLOYMENT_STEPS,
    FULL_DEPLOYMENT, FULL_DEPLOYMENT_STEP, GATE_CRITERIA, PILOT, PILOT_EVALUATION_ITEM,
    PILOT_POLITICS_QUESTION, PILOT_STEP,
};
use crate::domain::model::limits::{bounded, TextKind, MAX_ITERATIONS};
use crate::domain::rules::readiness::Verdict;

/// Why a step cannot be worked on now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LockReason {
    /// The sequence can be started only from a Ready verdict.
    NotReady(Verdict),
    /// The sequence was started, then the readiness verdict fell back.
    Halted(Verdict),
    /// The previous step (its number) is not complete.
    PreviousStepIncomplete(u8),
}

impl fmt::Display for LockReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LockReason::NotReady(v) => f.write_str(&trf!(
                "The sequence can start only from a Ready verdict; the verdict is “{verdict}”.",
                verdict = v.headline()
            )),
            LockReason::Halted(v) => f.write_str(&trf!(
                "The sequence is halted: the readiness verdict fell back to “{verdict}”. Resolve its causes first.",
                verdict = v.headline()
            )),
            LockReason::PreviousStepIncomplete(n) => {
                f.write_str(&trf!("Locked until step {n} is complete.", n = n))
            }
        }
    }
}

/// Where a step stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepState {
    /// Every item is done, any retraining is confirmed, and every previous step is complete.
    Complete,
    /// The step to work on now.
    Current,
    /// Cannot be worked on, for this reason.
    Locked(LockReason),
}

/// A step named for retraining by the last failed gate ("roll back, retrain, repeat").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Retraining {
    /// The pilot iteration (1-based) that named it.
    pub iteration: usize,
    /// When it was confirmed retrained (ISO date), if it was.
    pub confirmed: Option<String>,
}

/// One step with its progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepStatus {
    /// The step of the model.
    pub step: &'static DeploymentStep,
    /// Where it stands.
    pub state: StepState,
    /// Checklist items done (for step 6: gate criteria met).
    pub done: usize,
    /// Checklist items in all (for step 6: gate criteria).
    pub total: usize,
    /// Whether the last failed gate named this step for retraining, and whether that is done.
    pub retraining: Option<Retraining>,
}

impl StepStatus {
    /// Whether the step waits for its retraining to be confirmed.
    pub fn retraining_pending(&self) -> bool {
        self.retraining
            .as_ref()
            .is_some_and(|r| r.confirmed.is_none())
    }

    /// The lock reason as text, if the step is locked.
    pub fn state_reason_text(&self) -> Option<String> {
        match self.state {
            StepState::Locked(r) => Some(r.to_string()),
            _ => None,
        }
    }
}

/// Where the whole sequence stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SequenceState {
    /// Not started, and the verdict is not Ready.
    NotStartable(Verdict),
    /// Started (or startable) with a Ready verdict.
    Active,
    /// Started, then the verdict fell back below Ready.
    Halted(Verdict),
    /// Every step complete: KOOM is fully deployed.
    FullyDeployed,
}

/// The full-deployment gate (step 6).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GateOutcome {
    /// Step 6 cannot be reached now (an earlier step is incomplete, or the verdict is not
    /// Ready): the gate's answers, whatever they are, decide nothing.
    Suspended(LockReason),
    /// Some criteria are unanswered or "Not sure" and none failed.
    Pending {
        /// Ids of the criteria still open.
        open: Vec<&'static str>,
    },
    /// All six criteria met: proceed to full deployment.
    FullDeployment,
    /// At least one criterion failed: roll back, retrain, repeat.
    RollBack {
        /// Ids of the criteria that failed.
        failed: Vec<&'static str>,
        /// Ids of the criteria still open.
        open: Vec<&'static str>,
    },
}

/// The sequence evaluation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sequence {
    /// Where the sequence stands.
    pub state: SequenceState,
    /// The six steps, in order.
    pub steps: Vec<StepStatus>,
    /// Number (1–6) of the step to work on now, if any.
    pub current: Option<u8>,
    /// The step-6 gate, suspended while step 6 cannot be reached.
    pub gate: GateOutcome,
    /// Pilot iterations recorded so far ("roll back, retrain, repeat").
    pub iterations: usize,
    /// The steps the last failed gate named for retraining, in sequence order, until a new
    /// gate passes.
    pub retraining: Vec<(StepId, Retraining)>,
    /// Whether every step is complete and the gate passed, whatever the verdict says now
    /// (a deployment that happened stays a deployment, even while the sequence is halted).
    pub deployed: bool,
    /// What was answered about politics in the pilot department: a problem when it is crippled
    /// by politics, open when not known ("Not sure" is never a pass).
    pub pilot_politics: Finding,
}

/// Why a change to the sequence was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SequenceError {
    /// The id names no checklist item of the model.
    UnknownItem(String),
    /// The item's step is locked.
    Locked(LockReason),
    /// The item is done by naming the pilot department, not by ticking.
    NotTickable(&'static str),
    /// A pilot iteration needs a failed gate.
    GateNotFailed,
    /// The pilot cannot be evaluated again before these steps are confirmed retrained.
    RetrainingPending(Vec<StepId>),
    /// The step is not waiting for retraining.
    NotNamedForRetraining(String),
    /// As many pilot iterations as an assessment keeps are recorded.
    TooManyIterations,
    /// The step cannot be chosen for retraining (only steps before the pilot can).
    NotRetrainable(String),
    /// There is no pilot iteration to undo.
    NoIteration,
    /// The pilot iteration (its number) cannot be undone: the pilot was repeated since.
    RepeatedSince(usize),
}

impl fmt::Display for SequenceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SequenceError::UnknownItem(id) => f.write_str(&trf!(
                "“{id}” is not an item of the deployment sequence.",
                id = id
            )),
            SequenceError::Locked(reason) => write!(f, "{reason}"),
            SequenceError::NotTickable(id) => f.write_str(&trf!(
                "“{id}” is done by naming the pilot department.",
                id = id
            )),
            SequenceError::GateNotFailed => f.write_str(tr!(
                "A pilot iteration is recorded only when the full-deployment gate has failed."
            )),
            SequenceError::RetrainingPending(steps) => {
                let names: Vec<String> = steps
                    .iter()
                    .filter_map(|id| model::step(id))
                    .map(DeploymentStep::label)
                    .collect();
                f.write_str(&trf!(
                    "Roll back, retrain, repeat: confirm the retraining of {steps} before the pilot is evaluated again.",
                    steps = names.join(", ")
                ))
            }
            SequenceError::NotNamedForRetraining(id) => f.write_str(&trf!(
                "“{id}” was not named for retraining by the last failed gate.",
                id = id
            )),
            SequenceError::TooManyIterations => f.write_str(&trf!(
                "This assessment already holds {max} pilot iterations, as many as it keeps. Export it as a file for the record, then start a new assessment for the next round.",
                max = MAX_ITERATIONS
            )),
            SequenceError::NotRetrainable(id) => f.write_str(&trf!(
                "“{id}” cannot be chosen for retraining: only the steps before the pilot are retrained; the pilot itself is repeated.",
                id = id
            )),
            SequenceError::NoIteration => f.write_str(tr!("There is no pilot iteration to undo.")),
            SequenceError::RepeatedSince(n) => f.write_str(&trf!(
                "Pilot iteration {n} cannot be undone: the pilot was evaluated again or the gate answered since. Clear the new evaluation and the gate's answers first; nothing was changed.",
                n = n
            )),
        }
    }
}

impl std::error::Error for SequenceError {}

/// Whether a checklist item is done in this assessment.
pub fn item_done(assessment: &Assessment, item: &ChecklistItem) -> bool {
    match item.completion {
        Completion::Ticked => assessment.checklist.contains(item.id),
        Completion::PilotDepartmentNamed => !assessment.pilot.department.trim().is_empty(),
    }
}

/// Evaluates the full-deployment gate from the criteria's answers alone, reachable or not.
pub fn gate(assessment: &Assessment) -> GateOutcome {
    let mut failed = Vec::new();
    let mut open = Vec::new();
    for c in GATE_CRITERIA.iter() {
        match Finding::of(assessment.answer(c.id), c.question.healthy) {
            Finding::Problem => failed.push(c.id),
            Finding::Healthy => {}
            _ => open.push(c.id),
        }
    }
    if !failed.is_empty() {
        GateOutcome::RollBack { failed, open }
    } else if !open.is_empty() {
        GateOutcome::Pending { open }
    } else {
        GateOutcome::FullDeployment
    }
}

fn started(assessment: &Assessment) -> bool {
    DEPLOYMENT_STEPS
        .iter()
        .flat_map(|s| s.checklist.iter())
        .any(|i| item_done(assessment, i))
        || GATE_CRITERIA
            .iter()
            .any(|c| assessment.answer(c.id).is_some())
        || !assessment.pilot_iterations.is_empty()
}

/// The steps the last pilot iteration named for retraining, with their confirmation, while
/// no gate has passed since.
fn retraining(assessment: &Assessment) -> BTreeMap<&'static str, Retraining> {
    let mut steps = BTreeMap::new();
    let Some(last) = assessment.pilot_iterations.last() else {
        return steps;
    };
    let iteration = assessment.pilot_iterations.len();
    for step in DEPLOYMENT_STEPS.iter() {
        if last.retrain.iter().any(|id| id == step.id) {
            steps.insert(
                step.id,
                Retraining {
                    iteration,
                    confirmed: last.retrained.get(step.id).cloned(),
                },
            );
        }
    }
    steps
}

/// Evaluates the sequence against the readiness verdict. Total: never panics.
pub fn evaluate(assessment: &Assessment, verdict: Verdict) -> Sequence {
    let raw_gate = gate(assessment);
    let gate_passed = raw_gate == GateOutcome::FullDeployment;
    let retraining = retraining(assessment);

    // Completeness is a chain: a step counts as complete only if every earlier one does.
    let mut chain_complete = true;
    let mut completes = Vec::with_capacity(DEPLOYMENT_STEPS.len());
    let mut counts = Vec::with_capacity(DEPLOYMENT_STEPS.len());
    for s in DEPLOYMENT_STEPS.iter() {
        let (done, total) = if s.id == FULL_DEPLOYMENT {
            let met = GATE_CRITERIA
                .iter()
                .filter(|c| assessment.answer(c.id) == Some(Answer::Yes))
                .count();
            (met, GATE_CRITERIA.len())
        } else {
            let done = s
                .checklist
                .iter()
                .filter(|i| item_done(assessment, i))
                .count();
            (done, s.checklist.len())
        };
        let retrained = retraining.get(s.id).is_none_or(|r| r.confirmed.is_some());
        let own = if s.id == FULL_DEPLOYMENT {
            gate_passed
        } else {
            done == total && retrained
        };
        chain_complete = chain_complete && own;
        completes.push(chain_complete);
        counts.push((done, total));
    }

    let deployed = completes.iter().all(|c| *c);
    let state = if verdict != Verdict::Ready {
        if started(assessment) {
            SequenceState::Halted(verdict)
        } else {
            SequenceState::NotStartable(verdict)
        }
    } else if deployed {
        SequenceState::FullyDeployed
    } else {
        SequenceState::Active
    };

    let first_incomplete = completes.iter().position(|c| !*c);
    let mut steps = Vec::with_capacity(DEPLOYMENT_STEPS.len());
    for (i, s) in DEPLOYMENT_STEPS.iter().enumerate() {
        let step_state = if completes[i] {
            StepState::Complete
        } else {
            match state {
                SequenceState::NotStartable(v) => StepState::Locked(LockReason::NotReady(v)),
                SequenceState::Halted(v) => StepState::Locked(LockReason::Halted(v)),
                _ if Some(i) == first_incomplete => StepState::Current,
                // Name the step that blocks, not merely the one before.
                _ => StepState::Locked(LockReason::PreviousStepIncomplete(
                    first_incomplete.map_or(s.number - 1, |f| DEPLOYMENT_STEPS[f].number),
                )),
            }
        };
        steps.push(StepStatus {
            step: s,
            state: step_state,
            done: counts[i].0,
            total: counts[i].1,
            retraining: if gate_passed {
                None
            } else {
                retraining.get(s.id).cloned()
            },
        });
    }

    let current = steps
        .iter()
        .find(|s| s.state == StepState::Current)
        .map(|s| s.step.number);
    let gate = match steps.last().map(|s| s.state) {
        // Step 6 is reachable while the verdict is Ready and steps 1–5 are complete; after a
        // deployment the verdict falling back suspends it too.
        Some(StepState::Current | StepState::Complete)
            if matches!(state, SequenceState::Active | SequenceState::FullyDeployed) =>
        {
            raw_gate
        }
        Some(StepState::Locked(reason)) => GateOutcome::Suspended(reason),
        _ => GateOutcome::Suspended(match state {
            SequenceState::Halted(v) => LockReason::Halted(v),
            SequenceState::NotStartable(v) => LockReason::NotReady(v),
            _ => LockReason::PreviousStepIncomplete(PILOT_STEP.number),
        }),
    };
    let retraining = if gate_passed {
        Vec::new()
    } else {
        DEPLOYMENT_STEPS
            .iter()
            .filter_map(|s| retraining.get(s.id).map(|r| (s.id, r.clone())))
            .collect()
    };

    Sequence {
        state,
        steps,
        current,
        gate,
        iterations: assessment.pilot_iterations.len(),
        retraining,
        deployed,
        pilot_politics: Finding::of(
            assessment.answer(PILOT_POLITICS_QUESTION.id),
            PILOT_POLITICS_QUESTION.healthy,
        ),
    }
}

/// The steps the app suggests retraining for these failed gate criteria, in sequence order,
/// each once (our reading of the seed). The pilot is never among them: after a failed gate it
/// is *repeated* (seed §4: "roll back, retrain, repeat"), whatever is retrained.
pub fn retrain_steps(failed_criteria: &[String]) -> Vec<StepId> {
    DEPLOYMENT_STEPS
        .iter()
        .map(|s| s.id)
        .filter(|step| *step != PILOT && *step != FULL_DEPLOYMENT)
        .filter(|step| {
            GATE_CRITERIA
                .iter()
                .filter(|c| failed_criteria.iter().any(|f| f == c.id))
                .any(|c| c.retrain.contains(step))
        })
        .collect()
}

/// The steps a user can choose to retrain after a failed gate: those before the pilot, which
/// is repeated in any case.
pub fn retrainable_steps() -> impl Iterator<Item = &'static DeploymentStep> {
    DEPLOYMENT_STEPS
        .iter()
        .filter(|s| s.number < PILOT_STEP.number)
}

/// The steps the app suggests retraining for the gate as it is answered now (empty unless it
/// failed).
pub fn suggested_retraining(assessment: &Assessment) -> Vec<StepId> {
    match gate(assessment) {
        GateOutcome::RollBack { failed, .. } => {
            retrain_steps(&failed.iter().map(|s| s.to_string()).collect::<Vec<_>>())
        }
        _ => Vec::new(),
    }
}

/// Whether a step can be changed now (its own items ticked or unticked).
pub fn can_change(sequence: &Sequence, step_number: u8) -> Result<(), LockReason> {
    match sequence
        .steps
        .iter()
        .find(|s| s.step.number == step_number)
        .map(|s| s.state)
    {
        Some(StepState::Locked(reason)) => Err(reason),
        Some(_) => Ok(()),
        None => Err(LockReason::PreviousStepIncomplete(
            step_number.saturating_sub(1),
        )),
    }
}

/// Ticks or unticks a checklist item, if its step can be changed now. The pilot's evaluation
/// cannot be ticked while a step named for retraining is not confirmed retrained.
pub fn set_item_done(
    assessment: &mut Assessment,
    verdict: Verdict,
    item_id: &str,
    done: bool,
) -> Result<(), SequenceError> {
    let (step, item) = model::checklist_item(item_id)
        .ok_or_else(|| SequenceError::UnknownItem(item_id.to_string()))?;
    if item.completion != Completion::Ticked {
        return Err(SequenceError::NotTickable(item.id));
    }
    // Unticking is always allowed: it can only make the sequence more conservative.
    if done {
        let sequence = evaluate(assessment, verdict);
        can_change(&sequence, step.number).map_err(SequenceError::Locked)?;
        if item.id == PILOT_EVALUATION_ITEM {
            let pending: Vec<StepId> = sequence
                .retraining
                .iter()
                .filter(|(_, r)| r.confirmed.is_none())
                .map(|(id, _)| *id)
                .collect();
            if !pending.is_empty() {
                return Err(SequenceError::RetrainingPending(pending));
            }
        }
        assessment.checklist.insert(item.id.to_string());
    } else {
        assessment.checklist.remove(item.id);
    }
    Ok(())
}

/// Records a "roll back, retrain, repeat" iteration after a failed gate: keeps its history
/// (date, failed and open criteria, the gate's answers, the evaluation, the steps the user
/// chose to retrain, see [`suggested_retraining`]), clears the gate's answers and sends the
/// pilot back to be repeated, with the chosen training to do first.
pub fn record_pilot_iteration(
    assessment: &mut Assessment,
    verdict: Verdict,
    date: &str,
    retrain: &[&str],
) -> Result<PilotIteration, SequenceError> {
    can_change(&evaluate(assessment, verdict), FULL_DEPLOYMENT_STEP.number)
        .map_err(SequenceError::Locked)?;
    let GateOutcome::RollBack { failed, open } = gate(assessment) else {
        return Err(SequenceError::GateNotFailed);
    };
    if assessment.pilot_iterations.len() >= MAX_ITERATIONS {
        return Err(SequenceError::TooManyIterations);
    }
    if let Some(bad) = retrain
        .iter()
        .find(|id| !retrainable_steps().any(|s| s.id == **id))
    {
        return Err(SequenceError::NotRetrainable(bad.to_string()));
    }
    let failed_criteria: Vec<String> = failed.iter().map(|s| s.to_string()).collect();
    let iteration = PilotIteration {
        date: date.to_string(),
        open_criteria: open.iter().map(|s| s.to_string()).collect(),
        evaluation: std::mem::take(&mut assessment.pilot.evaluation),
        gate_answers: GATE_CRITERIA
            .iter()
            .filter_map(|c| assessment.answer(c.id).map(|a| (c.id.to_string(), a)))
            .collect(),
        retrain: retrainable_steps()
            .filter(|s| retrain.contains(&s.id))
            .map(|s| s.id.to_string())
            .collect(),
        retrained: BTreeMap::new(),
        failed_criteria,
    };
    for c in GATE_CRITERIA.iter() {
        // Through `set_answer`, so a gate answer carried from a closed round goes with it.
        assessment.set_answer(c.id, None);
    }
    assessment.checklist.remove(PILOT_EVALUATION_ITEM);
    assessment.pilot_iterations.push(iteration.clone());
    Ok(iteration)
}

/// Undoes the last pilot iteration (until the next one is recorded): its gate answers, its
/// pilot evaluation and the evaluation's tick come back; its retraining confirmations go with
/// it. Refused, losing nothing, once the pilot was evaluated again or the gate answered afresh.
pub fn undo_pilot_iteration(assessment: &mut Assessment) -> Result<PilotIteration, SequenceError> {
    if assessment.pilot_iterations.is_empty() {
        return Err(SequenceError::NoIteration);
    }
    let repeated = !assessment.pilot.evaluation.trim().is_empty()
        || assessment.checklist.contains(PILOT_EVALUATION_ITEM)
        || GATE_CRITERIA
            .iter()
            .any(|c| assessment.answer(c.id).is_some());
    if repeated {
        return Err(SequenceError::RepeatedSince(
            assessment.pilot_iterations.len(),
        ));
    }
    let Some(last) = assessment.pilot_iterations.pop() else {
        return Err(SequenceError::NoIteration);
    };
    for (id, answer) in &last.gate_answers {
        assessment.answers.insert(id.clone(), *answer);
    }
    assessment.pilot.evaluation = last.evaluation.clone();
    assessment
        .checklist
        .insert(PILOT_EVALUATION_ITEM.to_string());
    Ok(last)
}

/// Confirms (with `Some(date)`) or withdraws (with `None`) the retraining of a step named by
/// the last failed gate. Confirming needs the step to be workable now; withdrawing is always
/// allowed (it can only make the sequence more conservative).
pub fn set_retrained(
    assessment: &mut Assessment,
    verdict: Verdict,
    step_id: &str,
    date: Option<&str>,
) -> Result<(), SequenceError> {
    let step =
        model::step(step_id).ok_or_else(|| SequenceError::UnknownItem(step_id.to_string()))?;
    let named = assessment
        .pilot_iterations
        .last()
        .is_some_and(|it| it.retrain.iter().any(|id| id == step.id));
    if !named {
        return Err(SequenceError::NotNamedForRetraining(step_id.to_string()));
    }
    if let Some(date) = date {
        can_change(&evaluate(assessment, verdict), step.number).map_err(SequenceError::Locked)?;
        if let Some(last) = assessment.pilot_iterations.last_mut() {
            last.retrained
                .insert(step.id.to_string(), bounded(date.trim(), TextKind::Remark));
        }
    } else if let Some(last) = assessment.pilot_iterations.last_mut() {
        last.retrained.remove(step.id);
    }
    Ok(())
}

/// Fills what an iteration recorded before retraining was tracked lacks: the steps to retrain
/// (from its failed criteria) and the gate's answers (failed: No; open: not known; the rest:
/// Yes, since the gate fails only on a No). Its retraining is then waiting to be confirmed.
pub fn migrate_iteration(iteration: &mut PilotIteration) {
    if iteration.retrain.is_empty() {
        iteration.retrain = retrain_steps(&iteration.failed_criteria)
            .into_iter()
            .map(str::to_string)
            .collect();
    }
    if iteration.gate_answers.is_empty() {
        for c in GATE_CRITERIA.iter() {
            let failed = iteration.failed_criteria.iter().any(|f| f == c.id);
            let open = iteration.open_criteria.iter().any(|f| f == c.id);
            if failed {
                iteration.gate_answers.insert(c.id.to_string(), Answer::No);
            } else if !open {
                iteration.gate_answers.insert(c.id.to_string(), Answer::Yes);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::example::raccoons_inc;

    fn tick_steps(a: &mut Assessment, through: u8) {
        for s in DEPLOYMENT_STEPS.iter().filter(|s| s.number <= through) {
            for i in s.checklist {
                if i.completion == Completion::Ticked {
                    a.checklist.insert(i.id.to_string());
                } else {
                    a.pilot.department = "Packing".into();
                }
            }
        }
    }

    fn pass_gate(a: &mut Assessment) {
        for c in GATE_CRITERIA.iter() {
            a.set_answer(c.id, Some(Answer::Yes));
        }
    }

    #[test]
    fn not_startable_before_ready() {
        let s = evaluate(&Assessment::default(), Verdict::Hold);
        assert_eq!(s.state, SequenceState::NotStartable(Verdict::Hold));
        assert_eq!(s.current, None);
        assert!(s
            .steps
            .iter()
            .all(|x| x.state == StepState::Locked(LockReason::NotReady(Verdict::Hold))));
        assert_eq!(
            LockReason::NotReady(Verdict::Hold).to_string(),
            "The sequence can start only from a Ready verdict; the verdict is “Hold — find out first”."
        );
    }

    #[test]
    fn ready_starts_at_step_one_with_later_steps_locked() {
        let s = evaluate(&Assessment::default(), Verdict::Ready);
        assert_eq!(s.state, SequenceState::Active);
        assert_eq!(s.current, Some(1));
        assert_eq!(s.steps[0].state, StepState::Current);
        assert_eq!(
            s.steps[3].state,
            StepState::Locked(LockReason::PreviousStepIncomplete(1))
        );
        assert_eq!(
            s.steps[3].state_reason_text(),
            Some("Locked until step 1 is complete.".to_string())
        );
    }

    #[test]
    fn a_locked_step_cannot_be_ticked_but_the_current_one_can() {
        let mut a = Assessment::default();
        let err =
            set_item_done(&mut a, Verdict::Ready, "step.coe.design_workflows", true).unwrap_err();
        assert_eq!(
            err,
            SequenceError::Locked(LockReason::PreviousStepIncomplete(1))
        );
        assert!(a.checklist.is_empty());
        set_item_done(
            &mut a,
            Verdict::Ready,
            "step.executive_education.role_boundaries",
            true,
        )
        .unwrap();
        assert!(a
            .checklist
            .contains("step.executive_education.role_boundaries"));
        assert_eq!(
            set_item_done(&mut a, Verdict::Ready, "step.nope", true)
                .unwrap_err()
                .to_string(),
            "“step.nope” is not an item of the deployment sequence."
        );
        assert_eq!(
            set_item_done(&mut a, Verdict::Ready, PILOT_DEPARTMENT_ITEM_ID, true).unwrap_err(),
            SequenceError::NotTickable(PILOT_DEPARTMENT_ITEM_ID)
        );
    }

    const PILOT_DEPARTMENT_ITEM_ID: &str = crate::domain::model::items::PILOT_DEPARTMENT_ITEM;

    #[test]
    fn completing_a_step_moves_current_forward() {
        let mut a = Assessment::default();
        tick_steps(&mut a, 2);
        let s = evaluate(&a, Verdict::Ready);
        assert_eq!(s.current, Some(3));
        assert_eq!(s.steps[1].state, StepState::Complete);
        assert_eq!((s.steps[2].done, s.steps[2].total), (0, 5));
    }

    #[test]
    fn a_later_step_is_not_complete_while_an_earlier_one_is_not() {
        let mut a = Assessment::default();
        tick_steps(&mut a, 3);
        a.checklist
            .remove("step.executive_education.alignment_cycles");
        let s = evaluate(&a, Verdict::Ready);
        assert_eq!(s.current, Some(1));
        assert!(matches!(s.steps[2].state, StepState::Locked(_)));
    }

    #[test]
    fn the_pilot_needs_a_named_department() {
        let mut a = Assessment::default();
        tick_steps(&mut a, 5);
        a.pilot.department = "   ".into();
        assert_eq!(evaluate(&a, Verdict::Ready).current, Some(5));
        a.pilot.department = "Packing, Zone C".into();
        assert_eq!(evaluate(&a, Verdict::Ready).current, Some(6));
    }

    #[test]
    fn gate_outcomes() {
        let mut a = Assessment::default();
        assert!(matches!(gate(&a), GateOutcome::Pending { ref open } if open.len() == 6));
        pass_gate(&mut a);
        assert_eq!(gate(&a), GateOutcome::FullDeployment);
        a.set_answer(
            "step.full_deployment.coe_functioning",
            Some(Answer::NotSure),
        );
        assert_eq!(
            gate(&a),
            GateOutcome::Pending {
                open: vec!["step.full_deployment.coe_functioning"]
            }
        );
        a.set_answer("step.full_deployment.managers_aligned", Some(Answer::No));
        assert_eq!(
            gate(&a),
            GateOutcome::RollBack {
                failed: vec!["step.full_deployment.managers_aligned"],
                open: vec!["step.full_deployment.coe_functioning"],
            }
        );
    }

    #[test]
    fn passing_the_gate_fully_deploys() {
        let mut a = Assessment::default();
        tick_steps(&mut a, 5);
        pass_gate(&mut a);
        let s = evaluate(&a, Verdict::Ready);
        assert_eq!(s.state, SequenceState::FullyDeployed);
        assert_eq!(s.current, None);
        assert!(s.steps.iter().all(|x| x.state == StepState::Complete));
    }

    fn fail_gate_and_record(a: &mut Assessment) -> PilotIteration {
        tick_steps(a, 5);
        a.pilot.evaluation = "Zone C drift persisted".into();
        pass_gate(a);
        a.set_answer("step.full_deployment.executives_in_lane", Some(Answer::No));
        a.set_answer("step.full_deployment.drift_decreased", Some(Answer::No));
        a.set_answer(
            "step.full_deployment.coe_functioning",
            Some(Answer::NotSure),
        );
        assert!(matches!(
            evaluate(a, Verdict::Ready).gate,
            GateOutcome::RollBack { .. }
        ));
        let suggested = suggested_retraining(a);
        record_pilot_iteration(a, Verdict::Ready, "2026-11-24", &suggested).unwrap()
    }

    #[test]
    fn a_failed_gate_records_an_iteration_with_its_history() {
        let mut a = Assessment::default();
        let it = fail_gate_and_record(&mut a);
        assert_eq!(it.date, "2026-11-24");
        assert_eq!(
            it.failed_criteria,
            [
                "step.full_deployment.drift_decreased",
                "step.full_deployment.executives_in_lane"
            ]
        );
        assert_eq!(it.open_criteria, ["step.full_deployment.coe_functioning"]);
        assert_eq!(it.evaluation, "Zone C drift persisted");
        assert_eq!(
            it.gate_answers["step.full_deployment.drift_decreased"],
            Answer::No
        );
        assert_eq!(
            it.gate_answers["step.full_deployment.coe_functioning"],
            Answer::NotSure
        );
        assert_eq!(
            it.gate_answers["step.full_deployment.managers_aligned"],
            Answer::Yes
        );
        // The app's suggestion, as the user left it; the pilot is repeated, not retrained.
        assert_eq!(
            it.retrain,
            ["step.executive_education", "step.worker_onboarding"]
        );
        assert_eq!(a.pilot_iterations, [it]);
        // The next pilot answers the gate afresh and is evaluated again.
        assert!(GATE_CRITERIA.iter().all(|c| a.answer(c.id).is_none()));
        assert!(!a.checklist.contains(PILOT_EVALUATION_ITEM));
        assert!(a.pilot.evaluation.is_empty());
        assert_eq!(a.pilot.department, "Packing");
    }

    #[test]
    fn if_not_roll_back_retrain_repeat_each_named_step_is_retrained_before_the_pilot_again() {
        let mut a = Assessment::default();
        fail_gate_and_record(&mut a);

        // Roll back: the first step named for retraining is current again, the rest wait.
        let s = evaluate(&a, Verdict::Ready);
        assert_eq!(s.iterations, 1);
        assert_eq!(s.current, Some(1));
        assert!(s.steps[0].retraining_pending());
        assert_eq!(
            s.steps[3].state,
            StepState::Locked(LockReason::PreviousStepIncomplete(1))
        );
        assert_eq!(
            s.retraining.iter().map(|(id, _)| *id).collect::<Vec<_>>(),
            ["step.executive_education", "step.worker_onboarding"]
        );
        assert_eq!(
            s.gate,
            GateOutcome::Suspended(LockReason::PreviousStepIncomplete(1))
        );

        // Retrain, in order: step 4 cannot be confirmed before step 1.
        assert_eq!(
            set_retrained(
                &mut a,
                Verdict::Ready,
                "step.worker_onboarding",
                Some("2026-11-25")
            ),
            Err(SequenceError::Locked(LockReason::PreviousStepIncomplete(1)))
        );
        assert_eq!(
            set_retrained(&mut a, Verdict::Ready, "step.coe", Some("2026-11-25")),
            Err(SequenceError::NotNamedForRetraining("step.coe".into()))
        );
        set_retrained(
            &mut a,
            Verdict::Ready,
            "step.executive_education",
            Some("2026-11-25"),
        )
        .unwrap();
        assert_eq!(evaluate(&a, Verdict::Ready).current, Some(4));
        // The pilot is not evaluated again before every retraining is confirmed.
        a.set_pilot_department("Packing");
        let err = set_item_done(&mut a, Verdict::Ready, PILOT_EVALUATION_ITEM, true).unwrap_err();
        assert_eq!(
            err,
            SequenceError::Locked(LockReason::PreviousStepIncomplete(4))
        );
        // Even ticked behind the rules' back, an unconfirmed retraining keeps the pilot open.
        a.checklist.insert(PILOT_EVALUATION_ITEM.to_string());
        pass_gate(&mut a);
        assert_ne!(
            evaluate(&a, Verdict::Ready).state,
            SequenceState::FullyDeployed
        );
        a.checklist.remove(PILOT_EVALUATION_ITEM);
        for c in GATE_CRITERIA.iter() {
            a.answers.remove(c.id);
        }
        set_retrained(
            &mut a,
            Verdict::Ready,
            "step.worker_onboarding",
            Some("2026-11-26"),
        )
        .unwrap();
        assert_eq!(evaluate(&a, Verdict::Ready).current, Some(5));

        // Repeat: the pilot evaluated afresh, a fresh gate.
        set_item_done(&mut a, Verdict::Ready, PILOT_EVALUATION_ITEM, true).unwrap();
        let s = evaluate(&a, Verdict::Ready);
        assert_eq!(s.current, Some(6));
        assert!(matches!(s.gate, GateOutcome::Pending { ref open } if open.len() == 6));
        pass_gate(&mut a);
        let s = evaluate(&a, Verdict::Ready);
        assert_eq!(s.state, SequenceState::FullyDeployed);
        assert!(s.retraining.is_empty());
        assert_eq!(
            a.pilot_iterations[0].retrained,
            [
                (
                    "step.executive_education".to_string(),
                    "2026-11-25".to_string()
                ),
                (
                    "step.worker_onboarding".to_string(),
                    "2026-11-26".to_string()
                ),
            ]
            .into_iter()
            .collect()
        );
    }

    #[test]
    fn an_old_iteration_naming_the_pilot_waits_for_it_to_be_confirmed_repeated() {
        let mut a = Assessment::default();
        fail_gate_and_record(&mut a);
        a.pilot_iterations[0].retrain.push(PILOT.to_string());
        for step in ["step.executive_education", "step.worker_onboarding"] {
            set_retrained(&mut a, Verdict::Ready, step, Some("2026-11-25")).unwrap();
        }
        let err = set_item_done(&mut a, Verdict::Ready, PILOT_EVALUATION_ITEM, true).unwrap_err();
        assert_eq!(err, SequenceError::RetrainingPending(vec!["step.pilot"]));
        set_retrained(&mut a, Verdict::Ready, PILOT, Some("2026-11-27")).unwrap();
        set_item_done(&mut a, Verdict::Ready, PILOT_EVALUATION_ITEM, true).unwrap();
    }

    /// Seed §4, step 6: "If not — roll back, retrain, repeat." The user chooses what to
    /// retrain; the app's suggestion is only pre-selected.
    #[test]
    fn the_user_chooses_the_steps_to_retrain_and_the_pilot_is_repeated() {
        let mut a = raccoons_inc();
        a.set_answer(
            "step.full_deployment.throughput_stabilised",
            Some(Answer::No),
        );
        let suggested = suggested_retraining(&a);
        assert_eq!(suggested, ["step.executive_education", "step.coe"]);
        assert_eq!(
            record_pilot_iteration(&mut a, Verdict::Ready, "2026-11-24", &[PILOT]),
            Err(SequenceError::NotRetrainable(PILOT.to_string()))
        );
        assert_eq!(
            record_pilot_iteration(&mut a, Verdict::Ready, "2026-11-24", &["step.nope"])
                .unwrap_err()
                .to_string(),
            "“step.nope” cannot be chosen for retraining: only the steps before the pilot are retrained; the pilot itself is repeated."
        );
        let it =
            record_pilot_iteration(&mut a, Verdict::Ready, "2026-11-24", &["step.coe"]).unwrap();
        assert_eq!(it.retrain, ["step.coe"]);
        assert_eq!(evaluate(&a, Verdict::Ready).current, Some(3));
        // Nothing chosen: straight back to repeating the pilot.
        let mut b = raccoons_inc();
        b.set_answer("step.full_deployment.managers_aligned", Some(Answer::No));
        record_pilot_iteration(&mut b, Verdict::Ready, "2026-11-24", &[]).unwrap();
        assert_eq!(evaluate(&b, Verdict::Ready).current, Some(5));
    }

    #[test]
    fn a_recorded_iteration_can_be_undone_until_the_pilot_is_repeated() {
        let mut a = Assessment::default();
        let before = {
            let mut b = Assessment::default();
            fail_gate_and_record(&mut b);
            b
        };
        fail_gate_and_record(&mut a);
        set_retrained(
            &mut a,
            Verdict::Ready,
            "step.executive_education",
            Some("2026-11-25"),
        )
        .unwrap();
        let undone = undo_pilot_iteration(&mut a).unwrap();
        assert_eq!(undone.retrain, before.pilot_iterations[0].retrain);
        assert!(a.pilot_iterations.is_empty());
        assert_eq!(a.pilot.evaluation, "Zone C drift persisted");
        assert!(a.checklist.contains(PILOT_EVALUATION_ITEM));
        assert!(matches!(
            evaluate(&a, Verdict::Ready).gate,
            GateOutcome::RollBack { ref failed, .. } if failed.len() == 2
        ));
        assert_eq!(
            undo_pilot_iteration(&mut a),
            Err(SequenceError::NoIteration)
        );

        // Once the pilot is evaluated again, the undo would overwrite it: refused, nothing lost.
        fail_gate_and_record(&mut a);
        a.set_pilot_evaluation("second pilot");
        let kept = a.clone();
        let err = undo_pilot_iteration(&mut a).unwrap_err();
        assert_eq!(err, SequenceError::RepeatedSince(1));
        assert!(err
            .to_string()
            .starts_with("Pilot iteration 1 cannot be undone"));
        assert_eq!(a, kept);
    }

    #[test]
    fn a_withdrawn_retraining_confirmation_reopens_the_step() {
        let mut a = Assessment::default();
        fail_gate_and_record(&mut a);
        set_retrained(
            &mut a,
            Verdict::Ready,
            "step.executive_education",
            Some("2026-11-25"),
        )
        .unwrap();
        assert_eq!(evaluate(&a, Verdict::Ready).current, Some(4));
        set_retrained(&mut a, Verdict::Ready, "step.executive_education", None).unwrap();
        assert_eq!(evaluate(&a, Verdict::Ready).current, Some(1));
    }

    #[test]
    fn the_gate_never_says_passed_while_it_is_out_of_reach() {
        let mut a = Assessment::default();
        tick_steps(&mut a, 5);
        pass_gate(&mut a);
        assert_eq!(
            evaluate(&a, Verdict::Ready).gate,
            GateOutcome::FullDeployment
        );
        a.checklist.remove("step.coe.support_training");
        assert_eq!(
            evaluate(&a, Verdict::Ready).gate,
            GateOutcome::Suspended(LockReason::PreviousStepIncomplete(3))
        );
        tick_steps(&mut a, 5);
        assert_eq!(
            evaluate(&a, Verdict::Hold).gate,
            GateOutcome::Suspended(LockReason::Halted(Verdict::Hold))
        );
        assert_eq!(
            evaluate(&Assessment::default(), Verdict::Stop).gate,
            GateOutcome::Suspended(LockReason::NotReady(Verdict::Stop))
        );
    }

    #[test]
    fn an_iteration_needs_an_open_gate_that_failed() {
        let mut a = Assessment::default();
        tick_steps(&mut a, 5);
        assert_eq!(
            record_pilot_iteration(&mut a, Verdict::Ready, "2026-11-24", &[]),
            Err(SequenceError::GateNotFailed)
        );
        a.set_answer("step.full_deployment.coe_functioning", Some(Answer::No));
        assert_eq!(
            record_pilot_iteration(&mut a, Verdict::Stop, "2026-11-24", &[]),
            Err(SequenceError::Locked(LockReason::Halted(Verdict::Stop)))
        );
        a.checklist.remove("step.pilot.sops");
        assert_eq!(
            record_pilot_iteration(&mut a, Verdict::Ready, "2026-11-24", &[]),
            Err(SequenceError::Locked(LockReason::PreviousStepIncomplete(5)))
        );
        assert!(a.pilot_iterations.is_empty());
    }

    #[test]
    fn falling_back_to_stop_halts_a_started_sequence() {
        let mut a = Assessment::default();
        tick_steps(&mut a, 2);
        let s = evaluate(&a, Verdict::Stop);
        assert_eq!(s.state, SequenceState::Halted(Verdict::Stop));
        assert_eq!(s.steps[0].state, StepState::Complete);
        assert_eq!(
            s.steps[2].state,
            StepState::Locked(LockReason::Halted(Verdict::Stop))
        );
        assert_eq!(
            set_item_done(&mut a, Verdict::Stop, "step.coe.design_workflows", true).unwrap_err(),
            SequenceError::Locked(LockReason::Halted(Verdict::Stop))
        );
    }

    #[test]
    fn a_pilot_department_crippled_by_politics_is_a_problem_and_not_sure_is_never_a_pass() {
        let mut a = Assessment::default();
        a.set_answer("step.pilot.free_of_politics", Some(Answer::No));
        assert_eq!(
            evaluate(&a, Verdict::Ready).pilot_politics,
            Finding::Problem
        );
        a.set_answer("step.pilot.free_of_politics", Some(Answer::NotSure));
        assert_eq!(
            evaluate(&a, Verdict::Ready).pilot_politics,
            Finding::NotSure
        );
        assert!(evaluate(&a, Verdict::Ready).pilot_politics.is_open());
        a.set_answer("step.pilot.free_of_politics", Some(Answer::Yes));
        assert_eq!(
            evaluate(&a, Verdict::Ready).pilot_politics,
            Finding::Healthy
        );
    }

    #[test]
    fn raccoons_inc_walks_to_full_deployment() {
        let a = raccoons_inc();
        let s = evaluate(&a, Verdict::Ready);
        assert_eq!(s.state, SequenceState::FullyDeployed);
    }
}
