"""Which steps sent something that matters: the end of a form the person filled (an order, a payment).

Why shared: missing-reassurance owes such a submission a confirmation and a busy signal on the page,
and friction counts a double submit there (a second order, a second charge) as the site's fault even
when the persona's own double click made it; a wizard page that only saves a draft is neither, nor is
adding to a basket, a "Continue" to the next step, or a review page that still waits for the last press, nor
a search sent from a look-up box.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from harness.checks.pages import (
    asked_by_query,
    asks_on_page,
    has_error,
    into_sign_in_form,
    path_of,
    sign_in_shaped,
)
from harness.checks.patterns import has

if TYPE_CHECKING:
    from harness.transcript import Step

WRITE_METHODS = ("POST", "PUT", "PATCH")


def submitted(step: Step, form_given: bool) -> bool:
    """The person pressed to send a form they filled (not signing in, not a background post) and the site took it."""
    if not form_given or has_error(step) or any(a.kind in ("sign-in", "chat") for a in step.actions):
        return False
    if any(m.kind == "timeout" or has("timeout_notice", m.text) for m in step.messages):
        return False  # the session had ended: nothing was submitted
    if any(m.kind in ("chat", "handoff") and m.speaker not in ("", "user") for m in step.messages):
        return False  # the site answered in the conversation: a turn of a chat, not a form sent
    clicks = [a for a in step.actions if a.kind in ("click", "press")]
    if not clicks:
        return False  # background posts (autosave, keep-alive) are not the person submitting
    targets = " ".join(a.target for a in clicks)
    if has("sign_in", targets) or (has("sign_in", path_of(step.url_before).replace("-", " "))
                                   and not has("sign_up", targets)):  # "Register" on a /login page opens an account
        return False
    if all(has("not_final", a.target) for a in clicks):
        return False  # into a basket, or on to the next step: nothing is sent yet
    pressed_at = min(a.at_ms for a in clicks)  # a post the page sent before the press (suggestions) is not it
    writes = [r for r in step.requests if r.method.upper() in WRITE_METHODS and r.started_ms >= pressed_at]
    if writes:
        return any(r.status is not None and r.status < 400 for r in writes) and not any(
            r.status is not None and r.status >= 400 for r in writes)
    navigated = any(w.navigated for w in step.waits) or step.url_before != step.url_after
    return bool(targets) and has("submission", targets) and navigated


def saves_own(what: str) -> bool:
    """The press saves the person's own thing (`what`: "Save", "Update profile"), not a submission that creates one."""
    return has("details_update", what) and not has("submission_create", what)


def details_saved(what: str, said: str) -> bool:
    """A press that saves the person's own thing answered that it is done (`said`: "Profile updated"): nothing
    follows, so it owes no reference, next step or time (GOV.UK "change your details")."""
    return saves_own(what) and has("details_updated", said)


def saved_as_said(steps: list[Step], kind: str, said: str) -> bool:
    """A confirmation (`kind`) that says (`said`) a change was saved as the last press of `steps` asked, typed into or
    not (`details_saved`)."""
    press = next((a.target for st in reversed(steps) for a in reversed(st.actions)
                  if a.kind in ("click", "press") and a.target), "")
    return kind == "confirmation" and details_saved(press, said)


def new_item_page(step: Step) -> bool:
    """A press that makes an item ("Create", "Submit New Entry") landed on that item's own page: the address
    gained a number the page before had not (/entries/new -> /entries/7, /entry?template=item -> /entry9), or a
    heading names one ("Entry #7"). The item exists now, whatever the page says of it. The same address with
    another number (/apply/3 -> /apply/4) is a flow's next step, not an item."""
    if not any(a.kind in ("click", "press") and has("item_create", a.target) for a in step.actions):
        return False
    before, after = path_of(step.url_before), path_of(step.url_after)
    numbered = re.sub(r"\d+", "#", after) != re.sub(r"\d+", "#", before) and bool(
        set(re.findall(r"\d+", after)) - set(re.findall(r"\d+", step.url_before)))
    return numbered or any(m.kind == "heading" and re.search(r"#\d+\b", m.text) for m in step.messages)


def still_asking(step: Step, answered: frozenset[str] = frozenset()) -> bool:
    """The page after the submission asks for more (a wizard's next page), so it is not the end; the new
    item's own page (an issue, a ticket), by its words ("issue 5 created") or its address, is the end, though
    it shows the item's form (comments, more details); so is a page whose only boxes are a sidebar's, or a sign-in
    form on another page than the one sent (a request that lands on the Login page: the door, not more to give);
    and so is the form just sent shown again emptied under a notice that it was taken ("Please check your inbox"):
    its boxes are the ones the person `answered` (their labels), not new questions."""
    if new_item_page(step) or any(m.kind == "confirmation" and has("item_created", m.text) for m in step.messages):
        return False
    moved = path_of(step.url_before) != path_of(step.url_after)
    asking = [c for c in step.prompts if asks_on_page(c)  # a sidebar's box asks nothing
              and not (moved and sign_in_shaped(step, c.form))]
    empty = [c for c in asking if c.type not in ("checkbox", "radio") and not c.initial_value and not c.value]
    again = bool(empty) and all(c.label.strip().casefold() in answered for c in empty)
    if any(m.kind == "confirmation" for m in step.messages) and again:
        return False
    if len(empty) >= 2 or any(c.required for c in empty):
        return True
    # a next page whose answers the site pre-filled (a signed-in customer) is still a form, not a confirmation
    asking = [c for c in asking if c.type != "checkbox"]
    unanswered_choice = any(c.type == "radio" and c.required and not c.value for c in asking)
    if any(m.kind == "confirmation" for m in step.messages):
        return False
    # a review page shows the answers and waits for the last press
    return len(asking) >= 2 or unanswered_choice or any(
        has("review_step", m.text) for m in step.messages if m.kind == "heading")


def final_submissions(steps: list[Step]) -> list[int]:
    """Positions of the steps where the person sent a form that matters and the asking ended there."""
    out, flow_given, answered = [], False, set()
    for pos, step in enumerate(steps):
        # a search typed into a look-up box is a question, not a form sent, whatever its suggestions post
        # nor are credentials typed into a form shaped like a sign-in (whatever its button says)
        # and the persona's own sign-in gives only credentials, whatever page it lands on (a dashboard asks nothing)
        signing_in = any(a.kind == "sign-in" for a in step.actions)
        flow_given = flow_given or (not signing_in and any(g.channel == "form" and not asked_by_query(g, step)
                                                           and not into_sign_in_form(g, step) for g in step.given))
        answered |= {g.field.strip().casefold() for g in step.given if g.channel == "form" and g.field.strip()}
        if submitted(step, flow_given) and not still_asking(step, frozenset(answered)):
            out.append(pos)
            flow_given, answered = False, set()
    return out
