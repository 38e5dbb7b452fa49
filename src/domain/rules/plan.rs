//! The remediation plan before Ready (docs/product.md §12): every cause of a Stop, Hold or Not
//! yet becomes a plan item — the seed's action for it — with an owner, a due date, a status and
//! a note, keyed by the model id of the question behind the cause. Items survive answer
//! changes: a cause resolved since shows as resolved ("cause resolved — close it?"), never
//! silently dropped.

use std::fmt;

use crate::domain::model::assessment::Assessment;
use crate::domain::model::items::{self as model, DeploymentStep};
use crate::domain::model::limits::{capitalised, TextKind};
use crate::domain::model::plan_entry::{is_iso_date, PlanEntry, PlanStatus};
use crate::domain::rules::readiness::{Readiness, Reason};

/// Whether the cause behind a plan item is still there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cause {
    /// The answers still cause the verdict (or the gap behind it).
    Present,
    /// The answers no longer cause it: "cause resolved — close it?".
    Resolved,
}

/// One item of the plan, as the app shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanItem {
    /// The id of the question whose answer is the cause (the key in the saved plan).
    pub id: String,
    /// The model item it concerns, such as "Condition 1 — …", or the id when unknown.
    pub label: String,
    /// What was found, in a few words.
    pub finding: String,
    /// The seed's action for it.
    pub action: String,
    /// The deployment step whose content the action is, if any: shown read-only before Ready.
    pub step: Option<&'static DeploymentStep>,
    /// What the user recorded (defaults until they record anything).
    pub entry: PlanEntry,
    /// Whether the cause is still there.
    pub cause: Cause,
    /// Whether the model knows the id (a file from another model version may name others).
    pub known: bool,
}

impl PlanItem {
    /// "cause resolved — close it?" for an open item whose cause is gone.
    pub fn resolved_prompt(&self) -> Option<&'static str> {
        (self.cause == Cause::Resolved && !self.entry.status.is_closed())
            .then_some(tr!("Cause resolved — close it?"))
    }

    /// The item's title in a tracker: the model item and the seed's action.
    pub fn tracker_title(&self) -> String {
        format!("{}: {}", self.label, self.action)
    }

    /// The item's description in a tracker, one line each: the finding, the seed's action and
    /// the model item's id, then the reason a "Won't do" was given and the note, if any.
    pub fn tracker_description(&self) -> Vec<String> {
        let e = &self.entry;
        let mut lines = vec![
            trf!("Found: {finding}.", finding = self.finding),
            trf!(
                "What to do (KOOM Deployment Readiness Layer): {action}",
                action = self.action
            ),
            trf!("Model item: {id}", id = self.id),
        ];
        if !e.reason.is_empty() {
            lines.push(trf!("Why not: {reason}", reason = e.reason));
        }
        if !e.note.is_empty() {
            lines.push(trf!("Note: {note}", note = e.note));
        }
        lines
    }

    /// The item in one line, for the report: label, action, owner, due date, status, note.
    pub fn line(&self) -> String {
        let mut parts = vec![format!("{}: {}", self.label, self.action)];
        let e = &self.entry;
        let mut status = e.status.label().to_string();
        if e.status == PlanStatus::WontDo && !e.reason.is_empty() {
            status.push_str(&format!(" ({})", e.reason));
        }
        parts.push(trf!("status: {status}", status = status));
        if !e.owner.is_empty() {
            parts.push(trf!("owner: {owner}", owner = e.owner));
        }
        if !e.due.is_empty() {
            parts.push(trf!("due {date}", date = e.due));
        }
        if self.cause == Cause::Resolved {
            parts.push(tr!("cause resolved").to_string());
        }
        if !e.note.is_empty() {
            parts.push(trf!("note: {note}", note = e.note));
        }
        parts.join(" — ")
    }
}

