//! Every view has an address in the URL fragment (`#/…`), so Back and Forward move between
//! views, a view can be linked, and a reload shows what was on screen. The fragment never
//! reaches a server, which is also why a shared assessment can travel in it.
//!
//! Addresses:
//! - `#/` — the start screen (also an empty fragment);
//! - `#/a/<id>/<view>` — an assessment of this browser's library;
//! - `#/example/<view>` — the Raccoons Inc. example;
//! - `#/s/<payload>/<view>` — a shared assessment, carried whole by `<payload>`;
//! - `#/compare/<left>/<right>` — two assessments side by side, each `a:<id>`, `example` or
//!   `s:<payload>`;
//! - `#/team/<id>/<view>` — a team view of the library;
//! - `#/seed` or `#/seed/<section>` — the KOOM model's own text, at one of its sections.
//!
//! `<view>` is a view token (`preconditions`, `report`, …); when it is missing or unknown the
//! first section is shown. Ids and payloads use URL-safe characters only.

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
}

impl Source {
    fn token(&self) -> String {
        match self {
            Source::Saved(id) => format!("a:{id}"),
            Source::Example => "example".to_string(),
            Source::Shared(payload) => format!("s:{payload}"),
        }
    }

    fn parse(token: &str) -> Option<Source> {
        match token.split_once(':') {
            Some(("a", id)) if is_safe(id) => Some(Source::Saved(id.to_string())),
            Some(("s", payload)) if is_safe(payload) => Some(Source::Shared(payload.to_string())),
            None if token == "example" => Some(Source::Example),
            _ => None,
        }
    }
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
    /// Two assessments compared.
    Compare {
        /// The left side.
        left: Source,
        /// The right side.
        right: Source,
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
            ["compare", left, right] => match (Source::parse(left), Source::parse(right)) {
                (Some(left), Some(right)) => Route::Compare { left, right },
                _ => Route::Unknown(fragment.to_string()),
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
            Route::Start | Route::Unknown(_) => "#/".to_string(),
            Route::Saved { id, page } => format!("#/a/{id}/{}", page.token()),
            Route::Example { page } => format!("#/example/{}", page.token()),
            Route::Shared { payload, page } => format!("#/s/{payload}/{}", page.token()),
            Route::Compare { left, right } => {
                format!("#/compare/{}/{}", left.token(), right.token())
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
                left: Source::Saved("x1".into()),
                right: Source::Shared("p9".into()),
            },
            Route::Compare {
                left: Source::Example,
                right: Source::Saved("y".into()),
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
            Route::Unknown("#/compare/a:x".into())
        );
        assert_eq!(
            Route::parse("#/what/ever"),
            Route::Unknown("#/what/ever".into())
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
