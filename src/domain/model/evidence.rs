//! Evidence that ages: beside an item's evidence note, who gave it, when, a link to where it is
//! kept, and the date by which it should be looked at again. Evidence past its review-by date is
//! stale ([`EvidenceDetails::is_stale`]). The link is kept as text: the app shows it and never
//! follows it, and keeps only http(s) links.

use std::fmt;

use crate::domain::model::limits::{bounded, TextKind};
use crate::domain::model::plan_entry::is_iso_date;

/// The longest evidence link kept.
pub const MAX_EVIDENCE_LINK: usize = 2_000;

/// Who, when, where and until when, for one item's evidence.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct EvidenceDetails {
    /// Who gave or holds the evidence.
    pub who: String,
    /// When it was gathered, as an ISO date.
    pub when: String,
    /// Where it is kept: an http(s) address, shown as text.
    pub link: String,
    /// When it should be looked at again, as an ISO date.
    pub review_by: String,
}

/// One of the details.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EvidenceField {
    /// [`EvidenceDetails::who`].
    Who,
    /// [`EvidenceDetails::when`].
    When,
    /// [`EvidenceDetails::link`].
    Link,
    /// [`EvidenceDetails::review_by`].
    ReviewBy,
}

impl EvidenceField {
    /// Every field, in the order the item shows them.
    pub const ALL: [EvidenceField; 4] = [
        EvidenceField::Who,
        EvidenceField::When,
        EvidenceField::Link,
        EvidenceField::ReviewBy,
    ];

    /// The stable token in the DOM.
    pub fn token(self) -> &'static str {
        match self {
            EvidenceField::Who => "who",
            EvidenceField::When => "when",
            EvidenceField::Link => "link",
            EvidenceField::ReviewBy => "review_by",
        }
    }

    /// Its label.
    pub fn label(self) -> &'static str {
        match self {
            EvidenceField::Who => tr!("From (who)"),
            EvidenceField::When => tr!("Gathered on"),
            EvidenceField::Link => tr!("Link (http or https; shown, never opened by the app)"),
            EvidenceField::ReviewBy => tr!("Review by"),
        }
    }
}

/// Why a detail was refused. Nothing is changed when it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EvidenceError {
    /// A date field holds something that is not an ISO date.
    NotADate(String),
    /// The evidence is dated after today.
    Future {
        /// The date given.
        when: String,
        /// Today.
        today: String,
    },
    /// The review-by date is before the date the evidence was gathered.
    ReviewBeforeGathered {
        /// When it was gathered.
        when: String,
        /// The review-by date given.
        review_by: String,
    },
    /// A link that is not http(s) (`javascript:`, `file:`), or has no host.
    Link(String),
    /// A link longer than [`MAX_EVIDENCE_LINK`] characters.
    LinkTooLong(usize),
}

impl fmt::Display for EvidenceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EvidenceError::NotADate(text) => f.write_str(&trf!(
                "“{text}” is not a date (year-month-day). Nothing was changed.",
                text = text
            )),
            EvidenceError::Future { when, today } => f.write_str(&trf!(
                "Evidence cannot be dated after today: {when} is after {today}. Nothing was changed.",
                when = when,
                today = today
            )),
            EvidenceError::ReviewBeforeGathered { when, review_by } => f.write_str(&trf!(
                "The review-by date {review_by} is before the evidence was gathered ({when}). Nothing was changed.",
                review_by = review_by,
                when = when
            )),
            EvidenceError::Link(text) => f.write_str(&trf!(
                "Only http:// and https:// links are kept, with a host: “{text}” was not. Nothing was changed.",
                text = text
            )),
            EvidenceError::LinkTooLong(n) => f.write_str(&trf!(
                "The link is {n} characters long; a link is kept up to {max}. Nothing was changed.",
                n = n,
                max = MAX_EVIDENCE_LINK
            )),
        }
    }
}

/// Whether a link is one the app keeps: http(s), a host, no spaces or control characters.
pub fn is_evidence_link(link: &str) -> bool {
    let lower = link.get(..8).unwrap_or(link).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &link[8..]
    } else if lower.starts_with("http://") {
        &link[7..]
    } else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    !host.is_empty()
        && !host.contains('@')
        && !link.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// The link as kept: an http(s) link as given; an address typed without a scheme whose host
