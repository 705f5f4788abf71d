"""The audit's time budget stops its run cleanly: one line says so, what finished is reported, no traceback.

The budget's clock is injected (it reads "spent" once the first scenario's result is written), so the stop
lands inside the second scenario on any machine; that scenario's own step waits for it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from flask import Flask

from tests.sites import serve

pytestmark = [pytest.mark.e2e, pytest.mark.subprocess]
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
code, why = _run(settings, Path("features"), 100.0, "time is up after 5 minutes", clock=spent)
print(f"RESULT {code} {why}")
'''


def test_time_up_stops_the_run_at_a_step_with_one_line_and_keeps_what_finished(tmp_path: Path) -> None:
    app = Flask(__name__)
    app.get("/")(lambda: "<!doctype html><html lang=en><title>Home</title><h1>Welcome</h1></html>")
    (tmp_path / "features").mkdir()
    (tmp_path / "steps").mkdir()
    (tmp_path / "steps" / "budget.py").write_text(STEPS, encoding="utf-8")
    (tmp_path / "features" / "01-first.feature").write_text(SCENARIO.format(title="A first look", more=""))
    (tmp_path / "features" / "02-second.feature").write_text(
        SCENARIO.format(title="A longer look", more="    When the time budget runs out\n"))
    with serve(app) as url:
        (tmp_path / "pyproject.toml").write_text(f'[tool.empathy]\nbase_url = "{url}"\ntime_scale = 0.0\n')
        done = subprocess.run([sys.executable, "-c", RUN], cwd=tmp_path, capture_output=True, text=True,
                              env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=600)
    out = done.stdout + done.stderr
    assert "RESULT 130 time is up after 5 minutes" in out, out[-3000:]
    assert "Stopped: time is up after 5 minutes" in out, out[-3000:]  # pytest's one line, no location
    for noise in ("Traceback", "Exception ignored", "SystemError", "KeyboardInterrupt", "interrupted"):
        assert noise not in out, out[-3000:]
    results = [json.loads(p.read_text()) for p in (tmp_path / "reports" / "empathy").glob("*.json")]
    assert [r["scenario"] for r in results] == ["A first look"]  # the stopped one is not reported half done


SESSION_END = '''
import time

from harness.runner import interrupt


def pytest_sessionfinish(session):
    for _ in range(1200):  # every scenario has finished; the budget's stop comes within a poll of the result
        if interrupt.stopping():
            return
        time.sleep(0.05)
'''


def test_time_up_after_every_scenario_finished_stops_nothing_and_leaves_the_gate_its_say(tmp_path: Path) -> None:
    # the budget is spent after the last scenario is reported, before the run returns (pytest's session end waits
    # for the ask): no boundary is left to stop at, so nothing was stopped and the gate, not "time is up", decides
    app = Flask(__name__)
    app.get("/")(lambda: "<!doctype html><html lang=en><title>Home</title><h1>Welcome</h1></html>")
    (tmp_path / "features").mkdir()
    (tmp_path / "features" / "01-first.feature").write_text(SCENARIO.format(title="A first look", more=""))
    (tmp_path / "conftest.py").write_text(SESSION_END, encoding="utf-8")
    with serve(app) as url:
        (tmp_path / "pyproject.toml").write_text(f'[tool.empathy]\nbase_url = "{url}"\ntime_scale = 0.0\n')
        done = subprocess.run([sys.executable, "-c", RUN], cwd=tmp_path, capture_output=True, text=True,
                              env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=600)
    out = done.stdout + done.stderr
    assert "RESULT 0 \n" in out or "RESULT 1 \n" in out, out[-3000:]
    results = [json.loads(p.read_text()) for p in (tmp_path / "reports" / "empathy").glob("*.json")]
    assert [r["scenario"] for r in results] == ["A first look"]


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


def test_time_up_as_the_last_scenario_ends_stops_the_run_and_says_so(tmp_path: Path) -> None:
    # the budget is spent between the last step's close and the scenario's end: the scenario is not reported (its
    # end is not run), so the run must say it was stopped, not pass the gate on what is left
    app = Flask(__name__)
    app.get("/")(lambda: "<!doctype html><html lang=en><title>Home</title><h1>Welcome</h1></html>")
    (tmp_path / "features").mkdir()
    (tmp_path / "features" / "01-first.feature").write_text(SCENARIO.format(title="A first look", more=""))
    (tmp_path / "conftest.py").write_text(LAST_STEP_END, encoding="utf-8")
    run = RUN.replace('any((reports / "empathy").glob("*.json"))', 'Path("last-step-closed").exists()')
    with serve(app) as url:
        (tmp_path / "pyproject.toml").write_text(f'[tool.empathy]\nbase_url = "{url}"\ntime_scale = 0.0\n')
        done = subprocess.run([sys.executable, "-c", run], cwd=tmp_path, capture_output=True, text=True,
                              env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=600)
    out = done.stdout + done.stderr
    assert "RESULT 130 time is up after 5 minutes" in out, out[-3000:]
    assert "Traceback" not in out, out[-3000:]
    assert not list((tmp_path / "reports" / "empathy").glob("*.json"))
