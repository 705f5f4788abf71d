"""The defect catalogue: valid data, and variant/defect names resolved with one clear error."""

from __future__ import annotations

from pathlib import Path

import pytest

from harness.demo.defects import DEFECTS, JOURNEYS, RULES, load_catalogue, resolve_defects
from harness.exceptions import ConfigError

REQUIRED = {"repeat-email", "agent-reasks-policy", "handoff-no-summary", "back-clears-step1",
            "error-clears-fields", "returning-generic", "cold-validation", "error-500", "cold-decline",
            "cold-status", "silent-submit", "bare-confirmation", "no-human-route", "timeout-no-warning",
            "dashboard-missing-history", "visual-only-status", "dead-button"}


def test_catalogue_has_every_required_defect_with_a_known_rule_and_journey() -> None:
    assert REQUIRED <= set(DEFECTS)
    for defect in DEFECTS.values():
        assert defect.expected_rule in RULES
        assert defect.journey in JOURNEYS
        assert defect.description.endswith(".") and len(defect.description) < 140
        assert defect.page.startswith("/")


def test_every_check_rule_has_at_least_one_defect_to_catch() -> None:
    assert {d.expected_rule for d in DEFECTS.values()} == set(RULES)


def test_cold_switches_on_everything_and_warm_nothing() -> None:
    assert resolve_defects("cold") == frozenset(DEFECTS)
    assert resolve_defects("warm") == frozenset()
    assert resolve_defects("warm", "repeat-email, dead-button") == {"repeat-email", "dead-button"}
    assert resolve_defects("warm", ["cold-status"]) == {"cold-status"}


def test_unknown_defect_is_one_clear_error_listing_the_choices() -> None:
    with pytest.raises(ConfigError) as caught:
        resolve_defects("warm", "repeat-email,repeat-phone")
    message = str(caught.value)
    assert "'repeat-phone'" in message and "repeat-email" in message and "empathy demo defects" in message
    assert "\n" not in message


def test_unknown_variant_names_the_allowed_ones() -> None:
    with pytest.raises(ConfigError, match="unknown demo variant 'tepid'.*warm, cold"):
        resolve_defects("tepid")


@pytest.mark.parametrize(("body", "complaint"), [
    ("defects:\n  - {id: x, journey: file-a-claim, expected_rule: rudeness, description: d}\n", "expected_rule"),
    ("defects:\n  - {id: x, journey: bake-a-cake, expected_rule: friction, description: d}\n", "journey"),
    ("defects:\n  - {id: x, journey: file-a-claim, expected_rule: friction, description: d}\n"
     "  - {id: x, journey: file-a-claim, expected_rule: friction, description: d}\n", "duplicate id"),
    ("defects:\n  - {id: x, colour: red}\n", "keys are"),
    ("nothing: here\n", "top-level `defects:`"),
])
def test_broken_catalogue_names_the_file_and_entry(tmp_path: Path, body: str, complaint: str) -> None:
    broken = tmp_path / "defects.yaml"
    broken.write_text(body)
    with pytest.raises(ConfigError) as caught:
        load_catalogue(broken)
    assert str(broken) in str(caught.value) and complaint in str(caught.value)
