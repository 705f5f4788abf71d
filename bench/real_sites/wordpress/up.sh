#!/usr/bin/env bash
# WordPress 6.1 (Debian's package, PHP) with the Twenty Twenty-One theme, on SQLite through the
# SQLite Database Integration plugin (from the npm package @wp-playground/wordpress-builds, which carries
# it as a zip), served by PHP's built-in server on 127.0.0.1:8871: a community blog with
# open comments, sign-in, registration, lost password, search, a missing page, and the dashboard.
# The packages are downloaded and unpacked into .work/ (not installed: their dependencies would pull a
# web server and a database server); only PHP's own modules come from apt. Idempotent: installs and
# seeds once, keeps the seeded database, and restores it at every run, restarting the server if it runs
# (what a harness run registered, commented or drafted is gone). Outgoing HTTP is blocked in
# wp-config.php; mail is appended to .work/mail.log.
# Accounts: admin (Robin Hale, administrator) and alex (Alex Morgan, author); password
# $EMPATHY_SITE_PASSWORD, else a random one kept in .work/password.
here="$(cd "$(dirname "$0")" && pwd)"; port=8871
. "$here/../lib.sh"

[ "$(id -u)" = 0 ] && sudo="" || sudo="sudo"
if ! command -v php >/dev/null || ! php -m | grep -qx pdo_sqlite || ! php -m | grep -qx mbstring || ! php -m | grep -qx xml; then
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends php-cli php-sqlite3 php-mbstring php-xml
fi

wp="$work/wordpress"
if [ ! -f "$wp/wp-login.php" ]; then
  rm -rf "$work/deb" "$wp"; mkdir -p "$work/deb/root"
  debs=(wordpress wordpress-theme-twentytwentyone libjs-underscore libjs-cropper php-getid3)
  download() { (cd "$work/deb" && apt-get download -qq "${debs[@]}" 2>&1 | grep -v unsandboxed || true); }
  download; ls "$work"/deb/wordpress_*.deb >/dev/null 2>&1 || { $sudo apt-get update -qq; download; }
  for deb in "$work"/deb/*.deb; do dpkg-deb -x "$deb" "$work/deb/root"; done
  # The package's links point into the other packages (relative) and /etc (absolute): copy what
  # they point at, drop the two /etc ones (an Apache .htaccess and the CA bundle: no outgoing HTTP).
  rm -f "$work/deb/root/usr/share/wordpress/.htaccess" "$work/deb/root/usr/share/wordpress/wp-includes/certificates/ca-bundle.crt"
  cp -rL "$work/deb/root/usr/share/wordpress" "$wp"
  [ -d "$wp/wp-content/themes/twentytwentyone" ] || cp -rL "$work/deb/root/usr/share/wordpress/wp-content/themes/twentytwentyone" "$wp/wp-content/themes/"
  (cd "$work/deb" && npm pack -q @wp-playground/wordpress-builds@0.9.19 >/dev/null \
    && tar xzf wp-playground-wordpress-builds-0.9.19.tgz package/src/sqlite-database-integration/sqlite-database-integration.zip)
  python3 -m zipfile -e "$work/deb/package/src/sqlite-database-integration/sqlite-database-integration.zip" "$work/deb/plugin"
  mv "$work/deb/plugin/sqlite-database-integration-main" "$wp/wp-content/plugins/sqlite-database-integration"
  cp "$wp/wp-content/plugins/sqlite-database-integration/db.copy" "$wp/wp-content/db.php"
  rm -rf "$work/deb"
fi

password="$(site_password)"
printf '%s' "$password" > "$work/password"; chmod 600 "$work/password"
if [ ! -s "$work/salts.php" ]; then
  python3 - > "$work/salts.php" <<'PY'
import secrets
print("<?php")
for key in ("AUTH", "SECURE_AUTH", "LOGGED_IN", "NONCE"):
    for kind in ("KEY", "SALT"):
        print(f"define('{key}_{kind}', '{secrets.token_urlsafe(48)}');")
PY
fi
sed -e "s#@WORK@#$work#g" -e "s#@PORT@#$port#g" "$here/wp-config.php" > "$wp/wp-config.php"
mkdir -p "$wp/wp-content/mu-plugins"; cp "$here/mail-from.php" "$wp/wp-content/mu-plugins/"

php_wp() { php -d display_errors=stderr -d "sendmail_path=sh -c 'cat >> $work/mail.log' sendmail" "$@"; }
if [ ! -f "$work/seed-data/site.sqlite" ]; then
  rm -rf "$work/data"; mkdir -p "$work/data"
  if ! EMPATHY_SITE_PASSWORD="$password" php_wp "$here/seed.php" "$wp" >"$work/seed.log" 2>&1; then
    echo "seeding the site failed; see $work/seed.log" >&2; tail -5 "$work/seed.log" >&2; exit 1
  fi
  rm -rf "$work/seed-data"; cp -a "$work/data" "$work/seed-data"
fi

# Every run restores the seeded site (restarting the server if it runs) and sets the accounts' password.
if running; then stop_server >/dev/null; fi
rm -rf "$work/data"; cp -a "$work/seed-data" "$work/data"
if ! EMPATHY_SITE_PASSWORD="$password" php_wp "$here/seed.php" "$wp" --password-only >>"$work/seed.log" 2>&1; then
  echo "setting the accounts' password failed; see $work/seed.log" >&2; tail -5 "$work/seed.log" >&2; exit 1
fi
(cd "$work" && PHP_CLI_SERVER_WORKERS=4 start_server php -d "sendmail_path=sh -c 'cat >> $work/mail.log' sendmail" \
  -d display_errors=0 -d log_errors=1 -S "127.0.0.1:$port" -t "$wp" "$here/router.php")
wait_up
