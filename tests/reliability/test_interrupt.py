"""An interrupted run (Ctrl-C, or SIGTERM from CI) stops its browsers, keeps what was written, and
`empathy report` still builds a report from it.

Both signals are sent to a real `empathy run` while its second scenario waits on a server that
hangs; the first scenario's result and transcript must survive, and no process it started may live on.
"""

from __future__ import annotations

import json
import os
import signal
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from tests.reliability.conftest import Outcome, TinySite, descendants, finish, start_empathy, write_workspace

pytestmark = pytest.mark.e2e

FEATURE = '''Feature: Interrupted
  Scenario: a first visit that completes
    Given I am an anxious customer
    When I open the "home" page

  Scenario: a visit that is still waiting when the run is stopped
    Given I am an anxious customer
    When I open the "hang" page
'''


def _interrupted(tmp: Path, sig: int) -> tuple[Path, Outcome, list[int], float]:
    hit = threading.Event()

    def hang(handler: Any) -> None:
        hit.set()
        time.sleep(150)

    site = TinySite()
    site.routes["/"] = (200, "<html><title>Home</title><h1>Welcome</h1></html>")
    site.routes["/hang"] = hang
    ws = write_workspace(tmp / "ws", {"a.feature": FEATURE}, base_url=site.url, action_timeout_ms=60000,
                         auto_check=False)
    proc = start_empathy(ws, "run")
    try:
        assert hit.wait(240), "the run never reached the hanging page"
        time.sleep(0.5)
        started_below = descendants(proc.pid)
        assert started_below, "no browser/driver processes to watch"
        sent = time.monotonic()
        os.kill(proc.pid, sig)
        outcome = finish(proc, timeout=120)
        took = time.monotonic() - sent
    finally:
        site.close()
    time.sleep(1.0)
    alive = [p for p in started_below if Path(f"/proc/{p}").exists()
             and "Z" not in (Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()[:1] or ["Z"])]
    return ws, outcome, alive, took


@pytest.fixture(scope="module", params=[signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def stopped(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Outcome,
                                                                                                list[int], float]:
    return _interrupted(tmp_path_factory.mktemp(f"interrupt-{request.param}"), request.param)


def test_the_run_stops_promptly_with_130_and_no_traceback(stopped: tuple[Path, Outcome, list[int], float]) -> None:
    _, outcome, _, took = stopped
    assert outcome.code == 130, outcome.text[-3000:]
    assert took < 60, f"took {took:.0f} s to stop"  # the page hangs for 150 s; 2 loaded cores need slack
    assert "Traceback" not in outcome.err, outcome.err[-3000:]


def test_no_browser_or_driver_is_left_running(stopped: tuple[Path, Outcome, list[int], float]) -> None:
    _, _, alive, _ = stopped
    assert not alive, [Path(f"/proc/{p}/cmdline").read_bytes()[:120] for p in alive if Path(f"/proc/{p}").exists()]


def test_what_was_written_survives_and_a_report_builds(stopped: tuple[Path, Outcome, list[int], float]) -> None:
    ws, _, _, _ = stopped
    reports = ws / "reports"
    results = [json.loads(p.read_text(encoding="utf-8")) for p in (reports / "allure-results").glob("*-result.json")]
    assert any(r["name"].startswith("a first visit") and r["status"] == "passed" for r in results), results
    transcripts = [p.name for p in (reports / "transcripts").glob("*.json")]
    assert any("a-first-visit" in name for name in transcripts), transcripts
    modules = Path(__file__).resolve().parents[2] / "node_modules"
    if modules.is_dir() and not (ws / "node_modules").exists():
        (ws / "node_modules").symlink_to(modules)  # the project's pinned Allure generator (`npm ci`)
    report = finish(start_empathy(ws, "report", "--no-gate"), timeout=300)
    assert report.code == 0, report.text[-3000:]
    assert (reports / "allure-report" / "index.html").is_file()
