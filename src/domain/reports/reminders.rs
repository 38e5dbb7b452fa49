//! Reminders for the next check, as calendar events: the next round of re-assessment, the next
//! alignment cycle's review of the stability signs, and the due dates of the plan's open items.
//! Made from the one report value (and the plan), written by `formats/ics.rs`.

use std::fmt;

use crate::domain::formats::file::export_file_name;
use crate::domain::formats::ics::CalendarEvent;
use crate::domain::model::items::{number_word, STABILITY_CYCLE_LIMIT, STABILITY_SIGNS};
use crate::domain::model::plan_entry::is_iso_date;
use crate::domain::reports::report::Report;
use crate::domain::rules::plan::PlanItem;

/// Why a reminder could not be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReminderError {
    /// No date was chosen.
    NoDate,
    /// The date is not an ISO calendar date.
    NotADate(String),
    /// The date is before today.
    Passed {
        /// The date chosen.
        date: String,
        /// Today.
        today: String,
    },
    /// No open plan item is due today or later.
    NothingDue,
}

impl fmt::Display for ReminderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReminderError::NoDate => f.write_str(tr!("Choose the date of the reminder first.")),
            ReminderError::NotADate(text) => f.write_str(&trf!(
                "“{text}” is not a date: choose one from the calendar (year-month-day). Nothing was downloaded.",
                text = text
            )),
            ReminderError::Passed { date, today } => f.write_str(&trf!(
                "{date} has passed (today is {today}): choose today or a later date. Nothing was downloaded.",
                date = date,
                today = today
            )),
            ReminderError::NothingDue => f.write_str(tr!(
                "No open plan item is due today or later: give the plan's open items a due date first. Nothing was downloaded."
            )),
        }
    }
}

/// The date, checked: an ISO date, today or later.
fn reminder_date(date: &str, today: &str) -> Result<String, ReminderError> {
    let date = date.trim();
    if date.is_empty() {
        Err(ReminderError::NoDate)
    } else if !is_iso_date(date) {
        Err(ReminderError::NotADate(date.to_string()))
    } else if date < today {
        Err(ReminderError::Passed {
            date: date.to_string(),
            today: today.to_string(),
        })
    } else {
        Ok(date.to_string())
    }
}

/// A reminder's `UID`: the kind, the assessment's stable id (its library id when saved) and
/// the product, so that downloading it again updates the same event.
fn uid(kind: &str, base: &str) -> String {
    format!("{kind}-{base}@koom-readiness")
}

/// A reminder of the next check on a date the user chooses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reminder {
    /// Start the next round of re-assessment.
    NextRound,
    /// Review the next alignment cycle's stability signs.
    NextCycle,
}

impl Reminder {
    /// The stable token: the file is named after it (`next-round`, `next-cycle`).
    pub fn token(self) -> &'static str {
        match self {
            Reminder::NextRound => "next-round",
            Reminder::NextCycle => "next-cycle",
        }
    }

    /// The event on `date` (an ISO date, today or later), for the assessment whose report this
    /// is.
    pub fn event(
        self,
        report: &Report,
        uid_base: &str,
        date: &str,
        today: &str,
    ) -> Result<CalendarEvent, ReminderError> {
        let date = reminder_date(date, today)?;
        Ok(match self {
            Reminder::NextRound => round_event(report, uid_base, date, today),
            Reminder::NextCycle => cycle_event(report, uid_base, date, today),
        })
    }
}

/// The next round of re-assessment.
fn round_event(report: &Report, uid_base: &str, date: String, today: &str) -> CalendarEvent {
    let current = report.rounds.len().max(1);
    let next = current + 1;
    CalendarEvent {
        uid: uid(&format!("round-{next}"), uid_base),
        date,
        summary: trf!(
            "KOOM readiness: round {round} for {title}",
            round = next,
            title = report.title
        ),
        description: [
            trf!(
                "Time to re-assess {title} against the KOOM Deployment Readiness Layer (round {round}).",
                title = report.title,
                round = next
            ),
            tr!("Open KOOM Readiness, open this assessment's report and choose “Re-assess…”: every answer is carried over, to confirm or change.").to_string(),
            trf!(
                "Where round {round} stood on {date}: {stage}.",
                round = current,
                date = today,
                stage = report.stage
            ),
            trf!("Next: {action}", action = report.next),
        ]
        .join("\n"),
    }
}

