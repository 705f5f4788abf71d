"""missing-reassurance: silence at a moment of anxiety, hesitation or effort.

Why these moments: NN/g's response-time limits (over 1 s needs a busy signal, over 10 s a
percent-done or time estimate); GOV.UK confirmation pages (a reference, what happens next and
when); WCAG 3.2.6 Consistent Help (a way to reach a person, which matters most after repeated
errors); WCAG 2.2.1 Timing Adjustable (warn before a timeout and allow extending it); and WCAG 4.1.3
Status Messages (status must be announced, or a screen-reader user hears nothing). Timing limits
scale with the persona's patience: someone who worries after three seconds needs a signal sooner.

A wait is charged to the site only for the time the site took: from when the action's first request
left the browser until its answers arrived (Playwright's request timing). Time the harness's own
browser spent before sending or after the answer (a loaded test machine) is not the site's silence;
when nothing was sent, the page's script and the harness's browser cannot be told apart, and a
silence is an open question (cantTell), not a failure. So is a wait on a loaded machine that also serves the site (a
loopback address) within the limits drawn out by that load, as the persona's patience was (`Wait.stretch`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from harness.checks.announcing import unannounced_status, unheard_answers
from harness.checks.base import Threshold, rule_from
from harness.checks.clicks import ClickLimits, is_dead
from harness.checks.confirmations import confirmations
from harness.checks.context import Context
from harness.checks.human_route import human_route, route_not_given
from harness.checks.pages import (
    answer_steps,
    asked_by_query,
    asks_on_page,
    during,
    on_this_machine,
    path_of,
    requests_during,
    signs_out,
    visits,
)
from harness.checks.patterns import has
from harness.checks.signing_out import signed_out_in_silence
from harness.checks.submissions import WRITE_METHODS, final_submissions

if TYPE_CHECKING:
    from harness.config import Settings
    from harness.findings import Finding
    from harness.transcript import Step, Transcript, Wait

META: dict[str, Any] = {
    "id": "missing-reassurance",
    "impact": "moderate",
    "weight": 3.0,  # the empathy score's weight: leaving a person in silence weighs most
    "tags": ["wcag413", "wcag326", "wcag221", "wcag334", "reassurance", "timing"],
    "help": "Tell the person what is happening",
    "description": "Ensure the person hears something at moments of doubt: a busy signal and progress while "
                   "waiting, a confirmation with a reference, next step and timing after a submission, a way "
                   "to reach a person after errors, a warning before a timeout, and status a screen reader announces.",
    "how_to_fix": "Show (and announce) a status within a second, a time estimate for long waits, a confirmation "
                  "page with reference, next step and timing, contact details near errors, and a timeout "
                  "warning with a 'Stay signed in' button.",
    "messages": {
        "passed": "The person was kept informed at every wait, submission and setback.",
        "failed": "At step {step} the person heard nothing at a moment that needed it ({moment}).",
        "failed.busy": "At step {step}, after \"{action}\", the page was silent for {silence_s} s before any busy "
                       "signal, status or answer (limit {limit_s} s for this persona).",
        "failed.progress": "At step {step}, \"{action}\" took {duration_s} s with no progress or time estimate "
                           "(limit {limit_s} s).",
        "failed.confirmation": "At step {step} the person submitted {what}, and the page that followed gave "
                               "no confirmation: missing {missing}.",
        "failed.confirmation_partial": "At step {step} the person submitted {what}; the confirmation that followed "
                                       "(\"{said}\") does not say {missing}.",
        "failed.human": "At step {step}, after {trouble}, the page offers no way to reach a person.",
        "failed.route": "At step {step} the page says \"{text}\" but gives no way to do it: no link, address "
                         "or number to reach anyone.",
        "failed.timeout": "At step {step} the session ended ({notice}) with no warning beforehand.",
        "failed.extend": "At step {step} the timeout warning (\"{warning}\") offers no way to extend the session.",
        "failed.announce": "At step {step} the {kind} \"{text}\" appeared only visually: no live region or "
                           "status role announces it to a screen reader.",
        "failed.answer": "At step {step} the page that came back says \"{text}\" only visually: no alert or live "
                         "region announces it and focus does not move to it, so a screen reader is told nothing.",
        "failed.silent_empty": "At step {step} \"{action}\" sent the form with every box empty ({fields}); the site "
                               "took it and said nothing: neither what was missing nor what it did.",
        "failed.signed_out": "At step {step} the person signed out, and the page that followed said nothing of it: "
                             "it looks as it does to someone who never signed in.",
        "failed.unanswered": "At step {step} the search for \"{query}\" ({action}) drew nothing at all for "
                             "{watched_s} s: no results, no word that nothing matched, no sign that it was searching.",
        "failed.empty": "At step {step} the search for \"{query}\" came back with an empty list and not a word "
                        "that nothing matched or what to try next.",
        "cantTell": "At step {step} a moment may have needed reassurance ({moment}).",
        "cantTell.busy": "At step {step}, after \"{action}\", the page showed nothing for {silence_s} s (limit "
                         "{limit_s} s) and sent no request, so the time may be the test machine's rather than "
                         "the site's; check that it answers within a second.",
        "cantTell.progress": "At step {step}, after \"{action}\", the page had not settled after {duration_s} s "
                             "and showed no progress or time estimate; check whether the person was kept waiting.",
        "cantTell.busy_load": "At step {step}, after \"{action}\", the page showed nothing for {silence_s} s (limit "
                              "{limit_s} s) while the test machine, which also serves the site, was {stretch}x "
                              "loaded per core, so the time may be the machine's; check it on a quiet machine.",
        "cantTell.progress_load": "At step {step}, \"{action}\" took {duration_s} s with no progress or time estimate "
                                  "(limit {limit_s} s) while the test machine, which also serves the site, was "
                                  "{stretch}x loaded per core, so the time may be the machine's; check it on a quiet "
                                  "machine.",
    },
    "thresholds": {
        "busy_ms": Threshold(1000, "Silence after an action before a busy or status signal is needed (NN/g: 1 s)."),
        "progress_ms": Threshold(10000, "Wait after which a percent-done or time estimate is needed (NN/g: 10 s)."),
        "patience_reference_ms": Threshold(10000, "The persona silence_ms at which the limits apply unscaled; "
                                                  "a persona with less patience gets proportionally shorter limits."),
        "min_factor": Threshold(0.75, "Lowest scaling of the timing limits for impatient personas."),
        "max_factor": Threshold(2.0, "Highest scaling of the timing limits for patient personas."),
        "confirmation_window_steps": Threshold(2, "Steps after a submission in which the confirmation must appear."),
        "errors_before_help": Threshold(0, "Error moments before a route to a person must show; 0 uses the "
                                           "persona's patience.failed_attempts_before_help."),
    },
}



def _s(ms: float) -> float:
    return round(ms / 1000.0, 1)


def _factor(ctx: Context) -> float:
    ratio = ctx.trait("patience.silence_ms", 10000) / ctx.threshold("patience_reference_ms")
    return min(max(ratio, ctx.threshold("min_factor")), ctx.threshold("max_factor"))


# (a) waits ---------------------------------------------------------------------------------------------
# Waits the persona chose (waiting on purpose, letting a page settle) or that follow typing are not
# moments where the site owes an answer.
NOT_ASKED = frozenset({"wait", "settle", "fill", "choose", "tick", "upload"})
PRESSES = frozenset({"click", "press"})
# Requests that carry the answer to an action; stylesheets, scripts and images of a new page are the
# browser's rendering of an answer already given. "" is a request whose kind was not recorded.
ANSWER_RESOURCES = ("document", "xhr", "fetch", "")


def _silence_ms(step: Step, w: Wait) -> float:
    """How long the person saw nothing: until the first busy signal or answer of the page, else the whole wait.

    `busy_signal_ms` and `responded_ms` are measured from the start of the wait. When the action loads a
    new page, that page is the answer: a change on the old page that is not a busy signal (a toast
    going, a timer) says nothing about what was sent. A signal that comes only with the answer (a
    status on the next page) ends the silence no sooner than the answer does. Words meanwhile that say it
    is under way ("Please wait, we are sending your order") are a busy signal, whatever their markup; the
    browser's own bubble on a submit it blocked ("Please fill out this field.") is the answer.
    """
    answer = w.responded_ms
    pages = [r for r in requests_during(step, w) if r.resource == "document" and r.duration_ms is not None]
    if w.navigated and pages:
        answer = max(r.started_ms + (r.duration_ms or 0.0) for r in pages) - w.started_ms
    told = [m.appeared_ms - w.started_ms for m in step.messages
            if during(w, m.appeared_ms) and (has("pending", m.text) or m.browser_validation)]
    signs = [t for t in (w.busy_signal_ms, answer, min(told, default=None)) if t is not None]
    if not signs:  # the whole wait, and on past its end while a freeze that began in it lasted: no one can act then
        frozen = [t.at_ms + t.duration_ms - w.started_ms for t in step.long_tasks if during(w, t.at_ms)]
        return max([w.duration_ms, *frozen])
    first = min(signs)
    return min(first, w.duration_ms) if w.duration_ms else first


def _unsure(moment: str, own_reason: bool) -> str:
    """The open question's message: the moment's own (nothing sent, never settled), else the machine's load."""
    return f"cantTell.{moment}" if own_reason else f"cantTell.{moment}_load"


