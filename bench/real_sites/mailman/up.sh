#!/usr/bin/env bash
# Mailman 3 (PyPI `mailman` 3.3 core and `mailman-web`, which brings Postorius and HyperKitty), the GNU
# mailing-list manager: its web UI on 127.0.0.1:8971 (Django's runserver, DEBUG off), core on SQLite with
# its REST API on 127.0.0.1:8973 and LMTP on 8974, the web UI's database SQLite too, the archive's search
# Whoosh. A choir's three lists on lists.example.org: "Announcements" (open, confirm by e-mail), "Members"
# (subscription approved by a moderator; alex is a member; archived threads to search) and "Committee"
# (invitation only, archive private). Sign-up (allauth, e-mail verification required), sign-in, password
# reset, subscription and its confirmation, the user's subscriptions and the archive's search are theirs.
# Idempotent: installs into .work/ once and seeds once (seed_core.py, seed_web.py), keeping copies of both
# databases and the search index; every run restores the copies, restarting the server, so what a run
# added is removed. Accounts alex (Alex Morgan, alex@example.test) and admin (Robin Hale, superuser) have
# the password $EMPATHY_SITE_PASSWORD or a random one kept in .work/password. All mail, core's and the
# web UI's, goes to an SMTP sink on 127.0.0.1:8972 (serve.py) that writes it to .work/mail.log.
here="$(cd "$(dirname "$0")" && pwd)"; port=8971
url="http://127.0.0.1:$port/postorius/lists/"
. "$here/../lib.sh"
# SQLAlchemy 2.1 breaks core's REST API (its list queries fail with an ArgumentError): the 2.0 line it was made for.
ensure_venv "mailman==3.3.10" "SQLAlchemy==2.0.58" "mailman-web==0.0.9" "postorius==1.3.13" "hyperkitty==1.3.12" \
    "django-mailman3==1.3.15" "whoosh==2.7.4" "libsass==0.23.0" "aiosmtpd==1.4.6"
smtp_port=8972; rest_port=8973; lmtp_port=8974; mail="$work/mail.log"; seeded="$work/seeded"
mkdir -p "$work/var" "$work/web"
for f in secret rest_pass; do
  if [ ! -s "$work/$f" ]; then python3 -c 'import secrets; print(secrets.token_urlsafe(30), end="")' > "$work/$f"; fi
done
fill() {
  sed -e "s#@WORK@#$work#g" -e "s#@PORT@#$port#g" -e "s#@SMTP_PORT@#$smtp_port#g" -e "s#@REST_PORT@#$rest_port#g" \
      -e "s#@LMTP_PORT@#$lmtp_port#g" -e "s#@SECRET@#$(cat "$work/secret")#g" -e "s#@REST_PASS@#$(cat "$work/rest_pass")#g" "$1" > "$2"
}
fill "$here/mailman.cfg.in" "$work/mailman.cfg"
fill "$here/settings.py.in" "$work/web/settings.py"
export MAILMAN_WEB_CONFIG="$work/web/settings.py" MAILMAN_CONFIG_FILE="$work/mailman.cfg"
web() { logged "mailman-web $1" "$work/venv/bin/mailman-web" "$@"; }
: > "$work/setup.log"
# Static files and HyperKitty's compiled styles: once per installed version.
if [ "$(cat "$work/compressed" 2>/dev/null)" != "$(cat "$work/venv/.installed")" ]; then
  web collectstatic --noinput -v 0
  web compress
  cat "$work/venv/.installed" > "$work/compressed"
fi
serve() { start_server "$work/venv/bin/python" "$here/serve.py" "$work" "$port" "$smtp_port" "$mail"; }
password="$(site_password)"
stamp="$(cat "$here/seed_core.py" "$here/seed_web.py" "$work/venv/.installed" | sha256sum | cut -c1-16) $(printf '%s' "$password" | sha256sum | cut -c1-16)"
if [ "$(cat "$seeded/stamp" 2>/dev/null)" != "$stamp" ]; then
  if running; then stop_server > /dev/null; fi
  rm -rf "$seeded" "$work/var" "$work/web/mailman-web.db" "$work/web/fulltext_index"
  mkdir -p "$work/var"
  web migrate -v 0
  : > "$mail"; serve; wait_up > /dev/null
  EMPATHY_SITE_PASSWORD="$password" logged "seeding Mailman core" "$work/venv/bin/python" "$here/seed_core.py"
  EMPATHY_SITE_PASSWORD="$password" web shell -c "exec(open('$here/seed_web.py').read())"
  stop_server > /dev/null
  mkdir -p "$seeded"
  cp "$work/var/data/mailman.db" "$work/web/mailman-web.db" "$seeded/"
  cp -r "$work/web/fulltext_index" "$seeded/"
  echo "$stamp" > "$seeded/stamp"
fi
if running; then stop_server > /dev/null; fi
# Restore the seeded state: both databases, the search index; nothing left in core's queues or locks.
rm -rf "$work/var/queue" "$work/var/locks" "$work/web/fulltext_index" "$work/var/data/mailman.db" "$work/web/mailman-web.db"
cp "$seeded/mailman.db" "$work/var/data/mailman.db"
cp "$seeded/mailman-web.db" "$work/web/mailman-web.db"
cp -r "$seeded/fulltext_index" "$work/web/fulltext_index"
: > "$mail"
serve
wait_up
echo "accounts alex and admin (password: \$EMPATHY_SITE_PASSWORD or .work/password); mail in $mail"
