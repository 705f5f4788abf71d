#!/usr/bin/env bash
# django CMS 5.1 (PyPI `django-cms`), the quick-start project that django CMS's own `djangocms .` makes inside a
# project from `django-admin startproject` (its bundled install rules: djangocms-frontend, -text, -link,
# -versioning, -alias, django-filer), with djangocms-form-builder for forms on pages; Django's documented password
# reset for the admin's sign-in page. A community garden's site: five published pages, a volunteer form and a
# contact form; editors sign in at /admin/ and edit pages in the toolbar. SQLite, served by Django's runserver on
# 127.0.0.1:9001 with DEBUG off (`--insecure` serves the static files; Bootstrap from npm, not the CDN).
# Idempotent: installs into .work/ once, migrates once, seeds once per password and seed (kept as
# .work/seeded.sqlite); every run restores the seeded copy and restarts the server, so what a harness run added
# (pages, edits, form submissions) is removed. Mail is written to files in .work/mail/ (emptied on every run).
# Accounts: admin (Robin Hale, superuser) and alex (Alex Morgan, an editor); password $EMPATHY_SITE_PASSWORD or a
# random one kept in .work/password.
here="$(cd "$(dirname "$0")" && pwd)"; port=9001
. "$here/../lib.sh"
ensure_venv "django-cms==5.1.3" "djangocms-frontend==2.5.3" "djangocms-text==1.0.2" "djangocms-link==5.2.0" \
    "djangocms-versioning==2.8.0" "djangocms-alias==3.2.0" "djangocms-simple-admin-style==2.1.1" \
    "django-filer==3.6.0" "djangocms-form-builder==0.7.0"
: > "$work/setup.log"
# Bootstrap from npm, in a folder with its own package.json (npm would otherwise install into a parent's).
if ! cmp -s "$here/package.json" "$work/npm/package.json"; then
    mkdir -p "$work/npm"; cp "$here/package.json" "$work/npm/package.json"
    (cd "$work/npm" && logged "npm install" npm install --no-audit --no-fund --loglevel=error)
fi
[ -s "$work/secret" ] || python3 -c 'import secrets; print(secrets.token_urlsafe(40), end="")' > "$work/secret"
export DJANGOCMS_WORK="$work" DJANGOCMS_SITE="$here" PATH="$work/venv/bin:$PATH" VIRTUAL_ENV="$work/venv"
# The quick start, made once: startproject, then django CMS's own installer with its bundled rules (no download).
quickstart() {
    "$work/venv/bin/django-admin" startproject riverside "$1"
    (cd "$1" && logged "djangocms ." "$work/venv/bin/djangocms" . --use-bundled-install-rules --noinput)
    printf '\n# The proving ground'"'"'s settings (bench/real_sites/djangocms/local_settings.py).\nexec((Path(__import__("os").environ["DJANGOCMS_SITE"]) / "local_settings.py").read_text())\n' \
        >> "$1/riverside/settings.py"
}
ensure_project quickstart
cp "$here/urls.py" "$proj/riverside/urls.py"
manage() { (cd "$proj" && logged "manage.py $1" "$work/venv/bin/python" manage.py "$@"); }
seeded_db "$work/cms.sqlite" manage "$here/seed.py" "$here/local_settings.py"
rm -rf "$work/mail" "$work/media"; mkdir -p "$work/mail" "$work/media"
start_server bash -c "cd '$proj' && exec '$work/venv/bin/python' manage.py runserver '127.0.0.1:$port' --noreload --insecure"
wait_up
echo "accounts alex and admin (password: \$EMPATHY_SITE_PASSWORD or .work/password); mail in $work/mail/"
