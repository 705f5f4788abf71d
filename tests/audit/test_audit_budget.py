"""The audit's time budget stops its run cleanly: one line says so, what finished is reported, no traceback.

The budget's clock is injected (it reads "spent" once the first scenario's result is written), so the stop
lands inside the second scenario on any machine; that scenario's own step waits for it. The four audits start
together (`audits`), one test reading each.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from flask import Flask

from tests.sites import serve

pytestmark = [pytest.mark.e2e, pytest.mark.subprocess, pytest.mark.slow]
ROOT = Path(__file__).resolve().parents[2]

STEPS = '''
import time

from pytest_bdd import when

from harness.runner import interrupt


@when("the time budget runs out")
def _budget_runs_out():
    for _ in range(1200):  # the budget's stop comes within a poll of the first result; a minute at most
        if interrupt.stopping():
            return
        time.sleep(0.05)
'''

SCENARIO = """Feature: {title}
  Scenario: {title}
    Given I am "anxious"
    And I open "/"
{more}    Then I should see "Welcome"
"""

RUN = '''
import sys
from pathlib import Path

from harness.audit.run import _run
from harness.config import load_settings

settings = load_settings()
reports = settings.path("reports_dir")
spent = lambda: 1e9 if any((reports / "empathy").glob("*.json")) else 0.0  # spent once a scenario is reported
code, why = _run(settings, Path("features"), 1000.0, "time is up after 5 minutes", clock=spent)  # past any margin
print(f"RESULT {code} {why}")
'''

Case = tuple[str, list[str]]  # what an audit printed, the scenarios it reported


def _audit(tmp_path: Path, features: dict[str, str], *, conftest: str = "", steps: str = "",
           spent_when: str = 'any((reports / "empathy").glob("*.json"))') -> Case:
    """Run the audit's `_run` on `features` (file name -> text) against a one-page site, its budget spent once
    `spent_when` holds: (what it printed, the scenarios reported)."""
    app = Flask(__name__)
    app.get("/")(lambda: "<!doctype html><html lang=en><title>Home</title><h1>Welcome</h1></html>")
    (tmp_path / "features").mkdir()
    for name, text in features.items():
        (tmp_path / "features" / name).write_text(text, encoding="utf-8")
    if steps:
        (tmp_path / "steps").mkdir()
        (tmp_path / "steps" / "budget.py").write_text(steps, encoding="utf-8")
    if conftest:
        (tmp_path / "conftest.py").write_text(conftest, encoding="utf-8")
    run = RUN.replace('any((reports / "empathy").glob("*.json"))', spent_when)
    with serve(app) as url:
        (tmp_path / "pyproject.toml").write_text(f'[tool.empathy]\nbase_url = "{url}"\ntime_scale = 0.0\n')
        done = subprocess.run([sys.executable, "-c", run], cwd=tmp_path, capture_output=True, text=True,
                              env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=600)
    results = [json.loads(p.read_text()) for p in (tmp_path / "reports" / "empathy").glob("*.json")]
    return done.stdout + done.stderr, [r["scenario"] for r in results]


FIRST = {"01-first.feature": SCENARIO.format(title="A first look", more="")}


@pytest.fixture(scope="module")
def audits(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Case]:
    """The module's four audits, started together: each has its own folder, site and clock, and mostly waits (on
    its browser, and on the budget's watch), so side by side they take little more than the longest."""
    cases: dict[str, Callable[[Path], Case]] = {
        "at a step": lambda tmp: _audit(tmp, {**FIRST, "02-second.feature": SCENARIO.format(
            title="A longer look", more="    When the time budget runs out\n")}, steps=STEPS),
        "between scenarios": lambda tmp: _audit(tmp, {"01-first.feature": SCENARIO.format(
            title="A first look", more="    When the budget holds no other scenario\n"),
            "02-second.feature": SCENARIO.format(title="A second look", more="")}, steps=BETWEEN, spent_when="False"),
        "after the last": lambda tmp: _audit(tmp, FIRST, conftest=SESSION_END),
        "as the last ends": lambda tmp: _audit(tmp, FIRST, conftest=LAST_STEP_END,
                                               spent_when='Path("last-step-closed").exists()'),
    }
    with ThreadPoolExecutor(len(cases)) as pool:
        ran = {name: pool.submit(case, tmp_path_factory.mktemp("audit")) for name, case in cases.items()}
        return {name: future.result() for name, future in ran.items()}


def test_time_up_stops_the_run_at_a_step_with_one_line_and_keeps_what_finished(audits: dict[str, Case]) -> None:
    out, reported = audits["at a step"]
    assert "RESULT 130 time is up after 5 minutes" in out, out[-3000:]
    assert "Stopped: time is up after 5 minutes" in out, out[-3000:]  # pytest's one line, no location
    for noise in ("Traceback", "Exception ignored", "SystemError", "KeyboardInterrupt", "interrupted"):
        assert noise not in out, out[-3000:]
    assert reported == ["A first look"]  # the stopped one is not reported half done


SESSION_END = '''
import time

from harness.runner import interrupt


def pytest_sessionfinish(session):
    for _ in range(1200):  # every scenario has finished; the budget's stop comes within a poll of the result
        if interrupt.stopping():
            return
        time.sleep(0.05)
'''


