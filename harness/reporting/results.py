"""One result file per scenario (`reports/empathy/<uuid>.json`): what the summary and gate read.

One file per scenario, written when the scenario ends, works the same across xdist workers and CI
shards: merging runs is copying folders.
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path

from pydantic import BaseModel, Field, ValidationError

from harness.findings import Finding

RESULTS_FOLDER = "empathy"


class ScenarioResult(BaseModel):
    """The empathy verdict on one scenario run by one persona."""

    uuid: str = Field(default_factory=lambda: uuid.uuid4().hex)
    feature: str = ""
    scenario: str = ""
    journey: str = ""
    persona: str = ""
    seed: int = 0
    variant: str = ""
    base_url: str = ""
    score: float = 100.0
    strains: list[float] = Field(default_factory=list)
    peak: int | None = None
    steps: list[str] = Field(default_factory=list)
    screenshots: list[str | None] = Field(default_factory=list)  # per step, relative to the reports folder
    findings: list[Finding] = Field(default_factory=list)
    blocking: list[str] = Field(default_factory=list)  # keys of the findings that fail the gate
    transcript: str = ""  # path relative to the reports folder


def write_result(result: ScenarioResult, reports_dir: Path) -> Path:
    """Write one scenario's result file and return its path."""
    folder = reports_dir / RESULTS_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{result.uuid}.json"
    path.write_text(result.model_dump_json(indent=2), encoding="utf-8")
    return path


def read_results(folders: list[Path]) -> list[ScenarioResult]:
    """Every scenario result under the given reports folders; unreadable files are skipped, not fatal.

    Only what `write_result` wrote (it names its `uuid`): every field has a default, so any other JSON object beside
    them (the last run's empathy-summary.json, in a reports folder whose results folder a run cleaned away) would
    read as a scenario that passed."""
    out: list[ScenarioResult] = []
    for folder in folders:
        base = folder / RESULTS_FOLDER if (folder / RESULTS_FOLDER).is_dir() else folder
        for path in sorted(base.glob("*.json")):
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                if isinstance(data, dict) and "uuid" in data:
                    out.append(ScenarioResult.model_validate(data))
            except (OSError, ValueError, ValidationError):
                continue
    return out
