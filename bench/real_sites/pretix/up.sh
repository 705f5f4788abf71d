#!/usr/bin/env bash
# pretix (tickets): an organizer, an event with two tickets and questions, manual payment, the full
# checkout to an order confirmation, and the organizer's back office (pretix's control panel).
here="$(cd "$(dirname "$0")" && pwd)"; port=8803
. "$here/../lib.sh"
ensure_venv "pretix>=2025"
mkdir -p "$work/data" "$work/settings"
if [ ! -s "$work/secret" ]; then python3 -c 'import secrets; print(secrets.token_urlsafe(40), end="")' > "$work/secret"; fi
sed -e "s#@WORK@#$work#" -e "s#@SECRET@#$(cat "$work/secret")#" "$here/pretix.cfg.in" > "$work/pretix.cfg"
cp "$here/local_settings.py" "$work/settings/pretix_local_settings.py"
export PRETIX_CONFIG_FILE="$work/pretix.cfg" DJANGO_SETTINGS_MODULE=pretix_local_settings PYTHONPATH="$work/settings"
pretix() { (cd "$work" && "$work/venv/bin/python" -m pretix "$@"); }
pretix migrate -v 0
# Static files and translations: compiled once per installed version.
if [ "$(cat "$work/rebuilt" 2>/dev/null)" != "$(cat "$work/venv/.installed")" ]; then
    pretix rebuild > "$work/rebuild.log" 2>&1 || { tail -20 "$work/rebuild.log" >&2; exit 1; }
    cat "$work/venv/.installed" > "$work/rebuilt"
fi
EMPATHY_SITE_PASSWORD="$(site_password)" pretix shell -v 0 < "$here/seed.py"
start_server "$work/venv/bin/python" -m pretix runserver "127.0.0.1:$port" --noreload --insecure
wait_up
echo "shop at ${url}riverside/autumn-concert/, back office at ${url}control/ (admin@example.org; password: \$EMPATHY_SITE_PASSWORD or .work/password)"
