//! Every view has an address in the URL fragment (`#/…`), so Back and Forward move between
//! views, a view can be linked, and a reload shows what was on screen. The fragment never
//! reaches a server, which is also why a shared assessment can travel in it.
//!
//! Addresses:
//! - `#/` — the start screen (also an empty fragment);
//! - `#/a/<id>/<view>` — an assessment of this browser's library;
//! - `#/example/<view>` — the Raccoons Inc. example;
//! - `#/s/<payload>/<view>` — a shared assessment, carried whole by `<payload>`;
//! - `#/compare/<first>/<second>[/<third>…]` — two to six assessments side by side
//!   ([`MAX_COMPARED`]), each `a:<id>`, `example` or `s:<payload>`, in the order shown;
//! - `#/team/<id>/<view>` — a team view of the library;
//! - `#/seed` or `#/seed/<section>` — the KOOM model's own text, at one of its sections.
//!
//! `<view>` is a view token (`preconditions`, `report`, …); when it is missing or unknown the
//! first section is shown. Ids and payloads use URL-safe characters only.

/// The fewest assessments a comparison shows (and its address names).
pub const MIN_COMPARED: usize = 2;

/// The most assessments one comparison shows: six columns still read on a laptop, and scroll
/// inside their own box on a phone.
pub const MAX_COMPARED: usize = 6;

/// A page of the app, independent of the framework that shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    /// Seed §2.
    Preconditions,
    /// Seed §3.
    Maturity,
    /// Seed §5.
    RedFlags,
    /// Seed §6.
    GreenFlags,
    /// Seed §4.
    Sequence,
    /// Seed §7.
    Stability,
    /// The report.
    Report,
}

impl Page {
    /// Every page, in the navigation's order.
    pub const ALL: [Page; 7] = [
        Page::Preconditions,
        Page::Maturity,
        Page::RedFlags,
        Page::GreenFlags,
        Page::Sequence,
        Page::Stability,
        Page::Report,
    ];

    /// The stable token used in addresses and the DOM.
    pub fn token(self) -> &'static str {
        match self {
            Page::Preconditions => "preconditions",
            Page::Maturity => "maturity",
            Page::RedFlags => "red-flags",
            Page::GreenFlags => "green-flags",
            Page::Sequence => "sequence",
            Page::Stability => "stability",
            Page::Report => "report",
        }
    }

    /// The page with this token.
    pub fn from_token(token: &str) -> Option<Page> {
        Page::ALL.into_iter().find(|p| p.token() == token)
    }
}

/// One side of a comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// An assessment of the library, by id.
    Saved(String),
    /// The Raccoons Inc. example.
    Example,
    /// A shared assessment, by its payload.
    Shared(String),
    /// One round (1-based) of an assessment of the library: a closed round, or the round in
    /// progress.
    Round(String, usize),
}

impl Source {
    /// Its part of a comparison's address: `a:<id>`, `example`, `s:<payload>` or
    /// `r:<id>:<round>`.
    pub fn token(&self) -> String {
        match self {
            Source::Saved(id) => format!("a:{id}"),
            Source::Example => "example".to_string(),
            Source::Shared(payload) => format!("s:{payload}"),
            Source::Round(id, round) => format!("r:{id}:{round}"),
        }
    }

    fn parse(token: &str) -> Option<Source> {
        match token.split_once(':') {
            Some(("a", id)) if is_safe(id) => Some(Source::Saved(id.to_string())),
            Some(("s", payload)) if is_safe(payload) => Some(Source::Shared(payload.to_string())),
            Some(("r", rest)) => {
                let (id, round) = rest.rsplit_once(':')?;
                let round = round.parse().ok().filter(|n| *n >= 1)?;
                is_safe(id).then(|| Source::Round(id.to_string(), round))
            }
            None if token == "example" => Some(Source::Example),
            _ => None,
        }
    }
}

/// Why a comparison's address cannot be shown (each said in plain words by
/// [`CompareAddressError::reason`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CompareAddressError {
    /// Fewer than two assessments named (how many).
    TooFew(usize),
    /// More than [`MAX_COMPARED`] assessments named (how many).
    TooMany(usize),
    /// A part that names no assessment: its place (counted from 1) and the part itself.
    NotAnAssessment(usize, String),
    /// The same assessment named twice: both places, counted from 1.
    Twice(usize, usize),
}

/// At most this many characters of an unreadable part are quoted back.
const QUOTED_PART: usize = 40;

