"""The Harbour Mutual customer portal: the bundled site the harness's own suites run against.

`create_app("warm")` is the considerate portal (the negative oracle: checks must find nothing);
`create_app("cold")` switches on every defect in `defects.yaml`; `create_app("warm", {"repeat-email"})`
switches on one. This package imports nothing from the engine except `harness.exceptions`.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable

from flask import Flask, Response
from flask.typing import ResponseReturnValue
from jinja2 import BytecodeCache
from jinja2.bccache import Bucket
from werkzeug.exceptions import HTTPException

from harness.demo import account, chat, claims, seeding
from harness.demo.defects import resolve_defects
from harness.demo.portal import Portal, page
from harness.demo.sessions import ServerSessionInterface
from harness.exceptions import ConfigError


class _SharedBytecode(BytecodeCache):
    """Compiled templates shared by every portal in the process (tests build many apps)."""

    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self._store:
            bucket.bytecode_from_string(self._store[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._store[bucket.key] = bucket.bytecode_to_string()


_BYTECODE = _SharedBytecode()


def _check_seconds(name: str, value: float, upper: float, lower: float = 0.0) -> float:
    if not lower <= float(value) <= upper:
        raise ConfigError(f"demo portal: {name}={value!r} is out of range",
                          hint=f"use {lower:g} to {upper:g} seconds")
    return float(value)


def create_app(
    variant: str = "warm",
    defects: Iterable[str] | str | None = None,
    *,
    submit_delay: float = 3.0,
    session_timeout: float = 12.0,
    agent_delay: float = 1.5,
    clock: Callable[[], float] = time.monotonic,
) -> Flask:
    """Build one portal; unknown variants or defect names raise ConfigError naming the allowed ones."""
    switched_on = resolve_defects(variant, defects)
    portal = Portal(
        variant=variant,
        defects=switched_on,
        submit_delay=_check_seconds("submit_delay", submit_delay, 120),
        session_timeout=_check_seconds("session_timeout", session_timeout, 86400, lower=1.0),
        agent_delay=_check_seconds("agent_delay", agent_delay, 60),
        clock=clock,
    )
    app = Flask(__name__, static_folder="static", template_folder="templates")
    app.jinja_options = {**app.jinja_options, "bytecode_cache": _BYTECODE}
    app.config.update(MAX_CONTENT_LENGTH=10 * 1024 * 1024, TEMPLATES_AUTO_RELOAD=False)
    app.extensions["demo_portal"] = portal
    app.session_interface = ServerSessionInterface(portal.sessions)
    for blueprint in (account.bp, claims.bp, chat.bp, seeding.bp):
        app.register_blueprint(blueprint)

    @app.after_request
    def _no_store(response: Response) -> Response:
        """Pages are never cached, so back and reload show what the server holds (like a real portal)."""
        if response.mimetype == "text/html":
            response.headers["Cache-Control"] = "no-store"
        response.headers["X-Demo-Variant"] = variant
        return response

    @app.errorhandler(HTTPException)
    def _http_error(error: HTTPException) -> ResponseReturnValue:
        if error.code == 404:
            return page("not_found.html", status=404)
        return error

    return app
