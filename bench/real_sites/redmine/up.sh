#!/usr/bin/env bash
# Redmine 5.0 (Debian's `redmine` and `redmine-sqlite` packages: Ruby on Rails 6.1, SQLite), the project
# management and issue tracking web application, served by Rails' own server (WEBrick) on 127.0.0.1:8981,
# not Apache. A Redmine instance of its own (Debian's multi-instance layout: /var/lib/redmine/<instance>,
# here a link to .work/instance) holds the database, the configuration, logs and attachments.
# Seeded once (seed.rb): Redmine's default data (trackers, statuses, roles), a public project
# "Riverside Community Garden" with five issues, the accounts alex (Alex Morgan, a member who reports and
# works on issues) and admin (Robin Hale, administrator). Self-registration with activation by e-mail and
# "Lost password" on, as Redmine ships them or an administrator sets them. Idempotent: every run stops the
# server, copies the seeded database back (what a harness run added is removed), empties attachments and
# mail, and starts it again. Mail is written to files in .work/mail/ (ActionMailer's file delivery): nothing
# reaches the network. Password: $EMPATHY_SITE_PASSWORD, else a random one kept in .work/password.
here="$(cd "$(dirname "$0")" && pwd)"; port=8981
url="http://127.0.0.1:$port/"
. "$here/../lib.sh"

[ "$(id -u)" = 0 ] && sudo="" || sudo="sudo"
if [ ! -f /usr/share/redmine/config.ru ] || ! dpkg -s redmine-sqlite >/dev/null 2>&1 || ! dpkg -s ruby-webrick >/dev/null 2>&1; then
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends redmine redmine-sqlite ruby-webrick
fi

instance="empathy-$port"; inst="$work/instance"; seeded="$work/seeded"; mail="$work/mail"
password="$(site_password)"
if [ "${#password}" -lt 8 ]; then
  echo "Redmine refuses this password: it wants 8 characters or more (EMPATHY_SITE_PASSWORD or $work/password)" >&2; exit 1
fi
mkdir -p "$inst/config" "$inst/log" "$inst/tmp/cache" "$inst/files" "$inst/public/plugin_assets" "$inst/db" "$mail"
[ -s "$inst/config/secret_key.txt" ] || python3 -c 'import secrets; print(secrets.token_hex(64))' > "$inst/config/secret_key.txt"
cat > "$inst/config/database.yml" <<YML
production:
  adapter: sqlite3
  database: $inst/db/redmine.sqlite3
  encoding: utf8
YML
cat > "$inst/config/configuration.yml" <<YML
production:
  email_delivery:
    delivery_method: :file
    file_settings:
      location: $mail
  attachments_storage_path: $inst/files
YML
if [ "$(readlink "/var/lib/redmine/$instance" 2>/dev/null)" != "$inst" ]; then
  $sudo rm -f "/var/lib/redmine/$instance"; $sudo ln -s "$inst" "/var/lib/redmine/$instance"
fi
export REDMINE_INSTANCE="$instance" RAILS_ENV=production
rails() { (cd /usr/share/redmine && "$@"); }

stamp="$(cat "$here/seed.rb" | sha256sum | cut -c1-16)-$(printf '%s %s' "$password" "$work" | sha256sum | cut -c1-16)"
if [ "$(cat "$seeded/stamp" 2>/dev/null)" != "$stamp" ]; then
  if running; then stop_server > /dev/null; fi
  rm -rf "$seeded"; rm -f "$inst/db/redmine.sqlite3"
  if ! { rails bin/rake db:migrate && rails bin/rake redmine:load_default_data REDMINE_LANG=en \
         && EMPATHY_SITE_PASSWORD="$password" SITE_PORT="$port" rails bin/rails runner "$here/seed.rb"; } > "$work/seed.log" 2>&1; then
    echo "seeding the site failed; see $work/seed.log" >&2; tail -5 "$work/seed.log" >&2; exit 1
  fi
  mkdir -p "$seeded"; cp "$inst/db/redmine.sqlite3" "$seeded/redmine.sqlite3"; echo "$stamp" > "$seeded/stamp"
fi
if running; then stop_server > /dev/null; fi
cp "$seeded/redmine.sqlite3" "$inst/db/redmine.sqlite3"
rm -rf "$inst/files"/* "$inst/tmp/cache"/* "$mail"/*
# WEBrick is Debian's ruby-webrick, outside Redmine's bundle (whose Gemfile would pick thin or puma):
# its folder goes on Ruby's load path so that Rails' server can use it.
webrick_lib="$(dirname "$(dpkg -L ruby-webrick | grep '/webrick\.rb$' | head -1)")"
cd /usr/share/redmine
RUBYOPT="-I$webrick_lib" start_server bin/rails server -u webrick -e production -b 127.0.0.1 -p "$port" \
  -P "$inst/tmp/server.pid"
wait_up
echo "accounts alex and admin (password: \$EMPATHY_SITE_PASSWORD or .work/password); mail in $mail"
