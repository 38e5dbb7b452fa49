//! Two assessments side by side: both verdicts, then per section only the items where they
//! differ, and the items where either side said "Not sure".

use super::answer::{Answer, Finding};
use super::assessment::Assessment;
use super::evaluation::evaluate;
use super::model::{
    all_questions, item_label_of_question, question_section, SeedSection, DEPLOYMENT_STEPS,
    GREEN_FLAGS_SECTION,
};
use super::readiness::{self, Verdict};
use super::sequence::item_done;
use super::stage::Stage;

/// One item on which the two sides differ.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemDifference {
    /// The item's stable id (a question or a checklist item).
    pub id: &'static str,
    /// The question, or the checklist item's label.
    pub text: String,
    /// What the left side holds ("Yes", "Not sure", "Unanswered", "Done", "Not done").
    pub left: &'static str,
    /// What the right side holds.
    pub right: &'static str,
    /// The left side's evidence note, if any.
    pub left_note: Option<String>,
    /// The right side's evidence note, if any.
    pub right_note: Option<String>,
    /// Whether either side said "Not sure".
    pub not_sure: bool,
    /// Whether the left side's answer is a problem (a Stop, a missing capability, a red flag
    /// present); a green flag not present is not one.
    pub left_problem: bool,
    /// Whether the right side's answer is a problem.
    pub right_problem: bool,
}

/// The differences within one seed section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionDifferences {
    /// The seed section.
    pub section: SeedSection,
    /// Its title.
    pub title: &'static str,
    /// The items that differ, in model order.
    pub items: Vec<ItemDifference>,
}

/// The comparison of two assessments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    /// The left side's readiness verdict.
    pub left_verdict: Verdict,
    /// The right side's readiness verdict.
    pub right_verdict: Verdict,
    /// Where the left side stands, in one line ([`Stage::headline`]): past readiness,
    /// "begin the deployment sequence" would be untrue.
    pub left_stage: String,
    /// Where the right side stands, in one line.
    pub right_stage: String,
    /// The colour of each side's stage (left, right), as tokens ([`Stage::tone`]).
    pub tones: (&'static str, &'static str),
    /// Sections with at least one difference, in the seed's order.
    pub sections: Vec<SectionDifferences>,
    /// How many items differ in all.
    pub differences: usize,
    /// Ids of the questions where either side said "Not sure" (whether or not they differ).
    pub not_sure: Vec<&'static str>,
}

fn answer_label(a: Option<Answer>) -> &'static str {
    a.map(Answer::label).unwrap_or("Unanswered")
}

fn note(a: &Assessment, id: &str) -> Option<String> {
    a.notes.get(id).filter(|n| !n.trim().is_empty()).cloned()
}

