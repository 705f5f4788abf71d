"""Missing reassurance, part (c): a way to reach a person.

Why its own module: when the person is stuck (the same error again, a failed payment) or the page itself says
"contact us", what reassures is a route to someone, judged from the page's words and links, apart from the rule's
judgements of time (waits, confirmations, timeouts).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from harness.checks.context import Context
from harness.checks.pages import has_error, is_error, path_of, signs_in
from harness.checks.patterns import has
from harness.checks.submissions import WRITE_METHODS
from harness.language.copy_rules import signals

if TYPE_CHECKING:
    from harness.findings import Finding
    from harness.transcript import Step


def _field_errors(step: Step) -> set[str]:
    """The errors the step's fields carry (a control's own error, or an error message tied to a field)."""
    return ({c.error for c in step.prompts if c.error.strip()}
            | {m.text for m in step.messages if m.field and is_error(m, step)})


def human_route(ctx: Context) -> Iterator[Finding]:
    """After repeated errors on one page (the same error again: the person is stuck) or a failed payment, the page
    offers no way to reach a person (a contact link, a phone number; after a failed sign-in, a password reset)."""
    limit = max(int(ctx.threshold("errors_before_help") or ctx.trait("patience.failed_attempts_before_help", 3)), 1)
    errors: dict[str, int] = {}
    done: set[str] = set()
    shown: set[str] = set()  # error texts so far: the same error again means the person is stuck
    for step in ctx.transcript.steps:
        attempted = any(a.kind in ("click", "press") for a in step.actions)
        # a write the server refused (an aborted one, e.g. the first of a double click, is not a refusal)
        failed_write = any(r.method.upper() in WRITE_METHODS and r.status is not None and r.status >= 400
                           for r in step.requests)
        if not ((has_error(step) or failed_write) and attempted):
            continue
        # a failed payment is what the errors say (an e-mail error on a checkout's page is no failed payment)
        said = {m.text for m in step.messages if m.kind in ("error", "alert", "validation")}
        # what went wrong is the fields' own errors when there are any: a banner over them ("Please correct
        # the errors below.") heads every failed submit, so it alone does not make an error the same again
        fields = _field_errors(step)
        wrong = fields or said
        payment, new, shown = has("payment", " ".join([step.text, *said])), not (wrong & shown), shown | wrong
        path = path_of(step.url_after or step.url_before)
        errors[path] = errors.get(path, 0) + 1
        if not payment and new and any(signals(t)["fix"] or signals(t)["retry"] for t in said | fields):
            continue  # a new mistake the page says how to put right is self-help: stuck is the same error again
        if path in done or not (payment or errors[path] >= limit):
            continue
        page = " ".join([*(m.text for m in step.messages), *(c.label for c in step.prompts)])
        # after failing to sign in, a "Forgotten your password?" route is the help that fits (WCAG 3.2.6: self-help)
        self_help = signs_in(step, step.url_after) and has("self_help", " ".join([page, *step.links]))
        done.add(path)
        if self_help or has("human_route", page) or any(has("human_link", link) for link in step.links):
            continue
        trouble = "a failed payment" if payment else f"{errors[path]} failed attempts"
        yield ctx.finding(step, message="failed.human", impact="serious" if payment else "", trouble=trouble,
                          moment=trouble, errors=errors[path], key=f"{path}|human",
                          suggestion="Next to the error, offer a person: \"Call us on [phone number] ([hours]) or chat "
                                     "with us\" and keep it in the same place on every page (WCAG 3.2.6).")


ROUTE_KINDS = ("text", "confirmation", "error", "alert", "validation", "warning", "status", "toast", "empty")
# what reaching someone takes, given on the page: an e-mail address or a phone number (a run of digits that is not a
# date: "2026-12-06", "06-12-2026"; nor the tail of a longer number)
HANDLE = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b"
                    r"|(?<![\w+-])(?!\d{4}-\d\d?-\d\d?(?!\d)|\d\d?-\d\d?-\d{4}(?!\d))\+?\d[\d ()-]{6,}\d")


def route_not_given(ctx: Context) -> Iterator[Finding]:
    """A page that tells the person to reach someone ("Otherwise contact us", "call us") and gives no way to: the
    words are no link, no link of the page's leads to a person, and no address or number is shown. The promise
    is made at a moment of doubt (a mail that may not come) and leaves the person nowhere to turn."""
    done: set[str] = set()
    own = {g.value.strip().casefold() for _, g in ctx.transcript.all_given() if g.value.strip()}
    for step in ctx.transcript.steps:
        page = " ".join(m.text for m in step.messages)
        links = [*step.links, *(w for m in step.messages for w in m.links)]
        # the person's own address or number (where the mail in doubt went) reaches no one else
        handles = {h.group(0).strip().casefold() for h in HANDLE.finditer(page)} - own
        if handles or any(has("human_link", w) or has("human_route", w) for w in links):
            continue
        for m in step.messages:
            path = path_of(m.url or step.url_after)
            if m.kind in ROUTE_KINDS and m.speaker != "user" and not m.own and path not in done and has(
                    "route_named", m.text):
                done.add(path)
                yield ctx.finding(step, message="failed.route", text=m.text, target=m.selector, url=m.url,
                                  moment="a way to reach someone named but not given", key=f"{path}|route",
                                  suggestion="Make the words a link to a contact page or form, or give the address "
                                             "or phone number (and hours) beside them.")
