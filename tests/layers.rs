//! The layers' arrows point one way (docs/architecture.md): components → app → browser and
//! domain; browser → domain (types only); the domain imports nothing of the platform. A use of
//! a higher layer or of the platform where it does not belong fails here, naming the line.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files
}

/// Lines of `layer`'s files that name any of `forbidden` (outside comments).
fn offences(layer: &str, forbidden: &[&str]) -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src")
        .join(layer);
    let mut found = Vec::new();
    for file in rust_files(&dir) {
        let text = fs::read_to_string(&file).expect("readable source");
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for name in forbidden {
                if code.contains(name) {
                    found.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
                }
            }
        }
    }
    found
}

#[test]
fn the_domain_is_pure() {
    let found = offences(
        "domain",
        &[
            "leptos",
            "web_sys",
            "js_sys",
            "wasm_bindgen",
            "gloo",
            "crate::browser",
            "crate::app",
            "crate::components",
        ],
    );
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_browser_layer_knows_no_state_and_no_view() {
    let found = offences("browser", &["leptos", "crate::app", "crate::components"]);
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_app_layer_knows_no_view() {
    let found = offences("app", &["crate::components", "super::super"]);
    assert!(found.is_empty(), "{}", found.join("\n"));
}
