//! What the release build fetches after start-up (issue 20, `docs/size.md`): the one
//! mechanism for a split point, [`later!`], used by the app's operations that start-up would
//! otherwise reach (here and in the store and team views), by the later views
//! (`components/part_views.rs`) and by each language's texts (`components/parts.rs`).
//!
//! With the `split` feature, a function declared with [`later!`] is a split point of Leptos'
//! wasm splitter: its body, and whatever only it reaches, leaves the first load for its split
//! module's file (`split_later.wasm` unless another module is named). The call then waits for
//! the module (fetched once, usually already there from the idle preload) and fails with
//! [`PartFailed`] if it cannot be fetched; the caller says so and loses nothing (the splitter's
//! `fallible` form: a failure is returned, never a panic, and never remembered). Without the
//! feature (the development server, the tests, the opaque-frame build and the offline copy) the
//! same function is a plain call that never fails.

/// A later part that could not be fetched (the splitter logs the details to the console).
pub type PartFailed = leptos::wasm_split::SplitLoaderError;

/// Declares a function whose code is fetched later: `later! { fn name(args) -> T { … } }` makes
/// `async fn name(args) -> Result<T, PartFailed>` in the split module `later`;
/// `later! { in lang_de: fn … }` in another one; `later! { preload fetch_it: fn … }` also makes
/// `async fn fetch_it() -> Result<(), PartFailed>`, which fetches the function's code without
/// calling it (after it, the function's future is ready at its first poll).
// (rustfmt indents the attribute's arguments further on every run: it is kept as written.)
#[rustfmt::skip]
macro_rules! later {
    (in $module:ident: $($rest:tt)*) => {
        $crate::app::later! { @split $module, []; $($rest)* }
    };
    (preload $preload:ident: $($rest:tt)*) => {
        $crate::app::later! { @split later, [$preload]; $($rest)* }
    };
    (@split $module:ident, [$($preload:ident)?]; $(#[$doc:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty $body:block) => {
        $(#[$doc])*
        #[cfg(feature = "split")]
        #[leptos::wasm_split::wasm_split($module, wasm_split_path = ::leptos::wasm_split, fallible $(, preload($preload))?)]
        $vis fn $name($($arg: $ty),*) -> Result<$ret, $crate::app::PartFailed> {
            let value: $ret = $body;
            Ok(value)
        }

        $(#[$doc])*
        #[cfg(not(feature = "split"))]
        $vis async fn $name($($arg: $ty),*) -> Result<$ret, $crate::app::PartFailed> {
            let value: $ret = $body;
            Ok(value)
        }

        $(
            #[cfg(not(feature = "split"))]
            $vis async fn $preload() -> Result<(), $crate::app::PartFailed> {
                Ok(())
            }
        )?
    };
    (@split $($rest:tt)*) => {
        compile_error!("later!: expected `fn name(arg: Type, …) -> Type { … }`, after `in module:` or `preload name:` if any");
    };
    ($($rest:tt)*) => {
        $crate::app::later! { @split later, []; $($rest)* }
    };
}

pub(crate) use later;
