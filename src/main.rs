//! Browser entry point: mounts the KOOM Readiness app into the page body.

fn main() {
    koom_readiness::start();
}
