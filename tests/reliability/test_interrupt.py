"""An interrupted run (Ctrl-C, or SIGTERM from CI) stops promptly in every phase, exits 130 with no
traceback, leaves no browser, driver or generator running, and keeps what was written.

Each phase is reached by what a real `empathy` process does (`tests/reliability/phases.py`), then the
signal goes to that process alone. What proves the stop prompt is an order of events, not a time a
fast machine keeps: it came before the hanging page's wait would have timed out (a run that ignored
the signal is freed only then, and a hanging page or persona wait lasts 150 s).
`bench/interrupt_latency.py` measures the stop time itself (5 s target).
Set EMPATHY_INTERRUPT_REPEATS=5 to run every phase five times.
"""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import pytest

from tests.reliability import phases
from tests.reliability.conftest import finish, start_empathy

pytestmark = pytest.mark.e2e

REPEATS = int(os.environ.get("EMPATHY_INTERRUPT_REPEATS", "1"))
NODE_MODULES = Path(__file__).resolve().parents[2] / "node_modules"
CASES = [(phase, sig) for i, phase in enumerate(phases.PHASES)
         for sig in ((signal.SIGINT, signal.SIGTERM) if phase == "page load" else
                     ((signal.SIGINT,) if i % 2 == 0 else (signal.SIGTERM,)))]


@pytest.fixture(scope="module")
def stopped_in_a_page_load(tmp_path_factory: pytest.TempPathFactory) -> phases.Stopped:
    """One run stopped by SIGTERM while its second scenario's page loads, read by that phase's case below and by the
    test of what it kept (each ran its own before: the same run twice)."""
    return phases.page_load(tmp_path_factory.mktemp("page-load"), signal.SIGTERM)


@pytest.mark.parametrize("repeat", range(REPEATS))
@pytest.mark.parametrize(("phase", "sig"), CASES, ids=[f"{p}-{signal.Signals(s).name}" for p, s in CASES])
def test_a_signal_stops_the_command_with_130_leaving_nothing_running(phase: str, sig: int, repeat: int,
                                                                     tmp_path: Path,
                                                                     request: pytest.FixtureRequest) -> None:
    if phase == "report" and not NODE_MODULES.is_dir():
        pytest.skip("the pinned Allure generator is not installed (npm ci)")
    extra = {"node_modules": NODE_MODULES} if phase == "report" else {}
    if (phase, sig, repeat) == ("page load", signal.SIGTERM, 0):
        stopped = request.getfixturevalue("stopped_in_a_page_load")
    else:
        stopped = phases.DRIVERS[phase](tmp_path, sig, **extra)
    out = stopped.outcome
    assert out.code == 130, out.text[-3000:]
    assert stopped.took < phases.ACTION_TIMEOUT_S, f"took {stopped.took:.0f} s: it waited for the page's timeout"
    assert "Traceback" not in out.err, out.err[-3000:]
    assert not stopped.left, [Path(f"/proc/{p}/cmdline").read_bytes()[:120] for p in stopped.left]


def test_what_finished_before_the_stop_is_kept_and_a_report_builds(stopped_in_a_page_load: phases.Stopped) -> None:
    ws = stopped_in_a_page_load.workspace
    reports = ws / "reports"
    results = [json.loads(p.read_text(encoding="utf-8")) for p in (reports / "allure-results").glob("*-result.json")]
    assert any(r["name"].startswith("a first visit") and r["status"] == "passed" for r in results), results
    transcripts = [p.name for p in (reports / "transcripts").glob("*.json")]
    assert any("a-first-visit" in name for name in transcripts), transcripts
    if not NODE_MODULES.is_dir():
        pytest.skip("the pinned Allure generator is not installed (npm ci)")
    (ws / "node_modules").symlink_to(NODE_MODULES)
    report = finish(start_empathy(ws, "report", "--no-gate"), timeout=300)
    assert report.code == 0, report.text[-3000:]
    assert (reports / "allure-report" / "index.html").is_file()