BETWEEN = '''
from pytest_bdd import when

from harness.runner import interrupt


@when("the budget holds no other scenario")
def _no_other():
    interrupt.ask_to_stop("time is up after 5 minutes", between_scenarios=True)
'''


def test_a_stop_between_scenarios_lets_the_one_under_way_end_and_begins_no_other(audits: dict[str, Case]) -> None:
    out, reported = audits["between scenarios"]
    assert "RESULT 130" in out and "Stopped: time is up after 5 minutes" in out, out[-3000:]
    assert "Traceback" not in out, out[-3000:]
    assert reported == ["A first look"]  # reported whole, after the ask; the second never began


def test_time_up_after_every_scenario_finished_stops_nothing_and_leaves_the_gate_its_say(
        audits: dict[str, Case]) -> None:
    # the budget is spent after the last scenario is reported, before the run returns (pytest's session end waits
    # for the ask): no boundary is left to stop at, so nothing was stopped and the gate, not "time is up", decides
    out, reported = audits["after the last"]
    assert "RESULT 0 \n" in out or "RESULT 1 \n" in out, out[-3000:]
    assert reported == ["A first look"]


LAST_STEP_END = '''
import time
from pathlib import Path

from harness.runner import interrupt


def pytest_bdd_after_step(scenario, step):
    if step is scenario.steps[-1]:  # after the harness closed the last step, before the scenario ends
        Path("last-step-closed").touch()
        for _ in range(1200):
            if interrupt.stopping():
                return
            time.sleep(0.05)
'''


def test_time_up_as_the_last_scenario_ends_stops_the_run_and_says_so(audits: dict[str, Case]) -> None:
    # the budget is spent between the last step's close and the scenario's end: the scenario is not reported (its
    # end is not run), so the run must say it was stopped, not pass the gate on what is left
    out, reported = audits["as the last ends"]
    assert "RESULT 130 time is up after 5 minutes" in out, out[-3000:]
    assert "Traceback" not in out, out[-3000:]
    assert reported == []


def test_the_wind_down_grows_with_the_machine_s_load() -> None:
    from harness.audit.run import MAX_MARGIN_S, STEP_S, WIND_DOWN_S, stop_margin, wind_down

    assert wind_down(0.4, 2) == wind_down(2.0, 2) == WIND_DOWN_S  # one task a core or fewer
    assert wind_down(30.0, 2) >= 41.0  # I Hate Money's summary and report after its last scenario at load 30
    assert wind_down(26.0, 2) < wind_down(45.0, 2) < MAX_MARGIN_S == stop_margin(500.0, 2)
    assert stop_margin(30.0, 2) == wind_down(30.0, 2) + STEP_S  # and the step under way
    assert wind_down(4.0, 0) > WIND_DOWN_S  # no core count: counted as one


def test_the_run_begins_no_scenario_that_would_end_inside_the_wind_down() -> None:
    from harness.audit.run import STEP_S, budget_stop

    wind, pace = 60.0, 10.0
    assert budget_stop(100.0, wind, pace, 3.0) == ""  # one more scenario of 10 s ends 30 s before the wind-down
    assert budget_stop(69.0, wind, pace, 3.0) == "scenario"  # the one under way ends and is reported; no other
    assert budget_stop(wind + 8, wind, pace, 3.0) == "scenario"  # still in its pace: it is let end
    assert budget_stop(wind + 8, wind, pace, 12.0) == "step"  # it outran the pace: stopped at a step
    assert budget_stop(wind, wind, pace, 1.0) == "step"  # only the wind-down left: whatever is under way
    assert budget_stop(100.0, wind, 0.0, 30.0) == ""  # the first scenario (no pace yet) is not stopped early
    assert budget_stop(wind + STEP_S, wind, 0.0, 30.0) == "step"
    # the old rule stopped every run 4 s a task beyond one a core (91 s at load 30) before the end, whatever was
    # under way: I Hate Money's last 50 s were idle; now a run with 10 s scenarios goes on to 70 s before the end
    assert budget_stop(75.0, wind, pace, 9.0) == ""


def test_the_scout_and_the_run_share_what_the_stop_margin_leaves() -> None:
    from harness.audit.run import MAX_MARGIN_S, SCOUT_SHARE, scout_until, stop_margin

    for load in (0.5, 30.0, 88.0):  # a quiet CI machine, this one on a busy day, the worst measured
        margin = stop_margin(load, 2)
        scout = scout_until(0.0, 300.0, margin)
        run = 300.0 - margin - scout
        assert run == pytest.approx((1 - SCOUT_SHARE) / SCOUT_SHARE * scout)  # the same split whatever the load
        assert run >= 0.6 * (300.0 - MAX_MARGIN_S)  # the run keeps its share even under the widest margin
    assert scout_until(100.0, 300.0, 35.0) == pytest.approx(100.0 + SCOUT_SHARE * 165.0)  # of what is left from now
    assert scout_until(290.0, 300.0, 35.0) == 290.0  # nothing left: the scout stops at once
