//! Fuzzing of every decoder that reads outside input: share links, the URL fragment that
//! carries them, assessment and team files, saved records and pasted links. Random inputs, and
//! mutations of valid encodings made by the real encoders, go through the real decoders. Every
//! input must end in a valid decode or a typed error whose message is not empty, never in a
//! panic; what each codec guarantees beyond that is checked with it (`check_*` below).
//!
//! Shared by the bounded run of the native tests (`tests/fuzz_decoders.rs`) and the long run of
//! `benches/share.rs`, `#[path]`-included by each next to `rng.rs` and `links.rs`.
// Each includer uses part of this module.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fmt::{Debug, Display, Write as _};
use std::panic::{catch_unwind, AssertUnwindSafe};

use koom_readiness::domain::{
    all_questions, decode_any_file, decode_file, decode_file_bytes, decode_newer_saved_team,
    decode_saved, decode_saved_team, decode_session, decode_share, decode_team_file, encode_file,
    encode_saved, encode_saved_team, encode_session, encode_share, encode_team_file, migrate_v1,
    over_limit, parse_json, pasted_links, raccoons_inc, seal_share_bytes, share_payload_bytes,
    unknown_ids, Answer, Assessment, ImportedFile, Json, Observation, Page, RecordError,
    Respondent, Route, SavedAssessment, SavedTeam, ShareError, ShareOptions, SharedAssessment,
    Source, Team, TextKind, DEPLOYMENT_STEPS, MAX_RESPONDENTS, SCHEMA_VERSION, STABILITY_SIGNS,
    TEAM_SCHEMA_VERSION,
};

use super::links::{budget_case, open, share, with_iterations, without_notes};
use super::rng::Rng;

/// How an input was made.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// Random bytes (where the decoder takes text, invalid UTF-8 is replaced, as a browser
    /// does when it reads text).
    RandomBytes,
    /// Random symbols of what the decoder reads: share-link characters, JSON tokens, lines
    /// of names, links and other text.
    RandomSymbols,
    /// One bit of one byte of a valid encoding flipped.
    BitFlip,
    /// One byte of a valid encoding replaced by another.
    Substitution,
    /// One byte inserted into a valid encoding.
    Insertion,
    /// One byte of a valid encoding removed.
    Deletion,
    /// A valid encoding cut short.
    Truncation,
    /// Two different bytes of a valid encoding swapped.
    Swap,
    /// Two to five of the changes above.
    SeveralChanges,
    /// The start of one valid encoding joined to the end of another.
    Splice,
    /// A share link whose content bytes were changed and whose checksum was recomputed: only
    /// the checks after the checksum can refuse it, and it may open.
    Forged,
    /// JSON: one value of a valid document replaced, removed, repeated or renamed, and the
    /// document written again (so that the checks after the JSON syntax are reached).
    Tree,
}

impl Kind {
    /// Whether the input is a change of valid encodings that nobody sealed again: a share link
    /// in it may not open unless it is one of the valid links itself.
    fn is_mutation(self) -> bool {
        !matches!(self, Kind::RandomBytes | Kind::RandomSymbols | Kind::Forged)
    }
}

/// The changes of single bytes, in the order a run cycles through them.
const BYTE_CHANGES: [Kind; 8] = [
    Kind::BitFlip,
    Kind::Substitution,
    Kind::Insertion,
    Kind::Deletion,
    Kind::Truncation,
    Kind::Swap,
    Kind::SeveralChanges,
    Kind::Splice,
];

/// What a run found: how many inputs of each kind ended in each outcome, and every problem
/// (a panic, an empty message, a broken guarantee), with the input that showed it.
#[derive(Default)]
pub struct Tally {
    /// Inputs per (kind, outcome).
    pub counts: BTreeMap<(Kind, String), u64>,
    /// Every problem found, described with its input.
    pub problems: Vec<String>,
}

impl Tally {
    /// How many inputs the run tried.
    pub fn inputs(&self) -> u64 {
        self.counts.values().sum::<u64>() + self.problems.len() as u64
    }

    /// How many inputs ended in `outcome`.
    pub fn count(&self, outcome: &str) -> u64 {
        self.counts
            .iter()
            .filter(|((_, o), _)| o == outcome)
            .map(|(_, n)| n)
            .sum()
    }

    /// Runs one check; a panic in it is a problem like any other.
    fn check(&mut self, kind: Kind, input: &[u8], check: impl FnOnce() -> Result<String, String>) {
        let outcome = catch_unwind(AssertUnwindSafe(check))
            .unwrap_or_else(|_| Err("the decoder panicked".to_string()));
        match outcome {
            Ok(outcome) => *self.counts.entry((kind, outcome)).or_default() += 1,
            Err(problem) => {
                let shown = String::from_utf8_lossy(&input[..input.len().min(400)]);
                self.problems.push(format!(
                    "{problem}\n  {kind:?} input ({} bytes): {shown:?}",
                    input.len()
                ));
            }
        }
    }

