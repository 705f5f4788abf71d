#!/usr/bin/env bash
# Stop the server that up.sh started (by its PID file), then the site's PostgreSQL.
here="$(cd "$(dirname "$0")" && pwd)"; port=8991
. "$here/../lib.sh"
stop_server
pgbin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
if [ -f "$work/pg/data/postmaster.pid" ]; then
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg/data" -m fast stop > /dev/null
  else "$pgbin/pg_ctl" -D "$work/pg/data" -m fast stop > /dev/null; fi
  echo "PostgreSQL stopped"
fi
