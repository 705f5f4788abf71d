"""The suite's own order under `-n` (tests/conftest.py): costliest modules first, each module on one worker whole.

Why: with `-n 2` the suite ends when its slower worker does; the modules that take longest must start first, and
a module's shared set-up (a browser, a subprocess run several tests read) must not run once on each worker.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CONFTEST = (f"import sys\nsys.path.insert(0, {str(ROOT)!r})  # a subprocess's path lacks the repository\n"
            "from tests.conftest import pytest_collection_modifyitems, pytest_xdist_make_scheduler  # noqa: F401\n")
INI = "[pytest]\nmarkers =\n    slow: s\n    browser: b\n    subprocess: p\n    model: m\n    unit: u\n    e2e: e\n"
SEEN = """import os
import pytest

{mark}


@pytest.mark.parametrize("n", [*range({count} - 1), "net::ERR"])  # one id with "::", as in test_faults
def test_it(n):
    with open(os.path.join(os.path.dirname(__file__), "seen.txt"), "a") as f:
        f.write(f"{{__name__}} {{os.environ.get('PYTEST_XDIST_WORKER')}}\\n")
"""


def _project(pytester: pytest.Pytester) -> None:
    pytester.makeconftest(CONFTEST)
    pytester.makeini(INI)
    pytester.makepyfile(test_a_unit=SEEN.format(mark="", count=4),
                        test_b_browser=SEEN.format(mark="pytestmark = pytest.mark.browser", count=2),
                        test_c_slow=SEEN.format(mark="pytestmark = pytest.mark.slow", count=4),
                        test_d_model=SEEN.format(mark="pytestmark = pytest.mark.model", count=2))


def test_the_costliest_modules_come_first_each_module_whole(pytester: pytest.Pytester) -> None:
    _project(pytester)
    result = pytester.runpytest("--collect-only", "-q", "-p", "no:cacheprovider")
    modules = [line.split("::")[0] for line in result.outlines if "::" in line]
    assert modules == ["test_c_slow.py"] * 4 + ["test_b_browser.py"] * 2 + ["test_d_model.py"] * 2 + \
        ["test_a_unit.py"] * 4, result.outlines


@pytest.mark.subprocess
def test_under_two_workers_a_module_runs_on_one_worker(pytester: pytest.Pytester) -> None:
    _project(pytester)
    pytester.runpytest_subprocess("-n", "2", "-p", "no:cacheprovider").assert_outcomes(passed=12)
    workers: dict[str, set[str]] = {}
    for line in (pytester.path / "seen.txt").read_text(encoding="utf-8").splitlines():
        module, worker = line.split()
        workers.setdefault(module, set()).add(worker)
    assert all(len(seen) == 1 for seen in workers.values()), workers  # xdist's default split test_c_slow's four
    assert len(set().union(*workers.values())) == 2, workers  # and both workers had work
