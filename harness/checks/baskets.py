"""What the person put in a basket, cart or bag, and where a page later says it is empty.

Why: a basket is context the person built up, like the answers of a form; a basket that empties when
they sign out and in again (or for no reason they can see) loses it. Emptied by an order placed or a
"Remove" press, it is not lost.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from harness.checks.context import Context
from harness.checks.pages import has_error, path_of, signs_in, signs_out
from harness.checks.patterns import has
from harness.checks.submissions import final_submissions

if TYPE_CHECKING:
    from harness.findings import Finding
    from harness.transcript import Message, Step, Transcript


@dataclass(frozen=True)
class Emptied:
    """The basket filled at step position `filled` read as empty at `pos`; `signed`: a sign-out or in came between."""

    filled: int
    pos: int
    message: Message
    added: str
    signed: bool


def emptied(transcript: Transcript) -> list[Emptied]:
    """Each time a page said the basket was empty after the person put something in it (once per filling)."""
    steps, out = transcript.steps, []
    ended = set(final_submissions(steps))
    filled: tuple[int, str] | None = None
    signed = False
    for pos, step in enumerate(steps):
        presses = [a for a in step.actions if a.kind in ("click", "press")]
        if any(has("basket_remove", a.target) for a in presses) or pos in ended:
            filled = None  # taken out on purpose, or ordered: an empty basket is right
        elif filled is None and into_basket(step):
            filled, signed = (pos, presses[0].target), False
            continue
        if filled is None:
            continue
        signed = signed or signs_out(step) or (signs_in(step) and pos > filled[0])
        said = next((m for m in step.messages if has("basket_empty", m.text)), None)
        if said is not None:
            out.append(Emptied(filled[0], pos, said, filled[1], signed))
            filled = None
    return out


def into_basket(step: Step) -> bool:
    """A press that put something in the basket ("Add to cart") and met no error: what the person gave is there now,
    and the shop's boxes shown empty again are for the next item."""
    return not has_error(step) and any(a.kind in ("click", "press") and has("basket_add", a.target)
                                       for a in step.actions)


def baskets_emptied(ctx: Context) -> Iterator[Finding]:
    """Lost context: a basket read as empty after the person filled it (failed when a sign-out or in came between)."""
    for e in emptied(ctx.transcript):
        step = ctx.transcript.steps[e.pos]
        yield ctx.finding(step, message="failed.basket" if e.signed else "cantTell.basket",
                          outcome="failed" if e.signed else "cantTell", impact="" if e.signed else "moderate",
                          target=e.message.selector, url=e.message.url, text=e.message.text, added=e.added,
                          earlier_step=ctx.transcript.steps[e.filled].index,
                          key=f"basket|{path_of(e.message.url or step.url_after)}",
                          suggestion="Keep the basket with the account (or the session) so it survives signing "
                                     "out and in; if it must expire, say when beforehand.")
