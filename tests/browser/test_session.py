"""Launching and connecting: a local Chromium, a Playwright browser server, Chromium over CDP,
and the one-line errors (with the fix) when none of them works."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from harness.browser.session import LAUNCH_ARGS, launch_browser
from harness.config import Settings
from harness.exceptions import BrowserError
from tests.browser.conftest import PASSWORD_ENV, make_persona, take_step
from tests.sites import free_port, raw_server


def _walk(handle: Any, site: str, tmp_path: Path) -> Any:
    """A one-step journey through `handle`, returning its transcript."""
    from harness.browser.journey import Journey
    from harness.personas.data import generate_data

    persona = make_persona()
    settings = Settings(base_url=site, reports_dir=str(tmp_path / "reports"))
    j = Journey(handle, settings, persona, generate_data(persona, run_seed=1, scenario="remote"),
                feature="Remote", scenario="remote", reports_dir=tmp_path / "reports")
    try:
        take_step(j, "Given the draft page", lambda: j.actor.goto(f"{site}/toast.html"))
        return j.finish()
    finally:
        j.close()


def test_a_missing_browser_path_is_one_clear_error() -> None:
    with pytest.raises(BrowserError) as err:
        launch_browser(Settings(browser_path="/nowhere/chromium"))
    assert "browser_path" in str(err.value) and "/nowhere/chromium" in str(err.value)


def test_an_endpoint_that_is_not_ws_or_http_is_refused() -> None:
    with pytest.raises(BrowserError, match="neither ws:// nor http://"):
        launch_browser(Settings(browser_endpoint="ftp://127.0.0.1:1"))


@pytest.mark.subprocess
def test_nobody_listening_says_how_to_start_a_server() -> None:
    with pytest.raises(BrowserError, match="run-server"):
        launch_browser(Settings(browser_endpoint=f"ws://127.0.0.1:{free_port()}/", action_timeout_ms=3000))


@pytest.fixture
def mismatched_server() -> Iterator[str]:
    """Answers the WebSocket upgrade the way a Playwright server of another version does (HTTP 428)."""
    with raw_server(b"HTTP/1.1 428 Precondition Required\r\nContent-Length: 0\r\n\r\n"
                    b"Playwright version mismatch:\n  - server version: v1.40\n  - client version: v1.65\n",
                    scheme="ws") as url:
        yield url


@pytest.mark.subprocess
def test_a_version_mismatch_is_reported_clearly(mismatched_server: str) -> None:
    from playwright._repo_version import version

    with pytest.raises(BrowserError) as err:
        launch_browser(Settings(browser_endpoint=mismatched_server, action_timeout_ms=5000))
    assert "do not match" in str(err.value) and version in str(err.value)


@pytest.mark.e2e
@pytest.mark.slow
def test_a_journey_through_a_playwright_browser_server(site: str, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(PASSWORD_ENV, "unused-here")
    config = tmp_path / "server.json"
    config.write_text(json.dumps({"executablePath": "/usr/bin/chromium", "args": LAUNCH_ARGS, "headless": True,
                                  "host": "127.0.0.1", "port": 0}), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "playwright", "launch-server", "--browser", "chromium",
                             "--config", str(config)], stdout=subprocess.PIPE, text=True,
                            start_new_session=True)  # its own group: `python -m playwright` runs node as a child
    try:
        line: list[str] = []
        reader = threading.Thread(target=lambda: line.append(proc.stdout.readline()), daemon=True)  # type: ignore[union-attr]
        reader.start()
        reader.join(60)
        assert line and line[0].startswith("ws://"), "the browser server did not start"
        with launch_browser(Settings(browser_endpoint=line[0].strip())) as handle:
            assert handle.where.startswith("ws://127.0.0.1")
            transcript = _walk(handle, site, tmp_path)
        assert transcript.steps[0].url_after.endswith("/toast.html")
        assert any(m.text == "Your draft" for m in transcript.steps[0].messages)
    finally:
        os.killpg(proc.pid, signal.SIGTERM)  # the node server too, or it outlives the test run
        proc.wait(10)


@pytest.mark.e2e
@pytest.mark.slow
def test_a_journey_over_cdp(site: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(PASSWORD_ENV, "unused-here")
    port = free_port()
    proc = subprocess.Popen(["/usr/bin/chromium", "--headless=new", f"--remote-debugging-port={port}",
                             "--remote-debugging-address=127.0.0.1", f"--user-data-dir={tmp_path / 'profile'}",
                             *LAUNCH_ARGS, "about:blank"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/json/version", timeout=1).read()
                break
            except OSError:
                assert time.monotonic() < deadline, "Chromium's CDP endpoint did not come up"
                time.sleep(0.2)
        with launch_browser(Settings(browser_endpoint=f"http://127.0.0.1:{port}")) as handle:
            transcript = _walk(handle, site, tmp_path)
        assert any(m.text == "Your draft" for m in transcript.steps[0].messages)
    finally:
        proc.terminate()
        proc.wait(10)
