"""One way to serve a small test site: a Flask (WSGI) app on 127.0.0.1, a free port, a thread.

Why Flask: routing, forms, redirects and static files are what the test sites need, and the hand-written
`http.server` handlers each re-did them (headers, lengths, query parsing). Flask is already a dependency.
"""

from __future__ import annotations

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
