"""The recorder's bounds and clock: how much it keeps per step, how long it watches, and what time it is.

Why a module: the actor's waits and the recorder read the same limits and the same transcript clock.
"""

from __future__ import annotations

import math
import os
import time
from dataclasses import dataclass
from typing import Any

from harness.exceptions import ConfigError

BY_LOAD = 0.0  # patience_stretch: drawn out by the machine's load per core ("by-load" in the thresholds)


@dataclass
class Limits:
    """Bounds and how long to watch; override any of them in `[tool.empathy] thresholds`."""

    text: int = 500
    messages_per_step: int = 200
    requests_per_step: int = 300
    console_per_step: int = 50
    controls_per_step: int = 200
    status_texts: int = 20
    clicks_per_step: int = 200
    # how long after a click to watch for the page's first change; the friction rule cannot judge a
    # dead_click_ms longer than this, so a project's thresholds."friction.dead_click_ms" extends it
    click_watch_ms: float = 2000.0
    # a wait ends once the page says it went quiet (no change for 100 ms by its clock, no timer it set
    # since the action due within a second: page_script/settling.js) and no frame changed for settle_quiet_ms
    settle_quiet_ms: float = 100.0
    settle_churn_ms: float = 1500.0  # a page that never stops changing (polling, clocks) counts as settled after this
    # a document still loading (its scripts, styles or pictures coming), or loaded and showing nothing yet, is not
    # quiet for this long after it began (drawn out by the machine's load as patience is, with patience_stretch);
    # one whose loading never ends (a picture that never comes) or that stays blank is taken as it is after it
    settle_loading_ms: float = 5000.0
    probe_timeout_ms: float = 5000.0  # how long a hung page may take to answer the recorder
    # the persona's patience (its silence_ms) on this machine: "by-load" (0) draws it out at each wait by the
    # machine's load per core (at least 1, so a quiet machine keeps it as written): a CI machine shared with other
    # work answers slower than the site's own server would, and a persona that reloads or presses again because
    # the test machine was slow makes a flaky run; a number (1: as written) is taken as it is
    patience_stretch: float = BY_LOAD

    @classmethod
    def from_settings(cls, settings: Any) -> Limits:
        """Defaults, then any same-named key in settings.thresholds (e.g. thresholds.click_watch_ms)."""
        limits = cls()
        overrides = getattr(settings, "thresholds", {}) or {}
        unknown = [k for k in overrides if "." not in k and k not in cls.__dataclass_fields__]
        if unknown:  # a rule's threshold has a dot ("friction.dead_click_ms"); the checks judge those
            raise ConfigError(f"[tool.empathy.thresholds] {unknown[0]!r}: no recorder bound of that name",
                              hint=f"the recorder's bounds: {', '.join(cls.__dataclass_fields__)}; a rule's "
                                   'threshold is "<rule>.<name>"')
        for name in cls.__dataclass_fields__:
            if name in overrides:
                setattr(limits, name, _bound(name, overrides[name], type(getattr(limits, name))))
        limits.click_watch_ms = max(limits.click_watch_ms, float(overrides.get("friction.dead_click_ms", 0)))
        timeout = getattr(settings, "action_timeout_ms", None)
        if timeout:
            limits.probe_timeout_ms = min(limits.probe_timeout_ms, float(timeout))
        return limits


def _bound(name: str, value: Any, kind: type) -> Any:
    """A recorder bound from the thresholds table, or a ConfigError naming it and what it takes."""
    if name == "patience_stretch" and value == "by-load":
        return BY_LOAD
    try:
        bound = kind(value)
        if not 0 <= bound < math.inf or isinstance(value, bool):  # nan and inf too: no wait can keep them
            raise ValueError(value)
    except (TypeError, ValueError):
        takes = "a number, 0 or more"
        if name == "patience_stretch":
            takes = '"by-load" or a number of times (1: as written)'
        raise ConfigError(f"[tool.empathy.thresholds] {name} = {value!r}: not a value it takes",
                          hint=f"{name} takes {takes}") from None
    return bound


def stretch(limits: Limits) -> float:
    """How many times the persona's patience is drawn out at this wait (Limits.patience_stretch)."""
    if limits.patience_stretch > 0:
        return limits.patience_stretch
    try:
        load = os.getloadavg()[0]
    except (AttributeError, OSError):  # no load average on this system (Windows has no getloadavg): as written
        return 1.0
    return max(1.0, load / (os.cpu_count() or 1))


class Clock:
    """Milliseconds since the transcript started, from Python's clock or the page's epoch times."""

    def __init__(self) -> None:
        self.t0 = time.time() * 1000.0

    def now(self) -> float:
        return round(time.time() * 1000.0 - self.t0, 1)

    def at(self, epoch_ms: float) -> float:
        return round(float(epoch_ms) - self.t0, 1)

    def page(self, *reported: object) -> float:
        """The first epoch time the page reported among `reported`, else now: the page's JSON is untyped, and a
        missing or malformed time must not become a time before the journey began."""
        for value in reported:
            if isinstance(value, int | float) and not isinstance(value, bool) and value > 0:
                return self.at(value)
        return self.now()
