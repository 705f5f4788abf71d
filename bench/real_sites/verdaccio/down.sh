#!/usr/bin/env bash
# Stop the server that up.sh started (by its PID file).
set -euo pipefail
. "$(dirname "$0")/../site_lib.sh"
stop_by_pidfile "$work/verdaccio.pid"