    /// The counts as a table: a row per kind of input, a column per outcome.
    pub fn table(&self) -> String {
        let mut outcomes: Vec<&str> = self.counts.keys().map(|(_, o)| o.as_str()).collect();
        outcomes.sort_unstable();
        outcomes.dedup();
        let width = |o: &str| o.chars().count().max(8);
        let mut out = format!("{:<16}", "input");
        for o in &outcomes {
            let _ = write!(out, " {o:>w$}", w = width(o));
        }
        out.push('\n');
        let mut kinds: Vec<Kind> = self.counts.keys().map(|(k, _)| *k).collect();
        kinds.dedup();
        for kind in kinds {
            let _ = write!(out, "{:<16}", format!("{kind:?}"));
            for o in &outcomes {
                let n = self
                    .counts
                    .get(&(kind, o.to_string()))
                    .copied()
                    .unwrap_or(0);
                let _ = write!(out, " {n:>w$}", w = width(o));
            }
            out.push('\n');
        }
        let _ = write!(out, "problems: {}", self.problems.len());
        out
    }

    /// Fails, naming the first problems, if the run found any.
    pub fn assert_clean(&self, decoder: &str) {
        assert!(
            self.problems.is_empty(),
            "{decoder}: {} of {} inputs showed a problem; the first ones:\n{}",
            self.problems.len(),
            self.inputs(),
            self.problems[..self.problems.len().min(5)].join("\n")
        );
    }
}

/// The variant's name of an error (`NotJson`, `Altered`…): an outcome to count.
fn variant(error: &impl Debug) -> String {
    let name = format!("{error:?}");
    let end = name.find([' ', '(', '{']).unwrap_or(name.len());
    name[..end].to_string()
}

/// A typed error as an outcome: its variant, if its message says something.
fn refused(error: &(impl Debug + Display)) -> Result<String, String> {
    if error.to_string().trim().is_empty() {
        Err(format!("{error:?} has an empty message"))
    } else {
        Ok(variant(error))
    }
}

/// One change of `bytes` of this kind: substitutions and insertions draw from `symbols`, a
/// splice joins the end of `other`.
fn mutate(rng: &mut Rng, kind: Kind, bytes: &[u8], other: &[u8], symbols: &[u8]) -> Vec<u8> {
    let mut p = bytes.to_vec();
    if p.is_empty() {
        return vec![*rng.pick(symbols)];
    }
    let n = p.len();
    match kind {
        Kind::BitFlip => p[rng.below(n)] ^= 1 << rng.below(8),
        Kind::Substitution => {
            let i = rng.below(n);
            let mut c = *rng.pick(symbols);
            while c == p[i] {
                c = *rng.pick(symbols);
            }
            p[i] = c;
        }
        Kind::Insertion => p.insert(rng.below(n + 1), *rng.pick(symbols)),
        Kind::Deletion => {
            p.remove(rng.below(n));
        }
        Kind::Truncation => p.truncate(rng.below(n)),
        Kind::Swap => {
            let i = rng.below(n);
            let mut j = rng.below(n);
            for _ in 0..100 {
                if p[j] != p[i] {
                    break;
                }
                j = rng.below(n);
            }
            p.swap(i, j);
        }
        Kind::SeveralChanges => {
            for _ in 0..2 + rng.below(4) {
                let kind = *rng.pick(&[
                    Kind::BitFlip,
                    Kind::Substitution,
                    Kind::Insertion,
                    Kind::Deletion,
                    Kind::Swap,
                ]);
                p = mutate(rng, kind, &p, other, symbols);
            }
        }
        Kind::Splice => {
            p.truncate(rng.below(n + 1));
            p.extend_from_slice(&other[rng.below(other.len() + 1)..]);
        }
        Kind::RandomBytes | Kind::RandomSymbols | Kind::Forged | Kind::Tree => {
            unreachable!("{kind:?} is not a change of bytes")
        }
    }
    p
}

/// Up to `max` random bytes.
fn random_bytes(rng: &mut Rng, max: usize) -> Vec<u8> {
    (0..rng.below(max + 1)).map(|_| rng.next() as u8).collect()
}

/// Up to `max` symbols drawn from `symbols`.
fn random_symbols(rng: &mut Rng, symbols: &[u8], max: usize) -> Vec<u8> {
    (0..rng.below(max + 1))
        .map(|_| *rng.pick(symbols))
        .collect()
}

