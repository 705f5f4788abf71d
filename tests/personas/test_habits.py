"""Habits fire like a person's but reproducibly, and every decision is logged."""

from __future__ import annotations

import pytest

from harness.personas.habits import Habits
from harness.personas.model import HABITS, Persona


def persona(**habits: float) -> Persona:
    return Persona.model_validate({"name": "p", "description": "d", "habits": habits})


def test_same_seed_same_decisions_regardless_of_order() -> None:
    p = persona(typo=0.5, go_back=0.5)
    keys = [f"field {i}" for i in range(50)]
    first = [Habits(p, 42).fires("typo", k) for k in keys]
    h = Habits(p, 42)
    for k in keys:
        h.fires("go_back", k)  # other decisions in between change nothing
    second = [h.fires("typo", k) for k in reversed(keys)][::-1]
    assert first == second
    assert 5 < sum(first) < 45  # and it is not constant


def test_seed_persona_habit_and_key_all_matter() -> None:
    p, q = persona(typo=0.5, go_back=0.5), persona(typo=0.5, go_back=0.5).model_copy(update={"name": "q"})
    keys = [f"k{i}" for i in range(64)]
    base = [Habits(p, 1).fires("typo", k) for k in keys]
    assert base != [Habits(p, 2).fires("typo", k) for k in keys]
    assert base != [Habits(q, 1).fires("typo", k) for k in keys]
    assert base != [Habits(p, 1).fires("go_back", k) for k in keys]


def test_probability_zero_never_one_always_and_rate_follows_p() -> None:
    h = Habits(persona(typo=0.0, open_help=1.0, go_back=0.3), "run-1")
    keys = [f"k{i}" for i in range(2000)]
    assert not any(h.fires("typo", k) for k in keys)
    assert all(h.fires("open_help", k) for k in keys)
    rate = sum(h.fires("go_back", k) for k in keys) / len(keys)
    assert abs(rate - 0.3) < 0.05


def test_log_explains_every_decision() -> None:
    h = Habits(persona(double_click_submit=1.0), 7)
    assert h.fires("double_click_submit", "Submit claim")
    assert not h.fires("typo", "Email")
    assert [(d.habit, d.key, d.fired) for d in h.log] == [
        ("double_click_submit", "Submit claim", True),
        ("typo", "Email", False),
    ]
    assert h.fired() == h.log[:1]
    assert "double_click_submit fired at 'Submit claim'" in h.log[0].explain()


def test_unknown_habit_is_an_error() -> None:
    with pytest.raises(ValueError, match="typo"):
        Habits(persona(), 1).fires("tpyo", "x")
    assert set(HABITS) == set(type(persona().habits).model_fields)
