//! The team view's report as one value, built from a team and its evaluation, rendered as
//! Markdown here ([`team_markdown`]) and as the printable HTML by the components: both only lay
//! out what this value holds, and [`TeamReport::facts`] is what both must carry.
//!
//! Anonymity: an anonymous respondent appears as "Respondent N" and in counts only; nothing in
//! the report comes from its assessment but its answers.

use std::fmt::Write;

use crate::domain::model::items::{GREEN_FLAGS, MODEL_VERSION};
use crate::domain::model::limits::capitalised;
use crate::domain::reports::report::{
    markdown_cell, markdown_line, markdown_text, md_reasons, ReasonLine,
};
use crate::domain::rules::readiness::Verdict;
use crate::domain::team::{
    Agreed, AnswerCount, ItemTally, Team, TeamEvaluation, TeamReason, ANONYMITY_MIN,
};

/// How the team verdict is reached, in one sentence (`rule.team_conservative`).
pub const TEAM_VERDICT_RULE: &str = "The team verdict is conservative: a warning behaviour, missing CoE owner or red flag reported by any respondent counts, and a question anyone is unsure about or did not answer holds the verdict.";

/// Said beside the agreed verdict (`rule.team_agreement`).
pub const AGREED_BESIDE_CONSERVATIVE: &str = "Every item to discuss is agreed. The team verdict above stays the conservative one: what the respondents said before the meeting.";

/// Said when nothing is to be discussed.
pub const NOTHING_TO_DISCUSS: &str =
    "Nothing to discuss: no blocker, no open question, no maturity gap and no disagreement.";

/// Said when the respondents agree on every question.
pub const NO_DISAGREEMENT: &str = "The respondents gave the same answers to every question.";

/// [`TEAM_VERDICT_RULE`] in the language spoken now (the constant is its English text, the key).
fn team_verdict_rule() -> &'static str {
    tr!("The team verdict is conservative: a warning behaviour, missing CoE owner or red flag reported by any respondent counts, and a question anyone is unsure about or did not answer holds the verdict.")
}

/// [`NOTHING_TO_DISCUSS`] in the language spoken now (the constant is its English text, the
/// key).
fn nothing_to_discuss() -> &'static str {
    tr!("Nothing to discuss: no blocker, no open question, no maturity gap and no disagreement.")
}

/// [`NO_DISAGREEMENT`] in the language spoken now (the constant is its English text, the key).
fn no_disagreement() -> &'static str {
    tr!("The respondents gave the same answers to every question.")
}

/// The whole report of a team view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamReport {
    /// The team view's title ("Untitled team view" if it has none).
    pub title: String,
    /// The date of the report (ISO).
    pub date: String,
    /// How many respondents.
    pub respondents: usize,
    /// How many of them are named.
    pub named: usize,
    /// How many of them are anonymous.
    pub anonymous: usize,
    /// What the reader must know about anonymity, when there are anonymous respondents.
    pub anonymity: Option<String>,
    /// The team verdict.
    pub verdict: Verdict,
    /// Its causes, each with who it comes from ("Reported by 2 of 5 (Ann)."), and the next
    /// action.
    pub reasons: Vec<ReasonLine>,
    /// Maturity gaps reported behind the verdict.
    pub also: Vec<ReasonLine>,
    /// "Green flag 1 — Executives value clarity over control: present for 3 of 5".
    pub green_flags: Vec<String>,
    /// Each respondent's label and own verdict, in the team's order.
    pub respondent_verdicts: Vec<(String, Verdict)>,
    /// "To discuss", in the evaluation's order.
    pub agenda: Vec<AgendaLine>,
    /// The questions the respondents disagree on, most split first.
    pub disagreements: Vec<DisagreementRow>,
    /// Where the meeting's agreement stands ([`Consensus::progress`]).
    ///
    /// [`Consensus::progress`]: crate::domain::team::Consensus::progress
    pub agreement: String,
    /// The agreed verdict, once every item to discuss is agreed (`rule.team_agreement`); the
    /// conservative [`TeamReport::verdict`] is shown beside it.
    pub agreed_verdict: Option<Verdict>,
}

