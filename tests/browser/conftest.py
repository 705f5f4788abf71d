"""Fixtures for browser tests: our own small site on 127.0.0.1 and one browser per module."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

PAGES = Path(__file__).with_name("pages")
PASSWORD_ENV = "EMPATHY_TEST_BROWSER_PASSWORD"
PASSWORD = "Tr0ub4dor&3-horse"


class _Handler(SimpleHTTPRequestHandler):
    """Static pages, plus /slow?ms=N[&next=URL] (answers late) and /hang (never answers in time)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, directory=str(PAGES), **kwargs)

    def log_message(self, *args: Any) -> None:  # keep test output clean
        pass

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        parts = urlsplit(self.path)
        query = parse_qs(parts.query)
        if parts.path == "/slow":
            time.sleep(int(query.get("ms", ["1000"])[0]) / 1000.0)
            target = query.get("next", [""])[0]
            if target:
                self.send_response(302)
                self.send_header("Location", target)
                self.end_headers()
            else:
                self._send(b"ok", "text/plain")
            return
        if parts.path == "/hang":
            time.sleep(30)
            return
        if parts.path.endswith(".html"):
            file = PAGES / parts.path.lstrip("/")
            if file.is_file():
                body = file.read_text(encoding="utf-8").replace("__PORT__", str(self.server.server_address[1]))
                self._send(body.encode("utf-8"), "text/html; charset=utf-8")
                return
        super().do_GET()

    def _send(self, body: bytes, ctype: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="session")
def site() -> Iterator[str]:
    """The fixture site's base URL (a threaded http.server on a free port)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def settings(site: str, tmp_path: Path) -> Any:
    from harness.config import Settings

    s = Settings(base_url=site, reports_dir=str(tmp_path / "reports"), action_timeout_ms=8000, time_scale=0.0)
    s._root = tmp_path
    return s


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One Chromium for the whole module (launching costs ~0.5 s)."""
    from harness.browser.session import launch_browser
    from harness.config import Settings

    with launch_browser(Settings()) as handle:
        yield handle


def make_persona(**changes: Any) -> Any:
    """A calm test persona; `changes` deep-update it (e.g. habits={"typo": 1.0})."""
    from harness.personas.model import Persona

    base: dict[str, Any] = {
        "name": "tester", "description": "A steady test persona.",
        "pace": {"reading_wpm": 238, "typing_delay_ms": 10, "think_time_ms": 10},
        "patience": {"silence_ms": 20000, "give_up_ms": 30000, "on_silence": "wait"},
        "data": {"secrets": {"password": PASSWORD_ENV}},
    }
    for key, value in changes.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            base[key] = {**base[key], **value}
        else:
            base[key] = value
    return Persona.model_validate(base)


@pytest.fixture
def journey_for(browser: Any, settings: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """Make journeys for a persona (closed at the end of the test)."""
    from harness.browser.journey import Journey
    from harness.personas.data import generate_data

    monkeypatch.setenv(PASSWORD_ENV, PASSWORD)
    made: list[Any] = []

    def make(persona: Any = None, *, scenario: str = "a scenario", settings_: Any = None, **kw: Any) -> Any:
        persona = persona or make_persona()
        data = generate_data(persona, run_seed=7, scenario=scenario)
        j = Journey(browser, settings_ or settings, persona, data, feature="Browser tests", scenario=scenario,
                    tags=["@e2e"], **kw)
        made.append(j)
        return j

    yield make
    for j in made:
        j.close()
