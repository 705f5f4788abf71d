"""Clicks judged: dead clicks, rage clicks and repeated submits, from the clicks and submits the recorder saw.

Why here and not in the recorder: the recorder writes down what happened and when (each click's
target, position and how soon the page first changed after it; each form submission), so a saved
transcript can be judged again, with other thresholds, and `empathy check` reproduces the run. The
measures are session analytics' (PostHog, Datadog, Sentry): a click the page did not answer within
`dead_click_ms`; `rage_clicks` clicks within `rage_window_ms` of each other and `rage_radius_px` of the
first, with no typing in between; the same form sent again within `repeated_submit_ms`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from harness.transcript import Click, Transcript

SignKind = Literal["dead-click", "rage-click", "repeated-submit"]


@dataclass(frozen=True)
class ClickLimits:
    """The documented thresholds (the friction rule's, overridable as `thresholds."friction.<name>"`)."""

    dead_click_ms: float = 2000.0  # Sentry uses 7000; 2000 keeps a person's "nothing happened" feel
    rage_clicks: int = 3
    rage_window_ms: float = 1000.0
    rage_radius_px: float = 30.0
    repeated_submit_ms: float = 1500.0


@dataclass(frozen=True)
class Sign:
    """One sign of struggle, at the step (by position) whose record holds the click or submit it rests on."""

    kind: SignKind
    pos: int
    selector: str
    at_ms: float
    detail: str
    name: str = ""  # the clicked control's text (a dead click's), to tell it from the control a habit clicked


def is_dead(click: Click, limit_ms: float) -> bool:
    """The page showed no change within `limit_ms` of the click (and was watched that long).

    A click on a form control (or its label) is answered by the control's own state, which changes
    no markup, so it is never dead; nor is a submit the browser's own validation stopped (its bubble
    answered)."""
    if click.own or click.validation_blocked or click.watched_ms < limit_ms:
        return False
    return click.answered_ms is None or click.answered_ms > limit_ms


def _one_burst(a: Click, b: Click, limits: ClickLimits) -> bool:
    """Near each other and no typing in between (a person who types a message and presses Send again is
    not clicking in frustration)."""
    near = math.dist((a.x, a.y), (b.x, b.y)) <= limits.rage_radius_px
    return near and (a.typed < 0 or b.typed < 0 or a.typed == b.typed)


def _rage(clicks: list[tuple[int, Click]], limits: ClickLimits) -> list[Sign]:
    n, window = limits.rage_clicks, limits.rage_window_ms
    out, i = [], 0
    while i + n <= len(clicks):
        first = clicks[i][1]
        burst = [c for _, c in clicks[i:i + n]]
        if burst[-1].at_ms - first.at_ms <= window and all(_one_burst(c, first, limits) for c in burst):
            j = i + n
            while (j < len(clicks) and clicks[j][1].at_ms - clicks[j - 1][1].at_ms <= window
                   and _one_burst(clicks[j][1], first, limits)):
                j += 1
            span = int(clicks[j - 1][1].at_ms - first.at_ms)
            out.append(Sign("rage-click", clicks[i][0], first.selector, first.at_ms,
                            f"{j - i} clicks within {span} ms on {first.name!r}"))
            i = j
        else:
            i += 1
    return out


def _repeated(transcript: Transcript, clicks: list[tuple[int, Click]], limits: ClickLimits) -> list[Sign]:
    """A form submitted again (a submit event, or a click on a submit button) soon after the same one."""
    limit = limits.repeated_submit_ms
    pairs: list[tuple[float, str, int]] = []
    for kind in ("submit", "click"):
        events = ([(s.at_ms, s.selector, pos) for pos, step in enumerate(transcript.steps) for s in step.submits]
                  if kind == "submit" else [(c.at_ms, c.selector, pos) for pos, c in clicks if c.submit])
        for a, b in zip(events, events[1:], strict=False):
            if a[1] == b[1] and b[0] - a[0] <= limit:
                pairs.append(b)
    out: list[Sign] = []
    for at, selector, pos in sorted(pairs):
        if any(abs(at - s.at_ms) < limit for s in out):
            continue
        out.append(Sign("repeated-submit", pos, selector, at, f"submitted again within {int(limit)} ms"))
    return out


def signs(transcript: Transcript, limits: ClickLimits) -> list[Sign]:
    """Every dead click, rage click and repeated submit in the journey, in time order."""
    clicks = sorted(((pos, c) for pos, step in enumerate(transcript.steps) for c in step.clicks),
                    key=lambda pc: pc[1].at_ms)
    dead = [Sign("dead-click", pos, c.selector, c.at_ms,
                 f"no page change within {int(limits.dead_click_ms)} ms of clicking {c.name!r}", c.name)
            for pos, c in clicks if is_dead(c, limits.dead_click_ms)]
    found = [*dead, *_rage(clicks, limits), *_repeated(transcript, clicks, limits)]
    return sorted(found, key=lambda s: s.at_ms)
