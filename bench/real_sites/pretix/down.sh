#!/usr/bin/env bash
# Stop the server that up.sh started.
here="$(cd "$(dirname "$0")" && pwd)"; port=8803
. "$here/../lib.sh"
stop_server
