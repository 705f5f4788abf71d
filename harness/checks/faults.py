"""A fault page: what the server answered with an error page, and what that page says to the person.

Why apart from cold-copy: which page is a fault and which of its words are its own (not the site's masthead or
footer) is the page's structure; how cold those words read is the rule's judgement.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from harness.checks.pages import SIDE_LANDMARKS, asks_for_detail
from harness.language.copy_suggest import site_name

if TYPE_CHECKING:
    from harness.transcript import Message, Step

MAX_PAGE_CHARS = 1200  # a page judged as one message: its first words, as a person reads them


def fault_page(step: Step) -> bool:
    """The page the step landed on was answered with a fault: the server's (HTTP 5xx), or an address that is not
    there or not allowed (4xx) on a page that asks nothing (not a form sent back with its field errors)."""
    return any(r.status is not None and r.resource == "document" and (
        r.status >= 500 or (r.status >= 400 and not any(asks_for_detail(c) for c in step.prompts)))
        for r in step.requests)


def fault_message(step: Step) -> Message | None:
    """A fault page often says it only in its heading and paragraphs ("Error 500", "Not Found"): judged as the page
    the person reads, its own heading then its paragraphs; not the site's masthead (a heading in the header, or one
    that only says the site's name) nor its header's, footer's or side panels' lines ("Powered by …")."""
    site = site_name(step.title).casefold()
    own = [m for m in step.messages if m.text.strip() and m.landmark not in SIDE_LANDMARKS]
    heading = next((m for m in own if m.kind == "heading" and m.text.strip().casefold() != site), None)
    if heading is None:
        return None
    parts = [heading.text.strip(), *(m.text.strip() for m in own if m.kind == "text" and m.url == heading.url)]
    text = " ".join(dict.fromkeys(parts))[:MAX_PAGE_CHARS]
    return heading.model_copy(update={"text": text, "kind": "error"})
