"""missing-reassurance, moment (b): the confirmation owed after a submission that matters.

Why its own module: what a finished submission owes (a reference, what happens next, when) has the most cases of
the rule's moments; missing_reassurance.py registers the rule and calls `confirmations`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from harness.checks.pages import answer_steps, path_of, visits
from harness.checks.patterns import has, references, squash, words
from harness.checks.submissions import details_saved, saves_own

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
        # saving one's own thing (a card, an address, a page one wrote, a day's entry in a log) needs a clear "updated"
        # or "created", not a reference; once the page says so (in a notice that may hide itself again), or shows it
        # (the new entry's row in the list the person is taken to: "12/5/2026 72.9"), it is done: nothing follows
        if details_saved(what, page) or (saves_own(what) and _listed(steps[:pos + 1], after)):
            continue
        # what the person wrote, posted where others read it (a reply, a new thread, a comment), shown back on the page
        # that answered (their post among the thread's): published and on screen, nothing follows it; a message sent
        # through a form ("Send message") and echoed back still owes what happens next
        if has("post_press", what) and not has("reference_owed", what) and any(
                m.own and m.visible for s in after for m in s.messages):
            continue
        # a reference is owed for what the person will follow up (an order, a booking), not for a message sent
        # ... nor for a press that sent the person instructions, a link or a code: that is what they follow up
        sent_next = has("sent_next_step", page)
        owed = has("reference_owed", f"{what} {page}") or (has("details_update", what) and not sent_next)
        # an item the person added to a list, shown in it on the page that says so (a new row): done and on
        # screen, nothing follows it (an item someone will act on, an issue "created", still owes what happens next)
        if not has("reference_owed", what) and has("item_added", page) and _shown_back(steps[:pos + 1], page):
            continue
        # a confirmation over the sign-in form ("The user has been created." above it) shows what happens next
        # (signing in) and that it is now; the new item's own form (fields to add more) does not, nor does a form
        # that asks for a password the person does not hold
        next_form = any(m.kind == "confirmation" for m in step.messages) and any(
            c.type == "password" and not c.value and _holds(ctx, steps[:pos + 1], c.label, page) for c in step.prompts)
        missing = []
        if ctx.trait("expectations.reference", True) and owed and not references(page):
            missing.append("a reference")
        if (ctx.trait("expectations.next_steps", True) and not has("next_steps", page) and not next_form
                and not sent_next):
            missing.append("what happens next")
        # something already sent to the person ("A link has been sent to you", the instructions "sent to" them) is
        # there now: its "when" is now
        if (ctx.trait("expectations.next_steps", True) and not has("timing", page) and not has("sent_now", page)
                and not sent_next and not next_form):
            missing.append("when")
        if missing:
            yield _unconfirmed(ctx, step, after, texts, what, missing)


NOTICES = ("confirmation", "toast", "status", "alert")


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


def _holds(ctx: Context, steps: list[Step], label: str, page: str) -> bool:
    """The person holds the password a sign-in form asks for (`label`): they chose one on the way (a secret typed),
    the account was theirs before the journey, or the page says where it went ("Your password has been sent …");
    registered with only a name and an e-mail, "Confirmation Email has been sent." leaves them without it."""
    return (any(g.secret for s in steps for g in s.given) or bool(ctx.trait("account", False))
            or bool(label.strip()) and squash(label) in squash(page))


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


ROW_WORDS = 10  # a list's row: the entry's few facts side by side ("12/5/2026 72.9 -0.2 11"), not a paragraph


def _listed(steps: list[Step], after: list[Step]) -> bool:
    """The entry just saved is a row of the list the person was taken to: a short line that holds what they typed
    on the form (three characters or more, a whole word: "72.9" is not in "172.95") beside its other facts; or the
    heading of its own page, its title beside its reference ("#7: Export a report as PDF"). A line
    that is only what they typed (a saved page's own text) shows what was sent, not that it was kept."""
    form = steps[-1].url_before
    typed = {g.value.strip() for s in steps for g in s.given if g.channel == "form" and not g.data_key
             and not g.secret and g.url == form and len(g.value.strip()) >= 3}
    rows = [m.text.strip() for s in after for m in s.messages if m.kind in ("text", "heading") and not m.own
            and len(m.text.split()) <= ROW_WORDS]
    return any(row.casefold() != value.casefold()
               and re.search(rf"(?<![\w.]){re.escape(value)}(?![\w]|\.\d)", row, re.IGNORECASE)
               for value in typed for row in rows)
