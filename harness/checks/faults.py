"""A fault page: what the server answered with an error page, and what that page says to the person.

Why apart from cold-copy: which page is a fault and which of its words are its own (not the site's masthead or
footer) is the page's structure; how cold those words read is the rule's judgement.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from harness.checks.pages import SIDE_LANDMARKS, asks_for_detail, path_of
from harness.checks.patterns import has, pattern
from harness.checks.status_copy import shown_ms
from harness.language.copy_suggest import page_name, site_name

if TYPE_CHECKING:
    from harness.transcript import Message, Step

PAGE_ANSWERS = ("document", "xhr", "fetch")  # what a page asks the server for, to show the person
MAX_PAGE_CHARS = 1200  # a page judged as one message: its first words, as a person reads them
STATUS_CODE = re.compile(r"\b[45]\d\d\b")  # an HTTP fault's number, as fault pages show it
GLIMPSE_MS = 1000.0  # a line gone within a second of showing was too quick to read (as cold-copy's brief status)
DRAWN_FAULT_CHARS = 80  # a fault drawn by script says so in a line ("404 Error"), not inside a paragraph
# a fault's number named as one: "404 Error", "Error 404", "404 Not Found" (not "Showing 404 of 900")
NAMED_FAULT = re.compile(r"\b(?:error|fault)\s*[:#]?\s*[45]\d\d\b|\b[45]\d\d\s*[:-]?\s*(?:error|not found|forbidden|"
                         r"unauthori[sz]ed|gone)\b", re.IGNORECASE)


def fault_page(step: Step) -> bool:
    """The page the step landed on was answered with a fault: the server's (HTTP 5xx), or an address that is not
    there or not allowed (4xx) on a page that asks nothing (not a form sent back with its field errors)."""
    return any(r.status is not None and r.resource == "document" and (
        r.status >= 500 or (r.status >= 400 and not any(asks_for_detail(c) for c in step.prompts)))
        for r in step.requests)


def drawn_fault(step: Step) -> bool:
    """A page drawn by script answers every address with 200 and draws its own fault ("Oops, couldn't find that
    404 Error"): a short heading or line of the page's own that names a fault's number as one, on a page
    that asks nothing. Only on a page the person opened by its address (the caller's to say): after a press, the
    same words are the page's heading, not the server's answer."""
    return not any(asks_for_detail(c) for c in step.prompts) and any(
        m.kind in ("heading", "text") and m.landmark not in SIDE_LANDMARKS and len(m.text) <= DRAWN_FAULT_CHARS
        and NAMED_FAULT.search(m.text) is not None for m in step.messages)


def found_nothing(m: Message) -> bool:
    """A line of the page's own that says a look-up found nothing ("No pages link to Main Page.", "0 results") or
    that the page asked for holds nothing yet ("There is currently no text in this page."); not the header's,
    footer's or side panels' lines; a condition's clause says nothing of it ("If you have not received it, …")."""
    said = pattern("message_condition").sub(" ", m.text)
    return m.kind in ("text", "empty") and m.landmark not in SIDE_LANDMARKS and (
        has("no_match", said) or has("empty_state", said))


def empty_result(step: Step) -> Message | None:
    """What a page answered with 4xx says of an empty result, its lines read together ("Nothing here" over "It looks
    like nothing was found at this location."): a wiki answers "What links here" with no links, and a page with no
    text yet, as "404 Not Found". A status the person asked for, judged as an empty state (does it say what to try
    next?), not as a fault that owes an apology, a phone number and a word on the answers kept. A server's fault
    (5xx) is a fault, whatever its page says. None when the page says no such thing."""
    lines = [] if server_fault(step) else [m for m in step.messages if found_nothing(m)]
    if not lines:
        return None
    text = " ".join(dict.fromkeys(m.text.strip() for m in lines))[:MAX_PAGE_CHARS]
    return lines[0].model_copy(update={"text": text, "kind": "empty"})


def server_fault(step: Step) -> bool:
    """The page the step landed on is the server's fault page (HTTP 5xx)."""
    return any(r.status is not None and r.status >= 500 and r.resource == "document" for r in step.requests)


def failed_by_server(step: Step) -> bool:
    """The server failed what the page asked of it for the person: its document or a look-up by its script answered
    5xx. A picture's, a style sheet's or a visit counter's 5xx is no fault the person meets."""
    return any(r.status is not None and r.status >= 500 and r.resource in PAGE_ANSWERS for r in step.requests)


def glimpsed(m: Message) -> bool:
    """On the page for less than a second, then gone: a line the page's own style sheet hides (a print footer, a
    tagline), there only while the page first drew, before its styles applied; no person reads it."""
    shown = shown_ms(m)
    return shown is not None and shown < GLIMPSE_MS


def fault_message(step: Step) -> Message | None:
    """A fault page often says it only in its heading and paragraphs ("Error 500", "Not Found"): judged as the page
    the person reads, its own heading then its paragraphs; not the site's masthead (a heading in the header, or one
    that only says the site's name) nor its header's, footer's or side panels' lines ("Powered by …"). Of several
    headings, the one that names the fault ("Error 404", "Page not found"), else the first. A sentence the site puts
    in an error box is the page's words too: a page headed "404" over it is read as "404" and the sentence."""
    site = site_name(step.title).casefold()
    own = [m for m in step.messages if m.text.strip() and m.landmark not in SIDE_LANDMARKS and not glimpsed(m)]
    headings = [m for m in own if m.kind == "heading" and m.text.strip().casefold() != site]
    # the heading that names the fault ("Error 404" under the site's name, in a title written "Site | Page")
    heading = next((m for m in headings if has("error_words", m.text) or STATUS_CODE.search(m.text)),
                   headings[0] if headings else None)
    if heading is None:
        return _untitled(step, own)
    parts = [heading.text.strip(), *(m.text.strip() for m in own if m.url == heading.url and (
        m.kind == "text" or m.kind in ("error", "alert") and not m.field))]  # its words, in an error box or not
    text = " ".join(dict.fromkeys(parts))[:MAX_PAGE_CHARS]
    return heading.model_copy(update={"text": text, "kind": "error"})


def _untitled(step: Step, own: list[Message]) -> Message | None:
    """A bare fault page with no heading (a framework's refusal page: a paragraph and a way back) is named only in
    the document's title: the title's own part (not the site's name), then the paragraphs, as the person reads it."""
    lines = [m for m in own if m.kind == "text"]
    if not lines:
        return None
    parts = [page_name(step.title), *(m.text.strip() for m in lines if m.url == lines[0].url)]
    text = " ".join(dict.fromkeys(p for p in parts if p))[:MAX_PAGE_CHARS]
    return lines[0].model_copy(update={"text": text, "kind": "error"})


def as_fault_page(step: Step, msgs: list[tuple[Message, str]]) -> list[tuple[Message, str]]:
    """The messages of a fault page (4xx/5xx, or one drawn as a fault) as the person reads them: the page's own error
    box within the page, its heading (a bare "404") and all; with no error left, the page itself, as an empty result
    when it says a look-up found nothing, else as the fault it is."""
    fault = fault_message(step)
    if fault is not None:
        msgs = [(m, kind) for m, kind in msgs
                if kind not in ("error", "alert") or m.field or m.text.strip() not in fault.text]
    if not any(kind in ("error", "alert", "empty") for _, kind in msgs):
        said = empty_result(step) or fault
        if said is not None:
            msgs = [*msgs, (said, "empty" if said.kind == "empty" else "error")]
    return msgs


def dead_end(m: Message, step: Step, acted: bool) -> bool:
    """An empty state that answers what the person just did ("No results found" after a search) is a hard
    moment; a list that is empty on a page they only opened is not, nor is one on the page a press took them to that
    asks no question of it (a new item's own page, its "Attachments" still empty): a search's address carries it.
    A plain paragraph that says nothing was found ("Sorry no email could be found for this query.") is that empty
    state too: the answer the person asked for, judged as one (does it say what to try next?), not as a fault."""
    moved = path_of(step.url_before) != path_of(step.url_after) and not urlsplit(step.url_after).query
    plain = m.kind == "text" and not m.own and found_nothing(m) and not server_fault(step)
    said = plain or (m.kind == "empty" and has("empty_state", m.text))
    return acted and not moved and said
