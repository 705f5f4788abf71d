#!/usr/bin/env bash
# Stop the Strapi that up.sh started (by its PID file).
here="$(cd "$(dirname "$0")" && pwd)"; port=8931
. "$here/../lib.sh"
stop_server
