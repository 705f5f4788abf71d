"""Settling on the page's evidence, and the `screenshots` setting.

A wait ends when the page went quiet by its own clock, but not while a timer the page set after the
action is about to fire: what it scheduled (a status, a toast) belongs to the action that caused it.
Screenshots: every step, only a step with a finding or failure (pictured when the checks find
something, while the page still shows it), or none; JPEG with the secret fields painted over.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import PASSWORD, mask_colour, pixel

pytestmark = pytest.mark.e2e


def test_a_status_the_page_scheduled_after_a_click_belongs_to_the_click(journey_for: Any, site: str) -> None:
    j = journey_for()
    j.begin_step("Given my notes", "Given")
    j.actor.goto(f"{site}/later.html")
    j.end_step()
    j.begin_step('When I press "Save note"', "When")
    wait = j.actor.click("Save note")
    step = j.end_step()
    assert wait.responded_ms is not None  # the button's own mark: an answer long before the status
    assert "Your note is saved" in wait.status_texts, wait
    saved = [m for m in step.messages if m.text == "Your note is saved"]
    assert saved and saved[0].appeared_ms - wait.started_ms >= 600  # by the page's clock, after its timer


def _settings(settings: Any, mode: str) -> Any:
    return settings.model_copy(update={"screenshots": mode})


def test_on_finding_pictures_a_step_only_when_asked_and_masks_it(journey_for: Any, site: str,
                                                                   settings: Any) -> None:
    j = journey_for(settings_=_settings(settings, "on-finding"))
    j.begin_step("Given I sign in", "Given")
    j.actor.goto(f"{site}/sign-in.html")
    j.actor.fill("Password", data_key="password")
    assert j.end_step().screenshot is None  # a passed step: no picture yet
    shot = j.screenshot_last_step()  # the checks found something on it
    assert shot and j.transcript.steps[-1].screenshot == shot
    jpeg = (j.reports_dir / shot).read_bytes()
    assert jpeg[:2] == b"\xff\xd8" and PASSWORD.encode() not in jpeg
    box = j.page.locator("#p").bounding_box()
    assert box
    centre = (box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    assert mask_colour(pixel(j.page, jpeg, *centre)), pixel(j.page, jpeg, *centre)
    assert j.page.evaluate("() => document.querySelectorAll('empathy-mask').length") == 0
    assert j.screenshot_last_step() == shot  # asked twice (a second finding): one picture
    j.begin_step("When it goes wrong", "When")
    assert j.end_step(status="failed", error="boom").screenshot  # a failed step keeps its picture


def test_screenshots_off_takes_none(journey_for: Any, site: str, settings: Any) -> None:
    j = journey_for(settings_=_settings(settings, "off"))
    j.begin_step("Given I sign in", "Given")
    j.actor.goto(f"{site}/sign-in.html")
    assert j.end_step(status="failed", error="boom").screenshot is None
    assert j.screenshot_last_step() is None
    assert not (j.reports_dir / "screenshots").exists()
