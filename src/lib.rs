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

/// A text of the app in the language spoken now, written in English where it is used:
/// `tr!("Start")`. Every literal so wrapped is a key of every language's catalogue (the parity
/// test reads the sources for them). `tr!(expr)` of a text that is not a literal (the model's)
/// looks it up the same way.
macro_rules! tr {
    ($text:expr) => {
        $crate::domain::tr($text)
    };
}

/// A text with `{name}` placeholders, filled in: `trf!("Round {n}", n = 2)`.
macro_rules! trf {
    ($text:literal $(, $name:ident = $value:expr)+ $(,)?) => {
        $crate::domain::trf($text, &[$((stringify!($name), &$value as &dyn ::std::fmt::Display)),+])
    };
}

pub mod app;
pub mod browser;
pub mod components;
pub mod domain;

/// Mounts the application into `<body>`.
pub fn start() {
    // The language's texts first (a file of their own in the release build, except English's):
    // the first screen the app draws is in the reader's language. (Leptos' own executor is set
    // up by the mount, which comes after: the browser's runs this.)
    wasm_bindgen_futures::spawn_local(async {
        let languages = components::start_language().await;
        browser::take_over_first_screen();
        components::install_parts();
        leptos::mount::mount_to_body(move || leptos::view! { <components::App languages/> });
        components::preload_all();
    });
}
