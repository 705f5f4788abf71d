#!/usr/bin/env bash
# wger 2.1 (PyPI), a Django workout, nutrition and weight manager, on SQLite, served by Django's runserver
# on 127.0.0.1:8891 with DEBUG off (its static files served by a URL of bench_urls.py): register, sign in, reset a
# password, weight entries, workouts, nutrition plans, the exercise list. The front-end libraries its
# templates load (static/yarn/...) come from npm (static/package.json) and its Sass is compiled with npm's
# `sass`, as wger's own `bootstrap` task does with yarn.
# Idempotent: installs into .work/ once and seeds a database once (seed.py: wger's fixtures, the accounts
# alex, Alex Morgan, with a workout, a nutrition plan and four weights, and admin, Robin Hale), keeping a
# copy; every run restores the copy, restarting the server when it runs, so what a harness run added is
# removed. Password: $EMPATHY_SITE_PASSWORD or a random one kept in .work/password. Mail is written to
# files in .work/mail/ (emptied on every run); nothing reaches the network.
here="$(cd "$(dirname "$0")" && pwd)"; port=8891
health="http://127.0.0.1:$port/en/user/login"
. "$here/../lib.sh"
ensure_venv "wger==2.1"
static="$work/static"; mkdir -p "$static"
if ! cmp -s "$here/static/package.json" "$static/package.json"; then
  cp "$here/static/package.json" "$static/package.json"
  (cd "$static" && npm install --no-audit --no-fund --loglevel=error > "$work/npm.log" 2>&1) \
    || { echo "npm install failed; see $work/npm.log" >&2; tail -5 "$work/npm.log" >&2; exit 1; }
  # wger's Sass imports "../yarn/bootstrap/...": a yarn folder beside its copy makes that path resolve.
  mkdir -p "$static/scss" "$static/built"; ln -sfn node_modules "$static/yarn"
  cp "$work/venv/lib/python3"*/site-packages/wger/core/static/scss/main.scss "$static/scss/main.scss"
  "$static/node_modules/.bin/sass" --quiet --no-source-map "$static/scss/main.scss:$static/built/bootstrap-compiled.css"
fi
[ -s "$work/secret_key" ] || python3 -c 'import secrets; print(secrets.token_urlsafe(40), end="")' > "$work/secret_key"
export WGER_WORK="$work" PYTHONPATH="$here" DJANGO_SETTINGS_MODULE=settings
db="$work/database.sqlite"; seeded="$work/seeded"
password="$(site_password)"
stamp="$(cat "$here/seed.py" "$here/settings.py" | sha256sum | cut -c1-16) $(printf '%s' "$password" | sha256sum | cut -c1-16)"
if [ "$(cat "$seeded/stamp" 2>/dev/null)" != "$stamp" ]; then
  if running; then stop_server > /dev/null; fi
  rm -rf "$db" "$seeded"
  if ! { "$work/venv/bin/python" -m django migrate --noinput -v 0 \
         && EMPATHY_SITE_PASSWORD="$password" "$work/venv/bin/python" "$here/seed.py"; } > "$work/seed.log" 2>&1; then
    echo "seeding the site failed; see $work/seed.log" >&2; tail -5 "$work/seed.log" >&2; exit 1
  fi
  mkdir -p "$seeded"; cp "$db" "$seeded/database.sqlite"; echo "$stamp" > "$seeded/stamp"
fi
if running; then stop_server > /dev/null; fi
cp "$seeded/database.sqlite" "$db"
rm -rf "$work/mail" "$work/media"; mkdir -p "$work/mail" "$work/media"
start_server "$work/venv/bin/python" -m django runserver --noreload "127.0.0.1:$port"
wait_up
echo "accounts alex and admin (password: \$EMPATHY_SITE_PASSWORD or .work/password); mail in $work/mail/"
