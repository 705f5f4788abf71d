"""friction: signs of struggle production analytics look for, and effort beyond what people accept.

Why: a dead click (nothing happened), a rage click (clicking again and again) and a repeated submit
(not sure the first one worked) are how struggle shows in session analytics (PostHog, Datadog,
Sentry); `harness.checks.clicks` measures them the same way from the clicks and submits recorded.
Baymard finds the average checkout asks 11.3 fields where about 8 would do, so a form of more than 8
is effort; so is a task that makes the person
fill more than they tolerate and more than a typical flow asks (more than they tolerate but no more
than typical is an open question: the persona's tolerance is an estimate, not a standard).

Only the site's doing counts. A click the site answered late is slow (missing-reassurance judges
the silence), not dead; clicks the persona's own habits produced (the habit log: a double click)
are not rage; a repeated submit counts when the server answered both (one the browser cut off never
got an answer) and, when the persona's double click made it, only where it sent an order or payment
twice; and a field counts towards the task when the person had to fill it, not when the
site pre-filled it or it was optional and left empty (nor towards a form's size when the site
pre-filled it). A press on a button the page had disabled does nothing; when no error or hint on the
page says why, the person is stuck at a control that looks broken.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from harness.checks.base import Threshold, rule_from
from harness.checks.clicks import ClickLimits, Sign, signs
from harness.checks.context import Context
from harness.checks.pages import (
    asks_for_detail,
    control_identity,
    during,
    given_identity,
    path_of,
    requests_during,
    visits,
)
from harness.checks.submissions import WRITE_METHODS, final_submissions

if TYPE_CHECKING:
    from harness.config import Settings
    from harness.findings import Finding
    from harness.transcript import Control, Transcript

META: dict[str, Any] = {
    "id": "friction",
    "impact": "minor",
    "weight": 1.0,  # the empathy score's weight: a wasted click weighs least
    "tags": ["friction", "effort", "best-practice"],
    "wording": False,  # clicks, submits and field counts: the same in every language
    "help": "Make every click count and ask for little",
    "description": "Ensure clicks have a visible effect, a submit does not need pressing twice, and forms ask "
                   "for no more than the person will accept.",
    "how_to_fix": "Give every click immediate feedback (disable and relabel the button while sending), make "
                  "things that look clickable work, and cut or defer fields.",
    "messages": {
        "passed": "No dead, rage or repeated clicks, and forms of reasonable length.",
        "failed": "At step {step}: {what}.",
        "failed.fields": "At step {step} one form asks for {count} things (more than {limit}): {fields}.",
        "failed.task": "The journey made the person fill {count} fields in all, more than this persona accepts "
                       "({limit}) and more than a typical form flow asks ({typical}).",
        "cantTell": "At step {step} something may have slowed the person down ({what}).",
        "cantTell.task": "The journey made the person fill {count} fields in all, more than this persona accepts "
                         "({limit}), though no more than a typical form flow asks ({typical}); check whether some "
                         "can be cut or carried over.",
    },
    "thresholds": {
        "dead_click_ms": Threshold(ClickLimits.dead_click_ms, "A click the page shows no change for within this long "
                                                         "is dead (Sentry: 7000; 2000 keeps the 'nothing "
                                                         "happened' feel). Beyond the recorder's click_watch_ms "
                                                         "it extends the watch."),
        "rage_clicks": Threshold(ClickLimits.rage_clicks, "Clicks in one burst that make a rage click."),
        "rage_window_ms": Threshold(ClickLimits.rage_window_ms, "Most time between clicks of one burst."),
        "rage_radius_px": Threshold(ClickLimits.rage_radius_px, "Furthest a burst's click lands from its first."),
        "repeated_submit_ms": Threshold(ClickLimits.repeated_submit_ms, "The same form sent again within this is a "
                                                                   "repeated submit."),
        "max_fields": Threshold(8, "Fields in one form above which it is effort (Baymard: ~8 achievable)."),
        "habit_window_ms": Threshold(2500, "Friction this soon after a habit-driven action (a persona's double "
                                           "click) is the persona's doing unless the site accepted it twice."),
        "typical_task_fields": Threshold(11, "Fields a typical form flow makes people fill (Baymard: the average "
                                             "checkout asks 11.3); a task over the persona's tolerance fails "
                                             "only beyond this, else it is an open question."),
    },
}

KINDS = {
    "dead-click": ("minor", "a click on {target} did nothing visible",
                   "Make it work, or make it look not clickable; give feedback within 0.1 s."),
    "rage-click": ("moderate", "the person clicked {target} again and again",
                   "Respond to the first click: disable the control and show what is happening."),
    "repeated-submit": ("moderate", "{target} was submitted twice and both reached the server",
                        "Disable the button after the first press, say \"Sending…\", and make the server ignore "
                        "duplicates."),
}


def _duplicate_went_through(step: Any) -> bool:
    """The same form was sent to the server twice in one step and both got an answer (a double submit
    the site did not stop). A request the browser cut off when the second press navigated never got one."""
    writes = [r.url for r in step.requests if r.method.upper() in WRITE_METHODS and r.status is not None]
    return len(writes) != len(set(writes))


def _answered_late(step: Any, at_ms: float, limit_ms: float) -> bool:
    """The click at `at_ms` started a wait the site did answer, only later than the recorder's dead-click
    limit: it navigated, showed it was busy, or changed after sending a request (a change with nothing
    sent may be the page's own timers, unrelated to the click). Slow, not dead. So is a click that sent its form
    and set the next page loading within that limit (the browser shows it), answered later or cut off by the
    persona's own reload."""
    sent_form = any(c.submit and c.at_ms == at_ms for c in step.clicks)
    if sent_form and any(r.resource == "document" and at_ms < r.started_ms <= at_ms + limit_ms for r in step.requests):
        return True
    for w in step.waits:
        if not during(w, at_ms, slack_ms=50):
            continue
        sent = bool(requests_during(step, w))
        if w.navigated or w.busy_signal_ms is not None or (sent and w.responded_ms is not None):
            return True
    return False


def _answered_in_a_field(transcript: Transcript, f: Sign) -> bool:
    """The page answered the click in a form field rather than its markup: a control's value changed that the
    person did not type (a "+" stepper raising a quantity), or a submit left a field marked invalid (the
    browser's own validation bubble, which the page's markup does not show)."""
    step = transcript.steps[f.pos]
    typed = {given_identity(g, s) for s in transcript.steps[: f.pos + 1] for g in s.given}
    changed = any(c.value != c.initial_value and control_identity(c, step) not in typed for c in step.prompts
                  if asks_for_detail(c) and not c.secret)
    submit = any(c.submit and c.at_ms == f.at_ms for c in step.clicks)
    return changed or (submit and any(c.invalid for c in step.prompts))


def _chosen(f: Sign, choices: list[float], window: float) -> bool:
    """A dead click while the persona was choosing or ticking: the control it set now shows the choice
    (a checked radio or box changes no markup, so a recorder watching the page sees no change)."""
    return f.kind == "dead-click" and any(0 <= f.at_ms - at <= window for at in choices)


def _persona_did_it(f: Sign, habits: list[tuple[float, str]], window: float, matters: bool) -> bool:
    """Friction the persona's own habit produced: a dead click right after its double click (the site rightly
    ignored the second), a burst of clicks that the double click began or joined, or its double click
    sending a page of a form twice (a draft saved twice; whether the browser cut the first off depends
    on the test machine's speed). A double click that sends an order or a payment twice (`matters`) is
    the site's to stop, whoever clicked."""
    if f.kind == "dead-click":  # the double click's second click, on the control it pressed (not the next one)
        return any(0 <= f.at_ms - at <= window and _same_control(f.name, target) for at, target in habits)
    if f.kind == "rage-click":
        return any(abs(f.at_ms - at) <= window for at, _ in habits)
    if f.kind == "repeated-submit" and not matters:
        return any(abs(f.at_ms - at) <= window for at, _ in habits)
    return False


def _same_control(name: str, target: str) -> bool:
    """The click's text names the control the habit pressed (unknown on either side: assume it does)."""
    a, b = " ".join(name.split()).casefold(), " ".join(target.split()).casefold()
    return not a or not b or a == b or a in b or b in a


def _clicks(transcript: Transcript, ctx: Context) -> Iterator[Finding]:
    window = ctx.threshold("habit_window_ms")
    limits = ClickLimits(dead_click_ms=ctx.threshold("dead_click_ms"), rage_clicks=int(ctx.threshold("rage_clicks")),
                    rage_window_ms=ctx.threshold("rage_window_ms"), rage_radius_px=ctx.threshold("rage_radius_px"),
                    repeated_submit_ms=ctx.threshold("repeated_submit_ms"))
    # a sign belongs to the step whose record holds its click: the one that watched it to its answer
    choices = [a.at_ms for s in transcript.steps for a in s.actions if a.kind in ("choose", "tick")]
    matters = set(final_submissions(transcript.steps))
    # a habit's second click may land in the record of the step after (the page it reached)
    habits = [(a.at_ms, a.target) for s in transcript.steps for a in s.actions
              if a.habit and a.kind in ("click", "press")]
    for f in signs(transcript, limits):
        step = transcript.steps[f.pos]
        if f.kind == "repeated-submit" and not _duplicate_went_through(step):
            continue  # the second submit never got an answer: the site (or browser) absorbed it
        late = f.kind == "dead-click" and _answered_late(step, f.at_ms, limits.dead_click_ms)
        if late or f.kind == "dead-click" and _answered_in_a_field(transcript, f):
            continue  # slow, not dead (missing-reassurance judges the silence), or answered in a field
        if _persona_did_it(f, habits, window, f.pos in matters) or _chosen(f, choices, window):
            continue
        impact, what, fix = KINDS[f.kind]
        yield ctx.finding(step, impact=impact, target=f.selector, kind=f.kind, detail=f.detail,
                          what=what.format(target=f.selector or "a control"),
                          key=f"{f.kind}|{path_of(step.url_after)}|{f.selector}", suggestion=fix)


def _forms(transcript: Transcript, ctx: Context) -> Iterator[Finding]:
    """One form of more than `max_fields`, and a task that made the person fill more than they accept. A field the
    site shows already answered (a drop-down on its default, a radio already chosen, a box pre-filled) asks the
    person nothing unless they want to change it: the form's size is what it leaves to them."""
    limit = ctx.threshold("max_fields")
    per_visit: dict[tuple[int, str], dict[tuple[str, str], str]] = {}  # (visit, form) -> its fields
    where: dict[tuple[int, str], Any] = {}
    first: dict[tuple[str, str], Control] = {}
    last: dict[tuple[str, str], Control] = {}
    for step, visit in zip(transcript.steps, visits(transcript), strict=True):
        for c in step.prompts:
            if asks_for_detail(c) and not c.secret:
                identity = control_identity(c, step)
                form = (visit.number, c.form)  # a sidebar's search or sign-in box is not part of the main form
                where.setdefault(form, step)
                first.setdefault(identity, c)
                last[identity] = c
                if not first[identity].initial_value:  # a choice the site already made asks nothing
                    per_visit.setdefault(form, {})[identity] = c.label or c.name or c.selector
    reported: set[str] = set()
    for form, fields in per_visit.items():
        step = where[form]
        path = path_of(step.url_after)
        if len(fields) > limit and path not in reported:
            reported.add(path)
            yield ctx.finding(step, message="failed.fields", count=len(fields), limit=int(limit),
                              fields=", ".join(list(fields.values())[:12]), key=f"fields|{path}",
                              suggestion="Ask only what you need now; pre-fill or defer the rest, and split long "
                                         "forms into short pages of related questions.")
    # the person's effort: fields empty when first shown that they had to answer (required) or chose to
    filled = [k for k, c in first.items() if not c.initial_value and (c.required or last[k].value)]
    task_limit = ctx.trait("patience.max_fields", 0)
    typical = int(ctx.threshold("typical_task_fields"))
    if task_limit and len(filled) > task_limit and transcript.steps:
        beyond = len(filled) > typical
        yield ctx.finding(transcript.steps[-1], message="failed.task" if beyond else "cantTell.task",
                          outcome="failed" if beyond else "cantTell", count=len(filled), limit=task_limit,
                          typical=typical, key="fields|task",
                          suggestion="Cut the questions this task asks, or carry answers over from the account.")


ANSWERS = ("error", "alert", "validation", "warning", "status", "toast", "confirmation", "empty")


def _silent_returns(transcript: Transcript, ctx: Context) -> Iterator[Finding]:
    """A press that sent the form and brought back the same form with not one new word on the page: the
    person cannot tell whether anything happened or what to change (a dead click by way of a page load)."""
    vs = visits(transcript)
    for pos, step in enumerate(transcript.steps):
        press = next((a for a in step.actions if a.kind in ("click", "press")), None)
        if press is None or pos == 0 or vs[pos].start != pos or vs[pos - 1].start >= pos:
            continue
        if not any(r.resource == "document" and r.method.upper() in WRITE_METHODS and r.started_ms >= press.at_ms
                   and r.status is not None for r in step.requests):
            continue  # nothing sent, or only a look-up (a search's silence is missing-reassurance's), or never answered
            # (the persona reloaded or went back before the site answered: that brought the form back, not the site)
        earlier = transcript.steps[vs[pos - 1].start:pos]
        asking = {c.label for c in step.prompts if asks_for_detail(c)}
        if not asking or asking != {c.label for s in earlier for c in s.prompts if asks_for_detail(c)}:
            continue
        said = {m.text.strip() for m in step.messages if m.text.strip()}
        shown = {m.text.strip() for s in earlier for m in s.messages}
        if said - shown or any(m.kind in ANSWERS for m in step.messages):
            continue  # the page said something: new words, or an error or notice (the same one again)
        yield ctx.finding(step, impact="moderate", target=press.target, kind="silent-return",
                          what=f'pressing "{press.target}" brought back the same form with not one new word',
                          key=f"silent-return|{path_of(step.url_after)}|{press.target}",
                          suggestion="Say what happened when the form comes back: which field needs what, or "
                                     "that it was saved; never load the same form again in silence.")


def _resent_by_reload(transcript: Transcript, ctx: Context) -> Iterator[Finding]:
    """Reloading a page that was the answer to a form's POST (no redirect after it) sends the form again:
    a second message, order or payment for one the person meant to send once."""
    for step in transcript.steps:
        for a in step.actions:
            if a.kind == "reload" and any(r.resource == "document" and r.method.upper() in WRITE_METHODS
                                          and r.started_ms >= a.at_ms for r in step.requests):
                yield ctx.finding(step, impact="moderate", target=path_of(step.url_after), kind="resent-by-reload",
                                  what="reloading the page sent the form again (the page was the answer to the "
                                       "form's POST, with no redirect after it)",
                                  key=f"resent-by-reload|{path_of(step.url_after)}",
                                  suggestion="Redirect after a successful POST (Post/Redirect/Get), so reloading "
                                             "or going back never sends the form again.")
                break


def _disabled_presses(transcript: Transcript, ctx: Context) -> Iterator[Finding]:
    """A press on a button the page had disabled does nothing; unless an error or hint on the page says what is
    missing, the person cannot tell why (GOV.UK: avoid disabled buttons; let the press say what to fix)."""
    for step in transcript.steps:
        for f in step.friction:
            if f.kind != "disabled-press" or any(m.kind in ("error", "alert", "validation") and m.visible
                                                 for m in step.messages):
                continue
            yield ctx.finding(step, target=f.detail, kind="disabled-press",
                              what=f'"{f.detail}" could not be pressed (disabled) and nothing on the page said why',
                              key=f"disabled-press|{path_of(step.url_after)}|{f.detail}",
                              suggestion="Keep the button enabled and say what is missing when it is pressed, or "
                                         "say beside it what the person must do first.")


def evaluate(transcript: Transcript, persona: Any, settings: Settings) -> Iterator[Finding]:
    """Yield a finding per dead, rage or repeated click the site caused, and per form or task that asks too much."""
    ctx = Context(RULE, transcript, persona, settings)
    yield from _clicks(transcript, ctx)
    yield from _forms(transcript, ctx)
    yield from _silent_returns(transcript, ctx)
    yield from _resent_by_reload(transcript, ctx)
    yield from _disabled_presses(transcript, ctx)


RULE = rule_from(META, evaluate)
