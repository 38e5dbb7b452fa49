# shellcheck shell=bash
# Shared tool set-up for scripts/*.sh. Source it; do not run it.
#
# Every tool is installed at a pinned version, from the package registries only (crates.io,
# npm, Debian apt, rustup), into
#   ${KOOM_TOOLS_DIR:-$HOME/.cache/koom-readiness/tools}/<tool>-<version>/
# and put first on PATH. A tool that is already there at the right version is not touched, so
# on a prepared machine every ensure_* returns in milliseconds. Installs are serialised with
# flock, so two scripts started at once never build the same tool twice.

KOOM_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# Absolute, so that a tool found by its path (terser, through node) is found from any folder.
KOOM_TOOLS_DIR="$(realpath -m "${KOOM_TOOLS_DIR:-$HOME/.cache/koom-readiness/tools}")"

# Pinned versions. wasm-bindgen's is not here: it is read from Cargo.lock (see
# wasm_bindgen_version), so the CLI can never differ from the crate.
TRUNK_VERSION="0.21.14"
BINARYEN_VERSION="132"
# The wasm splitter of Leptos' lazy views (the crate `wasm_split_cli_support`, binary
# `wasm-split-cli`; the crate named `wasm-split-cli` on crates.io is another project's).
WASM_SPLIT_VERSION="0.2.4"
BINARYEN_NPM_VERSION="132.0.0"
# The JavaScript minifier of the release bundle's glue and boot script (plain JavaScript from
# npm, no binary): installed with `npm ci` from scripts/lib/terser/package-lock.json, which pins
# it and its dependencies; this must be the version that package.json names.
TERSER_VERSION="5.51.4"
WASM_TARGET="wasm32-unknown-unknown"
# The release bundle only is built with this nightly: it rebuilds the standard library for
# size (build-std, optimize_for_size) and aborts on panic without the formatting machinery
# (about 20 KB of wasm, brotli). Tests, clippy and the dev server use the stable toolchain.
# (nightly-2026-05-19 has no wasm32 standard library to download; this is the same compiler.)
RELEASE_TOOLCHAIN="nightly-2026-05-20"
CHROMIUM_BIN="/usr/bin/chromium"
CHROMEDRIVER_BIN="/usr/bin/chromedriver"
FIREFOX_BIN="/usr/bin/firefox-esr"
WEBKIT_DRIVER_BIN="/usr/bin/WebKitWebDriver"
WEBKIT_BROWSER_BIN="/usr/lib/$(uname -m)-linux-gnu/webkit2gtk-4.1/MiniBrowser"
XVFB_BIN="/usr/bin/Xvfb"
NODE_MIN_MAJOR=20

# Playwright-core never downloads a browser, but make sure nothing in the npm tree tries to.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export DEBIAN_FRONTEND="${DEBIAN_FRONTEND:-noninteractive}"
# Trunk's start-up update check asks crates.io for a newer Trunk unless told not to; Trunk.toml's
# `offline = true` covers tool downloads only, not this check.
export TRUNK_SKIP_VERSION_CHECK=true

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() {
	printf 'error: %s\n' "$*" >&2
	exit 1
}

# Run "$@" while holding an exclusive lock named $1 under the tools dir.
_with_tools_lock() {
	local name="$1"
	shift
	mkdir -p "$KOOM_TOOLS_DIR"
	(
		flock 9
		"$@"
	) 9>"$KOOM_TOOLS_DIR/.$name.lock"
}

_prepend_path() {
	case ":$PATH:" in
	*":$1:"*) ;;
	*) PATH="$1:$PATH" ;;
	esac
	export PATH
}

# Elapsed time of an install step, printed so the cold set-up cost is visible in logs.
# Note: install functions run where `set -e` is suspended (left of `||`), so every step in
# them checks its own status.
_timed() {
	local label="$1" start=$SECONDS rc=0
	shift
	"$@" || rc=$?
	log "$label took $((SECONDS - start)) s"
	return "$rc"
}

