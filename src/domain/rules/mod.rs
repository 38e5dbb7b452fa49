//! Every rule of the model: the verdict, the deployment sequence and its gate, stability, progress, the plan, where an organisation stands, comparison, rounds over time.

pub(super) mod compare;
pub(super) mod evaluation;
pub(super) mod plan;
pub(super) mod progress;
pub(super) mod readiness;
pub(super) mod rounds;
pub(super) mod sequence;
pub(super) mod stability;
pub(super) mod stage;