def _site_ms(step: Step, w: Wait, until_ms: float) -> float | None:
    """How much of the wait's first `until_ms` the site spent answering.

    That is from the first request the action sent to the last answer (gaps between them are the page's
    own doing, e.g. polling), clipped to the window; a long task that began before the page answered
    (its script holding the main thread) counts as the site's as a request does. The time before the
    first request left and after the last answer arrived is the harness's browser (sending, rendering):
    on a loaded machine it grows, on the person's own device it would not. None when the action sent no
    request: then the page's script and the harness's browser share the time and it cannot be attributed.
    """
    end_of_wait = w.started_ms + max(w.duration_ms, until_ms, 1.0)
    spans = [(r.started_ms, r.started_ms + r.duration_ms if r.duration_ms is not None else end_of_wait)
             for r in requests_during(step, w) if r.resource in ANSWER_RESOURCES]  # None: never answered
    # the page's script holding the main thread before it answered (long tasks) is the site's time too;
    # drawing the answer afterwards is the browser's, and grows with the test machine's load
    answered = w.started_ms + (w.responded_ms if w.responded_ms is not None else max(w.duration_ms, until_ms))
    # one that began in the wait counts though it outlasted it: the harness can stop waiting (the click's window
    # closed, the request done) while the page is still frozen
    spans += [(t.at_ms, t.at_ms + t.duration_ms) for t in step.long_tasks
              if t.at_ms <= answered and (during(w, t.at_ms) or during(w, t.at_ms + t.duration_ms))]
    if not spans:
        return None
    first, last = min(a for a, _ in spans), max(b for _, b in spans)
    return max(0.0, min(last, w.started_ms + until_ms) - max(first, w.started_ms))


