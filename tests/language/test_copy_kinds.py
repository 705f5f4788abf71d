"""Kind inference from a message's structure (round 12 of #22).

Wordings are new: none is an item of a held-apart set (tests/language/test_split_hygiene.py checks).
"""

from __future__ import annotations

import pytest

from harness.language.copy_kinds import candidate_kinds


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
