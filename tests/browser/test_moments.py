"""A date and a time picked for one field known by the label over its boxes (moments.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from harness.browser.errors import ActionFailed
from harness.browser.moments import day_as_shown, parse_day
from harness.steps import act
from tests.browser.conftest import make_persona


def test_a_day_is_read_as_a_step_writes_it_and_typed_as_its_box_shows() -> None:
    day = dt.date(2027, 3, 16)
    assert parse_day("16 March 2027") == parse_day("2027-03-16") == parse_day("16/03/2027") == day
    with pytest.raises(ActionFailed, match="16 March 2027"):
        parse_day("next Tuesday")
    assert day_as_shown(day, "DD/MM/YYYY") == "16/03/2027"
    assert day_as_shown(day, "mm-dd-yyyy") == "03-16-2027"
    assert day_as_shown(day, "YYYY.MM.DD") == "2027.03.16"


@pytest.mark.parametrize("time", ["25:00", "10:60", "24:30", "9:5"])
def test_a_time_no_clock_shows_is_a_step_error_before_the_page_is_touched(time: str) -> None:
    # before: any two digits, a colon and two more passed ("25:00", "10:60"), and were typed into the time box
    from harness.browser.moments import Moments

    with pytest.raises(ActionFailed, match=f'"{time}" is not a time'):
        Moments.choose_moment(object(), "Starts at", "16 March 2027", time)  # type: ignore[arg-type]


@pytest.mark.e2e
@pytest.mark.parametrize("named", ["", "?group", "?bare"])
def test_a_date_and_a_time_are_picked_in_two_comboboxes_under_a_label_tied_to_neither(
        journey_for: Any, site: str, named: str) -> None:
    # "Choose date" and "Choose time" are all the two comboboxes are named; "startsAt*" sits above both, tied to neither
    # (or naming their group): the date typed in the shape its box shows and left (a box that shows none: in digits,
    # as the page's language, "en", writes a day), the time picked from its list
    j = journey_for(make_persona())
    j.begin_step('When I choose "16 March 2027" at "10:00" for "startsAt"', "When")
    j.actor.goto(f"{site}/date-time-pickers.html{named}")
    act.choose_date_and_time(j, "16 March 2027", "10:00", "startsAt")
    j.actor.click("Publish")
    step = j.end_step()
    typed = "03/16/2027" if named == "?bare" else "16/03/2027"
    assert j.page.locator("#said").inner_text() == f"Starts {typed} at 10:00"
    assert [(g.field, g.value) for g in step.given] == [("Choose date", typed), ("Choose time", "10:00")]
    with pytest.raises(ActionFailed, match='no date and time boxes under a label "Ends at"'):
        j.actor.choose_moment("Ends at", "16 March 2027", "10:00")
