#!/usr/bin/env bash
# Roundup 2.6 (PyPI), the "classic" issue tracker template on SQLite, served by roundup-server on
# 127.0.0.1:8821: issue list, new issue, search, sign-in, registration, lost password.
# Idempotent: installs into .work/ once; every start resets the accounts' password (mail goes to
# .work/mail.log, never to the network). Accounts: admin and alex (Alex Morgan), password
# $EMPATHY_SITE_PASSWORD or a random one kept in .work/password.
here="$(cd "$(dirname "$0")" && pwd)"; port=8821
url="http://127.0.0.1:$port/tracker/"
. "$here/../lib.sh"
if running; then echo "$url"; exit 0; fi
ensure_venv "roundup==2.6.0"
tracker="$work/tracker"
admin() { "$work/venv/bin/roundup-admin" -i "$tracker" "$@"; }
password="$(site_password)"
if [ ! -f "$tracker/config.ini" ]; then
  admin install classic sqlite "tracker_web=$url,mail_domain=example.test,mail_debug=$work/mail.log,tracker_name=Riverside Community Tracker" >/dev/null
  admin initialise "$password" >/dev/null
  admin create user username=alex "realname=Alex Morgan" address=alex@example.test roles=User >/dev/null
  admin create issue "title=Projector in room 2 flickers" >/dev/null
  admin create issue "title=Add a sign-up sheet for the spring clean-up" >/dev/null
fi
admin set user1 "password=$password" >/dev/null
admin set "user$(admin list user | awk -F: '$2 == " alex" {gsub(/ /, "", $1); print $1}')" "password=$password" >/dev/null
serve_as=()
if [ "$(id -u)" = 0 ]; then chown -R nobody "$work/tracker"; touch "$work/mail.log"; chown nobody "$work/mail.log"; serve_as=(-u nobody); fi
start_server "$work/venv/bin/roundup-server" -n 127.0.0.1 -p "$port" "${serve_as[@]}" "tracker=$tracker"
wait_up