/// Bytes as text, invalid UTF-8 replaced.
fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Runs `inputs` inputs, their kinds taken in turn: `own` ones made by `make` (from the
/// positions of two valid encodings), then every change of bytes of the valid encodings, the
/// bytes substituted or inserted drawn from `symbols`. `check` judges each.
fn drive(
    seed: u64,
    inputs: u64,
    own: &[Kind],
    valid: &[String],
    symbols: &[u8],
    make: impl Fn(&mut Rng, Kind, usize, usize) -> Vec<u8>,
    check: impl Fn(Kind, &[u8]) -> Result<String, String>,
) -> Tally {
    let kinds: Vec<Kind> = own.iter().copied().chain(BYTE_CHANGES).collect();
    let mut rng = Rng(seed);
    let mut tally = Tally::default();
    for n in 0..inputs {
        let kind = kinds[n as usize % kinds.len()];
        let (a, b) = (rng.below(valid.len()), rng.below(valid.len()));
        let input = if BYTE_CHANGES.contains(&kind) {
            let (a, b) = (valid[a].as_bytes(), valid[b].as_bytes());
            mutate(&mut rng, kind, a, b, symbols)
        } else {
            make(&mut rng, kind, a, b)
        };
        tally.check(kind, &input, || check(kind, &input));
    }
    tally
}

// ---- Share links --------------------------------------------------------------------------

/// The characters of a share link.
const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// A valid link and what it opens as.
pub struct Link {
    /// The payload, as `encode_share` writes it.
    pub payload: String,
    /// What opening it gives.
    pub opened: SharedAssessment,
}

/// An assessment whose texts are beyond ASCII, with a cycle, a note on a sign and a text date.
fn non_ascii() -> Assessment {
    let mut a = Assessment::new("Zone C — Straße ✓", "Ann O'Neil 🦝");
    a.set_answer("precondition.coe.training_owner", Some(Answer::NotSure));
    a.pilot.department = "Entrepôt".into();
    a.add_cycle();
    a.set_observation(0, "stability.lower_variance", Some(Observation::Seen));
    a.set_observation_note(0, "stability.lower_variance", "Écart réduit.");
    a.set_unclear("step.pilot", Some("Qué piloto?"));
    a
}

/// Valid links made by the real encoder: the budget case, Raccoons Inc. with and without its
/// notes, Raccoons Inc. with a failed gate and a retraining, and texts beyond ASCII; raw and
/// deflated (where deflating makes them shorter).
pub fn valid_links() -> Vec<Link> {
    let cases = [
        (budget_case(), false),
        (raccoons_inc(), false),
        (raccoons_inc(), true),
        (with_iterations(), true),
        (non_ascii(), true),
    ];
    let mut links: Vec<Link> = Vec::new();
    for (a, notes) in cases {
        for compress in [false, true] {
            let payload = share(&a, notes, compress);
            if links.iter().any(|l| l.payload == payload) {
                continue;
            }
            let opened = open(&payload).expect("a valid link opens");
            let carried = if notes {
                a.clone()
            } else {
                without_notes(a.clone())
            };
            assert_eq!(
                opened.assessment, carried,
                "a valid link opens as what it carries"
            );
            links.push(Link { payload, opened });
        }
    }
    links
}

/// A valid payload with 1–3 bytes of its content (rarely its version byte) replaced and its
/// checksum recomputed, through the domain's own byte-level reader and sealer.
fn forge(rng: &mut Rng, payload: &str) -> String {
    let bytes = share_payload_bytes(payload).expect("a valid payload");
    let mut body = bytes[..bytes.len() - 4].to_vec();
    let header = 1 + body[1..].iter().take_while(|&&b| b & 0x80 != 0).count() + 1;
    for _ in 0..1 + rng.below(3) {
        let i = if rng.below(32) == 0 {
            0
        } else {
            header + rng.below(body.len() - header)
        };
        body[i] = rng.next() as u8;
    }
    seal_share_bytes(&body)
}

/// What opening a payload must give: a link that is not one of the valid links and was not
/// sealed again never opens (a changed character, a cut, a splice…); a link that opens has
/// only the model's ids and is the one form of what it carries (written again, it is the same
/// payload); a cut is reported as one; a refusal has a message.
pub fn check_link(kind: Kind, payload: &str, links: &[Link]) -> Result<String, String> {
    let result = open(payload);
    if let Some(link) = links.iter().find(|l| l.payload == payload) {
        return if result.as_ref() == Ok(&link.opened) {
            Ok("a valid link".into())
        } else {
            Err(format!("a valid link opened as {result:?}"))
        };
    }
    match result {
        Err(e) => {
            let cut =
                kind == Kind::Truncation && links.iter().any(|l| l.payload.starts_with(payload));
            let as_cut = if payload.is_empty() {
                ShareError::Empty
            } else {
                ShareError::Truncated
            };
            if cut && e != as_cut {
                return Err(format!("a cut link was refused as {e:?}, not as cut"));
            }
            refused(&e)
        }
        Ok(shared) if kind.is_mutation() => Err(format!(
            "a changed link opened as another assessment (of {:?})",
            shared.assessment.organisation
        )),
        Ok(shared) => {
            let unknown = unknown_ids(&shared.assessment);
            if !unknown.is_empty() {
                return Err(format!(
                    "a link opened with ids the model lacks: {unknown:?}"
                ));
            }
            let raw = !decode_share(payload).is_ok_and(|e| e.needs_inflate());
            let options = ShareOptions {
                notes: shared.includes_notes,
                made_on: shared.made_on.clone(),
            };
            if raw && encode_share(&shared.assessment, options, None) != payload {
                return Err("a link opened but is not the one form of what it carries".into());
            }
            Ok("opened".into())
        }
    }
}

/// `inputs` share-link payloads opened as the app opens them: random bytes and characters,
/// every kind of change of the valid links, and forged ones.
pub fn share_links(seed: u64, inputs: u64) -> Tally {
    let links = valid_links();
    let valid: Vec<String> = links.iter().map(|l| l.payload.clone()).collect();
    let own = [Kind::RandomBytes, Kind::RandomSymbols, Kind::Forged];
    let make = |rng: &mut Rng, kind: Kind, a: usize, _: usize| match kind {
        Kind::RandomBytes => random_bytes(rng, 160),
        Kind::RandomSymbols => random_symbols(rng, ALPHABET, 400),
        _ => forge(rng, &valid[a]).into_bytes(),
    };
    let check = |kind: Kind, input: &[u8]| check_link(kind, &text(input), &links);
    drive(seed, inputs, &own, &valid, ALPHABET, make, check)
}

// ---- The URL fragment ---------------------------------------------------------------------

/// What an address holds besides share-link characters.
const ADDRESS_SYMBOLS: &[u8] =
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_#/.~:%?&= ";

/// Valid fragments, as `Route::fragment` writes them: every kind of address.
fn valid_fragments(links: &[Link]) -> Vec<String> {
    let payload = links[1].payload.clone();
    let mut routes = vec![
        Route::Start,
        Route::Team {
            id: "t-19b3".into(),
        },
        Route::Compare {
            sides: vec![
                Source::Saved("19b3-0a1b2c3d".into()),
                Source::Shared(payload.clone()),
            ],
        },
        Route::Compare {
            sides: vec![Source::Example, Source::Saved("x1".into())],
        },
        Route::Compare {
            sides: vec![
                Source::Saved("x1".into()),
                Source::Saved("x2".into()),
                Source::Example,
            ],
        },
    ];
    for page in Page::ALL {
        routes.push(Route::Saved {
            id: "19b3-0a1b2c3d".into(),
            page,
        });
        routes.push(Route::Example { page });
        routes.push(Route::Shared {
            payload: payload.clone(),
            page,
        });
        routes.push(Route::Memory { page });
    }
    routes.iter().map(Route::fragment).collect()
}

/// What reading an address must give: a known address reads back from its own fragment, and
/// the share links it carries open (only the valid ones) or are refused with a message.
pub fn check_fragment(kind: Kind, fragment: &str, links: &[Link]) -> Result<String, String> {
    let route = Route::parse(fragment);
    match &route {
        Route::Unknown(_) => return Ok("Unknown".into()),
        // A comparison's address that cannot be shown says why.
        Route::BadCompare { error, .. } if error.reason().trim().is_empty() => {
            return Err(format!("{error:?} has an empty reason"))
        }
        Route::BadCompare { .. } => return Ok("BadCompare".into()),
        _ => {}
    }
    if Route::parse(&route.fragment()) != route {
        return Err(format!("{route:?} does not read back from its fragment"));
    }
    let payloads = match &route {
        Route::Shared { payload, .. } => vec![payload.as_str()],
        Route::Compare { sides } => sides
            .iter()
            .filter_map(|s| match s {
                Source::Shared(p) => Some(p.as_str()),
                _ => None,
            })
            .collect(),
        _ => vec![],
    };
    for payload in payloads {
        check_link(kind, payload, links)?;
    }
    Ok(variant(&route))
}

/// `inputs` URL fragments read as the app reads its address.
pub fn fragments(seed: u64, inputs: u64) -> Tally {
    let links = valid_links();
    let own = [Kind::RandomBytes, Kind::RandomSymbols];
    let make = |rng: &mut Rng, kind: Kind, _: usize, _: usize| match kind {
        Kind::RandomBytes => random_bytes(rng, 100),
        _ => random_symbols(rng, ADDRESS_SYMBOLS, 100),
    };
    let valid = valid_fragments(&links);
    let check = |kind: Kind, input: &[u8]| check_fragment(kind, &text(input), &links);
    drive(seed, inputs, &own, &valid, ADDRESS_SYMBOLS, make, check)
}

// ---- Pasted links -------------------------------------------------------------------------

/// What pasted text holds besides share-link characters.
const PASTED_SYMBOLS: &[u8] =
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_#/.~:%?&= \n\r\t,;|\xC3\xA9\xE2\x80\x94";

/// A line of pasted text: a named or unnamed link to a valid link, a changed one, or no link.
fn pasted_line(rng: &mut Rng, links: &[Link]) -> String {
    let payload = &rng.pick(links).payload;
    match rng.below(8) {
        0 => format!("Ann: https://intranet.example.com/koom/#/s/{payload}"),
        1 => format!("https://x.example/#/s/{payload}/report"),
        2 => format!("Bob — #/s/{payload} (from the workshop)"),
        3 => format!("Cleo,https://x.example/#/s/{payload}"),
        4 => format!(
            "Dee | https://x.example/#/s/{}",
            text(&mutate(
                rng,
                Kind::Substitution,
                payload.as_bytes(),
                b"",
                ALPHABET
            ))
        ),
        5 => format!(
            "https://x.example/#/s/{}",
            &payload[..rng.below(payload.len())]
        ),
        6 => "not a link".into(),
        _ => " \t".into(),
    }
}

/// Valid pasted texts: a few lines each, names, blank lines, sentences after a link.
fn valid_pasted(links: &[Link]) -> Vec<String> {
    let p = |i: usize| &links[i % links.len()].payload;
    vec![
        format!(
            "Ann: https://intranet.example.com/koom/#/s/{}\n\nhttps://x.example/#/s/{}/report\nnot a link\nBob — #/s/{} (from the workshop)\n",
            p(0),
            p(1),
            p(2)
        ),
        format!("https://x.example/#/s/{}\r\nCleo https://x.example/#/s/{}", p(3), p(4)),
        format!("Dee: #/s/{}", p(5)),
    ]
}

/// What reading pasted text must give: one entry per non-blank line, in order (a link mended
/// across wrapped lines is one entry for them all), each shown in
/// 60 characters at most; a line without a link says why with a message; a link opens (only
/// the valid ones) or is refused with a message.
pub fn check_pasted(kind: Kind, pasted: &str, links: &[Link]) -> Result<String, String> {
    let entries = pasted_links(pasted);
    let lines: Vec<usize> = pasted
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, _)| i + 1)
        .collect();
    let numbers: Vec<usize> = entries.iter().map(|e| e.line).collect();
    if numbers.first() != lines.first() || numbers.iter().any(|n| !lines.contains(n)) {
        return Err(format!("entries for lines {numbers:?}, not {lines:?}"));
    }
    // A link wrapped over several lines (an e-mail's line wrap) is one entry when the mended
    // link passes every check: the lines it took are not entries of their own. Only such a
    // link may take lines, and what it opens is made of what they hold.
    let all: Vec<&str> = pasted.lines().collect();
    let payload_chars = |text: &str| -> String {
        text.chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect()
    };
    for (k, entry) in entries.iter().enumerate() {
        let next = entries.get(k + 1).map_or(all.len() + 1, |e| e.line);
        let Some(&last) = lines.iter().rfind(|&&n| n > entry.line && n < next) else {
            continue;
        };
        let Ok(payload) = &entry.payload else {
            return Err(format!(
                "line {} took lines up to {last} without a link that opens",
                entry.line
            ));
        };
        if !payload_chars(&all[entry.line - 1..last].concat()).contains(&payload_chars(payload)) {
            return Err(format!(
                "line {} took lines up to {last} but opened a link they do not hold",
                entry.line
            ));
        }
    }
    // The lines made of pieces hold valid links and changed ones, none sealed again.
    let made = if kind == Kind::RandomSymbols {
        Kind::SeveralChanges
    } else {
        kind
    };
    let mut opened = 0;
    for entry in &entries {
        if entry.shown.chars().count() > 60 {
            return Err(format!(
                "line {} shown in more than 60 characters",
                entry.line
            ));
        }
        if entry
            .name
            .as_deref()
            .is_some_and(|n| n.is_empty() || n != n.trim())
        {
            return Err(format!("line {} named {:?}", entry.line, entry.name));
        }
        match &entry.payload {
            Err(e) => {
                refused(e)?;
            }
            Ok(payload) => {
                let outcome = check_link(made, payload, links)?;
                if outcome == "a valid link" || outcome == "opened" {
                    opened += 1;
                }
            }
        }
    }
    Ok(match (opened, entries.len()) {
        (_, 0) => "no line".into(),
        (0, _) => "no link opened".into(),
        (o, n) if o == n => "every link opened".into(),
        _ => "some links opened".into(),
    })
}

