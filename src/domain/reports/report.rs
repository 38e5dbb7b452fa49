//! The report as one value: built here from an assessment and its evaluation, then rendered
//! twice — as Markdown (for pasting into a wiki, [`markdown`]) and as HTML (the printable
//! report view). Both renderers only lay out what this value holds, so they cannot disagree.

use std::fmt::Write;

use crate::domain::formats::records::display_name;
use crate::domain::model::answer::{Answer, Finding};
use crate::domain::model::assessment::{Assessment, PilotIteration};
use crate::domain::model::evidence::EvidenceDetails;
use crate::domain::model::items::{
    self as model, Question, DEPLOYMENT_STEPS, GATE_CRITERIA, GREEN_FLAGS, IMPROVEMENT_CYCLE,
    MATURITY_REQUIREMENTS, MODEL_VERSION, PRECONDITIONS, RED_FLAGS, STABILITY_SIGNS,
};
use crate::domain::rules::evaluation::Evaluation;
use crate::domain::rules::plan::{plan, PlanItem};
use crate::domain::rules::readiness::{Reason, Verdict};
use crate::domain::rules::rounds::{round_changes, timeline, RoundStanding, NO_ITEM_CHANGED};
use crate::domain::rules::sequence::StepState;
use crate::domain::rules::stability::Health;
use crate::domain::rules::stage::Stage;

/// The whole report of one assessment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// The organisation's display name.
    pub title: String,
    /// Who made the assessment, if named.
    pub assessor: Option<String>,
    /// The model version the answers were given against.
    pub model_version: String,
    /// Whether that is the version this app implements.
    pub model_is_current: bool,
    /// The date of the report (ISO).
    pub date: String,
    /// Where the organisation is now (readiness, deployment, stability), in one line.
    pub stage: String,
    /// The stage in a few words ([`Stage::short_headline`]).
    pub stage_short: String,
    /// The stage's token ([`Stage::token`]).
    pub stage_token: &'static str,
    /// The stage's colour ([`Stage::tone`]), as its token.
    pub tone: &'static str,
    /// The one action to take now ([`Stage::next`]).
    pub next: String,
    /// The readiness verdict.
    pub verdict: Verdict,
    /// The verdict as the stage shows it ([`Stage::readiness_headline`]): past readiness, a
    /// Ready verdict says the ground holds, not "begin".
    pub verdict_headline: &'static str,
    /// A Ready verdict's caution when it rests on few green flags, and the missing ones.
    pub caution: Vec<String>,
    /// The remediation plan, one line per item ([`PlanItem::line`]).
    pub plan: Vec<String>,
    /// What the verdict means at this stage ([`Stage::verdict_explanation`]).
    pub explanation: &'static str,
    /// "n of 6 green flags present".
    pub green_flags: String,
    /// The causes of the verdict, with their next actions.
    pub reasons: Vec<ReasonLine>,
    /// Known problems that do not decide this verdict but will matter next.
    pub also: Vec<ReasonLine>,
    /// What would change the verdict.
    pub would_change: Vec<String>,
    /// Answers that contradict each other.
    pub inconsistencies: Vec<String>,
    /// The answers, one table per precondition, requirement, and the two flag sections.
    pub answers: Vec<AnswerTable>,
    /// The deployment sequence, step by step.
    pub steps: Vec<StepLine>,
    /// The pilot department, if named.
    pub pilot_department: Option<String>,
    /// The evaluation of the pilot, if written.
    pub pilot_evaluation: Option<String>,
    /// The full-deployment gate's answers.
    pub gate: AnswerTable,
    /// The "roll back, retrain, repeat" iterations, oldest first.
    pub iterations: Vec<IterationRecord>,
    /// The stability health's headline.
    pub stability: String,
    /// Number of alignment cycles recorded.
    pub cycles: usize,
    /// One row per stability sign (empty when no cycle is recorded).
    pub signs: Vec<SignRow>,
    /// For each missing sign, the model parts most likely at fault (our reading of the seed).
    pub diagnosis: Vec<DiagnosisLine>,
    /// Items flagged "unclear": feedback for the model's improvement cycle.
    pub feedback: Vec<FeedbackLine>,
    /// A share link to the assessment (without notes), when the app has made one.
    pub share_link: Option<String>,
    /// Every round of re-assessment, oldest first, the round in progress last; empty before
    /// the first re-assessment.
    pub rounds: Vec<RoundStanding>,
    /// What changed since the previous round, in the seed's terms.
    pub changes: Vec<String>,
    /// How many answers are carried over from an earlier round and not yet confirmed, in
    /// words; `None` when none are.
    pub carried: Option<String>,
    /// Evidence past its review-by date: the item and the date, one line each.
    pub stale_evidence: Vec<String>,
}

