//! How much an assessment holds at most: text lengths by kind, cycles, iterations. The limits
//! are generous for evidence notes and keep every assessment small enough to save, share and
//! re-import: whatever export writes, import reads (a test builds the largest possible file).

use super::assessment::Assessment;

/// Alignment cycles recorded at most (two years of monthly cycles).
pub const MAX_CYCLES: usize = 24;
/// Pilot iterations ("roll back, retrain, repeat") recorded at most.
pub const MAX_ITERATIONS: usize = 20;

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
            TextKind::Name => "a name",
            TextKind::Note => "an evidence note",
            TextKind::Evaluation => "a pilot evaluation",
            TextKind::CycleNote => "a note on a sign",
            TextKind::Remark => "a remark",
        }
    }

    /// The message shown when typing or pasting reaches the limit.
    pub fn limit_message(self) -> String {
        format!(
            "This is the limit for {}: {} characters. Longer evidence belongs in a document this note names.",
            self.label(),
            group_thousands(self.max_chars())
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
        let characters = if dropped == 1 {
            "character"
        } else {
            "characters"
        };
        format!(
            "The paste did not fit: its last {} {characters} were left out ({} holds at most {} characters). Ctrl+Z (⌘Z on a Mac) in the field undoes the paste.",
            group_thousands(dropped),
            self.label(),
            group_thousands(self.max_chars())
        )
    }
}

/// 4000 → "4,000".
pub fn group_thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
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

/// The first place an assessment goes over a limit, if any.
pub fn over_limit(a: &Assessment) -> Option<OverLimit> {
    let text = |path: String, value: &str, kind: TextKind| {
        let count = value.chars().count();
        (count > kind.max_chars()).then(|| OverLimit {
            path,
            what: kind.label(),
            count,
            max: kind.max_chars(),
        })
    };
    let map = |name: &str, m: &std::collections::BTreeMap<String, String>, kind| {
        m.iter()
            .find_map(|(k, v)| text(format!("assessment.{name}[\"{k}\"]"), v, kind))
    };
    let list = |path: &str, count: usize, max: usize, what| {
        (count > max).then(|| OverLimit {
            path: path.to_string(),
            what,
            count,
            max,
        })
    };
    text(
        "assessment.organisation".into(),
        &a.organisation,
        TextKind::Name,
    )
    .or_else(|| text("assessment.assessor".into(), &a.assessor, TextKind::Name))
    .or_else(|| {
        text(
            "assessment.pilot.department".into(),
            &a.pilot.department,
            TextKind::Name,
        )
    })
    .or_else(|| {
        text(
            "assessment.pilot.evaluation".into(),
            &a.pilot.evaluation,
            TextKind::Evaluation,
        )
    })
    .or_else(|| map("notes", &a.notes, TextKind::Note))
    .or_else(|| map("unclear", &a.unclear, TextKind::Remark))
    .or_else(|| {
        list(
            "assessment.pilot_iterations",
            a.pilot_iterations.len(),
            MAX_ITERATIONS,
            "pilot iterations",
        )
    })
    .or_else(|| {
        a.pilot_iterations.iter().enumerate().find_map(|(i, it)| {
            text(
                format!("assessment.pilot_iterations[{i}].evaluation"),
                &it.evaluation,
                TextKind::Evaluation,
            )
            .or_else(|| {
                text(
                    format!("assessment.pilot_iterations[{i}].date"),
                    &it.date,
                    TextKind::Remark,
                )
            })
            .or_else(|| {
                map(
                    "pilot_iterations.retrained",
                    &it.retrained,
                    TextKind::Remark,
                )
            })
        })
    })
    .or_else(|| {
        list(
            "assessment.cycles",
            a.cycles.len(),
            MAX_CYCLES,
            "alignment cycles",
        )
    })
    .or_else(|| {
        a.cycles.iter().enumerate().find_map(|(i, c)| {
            c.notes.iter().find_map(|(k, v)| {
                text(
                    format!("assessment.cycles[{i}].notes[\"{k}\"]"),
                    v,
                    TextKind::CycleNote,
                )
            })
        })
    })
    .or_else(|| {
        a.plan.iter().find_map(|(k, e)| {
            let at = |field: &str| format!("assessment.plan[\"{k}\"].{field}");
            text(at("owner"), &e.owner, TextKind::Name)
                .or_else(|| text(at("reason"), &e.reason, TextKind::Remark))
                .or_else(|| text(at("note"), &e.note, TextKind::Note))
        })
    })
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
    fn the_first_place_over_a_limit_is_named() {
        let mut a = Assessment::new("Acme", "");
        assert_eq!(over_limit(&a), None);
        a.notes.insert("precondition.coe".into(), "x".repeat(4_001));
        assert_eq!(
            over_limit(&a),
            Some(OverLimit {
                path: "assessment.notes[\"precondition.coe\"]".into(),
                what: "an evidence note",
                count: 4_001,
                max: 4_000
            })
        );
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