impl CompareAddressError {
    /// Why, in words that complete "The comparison could not be shown: …".
    pub fn reason(&self) -> String {
        match self {
            CompareAddressError::TooFew(n) => {
                let named = match n {
                    0 => tr!("no assessment").to_string(),
                    1 => tr!("1 assessment").to_string(),
                    n => trf!("{n} assessments", n = n),
                };
                trf!(
                    "the address names {named}; a comparison needs {min} or more",
                    named = named,
                    min = MIN_COMPARED
                )
            }
            CompareAddressError::TooMany(n) => trf!(
                "the address names {n} assessments; one comparison shows at most {max}",
                n = n,
                max = MAX_COMPARED
            ),
            CompareAddressError::NotAnAssessment(place, part) => {
                let quoted: String = part.chars().take(QUOTED_PART).collect();
                let cut = if part.chars().count() > QUOTED_PART {
                    "…"
                } else {
                    ""
                };
                trf!(
                    "assessment {place} in the address (“{quoted}”) is not one KOOM Readiness can name",
                    place = place,
                    quoted = format!("{quoted}{cut}")
                )
            }
            CompareAddressError::Twice(first, second) => trf!(
                "the address names the same assessment twice (assessments {first} and {second})",
                first = first,
                second = second
            ),
        }
    }
}

/// Reads a comparison's parts: two to [`MAX_COMPARED`] assessments, each named once.
fn compared(parts: &[&str]) -> Result<Vec<Source>, CompareAddressError> {
    if parts.len() < MIN_COMPARED {
        return Err(CompareAddressError::TooFew(parts.len()));
    }
    if parts.len() > MAX_COMPARED {
        return Err(CompareAddressError::TooMany(parts.len()));
    }
    let mut sides: Vec<Source> = Vec::with_capacity(parts.len());
    for (i, part) in parts.iter().enumerate() {
        let side = Source::parse(part)
            .ok_or_else(|| CompareAddressError::NotAnAssessment(i + 1, part.to_string()))?;
        if let Some(first) = sides.iter().position(|s| *s == side) {
            return Err(CompareAddressError::Twice(first + 1, i + 1));
        }
        sides.push(side);
    }
    Ok(sides)
}

/// Where the app is: what is open and which page of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// The start screen.
    Start,
    /// An assessment of the library.
    Saved {
        /// Its library id.
        id: String,
        /// The page.
        page: Page,
    },
    /// The Raccoons Inc. example.
    Example {
        /// The page.
        page: Page,
    },
    /// A shared assessment.
    Shared {
        /// The share-link payload that carries it.
        payload: String,
        /// The page.
        page: Page,
    },
    /// Two to [`MAX_COMPARED`] assessments compared.
    Compare {
        /// The sides, in the order shown.
        sides: Vec<Source>,
    },
    /// A comparison's address that cannot be shown (kept, so the app can say why).
    BadCompare {
        /// The address.
        fragment: String,
        /// Why it cannot be shown.
        error: CompareAddressError,
    },
    /// A team view of the library.
    Team {
        /// Its library id.
        id: String,
    },
    /// An assessment kept in memory only (storage unavailable): it has no address that
    /// survives a reload.
    Memory {
        /// The page.
        page: Page,
    },
    /// The KOOM model's own text (the seed), at one of its numbered sections.
    Seed {
        /// The section to show first, if one is named.
        section: Option<u8>,
    },
    /// An address this version does not know (kept, so the app can say so).
    Unknown(String),
}

/// Characters an id or a payload may hold: letters, digits, `-`, `_`, `.`, `~`.
fn is_safe(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~'))
}

fn page(token: Option<&str>) -> Page {
    token
        .and_then(Page::from_token)
        .unwrap_or(Page::Preconditions)
}