/// One reason of the verdict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReasonLine {
    /// The reason in one sentence (item, seed section, finding, consequence).
    pub message: String,
    /// The next action.
    pub action: String,
}

/// A table of questions and their answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerTable {
    /// Its heading, such as "§2 Condition 1 — Executives agree to respect role boundaries".
    pub title: String,
    /// One row per question.
    pub rows: Vec<AnswerRow>,
}

/// One answered (or unanswered) question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerRow {
    /// The question's stable id.
    pub id: &'static str,
    /// The question.
    pub question: &'static str,
    /// The answer's label, or "Unanswered".
    pub answer: &'static str,
    /// What the answer means for this question.
    pub finding: Finding,
    /// The evidence note, if any.
    pub note: Option<String>,
    /// Who, when, the link and the review-by date of the evidence, in one line, if any.
    pub evidence: Option<String>,
    /// Whether the evidence is past its review-by date.
    pub stale: bool,
    /// Whether the user flagged the question as unclear.
    pub unclear: bool,
    /// The round an answer was carried over from and not yet confirmed, if any.
    pub carried_from: Option<u32>,
}

/// One step of the deployment sequence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepLine {
    /// "Step 1 — Executive Education".
    pub label: String,
    /// "complete", "current (2 of 4 done)" or "locked — why".
    pub state: String,
    /// The step's own evidence note.
    pub note: Option<String>,
    /// Notes on its checklist items: the item's text and the note.
    pub item_notes: Vec<(&'static str, String)>,
}

/// One pilot iteration, as its history shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IterationRecord {
    /// Its number (1-based).
    pub number: usize,
    /// Date, criteria not met, criteria unknown, and the evaluation rolled back, in a sentence.
    pub summary: String,
    /// The gate's answers when it failed: the criterion's question and the answer given.
    pub gate_answers: Vec<(&'static str, &'static str)>,
    /// The steps named for retraining, each with when it was confirmed retrained.
    pub retraining: Vec<(String, Option<String>)>,
}

impl IterationRecord {
    /// The history of one iteration (`number` is 1-based).
    pub fn of(number: usize, it: &PilotIteration) -> IterationRecord {
        IterationRecord {
            number,
            summary: iteration_line(it),
            gate_answers: GATE_CRITERIA
                .iter()
                .filter_map(|c| {
                    it.gate_answers
                        .get(c.id)
                        .map(|a| (tr!(c.question.text), a.label()))
                })
                .collect(),
            retraining: it
                .retrain
                .iter()
                .map(|id| {
                    (
                        // The pilot is repeated, not retrained (older records named it).
                        model::step(id)
                            .map(|s| {
                                if s.id == model::PILOT {
                                    trf!("{step} (repeated)", step = s.label())
                                } else {
                                    s.label()
                                }
                            })
                            .unwrap_or_else(|| id.clone()),
                        it.retrained.get(id).cloned(),
                    )
                })
                .collect(),
        }
    }

    /// The retraining in a sentence: "Retrained: Step 1 — … on 2026-11-25; Step 4 — … not
    /// confirmed yet."
    pub fn retraining_line(&self) -> Option<String> {
        if self.retraining.is_empty() {
            return None;
        }
        let parts: Vec<String> = self
            .retraining
            .iter()
            .map(|(step, date)| match date {
                Some(d) => trf!("{step} on {date}", step = step, date = d),
                None => trf!("{step} not confirmed yet", step = step),
            })
            .collect();
        Some(trf!("Retrained: {steps}.", steps = parts.join("; ")))
    }

    /// The gate's answers in a sentence.
    pub fn gate_line(&self) -> Option<String> {
        if self.gate_answers.is_empty() {
            return None;
        }
        let parts: Vec<String> = self
            .gate_answers
            .iter()
            .map(|(q, a)| format!("{q} {a}"))
            .collect();
        Some(trf!(
            "Gate answers then: {answers}.",
            answers = parts.join("; ")
        ))
    }
}

/// One stability sign over the recorded cycles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignRow {
    /// The sign.
    pub sign: &'static str,
    /// Its general evidence note, if any.
    pub note: Option<String>,
    /// One cell per cycle.
    pub cells: Vec<SignCell>,
}

/// What was recorded for one sign in one cycle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignCell {
    /// "Seen", "Not seen", "Not sure" or "—".
    pub observation: &'static str,
    /// The cycle's note on the sign, if any.
    pub note: Option<String>,
}

/// One missing sign and where to look.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiagnosisLine {
    /// The sign.
    pub sign: &'static str,
    /// The labels of the model parts most likely at fault.
    pub suspects: Vec<String>,
}

/// One "unclear" flag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedbackLine {
    /// The item's label.
    pub label: String,
    /// Its seed section, such as "§3", if known.
    pub section: Option<String>,
    /// The user's remark, or "no remark given".
    pub remark: String,
}

