"""Retries in Allure: a scenario re-run by `--reruns` is one test with retries, and a pass on retry is flaky.

Why here: allure-pytest-bdd writes one result file per attempt with the same historyId (so Allure
already shows attempts as retries of one test), but it never sets `statusDetails.flaky`. After the
run, the last attempt of every test that failed before it passed is marked flaky, so the report
and anyone reading the results can tell "fixed itself" from "always green".
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

BAD = ("failed", "broken")


def _read(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def mark_flaky(alluredir: Path) -> int:
    """Mark the final passing attempt of every retried-then-passed test as flaky; returns how many."""
    attempts: dict[str, list[tuple[int, Path, dict[str, Any]]]] = {}
    for path in alluredir.glob("*-result.json"):
        data = _read(path)
        if data is None or not data.get("historyId"):
            continue
        attempts.setdefault(str(data["historyId"]), []).append((int(data.get("start") or 0), path, data))
    marked = 0
    for runs in attempts.values():
        if len(runs) < 2:
            continue
        runs.sort(key=lambda r: r[0])
        _, path, last = runs[-1]
        if last.get("status") == "passed" and any(r[2].get("status") in BAD for r in runs[:-1]):
            details = last.setdefault("statusDetails", {}) or {}
            if details.get("flaky") is True:
                continue
            details["flaky"] = True
            last["statusDetails"] = details
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(json.dumps(last), encoding="utf-8")
            tmp.replace(path)
            marked += 1
    return marked
