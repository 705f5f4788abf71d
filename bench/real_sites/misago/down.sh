#!/usr/bin/env bash
# Stop the server that up.sh started (by its PID file), then the site's PostgreSQL.
here="$(cd "$(dirname "$0")" && pwd)"; port=9021
. "$here/../lib.sh"
stop_server
pg_down