/// The title of the report's feedback section, naming the improvement cycle (seed §9).
pub fn feedback_intro() -> String {
    trf!(
        "Items flagged as unclear, for the model's improvement cycle ({steps}):",
        steps = IMPROVEMENT_CYCLE
            .iter()
            .map(|step| tr!(*step))
            .collect::<Vec<_>>()
            .join(", ")
    )
}

/// What the feedback section says when nothing was flagged.
pub const NO_FEEDBACK: &str = "No item was flagged as unclear.";

/// The heading of the iterations list.
pub const ITERATIONS_TITLE: &str = "Pilot iterations (roll back, retrain, repeat)";

/// [`NO_FEEDBACK`] in the language spoken now (the constant is its English text, the key).
fn no_feedback() -> &'static str {
    tr!("No item was flagged as unclear.")
}

/// [`ITERATIONS_TITLE`] in the language spoken now (the constant is its English text, the key).
fn iterations_title() -> &'static str {
    tr!("Pilot iterations (roll back, retrain, repeat)")
}

fn note(text: Option<&String>) -> Option<String> {
    text.map(|n| n.trim())
        .filter(|n| !n.is_empty())
        .map(str::to_string)
}

/// A step's or a sign's note with its evidence details after it ("… Evidence: from Ana,
/// review by 2027-01-01."), which those rows have no column of their own for.
fn note_with_evidence(a: &Assessment, id: &str) -> Option<String> {
    let details = a.evidence.get(id).and_then(EvidenceDetails::line);
    match (note(a.notes.get(id)), details) {
        (Some(n), Some(d)) => Some(trf!("{note} Evidence: {details}.", note = n, details = d)),
        (None, Some(d)) => Some(trf!("Evidence: {details}.", details = d)),
        (n, None) => n,
    }
}

fn reason_lines(list: &[Reason]) -> Vec<ReasonLine> {
    list.iter()
        .map(|r| ReasonLine {
            message: r.message(),
            action: r.action.clone(),
        })
        .collect()
}

