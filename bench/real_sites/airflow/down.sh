#!/usr/bin/env bash
# Stop the web server and the scheduler that up.sh started (one process group, by its PID file).
here="$(cd "$(dirname "$0")" && pwd)"; port=9031
. "$here/../lib.sh"
stop_server
