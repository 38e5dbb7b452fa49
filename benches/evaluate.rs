//! Benchmark: evaluating a full assessment natively. Prints figures; asserts nothing.
//!
//! Run with `cargo bench --bench evaluate`. The machine is shared and noisy: read the median.

use std::hint::black_box;

use koom_readiness::domain::{evaluate, raccoons_inc, readiness_questions, Answer, Assessment};

mod common;
use common::{per_call_us, RUNS};

fn measure(name: &str, a: &Assessment) {
    const ITERATIONS: u32 = 2_000;
    let (median, min, max) = per_call_us(200, ITERATIONS, || {
        black_box(evaluate(black_box(a)));
    });
    println!(
        "{name:<40} median {median:>8.2} µs/evaluation   (min {min:.2}, max {max:.2}; {RUNS} runs × {ITERATIONS})"
    );
}

fn main() {
    println!("evaluate(): full evaluation (readiness, sequence, stability, progress, feedback)");
    measure("Raccoons Inc. (complete, 2 cycles)", &raccoons_inc());

    let mut stop = raccoons_inc();
    for q in readiness_questions() {
        stop.set_answer(q.id, Some(q.healthy.opposite()));
    }
    measure("every blocker present (worst case)", &stop);

    let mut hold = Assessment::new("Blank", "");
    for q in readiness_questions().step_by(2) {
        hold.set_answer(q.id, Some(Answer::NotSure));
    }
    measure("half not sure, half unanswered", &hold);
}
