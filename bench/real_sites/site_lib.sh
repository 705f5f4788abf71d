# Shared by the up.sh/down.sh scripts of the sites in this folder (source it, do not run it).

here="$(cd "$(dirname "$0")" && pwd)"   # the site's folder: the sourcing script lives there
work="$here/.work"                       # everything installed or generated (git-ignored)

# wait_until_up URL PIDFILE LOG: wait (up to 60 s) until URL answers; fail showing LOG if the server died.
wait_until_up() {
  local url="$1" pidfile="$2" log="$3"
  for _ in $(seq 1 120); do
    curl -fsS -o /dev/null "$url" 2>/dev/null && return 0
    kill -0 "$(cat "$pidfile")" 2>/dev/null || { cat "$log" >&2; echo "the server stopped; its log is $log" >&2; return 1; }
    sleep 0.5
  done
  echo "no answer from $url after 60 s; the server's log is $log" >&2
  return 1
}

# stop_by_pidfile PIDFILE: stop the process the PID file names (TERM, then wait up to 10 s) and remove the file.
stop_by_pidfile() {
  local pidfile="$1" pid
  [ -f "$pidfile" ] || return 0
  pid="$(cat "$pidfile")"
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  fi
  rm -f "$pidfile"
}

# site_password WORKDIR: $EMPATHY_SITE_PASSWORD, else the one kept in WORKDIR/password, else a new random one.
site_password() {
  local work="$1"
  if [ -n "${EMPATHY_SITE_PASSWORD:-}" ]; then printf '%s' "$EMPATHY_SITE_PASSWORD"
  elif [ -f "$work/password" ]; then cat "$work/password"
  else head -c 12 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 16; fi
}
