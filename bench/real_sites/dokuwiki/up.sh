#!/usr/bin/env bash
# Bring DokuWiki (Debian's package, PHP, file storage) up on 127.0.0.1:8812 with PHP's built-in server.
# Idempotent: copies the packaged wiki into .work/, keeps its own conf/ and data/ there, seeds an admin,
# a user (reset at every start) and a few pages once. Mail goes to .work/mail.log (no outgoing network).
# Password: $EMPATHY_SITE_PASSWORD, else a random one kept in .work/password (same for both accounts).
here="$(cd "$(dirname "$0")" && pwd)"; port=8812
url="http://127.0.0.1:$port/doku.php"
. "$here/../lib.sh"
if running; then echo "$url"; exit 0; fi

if [ ! -d /usr/share/dokuwiki ] || ! command -v php >/dev/null; then
  [ "$(id -u)" = 0 ] && sudo="" || sudo="sudo"
  $sudo apt-get update -qq
  # No recommends: Debian would otherwise pull a web server that listens on every interface.
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends dokuwiki php-cli
fi

if [ ! -d "$work/dokuwiki" ]; then
  cp -rL /usr/share/dokuwiki "$work/dokuwiki"       # -L: the package links plugins and templates elsewhere
  mkdir -p "$work/conf"
  cp -L /etc/dokuwiki/*.php /etc/dokuwiki/*.conf "$work/conf/"
  cp "$here/conf/local.php" "$here/conf/acl.auth.php" "$work/conf/"
  printf "\$conf['savedir'] = '%s';\n" "$work/data" >> "$work/conf/local.php"
  printf "<?php\ndefine('DOKU_CONF', '%s/');\n" "$work/conf" > "$work/dokuwiki/inc/preload.php"
  cp -r /var/lib/dokuwiki/data "$work/data"
  cp -r "$here/seed/pages/." "$work/data/pages/"
fi

password="$(site_password)"
printf '%s' "$password" > "$work/password"; chmod 600 "$work/password"
hash="$(PW="$password" php -r 'echo password_hash(getenv("PW"), PASSWORD_BCRYPT);')"
# Every start resets the accounts to the two seeded ones (with the current password), so a bench run
# that registers people meets the same wiki each time.
{
  echo "# login:passwordhash:Real Name:email:groups"
  echo "admin:$hash:Wiki Admin:admin@example.test:admin,user"
  echo "alex:$hash:Alex Morgan:alex@example.test:user"
} > "$work/conf/users.auth.php"

(cd "$work" && start_server php -S "127.0.0.1:$port" -t "$work/dokuwiki" \
  -d "sendmail_path=tee -a $work/mail.log" -d display_errors=0 -d log_errors=1)
wait_up
