"""Serving the portal on 127.0.0.1 with a real threaded WSGI server, in the background or blocking.

Why a real server (werkzeug's `make_server`) rather than Flask's test client: the harness drives a
real Chromium, and the slow submit must not block the page's other requests.
"""

from __future__ import annotations

import errno
import socket
import threading
from collections.abc import Iterable
from types import TracebackType
from typing import Any

from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server

from harness.demo.app import create_app
from harness.exceptions import ConfigError

LOOPBACK = ("127.0.0.1", "localhost", "::1")


class QuietHandler(WSGIRequestHandler):
    """No per-request log lines (background servers in tests); errors are still reported."""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        return None


def _probe(host: str, port: int) -> None:
    """Raise OSError now if the port cannot be bound (same socket options as werkzeug)."""
    if port == 0:
        return
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        probe.bind((host, port))


def _bind(host: str, port: int, app: Any, quiet: bool = False) -> BaseWSGIServer:
    """Bind or raise one clear error (taken port, non-loopback host)."""
    if host not in LOOPBACK:
        raise ConfigError(f"demo portal host {host!r} is not a loopback address",
                          hint="the demo portal only listens on 127.0.0.1")
    if not 0 <= port <= 65535:
        raise ConfigError(f"--port {port} is not a TCP port", hint="use 1024 to 65535, or 0 for any free port")
    try:
        _probe(host, port)  # werkzeug prints its own advice and exits on a taken port; say it once, here
        return make_server(host, port, app, threaded=True, request_handler=QuietHandler if quiet else None)
    except OSError as exc:
        if exc.errno in (errno.EADDRINUSE, errno.EACCES):
            reason = "is already in use" if exc.errno == errno.EADDRINUSE else "needs more privileges"
            raise ConfigError(f"port {port} on {host} {reason}",
                              hint="choose another with --port, or stop what is using it") from exc
        raise ConfigError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc
    except SystemExit as exc:  # werkzeug exits on some bind failures instead of raising
        raise ConfigError(f"port {port} on {host} is already in use",
                          hint="choose another with --port, or stop what is using it") from exc


class DemoServer:
    """`with DemoServer("cold", port=0) as server: ... server.url ...`: the portal in a background thread."""

    def __init__(self, variant: str = "warm", defects: Iterable[str] | str | None = None, port: int = 0,
                 host: str = "127.0.0.1", **options: Any) -> None:
        self.app = create_app(variant, defects, **options)
        self.host, self.requested_port = host, port
        self._server: BaseWSGIServer | None = None
        self._thread: threading.Thread | None = None
        self._port = 0

    @property
    def port(self) -> int:
        """The bound port (kept after stop, so a test can check the server is gone)."""
        if not self._port:
            raise RuntimeError("DemoServer has not started; use it as a context manager or call start()")
        return self._port

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    def start(self) -> DemoServer:
        self._server = _bind(self.host, self.requested_port, self.app, quiet=True)
        self._port = int(self._server.server_port)
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.1},
                                        name=f"demo-portal-{self.port}", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server, self._thread = None, None

    def __enter__(self) -> DemoServer:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()


def serve(variant: str = "warm", defects: Iterable[str] | str | None = None, port: int = 8765,
          host: str = "127.0.0.1", *, ready: Any = None, **options: Any) -> None:
    """Serve until interrupted (the CLI's `empathy demo serve`); `ready(url)` is called once listening."""
    app = create_app(variant, defects, **options)
    server = _bind(host, port, app)
    try:
        if ready is not None:
            ready(f"http://{host}:{server.server_port}")
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