/// Why a change to the plan was refused. Nothing is changed when it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanError {
    /// The id is neither a present cause nor an item of the plan.
    UnknownItem(String),
    /// A text is over its limit.
    TooLong {
        /// What the text is ("an owner").
        what: &'static str,
        /// Its length in characters.
        count: usize,
        /// The limit.
        max: usize,
    },
    /// The due date is not a date.
    BadDate(String),
    /// The cause is resolved: the item can only be closed.
    CauseGone(String),
    /// "Won't do" needs a reason.
    ReasonNeeded,
}

impl fmt::Display for PlanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PlanError::UnknownItem(id) => f.write_str(&trf!(
                "“{id}” is not a cause of the verdict nor an item of the plan; nothing was changed.",
                id = id
            )),
            PlanError::TooLong { what, count, max } => f.write_str(&trf!(
                "{what} holds at most {max} characters; this one has {count}. Nothing was changed: shorten it and try again.",
                what = capitalised(what),
                max = max,
                count = count
            )),
            PlanError::BadDate(text) => f.write_str(&trf!(
                "“{text}” is not a date the plan can read: use the date picker, or write it as 2026-12-31. Nothing was changed.",
                text = text
            )),
            PlanError::CauseGone(id) => f.write_str(&trf!(
                "The cause behind “{id}” is resolved: the item can be closed (done, or won't do with a reason), not reopened. Nothing was changed.",
                id = id
            )),
            PlanError::ReasonNeeded => f.write_str(tr!(
                "“Won't do” needs a reason: say why, then choose it again. Nothing was changed."
            )),
        }
    }
}

impl std::error::Error for PlanError {}

/// The causes of the verdict a plan answers: its reasons and the gaps behind it, one per
/// question (a fact shared by a condition and a red flag is one item). A question not answered
/// yet is no cause to plan for: answering it is the checklist's work, and a plan of every open
/// question would bury the real causes while the checklist is being filled in. "Not sure" is
/// one: finding out is work to plan.
fn causes<'r>(a: &Assessment, r: &'r Readiness) -> Vec<&'r Reason> {
    let mut out: Vec<&Reason> = Vec::new();
    for reason in r.reasons.iter().chain(&r.also) {
        if a.answer(reason.question_id).is_none() {
            continue;
        }
        if !out.iter().any(|x| x.question_id == reason.question_id) {
            out.push(reason);
        }
    }
    out
}

/// Whether the cause behind the item `id` is there: a present cause, or a known question whose
/// answer was cleared since (its cause is open again, not resolved).
fn cause_of(a: &Assessment, present: &[&Reason], id: &str) -> Cause {
    if present.iter().any(|x| x.question_id == id)
        || (model::question(id).is_some() && a.answer(id).is_none())
    {
        Cause::Present
    } else {
        Cause::Resolved
    }
}

/// The plan: an item for every present cause (with what the user recorded), then every item
/// recorded earlier whose cause is resolved since.
pub fn plan(a: &Assessment, r: &Readiness) -> Vec<PlanItem> {
    let present = causes(a, r);
    let mut items: Vec<PlanItem> = present
        .iter()
        .map(|reason| PlanItem {
            id: reason.question_id.to_string(),
            label: reason.item_label.clone(),
            finding: reason.finding.clone(),
            action: reason.action.clone(),
            step: reason.step.and_then(model::step),
            entry: a.plan.get(reason.question_id).cloned().unwrap_or_default(),
            cause: Cause::Present,
            known: true,
        })
        .collect();
    for (id, entry) in &a.plan {
        if present.iter().any(|x| x.question_id == id) {
            continue;
        }
        let question = model::question(id);
        items.push(PlanItem {
            id: id.clone(),
            label: model::item(id).map_or_else(|| id.clone(), |i| i.label()),
            finding: question.map_or_else(String::new, |q| tr!(q.finding).to_string()),
            action: question.map_or_else(String::new, |q| tr!(q.action).to_string()),
            step: question.and_then(|q| q.step).and_then(model::step),
            entry: entry.clone(),
            cause: cause_of(a, &present, id),
            known: question.is_some(),
        });
    }
    items
}

/// How many plan items are open (not done nor decided against) and how many in all.
pub fn plan_counts(items: &[PlanItem]) -> (usize, usize) {
    (
        items.iter().filter(|i| !i.entry.status.is_closed()).count(),
        items.len(),
    )
}

