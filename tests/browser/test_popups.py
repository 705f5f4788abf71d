"""Popups laid over the page and boxes with no label, each on a small page of its shape: a sign-up popup in a
frame of its own over the page (its press, its words, its field's error beside the label), a dialog over a
backdrop, a search built only when its magnifier is pressed, a rich-text editor, and a confirmation that fades in.

The pages share no markup or wording with the demo portal. Each test drives a real journey in a real Chromium.
"""

from __future__ import annotations

from typing import Any

import pytest

from harness.browser.errors import ActionFailed
from harness.steps import act, see
from tests.browser.conftest import make_persona, until_recorded

pytestmark = pytest.mark.e2e


@pytest.fixture
def j(journey_for: Any) -> Any:
    return journey_for(make_persona())


def _seen(j: Any, text: str) -> Any:
    """The first recorded message with this text that the recorder holds visible, once it comes."""
    return until_recorded(j, lambda m: m.text == text and m.visible, repr(text))


def test_a_press_inside_a_popup_frame_is_the_popups_not_the_covered_link_under_it(j: Any, site: str,
                                                                                 settings: Any) -> None:
    # the page's footer has a "Sign up" link too, under the popup's layer: a press there hangs until the timeout
    j.actor.goto(f"{site}/popup.html")
    j.begin_step('When I press "Sign up"', "When")
    j.actor.click("Sign up")
    see.should_see(j, settings, "Enter your email address")  # the popup's words, not the page's under it
    assert j.page.url.endswith("/popup.html")  # the covered link was not followed


def test_an_error_beside_a_popups_label_is_that_fields_error(j: Any, site: str, settings: Any) -> None:
    # a plain <p> in the label's box, the field marked wrong only by its class: no role, no error class on the words
    j.actor.goto(f"{site}/popup.html")
    j.begin_step("When I fill in the popup", "When")
    j.actor.fill("Name", "Jamie Rivers")
    j.actor.fill("Email", "jamie.example.org")
    given = j.current_step().given
    assert [g.frame for g in given] == ["about:srcdoc", "about:srcdoc"]  # the popup's fields, not the page's box
    j.actor.click("Sign up")
    error = _seen(j, "Invalid email address")
    assert (error.kind, error.field) == ("validation", "Email")
    with pytest.raises(AssertionError, match="a frame over it"):  # what shows, the popup's words included
        see.should_see(j, settings.model_copy(update={"action_timeout_ms": 300}), "Welcome aboard")


def test_a_dialog_over_a_backdrop_hides_the_page_under_it(j: Any, site: str) -> None:
    j.actor.goto(f"{site}/modal.html")
    j.actor.click("Save")  # the dialog's, though the page's own "Save" comes first
    assert j.page.locator("#said").inner_text() == "Saved by the dialog"
    with pytest.raises(ActionFailed, match="under a layer that covers the page"):  # only under it: said, no hang
        j.actor.click("Delete")


def test_a_search_built_only_when_its_magnifier_is_pressed(j: Any, site: str, settings: Any) -> None:
    j.actor.goto(f"{site}/search-popup.html")
    act.search_for(j, "zebra crossing")
    see.should_see(j, settings, "No matches found")


@pytest.mark.parametrize(("page", "box", "shown"), [
    ("editor.html", "#body", "Begin writing your story..."),  # a contenteditable, its words laid over it
    ("plain-editor.html", "#text", "Type your text here"),  # a bare <textarea rows=1> grown by script, the largest
])
def test_writing_in_an_editor_no_label_names(j: Any, site: str, page: str, box: str, shown: str) -> None:
    j.actor.goto(f"{site}/{page}")
    j.begin_step("When I write my story", "When")
    act.write_in_editor(j, "Pepper has been missing since Tuesday.")
    assert j.page.locator(box).evaluate("el => el.value ?? el.innerText") == "Pepper has been missing since Tuesday."
    given = j.current_step().given[-1]
    assert (given.field, given.value, given.type) == (shown, "Pepper has been missing since Tuesday.", "textarea")


def test_a_button_that_shows_once_the_save_is_done_is_waited_for(journey_for: Any, site: str, settings: Any) -> None:
    # leaving the title for the next box starts a save (9 s) that outlasts the typing's short wait and a look for a
    # button on a page doing nothing (3 s): the person waits while it says "Saving..."
    j = journey_for(make_persona(), settings_=settings.model_copy(update={"action_timeout_ms": 20_000}))
    j.actor.goto(f"{site}/editor.html")
    act.fill_label_with_value(j, "Story title", "Lost cat on Mill Street")
    act.fill_label_with_value(j, "Tags", "lost, cats")
    j.actor.click("Publish")
    assert j.page.locator("#state").inner_text() == "Saved"


def test_a_message_that_fades_in_is_recorded_as_shown(j: Any, site: str) -> None:
    # read at opacity 0 as it was drawn; the fade ends with no change to the page, and the words show then
    j.actor.goto(f"{site}/fade.html")
    j.actor.click("Publish now")
    _seen(j, "Your story is published.")


def test_two_fields_of_one_name_in_the_page_and_a_frame_beside_it_are_two(j: Any, site: str) -> None:
    # the page's own "Card number" box and one in a frame beside it (not over it), of the same selector (#card): two
    # fields a person would ask about, not one (their descriptions once lost their frame, so the two were one)
    j.actor.goto(f"{site}/frame-beside.html")
    j.begin_step("When I fill in the card", "When")
    with pytest.raises(ActionFailed, match=r'"Card number" could mean 2 fields'):
        j.actor.fill("Card number", "4000 0000 0000 0002")
