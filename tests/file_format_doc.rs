//! docs/file-format.md and the importer agree: every JSON example in the document is a valid
//! file that imports.
#![cfg(not(target_arch = "wasm32"))]

use koom_readiness::domain::decode_file;

#[test]
fn every_example_in_the_file_format_doc_imports() {
    let doc = include_str!("../docs/file-format.md");
    let examples: Vec<&str> = doc
        .split("```json\n")
        .skip(1)
        .map(|rest| rest.split("\n```").next().unwrap_or(""))
        .collect();
    assert!(
        examples.len() >= 2,
        "the doc shows {} examples",
        examples.len()
    );
    for example in examples {
        if let Err(e) = decode_file(example) {
            panic!("this example of docs/file-format.md does not import: {e}\n{example}");
        }
    }
}
