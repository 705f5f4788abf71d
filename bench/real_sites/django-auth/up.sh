#!/usr/bin/env bash
# Django's own auth and admin views in a minimal project: sign-in, sign-out, password change,
# password reset (mail to the console, i.e. .work/server.log), admin add/change forms for users and groups.
here="$(cd "$(dirname "$0")" && pwd)"; port=8801
. "$here/../lib.sh"
ensure_venv "django>=5.2,<6"
ensure_project "$work/venv/bin/django-admin" startproject authsite
# Our settings and URLs on top of the generated project (idempotent: copied each time).
cp "$here/local_settings.py" "$proj/authsite/local_settings.py"
cp "$here/urls.py" "$proj/authsite/urls.py"
grep -q "local_settings" "$proj/authsite/settings.py" || echo "from .local_settings import *  # noqa" >> "$proj/authsite/settings.py"
manage() { (cd "$proj" && "$work/venv/bin/python" manage.py "$@"); }
manage migrate -v 0
EMPATHY_SITE_PASSWORD="$(site_password)" manage shell -v 0 < "$here/seed.py"
start_server "$work/venv/bin/python" "$proj/manage.py" runserver "127.0.0.1:$port" --noreload --insecure
wait_up
echo "sign in at ${url}admin/ as admin or editor (password: \$EMPATHY_SITE_PASSWORD or .work/password)"
