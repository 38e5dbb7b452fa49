#!/usr/bin/env bash
# Build the release bundle into dist/ (optimised WASM, relative asset URLs).
# Copy dist/ to any static host, at any path; there is no backend. Extra arguments go to
# `trunk build` (the whole build) only.
#
# Two builds of the same code (README, "The release build"):
#   1. Trunk builds the app whole (the page, the stylesheet, one .wasm). That module makes the
#      opaque-frame script and the offline copy, which must be one file each.
#   2. The split build (`--features split`): cargo links with relocations kept, wasm-split-cli
#      cuts the views of src/components/parts.rs out of the first part, wasm-bindgen writes the
#      glue for the split first part, wasm-opt optimises every part; scripts/split-dist.mjs puts
#      them in dist/app-<hash>/ in place of Trunk's single module (Trunk cannot split:
#      trunk-rs/trunk#1022).
set -euo pipefail
# shellcheck source=scripts/lib/tools.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/tools.sh"
cd "$KOOM_ROOT"

ensure_build_tools
ensure_wasm_split
ensure_terser
release_build_env

locked=()
[[ "${CI:-}" == "true" ]] && locked=(--locked)
out="${CARGO_TARGET_DIR:-$KOOM_ROOT/target}/$WASM_TARGET/release"

log "trunk build --release ($RELEASE_TOOLCHAIN with build-std; offline, pinned wasm-bindgen $(wasm_bindgen_version) and wasm-opt $BINARYEN_VERSION)"
start=$SECONDS
trunk build --release "${locked[@]}" "$@"
# The whole module, for the opaque-frame script and the offline copy (the split build below
# writes the same path).
cp "$out/koom-readiness.wasm" "$out/koom-readiness-whole.wasm"

log "split build (cargo --features split, wasm-split-cli $WASM_SPLIT_VERSION, wasm-bindgen, wasm-opt per part)"
cargo rustc --release "${locked[@]}" --target "$WASM_TARGET" --bin koom-readiness --features split \
	-- -C link-arg=--emit-relocs
split="$(mktemp -d)"
trap 'rm -rf "$split"' EXIT
wasm-split-cli --target web --out-name koom-readiness "$out/koom-readiness.wasm" "$split"
wasm-bindgen --target web --keep-lld-exports --no-demangle --no-typescript \
	--out-dir "$split" --out-name koom-readiness "$split/koom-readiness.wasm"
rm "$split/koom-readiness.wasm"
# The features the first part was compiled with: the later parts carry no features section of
# their own, and wasm-opt must not rewrite what it would not know.
features=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
	--enable-mutable-globals --enable-reference-types --enable-multivalue)
pids=()
for part in "$split"/*.wasm; do
	# (Its stderr kept apart: every part warns of the name subsection wasm-split-cli leaves.)
	wasm-opt -Oz "${features[@]}" --strip-debug --strip-producers --output "$part.opt" "$part" 2>"$part.log" &
	pids+=($!)
done
for pid in "${pids[@]}"; do
	wait "$pid" || {
		wait
		cat "$split"/*.log >&2
		die "wasm-opt failed on a part of the split build"
	}
done
for part in "$split"/*.wasm; do mv "$part.opt" "$part"; done
rm "$split"/*.log
node "$KOOM_ROOT/scripts/split-dist.mjs" dist "$split"

# The loader that says why when the app cannot start, the opaque-origin build, the CSP, the
# service worker, the offline copy.
node "$KOOM_ROOT/scripts/finish-dist.mjs" dist "$out/koom-readiness-whole.wasm"
log "release bundle built in $((SECONDS - start)) s:"
(cd dist && find . -type f -printf '%10s  %P\n' | sort -k2)
