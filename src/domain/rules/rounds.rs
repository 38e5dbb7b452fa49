//! Rounds over time: where each round stood (the timeline) and what changed between a round
//! and an earlier baseline, item by item in the seed's terms ("Red flag 4 cleared (round 1:
//! present; round 3: absent).", "Condition 3 no longer holds (round 1: holds; round 2: does not
//! hold).").

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
            trf!("Round {number} (in progress)", number = self.number)
        } else {
            trf!("Round {number}", number = self.number)
        }
    }

    /// When, in words: "closed 2026-09-01", "started 2026-12-03", or "" when unknown.
    pub fn when(&self) -> String {
        match (self.in_progress, self.date.is_empty()) {
            (_, true) => String::new(),
            (true, false) => trf!("started {date}", date = self.date),
            (false, false) => trf!("closed {date}", date = self.date),
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
    /// The change in the seed's terms: "Red flag 4 cleared (round 1: present; round 3:
    /// absent)."
    pub sentence: String,
    /// Whether it is for the better.
    pub direction: Direction,
}

/// How each kind of item says its states and a change between them (the baseline is always
/// the earlier round).
struct Words {
    /// The healthy state ("holds", "absent").
    healthy: &'static str,
    /// The problem state ("does not hold", "present").
    problem: &'static str,
    /// To healthy (from a problem or not known).
    to_healthy: &'static str,
    /// To a problem from healthy.
    healthy_to_problem: &'static str,
    /// To a problem from not known.
    open_to_problem: &'static str,
}

/// Each kind of item's words: a condition's, a requirement's, a red flag's, a green flag's.
fn words() -> (Words, Words, Words, Words) {
    let condition = Words {
        healthy: tr!("holds"),
        problem: tr!("does not hold"),
        to_healthy: tr!("now holds"),
        healthy_to_problem: tr!("no longer holds"),
        open_to_problem: tr!("does not hold"),
    };
    let requirement = Words {
        healthy: tr!("in place"),
        problem: tr!("missing"),
        to_healthy: tr!("is now in place"),
        healthy_to_problem: tr!("is no longer in place"),
        open_to_problem: tr!("is missing"),
    };
    let red_flag = Words {
        healthy: tr!("absent"),
        problem: tr!("present"),
        // Confirmed absent after being present or not known: cleared either way.
        to_healthy: tr!("cleared"),
        healthy_to_problem: tr!("is now present"),
        open_to_problem: tr!("is present"),
    };
    let green_flag = Words {
        healthy: tr!("present"),
        problem: tr!("not present"),
        to_healthy: tr!("is now present"),
        healthy_to_problem: tr!("is no longer present"),
        open_to_problem: tr!("is not present"),
    };
    (condition, requirement, red_flag, green_flag)
}

/// A state in the item's words.
fn state_word(words: &Words, state: ItemState) -> &'static str {
    match state {
        ItemState::Holds => words.healthy,
        ItemState::Fails => words.problem,
        ItemState::Open => tr!("not known"),
    }
}