/// `inputs` pasted texts read as the team view reads them, every link opened.
pub fn pasted(seed: u64, inputs: u64) -> Tally {
    let links = valid_links();
    let own = [Kind::RandomBytes, Kind::RandomSymbols];
    let make = |rng: &mut Rng, kind: Kind, _: usize, _: usize| match kind {
        Kind::RandomBytes => random_bytes(rng, 200),
        _ => {
            let lines: Vec<String> = (0..rng.below(6))
                .map(|_| pasted_line(rng, &links))
                .collect();
            lines
                .join(if rng.below(2) == 0 { "\n" } else { "\r\n" })
                .into_bytes()
        }
    };
    let valid = valid_pasted(&links);
    let check = |kind: Kind, input: &[u8]| check_pasted(kind, &text(input), &links);
    drive(seed, inputs, &own, &valid, PASTED_SYMBOLS, make, check)
}

// ---- JSON: files and records ----------------------------------------------------------------

/// What JSON text holds.
const JSON_SYMBOLS: &[u8] =
    b"{}[]\":,.-+0123456789eE\\/ntrufalsxyz_ \n\t\x00\x7F\xC3\xA9\xF0\x9F\xA6\x9D";

/// Strings a mutated document may hold where another value was: formats, versions, answers,
/// dates, model ids, texts at and over their limits.
fn interesting_string(rng: &mut Rng) -> String {
    match rng.below(16) {
        0 => String::new(),
        1 => "1.0".into(),
        2 => "2.0".into(),
        3 => "koom-readiness/assessment".into(),
        4 => "koom-readiness/team".into(),
        5 => "team".into(),
        6 => (*rng.pick(&["yes", "no", "not_sure", "seen", "not_seen", "maybe"])).into(),
        7 => "2026-11-24".into(),
        8 => rng
            .pick(&all_questions().map(|q| q.id).collect::<Vec<_>>())
            .to_string(),
        9 => rng.pick(&DEPLOYMENT_STEPS).id.into(),
        10 => rng.pick(&STABILITY_SIGNS).id.into(),
        11 => "step.pilot.department_chosen".into(),
        12 => "a".repeat(1 + rng.below(300)),
        13 => "é".repeat(20_001),
        14 => "Respondent 2".into(),
        _ => "Ann".into(),
    }
}