fn table(
    a: &Assessment,
    date: &str,
    title: String,
    questions: &[&'static Question],
) -> AnswerTable {
    AnswerTable {
        title,
        rows: questions
            .iter()
            .map(|q| {
                let answer = a.answer(q.id);
                AnswerRow {
                    id: q.id,
                    question: tr!(q.text),
                    answer: Answer::label_of(answer),
                    finding: Finding::of(answer, q.healthy),
                    note: note(a.notes.get(q.id)),
                    evidence: a.evidence.get(q.id).and_then(EvidenceDetails::line),
                    stale: a.evidence.get(q.id).is_some_and(|e| e.is_stale(date)),
                    unclear: a.unclear.contains_key(q.id),
                    carried_from: a.carried_from(q.id),
                }
            })
            .collect(),
    }
}

/// "Red flag 1 — …: review by 2026-11-01 has passed" for each item's evidence past its
/// review-by date, in the model's id order.
fn stale_evidence(a: &Assessment, date: &str) -> Vec<String> {
    let mut stale: Vec<_> = a
        .evidence
        .iter()
        .filter(|(_, e)| e.is_stale(date))
        .collect();
    // Ids sort alphabetically; the report follows the seed: the questions in the model's
    // order, then the steps, then the signs, and an id this version does not know last.
    stale.sort_by_key(|(id, _)| {
        let at = model::all_questions()
            .map(|q| q.id)
            .chain(DEPLOYMENT_STEPS.iter().map(|s| s.id))
            .chain(STABILITY_SIGNS.iter().map(|s| s.id))
            .position(|known| known == id.as_str());
        (at.is_none(), at)
    });
    stale
        .into_iter()
        .map(|(id, e)| {
            let label = model::item(id).map_or_else(|| id.clone(), |i| i.label());
            trf!(
                "{item}: review by {date} has passed",
                item = label,
                date = e.review_by
            )
        })
        .collect()
}

fn criteria(ids: &[String]) -> String {
    ids.iter()
        .map(|id| {
            model::question(id)
                .map(|q| tr!(q.finding).to_string())
                .unwrap_or_else(|| id.clone())
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// One pilot iteration in a sentence: date, criteria not met, criteria unknown, and the
/// evaluation that was rolled back.
pub fn iteration_line(it: &PilotIteration) -> String {
    let mut line = trf!(
        "{date} — not met: {criteria}",
        date = it.date,
        criteria = criteria(&it.failed_criteria)
    );
    if !it.open_criteria.is_empty() {
        line.push_str("; ");
        line.push_str(&trf!(
            "still unknown: {criteria}",
            criteria = criteria(&it.open_criteria)
        ));
    }
    if !it.evaluation.trim().is_empty() {
        line.push_str(". ");
        line.push_str(&trf!(
            "Evaluation then: {evaluation}",
            evaluation = it.evaluation.trim()
        ));
    }
    line
}

fn step_state(state: StepState, done: usize, total: usize) -> String {
    match state {
        StepState::Complete => tr!("complete").to_string(),
        StepState::Current => trf!(
            "current ({done} of {total} done)",
            done = done,
            total = total
        ),
        StepState::Locked(reason) => trf!("locked — {reason}", reason = reason),
    }
}

impl Report {
    /// Builds the report of an assessment from its evaluation, dated `date`.
    pub fn new(a: &Assessment, e: &Evaluation, date: &str) -> Report {
        let r = &e.readiness;
        let stage = Stage::of(e);
        let mut answers = Vec::new();
        for p in PRECONDITIONS.iter() {
            answers.push(table(a, date, format!("§2 {}", p.label()), p.questions));
        }
        for m in MATURITY_REQUIREMENTS.iter() {
            answers.push(table(a, date, format!("§3 {}", m.label()), m.questions));
        }
        let red: Vec<_> = RED_FLAGS.iter().map(|f| f.question).collect();
        answers.push(table(a, date, tr!("§5 Red flags").to_string(), &red));
        let green: Vec<_> = GREEN_FLAGS.iter().map(|g| g.question).collect();
        answers.push(table(a, date, tr!("§6 Green flags").to_string(), &green));
        let gate: Vec<_> = GATE_CRITERIA.iter().map(|c| c.question).collect();

        let steps = e
            .sequence
            .steps
            .iter()
            .map(|s| StepLine {
                label: s.step.label(),
                state: step_state(s.state, s.done, s.total),
                note: note_with_evidence(a, s.step.id),
                item_notes: s
                    .step
                    .checklist
                    .iter()
                    .filter_map(|i| note(a.notes.get(i.id)).map(|n| (tr!(i.text), n)))
                    .collect(),
            })
            .collect();
        debug_assert_eq!(DEPLOYMENT_STEPS.len(), e.sequence.steps.len());

        let signs = if a.cycles.is_empty() {
            Vec::new()
        } else {
            STABILITY_SIGNS
                .iter()
                .map(|s| SignRow {
                    sign: tr!(s.text),
                    note: note_with_evidence(a, s.id),
                    cells: a
                        .cycles
                        .iter()
                        .map(|c| SignCell {
                            observation: c.signs.get(s.id).map(|o| o.label()).unwrap_or("—"),
                            note: note(c.notes.get(s.id)),
                        })
                        .collect(),
                })
                .collect()
        };
        let diagnosis = match &e.stability.health {
            Health::ImplementedIncorrectly { diagnosis, .. } => diagnosis
                .iter()
                .map(|d| DiagnosisLine {
                    sign: tr!(d.sign.text),
                    suspects: d.suspects.iter().map(|(_, l)| l.clone()).collect(),
                })
                .collect(),
            _ => Vec::new(),
        };

        Report {
            title: display_name(a),
            assessor: Some(a.assessor.trim())
                .filter(|s| !s.is_empty())
                .map(str::to_string),
            model_version: a.model_version.clone(),
            model_is_current: a.model_version == MODEL_VERSION,
            date: date.to_string(),
            stage: stage.headline(),
            stage_short: stage.short_headline(),
            stage_token: stage.token(),
            tone: stage.tone().token(),
            next: stage.next(e).text,
            verdict: r.verdict,
            verdict_headline: stage.readiness_headline(r.verdict),
            caution: r
                .caution
                .iter()
                .flat_map(|c| std::iter::once(c.summary.clone()).chain(c.missing.iter().cloned()))
                .collect(),
            explanation: stage.verdict_explanation(r.verdict),
            plan: plan(a, r).iter().map(PlanItem::line).collect(),
            green_flags: r.green_flag_summary(),
            reasons: reason_lines(&r.reasons),
            also: reason_lines(&r.also),
            would_change: r.would_change.clone(),
            inconsistencies: r
                .inconsistencies
                .iter()
                .map(|i| i.message.clone())
                .collect(),
            answers,
            steps,
            rounds: if a.rounds.is_empty() {
                Vec::new()
            } else {
                timeline(a)
            },
            changes: a
                .rounds
                .last()
                .map(|last| {
                    round_changes(&last.assessment, a, (a.rounds.len(), a.round_number()))
                        .into_iter()
                        .map(|c| c.sentence)
                        .collect()
                })
                .unwrap_or_default(),
            carried: carried_sentence(a.carried.len()),
            stale_evidence: stale_evidence(a, date),
            pilot_department: note(Some(&a.pilot.department)),
            pilot_evaluation: note(Some(&a.pilot.evaluation)),
            gate: table(a, date, tr!("Full-deployment gate").to_string(), &gate),
            iterations: a
                .pilot_iterations
                .iter()
                .enumerate()
                .map(|(i, it)| IterationRecord::of(i + 1, it))
                .collect(),
            stability: e.stability.health.headline(),
            cycles: a.cycles.len(),
            signs,
            diagnosis,
            feedback: e
                .feedback
                .iter()
                .map(|f| FeedbackLine {
                    label: f.label.clone(),
                    section: f.section.map(|s| s.label()),
                    remark: if f.remark.trim().is_empty() {
                        tr!("no remark given").to_string()
                    } else {
                        f.remark.trim().to_string()
                    },
                })
                .collect(),
            share_link: None,
        }
    }

    /// The report with a share link to its assessment.
    pub fn with_link(mut self, link: String) -> Report {
        self.share_link = Some(link);
        self
    }

    /// The line under the title: assessor, model version, date.
    pub fn meta_line(&self) -> String {
        let mut meta = Vec::new();
        if let Some(assessor) = &self.assessor {
            meta.push(trf!("Assessed by {assessor}.", assessor = assessor));
        }
        meta.push(if self.model_is_current {
            trf!(
                "Model: KOOM Deployment Readiness Layer v{version}.",
                version = self.model_version
            )
        } else {
            trf!(
                "Model: KOOM Deployment Readiness Layer v{version} (this app implements v{current}).",
                version = self.model_version,
                current = MODEL_VERSION
            )
        });
        meta.push(trf!("Report of {date}.", date = self.date));
        meta.join(" ")
    }

    /// Every fact the report states, as plain text: what both renderings must carry.
    pub fn facts(&self) -> Vec<String> {
        let mut f = vec![
            self.title.clone(),
            self.meta_line(),
            self.stage.clone(),
            self.next.clone(),
            self.verdict_headline.to_string(),
            self.explanation.to_string(),
            self.green_flags.clone(),
            self.stability.clone(),
        ];
        for r in self.reasons.iter().chain(&self.also) {
            f.push(r.message.clone());
            f.push(r.action.clone());
        }
        f.extend(self.caution.iter().cloned());
        f.extend(self.plan.iter().cloned());
        f.extend(self.would_change.iter().cloned());
        f.extend(self.inconsistencies.iter().cloned());
        for t in self.answers.iter().chain(std::iter::once(&self.gate)) {
            f.push(t.title.clone());
            for row in &t.rows {
                f.push(row.question.to_string());
                f.push(row.answer.to_string());
                f.extend(row.note.iter().cloned());
            }
        }
        for s in &self.steps {
            f.push(s.label.clone());
            f.push(s.state.clone());
            f.extend(s.note.iter().cloned());
            for (item, n) in &s.item_notes {
                f.push(item.to_string());
                f.push(n.clone());
            }
        }
        f.extend(self.pilot_department.iter().cloned());
        f.extend(self.pilot_evaluation.iter().cloned());
        for it in &self.iterations {
            f.push(it.summary.clone());
            f.extend(it.retraining_line());
            f.extend(it.gate_line());
        }
        for row in &self.signs {
            f.push(row.sign.to_string());
            f.extend(row.note.iter().cloned());
            for c in &row.cells {
                f.push(c.observation.to_string());
                f.extend(c.note.iter().cloned());
            }
        }
        for d in &self.diagnosis {
            f.push(d.sign.to_string());
            f.extend(d.suspects.iter().cloned());
        }
        f.extend(self.share_link.iter().cloned());
        if self.feedback.is_empty() {
            f.push(no_feedback().to_string());
        } else {
            f.push(feedback_intro());
        }
        for x in &self.feedback {
            f.push(x.label.clone());
            f.push(x.remark.clone());
        }
        f
    }
}

/// Escapes the characters Markdown (CommonMark and GitHub's tables) would read as markup, so
/// free text can never become a heading, a list, a link, raw HTML or a table column.
fn escape_inline(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '!' | '~' | '&' | '|' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
}

/// Escapes what would start a block at the beginning of a line: `-`, `+` and `=` (lists and
/// setext headings) and an ordered-list marker such as `1.` or `2)`.
fn escape_line_start(line: &str, out: &mut String) {
    let line = line.trim_start();
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if let Some(first) = line.chars().next() {
        if matches!(first, '-' | '+' | '=') {
            out.push('\\');
        }
    }
    if digits > 0 && matches!(line[digits..].chars().next(), Some('.' | ')')) {
        escape_inline(&line[..digits], out);
        out.push('\\');
        escape_inline(&line[digits..], out);
    } else {
        escape_inline(line, out);
    }
}

/// Makes free text safe as Markdown inside a table cell: escaped, on one line (line breaks
/// become `<br>`).
pub fn markdown_cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, line) in text.lines().enumerate() {
        if i > 0 {
            out.push_str("<br>");
        }
        escape_line_start(line, &mut out);
    }
    out
}

/// Makes free text safe as Markdown on a line of its own kind (a heading): escaped, its line
/// breaks turned into spaces.
pub fn markdown_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, line) in text.lines().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        escape_line_start(line, &mut out);
    }
    out
}

