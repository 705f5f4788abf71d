"""With `read_before_send`, a persona sends a form no sooner than a person who has read it (sites' anti-robot
time traps); without it, `time_scale` 0 sends as soon as the form is filled in.

At `time_scale` 0 the actor types and presses in about a second; a site that answers forms sent that fast
with "Responding to form too quickly" would never show the persona its real answer.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from harness.browser import hands
from tests.browser.conftest import make_persona

pytestmark = pytest.mark.e2e


def test_the_form_is_sent_no_sooner_than_the_persona_reads_its_fields_names(journey_for: Any, site: str,
                                                                            settings: Any, monkeypatch: Any) -> None:
    # On the page's own clock, not the machine's speed: at load 40 the two fills took 14 s, longer than the reading,
    # so the persona had nothing left to read and the wait this test asks for never came. The page's clock now starts
    # after the fills, and the record is judged against what that clock said as the persona read the form.
    persona = make_persona(pace={"reading_wpm": 200, "typing_delay_ms": 0, "think_time_ms": 0})
    j = journey_for(persona, settings_=settings.model_copy(update={"read_before_send": True}))
    j.begin_step("When I join", "When")
    j.actor.goto(f"{site}/time-trap.html")
    j.actor.fill("Your name", "Jo")
    j.actor.fill("Your e-mail address, where we send the dates of the meetings", "jo@example.test")
    read: list[Any] = []  # [names, ms the page had been shown] as the persona read the form
    evaluate = hands.evaluate_on
    monkeypatch.setattr(hands, "evaluate_on", lambda loc, js, *args, **kw: _kept(
        evaluate(loc, js, *args, **kw), read if js == hands._FORM_SHOWN else []))
    j.page.clock.install()  # only to start the page's performance clock now, as if the form had just opened
    j.actor.click("Join")
    step = j.end_step()
    names = "Your name Your e-mail address, where we send the dates of the meetings Join"  # labels, button
    reading = persona.reading_time(names).accounted_ms
    assert reading > 3000
    [[_, shown_ms]] = read
    sent_after_ms = int(parse_qs(urlsplit(j.page.url).query)["after"][0])  # the page's own clock at the submit
    assert sent_after_ms >= reading  # however long the page had been shown when the persona read it
    [click] = [a for a in step.actions if a.kind == "click"]
    if shown_ms < reading:  # the persona had reading still to do (always, unless the click took 4 s to read it)
        assert f"read the form for {(reading - shown_ms) / 1000:.1f} s more" in click.detail, click
        assert click.persona_ms >= reading - shown_ms  # the persona's time, not the site's
    else:
        assert "read the form" not in click.detail, click


def _kept(got: Any, into: list[Any]) -> Any:
    into.append(got)
    return got


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