ensure_node() {
	command -v node >/dev/null || die "Node.js ${NODE_MIN_MAJOR}+ is required (apt-get install nodejs npm, or nodesource)"
	command -v npm >/dev/null || die "npm is required"
	local major
	major="$(node -p 'process.versions.node.split(".")[0]')"
	((major >= NODE_MIN_MAJOR)) || die "Node.js ${NODE_MIN_MAJOR}+ is required, found $(node --version)"
}

ensure_wasm_target() {
	local sysroot
	sysroot="$(rustc --print sysroot)"
	[[ -d "$sysroot/lib/rustlib/$WASM_TARGET" ]] && return 0
	command -v rustup >/dev/null || die "the $WASM_TARGET Rust target is missing and rustup is not available to add it"
	log "adding the Rust target $WASM_TARGET"
	rustup target add "$WASM_TARGET"
}

_release_toolchain_ok() {
	rustup run "$RELEASE_TOOLCHAIN" rustc --version >/dev/null 2>&1 &&
		[[ -d "$(rustup run "$RELEASE_TOOLCHAIN" rustc --print sysroot)/lib/rustlib/$WASM_TARGET" ]] &&
		[[ -d "$(rustup run "$RELEASE_TOOLCHAIN" rustc --print sysroot)/lib/rustlib/src/rust/library" ]]
}

_install_release_toolchain() {
	_release_toolchain_ok && return 0
	log "installing the release toolchain $RELEASE_TOOLCHAIN with rust-src and $WASM_TARGET (once; seconds)"
	_timed "release toolchain install" rustup toolchain install "$RELEASE_TOOLCHAIN" --profile minimal \
		--component rust-src --target "$WASM_TARGET" || die "rustup could not install $RELEASE_TOOLCHAIN"
	_release_toolchain_ok || die "$RELEASE_TOOLCHAIN was installed but lacks rust-src or $WASM_TARGET"
}

# The pinned nightly the release bundle is built with, from rustup's own server.
ensure_release_toolchain() {
	command -v rustup >/dev/null || die "rustup is needed to install the release toolchain $RELEASE_TOOLCHAIN"
	_release_toolchain_ok || _with_tools_lock release-toolchain _install_release_toolchain
}

# Every crate the release build compiles, in cargo's cache before the build starts: the
# project's (Cargo.lock) and those of the standard library that build-std rebuilds (the
# lockfile in the pinned nightly's rust-src). A machine that never built online has neither;
# without the second, the release build fails on the first crate of std it has to fetch
# (`no matching package named wasip1`). Offline first: a prepared machine asks no registry.
_fetch_locked() {
	local manifest="$1"
	RUSTUP_TOOLCHAIN="$RELEASE_TOOLCHAIN" cargo fetch --locked --offline --manifest-path "$manifest" >/dev/null 2>&1 && return 0
	log "fetching the crates of $manifest from crates.io"
	RUSTUP_TOOLCHAIN="$RELEASE_TOOLCHAIN" cargo fetch --locked --manifest-path "$manifest" ||
		die "cargo fetch --locked failed for $manifest"
}

ensure_release_crates() {
	ensure_release_toolchain
	_fetch_locked "$KOOM_ROOT/Cargo.toml"
	_fetch_locked "$(rustup run "$RELEASE_TOOLCHAIN" rustc --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml"
}

# The environment of a release build: the pinned nightly, the standard library rebuilt for
# size, and panics that abort without a message (Cargo.toml's release profile says `abort`;
# this makes it `immediate-abort`, which needs the rebuilt standard library).
release_build_env() {
	export RUSTUP_TOOLCHAIN="$RELEASE_TOOLCHAIN"
	export CARGO_UNSTABLE_BUILD_STD=std
	export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
	export CARGO_UNSTABLE_PANIC_IMMEDIATE_ABORT=true
	export CARGO_PROFILE_RELEASE_PANIC=immediate-abort
}