/// Makes free text safe as Markdown in a paragraph or list item: escaped, its line breaks kept
/// as hard breaks (a backslash at the end of the line).
pub fn markdown_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, line) in text.lines().enumerate() {
        if i > 0 {
            out.push_str("\\\n");
        }
        escape_line_start(line, &mut out);
    }
    out
}

/// Writes a numbered list of reasons, each with its next action, under a `###` heading (nothing
/// for an empty list).
pub(super) fn md_reasons(out: &mut String, title: &str, list: &[ReasonLine]) {
    if list.is_empty() {
        return;
    }
    let _ = writeln!(out, "### {title}\n");
    for (i, r) in list.iter().enumerate() {
        let _ = writeln!(
            out,
            "{}. {}  \n   **{}** {}",
            i + 1,
            markdown_text(&r.message),
            tr!("Next:"),
            markdown_text(&r.action)
        );
    }
    out.push('\n');
}

/// How many carried-over answers wait for confirmation, in words.
pub fn carried_sentence(n: usize) -> Option<String> {
    match n {
        0 => None,
        1 => Some(
            tr!("1 answer is carried over from an earlier round and not yet confirmed.").into(),
        ),
        n => Some(trf!(
            "{count} answers are carried over from an earlier round and not yet confirmed.",
            count = n
        )),
    }
}

