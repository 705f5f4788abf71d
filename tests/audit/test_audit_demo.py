"""`empathy audit` on the demo portal with no feature file: the defects its probes reach, and a replay.

A new customer's workspace: no features, no pages, no details: only the portal's address. The claim
flow's defects that probing reaches are switched on over the warm portal; `--submit` because the demo
is a staging site. The written features then replay through `empathy run` with the same findings, for the same
people: an audit makes up new ones each run (a fresh `identity`) and a replay uses the seed alone, so both name one
identity (`EMPATHY_IDENTITY`), as the README tells a user who replays. Without it the replay's names, e-mails and
seeded habits differed from the audit's, and one journey's findings with them (seen at load 40: a repeated prompt
in the back-and-reload journey found by the audit only). The replay walks two of the audit's seven scenarios
(`REPLAYED`, by `-k` as a user re-runs one), between them every rule asserted here: the wrong date and that
back-and-reload journey; all seven repeated one proof (a written scenario replays alike) in 45% of the test's
time. The claim's sending takes 1 s, not 3 s: no rule asserted here is about the wait.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from harness.demo.server import DemoServer
from harness.reporting.results import read_results
from tests.reliability.conftest import demo_details

pytestmark = [pytest.mark.e2e, pytest.mark.subprocess, pytest.mark.slow]
ROOT = Path(__file__).resolve().parents[2]
EMPATHY = [sys.executable, "-c", "from harness.cli import main; main()"]
REACHED = ("cold-validation", "error-clears-fields", "back-clears-step1", "repeat-email")
QUICK = """name: anxious-quick
extends: anxious
description: The anxious persona reading, typing and thinking fast.
pace: {reading_wpm: 1000, typing_delay_ms: 5, think_time_ms: 50}
patience: {silence_ms: 45000}
"""
REACHED_RULES = {("cold-copy", "/claims/new"),  # "Invalid input" after sending the form empty
                 ("lost-context", "/claims/new"),  # answers cleared by an error, and by going back
                 ("repeated-prompt", "/claims/new/3")}  # the e-mail asked again at step 3
REPLAYED = {"wrong_date": "gives a wrong date", "goes_back_to_check": "goes back to check"}


def _empathy(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "EMPATHY_IDENTITY": "audit-demo"}
    return subprocess.run([*EMPATHY, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


def _found(reports: Path) -> set[tuple[str, str, str, str]]:
    return {(f.rule, urlsplit(f.url).path, f.scenario, f.step_text)
            for r in read_results([reports]) for f in r.findings if f.failed and f.rule != "missing-reassurance"}


def test_the_audit_reaches_the_claim_flows_defects_and_its_features_replay(tmp_path: Path) -> None:
    details = "".join(f"{key} = {names!r}\n" for key, names in demo_details().items())  # the demo's words
    (tmp_path / "pyproject.toml").write_text(f"[tool.empathy]\nseed = 5\n\n[tool.empathy.details]\n{details}",
                                             encoding="utf-8")
    # the anxious persona at a test's pace, its habits unchanged; it waits out any silence a loaded machine makes (with
    # 3 s it may reload in one run and not the other, as test_trace's did at load 45)
    (tmp_path / "personas").mkdir()
    (tmp_path / "personas" / "anxious-quick.yaml").write_text(QUICK, encoding="utf-8")
    with DemoServer("warm", ",".join(REACHED), submit_delay=1.0) as server:
        audit = _empathy(["audit", f"{server.url}/claims/new", "--pages", "1", "--personas", "anxious-quick",
                          "--minutes", "15", "--submit"], tmp_path)
        reports = tmp_path / "reports" / "audit"
        found = _found(reports)
        written = sorted((reports / "features").glob("*.feature"))
        replay = _empathy(["run", *map(str, written), "--base-url", server.url, "--seed", "5",
                           "-k", " or ".join(REPLAYED)], tmp_path)
    assert audit.returncode == 1, audit.stdout[-3000:] + audit.stderr[-3000:]
    assert (reports / "allure-report" / "index.html").is_file()  # the same report as a written suite's
    assert {(rule, path) for rule, path, _, _ in found} >= REACHED_RULES
    assert replay.returncode == 1, replay.stdout[-3000:]
    replayed = {f for f in found if any(words in f[2] for words in REPLAYED.values())}
    assert {(rule, path) for rule, path, _, _ in replayed} >= REACHED_RULES
    assert _found(tmp_path / "reports") == replayed
