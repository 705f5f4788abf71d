from __future__ import annotations

import pytest

from harness.exceptions import ConfigError
from harness.shard import parse_shard, split


def test_shards_cover_every_scenario_exactly_once() -> None:
    ids = [f"features/f.feature::test_{i}" for i in range(23)]
    buckets = split(ids, 4)
    flat = [n for b in buckets for n in b]
    assert sorted(flat) == sorted(ids) and len(flat) == len(set(flat))
    assert max(map(len, buckets)) - min(map(len, buckets)) <= 1


def test_split_is_deterministic_whatever_the_order() -> None:
    ids = [f"t{i}" for i in range(10)]
    assert split(ids, 3) == split(list(reversed(ids)), 3)


def test_durations_balance_time_not_count() -> None:
    durations = {"slow": 30.0, "a": 10.0, "b": 10.0, "c": 10.0}
    buckets = split(list(durations), 2, durations)
    loads = [sum(durations[n] for n in b) for b in buckets]
    assert loads == [30.0, 30.0]


@pytest.mark.parametrize("text", ["0/2", "3/2", "two", "", "1/0"])
def test_bad_shard_is_a_clear_error(text: str) -> None:
    with pytest.raises(ConfigError, match="K/N"):
        parse_shard(text)


def test_good_shard_parses() -> None:
    assert parse_shard(" 2 / 4 ") == (2, 4)
