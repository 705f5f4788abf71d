"""lost-context's answers shown back wrong after an error: the stored value put back over what the person typed,
and passwords emptied.

Why apart from the rule's module: these judge what a re-shown box holds against what was typed into it, one box
at a time; the rule's module decides which re-shown pages are memory questions at all (after back, reload or an
error) and reports the boxes left empty.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from harness.checks.context import Context, mask
from harness.checks.pages import (
    control_identity,
    field_key,
    given_identity,
    has_error,
    path_of,
    sent_back,
    signs_in,
    visits,
)
from harness.checks.patterns import squash

if TYPE_CHECKING:
    from harness.findings import Finding
    from harness.transcript import Given, Step

TYPED = frozenset({"", "text", "email", "tel", "url", "number", "textarea"})


def put_back(control: Any, g: Given, typed_on: Step) -> bool:
    """The box shows again the value it held before the person typed over it (the stored one), not what they
    typed: their answer is gone though the box is not empty. A value the site only rewrote ("36.4" for "36.40",
    a phone number in another format) was not there before, so it is not this."""
    key = field_key(g)
    before = next((c.initial_value for c in typed_on.prompts if field_key(c) == key), "")
    shown, said = squash(control.initial_value), squash(g.value)
    return (control.type.lower() in TYPED and bool(shown) and bool(said) and shown != said
            and shown == squash(before))


def replaced(ctx: Context, step: Step, cause: str, control: Any, gpos: int, g: Given) -> Finding:
    """The finding for a box that shows its old value again after `cause` ("a validation error")."""
    label = control.label or control.name or control.selector
    return ctx.finding(step, message="failed.replaced", target=control.selector, url=control.url,
                       key=f"replaced|{path_of(control.url or step.url_after)}|{cause}|{label}", cause=cause,
                       fields=label, count=1, earlier_step=ctx.transcript.steps[gpos].index,
                       shown=mask(control.initial_value, False), typed=mask(g.value, False),
                       suggestion="Show what the person typed, beside the error, so they can see and correct it; "
                                  "never put the stored value back in its place.")


def secrets_emptied(ctx: Context) -> Iterator[Finding]:
    """Password fields shown empty after an error on a form that is not a sign-in (there a wrong password
    is rightly cleared): minor, and an open question, as many sites clear them by design."""
    given: dict[tuple[str, str], int] = {}
    reported: set[int] = set()
    returned = sent_back(ctx.transcript)
    for pos, (step, visit) in enumerate(zip(ctx.transcript.steps, visits(ctx.transcript), strict=True)):
        for g in step.given:
            if g.channel == "form" and ctx.is_secret(secret=g.secret, data_key=g.data_key, type=g.type):
                given[given_identity(g, step)] = pos
        if visit.number in reported or not has_error(step) or signs_in(step, step.url_after):
            continue
        empty = [c for c in step.prompts if (c.secret or c.type == "password") and not c.value
                 and control_identity(c, step, returned) in given]
        if empty:
            reported.add(visit.number)
            labels = [c.label or c.name or c.selector for c in empty]
            yield ctx.finding(step, message="cantTell.secret", outcome="cantTell", impact="minor",
                              target=empty[0].selector, url=empty[0].url, fields=", ".join(labels),
                              key=f"secret|{path_of(empty[0].url or step.url_after)}|{'/'.join(sorted(labels))}",
                              suggestion="Keep what can be kept; if the passwords must be cleared, say so next to "
                                         "the fields (\"Enter both passwords again\").")
