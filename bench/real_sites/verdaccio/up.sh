#!/usr/bin/env bash
# Bring Verdaccio (npm registry with a React web UI) up on 127.0.0.1:8811 from the npm registry.
# Idempotent: installs into .work/, seeds one user and a few packages once, then serves.
# Password: $EMPATHY_SITE_PASSWORD, else a random one kept in .work/password.
here="$(cd "$(dirname "$0")" && pwd)"; port=8811
url="http://127.0.0.1:$port/"; health="${url}-/ping"
. "$here/../lib.sh"
user="${EMPATHY_SITE_USER:-alex}"
mkdir -p "$work/app" "$work/run"
if running; then echo "$url"; exit 0; fi

if [ ! -x "$work/app/node_modules/.bin/verdaccio" ]; then
  # 6.8.0: the last release that runs on Node 20 (6.10 wants Node 22).
  npm install --prefix "$work/app" --no-audit --no-fund --loglevel=error verdaccio@6.8.0
fi

stored="$(cat "$work/password" 2>/dev/null || true)"
password="$(site_password)"
if [ -f "$work/run/htpasswd" ] && [ "$password" != "$stored" ]; then
  sed -i "/^$user:/d" "$work/run/htpasswd"     # a new password: the user is added again below
fi
printf '%s' "$password" > "$work/password"; chmod 600 "$work/password"

cp "$here/config.yaml" "$work/run/config.yaml"
(cd "$work/run" && start_server "$work/app/node_modules/.bin/verdaccio" --config "$work/run/config.yaml")
wait_up

if ! grep -q "^$user:" "$work/run/htpasswd" 2>/dev/null || [ ! -f "$work/seeded" ]; then
  # The user, through the registry's own adduser endpoint (what `npm adduser` calls): it creates the
  # account, or signs in to the existing one, and answers with a token either way.
  token="$(curl -fsS -X PUT -H 'Content-Type: application/json' \
    -d "{\"name\":\"$user\",\"password\":\"$password\"}" \
    "${url}-/user/org.couchdb.user:$user" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).token))')"
fi
if [ ! -f "$work/seeded" ]; then
  npmrc="$work/run/seed.npmrc"
  printf '//127.0.0.1:%s/:_authToken=%s\nregistry=%s\n' "$port" "$token" "$url" > "$npmrc"
  for pkg in "$here"/seed/*/; do
    npm publish --userconfig "$npmrc" --registry "$url" --loglevel=error "$pkg" >/dev/null
  done
  rm -f "$npmrc"
  touch "$work/seeded"
fi
