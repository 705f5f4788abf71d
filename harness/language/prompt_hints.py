"""A hint is a description of a field, not its identity: two boxes that share only a hint ask different things.

Why: sites tell people how to fill a box in a sentence beside it ("Tell us more…", "You may use simple
formatting here."), and the same sentence sits beside several boxes. When that sentence is all a box is
named by (its placeholder, or its only label) the comparer would read two boxes as one question; what
tells them apart is their own name (the label's other words, or the field's name or id).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from harness.language.prompts import PromptSpec

MIN_HINT_WORDS = 4  # a shorter shared tail ("Name", "E-mail address") is a name, not a sentence of guidance


def _hint(s: PromptSpec, other: PromptSpec) -> str:
    """The hint `s` shows in place of a name of its own: its placeholder standing as its label, or a label that
    is only the closing sentence of the other's ("Description: You may use …" / "You may use …"); else ""."""
    label, tip, theirs = (x.strip().casefold() for x in (s.label, s.placeholder, other.label))
    if tip and label in ("", tip):
        return tip
    return label if len(label.split()) >= MIN_HINT_WORDS and theirs != label and theirs.endswith(label) else ""


def _without(s: PromptSpec, hint: str) -> PromptSpec:
    label = s.label.strip()
    label = label[: len(label) - len(hint)].strip(" :-") if label.casefold().endswith(hint) else label
    return replace(s, label=label, placeholder="" if s.placeholder.strip().casefold() == hint else s.placeholder)


def by_identity(a: PromptSpec, b: PromptSpec) -> tuple[PromptSpec, PromptSpec]:
    """`a` and `b` without the hint they share, when one of them is named by that hint only and their names
    or ids differ; else as they are."""
    hint = _hint(a, b) or _hint(b, a)
    shared = hint and all(hint in (x.label.strip().casefold(), x.placeholder.strip().casefold())
                          or x.label.strip().casefold().endswith(hint) for x in (a, b))
    if shared and (a.name or a.id) and (b.name or b.id) and (a.name or a.id) != (b.name or b.id):
        return _without(a, hint), _without(b, hint)
    return a, b
