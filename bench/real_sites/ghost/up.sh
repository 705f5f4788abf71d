#!/usr/bin/env bash
# Ghost 5.130 (npm `ghost`, the last release line that runs on Node.js 20), the publishing platform:
# its Ember single-page admin at /ghost/ (sign in, "Forgot?", posts and the editor's publish flow,
# staff profile and password) and its members' Portal on the public site (sign up, sign in by e-mail
# link, account), with the default theme, Source. SQLite, served by Ghost itself on 127.0.0.1:8901.
# The Portal and search scripts Ghost would load from a CDN come from their npm packages
# (@tryghost/portal, @tryghost/sodo-search) and are served from the theme's assets; Ghost's update
# checks and other calls out are off (privacy.useTinfoil). Mail goes through sendmail.sh to files in
# .work/mail/ (emptied on every start): nothing reaches the network.
# Idempotent: installs into .work/ once and seeds once (seed.py, through Ghost's Admin API), keeping
# a copy of the seeded database; every run restores the copy, restarting Ghost if it runs, so what a
# harness run added (members, posts, sign-in attempts) is removed. Accounts: admin@example.org (Alex
# Morgan, the owner, staff) and the member alex@example.test (Alex Morgan); the owner's password is
# $EMPATHY_SITE_PASSWORD or a random one kept in .work/password (members sign in by e-mail link).
here="$(cd "$(dirname "$0")" && pwd)"; port=8901
url="http://127.0.0.1:$port/"
health="http://127.0.0.1:$port/ghost/api/admin/site/"
. "$here/../lib.sh"
ghost_version=5.130.6; portal_version=2.69.295; search_version=1.8.589
app="$work/app"; content="$work/content"; seeded="$work/seeded"

# Ghost's npm tarball is a whole application (ghost-cli unpacks it and installs its dependencies):
# unpack it, drop its devDependencies (one is a git URL, out of reach here) and install the rest.
# sqlite3 and re2 are built from source against Node's own headers (their prebuilt binaries are
# downloads from outside the registry).
if [ "$(cat "$app/.installed" 2>/dev/null)" != "$ghost_version" ]; then
  rm -rf "$app"; mkdir -p "$app"
  (cd "$work" && npm pack -q "ghost@$ghost_version" > /dev/null)
  tar xzf "$work/ghost-$ghost_version.tgz" -C "$app" --strip-components=1
  python3 -c 'import json,sys; p=sys.argv[1]; d=json.load(open(p)); d.pop("devDependencies",None); json.dump(d,open(p,"w"),indent=2)' "$app/package.json"
  echo "installing Ghost $ghost_version into $app (several minutes: two modules are compiled)"
  if ! (cd "$app" && npm_config_nodedir=/usr npm install --omit=dev --legacy-peer-deps --no-audit --no-fund) \
      > "$work/install.log" 2>&1; then
    echo "npm install failed; see $work/install.log" >&2; tail -20 "$work/install.log" >&2; exit 1
  fi
  echo "$ghost_version" > "$app/.installed"
fi

# The content folder: the themes shipped inside Ghost; the default one, Source, gets Portal and search
# among its assets.
assets="$content/themes/source/assets/local"
if [ ! -f "$assets/.installed" ]; then
  mkdir -p "$content/data" "$content/themes" "$content/images" "$content/logs" "$content/settings" "$assets"
  cp -r "$app/content/themes/." "$content/themes/"
  (cd "$work" && npm pack -q "@tryghost/portal@$portal_version" "@tryghost/sodo-search@$search_version" > /dev/null)
  tar xzf "$work/tryghost-portal-$portal_version.tgz" -C "$assets" --strip-components=2 package/umd/portal.min.js
  tar xzf "$work/tryghost-sodo-search-$search_version.tgz" -C "$assets" --strip-components=2 \
      package/umd/sodo-search.min.js package/umd/main.css
  touch "$assets/.installed"
fi

sed -e "s#@URL@#http://127.0.0.1:$port#g" -e "s#@PORT@#$port#g" -e "s#@CONTENT@#$content#g" \
    -e "s#@SENDMAIL@#$here/sendmail.sh#g" "$here/config.json.in" > "$app/config.production.json"

password="$(site_password)"
stamp="$(printf '%s %s %s' "$password" "$work" "$ghost_version" | sha256sum | cut -c1-16)"
if [ "$(cat "$seeded/stamp" 2>/dev/null)" != "$stamp" ]; then
  if running; then stop_server > /dev/null; fi
  rm -rf "$seeded"; rm -f "$content/data/ghost.db"*
  start_server bash -c "cd '$app' && NODE_ENV=production exec node index.js"
  wait_up > /dev/null
  if ! EMPATHY_SITE_PASSWORD="$password" python3 "$here/seed.py" "http://127.0.0.1:$port" > "$work/seed.log" 2>&1; then
    echo "seeding the site failed; see $work/seed.log" >&2; tail -5 "$work/seed.log" >&2; exit 1
  fi
  stop_server > /dev/null
  mkdir -p "$seeded"; cp "$content/data/ghost.db" "$seeded/ghost.db"; echo "$stamp" > "$seeded/stamp"
fi
if running; then stop_server > /dev/null; fi
rm -f "$content/data/ghost.db"*; cp "$seeded/ghost.db" "$content/data/ghost.db"
rm -rf "$work/mail"; mkdir -p "$work/mail"
start_server bash -c "cd '$app' && NODE_ENV=production exec node index.js"
wait_up
echo "admin at ${url}ghost/ (admin@example.org; password: \$EMPATHY_SITE_PASSWORD or .work/password); member alex@example.test; mail in $work/mail/"
