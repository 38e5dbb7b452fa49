//! The team view: several respondents' answers combined into one conservative verdict
//! (docs/product.md §7, `rule.team_conservative` in docs/model.md).
//!
//! A verdict given by one person is one person's view. A [`Team`] holds N respondents (from
//! share links, files or the library), each with an optional name; [`evaluate_team`] tallies
//! every question, combines the readiness answers with [`merge`] and reads the verdict of the
//! combination with the usual ladder, so a team verdict means what a single one means.
//!
//! **Conservative, question by question** ([`merge`]):
//! - a precondition or red-flag question (a blocker): if anyone reports the problem (the warning
//!   behaviour, the missing CoE owner, the red flag), it is present; otherwise, if anyone is
//!   "Not sure" or did not answer, it is open and holds the verdict; only when everyone gave the
//!   healthy answer is it healthy;
//! - a maturity facet: if anyone is "Not sure" or did not answer, it is open (Hold); otherwise,
//!   if anyone reports it missing, it is a gap (Not yet); else it is met. Open comes first here
//!   because the ladder ranks Hold below Not yet: a facet someone is unsure about must hold the
//!   verdict, and one more respondent must never lift a Hold to a Not yet. A gap reported behind
//!   an open facet is still listed, with the other known gaps ([`TeamEvaluation::also`]).
//!
//! So, once a team has a respondent (a team of nobody holds: nothing is known yet), adding one
//! never makes its verdict more permissive; the order of the respondents never matters; and a
//! team of one (or of n copies of one assessment) has that assessment's own verdict
//! (`tests/team_properties.rs`).
//!
//! **Who is who.** A respondent is named or anonymous (numbered "Respondent 1", … by position).
//! Names appear in the lists of who said what; an anonymous respondent appears only in counts,
//! and its assessor field is cleared when it is added. With one or two anonymous respondents,
//! their answers can be worked out from the counts minus the named respondents' answers
//! ([`TeamEvaluation::attributable`]).
//!
//! The module is split by concern: `roster` (respondents and the team), `combine` (the
//! conservative combination), `tally` (what was answered to each question) and `evaluation`
//! (the team verdict, its reasons and the agenda), `agreement` (what the meeting agreed) and
//! `consensus` (the consensus assessment it forms: `rule.team_agreement`).

mod agreement;
mod combine;
mod consensus;
mod evaluation;
mod roster;
mod tally;

#[cfg(test)]
mod agreement_tests;
#[cfg(test)]
mod tests;

pub use agreement::{Agreed, Agreement, AgreementError, Dissent, DissentRecorded, MAX_DISSENT};
pub use combine::merge;
pub use consensus::Consensus;
pub use evaluation::{evaluate_team, AgendaItem, AgendaKind, TeamEvaluation, TeamReason};
pub(crate) use roster::TeamBuilder;
pub use roster::{Joined, Respondent, Team, TeamError, ANONYMITY_MIN, MAX_RESPONDENTS};
pub use tally::{AnswerCount, Evidence, ItemTally};
