"""Errors a press draws in place, and the step that asks for the latest error to be announced (announcing.py)."""

from __future__ import annotations

import pytest

from harness.checks.announcing import unheard_error
from harness.config import Settings
from tests.checks.conftest import act, control, journey, run, say

SCREEN_READER = {"assistive": {"screen_reader": True}}


def _pressed_in_place(*, persona=None, focus_field=False, live="", before_press=False):
    """A form sent empty by script: "This field is required." drawn under two boxes, on the same page, focus left
    on the button (or moved to the first box in error)."""
    shown_ms = 500.0 if before_press else 1300.0
    errors = [say("This field is required.", "validation", page="/join", field=label, live=live,
                  appeared_ms=shown_ms, selector=f"#{label}-error") for label in ("Name", "Email")]
    boxes = [control(label, page="/join", invalid=True, focused=focus_field and label == "Name")
             for label in ("Name", "Email")]
    return journey(
        {"text": 'Given I open the "join" page', "page": "/join", "actions": [act("goto", "/join", at_ms=0)]},
        {"text": 'When I press "Sign me up"', "page": "/join", "actions": [act("click", "Sign me up", at_ms=1000)],
         "prompts": boxes, "messages": errors},
        persona=SCREEN_READER if persona is None else persona)


def test_field_errors_a_press_draws_in_place_unannounced_fail_for_a_screen_reader_user():
    found = run("missing-reassurance", _pressed_in_place())
    assert [(f.impact, f.evidence["text"]) for f in found] == [("serious", "This field is required.")]


@pytest.mark.parametrize("variant", ["live", "focus", "before-press", "sighted"])
def test_field_errors_heard_or_not_an_answer_pass(variant):
    t = _pressed_in_place(live="assertive" if variant == "live" else "", focus_field=variant == "focus",
                          before_press=variant == "before-press", persona={} if variant == "sighted" else None)
    assert run("missing-reassurance", t) == []


def test_the_step_asking_for_an_announced_error_reports_it_whoever_walks():
    found = unheard_error(_pressed_in_place(persona={}), Settings())
    assert [(f.rule, f.impact, f.outcome, f.step) for f in found] == [("missing-reassurance", "serious", "failed", 1)]
    assert "This field is required." in found[0].message


def test_the_step_finds_the_same_finding_as_the_automatic_check():
    t = _pressed_in_place()
    assert [f.message for f in unheard_error(t, Settings())] == [f.message for f in run("missing-reassurance", t)]


@pytest.mark.parametrize("variant", ["live", "focus"])
def test_the_step_is_quiet_when_the_error_is_heard(variant):
    t = _pressed_in_place(live="polite" if variant == "live" else "", focus_field=variant == "focus")
    assert unheard_error(t, Settings()) == []
