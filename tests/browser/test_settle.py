"""Settling on the page's evidence, and the `screenshots` setting.

A wait ends when the page went quiet by its own clock, but not while a timer the page set after the
action is about to fire: what it scheduled (a status, a toast) belongs to the action that caused it.
Screenshots: every step, only a step with a finding or failure (pictured when the checks find
something, while the page still shows it), or none; JPEG with the secret fields painted over.
"""

from __future__ import annotations

import time
import uuid
from typing import Any

import pytest

from tests.browser.conftest import NEVER_S, PASSWORD, calls_to_the_driver, mask_colour, pixel, take_step, until_recorded

pytestmark = pytest.mark.e2e


def test_a_status_the_page_scheduled_after_a_click_belongs_to_the_click(journey_for: Any, site: str) -> None:
    j = journey_for()
    take_step(j, "Given my notes", lambda: j.actor.goto(f"{site}/later.html"))
    j.begin_step('When I press "Save note"', "When")
    wait = j.actor.click("Save note")
    step = j.end_step()
    assert wait.responded_ms is not None  # the button's own mark: an answer long before the status
    assert "Your note is saved" in wait.status_texts, wait
    saved = [m for m in step.messages if m.text == "Your note is saved"]
    assert saved and saved[0].appeared_ms - wait.started_ms >= 600  # by the page's clock, after its timer


def _windowless(settings: Any) -> Any:
    """A quiet window, a churn limit and a floor longer than two bounded waits (action_timeout_ms): a wait that
    did not time out was ended by the page's own word, however slow the machine."""
    return settings.model_copy(update={"thresholds": {"settle_quiet_ms": 30000, "settle_churn_ms": 30000,
                                                      "click_watch_ms": 30000},
                                       "action_timeout_ms": 8000})


def test_a_quiet_page_that_shows_nothing_is_left_to_run_ends_a_wait_without_a_window(journey_for: Any, site: str,
                                                                                      settings: Any) -> None:
    j = journey_for(settings_=_windowless(settings))
    take_step(j, "Given the answers page", lambda: j.actor.goto(f"{site}/answers.html"))
    settled = j.actor.wait_until_settled()  # nothing done on a quiet page: no window
    assert not settled.timed_out, settled


def test_a_press_that_opened_a_new_quiet_page_ends_its_wait_on_that_pages_word(journey_for: Any, site: str,
                                                                               settings: Any) -> None:
    # The idle word is the new document's own, so the form's post has been sent: no window to wait out.
    j = journey_for(settings_=_windowless(settings))
    take_step(j, "Given the club's form", lambda: j.actor.goto(f"{site}/time-trap.html"))
    j.begin_step('When I press "Join"', "When")
    j.actor.fill("Your name", "Jo")
    wait = j.actor.click("Join")
    j.end_step()
    assert wait.navigated and not wait.timed_out, wait


def test_what_a_new_page_scheduled_as_it_loaded_is_judged_in_the_step_that_opened_it(journey_for: Any, site: str,
                                                                                   settings: Any) -> None:
    # The page is the answer; the persona need not wait out its timer, but the notice it draws belongs to the
    # step that opened the page, whenever it appears (during that step's wait or once the persona moved on).
    j = journey_for(settings_=_windowless(settings))
    j.begin_step("Given my settings page", "Given")
    opened = j.actor.goto(f"{site}/saved-later.html")
    first = j.end_step()
    take_step(j, "When I read the page", lambda: until_recorded(j, lambda m: m.text == "Your changes are saved"))
    assert not opened.timed_out, opened
    steps = j.finish().steps
    saved = [m for m in steps[0].messages if m.text == "Your changes are saved"]
    assert saved and saved[0].caused_ms is not None, steps[0].messages
    assert first.started_ms <= saved[0].caused_ms <= first.ended_ms
    assert "Your changes are saved" not in [m.text for m in steps[1].messages]


@pytest.mark.parametrize("body_ms", [400, 2000])
def test_a_page_still_reading_the_body_of_its_own_request_is_not_quiet(journey_for: Any, site: str,
                                                                        body_ms: int) -> None:
    # The harness stops counting a request when its headers arrive; the page draws what the body brings. At 2 s the
    # body comes later than settle_churn_ms after the page's first change: a page that stopped changing to read it
    # is waiting, not churning (a wait cut at the churn bound would miss the question).
    j = journey_for()
    step = take_step(j, "Given the chat page", lambda: j.actor.goto(f"{site}/first-question.html?ms={body_ms}"))
    assert "What is your name?" in [m.text for m in step.messages], step.messages


