#!/usr/bin/env bash
# Strapi 5.54 (npm, a project made by `create-strapi-app` with SQLite and JavaScript), the headless CMS:
# its React single-page admin at /admin (sign in, "Forgot your password?", the invited user's
# registration, the Content Manager's list, search and entry forms with required fields, draft and
# publish, the profile), served by Strapi itself on 127.0.0.1:8931. The project gets one content
# type of its own, "Workshop" (app/src/api/workshop), and mail through nodemailer's sendmail transport
# to sendmail.sh, which writes files in .work/mail/ (emptied on every start). Telemetry, the update
# check and the satisfaction survey are off; the Strapi Cloud plugin is left out of the project:
# nothing reaches the network at run time. The admin's sign-in rate limit is off (app/config/admin.js, an
# administrator's setting), so that the journeys' many sign-ins of one editor are not refused.
# Idempotent: installs and builds the admin into .work/ once, seeds once (seed.py, through Strapi's own
# admin API) and keeps a copy of the seeded database; every run restores the copy, restarting Strapi if
# it runs, so what a harness run added (entries, users, sign-in attempts) is removed. Accounts:
# admin@example.org (Alex Morgan, Super Admin), alex@example.test (Alex Morgan, Editor) and the
# invited sam@example.test (Sam Taylor) and priya@example.test (Priya Shah), Authors who have not
# registered (/admin/auth/register?registrationToken=riverside-invite-sam, -priya); the password is
# $EMPATHY_SITE_PASSWORD or a random one kept in .work/password
# (Strapi wants 8 characters or more with a lower-case letter, a capital and a digit).
here="$(cd "$(dirname "$0")" && pwd)"; port=8931
url="http://127.0.0.1:$port/admin"
health="http://127.0.0.1:$port/_health"
. "$here/../lib.sh"
version=5.54.0
app="$work/app"; seeded="$work/seeded"
export STRAPI_TELEMETRY_DISABLED=true NODE_ENV=production \
    HOST=127.0.0.1 PORT=$port FLAG_NPS=false SENDMAIL_PATH="$here/sendmail.sh" BROWSER=none

# The project, as `create-strapi-app` makes it (its secrets in .env are drawn at random once), without
# the Strapi Cloud plugin and with the nodemailer e-mail provider. better-sqlite3 is built from source
# against Node's own headers (its prebuilt binary is a download from outside the registry).
if [ "$(cat "$app/.installed" 2>/dev/null)" != "$version" ]; then
  rm -rf "$app"
  echo "creating and installing Strapi $version into $app (several minutes)"
  if ! (cd "$work" && npx -y "create-strapi-app@$version" app --no-run --skip-cloud --js --use-npm \
      --no-install --no-example --no-git-init --dbclient sqlite --dbfile .tmp/data.db --non-interactive \
      && cd "$app" && python3 -c 'import json,sys; p="package.json"; d=json.load(open(p)); deps=d["dependencies"]
deps.pop("@strapi/plugin-cloud",None); deps["@strapi/provider-email-nodemailer"]=sys.argv[1]
json.dump(d,open(p,"w"),indent=2)' "$version" \
      && npm_config_nodedir=/usr npm install --no-audit --no-fund) > "$work/install.log" 2>&1; then
    echo "installing Strapi failed; see $work/install.log" >&2; tail -20 "$work/install.log" >&2; exit 1
  fi
  echo "$version" > "$app/.installed"
fi

# The files of this folder's app/ (the Workshop content type, the server's and the mail's settings, the
# admin's own settings), then the admin's build, redone when the admin's settings change.
cp -r "$here/app/." "$app/"
files="$(cd "$here" && find app seed.py -type f | sort | xargs cat | sha256sum | cut -c1-16)"
admin="$(sha256sum < "$here/app/src/admin/app.js" | cut -c1-16)"
if [ "$(cat "$app/.built" 2>/dev/null)" != "$version $admin" ]; then
  echo "building Strapi's admin (a few minutes)"
  if ! (cd "$app" && npx strapi build) > "$work/build.log" 2>&1; then
    echo "building the admin failed; see $work/build.log" >&2; tail -20 "$work/build.log" >&2; exit 1
  fi
  echo "$version $admin" > "$app/.built"
fi

ruled_password Strapi "8 to 72 characters with a lower-case letter, a capital and a digit" \
    '8 <= len(p.encode()) <= 72 and re.search("[a-z]", p) and re.search("[A-Z]", p) and re.search("[0-9]", p)'

db="$app/.tmp/data.db"
serve() { start_server bash -c "cd '$app' && exec node_modules/.bin/strapi start"; }
stamp="$(printf '%s %s %s %s' "$password" "$work" "$version" "$files" | sha256sum | cut -c1-16)"
if [ "$(cat "$seeded/stamp" 2>/dev/null)" != "$stamp" ]; then
  if running; then stop_server > /dev/null; fi
  rm -rf "$seeded" "$app/.tmp" "$app/public/uploads"; mkdir -p "$app/.tmp" "$app/public/uploads"
  serve; wait_up > /dev/null
  if ! EMPATHY_SITE_PASSWORD="$password" python3 "$here/seed.py" "http://127.0.0.1:$port" > "$work/seed.log" 2>&1; then
    echo "seeding the site failed; see $work/seed.log" >&2; tail -5 "$work/seed.log" >&2; stop_server > /dev/null; exit 1
  fi
  stop_server > /dev/null
  python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1])
for name in ("sam", "priya"):
    c.execute("update admin_users set registration_token=? where email=?", (f"riverside-invite-{name}", f"{name}@example.test"))
c.commit()' "$db"
  mkdir -p "$seeded"; cp "$db" "$seeded/data.db"; echo "$stamp" > "$seeded/stamp"
fi
if running; then stop_server > /dev/null; fi
rm -rf "$app/.tmp" "$app/public/uploads"; mkdir -p "$app/.tmp" "$app/public/uploads"
cp "$seeded/data.db" "$db"
rm -rf "$work/mail"; mkdir -p "$work/mail"
serve
wait_up
echo "admin@example.org (Super Admin), alex@example.test (Editor); password: \$EMPATHY_SITE_PASSWORD or .work/password; invited: ${url}/auth/register?registrationToken=riverside-invite-sam (and -priya); mail in $work/mail/"
