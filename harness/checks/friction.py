"""friction: signs of struggle production analytics look for, and effort beyond what people accept.

Why: a dead click (nothing happened), a rage click (clicking again and again) and a repeated submit
(not sure the first one worked) are how struggle shows in session analytics (PostHog, Datadog,
Sentry); the recorder measures them the same way. Baymard finds about 8 fields per form achievable,
so a longer form, or more fields than the persona tolerates for the whole task, is effort.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from harness.checks.base import Threshold, rule_from
from harness.checks.context import Context
from harness.checks.pages import asks_for_detail, control_identity, path_of, visits

if TYPE_CHECKING:
    from harness.config import Settings
    from harness.findings import Finding
    from harness.transcript import Transcript

META: dict[str, Any] = {
    "id": "friction",
    "impact": "minor",
    "tags": ["friction", "effort", "best-practice"],
    "help": "Make every click count and ask for little",
    "description": "Ensure clicks have a visible effect, a submit does not need pressing twice, and forms ask "
                   "for no more than the person will accept.",
    "how_to_fix": "Give every click immediate feedback (disable and relabel the button while sending), make "
                  "things that look clickable work, and cut or defer fields.",
    "messages": {
        "passed": "No dead, rage or repeated clicks, and forms of reasonable length.",
        "failed": "At step {step}: {what}.",
        "failed.fields": "At step {step} one form asks for {count} things (more than {limit}): {fields}.",
        "failed.task": "The journey asked for {count} fields in all, more than this persona accepts ({limit}).",
        "cantTell": "At step {step} something may have slowed the person down ({what}).",
    },
    "thresholds": {
        "max_fields": Threshold(8, "Fields in one form above which it is effort (Baymard: ~8 achievable)."),
        "habit_window_ms": Threshold(2500, "Friction this soon after a habit-driven action (a persona's double "
                                           "click) is the persona's doing unless the site accepted it twice."),
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
    """The same form was sent to the server twice in one step (a double submit the site did not stop)."""
    writes = [r.url for r in step.requests if r.method.upper() in ("POST", "PUT", "PATCH")]
    return len(writes) != len(set(writes))


def evaluate(transcript: Transcript, persona: Any, settings: Settings) -> Iterator[Finding]:
    """Yield a finding per recorded dead, rage or repeated click, and per form or task that asks too much."""
    ctx = Context(RULE, transcript, persona, settings)
    window = ctx.threshold("habit_window_ms")
    for step in transcript.steps:
        habits = [a.at_ms for a in step.actions if a.habit]
        for f in step.friction:
            if f.kind not in KINDS:
                continue  # back, reload and blocked hosts are the persona's probes, not the site's fault
            if f.kind == "repeated-submit" and not _duplicate_went_through(step):
                continue  # the second submit never reached the server: the site (or browser) absorbed it
            if f.kind == "dead-click" and any(0 <= f.at_ms - at <= window for at in habits):
                continue  # the persona's own double click, and the site rightly ignored the second one
            impact, what, fix = KINDS[f.kind]
            yield ctx.finding(step, impact=impact, target=f.selector, kind=f.kind, detail=f.detail,
                              what=what.format(target=f.selector or "a control"),
                              key=f"{f.kind}|{path_of(step.url_after)}|{f.selector}", suggestion=fix)
    limit = ctx.threshold("max_fields")
    per_visit: dict[int, dict[tuple[str, str], str]] = {}
    where: dict[int, Any] = {}
    for step, visit in zip(transcript.steps, visits(transcript), strict=True):
        for c in step.prompts:
            if asks_for_detail(c) and not c.secret:
                per_visit.setdefault(visit.number, {})[control_identity(c, step)] = c.label or c.name or c.selector
                where.setdefault(visit.number, step)
    reported: set[str] = set()
    total: dict[tuple[str, str], str] = {}
    for number, fields in per_visit.items():
        total.update(fields)
        step = where[number]
        path = path_of(step.url_after)
        if len(fields) > limit and path not in reported:
            reported.add(path)
            yield ctx.finding(step, message="failed.fields", count=len(fields), limit=int(limit),
                              fields=", ".join(list(fields.values())[:12]), key=f"fields|{path}",
                              suggestion="Ask only what you need now; pre-fill or defer the rest, and split long "
                                         "forms into short pages of related questions.")
    task_limit = ctx.trait("patience.max_fields", 0)
    if task_limit and len(total) > task_limit and transcript.steps:
        yield ctx.finding(transcript.steps[-1], message="failed.task", count=len(total), limit=task_limit,
                          key="fields|task",
                          suggestion="Cut the questions this task asks, or carry answers over from the account.")


RULE = rule_from(META, evaluate)