/// One item to discuss.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgendaLine {
    /// Why it is on the list, in the reader's words ("Blocker", "Open question", …).
    pub kind: &'static str,
    /// The same as a token, in every language ([`AgendaKind::token`]).
    pub kind_token: &'static str,
    /// The question's id.
    pub question_id: &'static str,
    /// The question.
    pub question: &'static str,
    /// "Said: Yes 3 (Ann, Bob) · No 2".
    pub said: String,
    /// "Reported by 3 of 5 (Ann, Bob and 1 anonymous).", for a reason.
    pub attribution: Option<String>,
    /// The model items and the seed's consequences.
    pub consequence: String,
    /// What the respondents wrote about it, one line each
    /// ([`Evidence::line`](crate::domain::team::Evidence::line)).
    pub evidence: Vec<String>,
    /// "Evidence to review: one respondent's evidence is past its review-by date.", when some
    /// is on the report's date.
    pub stale: Option<String>,
    /// Why some anonymous notes are not shown, when some are not.
    pub withheld: Option<String>,
    /// What the team agreed, with any dissent ([`Agreed::line`]), once recorded.
    ///
    /// [`Agreed::line`]: crate::domain::team::Agreed::line
    pub agreed: Option<String>,
}

/// The agenda's flag for evidence past its review-by date.
pub fn stale_line(n: usize) -> Option<String> {
    (n > 0).then(|| match n {
        1 => tr!("Evidence to review: one respondent's evidence is past its review-by date.")
            .to_string(),
        n => trf!(
            "Evidence to review: {count} respondents' evidence is past its review-by date.",
            count = n
        ),
    })
}

/// Why anonymous notes about a question are not shown.
fn withheld(n: usize) -> Option<String> {
    (n > 0).then(|| match n {
        1 => trf!(
            "1 note from anonymous respondents not shown: anonymity needs at least {min} anonymous respondents.",
            min = ANONYMITY_MIN
        ),
        n => trf!(
            "{count} notes from anonymous respondents not shown: anonymity needs at least {min} anonymous respondents.",
            count = n,
            min = ANONYMITY_MIN
        ),
    })
}

/// One question the respondents disagree on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DisagreementRow {
    /// "Condition 1 — …: Do executives insist on micromanaging workers?".
    pub question: String,
    /// Who said Yes, No, Not sure, and who did not answer: "3 (Ann, Bob and 1 anonymous)".
    pub cells: [String; 4],
}

/// The column headings of [`DisagreementRow::cells`].
pub const ANSWER_COLUMNS: [&str; 4] = ["Yes", "No", "Not sure", "No answer"];

/// [`ANSWER_COLUMNS`] in the language spoken now.
fn answer_columns() -> [&'static str; 4] {
    [tr!("Yes"), tr!("No"), tr!("Not sure"), tr!("No answer")]
}

fn reason_lines(list: &[TeamReason]) -> Vec<ReasonLine> {
    list.iter()
        .map(|r| ReasonLine {
            message: r.message(),
            action: r.reason.action.clone(),
        })
        .collect()
}

fn cell(count: &AnswerCount) -> String {
    match count.names() {
        Some(names) => format!("{} ({names})", count.count),
        None => count.count.to_string(),
    }
}

/// What the reader must know about anonymity (`None` without anonymous respondents).
fn anonymity(e: &TeamEvaluation) -> Option<String> {
    match (e.anonymous, e.attributable) {
        (0, _) => None,
        (1, true) => Some(trf!(
            "Only 1 respondent is anonymous: their answers may be attributable, since the counts minus the named respondents' answers give them. Anonymity needs at least {min} anonymous respondents.",
            min = ANONYMITY_MIN
        )),
        (n, true) => Some(trf!(
            "Only {count} respondents are anonymous: their answers may be attributable, since the counts minus the named respondents' answers give them. Anonymity needs at least {min} anonymous respondents.",
            count = n,
            min = ANONYMITY_MIN
        )),
        (1, false) => Some(
            tr!("1 respondent is anonymous: they are shown as “Respondent N” and only counted, never named.")
                .to_string(),
        ),
        (n, false) => Some(trf!(
            "{count} respondents are anonymous: they are shown as “Respondent N” and only counted, never named.",
            count = n
        )),
    }
}

