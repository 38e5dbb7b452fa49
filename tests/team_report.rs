//! The team report is one value rendered twice: the Markdown carries every fact of it, free
//! text never becomes markup, and an anonymous respondent's assessor appears nowhere (report,
//! Markdown, evaluation, file, library record).
#![cfg(not(target_arch = "wasm32"))]

use koom_readiness::domain::{
    all_questions, encode_saved_team, encode_team_file, evaluate_team, markdown_cell,
    markdown_line, markdown_text, raccoons_inc, readiness_questions, team_markdown, Answer,
    Assessment, Respondent, SavedTeam, Team, TeamReport, TEAM_SCHEMA_VERSION,
};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

const HOSTILE: &str = "line one\n# Injected heading\n<script>alert(1)</script>\n[click](javascript:alert(1)) ![img](x.png)\n| a | b |\n- list item\n1. ordered\n> quote\n===\n`code` *em* _em_ ~~del~~ &amp; \\ <https://evil.example>";

/// Assessor names of anonymous respondents: none may appear anywhere.
const SECRETS: [&str; 3] = ["Zoe Secretname", "Yann Hiddenname", "Xia Covertname"];

/// Every readiness question healthy, then `n`-dependent variations so that the team
/// disagrees, stops, holds and counts green flags.
fn respondent_answers(n: usize) -> Assessment {
    let mut a = Assessment::new("Acme", "");
    for q in readiness_questions() {
        a.set_answer(q.id, Some(q.healthy));
    }
    let qs: Vec<_> = all_questions().collect();
    for (i, q) in qs.iter().enumerate() {
        match (i + n) % 7 {
            0 => a.set_answer(q.id, Some(q.healthy.opposite())),
            1 => a.set_answer(q.id, Some(Answer::NotSure)),
            2 => a.set_answer(q.id, None),
            _ => {}
        }
    }
    a
}

/// Teams to report on: empty, one named, named and anonymous mixed (attributable), several
/// anonymous, and names that Markdown would read as markup.
fn teams() -> Vec<Team> {
    let mut teams = vec![Team::new("")];

    let mut one = Team::new("One person");
    one.add(Respondent::new(Some("Ann"), raccoons_inc()))
        .unwrap();
    teams.push(one);

    let mut mixed = Team::new("Acme leadership, March");
    for (n, name) in [Some("Ann"), Some("Bob"), None, Some("Cem"), None]
        .into_iter()
        .enumerate()
    {
        let mut a = respondent_answers(n);
        a.assessor = match name {
            Some(name) => name.to_string(),
            None => SECRETS[n % SECRETS.len()].to_string(),
        };
        mixed.add(Respondent::new(name, a)).unwrap();
    }
    teams.push(mixed);

    let mut anonymous = Team::new("Anonymous survey");
    for (n, secret) in SECRETS.iter().enumerate() {
        let mut a = respondent_answers(n + 3);
        a.assessor = secret.to_string();
        anonymous.add(Respondent::new(None, a)).unwrap();
    }
    teams.push(anonymous);

    let mut hostile = Team::new(&format!("Team {HOSTILE}"));
    for (n, name) in [
        "*Ann* [x](javascript:1)",
        "<b>Bob</b>",
        "| Cem |",
        "# Dee",
        "1. Eve",
    ]
    .into_iter()
    .enumerate()
    {
        // Evidence too: every note and remark is free text in the agenda.
        let mut a = respondent_answers(n);
        for q in all_questions() {
            a.set_note(q.id, &format!("{name} wrote: {HOSTILE}"));
            a.set_unclear(q.id, Some(HOSTILE));
        }
        hostile.add(Respondent::new(Some(name), a)).unwrap();
    }
    teams.push(hostile);
    teams
}

fn report(team: &Team) -> TeamReport {
    TeamReport::new(team, &evaluate_team(team), "2026-11-24")
}

#[test]
fn every_fact_of_the_team_report_is_in_its_markdown() {
    for team in teams() {
        let report = report(&team);
        let md = team_markdown(&report);
        let facts = report.facts();
        assert!(facts.len() > 10, "{} facts only", facts.len());
        for fact in facts {
            assert!(
                md.contains(&markdown_text(&fact))
                    || md.contains(&markdown_cell(&fact))
                    || md.contains(&markdown_line(&fact)),
                "{:?}: the Markdown lacks {fact:?}\n{md}",
                team.title
            );
        }
    }
}

