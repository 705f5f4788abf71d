# Shared by the sites' up.sh/down.sh: a venv under .work/, the seed password, a logged set-up command, a Django
# site's seeded database, start, wait, stop; a PostgreSQL cluster of the site's own.
# Source it after setting `here` (the site folder) and `port`; optionally `url` (the page to print)
# and `health` (the address that answers once the server is ready; default: url).
set -euo pipefail
work="$here/.work"
mkdir -p "$work"
pidfile="$work/server.pid"
url="${url:-http://127.0.0.1:$port/}"
health="${health:-$url}"

# A venv in .work/venv with these pip requirements (installed once; a marker records them).
ensure_venv() {
    local want="$*"
    if [ ! -x "$work/venv/bin/python" ]; then python3 -m venv "$work/venv"; fi
    if [ "$(cat "$work/venv/.installed" 2>/dev/null)" != "$want" ]; then
        "$work/venv/bin/pip" install -q --disable-pip-version-check "$@"
        echo "$want" > "$work/venv/.installed"
    fi
}

# Generate the application's project into .work/project once: ensure_project <generator> <args...>
# (the generator gets the folder as its last argument).
proj="$work/project"
ensure_project() {
    if [ ! -f "$proj/manage.py" ]; then mkdir -p "$proj"; "$@" "$proj"; fi
}

# Run a set-up command with its output kept in .work/setup.log; if it fails, say `$1` failed and show the log's tail.
logged() {
    local what="$1"; shift
    "$@" >> "$work/setup.log" 2>&1 \
        || { echo "$what failed; see $work/setup.log" >&2; tail -20 "$work/setup.log" >&2; exit 1; }
}

# A Django site's SQLite database, served fresh from its seed on every up.sh: seeded_db <db> <run> [file ...].
# `run` runs manage.py's subcommands; the database is migrated once per installed version, seeded once per stamp
# (the migration, the files given, the password: `seed.py` through `run shell`), and the seeded copy is put over
# the served one with the server stopped. Copies sit beside the stamps: .work/migrated.<ext>, .work/seeded.<ext>.
seeded_db() {
    local db="$1" run="$2" ext="${1##*.}" password stamp; shift 2
    if [ "$(cat "$work/migrated.stamp" 2>/dev/null)" != "$(cat "$work/venv/.installed")" ]; then
        rm -f "$db"; "$run" migrate -v 0
        cp "$db" "$work/migrated.$ext"; cat "$work/venv/.installed" > "$work/migrated.stamp"
    fi
    password="$(site_password)"
    stamp="$(cat "$work/migrated.stamp" "$@" <(printf '%s' "$password") | sha256sum | cut -c1-16)"
    if running; then stop_server > /dev/null; fi
    if [ "$(cat "$work/seeded.stamp" 2>/dev/null)" != "$stamp" ]; then
        cp "$work/migrated.$ext" "$db"
        EMPATHY_SITE_PASSWORD="$password" "$run" shell < "$here/seed.py"
        cp "$db" "$work/seeded.$ext"; echo "$stamp" > "$work/seeded.stamp"
    fi
    cp "$work/seeded.$ext" "$db"
}

# The seeded accounts' password: $EMPATHY_SITE_PASSWORD, else a random one kept in .work/password.
site_password() {
    if [ -n "${EMPATHY_SITE_PASSWORD:-}" ]; then printf '%s' "$EMPATHY_SITE_PASSWORD"; return; fi
    if [ ! -s "$work/password" ]; then
        python3 -c 'import secrets; print(secrets.token_urlsafe(12), end="")' > "$work/password"
        chmod 600 "$work/password"
    fi
    cat "$work/password"
}

# For a site with a password rule: the seeded accounts' password (as site_password, but a random one is
# drawn to pass the rule), or a clear refusal of a given one that breaks it. Sets $password.
# ruled_password "<site>" "<the rule in words>" "<a Python condition on p, the password>"
ruled_password() {
    if [ -z "${EMPATHY_SITE_PASSWORD:-}" ] && [ ! -s "$work/password" ]; then
        python3 -c 'import secrets; print(secrets.token_urlsafe(12) + "-Rv7", end="")' > "$work/password"
        chmod 600 "$work/password"
    fi
    password="$(site_password)"
    if ! printf '%s' "$password" | python3 -c "import re,sys; p=sys.stdin.read(); sys.exit(not ($3))"; then
        echo "$1 refuses this password: it wants $2 (EMPATHY_SITE_PASSWORD or $work/password)" >&2
        exit 1
    fi
}

running() { [ -s "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

# Start "$@" in its own session (so down.sh can stop its children), log to .work/server.log.
start_server() {
    if running; then echo "already running (pid $(cat "$pidfile")): $url"; return; fi
    if curl -s -o /dev/null "$health"; then echo "port $port is taken by another process; stop it first" >&2; exit 1; fi
    setsid nohup "$@" > "$work/server.log" 2>&1 < /dev/null &
    echo $! > "$pidfile"
}

# Wait (up to 120 s) until $health answers; print $url.
wait_up() {
    for _ in $(seq 240); do
        if curl -fs -o /dev/null "$health"; then echo "$url"; return; fi
        if ! running; then echo "the server exited; see $work/server.log" >&2; tail -20 "$work/server.log" >&2; exit 1; fi
        sleep 0.5
    done
    echo "no answer on $url after 120 s; see $work/server.log" >&2; exit 1
}

# Stop the server's whole process group and remove the PID file.
stop_server() {
    if ! running; then rm -f "$pidfile"; echo "not running"; return; fi
    local pid; pid="$(cat "$pidfile")"
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid"
    for _ in $(seq 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -0 "$pid" 2>/dev/null && kill -KILL -- "-$pid" 2>/dev/null || true
    rm -f "$pidfile"; echo "stopped"
}

# A PostgreSQL cluster of the site's own in .work/pg (Debian's `postgresql`), trusted on 127.0.0.1 only and run as
# `postgres` when we are root: pg_up <user> <port> makes it once and starts it; then `sql "<statement>"` runs one
# statement and `fresh_db <db> <template>` makes <db> anew from a template; pg_down stops it.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pg_bin() { ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1; }
pg_up() {
    pg_user="$1"; pg_port="$2"
    local pg="$work/pg" bin; bin="$(pg_bin)"
    if [ ! -f "$pg/data/PG_VERSION" ]; then
        mkdir -p "$pg"; if [ "$(id -u)" = 0 ]; then chown postgres: "$pg"; fi
        logged "initdb" as_pg "$bin/initdb" -D "$pg/data" -U "$pg_user" --auth=trust -E UTF8 --locale=C.UTF-8
    fi
    if ! as_pg "$bin/pg_ctl" -D "$pg/data" status > /dev/null; then
        logged "PostgreSQL's start" as_pg "$bin/pg_ctl" -D "$pg/data" -l "$pg/server.log" -w \
            -o "-p $pg_port -k $pg -c listen_addresses=127.0.0.1" start
    fi
}
sql() { "$(pg_bin)/psql" -h 127.0.0.1 -p "$pg_port" -U "$pg_user" -d postgres -qAt -c "$1"; }
fresh_db() { sql "DROP DATABASE IF EXISTS $1 WITH (FORCE)"; sql "CREATE DATABASE $1 TEMPLATE $2"; }
pg_down() {
    if [ -f "$work/pg/data/postmaster.pid" ]; then
        as_pg "$(pg_bin)/pg_ctl" -D "$work/pg/data" -m fast stop > /dev/null
        echo "PostgreSQL stopped"
    fi
}