def _unanswered_lookup(step: Step, w: Wait, dead_ms: float) -> str:
    """The words a look-up sent (its box's value, then Enter or its button) that the page answered with nothing at
    all while the harness watched at least `dead_ms`: no new page, no change, no word, no busy sign, and no request
    still out (a site still working is slow, not silent). "" when it was answered or is no look-up."""
    if (w.kind not in PRESSES or w.responded_ms is not None or w.navigated or w.busy_signal_ms is not None
            or w.duration_ms < dead_ms or any(r.duration_ms is None for r in requests_during(step, w))
            or any(m.visible and during(w, m.appeared_ms) for m in step.messages)):
        return ""
    return next((g.value for g in step.given if g.channel == "form" and asked_by_query(g, step)), "")


def _nothing_asked(step: Step, w: Wait, dead_ms: float) -> bool:
    """The action changed nothing and sent nothing: a dead click (the friction rule's), not a wait for an answer."""
    if w.responded_ms is not None or w.navigated or w.busy_signal_ms is not None:
        return False
    dead = any(is_dead(c, dead_ms) and during(w, c.at_ms) for c in step.clicks)
    return dead and not requests_during(step, w)


def _page_load(step: Step, w: Wait, submission: bool) -> bool:
    """A new page loading that is not the person sending something that matters.

    While a page loads the browser shows its own busy signal (the tab's spinner, the stop button), so
    no page of the site needs to. After a submission that matters (an order, a payment, the end of a
    form: moment (b)) that signal says only that a page is coming, not that what was sent arrived:
    the page that sent it must say so (and keep a second press from sending it again).
    """
    own = requests_during(step, w)
    if not (w.navigated or any(r.resource == "document" for r in own)):
        return False
    if not submission:
        return True
    sent = any(r.method.upper() in WRITE_METHODS for r in own) or (
        not own and w.kind in PRESSES)
    return not sent


