#!/usr/bin/env bash
# Stop the n8n (and its mail sink) that up.sh started (by its PID file).
here="$(cd "$(dirname "$0")" && pwd)"; port=8951
. "$here/../lib.sh"
stop_server
