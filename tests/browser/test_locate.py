"""The ways of looking for one thing, tried together (locate._Ways): few calls, and what the ways one by one find."""

from __future__ import annotations

from typing import Any

from harness.browser.bounds import Clock
from harness.browser.locate import Locate, _Ways


class _Way:
    """A locator double: the matches of one way, each covered by a layer or not, in page order (the tag names them)."""

    def __init__(self, log: list[str], *matches: tuple[str, bool]) -> None:
        self.log, self.matches = log, list(matches)

    def filter(self, visible: bool) -> _Way:
        return self

    def or_(self, other: _Way) -> _Way:
        return _Way(self.log, *sorted({*self.matches, *other.matches}))  # page order: by tag

    def evaluate_all(self, script: str, arg: Any = None) -> list[Any]:
        hidden = [covered for _, covered in self.matches]
        first = next((tag for tag, covered in self.matches if not covered), None)
        self.log.append(f"{script} {first}")  # which script read what: only the one way's reads (js[0]) read
        return [hidden, first]

    def nth(self, i: int) -> str:
        return self.matches[i][0]


def _ways(*ways: list[tuple[str, bool]]) -> tuple[_Ways, list[str]]:
    log: list[str] = []
    made = [_Way(log, *matches) for matches in ways]
    return _Ways("frame", [lambda f, w=w: w for w in made], ("one", "many"), None), log


def test_the_seventh_of_eight_ways_is_found_in_a_few_calls() -> None:
    """A radio named by its option is the seventh way a choice is looked for: asked one by one, and the surer ways
    again after the find, that was 13 calls; together and halved, then the found way alone, 6."""
    from types import SimpleNamespace

    class _Look(Locate):
        def _frames(self) -> list[Any]:
            return ["frame"]

    rec = SimpleNamespace(crashed="", clock=Clock(), worked_at=lambda max_age_ms: 0.0, frozen_ms=lambda since: 0.0)
    look = _Look.__new__(_Look)
    look.journey = SimpleNamespace(recorder=rec, settings=SimpleNamespace(action_timeout_ms=5000),
                                   page=SimpleNamespace(wait_for_timeout=lambda ms: None))
    log: list[str] = []
    made = [*(_Way(log) for _ in range(6)), _Way(log, ("b-radio", False)), _Way(log, ("a-label", False),
                                                                                 ("b-radio", False))]
    found = look._find_visible([lambda f, w=w: w for w in made], "the option")
    assert found is not None and (found.which, found.loc, found.read) == (6, "b-radio", "b-radio")
    assert len(log) <= 6


def test_the_surest_way_alone_is_one_call_and_nothing_anywhere_two() -> None:
    ways, log = _ways([("a", False)], [("b", False)], [("c", False)])
    found, _ = ways.surest()
    assert found is not None and (found.which, found.loc) == (0, "a") and len(log) == 1
    ways, log = _ways([], [], [], [], [])
    assert ways.surest() == (None, False) and len(log) == 2


def test_a_surer_ways_match_under_a_layer_does_not_shift_the_found_one() -> None:
    """A surer way matches only under a popup's backdrop: the look takes the later way's own first match in reach,
    not the union's place of it, and reads only that one (a press's read arms a guard on what it reads)."""
    ways, log = _ways([], [("a-under", True)], [("b-own", False), ("c-own", False)])
    found, under = ways.surest()
    assert found is not None and (found.which, found.loc, found.read) == (2, "b-own", "b-own") and not under
    assert [ask for ask in log if ask.startswith("one ") and ask != "one None"] == ["one b-own"]


def test_only_matches_under_a_layer_are_told_so() -> None:
    ways, _ = _ways([], [("a-under", True)], [])
    assert ways.surest() == (None, True)
