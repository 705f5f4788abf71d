"""One result file per scenario (`reports/empathy/<uuid>.json`): what the summary and gate read.

One file per scenario, written when the scenario ends, works the same across xdist workers and CI
shards: merging runs is copying folders.
"""

from __future__ import annotations

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
    """Every scenario result under the given reports folders; unreadable files are skipped, not fatal."""
    out: list[ScenarioResult] = []
    for folder in folders:
        base = folder / RESULTS_FOLDER if (folder / RESULTS_FOLDER).is_dir() else folder
        for path in sorted(base.glob("*.json")):
            try:
                out.append(ScenarioResult.model_validate_json(path.read_text(encoding="utf-8")))
            except (OSError, ValidationError):
                continue
    return out
