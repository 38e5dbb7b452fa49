//! Benchmark: the team view natively (its evaluation, report, item matrix CSV and file), with 50 and 500 respondents (random but valid answers,
//! half of them named). Prints the median over 11 runs, in µs; asserts nothing.
//!
//! Run with `cargo bench --bench team`. The machine is shared and noisy: read the median.
//! Product §10's budget is a team view of 50 respondents on screen in 50 ms (in the browser):
//! the domain's share of it is the evaluation (and the report for printing).

use std::hint::black_box;

use koom_readiness::domain::{
    all_questions, decode_team_file, encode_team_file, evaluate_team, merge, team_markdown,
    team_matrix_csv, Answer, Assessment, Respondent, Team, TeamReport,
};

mod common;
use common::{per_call_us, rng::Rng, RUNS};

/// A team of `n`: every question answered at random (a tenth left unanswered), every other
/// respondent named.
fn team(n: usize, rng: &mut Rng) -> Team {
    let mut team = Team::new(&format!("{n} respondents"));
    while team.respondents.len() < n {
        let mut a = Assessment::new("Acme", "");
        for q in all_questions() {
            let answer = match rng.next() % 10 {
                0 => None,
                1 | 2 => Some(Answer::NotSure),
                3..=5 => Some(q.healthy.opposite()),
                _ => Some(q.healthy),
            };
            a.set_answer(q.id, answer);
        }
        let i = team.respondents.len();
        let name = i.is_multiple_of(2).then(|| format!("Person {i}"));
        // A random duplicate of an anonymous respondent is refused; draw again.
        let _ = team.add(Respondent::new(name.as_deref(), a));
    }
    team
}

fn measure(name: &str, iterations: u32, f: impl FnMut()) {
    let (median, min, max) = per_call_us(iterations.div_ceil(4), iterations, f);
    println!(
        "{name:<44} median {median:>9.1} µs   (min {min:.1}, max {max:.1}; {RUNS} runs × {iterations})"
    );
}

fn main() {
    let mut rng = Rng(0x5EED_2026);
    println!("team view: merge, evaluate_team, report + Markdown, item matrix CSV, file export and import");
    for (n, iterations) in [(50, 200), (500, 20)] {
        let t = team(n, &mut rng);
        let file = encode_team_file(&t, "2026-11-24");
        measure(&format!("merge, {n} respondents"), iterations, || {
            black_box(merge(black_box(&t.respondents)));
        });
        measure(
            &format!("evaluate_team, {n} respondents"),
            iterations,
            || {
                black_box(evaluate_team(black_box(&t)));
            },
        );
        let e = evaluate_team(&t);
        measure(
            &format!("TeamReport + team_markdown, {n} respondents"),
            iterations,
            || {
                black_box(team_markdown(&TeamReport::new(
                    &t,
                    black_box(&e),
                    "2026-11-24",
                )));
            },
        );
        measure(
            &format!("encode_team_file, {n} respondents"),
            iterations,
            || {
                black_box(encode_team_file(black_box(&t), "2026-11-24"));
            },
        );
        let csv = team_matrix_csv(&t);
        measure(
            &format!("team_matrix_csv, {n} respondents ({} KB)", csv.len() / 1024),
            iterations,
            || {
                black_box(team_matrix_csv(black_box(&t)));
            },
        );
        measure(
            &format!(
                "decode_team_file, {n} respondents ({} KB)",
                file.len() / 1024
            ),
            iterations,
            || {
                black_box(decode_team_file(black_box(&file)).ok());
            },
        );
    }
}
