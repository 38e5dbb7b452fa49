//! KOOM Readiness: a self-assessment of whether an organisation is ready to deploy the
//! Kaizen Organizational Operating Module (KOOM).
//!
//! Three layers, arrows pointing one way:
//! - [`domain`]: the KOOM model as data, answers, the verdict engine, codecs. Pure Rust.
//! - [`browser`]: thin wrappers over storage, URL, clipboard, download, print, iframe messaging.
//! - [`components`]: Leptos components that render state and send intents.

pub mod browser;
pub mod components;
pub mod domain;

/// Mounts the application into `<body>`.
pub fn start() {
    leptos::mount::mount_to_body(components::App);
}
