"""missing-reassurance, moment (h): a sign-out the page says nothing of.

Why its own module: the rule's moments outgrew one file; missing_reassurance.py registers the rule and calls
`signed_out_in_silence`, as it calls `confirmations`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from harness.checks.pages import answer_steps, path_of, signs_out, taken_in, visits
from harness.checks.patterns import has

if TYPE_CHECKING:
    from harness.checks.context import Context
    from harness.findings import Finding


NOTICE_KINDS = frozenset({"confirmation", "status", "toast", "alert"})


def signed_out_in_silence(ctx: Context) -> Iterator[Finding]:
    """The person signed out and the page they were taken to says nothing of it (no notice, no "You have been logged
    out"): it looks as it does to a stranger, so they cannot tell it worked, on a shared computer above all (NN/g:
    visibility of system status). A sign-out that took them nowhere is not this moment."""
    steps, vs = ctx.transcript.steps, visits(ctx.transcript)
    window = int(ctx.threshold("confirmation_window_steps"))
    # words kept for a screen reader (a spinner's hidden "Loading …", a hidden "Logged out") are no notice to the eye
    hears = bool(ctx.trait("assistive.screen_reader", False))
    for pos, step in enumerate(steps):
        if not signs_out(step) or vs[pos].start != pos or step.url_after == step.url_before:
            continue
        said = [m for s in answer_steps(steps, vs, pos, window) for m in s.messages if m.url == step.url_after]
        if any(taken_in(m, hears) and (m.kind in NOTICE_KINDS or has("signed_out", m.text)) for m in said):
            continue
        yield ctx.finding(step, message="failed.signed_out", impact="minor", moment="after signing out",
                          key=f"{path_of(step.url_after)}|signed-out",
                          suggestion="Say it on the page the person lands on, in a role=\"status\" region: "
                                     "\"You have signed out.\"")
