#!/usr/bin/env bash
# Indico 3.2 (PyPI `indico`, the last line for Python 3.11), CERN's event management system: a category of the
# community garden with a meeting whose registration form is open; sign-in and account registration with
# Indico's own (local) identities, password reset by e-mail link, search, the user's profile and event creation.
# Flask on a PostgreSQL cluster of the site's own (Debian's `postgresql`, .work/pg on 127.0.0.1:9042) and a
# Redis of its own (Debian's `redis-server`, 127.0.0.1:9043, for Indico's cache and sessions), served by
# werkzeug on 127.0.0.1:9041 (serve.py; no Celery worker: mail is sent at once, not queued). Idempotent:
# installs into .work/ once; prepares the database once per installed version, seeds once per stamp (seed.py,
# the password) and, on every run, puts the seeded database back and empties Redis (what a run added, its
# accounts, registrations, events and sessions, is gone), restarting the server. Mail goes to an SMTP sink on
# 127.0.0.1:9044 that writes each message to a file in .work/mail/ (never to the network). Accounts: alex (Alex Morgan,
# alex@example.test) and admin (Robin Hale, admin@example.org, Indico's administrator); password
# $EMPATHY_SITE_PASSWORD or a random one kept in .work/password (Indico wants 8 characters or more).
here="$(cd "$(dirname "$0")" && pwd)"; port=9041; dbport=9042; redis_port=9043; smtp_port=9044
url="http://127.0.0.1:$port/"
. "$here/../lib.sh"

[ "$(id -u)" = 0 ] && sudo="" || sudo="sudo"
# PostgreSQL and Redis to run; libpq-dev to build psycopg2, which Indico 3.2 pins (no wheel for it on PyPI).
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || ! command -v redis-server > /dev/null \
    || ! command -v pg_config > /dev/null; then
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends postgresql redis-server libpq-dev
fi
ruled_password "Indico" "8 characters or more" "len(p) >= 8"
: > "$work/setup.log"
logged "pip install" ensure_venv "indico==3.2.9" "aiosmtpd==1.4.6"

pg_up indico "$dbport"
if ! [ -s "$work/redis.pid" ] || ! kill -0 "$(cat "$work/redis.pid")" 2>/dev/null; then
  redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes \
    --pidfile "$work/redis.pid" --dir "$work" --logfile "$work/redis.log"
  for _ in $(seq 40); do redis-cli -p "$redis_port" ping > /dev/null 2>&1 && break; sleep 0.25; done
fi

# indico.conf and its logging config, written from this folder's settings on every run.
mkdir -p "$work/data/archive" "$work/data/cache" "$work/data/tmp" "$work/data/log"
if [ ! -s "$work/secret" ]; then python3 -c 'import secrets; print(secrets.token_urlsafe(40), end="")' > "$work/secret"; fi
cat > "$work/indico.conf" <<CONF
SQLALCHEMY_DATABASE_URI = 'postgresql://indico@127.0.0.1:$dbport/indico'
SECRET_KEY = '$(cat "$work/secret")'
BASE_URL = 'http://127.0.0.1:$port'
CELERY_BROKER = 'redis://127.0.0.1:$redis_port/0'
REDIS_CACHE_URL = 'redis://127.0.0.1:$redis_port/1'
DEFAULT_TIMEZONE = 'Europe/London'
DEFAULT_LOCALE = 'en_GB'
ENABLE_ROOMBOOKING = False
CACHE_DIR = '$work/data/cache'
TEMP_DIR = '$work/data/tmp'
LOG_DIR = '$work/data/log'
STORAGE_BACKENDS = {'default': 'fs:$work/data/archive'}
ATTACHMENT_STORAGE = 'default'
SMTP_SERVER = ('127.0.0.1', $smtp_port)
SMTP_USE_TLS = False
SMTP_USE_CELERY = False
SUPPORT_EMAIL = 'help@example.org'
PUBLIC_SUPPORT_EMAIL = 'help@example.org'
NO_REPLY_EMAIL = 'noreply@example.org'
LOCAL_IDENTITIES = True
LOCAL_REGISTRATION = True
LOCAL_MODERATION = False
SIGNUP_CAPTCHA = False
DISABLE_CELERY_CHECK = True
CONF
cp "$work/venv/lib/python3.11/site-packages/indico/logging.yaml.sample" "$work/logging.yaml"
export INDICO_CONFIG="$work/indico.conf"
indico() { logged "indico $1" "$work/venv/bin/indico" "$@"; }
if running; then stop_server > /dev/null; fi

installed="$(cat "$work/venv/.installed")"
if [ "$(cat "$work/migrated.stamp" 2>/dev/null)" != "$installed" ]; then
  sql "DROP DATABASE IF EXISTS indico_migrated"; sql "DROP DATABASE IF EXISTS indico_seeded"
  fresh_db indico template0
  "$(pg_bin)/psql" -h 127.0.0.1 -p "$dbport" -U indico -d indico -qAt \
    -c "CREATE EXTENSION pg_trgm" -c "CREATE EXTENSION unaccent"
  indico db prepare
  sql "CREATE DATABASE indico_migrated TEMPLATE indico"
  echo "$installed" > "$work/migrated.stamp"; rm -f "$work/seeded.stamp"
fi

stamp="$(cat "$work/migrated.stamp" "$here/seed.py" <(printf '%s' "$password") | sha256sum | cut -c1-16)"
if [ "$(cat "$work/seeded.stamp" 2>/dev/null)" != "$stamp" ]; then
  fresh_db indico indico_migrated
  EMPATHY_SITE_PASSWORD="$password" logged "seed.py" "$work/venv/bin/python" "$here/seed.py"
  sql "DROP DATABASE IF EXISTS indico_seeded"; sql "CREATE DATABASE indico_seeded TEMPLATE indico"
  echo "$stamp" > "$work/seeded.stamp"
fi
fresh_db indico indico_seeded
redis-cli -p "$redis_port" flushall > /dev/null
rm -rf "$work/data/archive" "$work/data/tmp"; mkdir -p "$work/data/archive" "$work/data/tmp"
rm -rf "$work/mail" "$work/mail.log"; mkdir -p "$work/mail"

start_server "$work/venv/bin/python" "$here/serve.py" "$port" "$smtp_port" "$work/mail"
wait_up
echo "Indico at $url (alex or admin; password: \$EMPATHY_SITE_PASSWORD or .work/password; mail in $work/mail/)"
