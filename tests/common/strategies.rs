//! proptest strategies shared by the native property suites.

use koom_readiness::domain::Answer;
use proptest::prelude::*;

/// An answer to one question, or none: each of the four states equally likely.
pub fn answer() -> impl Strategy<Value = Option<Answer>> {
    prop_oneof![
        Just(None),
        Just(Some(Answer::Yes)),
        Just(Some(Answer::No)),
        Just(Some(Answer::NotSure)),
    ]
}
