#!/usr/bin/env bash
# Weblate 5.14 (PyPI `weblate`, the last release for Python 3.11), the web-based translation platform: sign-in,
# registration by e-mail link, password reset, the user's profile and settings, projects, components and the
# translation editor, "Start new translation", search, the contact form. Django on Weblate's own PostgreSQL
# cluster (Debian's `postgresql`, a cluster in .work/pg on 127.0.0.1:8992; Weblate does not run on SQLite), served
# by Django's runserver on 127.0.0.1:8991 with DEBUG off; Celery tasks run in the web process (no Redis, no worker).
# Idempotent: installs into .work/ once (the venv builds borgbackup, pycairo and PyGObject: Debian's -dev packages
# below); migrates once per installed version, seeds once per stamp (seed.py, the files in repo/,
# the password) and, on every run, puts the seeded database and data folder back (what a run added is removed),
# restarting the server. Mail is written to files in .work/mail/ (never to the network). Accounts: alex (Alex
# Morgan, alex@example.test, translates into French) and admin (Robin Hale, admin@example.org, superuser);
# password $EMPATHY_SITE_PASSWORD or a random one kept in .work/password.
here="$(cd "$(dirname "$0")" && pwd)"; port=8991; dbport=8992
url="http://127.0.0.1:$port/"
health="http://127.0.0.1:$port/healthz/"
. "$here/../lib.sh"

[ "$(id -u)" = 0 ] && sudo="" || sudo="sudo"
need=(git pkg-config liblz4-dev libzstd-dev libxxhash-dev libacl1-dev libcairo2-dev libgirepository1.0-dev
      gir1.2-pango-1.0 gir1.2-rsvg-2.0)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
missing=(); for p in "${need[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
: > "$work/setup.log"
# PyGObject 3.51 and later want GLib 2.80 (girepository-2.0), newer than Debian 12's; django-otp 1.7 dropped the
# middleware method Weblate 5.14 calls on every request (`_verify_user`).
logged "pip install" ensure_venv "weblate[postgres]==5.14.3" "pygobject<3.51" "django-otp<1.7"

pg_up weblate "$dbport"
# The served database `weblate` is made anew from a template: `weblate_migrated`, then `weblate_seeded`.

mkdir -p "$work/settings" "$work/mail" "$work/cache"
if [ ! -s "$work/secret" ]; then python3 -c 'import secrets; print(secrets.token_urlsafe(40), end="")' > "$work/secret"; fi
cp "$here/local_settings.py" "$work/settings/weblate_local_settings.py"
cp "$here/local_urls.py" "$work/settings/weblate_local_urls.py"
export WEBLATE_WORK="$work" WEBLATE_PORT="$port" WEBLATE_DB_PORT="$dbport" \
    DJANGO_SETTINGS_MODULE=weblate_local_settings PYTHONPATH="$work/settings"
weblate() { logged "weblate $1" "$work/venv/bin/weblate" "$@"; }
if running; then stop_server > /dev/null; fi

if [ "$(cat "$work/migrated.stamp" 2>/dev/null)" != "$(cat "$work/venv/.installed")" ]; then
  sql "DROP DATABASE IF EXISTS weblate_migrated"; sql "DROP DATABASE IF EXISTS weblate_seeded"
  fresh_db weblate template0; rm -rf "$work/data"
  weblate migrate --noinput -v 0
  weblate collectstatic --noinput -v 0
  sql "CREATE DATABASE weblate_migrated TEMPLATE weblate"
  # Migrating also writes Weblate's Git settings and SSH key into the data folder: kept with the database.
  rm -rf "$work/data.migrated"; cp -a "$work/data" "$work/data.migrated"
  cat "$work/venv/.installed" > "$work/migrated.stamp"; rm -f "$work/seeded.stamp"
fi

password="$(site_password)"
stamp="$(cat "$work/migrated.stamp" "$here/seed.py" "$here"/repo/po/* <(printf '%s' "$password") \
  | sha256sum | cut -c1-16)"
if [ "$(cat "$work/seeded.stamp" 2>/dev/null)" != "$stamp" ]; then
  fresh_db weblate weblate_migrated
  rm -rf "$work/data" "$work/data.seeded" "$work/upstream.git" "$work/repo"; cp -a "$work/data.migrated" "$work/data"
  # The component's "upstream": a local Git repository with repo/'s files as its one commit (nothing is pushed to it).
  mkdir -p "$work/repo"; cp -r "$here/repo/po" "$work/repo/"
  (cd "$work/repo" && git init -q -b main && git add po \
    && GIT_AUTHOR_DATE="2026-11-02T10:00:00Z" GIT_COMMITTER_DATE="2026-11-02T10:00:00Z" \
       git -c user.name="Alex Morgan" -c user.email=alex@example.test commit -q -m "Garden app: translations" \
    && git clone -q --bare . "$work/upstream.git")
  EMPATHY_SITE_PASSWORD="$password" weblate shell < "$here/seed.py"
  sql "DROP DATABASE IF EXISTS weblate_seeded"; sql "CREATE DATABASE weblate_seeded TEMPLATE weblate"
  cp -a "$work/data" "$work/data.seeded"
  echo "$stamp" > "$work/seeded.stamp"
fi
fresh_db weblate weblate_seeded
rm -rf "$work/data" "$work/mail"; cp -a "$work/data.seeded" "$work/data"; mkdir -p "$work/mail"

start_server "$work/venv/bin/weblate" runserver "127.0.0.1:$port" --noreload
wait_up
echo "projects at $url (alex or admin; password: \$EMPATHY_SITE_PASSWORD or .work/password)"
