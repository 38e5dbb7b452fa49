//! Ties the model to the seed: every item of seed sections 2–8 is present exactly once, with
//! unique stable ids and the counts the seed lists.

use std::collections::BTreeSet;

use koom_readiness::domain::Answer;
use koom_readiness::domain::{
    self as model, all_questions, item, ModelItem, CONTRADICTIONS, DEPLOYMENT_STEPS, GATE_CRITERIA,
    GREEN_FLAGS, MATURITY_REQUIREMENTS, MODEL_VERSION, PRECONDITIONS, RED_FLAGS, STABILITY_SIGNS,
};

/// The seed, vendored: the model is v1.0 and must keep matching this exact text.
const SEED: &str = include_str!("../docs/seed/koom-deployment-readiness-layer-v1.0.txt");

fn every_id() -> Vec<&'static str> {
    let mut ids = Vec::new();
    for p in PRECONDITIONS.iter() {
        ids.push(p.id);
        ids.extend(p.questions.iter().map(|q| q.id));
    }
    for m in MATURITY_REQUIREMENTS.iter() {
        ids.push(m.id);
        ids.extend(m.questions.iter().map(|q| q.id));
    }
    for s in DEPLOYMENT_STEPS.iter() {
        ids.push(s.id);
        ids.extend(s.checklist.iter().map(|i| i.id));
    }
    ids.extend(GATE_CRITERIA.iter().map(|c| c.id));
    ids.push(model::PILOT_POLITICS_QUESTION.id);
    ids.extend(RED_FLAGS.iter().map(|f| f.id));
    for g in GREEN_FLAGS.iter() {
        ids.push(g.id);
    }
    ids.extend(STABILITY_SIGNS.iter().map(|s| s.id));
    ids
}

#[test]
fn model_version_is_the_seeds() {
    assert_eq!(MODEL_VERSION, "1.0");
    assert!(SEED.contains(&format!("Deployment Readiness Layer – v{MODEL_VERSION}")));
}

#[test]
fn ids_are_unique_and_well_formed() {
    let ids = every_id();
    let unique: BTreeSet<_> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "duplicate ids");
    for id in ids {
        assert!(
            id.chars()
                .all(|c| c.is_ascii_lowercase() || c == '_' || c == '.'),
            "{id}"
        );
        assert!(item(id).is_some(), "{id} not found by lookup");
    }
    let questions: Vec<_> = all_questions().map(|q| q.id).collect();
    let unique: BTreeSet<_> = questions.iter().collect();
    assert_eq!(unique.len(), questions.len(), "a question is asked twice");
}

#[test]
fn section_2_five_preconditions_with_their_behaviours() {
    assert_eq!(PRECONDITIONS.len(), 5);
    let counts: Vec<usize> = PRECONDITIONS.iter().map(|p| p.questions.len()).collect();
    assert_eq!(counts, [4, 2, 3, 1, 5]);
    for (i, p) in PRECONDITIONS.iter().enumerate() {
        assert_eq!(p.number as usize, i + 1);
        assert!(
            SEED.contains(&format!("Condition {} — {}", p.number, p.title)),
            "{}",
            p.title
        );
    }
    for area in [
        "workflows",
        "standards",
        "training",
        "templates",
        "quality systems",
    ] {
        assert!(
            PRECONDITIONS[4]
                .questions
                .iter()
                .any(|q| q.text.contains(area)),
            "{area}"
        );
    }
    assert!(SEED.contains("No CoE = No KOOM."));
}

#[test]
fn section_3_three_maturity_requirements() {
    assert_eq!(MATURITY_REQUIREMENTS.len(), 3);
    let counts: Vec<usize> = MATURITY_REQUIREMENTS
        .iter()
        .map(|m| m.questions.len())
        .collect();
    assert_eq!(counts, [3, 1, 3]);
    for m in MATURITY_REQUIREMENTS.iter() {
        assert!(SEED.contains(&format!("Requirement {} — {}", m.number, m.title)));
    }
}

#[test]
fn section_4_six_ordered_steps_with_their_checklists_and_gate() {
    let titles: Vec<&str> = DEPLOYMENT_STEPS.iter().map(|s| s.title).collect();
    assert_eq!(
        titles,
        [
            "Executive Education",
            "Manager Training",
            "CoE Creation or Upgrade",
            "Worker Onboarding",
            "Pilot Deployment",
            "Full Deployment"
        ]
    );
    for s in DEPLOYMENT_STEPS.iter() {
        assert!(SEED.contains(&format!("Step {} — {}", s.number, s.title)));
        assert!(SEED.contains(s.warning), "{}", s.warning);
    }
    let counts: Vec<usize> = DEPLOYMENT_STEPS.iter().map(|s| s.checklist.len()).collect();
    assert_eq!(counts, [4, 4, 5, 3, 7, 0]);
    assert_eq!(GATE_CRITERIA.len(), 6);
    assert!(SEED.contains("roll back, retrain, repeat"));
    for c in GATE_CRITERIA.iter() {
        assert_eq!(c.question.healthy, Answer::Yes);
        for step in c.retrain {
            assert!(model::step(step).is_some(), "{step}");
        }
    }
}

