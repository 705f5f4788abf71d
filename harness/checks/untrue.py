"""Messages that ask for what the person already gave: a box's error that asks for it as if it were empty, or a
banner that asks for every field of a form whose every box was filled in.

Why apart: such a message is untrue, whatever its tone, and says nothing of what was wrong (a password too short
under "Please fill all fields"); cold-copy reads it as generic, where the copy model may read its words as polite.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from harness.checks.pages import path_of
from harness.checks.patterns import has

if TYPE_CHECKING:
    from harness.transcript import Message, Step

_UNTYPED = ("checkbox", "radio", "hidden", "search", "select", "file")


def asked_though_given(m: Message, steps: list[Step], pos: int) -> str:
    """What the message asks for though the person gave it ("" when not so): a field's error that asks for the field
    ("Please type your current password.", "This field is required.") though its box held what the person typed when
    they pressed (at the end of the step before, or typed in this one); or a message of no field that asks for every
    field ("Please fill all fields") right after a press that sent a form whose every box held an answer."""
    if m.field.strip():
        return _field_asked(m, steps, pos)
    return "every field" if _all_asked(m, steps, pos) else ""


def _field_asked(m: Message, steps: list[Step], pos: int) -> str:
    if m.kind != "validation" or not has("asks_for_field", m.text):
        return ""
    label = m.field.strip().casefold()
    held = pos > 0 and any(c.label.strip().casefold() == label and c.value.strip()
                           and path_of(c.url) == path_of(m.url)
                           for c in steps[pos - 1].prompts)
    typed = any(g.field.strip().casefold() == label and g.value.strip() and g.at_ms <= m.appeared_ms
                for g in steps[pos].given)
    return m.field.strip() if held or typed else ""


def _all_asked(m: Message, steps: list[Step], pos: int) -> bool:
    if pos < 1 or not steps[pos].submits or not has("asks_for_all_fields", m.text):
        return False
    sent = {s.selector for s in steps[pos].submits if s.selector}
    for form in sent:
        boxes = [c for c in steps[pos - 1].prompts if c.form == form and c.type not in _UNTYPED and not c.query]
        if len(boxes) >= 2 and all(c.value.strip() for c in boxes):
            return True
    return False
