"""Which status lines owe words: one gone too soon to read, a look-up's busy word, a label that is no status.

Why apart: cold-copy judges the words; these decide, from the page's own clock and requests, whether a status was a
hard moment at all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from harness.checks.pages import requests_during
from harness.checks.patterns import has
from harness.checks.submissions import WRITE_METHODS

if TYPE_CHECKING:
    from harness.transcript import Message, Step, Wait


def shown_ms(m: Message) -> float | None:
    """How long it was on screen; None when unknown, or for the browser's own box (the harness closed it)."""
    return None if m.disappeared_ms is None or m.dialog else m.disappeared_ms - m.appeared_ms


def brief(text: str, shown_ms: float | None, brief_ms: float, kind: str = "status") -> bool:
    """A status under way, or an empty result, that was gone within `brief_ms`: too quick to read, so it owes
    no words (an empty result replaced that soon was a search still running: its answer is what followed)."""
    return (shown_ms is not None and shown_ms < brief_ms
            and (under_way(text) or kind == "empty" and not has("error_words", text)))


def under_way(text: str) -> bool:
    """Words that something is under way ("Sending…"), and no word of an error."""
    return has("pending", text) and not has("error_words", text)


TYPING = frozenset({"fill", "choose", "tick"})


def busy_word(text: str, step: Step, w: Wait) -> bool:
    """A status under way shown while a look-up ran: what the person typed or chose being looked up, or a
    press that only read (every request a GET). A write under way (the person's submission) is a hard moment;
    what a page sends once it has come (its scripts opening a socket by polling, with POSTs) is its starting up."""
    if not under_way(text):
        return False
    sent = requests_during(step, w)
    came = next((r.started_ms for r in sent if r.resource == "document"), None)
    sent = [r for r in sent if came is None or r.started_ms <= came]
    if any(r.method.upper() in WRITE_METHODS for r in sent):
        return False
    return w.kind in TYPING or bool(sent)


def status_kind(text: str) -> str:
    """What a status region's text is: an error in a status region is an error; a label of one or two words
    that says nothing happened ("Sidebar", "Main menu") is no status ("")."""
    if has("error_words", text):
        return "error"
    if len(text.split()) < 3 and not has("status_words", text) and not has("pending", text):
        return ""
    return "status"
