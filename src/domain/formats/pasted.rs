//! Share links pasted into a team view, one per line, each optionally preceded by the
//! respondent's name ("Ann: https://…#/s/…"). Every line is accounted for: a line that holds
//! no share link is named with its number, so the user sees which one to fix.

use crate::domain::formats::mend::mend_share_link;
use crate::domain::route::Route;

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
            PastedLinkError::NotAShareLink => f.write_str(tr!(
                "it is not a KOOM Readiness share link (one has “#/s/” in it; make one with “Make the link” on the report)."
            )),
            PastedLinkError::Damaged => f.write_str(tr!(
                "the link is damaged: part of it was changed or cut off. Ask for the link again."
            )),
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
        .trim_end_matches(|c: char| {
            c.is_whitespace()
                || [
                    ':', '-', '–', '—', ',', ';', '=', '|', '<', '(', '[', '"', '\'', '“', '‘',
                    '«', '*',
                ]
                .contains(&c)
        })
        .trim();
    (!name.is_empty()).then(|| name.to_string())
}

/// How many pieces (white-space separated, on the link's line and the lines after it) a link
/// broken by a line wrap or stray spaces may be rejoined from.
const MAX_PIECES: usize = 12;

/// The link starting at `marker` in line `index`, rejoined with the pieces after it when a line
/// wrap or spaces broke it ([`mend_share_link`]): its mended fragment and the index of the last
/// line it took. `None` when no rejoining gives a share link that passes its checks.
fn mended_link(lines: &[&str], index: usize, marker: usize) -> Option<(String, usize)> {
    let first = lines[index].trim();
    let pieces = first[marker..]
        .split_whitespace()
        .map(|piece| (piece, index))
        .chain(lines[index + 1..].iter().enumerate().flat_map(|(k, line)| {
            line.split_whitespace()
                .map(move |piece| (piece, index + 1 + k))
        }))
        .take(MAX_PIECES);
    let mut joined = String::new();
    for (piece, line) in pieces {
        if line > index && piece.contains("#/s/") {
            // The next link begins: this one is not rejoined from it.
            return None;
        }
        joined.push_str(piece);
        joined.push('\n');
        if let Some(fragment) = mend_share_link(&joined) {
            return Some((fragment, line));
        }
    }
    None
}

/// Reads pasted text: one entry per non-blank line, in order. A link broken over several
/// lines (an e-mail's line wrap) is one entry, numbered by its first line.
pub fn pasted_links(text: &str) -> Vec<PastedLink> {
    let lines: Vec<&str> = text.lines().collect();
    let mut links = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i].trim();
        if line.is_empty() {
            i += 1;
            continue;
        }
        let mut last = i;
        let (name, payload) = match line.find("#/s/") {
            None => (None, Err(PastedLinkError::NotAShareLink)),
            Some(marker) => {
                let start = link_start(line, marker);
                let fragment = match mended_link(&lines, i, marker) {
                    Some((fragment, end)) => {
                        last = end;
                        fragment
                    }
                    // The link ends at the first white space (a sentence may follow it).
                    None => line[marker..]
                        .split_whitespace()
                        .next()
                        .unwrap_or("")
                        .to_string(),
                };
                let payload = match Route::parse(&fragment) {
                    Route::Shared { payload, .. } => Ok(payload),
                    _ => Err(PastedLinkError::Damaged),
                };
                (name_before(&line[..start]), payload)
            }
        };
        links.push(PastedLink {
            line: i + 1,
            shown: shorten(line),
            name,
            payload,
        });
        i = last + 1;
    }
    links
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

    fn real_payload() -> String {
        let options = crate::domain::ShareOptions {
            notes: false,
            made_on: "2026-12-02".to_string(),
        };
        crate::domain::encode_share(&crate::domain::raccoons_inc(), options, None)
    }

    #[test]
    fn links_damaged_in_transport_open_and_a_wrapped_link_is_one_entry() {
        let p = real_payload();
        let (a, b) = p.split_at(50);
        let text = format!(
            "Ann: <https://x.example/#/s/{p}>\nBob (https://x.example/#/s/{p}).\nCleo: https://x.example/#/s/{a}=\n{b}\nDan: \"https://x.example/#/s/{a}\n   {b}\"\nnot a link\n"
        );
        let links = pasted_links(&text);
        let got: Vec<_> = links
            .iter()
            .map(|l| (l.line, l.name.clone(), l.payload.clone()))
            .collect();
        let ok = |line, name: &str| (line, Some(name.to_string()), Ok(p.clone()));
        assert_eq!(
            got,
            vec![
                ok(1, "Ann"),
                ok(2, "Bob"),
                ok(3, "Cleo"),
                ok(5, "Dan"),
                (7, None, Err(PastedLinkError::NotAShareLink)),
            ]
        );
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
