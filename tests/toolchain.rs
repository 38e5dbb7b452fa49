//! The build's pins agree with each other. Trunk runs offline, so a wasm-bindgen CLI that
//! differs from the crate, or a missing pin, would break the build or fetch from the network.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;

fn read(file: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// The `version` of `[[package]] name = "<name>"` in Cargo.lock.
fn locked_version(name: &str) -> String {
    let lock = read("Cargo.lock");
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == format!("name = \"{name}\"") {
            let version = lines.next().expect("a version line follows the name");
            return version
                .trim_start_matches("version = \"")
                .trim_end_matches('"')
                .to_owned();
        }
    }
    panic!("{name} is not in Cargo.lock");
}

/// The quoted value of `key = "..."` in a TOML file (flat lookup; enough for these pins).
fn toml_string(toml: &str, key: &str) -> Option<String> {
    toml.lines().find_map(|line| {
        let (k, v) = line.split_once('=')?;
        (k.trim() == key).then(|| v.trim().trim_matches('"').to_owned())
    })
}

#[test]
fn trunk_uses_the_wasm_bindgen_version_in_cargo_lock() {
    let trunk = read("Trunk.toml");
    assert_eq!(
        toml_string(&trunk, "wasm_bindgen").as_deref(),
        Some(locked_version("wasm-bindgen").as_str()),
        "Trunk.toml [tools] wasm_bindgen must equal the wasm-bindgen crate in Cargo.lock"
    );
}

#[test]
fn wasm_bindgen_crate_is_pinned_exactly() {
    let manifest = read("Cargo.toml");
    let pin = toml_string(&manifest, "wasm-bindgen").expect("wasm-bindgen is a dependency");
    assert!(
        pin.starts_with('='),
        "wasm-bindgen must be pinned with `=` (found {pin:?}) so it cannot drift from the CLI"
    );
    assert_eq!(pin.trim_start_matches('='), locked_version("wasm-bindgen"));
}

#[test]
fn trunk_builds_offline_with_relative_urls_and_pinned_wasm_opt() {
    let trunk = read("Trunk.toml");
    assert_eq!(toml_string(&trunk, "offline").as_deref(), Some("true"));
    assert_eq!(toml_string(&trunk, "public_url").as_deref(), Some("./"));
    let wasm_opt = toml_string(&trunk, "wasm_opt").expect("Trunk.toml pins wasm_opt");
    assert!(
        wasm_opt.starts_with("version_"),
        "wasm_opt must be pinned, e.g. \"version_132\""
    );
    let tools = read("scripts/lib/tools.sh");
    let binaryen = wasm_opt.trim_start_matches("version_");
    assert!(
        tools.contains(&format!("BINARYEN_VERSION=\"{binaryen}\"")),
        "scripts/lib/tools.sh must install the binaryen that Trunk.toml pins ({binaryen})"
    );
}
