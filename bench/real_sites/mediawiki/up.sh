#!/usr/bin/env bash
# Bring MediaWiki 1.39 (Debian's package, PHP, SQLite) up on 127.0.0.1:8831 with PHP's built-in server.
# The package is downloaded and unpacked into .work/ (not installed: its dependencies would pull a web
# server that listens on every interface); only PHP's own modules come from apt. Idempotent: installs
# and seeds once (accounts admin and alex, a few pages), keeps the seeded database, and restores it at
# every start, so a run meets the same wiki. Mail goes to .work/mail.log (no outgoing network; the
# sender option MediaWiki adds to the sendmail command becomes an ignored argument of `sh -c`).
# Password: $EMPATHY_SITE_PASSWORD, else a random one kept in .work/password (same for both accounts).
here="$(cd "$(dirname "$0")" && pwd)"; port=8831
url="http://127.0.0.1:$port/index.php/Main_Page"
. "$here/../lib.sh"
if running; then echo "$url"; exit 0; fi

[ "$(id -u)" = 0 ] && sudo="" || sudo="sudo"
need=(php-cli php-sqlite3 php-mbstring php-intl php-xml)
if ! command -v php >/dev/null || ! php -m | grep -qx pdo_sqlite || ! php -m | grep -qx mbstring || ! php -m | grep -qx intl; then
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

mw="$work/mediawiki"
if [ ! -f "$mw/index.php" ]; then
  rm -rf "$work/deb" "$mw"; mkdir -p "$work/deb"
  download() { (cd "$work/deb" && apt-get download -qq mediawiki mediawiki-classes 2>&1 | grep -v unsandboxed || true); }
  download; ls "$work"/deb/mediawiki_*.deb >/dev/null 2>&1 || { $sudo apt-get update -qq; download; }
  for deb in "$work"/deb/*.deb; do dpkg-deb -x "$deb" "$work/deb/root"; done
  mv "$work/deb/root/usr/share/mediawiki" "$mw"
  # The package points these at /var/lib and /etc; here they are plain folders inside the copy.
  rm -f "$mw/extensions" "$mw/config" "$mw/images" "$mw/LocalSettings.php"
  mv "$mw/extensions-core" "$mw/extensions"
  mkdir -p "$mw/images" "$work/cache"
  rm -rf "$work/deb"
fi

password="$(site_password)"
printf '%s' "$password" > "$work/password"; chmod 600 "$work/password"
php_mw() { php -d display_errors=stderr "$mw/maintenance/$1.php" "${@:2}"; }

if [ ! -d "$work/seed-data" ]; then
  rm -rf "$work/data" "$mw/LocalSettings.php"; mkdir -p "$work/data"
  php_mw install --dbtype sqlite --dbpath "$work/data" --dbname wiki --server "http://127.0.0.1:$port" \
    --scriptpath "" --lang en --pass "$password" --skins Vector \
    --extensions WikiEditor,Cite,ParserFunctions "Riverside Allotments Wiki" admin >/dev/null
  { printf '\n# bench/real_sites/mediawiki/up.sh\n$wgCacheDirectory = "%s";\n' "$work/cache"
    cat "$here/seed/settings.php"; } >> "$mw/LocalSettings.php"
  php_mw createAndPromote --force alex "$password" >/dev/null
  for page in "$here"/seed/pages/*.wiki; do
    title="$(basename "$page" .wiki | tr _ ' ')"
    php_mw edit --user admin --summary "Seeded page" "$title" < "$page" >/dev/null
  done
  php_mw sql --query "UPDATE user SET user_real_name='Alex Morgan', user_email='alex@example.test', user_email_authenticated='20261201000000' WHERE user_name='Alex'" >/dev/null
  php_mw sql --query "UPDATE user SET user_real_name='Wiki Admin', user_email='admin@example.test', user_email_authenticated='20261201000000' WHERE user_name='Admin'" >/dev/null
  php_mw rebuildtextindex >/dev/null
  cp -a "$work/data" "$work/seed-data"
fi

# Every start restores the seeded wiki and its caches (what a bench run created or registered, its
# sessions and its sign-in throttle are gone) and sets the accounts' password to the current one.
rm -rf "$work/data"; cp -a "$work/seed-data" "$work/data"
rm -rf "$work/cache"/*
for user in admin alex; do php_mw changePassword --user "$user" --password "$password" >/dev/null; done

(cd "$work" && PHP_CLI_SERVER_WORKERS=4 start_server php -S "127.0.0.1:$port" -t "$mw" \
  -d "sendmail_path=sh -c 'cat >> $work/mail.log' sendmail" -d display_errors=0 -d log_errors=1)
wait_up
