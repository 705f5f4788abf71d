"""A part of a page known by its heading: two halves of one form each under its own heading, forms that follow
their <h2> straight in <main> with nothing around them; and two boxes of one name with no part named."""

from __future__ import annotations

from typing import Any

import pytest

from harness.browser.errors import ActionFailed
from harness.steps import act
from tests.browser.conftest import make_persona

pytestmark = pytest.mark.e2e


@pytest.fixture
def j(journey_for: Any) -> Any:
    return journey_for(make_persona(data={"fixed": {"full_name": "Kim Lee", "email": "kim@example.test"}}))


def _values(j: Any, *ids: str) -> list[str]:
    return [j.page.locator(f"#{i}, [name={i}]").input_value() for i in ids]


def test_a_box_in_the_half_of_a_form_under_a_named_heading(j: Any, site: str) -> None:
    j.actor.goto(f"{site}/two-halves.html")
    act.fill_label_with_detail(j, "Email address", "email address", "I am new here", "section")
    act.fill_label_with_value(j, "Password", "Lantern-Moss-42", "I am new here", "section")
    assert _values(j, "in-email", "new-email", "in-password", "new-password") == \
        ["", "kim@example.test", "", "Lantern-Moss-42"]  # the box after a label tied to nothing is that label's
    act.fill_label_with_value(j, "Email address", "kim@example.test", "I have an account", "form")
    act.press_in_region(j, "Join", "I am new here", "section")
    assert _values(j, "in-email") == ["kim@example.test"]
    assert j.page.locator("#said").inner_text() == "Join pressed"


def test_two_boxes_of_one_name_with_no_part_named_are_a_question_naming_each_part(j: Any, site: str) -> None:
    j.actor.goto(f"{site}/two-halves.html")
    with pytest.raises(ActionFailed, match='"Email address" could mean 3 fields') as failed:
        j.actor.fill("Email address", "kim@example.test")
    assert 'under "I have an account"' in str(failed.value) and 'under "I am new here"' in str(failed.value)
    assert _values(j, "q-email", "in-email", "new-email") == ["", "", ""]  # nothing typed on a guess


def test_with_no_part_named_the_person_goes_on_in_the_part_they_are_filling(j: Any, site: str) -> None:
    j.actor.goto(f"{site}/two-halves.html")
    act.fill_label_with_detail(j, "Your name", "full name")
    act.fill_label_with_detail(j, "Email address", "email address")
    act.fill_label_with_value(j, "Password", "Lantern-Moss-42")
    assert _values(j, "in-email", "new-email", "in-password", "new-password") == \
        ["", "kim@example.test", "", "Lantern-Moss-42"]


def test_with_no_part_named_the_pages_own_form_before_a_box_in_its_header(j: Any, site: str) -> None:
    j.actor.goto(f"{site}/margin-sign-in.html")
    act.fill_label_with_detail(j, "Email address", "email address")
    assert _values(j, "h-email", "m-email") == ["", "kim@example.test"]


def test_a_button_in_a_section_known_only_by_its_heading_and_what_follows_it(j: Any, site: str) -> None:
    j.actor.goto(f"{site}/headed-forms.html")
    act.fill_label_with_value(j, "Short bio", "Plays on Thursdays.", "About you", "section")
    act.press_in_region(j, "Keep changes", "Signing in", "section")  # not the one before it, nor the h3's after
    assert j.page.locator("#said").inner_text() == "signing in kept"
    act.press_in_region(j, "Keep changes", "About you", "section")
    assert j.page.locator("#said").inner_text() == "about you kept"
    act.press_in_region(j, "Keep changes", "leaving the club:", "section")  # any case, marks around it
    assert j.page.locator("#said").inner_text() == "left"
    with pytest.raises(ActionFailed, match='no button or link "Keep changes" inside a section "Nowhere"'):
        j.actor.press_in("Keep changes", "Nowhere", "section")


def test_a_label_listed_twice_in_a_table_fills_the_boxes_so_labelled_in_turn(j: Any, site: str) -> None:
    # a password and its confirmation both labelled "Password" (a sidebar's "Password" too): the rows go down the form
    j.actor.goto(f"{site}/same-label.html")
    act.fill_in_the_form(j, [["label", "value"], ["Username", "kim"], ["Password", "Rowing-Boat-42"],
                             ["Password", "Rowing-Boat-24"]])
    assert _values(j, "side-password", "pw1", "pw2") == ["", "Rowing-Boat-42", "Rowing-Boat-24"]
    act.fill_label_with_value(j, "Password", "Rowing-Boat-42", nth="second")
    assert _values(j, "pw2") == ["Rowing-Boat-42"]
    with pytest.raises(ActionFailed, match='"Password" names 2 field'):
        act.fill_label_with_value(j, "Password", "Rowing-Boat-42", nth="third")


def test_a_newcomer_with_no_password_makes_one_up_for_both_boxes_and_keeps_it(journey_for: Any, site: str) -> None:
    # a registration form whose box and confirmation are both labelled "Password": a persona with no password of its
    # own makes one up, types it in both (not in the sidebar's sign-in box), and keeps it to sign in with later in
    # the scenario; it is a secret, in no record
    j = journey_for(make_persona(data={"secrets": {}, "fixed": {"username": "kim"}}))
    j.begin_step("When I fill in the form", "When")
    j.actor.goto(f"{site}/same-label.html")
    act.fill_in_the_form(j, None)
    j.actor.click("Join")
    j.end_step()
    made = _values(j, "pw1")[0]
    assert _values(j, "side-password", "pw2") == ["", made] and len(made) >= 12
    assert j.page.locator("#said").inner_text() == "Account made."
    assert j.actor.persona_password() == made
    j.finish()
    assert made not in j.transcript_path.read_text(encoding="utf-8")


def test_a_box_over_the_page_known_by_the_words_at_its_top_is_a_dialog(j: Any, site: str) -> None:
    # no dialog role and no heading: a fixed box whose first words are "Create", its form in a frame and its buttons
    # in its foot; the bar along the window's top that also holds "Create" is not it
    j.actor.goto(f"{site}/layer-dialog.html")
    act.fill_label_with_value(j, "Title", "Plant sale")
    act.press_in_region(j, "Create", "Create", "dialog")
    assert j.page.locator("#said").inner_text() == "Create pressed in the box: Plant sale"