/// A value a mutated document may hold where another was.
fn interesting_value(rng: &mut Rng) -> Json {
    const NUMBERS: [&str; 14] = [
        "0",
        "1",
        "2",
        "3",
        "4",
        "-1",
        "1.5",
        "1e2",
        "500",
        "501",
        "4294967296",
        "18446744073709551616",
        "1700000000000.0",
        "-0",
    ];
    match rng.below(8) {
        0 => Json::Null,
        1 => Json::Bool(rng.below(2) == 0),
        2 => Json::Number((*rng.pick(&NUMBERS)).into()),
        3 => Json::Array(vec![]),
        4 => Json::Object(vec![]),
        _ => Json::String(interesting_string(rng)),
    }
}

/// How many values a document holds (itself and everything in it).
fn values(v: &Json) -> usize {
    1 + match v {
        Json::Array(items) => items.iter().map(values).sum(),
        Json::Object(members) => members.iter().map(|(_, v)| values(v)).sum(),
        _ => 0,
    }
}

/// The `k`-th value of a document, depth first (`k` below `values(v)`).
fn nth(v: &mut Json, k: usize) -> &mut Json {
    if k == 0 {
        return v;
    }
    let mut k = k - 1;
    let children: Vec<&mut Json> = match v {
        Json::Array(items) => items.iter_mut().collect(),
        Json::Object(members) => members.iter_mut().map(|(_, v)| v).collect(),
        _ => vec![],
    };
    for child in children {
        let n = values(child);
        if k < n {
            return nth(child, k);
        }
        k -= n;
    }
    unreachable!("k is below the number of values")
}

