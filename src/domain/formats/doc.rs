//! The traceability table of the model (`docs/model.md`), and the model as data for the
//! end-to-end suites (`docs/model.json`), both rendered from the model itself so neither can
//! drift: a test compares each file with this output.

use std::fmt::Write;

use crate::domain::formats::json::Json;

use crate::domain::model::items::{
    SeedSection, CONTRADICTIONS, DEPLOYMENT_STEPS, FULL_DEPLOYMENT, GATE_CRITERIA, GREEN_FLAGS,
    IMPROVEMENT_CYCLE, MATURITY_REQUIREMENTS, MODEL_VERSION, PILOT, PILOT_POLITICS_QUESTION,
    PRECONDITIONS, RED_FLAGS, RULES, STABILITY_SIGNS,
};

fn healthy(q: &crate::domain::model::items::Question) -> &'static str {
    q.healthy.label()
}

fn out_gap(w: &mut String) {
    w.push('\n');
}

fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}

/// Renders `docs/model.md`: every item with its id and seed section.
pub fn model_markdown() -> String {
    let mut out = String::new();
    let w = &mut out;
    let _ = writeln!(
        w,
        "# KOOM Deployment Readiness Layer v{MODEL_VERSION} — model traceability\n"
    );
    let _ = writeln!(w, "Generated from `src/domain/model/items.rs`; `cargo test` fails if this file and the model drift apart.");
    let _ = writeln!(w, "Regenerate with `UPDATE_DOCS=1 cargo test --lib doc`.\n");
    let _ = writeln!(
        w,
        "Ids are stable forever: they are stored in saved assessments, files and share links."
    );
    let _ = writeln!(
        w,
        "A question listed under more than one item is asked once and shares its answer.\n"
    );

    let section = |w: &mut String, s: SeedSection| {
        let _ = writeln!(w, "## {} {}\n", s.label(), s.title());
    };

    section(w, SeedSection(2));
    let _ = writeln!(
        w,
        "| id | item | question | healthy answer | consequence |\n|---|---|---|---|---|"
    );
    for p in PRECONDITIONS.iter() {
        let _ = writeln!(
            w,
            "| `{}` | {} | | | {} |",
            p.id,
            cell(&p.label()),
            cell(p.consequence)
        );
        for q in p.questions {
            let _ = writeln!(w, "| `{}` | | {} | {} | |", q.id, cell(q.text), healthy(q));
        }
    }

    section(w, SeedSection(3));
    let _ = writeln!(
        w,
        "| id | item | question | healthy answer | consequence |\n|---|---|---|---|---|"
    );
    for m in MATURITY_REQUIREMENTS.iter() {
        let _ = writeln!(
            w,
            "| `{}` | {} | | | {} |",
            m.id,
            cell(&m.label()),
            cell(m.consequence)
        );
        for q in m.questions {
            let _ = writeln!(w, "| `{}` | | {} | {} | |", q.id, cell(q.text), healthy(q));
        }
    }

    section(w, SeedSection(4));
    let _ = writeln!(w, "| id | step / item | seed warning |\n|---|---|---|");
    for s in DEPLOYMENT_STEPS.iter() {
        let _ = writeln!(
            w,
            "| `{}` | {} | {} |",
            s.id,
            cell(&s.label()),
            cell(s.warning)
        );
        for i in s.checklist {
            let _ = writeln!(w, "| `{}` | {} | |", i.id, cell(i.text));
        }
        if s.id == PILOT {
            let _ = writeln!(
                w,
                "| `{}` | {} (advisory) | |",
                PILOT_POLITICS_QUESTION.id,
                cell(PILOT_POLITICS_QUESTION.text)
            );
        }
        if s.id == FULL_DEPLOYMENT {
            for c in GATE_CRITERIA.iter() {
                let _ = writeln!(
                    w,
                    "| `{}` | Gate: {} | retrain: {} |",
                    c.id,
                    cell(c.question.text),
                    c.retrain.join(", ")
                );
            }
        }
    }

    section(w, SeedSection(5));
    let _ = writeln!(
        w,
        "| id | red flag | consequence | question (shared where restated) |\n|---|---|---|---|"
    );
    for f in RED_FLAGS.iter() {
        let _ = writeln!(
            w,
            "| `{}` | {} {} | {} | `{}` |",
            f.id,
            f.number,
            cell(f.quote),
            cell(f.consequence),
            f.question.id
        );
    }

    section(w, SeedSection(6));
    let _ = writeln!(w, "| id | green flag | meaning |\n|---|---|---|");
    for g in GREEN_FLAGS.iter() {
        let _ = writeln!(
            w,
            "| `{}` | {} {} | {} |",
            g.id,
            g.number,
            cell(g.statement),
            cell(g.meaning)
        );
    }

    section(w, SeedSection(7));
    let _ = writeln!(w, "Expected within 1–2 alignment cycles. The suspects are our reading of the seed, used for the diagnosis.\n");
    let _ = writeln!(w, "| id | sign | suspects when missing |\n|---|---|---|");
    for s in STABILITY_SIGNS.iter() {
        let _ = writeln!(
            w,
            "| `{}` | {} | {} |",
            s.id,
            cell(s.text),
            s.suspects.join(", ")
        );
    }

    section(w, SeedSection(8));
    let _ = writeln!(
        w,
        "Built in as `example::raccoons_inc()`: Ready, fully deployed, healthy by cycle 2.\n"
    );

    section(w, SeedSection(9));
    let _ = writeln!(w, "Items can be flagged “unclear” with a remark; reports gather them for the improvement cycle: {}.\n", IMPROVEMENT_CYCLE.join(", "));

    let _ = writeln!(w, "## Rules\n");
    let _ = writeln!(
        w,
        "What the engine does where the seed's words leave it to us, with those words.\n"
    );
    let _ = writeln!(w, "| id | seed | rule |\n|---|---|---|");
    for r in RULES.iter() {
        let _ = writeln!(
            w,
            "| `{}` | {} “{}” | {} |",
            r.id,
            r.section.label(),
            cell(&r.seed.replace('\n', " ")),
            cell(r.rule)
        );
    }
    out_gap(w);

    let _ = writeln!(w, "## Inconsistency checks\n");
    let _ = writeln!(
        w,
        "A Yes to the claim and an unhealthy answer to any of the listed questions cannot both be true: the app asks the user to check them (“Check: you answered … and …”). A wish beside a present problem is tension, not listed (`rule.checks_not_contradictions`).\n"
    );
    let _ = writeln!(w, "| claim | contradicted by |\n|---|---|");
    for c in CONTRADICTIONS.iter() {
        let _ = writeln!(
            w,
            "| `{}` | {} |",
            c.claim,
            c.conflicts_with
                .iter()
                .map(|i| format!("`{i}`"))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    out
}

/// Renders `docs/model.json`: the questions the end-to-end suites answer, in the model's order
/// (`preconditions` and `maturity`: id and healthy answer; `redFlags`: flag, question, healthy
/// answer, and `shared` when the question is a precondition's; `gate`: the criteria's ids;
/// `signs`: id and text), so the suites read the model as data.
pub fn model_json() -> String {
    let text = |t: &str| Json::String(t.to_string());
    let member = |k: &str, v: Json| (k.to_string(), v);
    let question = |q: &crate::domain::model::items::Question| {
        Json::Object(vec![
            member("id", text(q.id)),
            member("healthy", text(q.healthy.token())),
        ])
    };
    let questions = |qs: Vec<&crate::domain::model::items::Question>| {
        Json::Array(qs.into_iter().map(question).collect())
    };
    Json::Object(vec![
        member("version", text(MODEL_VERSION)),
        member(
            "preconditions",
            questions(
                PRECONDITIONS
                    .iter()
                    .flat_map(|p| p.questions.iter().copied())
                    .collect(),
            ),
        ),
        member(
            "maturity",
            questions(
                MATURITY_REQUIREMENTS
                    .iter()
                    .flat_map(|m| m.questions.iter().copied())
                    .collect(),
            ),
        ),
        member(
            "redFlags",
            Json::Array(
                RED_FLAGS
                    .iter()
                    .map(|f| {
                        Json::Object(vec![
                            member("flag", text(f.id)),
                            member("question", text(f.question.id)),
                            member("healthy", text(f.question.healthy.token())),
                            member("shared", Json::Bool(f.is_shared())),
                        ])
                    })
                    .collect(),
            ),
        ),
        member(
            "gate",
            Json::Array(GATE_CRITERIA.iter().map(|c| text(c.id)).collect()),
        ),
        member(
            "signs",
            Json::Array(
                STABILITY_SIGNS
                    .iter()
                    .map(|s| {
                        Json::Object(vec![member("id", text(s.id)), member("text", text(s.text))])
                    })
                    .collect(),
            ),
        ),
    ])
    .to_pretty()
        + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn docs_model_md_matches_the_model() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/model.md");
        let rendered = model_markdown();
        if std::env::var_os("UPDATE_DOCS").is_some() {
            std::fs::write(path, &rendered).expect("write docs/model.md");
        }
        let on_disk = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            on_disk == rendered,
            "docs/model.md is out of date: run `UPDATE_DOCS=1 cargo test --lib doc`"
        );
    }

    #[test]
    fn docs_model_json_matches_the_model() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/model.json");
        let rendered = model_json();
        if std::env::var_os("UPDATE_DOCS").is_some() {
            std::fs::write(path, &rendered).expect("write docs/model.json");
        }
        let on_disk = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            on_disk == rendered,
            "docs/model.json is out of date: run `UPDATE_DOCS=1 cargo test --lib doc`"
        );
    }
}
