//! Benchmark of share links (`docs/share-link.md`): payload lengths, then the long fuzz run of
//! every decoder that reads outside input (`tests/common/fuzz.rs`; the native tests run the
//! same with fewer inputs, `tests/fuzz_decoders.rs`): more than a million random and mutated
//! share links, then addresses, pasted links, files and records, with the count of every
//! outcome and the time per input.
//!
//! Run with `cargo bench --bench share`. It prints figures and fails only on a problem the
//! fuzz run finds (a panic, an empty message, a changed link that opens…).

use std::time::Instant;

use koom_readiness::domain::{
    all_questions, raccoons_inc, Assessment, DEPLOYMENT_STEPS, GREEN_FLAGS, MATURITY_REQUIREMENTS,
    PRECONDITIONS, RED_FLAGS, STABILITY_SIGNS,
};

#[path = "../tests/common/fuzz.rs"]
mod fuzz;
#[path = "../tests/common/links.rs"]
mod links;
#[path = "../tests/common/rng.rs"]
mod rng;

use links::{budget_case, share, with_iterations};
use rng::Rng;

/// A plausible address of the app, to relate payloads to the ~2,000-character URL warning.
const APP_URL: &str = "https://intranet.example.com/tools/koom-readiness/#/s/";
/// The seed of the long run (the tests draw from another).
const SEED: u64 = 20_261_202;

/// The words of the seed document, for notes that read (and compress) like real ones.
fn vocabulary() -> Vec<&'static str> {
    let mut words: Vec<&str> =
        include_str!("../docs/seed/koom-deployment-readiness-layer-v1.0.txt")
            .split_whitespace()
            .collect();
    words.sort_unstable();
    words.dedup();
    words
}

/// Text of exactly `chars` characters: words drawn at random from the seed's vocabulary.
fn prose(rng: &mut Rng, words: &[&str], chars: usize) -> String {
    let mut text = String::new();
    while text.chars().count() < chars {
        text.push_str(words[rng.below(words.len())]);
        text.push(' ');
    }
    text.chars().take(chars).collect()
}

/// Raccoons Inc. with a 500-character note and "unclear" remark on every item, and a
/// 500-character note on every sign of both cycles.
fn worst_case() -> Assessment {
    let mut rng = Rng(7);
    let words = vocabulary();
    let mut a = raccoons_inc();
    let mut ids: Vec<&str> = PRECONDITIONS.iter().map(|p| p.id).collect();
    ids.extend(MATURITY_REQUIREMENTS.iter().map(|m| m.id));
    ids.extend(RED_FLAGS.iter().map(|f| f.id));
    ids.extend(GREEN_FLAGS.iter().map(|g| g.id));
    ids.extend(DEPLOYMENT_STEPS.iter().map(|s| s.id));
    ids.extend(
        DEPLOYMENT_STEPS
            .iter()
            .flat_map(|s| s.checklist)
            .map(|c| c.id),
    );
    ids.extend(STABILITY_SIGNS.iter().map(|s| s.id));
    ids.extend(all_questions().map(|q| q.id));
    for id in ids {
        a.set_note(id, &prose(&mut rng, &words, 500));
        a.set_unclear(id, Some(&prose(&mut rng, &words, 500)));
    }
    for cycle in 0..a.cycles.len() {
        for s in STABILITY_SIGNS.iter() {
            a.set_observation_note(cycle, s.id, &prose(&mut rng, &words, 500));
        }
    }
    a
}

fn print_lengths() {
    println!(
        "Payload lengths (characters after #/s/; full URL = {} + payload, {} characters of prefix)",
        APP_URL,
        APP_URL.len()
    );
    println!("{:<58} {:>8} {:>14}", "", "raw", "deflate (miniz)");
    let cases: [(&str, Assessment, bool); 5] = [
        (
            "budget case: all answered and ticked, no notes",
            budget_case(),
            false,
        ),
        ("Raccoons Inc., without notes", raccoons_inc(), false),
        ("Raccoons Inc., with notes", raccoons_inc(), true),
        (
            "Raccoons Inc. + an iteration, with notes",
            with_iterations(),
            true,
        ),
        (
            "worst case: every note and remark 500 characters",
            worst_case(),
            true,
        ),
    ];
    for (name, a, notes) in cases {
        let raw = share(&a, notes, false);
        let packed = share(&a, notes, true);
        println!("{name:<58} {:>8} {:>14}", raw.len(), packed.len());
    }
    println!(
        "A link stays under the app's ~2,000-character URL warning while its payload is under {} characters.",
        2000 - APP_URL.len()
    );
}

/// One decoder's long run: its figures, and a failure if it found a problem.
fn run(name: &str, inputs: u64, decoder: fn(u64, u64) -> fuzz::Tally) {
    let start = Instant::now();
    let tally = decoder(SEED, inputs);
    let elapsed = start.elapsed().as_secs_f64();
    println!();
    println!(
        "{name}: {inputs} inputs in {elapsed:.1} s, {:.2} µs per input",
        elapsed * 1e6 / inputs as f64
    );
    println!("{}", tally.table());
    tally.assert_clean(name);
}

fn main() {
    print_lengths();
    println!();
    println!(
        "Fuzz run (panic strategy: {}):",
        if cfg!(panic = "unwind") {
            "unwind, panics are caught and reported"
        } else {
            "abort, a panic ends the run"
        }
    );
    run("share links", 1_200_000, fuzz::share_links);
    run("addresses", 500_000, fuzz::fragments);
    run("pasted links", 200_000, fuzz::pasted);
    run("files", 100_000, fuzz::files);
    run("records", 100_000, fuzz::records);
}