fn change(
    item: (&'static str, SeedSection, String, String),
    words: &Words,
    (from, to): (ItemState, ItemState),
    (baseline, round): (usize, usize),
) -> Option<ItemChange> {
    let (item_id, section, kicker, label) = item;
    let (verb, direction) = match (from, to) {
        (f, t) if f == t => return None,
        (_, ItemState::Holds) => (words.to_healthy, Direction::Better),
        (ItemState::Holds, ItemState::Fails) => (words.healthy_to_problem, Direction::Worse),
        (_, ItemState::Fails) => (words.open_to_problem, Direction::Worse),
        (_, ItemState::Open) => (
            tr!("is no longer known (not sure or unanswered)"),
            Direction::Open,
        ),
    };
    Some(ItemChange {
        item_id,
        section,
        label,
        from,
        to,
        sentence: trf!(
            "{kicker} {verb} (round {baseline}: {from}; round {round}: {to}).",
            kicker = kicker,
            verb = verb,
            baseline = baseline,
            from = state_word(words, from),
            round = round,
            to = state_word(words, to)
        ),
        direction,
    })
}

/// What changed from a baseline round to a later round, item by item in the seed's order
/// (preconditions, maturity, red flags, green flags); `numbers` are the two rounds' numbers
/// (baseline, later round), for the sentences.
pub fn round_changes(
    baseline: &Assessment,
    round: &Assessment,
    numbers: (usize, usize),
) -> Vec<ItemChange> {
    let mut out = Vec::new();
    let mut push = |item, words: &Words, questions: &[&Question]| {
        let states = (state_of(baseline, questions), state_of(round, questions));
        out.extend(change(item, words, states, numbers));
    };
    let (condition, requirement, red_flag, green_flag) = words();
    for p in PRECONDITIONS.iter() {
        let item = (p.id, PRECONDITIONS_SECTION, p.kicker(), p.label());
        push(item, &condition, p.questions);
    }
    for m in MATURITY_REQUIREMENTS.iter() {
        let item = (m.id, MATURITY_SECTION, m.kicker(), m.label());
        push(item, &requirement, m.questions);
    }
    for f in RED_FLAGS.iter() {
        let item = (f.id, RED_FLAGS_SECTION, f.kicker(), f.label());
        push(item, &red_flag, &[f.question]);
    }
    for g in GREEN_FLAGS.iter() {
        let item = (g.id, GREEN_FLAGS_SECTION, g.kicker(), g.label());
        push(item, &green_flag, &[g.question]);
    }
    out
}

/// How many answers differ between two rounds (any question of the model).
pub fn answers_changed(baseline: &Assessment, round: &Assessment) -> usize {
    crate::domain::model::items::all_questions()
        .filter(|q| baseline.answer(q.id) != round.answer(q.id))
        .count()
}

/// What the report and the panel say when no item changed between two rounds.
pub const NO_ITEM_CHANGED: &str = "No precondition, requirement or flag changed.";

/// Everything the rounds panel shows, for one choice of rounds to compare.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoundsSummary {
    /// Where each round stood, oldest first, the round in progress last.
    pub rounds: Vec<RoundStanding>,
    /// The round compared (1-based): the later of the two chosen; by default the round in
    /// progress.
    pub compared: usize,
    /// The baseline (1-based): the earlier of the two chosen; by default the round before the
    /// one compared.
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
    let before = if compared > 1 {
        compared - 1
    } else {
        2.min(count)
    };
    let baseline = pick(baseline, before);
    // The baseline is the earlier of the two: a change is said from then to later.
    let (baseline, compared) = (baseline.min(compared), baseline.max(compared));
    let (changes, answers_changed) =
        match (round_assessment(a, baseline), round_assessment(a, compared)) {
            (Some(x), Some(y)) if baseline != compared => {
                let sentence = match answers_changed(x, y) {
                    0 => tr!("No answer differs.").to_string(),
                    1 => tr!("1 answer differs.").to_string(),
                    n => trf!("{n} answers differ.", n = n),
                };
                (round_changes(x, y, (baseline, compared)), sentence)
            }
            _ => (Vec::new(), String::new()),
        };
    let future = rounds_after(a, today);
    let future = (!future.is_empty()).then(|| {
        let dated: Vec<String> = future
            .iter()
            .map(|(n, d)| trf!("Round {n} is dated {date}", n = n, date = d))
            .collect();
        trf!(
            "{rounds}, after today on this computer: one of the computers' dates is probably wrong. The dates are kept as they are.",
            rounds = dated.join("; ")
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
            sentences(round_changes(r1, now, (1, 3))),
            [
                "Condition 2 now holds (round 1: does not hold; round 3: holds).",
                "Red flag 4 cleared (round 1: present; round 3: absent)."
            ]
        );
        assert_eq!(
            sentences(round_changes(r1, r2, (1, 2))),
            [
                "Condition 2 is no longer known (not sure or unanswered) (round 1: does not hold; round 2: not known).",
                "Red flag 4 is no longer known (not sure or unanswered) (round 1: present; round 2: not known)."
            ]
        );
        assert_eq!(
            // Said from the earlier to the later round, whichever is the healthier.
            sentences(round_changes(now, r1, (1, 2))),
            [
                "Condition 2 no longer holds (round 1: holds; round 2: does not hold).",
                "Red flag 4 is now present (round 1: absent; round 2: present)."
            ]
        );
        let c = round_changes(r2, now, (2, 3));
        assert_eq!(c[1].direction, Direction::Better);
        assert_eq!(c[1].item_id, "red_flag.managers_rewrite_workflows");
        assert!(round_changes(now, now, (3, 3)).is_empty());
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
        assert_eq!(
            s.changes[1].sentence,
            "Red flag 4 cleared (round 2: not known; round 3: absent)."
        );
        assert_eq!(s.future, None);
        let s = rounds_summary(&a, 2, 0, "2026-12-03");
        assert_eq!((s.compared, s.baseline), (2, 1));
        let s = rounds_summary(&a, 1, 0, "2026-12-03");
        assert_eq!(
            (s.baseline, s.compared),
            (1, 2),
            "round 1 is compared with round 2"
        );
        let s = rounds_summary(&a, 1, 3, "2026-12-03");
        assert_eq!(
            (s.baseline, s.compared),
            (1, 3),
            "the earlier round is the baseline"
        );
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
        let c = round_changes(&base, &later, (1, 2));
        let s: Vec<&str> = c.iter().map(|c| c.sentence.as_str()).collect();
        assert!(
            s.contains(
                &"Requirement 1 is no longer in place (round 1: in place; round 2: missing)."
            ),
            "{s:?}"
        );
        assert!(
            s.contains(
                &"Green flag 2 is no longer present (round 1: present; round 2: not present)."
            ),
            "{s:?}"
        );
        assert!(c.iter().all(|c| c.direction == Direction::Worse));
        // A green flag first known as absent is said as such, not as a loss.
        let first = round_changes(&all_healthy(), &later, (1, 2));
        assert!(first.iter().any(|c| c.sentence
            == "Green flag 2 is not present (round 1: not known; round 2: not present)."));
    }
}