def _waits(ctx: Context, submissions: set[int]) -> Iterator[Finding]:
    factor = _factor(ctx)
    busy_limit, long_limit = ctx.threshold("busy_ms") * factor, ctx.threshold("progress_ms") * factor
    dead_ms = float((ctx.settings.thresholds or {}).get("friction.dead_click_ms", ClickLimits.dead_click_ms))
    for pos, step in enumerate(ctx.transcript.steps):
        for w in step.waits:
            if w.kind in NOT_ASKED or _nothing_asked(step, w, dead_ms):
                continue
            query = _unanswered_lookup(step, w, dead_ms)
            if query:  # the person searched and was told nothing: not a slow answer, none at all
                yield ctx.finding(step, message="failed.unanswered", impact="moderate", action=w.action, query=query,
                                  watched_s=_s(w.duration_ms), moment="a search answered by nothing",
                                  key=f"{path_of(step.url_before)}|unanswered|{w.action}",
                                  suggestion="Answer every search: show what matched, or say that nothing did and "
                                             "what to try (\"No projects match 'heater'. Try fewer words.\").")
                continue
            acted = w.outcome in ("reloaded", "clicked-again", "went-back", "gave-up")
            impact = "serious" if acted else ""
            # the harness stopped waiting (its own bound), not the person: the page never settled
            unsettled = w.timed_out and not acted
            observed = _silence_ms(step, w)
            site = _site_ms(step, w, observed)
            silence = observed if site is None else site
            took = _site_ms(step, w, w.duration_ms)
            duration = w.duration_ms if took is None or unsettled else took
            common: dict[str, Any] = dict(action=w.action, persona_did=w.outcome, observed_ms=observed,
                                          key=f"{path_of(step.url_before)}|wait|{w.action}")
            # the page it was asked on or led to (a first sign-in starts on a blank page)
            here = on_this_machine(step.url_before) or on_this_machine(step.url_after)
            loaded = round(w.stretch, 1) if here else 1.0
            if silence > busy_limit and not _page_load(step, w, pos in submissions):
                # with no request sent, the page's script and the harness's own browser share the time; within the
                # limit drawn out by the machine's load, the site's server on it may be as slow as the machine
                unsure = site is None or silence <= busy_limit * loaded
                yield ctx.finding(step, message=_unsure("busy", site is None) if unsure else "failed.busy",
                                  outcome="cantTell" if unsure else "failed", impact=impact, silence_s=_s(silence),
                                  limit_s=_s(busy_limit), moment="waiting", silence_ms=silence, stretch=loaded,
                                  **common,
                                  suggestion="Within a second, show a busy signal with a status line in a "
                                             "role=\"status\" region: \"Sending your [form], this takes about "
                                             "10 seconds\".")
            if duration > long_limit and not w.progress:
                slow = not unsettled and duration <= long_limit * loaded
                unsure = unsettled or slow
                yield ctx.finding(step, message=_unsure("progress", unsettled) if unsure else "failed.progress",
                                  outcome="cantTell" if unsure else "failed",
                                  impact="minor" if unsure else impact, duration_s=_s(duration),
                                  limit_s=_s(long_limit), moment="a long wait", silence_ms=duration, stretch=loaded,
                                  **{**common, "key": common["key"] + "|progress"},
                                  suggestion="For waits over 10 seconds show progress or a time estimate "
                                             "(\"About 30 seconds left\") and a way to stop or be told later.")


# (b) confirmation after a submission that matters: confirmations.py

# (c) a route to a person after repeated errors or a failed payment, and one named but not given: human_route.py

# (d) session timeout -------------------------------------------------------------------------------------------
TIMEOUT_KINDS = ("timeout", "alert", "status", "error", "toast", "text", "heading")


def _timeouts(ctx: Context) -> Iterator[Finding]:
    """A session that ended with no warning, or a warning that offers no way to extend it. "You have been logged
    out." on the page the person's own sign-out took them to answers that sign-out: no timeout; nor is a sent link's
    or code's lifetime ("The confirmation link will expire after 48 hours.") a warning about the session."""
    warned = False
    reported: set[str] = set()
    steps, vs = ctx.transcript.steps, visits(ctx.transcript)
    for pos, step in enumerate(steps):
        own_sign_out = signs_out(steps[vs[pos].start])
        for m in step.messages:
            if m.kind not in TIMEOUT_KINDS:
                continue
            if has("timeout_warning", m.text) and not has("sent_expiry", m.text):
                warned = True
                controls = " ".join(c.label for c in step.prompts)
                if not has("extend", f"{m.text} {controls}") and "extend" not in reported:
                    reported.add("extend")
                    yield ctx.finding(step, message="failed.extend", target=m.selector, url=m.url,
                                      warning=m.text, moment="a timeout warning", key="timeout|extend",
                                      suggestion="Add a 'Stay signed in' button to the warning and keep the "
                                                 "person's answers.")
            elif has("timeout_notice", m.text) and not warned and "notice" not in reported and not own_sign_out:
                reported.add("notice")
                yield ctx.finding(step, message="failed.timeout", impact="serious", target=m.selector,
                                  url=m.url, notice=m.text, moment="a session timeout", key="timeout|notice",
                                  suggestion="Warn at least 2 minutes before signing the person out, say why, "
                                             "and offer 'Stay signed in' (WCAG 2.2.1).")


