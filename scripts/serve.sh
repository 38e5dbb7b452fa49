#!/usr/bin/env bash
# Serve the app for development on http://127.0.0.1:<port>/ with live reload.
#
#   ./scripts/serve.sh            # port 8080, or the next free one
#   PORT=9000 ./scripts/serve.sh  # another port
#   ./scripts/serve.sh --release  # extra arguments go to `trunk serve`
#
# Installs whatever is missing at pinned versions first (see scripts/lib/tools.sh); on a
# prepared machine it starts in seconds. The dev build goes to target/trunk-serve/<port>/, so it never
# overwrites the release bundle in dist/ (nor another serve.sh on another port).
set -euo pipefail
# shellcheck source=scripts/lib/tools.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/tools.sh"
cd "$KOOM_ROOT"

ensure_build_tools

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

port="${PORT:-8080}"
if port_in_use "$port"; then
	[[ -z "${PORT:-}" ]] || die "port $port on 127.0.0.1 is in use"
	for ((candidate = port + 1; candidate < port + 50; candidate++)); do
		port_in_use "$candidate" || break
	done
	port_in_use "$candidate" && die "no free port between $port and $((port + 49)) on 127.0.0.1"
	log "port $port is in use; using $candidate"
	port="$candidate"
fi
url="http://127.0.0.1:$port/"

log "building and serving on $url (the first build after a change takes a while)"
trunk serve --address 127.0.0.1 --port "$port" --dist "$KOOM_ROOT/target/trunk-serve/$port" "$@" &
trunk_pid=$!
trap 'kill "$trunk_pid" 2>/dev/null || true; wait "$trunk_pid" 2>/dev/null || true' EXIT
trap 'exit 130' INT TERM

# Trunk opens the port once the first build has finished; say so when it has.
until port_in_use "$port"; do
	kill -0 "$trunk_pid" 2>/dev/null || {
		wait "$trunk_pid" || die "trunk serve exited with status $?"
		die "trunk serve exited"
	}
	sleep 0.3
done
printf '\nKOOM Readiness is served at %s  (Ctrl-C to stop)\n\n' "$url"
wait "$trunk_pid"
