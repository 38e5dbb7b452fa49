//! Benchmark of share links (`docs/share-link.md`): payload lengths, then a fuzz run of more
//! than a million random and mutated payloads with the count of every outcome.
//!
//! Run with `cargo bench --bench share`. It prints figures and asserts one thing only: no
//! mutated payload opens as a different assessment. (A panic would be caught and counted.)

use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::Instant;

use koom_readiness::domain::{
    all_questions, decode_share, encode_share, raccoons_inc, Answer, Assessment, Completion,
    Deflate, Observation, PilotIteration, ShareError, ShareOptions, SharedAssessment,
    DEPLOYMENT_STEPS, GATE_CRITERIA, GREEN_FLAGS, MATURITY_REQUIREMENTS, PRECONDITIONS, RED_FLAGS,
    STABILITY_SIGNS,
};

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
/// A plausible address of the app, to relate payloads to the ~2,000-character URL warning.
const APP_URL: &str = "https://intranet.example.com/tools/koom-readiness/#/s/";
const FUZZ_INPUTS: u64 = 1_200_000;

mod common;
use common::Rng;

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn symbol(&mut self) -> u8 {
        ALPHABET[self.below(64)]
    }
}

fn deflate(bytes: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec(bytes, 6)
}

fn share(a: &Assessment, notes: bool, compress: bool) -> String {
    let options = ShareOptions {
        notes,
        made_on: "2026-11-24".into(),
    };
    encode_share(a, options, compress.then_some(&deflate as Deflate))
}

/// Decode, inflate when needed (never past the announced length), finish.
fn open(payload: &str) -> Result<SharedAssessment, ShareError> {
    let envelope = decode_share(payload)?;
    let inflated = envelope.inflated_len().and_then(|limit| {
        miniz_oxide::inflate::decompress_to_vec_with_limit(envelope.text_block(), limit).ok()
    });
    envelope.finish(inflated)
}

fn without_notes(mut a: Assessment) -> Assessment {
    a.notes.clear();
    a.unclear.clear();
    for c in &mut a.cycles {
        c.notes.clear();
    }
    a
}

/// Every question answered, every tickable item ticked, a 10-character department, a
/// 20-character organisation, no assessor, no notes.
fn budget_case() -> Assessment {
    let mut a = Assessment::new("Raccoons Incorporate", "");
    for (q, answer) in all_questions().zip(Answer::ALL.iter().cycle()) {
        a.set_answer(q.id, Some(*answer));
    }
    for s in DEPLOYMENT_STEPS.iter() {
        for c in s.checklist {
            if c.completion == Completion::Ticked {
                a.checklist.insert(c.id.to_string());
            }
        }
    }
    a.pilot.department = "Zone C 123".into();
    a
}

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

/// A failed gate, a retraining, odd dates and remarks: the parts Raccoons Inc. lacks.
fn with_iterations() -> Assessment {
    let mut a = raccoons_inc();
    a.pilot_iterations.push(PilotIteration {
        date: "2026-10-01".into(),
        failed_criteria: vec![GATE_CRITERIA[3].id.into()],
        open_criteria: vec![GATE_CRITERIA[5].id.into()],
        evaluation: "Managers improvised in Zone C.".into(),
        gate_answers: BTreeMap::from([(GATE_CRITERIA[3].id.into(), Answer::No)]),
        retrain: vec!["step.manager_training".into()],
        retrained: BTreeMap::from([("step.manager_training".into(), "early Oct".into())]),
    });
    a.set_unclear("maturity.truth", Some("What counts as hiding variance?"));
    a.set_observation(
        1,
        "stability.less_fire_fighting",
        Some(Observation::NotSure),
    );
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

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Input {
    RandomBytes,
    RandomAlphabet,
    Substitution,
    Insertion,
    Deletion,
    Truncation,
    Swap,
    SeveralChanges,
    CutAndRejoined,
    Forged,
}

impl Input {
    const ALL: [Input; 10] = [
        Input::RandomBytes,
        Input::RandomAlphabet,
        Input::Substitution,
        Input::Insertion,
        Input::Deletion,
        Input::Truncation,
        Input::Swap,
        Input::SeveralChanges,
        Input::CutAndRejoined,
        Input::Forged,
    ];

    /// A mutation of a valid payload that must never open as another assessment (a forged
    /// payload has a recomputed checksum: it may open, and is counted, not judged).
    fn is_mutation(self) -> bool {
        !matches!(
            self,
            Input::RandomBytes | Input::RandomAlphabet | Input::Forged
        )
    }
}

fn outcome(result: &Result<SharedAssessment, ShareError>) -> &'static str {
    match result {
        Ok(_) => "accepted",
        Err(ShareError::Empty) => "Empty",
        Err(ShareError::NotAShareLink) => "NotAShareLink",
        Err(ShareError::Truncated) => "Truncated",
        Err(ShareError::Altered) => "Altered",
        Err(ShareError::NewerFormat { .. }) => "NewerFormat",
        Err(ShareError::UnknownModel { .. }) => "UnknownModel",
        Err(ShareError::Damaged) => "Damaged",
        Err(ShareError::NotInflatable) => "NotInflatable",
    }
}