/// One change of a document's values: a value replaced (by another kind, or by a value of
/// the other document), a member or item removed or repeated (a key twice is an error of its
/// own), a key renamed or added; then written compact or indented.
fn mutate_tree(rng: &mut Rng, doc: &Json, other: &Json) -> String {
    let mut doc = doc.clone();
    let at = rng.below(values(&doc));
    let graft = {
        let mut other = other.clone();
        let k = rng.below(values(&other));
        nth(&mut other, k).clone()
    };
    let v = nth(&mut doc, at);
    match (rng.below(4), v) {
        (0, v) => *v = graft,
        (1, Json::Object(members)) if !members.is_empty() => {
            let i = rng.below(members.len());
            match rng.below(4) {
                0 => {
                    members.remove(i);
                }
                1 => {
                    let again = members[i].clone();
                    members.insert(rng.below(members.len() + 1), again);
                }
                2 => members[i].0 = interesting_string(rng),
                _ => members.push((interesting_string(rng), interesting_value(rng))),
            }
        }
        (1, Json::Array(items)) if !items.is_empty() => {
            let i = rng.below(items.len());
            if rng.below(2) == 0 {
                items.remove(i);
            } else {
                let again = items[i].clone();
                items.insert(rng.below(items.len() + 1), again);
            }
        }
        (_, v) => *v = interesting_value(rng),
    }
    if rng.below(2) == 0 {
        doc.to_compact()
    } else {
        doc.to_pretty()
    }
}

/// `inputs` of the kinds for JSON text made from `valid` (random bytes and JSON symbols,
/// changes of bytes, changes of values), each judged by `judge`.
fn json_inputs(
    seed: u64,
    inputs: u64,
    valid: &[String],
    judge: impl Fn(&[u8]) -> Result<String, String>,
) -> Tally {
    let trees: Vec<Json> = valid
        .iter()
        .map(|t| parse_json(t).expect("a valid encoding is JSON"))
        .collect();
    let own = [
        Kind::RandomBytes,
        Kind::RandomSymbols,
        Kind::Tree,
        Kind::Tree,
    ];
    let make = |rng: &mut Rng, kind: Kind, a: usize, b: usize| match kind {
        Kind::RandomBytes => random_bytes(rng, 200),
        Kind::RandomSymbols => random_symbols(rng, JSON_SYMBOLS, 200),
        _ => mutate_tree(rng, &trees[a], &trees[b]).into_bytes(),
    };
    let check = |_: Kind, input: &[u8]| judge(input);
    drive(seed, inputs, &own, valid, JSON_SYMBOLS, make, check)
}

/// When a file or a record says it was written.
const EXPORTED_AT: &str = "2026-11-24T09:30:00.000Z";
/// "Now", for the decoders that stamp what they migrate.
const NOW: u64 = 1_764_000_000_000;

