#!/usr/bin/env bash
# Kiwi TCMS 12.4 (PyPI `kiwitcms`), a Django test-case management system: sign-in, registration, password
# reset, test plans, test cases and test runs, their search pages, and Django's admin. SQLite, served by
# Django's runserver on 127.0.0.1:8921 with DEBUG off (`--insecure` serves the packaged static files).
# Idempotent: installs into .work/ once and migrates once (kept as .work/migrated.sqlite; several minutes
# on a loaded machine), seeds once per password and seed (kept as .work/seeded.sqlite); every run restores
# the seeded copy and restarts the server, so what a harness run added (accounts, plans, cases) is removed.
# Mail is written to files in .work/mail/ (emptied on every run; never to the network).
# Accounts: admin (Robin Hale, superuser) and alex (Alex Morgan, a tester); password
# $EMPATHY_SITE_PASSWORD or a random one kept in .work/password.
here="$(cd "$(dirname "$0")" && pwd)"; port=8921
url="http://127.0.0.1:$port/accounts/login/"
. "$here/../lib.sh"
ensure_venv "kiwitcms==12.4"
mkdir -p "$work/settings" "$work/mail" "$work/uploads"
cp "$here/local_settings.py" "$work/settings/kiwi_local_settings.py"
export KIWI_WORK="$work" DJANGO_SETTINGS_MODULE=kiwi_local_settings PYTHONPATH="$work/settings"
kiwi() { logged "django-admin $1" "$work/venv/bin/django-admin" "$@"; }
: > "$work/setup.log"
seeded_db "$work/kiwi.sqlite" kiwi "$here/seed.py" "$here/local_settings.py"
rm -rf "$work/mail" "$work/uploads"; mkdir -p "$work/mail" "$work/uploads"
start_server "$work/venv/bin/django-admin" runserver "127.0.0.1:$port" --noreload --insecure
wait_up
echo "accounts alex and admin (password: \$EMPATHY_SITE_PASSWORD or .work/password); mail in $work/mail/"
