#!/usr/bin/env bash
# Spirit 0.14 (PyPI django-spirit), a Django forum, on SQLite with Whoosh search, served by Django's
# runserver on 127.0.0.1:8851 (DEBUG off; --insecure serves the static files): register (activation
# mail), sign in, a new topic, a reply, search, the profile settings, a missing page.
# Idempotent: installs into .work/ once; every run restores the seeded forum "Riverside Gardeners"
# (accounts admin and alex, Alex Morgan; three categories; four topics) and rebuilds the search index.
# The accounts' password is $EMPATHY_SITE_PASSWORD or a random one kept in .work/password. Mail goes to
# the server's console (.work/server.log), never to the network. Rate limits are off (bench_settings.py).
here="$(cd "$(dirname "$0")" && pwd)"; port=8851
. "$here/../lib.sh"
ensure_venv "django-spirit==0.14.3"
ensure_project env PATH="$work/venv/bin:$PATH" "$work/venv/bin/spirit" startproject forum --path
cp "$here/bench_settings.py" "$proj/forum/settings/bench.py"
[ -s "$work/secret_key" ] || python3 -c 'import secrets; print(secrets.token_urlsafe(40), end="")' > "$work/secret_key"
export SPIRIT_SECRET_KEY="$(cat "$work/secret_key")" DJANGO_SETTINGS_MODULE=forum.settings.bench
manage() { (cd "$proj" && "$work/venv/bin/python" manage.py "$@"); }
{
  manage migrate --noinput
  manage createcachetable
  EMPATHY_SITE_PASSWORD="$(site_password)" PYTHONPATH="$proj" "$work/venv/bin/python" "$here/seed.py"
  manage rebuild_index --noinput
} >> "$work/seed.log" 2>&1 || { echo "setting up the forum failed; see $work/seed.log" >&2; tail -5 "$work/seed.log" >&2; exit 1; }
if running; then echo "$url"; exit 0; fi
(cd "$proj" && start_server "$work/venv/bin/python" manage.py runserver --insecure --noreload "127.0.0.1:$port")
wait_up
echo "accounts admin and alex; password: \$EMPATHY_SITE_PASSWORD or .work/password"
