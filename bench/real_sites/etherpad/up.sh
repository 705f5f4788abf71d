#!/usr/bin/env bash
# Etherpad 1.8.14 (npm `ep_etherpad-lite`, the last release the registry has), the real-time collaborative
# editor: its front page ("New Pad", a pad opened by name), pads (the editor, its toolbar, the chat, the
# users' list and one's own name, settings, import/export, the time slider), served by Etherpad itself on
# 127.0.0.1:9011 in production mode, on its own file database (DirtyDB, .work/app/var/dirty.db).
# Etherpad's layout wants its code in a folder named `src` beside `node_modules` (its root is that folder's
# parent): the package is moved there once and linked back as node_modules/ep_etherpad-lite, as Etherpad's
# own checkout does. Nothing reaches the network at run time: the start-up update check goes to a proxy
# address where nothing listens (127.0.0.1:9), and npm (which Etherpad runs to list its plugins) is offline.
# Etherpad has no accounts of its own and sends no mail: anyone opens a pad, and the admin pages use the
# browser's basic authentication (user `admin`, password $EMPATHY_SITE_PASSWORD or a random one kept in
# .work/password). No sign-in plugin is installed (see README.md).
# Idempotent: installs into .work/ once, seeds once (seed.py, through Etherpad's HTTP API) and keeps a copy
# of the seeded database; every run restores the copy, restarting Etherpad if it runs, so pads, text and chat
# a run added are removed.
here="$(cd "$(dirname "$0")" && pwd)"; port=9011
url="http://127.0.0.1:$port/"
. "$here/../lib.sh"
version=1.8.14
app="$work/app"; db="$app/var/dirty.db"; seeded="$work/seeded"
if [ "$(cat "$app/.installed" 2>/dev/null)" != "$version" ]; then
  rm -rf "$app"; mkdir -p "$app"
  echo "installing Etherpad $version into $app (5 to 10 minutes)"
  printf '{"name": "etherpad-site", "private": true}\n' > "$app/package.json"
  if ! (cd "$app" && npm install --no-audit --no-fund "ep_etherpad-lite@$version") > "$work/install.log" 2>&1; then
    echo "installing Etherpad failed; see $work/install.log" >&2; tail -20 "$work/install.log" >&2; exit 1
  fi
  mv "$app/node_modules/ep_etherpad-lite" "$app/src"; ln -s ../src "$app/node_modules/ep_etherpad-lite"
  # The pages' own libraries are served from src/node_modules (Minify.js's list), where npm hoisted none: those only
  # Etherpad needs are moved there (a copy would read as extraneous to the `npm ls` Etherpad runs), the shared two copied.
  mkdir -p "$app/src/node_modules"
  for lib in js-cookie security tinycon unorm; do mv "$app/node_modules/$lib" "$app/src/node_modules/"; done
  for lib in async underscore; do cp -r "$app/node_modules/$lib" "$app/src/node_modules/"; done
  echo "$version" > "$app/.installed"
fi
mkdir -p "$app/var"
if [ ! -s "$app/APIKEY.txt" ]; then python3 -c 'import secrets; print(secrets.token_hex(32), end="")' > "$app/APIKEY.txt"; fi
password="$(site_password)"
EMPATHY_SITE_PASSWORD="$password" python3 - "$app/settings.json" "$port" <<'PY'
import json, os, sys
settings = {
    "title": "Etherpad", "skinName": "colibris", "ip": "127.0.0.1", "port": int(sys.argv[2]),
    "dbType": "dirty", "dbSettings": {"filename": "var/dirty.db"},
    "users": {"admin": {"password": os.environ["EMPATHY_SITE_PASSWORD"], "is_admin": True}},
    "loglevel": "WARN",
}
with open(sys.argv[1], "w") as f:
    json.dump(settings, f, indent=2)
PY
export NODE_ENV=production https_proxy=http://127.0.0.1:9 http_proxy=http://127.0.0.1:9 \
    HTTPS_PROXY=http://127.0.0.1:9 HTTP_PROXY=http://127.0.0.1:9 no_proxy=127.0.0.1,localhost \
    NO_PROXY=127.0.0.1,localhost npm_config_offline=true
serve() { (cd "$app" && start_server node src/node/server.js); }
stamp="$(printf '%s %s %s %s' "$password" "$work" "$version" "$(sha256sum < "$here/seed.py")" | sha256sum | cut -c1-16)"
if [ "$(cat "$seeded/stamp" 2>/dev/null)" != "$stamp" ]; then
  if running; then stop_server > /dev/null; fi
  rm -rf "$seeded"; rm -f "$db"
  serve; wait_up > /dev/null
  if ! python3 "$here/seed.py" "http://127.0.0.1:$port" "$(cat "$app/APIKEY.txt")" > "$work/seed.log" 2>&1; then
    echo "seeding the site failed; see $work/seed.log" >&2; tail -5 "$work/seed.log" >&2; stop_server > /dev/null; exit 1
  fi
  stop_server > /dev/null
  mkdir -p "$seeded"; cp "$db" "$seeded/dirty.db"; echo "$stamp" > "$seeded/stamp"
fi
if running; then stop_server > /dev/null; fi
cp "$seeded/dirty.db" "$db"
serve; wait_up
echo "pads at ${url}p/<name> (seeded: ${url}p/garden-rota, ${url}p/harvest-plan); admin pages at ${url}admin (admin; password: \$EMPATHY_SITE_PASSWORD or .work/password)"
