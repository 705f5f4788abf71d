"""missing-reassurance, moment (b): the confirmation owed after a submission that matters.

Why its own module: what a finished submission owes (a reference, what happens next, when) has the most cases of
the rule's moments; missing_reassurance.py registers the rule and calls `confirmations`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from harness.checks.pages import answer_steps, path_of, visits
from harness.checks.patterns import has, references, squash, words

if TYPE_CHECKING:
    from harness.checks.context import Context
    from harness.findings import Finding
    from harness.transcript import Step


def confirmations(ctx: Context, submissions: list[int]) -> Iterator[Finding]:
    """What each finished submission's answer leaves out of a reference, what happens next and when."""
    steps, vs = ctx.transcript.steps, visits(ctx.transcript)
    window = int(ctx.threshold("confirmation_window_steps"))
    for pos in submissions:
        step = steps[pos]
        after = answer_steps(steps, vs, pos, window)
        texts = [m.text for s in after for m in s.messages
                 if m.speaker != "user" and not m.own and m.kind != "validation"]
        page = " ".join(texts)
        what = next((a.target for a in step.actions if a.kind in ("click", "press") and a.target), "a form")
        # saved, but shown as only the person's for now ("State: Private", a "Draft" badge) with no word of it: they
        # believe others see it; what happens next (who sees it, publishing it) is left out
        unseen = _not_public(after)
        if unseen:
            yield _unconfirmed(ctx, step, after, texts, what, [f"who can see it (the page shows \"{unseen}\")"])
            continue
        # saving one's own thing (a card, an address, a page one wrote) needs a clear "updated" or "created", not a
        # reference; once the page says so (in a notice that may hide itself again), it is done: nothing follows
        if saved_as_asked(what, page):
            continue
        # a reference is owed for what the person will follow up (an order, a booking), not for a message sent
        owed = has("reference_owed", f"{what} {page}") or has("details_update", what)
        # an item the person added to a list, shown in it on the page that says so (a new row): done and on
        # screen, nothing follows it (an item someone will act on, an issue "created", still owes what happens next)
        if not has("reference_owed", what) and has("item_added", page) and _shown_back(steps[:pos + 1], page):
            continue
        # a confirmation over the sign-in form ("The user has been created." above it) shows what happens next
        # (signing in) and that it is now; the new item's own form (fields to add more) does not
        next_form = any(m.kind == "confirmation" for m in step.messages) and any(
            c.type == "password" and not c.value for c in step.prompts)
        missing = []
        if ctx.trait("expectations.reference", True) and owed and not references(page):
            missing.append("a reference")
        if ctx.trait("expectations.next_steps", True) and not has("next_steps", page) and not next_form:
            missing.append("what happens next")
        # something already sent to the person ("A link has been sent to you") is there now: its "when" is now
        if (ctx.trait("expectations.next_steps", True) and not has("timing", page) and not has("sent_now", page)
                and not next_form):
            missing.append("when")
        if missing:
            yield _unconfirmed(ctx, step, after, texts, what, missing)


NOTICES = ("confirmation", "toast", "status", "alert")


def saved_as_asked(press: str, said: str) -> bool:
    """The press changed the person's own details ("Save", "Update") and the page says it is done ("Your settings have
    been changed"): nothing follows, so no reference, next step or time is owed (GOV.UK "change your details")."""
    return has("details_update", press) and not has("submission_create", press) and has("details_updated", said)


def _unconfirmed(ctx: Context, step: Step, after: list[Step], texts: list[str], what: str,
                 missing: list[str]) -> Finding:
    # a notice that said it was done counts as said though it hid itself again before the step ended
    said = next((m.text for s in after for m in s.messages if m.kind == "confirmation" or (
        m.kind in NOTICES and (has("message_confirm", m.text) or (
            has("details_updated", m.text) and not has("message_errorish", m.text))))), "")
    return ctx.finding(step, message="failed.confirmation_partial" if said else "failed.confirmation",
                       impact="" if said else "serious", said=said[:160],
                       what=f"\"{what}\"", missing=", ".join(missing), moment="after a submission",
                       shown=texts[:5], key=f"{path_of(step.url_before)}|confirmation",
                       suggestion="Show a confirmation: \"We've received your [form]. Your reference is "
                                  "[reference]. We'll [next step] within [when]; if you have a question, "
                                  "[how to reach us]\" (in a role=\"status\" region or as the page heading).")


def _not_public(after: list[Step]) -> str:
    """The label that shows what was saved is not visible to others yet ("State: Private"), when no notice says so."""
    shown = [m for s in after for m in s.messages]
    badge = next((m.text for m in shown if has("not_public_state", m.text)), "")
    if badge and not any(has("not_public_said", m.text) for m in shown
                         if m.kind in NOTICES and not has("not_public_state", m.text)):
        return badge
    return ""


def _shown_back(steps: list[Step], page: str) -> bool:
    """The page shows, as its content, something the person typed for the thing they sent (its title, "Pizza
    night"): not one of their own details (name, e-mail), which a greeting or header repeats anyway."""
    flat = squash(page)
    for step in reversed(steps):
        for g in step.given:
            if (g.channel == "form" and not g.data_key and not g.secret and len(words(g.value)) >= 2
                    and squash(g.value) in flat):
                return True
    return False