def test_a_page_still_loading_is_not_snapshotted_before_its_scripts_arrange_it(journey_for: Any, site: str,
                                                                                 settings: Any) -> None:
    # Its picture's body comes 800 ms late and nothing changes meanwhile: a quiet window is not the page's end. Once
    # loaded, its script puts the form in tabs; a snapshot taken before counted the hidden tab's fields as asked.
    # (The loading bound and the churn limit far beyond the wait's: however slow the machine, only the load ends it.)
    slow = settings.model_copy(update={"thresholds": {"settle_loading_ms": 30000, "settle_churn_ms": 30000}})
    j = journey_for(settings_=slow)
    j.begin_step("Given the notice form", "Given")
    wait = j.actor.goto(f"{site}/tabbed-late.html")
    step = j.end_step()
    assert not wait.timed_out, wait
    asked = [c.label for c in step.prompts]
    assert "Title" in asked and "Short name" not in asked, asked


@pytest.mark.parametrize(("button", "answer"), [("Answer when drawn", "Answered when drawn"),
                                                ("Answer when fetched", "Answered when fetched: ok")])
def test_an_answer_still_being_drawn_or_fetched_keeps_the_wait_open(journey_for: Any, site: str, button: str,
                                                                     answer: str) -> None:
    j = journey_for()
    take_step(j, "Given the answers page", lambda: j.actor.goto(f"{site}/answers.html"))
    j.begin_step(f'When I press "{button}"', "When")
    wait = j.actor.click(button)
    step = j.end_step()
    assert answer in wait.status_texts, wait  # the page was not idle while a frame or a body was due
    assert any(m.text == answer for m in step.messages)


def test_filling_in_a_form_as_a_step_begins_asks_the_page_for_its_controls_once(journey_for: Any, site: str,
                                                                                   monkeypatch: Any) -> None:
    j = journey_for()
    take_step(j, "Given the sign-in page", lambda: j.actor.goto(f"{site}/sign-in.html"))
    asked: list[bool] = []
    snapshot = j.recorder.snapshot
    monkeypatch.setattr(j.recorder, "snapshot", lambda page, paint=None: asked.append(True) or snapshot(page, paint))
    step = take_step(j, "When I fill in the form", j.actor.fill_form)
    assert len(asked) == 1  # the step's end; the form was read from the snapshot the step before ended with
    email = next(c for c in step.prompts if c.name == "user")
    assert email.value and email.initial_value == ""  # what was typed, read at the step's end
    j.begin_step("When I fill in the form again", "When")
    j.page.evaluate("() => document.getElementById('u').setAttribute('data-changed', '1')")
    j.actor.fill_form()  # the page changed since: asked again
    j.end_step()
    assert len(asked) == 3


def test_a_wait_asks_the_browser_nothing_while_it_waits(journey_for: Any, site: str, monkeypatch: Any) -> None:
    # Between its looks a wait naps in the client until the recorder hears something (nap.py): no round trip per
    # tick, so the page's word ends it as it comes; one round trip to the page as it ends (its last look), to hear
    # what the driver had heard. Before, each look was a 5 to 20 ms `waitForTimeout`.
    j = journey_for()
    take_step(j, "Given my notes", lambda: j.actor.goto(f"{site}/later.html"))
    j.begin_step('When I press "Save note"', "When")
    calls = calls_to_the_driver(monkeypatch)
    wait = j.actor.click("Save note")
    pressed = list(calls)
    j.actor.wait(0.3)
    waited = calls[len(pressed):]
    step = j.end_step()
    assert "Your note is saved" in wait.status_texts, wait  # the wait lasted until the page's own timer drew it
    assert pressed[-2:] == ["click", "evaluateExpression"], pressed  # find, read, press; then the wait's last look only
    assert pressed.count("evaluateExpression") == 1 and "waitForTimeout" not in pressed, pressed
    assert waited == [], waited  # and the wait of 0.3 s asked nothing
    assert [w.kind for w in step.waits] == ["click", "wait"]


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


