#!/usr/bin/env bash
# Stop the Ghost that up.sh started (by its PID file).
here="$(cd "$(dirname "$0")" && pwd)"; port=8901
. "$here/../lib.sh"
stop_server
