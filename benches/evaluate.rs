//! Benchmark: evaluating a full assessment natively. Prints figures; asserts nothing.
//!
//! Run with `cargo bench --bench evaluate`. The machine is shared and noisy: read the median.

use std::hint::black_box;
use std::time::Instant;

use koom_readiness::domain::{evaluate, raccoons_inc, readiness_questions, Answer, Assessment};

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

fn measure(name: &str, a: &Assessment) {
    const ITERATIONS: u32 = 2_000;
    const RUNS: usize = 11;
    for _ in 0..200 {
        black_box(evaluate(black_box(a)));
    }
    let per_eval: Vec<f64> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..ITERATIONS {
                black_box(evaluate(black_box(a)));
            }
            start.elapsed().as_secs_f64() * 1e6 / f64::from(ITERATIONS)
        })
        .collect();
    let min = per_eval.iter().copied().fold(f64::INFINITY, f64::min);
    let max = per_eval.iter().copied().fold(0.0, f64::max);
    println!(
        "{name:<40} median {:>8.2} µs/evaluation   (min {min:.2}, max {max:.2}; {RUNS} runs × {ITERATIONS})",
        median(per_eval.clone())
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
