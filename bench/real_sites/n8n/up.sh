#!/usr/bin/env bash
# n8n 2.8 (npm `n8n`, the last release line for Node.js 20), the workflow automation tool: its Vue
# single-page editor (sign in, "Forgot my password", an invitation's sign-up, the workflows' list and
# search, a new workflow, credentials, personal settings), served by n8n itself on 127.0.0.1:8951, on
# SQLite in .work/home/.n8n. Mail (invitations, password resets) goes to an SMTP sink on 127.0.0.1:8952
# that serve.py runs beside n8n, which writes each message to .work/mail.log (emptied on every start).
# Diagnostics, version notifications, templates, the dynamic banners (a request from the browser), the personalisation survey and the AI assistant are
# off, and no community packages are fetched: nothing reaches the network at run time.
# n8n-nodes-base depends on xlsx as a tarball outside the registry; package.json overrides it with the
# registry's last xlsx (0.18.5). sqlite3 is built from source against Node's own headers.
# Idempotent: installs into .work/ once, seeds once (seed.py, through n8n's own REST API) and keeps a
# copy of the seeded database; every run restores the copy, restarting n8n if it runs, so what a
# harness run added (workflows, credentials, users, changed passwords) is removed. Accounts:
# admin@example.org (Alex Morgan, the owner), alex@example.test (Alex Morgan, a member with one
# workflow), and sam@example.test (Sam Taylor), invited and not yet signed up
# (/signup?inviterId=…&inviteeId=…, the address in .work/invitation). The password is
# $EMPATHY_SITE_PASSWORD or a random one kept in .work/password (n8n wants 8 to 64 characters with a
# digit and a capital).
here="$(cd "$(dirname "$0")" && pwd)"; port=8951
url="http://127.0.0.1:$port/"
health="http://127.0.0.1:$port/rest/settings"
. "$here/../lib.sh"
ensure_venv "aiosmtpd==1.4.6"
version=2.8.4
app="$work/app"; seeded="$work/seeded"; smtp_port=8952; mail="$work/mail.log"
home="$work/home"; db="$home/.n8n/database.sqlite"
export N8N_USER_FOLDER="$home" N8N_PORT=$port N8N_LISTEN_ADDRESS=127.0.0.1 N8N_HOST=127.0.0.1 \
    N8N_PROTOCOL=http N8N_EDITOR_BASE_URL="$url" N8N_SECURE_COOKIE=false DB_TYPE=sqlite \
    N8N_DIAGNOSTICS_ENABLED=false N8N_DIAGNOSTICS_CONFIG_FRONTEND= N8N_DIAGNOSTICS_CONFIG_BACKEND= \
    EXTERNAL_FRONTEND_HOOKS_URLS= N8N_VERSION_NOTIFICATIONS_ENABLED=false N8N_TEMPLATES_ENABLED=false \
    N8N_PERSONALIZATION_ENABLED=false N8N_HIRING_BANNER_ENABLED=false N8N_DYNAMIC_BANNERS_ENABLED=false N8N_AI_ENABLED=false \
    N8N_COMMUNITY_PACKAGES_ENABLED=false N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS=false \
    N8N_EMAIL_MODE=smtp N8N_SMTP_HOST=127.0.0.1 N8N_SMTP_PORT=$smtp_port N8N_SMTP_SSL=false \
    N8N_SMTP_STARTTLS=false N8N_SMTP_SENDER="Riverside Automations <n8n@example.org>" \
    N8N_ENCRYPTION_KEY=riverside-proving-ground-key N8N_RUNNERS_ENABLED=true NODE_ENV=production

if [ "$(cat "$app/.installed" 2>/dev/null)" != "$version" ]; then
  rm -rf "$app"; mkdir -p "$app"
  echo "installing n8n $version into $app (15 to 30 minutes)"
  printf '{"name": "n8n-site", "private": true, "overrides": {"xlsx": "0.18.5"}}\n' > "$app/package.json"
  if ! (cd "$app" && npm_config_nodedir=/usr npm install --no-audit --no-fund "n8n@$version") > "$work/install.log" 2>&1; then
    echo "installing n8n failed; see $work/install.log" >&2; tail -20 "$work/install.log" >&2; exit 1
  fi
  echo "$version" > "$app/.installed"
fi

ruled_password n8n "8 to 64 characters with a digit and a capital" \
    '8 <= len(p) <= 64 and re.search("[A-Z]", p) and re.search("[0-9]", p)'

serve() { start_server "$work/venv/bin/python" "$here/serve.py" "$smtp_port" "$mail" "$app/node_modules/.bin/n8n" start; }
# n8n answers every address with a "starting up" page while it migrates: ready once its settings are JSON.
ready() {
  wait_up > /dev/null
  for _ in $(seq 600); do
    if curl -fs "$health" 2>/dev/null | python3 -c 'import json,sys; json.load(sys.stdin)' 2>/dev/null; then return; fi
    if ! running; then echo "n8n exited; see $work/server.log" >&2; tail -20 "$work/server.log" >&2; exit 1; fi
    sleep 0.5
  done
  echo "n8n was not ready after 300 s; see $work/server.log" >&2; exit 1
}
files="$(cd "$here" && cat seed.py serve.py fix_ids.py | sha256sum | cut -c1-16)"
stamp="$(printf '%s %s %s %s' "$password" "$work" "$version" "$files" | sha256sum | cut -c1-16)"
if [ "$(cat "$seeded/stamp" 2>/dev/null)" != "$stamp" ]; then
  if running; then stop_server > /dev/null; fi
  rm -rf "$seeded" "$home"; mkdir -p "$home"
  serve; ready
  if ! EMPATHY_SITE_PASSWORD="$password" python3 "$here/seed.py" "http://127.0.0.1:$port" "$work/invitation" > "$work/seed.log" 2>&1; then
    echo "seeding the site failed; see $work/seed.log" >&2; tail -5 "$work/seed.log" >&2; stop_server > /dev/null; exit 1
  fi
  stop_server > /dev/null
  python3 "$here/fix_ids.py" "$db" "$work/invitation"
  mkdir -p "$seeded"; cp "$db" "$seeded/database.sqlite"; echo "$stamp" > "$seeded/stamp"
fi
if running; then stop_server > /dev/null; fi
rm -f "$db" "$db-wal" "$db-shm"; cp "$seeded/database.sqlite" "$db"
: > "$mail"
serve; ready
echo "$url"
echo "admin@example.org (owner), alex@example.test (member); password: \$EMPATHY_SITE_PASSWORD or .work/password; invited sam@example.test: $(cat "$work/invitation"); mail in $mail"
