"""The published transcript model: JSON round-trip, strictness, and a bad file's one-line error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from harness.exceptions import TranscriptError
from harness.transcript import (
    MASK,
    Action,
    Click,
    Control,
    Friction,
    Given,
    Message,
    Request,
    Step,
    Submit,
    Transcript,
    Wait,
)


def _full() -> Transcript:
    step = Step(
        index=0, text='When I press "Continue"', keyword="When", url_before="http://x/1", url_after="http://x/2",
        started_ms=1.5, ended_ms=900.25,
        actions=[Action(kind="click", target="Continue", habit="double_click_submit", persona_ms=1550.0)],
        prompts=[Control(selector="#email", label="Email", type="email", autocomplete="email", required=True,
                         initial_value="", value="a@example.com"),
                 Control(selector="#pw", label="Password", type="password", value=MASK, secret=True)],
        given=[Given(value="a@example.com", field="Email", data_key="email", autocomplete="email"),
               Given(value=MASK, field="Password", data_key="password", secret=True)],
        messages=[Message(text="Draft saved", kind="toast", appeared_ms=10, disappeared_ms=2010),
                  Message(text="What is your name?", kind="chat", speaker="bot", question=True)],
        waits=[Wait(action="click", kind="click", responded_ms=None, duration_ms=3000, timed_out=True,
                    outcome="reloaded")],
        requests=[Request(url="http://x/api", method="POST", status=None, failure="net::ERR_ABORTED")],
        console_errors=["boom"], friction=[Friction(kind="reload", at_ms=5.0)],
        clicks=[Click(at_ms=3.5, selector="#b", name="Go", x=4, y=5, submit=True, watched_ms=2000.0)],
        submits=[Submit(at_ms=3.6, selector="form")],
        screenshot="screenshots/a.png", status="broken", error="hung", truncated=["messages: 3 more not kept"])
    return Transcript(persona={"name": "anxious"}, persona_name="anxious", seed=3, feature="F", scenario="S",
                      tags=["@x"], steps=[step])


def test_round_trip_through_json_is_lossless(tmp_path: Path) -> None:
    t = _full()
    again = Transcript.model_validate_json(t.to_json())
    assert again == t
    path = tmp_path / "t.json"
    path.write_text(t.to_json(), encoding="utf-8")
    assert Transcript.load(path) == t
    assert again.all_given()[1][1].value == MASK


def test_unknown_fields_are_refused() -> None:
    with pytest.raises(ValueError):
        Message.model_validate({"text": "x", "colour": "red"})


def test_a_bad_file_is_one_line_naming_it(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"steps": [{"index": "x"}]}', encoding="utf-8")
    with pytest.raises(TranscriptError) as err:
        Transcript.load(bad)
    assert str(bad) in str(err.value) and "\n" not in str(err.value)


def test_a_transcript_of_an_older_schema_names_the_file_and_the_fix(tmp_path: Path) -> None:
    old = tmp_path / "old.json"
    raw = _full().model_dump(mode="json")
    raw["schema_version"] = 1
    del raw["steps"][0]["waits"][0]["kind"]  # schema 1 had waits told apart only by their action label
    old.write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(TranscriptError, match="older harness.*record the journey again") as err:
        Transcript.load(old)
    assert str(old) in str(err.value) and "\n" not in str(err.value)
