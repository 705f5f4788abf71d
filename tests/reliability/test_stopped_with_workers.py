"""A pre-flight stop in an xdist worker (the site down: checked where each worker opens its browser) stops the run
as it does in one process: one line, the stop's exit code, the last run's results kept; and a stop belongs to its own
run, not to the process it ran in (harness/runner/preflight.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from harness.exceptions import SiteError
from tests.reliability.conftest import empathy_env, finish, start_empathy, write_workspace
from tests.sites import free_port

pytestmark = [pytest.mark.slow, pytest.mark.subprocess]  # runs with two workers each, no browser

GOOD = 'Feature: Visit\n  Scenario: look around\n    Given I am an anxious customer\n    And I open the "home" page\n'
LAST_RUN = {"empathy/a.json": "{}", "allure-results/a-result.json": "{}", "transcripts/a.json": "{}",
            "empathy-summary.json": '{"scenarios": 1}'}

# a test suite of the user's own whose one test runs a journey run in-process (pytester), which its pre-flight stops
NESTED = '''
pytest_plugins = ["pytester"]


def test_a_journey_run_inside_is_stopped_by_its_preflight(pytester):
    pytester.makefile(".toml", pyproject='[tool.empathy]\\nfeatures_dir = "features"\\nreports_dir = "reports"\\n')
    (pytester.path / "features").mkdir()
    (pytester.path / "drafts").mkdir()
    (pytester.path / "drafts" / "a.feature").write_text("Feature: A\\n  Scenario: B\\n    Given a step\\n")
    result = pytester.runpytest_inprocess("-p", "no:cacheprovider", "--alluredir", "allure", "drafts")
    assert result.ret == 5


def test_another():
    pass
'''


def _workspace(root: Path) -> Path:
    ws = write_workspace(root, {"a.feature": GOOD}, base_url=f"http://127.0.0.1:{free_port()}")
    for name, text in LAST_RUN.items():
        (ws / "reports" / name).parent.mkdir(parents=True, exist_ok=True)
        (ws / "reports" / name).write_text(text, encoding="utf-8")
    return ws


def _pytest(cwd: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "pytest", *args, "-n", "2", "-p", "no:cacheprovider", "-q"],
                            cwd=cwd, env=empathy_env(), text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_a_site_down_stops_a_run_with_workers_cleanly(tmp_path: Path) -> None:
    # before: each worker's stop reached the controller as a crashed scenario: an INTERNALERROR traceback, exit 70,
    # the site's line lost, and the last run's results (set aside by `empathy run`) thrown away
    run_ws, pytest_ws = _workspace(tmp_path / "run"), _workspace(tmp_path / "pytest")
    plain = _pytest(pytest_ws, "features", "--alluredir", "reports/allure-results")
    run = finish(start_empathy(run_ws, "run", "-n", "2"), timeout=400)
    by_pytest = finish(plain, timeout=400)
    for outcome in (run, by_pytest):
        assert outcome.code == SiteError.exit_code, outcome.text[-2500:]
        assert "INTERNALERROR" not in outcome.text and "Traceback" not in outcome.text, outcome.text[-2500:]
        assert "refused the connection" in outcome.text, outcome.text[-2500:]
    for name, text in LAST_RUN.items():
        assert (run_ws / "reports" / name).read_text(encoding="utf-8") == text, name


def test_a_stop_in_a_run_inside_a_test_does_not_stop_the_suite_around_it(tmp_path: Path) -> None:
    # before (the stop kept in a module global): the in-process run's stop stayed set in the worker that ran it, the
    # worker told its controller to stop at the end, and a suite whose every test passed exited 5
    (tmp_path / "test_nested.py").write_text(NESTED, encoding="utf-8")
    outcome = finish(_pytest(tmp_path, "test_nested.py"), timeout=400)
    assert outcome.code == 0, outcome.text[-2500:]
    assert "2 passed" in outcome.out and "Interrupted" not in outcome.text, outcome.text[-2500:]