/// A small assessment: a few answers, a ticked item, a note.
fn small() -> Assessment {
    let mut a = Assessment::new("Acme", "Ann");
    a.set_answer("precondition.coe.training_owner", Some(Answer::Yes));
    a.set_answer("red_flag.no_time_for_structure", Some(Answer::No));
    a.checklist.insert("step.coe.design_workflows".into());
    a.set_note("precondition.coe", "CoE since May.");
    a
}

/// A team of three: two named, one anonymous.
fn team() -> Team {
    let mut team = Team::new("Acme leadership, March");
    team.add(Respondent::new(Some("Ann"), small())).unwrap();
    team.add(Respondent::new(Some("Bob"), non_ascii())).unwrap();
    team.add(Respondent::new(None, Assessment::new("Acme", "")))
        .unwrap();
    team.agreement
        .agree("maturity.truth.audit_uncensored", Some(Answer::No))
        .unwrap();
    team.agreement
        .dissent(
            "maturity.truth.audit_uncensored",
            "Bøb",
            "Audits “are” read",
        )
        .unwrap();
    team.agreement.saved_as = Some("19b3-0a1b2c3d".into());
    team
}

/// Checks of an assessment an import took: only the model's ids, within the limits.
fn check_imported(a: &Assessment, what: &str) -> Result<(), String> {
    let unknown = unknown_ids(a);
    if !unknown.is_empty() {
        return Err(format!(
            "{what} taken with ids the model lacks: {unknown:?}"
        ));
    }
    match over_limit(a) {
        Some(over) => Err(format!("{what} taken over a limit: {over:?}")),
        None => Ok(()),
    }
}

/// Valid files of both kinds, as the exports write them (and an assessment file of version 1).
fn valid_files() -> Vec<String> {
    let mut files: Vec<String> = [
        Assessment::default(),
        small(),
        raccoons_inc(),
        with_iterations(),
        non_ascii(),
    ]
    .iter()
    .map(|a| encode_file(a, EXPORTED_AT))
    .collect();
    files.push(files[1].replacen("\"version\": 2", "\"version\": 1", 1));
    files.push(encode_team_file(&team(), EXPORTED_AT));
    files.push(encode_team_file(&Team::new(""), EXPORTED_AT));
    for f in &files {
        assert!(decode_any_file(f.as_bytes()).is_ok(), "a valid file: {f}");
    }
    files
}

/// What importing a file must give, read as its bytes: an assessment file opens as an
/// assessment with the model's ids only and within the limits, which exported again opens the
/// same; a team file likewise, respondent by respondent, at most 500 of them; the import that
/// takes either kind agrees with the decoder of each; the decoder of text agrees with the
/// decoder of bytes; a refusal has a message.
pub fn check_file(bytes: &[u8]) -> Result<String, String> {
    let assessment = decode_file_bytes(bytes);
    let text = std::str::from_utf8(bytes).ok();
    if let Some(text) = text {
        if decode_file(text) != assessment {
            return Err("decode_file and decode_file_bytes disagree".into());
        }
    }
    let team = text.map(decode_team_file);
    let any = decode_any_file(bytes);
    match &assessment {
        Ok(a) => {
            check_imported(a, "an assessment file")?;
            if decode_file(&encode_file(a, EXPORTED_AT)).as_ref() != Ok(a) {
                return Err("an assessment file taken does not export to itself".into());
            }
        }
        Err(e) => {
            refused(e)?;
        }
    }
    match &team {
        Some(Ok(t)) => {
            if t.respondents.len() > MAX_RESPONDENTS {
                return Err(format!(
                    "a team file taken with {} respondents",
                    t.respondents.len()
                ));
            }
            let names = t.respondents.iter().filter_map(|r| r.name.as_deref());
            if std::iter::once(t.title.as_str())
                .chain(names)
                .any(|n| n.chars().count() > TextKind::Name.max_chars())
            {
                return Err("a team file taken with a name over its limit".into());
            }
            for r in &t.respondents {
                check_imported(&r.assessment, "a team file's respondent")?;
            }
            if decode_team_file(&encode_team_file(t, EXPORTED_AT)).as_ref() != Ok(t) {
                return Err("a team file taken does not export to itself".into());
            }
        }
        Some(Err(e)) => {
            refused(e)?;
        }
        None => {}
    }
    let expected = match (&assessment, &team) {
        (Ok(a), _) => Some(ImportedFile::Assessment(Box::new(a.clone()))),
        (_, Some(Ok(t))) => Some(ImportedFile::Team(t.clone())),
        _ => None,
    };
    if any.as_ref().ok() != expected.as_ref() {
        return Err("decode_any_file disagrees with the decoder of the file's kind".into());
    }
    match any {
        Ok(ImportedFile::Assessment(_)) => Ok("assessment".into()),
        Ok(ImportedFile::Team(_)) => Ok("team".into()),
        Err(e) => refused(&e),
    }
}

/// `inputs` files imported as the app imports them (assessment and team files).
pub fn files(seed: u64, inputs: u64) -> Tally {
    json_inputs(seed, inputs, &valid_files(), check_file)
}