/// One mutation of `payload` of this kind (never the payload itself).
fn mutate(rng: &mut Rng, kind: Input, payload: &[u8], other: &[u8]) -> Vec<u8> {
    let mut p = payload.to_vec();
    let n = p.len();
    match kind {
        Input::Substitution => {
            let i = rng.below(n);
            let mut c = rng.symbol();
            while c == p[i] {
                c = rng.symbol();
            }
            p[i] = c;
        }
        Input::Insertion => p.insert(rng.below(n + 1), rng.symbol()),
        Input::Deletion => {
            p.remove(rng.below(n));
        }
        Input::Truncation => p.truncate(rng.below(n)),
        Input::Swap => {
            let i = rng.below(n);
            let mut j = rng.below(n);
            let mut tries = 0;
            while p[j] == p[i] && tries < 100 {
                j = rng.below(n);
                tries += 1;
            }
            p.swap(i, j);
        }
        Input::SeveralChanges => {
            for _ in 0..2 + rng.below(4) {
                let kind = [
                    Input::Substitution,
                    Input::Insertion,
                    Input::Deletion,
                    Input::Swap,
                ][rng.below(4)];
                if !p.is_empty() {
                    p = mutate(rng, kind, &p, other);
                }
            }
        }
        Input::CutAndRejoined => {
            let cut = rng.below(n);
            let from = rng.below(other.len());
            p.truncate(cut);
            p.extend_from_slice(&other[from..]);
        }
        Input::Forged => return forge(rng, payload),
        Input::RandomBytes | Input::RandomAlphabet => {}
    }
    p
}

fn sextet(c: u8) -> u32 {
    ALPHABET.iter().position(|&a| a == c).unwrap_or(0) as u32
}

fn base64_decode(text: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let (mut acc, mut bits) = (0u32, 0u32);
    for &c in text {
        acc = (acc << 6) | sextet(c);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    out
}

fn base64_encode(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let (mut acc, mut bits) = (0u32, 0u32);
    for &b in bytes {
        acc = (acc << 8) | u32::from(b);
        bits += 8;
        while bits >= 6 {
            bits -= 6;
            out.push(ALPHABET[(acc >> bits) as usize & 63]);
        }
        acc &= (1 << bits) - 1;
    }
    if bits > 0 {
        out.push(ALPHABET[(acc << (6 - bits)) as usize & 63]);
    }
    out
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = (crc >> 1) ^ (0xEDB8_8320 & (crc & 1).wrapping_neg());
        }
    }
    !crc
}

/// A valid payload with 1–3 bytes of its content (rarely its version byte) replaced and its
/// checksum recomputed: only the checks after the checksum can refuse it.
fn forge(rng: &mut Rng, payload: &[u8]) -> Vec<u8> {
    let mut bytes = base64_decode(payload);
    let n = bytes.len();
    let header = 1 + bytes[1..].iter().take_while(|&&b| b & 0x80 != 0).count() + 1;
    for _ in 0..1 + rng.below(3) {
        let i = if rng.below(32) == 0 {
            0
        } else {
            header + rng.below(n - 4 - header)
        };
        bytes[i] = rng.next() as u8;
    }
    let crc = crc32(&bytes[..n - 4]);
    bytes[n - 4..].copy_from_slice(&crc.to_be_bytes());
    base64_encode(&bytes)
}

