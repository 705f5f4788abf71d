"""Validation copy read by the rubric's own words (round 14 of #22): "Enter a valid <named thing>" is specific, an
instruction that names nothing ("Please enter a value.") is generic, a stack's vocabulary is jargon, a stated format
is an example, and a missing value named first is a field's problem. Every text here is new wording, not an item of a
labelled set."""

from __future__ import annotations

import pytest

from harness.language.copy import score
from harness.language.copy_kinds import decided_kind
from harness.language.copy_rules import evaluate, normalise

model = pytest.mark.model  # the tests that score a whole message load the embedding model


def broken(text: str, kind: str = "validation") -> set[str]:
    """The criteria a message of this kind breaks (no model: the criteria alone)."""
    return {r.code for r in evaluate(normalise(text), kind) if not r.ok}


@pytest.mark.parametrize("text", [
    "Enter a valid NHS number.",
    "Enter a valid VAT number",
    "Please enter a valid IBAN.",
    "Enter a valid booking code.",
    "Enter a valid Latvian personal ID",
])
@model
def test_enter_a_valid_named_thing_is_specific(text: str) -> None:
    """The rubric: "Enter a valid <named thing>" is specific when the person knows the thing's format: an identifier
    they hold, named by its kind (a number, a code, an ID) or its initials."""
    assert "E5" not in broken(text)
    assert score(text, "validation").verdict == "warm"  # a fix, nothing broken: warm however short


@pytest.mark.parametrize("text", [
    "Please enter a value.",
    "Enter a value",
    "Choose something.",
    "Select an option",
    "Make a selection.",
    "Please provide an answer.",
    "Enter a valid value.",
    "Please choose a correct answer",
    "Enter a valid username.",
])
@model
def test_an_instruction_that_names_nothing_is_generic(text: str) -> None:
    """A bare order to give something names no field: which box and what to type are left open."""
    assert "E5" in broken(text)
    assert score(text, "validation").verdict == "cold"


@pytest.mark.parametrize("text", [
    "Enter a value between 1 and 10.",
    "Choose a delivery slot.",
    "Select an option for each guest.",
    "Enter a valid email address.",
])
def test_an_instruction_that_names_its_value_or_rule_is_not_generic(text: str) -> None:
    assert "E5" not in broken(text)


@pytest.mark.parametrize("text", [
    "Options must be of the type list.",
    "The handler must be one of the types Form or Page.",
    "Settings should be dict-like.",
    "Metadata has to be a dict.",
    "Theme is not a subclass of BaseTheme.",
    "Upload a file with a MIME type of image/png.",
    "Could not parse the start date.",
    "The database is locked; try again in a minute.",
    "Callback must be callable.",
    "Coordinates must be a tuple.",
    "The value could not be serialised.",
])
def test_a_stack_s_vocabulary_named_to_the_person_is_jargon(text: str) -> None:
    assert "E1" in broken(text)


@pytest.mark.parametrize("text", [
    "Choose the type of room you want.",
    "Rooms of this type are sold out.",
    "Add the dish to your order.",
    "Pick a date that suits you.",
    "The parcel is locked in the safe box.",
])
def test_the_plain_sense_of_nearby_words_is_not_jargon(text: str) -> None:
    assert "E1" not in broken(text)


@pytest.mark.parametrize("text", [
    "Passport number format is: AB1234567",
    "The reference format should be: 3 letters then 4 digits.",
])
def test_a_stated_format_says_how_to_fix_it(text: str) -> None:
    assert "E6" not in broken(text)


@pytest.mark.parametrize("text", ["Missing postcode", "Missing value.", "Missing start date"])
def test_a_missing_value_named_first_is_a_field_s_problem(text: str) -> None:
    assert decided_kind(text) == "validation"


@pytest.mark.parametrize("text", [
    "Bad postcode.",
    "The date you chose was refused.",
    "The reference has an improper length.",
    "That amount is not acceptable.",
])
def test_the_rubric_s_other_blame_words_are_blame(text: str) -> None:
    assert "E2" in broken(text)


@pytest.mark.parametrize("text", ["Badge number must be 6 digits.", "Your order is ready to collect."])
def test_words_that_only_contain_them_are_not_blame(text: str) -> None:
    assert "E2" not in broken(text)
