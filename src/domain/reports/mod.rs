//! The report value, of one assessment and of a team view, and what is made from it: the status
//! badge and the calendar reminders.

pub(super) mod badge;
pub(super) mod reminders;
pub(super) mod report;
pub(super) mod team_report;