fn fuzz() {
    let seeds: Vec<(String, Assessment)> = vec![
        (share(&budget_case(), false, false), budget_case()),
        (
            share(&raccoons_inc(), false, false),
            without_notes(raccoons_inc()),
        ),
        (
            share(&raccoons_inc(), false, true),
            without_notes(raccoons_inc()),
        ),
        (share(&raccoons_inc(), true, false), raccoons_inc()),
        (share(&raccoons_inc(), true, true), raccoons_inc()),
        (share(&with_iterations(), true, false), with_iterations()),
        (share(&with_iterations(), true, true), with_iterations()),
    ];
    for (payload, expected) in &seeds {
        assert_eq!(open(payload).map(|s| s.assessment).as_ref(), Ok(expected));
    }

    let mut rng = Rng(20_261_124);
    let mut counts: BTreeMap<(Input, &'static str), u64> = BTreeMap::new();
    let (mut panics, mut unchanged, mut same, mut different) = (0u64, 0u64, 0u64, 0u64);
    let start = Instant::now();
    for n in 0..FUZZ_INPUTS {
        let kind = Input::ALL[n as usize % Input::ALL.len()];
        let (seed, expected) = &seeds[rng.below(seeds.len())];
        let input: Vec<u8> = match kind {
            Input::RandomBytes => (0..rng.below(160)).map(|_| rng.next() as u8).collect(),
            Input::RandomAlphabet => (0..rng.below(400)).map(|_| rng.symbol()).collect(),
            _ => {
                let other = &seeds[rng.below(seeds.len())].0;
                mutate(&mut rng, kind, seed.as_bytes(), other.as_bytes())
            }
        };
        if kind.is_mutation() && seeds.iter().any(|(s, _)| input == s.as_bytes()) {
            unchanged += 1;
            continue;
        }
        let text = String::from_utf8_lossy(&input);
        let result = catch_unwind(AssertUnwindSafe(|| open(&text)));
        let Ok(result) = result else {
            panics += 1;
            println!("PANIC on input {text:?}");
            continue;
        };
        *counts.entry((kind, outcome(&result))).or_default() += 1;
        if let Ok(shared) = result {
            if kind.is_mutation() {
                if &shared.assessment == expected {
                    same += 1;
                } else {
                    different += 1;
                    println!("MUTATED PAYLOAD OPENED AS A DIFFERENT ASSESSMENT: {text}");
                }
            }
        }
    }
    let elapsed = start.elapsed();

    let outcomes = [
        "Empty",
        "NotAShareLink",
        "Truncated",
        "Altered",
        "NewerFormat",
        "UnknownModel",
        "Damaged",
        "NotInflatable",
        "accepted",
    ];
    println!();
    println!(
        "Fuzz: {} inputs ({} seeds; {} mutations that gave back a seed itself skipped) in {:.1} s, {:.2} µs per input; panic strategy: {}",
        FUZZ_INPUTS - unchanged,
        seeds.len(),
        unchanged,
        elapsed.as_secs_f64(),
        elapsed.as_secs_f64() * 1e6 / (FUZZ_INPUTS - unchanged) as f64,
        if cfg!(panic = "unwind") { "unwind (panics are caught and counted)" } else { "abort" },
    );
    print!("{:<16}", "input");
    for o in outcomes {
        print!(" {o:>13}");
    }
    println!();
    let mut totals = [0u64; 9];
    for kind in Input::ALL {
        print!("{:<16}", format!("{kind:?}"));
        for (k, o) in outcomes.iter().enumerate() {
            let c = counts.get(&(kind, *o)).copied().unwrap_or(0);
            totals[k] += c;
            print!(" {c:>13}");
        }
        println!();
    }
    print!("{:<16}", "all");
    for t in totals {
        print!(" {t:>13}");
    }
    println!();
    println!("panics: {panics}");
    println!(
        "mutated payloads accepted: {} as the same assessment, {different} as a different one",
        same
    );
    assert_eq!(
        different, 0,
        "a mutated payload opened as a different assessment"
    );
}

fn main() {
    print_lengths();
    fuzz();
}
