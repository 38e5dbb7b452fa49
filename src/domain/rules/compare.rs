//! Two to six assessments side by side (rounds of one organisation, colleagues' views): each
//! side's verdict, then per section only the items on which not all sides agree, and the items
//! where a side said "Not sure".

use crate::domain::model::answer::{Answer, Finding};
use crate::domain::model::assessment::Assessment;
use crate::domain::model::items::{
    all_questions, item_label_of_question, question_section, SeedSection, DEPLOYMENT_STEPS,
    GREEN_FLAGS_SECTION,
};
use crate::domain::route::MIN_COMPARED;
use crate::domain::rules::evaluation::evaluate;
use crate::domain::rules::readiness::Verdict;
use crate::domain::rules::sequence::item_done;
use crate::domain::rules::stage::Stage;

/// What one side holds for one item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SideAnswer {
    /// What it holds ("Yes", "Not sure", "Unanswered", "Done", "Not done").
    pub label: &'static str,
    /// Its evidence note, if any.
    pub note: Option<String>,
    /// Whether the answer is a problem (a Stop, a missing capability, a red flag present); a
    /// green flag not present is not one.
    pub problem: bool,
}

/// One item on which not all sides agree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemDifference {
    /// The item's stable id (a question or a checklist item).
    pub id: &'static str,
    /// The question, or the checklist item's label.
    pub text: String,
    /// What each side holds, in the order the sides were given.
    pub sides: Vec<SideAnswer>,
    /// Whether any side said "Not sure".
    pub not_sure: bool,
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

/// Where one side stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SideSummary {
    /// Its readiness verdict.
    pub verdict: Verdict,
    /// Where it stands, in one line ([`Stage::headline`]): past readiness, "begin the
    /// deployment sequence" would be untrue.
    pub stage: String,
    /// The colour of its stage, as a token ([`Stage::tone`]).
    pub tone: &'static str,
}

/// The comparison of two or more assessments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    /// Where each side stands, in the order the sides were given.
    pub sides: Vec<SideSummary>,
    /// Sections with at least one difference, in the seed's order.
    pub sections: Vec<SectionDifferences>,
    /// How many items differ in all: items on which not all sides agree.
    pub differences: usize,
    /// Ids of the questions where any side said "Not sure" (whether or not they differ).
    pub not_sure: Vec<&'static str>,
}

impl Comparison {
    /// The count of differences in words: "3 items differ." for two sides; for more, what a
    /// difference means ("3 items on which not all 4 assessments agree.").
    pub fn count_sentence(&self) -> String {
        let n = self.differences;
        match (self.sides.len(), n) {
            (_, 0) if self.sides.len() <= MIN_COMPARED => tr!("No item differs.").to_string(),
            (sides, 0) => trf!(
                "All {sides} assessments agree on every item.",
                sides = sides
            ),
            (sides, _) if sides <= MIN_COMPARED => match n {
                1 => tr!("1 item differs.").to_string(),
                n => trf!("{n} items differ.", n = n),
            },
            (sides, 1) => trf!(
                "1 item on which not all {sides} assessments agree.",
                sides = sides
            ),
            (sides, n) => {
                trf!(
                    "{n} items on which not all {sides} assessments agree.",
                    n = n,
                    sides = sides
                )
            }
        }
    }
}

/// The names of the sides in one phrase, for a heading and the page title: "A and B",
/// "A, B and C".
pub fn compared_names<S: AsRef<str>>(names: &[S]) -> String {
    match names {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [rest @ .., last] => {
            let rest: Vec<&str> = rest.iter().map(AsRef::as_ref).collect();
            trf!(
                "{first} and {last}",
                first = rest.join(", "),
                last = last.as_ref()
            )
        }
    }
}

fn note(a: &Assessment, id: &str) -> Option<String> {
    a.notes.get(id).filter(|n| !n.trim().is_empty()).cloned()
}

/// Whether all values are the same (an empty or one-side list agrees with itself).
fn all_agree<T: PartialEq>(values: &[T]) -> bool {
    values.windows(2).all(|w| w[0] == w[1])
}