/// The review of the next alignment cycle's stability signs (seed §7).
fn cycle_event(report: &Report, uid_base: &str, date: String, today: &str) -> CalendarEvent {
    let next = report.cycles + 1;
    CalendarEvent {
        uid: uid(&format!("cycle-{next}"), uid_base),
        date,
        summary: trf!(
            "KOOM stability: review alignment cycle {cycle} at {title}",
            cycle = next,
            title = report.title
        ),
        description: [
            trf!(
                "Review alignment cycle {cycle} of the KOOM deployment at {title}.",
                cycle = next,
                title = report.title
            ),
            trf!(
                "Open KOOM Readiness, then Stability: add alignment cycle {cycle} and mark each of the {signs} stability signs (seed §7). All of them should be visible within 1–{limit} alignment cycles; if they are not, something was implemented incorrectly.",
                cycle = next,
                signs = number_word(STABILITY_SIGNS.len()),
                limit = STABILITY_CYCLE_LIMIT
            ),
            trf!(
                "Where it stood on {date}: {stability}",
                date = today,
                stability = report.stability
            ),
        ]
        .join("\n"),
    }
}

/// The reminders of the plan: one on each open item's due date, today or later, and the labels
/// of the open items already overdue (left out: a reminder in the past reminds no one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanReminders {
    /// One event per open item due today or later, in the plan's order.
    pub events: Vec<CalendarEvent>,
    /// The open items whose due date has passed.
    pub overdue: Vec<String>,
}

impl PlanReminders {
    /// What the download holds, for the message after it.
    pub fn sentence(&self) -> String {
        let n = self.events.len();
        let mut s = match n {
            1 => tr!("One plan item's due date is in the calendar file.").to_string(),
            n => trf!(
                "{count} plan items' due dates are in the calendar file.",
                count = n
            ),
        };
        if !self.overdue.is_empty() {
            s.push(' ');
        }
        match self.overdue.len() {
            0 => {}
            1 => s.push_str(&trf!(
                "Left out, already overdue: {item}. Give it a new due date to be reminded.",
                item = self.overdue[0]
            )),
            m => s.push_str(&trf!(
                "Left out, already overdue ({count}): {items}. Give them new due dates to be reminded.",
                count = m,
                items = self.overdue.join("; ")
            )),
        }
        s
    }
}

/// The reminders of the plan's open items with a due date (`title`: the assessment's name).
pub fn plan_reminders(
    items: &[PlanItem],
    title: &str,
    uid_base: &str,
    today: &str,
) -> Result<PlanReminders, ReminderError> {
    let mut events = Vec::new();
    let mut overdue = Vec::new();
    for item in items {
        let e = &item.entry;
        if e.status.is_closed() || !is_iso_date(&e.due) {
            continue;
        }
        if e.due.as_str() < today {
            overdue.push(item.label.clone());
            continue;
        }
        let mut description = vec![
            format!("{}: {}", item.label, item.action),
            trf!("Found: {finding}.", finding = item.finding),
            trf!("Status: {status}.", status = e.status.label()),
        ];
        if !e.owner.is_empty() {
            description.push(trf!("Owner: {owner}.", owner = e.owner));
        }
        if !e.note.is_empty() {
            description.push(trf!("Note: {note}", note = e.note));
        }
        description.push(trf!("Model item: {id}", id = item.id));
        events.push(CalendarEvent {
            uid: uid(&format!("plan-{}", item.id), uid_base),
            date: e.due.clone(),
            summary: trf!(
                "KOOM plan due: {action} ({title})",
                action = item.action,
                title = title
            ),
            description: description.join("\n"),
        });
    }
    if events.is_empty() {
        return Err(ReminderError::NothingDue);
    }
    Ok(PlanReminders { events, overdue })
}

/// The name of a calendar file: `koom-readiness-<name>-<what>-<date>.ics` (`what`:
/// a [`Reminder::token`], or `plan`).
pub fn reminder_file_name(name: &str, what: &str, date: &str) -> String {
    export_file_name(name, what, date, "ics")
}
