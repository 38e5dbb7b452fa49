//! The KOOM model as data and an assessment of it: the seed's items, answers, limits, the example.

pub(super) mod answer;
pub(super) mod assessment;
pub(super) mod evidence;
pub(super) mod example;
pub(super) mod items;
pub(super) mod limits;
pub(super) mod plan_entry;
pub(super) mod respondent;
pub(super) mod round;
pub(super) mod seed;
pub(super) mod tracker;