# rustfmt and clippy (test.sh only). rustup fetches them from its own distribution server.
ensure_rust_components() {
	local missing=()
	cargo fmt --version >/dev/null 2>&1 || missing+=(rustfmt)
	cargo clippy --version >/dev/null 2>&1 || missing+=(clippy)
	((${#missing[@]} == 0)) && return 0
	command -v rustup >/dev/null || die "missing Rust components: ${missing[*]} (and no rustup to add them)"
	log "adding Rust components: ${missing[*]}"
	rustup component add "${missing[@]}"
}

_trunk_ok() {
	local bin="$KOOM_TOOLS_DIR/trunk-$TRUNK_VERSION/bin/trunk"
	[[ -x "$bin" ]] && [[ "$("$bin" --version 2>/dev/null)" == "trunk $TRUNK_VERSION" ]]
}

_install_trunk() {
	_trunk_ok && return 0
	log "installing trunk $TRUNK_VERSION from crates.io (once; about 6 min on 2 cores, 2 GB RAM)"
	# --locked: Trunk's own lockfile; newer deps would need a newer rustc.
	_timed "trunk install" cargo install --locked trunk --version "$TRUNK_VERSION" \
		--root "$KOOM_TOOLS_DIR/trunk-$TRUNK_VERSION" || die "cargo install trunk failed"
	_trunk_ok || die "trunk $TRUNK_VERSION was installed but does not report that version"
}

ensure_trunk() {
	_trunk_ok || _with_tools_lock trunk _install_trunk
	_prepend_path "$KOOM_TOOLS_DIR/trunk-$TRUNK_VERSION/bin"
}

# The wasm-bindgen version the crate graph uses, from Cargo.lock.
wasm_bindgen_version() {
	local lock="$KOOM_ROOT/Cargo.lock"
	if [[ ! -f "$lock" ]]; then
		log "Cargo.lock is missing; generating it"
		(cd "$KOOM_ROOT" && cargo generate-lockfile) || die "cargo generate-lockfile failed"
	fi
	local v
	v="$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/^version = "|"$/, ""); print; exit }' "$lock")"
	[[ -n "$v" ]] || die "could not find the wasm-bindgen crate in Cargo.lock"
	printf '%s\n' "$v"
}

_wasm_bindgen_ok() {
	local v="$1" dir="$KOOM_TOOLS_DIR/wasm-bindgen-$1/bin"
	[[ -x "$dir/wasm-bindgen" && -x "$dir/wasm-bindgen-test-runner" ]] &&
		[[ "$("$dir/wasm-bindgen" --version 2>/dev/null)" == "wasm-bindgen $v" ]]
}

_install_wasm_bindgen() {
	local v="$1"
	_wasm_bindgen_ok "$v" && return 0
	log "installing wasm-bindgen-cli $v from crates.io (once; about 2 min on 2 cores)"
	# No --locked: its lockfile names a crate version the registry no longer has.
	_timed "wasm-bindgen-cli install" cargo install wasm-bindgen-cli --version "$v" \
		--root "$KOOM_TOOLS_DIR/wasm-bindgen-$v" || die "cargo install wasm-bindgen-cli failed"
	_wasm_bindgen_ok "$v" || die "wasm-bindgen-cli $v was installed but does not report that version"
}

# wasm-bindgen and wasm-bindgen-test-runner, at exactly the version in Cargo.lock.
ensure_wasm_bindgen() {
	local v
	v="$(wasm_bindgen_version)"
	_wasm_bindgen_ok "$v" || _with_tools_lock "wasm-bindgen-$v" _install_wasm_bindgen "$v"
	_prepend_path "$KOOM_TOOLS_DIR/wasm-bindgen-$v/bin"
}

_wasm_opt_ok() {
	local bin="$KOOM_TOOLS_DIR/binaryen-$BINARYEN_VERSION/node_modules/.bin/wasm-opt"
	[[ -x "$bin" ]] && "$bin" --version 2>/dev/null | grep -q "^wasm-opt version $BINARYEN_VERSION\b"
}

_install_wasm_opt() {
	_wasm_opt_ok && return 0
	log "installing wasm-opt (binaryen $BINARYEN_NPM_VERSION) from npm"
	_timed "binaryen install" npm install --prefix "$KOOM_TOOLS_DIR/binaryen-$BINARYEN_VERSION" \
		--no-audit --no-fund --save-exact "binaryen@$BINARYEN_NPM_VERSION" || die "npm install binaryen failed"
	_wasm_opt_ok || die "binaryen $BINARYEN_NPM_VERSION was installed but wasm-opt does not report version $BINARYEN_VERSION"
}

_terser_ok() {
	local dir="$KOOM_TOOLS_DIR/terser-$TERSER_VERSION/node_modules/terser"
	[[ -f "$dir/package.json" ]] &&
		node -e 'const d = process.argv[1]; if (require(d + "/package.json").version !== process.argv[2] || typeof require(d).minify !== "function") process.exit(1)' \
			"$dir" "$TERSER_VERSION" 2>/dev/null
}

_install_terser() {
	_terser_ok && return 0
	local dir="$KOOM_TOOLS_DIR/terser-$TERSER_VERSION"
	log "installing terser $TERSER_VERSION from npm (npm ci, scripts/lib/terser/package-lock.json)"
	mkdir -p "$dir"
	cp "$KOOM_ROOT/scripts/lib/terser/package.json" "$KOOM_ROOT/scripts/lib/terser/package-lock.json" "$dir/"
	_timed "terser install" npm ci --prefix "$dir" --no-audit --no-fund || die "npm ci of terser failed"
	_terser_ok || die "terser $TERSER_VERSION was installed but does not load or report that version (does scripts/lib/terser/package.json name it?)"
}

# terser (release bundle only): scripts/lib/minify-js.mjs finds it through KOOM_TERSER.
ensure_terser() {
	ensure_node
	_terser_ok || _with_tools_lock terser _install_terser
	export KOOM_TERSER="$KOOM_TOOLS_DIR/terser-$TERSER_VERSION/node_modules/terser"
}

# wasm-opt from npm's binaryen, first on PATH. Never Debian's binaryen: its wasm-opt 108 writes
# a broken module. Trunk.toml pins version_$BINARYEN_VERSION, so Trunk rejects any other.
ensure_wasm_opt() {
	ensure_node
	_wasm_opt_ok || _with_tools_lock binaryen _install_wasm_opt
	_prepend_path "$KOOM_TOOLS_DIR/binaryen-$BINARYEN_VERSION/node_modules/.bin"
	[[ "$(command -v wasm-opt)" == "$KOOM_TOOLS_DIR/binaryen-$BINARYEN_VERSION/node_modules/.bin/wasm-opt" ]] ||
		die "wasm-opt on PATH is not the pinned one: $(command -v wasm-opt)"
}

_wasm_split_ok() {
	local bin="$KOOM_TOOLS_DIR/wasm-split-$WASM_SPLIT_VERSION/bin/wasm-split-cli"
	[[ -x "$bin" ]] && "$bin" --help 2>/dev/null | grep -q -- '--out-name'
}
_install_wasm_split() {
	_wasm_split_ok && return 0
	log "installing wasm-split-cli (wasm_split_cli_support $WASM_SPLIT_VERSION) from crates.io (once; about 1 min on 2 cores)"
	_timed "wasm-split-cli install" cargo install --locked wasm_split_cli_support --version "$WASM_SPLIT_VERSION" \
		--features build-binary --root "$KOOM_TOOLS_DIR/wasm-split-$WASM_SPLIT_VERSION" || die "cargo install wasm_split_cli_support failed"
	_wasm_split_ok || die "wasm_split_cli_support $WASM_SPLIT_VERSION was installed but wasm-split-cli does not run"
}
# The splitter the release build runs between cargo and wasm-bindgen (scripts/build-release.sh).
ensure_wasm_split() {
	_wasm_split_ok || _with_tools_lock "wasm-split-$WASM_SPLIT_VERSION" _install_wasm_split
	_prepend_path "$KOOM_TOOLS_DIR/wasm-split-$WASM_SPLIT_VERSION/bin"
}
# Installs Debian packages with apt-get unless every file given is already there:
#   _apt_install "<file> <file>…" <package>…
_apt_install() {
	local files="$1" file missing=0
	shift
	for file in $files; do [[ -x "$file" ]] || missing=1; done
	((missing)) || return 0
	local sudo=()
	if [[ "$(id -u)" -ne 0 ]]; then
		command -v sudo >/dev/null || die "installing $* needs root or sudo"
		sudo=(sudo)
	fi
	command -v apt-get >/dev/null || die "$* missing and apt-get is not available"
	# Refresh the package lists only if they do not know every package yet.
	local known
	known="$(apt-cache policy "$@" 2>/dev/null | grep -c 'Candidate: [^(]' || true)"
	if ((known < $#)); then
		log "apt-get update (package lists do not know $* yet)"
		"${sudo[@]}" apt-get update || die "apt-get update failed"
	fi
	log "installing $* from Debian"
	if ! "${sudo[@]}" apt-get install -y --no-install-recommends "$@"; then
		# Stale lists (a mirror dropped the old .deb): refresh once and retry.
		"${sudo[@]}" apt-get update || die "apt-get update failed"
		"${sudo[@]}" apt-get install -y --no-install-recommends "$@" || die "apt-get install $* failed"
	fi
	for file in $files; do [[ -x "$file" ]] || die "$* installed, but $file is missing"; done
}

# Debian's chromium and its matching chromedriver (/usr/bin/chromium, /usr/bin/chromedriver).
ensure_chromium() {
	[[ -x "$CHROMIUM_BIN" && -x "$CHROMEDRIVER_BIN" ]] ||
		_with_tools_lock chromium _timed "chromium install" _apt_install "$CHROMIUM_BIN $CHROMEDRIVER_BIN" chromium chromium-driver
	# wasm-bindgen-test-runner picks its driver from these variables before searching PATH.
	export CHROMEDRIVER="$CHROMEDRIVER_BIN"
	export CHROMIUM_PATH="${CHROMIUM_PATH:-$CHROMIUM_BIN}"
}

# Debian's Firefox ESR (the Firefox suite drives it over WebDriver BiDi, puppeteer-core).
ensure_firefox() {
	[[ -x "$FIREFOX_BIN" ]] || _with_tools_lock firefox _timed "firefox-esr install" _apt_install "$FIREFOX_BIN" firefox-esr
	export FIREFOX_PATH="${FIREFOX_PATH:-$FIREFOX_BIN}"
}

# Debian's WebKitGTK WebDriver and MiniBrowser, and Xvfb to give MiniBrowser (which has no
# headless mode) a display.
ensure_webkit() {
	[[ -x "$WEBKIT_DRIVER_BIN" && -x "$WEBKIT_BROWSER_BIN" && -x "$XVFB_BIN" ]] ||
		_with_tools_lock webkit _timed "webkit2gtk-driver install" \
			_apt_install "$WEBKIT_DRIVER_BIN $WEBKIT_BROWSER_BIN $XVFB_BIN" webkit2gtk-driver xvfb
	export WEBKIT_DRIVER_PATH="${WEBKIT_DRIVER_PATH:-$WEBKIT_DRIVER_BIN}"
	export WEBKIT_BROWSER_PATH="${WEBKIT_BROWSER_PATH:-$WEBKIT_BROWSER_BIN}"
}

# The e2e suite's npm packages, exactly as tests/e2e/package-lock.json says (npm ci).
ensure_e2e_deps() {
	ensure_node
	local dir="$KOOM_ROOT/tests/e2e"
	local stamp="$dir/node_modules/.koom-package-lock.sha256"
	local want
	want="$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)"
	[[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]] && return 0
	log "installing the e2e suite's npm packages (npm ci in tests/e2e)"
	(cd "$dir" && npm ci --no-audit --no-fund) || die "npm ci in tests/e2e failed"
	printf '%s\n' "$want" >"$stamp"
}

# Trunk.toml must pin the same wasm-bindgen as Cargo.lock, or Trunk (offline) refuses to build.
check_pins() {
	local lock trunk_pin
	lock="$(wasm_bindgen_version)"
	trunk_pin="$(sed -n 's/^wasm_bindgen *= *"\(.*\)".*/\1/p' "$KOOM_ROOT/Trunk.toml")"
	[[ "$trunk_pin" == "$lock" ]] ||
		die "Trunk.toml pins wasm_bindgen = \"$trunk_pin\" but Cargo.lock has wasm-bindgen $lock; make them equal"
}

# Everything Trunk needs for a build (the release build adds ensure_wasm_split).
ensure_build_tools() {
	ensure_wasm_target
	ensure_release_toolchain
	ensure_release_crates
	ensure_trunk
	ensure_wasm_bindgen
	ensure_wasm_opt
	check_pins
}