/// names a domain ("wiki.acme.example/koom", "intranet.acme:8443/x") gets `https://` in front,
/// as a browser's address bar would; anything else (`javascript:`, `file:`, "wiki/x") is refused.
pub fn evidence_link(value: &str) -> Result<String, EvidenceError> {
    let n = value.chars().count();
    if n > MAX_EVIDENCE_LINK {
        return Err(EvidenceError::LinkTooLong(n));
    }
    if is_evidence_link(value) {
        return Ok(value.to_string());
    }
    let host = value.split(['/', '?', '#']).next().unwrap_or_default();
    let name = match host.rsplit_once(':') {
        Some((name, port)) if !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()) => name,
        Some(_) => return Err(EvidenceError::Link(value.to_string())),
        None => host,
    };
    let domain_like = name.contains('.')
        && !name.starts_with('.')
        && !name.ends_with('.')
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || c == '.' || c == '-');
    let prefixed = format!("https://{value}");
    if domain_like && n + 8 <= MAX_EVIDENCE_LINK && is_evidence_link(&prefixed) {
        Ok(prefixed)
    } else {
        Err(EvidenceError::Link(value.to_string()))
    }
}

impl EvidenceDetails {
    /// Whether nothing is recorded.
    pub fn is_empty(&self) -> bool {
        self.who.is_empty()
            && self.when.is_empty()
            && self.link.is_empty()
            && self.review_by.is_empty()
    }

    /// Whether its review-by date has passed (rule: evidence past its review-by date is stale
    /// in the item, the report and the exports).
    pub fn is_stale(&self, today: &str) -> bool {
        !self.review_by.is_empty() && self.review_by.as_str() < today
    }

    /// A detail's value.
    pub fn get(&self, field: EvidenceField) -> &str {
        match field {
            EvidenceField::Who => &self.who,
            EvidenceField::When => &self.when,
            EvidenceField::Link => &self.link,
            EvidenceField::ReviewBy => &self.review_by,
        }
    }

    /// Sets one detail (an empty value clears it), checked against the others and today.
    pub fn set(
        &mut self,
        field: EvidenceField,
        value: &str,
        today: &str,
    ) -> Result<(), EvidenceError> {
        let value = value.trim();
        let mut next = self.clone();
        match field {
            EvidenceField::Who => next.who = bounded(value, TextKind::Name),
            EvidenceField::When => next.when = value.to_string(),
            EvidenceField::Link if value.is_empty() => next.link.clear(),
            EvidenceField::Link => next.link = evidence_link(value)?,
            EvidenceField::ReviewBy => next.review_by = value.to_string(),
        }
        if matches!(field, EvidenceField::When | EvidenceField::ReviewBy)
            && !value.is_empty()
            && !is_iso_date(value)
        {
            return Err(EvidenceError::NotADate(value.to_string()));
        }
        if field == EvidenceField::When && !value.is_empty() && value > today {
            return Err(EvidenceError::Future {
                when: value.to_string(),
                today: today.to_string(),
            });
        }
        if !next.when.is_empty()
            && !next.review_by.is_empty()
            && next.review_by < next.when
            && matches!(field, EvidenceField::When | EvidenceField::ReviewBy)
        {
            return Err(EvidenceError::ReviewBeforeGathered {
                when: next.when,
                review_by: next.review_by,
            });
        }
        *self = next;
        Ok(())
    }

    /// The details in one line ("from Ana Keller, gathered 2026-10-01, https://wiki/x, review
    /// by 2027-01-01"), or `None` when nothing is recorded.
    pub fn line(&self) -> Option<String> {
        let mut parts = Vec::new();
        if !self.who.is_empty() {
            parts.push(trf!("from {who}", who = self.who));
        }
        if !self.when.is_empty() {
            parts.push(trf!("gathered {date}", date = self.when));
        }
        if !self.link.is_empty() {
            parts.push(self.link.clone());
        }
        if !self.review_by.is_empty() {
            parts.push(trf!("review by {date}", date = self.review_by));
        }
        (!parts.is_empty()).then(|| parts.join(", "))
    }

