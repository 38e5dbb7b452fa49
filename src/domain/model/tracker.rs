//! The organisation's issue tracker, given once per assessment, so that each plan item can open
//! the tracker's own new-issue form pre-filled ("Open as a new issue"). Only the project's
//! address is kept: no token, and the page never sends a request to it.

use std::fmt;

/// The longest tracker address kept.
pub const MAX_TRACKER_ADDRESS: usize = 300;

/// Which tracker's new-issue form the links open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum TrackerKind {
    /// GitHub (github.com or GitHub Enterprise Server).
    GitHub,
    /// GitLab (gitlab.com or a self-managed instance).
    GitLab,
}

impl TrackerKind {
    /// Every kind, in the order the picker offers them.
    pub const ALL: [TrackerKind; 2] = [TrackerKind::GitHub, TrackerKind::GitLab];

    /// The stable token in files and the DOM.
    pub fn token(self) -> &'static str {
        match self {
            TrackerKind::GitHub => "github",
            TrackerKind::GitLab => "gitlab",
        }
    }

    /// The kind with this token.
    pub fn from_token(token: &str) -> Option<TrackerKind> {
        TrackerKind::ALL.into_iter().find(|k| k.token() == token)
    }

    /// Its name.
    pub fn label(self) -> &'static str {
        match self {
            TrackerKind::GitHub => "GitHub",
            TrackerKind::GitLab => "GitLab",
        }
    }

    /// An example of a project's address.
    pub fn example(self) -> &'static str {
        match self {
            TrackerKind::GitHub => "https://github.com/acme/koom-rollout",
            TrackerKind::GitLab => "https://gitlab.com/acme/koom/rollout",
        }
    }

    /// The kind a host's name suggests (`github.com`, `gitlab.acme.example`), if it does.
    pub fn guess(address: &str) -> Option<TrackerKind> {
        let lower = address.to_ascii_lowercase();
        let rest = lower.split_once("://").map_or(lower.as_str(), |(_, r)| r);
        let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
        if host.contains("github") {
            Some(TrackerKind::GitHub)
        } else if host.contains("gitlab") {
            Some(TrackerKind::GitLab)
        } else {
            None
        }
    }
}

/// A tracker project: its kind and its address, normalised (`https://github.com/acme/rollout`:
/// the scheme given or https, the host, the project's path; no query, fragment or trailing
/// slash).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tracker {
    /// Which tracker it is.
    pub kind: TrackerKind,
    /// The project's address.
    pub project: String,
}

/// Why a tracker address was refused. Nothing is changed when it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TrackerError {
    /// No address was given.
    Empty,
    /// Longer than [`MAX_TRACKER_ADDRESS`] characters.
    TooLong(usize),
    /// A scheme other than http or https (`javascript:`, `ftp:`).
    Scheme(String),
    /// No host, or a host with characters a host name does not have (or a user name before
    /// it).
    Host(String),
    /// The path does not name a project of this kind.
    Project {
        /// The kind chosen.
        kind: TrackerKind,
        /// The address given.
        address: String,
    },
}

impl fmt::Display for TrackerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TrackerError::Empty => f.write_str(tr!("Give your tracker project's address first.")),
            TrackerError::TooLong(n) => f.write_str(&trf!(
                "The address is {n} characters long; a tracker project's address is at most {max}. Nothing was changed.",
                n = n,
                max = MAX_TRACKER_ADDRESS
            )),
            TrackerError::Scheme(scheme) => f.write_str(&trf!(
                "Only http:// and https:// addresses are kept, not “{scheme}:”. Nothing was changed.",
                scheme = scheme
            )),
            TrackerError::Host(address) => f.write_str(&trf!(
                "“{address}” has no usable host name (such as github.com). Nothing was changed.",
                address = address
            )),
            TrackerError::Project { kind, address } => f.write_str(&trf!(
                "“{address}” is not the address of a {tracker} project: it should look like {example}. Nothing was changed.",
                address = address,
                tracker = kind.label(),
                example = kind.example()
            )),
        }
    }
}

/// Whether a path segment is one a project's path has (letters, digits, `.`, `_`, `-`, `~`).
fn plain_segment(s: &str) -> bool {
    !s.is_empty()
        && s != "."
        && s != ".."
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '~'))
}

