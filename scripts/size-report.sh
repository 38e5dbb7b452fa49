#!/usr/bin/env bash
# Size report of the release bundle: raw, gzip and brotli bytes per file and in total.
# A benchmark: it prints figures and asserts nothing (budget: docs/product.md §10).
#
#   ./scripts/size-report.sh             # builds dist/ first
#   ./scripts/size-report.sh --no-build  # reports the dist/ that is there
set -euo pipefail
# shellcheck source=scripts/lib/tools.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/tools.sh"
cd "$KOOM_ROOT"

if [[ "${1:-}" == "--no-build" ]]; then
	[[ -f dist/index.html ]] || die "dist/ has no release bundle; run ./scripts/build-release.sh"
else
	"$KOOM_ROOT/scripts/build-release.sh" >&2
fi
ensure_node
node "$KOOM_ROOT/scripts/size-report.mjs" "$KOOM_ROOT/dist"
