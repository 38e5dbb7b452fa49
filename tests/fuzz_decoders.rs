//! A bounded fuzz run of every decoder that reads outside input, through the real decoders:
//! share links, the URL fragment that carries them, pasted links, assessment and team files,
//! saved records. Each input, random or a mutation of a valid encoding made by the real
//! encoders, must end in a valid decode or a typed error with a message, never a panic, and
//! keep what its codec guarantees (`tests/common/fuzz.rs`). The seeds are fixed: a failure
//! repeats. The long run is `cargo bench --bench share`.
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/fuzz.rs"]
mod fuzz;
#[path = "common/links.rs"]
mod links;
#[path = "common/rng.rs"]
mod rng;

use fuzz::Tally;

/// The seed of every run here (the bench draws from others).
const SEED: u64 = 20_261_124;

// How many inputs each decoder gets: the whole file takes a few seconds of a debug build (the
// counts and times per input are in the README's Benchmarks section). A file or a record costs
// about ten times a share link: it is JSON of several kilobytes.
const SHARE_LINKS: u64 = 50_000;
const ADDRESSES: u64 = 25_000;
const PASTED_TEXTS: u64 = 4_000;
const FILES: u64 = 3_000;
const RECORDS: u64 = 3_000;

/// Fails on any problem, and if the run did not reach the outcomes named.
fn assert_reaches(tally: &Tally, decoder: &str, inputs: u64, outcomes: &[&str]) {
    tally.assert_clean(decoder);
    assert_eq!(tally.inputs(), inputs, "{decoder}");
    for outcome in outcomes {
        assert!(
            tally.count(outcome) > 0,
            "{decoder}: no input ended in {outcome}:\n{}",
            tally.table()
        );
    }
}

#[test]
fn share_links_open_or_are_refused_and_a_changed_one_never_opens() {
    let tally = fuzz::share_links(SEED, SHARE_LINKS);
    assert_reaches(
        &tally,
        "share links",
        SHARE_LINKS,
        &[
            "Empty",
            "NotAShareLink",
            "Truncated",
            "Altered",
            "NewerFormat",
            "UnknownModel",
            "Damaged",
            "NotInflatable",
            "opened",
        ],
    );
}

#[test]
fn addresses_read_back_and_their_links_open_or_are_refused() {
    let tally = fuzz::fragments(SEED, ADDRESSES);
    assert_reaches(
        &tally,
        "addresses",
        ADDRESSES,
        &[
            "Unknown",
            "BadCompare",
            "Start",
            "Saved",
            "Example",
            "Shared",
            "Compare",
            "Team",
            "Memory",
        ],
    );
}

#[test]
fn pasted_links_account_for_every_line() {
    let tally = fuzz::pasted(SEED, PASTED_TEXTS);
    assert_reaches(
        &tally,
        "pasted links",
        PASTED_TEXTS,
        &[
            "no line",
            "no link opened",
            "some links opened",
            "every link opened",
        ],
    );
}

#[test]
fn files_are_taken_whole_or_refused_with_a_message() {
    let tally = fuzz::files(SEED, FILES);
    assert_reaches(
        &tally,
        "files",
        FILES,
        &[
            "assessment",
            "team",
            "NotUtf8",
            "Truncated",
            "NotJson",
            "DuplicateKey",
            "InvalidContent",
            "UnknownIds",
            "OverLimit",
            "NotAKoomFile",
        ],
    );
}

#[test]
fn records_are_read_written_back_or_refused_with_a_reason() {
    let tally = fuzz::records(SEED, RECORDS);
    assert_reaches(
        &tally,
        "records",
        RECORDS,
        &[
            "assessment record",
            "team record",
            "newer assessment record",
            "newer team record",
            "session",
            "unreadable",
        ],
    );
}