impl Tracker {
    /// Reads the address of a project of `kind`: a project's page, its issues page or its
    /// clone address all give the project (`https://github.com/acme/rollout/issues?q=x` →
    /// `https://github.com/acme/rollout`); without a scheme, https is assumed.
    pub fn parse(kind: TrackerKind, address: &str) -> Result<Tracker, TrackerError> {
        let address = address.trim();
        if address.is_empty() {
            return Err(TrackerError::Empty);
        }
        let length = address.chars().count();
        if length > MAX_TRACKER_ADDRESS {
            return Err(TrackerError::TooLong(length));
        }
        // "://" counts only before any path or query ("github.com/a/b?next=https://x").
        let explicit = address
            .split_once("://")
            .filter(|(scheme, _)| !scheme.contains(['/', '?', '#']));
        let (scheme, rest) = match explicit {
            // A clone address over SSH names the same project on the web.
            Some((scheme, rest)) if scheme.eq_ignore_ascii_case("ssh") => {
                let rest = rest.split_once('@').map_or(rest, |(_, r)| r);
                let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
                let host = host.split(':').next().unwrap_or_default();
                return Tracker::parse(kind, &format!("https://{host}/{path}"));
            }
            Some((scheme, rest)) => (scheme.to_ascii_lowercase(), rest),
            None => {
                let head = address.split('/').next().unwrap_or_default();
                match head.split_once(':') {
                    // "git@github.com:acme/rollout.git", the clone address over SSH.
                    Some((user_host, _)) if user_host.contains('@') => {
                        let host = user_host.rsplit('@').next().unwrap_or_default();
                        let path = &address[head.find(':').map_or(0, |i| i + 1)..];
                        return Tracker::parse(kind, &format!("https://{host}/{path}"));
                    }
                    // "javascript:…", "mailto:…": a scheme without "//"; "host:8080/…" is a port.
                    Some((scheme, port))
                        if port.is_empty() || !port.bytes().all(|b| b.is_ascii_digit()) =>
                    {
                        return Err(TrackerError::Scheme(scheme.to_string()))
                    }
                    _ => ("https".to_string(), address),
                }
            }
        };
        if scheme != "http" && scheme != "https" {
            return Err(TrackerError::Scheme(scheme));
        }
        let rest = rest.split(['?', '#']).next().unwrap_or_default();
        let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
        let (name, port) = host.split_once(':').unwrap_or((host, ""));
        let host_ok = !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-'))
            && (!host.contains(':')
                || (!port.is_empty()
                    && port.len() <= 5
                    && port.bytes().all(|b| b.is_ascii_digit())));
        if !host_ok {
            return Err(TrackerError::Host(address.to_string()));
        }
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        let project: Vec<&str> = match kind {
            TrackerKind::GitHub => segments.iter().take(2).copied().collect(),
            TrackerKind::GitLab => segments
                .iter()
                .take_while(|s| **s != "-")
                .copied()
                .collect(),
        };
        let refused = || TrackerError::Project {
            kind,
            address: address.to_string(),
        };
        // Pages of an organisation, a group or the site itself, which hold no project's issues.
        let not_a_project: &[&str] = match kind {
            TrackerKind::GitHub => &[
                "orgs",
                "organizations",
                "users",
                "settings",
                "enterprises",
                "marketplace",
                "notifications",
                "explore",
                "topics",
                "search",
                "sponsors",
                "login",
                "new",
            ],
            TrackerKind::GitLab => &[
                "groups",
                "dashboard",
                "users",
                "admin",
                "explore",
                "help",
                "profile",
                "search",
                "projects",
            ],
        };
        if project
            .first()
            .is_some_and(|first| not_a_project.contains(&first.to_ascii_lowercase().as_str()))
        {
            return Err(refused());
        }
        if project.len() < 2 || !project.iter().all(|s| plain_segment(s)) {
            return Err(refused());
        }
        let mut path = project.join("/");
        if let Some(stripped) = path.strip_suffix(".git") {
            path = stripped.to_string();
        }
        if path.ends_with('/') || path.split('/').any(|s| !plain_segment(s)) {
            return Err(refused());
        }
        Ok(Tracker {
            kind,
            project: format!("{scheme}://{}/{path}", host.to_ascii_lowercase()),
        })
    }