/// Compares two assessments.
pub fn compare(left: &Assessment, right: &Assessment) -> Comparison {
    let mut sections: Vec<SectionDifferences> = Vec::new();
    let mut push = |section: SeedSection, item: ItemDifference| match sections
        .iter_mut()
        .find(|s| s.section == section)
    {
        Some(s) => s.items.push(item),
        None => sections.push(SectionDifferences {
            section,
            title: section.title(),
            items: vec![item],
        }),
    };
    let mut not_sure = Vec::new();
    for q in all_questions() {
        let (l, r) = (left.answer(q.id), right.answer(q.id));
        let unsure = l == Some(Answer::NotSure) || r == Some(Answer::NotSure);
        if unsure {
            not_sure.push(q.id);
        }
        if l != r {
            let problem = |a: Option<Answer>| {
                question_section(q.id) != GREEN_FLAGS_SECTION
                    && Finding::of(a, q.healthy) == Finding::Problem
            };
            push(
                question_section(q.id),
                ItemDifference {
                    id: q.id,
                    text: item_label_of_question(q.id)
                        .map_or_else(|| q.text.to_string(), |item| format!("{item}: {}", q.text)),
                    left: answer_label(l),
                    right: answer_label(r),
                    left_note: note(left, q.id),
                    right_note: note(right, q.id),
                    not_sure: unsure,
                    left_problem: problem(l),
                    right_problem: problem(r),
                },
            );
        }
    }
    for step in DEPLOYMENT_STEPS.iter() {
        for item in step.checklist {
            let (l, r) = (item_done(left, item), item_done(right, item));
            if l != r {
                let label = |done| if done { "Done" } else { "Not done" };
                push(
                    super::model::SEQUENCE_SECTION,
                    ItemDifference {
                        id: item.id,
                        text: step.item_label(item),
                        left: label(l),
                        right: label(r),
                        left_note: note(left, item.id),
                        right_note: note(right, item.id),
                        not_sure: false,
                        left_problem: false,
                        right_problem: false,
                    },
                );
            }
        }
    }
    sections.sort_by_key(|s| s.section);
    Comparison {
        left_verdict: readiness::evaluate(left).verdict,
        right_verdict: readiness::evaluate(right).verdict,
        left_stage: Stage::of(&evaluate(left)).headline(),
        right_stage: Stage::of(&evaluate(right)).headline(),
        tones: (
            Stage::of(&evaluate(left)).tone().token(),
            Stage::of(&evaluate(right)).tone().token(),
        ),
        differences: sections.iter().map(|s| s.items.len()).sum(),
        sections,
        not_sure,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::example::raccoons_inc;

    #[test]
    fn an_assessment_compared_with_itself_has_no_difference() {
        let a = raccoons_inc();
        let c = compare(&a, &a);
        assert_eq!(c.differences, 0);
        assert!(c.sections.is_empty());
        assert_eq!(c.left_verdict, c.right_verdict);
    }

    #[test]
    fn each_side_says_where_it_stands_not_only_its_readiness_verdict() {
        let deployed = raccoons_inc();
        let blank = Assessment::default();
        let c = compare(&deployed, &blank);
        assert_eq!(c.left_verdict, Verdict::Ready);
        assert!(
            c.left_stage.starts_with("Fully deployed."),
            "{}",
            c.left_stage
        );
        assert_eq!(c.right_stage, c.right_verdict.headline());
    }

    #[test]
    fn exactly_the_changed_items_are_listed_by_section() {
        let left = raccoons_inc();
        let mut right = raccoons_inc();
        right.set_answer("red_flag.no_time_for_structure", Some(Answer::Yes));
        right.set_answer("maturity.truth.audit_uncensored", Some(Answer::NotSure));
        right.set_note("maturity.truth.audit_uncensored", "Ask the auditors");
        right.checklist.remove("step.coe.support_training");
        let c = compare(&left, &right);
        assert_eq!(c.differences, 3);
        assert_eq!(c.right_verdict, Verdict::Stop);
        let sections: Vec<u8> = c.sections.iter().map(|s| s.section.0).collect();
        assert_eq!(sections, [3, 4, 5]);
        let maturity = &c.sections[0].items[0];
        assert_eq!(
            maturity.text,
            "Requirement 1 — Willingness to tell the truth: Are audit findings reported uncensored?"
        );
        assert_eq!((maturity.left, maturity.right), ("Yes", "Not sure"));
        // "Not sure" is not a problem; the red flag answered "Yes" is, on its side only.
        assert!(!maturity.left_problem && !maturity.right_problem);
        let flag = &c.sections[2].items[0];
        assert!(!flag.left_problem && flag.right_problem);
        assert_eq!(maturity.right_note.as_deref(), Some("Ask the auditors"));
        assert!(maturity.not_sure);
        assert_eq!(c.sections[1].items[0].id, "step.coe.support_training");
        assert_eq!(
            (c.sections[1].items[0].left, c.sections[1].items[0].right),
            ("Done", "Not done")
        );
        assert_eq!(c.not_sure, ["maturity.truth.audit_uncensored"]);
    }

    #[test]
    fn a_fact_shared_by_a_condition_and_a_red_flag_counts_once() {
        let left = raccoons_inc();
        let mut right = raccoons_inc();
        right.set_answer(
            "precondition.executives.direct_orders_outside_spine",
            Some(Answer::Yes),
        );
        let c = compare(&left, &right);
        assert_eq!(c.differences, 1);
        assert_eq!(c.sections[0].section.0, 2);
    }
}
