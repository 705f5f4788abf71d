"""A new account the site will not let in: signing in, a moment after making it, with what was just chosen.

Why its own piece of repeated-prompt: signing in is left out of that rule's memory (credentials prove who one is;
they are no detail of the task). But a person who has just chosen a name and a password, and is sent from the
"Account created" page straight to a sign-in form to type both again, is asked again for what they gave a moment
ago: the site could have signed them in. Not when something came between that a site may rightly ask for (a mailed
link opened: the address proven first; an address opened by hand; a sign-out).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from harness.checks.pages import signs_in, signs_out

if TYPE_CHECKING:
    from harness.checks.context import Context
    from harness.findings import Finding
    from harness.transcript import Given, Step


def _chose_password(step: Step) -> bool:
    """The step gave a new password: a password and its confirmation (two password boxes), or one marked new."""
    boxes = [g for g in step.given if g.type == "password"]
    return len(boxes) == 2 or any("new-password" in g.autocomplete for g in boxes)


def signed_in_again(ctx: Context) -> Iterator[Finding]:
    """The sign-in straight after the account was made, typing the name (or e-mail) given to make it."""
    steps = ctx.transcript.steps
    made: tuple[int, list[Given]] | None = None
    for pos, step in enumerate(steps):
        if signs_out(step) or any(a.kind == "goto" for a in step.actions):
            made = None
        if made is not None and signs_in(step) and any(a.kind == "sign-in" for a in step.actions):
            names = {g.value for g in made[1] if g.type != "password" and g.value}
            again = next((g for g in step.given if g.type != "password" and g.value in names), None)
            if again is not None and any(g.type == "password" for g in step.given):
                first = steps[made[0]]
                yield ctx.finding(step, message="failed.sign_in_again", impact="moderate", prompt=again.field,
                                  earlier_step=made[0], url=step.url_before,
                                  key=f"sign-in-again|{first.index}",
                                  suggestion="Sign the person in when the account is made, and greet them there "
                                             "(\"Your account is ready\"), instead of sending them to type the name "
                                             "and password they just chose; if the address must be proven first, "
                                             "say so and sign them in from the mailed link.")
            made = None
        if _chose_password(step) and not signs_in(step):
            made = (pos, [g for g in step.given if g.channel == "form"])
