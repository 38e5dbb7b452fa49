//! What a user records about one item of the plan before Ready: owner, due date, status and
//! note. Plain data, held by the [`Assessment`](super::Assessment) and written by the codecs;
//! the plan itself (which causes are items, what may change) is in `plan.rs`, above it.

/// Where a plan item stands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum PlanStatus {
    /// Not started.
    #[default]
    ToDo,
    /// Under way.
    Doing,
    /// Done.
    Done,
    /// Decided against, with a reason.
    WontDo,
}

impl PlanStatus {
    /// Every status, in the order a user moves through them.
    pub const ALL: [PlanStatus; 4] = [
        PlanStatus::ToDo,
        PlanStatus::Doing,
        PlanStatus::Done,
        PlanStatus::WontDo,
    ];

    /// The stable token in files and the DOM.
    pub fn token(self) -> &'static str {
        match self {
            PlanStatus::ToDo => "to_do",
            PlanStatus::Doing => "doing",
            PlanStatus::Done => "done",
            PlanStatus::WontDo => "wont_do",
        }
    }

    /// The status with this token.
    pub fn from_token(token: &str) -> Option<PlanStatus> {
        PlanStatus::ALL.into_iter().find(|s| s.token() == token)
    }

    /// How it reads.
    pub fn label(self) -> &'static str {
        match self {
            PlanStatus::ToDo => tr!("To do"),
            PlanStatus::Doing => tr!("Doing"),
            PlanStatus::Done => tr!("Done"),
            PlanStatus::WontDo => tr!("Won't do"),
        }
    }

    /// Whether the item is closed (done, or decided against).
    pub fn is_closed(self) -> bool {
        matches!(self, PlanStatus::Done | PlanStatus::WontDo)
    }
}

/// What the user recorded about one plan item.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlanEntry {
    /// Who owns it.
    pub owner: String,
    /// When it is due, as an ISO date (`2026-12-31`), or empty.
    pub due: String,
    /// Where it stands.
    pub status: PlanStatus,
    /// Why it will not be done (with [`PlanStatus::WontDo`]).
    pub reason: String,
    /// A note.
    pub note: String,
}

/// Whether `text` is an ISO calendar date (`2026-12-31`).
pub fn is_iso_date(text: &str) -> bool {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| text.get(r).and_then(|s| s.parse::<u32>().ok());
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    if !text[0..4].bytes().all(|c| c.is_ascii_digit())
        || !text[5..7].bytes().all(|c| c.is_ascii_digit())
        || !text[8..10].bytes().all(|c| c.is_ascii_digit())
    {
        return false;
    }
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}
