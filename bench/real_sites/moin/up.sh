#!/usr/bin/env bash
# Moin 2.0.0b5 (PyPI `moin`), a Flask wiki: read, sign in, register, edit and create pages, search,
# "Forgot your password?". Its own file storage and Whoosh index under .work/wiki, served by werkzeug on
# 127.0.0.1:8941; mail to an SMTP sink on 127.0.0.1:8942 that appends it to .work/mail.log.
# Idempotent: installs into .work/ once and builds the seeded wiki once (.work/seeded/, rebuilt when the
# password or seed.py changes); every run stops the server, copies the seeded wiki over the served one
# (pages, edits and accounts a run added are gone) and starts it again. Accounts: admin (Robin Hale,
# superuser) and alex (Alex Morgan); password $EMPATHY_SITE_PASSWORD or a random one in .work/password
# (Moin wants 8 characters or more, 5 of them different).
here="$(cd "$(dirname "$0")" && pwd)"; port=8941; smtp_port=8942
. "$here/../lib.sh"
ensure_venv "moin==2.0.0b5" "aiosmtpd==1.4.6"
if [ ! -s "$work/secret" ]; then python3 -c 'import secrets; print(secrets.token_urlsafe(40), end="")' > "$work/secret"; fi
password="$(site_password)"
if [ "${#password}" -lt 8 ] || [ "$(printf '%s' "$password" | fold -w1 | sort -u | wc -l)" -lt 5 ]; then
    echo "the password must have 8 characters or more, 5 of them different (Moin's rule)" >&2; exit 1
fi
export MOIN_WORK="$work"
stamp="$(cat "$here/seed.py" "$here/wikiconfig.py" "$work/venv/.installed" | sha256sum | cut -c1-16) $(printf '%s' "$password" | sha256sum | cut -c1-16)"
if [ "$(cat "$work/seeded.stamp" 2>/dev/null)" != "$stamp" ]; then
    echo "building the seeded wiki (a few minutes, once)"
    : > "$work/setup.log"
    EMPATHY_SITE_PASSWORD="$password" logged "seed.py" "$work/venv/bin/python" "$here/seed.py" "$here/wikiconfig.py"
    rm -rf "$work/seeded"; cp -a "$work/wiki" "$work/seeded"
    echo "$stamp" > "$work/seeded.stamp"
fi
stop_server > /dev/null
rm -rf "$work/wiki"; cp -a "$work/seeded" "$work/wiki"; : > "$work/mail.log"
start_server "$work/venv/bin/python" "$here/serve.py" "$here/wikiconfig.py" "$port" "$smtp_port" "$work/mail.log"
wait_up
echo "accounts admin and alex; password: \$EMPATHY_SITE_PASSWORD or .work/password; mail in $work/mail.log"
