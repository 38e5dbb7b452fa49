//! The answers a user gives.

/// A user's answer to one question. Unanswered is the absence of an answer.
///
/// "Not sure" is honest, not neutral: it never counts as a pass.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Answer {
    /// Yes.
    Yes,
    /// No.
    No,
    /// The assessor does not know; treated as unresolved.
    NotSure,
}

impl Answer {
    /// Every answer, in the order the interface offers them.
    pub const ALL: [Answer; 3] = [Answer::Yes, Answer::No, Answer::NotSure];

    /// The label shown to users.
    pub fn label(self) -> &'static str {
        match self {
            Answer::Yes => tr!("Yes"),
            Answer::No => tr!("No"),
            Answer::NotSure => tr!("Not sure"),
        }
    }

    /// The label of an answer given, or "Unanswered" when none was.
    pub fn label_of(answer: Option<Answer>) -> &'static str {
        answer.map_or(tr!("Unanswered"), Answer::label)
    }

    /// The stable token used in saved data and links.
    pub fn token(self) -> &'static str {
        match self {
            Answer::Yes => "yes",
            Answer::No => "no",
            Answer::NotSure => "not_sure",
        }
    }

    /// The answer with this token.
    pub fn from_token(token: &str) -> Option<Answer> {
        Answer::ALL.into_iter().find(|a| a.token() == token)
    }

    /// The opposite of a definite answer; `NotSure` stays `NotSure`.
    pub fn opposite(self) -> Answer {
        match self {
            Answer::Yes => Answer::No,
            Answer::No => Answer::Yes,
            Answer::NotSure => Answer::NotSure,
        }
    }
}

/// What an answer means for one question, given which answer is healthy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Finding {
    /// The healthy answer was given.
    Healthy,
    /// The unhealthy answer was given: the problem is present.
    Problem,
    /// Answered "Not sure".
    NotSure,
    /// Not answered yet.
    Unanswered,
}

impl Finding {
    /// Reads an optional answer against the healthy one.
    pub fn of(answer: Option<Answer>, healthy: Answer) -> Finding {
        match answer {
            None => Finding::Unanswered,
            Some(Answer::NotSure) => Finding::NotSure,
            Some(a) if a == healthy => Finding::Healthy,
            Some(_) => Finding::Problem,
        }
    }

    /// Whether this finding leaves the question open (unanswered or not sure).
    pub fn is_open(self) -> bool {
        matches!(self, Finding::NotSure | Finding::Unanswered)
    }
}

/// What was observed of one stability sign in one alignment cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Observation {
    /// The sign was seen.
    Seen,
    /// The sign was not seen.
    NotSeen,
    /// Unknown.
    NotSure,
}

impl Observation {
    /// Every observation, in the order the interface offers them.
    pub const ALL: [Observation; 3] = [
        Observation::Seen,
        Observation::NotSeen,
        Observation::NotSure,
    ];

    /// The stable token used in saved data (and form values).
    pub fn token(self) -> &'static str {
        match self {
            Observation::Seen => "seen",
            Observation::NotSeen => "not_seen",
            Observation::NotSure => "not_sure",
        }
    }

    /// The observation with this token.
    pub fn from_token(token: &str) -> Option<Observation> {
        Observation::ALL.into_iter().find(|o| o.token() == token)
    }

    /// The label shown to users.
    pub fn label(self) -> &'static str {
        match self {
            Observation::Seen => tr!("Seen"),
            Observation::NotSeen => tr!("Not seen"),
            Observation::NotSure => tr!("Not sure"),
        }
    }
}