fn checked(text: &str, kind: TextKind, what: &'static str) -> Result<String, PlanError> {
    let cleaned: String = text
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\r' | '\t'))
        .collect();
    let count = cleaned.chars().count();
    if count > kind.max_chars() {
        return Err(PlanError::TooLong {
            what,
            count,
            max: kind.max_chars(),
        });
    }
    Ok(cleaned)
}

/// A change to one plan item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanEdit {
    /// Who owns it (at most a name's length).
    Owner(String),
    /// When it is due: an ISO date, or empty to clear it.
    Due(String),
    /// Where it stands; a reason goes with "won't do".
    Status(PlanStatus, String),
    /// A note (at most an evidence note's length).
    Note(String),
}

/// Changes one plan item, keyed by the id of the question behind its cause. Refused, changing
/// nothing, with a message: an id that is neither a present cause nor in the plan, a text past
/// its limit, a due date that cannot be read, "won't do" without a reason, and reopening (to do,
/// doing) an item whose cause is resolved.
pub fn edit_plan(
    a: &mut Assessment,
    r: &Readiness,
    id: &str,
    edit: PlanEdit,
) -> Result<(), PlanError> {
    let causes = causes(a, r);
    let cause_present = causes.iter().any(|x| x.question_id == id);
    if !cause_present && !a.plan.contains_key(id) {
        return Err(PlanError::UnknownItem(id.to_string()));
    }
    let present = cause_of(a, &causes, id) == Cause::Present;
    let mut entry = a.plan.get(id).cloned().unwrap_or_default();
    match edit {
        PlanEdit::Owner(text) => {
            entry.owner = checked(text.trim(), TextKind::Name, tr!("an owner"))?
        }
        PlanEdit::Due(text) => {
            let text = text.trim();
            if !text.is_empty() && !is_iso_date(text) {
                return Err(PlanError::BadDate(text.to_string()));
            }
            entry.due = text.to_string();
        }
        PlanEdit::Status(status, reason) => {
            if !present && !status.is_closed() {
                return Err(PlanError::CauseGone(id.to_string()));
            }
            let reason = checked(reason.trim(), TextKind::Remark, tr!("a reason"))?;
            if status == PlanStatus::WontDo && reason.is_empty() {
                return Err(PlanError::ReasonNeeded);
            }
            entry.status = status;
            entry.reason = if status == PlanStatus::WontDo {
                reason
            } else {
                String::new()
            };
        }
        PlanEdit::Note(text) => entry.note = checked(&text, TextKind::Note, tr!("a plan note"))?,
    }
    if entry == PlanEntry::default() {
        a.plan.remove(id);
    } else {
        a.plan.insert(id.to_string(), entry);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::answer::Answer;
    use crate::domain::model::items::readiness_questions;
    use crate::domain::rules::readiness::{evaluate, Verdict};

    fn ready() -> Assessment {
        let mut a = Assessment::new("Plan Org", "");
        for q in readiness_questions() {
            a.set_answer(q.id, Some(q.healthy));
        }
        a
    }

    const DIRECT_ORDERS: &str = "precondition.executives.direct_orders_outside_spine";

    /// Seed §5, red flag 3: "Our executives still issue tasks to workers directly." — "KOOM will
    /// collapse instantly." A fact shared by condition 1 and red flag 3 is one plan item, with the
    /// seed's action; it pre-dates any edit.
    #[test]
    fn every_cause_of_a_stop_is_a_plan_item_with_the_seeds_action() {
        let mut a = ready();
        a.set_answer(DIRECT_ORDERS, Some(Answer::Yes));
        a.set_answer("maturity.truth.audit_uncensored", Some(Answer::No));
        let r = evaluate(&a);
        assert_eq!(r.verdict, Verdict::Stop);
        let items = plan(&a, &r);
        let ids: Vec<&str> = items.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, [DIRECT_ORDERS, "maturity.truth.audit_uncensored"]);
        assert_eq!(
            items[0].label,
            "Condition 1 — Executives agree to respect role boundaries"
        );
        assert_eq!(items[0].step.map(|s| s.number), Some(1));
        assert_eq!(items[0].entry, PlanEntry::default());
        assert!(items.iter().all(|i| i.cause == Cause::Present && i.known));
        assert_eq!(plan_counts(&items), (2, 2));
    }

    /// Seed §2: "If any of these conditions are not true, the organization cannot deploy KOOM."
    /// An unanswered question holds the verdict but is no plan item (answering is the
    /// checklist's work); "Not sure" is (finding out is); a recorded item whose answer is
    /// cleared stays, its cause open again, not resolved.
    #[test]
    fn open_questions_are_not_plan_items_but_not_sure_is() {
        let mut a = ready();
        a.set_answer(DIRECT_ORDERS, None);
        a.set_answer("maturity.truth.audit_uncensored", Some(Answer::NotSure));
        let r = evaluate(&a);
        assert_ne!(r.verdict, Verdict::Ready);
        let items = plan(&a, &r);
        let ids: Vec<&str> = items.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, ["maturity.truth.audit_uncensored"]);

        a.set_answer(DIRECT_ORDERS, Some(Answer::Yes));
        let r = evaluate(&a);
        edit_plan(&mut a, &r, DIRECT_ORDERS, PlanEdit::Owner("Ann".into())).unwrap();
        a.set_answer(DIRECT_ORDERS, None);
        let items = plan(&a, &evaluate(&a));
        let item = items.iter().find(|i| i.id == DIRECT_ORDERS).unwrap();
        assert_eq!(item.cause, Cause::Present);
        assert_eq!(item.entry.owner, "Ann");
        assert_eq!(item.resolved_prompt(), None);
    }

    /// The life cycle: the cause appears, the user records owner, date, status and note; the
    /// cause is resolved (the item stays, "close it?"); it reappears (the record is still there).
    #[test]
    fn a_plan_item_survives_its_cause_being_resolved_and_reappearing() {
        let mut a = ready();
        a.set_answer(DIRECT_ORDERS, Some(Answer::Yes));
        let r = evaluate(&a);
        edit_plan(
            &mut a,
            &r,
            DIRECT_ORDERS,
            PlanEdit::Owner("Ann (COO)".into()),
        )
        .unwrap();
        edit_plan(
            &mut a,
            &r,
            DIRECT_ORDERS,
            PlanEdit::Due("2026-12-31".into()),
        )
        .unwrap();
        edit_plan(
            &mut a,
            &r,
            DIRECT_ORDERS,
            PlanEdit::Status(PlanStatus::Doing, String::new()),
        )
        .unwrap();
        edit_plan(
            &mut a,
            &r,
            DIRECT_ORDERS,
            PlanEdit::Note("Board session booked".into()),
        )
        .unwrap();
        let recorded = a.plan[DIRECT_ORDERS].clone();
        assert_eq!(recorded.owner, "Ann (COO)");
        assert_eq!(recorded.status, PlanStatus::Doing);

        // Resolved: the verdict is Ready, the item stays with everything recorded.
        a.set_answer(DIRECT_ORDERS, Some(Answer::No));
        let r = evaluate(&a);
        assert_eq!(r.verdict, Verdict::Ready);
        let items = plan(&a, &r);
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].cause, Cause::Resolved);
        assert_eq!(items[0].entry, recorded);
        assert_eq!(
            items[0].resolved_prompt(),
            Some("Cause resolved — close it?")
        );
        // It can be closed, not reopened.
        assert_eq!(
            edit_plan(
                &mut a,
                &r,
                DIRECT_ORDERS,
                PlanEdit::Status(PlanStatus::ToDo, String::new())
            ),
            Err(PlanError::CauseGone(DIRECT_ORDERS.into()))
        );
        assert_eq!(a.plan[DIRECT_ORDERS], recorded);
        edit_plan(
            &mut a,
            &r,
            DIRECT_ORDERS,
            PlanEdit::Status(PlanStatus::Done, String::new()),
        )
        .unwrap();
        assert_eq!(plan(&a, &r)[0].resolved_prompt(), None);

        // It reappears: the same item, its record kept.
        a.set_answer(DIRECT_ORDERS, Some(Answer::Yes));
        let r = evaluate(&a);
        let items = plan(&a, &r);
        assert_eq!(items[0].cause, Cause::Present);
        assert_eq!(items[0].entry.owner, "Ann (COO)");
        assert_eq!(items[0].entry.status, PlanStatus::Done);
        edit_plan(
            &mut a,
            &r,
            DIRECT_ORDERS,
            PlanEdit::Status(PlanStatus::Doing, String::new()),
        )
        .unwrap();
    }

    #[test]
    fn bad_input_is_refused_with_a_message_and_changes_nothing() {
        let mut a = ready();
        a.set_answer(DIRECT_ORDERS, Some(Answer::Yes));
        let r = evaluate(&a);
        edit_plan(&mut a, &r, DIRECT_ORDERS, PlanEdit::Owner("Ann".into())).unwrap();
        let before = a.clone();
        let long = "x".repeat(TextKind::Name.max_chars() + 1);
        let err = edit_plan(&mut a, &r, DIRECT_ORDERS, PlanEdit::Owner(long)).unwrap_err();
        assert_eq!(
            err.to_string(),
            "An owner holds at most 200 characters; this one has 201. Nothing was changed: shorten it and try again."
        );
        let note = "n".repeat(TextKind::Note.max_chars() + 1);
        assert!(matches!(
            edit_plan(&mut a, &r, DIRECT_ORDERS, PlanEdit::Note(note)),
            Err(PlanError::TooLong {
                what: "a plan note",
                ..
            })
        ));
        for bad in [
            "31/12/2026",
            "2026-02-30",
            "2026-13-01",
            "tomorrow",
            "2026-1-01",
        ] {
            assert_eq!(
                edit_plan(&mut a, &r, DIRECT_ORDERS, PlanEdit::Due(bad.into())),
                Err(PlanError::BadDate(bad.into())),
                "{bad}"
            );
        }
        assert!(is_iso_date("2028-02-29"));
        assert_eq!(
            edit_plan(
                &mut a,
                &r,
                DIRECT_ORDERS,
                PlanEdit::Status(PlanStatus::WontDo, " ".into())
            ),
            Err(PlanError::ReasonNeeded)
        );
        assert_eq!(
            edit_plan(
                &mut a,
                &r,
                "precondition.nope",
                PlanEdit::Owner("Bo".into())
            ),
            Err(PlanError::UnknownItem("precondition.nope".into()))
        );
        assert_eq!(a, before);
        edit_plan(
            &mut a,
            &r,
            DIRECT_ORDERS,
            PlanEdit::Status(PlanStatus::WontDo, "Board decision".into()),
        )
        .unwrap();
        assert_eq!(a.plan[DIRECT_ORDERS].reason, "Board decision");
        assert!(plan(&a, &r)[0]
            .line()
            .contains("status: Won't do (Board decision)"));
    }

    /// A plan naming an id this model does not know (a file from another version) is kept and
    /// shown as it is, never dropped.
    #[test]
    fn an_unknown_item_in_a_saved_plan_is_kept_and_shown() {
        let mut a = ready();
        a.plan.insert(
            "precondition.from_a_newer_model".into(),
            PlanEntry {
                owner: "Cy".into(),
                ..PlanEntry::default()
            },
        );
        let items = plan(&a, &evaluate(&a));
        assert_eq!(items.len(), 1);
        assert!(!items[0].known);
        assert_eq!(items[0].label, "precondition.from_a_newer_model");
        assert_eq!(items[0].cause, Cause::Resolved);
    }

    #[test]
    fn statuses_round_trip_their_tokens() {
        for s in PlanStatus::ALL {
            assert_eq!(PlanStatus::from_token(s.token()), Some(s));
        }
        assert_eq!(PlanStatus::from_token("later"), None);
    }
}
