"""Baselines: adopt the harness on an existing site and fail only on new findings, as linters do."""

from __future__ import annotations

import json
from pathlib import Path

from harness.exceptions import ConfigError
from harness.reporting.results import ScenarioResult

BASELINE_VERSION = 1


def load_baseline(path: Path) -> tuple[set[str], float | None]:
    """The known finding keys and the score recorded in a baseline file (empty when there is none)."""
    if not path.is_file():
        return set(), None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return set(data.get("findings", [])), data.get("score")
    except (OSError, json.JSONDecodeError, AttributeError) as exc:
        raise ConfigError(f"{path}: not a baseline file ({exc})",
                          hint="write one with `empathy baseline` or remove the `baseline` setting") from None


def write_baseline(path: Path, results: list[ScenarioResult], score: float | None) -> int:
    """Record every failed finding of these results as known; returns how many."""
    keys = sorted({f.key() for r in results for f in r.findings if f.failed})
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"version": BASELINE_VERSION, "score": score, "findings": keys}, indent=2) + "\n",
                    encoding="utf-8")
    return len(keys)
