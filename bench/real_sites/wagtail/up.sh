#!/usr/bin/env bash
# A Wagtail site from `wagtail start`: content pages, search, a contact form page built with
# wagtail.contrib.forms (the `contact` app here), and the Wagtail admin with its sign-in.
here="$(cd "$(dirname "$0")" && pwd)"; port=8802
. "$here/../lib.sh"
ensure_venv "wagtail>=7,<9"
ensure_project "$work/venv/bin/wagtail" start mysite
# Our app and settings on top of the generated project (copied each time, so edits here take effect).
rm -rf "$proj/contact" && cp -r "$here/contact" "$proj/contact"
cp "$here/local_settings.py" "$proj/mysite/settings/local.py"
manage() { (cd "$proj" && DJANGO_SETTINGS_MODULE=mysite.settings.dev "$work/venv/bin/python" manage.py "$@"); }
manage makemigrations contact -v 0
manage migrate -v 0
EMPATHY_SITE_PASSWORD="$(site_password)" manage seed_site
start_server env DJANGO_SETTINGS_MODULE=mysite.settings.dev "$work/venv/bin/python" "$proj/manage.py" \
    runserver "127.0.0.1:$port" --noreload --insecure
wait_up
echo "contact form at ${url}contact/, admin at ${url}admin/ (admin or editor; password: \$EMPATHY_SITE_PASSWORD or .work/password)"