    /// What a stale item says: "Evidence to review: its review-by date (2026-11-01) has passed."
    pub fn stale_sentence(&self) -> String {
        trf!(
            "Evidence to review: its review-by date ({date}) has passed.",
            date = self.review_by
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TODAY: &str = "2026-12-03";

    #[test]
    fn details_are_checked_against_each_other_and_today_and_nothing_changes_when_refused() {
        let mut e = EvidenceDetails::default();
        e.set(EvidenceField::Who, "  Ana Keller ", TODAY).unwrap();
        e.set(EvidenceField::When, "2026-10-01", TODAY).unwrap();
        e.set(EvidenceField::ReviewBy, "2027-01-01", TODAY).unwrap();
        e.set(
            EvidenceField::Link,
            "https://wiki.acme.example/koom/ev-1",
            TODAY,
        )
        .unwrap();
        let kept = e.clone();
        assert_eq!(
            e.set(EvidenceField::When, "2026-12-04", TODAY),
            Err(EvidenceError::Future {
                when: "2026-12-04".into(),
                today: TODAY.into()
            })
        );
        assert_eq!(
            e.set(EvidenceField::ReviewBy, "2026-09-30", TODAY)
                .unwrap_err()
                .to_string(),
            "The review-by date 2026-09-30 is before the evidence was gathered (2026-10-01). Nothing was changed."
        );
        assert_eq!(
            e.set(EvidenceField::When, "last week", TODAY),
            Err(EvidenceError::NotADate("last week".into()))
        );
        for bad in [
            "javascript:alert(1)",
            "JAVASCRIPT://x",
            "file:///etc/passwd",
            "https://",
            "https://user@evil.example/",
            "https://a b",
            "wiki/ev-1",
        ] {
            assert!(
                matches!(
                    e.set(EvidenceField::Link, bad, TODAY),
                    Err(EvidenceError::Link(_))
                ),
                "{bad}"
            );
        }
        assert!(matches!(
            e.set(
                EvidenceField::Link,
                &format!("https://a/{}", "x".repeat(2_000)),
                TODAY
            ),
            Err(EvidenceError::LinkTooLong(_))
        ));
        assert_eq!(e, kept);
        assert_eq!(
            e.line().unwrap(),
            "from Ana Keller, gathered 2026-10-01, https://wiki.acme.example/koom/ev-1, review by 2027-01-01"
        );
        e.set(EvidenceField::Link, "", TODAY).unwrap();
        assert!(e.link.is_empty());
    }

    #[test]
    fn a_link_typed_without_a_scheme_gets_https_when_its_host_names_a_domain() {
        for (typed, kept) in [
            (
                "wiki.acme.example/koom/ev-1",
                "https://wiki.acme.example/koom/ev-1",
            ),
            (
                "intranet.acme:8443/x?y=1#z",
                "https://intranet.acme:8443/x?y=1#z",
            ),
            ("HTTP://Wiki.Acme.example", "HTTP://Wiki.Acme.example"),
        ] {
            assert_eq!(evidence_link(typed).as_deref(), Ok(kept), "{typed}");
        }
        for refused in [
            "javascript:alert(1)",
            "wiki/ev-1",
            "data:text/html,x",
            "mailto:ana@acme.example",
            ".acme.example/x",
            "acme.example:http/x",
            "ana@acme.example/x",
            "acme.example/a b",
        ] {
            assert_eq!(
                evidence_link(refused),
                Err(EvidenceError::Link(refused.to_string())),
                "{refused}"
            );
        }
    }

    #[test]
    fn evidence_is_stale_the_day_after_its_review_by_date() {
        let e = EvidenceDetails {
            review_by: "2026-12-02".into(),
            ..EvidenceDetails::default()
        };
        assert!(e.is_stale(TODAY));
        assert!(!e.is_stale("2026-12-02"));
        assert!(!EvidenceDetails::default().is_stale(TODAY));
        assert_eq!(
            e.stale_sentence(),
            "Evidence to review: its review-by date (2026-12-02) has passed."
        );
    }
}
