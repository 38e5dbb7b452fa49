//! The calendar reminders (`domain::Reminder::event`, `plan_reminders`, written by `ics_text`)
//! read back by a real iCalendar parser (the `icalendar` crate): RFC 5545 structure, CRLF,
//! folding at 75 octets, escaped text kept whole, all-day dates, stable UIDs, and the dates a
//! reminder refuses.
#![cfg(not(target_arch = "wasm32"))]

use icalendar::{Calendar, CalendarComponent, Component, DatePerhapsTime, Event};
use koom_readiness::domain::{
    evaluate, ics_text, plan, plan_reminders, raccoons_inc, reminder_file_name, Assessment,
    CalendarEvent, PlanEntry, PlanStatus, Reminder, ReminderError, Report, ICS_LINE_OCTETS,
    RED_FLAGS, STABILITY_SIGNS,
};

const TODAY: &str = "2026-12-03";
const STAMP: &str = "20261203T221500Z";

/// Texts a calendar must keep whole: separators it escapes, lines, long text, non-ASCII.
const AWKWARD: [&str; 6] = [
    "a, b; and c",
    "back\\slash",
    "line one\nline two\r\nline three",
    "ünïcödé — “quotes” 😀",
    "=HYPERLINK(\"x\")",
    "a very long owner name that goes on and on well past the seventy-five octets a line may hold",
];

/// Reads a calendar file as a calendar program would, after checking what a parser forgives:
/// CRLF everywhere, no line over 75 octets, continuation lines starting with a space.
fn read(text: &str) -> Vec<Event> {
    assert!(text.ends_with("\r\n"), "ends with CRLF");
    assert!(
        !text.replace("\r\n", "").contains(['\r', '\n']),
        "only CRLF line ends"
    );
    for line in text.split("\r\n") {
        assert!(
            line.len() <= ICS_LINE_OCTETS,
            "{} octets: {line:?}",
            line.len()
        );
    }
    let calendar: Calendar = text.parse().expect("a valid iCalendar file");
    assert_eq!(calendar.property_value("VERSION"), Some("2.0"));
    assert!(calendar.property_value("PRODID").is_some());
    calendar
        .components
        .into_iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => Some(e),
            _ => None,
        })
        .collect()
}

fn start(e: &Event) -> String {
    match e.get_start() {
        Some(DatePerhapsTime::Date(d)) => d.format("%Y-%m-%d").to_string(),
        other => panic!("an all-day date, not {other:?}"),
    }
}

fn report(a: &Assessment) -> Report {
    Report::new(a, &evaluate(a), TODAY)
}

#[test]
fn the_next_round_is_an_all_day_event_with_what_to_do_and_where_it_stood() {
    let a = raccoons_inc();
    let r = report(&a);
    let event = Reminder::NextRound
        .event(&r, "abc-123", "2027-03-01", TODAY)
        .unwrap();
    let events = read(&ics_text(&[event], STAMP));
    assert_eq!(events.len(), 1);
    let e = &events[0];
    assert_eq!(start(e), "2027-03-01");
    assert_eq!(e.get_uid(), Some("round-2-abc-123@koom-readiness"));
    assert_eq!(e.property_value("DTSTAMP"), Some(STAMP));
    assert_eq!(e.property_value("DURATION"), Some("P1D"));
    assert_eq!(
        e.get_summary().map(String::from),
        Some(format!("KOOM readiness: round 2 for {}", r.title))
    );
    let description = e.get_description().unwrap();
    assert!(description.contains("choose “Re-assess…”"), "{description}");
    assert!(
        description.contains(&format!("Where round 1 stood on {TODAY}: {}.", r.stage)),
        "{description}"
    );
    // The alarm: at 09:00 on the day.
    let text = ics_text(
        &[Reminder::NextRound
            .event(&r, "x", "2027-03-01", TODAY)
            .unwrap()],
        STAMP,
    );
    assert!(text.contains("BEGIN:VALARM\r\nACTION:DISPLAY\r\n"));
    assert!(text.contains("TRIGGER:PT9H\r\n"));
}

#[test]
fn after_a_re_assessment_the_reminder_names_the_round_after_the_one_in_progress() {
    let mut a = raccoons_inc();
    a.reassess("2026-09-01").unwrap();
    let r = report(&a);
    let e = Reminder::NextRound.event(&r, "k", TODAY, TODAY).unwrap();
    assert_eq!(
        e.summary,
        format!("KOOM readiness: round 3 for {}", r.title)
    );
    assert!(e.description.contains("Where round 2 stood"));
}

#[test]
fn the_next_cycle_review_counts_the_cycles_and_the_signs_from_the_model() {
    let mut a = raccoons_inc();
    a.cycles.clear();
    a.cycles.push(Default::default());
    let r = report(&a);
    let e = Reminder::NextCycle
        .event(&r, "k", "2027-01-15", TODAY)
        .unwrap();
    assert_eq!(
        e.summary,
        format!("KOOM stability: review alignment cycle 2 at {}", r.title)
    );
    assert_eq!(e.uid, "cycle-2-k@koom-readiness");
    assert_eq!(STABILITY_SIGNS.len(), 10);
    // Seed §7: "If you don’t see these signs within 1–2 alignment cycles, something was
    // implemented incorrectly."
    assert!(e.description.contains("each of the ten stability signs"));
    assert!(e.description.contains("within 1–2 alignment cycles"));
    let events = read(&ics_text(&[e], STAMP));
    assert_eq!(start(&events[0]), "2027-01-15");
}