    /// The project's name as its tracker shows it (`acme/rollout`).
    pub fn name(&self) -> &str {
        self.project
            .split_once("://")
            .and_then(|(_, rest)| rest.split_once('/'))
            .map_or(self.project.as_str(), |(_, path)| path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn github(address: &str) -> Result<String, TrackerError> {
        Tracker::parse(TrackerKind::GitHub, address).map(|t| t.project)
    }

    fn gitlab(address: &str) -> Result<String, TrackerError> {
        Tracker::parse(TrackerKind::GitLab, address).map(|t| t.project)
    }

    #[test]
    fn a_project_page_an_issues_page_and_a_clone_address_all_give_the_project() {
        for address in [
            "https://github.com/acme/rollout",
            "https://github.com/acme/rollout/",
            "https://GitHub.com/acme/rollout/issues?q=is%3Aopen#top",
            "github.com/acme/rollout",
            "https://github.com/acme/rollout.git",
            "  https://github.com/acme/rollout/pulls  ",
            "git@github.com:acme/rollout.git",
            "ssh://git@github.com/acme/rollout.git",
            "ssh://git@github.com:22/acme/rollout",
            "github.com/acme/rollout?next=https://elsewhere.example/x",
        ] {
            assert_eq!(
                github(address).unwrap(),
                "https://github.com/acme/rollout",
                "{address}"
            );
        }
        assert_eq!(
            gitlab("https://gitlab.acme.example:8443/ops/koom/rollout/-/issues/new").unwrap(),
            "https://gitlab.acme.example:8443/ops/koom/rollout"
        );
        assert_eq!(
            gitlab("git@gitlab.acme.example:ops/koom/rollout.git").unwrap(),
            "https://gitlab.acme.example/ops/koom/rollout"
        );
        assert_eq!(
            gitlab("http://git.intranet/ops/rollout").unwrap(),
            "http://git.intranet/ops/rollout"
        );
        assert_eq!(
            Tracker::parse(TrackerKind::GitLab, "gitlab.com/a/b/c")
                .unwrap()
                .name(),
            "a/b/c"
        );
    }

    #[test]
    fn other_schemes_hosts_and_paths_are_refused_with_their_reason() {
        assert_eq!(github(""), Err(TrackerError::Empty));
        assert_eq!(
            github("javascript:alert(1)"),
            Err(TrackerError::Scheme("javascript".into()))
        );
        assert_eq!(
            github("JavaScript://github.com/a/b"),
            Err(TrackerError::Scheme("javascript".into()))
        );
        assert_eq!(
            github("ftp://github.com/a/b"),
            Err(TrackerError::Scheme("ftp".into()))
        );
        assert!(matches!(
            github("https://evil.example@github.com/a/b"),
            Err(TrackerError::Host(_))
        ));
        assert!(matches!(github("https:///a/b"), Err(TrackerError::Host(_))));
        assert!(matches!(
            github("https://github.com/acme"),
            Err(TrackerError::Project { .. })
        ));
        assert!(matches!(
            github("https://github.com/acme/<script>"),
            Err(TrackerError::Project { .. })
        ));
        assert!(matches!(
            github("https://github.com/../x"),
            Err(TrackerError::Project { .. })
        ));
        assert!(matches!(
            github(&format!("https://github.com/a/{}", "b".repeat(300))),
            Err(TrackerError::TooLong(_))
        ));
        for (read, address) in [
            (
                github as fn(&str) -> _,
                "https://github.com/orgs/acme/projects",
            ),
            (github, "https://github.com/settings/profile"),
            (github, "https://github.com/users/ana/projects/1"),
            (gitlab, "https://gitlab.com/groups/acme/-/issues"),
            (gitlab, "https://gitlab.com/dashboard/issues"),
        ] {
            assert!(
                matches!(read(address), Err(TrackerError::Project { .. })),
                "{address}"
            );
        }
        for address in [
            "https://github.com:abc/a/b",
            "https://github.com:/a/b",
            "https://github.com:1:2/a/b",
        ] {
            assert!(
                matches!(github(address), Err(TrackerError::Host(_))),
                "{address}"
            );
        }
        assert_eq!(
            github("github.com/acme").unwrap_err().to_string(),
            "“github.com/acme” is not the address of a GitHub project: it should look like https://github.com/acme/koom-rollout. Nothing was changed."
        );
        assert_eq!(
            github("javascript:alert(1)").unwrap_err().to_string(),
            "Only http:// and https:// addresses are kept, not “javascript:”. Nothing was changed."
        );
    }

    #[test]
    fn the_kind_is_guessed_from_the_host_only() {
        assert_eq!(
            TrackerKind::guess("https://github.com/a/b"),
            Some(TrackerKind::GitHub)
        );
        assert_eq!(
            TrackerKind::guess("gitlab.acme.example/a/b"),
            Some(TrackerKind::GitLab)
        );
        assert_eq!(
            TrackerKind::guess("https://git.acme.example/gitlab/b"),
            None
        );
    }
}
