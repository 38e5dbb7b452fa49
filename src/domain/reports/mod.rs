//! The report value, of one assessment and of a team view.

pub(super) mod report;
pub(super) mod team_report;
