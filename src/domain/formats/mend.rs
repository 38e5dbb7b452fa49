//! Share links damaged in transport: what chat, Markdown and e-mail do to a link on its way
//! (a ")" or "." or quote after it, "<…>" around it, a line wrap inside it, a quoted-printable
//! soft break "=" at the wrap, spaces and quotes turned into `%20`/`%22` by the browser) is
//! undone here, so the link opens. A link is mended only when the result passes every check a
//! share link can pass before it is opened (alphabet, length, checksum, versions): anything
//! else keeps the precise message it had (cut off, one character changed, not a share link).

use crate::domain::formats::share::decode_share;
use crate::domain::route::Route;

/// Escapes a browser writes into an address for characters a share link never holds
/// (white space, quotes, angle brackets), with the character each stands for.
const TRANSPORT_ESCAPES: [(&str, char); 9] = [
    ("%20", ' '),
    ("%22", '"'),
    ("%27", '\''),
    ("%3C", '<'),
    ("%3E", '>'),
    ("%60", '`'),
    ("%0A", '\n'),
    ("%0D", '\r'),
    ("%09", '\t'),
];

fn unescape_transport(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('%') {
        out.push_str(&rest[..at]);
        let escape = rest.get(at..at + 3);
        match escape.and_then(|e| {
            TRANSPORT_ESCAPES
                .iter()
                .find(|(code, _)| code.eq_ignore_ascii_case(e))
        }) {
            Some((_, c)) => {
                out.push(*c);
                rest = &rest[at + 3..];
            }
            None => {
                out.push('%');
                rest = &rest[at + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Mends a share link (an address, or the text from its `#/s/` on) damaged in transport.
/// Returns the link's fragment (`#/s/<payload>[/<page>]`) when the mended link is a share link
/// that passes every check before opening, and `None` otherwise (then the link is read as it
/// is, and gets its precise message).
pub fn mend_share_link(text: &str) -> Option<String> {
    let unescaped = unescape_transport(text);
    // Quoted-printable soft breaks, then every line wrap and space the link picked up.
    let joined: String = unescaped
        .replace("=\r\n", "")
        .replace("=\n", "")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let marker = joined.find("#/s/")?;
    let link = &joined[marker + "#/s/".len()..];
    // What a link never ends with: a closing bracket, a full stop, a quote, "*" from Markdown.
    let link = link
        .trim_end_matches(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '/')));
    // A soft break whose line end was already dropped leaves its "=", which a link never holds.
    let fragment = format!("#/s/{}", link.replace('=', ""));
    match Route::parse(&fragment) {
        Route::Shared { ref payload, .. } if decode_share(payload).is_ok() => Some(fragment),
        _ => None,
    }
}

/// Reads an address's fragment as a route, mending a share link damaged in transport
/// ([`mend_share_link`]) first.
pub fn parse_address(fragment: &str) -> Route {
    match mend_share_link(fragment) {
        Some(mended) => Route::parse(&mended),
        None => Route::parse(fragment),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::formats::share::{encode_share, ShareOptions};
    use crate::domain::{raccoons_inc, Page};

    fn payload() -> String {
        let options = ShareOptions {
            notes: true,
            made_on: "2026-12-02".to_string(),
        };
        encode_share(&raccoons_inc(), options, None)
    }

    fn opens(text: &str, payload: &str) {
        match mend_share_link(text).map(|f| Route::parse(&f)) {
            Some(Route::Shared { payload: p, .. }) => assert_eq!(p, payload, "{text}"),
            other => panic!("{text:?} did not open: {other:?}"),
        }
    }

    #[test]
    fn chat_and_markdown_leftovers_after_a_link_are_dropped() {
        let p = payload();
        for tail in [
            ")", ".", ").", ">", "\"", "'", "”", " ", "  \n", "*", ",", "]", "?",
        ] {
            opens(&format!("https://x.example/koom/#/s/{p}{tail}"), &p);
            opens(&format!("#/s/{p}/report{tail}"), &p);
        }
        opens(&format!("<https://x.example/#/s/{p}>"), &p);
        opens(&format!("[the link](https://x.example/#/s/{p})"), &p);
        opens(&format!("\"https://x.example/#/s/{p}\""), &p);
    }

    #[test]
    fn the_browser_escapes_of_a_damaged_address_are_undone() {
        let p = payload();
        opens(&format!("#/s/{p}%20"), &p);
        opens(&format!("#/s/{p}%3E"), &p);
        opens(&format!("#/s/{p}%22"), &p);
        let (a, b) = p.split_at(p.len() / 2);
        opens(&format!("#/s/{a}%20{b}"), &p);
    }

    #[test]
    fn an_email_line_wrap_is_rejoined() {
        let p = payload();
        let (a, b) = p.split_at(40);
        opens(&format!("https://x.example/#/s/{a}\n{b}"), &p);
        opens(&format!("https://x.example/#/s/{a}\r\n  {b}"), &p);
        // Quoted-printable: a soft break "=" at the end of the wrapped line.
        opens(&format!("https://x.example/#/s/{a}=\n{b}"), &p);
        opens(&format!("https://x.example/#/s/{a}=\r\n{b}"), &p);
        // The browser already dropped the line end: the "=" is left inside.
        opens(&format!("#/s/{a}={b}"), &p);
    }

    #[test]
    fn the_page_after_the_payload_is_kept() {
        let p = payload();
        let mended = mend_share_link(&format!("#/s/{p}/report)")).unwrap();
        assert_eq!(
            Route::parse(&mended),
            Route::Shared {
                payload: p,
                page: Page::Report
            }
        );
    }

    #[test]
    fn anything_else_is_left_for_its_precise_message() {
        let p = payload();
        // Cut off: not mended (the link says it is incomplete).
        assert_eq!(
            mend_share_link(&format!("#/s/{})", &p[..p.len() - 5])),
            None
        );
        // One character changed: not mended (the checksum says so).
        let mut changed = p.clone().into_bytes();
        changed[10] = if changed[10] == b'A' { b'B' } else { b'A' };
        let changed = String::from_utf8(changed).unwrap();
        assert_eq!(mend_share_link(&format!("#/s/{changed}")), None);
        // Not a share link at all.
        assert_eq!(mend_share_link("#/a/abc"), None);
        assert_eq!(mend_share_link("https://x.example/"), None);
        // A clean link reads as it always did.
        assert_eq!(
            parse_address(&format!("#/s/{p}")),
            Route::parse(&format!("#/s/{p}"))
        );
        assert_eq!(parse_address("#/nonsense)"), Route::parse("#/nonsense)"));
    }
}
