#!/usr/bin/env bash
# The fresh-machine check: both README commands on a clean clone of this repository's HEAD,
# with an empty cargo home (a new crate registry), an empty tools directory and an empty
# target/, so nothing a warm machine already has can hide a missing install step.
#
#   ./scripts/fresh-check.sh            # test.sh, then serve.sh until it serves
#   ./scripts/fresh-check.sh --keep     # keep the temporary folder afterwards
#   ./scripts/fresh-check.sh --serve-only   # only serve.sh (from empty ones, as below)
#
# It needs the network for crates.io, npm and Debian (that is the point). The rustup
# toolchains and Debian packages already installed are used as they are (rustup and apt are
# the machine's); remove them first to check those installs too. Prints the time each command
# took and exits non-zero if either failed.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
keep=false
serve_only=false
for arg in "$@"; do
	case "$arg" in
	--keep) keep=true ;;
	--serve-only) serve_only=true ;;
	*)
		echo "usage: $0 [--keep] [--serve-only]" >&2
		exit 2
		;;
	esac
done

work="$(mktemp -d /tmp/koom-fresh.XXXXXX)"
cleanup() {
	[[ -n "${serve_pid:-}" ]] && kill -- -"$serve_pid" 2>/dev/null || true
	if $keep; then echo "kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

git clone --quiet "$here" "$work/repo"
mkdir -p "$work/cargo-home" "$work/tools"
export CARGO_HOME="$work/cargo-home"
export KOOM_TOOLS_DIR="$work/tools"
unset CARGO_TARGET_DIR
cd "$work/repo"
echo "fresh check of $(git log --oneline -1) in $work"

if ! $serve_only; then
	start=$SECONDS
	rc=0
	CI=true ./scripts/test.sh >"$work/test.log" 2>&1 || rc=$?
	test_secs=$((SECONDS - start))
	tail -n 3 "$work/test.log"
	echo "./scripts/test.sh: exit $rc after $test_secs s (log: $work/test.log)"
	if ((rc != 0)); then
		keep=true
		exit "$rc"
	fi
fi

# serve.sh from the same fresh state, but its own empty target/ and tools: it must install and
# build what it needs by itself, and print its address.
rm -rf target "$KOOM_TOOLS_DIR" "$CARGO_HOME"
mkdir -p "$KOOM_TOOLS_DIR" "$CARGO_HOME"
start=$SECONDS
port=18080
set -m
PORT=$port ./scripts/serve.sh >"$work/serve.log" 2>&1 &
serve_pid=$!
set +m
until grep -q "is served at" "$work/serve.log" 2>/dev/null; do
	if ! kill -0 "$serve_pid" 2>/dev/null; then
		tail -n 20 "$work/serve.log"
		keep=true
		echo "./scripts/serve.sh exited before serving"
		exit 1
	fi
	sleep 2
done
serve_secs=$((SECONDS - start))
# The page to a file first: `curl | grep -q` fails under pipefail when grep stops reading at
# its first match (curl: "Failed writing body"), whatever the page says.
page="$work/served-index.html"
{ curl -fsS "http://127.0.0.1:$port/" -o "$page" && grep -q "KOOM Readiness" "$page"; } || {
	keep=true
	echo "./scripts/serve.sh serves, but not the app"
	exit 1
}
echo "./scripts/serve.sh: serving after $serve_secs s"
if $serve_only; then
	echo "fresh check passed: serve.sh $serve_secs s (test.sh not run)"
else
	echo "fresh check passed: test.sh $test_secs s, serve.sh $serve_secs s"
fi