@pytest.mark.parametrize("what", ["script", "style", "picture"])
def test_a_part_the_page_asked_for_after_it_loaded_keeps_its_word_from_calm(journey_for: Any, site: str,
                                                                              what: str) -> None:
    # Once loaded, the page puts in a script (a bundle's chunk), a stylesheet or a picture, held by the test site until
    # released: order, not time. Meanwhile the page is not calm (what it asked for is still coming; the harness hears
    # of that request only later), and it is once the part came.
    from urllib.request import urlopen

    j = journey_for()
    key = f"tabbed-late-{what}-{uuid.uuid4().hex}"  # its own: the site (and a released key) outlives the module
    j.begin_step("Given the form", "Given")
    j.page.goto(f"{site}/tabbed-late.html?ms=0&part={what}&key={key}")
    rec = j.recorder

    def word_after_asking() -> Any:
        until = time.monotonic() + NEVER_S
        while True:
            asked = j.page.evaluate("window.askedAt || 0")
            word = rec._current_word()
            if asked and word is not None and word.last >= rec.clock.at(asked):
                return word
            assert time.monotonic() < until, "the page never said it went quiet after asking"
            j.page.wait_for_timeout(50)

    held = word_after_asking()
    assert not held.calm and held.awaits, held
    with urlopen(f"{site}/release?key={key}") as answer:
        assert answer.read() == b"ok"
    until = time.monotonic() + NEVER_S
    while not ((word := rec._current_word()) is not None and word.calm):
        assert time.monotonic() < until, "the page never said it was calm once the part came"
        j.page.wait_for_timeout(50)
    j.end_step()


@pytest.mark.parametrize("how", ["open", "reload"])
def test_a_page_that_shows_nothing_yet_is_not_snapshotted_before_it_draws(journey_for: Any, site: str,
                                                                         settings: Any, how: str) -> None:
    # A single-page app's document is loaded and quiet while it still shows nothing at all (no word, no control); it
    # draws its form 2 s later by its own clock, with no request or timer the settle could hold for. A person waits for
    # the page to show something: the step that opened (or reloaded) it reads the form, not the blank page.
    # (The loading bound far beyond the wait's: however slow the machine, only the drawing ends it.)
    slow = settings.model_copy(update={"thresholds": {"patience_stretch": 1, "settle_loading_ms": 30000}})
    j = journey_for(settings_=slow)
    if how == "reload":
        take_step(j, "Given the sign-in page", lambda: j.actor.goto(f"{site}/late-form.html?after=2000"))
    j.begin_step("When I open the sign-in page", "When")
    wait = j.actor.reload() if how == "reload" else j.actor.goto(f"{site}/late-form.html?after=2000")
    step = j.end_step()
    assert not wait.timed_out, wait
    assert {"Email", "Password"} <= {c.label for c in step.prompts}, step.prompts


def test_a_page_that_shows_nothing_yet_is_waited_for_past_the_bound_on_a_loaded_machine(journey_for: Any, site: str,
                                                                                       settings: Any) -> None:
    # The same page drawn 3 s after it began, and an action bound of 2 s: on a machine whose load draws patience out
    # three times (patience_stretch 3), the loading window (5 s, so 15 s) outlasts the bound, and a person waits for a
    # page that has not come: the wait goes on past its bound until the page draws, and the step reads the form.
    loaded = settings.model_copy(update={"action_timeout_ms": 2000, "thresholds": {"patience_stretch": 3}})
    j = journey_for(settings_=loaded)
    j.begin_step("When I open the sign-in page", "When")
    wait = j.actor.goto(f"{site}/late-form.html?after=3000")
    step = j.end_step()
    assert not wait.timed_out, wait
    assert {"Email", "Password"} <= {c.label for c in step.prompts}, step.prompts


def test_a_page_whose_word_said_it_is_still_coming_is_not_churning_as_it_goes_on_changing(journey_for: Any, site: str,
                                                                                         settings: Any) -> None:
    # The page's last word said it is still coming (it shows nothing); then it keeps changing for two seconds as its
    # parts arrive (hidden), so it sends no word meanwhile, and only then draws its form. The churn bound is for a page
    # that never stops changing: it ended this wait once the changes began, and the step read a page with no form
    # (seen on Plone's add form on a loaded machine). The last word heard stands until the page says otherwise, within
    # the loading window. (The churn bound short, the loading window far beyond the wait: only the form ends it.)
    quick = settings.model_copy(update={"thresholds": {"settle_churn_ms": 300, "settle_loading_ms": 30000}})
    j = journey_for(settings_=quick)
    j.begin_step("When I open the notice form", "When")
    wait = j.actor.goto(f"{site}/late-ticker.html")
    step = j.end_step()
    assert not wait.timed_out, wait
    assert "Title" in [c.label for c in step.prompts], step.prompts
