"""A pre-flight stop in an xdist worker (the site down: checked where each worker opens its browser) stops the run
as it does in one process: one line, the stop's exit code, the last run's results kept (harness/runner/preflight.py).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from harness.exceptions import SiteError
from tests.reliability.conftest import empathy_env, finish, free_port, start_empathy, write_workspace

pytestmark = [pytest.mark.slow, pytest.mark.subprocess]  # two runs with two workers each, no browser

GOOD = 'Feature: Visit\n  Scenario: look around\n    Given I am an anxious customer\n    And I open the "home" page\n'
LAST_RUN = {"empathy/a.json": "{}", "allure-results/a-result.json": "{}", "transcripts/a.json": "{}",
            "empathy-summary.json": '{"scenarios": 1}'}


def _workspace(root: Path) -> Path:
    ws = write_workspace(root, {"a.feature": GOOD}, base_url=f"http://127.0.0.1:{free_port()}")
    for name, text in LAST_RUN.items():
        (ws / "reports" / name).parent.mkdir(parents=True, exist_ok=True)
        (ws / "reports" / name).write_text(text, encoding="utf-8")
    return ws


def test_a_site_down_stops_a_run_with_workers_cleanly(tmp_path: Path) -> None:
    # before: each worker's stop reached the controller as a crashed scenario: an INTERNALERROR traceback, exit 70,
    # the site's line lost, and the last run's results (set aside by `empathy run`) thrown away
    run_ws, pytest_ws = _workspace(tmp_path / "run"), _workspace(tmp_path / "pytest")
    plain = subprocess.Popen([sys.executable, "-m", "pytest", "features", "-n", "2", "--alluredir",
                              "reports/allure-results", "-p", "no:cacheprovider", "-q"], cwd=pytest_ws,
                             env=empathy_env(), text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    run = finish(start_empathy(run_ws, "run", "-n", "2"), timeout=400)
    by_pytest = finish(plain, timeout=400)
    for outcome in (run, by_pytest):
        assert outcome.code == SiteError.exit_code, outcome.text[-2500:]
        assert "INTERNALERROR" not in outcome.text and "Traceback" not in outcome.text, outcome.text[-2500:]
        assert "refused the connection" in outcome.text, outcome.text[-2500:]
    for name, text in LAST_RUN.items():
        assert (run_ws / "reports" / name).read_text(encoding="utf-8") == text, name
