//! Rounds over time: where each round stood (the timeline) and what changed between a round
//! and a chosen baseline, item by item in the seed's terms ("Red flag 4 cleared since round 1",
//! "Condition 3 no longer holds since round 2").

use crate::domain::model::answer::Finding;
use crate::domain::model::assessment::Assessment;
use crate::domain::model::items::{
    Question, SeedSection, GREEN_FLAGS, GREEN_FLAGS_SECTION, MATURITY_REQUIREMENTS,
    MATURITY_SECTION, PRECONDITIONS, PRECONDITIONS_SECTION, RED_FLAGS, RED_FLAGS_SECTION,
};
use crate::domain::model::round::rounds_after;
use crate::domain::rules::evaluation::evaluate;
use crate::domain::rules::readiness::Verdict;
use crate::domain::rules::stage::Stage;

/// Where one round stood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoundStanding {
    /// The round's number (1-based).
    pub number: usize,
    /// For a closed round, the date it was closed; for the round in progress, the date it
    /// started (empty for a first round never re-assessed).
    pub date: String,
    /// Whether this is the round in progress.
    pub in_progress: bool,
    /// Its readiness verdict.
    pub verdict: Verdict,
    /// Where it stood, in one line ([`Stage::headline`]).
    pub stage: String,
    /// The colour of that stage, as a token ([`Stage::tone`]).
    pub tone: &'static str,
    /// Answers carried over and not confirmed (the round in progress only).
    pub carried: usize,
}

impl RoundStanding {
    /// "Round 2", "Round 3 (in progress)".
    pub fn title(&self) -> String {
        if self.in_progress {
            format!("Round {} (in progress)", self.number)
        } else {
            format!("Round {}", self.number)
        }
    }

    /// When, in words: "closed 2026-09-01", "started 2026-12-03", or "" when unknown.
    pub fn when(&self) -> String {
        match (self.in_progress, self.date.is_empty()) {
            (_, true) => String::new(),
            (true, false) => format!("started {}", self.date),
            (false, false) => format!("closed {}", self.date),
        }
    }
}

/// The assessment of round `number` (1-based): a closed round's snapshot, or the assessment
/// itself for the round in progress.
pub fn round_assessment(a: &Assessment, number: usize) -> Option<&Assessment> {
    match number {
        0 => None,
        n if n == a.round_number() => Some(a),
        n => a.rounds.get(n - 1).map(|r| &r.assessment),
    }
}

/// Every round, oldest first, the round in progress last.
pub fn timeline(a: &Assessment) -> Vec<RoundStanding> {
    let standing = |number: usize, date: &str, in_progress: bool, round: &Assessment| {
        let evaluation = evaluate(round);
        let stage = Stage::of(&evaluation);
        RoundStanding {
            number,
            date: date.to_string(),
            in_progress,
            verdict: evaluation.readiness.verdict,
            stage: stage.headline(),
            tone: stage.tone().token(),
            carried: if in_progress { a.carried.len() } else { 0 },
        }
    };
    a.rounds
        .iter()
        .enumerate()
        .map(|(i, r)| standing(i + 1, &r.date, false, &r.assessment))
        .chain(std::iter::once(standing(
            a.round_number(),
            &a.round_started,
            true,
            a,
        )))
        .collect()
}

/// Where one readiness item stands, read from its questions: any problem answer makes it fail,
/// else any open question keeps it open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemState {
    /// Healthy: a condition holds, a requirement is in place, a red flag is absent, a green
    /// flag is present.
    Holds,
    /// A problem: a condition does not hold, a requirement is missing, a red flag is present,
    /// a green flag is not present.
    Fails,
    /// Not known: a question is unanswered or "Not sure".
    Open,
}

fn state_of(a: &Assessment, questions: &[&Question]) -> ItemState {
    let findings: Vec<Finding> = questions
        .iter()
        .map(|q| Finding::of(a.answer(q.id), q.healthy))
        .collect();
    if findings.contains(&Finding::Problem) {
        ItemState::Fails
    } else if findings.iter().any(|f| f.is_open()) {
        ItemState::Open
    } else {
        ItemState::Holds
    }
}

/// Whether a change is for the better.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// A problem went away or a healthy state was confirmed.
    Better,
    /// A problem appeared or a healthy state was lost.
    Worse,
    /// What was known is open again.
    Open,
}

