"""With `read_before_send`, a persona sends a form no sooner than a person who has read it (sites' anti-robot
time traps); without it, `time_scale` 0 sends as soon as the form is filled in.

At `time_scale` 0 the actor types and presses in about a second; a site that answers forms sent that fast
with "Responding to form too quickly" would never show the persona its real answer.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.browser.conftest import make_persona

pytestmark = pytest.mark.e2e


def test_the_form_is_sent_no_sooner_than_the_persona_reads_its_fields_names(journey_for: Any, site: str,
                                                                            settings: Any) -> None:
    persona = make_persona(pace={"reading_wpm": 200, "typing_delay_ms": 0, "think_time_ms": 0})
    j = journey_for(persona, settings_=settings.model_copy(update={"read_before_send": True}))
    j.begin_step("When I join", "When")
    j.actor.goto(f"{site}/time-trap.html")
    j.actor.fill("Your name", "Jo")
    j.actor.fill("Your e-mail address, where we send the dates of the meetings", "jo@example.test")
    j.actor.click("Join")
    step = j.end_step()
    names = "Your name Your e-mail address, where we send the dates of the meetings Join"  # labels, button
    sent_after_ms = int(parse_qs(urlsplit(j.page.url).query)["after"][0])  # the page's own clock at the submit
    assert sent_after_ms >= persona.reading_time(names).accounted_ms > 3000
    [click] = [a for a in step.actions if a.kind == "click"]
    assert click.persona_ms > 0 and "read the form" in click.detail  # the persona's time, not the site's


def test_without_the_setting_the_form_goes_as_soon_as_it_is_filled_in(journey_for: Any, site: str) -> None:
    persona = make_persona(pace={"reading_wpm": 50, "typing_delay_ms": 0, "think_time_ms": 0})  # 17 s to read
    j = journey_for(persona)
    j.begin_step("When I join", "When")
    j.actor.goto(f"{site}/time-trap.html")
    j.actor.fill("Your name", "Jo")
    j.actor.click("Join")
    step = j.end_step()
    names = "Your name Your e-mail address, where we send the dates of the meetings Join"
    sent_after_ms = int(parse_qs(urlsplit(j.page.url).query)["after"][0])
    assert sent_after_ms < persona.reading_time(names).accounted_ms
    [click] = [a for a in step.actions if a.kind == "click"]
    assert "read the form" not in click.detail


def test_a_form_the_persona_already_spent_that_long_on_costs_nothing_more(journey_for: Any, site: str,
                                                                          settings: Any) -> None:
    persona = make_persona(pace={"reading_wpm": 600, "typing_delay_ms": 0, "think_time_ms": 0})
    j = journey_for(persona, settings_=settings.model_copy(update={"read_before_send": True}))
    j.begin_step("When I join", "When")
    j.actor.goto(f"{site}/time-trap.html")
    j.page.clock.install()  # only to run the page's performance clock ahead, as if the person had read a while
    j.page.clock.run_for(10_000)
    assert j.actor._read_the_form(j.page.get_by_role("button", name="Join")) == 0.0