impl TeamReport {
    /// Builds the report of a team view from its evaluation.
    pub fn new(team: &Team, e: &TeamEvaluation, date: &str) -> TeamReport {
        TeamReport {
            title: team.display_title(),
            date: date.to_string(),
            respondents: e.respondents,
            named: e.named,
            anonymous: e.anonymous,
            anonymity: anonymity(e),
            verdict: e.verdict,
            reasons: reason_lines(&e.reasons),
            also: reason_lines(&e.also),
            green_flags: e
                .green_flags
                .iter()
                .filter_map(|(id, present, of)| {
                    let flag = GREEN_FLAGS.iter().find(|g| g.id == *id)?;
                    Some(trf!(
                        "{flag}: present for {present} of {of}",
                        flag = flag.label().trim_end_matches('.'),
                        present = present,
                        of = of
                    ))
                })
                .collect(),
            respondent_verdicts: e.respondent_verdicts.clone(),
            agenda: e
                .agenda
                .iter()
                .map(|a| AgendaLine {
                    kind: a.kind.label(),
                    kind_token: a.kind.token(),
                    question_id: a.question_id,
                    question: tr!(a.question),
                    said: trf!("Said: {said}", said = a.said),
                    attribution: a
                        .attribution
                        .as_ref()
                        .map(|x| format!("{}.", capitalised(x))),
                    consequence: a.consequence_line(),
                    evidence: a.evidence.iter().map(|x| x.line(date)).collect(),
                    stale: stale_line(a.evidence.iter().filter(|x| x.is_stale(date)).count()),
                    withheld: withheld(a.withheld),
                    agreed: team.agreement.get(a.question_id).map(Agreed::line),
                })
                .collect(),
            disagreements: e.disagreements().into_iter().map(row).collect(),
            agreement: e.consensus.progress(),
            agreed_verdict: e.consensus.verdict,
        }
    }

    /// The line under the title: respondents, model version, date.
    pub fn meta_line(&self) -> String {
        if self.respondents == 1 {
            trf!(
                "1 respondent ({named} named, {anonymous} anonymous). Model: KOOM Deployment Readiness Layer v{version}. Report of {date}.",
                named = self.named,
                anonymous = self.anonymous,
                version = MODEL_VERSION,
                date = self.date
            )
        } else {
            trf!(
                "{count} respondents ({named} named, {anonymous} anonymous). Model: KOOM Deployment Readiness Layer v{version}. Report of {date}.",
                count = self.respondents,
                named = self.named,
                anonymous = self.anonymous,
                version = MODEL_VERSION,
                date = self.date
            )
        }
    }

    /// Every fact the report states, as plain text: what both renderings must carry.
    pub fn facts(&self) -> Vec<String> {
        let mut f = vec![
            self.title.clone(),
            self.meta_line(),
            self.verdict.headline().to_string(),
            self.verdict.explanation().to_string(),
            team_verdict_rule().to_string(),
            self.agreement.clone(),
        ];
        if let Some(v) = self.agreed_verdict {
            f.push(v.headline().to_string());
            f.push(v.explanation().to_string());
        }
        f.extend(self.anonymity.iter().cloned());
        for r in self.reasons.iter().chain(&self.also) {
            f.push(r.message.clone());
            f.push(r.action.clone());
        }
        f.extend(self.green_flags.iter().cloned());
        if self.agenda.is_empty() {
            f.push(nothing_to_discuss().to_string());
        }
        for a in &self.agenda {
            f.push(a.kind.to_string());
            f.push(a.question.to_string());
            f.push(a.said.clone());
            f.extend(a.attribution.iter().cloned());
            f.push(a.consequence.clone());
            f.extend(a.stale.iter().cloned());
            f.extend(a.evidence.iter().cloned());
            f.extend(a.withheld.iter().cloned());
            f.extend(a.agreed.iter().cloned());
        }
        for (label, verdict) in &self.respondent_verdicts {
            f.push(label.clone());
            f.push(verdict.headline().to_string());
        }
        if self.disagreements.is_empty() {
            f.push(no_disagreement().to_string());
        }
        for d in &self.disagreements {
            f.push(d.question.clone());
            f.extend(d.cells.iter().cloned());
        }
        f
    }
}

