"""Kind inference from a message's structure, and what a kind's sufficient requirement decides (round 12 of #22).

Wordings are new: none is an item of a held-apart set (tests/language/test_split_hygiene.py checks).
"""

from __future__ import annotations

import pytest

from harness.language.copy import score
from harness.language.copy_kinds import candidate_kinds
from harness.language.copy_rules import signals

model = pytest.mark.model  # the tests that score a whole message load the embedding model


@pytest.mark.parametrize("text", [
    "You must be a member to see this board.",
    "You need to have a paid plan to export reports.",
    "You aren't allowed to move this card.",
    "You don't have access to this project.",
    "Sorry, you no longer have permission to edit this list.",
])
def test_a_person_without_the_standing_an_action_needs_is_refused_an_error(text: str) -> None:
    assert candidate_kinds(text) == ("error",)


@pytest.mark.parametrize("text", [
    "This address is already in use.",
    "That handle is taken.",
    "A folder with this name already exists.",
    "Nickname already registered.",
])
def test_a_value_that_collides_with_one_taken_is_a_field_s_problem(text: str) -> None:
    assert candidate_kinds(text) == ("validation",)


@pytest.mark.parametrize("text", ["You are already a member of this team.", "We are already taking your order."])
def test_the_person_s_own_state_is_no_collision(text: str) -> None:
    assert candidate_kinds(text) != ("validation",)


@pytest.mark.parametrize("text", ["Your booking is confirmed.", "Order accepted", "Application received."])
def test_a_word_after_order_or_booking_is_no_reference(text: str) -> None:
    assert not signals(text)["reference"]


@pytest.mark.parametrize("text", ["Your order number is 4471-AB.", "Booking ref: HX4412Q"])
def test_a_code_with_a_digit_is_a_reference(text: str) -> None:
    assert signals(text)["reference"]


@model
@pytest.mark.parametrize("text", [
    "Successfully archived 3 boards.",
    "Webhook 'nightly build' removed.",
    "Invitation sent to ana@example.com.",
])
def test_a_confirmation_that_says_what_was_done_to_what_is_warm_however_short(text: str) -> None:
    result = score(text, "confirmation")
    assert (result.verdict, "E6") == ("warm", next(r.code for r in result.reasons if r.code == "E6" and r.ok))


@model
@pytest.mark.parametrize("text", ["Record saved.", "All finished!", "Request completed successfully."])
def test_a_confirmation_that_names_nothing_is_not_made_warm(text: str) -> None:
    assert score(text, "confirmation").verdict != "warm"


@model
def test_the_floor_holds_only_with_nothing_the_rubric_counts_cold() -> None:
    assert score("SUCCESSFULLY ARCHIVED 3 BOARDS!!!", "confirmation").verdict != "warm"
    assert score("Object 'tmp_row_77' deleted from table ORM_CACHE.", "confirmation").verdict != "warm"


# Round 13 of #22: a validation's sufficient requirement, and the kind of a value measured against a rule.
@model
@pytest.mark.parametrize("text", [
    "Please provide a title.",
    "Nickname cannot be empty.",  # a named field is required (the outside rubric, 6)
    "Please enter a number.",
    "Please choose a role for this person.",
])
def test_a_validation_that_says_how_to_fix_it_is_warm_however_short(text: str) -> None:
    result = score(text, "validation")
    assert result.verdict == "warm", result


@model
@pytest.mark.parametrize("text", [
    "Please enter a valid value.",  # generic: says nothing of what to give
    "Field cannot be left blank.",  # the same "required" that names no field
    "Please enter an invalid-free slug.",  # blame and jargon
])
def test_a_validation_with_something_cold_broken_is_not_floored_warm(text: str) -> None:
    assert score(text, "validation").verdict != "warm"


@pytest.mark.parametrize("text", [
    "The nickname is too similar to your email address.",
    "That phrase is too common to use as a password.",
    "Photo too wide.",
])
def test_a_value_that_is_too_much_of_something_is_a_field_s_problem(text: str) -> None:
    assert candidate_kinds(text) == ("validation",)


@pytest.mark.parametrize("text", ["Too many requests from this address.", "The export took too long.",
                                  "You are posting too often."])
def test_too_many_requests_or_too_long_a_wait_is_no_field_s_problem(text: str) -> None:
    assert candidate_kinds(text) != ("validation",)


@pytest.mark.parametrize("text", ["Upload complete", "Import finished.", "Add successful"])
def test_a_verb_named_with_its_outcome_is_no_request_for_a_fix(text: str) -> None:
    assert candidate_kinds(text) != ("validation",)


@pytest.mark.parametrize("text", ["This report cannot be displayed.", "Your payment could not be processed right now."])
def test_an_operation_that_cannot_be_carried_out_is_no_rule_of_a_value(text: str) -> None:
    assert candidate_kinds(text) != ("validation",)


@pytest.mark.parametrize("text", ["Tags cannot be empty.", "Quantity cannot be negative.",
                                  "Titles must not contain '/'."])
def test_a_rule_a_value_breaks_stays_a_field_s_problem(text: str) -> None:
    assert candidate_kinds(text) == ("validation",)
