//! The Markdown report never lets free text become markup: parsed with a CommonMark parser
//! (pulldown-cmark, with GitHub's tables), hostile notes, names and remarks produce no heading,
//! link, image, HTML or table cell of their own, and their text survives intact.
#![cfg(not(target_arch = "wasm32"))]

use koom_readiness::domain::{
    all_questions, evaluate, markdown, raccoons_inc, AlignmentCycle, Answer, Observation,
    PilotIteration, Report, DEPLOYMENT_STEPS, STABILITY_SIGNS,
};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

const HOSTILE: &str = "line one\n# Injected heading\n<script>alert(1)</script>\n[click](javascript:alert(1)) ![img](x.png)\n| a | b |\n- list item\n1. ordered\n> quote\n===\n`code` *em* _em_ ~~del~~ &amp; \\ <https://evil.example>";

fn parse(md: &str) -> Vec<Event<'_>> {
    Parser::new_ext(md, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH).collect()
}

fn hostile_assessment() -> koom_readiness::domain::Assessment {
    let mut a = raccoons_inc();
    a.organisation = format!("Org {HOSTILE}");
    a.assessor = HOSTILE.to_string();
    for q in all_questions() {
        a.set_note(q.id, HOSTILE);
        a.set_unclear(q.id, Some(HOSTILE));
    }
    for s in DEPLOYMENT_STEPS.iter() {
        a.set_note(s.id, HOSTILE);
        for i in s.checklist {
            a.set_note(i.id, HOSTILE);
        }
    }
    for s in STABILITY_SIGNS.iter() {
        a.set_note(s.id, HOSTILE);
    }
    a.pilot.department = HOSTILE.to_string();
    a.pilot.evaluation = HOSTILE.to_string();
    a.pilot_iterations.push(PilotIteration {
        date: HOSTILE.to_string(),
        failed_criteria: vec!["step.full_deployment.managers_aligned".into()],
        evaluation: HOSTILE.to_string(),
        retrain: vec!["step.manager_training".into()],
        retrained: [("step.manager_training".to_string(), HOSTILE.to_string())]
            .into_iter()
            .collect(),
        gate_answers: [(
            "step.full_deployment.managers_aligned".to_string(),
            Answer::No,
        )]
        .into_iter()
        .collect(),
        ..PilotIteration::default()
    });
    let mut cycle = AlignmentCycle::default();
    for s in STABILITY_SIGNS.iter() {
        cycle.signs.insert(s.id.into(), Observation::Seen);
        cycle.notes.insert(s.id.into(), HOSTILE.to_string());
    }
    a.cycles.push(cycle);
    a
}

#[test]
fn hostile_free_text_never_becomes_markup() {
    let a = hostile_assessment();
    let md = markdown(&Report::new(&a, &evaluate(&a), "2026-11-24"));
    let mut heading_text = String::new();
    let mut in_heading = false;
    let mut headings = Vec::new();
    for event in parse(&md) {
        match event {
            Event::Start(Tag::Heading { .. }) => {
                in_heading = true;
                heading_text.clear();
            }
            Event::End(TagEnd::Heading(_)) => {
                in_heading = false;
                headings.push(heading_text.clone());
            }
            Event::Text(t) | Event::Code(t) if in_heading => heading_text.push_str(&t),
            Event::Start(Tag::Link { dest_url, .. }) => panic!("a link to {dest_url} in:\n{md}"),
            Event::Start(Tag::Image { dest_url, .. }) => panic!("an image {dest_url}"),
            Event::Start(Tag::BlockQuote(_)) => panic!("a block quote from free text"),
            Event::Start(Tag::CodeBlock(_)) => panic!("a code block from free text"),
            Event::Start(Tag::Strikethrough) => panic!("strikethrough from free text"),
            Event::Html(h) | Event::InlineHtml(h) => {
                assert_eq!(&*h, "<br>", "raw HTML from free text: {h}");
            }
            _ => {}
        }
    }
    // Only the report's own headings: none came from the text.
    assert!(
        headings.iter().all(|h| !h.starts_with("Injected")),
        "{headings:?}"
    );
    let own = headings.iter().filter(|h| h.contains("Injected")).count();
    assert_eq!(own, 1, "only the title carries the name: {headings:?}");
    assert!(
        headings[0].starts_with("KOOM readiness report — Org line one # Injected heading <script>")
    );
}

#[test]
fn hostile_text_reads_back_as_the_same_text() {
    let a = hostile_assessment();
    let md = markdown(&Report::new(&a, &evaluate(&a), "2026-11-24"));
    let text: String = parse(&md)
        .into_iter()
        .filter_map(|e| match e {
            Event::Text(t) => Some(t.into_string()),
            Event::Code(t) => Some(t.into_string()),
            Event::SoftBreak | Event::HardBreak => Some("\n".into()),
            Event::InlineHtml(h) if &*h == "<br>" => Some("\n".into()),
            _ => None,
        })
        .collect();
    for line in HOSTILE.lines() {
        assert!(text.contains(line.trim()), "lost {line:?}");
    }
}

#[test]
fn table_cells_never_split_on_a_pipe() {
    let a = hostile_assessment();
    let md = markdown(&Report::new(&a, &evaluate(&a), "2026-11-24"));
    let mut cells_per_row = Vec::new();
    let mut cells = 0;
    for event in parse(&md) {
        match event {
            Event::Start(Tag::TableRow) | Event::Start(Tag::TableHead) => cells = 0,
            Event::Start(Tag::TableCell) => cells += 1,
            Event::End(TagEnd::TableRow) | Event::End(TagEnd::TableHead) => {
                cells_per_row.push(cells)
            }
            _ => {}
        }
    }
    assert!(!cells_per_row.is_empty());
    // Answer tables have 3 columns; the stability table 1 + one per cycle.
    let stability = 1 + a.cycles.len();
    assert!(
        cells_per_row.iter().all(|c| *c == 3 || *c == stability),
        "{cells_per_row:?}"
    );
    assert_eq!(
        cells_per_row.iter().filter(|c| **c == stability).count(),
        1 + STABILITY_SIGNS.len()
    );
}