#[test]
fn a_reminder_refuses_no_date_a_malformed_date_and_a_date_that_has_passed() {
    let r = report(&raccoons_inc());
    let err = |date: &str| Reminder::NextRound.event(&r, "k", date, TODAY).unwrap_err();
    assert_eq!(err(""), ReminderError::NoDate);
    assert_eq!(err("  "), ReminderError::NoDate);
    assert_eq!(
        err("next week"),
        ReminderError::NotADate("next week".into())
    );
    assert_eq!(
        err("2027-02-30"),
        ReminderError::NotADate("2027-02-30".into())
    );
    assert_eq!(
        err("2026-12-02").to_string(),
        "2026-12-02 has passed (today is 2026-12-03): choose today or a later date. Nothing was downloaded."
    );
    assert_eq!(
        err("next week").to_string(),
        "“next week” is not a date: choose one from the calendar (year-month-day). Nothing was downloaded."
    );
    assert!(
        Reminder::NextRound.event(&r, "k", TODAY, TODAY).is_ok(),
        "today is allowed"
    );
    assert!(Reminder::NextCycle
        .event(&r, "k", "2026-01-01", TODAY)
        .is_err());
}

/// The Raccoons with every red flag's plan item given an entry.
fn with_plan(entries: &[(&str, PlanStatus, &str)]) -> Assessment {
    let mut a = raccoons_inc();
    for (i, (due, status, owner)) in entries.iter().enumerate() {
        let id = RED_FLAGS[i].question.id.to_string();
        a.answers
            .insert(id.clone(), koom_readiness::domain::Answer::Yes);
        a.plan.insert(
            id,
            PlanEntry {
                owner: owner.to_string(),
                due: due.to_string(),
                status: *status,
                ..PlanEntry::default()
            },
        );
    }
    a
}

#[test]
fn the_plan_gives_one_event_per_open_item_due_today_or_later_and_names_the_overdue() {
    let a = with_plan(&[
        ("2027-01-10", PlanStatus::ToDo, "Ana"),
        ("2026-11-01", PlanStatus::Doing, ""),
        ("2027-02-01", PlanStatus::Done, ""),
        ("", PlanStatus::ToDo, ""),
        (TODAY, PlanStatus::Doing, "Ben"),
    ]);
    let items = plan(&a, &evaluate(&a).readiness);
    let reminders = plan_reminders(&items, "Raccoons Inc.", "k", TODAY).unwrap();
    let events = read(&ics_text(&reminders.events, STAMP));
    // In the plan's order, open items with a due date from today on only.
    let expected: Vec<(String, String)> = items
        .iter()
        .filter(|i| !i.entry.status.is_closed() && i.entry.due.as_str() >= TODAY)
        .map(|i| {
            (
                i.entry.due.clone(),
                format!("plan-{}-k@koom-readiness", i.id),
            )
        })
        .collect();
    assert_eq!(expected.len(), 2);
    let got: Vec<(String, String)> = events
        .iter()
        .map(|e| (start(e), e.get_uid().unwrap().to_string()))
        .collect();
    assert_eq!(got, expected);
    let ana = RED_FLAGS[0].question.id;
    let first = events
        .iter()
        .find(|e| e.get_uid().unwrap().contains(ana))
        .unwrap()
        .get_description()
        .unwrap();
    assert!(first.contains("Owner: Ana."), "{first}");
    assert!(first.contains(&format!("Model item: {ana}")));
    assert_eq!(reminders.overdue.len(), 1);
    assert!(
        reminders.overdue[0].starts_with("Red flag 2"),
        "{:?}",
        reminders.overdue
    );
    assert_eq!(
        reminders.sentence(),
        format!(
            "2 plan items' due dates are in the calendar file. Left out, already overdue: {}. Give it a new due date to be reminded.",
            reminders.overdue[0]
        )
    );
}

#[test]
fn a_plan_with_nothing_due_from_today_on_is_refused_with_its_reason() {
    let a = with_plan(&[
        ("2026-11-01", PlanStatus::ToDo, ""),
        ("", PlanStatus::ToDo, ""),
    ]);
    let items = plan(&a, &evaluate(&a).readiness);
    assert_eq!(
        plan_reminders(&items, "R", "k", TODAY),
        Err(ReminderError::NothingDue)
    );
    assert_eq!(
        plan_reminders(&[], "R", "k", TODAY),
        Err(ReminderError::NothingDue)
    );
}

#[test]
fn every_text_reads_back_whole_through_escaping_and_folding() {
    for text in AWKWARD {
        let event = CalendarEvent {
            uid: format!("u-{}", text.len()),
            date: "2027-01-01".into(),
            summary: text.into(),
            description: format!("{text}\n{text}"),
        };
        let events = read(&ics_text(&[event], STAMP));
        let kept = text.replace("\r\n", "\n");
        assert_eq!(events[0].get_summary(), Some(kept.as_str()));
        assert_eq!(
            events[0].get_description().map(String::from),
            Some(format!("{kept}\n{kept}"))
        );
    }
}

#[test]
fn many_events_stay_apart_and_the_file_name_is_safe() {
    let events: Vec<CalendarEvent> = (1..=30)
        .map(|d| CalendarEvent {
            uid: format!("e{d}"),
            date: format!("2027-01-{d:02}"),
            summary: format!("Day {d}"),
            description: String::new(),
        })
        .collect();
    let read_back = read(&ics_text(&events, STAMP));
    assert_eq!(read_back.len(), 30);
    assert_eq!(start(&read_back[29]), "2027-01-30");
    assert_eq!(
        reminder_file_name("Raccoons Inc.", "next-round", TODAY),
        "koom-readiness-raccoons-inc-next-round-2026-12-03.ics"
    );
}
