#!/usr/bin/env bash
# Stop the server that up.sh started (by its PID file).
here="$(cd "$(dirname "$0")" && pwd)"; port=9011
. "$here/../lib.sh"
stop_server
