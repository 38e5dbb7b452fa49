//! What the benchmarks share: the generator (one copy, in `tests/common/rng.rs`, which the fuzz
//! test uses too) and the timing loop.
// Each bench uses part of this module.
#![allow(dead_code)]

#[path = "../../tests/common/rng.rs"]
pub mod rng;

/// How many timed runs each figure is the median of.
pub const RUNS: usize = 11;

/// The median, the fastest and the slowest of `RUNS` runs, in microseconds per call: each run
/// times `iterations` calls of `f`, after `warm_up` untimed ones.
pub fn per_call_us(warm_up: u32, iterations: u32, mut f: impl FnMut()) -> (f64, f64, f64) {
    for _ in 0..warm_up {
        f();
    }
    let mut runs: Vec<f64> = (0..RUNS)
        .map(|_| {
            let start = std::time::Instant::now();
            for _ in 0..iterations {
                f();
            }
            start.elapsed().as_secs_f64() * 1e6 / f64::from(iterations)
        })
        .collect();
    runs.sort_by(f64::total_cmp);
    (runs[RUNS / 2], runs[0], runs[RUNS - 1])
}
