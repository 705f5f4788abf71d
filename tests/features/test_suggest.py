"""Did-you-mean on the real catalogue: the author's own values, in their roles, and never the opposite step.

Why: a suggestion is pasted as is, so one filled with the catalogue's example values (another site's
words) or with the author's values swapped (a label typed into a value) is a new bug, and one that
says the opposite ("I should stay signed in" -> "I sign out") is worse than none.
"""

from __future__ import annotations

import pytest

from harness.features.catalogue import GROUPS, StepDef, load_catalogue
from harness.features.suggest import fill, polarity_penalty, suggest
from tests.demo_words import DEMO_WORDS


@pytest.fixture(scope="module")
def real() -> list[StepDef]:
    return load_catalogue(modules=[f"harness.steps.{g}" for g in GROUPS])


def _step(catalogue: list[StepDef], text: str) -> StepDef:
    return next(d for d in catalogue if d.matches(text))


def test_the_authors_values_fill_the_slots_of_their_role_in_their_order(real: list[StepDef]) -> None:
    fill_in = _step(real, 'I fill in "Postcode" with "SW1A 1AA"')
    written = 'I type "compost" into the "Search" box'
    assert fill(fill_in, written, written) == 'I fill in "Search" with "compost"'
    enter = _step(real, 'I enter "x" in "y"')
    written = 'I set "Quantity" to "2"'  # "to" reads as a place: the value is left for the author, never swapped
    assert fill(enter, written, written) == 'I enter "<value>" in "Quantity"'


def test_a_slot_the_author_gave_nothing_for_names_itself_never_the_examples_value(real: list[StepDef]) -> None:
    enter = _step(real, 'I enter "x" in "y"')
    assert fill(enter, "I search for compost", "I search for compost") == 'I enter "<value>" in "<label>"'
    choose = _step(real, 'I choose "a" for "b"')
    assert fill(choose, 'I pick "Adult" please', 'I pick "Adult" please') == 'I choose "Adult" for "<label>"'
    press = _step(real, 'I press "Continue"')
    assert fill(press, 'I press "Login" in the "Login" dialog', 'I press "Login" in the "Login" dialog') == (
        'I press "Login"')


def test_opposite_wordings_are_held_back() -> None:
    assert polarity_penalty("i should stay signed in", "i sign out") > polarity_penalty("i should stay signed in",
                                                                                       "i sign in")
    assert polarity_penalty("i fill out the form", "i fill in the form") == 0.0
    assert polarity_penalty("i should see an error", "i should not see \"…\"") > 0.0


@pytest.mark.model
def test_did_you_mean_never_proposes_the_opposite_nor_another_sites_words(real: list[StepDef]) -> None:
    steps = ["I should stay signed in", 'I add 1 "Adult ticket" to the cart', "I search for compost",
             "I should see an error", 'I open the "Sam" menu', "I tell the bot my problem"]
    ranked = suggest([("then" if s.startswith("I should") else "when", s, s) for s in steps], real)
    assert "sign out" not in " ".join(p.text for p in ranked[0])
    spoken = [p.text for picks in ranked for p in picks if DEMO_WORDS.search(p.text)]
    assert not spoken, f"another site's words in did-you-mean: {spoken}"


@pytest.mark.model
def test_did_you_mean_finds_the_editor_step_for_rewordings_of_it(real: list[StepDef]) -> None:
    # how authors wrote "write in the editor" on a publishing site's features, each matching no step as written
    steps = ['I write "Pepper is missing" in the body of the post', 'I type "Pepper is missing" in the post editor',
             'I enter "Pepper is missing" into the editor box']
    ranked = suggest([("when", s, s) for s in steps], real)
    assert [_step(real, picks[0].text).func.__name__ for picks in ranked] == ["write_in_editor"] * 3
    assert all('"Pepper is missing"' in picks[0].text for picks in ranked)


@pytest.mark.model
def test_did_you_mean_finds_the_enter_step_for_rewordings_of_it(real: list[StepDef]) -> None:
    # a box with no button, which the site saves on Enter: how authors reach for it, matching no step as written
    assert _step(real, 'I hit return in "Enter your name"').func.__name__ == "press_enter"  # written as it is
    steps = ['I submit "Enter your name" by pressing Enter', 'I press Enter in the "Enter your name" box',
             'I hit enter on the "Enter your name" field']
    ranked = suggest([("when", s, s) for s in steps], real)
    assert [_step(real, picks[0].text).func.__name__ for picks in ranked] == ["press_enter"] * 3
    assert all('"Enter your name"' in picks[0].text for picks in ranked)
