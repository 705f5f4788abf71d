"""A hint is a description, not a prompt's identity: two boxes that share only their hint ask different things."""

from __future__ import annotations

import pytest

from .conftest import control, give, journey, run

pytestmark = pytest.mark.model  # the comparer reads the labels with the embedding model

HINT = "Tell us more…"


def _journey(later_name: str) -> object:
    # What the form snapshot records for a box with no label: its accessible name is the hint (label),
    # and the hint again as placeholder; the value given there keeps the hint beside the field's name.
    return journey(
        {"text": "I write a comment", "page": "/ticket/1",
         "given": [give(HINT, "The lift is broken again", name="comment", page="/ticket/1", placeholder=HINT)],
         "prompts": [control(HINT, name="comment", page="/ticket/1", placeholder=HINT, value="x")]},
        {"text": "I open the new ticket form", "page": "/ticket/new",
         "prompts": [control(HINT, name=later_name, page="/ticket/new", placeholder=HINT)]},
    )


def test_two_boxes_sharing_only_a_hint_are_different_prompts() -> None:
    assert run("repeated-prompt", _journey("description")) == []


def test_the_same_box_asked_again_is_still_a_repeated_prompt() -> None:
    found = run("repeated-prompt", _journey("comment"))
    assert [f.outcome for f in found] == ["failed"]
