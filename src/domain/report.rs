//! The Markdown report, for pasting into a wiki: verdict, reasons, actions, answers, notes,
//! the sequence, stability and the feedback on the model.

use std::fmt::Write;

use super::answer::Answer;
use super::assessment::{Assessment, PilotIteration};
use super::model::{
    Question, GATE_CRITERIA, GREEN_FLAGS, IMPROVEMENT_CYCLE, MATURITY_REQUIREMENTS, PRECONDITIONS,
    RED_FLAGS, STABILITY_SIGNS,
};
use super::readiness::Reason;
use super::records::display_name;
use super::sequence::StepState;
use super::{Evaluation, MODEL_VERSION};

/// Makes text safe inside a Markdown table cell.
fn cell(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace("\r\n", "<br>")
        .replace('\n', "<br>")
}

fn reasons(out: &mut String, title: &str, list: &[Reason]) {
    if list.is_empty() {
        return;
    }
    let _ = writeln!(out, "### {title}\n");
    for (i, r) in list.iter().enumerate() {
        let _ = writeln!(
            out,
            "{}. {}  \n   **Next:** {}",
            i + 1,
            r.message(),
            r.action
        );
    }
    out.push('\n');
}

fn answers(out: &mut String, a: &Assessment, title: &str, questions: &[&'static Question]) {
    let _ = writeln!(out, "### {title}\n");
    let _ = writeln!(out, "| Question | Answer | Note |\n|---|---|---|");
    for q in questions {
        let answer = a.answer(q.id).map(Answer::label).unwrap_or("Unanswered");
        let note = a.notes.get(q.id).map(|n| cell(n)).unwrap_or_default();
        let unclear = if a.unclear.contains_key(q.id) {
            " *(flagged unclear)*"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "| {}{} | {} | {} |",
            cell(q.text),
            unclear,
            answer,
            note
        );
    }
    out.push('\n');
}

fn criteria(ids: &[String]) -> String {
    ids.iter()
        .map(|id| {
            super::model::question(id)
                .map(|q| q.finding.to_string())
                .unwrap_or_else(|| id.clone())
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// One pilot iteration in a sentence: date, criteria not met, criteria unknown, and the
/// evaluation that was rolled back.
pub fn iteration_line(it: &PilotIteration) -> String {
    let mut line = format!("{} — not met: {}", it.date, criteria(&it.failed_criteria));
    if !it.open_criteria.is_empty() {
        line.push_str(&format!("; still unknown: {}", criteria(&it.open_criteria)));
    }
    if !it.evaluation.trim().is_empty() {
        line.push_str(&format!(". Evaluation then: {}", it.evaluation.trim()));
    }
    line
}

/// Renders the whole report as Markdown.
pub fn markdown(a: &Assessment, e: &Evaluation, date: &str) -> String {
    let mut out = String::new();
    let r = &e.readiness;
    let _ = writeln!(out, "# KOOM readiness report — {}\n", display_name(a));
    let mut meta = Vec::new();
    if !a.assessor.trim().is_empty() {
        meta.push(format!("Assessed by {}.", a.assessor.trim()));
    }
    meta.push(format!(
        "Model: KOOM Deployment Readiness Layer v{}{}.",
        a.model_version,
        if a.model_version == MODEL_VERSION {
            ""
        } else {
            " (not the version this app implements)"
        }
    ));
    meta.push(format!("Report of {date}."));
    let _ = writeln!(out, "{}\n", meta.join(" "));

    let _ = writeln!(out, "## Verdict: {}\n", r.verdict.headline());
    let _ = writeln!(out, "{}\n", r.verdict.explanation());
    let _ = writeln!(out, "{}.\n", r.green_flag_summary());
    reasons(&mut out, "Reasons and next actions", &r.reasons);
    reasons(&mut out, "Also to build", &r.also);
    if !r.would_change.is_empty() {
        let _ = writeln!(out, "### What would change the verdict\n");
        for line in &r.would_change {
            let _ = writeln!(out, "- {line}");
        }
        out.push('\n');
    }
    if !r.inconsistencies.is_empty() {
        let _ = writeln!(out, "### Inconsistencies to resolve\n");
        for i in &r.inconsistencies {
            let _ = writeln!(out, "- {}", i.message);
        }
        out.push('\n');
    }

    let _ = writeln!(out, "## Answers\n");
    for p in PRECONDITIONS.iter() {
        answers(
            &mut out,
            a,
            &format!("§2 Condition {} — {}", p.number, p.title),
            p.questions,
        );
    }
    for m in MATURITY_REQUIREMENTS.iter() {
        answers(
            &mut out,
            a,
            &format!("§3 Requirement {} — {}", m.number, m.title),
            m.questions,
        );
    }
    let red: Vec<_> = RED_FLAGS.iter().map(|f| f.question).collect();
    answers(&mut out, a, "§5 Red flags", &red);
    let green: Vec<_> = GREEN_FLAGS.iter().map(|g| g.question).collect();
    answers(&mut out, a, "§6 Green flags", &green);

    let _ = writeln!(out, "## §4 Deployment sequence\n");
    for s in &e.sequence.steps {
        let state = match s.state {
            StepState::Complete => "complete".to_string(),
            StepState::Current => format!("current ({} of {} done)", s.done, s.total),
            StepState::Locked(reason) => format!("locked — {reason}"),
        };
        let _ = writeln!(
            out,
            "- Step {} — {}: {}",
            s.step.number, s.step.title, state
        );
    }
    out.push('\n');
    if !a.pilot.department.trim().is_empty() {
        let _ = writeln!(out, "**Pilot department:** {}\n", a.pilot.department.trim());
    }
    if !a.pilot.evaluation.trim().is_empty() {
        let _ = writeln!(out, "**Pilot evaluation:** {}\n", a.pilot.evaluation.trim());
    }
    let gate: Vec<_> = GATE_CRITERIA.iter().map(|c| c.question).collect();
    answers(&mut out, a, "Full-deployment gate", &gate);
    if !a.pilot_iterations.is_empty() {
        let _ = writeln!(
            out,
            "**Pilot iterations (roll back, retrain, repeat):** {}\n",
            a.pilot_iterations.len()
        );
        for (i, it) in a.pilot_iterations.iter().enumerate() {
            let _ = writeln!(out, "{}. {}", i + 1, iteration_line(it));
        }
        out.push('\n');
    }

    let _ = writeln!(out, "## §7 Stability\n");
    let _ = writeln!(out, "{}\n", e.stability.health.headline());
    if !a.cycles.is_empty() {
        let header: Vec<String> = (1..=a.cycles.len()).map(|c| format!("Cycle {c}")).collect();
        let _ = writeln!(out, "| Sign | {} |", header.join(" | "));
        let _ = writeln!(out, "|---|{}", "---|".repeat(a.cycles.len()));
        for s in STABILITY_SIGNS.iter() {
            let cells: Vec<String> = a
                .cycles
                .iter()
                .map(|c| {
                    let o = c.signs.get(s.id).map(|o| o.label()).unwrap_or("—");
                    match c.notes.get(s.id) {
                        Some(n) => format!("{o} — {}", cell(n)),
                        None => o.to_string(),
                    }
                })
                .collect();
            let _ = writeln!(out, "| {} | {} |", s.text, cells.join(" | "));
        }
        out.push('\n');
    }
    if let super::Health::ImplementedIncorrectly { diagnosis, .. } = &e.stability.health {
        let _ = writeln!(out, "Likely causes (our reading of the seed):\n");
        for d in diagnosis {
            let suspects: Vec<&str> = d.suspects.iter().map(|(_, l)| l.as_str()).collect();
            let _ = writeln!(out, "- **{}**: check {}", d.sign.text, suspects.join("; "));
        }
        out.push('\n');
    }

    let _ = writeln!(out, "## Feedback on the model\n");
    if e.feedback.is_empty() {
        let _ = writeln!(out, "No item was flagged as unclear.");
    } else {
        let _ = writeln!(
            out,
            "Items flagged as unclear, for the model's improvement cycle ({}):\n",
            IMPROVEMENT_CYCLE.join(", ")
        );
        for f in &e.feedback {
            let section = f
                .section
                .map(|s| format!(" ({})", s.label()))
                .unwrap_or_default();
            let remark = if f.remark.trim().is_empty() {
                "no remark given"
            } else {
                f.remark.trim()
            };
            let _ = writeln!(out, "- **{}**{} — {}", f.label, section, remark);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::evaluate;
    use crate::domain::example::raccoons_inc;

    #[test]
    fn a_stop_report_has_verdict_reasons_actions_notes_and_feedback() {
        let mut a = Assessment::new("Acme | Logistics", "Ann");
        a.set_answer("red_flag.no_time_for_structure", Some(Answer::Yes));
        a.set_note("red_flag.no_time_for_structure", "CEO, all-hands\nMarch");
        a.set_unclear(
            "maturity.truth.variance_visible",
            Some("What counts as hiding?"),
        );
        let md = markdown(&a, &evaluate(&a), "2026-11-24");
        assert!(md.starts_with("# KOOM readiness report — Acme | Logistics\n\nAssessed by Ann. Model: KOOM Deployment Readiness Layer v1.0. Report of 2026-11-24.\n"));
        assert!(md.contains("## Verdict: Stop — do not deploy KOOM\n"));
        assert!(md.contains("1. Red flag 1 — “We don't have time for structure.” (§5): “we don't have time for structure”. Translation: “We don't have discipline.” KOOM cannot fix this.  \n   **Next:** Do not deploy. Build discipline first"));
        assert!(md.contains("| Do leaders say, in words or in deeds, “we don't have time for structure”? | Yes | CEO, all-hands<br>March |"));
        assert!(md.contains("| Do managers report variance openly rather than hide it? *(flagged unclear)* | Unanswered |  |"));
        assert!(md.contains("## Feedback on the model\n\nItems flagged as unclear, for the model's improvement cycle (Clarify, Simplify, Remove ambiguity, Improve alignment):\n\n- **Do managers report variance openly rather than hide it?** (§3) — What counts as hiding?"));
        assert!(md.contains("- Step 1 — Executive Education: locked — The sequence can start only from a Ready verdict; the verdict is “Stop — do not deploy KOOM”."));
    }

    #[test]
    fn an_iteration_line_names_criteria_and_keeps_the_evaluation() {
        let it = PilotIteration {
            date: "2026-11-24".into(),
            failed_criteria: vec!["step.full_deployment.managers_aligned".into()],
            open_criteria: vec!["step.full_deployment.coe_functioning".into()],
            evaluation: "Zone C drift persisted".into(),
        };
        assert_eq!(
            iteration_line(&it),
            "2026-11-24 — not met: managers are not aligned; still unknown: the CoE is not functioning. Evaluation then: Zone C drift persisted"
        );
    }

    #[test]
    fn the_raccoons_report_shows_a_healthy_deployment() {
        let a = raccoons_inc();
        let md = markdown(&a, &evaluate(&a), "2026-11-24");
        assert!(md.contains("## Verdict: Ready — begin the deployment sequence"));
        assert!(md.contains("6 of 6 green flags present."));
        assert!(md.contains("**Pilot department:** Warehouse packing, Zone C"));
        assert!(md.contains("Healthy deployment — all ten signs seen by cycle 2"));
        assert!(md.contains(
            "| Lower variance | Seen — Metrics show improvement. | Seen — Scanner misreads drop. |"
        ));
        assert!(md.contains("No item was flagged as unclear."));
    }
}
