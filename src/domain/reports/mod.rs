//! The report value, of one assessment and of a team view, and the status badge made from it.

pub(super) mod badge;
pub(super) mod report;
pub(super) mod team_report;
