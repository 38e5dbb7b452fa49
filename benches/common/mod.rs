//! What the benchmarks share.
// Each bench uses part of this module.
#![allow(dead_code)]

/// SplitMix64: a small deterministic generator (the run is repeatable).
pub struct Rng(pub u64);

impl Rng {
    /// The next 64 random bits.
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

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
