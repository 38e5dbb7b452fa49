//! Calendar files (iCalendar, RFC 5545) for reminders: one all-day event per date, with a
//! display alarm at 09:00 that day, and a `SEQUENCE` that grows with each download.
//!
//! Written for calendar programs as much as for parsers: CRLF line ends, text values escaped
//! (`\\`, `\;`, `\,`, `\n`), every line folded to at most 75 octets without cutting a UTF-8
//! character, a stable `UID` per reminder (so downloading it again updates the event where the
//! calendar honours UIDs), an all-day `DTSTART;VALUE=DATE` with a one-day `DURATION`, and
//! `TRANSP:TRANSPARENT` (a reminder never shows the day as busy).

/// The media type a calendar file is offered with.
pub const ICS_MIME: &str = "text/calendar;charset=utf-8";

/// The longest line, in octets, before it is folded (RFC 5545 §3.1).
pub const ICS_LINE_OCTETS: usize = 75;

/// One reminder: an all-day event on a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarEvent {
    /// Unique and stable: the same reminder downloaded again has the same `UID`.
    pub uid: String,
    /// The day, as an ISO date (`2027-03-01`).
    pub date: String,
    /// The event's title.
    pub summary: String,
    /// What to do that day; lines are kept.
    pub description: String,
}

/// A text value escaped (RFC 5545 §3.3.11); control characters other than a line break are
/// dropped, a line break becomes `\n`.
fn text_value(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.replace("\r\n", "\n").chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' | '\r' => out.push_str("\\n"),
            // RFC 5545's TEXT allows a tab (WSP); other control characters it does not.
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends one content line, folded: at most 75 octets a line, a continuation line starting
/// with one space (which counts), never inside a UTF-8 character; ended by CRLF.
fn push_line(out: &mut String, line: &str) {
    let mut room = ICS_LINE_OCTETS;
    let mut used = 0;
    for c in line.chars() {
        if used + c.len_utf8() > room {
            out.push_str("\r\n ");
            room = ICS_LINE_OCTETS - 1;
            used = 0;
        }
        out.push(c);
        used += c.len_utf8();
    }
    out.push_str("\r\n");
}

/// The event's revision, from the moment the file is made: it grows with each later download,
/// so that a calendar which already holds the event (same `UID`) takes the new one as an update
/// (RFC 5545 §3.8.7.4). Minutes counted on a calendar of 31-day months: it only has to grow.
fn sequence(stamp: &str) -> u64 {
    let n = |range: std::ops::Range<usize>| -> u64 {
        stamp.get(range).and_then(|t| t.parse().ok()).unwrap_or(0)
    };
    (((n(0..4) * 12 + n(4..6)) * 31 + n(6..8)) * 24 + n(9..11)) * 60 + n(11..13)
}

/// A calendar file of the events, stamped with the moment it was made (`stamp`: UTC, as
/// `20261203T221500Z`).
pub fn ics_text(events: &[CalendarEvent], stamp: &str) -> String {
    let mut out = String::new();
    let mut line = |l: &str| push_line(&mut out, l);
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//KOOM Readiness//KOOM Deployment Readiness Layer//EN");
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    for e in events {
        line("BEGIN:VEVENT");
        line(&format!("UID:{}", text_value(&e.uid)));
        line(&format!("DTSTAMP:{stamp}"));
        line(&format!("LAST-MODIFIED:{stamp}"));
        line(&format!("SEQUENCE:{}", sequence(stamp)));
        line(&format!("DTSTART;VALUE=DATE:{}", e.date.replace('-', "")));
        line("DURATION:P1D");
        line("TRANSP:TRANSPARENT");
        line(&format!("SUMMARY:{}", text_value(&e.summary)));
        line(&format!("DESCRIPTION:{}", text_value(&e.description)));
        line("BEGIN:VALARM");
        line("ACTION:DISPLAY");
        line(&format!("DESCRIPTION:{}", text_value(&e.summary)));
        line("TRIGGER:PT9H");
        line("END:VALARM");
        line("END:VEVENT");
    }
    line("END:VCALENDAR");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_values_are_escaped_and_control_characters_dropped() {
        assert_eq!(
            text_value("a\\b;c,d\r\ne\u{7}f\rg\th"),
            "a\\\\b\\;c\\,d\\nef\\ng\th"
        );
    }

    #[test]
    fn a_later_download_has_a_higher_sequence() {
        let stamps = [
            "20261203T221500Z",
            "20261203T221600Z",
            "20261203T230000Z",
            "20261231T235900Z",
            "20270101T000000Z",
        ];
        for pair in stamps.windows(2) {
            assert!(sequence(pair[0]) < sequence(pair[1]), "{pair:?}");
        }
        assert!(sequence("20991231T235900Z") < u64::from(u32::MAX >> 1));
    }

    #[test]
    fn long_lines_fold_at_75_octets_without_cutting_a_character() {
        let mut out = String::new();
        let text = format!("DESCRIPTION:{}", "é".repeat(100));
        push_line(&mut out, &text);
        for l in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= ICS_LINE_OCTETS, "{} octets: {l}", l.len());
        }
        assert_eq!(out.replace("\r\n ", ""), format!("{text}\r\n"));
    }
}
