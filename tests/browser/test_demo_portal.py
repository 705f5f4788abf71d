"""The demo portal's cold variant, walked by a persona: what the transcript alone shows (issue 4)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.conftest import PASSWORD, PASSWORD_ENV, make_persona, take_step, until_recorded

from .struggle import signs_of

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def cold() -> Iterator[str]:
    from harness.demo.server import DemoServer

    with DemoServer("cold", port=0, submit_delay=2.5, agent_delay=0.5) as server:
        yield server.url


@pytest.fixture
def walk(browser: Any, cold: str, tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    from harness.browser.journey import Journey
    from harness.config import Settings
    from harness.personas.data import generate_data

    monkeypatch.setenv(PASSWORD_ENV, PASSWORD)
    persona = make_persona(data={"patterns": {"policy_number": "HM-#######"}, "secrets": {"password": PASSWORD_ENV}})
    settings = Settings(base_url=cold, reports_dir=str(tmp_path), action_timeout_ms=10000)
    j = Journey(browser, settings, persona, generate_data(persona, run_seed=3, scenario="demo"),
                feature="Demo portal", scenario="cold claim", reports_dir=tmp_path)
    yield j
    j.close()


def _step1(j: Any) -> None:
    j.actor.fill("Policy number", data_key="policy_number")
    j.actor.fill("Your full name", data_key="full_name")
    j.actor.fill("Email address", data_key="email")
    j.actor.fill("Date of the incident", "14 3 2026")
    j.actor.choose("Type of incident", "Car accident")


def test_cold_claim_journey_from_the_transcript_alone(walk: Any, cold: str) -> None:
    j = walk
    take_step(j, "Given I start a claim", lambda: j.actor.goto(f"{cold}/claims/new"))
    step1 = take_step(j, "When I answer step 1", lambda: _step1(j))
    toast_step = take_step(j, "And I continue", lambda: (
        j.actor.click("Continue"), until_recorded(j, lambda m: m.kind == "toast" and m.disappeared_ms is not None)))
    take_step(j, "And I go back", j.actor.back)
    take_step(j, "And I answer step 1 again", lambda: (_step1(j), j.actor.click("Continue")))
    take_step(j, "And I answer step 2", lambda: (
        j.actor.fill("Tell us what happened", "A van reversed into my parked car"),
        j.actor.fill("Where did it happen?", "Leeds LS1"), j.actor.click("Continue")))
    take_step(j, "And I see step 3", lambda: None)
    submit = take_step(j, "And I submit", lambda: (
        j.actor.fill_form(), j.actor.choose("When's the best time to call you?", "Morning"),
        j.actor.click("Submit claim")))
    dead = take_step(j, "And I try to download a summary", lambda: j.actor.click("Download summary"))
    t = j.finish()

    # The email asked on step 1 and again on step 3, with the same autocomplete token.
    assert step1.lang == "en-GB"  # the page's declared language: it chooses the phrase data the checks read
    first = next(c for c in step1.prompts if c.autocomplete == "email")
    step3 = next(s for s in t.steps if s.text == "And I see step 3")
    again = next(c for c in step3.prompts if c.autocomplete == "email")
    assert first.label == "Email address" and again.initial_value == ""
    # The field cleared after going back.
    back = next(s for s in t.steps if s.text == "And I go back")
    cleared = next(c for c in back.prompts if c.autocomplete == "email")
    assert cleared.initial_value == "" and any(g.data_key == "email" for g in step1.given)
    # A transient toast that disappears after about two seconds.
    toast = next(m for m in toast_step.messages if m.kind == "toast")
    assert toast.disappeared_ms is not None and 1500 <= toast.disappeared_ms - toast.appeared_ms
    assert toast.disappeared_ms <= toast_step.ended_ms  # its going recorded in the step that waited for it
    # The slow submit with no busy signal, and how long it lasted.
    wait = next(w for w in submit.waits if w.kind == "click")
    assert wait.busy_signal_ms is None and wait.duration_ms >= 2400 and wait.navigated
    # A dead click.
    assert any(f.kind == "dead-click" for f in signs_of(dead))


def test_cold_chat_bot_and_agent_questions_with_speakers(walk: Any, cold: str) -> None:
    j = walk
    take_step(j, "Given I open the chat", lambda: j.actor.goto(f"{cold}/chat"))
    take_step(j, "When I tell the bot my name", lambda: j.actor.chat(data_key="full_name"))
    take_step(j, "And my policy number", lambda: j.actor.chat(data_key="policy_number"))
    take_step(j, "And my problem", lambda: (
        j.actor.chat("My windscreen cracked on the motorway"),
        until_recorded(j, lambda m: m.speaker == "agent" and "policy number" in m.text.lower())))
    t = j.finish()
    said = [m for s in t.steps for m in s.messages if m.kind in ("chat", "handoff")]
    bot_questions = [m for m in said if m.speaker == "bot" and m.question]
    agent_questions = [m for m in said if m.speaker == "agent" and m.question]
    assert bot_questions and agent_questions
    assert any("policy number" in m.text.lower() for m in agent_questions)
    given = [g for s in t.steps for g in s.given if g.channel == "chat"]
    assert given[1].data_key == "policy_number" and "policy" in given[1].field.lower()
