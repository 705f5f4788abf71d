#!/usr/bin/env bash
# calibre-web 0.6.27 (PyPI `calibreweb`), a Flask app for browsing, searching and shelving the books of a
# Calibre library, served by its own server on 127.0.0.1:8911: "Riverside Library", twelve classics
# (metadata only: no book files, no covers) in a library that seed.py builds with calibre-web's own
# models (no Calibre install). Sign in, register (a name and an e-mail; the password comes by mail),
# "Forgot password?", search and advanced search, a book's page, shelves, the profile and a missing page
# are calibre-web's own. Idempotent: installs into .work/ once; every run stops the server if it runs,
# rebuilds both databases (what a run added is removed) and starts it. Accounts alex (alex@example.test,
# a shelf "Summer reading" of two books), sam (sam@example.test, for "Forgot Password?", which replaces the
# password at once) and admin (administrator), password $EMPATHY_SITE_PASSWORD or a
# random one kept in .work/password. Mail goes to an SMTP sink on 127.0.0.1:8912 (serve.py) that writes
# each message to .work/mail.log (emptied on every run): nothing reaches the network.
here="$(cd "$(dirname "$0")" && pwd)"; port=8911
url="http://127.0.0.1:$port/login"
. "$here/../lib.sh"
ensure_venv "calibreweb==0.6.27" "aiosmtpd==1.4.6"
data="$work/data"; smtp_port=8912; mail="$work/mail.log"
if running; then stop_server > /dev/null; fi
rm -rf "$data"; mkdir -p "$data"
if ! EMPATHY_SITE_PASSWORD="$(site_password)" "$work/venv/bin/python" "$here/seed.py" "$data" "$port" "$smtp_port" \
    > "$work/seed.log" 2>&1; then
  echo "seeding the site failed; see $work/seed.log" >&2; tail -5 "$work/seed.log" >&2; exit 1
fi
: > "$mail"
start_server "$work/venv/bin/python" "$here/serve.py" "$data" "$smtp_port" "$mail"
wait_up
echo "accounts alex, sam and admin (password: \$EMPATHY_SITE_PASSWORD or .work/password); mail in $mail"
