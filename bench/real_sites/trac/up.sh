#!/usr/bin/env bash
# Trac 1.6 (PyPI) with its default project on SQLite, served by tracd on 127.0.0.1:8822: tickets (new,
# preview, comment), wiki pages, search, timeline. Sign-in is Trac's HTTP authentication, which a
# person meets as the browser's own dialog, so the journeys here are anonymous: anonymous may create
# and comment on tickets (as many public trackers allow). Idempotent: installs into .work/ once.
here="$(cd "$(dirname "$0")" && pwd)"; port=8822
url="http://127.0.0.1:$port/trac/"
. "$here/../lib.sh"
if running; then echo "$url"; exit 0; fi
ensure_venv "trac==1.6" "jinja2<3.2" "babel"
env_dir="$work/trac"
admin() { "$work/venv/bin/trac-admin" "$env_dir" "$@"; }
if [ ! -f "$env_dir/VERSION" ]; then
  admin initenv "Riverside Community Projects" "sqlite:db/trac.db" >/dev/null
  admin permission add anonymous TICKET_CREATE TICKET_APPEND TICKET_CHGPROP
  admin ticket_type add task >/dev/null 2>&1 || true
  admin component add "Community hall" somebody
  admin component add "Garden" somebody
  admin milestone add "Spring clean-up"
  admin config set header_logo src ""   # the default asks the admin, on every page, to configure a logo
  admin config set header_logo alt "Riverside Community Projects"
fi
start_server "$work/venv/bin/tracd" --hostname=127.0.0.1 --port="$port" "$env_dir"
wait_up
