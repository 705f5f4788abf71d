"""The checker never crashes and answers in bounded time, whatever text it is given."""

from __future__ import annotations

import random
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from harness.config import Settings
from harness.features.catalogue import GROUPS, StepDef, load_catalogue
from harness.features.checker import MAX_SUGGESTED, Checker
from harness.features.diagnostics import RULE_EXIT_CODES, CheckResult

KEYWORDS = ["Feature:", "Scenario:", "Scenario Outline:", "Background:", "Examples:", "Rule:", "Given", "When",
            "Then", "And", "But", "*", "|", '"""', "```", "@tag", "#", "# language: fr", "Fonctionnalité:",
            "Soit", "<persona>", "| persona |", "@allow:cold-copy", "@allow:nope"]


@pytest.fixture(scope="module")
def checker(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Checker]:
    root = tmp_path_factory.mktemp("fuzz")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("EMPATHY_CACHE_DIR", str(root / "cache"))  # random texts must not fill the project's cache
        s = Settings(pages={"claims": "/claims/new"})
        s._root = root
        catalogue: list[StepDef] = load_catalogue(modules=[f"harness.steps.{g}" for g in GROUPS])
        yield Checker(catalogue, s)


def _sane(result: CheckResult) -> None:
    assert result.exit_code in {0, *RULE_EXIT_CODES.values()}
    for d in result.diagnostics:
        assert d.rule in RULE_EXIT_CODES and d.line >= 1 and d.column >= 1 and d.message
    result.format()
    result.to_json()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text())
def test_any_unicode_text(checker: Checker, text: str) -> None:
    _sane(checker.check_text(text))


gherkinish = st.lists(
    st.tuples(st.integers(0, 6), st.sampled_from(KEYWORDS), st.text(max_size=40)),
    max_size=20,
).map(lambda lines: "\n".join(" " * indent + f"{kw} {rest}" for indent, kw, rest in lines))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(gherkinish)
@pytest.mark.model
def test_text_that_looks_like_gherkin(checker: Checker, text: str) -> None:
    _sane(checker.check_text("Feature: fuzz\n  Scenario: s\n" + text))


def test_empty_and_blank_files_are_fine(checker: Checker) -> None:
    for text in ("", "\n\n", "   ", "# only a comment\n", "\ufeff"):
        result = checker.check_text(text)
        assert result.diagnostics == [], (text, result.format())


def _timed(checker: Checker, text: str) -> tuple[CheckResult, float]:
    """The result and the CPU seconds it took (CPU, not wall time: the suite shares two cores)."""
    start = time.process_time()
    result = checker.check_text(text)
    return result, time.process_time() - start


def test_100_kb_of_random_unicode_in_bounded_time(checker: Checker) -> None:
    rng = random.Random(7)
    text = "".join(chr(rng.choice([rng.randint(32, 0x2FFF), 10, 9, 124, 34, 60, 62])) for _ in range(100_000))
    result, seconds = _timed(checker, text)
    _sane(result)
    assert seconds < 20


@pytest.mark.model
def test_100_kb_feature_of_undefined_steps_in_bounded_time(checker: Checker) -> None:
    rng = random.Random(11)
    words = ["I", "click", "the", "form", "my", "email", "should", "see", "page", "wait", "claim", '"Go"', "into"]
    steps = [f"    When {' '.join(rng.choice(words) for _ in range(8))} {n}" for n in range(2500)]
    text = "Feature: big\n  Scenario: s\n" + "\n".join(steps) + "\n"
    assert len(text) > 100_000
    result, seconds = _timed(checker, text)
    _sane(result)
    assert result.steps == 2500
    undefined = [d for d in result.diagnostics if d.rule == "undefined-step"]
    assert len(undefined) == 2500 and sum(1 for d in undefined if d.suggestions) == MAX_SUGGESTED
    assert seconds < 60


def test_one_enormous_line_in_bounded_time(checker: Checker, tmp_path: Path) -> None:
    text = 'Feature: x\n  Scenario: y\n    When I press "' + "a" * 100_000 + '"\n'
    result, seconds = _timed(checker, text)
    assert [d.rule for d in result.diagnostics] == ["structure"]
    assert seconds < 5
