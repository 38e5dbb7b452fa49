//! Two to six assessments side by side: the library's, the example, or a share link's.

use super::owned::Owned;

use super::error::AppError;
use super::platform::Host;
use super::share::read_link;
use crate::domain::{
    assessment_label, display_name, raccoons_inc, round_assessment, Assessment, RecordStore,
    SavedAssessment, Source,
};

/// One side of a comparison, resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Side {
    /// Where it comes from (its address).
    pub source: Source,
    /// Its name, as the library would show it, and where it comes from.
    pub name: String,
    /// The assessment.
    pub assessment: Assessment,
}

/// The comparison on screen.
#[derive(Clone, Copy)]
pub struct Compared {
    /// The sides, once resolved, in the order shown.
    pub sides: Owned<Option<Vec<Side>>>,
}

impl Compared {
    pub(super) fn new() -> Self {
        Compared {
            sides: Owned::new(None),
        }
    }
}

pub(super) async fn resolve(host: Host, source: Source) -> Result<Side, AppError> {
    let (name, assessment) = match &source {
        Source::Saved(id) => match host.records().read::<SavedAssessment>(id) {
            Some(Ok(record)) => (
                assessment_label(&record.assessment, &host.date_label(record.updated_at)),
                record.assessment,
            ),
            Some(Err(e)) => return Err(AppError::SavedUnreadable(e)),
            None => return Err(AppError::NotSaved),
        },
        Source::Example => {
            let a = raccoons_inc();
            (trf!("{name} (example)", name = display_name(&a)), a)
        }
        Source::Round(id, n) => match host.records().read::<SavedAssessment>(id) {
            Some(Ok(record)) => {
                let a = &record.assessment;
                let Some(round) = round_assessment(a, *n) else {
                    return Err(AppError::NoSuchRound {
                        name: display_name(a),
                        round: *n,
                        rounds: a.round_number(),
                    });
                };
                let when = if *n == a.round_number() {
                    tr!("in progress").to_string()
                } else {
                    trf!("closed {date}", date = a.rounds[*n - 1].date)
                };
                let name = trf!(
                    "{name}, round {round} ({when})",
                    name = display_name(a),
                    round = n,
                    when = when
                );
                // A closed round keeps no name of its own: it is the assessment's.
                let mut round = round.clone();
                round.organisation = a.organisation.clone();
                round.assessor = a.assessor.clone();
                (name, round)
            }
            Some(Err(e)) => return Err(AppError::SavedUnreadable(e)),
            None => return Err(AppError::NotSaved),
        },
        Source::Shared(payload) => {
            let shared = read_link(payload).await?;
            (
                assessment_label(
                    &shared.assessment,
                    &trf!("shared {date}", date = shared.made_on),
                ),
                shared.assessment,
            )
        }
    };
    Ok(Side {
        source,
        name,
        assessment,
    })
}
