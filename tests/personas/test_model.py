"""The persona schema: ranges, closed key sets, and the KLM-like time accounting."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from harness.personas.model import KLM_BUTTON_MS, KLM_HOME_MS, KLM_POINT_MS, Persona, field_reference


def make(**kw: object) -> Persona:
    return Persona.model_validate({"name": "p", "description": "someone", **kw})


def test_defaults_are_valid_and_plausible() -> None:
    p = make()
    assert p.locale == "en_GB"
    assert p.pace.think_time_ms == 1350  # KLM mental preparation
    assert all(getattr(p.habits, h) == 0.0 for h in type(p.habits).model_fields)


@pytest.mark.parametrize(
    "data",
    [
        {"habits": {"typo": 1.5}},
        {"habits": {"typo": -0.1}},
        {"habits": {"typos": 0.1}},  # unknown key
        {"pace": {"reading_wpm": 0}},
        {"patience": {"on_silence": "shout"}},
        {"patience": {"silence_ms": 20000, "give_up_ms": 10000}},  # gives up before acting on silence
        {"locale": "xx_XX"},
        {"name": "Has Spaces"},
        {"colour": "blue"},
        {"data": {"fields": ["emial"]}},
        {"data": {"secrets": {"password": "not an env name"}}},
        {"data": {"fixed": {"password": "x"}, "secrets": {"password": "PW"}}},
        {"data": {"patterns": {"policy_number": "POL-"}}},  # no placeholder
    ],
)
def test_bad_values_are_rejected(data: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        make(**data)


def test_secret_error_does_not_echo_the_value() -> None:
    with pytest.raises(ValidationError) as info:
        make(data={"secrets": {"password": "hunter2 hunter2"}})
    assert "hunter2" not in str(info.value).split("input_value")[0]


def test_unknown_detail_field_suggests_the_closest() -> None:
    with pytest.raises(ValidationError, match="did you mean 'email'"):
        make(data={"fields": ["emial"]})


def test_pattern_and_fixed_keys_count_as_known_fields() -> None:
    p = make(
        data={"fields": ["member_id", "nickname"], "patterns": {"member_id": "M-###"}, "fixed": {"nickname": "Jo"}}
    )
    assert p.data.fields == ["member_id", "nickname"]


def test_reading_time_follows_words_per_minute_and_scale() -> None:
    p = make(pace={"reading_wpm": 120})
    text = " ".join(["word"] * 240)
    assert p.reading_time(text, time_scale=1.0).accounted_ms == pytest.approx(120000)
    fast = p.reading_time(text, time_scale=0.0)
    assert fast.accounted_ms == pytest.approx(120000) and fast.sleep_ms == 0.0
    assert p.reading_time(text, time_scale=0.25).sleep_ms == pytest.approx(30000)


def test_action_time_is_klm_like() -> None:
    p = make(pace={"think_time_ms": 1000, "typing_delay_ms": 200})
    click = p.action_time("click", time_scale=1.0)
    assert click.accounted_ms == pytest.approx(1000 + KLM_POINT_MS + 2 * KLM_BUTTON_MS)
    fill = p.action_time("fill", chars=10, time_scale=0.5)
    assert fill.accounted_ms == pytest.approx(1000 + KLM_POINT_MS + 2 * KLM_BUTTON_MS + KLM_HOME_MS + 2000)
    assert fill.sleep_ms == pytest.approx(fill.accounted_ms / 2)
    assert p.action_time("wait").accounted_ms == 0.0


def test_slower_persona_takes_longer() -> None:
    slow = make(pace={"think_time_ms": 3000, "typing_delay_ms": 400, "reading_wpm": 100})
    fast = make(pace={"think_time_ms": 500, "typing_delay_ms": 80, "reading_wpm": 400})
    for action in ("click", "fill", "choose", "press"):
        assert slow.action_time(action, chars=5).accounted_ms > fast.action_time(action, chars=5).accounted_ms
    assert slow.reading_time("a few words here").accounted_ms > fast.reading_time("a few words here").accounted_ms
    assert slow.typing_time(10).accounted_ms == 4000


def test_field_reference_documents_every_key_from_the_schema() -> None:
    rows = {key: (allowed, default, meaning) for key, allowed, default, meaning in field_reference()}
    assert rows["habits.typo"] == ("a number from 0 to 1", "0.0", "Makes a typo in a field and corrects it.")
    assert rows["patience.on_silence"][0] == "one of reload, click-again, go-back, wait"
    assert rows["name"][1] == "required"
    assert all(meaning for _allowed, _default, meaning in rows.values())
    leaves = {
        f"{group}.{key}"
        for group, model in Persona.model_fields.items()
        if hasattr(model.annotation, "model_fields")
        for key in model.annotation.model_fields
    }
    assert leaves <= set(rows) and "assistive.screen_reader" in rows
