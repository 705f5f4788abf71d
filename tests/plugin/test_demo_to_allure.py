"""One real journey end to end: the bundled claim feature, against the served demo portal, into Allure.

Runs the project's own `features/claim.feature` (two personas of its Scenario Outline) through
pytest with `--alluredir`, then reads the Allure result files: the Gherkin steps are there in
order, every step with a finding or a failure has its screenshot (and only those: `screenshots =
"on-finding"`), and the persona is a label. `fail_on never` keeps the
checks' verdict out of this test (it is about the pipeline; the checks have their own tests), so
every step runs and the journey must reach the confirmation page.
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
PERSONAS = ("anxious", "hurried")
OUTLINE = "test_a_persona_customer_makes_a_claim_for_a_water_leak"


def _steps(result: dict) -> list[dict]:
    return list(result.get("steps", []))


@pytest.fixture(scope="module")
def allure_results(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    from harness.demo.server import DemoServer

    out = tmp_path_factory.mktemp("demo-run")
    env = {**os.environ, "EMPATHY_DEMO_PASSWORD": os.environ.get("EMPATHY_DEMO_PASSWORD", "a-test-only-Secret-9"),
           "EMPATHY_CACHE_DIR": str(out / "cache"), "CI": "1"}
    with DemoServer("warm", port=0, submit_delay=1.2) as server:
        run = subprocess.run(
            [sys.executable, "-m", "pytest", *[f"features/claim.feature::{OUTLINE}[{p}]" for p in PERSONAS],
             "-p", "no:cacheprovider", "--empathy-base-url", server.url, "--empathy-fail-on", "never",
             "--empathy-reports", str(out / "reports"), "--alluredir", str(out / "allure-results")],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    return out / "allure-results", run


def test_the_claim_journey_passes_on_the_warm_portal(allure_results: tuple[Path, subprocess.CompletedProcess[str]]
                                                      ) -> None:
    _, run = allure_results
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    assert f"{len(PERSONAS)} passed" in run.stdout


def test_allure_results_carry_steps_screenshots_and_persona(
        allure_results: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    folder, run = allure_results
    results = [json.loads(p.read_text(encoding="utf-8")) for p in folder.glob("*-result.json")]
    assert sorted(label["value"] for r in results for label in r["labels"] if label["name"] == "persona") == \
        sorted(PERSONAS), run.stdout[-2000:]
    feature = (ROOT / "features" / "claim.feature").read_text(encoding="utf-8")
    for result in results:
        steps = _steps(result)
        names = [s["name"] for s in steps]
        assert names[0].startswith("Given I am \"") and "Then I should be on the \"confirmation\" page" in names
        for step in steps:
            assert step["name"].split(" ", 1)[1].split('"')[0] in feature
            shots = [a for a in step.get("attachments", []) if a.get("type") == "image/jpg"]  # allure's JPG
            found = [a for a in step.get("attachments", []) if a["name"].startswith("findings")]
            if found or step["status"] != "passed":  # a step with something to show carries its picture
                assert shots, f"no screenshot on step {step['name']!r}"
                assert (folder / shots[0]["source"]).stat().st_size > 1000
            else:  # screenshots = "on-finding" (the default): nothing to show, no picture taken
                assert not shots, step["name"]
    pictures = list((folder.parent / "reports" / "screenshots").glob("*.jpg"))
    assert len(pictures) == sum(1 for r in results for s in _steps(r)
                                if any(a["name"].startswith("findings") for a in s.get("attachments", []))
                                or s["status"] != "passed")

