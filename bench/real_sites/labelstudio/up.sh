#!/usr/bin/env bash
# Label Studio 1.23 (PyPI `label-studio`), a data-labelling tool: sign-up, sign-in, projects (a multi-step
# "Create Project" dialog), the project's data manager and labelling, the account page. A Django app with
# React pages inside, on SQLite, served by Django's runserver (`label-studio start`) on 127.0.0.1:8961 with
# DEBUG off. Nothing reaches the network: the release check, analytics and Sentry (server and browser)
# are off (the environment below). Label Studio's open-source edition sends no mail (it has no password
# reset by e-mail and no confirmation mail), so there is no mail sink.
# Idempotent: installs into .work/ once and migrates once (kept as .work/migrated.sqlite3; many minutes on
# a loaded machine), seeds once per password and seed (kept as .work/seeded.sqlite3); every run restores
# the seeded copy and restarts the server, so what a harness run added (accounts, projects) is removed.
# Accounts: alex@example.test (Alex Morgan, with the project "Street signs") and admin@example.org (Robin
# Hale); password $EMPATHY_SITE_PASSWORD or a random one kept in .work/password.
here="$(cd "$(dirname "$0")" && pwd)"; port=8961
url="http://127.0.0.1:$port/user/login/"
. "$here/../lib.sh"
ensure_venv "label-studio==1.23.2"
mkdir -p "$work/data"
# The package's real path: Python puts manage.py's resolved folder on sys.path, so a .work that is a symlink
# to an installed copy elsewhere would otherwise give Django each app's folder under two names.
ls_dir="$("$work/venv/bin/python" -c 'import label_studio, os; print(os.path.dirname(os.path.realpath(label_studio.__file__)))')"
export DJANGO_SETTINGS_MODULE=core.settings.label_studio PYTHONPATH="$ls_dir" SENTRY_DSN= FRONTEND_SENTRY_DSN= \
    LABEL_STUDIO_BASE_DATA_DIR="$work/data" DATABASE_NAME="$work/data/label_studio.sqlite3" \
    LATEST_VERSION_CHECK=false COLLECT_ANALYTICS=false DEBUG=false
manage() { logged "manage.py $1" "$work/venv/bin/python" "$ls_dir/manage.py" "$@"; }
: > "$work/setup.log"
seeded_db "$work/data/label_studio.sqlite3" manage "$here/seed.py"
start_server "$work/venv/bin/python" "$ls_dir/manage.py" runserver "127.0.0.1:$port" --noreload
wait_up
echo "accounts alex@example.test and admin@example.org (password: \$EMPATHY_SITE_PASSWORD or .work/password)"