impl Route {
    /// Reads a fragment (with or without its leading `#`).
    pub fn parse(fragment: &str) -> Route {
        let path = fragment.trim_start_matches('#');
        let path = path.strip_prefix('/').unwrap_or(path);
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        match parts.as_slice() {
            [] => Route::Start,
            ["a", id, rest @ ..] if is_safe(id) && rest.len() <= 1 => Route::Saved {
                id: id.to_string(),
                page: page(rest.first().copied()),
            },
            ["example", rest @ ..] if rest.len() <= 1 => Route::Example {
                page: page(rest.first().copied()),
            },
            ["s", payload, rest @ ..] if is_safe(payload) && rest.len() <= 1 => Route::Shared {
                payload: payload.to_string(),
                page: page(rest.first().copied()),
            },
            ["compare", parts @ ..] => match compared(parts) {
                Ok(sides) => Route::Compare { sides },
                Err(error) => Route::BadCompare {
                    fragment: fragment.to_string(),
                    error,
                },
            },
            ["team", id] if is_safe(id) => Route::Team { id: id.to_string() },
            ["seed"] => Route::Seed { section: None },
            ["seed", n] => match n.parse::<u8>() {
                Ok(section) => Route::Seed {
                    section: Some(section),
                },
                Err(_) => Route::Unknown(fragment.to_string()),
            },
            ["memory", rest @ ..] if rest.len() <= 1 => Route::Memory {
                page: page(rest.first().copied()),
            },
            _ => Route::Unknown(fragment.to_string()),
        }
    }

    /// The fragment of this route, with its leading `#`.
    pub fn fragment(&self) -> String {
        match self {
            Route::Start | Route::Unknown(_) | Route::BadCompare { .. } => "#/".to_string(),
            Route::Saved { id, page } => format!("#/a/{id}/{}", page.token()),
            Route::Example { page } => format!("#/example/{}", page.token()),
            Route::Shared { payload, page } => format!("#/s/{payload}/{}", page.token()),
            Route::Compare { sides } => {
                let parts: Vec<String> = sides.iter().map(Source::token).collect();
                format!("#/compare/{}", parts.join("/"))
            }
            Route::Team { id } => format!("#/team/{id}"),
            Route::Seed { section: None } => "#/seed".to_string(),
            Route::Seed { section: Some(n) } => format!("#/seed/{n}"),
            Route::Memory { page } => format!("#/memory/{}", page.token()),
        }
    }

    /// The page shown, if the route shows one assessment.
    pub fn page(&self) -> Option<Page> {
        match self {
            Route::Saved { page, .. }
            | Route::Example { page }
            | Route::Shared { page, .. }
            | Route::Memory { page } => Some(*page),
            _ => None,
        }
    }

    /// The same route on another page (a route without pages is returned unchanged).
    pub fn with_page(&self, new: Page) -> Route {
        match self.clone() {
            Route::Saved { id, .. } => Route::Saved { id, page: new },
            Route::Example { .. } => Route::Example { page: new },
            Route::Shared { payload, .. } => Route::Shared { payload, page: new },
            Route::Memory { .. } => Route::Memory { page: new },
            other => other,
        }
    }