/// Compares assessments, in the order given (the sides of the comparison). An item differs
/// when not all sides hold the same answer.
pub fn compare(sides: &[&Assessment]) -> Comparison {
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
        let answers: Vec<Option<Answer>> = sides.iter().map(|a| a.answer(q.id)).collect();
        let unsure = answers.contains(&Some(Answer::NotSure));
        if unsure {
            not_sure.push(q.id);
        }
        if !all_agree(&answers) {
            let problem = |a: Option<Answer>| {
                question_section(q.id) != GREEN_FLAGS_SECTION
                    && Finding::of(a, q.healthy) == Finding::Problem
            };
            push(
                question_section(q.id),
                ItemDifference {
                    id: q.id,
                    text: item_label_of_question(q.id).map_or_else(
                        || tr!(q.text).to_string(),
                        |item| format!("{item}: {}", tr!(q.text)),
                    ),
                    sides: answers
                        .iter()
                        .zip(sides)
                        .map(|(&a, side)| SideAnswer {
                            label: Answer::label_of(a),
                            note: note(side, q.id),
                            problem: problem(a),
                        })
                        .collect(),
                    not_sure: unsure,
                },
            );
        }
    }
    for step in DEPLOYMENT_STEPS.iter() {
        for item in step.checklist {
            let done: Vec<bool> = sides.iter().map(|a| item_done(a, item)).collect();
            if !all_agree(&done) {
                push(
                    crate::domain::model::items::SEQUENCE_SECTION,
                    ItemDifference {
                        id: item.id,
                        text: step.item_label(item),
                        sides: done
                            .iter()
                            .zip(sides)
                            .map(|(&d, side)| SideAnswer {
                                label: if d { tr!("Done") } else { tr!("Not done") },
                                note: note(side, item.id),
                                problem: false,
                            })
                            .collect(),
                        not_sure: false,
                    },
                );
            }
        }
    }
    sections.sort_by_key(|s| s.section);
    Comparison {
        sides: sides
            .iter()
            .map(|a| {
                let evaluation = evaluate(a);
                let stage = Stage::of(&evaluation);
                SideSummary {
                    verdict: evaluation.readiness.verdict,
                    stage: stage.headline(),
                    tone: stage.tone().token(),
                }
            })
            .collect(),
        differences: sections.iter().map(|s| s.items.len()).sum(),
        sections,
        not_sure,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::example::raccoons_inc;
    use crate::domain::route::MAX_COMPARED;

    fn labels(item: &ItemDifference) -> Vec<&'static str> {
        item.sides.iter().map(|s| s.label).collect()
    }

    fn problems(item: &ItemDifference) -> Vec<bool> {
        item.sides.iter().map(|s| s.problem).collect()
    }

    #[test]
    fn an_assessment_compared_with_itself_has_no_difference() {
        let a = raccoons_inc();
        let c = compare(&[&a, &a]);
        assert_eq!(c.differences, 0);
        assert!(c.sections.is_empty());
        assert_eq!(c.sides[0], c.sides[1]);
        assert_eq!(c.count_sentence(), "No item differs.");
    }

    #[test]
    fn each_side_says_where_it_stands_not_only_its_readiness_verdict() {
        let deployed = raccoons_inc();
        let blank = Assessment::default();
        let c = compare(&[&deployed, &blank]);
        assert_eq!(c.sides[0].verdict, Verdict::Ready);
        assert!(
            c.sides[0].stage.starts_with("Fully deployed."),
            "{}",
            c.sides[0].stage
        );
        assert_eq!(c.sides[1].stage, c.sides[1].verdict.headline());
    }

    #[test]
    fn exactly_the_changed_items_are_listed_by_section() {
        let left = raccoons_inc();
        let mut right = raccoons_inc();
        right.set_answer("red_flag.no_time_for_structure", Some(Answer::Yes));
        right.set_answer("maturity.truth.audit_uncensored", Some(Answer::NotSure));
        right.set_note("maturity.truth.audit_uncensored", "Ask the auditors");
        right.checklist.remove("step.coe.support_training");
        let c = compare(&[&left, &right]);
        assert_eq!(c.differences, 3);
        assert_eq!(c.count_sentence(), "3 items differ.");
        assert_eq!(c.sides[1].verdict, Verdict::Stop);
        let sections: Vec<u8> = c.sections.iter().map(|s| s.section.0).collect();
        assert_eq!(sections, [3, 4, 5]);
        let maturity = &c.sections[0].items[0];
        assert_eq!(
            maturity.text,
            "Requirement 1 — Willingness to tell the truth: Are audit findings reported uncensored?"
        );
        assert_eq!(labels(maturity), ["Yes", "Not sure"]);
        // "Not sure" is not a problem; the red flag answered "Yes" is, on its side only.
        assert_eq!(problems(maturity), [false, false]);
        let flag = &c.sections[2].items[0];
        assert_eq!(problems(flag), [false, true]);
        assert_eq!(maturity.sides[1].note.as_deref(), Some("Ask the auditors"));
        assert_eq!(maturity.sides[0].note, None);
        assert!(maturity.not_sure);
        assert_eq!(c.sections[1].items[0].id, "step.coe.support_training");
        assert_eq!(labels(&c.sections[1].items[0]), ["Done", "Not done"]);
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
        let c = compare(&[&left, &right]);
        assert_eq!(c.differences, 1);
        assert_eq!(c.count_sentence(), "1 item differs.");
        assert_eq!(c.sections[0].section.0, 2);
    }

    /// Three rounds of one organisation: an item differs when not all three agree, even if two
    /// of them do; an item on which all three agree is not listed.
    #[test]
    fn with_three_sides_an_item_differs_when_not_all_agree() {
        let mut first = raccoons_inc();
        let mut second = raccoons_inc();
        let mut third = raccoons_inc();
        // Only the third round reports the red flag: two agree, one does not.
        third.set_answer("red_flag.no_time_for_structure", Some(Answer::Yes));
        // The first says yes, the other two are unsure.
        second.set_answer("maturity.truth.audit_uncensored", Some(Answer::NotSure));
        third.set_answer("maturity.truth.audit_uncensored", Some(Answer::NotSure));
        third.set_note("maturity.truth.audit_uncensored", "Still unsure");
        // All three changed the same way: no difference.
        for a in [&mut first, &mut second, &mut third] {
            a.set_answer("green_flag.workers_follow_sop", Some(Answer::No));
        }
        let c = compare(&[&first, &second, &third]);
        assert_eq!(c.sides.len(), 3);
        assert_eq!(c.differences, 2);
        assert_eq!(
            c.count_sentence(),
            "2 items on which not all 3 assessments agree."
        );
        let ids: Vec<&str> = c
            .sections
            .iter()
            .flat_map(|s| s.items.iter().map(|i| i.id))
            .collect();
        assert_eq!(
            ids,
            [
                "maturity.truth.audit_uncensored",
                "red_flag.no_time_for_structure"
            ]
        );
        let maturity = &c.sections[0].items[0];
        assert_eq!(labels(maturity), ["Yes", "Not sure", "Not sure"]);
        assert_eq!(
            maturity
                .sides
                .iter()
                .map(|s| s.note.as_deref())
                .collect::<Vec<_>>(),
            [None, None, Some("Still unsure")]
        );
        let flag = &c.sections[1].items[0];
        assert_eq!(labels(flag), ["No", "No", "Yes"]);
        // The problem is marked on the side that has it, and only there.
        assert_eq!(problems(flag), [false, false, true]);
        assert_eq!(
            c.sides.iter().map(|s| s.verdict).collect::<Vec<_>>(),
            [Verdict::Ready, Verdict::Hold, Verdict::Stop]
        );
        assert_eq!(c.not_sure, ["maturity.truth.audit_uncensored"]);
    }

    #[test]
    fn the_sides_are_named_in_one_phrase() {
        assert_eq!(compared_names(&["A"]), "A");
        assert_eq!(compared_names(&["A", "B"]), "A and B");
        assert_eq!(
            compared_names(&["Nordwind — Ann", "Nordwind — Bo", "Example"]),
            "Nordwind — Ann, Nordwind — Bo and Example"
        );
    }

    #[test]
    fn more_sides_that_all_agree_say_so() {
        let a = raccoons_inc();
        let c = compare(&[&a; MAX_COMPARED]);
        assert_eq!(c.sides.len(), MAX_COMPARED);
        assert_eq!(c.differences, 0);
        assert_eq!(
            c.count_sentence(),
            format!("All {MAX_COMPARED} assessments agree on every item.")
        );
    }

    #[test]
    fn a_checklist_item_ticked_in_one_round_of_three_differs() {
        let done = raccoons_inc();
        let mut undone = raccoons_inc();
        undone.checklist.remove("step.coe.support_training");
        let c = compare(&[&done, &done, &undone]);
        assert_eq!(c.differences, 1);
        assert_eq!(
            c.count_sentence(),
            "1 item on which not all 3 assessments agree."
        );
        assert_eq!(
            labels(&c.sections[0].items[0]),
            ["Done", "Done", "Not done"]
        );
    }
}
