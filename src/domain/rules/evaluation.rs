//! Everything the app shows about an assessment, derived in one pass.

use crate::domain::model::assessment::Assessment;
use crate::domain::model::items::{self as model, SeedSection};
use crate::domain::rules::progress::{self, Progress};
use crate::domain::rules::readiness::{self, Readiness};
use crate::domain::rules::sequence::{self, Sequence};
use crate::domain::rules::stability::{self, Stability};

/// Everything the app shows about an assessment, derived in one pass.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evaluation {
    /// The readiness verdict and its reasons.
    pub readiness: Readiness,
    /// The deployment sequence, gated by the verdict.
    pub sequence: Sequence,
    /// Stability over alignment cycles.
    pub stability: Stability,
    /// Answered / total per section.
    pub progress: Progress,
    /// Items flagged "unclear", for the model's improvement cycle (seed §9).
    pub feedback: Vec<Feedback>,
}

/// One "unclear" flag: feedback on the model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feedback {
    /// The id the flag is on.
    pub item_id: String,
    /// The item's label, or the id itself when the model does not know it.
    pub label: String,
    /// The seed section of the item, if known.
    pub section: Option<SeedSection>,
    /// The user's remark.
    pub remark: String,
}

/// Evaluates an assessment. A pure, total function: any value gives a result.
pub fn evaluate(assessment: &Assessment) -> Evaluation {
    let readiness = readiness::evaluate(assessment);
    let sequence = sequence::evaluate(assessment, readiness.verdict);
    Evaluation {
        stability: stability::evaluate(assessment, sequence.deployed),
        progress: progress::evaluate(assessment),
        feedback: feedback(assessment),
        readiness,
        sequence,
    }
}

/// The "unclear" flags of an assessment, in id order.
pub fn feedback(assessment: &Assessment) -> Vec<Feedback> {
    assessment
        .unclear
        .iter()
        .map(|(id, remark)| {
            let item = model::item(id);
            Feedback {
                item_id: id.clone(),
                label: item.map(|i| i.label()).unwrap_or_else(|| id.clone()),
                section: item.map(|i| i.section()),
                remark: remark.clone(),
            }
        })
        .collect()
}