impl Direction {
    /// A short token for styling and data attributes.
    pub fn token(self) -> &'static str {
        match self {
            Direction::Better => "better",
            Direction::Worse => "worse",
            Direction::Open => "open",
        }
    }
}

/// One readiness item whose state changed between a baseline round and another round.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemChange {
    /// The item's stable id (a precondition, requirement, red flag or green flag).
    pub item_id: &'static str,
    /// The seed section it comes from.
    pub section: SeedSection,
    /// Its full label, such as "Red flag 4 — “Our managers rewrite workflows …”".
    pub label: String,
    /// Its state in the baseline.
    pub from: ItemState,
    /// Its state in the round compared.
    pub to: ItemState,
    /// The change in the seed's terms: "Red flag 4 cleared since round 1."
    pub sentence: String,
    /// Whether it is for the better.
    pub direction: Direction,
}

/// How each kind of item says a change of state: to healthy (from open, from a problem), to a
/// problem (from healthy, from open).
struct Words {
    holds: &'static str,
    holds_after_problem: &'static str,
    fails_after_holds: &'static str,
    fails: &'static str,
}

const CONDITION: Words = Words {
    holds: "now holds",
    holds_after_problem: "now holds",
    fails_after_holds: "no longer holds",
    fails: "does not hold",
};
const REQUIREMENT: Words = Words {
    holds: "is now in place",
    holds_after_problem: "is now in place",
    fails_after_holds: "is no longer in place",
    fails: "is missing",
};
const RED_FLAG: Words = Words {
    // Confirmed absent after being present or unknown: cleared either way.
    holds: "cleared",
    holds_after_problem: "cleared",
    fails_after_holds: "is present again",
    fails: "is present",
};
const GREEN_FLAG: Words = Words {
    holds: "is now present",
    holds_after_problem: "is now present",
    fails_after_holds: "is no longer present",
    fails: "is not present",
};

fn change(
    item: (&'static str, SeedSection, String, String),
    words: &Words,
    from: ItemState,
    to: ItemState,
    since: usize,
) -> Option<ItemChange> {
    let (item_id, section, kicker, label) = item;
    let (phrase, direction) = match (from, to) {
        (f, t) if f == t => return None,
        (ItemState::Fails, ItemState::Holds) => (words.holds_after_problem, Direction::Better),
        (_, ItemState::Holds) => (words.holds, Direction::Better),
        (ItemState::Holds, ItemState::Fails) => (words.fails_after_holds, Direction::Worse),
        (_, ItemState::Fails) => (words.fails, Direction::Worse),
        (_, ItemState::Open) => ("is open again (not sure or unanswered)", Direction::Open),
    };
    Some(ItemChange {
        item_id,
        section,
        label,
        from,
        to,
        sentence: format!("{kicker} {phrase} since round {since}."),
        direction,
    })
}

/// What changed from the baseline round to another round, item by item in the seed's order
/// (preconditions, maturity, red flags, green flags); `since` is the baseline's number.
pub fn round_changes(baseline: &Assessment, round: &Assessment, since: usize) -> Vec<ItemChange> {
    let mut out = Vec::new();
    let mut push = |item, words: &Words, questions: &[&Question]| {
        let from = state_of(baseline, questions);
        let to = state_of(round, questions);
        out.extend(change(item, words, from, to, since));
    };
    for p in PRECONDITIONS.iter() {
        let item = (p.id, PRECONDITIONS_SECTION, p.kicker(), p.label());
        push(item, &CONDITION, p.questions);
    }
    for m in MATURITY_REQUIREMENTS.iter() {
        let item = (m.id, MATURITY_SECTION, m.kicker(), m.label());
        push(item, &REQUIREMENT, m.questions);
    }
    for f in RED_FLAGS.iter() {
        let item = (f.id, RED_FLAGS_SECTION, f.kicker(), f.label());
        push(item, &RED_FLAG, &[f.question]);
    }
    for g in GREEN_FLAGS.iter() {
        let item = (g.id, GREEN_FLAGS_SECTION, g.kicker(), g.label());
        push(item, &GREEN_FLAG, &[g.question]);
    }
    out
}

/// How many answers differ between two rounds (any question of the model).
pub fn answers_changed(baseline: &Assessment, round: &Assessment) -> usize {
    crate::domain::model::items::all_questions()
        .filter(|q| baseline.answer(q.id) != round.answer(q.id))
        .count()
}

/// Everything the rounds panel shows, for one choice of rounds to compare.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoundsSummary {
    /// Where each round stood, oldest first, the round in progress last.
    pub rounds: Vec<RoundStanding>,
    /// The round compared (1-based): the choice, or the round in progress.
    pub compared: usize,
    /// The baseline (1-based): the choice, or the round before the one compared.
    pub baseline: usize,
    /// What changed from the baseline to the round compared, in the seed's terms.
    pub changes: Vec<ItemChange>,
    /// How many answers differ, in words ("1 answer differs."); empty when the two are the
    /// same round.
    pub answers_changed: String,
    /// Rounds dated after today, as a warning; `None` when there are none.
    pub future: Option<String>,
}

