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


def test_a_box_named_only_by_the_other_boxs_closing_hint_is_a_different_prompt() -> None:
    # a description box labelled "Description" and its hint (two labels, read as one name); on the new entry's
    # page a comment box whose only label is that hint: they share a sentence of guidance, not a question
    tip = "You may use simple formatting here."
    t = journey(
        {"text": "I describe it", "page": "/entries/new",
         "given": [give(f"Description: {tip}", "The heating stays on", name="description", page="/entries/new")],
         "prompts": [control(f"Description: {tip}", name="description", page="/entries/new", value="x")]},
        {"text": "I create it", "page": "/entries/7",
         "prompts": [control(tip, name="comment", page="/entries/7", type="textarea")]})
    assert run("repeated-prompt", t) == []
    # a short shared tail is a name, not a hint: "Contact e-mail address" / "E-mail address" still compare
    assert _by_identity_kept("Contact e-mail address", "E-mail address")


def _by_identity_kept(first: str, later: str) -> bool:
    from harness.language.prompt_hints import by_identity
    from harness.language.prompts import PromptSpec

    a, b = PromptSpec(label=first, name="contact"), PromptSpec(label=later, name="email")
    return by_identity(a, b) == (a, b)
