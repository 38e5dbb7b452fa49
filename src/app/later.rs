//! Operations of the app whose code the release build fetches after start-up (issue 20,
//! `docs/size.md`).
//!
//! With the `split` feature, an operation declared with [`later!`] is a split point of the
//! same split module as the later views (`split_later.wasm`, see `components/part_views.rs`): its
//! body, and whatever only it reaches (the team views' records and rules, the file readers),
//! leaves the first load. The call then waits for the module (fetched once, usually already
//! there from the idle preload) and fails with [`PartFailed`] if it cannot be fetched; the
//! caller says so and loses nothing. Without the feature (the development server, the tests,
//! the opaque-frame build and the offline copy) the same function is a plain call that never
//! fails.

/// A later part that could not be fetched (the splitter logs the details to the console).
pub type PartFailed = leptos::wasm_split::SplitLoaderError;

/// Declares an operation whose code is in the later part: `later! { fn name(args) -> T { … } }`
/// makes `async fn name(args) -> Result<T, PartFailed>`.
// (rustfmt indents the attribute's arguments further on every run: it is kept as written.)
#[rustfmt::skip]
macro_rules! later {
    ($(#[$doc:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty $body:block) => {
        $(#[$doc])*
        #[cfg(feature = "split")]
        #[leptos::wasm_split::wasm_split(later, wasm_split_path = ::leptos::wasm_split, fallible)]
        $vis fn $name($($arg: $ty),*) -> Result<$ret, $crate::app::PartFailed> {
            Ok($body)
        }

        $(#[$doc])*
        #[cfg(not(feature = "split"))]
        $vis async fn $name($($arg: $ty),*) -> Result<$ret, $crate::app::PartFailed> {
            Ok($body)
        }
    };
}

pub(crate) use later;
