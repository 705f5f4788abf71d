"""Fixtures for browser tests: our own small site on 127.0.0.1; the worker's one browser is tests/conftest.py's."""

from __future__ import annotations

import base64
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask, Response, abort, redirect, request, stream_with_context

from tests.sites import serve

PAGES = Path(__file__).with_name("pages")
PASSWORD_ENV = "EMPATHY_TEST_BROWSER_PASSWORD"
PASSWORD = "Tr0ub4dor&3-horse"
NEVER_S = 120.0  # how long a test lets the page run for what must come: a bound that only catches "never"


def _site_app() -> Flask:
    """Static pages, plus /slow?ms=N[&next=URL] (answers late, to a GET or a POST), /held?key=K&next=URL (answers a
    post once a second post of key K came), /slow-body?ms=N (headers at once, the body late), /hang (never answers in
    time), /api-missing (a raw JSON 404) and /late/NAME?key=K (pages/NAME once /release?key=K came; ?ms=N: after
    N ms)."""
    app = Flask(__name__)

    @app.route("/slow", methods=["GET", "POST"])
    def slow() -> Any:
        time.sleep(int(request.args.get("ms", "1000")) / 1000.0)
        target = request.args.get("next", "")
        return redirect(target, 302) if target else Response("ok", mimetype="text/plain")

    arrived: dict[str, int] = {}
    second = threading.Condition()

    @app.post("/held")
    def held() -> Any:
        """Answers a post once a second of the same key came (a double press), else after 10 s: order, not time."""
        key = request.args.get("key", "")
        with second:
            arrived[key] = arrived.get(key, 0) + 1
            second.notify_all()
            second.wait_for(lambda: arrived[key] >= 2, timeout=10)
        return redirect(request.args.get("next", "/"), 302)

    released: dict[str, threading.Event] = {}
    kinds = {".css": "text/css", ".js": "text/javascript", ".svg": "image/svg+xml"}

    @app.get("/late/<name>")
    def late(name: str) -> Response:
        """pages/NAME (a stylesheet, script or picture) answered once the test releases key K (or after 30 s): order,
        not time; with ms=N instead, after N ms."""
        file = PAGES / name
        if file.suffix not in kinds or not file.is_file():
            abort(404)
        if "ms" in request.args:
            time.sleep(int(request.args["ms"]) / 1000.0)
        else:
            released.setdefault(request.args.get("key", ""), threading.Event()).wait(timeout=30)
        return Response(file.read_bytes(), mimetype=kinds[file.suffix], headers={"Cache-Control": "no-store"})

    @app.get("/release")
    def release() -> Response:
        released.setdefault(request.args.get("key", ""), threading.Event()).set()
        return Response("ok", mimetype="text/plain")

    @app.get("/slow-body")
    def slow_body() -> Response:
        def body() -> Iterator[str]:
            yield " "  # the headers go out with the first chunk
            time.sleep(int(request.args.get("ms", "400")) / 1000.0)
            yield '{"say": "What is your name?"}'
        return Response(stream_with_context(body()), mimetype="application/json")

    @app.get("/api-missing")
    def api_missing() -> Response:
        return Response('{ "error": "no such item available" }', status=404, mimetype="application/json")

    @app.get("/hang")
    def hang() -> str:
        time.sleep(30)
        return ""

    @app.get("/<name>.html")
    def page(name: str) -> Response:
        file = PAGES / f"{name}.html"
        if not file.is_file():
            abort(404)
        body = file.read_text(encoding="utf-8").replace("__PORT__", str(request.server[1]))  # type: ignore[index]
        return Response(body, mimetype="text/html", headers={"Cache-Control": "no-store"})

    return app


@pytest.fixture(scope="session")
def site() -> Iterator[str]:
    """The fixture site's base URL (a threaded Flask app on a free port)."""
    with serve(_site_app()) as url:
        yield url


@pytest.fixture
def settings(site: str, tmp_path: Path) -> Any:
    from harness.config import Settings

    # patience as written: a test of what the persona does when a page is silent must not hang on the machine's load
    s = Settings(base_url=site, reports_dir=str(tmp_path / "reports"), action_timeout_ms=8000, time_scale=0.0,
                 screenshots="every-step", thresholds={"patience_stretch": 1})
    s._root = tmp_path
    return s


def pixel(page: Any, jpeg: bytes, x: float, y: float) -> list[int]:
    """The RGBA of one screenshot pixel, decoded by the browser itself (no image library needed)."""
    data = base64.b64encode(jpeg).decode()
    return page.evaluate(
        """async ([src, x, y]) => {
            const img = new Image(); img.src = src; await img.decode();
            const c = document.createElement('canvas'); c.width = img.width; c.height = img.height;
            const g = c.getContext('2d'); g.drawImage(img, 0, 0);
            return Array.from(g.getImageData(Math.round(x), Math.round(y), 1, 1).data);
        }""", [f"data:image/jpeg;base64,{data}", x, y])


def mask_colour(rgb: list[int]) -> bool:
    """The screenshot mask's magenta, as a JPEG keeps it (its colour bleeds a little at the mask's edge)."""
    return all(abs(got - want) <= 32 for got, want in zip(rgb[:3], (255, 0, 255), strict=True))


def take_step(j: Any, text: str, act: Callable[[], object] = lambda: None) -> Any:
    """One step of journey `j`: begun as `text` (its keyword the text's first word), `act` done, ended; its record."""
    j.begin_step(text, text.split()[0])
    act()
    return j.end_step()


def until_recorded(j: Any, match: Callable[[Any], bool], what: str = "the message") -> Any:
    """The first message of this step (or still shown) that `match` accepts, once the recorder holds it; the page runs
    meanwhile. Why: a fixed wait for a page's timer (a toast's expiry, an agent's reply) ends before a loaded machine
    runs that timer; this waits for the event itself, in the order the page makes it."""
    until = time.monotonic() + NEVER_S
    while not (found := [m for m in j.recorder.messages_after(-1.0) if match(m)]):
        assert time.monotonic() < until, f"{what} was never recorded (in {NEVER_S:g} s)"
        j.page.wait_for_timeout(100)
    return found[0]


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


def calls_to_the_driver(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The methods every call the client sends to Playwright's driver and waits on names, from now on, in order
    (not the page script's reports, whose answers go back unasked, nor a waiter's fire-and-forget notes)."""
    from playwright._impl.connection import Connection

    calls: list[str] = []
    send = Connection.send_message_to_server

    def counted(self: Any, obj: Any, method: str, params: Any, options: Any) -> Any:
        if method != "__waitInfo__" and getattr(obj, "_type", "") != "BindingCall":
            calls.append(method)
        return send(self, obj, method, params, options)

    monkeypatch.setattr(Connection, "send_message_to_server", counted)
    return calls


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