impl AnswerRow {
    /// The answer as a report shows it: "Yes", or "Yes (from round 1, not confirmed)".
    pub fn answer_text(&self) -> String {
        match self.carried_mark() {
            Some(mark) => format!("{} {mark}", self.answer),
            None => self.answer.to_string(),
        }
    }

    /// The note cell: the note, then the evidence's details and whether it is to review.
    pub fn note_text(&self) -> Option<String> {
        let mut parts: Vec<String> = self.note.iter().cloned().collect();
        if let Some(e) = &self.evidence {
            parts.push(trf!("Evidence: {details}", details = e));
        }
        if self.stale {
            parts.push(tr!("To review: past its review-by date.").to_string());
        }
        (!parts.is_empty()).then(|| parts.join(" — "))
    }

    /// "(from round 1, not confirmed)" for an answer carried over and not confirmed.
    pub fn carried_mark(&self) -> Option<String> {
        self.carried_from
            .map(|n| trf!("(from round {round}, not confirmed)", round = n))
    }
}

fn md_table(out: &mut String, t: &AnswerTable) {
    let _ = writeln!(out, "### {}\n", markdown_line(&t.title));
    let _ = writeln!(
        out,
        "| {} | {} | {} |\n|---|---|---|",
        tr!("Question"),
        tr!("Answer"),
        tr!("Note")
    );
    for row in &t.rows {
        let _ = writeln!(
            out,
            "| {}{} | {} | {} |",
            markdown_cell(row.question),
            if row.unclear {
                format!(" *({})*", tr!("flagged unclear"))
            } else {
                String::new()
            },
            row.answer_text(),
            row.note_text()
                .as_deref()
                .map(markdown_cell)
                .unwrap_or_default()
        );
    }
    out.push('\n');
}

fn md_rounds(out: &mut String, r: &Report) {
    if r.rounds.is_empty() {
        return;
    }
    let _ = writeln!(out, "## {}\n", tr!("Rounds"));
    for round in &r.rounds {
        let when = round.when();
        let _ = writeln!(
            out,
            "- **{}**{}: {}",
            round.title(),
            if when.is_empty() {
                String::new()
            } else {
                format!(" ({when})")
            },
            markdown_text(&round.stage)
        );
    }
    out.push('\n');
    if let Some(c) = &r.carried {
        let _ = writeln!(out, "{c}\n");
    }
    let previous = r.rounds.len().saturating_sub(1);
    let title = trf!("Changes since round {round}", round = previous);
    if r.changes.is_empty() {
        let _ = writeln!(out, "### {title}\n\n{}\n", tr!(NO_ITEM_CHANGED));
    } else {
        md_list(out, &title, &r.changes);
    }
}

fn md_list(out: &mut String, title: &str, lines: &[String]) {
    if lines.is_empty() {
        return;
    }
    let _ = writeln!(out, "### {title}\n");
    for line in lines {
        let _ = writeln!(out, "- {}", markdown_text(line));
    }
    out.push('\n');
}

