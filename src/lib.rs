//! KOOM Readiness: a self-assessment of whether an organisation is ready to deploy the
//! Kaizen Organizational Operating Module (KOOM).
//!
//! Layers, arrows pointing one way (`docs/architecture.md`):
//! - [`domain`]: the KOOM model as data, answers, the verdict engine, codecs. Pure Rust.
//! - [`browser`]: thin wrappers over storage, files, clipboard, print and the page; every
//!   call that can fail returns `Result` or `Option`. Uses the domain's types only.
//! - [`app`]: the state (the assessment on screen, the view, the saved library) and the
//!   intents that change it.
//! - [`components`]: Leptos components that render state and send intents.

pub mod app;
pub mod browser;
pub mod components;
pub mod domain;

/// Mounts the application into `<body>`.
pub fn start() {
    browser::take_over_first_screen();
    leptos::mount::mount_to_body(components::App);
    components::preload_all();
}
