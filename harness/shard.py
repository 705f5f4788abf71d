"""Sharding across CI machines: `--shard K/N` runs a deterministic, balanced slice of the scenarios.

With a durations file (`reports/durations.json`, written by every run) the split balances recorded
time (longest first, each to the lightest shard); without one it balances the count. The same
inputs always give the same split, so N machines together run every scenario exactly once.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from harness.exceptions import ConfigError

DURATIONS_FILE = "durations.json"
_SHARD = re.compile(r"^\s*(\d+)\s*/\s*(\d+)\s*$")


def parse_shard(text: str) -> tuple[int, int]:
    """'2/4' -> (2, 4); anything else is a ConfigError naming the option."""
    match = _SHARD.match(text or "")
    if not match or not 1 <= int(match[1]) <= int(match[2]):
        raise ConfigError(f"--shard {text!r} is not K/N with 1 <= K <= N", hint="for example --shard 2/4")
    return int(match[1]), int(match[2])


def split(nodeids: list[str], shards: int, durations: dict[str, float] | None = None) -> list[list[str]]:
    """Assign every node id to exactly one of `shards` buckets, balancing recorded durations."""
    known = durations or {}
    default = (sum(known.values()) / len(known)) if known else 1.0
    order = sorted(nodeids, key=lambda n: (-known.get(n, default), n))
    buckets: list[list[str]] = [[] for _ in range(shards)]
    load = [0.0] * shards
    for nodeid in order:
        lightest = min(range(shards), key=lambda i: (load[i], len(buckets[i]), i))
        buckets[lightest].append(nodeid)
        load[lightest] += known.get(nodeid, default)
    return buckets


def read_durations(path: Path) -> dict[str, float]:
    """Recorded durations by node id; a missing or unreadable file means none."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {str(k): float(v) for k, v in data.items()}
    except (OSError, ValueError, AttributeError):
        return {}


class ShardPlugin:
    """Keeps only this shard's scenarios, and records how long each scenario took."""

    def __init__(self, shard: tuple[int, int] | None, durations_path: Path) -> None:
        self.shard = shard
        self.path = durations_path
        self.seen: dict[str, float] = {}

    @pytest.hookimpl(trylast=True)
    def pytest_collection_modifyitems(self, config: pytest.Config, items: list[pytest.Item]) -> None:
        if not self.shard:
            return
        k, n = self.shard
        mine = set(split([i.nodeid for i in items], n, read_durations(self.path))[k - 1])
        keep = [i for i in items if i.nodeid in mine]
        config.hook.pytest_deselected(items=[i for i in items if i.nodeid not in mine])
        items[:] = keep

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if report.when == "call" or (report.when == "setup" and report.outcome != "passed"):
            self.seen[report.nodeid] = self.seen.get(report.nodeid, 0.0) + report.duration

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        if hasattr(session.config, "workerinput") or not self.seen:
            return  # xdist workers report to the controller, which writes the file once
        merged = {**read_durations(self.path), **{k: round(v, 3) for k, v in self.seen.items()}}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.path.write_text(json.dumps(merged, indent=1, sort_keys=True), encoding="utf-8")
        except OSError:
            pass  # durations only improve balance; never fail a run over them


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.getgroup("empathy").addoption(
        "--shard", dest="empathy_shard", default=None, metavar="K/N",
        help="run only the K-th of N deterministic, duration-balanced slices of the scenarios")


def pytest_configure(config: pytest.Config) -> None:
    """A journey run records its scenarios' durations; `--shard K/N` keeps its slice (a unit-test run of step code,
    unsharded, writes nothing)."""
    from harness.runner.options import settings_of
    from harness.runner.preflight import journey_run

    shard = config.getoption("empathy_shard")
    if not shard and not journey_run(config):
        return
    try:
        chosen = parse_shard(shard) if shard else None
    except ConfigError as exc:
        raise pytest.UsageError(f"empathy: {exc}") from None
    durations = settings_of(config).path("reports_dir") / DURATIONS_FILE
    config.pluginmanager.register(ShardPlugin(chosen, durations), "empathy-shard")
