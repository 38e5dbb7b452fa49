//! QR codes (`domain::qr_code`): what the SVG draws is read back the way a phone would — the XML
//! parsed by a real parser (roxmltree), its path drawn into pixels, the pixels decoded by a real
//! QR decoder (rqrr) — for the join address, real share links (the example, with notes, the
//! largest), and the largest text a code holds; plus the join address rule.
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/links.rs"]
mod links;

use koom_readiness::domain::{
    join_link, join_problem, qr_code, raccoons_inc, JoinProblem, QrError, QR_MAX_BYTES,
    QR_QUIET_ZONE,
};

/// Reads the SVG back as XML (a real parser), draws its path into a pixel image, and asks a
/// real QR decoder what it says: what a phone camera would read.
fn read_back(svg: &str) -> (String, String) {
    let doc = roxmltree::Document::parse(svg).expect("the SVG is well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    let view: Vec<usize> = root
        .attribute("viewBox")
        .expect("a viewBox")
        .split(' ')
        .map(|n| n.parse().unwrap())
        .collect();
    let side = view[2];
    let title = root
        .children()
        .find(|n| n.has_tag_name("title"))
        .and_then(|n| n.text())
        .unwrap_or_default()
        .to_string();
    assert_eq!(root.attribute("aria-label"), Some(title.as_str()));
    // Black on a white square that covers the whole image, whatever the page's theme.
    let rect = root
        .children()
        .find(|n| n.has_tag_name("rect"))
        .expect("a background");
    assert_eq!(rect.attribute("fill"), Some("#fff"));
    assert_eq!(rect.attribute("width"), Some(side.to_string().as_str()));
    assert_eq!(rect.attribute("height"), Some(side.to_string().as_str()));
    assert_eq!(rect.attribute("x").unwrap_or("0"), "0");
    let path = root
        .children()
        .find(|n| n.has_tag_name("path"))
        .expect("a path");
    assert_eq!(path.attribute("fill"), Some("#000"));
    let d = path.attribute("d").expect("the path's data");
    let mut grid = vec![false; side * side];
    for run in d.split('z').filter(|r| !r.is_empty()) {
        let (at, rest) = run.trim_start_matches('M').split_once('h').unwrap();
        let (x, y) = at.split_once(',').unwrap();
        let (x, y): (usize, usize) = (x.parse().unwrap(), y.parse().unwrap());
        let width: usize = rest.split_once('v').unwrap().0.parse().unwrap();
        assert_eq!(
            rest,
            format!("{width}v1h-{width}"),
            "a run is one module high"
        );
        // Every run inside the code: the four-module quiet zone stays light on every side.
        let zone = QR_QUIET_ZONE;
        assert!(x >= zone && y >= zone, "a run in the quiet zone at {x},{y}");
        assert!(
            x + width <= side - zone && y < side - zone,
            "a run in the quiet zone at {x},{y}"
        );
        assert!(width > 0);
        for dx in 0..width {
            assert!(!grid[y * side + x + dx], "runs never overlap");
            grid[y * side + x + dx] = true;
        }
    }
    let scale = 4;
    let mut image =
        rqrr::PreparedImage::prepare_from_greyscale(side * scale, side * scale, |x, y| {
            if grid[(y / scale) * side + x / scale] {
                0
            } else {
                255
            }
        });
    let grids = image.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code in the image");
    (grids[0].decode().expect("the code decodes").1, title)
}

#[test]
fn the_example_s_share_links_read_back_from_the_svg() {
    let example = raccoons_inc();
    for notes in [false, true] {
        let link = format!(
            "https://koom.example/readiness/#/s/{}",
            links::share(&example, notes, true)
        );
        let code = qr_code(&link).unwrap();
        let (text, title) = read_back(&code.to_svg("Scan to open these answers"));
        assert_eq!(text, link);
        assert_eq!(title, "Scan to open these answers");
    }
    let plain = format!(
        "https://koom.example/#/s/{}",
        links::share(&example, false, true)
    );
    assert!(
        !qr_code(&plain).unwrap().is_dense(),
        "{} characters",
        plain.len()
    );
}

#[test]
fn the_largest_share_link_reads_back() {
    let largest = format!(
        "https://intranet.example/koom/#/s/{}",
        links::share(&links::budget_case(), true, false)
    );
    let code = qr_code(&largest).unwrap();
    assert_eq!(read_back(&code.to_svg("largest")).0, largest);
}

#[test]
fn the_blank_assessment_address_and_a_long_link_read_back() {
    for link in [
        "https://intranet.example/koom/".to_string(),
        format!("https://koom.example/#s1.{}", "Ab9_-".repeat(300)),
    ] {
        let code = qr_code(&link).unwrap();
        assert_eq!(read_back(&code.to_svg("code")).0, link);
    }
}

#[test]
fn the_quiet_zone_is_four_light_modules_and_the_title_is_escaped() {
    let code = qr_code("https://koom.example/").unwrap();
    let svg = code.to_svg("Ben's <team> & \"co\"");
    assert!(svg.contains("Ben&apos;s &lt;team&gt; &amp; &quot;co&quot;"));
    assert_eq!(read_back(&svg).1, "Ben's <team> & \"co\"");
    let side = code.size() + 8;
    assert!(svg.contains(&format!("viewBox=\"0 0 {side} {side}\"")));
}

#[test]
fn phones_can_join_a_served_address_but_not_a_file_or_this_computer() {
    for reachable in [
        "https://koom.example/readiness/",
        "http://192.168.1.20:8080/",
        "https://wiki.example/koom?embed=1",
        "https://user@intranet.example:8443/koom/",
        "http://[2001:db8::1]:8080/",
        "https://localhost.example/",
    ] {
        assert_eq!(join_problem(reachable), None, "{reachable}");
    }
    for (address, problem) in [
        ("file:///home/ana/koom-readiness.html", JoinProblem::File),
        ("null", JoinProblem::File),
        ("http://localhost:8080/", JoinProblem::ThisComputer),
        ("http://LOCALHOST/", JoinProblem::ThisComputer),
        (
            "http://127.0.0.1:4173/index.html",
            JoinProblem::ThisComputer,
        ),
        ("http://[::1]:8080/", JoinProblem::ThisComputer),
        ("http://0.0.0.0:8080/", JoinProblem::ThisComputer),
        ("http://koom.localhost/", JoinProblem::ThisComputer),
    ] {
        assert_eq!(join_problem(address), Some(problem), "{address}");
    }
    assert!(JoinProblem::File
        .to_string()
        .starts_with("This copy runs from a file"));
    assert_eq!(
        join_link("https://intranet.example/koom/index.html"),
        "https://intranet.example/koom/index.html#/",
        "the start screen asked for by name"
    );
}

#[test]
fn a_text_beyond_the_largest_code_is_refused_with_a_clear_message() {
    let long = format!("https://koom.example/#{}", "x".repeat(QR_MAX_BYTES));
    let err = qr_code(&long).unwrap_err();
    assert_eq!(err, QrError::TooLong { bytes: long.len() });
    assert_eq!(
        err.to_string(),
        "This link is too long for a QR code (2,975 bytes; a QR code holds at most 2,953). Share the link or the file instead."
    );
    let most = "x".repeat(QR_MAX_BYTES);
    let code = qr_code(&most).unwrap();
    assert_eq!(code.size(), 177, "version 40 holds the most");
    assert!(code.is_dense());
}