    /// Whether two routes show the same thing (maybe on different pages): moving between them
    /// changes the page only, never what is open.
    pub fn same_subject(&self, other: &Route) -> bool {
        self.with_page(Page::Preconditions) == other.with_page(Page::Preconditions)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_reads_back_from_its_fragment() {
        let routes = [
            Route::Start,
            Route::Saved {
                id: "19b3-0a1b2c3d".into(),
                page: Page::Report,
            },
            Route::Example {
                page: Page::Stability,
            },
            Route::Shared {
                payload: "AbC123-_x".into(),
                page: Page::RedFlags,
            },
            Route::Compare {
                sides: vec![Source::Saved("x1".into()), Source::Shared("p9".into())],
            },
            Route::Compare {
                sides: vec![Source::Example, Source::Saved("y".into())],
            },
            Route::Compare {
                sides: vec![
                    Source::Saved("r1".into()),
                    Source::Saved("r2".into()),
                    Source::Example,
                    Source::Shared("p9".into()),
                ],
            },
            Route::Team { id: "t1".into() },
            Route::Seed { section: None },
            Route::Seed { section: Some(7) },
            Route::Memory {
                page: Page::GreenFlags,
            },
        ];
        for r in routes {
            assert_eq!(Route::parse(&r.fragment()), r, "{}", r.fragment());
        }
    }

    #[test]
    fn empty_missing_and_unknown_parts() {
        assert_eq!(Route::parse(""), Route::Start);
        assert_eq!(Route::parse("#"), Route::Start);
        assert_eq!(Route::parse("#/"), Route::Start);
        assert_eq!(
            Route::parse("#/a/abc"),
            Route::Saved {
                id: "abc".into(),
                page: Page::Preconditions
            }
        );
        assert_eq!(
            Route::parse("#/example/nonsense"),
            Route::Example {
                page: Page::Preconditions
            }
        );
        assert_eq!(
            Route::parse("#/a/bad%20id/report"),
            Route::Unknown("#/a/bad%20id/report".into())
        );
        assert_eq!(
            Route::parse("#/compare/a:x"),
            Route::BadCompare {
                fragment: "#/compare/a:x".into(),
                error: CompareAddressError::TooFew(1)
            }
        );
        assert_eq!(
            Route::parse("#/what/ever"),
            Route::Unknown("#/what/ever".into())
        );
    }

    /// Addresses made before comparisons took more than two sides read exactly as before.
    #[test]
    fn a_two_side_address_reads_as_it_always_did() {
        let fragment = "#/compare/example/a:19b3-0a1b2c3d";
        let route = Route::parse(fragment);
        assert_eq!(
            route,
            Route::Compare {
                sides: vec![Source::Example, Source::Saved("19b3-0a1b2c3d".into())]
            }
        );
        assert_eq!(route.fragment(), fragment);
    }

    #[test]
    fn rounds_of_one_assessment_are_compared_by_address() {
        let fragment = "#/compare/r:19b3-0a1b2c3d:1/r:19b3-0a1b2c3d:3";
        let route = Route::parse(fragment);
        assert_eq!(
            route,
            Route::Compare {
                sides: vec![
                    Source::Round("19b3-0a1b2c3d".into(), 1),
                    Source::Round("19b3-0a1b2c3d".into(), 3)
                ]
            }
        );
        assert_eq!(route.fragment(), fragment);
        for bad in ["r:19b3:0", "r:19b3:x", "r:19b3", "r::2", "r:a/b:2"] {
            assert_eq!(Source::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_comparison_address_that_cannot_be_shown_says_why() {
        let error = |fragment: &str| match Route::parse(fragment) {
            Route::BadCompare { error, .. } => error,
            other => panic!("{fragment}: {other:?}"),
        };
        assert_eq!(error("#/compare"), CompareAddressError::TooFew(0));
        assert_eq!(error("#/compare/example"), CompareAddressError::TooFew(1));
        let seven: Vec<String> = (1..=MAX_COMPARED + 1).map(|i| format!("a:r{i}")).collect();
        let too_many = format!("#/compare/{}", seven.join("/"));
        assert_eq!(
            error(&too_many),
            CompareAddressError::TooMany(MAX_COMPARED + 1)
        );
        let six = format!("#/compare/{}", seven[..MAX_COMPARED].join("/"));
        assert!(
            matches!(Route::parse(&six), Route::Compare { ref sides } if sides.len() == MAX_COMPARED)
        );
        assert_eq!(
            error("#/compare/example/a:x/b:y"),
            CompareAddressError::NotAnAssessment(3, "b:y".into())
        );
        assert_eq!(
            error("#/compare/a:x/example/a:x"),
            CompareAddressError::Twice(1, 3)
        );
        assert_eq!(
            error("#/compare/example/example"),
            CompareAddressError::Twice(1, 2)
        );
        // Nothing of it is kept as an address of the screen.
        assert_eq!(Route::parse("#/compare/example").fragment(), "#/");
    }

    #[test]
    fn each_reason_is_plain_words() {
        assert_eq!(
            CompareAddressError::Twice(1, 3).reason(),
            "the address names the same assessment twice (assessments 1 and 3)"
        );
        assert_eq!(
            CompareAddressError::TooMany(7).reason(),
            "the address names 7 assessments; one comparison shows at most 6"
        );
        assert_eq!(
            CompareAddressError::TooFew(1).reason(),
            "the address names 1 assessment; a comparison needs 2 or more"
        );
        assert_eq!(
            CompareAddressError::NotAnAssessment(3, "b:y".into()).reason(),
            "assessment 3 in the address (“b:y”) is not one KOOM Readiness can name"
        );
        let long = "x".repeat(100);
        assert_eq!(
            CompareAddressError::NotAnAssessment(2, long).reason(),
            format!(
                "assessment 2 in the address (“{}…”) is not one KOOM Readiness can name",
                "x".repeat(QUOTED_PART)
            )
        );
    }

    #[test]
    fn changing_the_page_keeps_the_subject() {
        let r = Route::Saved {
            id: "a".into(),
            page: Page::Maturity,
        };
        assert_eq!(r.with_page(Page::Report).fragment(), "#/a/a/report");
        assert!(r.same_subject(&r.with_page(Page::Report)));
        assert!(!r.same_subject(&Route::Example {
            page: Page::Maturity
        }));
    }
}