#[test]
fn section_5_six_red_flags_four_sharing_a_precondition_fact() {
    assert_eq!(RED_FLAGS.len(), 6);
    for f in RED_FLAGS.iter() {
        let quote = f.quote.trim_matches(['“', '”']);
        assert!(
            SEED.contains(&format!("Red Flag {} — “{}”", f.number, quote)),
            "{quote}"
        );
        for part in f.consequence.split('.') {
            let part = part.trim_matches([' ', '“', '”']);
            assert!(SEED.contains(part), "{part}");
        }
        assert_eq!(f.question.healthy, Answer::No);
    }
    let shared: Vec<(u8, &str)> = RED_FLAGS
        .iter()
        .filter(|f| f.is_shared())
        .map(|f| (f.number, f.question.id))
        .collect();
    assert_eq!(
        shared,
        [
            (3, "precondition.executives.direct_orders_outside_spine"),
            (4, "precondition.managers.inventing_workflows"),
            (5, "precondition.workers.figuring_it_out"),
            (6, "precondition.ai_bounded.magic_shortcut"),
        ]
    );
    for f in RED_FLAGS.iter().filter(|f| f.is_shared()) {
        assert!(std::ptr::eq(
            model::question(f.question.id).unwrap(),
            f.question
        ));
    }
}

#[test]
fn every_rule_quotes_the_seed_exactly() {
    for r in model::RULES.iter() {
        assert!(SEED.contains(r.seed), "{}: {:?}", r.id, r.seed);
        assert!(r.id.starts_with("rule."));
    }
}

/// The seed's own typography: its quotes use ’, never a straight apostrophe.
#[test]
fn red_flags_are_quoted_with_the_seeds_own_typography() {
    for f in RED_FLAGS.iter() {
        assert!(!f.quote.contains('\''), "{}", f.quote);
        assert!(!f.consequence.contains('\''), "{}", f.consequence);
    }
    for g in GREEN_FLAGS.iter() {
        assert!(!g.meaning.contains('\''), "{}", g.meaning);
    }
}

#[test]
fn section_6_six_green_flags() {
    assert_eq!(GREEN_FLAGS.len(), 6);
    for g in GREEN_FLAGS.iter() {
        assert!(
            SEED.contains(&format!("Green Flag {} — {}", g.number, g.statement)),
            "{}",
            g.statement
        );
        assert!(SEED.contains(g.meaning), "{}", g.meaning);
    }
}

#[test]
fn section_7_ten_stability_signs() {
    assert_eq!(STABILITY_SIGNS.len(), 10);
    for s in STABILITY_SIGNS.iter() {
        let text = s.text.to_lowercase();
        assert!(SEED.to_lowercase().contains(&text), "{text}");
    }
    assert!(SEED.contains("within 1–2 alignment cycles"));
    assert_eq!(model::STABILITY_CYCLE_LIMIT, 2);
}

#[test]
fn section_8_the_example_is_built_in() {
    let a = koom_readiness::domain::raccoons_inc();
    assert!(SEED.contains(a.organisation.as_str()));
    let notes: String = a.notes.values().cloned().collect::<Vec<_>>().join(" ");
    for detail in [
        "scanner SOP",
        "packing workflow",
        "Zone C drift",
        "Metrics show improvement",
    ] {
        assert!(notes.contains(detail), "{detail}");
    }
}

#[test]
fn every_item_belongs_to_its_seed_section() {
    for p in PRECONDITIONS.iter() {
        assert_eq!(ModelItem::Precondition(p).section().0, 2);
    }
    for f in RED_FLAGS.iter() {
        assert_eq!(item(f.id).unwrap().section().0, 5);
    }
    for s in STABILITY_SIGNS.iter() {
        assert_eq!(item(s.id).unwrap().section().0, 7);
    }
}

#[test]
fn contradictions_name_real_questions_with_the_right_polarity() {
    for c in CONTRADICTIONS.iter() {
        let claim = model::question(c.claim).expect(c.claim);
        assert_eq!(claim.healthy, Answer::Yes, "{}", c.claim);
        for id in c.conflicts_with {
            assert!(model::question(id).is_some(), "{id}");
        }
    }
}

/// `docs/architecture.md` names, for every rule, the function that decides it and the tests
/// that hold it: every rule has its row, and every test the table names exists.
#[test]
fn every_rule_has_its_row_in_the_architecture_with_tests_that_exist() {
    let doc = include_str!("../docs/architecture.md");
    let table = doc
        .split("## Every rule once")
        .nth(1)
        .expect("docs/architecture.md: the rules table");
    fn read_all(dir: &std::path::Path, into: &mut String) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                read_all(&path, into);
            } else if path.extension().is_some_and(|x| x == "rs") {
                into.push_str(&std::fs::read_to_string(path).unwrap());
            }
        }
    }
    let mut sources = String::new();
    for dir in ["src/domain", "tests"] {
        read_all(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir),
            &mut sources,
        );
    }
    for r in model::RULES.iter() {
        let row = table
            .lines()
            .find(|l| l.starts_with(&format!("| `{}` |", r.id)))
            .unwrap_or_else(|| panic!("no row for {} in docs/architecture.md", r.id));
        let tests = row.rsplit('|').nth(1).unwrap();
        let names: Vec<&str> = tests.split('`').skip(1).step_by(2).collect();
        assert!(!names.is_empty(), "{}: no test named", r.id);
        for name in names {
            assert!(
                sources.contains(&format!("fn {name}()")),
                "{}: the test {name} named in docs/architecture.md does not exist",
                r.id
            );
        }
    }
}
