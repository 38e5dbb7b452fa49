//! "Open as a new issue": the address of a tracker's own new-issue form, pre-filled with a plan
//! item (the same title and description as the plan's CSV). The user's browser opens it; the
//! page sends nothing, and no token is involved.
//!
//! - GitHub: `<project>/issues/new?title=…&body=…&labels=koom-readiness` (a label that does not
//!   exist, or that the user may not set, is left out by GitHub).
//! - GitLab: `<project>/-/issues/new?issue[title]=…&issue[description]=…`; the label and the
//!   due date travel as GitLab's quick actions at the end of the description (`/label`, `/due`),
//!   which GitLab applies when the issue is created. A line of the user's own text that starts
//!   with `/` is escaped (`\/`), so that only these two run.
//! - The address stays under [`MAX_ISSUE_LINK`] characters: a longer description is cut and
//!   says where the full text is.

use crate::domain::model::tracker::{Tracker, TrackerKind};
use crate::domain::rules::plan::PlanItem;

/// The label every new issue asks for.
pub const ISSUE_LABEL: &str = "koom-readiness";

/// Whether a byte is one of RFC 3986's unreserved characters, kept as it is in a query value.
fn unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~')
}

/// How many characters `text` takes percent-encoded.
fn encoded_len(text: &str) -> usize {
    text.bytes()
        .map(|b| if unreserved(b) { 1 } else { 3 })
        .sum()
}

/// A query value percent-encoded: everything but RFC 3986's unreserved characters.
fn encoded(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3 / 2);
    for b in text.bytes() {
        if unreserved(b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The longest address made. GitHub and GitLab answer a longer request with "URI too long"
/// (their servers stop near 8 KB); a description that would not fit is shortened, saying so.
pub const MAX_ISSUE_LINK: usize = 8_000;

/// What ends a shortened description.
pub const SHORTENED: &str =
    "… (shortened to fit the tracker's address; the full text is in the plan's CSV export)";

/// [`SHORTENED`] in the language spoken now (the constant is its English text, the key).
fn shortened() -> &'static str {
    tr!("… (shortened to fit the tracker's address; the full text is in the plan's CSV export)")
}

/// The new issue's description: the plan item's lines, its owner and due date, and where it
/// came from (`assessment`: the assessment's name).
fn body(item: &PlanItem, assessment: &str) -> (String, String) {
    let mut lines = item.tracker_description();
    let e = &item.entry;
    if !e.owner.is_empty() {
        lines.push(trf!("Owner: {owner}", owner = e.owner));
    }
    if !e.due.is_empty() {
        lines.push(trf!("Due: {date}", date = e.due));
    }
    let from = format!(
        "\n\n{}",
        trf!(
            "From the KOOM Readiness plan of {assessment} (status: {status}).",
            assessment = assessment,
            status = e.status.label()
        )
    );
    (lines.join("\n"), from)
}

/// Text with GitLab's quick actions made inert: a line that starts with `/` would run as a
/// command (`/close`, `/assign`) when the issue is created; `\/` shows the same `/`.
fn inert(text: &str) -> String {
    text.split('\n')
        .map(|line| match line.strip_prefix('/') {
            Some(rest) => format!("\\/{rest}"),
            None => line.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The longest start of `text`, cut between characters, that takes at most `room` characters
/// encoded.
fn fitting(text: &str, room: usize) -> &str {
    let mut used = 0;
    for (at, c) in text.char_indices() {
        used += encoded_len(c.encode_utf8(&mut [0; 4]));
        if used > room {
            return &text[..at];
        }
    }
    text
}

/// The address of the tracker's new-issue form for a plan item, at most [`MAX_ISSUE_LINK`]
/// characters long.
pub fn new_issue_link(tracker: &Tracker, item: &PlanItem, assessment: &str) -> String {
    let title = encoded(&item.tracker_title());
    let (mut description, mut from) = body(item, assessment);
    let (form, end) = match tracker.kind {
        TrackerKind::GitHub => (
            format!("{}/issues/new?title={title}&body=", tracker.project),
            format!("&labels={ISSUE_LABEL}"),
        ),
        TrackerKind::GitLab => {
            description = inert(&description);
            from = inert(&from);
            from.push_str(&format!("\n\n/label ~{ISSUE_LABEL}"));
            if !item.entry.due.is_empty() {
                from.push_str(&format!("\n/due {}", item.entry.due));
            }
            (
                format!(
                    "{}/-/issues/new?issue%5Btitle%5D={title}&issue%5Bdescription%5D=",
                    tracker.project
                ),
                String::new(),
            )
        }
    };
    let tail = encoded(&from);
    let fixed = form.len() + tail.len() + end.len();
    let room = MAX_ISSUE_LINK.saturating_sub(fixed);
    let text = if encoded_len(&description) <= room {
        encoded(&description)
    } else {
        let marker = encoded(shortened());
        encoded(fitting(&description, room.saturating_sub(marker.len()))) + &marker
    };
    format!("{form}{text}{tail}{end}")
}

#[cfg(test)]
mod tests {
    use super::encoded;

    #[test]
    fn only_unreserved_characters_stay_as_they_are() {
        assert_eq!(encoded("a-z_0.9~"), "a-z_0.9~");
        assert_eq!(encoded("a b&c=d#e/f?g+h"), "a%20b%26c%3Dd%23e%2Ff%3Fg%2Bh");
        assert_eq!(encoded("é\n"), "%C3%A9%0A");
    }
}

#[cfg(test)]
mod key_tests {
    use super::*;

    #[test]
    fn the_marker_is_the_english_of_its_text() {
        assert_eq!(shortened(), SHORTENED);
    }
}
