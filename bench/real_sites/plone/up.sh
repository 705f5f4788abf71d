#!/usr/bin/env bash
# Plone 6.2 (PyPI), the Zope content management system with its Classic UI, on Zope's own database
# (a file), served by waitress on 127.0.0.1:8861 at the address's root (serve.py): a club's site,
# "Riverside Allotment Society", with three pages, two news items and a noticeboard folder where the
# member alex may add notices. Sign in, register (self-registration on, choose your own password),
# "forgot your password", the contact form, search, preferences and a missing page are Plone's own.
# Idempotent: installs into .work/ once and seeds the site once (seed.py), keeping a copy of that
# database; every run restores the copy, restarting the server when it runs (Zope holds its database
# file open), so what a harness run added is removed. The accounts alex (Alex Morgan, member) and
# admin (Zope manager) have the password $EMPATHY_SITE_PASSWORD or a random one kept in .work/password.
# Mail goes to an SMTP sink on 127.0.0.1:8862 that serve.py runs beside the site, which writes each
# message to .work/mail.log (emptied on every start): nothing reaches the network.
here="$(cd "$(dirname "$0")" && pwd)"; port=8861
. "$here/../lib.sh"
# plone.app.layout: without Plone's constraints file pip picks a 7.0 alpha that Plone 6.2 cannot load.
ensure_venv "Plone==6.2.2" "plone.app.layout==6.0.2" "aiosmtpd==1.4.6"
inst="$work/instance"; seeded="$work/seeded"; smtp_port=8862; mail="$work/mail.log"
password="$(site_password)"
stamp="$(printf '%s %s' "$password" "$work" | sha256sum | cut -c1-16)"
if [ "$(cat "$seeded/stamp" 2>/dev/null)" != "$stamp" ]; then
  if running; then stop_server > /dev/null; fi
  rm -rf "$inst" "$seeded"
  "$work/venv/bin/mkwsgiinstance" -d "$inst" -u "admin:$password" > /dev/null
  if ! EMPATHY_SITE_PASSWORD="$password" SMTP_PORT="$smtp_port" \
      "$work/venv/bin/zconsole" run "$inst/etc/zope.conf" "$here/seed.py" > "$work/seed.log" 2>&1; then
    echo "seeding the site failed; see $work/seed.log" >&2; tail -5 "$work/seed.log" >&2; exit 1
  fi
  mkdir -p "$seeded"; cp "$inst/var/Data.fs" "$seeded/Data.fs"; echo "$stamp" > "$seeded/stamp"
fi
if running; then stop_server > /dev/null; fi
rm -f "$inst/var/Data.fs".*; cp "$seeded/Data.fs" "$inst/var/Data.fs"
: > "$mail"
start_server "$work/venv/bin/python" "$here/serve.py" "$inst/etc/zope.ini" "$port" "$smtp_port" "$mail"
wait_up
echo "accounts alex and admin (password: \$EMPATHY_SITE_PASSWORD or .work/password); mail in $mail"
