#!/usr/bin/env bash
# Stop the server that up.sh started (by its PID file), then the site's Redis and PostgreSQL.
here="$(cd "$(dirname "$0")" && pwd)"; port=9041
. "$here/../lib.sh"
stop_server
if [ -s "$work/redis.pid" ] && kill -0 "$(cat "$work/redis.pid")" 2>/dev/null; then
  kill "$(cat "$work/redis.pid")"; rm -f "$work/redis.pid"; echo "Redis stopped"
fi
pg_down
