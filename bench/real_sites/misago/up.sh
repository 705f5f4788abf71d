#!/usr/bin/env bash
# Misago 0.39 (PyPI `misago`), a Django forum with a React front: sign-in and registration in dialogs, activation
# and password reset by e-mail link, categories, threads, replies, search, the user's options. Django on a
# PostgreSQL cluster of the site's own (Debian's `postgresql`, .work/pg on 127.0.0.1:9022; Misago does not run
# on SQLite), served by Django's runserver on 127.0.0.1:9021 with DEBUG off (`--insecure` serves Misago's packaged
# static files); no Redis: Misago's Celery tasks run in the web process. Idempotent: installs into .work/ once;
# migrates once per installed version, seeds once per stamp (seed.py, the project's files, the password) and, on
# every run, puts the seeded database and media back (what a run added is removed), restarting the server. Mail
# is written to files in .work/mail/ (never to the network). Accounts: alex (Alex Morgan, alex@example.test) and
# admin (Robin Hale, admin@example.org, the forum's administrator); password $EMPATHY_SITE_PASSWORD or a random
# one kept in .work/password (Misago wants 7 characters or more).
here="$(cd "$(dirname "$0")" && pwd)"; port=9021; dbport=9022
url="http://127.0.0.1:$port/"
. "$here/../lib.sh"

[ "$(id -u)" = 0 ] && sudo="" || sudo="sudo"
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends postgresql
fi
ruled_password "Misago" "7 characters or more, not all digits" "len(p) >= 7 and not p.isdigit()"
: > "$work/setup.log"
logged "pip install" ensure_venv "misago==0.39.6"

pg_up misago "$dbport"
# The served database `misago` is made anew from a template: `misago_migrated`, then `misago_seeded`.

mkdir -p "$work/project" "$work/mail" "$work/media"
if [ ! -s "$work/secret" ]; then python3 -c 'import secrets; print(secrets.token_urlsafe(40), end="")' > "$work/secret"; fi
rm -rf "$work/project/misagosite"; cp -r "$here/misagosite" "$work/project/"
export MISAGO_WORK="$work" MISAGO_DB_PORT="$dbport" DJANGO_SETTINGS_MODULE=misagosite.settings \
    PYTHONPATH="$work/project"
manage() { logged "django-admin $1" "$work/venv/bin/django-admin" "$@"; }
if running; then stop_server > /dev/null; fi

installed="$(cat "$work/venv/.installed")"
if [ "$(cat "$work/migrated.stamp" 2>/dev/null)" != "$installed" ]; then
  sql "DROP DATABASE IF EXISTS misago_migrated"; sql "DROP DATABASE IF EXISTS misago_seeded"
  fresh_db misago template0
  manage migrate --noinput -v 0
  sql "CREATE DATABASE misago_migrated TEMPLATE misago"
  echo "$installed" > "$work/migrated.stamp"; rm -f "$work/seeded.stamp"
fi

stamp="$(cat "$work/migrated.stamp" "$here/seed.py" "$here"/misagosite/*.py <(printf '%s' "$password") \
  | sha256sum | cut -c1-16)"
if [ "$(cat "$work/seeded.stamp" 2>/dev/null)" != "$stamp" ]; then
  fresh_db misago misago_migrated
  rm -rf "$work/media" "$work/media.seeded"; mkdir -p "$work/media"
  EMPATHY_SITE_PASSWORD="$password" SITE_URL="$url" manage shell < "$here/seed.py"
  sql "DROP DATABASE IF EXISTS misago_seeded"; sql "CREATE DATABASE misago_seeded TEMPLATE misago"
  cp -a "$work/media" "$work/media.seeded"
  echo "$stamp" > "$work/seeded.stamp"
fi
fresh_db misago misago_seeded
rm -rf "$work/media" "$work/mail"; cp -a "$work/media.seeded" "$work/media"; mkdir -p "$work/mail"

start_server "$work/venv/bin/django-admin" runserver "127.0.0.1:$port" --noreload --insecure
wait_up
echo "the forum at $url (alex or admin; password: \$EMPATHY_SITE_PASSWORD or .work/password)"
