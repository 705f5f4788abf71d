"""Drive a real `empathy` command to a chosen phase, then stop it with a signal (shared with bench/).

Each phase is reached by what the outside world sees, never by a clock: the site's first request
(pre-flight), a browser that announces its own start and then hangs, the hanging page being asked
for, the page served before a long persona wait, the check of a large saved transcript under way,
and the report generator's process appearing. The signal goes to `empathy` alone (as CI's SIGTERM
does), so any process left below it afterwards is one the harness failed to stop.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from harness.runner.interrupt import descendants
from tests.reliability.conftest import Outcome, TinySite, finish, start_empathy, write_workspace

ACTION_TIMEOUT_S = 60  # what frees a run that ignored the signal: the hanging page's wait times out
PHASES = ("pre-flight", "browser start", "page load", "page load, 2 workers", "persona wait", "check", "report")

TWO_SCENARIOS = '''Feature: Interrupted
  Scenario: a first visit that completes
    Given I am an anxious customer
    When I open the "home" page

  Scenario: a visit that is still going when the run is stopped
    Given I am an anxious customer
    When I open the "{page}" page
    And I wait 150 seconds
'''
HOME = "<html><title>Home</title><h1>Welcome</h1></html>"


@dataclass
class Stopped:
    """What an interrupted command left: its outcome, how long it took to stop, what still runs."""

    workspace: Path
    outcome: Outcome
    took: float
    left: list[int]


def _alive(pids: list[int]) -> list[int]:
    alive = []
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            continue
        if state != "Z":
            alive.append(pid)
    return alive


def _wait_for(condition: Callable[[], bool], what: str, timeout: float = 240) -> None:
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise AssertionError(f"never reached: {what}")
        time.sleep(0.05)


def _stop(proc: Any, ws: Path, sig: int) -> Stopped:
    below = descendants(proc.pid)
    sent = time.monotonic()
    os.kill(proc.pid, sig)
    outcome = finish(proc, timeout=120)
    took = time.monotonic() - sent
    end = time.monotonic() + 10  # processes the run killed may take a moment to be reaped by init
    while _alive(below) and time.monotonic() < end:
        time.sleep(0.1)
    return Stopped(ws, outcome, took, _alive(below))


def _hanging_site(hang_path: str) -> tuple[TinySite, threading.Event]:
    hit = threading.Event()

    def hang(handler: Any) -> None:
        hit.set()
        time.sleep(150)

    site = TinySite()
    site.routes["/"] = (200, HOME)
    site.routes[hang_path] = hang
    return site, hit


def _run(tmp: Path, sig: int, *, page: str, ready: Callable[[TinySite, threading.Event, Path], Callable[[], bool]],
         hang_path: str = "/hang", then_s: float = 0.0, args: tuple[str, ...] = (), **settings: object) -> Stopped:
    site, hit = _hanging_site(hang_path)
    site.routes["/second.html"] = (200, HOME)
    ws = write_workspace(tmp / "ws", {"a.feature": TWO_SCENARIOS.format(page=page)}, base_url=site.url,
                         action_timeout_ms=ACTION_TIMEOUT_S * 1000, auto_check=False, **settings)
    try:
        proc = start_empathy(ws, "run", *args)
        _wait_for(ready(site, hit, ws), "the phase")
        time.sleep(then_s)  # into the step that follows; the stop must be as prompt wherever it lands
        return _stop(proc, ws, sig)
    finally:
        site.close()


def pre_flight(tmp: Path, sig: int) -> Stopped:
    """The site's first page hangs, so the run is still checking it (it waits up to 10 s)."""
    return _run(tmp, sig, page="home", hang_path="/", ready=lambda site, hit, ws: hit.is_set)


def browser_start(tmp: Path, sig: int) -> Stopped:
    """A Chromium that says it started and then hangs: the run is waiting for its browser."""
    marker = tmp / "browser-started"
    wrapper = tmp / "slow-chromium"
    wrapper.write_text(f"#!/bin/sh\ntouch {marker}\nexec sleep 150\n", encoding="utf-8")
    wrapper.chmod(0o755)
    return _run(tmp, sig, page="home", browser_path=str(wrapper), ready=lambda site, hit, ws: marker.exists)


def page_load(tmp: Path, sig: int) -> Stopped:
    """The second scenario's page hangs; the first scenario has finished and must be kept."""
    return _run(tmp, sig, page="hang", ready=lambda site, hit, ws: hit.is_set)


def page_load_workers(tmp: Path, sig: int) -> Stopped:
    """As `page_load`, with two xdist workers: the stop reaches the worker that waits on the page."""
    return _run(tmp, sig, page="hang", ready=lambda site, hit, ws: hit.is_set, args=("-n", "2"))


def persona_wait(tmp: Path, sig: int) -> Stopped:
    """The persona waits 150 s in real time after its page was served."""
    return _run(tmp, sig, page="second", ready=lambda site, hit, ws: lambda: "/second.html" in site.hits,
                then_s=1.0, time_scale=1.0)


def check(tmp: Path, sig: int) -> Stopped:
    """`empathy check` re-judging a large saved transcript: stopped while it reads and scores."""
    from harness.transcript import Message, Step, Transcript

    steps = [Step(index=i, text=f'When I open the "page {i}" page',
                  messages=[Message(text=f"Error {i}-{j}: request {j} of step {i} could not be processed", kind="error")
                            for j in range(40)]) for i in range(60)]
    ws = write_workspace(tmp / "ws", {})
    path = ws / "big.json"
    path.write_text(Transcript(persona_name="anxious", steps=steps).to_json(), encoding="utf-8")
    proc = start_empathy(ws, "check", str(path))
    started = time.monotonic()
    _wait_for(lambda: time.monotonic() - started > 2.0, "two seconds into the check")
    return _stop(proc, ws, sig)


def report(tmp: Path, sig: int, node_modules: Path) -> Stopped:
    """`empathy report` while the Allure generator (node) is building the HTML report."""
    ws = page_load(tmp / "run", sig).workspace
    (ws / "node_modules").symlink_to(node_modules)
    proc = start_empathy(ws, "report", "--no-gate")

    def generating() -> bool:
        return any(b"allure" in Path(f"/proc/{p}/cmdline").read_bytes() for p in _alive(descendants(proc.pid)))
    _wait_for(generating, "the Allure generator running")
    return _stop(proc, ws, sig)


DRIVERS: dict[str, Callable[..., Stopped]] = {
    "pre-flight": pre_flight, "browser start": browser_start, "page load": page_load,
    "page load, 2 workers": page_load_workers,
    "persona wait": persona_wait, "check": check, "report": report,
}