fn row(t: &ItemTally) -> DisagreementRow {
    DisagreementRow {
        question: if t.item.is_empty() {
            tr!(t.text).to_string()
        } else {
            format!("{}: {}", t.item.trim_end_matches('.'), tr!(t.text))
        },
        cells: [
            cell(&t.yes),
            cell(&t.no),
            cell(&t.not_sure),
            cell(&t.unanswered),
        ],
    }
}

/// Renders a team view's report as Markdown, for pasting into a wiki. Every piece of free text
/// (the title, names, anything quoted from the model) is escaped: a name can never inject a
/// heading, a list, a link or HTML.
pub fn team_markdown(report: &TeamReport) -> String {
    let r = report;
    let t = markdown_text;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {}\n",
        trf!(
            "KOOM team readiness report — {title}",
            title = markdown_line(&r.title)
        )
    );
    let _ = writeln!(out, "{}\n", t(&r.meta_line()));
    if let Some(note) = &r.anonymity {
        let _ = writeln!(out, "**{}** {}\n", tr!("Anonymity:"), t(note));
    }

    let _ = writeln!(
        out,
        "## {}\n",
        trf!("Team verdict: {verdict}", verdict = r.verdict.headline())
    );
    let _ = writeln!(out, "{}\n", t(r.verdict.explanation()));
    let _ = writeln!(out, "{}\n", t(team_verdict_rule()));
    let _ = writeln!(out, "**{}** {}\n", tr!("Agreement:"), t(&r.agreement));
    if let Some(v) = r.agreed_verdict {
        let _ = writeln!(
            out,
            "### {}\n",
            trf!("Agreed verdict: {verdict}", verdict = v.headline())
        );
        let _ = writeln!(out, "{}\n", t(v.explanation()));
    }
    md_reasons(&mut out, tr!("Reasons and next actions"), &r.reasons);
    md_reasons(&mut out, tr!("Also to build"), &r.also);
    if !r.green_flags.is_empty() {
        let _ = writeln!(
            out,
            "### {}\n",
            tr!("Green flags (they never lift a blocker)")
        );
        for g in &r.green_flags {
            let _ = writeln!(out, "- {}", t(g));
        }
        out.push('\n');
    }

    let _ = writeln!(out, "## {}\n", tr!("To discuss"));
    if r.agenda.is_empty() {
        let _ = writeln!(out, "{}\n", nothing_to_discuss());
    }
    for (i, a) in r.agenda.iter().enumerate() {
        let _ = writeln!(out, "{}. **{}:** {}  ", i + 1, a.kind, t(a.question));
        let _ = writeln!(out, "   {}  ", t(&a.said));
        if let Some(x) = &a.attribution {
            let _ = writeln!(out, "   {}  ", t(x));
        }
        let _ = writeln!(out, "   {}", t(&a.consequence));
        if let Some(stale) = &a.stale {
            let _ = writeln!(out, "   - **{}**", t(stale));
        }
        for line in a.evidence.iter().chain(&a.withheld) {
            let _ = writeln!(out, "   - {}", t(line));
        }
        if let Some(agreed) = &a.agreed {
            let _ = writeln!(out, "   - **{}**", t(agreed));
        }
    }
    if !r.agenda.is_empty() {
        out.push('\n');
    }

    let _ = writeln!(out, "## {}\n", tr!("Respondents"));
    let _ = writeln!(
        out,
        "| {} | {} |\n|---|---|",
        tr!("Respondent"),
        tr!("Own verdict")
    );
    for (label, verdict) in &r.respondent_verdicts {
        let _ = writeln!(out, "| {} | {} |", markdown_cell(label), verdict.headline());
    }
    out.push('\n');

    let _ = writeln!(out, "## {}\n", tr!("Disagreements"));
    if r.disagreements.is_empty() {
        let _ = writeln!(out, "{}", no_disagreement());
    } else {
        let _ = writeln!(out, "{}\n", tr!("Most split first."));
        let _ = writeln!(
            out,
            "| {} | {} |\n|---|---|---|---|---|",
            tr!("Question"),
            answer_columns().join(" | ")
        );
        for d in &r.disagreements {
            let cells: Vec<String> = d.cells.iter().map(|c| markdown_cell(c)).collect();
            let _ = writeln!(
                out,
                "| {} | {} |",
                markdown_cell(&d.question),
                cells.join(" | ")
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::answer::Answer;
    use crate::domain::model::assessment::Assessment;
    use crate::domain::model::items::readiness_questions;
    use crate::domain::team::{evaluate_team, Respondent};

    fn healthy() -> Assessment {
        let mut a = Assessment::new("Acme", "");
        for q in readiness_questions() {
            a.set_answer(q.id, Some(q.healthy));
        }
        a
    }

    fn report(team: &Team) -> TeamReport {
        TeamReport::new(team, &evaluate_team(team), "2026-11-24")
    }

    #[test]
    fn a_stop_report_says_who_reported_what_and_what_to_discuss() {
        let mut team = Team::new("Acme | leadership");
        let mut ann = healthy();
        ann.set_answer("red_flag.no_time_for_structure", Some(Answer::Yes));
        ann.set_answer("green_flag.coe_empowered", Some(Answer::Yes));
        team.add(Respondent::new(Some("Ann"), ann)).unwrap();
        let mut bob = healthy();
        bob.set_answer("green_flag.coe_empowered", Some(Answer::No));
        team.add(Respondent::new(Some("Bob"), bob)).unwrap();
        let md = team_markdown(&report(&team));
        assert!(md.starts_with("# KOOM team readiness report — Acme \\| leadership\n\n2 respondents (2 named, 0 anonymous). Model: KOOM Deployment Readiness Layer v1.0. Report of 2026-11-24.\n\n## Team verdict: Stop — do not deploy KOOM\n"), "{md}");
        assert!(md.contains("1. Red flag 1 — “We don’t have time for structure.” (§5): “we don’t have time for structure”. Translation: “We don’t have discipline.” KOOM cannot fix this. Reported by 1 of 2 (Ann).  \n   **Next:** Do not deploy."));
        assert!(
            md.contains("- Green flag 4 — CoE is empowered and respected: present for 1 of 2\n")
        );
        assert!(md.contains("## To discuss\n\n1. **Blocker:** Do leaders say, in words or in deeds, “we don’t have time for structure”?  \n   Said: Yes 1 (Ann) · No 1 (Bob)  \n   Reported by 1 of 2 (Ann).  \n   Red flag 1 — “We don’t have time for structure.”: Translation: “We don’t have discipline.” KOOM cannot fix this.\n2. **Disagreement:** Is the CoE empowered and respected, with workflows centralized and consistent?  \n"), "{md}");
        assert!(md.contains("| Ann | Stop — do not deploy KOOM |\n| Bob | Ready — begin the deployment sequence |\n"));
        assert!(md.contains("| Red flag 1 — “We don’t have time for structure.”: Do leaders say, in words or in deeds, “we don’t have time for structure”? | 1 (Ann) | 1 (Bob) | 0 | 0 |\n"));
        assert!(!md.contains("**Anonymity:**"));
    }

    #[test]
    fn the_report_shows_the_conservative_and_the_agreed_verdict_and_each_agreement() {
        let flag = "red_flag.no_time_for_structure";
        let mut team = Team::new("Acme");
        let mut ann = healthy();
        ann.set_answer(flag, Some(Answer::Yes));
        team.add(Respondent::new(Some("Ann"), ann)).unwrap();
        team.add(Respondent::new(Some("Bob"), healthy())).unwrap();
        let r = report(&team);
        assert_eq!(r.agreed_verdict, None);
        assert_eq!(r.agenda[0].agreed, None);
        let md = team_markdown(&r);
        assert!(md.contains("**Agreement:** Agreed on 0 of 1 items to discuss. Until every item is agreed, the team verdict is the conservative one.\n"), "{md}");
        assert!(!md.contains("Agreed verdict"));

        team.agreement.agree(flag, Some(Answer::No)).unwrap();
        team.agreement
            .dissent(flag, "Ann", "Said twice in the March review.")
            .unwrap();
        let r = report(&team);
        assert_eq!(r.verdict, Verdict::Stop);
        assert_eq!(r.agreed_verdict, Some(Verdict::Ready));
        assert_eq!(r.agenda[0].question_id, flag);
        let agreed = "Agreed: No. Ann dissents: Said twice in the March review.";
        assert_eq!(r.agenda[0].agreed.as_deref(), Some(agreed));
        let facts = r.facts();
        for fact in [
            agreed,
            "Agreed on every item to discuss (1). Agreed verdict: Ready — begin the deployment sequence.",
            Verdict::Ready.headline(),
            Verdict::Stop.headline(),
        ] {
            assert!(facts.iter().any(|f| f == fact), "{fact}");
        }
        let md = team_markdown(&r);
        assert!(md.contains("## Team verdict: Stop — do not deploy KOOM\n"));
        assert!(
            md.contains("### Agreed verdict: Ready — begin the deployment sequence\n"),
            "{md}"
        );
        assert!(md.contains(&format!("   - **{agreed}**\n")), "{md}");
    }

    #[test]
    fn a_report_says_when_anonymous_answers_may_be_attributable() {
        let mut team = Team::new("");
        team.add(Respondent::new(None, healthy())).unwrap();
        let r = report(&team);
        assert_eq!(r.title, "Untitled team view");
        assert_eq!(
            r.anonymity.as_deref(),
            Some("Only 1 respondent is anonymous: their answers may be attributable, since the counts minus the named respondents' answers give them. Anonymity needs at least 3 anonymous respondents.")
        );
        let md = team_markdown(&r);
        assert!(md.contains("| Respondent 1 | Ready — begin the deployment sequence |"));
        assert!(md.contains(NOTHING_TO_DISCUSS));
        assert!(md.ends_with(&format!("## Disagreements\n\n{NO_DISAGREEMENT}\n")));
        for more in 1..3 {
            let mut a = healthy();
            a.set_answer("maturity.truth.audit_uncensored", Some(Answer::NotSure));
            a.set_answer(
                "green_flag.coe_empowered",
                Some(if more == 1 { Answer::Yes } else { Answer::No }),
            );
            team.add(Respondent::new(None, a)).unwrap();
        }
        assert_eq!(
            report(&team).anonymity.as_deref(),
            Some("3 respondents are anonymous: they are shown as “Respondent N” and only counted, never named.")
        );
    }

    #[test]
    fn the_constants_are_the_english_of_their_texts() {
        assert_eq!(team_verdict_rule(), TEAM_VERDICT_RULE);
        assert_eq!(nothing_to_discuss(), NOTHING_TO_DISCUSS);
        assert_eq!(no_disagreement(), NO_DISAGREEMENT);
        assert_eq!(answer_columns(), ANSWER_COLUMNS);
        // Shown by the team view (`tr!(AGREED_BESIDE_CONSERVATIVE)`): its key is this literal.
        assert_eq!(
            tr!("Every item to discuss is agreed. The team verdict above stays the conservative one: what the respondents said before the meeting."),
            AGREED_BESIDE_CONSERVATIVE
        );
    }
}