/// Valid records of every kind a browser's storage holds: assessment records of schema 3
/// (written by `encode_saved`), 2 and 1 (the older layouts) and 4 (a newer version's), team
/// records (current, with an agreement; older; newer), sessions.
fn valid_records() -> Vec<String> {
    let saved = |a: Assessment| SavedAssessment {
        schema: SCHEMA_VERSION,
        id: "19b3-0a1b2c3d".into(),
        revision: 7,
        updated_at: NOW,
        assessment: a,
    };
    let current = encode_saved(&saved(raccoons_inc()));
    let small_record = encode_saved(&saved(small()));
    let with_schema = |record: &str, schema: &str| {
        let mut v = parse_json(record).unwrap();
        if let Json::Object(members) = &mut v {
            members[0].1 = Json::Number(schema.into());
        }
        v.to_compact()
    };
    let assessment_json = match parse_json(&small_record).unwrap() {
        Json::Object(members) => {
            members
                .into_iter()
                .find(|(k, _)| k == "assessment")
                .unwrap()
                .1
        }
        _ => unreachable!("a record is an object"),
    };
    let v1 = Json::Object(vec![
        ("schema".into(), Json::Number("1".into())),
        ("view".into(), Json::String("report".into())),
        ("assessment".into(), assessment_json),
    ])
    .to_compact();
    let team_record = encode_saved_team(&SavedTeam {
        schema: TEAM_SCHEMA_VERSION,
        id: "t-19b3".into(),
        revision: 2,
        updated_at: NOW,
        team: team(),
    });
    vec![
        with_schema(&small_record, "2"),
        with_schema(&current, "4"),
        with_schema(&small_record, "4"),
        with_schema(&team_record, &(TEAM_SCHEMA_VERSION + 1).to_string()),
        with_schema(&team_record, "1"),
        current,
        small_record,
        v1,
        team_record,
        encode_session(Some("19b3-0a1b2c3d"), "report"),
        encode_session(None, "start"),
    ]
}

/// A record's refusal: its message, and for an unreadable one the reason, say something.
fn record_refused<R: std::fmt::Debug>(e: &RecordError<R>) -> Result<String, String> {
    if let RecordError::Unreadable { reason } = e {
        if reason.trim().is_empty() {
            return Err(format!("{e:?} gives no reason"));
        }
    }
    refused(e)
}

/// What reading a stored record must give, whichever reader reads it (the app reads what is
/// under a key, whatever wrote it): a record taken writes back to itself; a newer one is
/// named as newer; a refusal has a message and a reason.
pub fn check_record(raw: &str) -> Result<String, String> {
    let saved = decode_saved(raw, "fallback-id", NOW);
    match &saved {
        Ok(r) if decode_saved(&encode_saved(r), "other-id", 1).as_ref() != Ok(r) => {
            return Err(format!(
                "an assessment record taken does not write back (id {:?})",
                r.id
            ))
        }
        Ok(_) => {}
        Err(RecordError::NewerSchema {
            schema,
            readable: Some(r),
        }) if r.schema != *schema || r.schema <= SCHEMA_VERSION => {
            return Err(format!(
                "a newer record of schema {schema} read as {}",
                r.schema
            ))
        }
        Err(e) => {
            record_refused(e)?;
        }
    }
    match migrate_v1(raw, "fallback-id", NOW) {
        Ok((r, _)) if r.schema != SCHEMA_VERSION => {
            return Err("a migrated record is not of the current schema".into())
        }
        Ok(_) => {}
        Err(e) => {
            record_refused(&e)?;
        }
    }
    let session = decode_session(raw);
    if let Some(s) = &session {
        let again = decode_session(&encode_session(s.open.as_deref(), &s.view));
        if s.schema > SCHEMA_VERSION
            || again.map(|a| (a.open, a.view)) != Some((s.open.clone(), s.view.clone()))
        {
            return Err(format!("a session taken does not write back: {s:?}"));
        }
    }
    let team = decode_saved_team(raw);
    match &team {
        Ok(r) if decode_saved_team(&encode_saved_team(r)).as_ref() != Ok(r) => {
            return Err(format!(
                "a team record taken does not write back (id {:?})",
                r.id
            ))
        }
        Ok(_) => {}
        Err(e) => {
            record_refused(e)?;
        }
    }
    if decode_newer_saved_team(raw).is_some_and(|r| r.schema <= TEAM_SCHEMA_VERSION) {
        return Err("a team record of this schema read as a newer one".into());
    }
    Ok(match (&saved, &team, session) {
        (Ok(_), _, _) => "assessment record".into(),
        (_, Ok(_), _) => "team record".into(),
        (Err(RecordError::NewerSchema { .. }), _, _) => "newer assessment record".into(),
        (_, Err(RecordError::NewerSchema { .. }), _) => "newer team record".into(),
        (_, _, Some(_)) => "session".into(),
        _ => "unreadable".into(),
    })
}

/// `inputs` stored records read by every reader of records.
pub fn records(seed: u64, inputs: u64) -> Tally {
    json_inputs(seed, inputs, &valid_records(), |bytes| {
        check_record(&text(bytes))
    })
}
