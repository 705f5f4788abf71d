#!/usr/bin/env bash
# Stop the server that up.sh started (by its PID file): the web UI, Mailman core and the SMTP sink.
here="$(cd "$(dirname "$0")" && pwd)"; port=8971
. "$here/../lib.sh"
stop_server
