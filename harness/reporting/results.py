"""One result file per scenario (`reports/empathy/<uuid>.json`): what the summary and gate read.

One file per scenario, written when the scenario ends, works the same across xdist workers and CI
shards: merging runs is copying folders.
"""

from __future__ import annotations

import json
import sys
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
    part = folder / f".{result.uuid}.json.part"  # whole or not at all: a run killed mid-write leaves no piece
    try:
        part.write_text(result.model_dump_json(indent=2), encoding="utf-8")
        part.replace(path)
    finally:
        part.unlink(missing_ok=True)
    return path


def any_written(reports_dir: Path) -> bool:
    """A scenario wrote its result there (with xdist workers, a run a pre-flight stop cut short may have finished some:
    they are this run's results, not to be replaced by the last run's)."""
    return any((reports_dir / RESULTS_FOLDER).glob("*.json"))


def read_results(folders: list[Path]) -> list[ScenarioResult]:
    """Every scenario result under the given reports folders; an unreadable one is skipped, not fatal, and named on
    stderr with why (once a process): a summary or report that leaves a scenario out says which.

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
            except ValidationError as exc:
                first = exc.errors()[0]
                where = ".".join(str(x) for x in first["loc"])
                _skipped(path, f"not a result this version reads ({where}: {first['msg']}); it was written by "
                               "another version of the harness: run the suites again with this one")
            except (OSError, ValueError) as exc:
                why = "not whole JSON (cut short while it was written?)" if isinstance(exc, ValueError) else str(exc)
                _skipped(path, f"{why}; run the suites again to write it anew")
    return out


_TOLD: set[Path] = set()  # the files already named as skipped in this process (a report reads them three times)


def _skipped(path: Path, why: str) -> None:
    if path not in _TOLD:
        _TOLD.add(path)
        print(f"empathy: skipped the scenario result {path}: {why}", file=sys.stderr)
