"""Faults during a run: a failing network, a hanging page and a killed browser break one scenario each,
with the reason and the evidence so far, and the run goes on; a retried scenario is one test, marked flaky.

One `empathy run` drives five scenarios in order against a tiny local site (TinySite); the assertions read
what a user gets afterwards: Allure results, transcripts and the exit code.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest

from tests.reliability.conftest import Outcome, TinySite, finish, start_empathy, write_workspace

pytestmark = pytest.mark.e2e

FAULT_STEPS = '''"""Fault injection for the reliability tests (a workspace step module)."""
import os
import signal
from pathlib import Path

from pytest_bdd import parsers, step


def _browser_pids():
    me = os.getpid()
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
                cmd = (entry / "cmdline").read_bytes()
            except OSError:
                continue
            parents[int(entry.name)] = (int(stat.rsplit(")", 1)[1].split()[1]), cmd)
    def below_me(pid):
        while pid in parents and pid > 1:
            pid = parents[pid][0]
            if pid == me:
                return True
        return False
    return [p for p, (_, cmd) in parents.items()
            if b"chrom" in cmd.split(b"\\0")[0] and b"--type=" not in cmd and below_me(p)]


@step(parsers.parse('the network drops every request to "{path}"'))
def network_drops(journey, path):
    journey.page.route(f"**{path}", lambda route: route.abort("failed"))


@step("the browser process is killed")
def kill_browser(journey):
    pids = _browser_pids()
    assert pids, "no browser process found to kill"
    for pid in pids:
        os.kill(pid, signal.SIGKILL)


@step("this scenario fails on its first try")
def fails_once():
    marker = Path("first-try-done")
    if not marker.exists():
        marker.write_text("1")
        raise AssertionError("first try fails on purpose")
'''

FEATURE = '''Feature: Faults
  Scenario: the network fails on the way to the second page
    Given I am an anxious customer
    And I open the "home" page
    When the network drops every request to "/second.html"
    And I open the "second" page

  Scenario: a page hangs mid-journey
    Given I am an anxious customer
    And I open the "home" page
    When I open the "hang" page

  Scenario: the browser crashes mid-journey
    Given I am an anxious customer
    And I open the "home" page
    When the browser process is killed
    And I open the "second" page

  Scenario: the run goes on after a crash
    Given I am an anxious customer
    When I open the "home" page
    Then I should be on the "home" page

  Scenario: passes only on retry
    Given I am an anxious customer
    And I open the "home" page
    When this scenario fails on its first try
'''

HANG_S = 60.0  # the hung page answers this late: a step that ends sooner was cut by the harness's own bound


def _hang(handler: Any) -> None:
    time.sleep(HANG_S)


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Outcome]:
    site = TinySite()
    site.routes["/"] = (200, "<html><title>Home</title><h1>Welcome home</h1><p>Start here.</p></html>")
    site.routes["/second.html"] = (200, "<html><title>Second</title><h1>Second page</h1></html>")
    site.routes["/hang"] = _hang
    ws = write_workspace(tmp_path_factory.mktemp("faults") / "ws", {"faults.feature": FEATURE},
                         steps={"faults.py": FAULT_STEPS}, base_url=site.url, action_timeout_ms=2500,
                         auto_check=False, screenshots="every-step")
    try:
        outcome = finish(start_empathy(ws, "run", "--reruns", "1", "--", "--only-rerun", "first try fails"),
                         timeout=300)
    finally:
        site.close()
    return ws, outcome


def _results(ws: Path) -> dict[str, list[dict[str, Any]]]:
    by_name: dict[str, list[dict[str, Any]]] = {}
    for path in (ws / "reports" / "allure-results").glob("*-result.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        by_name.setdefault(data["name"], []).append(data)
    for runs in by_name.values():
        runs.sort(key=lambda r: r.get("start", 0))
    return by_name


def _one(results: dict[str, list[dict[str, Any]]], words: str) -> dict[str, Any]:
    matches = [runs for name, runs in results.items() if words in name]
    assert len(matches) == 1, f"{words!r} in {sorted(results)}"
    return matches[0][-1]


def test_every_scenario_ran_and_the_run_failed_as_a_whole(run: tuple[Path, Outcome]) -> None:
    ws, outcome = run
    results = _results(ws)
    assert len(results) == 5, (sorted(results), outcome.text[-3000:])
    assert outcome.code == 1, outcome.text[-3000:]
    assert "Traceback" not in outcome.err


@pytest.mark.parametrize(("words", "reason"), [
    ("network fails", "net::ERR_FAILED"),
    ("page hangs", "did not answer within 2500 ms"),
    ("browser crashes", "browser or page is gone"),
])
def test_a_fault_marks_its_scenario_broken_with_the_reason(run: tuple[Path, Outcome], words: str,
                                                           reason: str) -> None:
    ws, outcome = run
    result = _one(_results(ws), words)
    assert result["status"] == "broken", json.dumps(result)[:2000]
    assert reason in result["statusDetails"]["message"] + result["statusDetails"].get("trace", "")


@pytest.mark.parametrize("words", ["network fails", "page hangs", "browser crashes"])
def test_the_evidence_so_far_is_kept_in_the_transcript(run: tuple[Path, Outcome], words: str) -> None:
    ws, _ = run
    slug = words.replace(" ", "-")
    files = [p for p in (ws / "reports" / "transcripts").glob("*.json") if slug in p.name]
    assert len(files) == 1, sorted(p.name for p in (ws / "reports" / "transcripts").glob("*.json"))
    transcript = json.loads(files[0].read_text(encoding="utf-8"))
    statuses = [s["status"] for s in transcript["steps"]]
    assert statuses[:2] == ["passed", "passed"], statuses  # the persona and the home page were recorded
    assert "broken" in statuses, statuses
    assert any(s.get("screenshot") for s in transcript["steps"][:2])


def test_the_run_goes_on_after_a_crash(run: tuple[Path, Outcome]) -> None:
    ws, _ = run
    assert _one(_results(ws), "goes on after a crash")["status"] == "passed"


def test_a_pass_on_retry_is_one_test_marked_flaky(run: tuple[Path, Outcome]) -> None:
    ws, _ = run
    runs = [r for name, rs in _results(ws).items() if "only on retry" in name for r in rs]
    assert [r["status"] for r in runs] == ["failed", "passed"], [r["status"] for r in runs]
    assert len({r["historyId"] for r in runs}) == 1
    assert runs[-1]["statusDetails"].get("flaky") is True
    assert not runs[0].get("statusDetails", {}).get("flaky")


def test_every_wait_is_bounded(run: tuple[Path, Outcome]) -> None:
    """Judged on the transcripts' own step times, not on how long a loaded machine took for the whole run."""
    ws, _ = run
    steps = [(p.name, s["text"], s["ended_ms"] - s["started_ms"])
             for p in (ws / "reports" / "transcripts").glob("*.json")
             for s in json.loads(p.read_text(encoding="utf-8"))["steps"]]
    assert steps and max(took for _, _, took in steps) < HANG_S * 1000, max(steps, key=lambda s: s[2])
