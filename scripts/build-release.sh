#!/usr/bin/env bash
# Build the release bundle into dist/ (optimised WASM, relative asset URLs).
# Copy dist/ to any static host, at any path; there is no backend. Extra arguments go to
# `trunk build`.
set -euo pipefail
# shellcheck source=scripts/lib/tools.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/tools.sh"
cd "$KOOM_ROOT"

ensure_build_tools
release_build_env

locked=()
[[ "${CI:-}" == "true" ]] && locked=(--locked)

log "trunk build --release ($RELEASE_TOOLCHAIN with build-std; offline, pinned wasm-bindgen $(wasm_bindgen_version) and wasm-opt $BINARYEN_VERSION)"
start=$SECONDS
trunk build --release "${locked[@]}" "$@"
# The loader that says why when the app cannot start, the opaque-origin build, the CSP.
node "$KOOM_ROOT/scripts/finish-dist.mjs" dist "$KOOM_ROOT/target/$WASM_TARGET/release/koom-readiness.wasm"
log "release bundle built in $((SECONDS - start)) s:"
(cd dist && find . -type f -printf '%10s  %P\n' | sort -k2)