/// The rounds panel's content: `compared` and `baseline` are the user's choices (0, or a round
/// that does not exist, for the default); `today` is an ISO date.
pub fn rounds_summary(
    a: &Assessment,
    compared: usize,
    baseline: usize,
    today: &str,
) -> RoundsSummary {
    let rounds = timeline(a);
    let count = rounds.len();
    let pick = |choice: usize, default: usize| {
        if (1..=count).contains(&choice) {
            choice
        } else {
            default
        }
    };
    let compared = pick(compared, count);
    let baseline = pick(baseline, compared.saturating_sub(1).max(1));
    let (changes, answers_changed) =
        match (round_assessment(a, baseline), round_assessment(a, compared)) {
            (Some(x), Some(y)) if baseline != compared => {
                let sentence = match answers_changed(x, y) {
                    0 => "No answer differs.".to_string(),
                    1 => "1 answer differs.".to_string(),
                    n => format!("{n} answers differ."),
                };
                (round_changes(x, y, baseline), sentence)
            }
            _ => (Vec::new(), String::new()),
        };
    let future = rounds_after(a, today);
    let future = (!future.is_empty()).then(|| {
        let dated: Vec<String> = future
            .iter()
            .map(|(n, d)| format!("Round {n} is dated {d}"))
            .collect();
        format!(
            "{}, after today on this computer: one of the computers' dates is probably wrong. The dates are kept as they are.",
            dated.join("; ")
        )
    });
    RoundsSummary {
        rounds,
        compared,
        baseline,
        changes,
        answers_changed,
        future,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::answer::Answer;
    use crate::domain::model::items::readiness_questions;
    use crate::domain::model::seed::SEED_TEXT;

    const MGR_INVENTING: &str = "precondition.managers.inventing_workflows";

    fn all_healthy() -> Assessment {
        let mut a = Assessment::new("Raccoons Inc.", "");
        for q in readiness_questions() {
            a.set_answer(q.id, Some(q.healthy));
        }
        a
    }

    fn unhealthy(q: &Question) -> Answer {
        if q.healthy == Answer::Yes {
            Answer::No
        } else {
            Answer::Yes
        }
    }

    /// Three rounds of one organisation, from Stop to Ready: red flag 4 present (managers
    /// inventing processes), then "Not sure", then cleared.
    fn three_rounds() -> Assessment {
        let q = RED_FLAGS[3].question;
        let mut a = all_healthy();
        a.set_answer(q.id, Some(unhealthy(q)));
        a.reassess("2026-06-01").unwrap();
        a.set_answer(q.id, Some(Answer::NotSure));
        a.reassess("2026-09-01").unwrap();
        a.set_answer(q.id, Some(q.healthy));
        a
    }

    #[test]
    fn the_seed_numbers_red_flag_4_as_managers_rewriting_workflows() {
        assert!(SEED_TEXT.contains("Red Flag 4 — “Managers rewrite workflows themselves.”"));
        assert_eq!(RED_FLAGS[3].number, 4);
        assert_eq!(RED_FLAGS[3].question.id, MGR_INVENTING);
    }

    #[test]
    fn the_timeline_shows_each_round_from_stop_to_ready() {
        let a = three_rounds();
        let t = timeline(&a);
        let verdicts: Vec<Verdict> = t.iter().map(|r| r.verdict).collect();
        assert_eq!(verdicts, [Verdict::Stop, Verdict::Hold, Verdict::Ready]);
        assert_eq!(
            t.iter().map(RoundStanding::title).collect::<Vec<_>>(),
            ["Round 1", "Round 2", "Round 3 (in progress)"]
        );
        assert_eq!(t[0].when(), "closed 2026-06-01");
        assert_eq!(t[2].when(), "started 2026-09-01");
        assert_eq!(t[0].tone, "stop");
        assert_eq!(t[2].tone, "healthy");
        assert!(t[2].carried > 0, "untouched answers are still carried");
    }

    #[test]
    fn changes_are_said_in_the_seeds_terms_against_any_baseline() {
        let a = three_rounds();
        let r1 = round_assessment(&a, 1).unwrap();
        let r2 = round_assessment(&a, 2).unwrap();
        let now = round_assessment(&a, 3).unwrap();
        let sentences = |c: Vec<ItemChange>| c.into_iter().map(|c| c.sentence).collect::<Vec<_>>();
        assert_eq!(
            sentences(round_changes(r1, now, 1)),
            [
                "Condition 2 now holds since round 1.",
                "Red flag 4 cleared since round 1."
            ]
        );
        assert_eq!(
            sentences(round_changes(r1, r2, 1)),
            [
                "Condition 2 is open again (not sure or unanswered) since round 1.",
                "Red flag 4 is open again (not sure or unanswered) since round 1."
            ]
        );
        assert_eq!(
            sentences(round_changes(now, r1, 3)),
            [
                "Condition 2 no longer holds since round 3.",
                "Red flag 4 is present again since round 3."
            ]
        );
        let c = round_changes(r2, now, 2);
        assert_eq!(c[1].direction, Direction::Better);
        assert_eq!(c[1].item_id, "red_flag.managers_rewrite_workflows");
        assert!(round_changes(now, now, 3).is_empty());
        assert_eq!(answers_changed(r1, now), 1);
        assert_eq!(round_assessment(&a, 0), None);
        assert_eq!(round_assessment(&a, 4), None);
    }

    #[test]
    fn the_panel_compares_the_round_in_progress_with_the_one_before_unless_told() {
        let a = three_rounds();
        let s = rounds_summary(&a, 0, 0, "2026-12-03");
        assert_eq!((s.compared, s.baseline), (3, 2));
        assert_eq!(s.answers_changed, "1 answer differs.");
        assert_eq!(s.changes[1].sentence, "Red flag 4 cleared since round 2.");
        assert_eq!(s.future, None);
        let s = rounds_summary(&a, 2, 0, "2026-12-03");
        assert_eq!((s.compared, s.baseline), (2, 1));
        let s = rounds_summary(&a, 1, 1, "2026-12-03");
        assert!(s.changes.is_empty() && s.answers_changed.is_empty());
        let s = rounds_summary(&a, 9, 7, "2026-07-01");
        assert_eq!(
            (s.compared, s.baseline),
            (3, 2),
            "a round that does not exist is the default"
        );
        assert_eq!(
            s.future.as_deref(),
            Some("Round 2 is dated 2026-09-01; Round 3 is dated 2026-09-01, after today on this computer: one of the computers' dates is probably wrong. The dates are kept as they are.")
        );
        let first = rounds_summary(&all_healthy(), 0, 0, "2026-12-03");
        assert_eq!(first.rounds.len(), 1);
        assert!(first.changes.is_empty());
    }

    #[test]
    fn requirements_and_green_flags_have_their_own_words() {
        let mut base = all_healthy();
        let green = GREEN_FLAGS[1].question;
        base.set_answer(green.id, Some(Answer::Yes));
        let mut later = base.clone();
        let facet = MATURITY_REQUIREMENTS[0].questions[0];
        later.set_answer(facet.id, Some(unhealthy(facet)));
        later.set_answer(green.id, Some(Answer::No));
        let c = round_changes(&base, &later, 1);
        let s: Vec<&str> = c.iter().map(|c| c.sentence.as_str()).collect();
        assert!(
            s.contains(&"Requirement 1 is no longer in place since round 1."),
            "{s:?}"
        );
        assert!(
            s.contains(&"Green flag 2 is no longer present since round 1."),
            "{s:?}"
        );
        assert!(c.iter().all(|c| c.direction == Direction::Worse));
        // A green flag first known as absent is said as such, not as a loss.
        let first = round_changes(&all_healthy(), &later, 1);
        assert!(first
            .iter()
            .any(|c| c.sentence == "Green flag 2 is not present since round 1."));
    }
}