# (f) a search answered by an empty list that says nothing ------------------------------------------------------
def _silent_empty(ctx: Context) -> Iterator[Finding]:
    """A search sent and answered by a list with nothing in it (a table of only its header row, or a list that
    says it is empty: "Nothing to list yet. Add your first one"), with no word that nothing matched: the person
    cannot tell "no match" from "none at all", "not loaded" or "broken" (NN/g, empty states)."""
    query = ""
    for step in ctx.transcript.steps:
        query = next((g.value for g in step.given if g.channel == "form" and asked_by_query(g, step)), query)
        if not query or not any(a.kind in ("click", "press") for a in step.actions):
            continue
        empty = [m for m in step.messages if m.visible and (m.kind == "empty" or (
            m.kind in ("text", "heading") and has("empty_state", m.text)))]
        if empty and not any(has("no_match", m.text) for m in step.messages):
            yield ctx.finding(step, message="failed.empty", target=empty[0].selector, url=empty[0].url, query=query,
                              moment="a search that found nothing", key=f"{path_of(step.url_after)}|empty",
                              suggestion="Say that nothing matched, echo the words searched and offer a way on: "
                                         "\"No entries match 'parking permit'. Try fewer words, or browse all.\"")
        query = ""


# (g) a form sent empty and taken in silence ---------------------------------------------------------------------
SPEAKING = frozenset({"error", "validation", "alert", "warning", "confirmation", "status", "toast", "timeout"})


def _taken_in_silence(ctx: Context) -> Iterator[Finding]:
    """A form pressed with every box it asks still empty, which the site took (its write answered under 400, the
    page stayed) and answered with no word: it neither asked for what was missing nor said what it did (an empty
    draft saved), so the person cannot tell whether anything happened (NN/g: visibility of system status)."""
    steps, vs = ctx.transcript.steps, visits(ctx.transcript)
    window = int(ctx.threshold("confirmation_window_steps"))
    for pos, step in enumerate(steps[1:], start=1):
        presses = [a for a in step.actions if a.kind in ("click", "press")]
        if not presses or step.given or not step.submits or steps[pos - 1].url_after != step.url_before:
            continue
        pressed_at = min(a.at_ms for a in presses)
        writes = [r for r in step.requests if r.method.upper() in WRITE_METHODS and r.started_ms >= pressed_at]
        if (not writes or any(r.status is None or r.status >= 400 for r in writes)
                or any(r.resource == "document" for r in step.requests)):
            continue
        forms = {s.selector for s in step.submits}
        boxes = [c for c in steps[pos - 1].prompts if c.form in forms and asks_on_page(c)
                 and c.type.lower() not in ("checkbox", "radio")]
        if not boxes or any(c.value or c.initial_value for c in boxes):
            continue
        if any(m.kind in SPEAKING for s in answer_steps(steps, vs, pos, window) for m in s.messages):
            continue
        names = (c.label or c.placeholder or c.name for c in boxes)  # as the person sees each box
        yield ctx.finding(step, message="failed.silent_empty", action=presses[0].target,
                          fields=", ".join(dict.fromkeys(n for n in names if n)),
                          moment="a form sent empty", key=f"{path_of(step.url_after)}|silent-empty",
                          suggestion="Ask for what is missing before sending (\"Write a title or some text first\"), "
                                     "or say what was done (\"Empty draft saved\") in a role=\"status\" region.")


def evaluate(transcript: Transcript, persona: Any, settings: Settings) -> Iterator[Finding]:
    """Yield a finding for each silent moment: waits, submissions, setbacks, timeouts, unannounced status."""
    ctx = Context(RULE, transcript, persona, settings)
    submissions = final_submissions(transcript.steps)
    yield from _waits(ctx, set(submissions))
    yield from confirmations(ctx, submissions)
    yield from human_route(ctx)
    yield from route_not_given(ctx)
    yield from _timeouts(ctx)
    yield from unannounced_status(ctx, _factor(ctx))
    yield from unheard_answers(ctx)
    yield from _silent_empty(ctx)
    yield from _taken_in_silence(ctx)
    yield from signed_out_in_silence(ctx)


RULE = rule_from(META, evaluate)