/// Renders the report as Markdown, for pasting into a wiki. Every piece of free text is
/// escaped: a note can never inject a heading, a list, a link or HTML into the wiki page.
pub fn markdown(report: &Report) -> String {
    let r = report;
    let t = markdown_text;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {}\n",
        trf!(
            "KOOM readiness report — {title}",
            title = markdown_line(&r.title)
        )
    );
    let _ = writeln!(out, "{}\n", t(&r.meta_line()));
    let _ = writeln!(out, "**{}** {}\n", tr!("Where we are now:"), t(&r.stage));
    let _ = writeln!(out, "**{}** {}\n", tr!("Next:"), t(&r.next));
    if let Some(link) = &r.share_link {
        // A link the app made: URL-safe characters only, so it needs no escaping.
        let _ = writeln!(
            out,
            "{}\n",
            trf!(
                "Open this assessment (without its notes) in KOOM Readiness: <{link}> (anyone with the link can read the answers).",
                link = link
            )
        );
    }

    let _ = writeln!(
        out,
        "## {}\n",
        trf!("Verdict: {verdict}", verdict = r.verdict_headline)
    );
    let _ = writeln!(out, "{}\n", r.explanation);
    md_list(&mut out, tr!("Caution"), &r.caution);
    let _ = writeln!(out, "{}.\n", r.green_flags);
    md_reasons(&mut out, tr!("Reasons and next actions"), &r.reasons);
    md_reasons(&mut out, tr!("Also to build"), &r.also);
    md_list(&mut out, tr!("Plan before Ready"), &r.plan);
    md_list(
        &mut out,
        tr!("What would change the verdict"),
        &r.would_change,
    );
    md_list(&mut out, tr!("Answers to check"), &r.inconsistencies);
    md_rounds(&mut out, r);
    md_list(&mut out, tr!("Evidence to review"), &r.stale_evidence);

    let _ = writeln!(out, "## {}\n", tr!("Answers"));
    for table in &r.answers {
        md_table(&mut out, table);
    }

    let _ = writeln!(out, "## {}\n", tr!("§4 Deployment sequence"));
    for s in &r.steps {
        let _ = writeln!(out, "- {}: {}", t(&s.label), t(&s.state));
        if let Some(n) = &s.note {
            let _ = writeln!(out, "  - {} {}", tr!("Note:"), markdown_cell(n));
        }
        for (item, n) in &s.item_notes {
            let _ = writeln!(out, "  - {}: {}", t(item), markdown_cell(n));
        }
    }
    out.push('\n');
    if let Some(d) = &r.pilot_department {
        let _ = writeln!(out, "**{}** {}\n", tr!("Pilot department:"), t(d));
    }
    if let Some(e) = &r.pilot_evaluation {
        let _ = writeln!(out, "**{}** {}\n", tr!("Pilot evaluation:"), t(e));
    }
    md_table(&mut out, &r.gate);
    if !r.iterations.is_empty() {
        let _ = writeln!(out, "**{}:** {}\n", iterations_title(), r.iterations.len());
        for it in &r.iterations {
            let _ = writeln!(out, "{}. {}", it.number, markdown_cell(&it.summary));
            for line in it.retraining_line().into_iter().chain(it.gate_line()) {
                let _ = writeln!(out, "   - {}", markdown_cell(&line));
            }
        }
        out.push('\n');
    }

    let _ = writeln!(out, "## {}\n", tr!("§7 Stability"));
    let _ = writeln!(out, "{}\n", t(&r.stability));
    if r.cycles > 0 {
        let header: Vec<String> = (1..=r.cycles)
            .map(|c| trf!("Cycle {number}", number = c))
            .collect();
        let _ = writeln!(out, "| {} | {} |", tr!("Sign"), header.join(" | "));
        let _ = writeln!(out, "|---|{}", "---|".repeat(r.cycles));
        for row in &r.signs {
            let cells: Vec<String> = row
                .cells
                .iter()
                .map(|c| match &c.note {
                    Some(n) => format!("{} — {}", c.observation, markdown_cell(n)),
                    None => c.observation.to_string(),
                })
                .collect();
            let sign = match &row.note {
                Some(n) => format!("{} ({})", row.sign, markdown_cell(n)),
                None => row.sign.to_string(),
            };
            let _ = writeln!(out, "| {sign} | {} |", cells.join(" | "));
        }
        out.push('\n');
    }
    if !r.diagnosis.is_empty() {
        let _ = writeln!(out, "{}\n", tr!("Likely causes (our reading of the seed):"));
        for d in &r.diagnosis {
            let _ = writeln!(
                out,
                "- **{}**: {}",
                t(d.sign),
                trf!("check {suspects}", suspects = t(&d.suspects.join("; ")))
            );
        }
        out.push('\n');
    }

    let _ = writeln!(out, "## {}\n", tr!("Feedback on the model"));
    if r.feedback.is_empty() {
        let _ = writeln!(out, "{}", no_feedback());
    } else {
        let _ = writeln!(out, "{}\n", feedback_intro());
        for f in &r.feedback {
            let section = f
                .section
                .as_deref()
                .map(|s| format!(" ({s})"))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "- **{}**{} — {}",
                markdown_cell(&f.label),
                section,
                markdown_cell(&f.remark)
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::example::raccoons_inc;
    use crate::domain::rules::evaluation::evaluate;

    fn md(a: &Assessment) -> String {
        markdown(&Report::new(a, &evaluate(a), "2026-11-24"))
    }

    #[test]
    fn a_stop_report_has_verdict_reasons_actions_notes_and_feedback() {
        let mut a = Assessment::new("Acme | Logistics", "Ann");
        a.set_answer("red_flag.no_time_for_structure", Some(Answer::Yes));
        a.set_note("red_flag.no_time_for_structure", "CEO, all-hands\nMarch");
        a.set_unclear(
            "maturity.truth.variance_visible",
            Some("What counts as hiding?"),
        );
        let md = md(&a);
        assert!(md.starts_with("# KOOM readiness report — Acme \\| Logistics\n\nAssessed by Ann. Model: KOOM Deployment Readiness Layer v1.0. Report of 2026-11-24.\n\n**Where we are now:** Stop — do not deploy KOOM\n"));
        assert!(md.contains("## Verdict: Stop — do not deploy KOOM\n"));
        assert!(md.contains("1. Red flag 1 — “We don’t have time for structure.” (§5): “we don’t have time for structure”. Translation: “We don’t have discipline.” KOOM cannot fix this.  \n   **Next:** Do not deploy. Build discipline first"));
        assert!(md.contains("| Do leaders say, in words or in deeds, “we don’t have time for structure”? | Yes | CEO, all-hands<br>March |"));
        assert!(md.contains("| Do managers report variance openly rather than hide it? *(flagged unclear)* | Unanswered |  |"));
        assert!(md.contains("## Feedback on the model\n\nItems flagged as unclear, for the model's improvement cycle (Clarify, Simplify, Remove ambiguity, Improve alignment):\n\n- **Do managers report variance openly rather than hide it?** (§3) — What counts as hiding?"));
        assert!(md.contains("- Step 1 — Executive Education: locked — The sequence can start only from a Ready verdict; the verdict is “Stop — do not deploy KOOM”."));
        // Every cause is a plan item, with the seed's action and where it stands.
        assert!(md.contains("### Plan before Ready\n\n- Red flag 1 — “We don’t have time for structure.”: Do not deploy. Build discipline first"));
        assert!(md.contains(" — status: To do\n"));
    }

    #[test]
    fn an_iteration_line_names_criteria_and_keeps_the_evaluation() {
        let it = PilotIteration {
            date: "2026-11-24".into(),
            failed_criteria: vec!["step.full_deployment.managers_aligned".into()],
            open_criteria: vec!["step.full_deployment.coe_functioning".into()],
            evaluation: "Zone C drift persisted".into(),
            ..PilotIteration::default()
        };
        assert_eq!(
            iteration_line(&it),
            "2026-11-24 — not met: managers are not aligned; still unknown: the CoE is not functioning. Evaluation then: Zone C drift persisted"
        );
    }

    #[test]
    fn the_raccoons_report_shows_a_healthy_deployment() {
        let md = md(&raccoons_inc());
        // Deployed: the readiness part says the ground holds, never "begin".
        assert!(md.contains("## Verdict: Ready — the preconditions still hold"));
        assert!(!md.contains("begin"));
        assert!(md.contains("**Next:** Keep the alignment cycles going"));
        assert!(md.contains("6 of 6 green flags present."));
        assert!(md.contains("**Pilot department:** Warehouse packing, Zone C"));
        assert!(md.contains("Healthy deployment — all ten signs seen by cycle 2"));
        assert!(md.contains(
            "| Lower variance | Seen — Metrics show improvement. | Seen — Scanner misreads drop. |"
        ));
        assert!(md.contains("No item was flagged as unclear."));
    }

    #[test]
    fn a_current_step_says_how_much_is_done() {
        let mut a = raccoons_inc();
        a.checklist.remove("step.coe.support_training");
        let report = Report::new(&a, &evaluate(&a), "2026-11-24");
        assert_eq!(report.steps[2].state, "current (4 of 5 done)");
        assert!(markdown(&report)
            .contains("- Step 3 — CoE Creation or Upgrade: current (4 of 5 done)\n"));
    }

    #[test]
    fn the_constants_are_the_english_of_their_texts() {
        assert_eq!(no_feedback(), NO_FEEDBACK);
        assert_eq!(iterations_title(), ITERATIONS_TITLE);
    }
}
