#!/usr/bin/env bash
# I Hate Money 7.2 (PyPI), a Flask app for sharing expenses, on SQLite, served by werkzeug on
# 127.0.0.1:8841: create a project (a sign-up), sign in to a project with its private code, add a bill
# and a participant, the project's settings, "I forgot the private code", invitations, a missing page.
# Idempotent: installs into .work/ once; every run resets the database to the seeded project
# "riverside-house" (Riverside House: Alex, Sam, Priya, Jordan, three bills in GBP). Its private code
# is $EMPATHY_SITE_PASSWORD or a random one kept in .work/password. Mail is not sent: each message is
# written to .work/mail.log. The login rate limit (3 tries a minute) is off so that repeated runs from
# one address are not blocked; everything else is the package's defaults.
here="$(cd "$(dirname "$0")" && pwd)"; port=8841
. "$here/../lib.sh"
ensure_venv "ihatemoney==7.2.1"
cfg="$work/ihatemoney.cfg"
if [ ! -s "$cfg" ]; then
  secret="$(python3 -c 'import secrets; print(secrets.token_urlsafe(32))')"
  cat > "$cfg" <<CFG
SQLALCHEMY_DATABASE_URI = "sqlite:///$work/ihatemoney.sqlite"
SECRET_KEY = "$secret"
SESSION_COOKIE_SECURE = False
ACTIVATE_DEMO_PROJECT = False
MAIL_DEFAULT_SENDER = "Riverside budget <budget@example.test>"
MAIL_SUPPRESS_SEND = True
RATELIMIT_ENABLED = False
BABEL_DEFAULT_TIMEZONE = "UTC"
CFG
fi
export IHATEMONEY_SETTINGS_FILE_PATH="$cfg"
if ! EMPATHY_SITE_PASSWORD="$(site_password)" "$work/venv/bin/python" "$here/seed.py" 2>>"$work/seed.log"; then
  echo "seeding the database failed; see $work/seed.log" >&2; tail -5 "$work/seed.log" >&2; exit 1
fi
if running; then echo "$url"; exit 0; fi
start_server "$work/venv/bin/python" "$here/serve.py" "$port" "$work/mail.log"
wait_up
echo "project riverside-house at ${url}authenticate (private code: \$EMPATHY_SITE_PASSWORD or .work/password)"
