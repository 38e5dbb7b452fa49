//! The seed itself, to read in the app: the KOOM Deployment Readiness Layer as written
//! (vendored in docs/seed/), split into its title, its numbered sections and its paragraphs.
//! It is part of the bundle (about 2.4 KB of the brotli first load): the app makes no request
//! after it has loaded.

/// The seed's text, as vendored.
pub const SEED_TEXT: &str =
    include_str!("../../../docs/seed/koom-deployment-readiness-layer-v1.0.txt");

/// One block of the seed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SeedBlock {
    /// The title lines at the top.
    Title(Vec<&'static str>),
    /// A numbered section's heading ("2. Required Preconditions for Deployment").
    Section {
        /// Its number.
        number: u8,
        /// Its title, without the number.
        title: &'static str,
    },
    /// Lines that belong together (no blank line between them).
    Paragraph(Vec<&'static str>),
}

/// The seed in blocks, in order. A line "N. Title" is a section heading when N is the next
/// section's number (a numbered list inside a section is a paragraph); the file-name line at
/// the very top is left out.
pub fn seed_blocks() -> Vec<SeedBlock> {
    let mut blocks = Vec::new();
    let mut lines: Vec<&'static str> = Vec::new();
    let mut next_section = 1u8;
    let flush = |lines: &mut Vec<&'static str>, blocks: &mut Vec<SeedBlock>, next: u8| {
        if !lines.is_empty() {
            let taken = std::mem::take(lines);
            blocks.push(if next == 1 {
                SeedBlock::Title(taken)
            } else {
                SeedBlock::Paragraph(taken)
            });
        }
    };
    for line in SEED_TEXT.lines().map(str::trim) {
        if line.ends_with(".md") && blocks.is_empty() && lines.is_empty() {
            continue;
        }
        let heading = line
            .split_once(". ")
            .filter(|(n, _)| n.parse::<u8>().ok() == Some(next_section));
        if let Some((_, title)) = heading {
            flush(&mut lines, &mut blocks, next_section);
            blocks.push(SeedBlock::Section {
                number: next_section,
                title,
            });
            next_section += 1;
        } else if line.is_empty() {
            flush(&mut lines, &mut blocks, next_section);
        } else {
            lines.push(line);
        }
    }
    flush(&mut lines, &mut blocks, next_section);
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::items::{
        MATURITY_SECTION, PRECONDITIONS_SECTION, RED_FLAGS_SECTION, SEQUENCE_SECTION,
    };

    #[test]
    fn the_seed_reads_as_its_title_nine_sections_and_every_line() {
        let blocks = seed_blocks();
        assert_eq!(
            blocks[0],
            SeedBlock::Title(vec![
                "Kaizen Organizational Operating Module (KOOM)",
                "Deployment Readiness Layer – v1.0"
            ])
        );
        let sections: Vec<(u8, &str)> = blocks
            .iter()
            .filter_map(|b| match b {
                SeedBlock::Section { number, title } => Some((*number, *title)),
                _ => None,
            })
            .collect();
        assert_eq!(sections.len(), 9);
        assert_eq!(sections[1], (2, "Required Preconditions for Deployment"));
        assert_eq!(sections[8], (9, "Versioning"));
        // The sections the app's views cite are there.
        for s in [
            PRECONDITIONS_SECTION,
            MATURITY_SECTION,
            SEQUENCE_SECTION,
            RED_FLAGS_SECTION,
        ] {
            assert!(sections.iter().any(|(n, _)| *n == s.0));
        }
        // Nothing is lost: every non-blank line but the file name is in a block.
        let shown: usize = blocks
            .iter()
            .map(|b| match b {
                SeedBlock::Title(l) | SeedBlock::Paragraph(l) => l.len(),
                SeedBlock::Section { .. } => 1,
            })
            .sum();
        let lines = SEED_TEXT.lines().filter(|l| !l.trim().is_empty()).count();
        assert_eq!(shown, lines - 1);
        assert!(blocks.contains(&SeedBlock::Paragraph(vec!["No CoE = No KOOM.", "Period."])));
    }
}
