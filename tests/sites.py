"""One way to serve a small test site: a Flask (WSGI) app on 127.0.0.1, a free port, a thread.

Why Flask: routing, forms, redirects and static files are what the test sites need, and the hand-written
`http.server` handlers each re-did them (headers, lengths, query parsing). Flask is already a dependency.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from werkzeug.serving import make_server


@contextmanager
def serve(app: Any, host: str = "127.0.0.1") -> Iterator[str]:
    """Serve `app` (threaded, so a slow page does not hold up the others) and yield its base URL."""
    server = make_server(host, 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


def free_port() -> int:
    """A port nothing listens on (bound and let go): an address that refuses the connection."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def raw_server(answer: bytes, scheme: str = "http") -> Iterator[str]:
    """A TCP server on 127.0.0.1 that reads each request, sends `answer` (raw bytes; none: the connection is closed
    without a word) and closes, and yields its URL: what a site is not, where the harness must say what it met (a
    server that is not HTTP, an app server whose workers crash, a Playwright server of another version)."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)

    def answer_each() -> None:
        while True:
            try:
                conn, _ = sock.accept()
            except OSError:
                return
            with conn:
                conn.recv(65536)
                if answer:
                    conn.sendall(answer)

    threading.Thread(target=answer_each, daemon=True).start()
    try:
        yield f"{scheme}://127.0.0.1:{sock.getsockname()[1]}/"
    finally:
        sock.close()
