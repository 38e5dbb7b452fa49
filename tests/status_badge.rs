//! The status card for wikis that run no script (`domain::status_badge_svg`,
//! `status_block_markdown`, `status_block_html`): the SVG read back by a real XML parser, the
//! Markdown by a CommonMark parser, the HTML block by the XML parser; hostile names stay text.
#![cfg(not(target_arch = "wasm32"))]

use koom_readiness::domain::{
    evaluate, raccoons_inc, status_badge_svg, status_block_html, status_block_markdown, Assessment,
    Report, BADGE_FILE, RED_FLAGS,
};
use pulldown_cmark::{Event, Parser, Tag};

const DATE: &str = "2026-12-02";
const LINK: &str = "https://koom.example/readiness/#/s/AeMBAQAC60yqq";
const HOSTILE: &str = "<script>alert(1)</script> & \"Bob's\" [Co](x) *Ltd*";

/// The report of an assessment with a red flag reported: Stop.
fn stopped(organisation: &str) -> Report {
    let mut a = Assessment::new(organisation, "");
    let flag = RED_FLAGS[0].question;
    a.set_answer(flag.id, Some(flag.healthy.opposite()));
    Report::new(&a, &evaluate(&a), DATE).with_link(LINK.to_string())
}

/// The SVG's accessible name, its title, its two halves' colours and its texts.
fn read_svg(svg: &str) -> (String, String, Vec<String>, Vec<String>, f64) {
    let doc = roxmltree::Document::parse(svg).expect("the badge is well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    let width: f64 = root.attribute("width").unwrap().parse().unwrap();
    let title = root
        .children()
        .find(|n| n.has_tag_name("title"))
        .and_then(|n| n.text())
        .unwrap()
        .to_string();
    let fills = root
        .children()
        .filter(|n| n.has_tag_name("rect"))
        .map(|n| n.attribute("fill").unwrap().to_string())
        .collect();
    let texts = root
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| n.text().unwrap_or_default().to_string())
        .collect();
    (
        root.attribute("aria-label").unwrap().to_string(),
        title,
        fills,
        texts,
        width,
    )
}

#[test]
fn the_badge_says_where_the_organisation_stands_in_its_colour() {
    let report = stopped("Acme Logistics");
    let (label, title, fills, texts, width) = read_svg(&status_badge_svg(&report));
    assert_eq!(
        label,
        "KOOM readiness of Acme Logistics: Stop — do not deploy KOOM (2026-12-02)"
    );
    assert_eq!(title, label);
    assert_eq!(texts, ["KOOM readiness", "Stop · 2026-12-02"]);
    assert_eq!(fills, ["#3f4753", "#b42318"], "the Stop half is red");
    assert!(width > 100.0 && width < 300.0, "{width}");

    let ready = raccoons_inc();
    let report = Report::new(&ready, &evaluate(&ready), DATE);
    let (_, _, fills, texts, _) = read_svg(&status_badge_svg(&report));
    assert_ne!(fills[1], "#b42318");
    assert!(texts[1].ends_with(" · 2026-12-02"), "{texts:?}");
    assert!(
        !texts[1].contains('—'),
        "a word or two, not the whole headline: {texts:?}"
    );
}

#[test]
fn a_hostile_name_stays_text_in_the_svg_and_the_html() {
    let report = stopped(HOSTILE);
    let svg = status_badge_svg(&report);
    assert!(!svg.contains("<script>"));
    let (label, title, _, _, _) = read_svg(&svg);
    assert!(label.contains(HOSTILE.trim()), "{label}");
    assert_eq!(title, label);

    let html = status_block_html(&report);
    let doc = roxmltree::Document::parse(&html).expect("the HTML block is well-formed");
    let links: Vec<_> = doc.descendants().filter(|n| n.has_tag_name("a")).collect();
    assert_eq!(links.len(), 2);
    assert!(links.iter().all(|a| a.attribute("href") == Some(LINK)));
    let img = doc.descendants().find(|n| n.has_tag_name("img")).unwrap();
    assert_eq!(img.attribute("src"), Some(BADGE_FILE));
    assert!(img.attribute("alt").unwrap().contains(HOSTILE.trim()));
    assert_eq!(
        doc.descendants()
            .filter(|n| n.has_tag_name("script"))
            .count(),
        0
    );
}

#[test]
fn the_markdown_block_is_one_linked_image_and_a_link_whatever_the_name() {
    for name in ["Acme Logistics", HOSTILE] {
        let md = status_block_markdown(&stopped(name));
        let events: Vec<Event> = Parser::new(&md).collect();
        let links: Vec<String> = events
            .iter()
            .filter_map(|e| match e {
                Event::Start(Tag::Link { dest_url, .. }) => Some(dest_url.to_string()),
                _ => None,
            })
            .collect();
        assert_eq!(links, [LINK, LINK], "{md}");
        let images: Vec<String> = events
            .iter()
            .filter_map(|e| match e {
                Event::Start(Tag::Image { dest_url, .. }) => Some(dest_url.to_string()),
                _ => None,
            })
            .collect();
        assert_eq!(images, [BADGE_FILE], "{md}");
        assert!(
            !events
                .iter()
                .any(|e| matches!(e, Event::Html(_) | Event::InlineHtml(_))),
            "no HTML of its own: {md}"
        );
        let text: String = events
            .iter()
            .filter_map(|e| match e {
                Event::Text(t) => Some(t.to_string()),
                _ => None,
            })
            .collect();
        assert!(text.contains(name), "the name kept as text: {text}");
        assert!(
            text.contains("Stop — do not deploy KOOM — as of 2026-12-02."),
            "{text}"
        );
    }
}

#[test]
fn without_a_link_the_blocks_show_the_badge_alone() {
    let mut a = Assessment::new("Acme", "");
    let flag = RED_FLAGS[0].question;
    a.set_answer(flag.id, Some(flag.healthy.opposite()));
    let report = Report::new(&a, &evaluate(&a), DATE);
    let md = status_block_markdown(&report);
    assert!(
        md.starts_with(&format!(
            "![KOOM readiness of Acme: Stop — do not deploy KOOM (2026-12-02)]({BADGE_FILE})"
        )),
        "{md}"
    );
    assert!(!md.contains("Open the assessment"), "{md}");
    assert!(!status_block_html(&report).contains("<a "));
}
