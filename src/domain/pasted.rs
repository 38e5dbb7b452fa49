//! Share links pasted into a team view, one per line, each optionally preceded by the
//! respondent's name ("Ann: https://…#/s/…"). Every line is accounted for: a line that holds
//! no share link is named with its number, so the user sees which one to fix.

use super::route::Route;

/// One non-blank line of pasted text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PastedLink {
    /// The line's number in the pasted text (1-based).
    pub line: usize,
    /// The line as the user wrote it, shortened for a message (60 characters at most).
    pub shown: String,
    /// The name written before the link, if any.
    pub name: Option<String>,
    /// The share link's payload, or why the line holds none.
    pub payload: Result<String, PastedLinkError>,
}

/// Why a pasted line holds no share link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PastedLinkError {
    /// No `#/s/` in it: not a share link of KOOM Readiness.
    NotAShareLink,
    /// A `#/s/` address whose payload has characters a link never has (cut or altered).
    Damaged,
}

impl std::fmt::Display for PastedLinkError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PastedLinkError::NotAShareLink => write!(
                f,
                "it is not a KOOM Readiness share link (one has “#/s/” in it; make one with “Make the link” on the report)."
            ),
            PastedLinkError::Damaged => write!(
                f,
                "the link is damaged: part of it was changed or cut off. Ask for the link again."
            ),
        }
    }
}

const SHOWN_CHARS: usize = 60;

fn shorten(line: &str) -> String {
    if line.chars().count() <= SHOWN_CHARS {
        line.to_string()
    } else {
        let head: String = line.chars().take(SHOWN_CHARS - 1).collect();
        format!("{head}…")
    }
}

/// Where the link starts in a line: at `http://`/`https://` if the line has one before its
/// `#/s/`, else at the `#/s/` itself.
fn link_start(line: &str, marker: usize) -> usize {
    ["https://", "http://"]
        .iter()
        .filter_map(|scheme| line[..marker].rfind(scheme))
        .min()
        .unwrap_or(marker)
}

fn name_before(text: &str) -> Option<String> {
    let name = text
        .trim()
        .trim_end_matches([':', '-', '–', '—', ',', ';', '=', '|'])
        .trim();
    (!name.is_empty()).then(|| name.to_string())
}

/// Reads pasted text: one entry per non-blank line, in order.
pub fn pasted_links(text: &str) -> Vec<PastedLink> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(i, line)| {
            let line = line.trim();
            let (name, payload) = match line.find("#/s/") {
                None => (None, Err(PastedLinkError::NotAShareLink)),
                Some(marker) => {
                    let start = link_start(line, marker);
                    // The link ends at the first white space (a sentence may follow it).
                    let fragment = line[marker..].split_whitespace().next().unwrap_or("");
                    let payload = match Route::parse(fragment) {
                        Route::Shared { payload, .. } => Ok(payload),
                        _ => Err(PastedLinkError::Damaged),
                    };
                    (name_before(&line[..start]), payload)
                }
            };
            PastedLink {
                line: i + 1,
                shown: shorten(line),
                name,
                payload,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_non_blank_line_is_one_entry_with_its_number() {
        let text = "Ann: https://x.example/koom/#/s/AbC-1_x\n\n  https://x.example/#/s/Zz/report  \nnot a link\nBob — #/s/Q9\n";
        let links = pasted_links(text);
        assert_eq!(links.len(), 4);
        assert_eq!(links[0].line, 1);
        assert_eq!(links[0].name.as_deref(), Some("Ann"));
        assert_eq!(links[0].payload, Ok("AbC-1_x".to_string()));
        assert_eq!(links[1].line, 3);
        assert_eq!(links[1].name, None);
        assert_eq!(links[1].payload, Ok("Zz".to_string()));
        assert_eq!(links[2].line, 4);
        assert_eq!(links[2].payload, Err(PastedLinkError::NotAShareLink));
        assert_eq!(links[3].name.as_deref(), Some("Bob"));
        assert_eq!(links[3].payload, Ok("Q9".to_string()));
    }

    #[test]
    fn a_link_with_foreign_characters_is_damaged_not_cut_silently() {
        let links = pasted_links("https://x.example/#/s/AB%20CD");
        assert_eq!(links[0].payload, Err(PastedLinkError::Damaged));
        let links = pasted_links("https://x.example/#/s/");
        assert_eq!(links[0].payload, Err(PastedLinkError::Damaged));
    }

    #[test]
    fn a_sentence_after_the_link_is_not_part_of_it() {
        let links = pasted_links("Cleo https://x.example/#/s/Pq7 (from the workshop)");
        assert_eq!(links[0].name.as_deref(), Some("Cleo"));
        assert_eq!(links[0].payload, Ok("Pq7".to_string()));
    }

    #[test]
    fn long_lines_are_shortened_for_messages_only() {
        let line = format!("https://x.example/#/s/{}", "A".repeat(500));
        let links = pasted_links(&line);
        assert_eq!(links[0].shown.chars().count(), 60);
        assert!(links[0].shown.ends_with('…'));
        assert_eq!(links[0].payload, Ok("A".repeat(500)));
    }

    #[test]
    fn messages_say_what_to_do() {
        assert_eq!(
            PastedLinkError::NotAShareLink.to_string(),
            "it is not a KOOM Readiness share link (one has “#/s/” in it; make one with “Make the link” on the report)."
        );
        assert_eq!(
            PastedLinkError::Damaged.to_string(),
            "the link is damaged: part of it was changed or cut off. Ask for the link again."
        );
    }
}
