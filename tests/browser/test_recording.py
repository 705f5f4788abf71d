"""Trace and video of one scenario, on a real Chromium and a real form post: what Playwright keeps, what we keep.

The site is careless on purpose: its sign-in form posts the password and the next page prints it back,
so the password is in an action's arguments, the request body, a response body and a DOM snapshot.
"""

from __future__ import annotations

import secrets
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask, make_response, request

from harness.runner.recording import Recording, scrub_zip
from tests.sites import serve

pytestmark = pytest.mark.browser
SESSION = secrets.token_urlsafe(24)

FORM = ('<html><body><form method="post" action="/signed-in"><label>Password <input type="password" '
        'name="password" id="pw"></label><button>Sign in</button></form></body></html>')


def _site() -> Flask:
    app = Flask(__name__)

    @app.get("/")
    def form() -> str:
        return FORM

    @app.post("/signed-in")
    def signed_in() -> Any:  # careless on purpose: the password is printed back, unescaped
        page = f"<html><body><h1>Signed in</h1><p>Your password is {request.form.get('password', '')}</p></body></html>"
        answer = make_response(page)
        answer.set_cookie("session", SESSION)  # and a session every later request carries
        return answer

    return app


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    with serve(_site()) as url:
        yield url


@pytest.fixture(scope="module")
def handle(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    from harness.browser.session import launch_browser
    from harness.config import load_settings

    with launch_browser(load_settings(tmp_path_factory.mktemp("cfg"))) as browser:
        yield browser


def _sign_in(recording: Recording, handle: Any, site: str, password: str) -> Any:
    context = recording.browser(handle).new_context()
    page = context.new_page()
    page.goto(site + "/")
    page.fill("#pw", password)
    page.click("button")
    page.wait_for_url("**/signed-in")
    page.get_by_text("Signed in").wait_for()
    return context


def _members_with(zip_path: Path, value: str) -> list[str]:
    with zipfile.ZipFile(zip_path) as z:
        return [name for name in z.namelist() if value.encode() in z.read(name)]


def _raw_trace(tmp_path: Path, handle: Any, site: str, password: str) -> Path:
    """The trace as Playwright writes it (no scrub)."""
    context = _sign_in(Recording(tracing="on", video="off", folder=tmp_path), handle, site, password)
    context.tracing.stop(path=str(tmp_path / "raw.zip"))
    context.close()
    return tmp_path / "raw.zip"


def _leaks(zip_path: Path, *forms: str) -> list[str]:
    with zipfile.ZipFile(zip_path) as z:
        return [n for n in z.namelist() for form in forms if form.encode() in z.read(n)]


@pytest.mark.parametrize("declared", [True, False], ids=["declared-secret", "only-typed-in-a-password-field"])
def test_playwright_keeps_the_password_and_the_scrub_removes_it(tmp_path: Path, handle: Any, site: str,
                                                                 declared: bool) -> None:
    password = "Cn4ry+" + secrets.token_hex(6) + "/Z"
    trace = _raw_trace(tmp_path, handle, site, password)
    raw = _members_with(trace, password) + _members_with(trace, "Cn4ry%2B")
    # the fill's arguments and the DOM snapshot (trace.trace), the form post (a resource) and the echoed page
    assert "trace.trace" in raw and any(name.startswith("resources/") for name in raw), raw
    with zipfile.ZipFile(trace) as z:
        assert any(b'"frame-snapshot"' in z.read(n) for n in z.namelist() if n.endswith(".trace"))
    assert scrub_zip(trace, [password] if declared else []) >= 3
    assert not _leaks(trace, password, "Cn4ry%2B", "Cn4ry+")


def test_kept_by_the_mode_trace_scrubbed_and_video_saved(tmp_path: Path, handle: Any, site: str) -> None:
    password = "Pw" + secrets.token_hex(8)
    recording = Recording(tracing="retain-on-failure", video="on", folder=tmp_path / "kept")
    context = _sign_in(recording, handle, site, password)
    context.pages[0].goto(site + "/")  # a request that carries the session's cookie
    [trace] = recording.stop(failed=True, secrets=[password])
    context.close()
    [video] = recording.save_videos(failed=True)
    assert trace == tmp_path / "kept" / "trace.zip" and not _members_with(trace, password)
    assert not _members_with(trace, SESSION)  # nobody who opens the trace is signed in as the persona
    assert video == tmp_path / "kept" / "video.webm" and video.read_bytes()[:4] == b"\x1a\x45\xdf\xa3"  # EBML
    assert sorted(p.name for p in (tmp_path / "kept").iterdir()) == ["trace.zip", "video.webm"]


def test_a_passing_scenario_keeps_nothing_on_retain_on_failure(tmp_path: Path, handle: Any,
                                                              site: str) -> None:
    recording = Recording(tracing="retain-on-failure", video="retain-on-failure", folder=tmp_path / "passed")
    context = _sign_in(recording, handle, site, "Pw" + secrets.token_hex(8))
    assert recording.stop(failed=False, secrets=[]) == []
    context.close()
    assert recording.save_videos(failed=False) == []
    assert not (tmp_path / "passed").exists()


def test_off_records_nothing(tmp_path: Path, handle: Any) -> None:
    recording = Recording(tracing="off", video="off", folder=tmp_path / "off")
    assert recording.browser(handle) is handle
    assert recording.stop(failed=True, secrets=[]) == [] and recording.save_videos(failed=True) == []
