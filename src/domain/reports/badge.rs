//! The status card for wikis that run no script (where the embed snippet is not allowed): an SVG
//! badge — "KOOM readiness · Hold · 2026-12-02" in the stage's colour, its words as its
//! accessible name — and a Markdown or HTML block that shows it and links to the assessment's
//! read-only share link. Made from the one report value.

use crate::domain::formats::xml;
use crate::domain::reports::report::{markdown_line, Report};

/// The badge's left half.
pub const BADGE_LABEL: &str = "KOOM readiness";

/// [`BADGE_LABEL`] in the language spoken now (the constant is its English text, the key).
fn badge_label() -> &'static str {
    tr!("KOOM readiness")
}

/// The file name the badge is downloaded as, and that the blocks show.
pub const BADGE_FILE: &str = "koom-readiness-status.svg";

/// The badge's height in pixels.
const HEIGHT: usize = 20;

/// The width a text is given: Verdana at 11 px averages under 7 px a character; the text is
/// fitted to it exactly (`textLength`), so an estimate never overflows its half.
fn text_width(text: &str) -> usize {
    text.chars().count() * 7 + 12
}

/// The colour of a stage's tone on the badge (the light theme's, with white text on it at a
/// contrast of 4.5:1 or more).
fn tone_colour(tone: &str) -> &'static str {
    match tone {
        "stop" => "#b42318",
        "caution" => "#8a5a00",
        "build" => "#6b3fa0",
        "healthy" => "#1e7a3c",
        _ => "#1d4ed8",
    }
}

/// The stage in a word or two: the short headline up to its dash ("Hold", "Deploying").
fn stage_word(report: &Report) -> &str {
    report
        .stage_short
        .split(" — ")
        .next()
        .unwrap_or(&report.stage_short)
}

/// The badge's right half: the stage in a word or two and the report's date.
pub fn badge_value(report: &Report) -> String {
    format!("{} · {}", stage_word(report), report.date)
}

/// What the badge says in full, for screen readers and as the image's text alternative:
/// "KOOM readiness of Acme: Hold — find out first (2026-12-02)".
pub fn badge_alt(report: &Report) -> String {
    trf!(
        "{label} of {title}: {stage} ({date})",
        label = badge_label(),
        title = report.title,
        stage = report.stage,
        date = report.date
    )
}

/// The badge as a standalone SVG image.
pub fn status_badge_svg(report: &Report) -> String {
    let value = badge_value(report);
    let (left, right) = (text_width(badge_label()), text_width(&value));
    let width = left + right;
    let text = |x: usize, length: usize, words: &str| {
        format!(
            "<text x=\"{}\" y=\"14\" textLength=\"{}\" lengthAdjust=\"spacingAndGlyphs\">{}</text>",
            x,
            length - 12,
            xml::escape(words)
        )
    };
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{HEIGHT}\" viewBox=\"0 0 {width} {HEIGHT}\" role=\"img\" aria-label=\"{alt}\"><title>{alt}</title><rect width=\"{left}\" height=\"{HEIGHT}\" fill=\"#3f4753\"/><rect x=\"{left}\" width=\"{right}\" height=\"{HEIGHT}\" fill=\"{colour}\"/><g fill=\"#fff\" font-family=\"Verdana,DejaVu Sans,sans-serif\" font-size=\"11\">{label}{value}</g></svg>",
        alt = xml::escape(&badge_alt(report)),
        colour = tone_colour(report.tone),
        label = text(6, left, badge_label()),
        value = text(left + 6, right, &value),
    )
}

/// The Markdown block: the badge (uploaded next to the page as [`BADGE_FILE`]) linking to the
/// read-only assessment, and the stage in words for readers without images.
pub fn status_block_markdown(report: &Report) -> String {
    // Brackets would end the image's text early: they go before the rest is escaped.
    let alt = markdown_line(&badge_alt(report).replace(['[', ']'], ""));
    let image = format!("![{alt}]({BADGE_FILE})");
    let words = markdown_line(&trf!(
        "{title}: {stage} — as of {date}.",
        title = report.title,
        stage = report.stage,
        date = report.date
    ));
    match &report.share_link {
        Some(link) => format!(
            "[{image}](<{link}>)\n\n{words} [{open}](<{link}>)\n",
            open = markdown_line(tr!("Open the assessment (read-only)"))
        ),
        None => format!("{image}\n\n{words}\n"),
    }
}

/// The HTML block: the same, for wikis that take HTML (well-formed XHTML, so any parser reads
/// it).
pub fn status_block_html(report: &Report) -> String {
    let alt = xml::escape(&badge_alt(report));
    let width = text_width(badge_label()) + text_width(&badge_value(report));
    let image =
        format!("<img src=\"{BADGE_FILE}\" alt=\"{alt}\" width=\"{width}\" height=\"{HEIGHT}\" />");
    match &report.share_link {
        Some(link) => format!(
            "<p><a href=\"{href}\">{image}</a> <a href=\"{href}\">{open}</a></p>\n",
            href = xml::escape(link),
            open = xml::escape(tr!("Open the assessment (read-only)"))
        ),
        None => format!("<p>{image}</p>\n"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_label_is_the_english_of_its_text() {
        assert_eq!(badge_label(), BADGE_LABEL);
    }
}
