#!/usr/bin/env bash
# The whole check, as CI runs it (.ci/run). Installs whatever is missing at pinned versions,
# then runs, stopping at the first failure:
#   1. cargo fmt --check
#   2. clippy, warnings denied: native, then wasm32-unknown-unknown (all targets, and the split
#      build's feature)
#   3. native tests (cargo test)
#   4. wasm tests in headless Chromium (cargo test --target wasm32-unknown-unknown --test web)
#   5. end-to-end: release build (trunk build --release), the size guard (size-budget.json),
#      then the bundle served over HTTP on 127.0.0.1 and
#      driven in headless Chromium by tests/e2e/*.test.mjs (node --test, playwright-core)
#   6. the core journeys in Firefox ESR (tests/e2e/engines/firefox.test.mjs, puppeteer-core)
#      and WebKitGTK (tests/e2e/engines/webkit.test.mjs, selenium-webdriver, under Xvfb)
# A suite that runs zero tests fails. The last line is always `N passed, M failed`, counting
# the tests of all suites that ran; a failure names its stage just before it.
set -euo pipefail
# shellcheck source=scripts/lib/tools.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/tools.sh"
cd "$KOOM_ROOT"

PASSED=0
FAILED=0
STAGE="setup"
LOGS="$(mktemp -d)"
# Each stage's wall time, printed at the end: what a warm or a cold run spends where.
STARTED=$SECONDS
STAGE_STARTED=$SECONDS
TIMES=""

stage_time() {
	TIMES+="$(printf '  %5d s  %s' $((SECONDS - STAGE_STARTED)) "$STAGE")"$'\n'
	STAGE_STARTED=$SECONDS
}

finish() {
	local rc=$?
	[[ "$STAGE" == "done" ]] || stage_time
	printf '\nTime per stage:\n%s  %5d s  in all\n' "$TIMES" $((SECONDS - STARTED))
	# Passed only when the last stage was reached: a run stopped by a signal is not a pass.
	if ((rc == 0)) && [[ "$STAGE" == "done" ]]; then
		printf '\nAll stages passed.\n'
	else
		((rc != 0)) || rc=1
		printf '\nFAILED at stage: %s (exit status %d)\n' "$STAGE" "$rc"
	fi
	rm -rf "$LOGS"
	printf '%d passed, %d failed\n' "$PASSED" "$FAILED"
	exit "$rc"
}
trap finish EXIT
trap 'exit 143' TERM
trap 'exit 130' INT

stage() {
	stage_time
	STAGE="$1"
	printf '\n\033[1m======== %s ========\033[0m\n' "$STAGE"
}

locked=()
[[ "${CI:-}" == "true" ]] && locked=(--locked)

# Runs a cargo test command, adds its `test result:` counts to the totals, fails the stage if
# the command failed or ran zero tests.
cargo_suite() {
	local name="$1" log="$LOGS/$1.log" rc=0
	shift
	"$@" 2>&1 | tee "$log" || rc=$?
	local counts passed failed
	counts="$(sed 's/\x1b\[[0-9;]*m//g' "$log" |
		sed -n 's/.*test result: [A-Za-z]*\. \([0-9][0-9]*\) passed; \([0-9][0-9]*\) failed.*/\1 \2/p' |
		awk '{ p += $1; f += $2 } END { print p + 0, f + 0 }')"
	read -r passed failed <<<"$counts"
	PASSED=$((PASSED + passed))
	FAILED=$((FAILED + failed))
	printf -- '-- %s: %d passed, %d failed\n' "$name" "$passed" "$failed"
	((rc == 0)) || exit "$rc"
	((passed + failed > 0)) || die "the $name suite ran zero tests"
}

stage "tools (pinned; installed only if missing)"
ensure_node
ensure_wasm_target
ensure_rust_components
ensure_trunk
ensure_wasm_bindgen
ensure_wasm_opt
check_pins
ensure_chromium
ensure_firefox
ensure_webkit
ensure_e2e_deps

stage "format (cargo fmt --check)"
cargo fmt --all --check

stage "clippy (native, all targets)"
cargo clippy "${locked[@]}" --all-targets -- -D warnings

stage "clippy (wasm32-unknown-unknown, all targets)"
cargo clippy "${locked[@]}" --target "$WASM_TARGET" --all-targets -- -D warnings
# The release bundle's split build compiles src/components/parts.rs' other half.
stage "clippy (wasm32-unknown-unknown, the split build)"
cargo clippy "${locked[@]}" --target "$WASM_TARGET" --features split -- -D warnings

stage "native tests (cargo test)"
cargo_suite native cargo test "${locked[@]}"

stage "wasm tests (headless Chromium, wasm-bindgen-test-runner)"
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-60}"
# Extra Chromium flags (on top of the runner's headless/no-sandbox) so it never phones home.
export WASM_BINDGEN_TEST_WEBDRIVER_JSON="$KOOM_ROOT/tests/webdriver.json"
cargo_suite wasm cargo test "${locked[@]}" --target "$WASM_TARGET" --test web

stage "e2e: release build (trunk build --release)"
"$KOOM_ROOT/scripts/build-release.sh"

stage "size guard (first load, brotli, against size-budget.json)"
node "$KOOM_ROOT/scripts/size-report.mjs" "$KOOM_ROOT/dist" --check

# Runs node --test on the files given, adds its TAP counts (cancelled tests count as failed) to
# the totals, fails the stage if a test failed or none ran.
node_suite() {
	local name="$1" tap="$LOGS/$1.tap" rc=0
	shift
	KOOM_DIST="$KOOM_ROOT/dist" node --test \
		--test-reporter=spec --test-reporter-destination=stdout \
		--test-reporter=tap --test-reporter-destination="$tap" \
		"$@" || rc=$?
	local passed failed cancelled
	passed="$(sed -n 's/^# pass \([0-9][0-9]*\)$/\1/p' "$tap" | tail -n 1)"
	failed="$(sed -n 's/^# fail \([0-9][0-9]*\)$/\1/p' "$tap" | tail -n 1)"
	cancelled="$(sed -n 's/^# cancelled \([0-9][0-9]*\)$/\1/p' "$tap" | tail -n 1)"
	passed=${passed:-0}
	failed=$((${failed:-0} + ${cancelled:-0}))
	PASSED=$((PASSED + passed))
	FAILED=$((FAILED + failed))
	printf -- '-- %s: %d passed, %d failed\n' "$name" "$passed" "$failed"
	((rc == 0)) || exit "$rc"
	((passed + failed > 0)) || die "the $name suite ran zero tests"
}

stage "e2e: release bundle in headless Chromium (node --test tests/e2e)"
# Two files at a time (node's default is one less than the cores: one, here): each file has
# its own server on a free port and its own browser, and most of a journey's time is spent
# waiting on the page, so two overlap well on 2 cores (544 s against 736 s, both measured
# beside a fresh build on the same cores). KOOM_E2E_CONCURRENCY=1 runs them one by one.
node_suite e2e --test-concurrency="${KOOM_E2E_CONCURRENCY:-2}" tests/e2e/*.test.mjs

stage "e2e: core journeys in Firefox ESR (headless, WebDriver BiDi)"
node_suite firefox tests/e2e/engines/firefox.test.mjs

stage "e2e: core journeys in WebKitGTK (MiniBrowser under Xvfb, WebKitWebDriver)"
node_suite webkit tests/e2e/engines/webkit.test.mjs

stage_time
STAGE="done"
