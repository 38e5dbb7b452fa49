//! How much an assessment holds at most: text lengths by kind, cycles, iterations. The limits
//! are generous for evidence notes and keep every assessment small enough to save, share and
//! re-import: whatever export writes, import reads (a test builds the largest possible file).

use crate::domain::language::{texts, Language};

/// Alignment cycles recorded at most (two years of monthly cycles).
pub const MAX_CYCLES: usize = 24;
/// Pilot iterations ("roll back, retrain, repeat") recorded at most.
pub const MAX_ITERATIONS: usize = 20;
/// Closed rounds of re-assessment kept at most (three years of quarterly re-assessments).
pub const MAX_ROUNDS: usize = 12;

/// A kind of free text, with its length limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextKind {
    /// An organisation, assessor or pilot department name.
    Name,
    /// An evidence note on an item.
    Note,
    /// The evaluation of the pilot's real-world behaviour.
    Evaluation,
    /// A note on one stability sign in one alignment cycle.
    CycleNote,
    /// A remark on an item flagged unclear, or a retraining date.
    Remark,
}

impl TextKind {
    /// The most characters this kind of text holds.
    pub const fn max_chars(self) -> usize {
        match self {
            TextKind::Name => 200,
            TextKind::Note => 4_000,
            TextKind::Evaluation => 8_000,
            TextKind::CycleNote => 1_000,
            TextKind::Remark => 1_000,
        }
    }

    /// What it is called in a message.
    pub fn label(self) -> &'static str {
        match self {
            TextKind::Name => tr!("a name"),
            TextKind::Note => tr!("an evidence note"),
            TextKind::Evaluation => tr!("a pilot evaluation"),
            TextKind::CycleNote => tr!("a note on a sign"),
            TextKind::Remark => tr!("a remark"),
        }
    }

    /// The message shown when typing or pasting reaches the limit.
    pub fn limit_message(self) -> String {
        trf!(
            "This is the limit for {what}: {max} characters. Longer evidence belongs in a document this note names.",
            what = self.label(),
            max = group_thousands(self.max_chars())
        )
    }
}

/// How much of a paste a field's limit leaves out: the field holds `field` units, the paste
/// replaces `selected` of them with `pasted`, and the field takes at most `max` (units as the
/// field counts them).
pub fn paste_overflow(field: usize, selected: usize, pasted: usize, max: usize) -> usize {
    (field.saturating_sub(selected) + pasted).saturating_sub(max)
}

impl TextKind {
    /// The message when a paste went over the limit: how much was left out, and the way back.
    pub fn paste_cut_message(self, dropped: usize) -> String {
        let max = group_thousands(self.max_chars());
        if dropped == 1 {
            trf!(
                "The paste did not fit: its last {count} character were left out ({what} holds at most {max} characters). Ctrl+Z (⌘Z on a Mac) in the field undoes the paste.",
                count = group_thousands(dropped),
                what = self.label(),
                max = max
            )
        } else {
            trf!(
                "The paste did not fit: its last {count} characters were left out ({what} holds at most {max} characters). Ctrl+Z (⌘Z on a Mac) in the field undoes the paste.",
                count = group_thousands(dropped),
                what = self.label(),
                max = max
            )
        }
    }
}

/// 4000 → "4,000" (in English; "4.000" in German and Spanish, "4 000" in French).
pub fn group_thousands(n: usize) -> String {
    // The separator of the language spoken: 2,000 / 2.000 / 2 000 (a narrow no-break space).
    let separator = match texts().language() {
        Language::English => ',',
        Language::German | Language::Spanish => '.',
        Language::French => '\u{202F}',
    };
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

/// Text as it is kept: control characters other than line breaks and tabs removed, and cut
/// at the limit of its kind (on a character boundary).
pub fn bounded(text: &str, kind: TextKind) -> String {
    text.chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\r' | '\t'))
        .take(kind.max_chars())
        .collect()
}

/// A text on one line: white space (tabs and line breaks too) collapsed to single spaces,
/// control characters removed, cut at the limit of its kind.
pub fn one_line(text: &str, kind: TextKind) -> String {
    // A tab or line break separates words: it becomes a space, not nothing.
    let visible: String = text
        .chars()
        .filter(|c| !c.is_control() || c.is_whitespace())
        .collect();
    let one_line = visible.split_whitespace().collect::<Vec<_>>().join(" ");
    bounded(&one_line, kind).trim_end().to_string()
}

/// The text with its first letter in upper case ("reported by 2 of 5" → "Reported by 2 of 5").
pub fn capitalised(text: &str) -> String {
    with_first_letter(text, char::to_uppercase)
}

/// The text with its first letter in lower case, the rest as written, to stand inside a
/// sentence ("With saved answers" → "with saved answers"; a German noun after it keeps its
/// capital).
pub fn uncapitalised(text: &str) -> String {
    with_first_letter(text, char::to_lowercase)
}

fn with_first_letter<I: Iterator<Item = char>>(text: &str, case: impl Fn(char) -> I) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| case(first).chain(chars).collect())
        .unwrap_or_default()
}

/// A text over its limit, or a list too long, found in an assessment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverLimit {
    /// Where, such as `assessment.notes["precondition.coe"]`.
    pub path: String,
    /// What the limit is about ("an evidence note", "alignment cycles").
    pub what: &'static str,
    /// How many characters (or entries) it has.
    pub count: usize,
    /// The limit.
    pub max: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_cut_at_its_limit_on_a_character_boundary() {
        let long = "é".repeat(TextKind::Note.max_chars() + 10);
        let kept = bounded(&long, TextKind::Note);
        assert_eq!(kept.chars().count(), 4_000);
        assert_eq!(bounded("a\u{0}b\nc\u{7}", TextKind::Note), "ab\nc");
    }

    #[test]
    fn a_text_is_capitalised_by_its_first_letter() {
        assert_eq!(capitalised("five preconditions"), "Five preconditions");
        assert_eq!(capitalised("élan"), "Élan");
        assert_eq!(capitalised(""), "");
        assert_eq!(
            uncapitalised("Mit gespeicherten Antworten"),
            "mit gespeicherten Antworten"
        );
        assert_eq!(uncapitalised(""), "");
    }

    #[test]
    fn counts_are_grouped_by_thousands() {
        assert_eq!(group_thousands(4_000), "4,000");
        assert_eq!(group_thousands(12), "12");
        assert_eq!(group_thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn a_paste_over_the_limit_says_how_much_was_left_out() {
        assert_eq!(paste_overflow(3_990, 0, 50, 4_000), 40);
        assert_eq!(paste_overflow(3_990, 30, 50, 4_000), 10);
        assert_eq!(paste_overflow(100, 0, 50, 4_000), 0);
        assert_eq!(paste_overflow(4_000, 4_000, 5_000, 4_000), 1_000);
        assert_eq!(
            TextKind::Note.paste_cut_message(1_000),
            "The paste did not fit: its last 1,000 characters were left out (an evidence note holds at most 4,000 characters). Ctrl+Z (⌘Z on a Mac) in the field undoes the paste."
        );
    }
}
