//! Browser tests: `cargo test --target wasm32-unknown-unknown --test web` runs them in headless
//! Chromium through wasm-bindgen-test-runner (see .cargo/config.toml; ./scripts/test.sh sets
//! everything up).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::wasm_bindgen_test_configure;

wasm_bindgen_test_configure!(run_in_browser);

mod camera;
mod components;
mod report;
mod storage;
mod store;
mod support;
mod team;
