"""The catalogue is read from the live step definitions: examples, groups and docs cannot drift."""

from __future__ import annotations

from pathlib import Path

import pytest

from harness.config import Settings, load_settings
from harness.exceptions import FeatureError
from harness.features.catalogue import GROUPS, StepDef, load_catalogue, matching
from harness.features.phrasings import phrasings
from harness.features.scaffold import catalogue_markdown

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def real() -> list[StepDef]:
    return load_catalogue(modules=[f"harness.steps.{g}" for g in GROUPS])


def test_every_group_has_steps_and_every_step_an_example(real: list[StepDef]) -> None:
    assert {s.group for s in real} == set(GROUPS)
    missing = [s.pattern for s in real if not s.example]
    assert missing == [], "steps without a docstring example"


def test_every_example_is_understood_by_its_own_step_and_no_other(real: list[StepDef]) -> None:
    for step in real:
        kinds = ["given", "when", "then"] if step.kind == "step" else [step.kind]
        for kind in kinds:
            found = matching(real, kind, step.example)
            assert found == [step], f"{step.display!r} matches {[f.pattern for f in found]}"


def test_every_wording_read_from_a_regex_is_accepted_by_it(real: list[StepDef]) -> None:
    for step in real:
        for text in phrasings(step):
            assert step.matches(text), (step.pattern, text)


def test_docs_steps_md_is_up_to_date(real: list[StepDef]) -> None:
    docs = ROOT / "docs" / "steps.md"
    assert docs.read_text(encoding="utf-8") == catalogue_markdown(real), "run: empathy steps --markdown"


def test_a_function_with_two_phrases_gives_each_its_own_example(sample_catalogue: list[StepDef]) -> None:
    persona_steps = {s.pattern: s.example for s in sample_catalogue if s.func.__name__ == "i_am"}
    assert persona_steps == {'I am "{persona}"': 'I am "anxious"',
                             "I am an? (?P<persona>[\\w-]+) customer": "I am an anxious customer"}


def test_synonyms_in_a_regex_become_wordings(sample_catalogue: list[StepDef]) -> None:
    click = next(s for s in sample_catalogue if s.func.__name__ == "click")
    assert phrasings(click) == ['I click "Continue"', 'I press "Continue"', 'I tap "Continue"']


def test_workspace_steps_join_as_the_project_group(tmp_path: Path) -> None:
    (tmp_path / "steps").mkdir()
    (tmp_path / "steps" / "billing.py").write_text(
        "from pytest_bdd import given, parsers\n\n"
        "@given(parsers.parse('my policy renews in {days:d} days'))\n"
        "def renews(days):\n"
        "    '''Given my policy renews in 30 days\n    Moves the renewal date.'''\n")
    (tmp_path / "steps" / "_helpers.py").write_text("raise RuntimeError('not a step module')\n")
    (tmp_path / "pyproject.toml").write_text("[tool.empathy]\n")
    found = load_catalogue(load_settings(tmp_path), modules=[])
    assert [(s.group, s.kind, s.example, s.doc) for s in found] == [
        ("project", "given", "my policy renews in 30 days", "Moves the renewal date.")]
    assert found[0].source.endswith("billing.py:3")


def test_broken_workspace_step_module_names_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "steps").mkdir()
    (tmp_path / "steps" / "broken.py").write_text("from pytest_bdd import given\n\ndef oops(:\n")
    settings = Settings()
    settings._root = tmp_path
    with pytest.raises(FeatureError, match=r"broken\.py:3: step module has a syntax error"):
        load_catalogue(settings, modules=[])


def test_missing_package_group_is_skipped_but_a_broken_one_is_an_error(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    assert load_catalogue(modules=["harness.steps.no_such_group"]) == []
    (tmp_path / "boom_steps.py").write_text("raise RuntimeError('boom')\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(FeatureError, match="step module boom_steps cannot be imported: RuntimeError: boom"):
        load_catalogue(modules=["boom_steps"])
