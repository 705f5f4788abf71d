#!/usr/bin/env bash
# pretalx 2025.2 (PyPI), a conference's call for proposals: a multi-step proposal form that creates the
# speaker's account on the way, sign-in, password reset, the speaker's proposals and profile, and the
# organiser's back office. SQLite, served by Django's runserver on 127.0.0.1:8881 with DEBUG off.
# Idempotent: installs into .work/ once; every run reseeds (accounts and proposals a run added are
# removed). Mail is written to files in .work/mail/ (never to the network). Accounts: admin@example.org
# (organiser) and alex@example.test (a speaker), both Alex Morgan; password $EMPATHY_SITE_PASSWORD or a
# random one kept in .work/password.
here="$(cd "$(dirname "$0")" && pwd)"; port=8881
url="http://127.0.0.1:$port/techday/cfp"
. "$here/../lib.sh"
ensure_venv "pretalx==2025.2.2"
mkdir -p "$work/data" "$work/settings" "$work/mail"
if [ ! -s "$work/secret" ]; then python3 -c 'import secrets; print(secrets.token_urlsafe(40), end="")' > "$work/secret"; fi
sed -e "s#@WORK@#$work#" -e "s#@SECRET@#$(cat "$work/secret")#" "$here/pretalx.cfg.in" > "$work/pretalx.cfg"
cp "$here/local_settings.py" "$work/settings/pretalx_local_settings.py"
export PRETALX_WORK="$work" PRETALX_CONFIG_FILE="$work/pretalx.cfg" DJANGO_SETTINGS_MODULE=pretalx_local_settings \
    PYTHONPATH="$work/settings"
# pretalx's commands print a Celery warning and a note about root on every call: kept in .work/setup.log.
pretalx() { (cd "$work" && logged "pretalx $1" "$work/venv/bin/python" -m pretalx "$@"); }
: > "$work/setup.log"
pretalx migrate -v 0
# Static files and translations: collected once per installed version (pretalx's `rebuild` would also
# build the back office's schedule editor with npm, which no journey here opens).
if [ "$(cat "$work/rebuilt" 2>/dev/null)" != "$(cat "$work/venv/.installed")" ]; then
    pretalx collectstatic --noinput -v 0
    cat "$work/venv/.installed" > "$work/rebuilt"
fi
EMPATHY_SITE_PASSWORD="$(site_password)" pretalx shell --unsafe-disable-scopes < "$here/seed.py"
start_server "$work/venv/bin/python" -m pretalx runserver "127.0.0.1:$port" --noreload
wait_up
echo "call for proposals at $url, back office at http://127.0.0.1:$port/orga/ (admin@example.org; password: \$EMPATHY_SITE_PASSWORD or .work/password)"
