"""Missing reassurance, part (e): status a screen reader never hears.

Why its own module: what a sighted person sees at once, a screen-reader user hears only when the page puts
it in a live region, moves focus to it or names it in the title; these are the rule's judgements of the
markup, apart from its judgements of time (waits, confirmations, timeouts).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from harness.checks.context import Context
from harness.checks.pages import Visit, asks_on_page, shows_error, visits
from harness.checks.patterns import has, stable_text, words

if TYPE_CHECKING:
    from harness.config import Settings
    from harness.findings import Finding
    from harness.transcript import Message, Step, Transcript

INF = float("inf")
_LIVE = ("Put the message in a live region (role=\"status\" for news, role=\"alert\" for errors, role=\"log\" for "
         "chat) that exists before it is filled.")
ANNOUNCED_ROLES = {"status", "alert", "log", "progressbar", "timer", "marquee", "alertdialog"}
ANNOUNCED_KINDS = ("status", "alert", "warning", "toast", "error", "confirmation", "timeout", "handoff")


def unannounced_status(ctx: Context, factor: float) -> Iterator[Finding]:
    """A status that appeared or changed after the page loaded, or a long spinner, in no live region: a
    screen-reader persona never hears it (WCAG 4.1.3)."""
    if not ctx.trait("assistive.screen_reader", False):
        return
    vs = visits(ctx.transcript)
    seen: set[tuple[int, str]] = set()
    said = {id(m) for m in _errors_in_place(ctx.transcript.steps, vs)}
    # what a page shows before the person first acts on it was there on load: read out with it, even if read late
    read, acted = set[tuple[int, str]](), dict[int, float]()  # (visit, page) read so far; visit -> first act
    for pos, step in enumerate(ctx.transcript.steps):
        visit, before = vs[pos], set(read)
        acted[visit.number] = min([acted.get(visit.number, INF), *(a.at_ms for a in step.actions if pos > visit.start)])
        for m in step.messages:
            mark, page = (visit.number, m.text), (visit.number, m.url)
            read.add(page)
            dynamic = mark not in seen and (page in before or m.appeared_ms >= acted[visit.number])
            seen.add(mark)
            # chat lines are left out: their live region is the log around them, which the message
            # itself does not carry
            is_status = m.kind in ANNOUNCED_KINDS or (m.kind == "text" and has("status_words", m.text)) or id(m) in said
            if not (dynamic and is_status and m.visible and m.text.strip()):
                continue
            if m.role in ANNOUNCED_ROLES or m.live in ("polite", "assertive"):
                continue
            yield _unannounced(ctx, step, m)
        for w in step.waits:
            if w.busy_kind == "spinner" and w.duration_ms > ctx.threshold("busy_ms") * factor:
                yield ctx.finding(step, message="failed.announce", impact="serious", kind="busy spinner",
                                  text=w.action, moment="a wait", key=f"announce|spinner|{w.action}",
                                  suggestion="Mark the busy region aria-busy and announce \"Sending…\" in a "
                                             "role=\"status\" region.")


def _unannounced(ctx: Context, step: Step, m: Message) -> Finding:
    """A status change `m` that no live region or focus reads out (the finding's one wording, whoever asks)."""
    return ctx.finding(step, message="failed.announce", impact="serious", target=m.selector, url=m.url, kind=m.kind,
                       text=m.text, moment="a status change", key=f"announce|{m.kind}|{stable_text(m.text, 80)}",
                       suggestion=_LIVE)


def _focus_on_error(step: Step) -> bool:
    """Focus ended on a field held wrong: a screen reader reads out that field and its error."""
    return any(c.focused and c.invalid for c in step.prompts)


def _errors_in_place(steps: list[Step], vs: list[Visit]) -> list[Message]:
    """The field errors a press drew on the page it was made on (no new page), while focus stayed where it was: the
    answer to "nothing happened?" that a screen reader hears only from a live region (a field error that came with a
    new page is `unheard_answers`'s; one that shows as the person leaves a box, before any press, is no answer)."""
    out = []
    for pos, step in enumerate(steps):
        pressed = [a.at_ms for a in step.actions if a.kind in ("click", "press")]
        if not pressed or vs[pos].start == pos or _focus_on_error(step):
            continue
        out += [m for m in step.messages if m.appeared_ms >= min(pressed) and not m.focused and shows_error(m, step)]
    return out


def _heard(step: Step, m: Message, title: str | None = None) -> bool:
    """A screen reader reads `m` out: it is in a live region or alert, focus is in it, or the title of its page
    says it (`title`; the step's own when not given)."""
    title = step.title if title is None else title
    return (m.role in ANNOUNCED_ROLES or m.live in ("polite", "assertive") or m.focused
            or bool(title) and m.text.strip().lower() in title.lower())


def _title_of(steps: list[Step], pos: int, m: Message) -> str:
    """The title of the page `m` was on: a page read late (its words recorded only in the next step, after the
    person had moved on) is titled as the step that landed on it recorded it, not as the page after it."""
    for step in reversed(steps[: pos + 1]):
        if not m.url or step.url_after == m.url:
            return step.title
    return steps[pos].title


def unheard_answers(ctx: Context) -> Iterator[Finding]:
    """The page that came back after a press carries an error, or a notice above a form, that no screen reader
    is told of (WCAG 4.1.3, 3.3.1): none of its errors is in an alert or live region, has focus or is in the
    title, and focus is not on an invalid field (an "Error:" title says that, not what). A page that is itself
    the confirmation is read from the top, so only a status notice above a form still asking counts; so is a bare
    page that is itself the error (it asks nothing and its first words are the error: no masthead before them). The
    markup decides, whoever walks; a success notice ("… was added successfully") above that form only
    leaves unsettled someone who listens for it, so it counts for a screen-reader persona."""
    notice_kinds = ("status", "toast", *(("confirmation",) if ctx.trait("assistive.screen_reader", False) else ()))
    steps = ctx.transcript.steps
    for pos, (step, visit) in enumerate(zip(steps, visits(ctx.transcript), strict=True)):
        pressed = any(a.kind in ("click", "press", "sign-in") for a in step.actions)
        if visit.start != pos or visit.cause not in ("navigate", "sign-in") or not pressed:
            continue
        errors = [m for m in step.messages if shows_error(m, step)]
        asking = any(asks_on_page(c) for c in step.prompts)  # not a sidebar's box
        notices = [m for m in step.messages if asking and m.kind in notice_kinds
                   and (m.kind != "confirmation" or len(words(m.text)) >= 4)]  # "Order confirmed": a step's name
        said = [m for m in (errors or notices) if m.visible and m.text.strip()]
        first = next((m for m in step.messages if m.visible and m.text.strip()), None)
        if (not said or any(_heard(step, m, _title_of(steps, pos, m)) for m in said)
                or errors and _focus_on_error(step)):
            continue
        if errors and not asking and first in said:
            continue  # a bare page that is its error (asks nothing, opens with it): read from the top as it loads
        text = " / ".join(dict.fromkeys(m.text.strip() for m in said))
        yield ctx.finding(step, message="failed.answer",
                          impact="serious" if ctx.trait("assistive.screen_reader", False) else "",
                          target=said[0].selector, url=said[0].url, text=text, kind=said[0].kind,
                          moment="a page answering a press", key=f"announce|answer|{stable_text(text, 80)}",
                          suggestion="Put the message in a role=\"alert\" (errors) or role=\"status\" region, or "
                                     "move focus to it (or to the first field in error) when the page comes back.")


def unheard_error(transcript: Transcript, settings: Settings) -> list[Finding]:
    """The journey's latest error, when no screen reader is told of it: what `Then the error should be announced`
    asks, whoever walks (the automatic checks ask it for a screen-reader persona, and of a page that came back).
    A finding of missing-reassurance, so the report carries it and the journey goes on, as any check step's does."""
    from harness.checks.aggregate import regrade
    from harness.checks.context import resolve_persona
    from harness.checks.missing_reassurance import RULE

    ctx = Context(RULE, transcript, resolve_persona(transcript), settings)
    for step in reversed(transcript.steps):
        errors = [m for m in step.messages if m.visible and m.text.strip() and shows_error(m, step)]
        if not errors:
            continue
        if _focus_on_error(step) or any(_heard(step, m) for m in errors):
            return []
        return regrade([_unannounced(ctx, step, errors[0])], settings.rules)
    return []
