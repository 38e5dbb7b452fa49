//! QR codes a phone camera reads: the workshop's join code (the blank assessment's address) and
//! a respondent's "send my answers" (their share link), drawn as SVG.
//!
//! The encoding is `qrcodegen`'s (Nayuki's reference implementation: byte mode for our links,
//! the smallest version that holds the text, the error correction raised as far as that version
//! allows). This module only draws its modules: one path of horizontal runs, black on a white
//! square with the four-module quiet zone the standard asks for, whatever the page's colours
//! (a camera needs dark on light).

use std::fmt;
use std::net::IpAddr;

use qrcodegen::{DataTooLong, QrCodeEcc};

use crate::domain::formats::xml;
use crate::domain::model::limits::group_thousands;
use crate::domain::route::Route;

/// The quiet zone around a code, in modules (ISO/IEC 18004 asks for four).
pub const QR_QUIET_ZONE: usize = 4;

/// The most bytes a QR code holds (version 40, low error correction, byte mode).
pub const QR_MAX_BYTES: usize = 2953;

/// A code wider than this many modules (version 21 and up) is hard for a phone to read off a
/// screen across a room: the view says so and offers the link instead.
pub const QR_DENSE_MODULES: usize = 100;

/// A QR code: its modules, row by row, dark or light.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QrCode {
    size: usize,
    dark: Vec<bool>,
}

/// Why a text has no QR code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QrError {
    /// The text is longer than the largest QR code holds.
    TooLong {
        /// The text's length in bytes (UTF-8).
        bytes: usize,
    },
}

impl fmt::Display for QrError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            QrError::TooLong { bytes } => f.write_str(&trf!(
                "This link is too long for a QR code ({bytes} bytes; a QR code holds at most {max}). Share the link or the file instead.",
                bytes = group_thousands(*bytes),
                max = group_thousands(QR_MAX_BYTES)
            )),
        }
    }
}

impl std::error::Error for QrError {}

/// The QR code of a text (a link), or why there is none.
pub fn qr_code(text: &str) -> Result<QrCode, QrError> {
    let code = qrcodegen::QrCode::encode_text(text, QrCodeEcc::Low).map_err(|e| match e {
        DataTooLong::SegmentTooLong | DataTooLong::DataOverCapacity(..) => {
            QrError::TooLong { bytes: text.len() }
        }
    })?;
    let size = usize::try_from(code.size()).unwrap_or(0);
    let dark = (0..code.size())
        .flat_map(|y| (0..code.size()).map(move |x| (x, y)))
        .map(|(x, y)| code.get_module(x, y))
        .collect();
    Ok(QrCode { size, dark })
}

impl QrCode {
    /// The width (and height) in modules, without the quiet zone.
    pub fn size(&self) -> usize {
        self.size
    }

    /// Whether the module at column `x`, row `y` is dark (false outside the code).
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        x < self.size && y < self.size && self.dark[y * self.size + x]
    }

    /// Whether the code is dense enough that a phone may not read it off a screen.
    pub fn is_dense(&self) -> bool {
        self.size > QR_DENSE_MODULES
    }

    /// The code as a standalone SVG image: a white square with the quiet zone, the dark modules
    /// as one path of horizontal runs, `title` as its accessible name (escaped).
    pub fn to_svg(&self, title: &str) -> String {
        let side = self.size + 2 * QR_QUIET_ZONE;
        let mut path = String::new();
        for y in 0..self.size {
            let mut x = 0;
            while x < self.size {
                if !self.is_dark(x, y) {
                    x += 1;
                    continue;
                }
                let start = x;
                while self.is_dark(x, y) {
                    x += 1;
                }
                path.push_str(&format!(
                    "M{},{}h{}v1h-{}z",
                    start + QR_QUIET_ZONE,
                    y + QR_QUIET_ZONE,
                    x - start,
                    x - start
                ));
            }
        }
        format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {side} {side}\" role=\"img\" aria-label=\"{title}\" shape-rendering=\"crispEdges\"><title>{title}</title><rect width=\"{side}\" height=\"{side}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{path}\"/></svg>",
            title = xml::escape(title),
        )
    }
}

/// Why phones in the room cannot open the address a join code would carry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JoinProblem {
    /// The page runs from a file on this computer (the offline copy).
    File,
    /// The page is served by this computer to itself only (`localhost`, `127.0.0.1`, `[::1]`).
    ThisComputer,
}

impl fmt::Display for JoinProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JoinProblem::File => f.write_str(tr!("This copy runs from a file on this computer: phones cannot open it. Host the app where the team can reach it (any web server or intranet), or have each person open their own copy.")),
            JoinProblem::ThisComputer => f.write_str(tr!("This address only works on this computer (it is served to itself): phones in the room cannot open it. Use the address the team reaches the app at.")),
        }
    }
}

/// Whether phones can open `address` (the page's own address), or why not.
pub fn join_problem(address: &str) -> Option<JoinProblem> {
    let lower = address.to_ascii_lowercase();
    let Some((scheme, rest)) = lower.split_once("://") else {
        return Some(JoinProblem::File);
    };
    if scheme != "http" && scheme != "https" {
        return Some(JoinProblem::File);
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = match host.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(v6),
        None => host.split(':').next().unwrap_or(host),
    };
    let local = match host.parse::<IpAddr>() {
        Ok(IpAddr::V4(ip)) => ip.is_loopback() || ip.is_unspecified(),
        Ok(IpAddr::V6(ip)) => {
            ip.is_loopback()
                || ip.is_unspecified()
                || ip.to_ipv4_mapped().is_some_and(|v4| v4.is_loopback())
        }
        Err(_) => host == "localhost" || host.ends_with(".localhost"),
    };
    local.then_some(JoinProblem::ThisComputer)
}

/// The address a join code carries: the page's own address (no query, so never the embed
/// layout) and its start screen asked for by name, so that a phone which used the app before
/// does not reopen what it had open last.
pub fn join_link(page_address: &str) -> String {
    format!("{page_address}{}", Route::Start.fragment())
}