#[test]
fn a_mixed_team_reports_a_stop_with_its_agenda_and_disagreements() {
    let team = &teams()[2];
    let e = evaluate_team(team);
    assert!(e.attributable);
    let report = report(team);
    assert!(!report.agenda.is_empty());
    assert!(!report.disagreements.is_empty());
    assert_eq!(report.respondent_verdicts[2].0, "Respondent 3");
    let md = team_markdown(&report);
    assert!(md.contains(
        "**Anonymity:** Only 2 respondents are anonymous: their answers may be attributable"
    ));
    assert!(md.contains("## To discuss\n\n1. **Blocker:**"));
}

#[test]
fn the_agenda_carries_what_named_respondents_wrote() {
    let team = teams().pop().unwrap();
    let report = report(&team);
    let first = &report.agenda[0];
    assert_eq!(first.evidence.len(), 5, "{first:?}");
    assert!(
        first.evidence[0].starts_with("# Dee ("),
        "{:?}",
        first.evidence[0]
    );
    assert!(first.evidence[0].contains("Flagged as unclear: “line one"));
    assert_eq!(first.withheld, None);
}

#[test]
fn no_anonymous_respondents_assessor_appears_anywhere() {
    for team in teams() {
        let e = evaluate_team(&team);
        let report = TeamReport::new(&team, &e, "2026-11-24");
        let places = [
            ("the report", format!("{report:?}")),
            ("the Markdown", team_markdown(&report)),
            ("the evaluation", format!("{e:?}")),
            ("the team", format!("{team:?}")),
            ("the file", encode_team_file(&team, "2026-11-24")),
            (
                "the library record",
                encode_saved_team(&SavedTeam {
                    schema: TEAM_SCHEMA_VERSION,
                    id: "t".into(),
                    revision: 1,
                    updated_at: 1,
                    team: team.clone(),
                }),
            ),
        ];
        for (place, text) in places {
            for secret in SECRETS {
                assert!(!text.contains(secret), "{secret} is in {place}");
            }
        }
    }
}

#[test]
fn hostile_titles_and_names_never_become_markup() {
    let mut team = teams().pop().unwrap();
    // What the meeting records is free text too: the agreed answers' dissent.
    let first = evaluate_team(&team).agenda[0].question_id;
    team.agreement.agree(first, Some(Answer::No)).unwrap();
    team.agreement
        .dissent(
            first,
            "*Fay* <i>x</i>",
            "# not a heading\n- nor a list [y](javascript:2)",
        )
        .unwrap();
    let md = team_markdown(&report(&team));
    let mut headings = Vec::new();
    let mut heading = String::new();
    let mut in_heading = false;
    let mut text = String::new();
    for event in Parser::new_ext(&md, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Start(Tag::Heading { .. }) => {
                in_heading = true;
                heading.clear();
            }
            Event::End(TagEnd::Heading(_)) => {
                in_heading = false;
                headings.push(heading.clone());
            }
            Event::Text(t) | Event::Code(t) => {
                if in_heading {
                    heading.push_str(&t);
                }
                text.push_str(&t);
            }
            Event::Start(Tag::Link { dest_url, .. }) => panic!("a link to {dest_url} in:\n{md}"),
            Event::Start(Tag::Image { dest_url, .. }) => {
                panic!("an image of {dest_url} in:\n{md}")
            }
            Event::Start(Tag::Emphasis | Tag::Strikethrough) => {
                panic!("emphasis from free text in:\n{md}")
            }
            Event::Html(h) | Event::InlineHtml(h) => {
                assert_eq!(h.as_ref(), "<br>", "HTML from free text in:\n{md}")
            }
            _ => {}
        }
    }
    // The title stays one heading (its text intact); no other heading comes from free text.
    assert!(
        headings[0].contains("# Injected heading <script>"),
        "{headings:?}"
    );
    assert_eq!(
        headings[1..],
        [
            "Team verdict: Stop — do not deploy KOOM",
            "Reasons and next actions",
            "Also to build",
            "Green flags (they never lift a blocker)",
            "To discuss",
            "Respondents",
            "Disagreements"
        ]
    );
    for name in [
        "*Ann* [x](javascript:1)",
        "<b>Bob</b>",
        "| Cem |",
        "# Dee",
        "1. Eve",
        "*Fay* <i>x</i> dissents: # not a heading - nor a list [y](javascript:2)",
    ] {
        assert!(text.contains(name), "{name} did not survive intact:\n{md}");
    }
}
