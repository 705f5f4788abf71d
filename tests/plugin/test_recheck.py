"""A saved transcript is enough: `empathy check transcript.json` reproduces the run's findings, friction included.

Why: the recorder writes down what happened (clicks, the page's answers, submits, waits); the checks
decide. If a verdict were made while recording, re-checking a saved journey would lose it. This runs
a real journey on the demo portal with its dead "Download" button switched on, then re-checks the
transcript it saved with the command a user would type, and compares finding for finding.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
SCENARIO = "test_an_anxious_customer_keeps_a_copy_of_the_claim"


def _key(f: dict) -> tuple:
    return f["rule"], f["outcome"], f["impact"], f["step"], f["message"]


def _check(transcript: Path, env: dict[str, str]) -> list[tuple]:
    """`empathy check transcript.json --format json`, as a user types it, in the transcript's folder tree."""
    empathy = Path(sys.executable).with_name("empathy")
    done = subprocess.run([str(empathy), "check", str(transcript), "--format", "json"], cwd=transcript.parent,
                          env={**env, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True, timeout=300)
    assert done.returncode in (0, 1), done.stderr[-2000:]
    return sorted(_key(f) for f in json.loads(done.stdout)["findings"])


def test_rechecking_a_saved_transcript_gives_the_runs_findings(tmp_path: Path) -> None:
    from harness.demo.server import DemoServer
    from harness.reporting.results import read_results

    reports = tmp_path / "reports"
    env = {**os.environ, "EMPATHY_DEMO_PASSWORD": os.environ.get("EMPATHY_DEMO_PASSWORD", "a-test-only-Secret-9"),
           "EMPATHY_CACHE_DIR": str(tmp_path / "cache"), "CI": "1", "HF_HUB_OFFLINE": "1"}
    # the submit takes 3 s, so the dead click comes well after the persona's last choice (friction's
    # habit_window_ms, 2.5 s, leaves a click that soon after a choice alone); a slower machine only widens it
    with DemoServer("warm", ["dead-button"], port=0, submit_delay=3.0) as server:
        run = subprocess.run(
            [sys.executable, "-m", "pytest", f"features/claim.feature::{SCENARIO}", "-p", "no:cacheprovider",
             "--empathy-base-url", server.url, "--empathy-fail-on", "never", "--empathy-reports", str(reports)],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    (result,) = read_results([reports])
    ran = sorted(_key(f.model_dump(mode="json")) for f in result.findings)
    dead = [k for k in ran if k[0] == "friction" and "did nothing visible" in k[4]]
    assert dead, ran  # the dead button, judged from the recorded clicks

    (saved,) = (reports / "transcripts").glob("*.json")
    assert _check(saved, env) == ran

    # the check decides, so a project's threshold re-judges the saved clicks: a click is dead only after
    # 5 s now, and the recorder watched it for 2 s, so it is no longer judged dead (and missing-reassurance
    # may now ask about the silence after it instead)
    (tmp_path / "pyproject.toml").write_text('[tool.empathy.thresholds]\n"friction.dead_click_ms" = 5000\n',
                                             encoding="utf-8")
    friction = [k for k in _check(saved, env) if k[0] == "friction"]
    assert friction == [k for k in ran if k[0] == "friction" and k not in dead]
