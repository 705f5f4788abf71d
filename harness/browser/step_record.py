"""What the recorder hands over: a step's worth of records, and the page's busy signals as they came."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from harness.transcript import Click, Control, Friction, LongTask, Message, Request, Submit

# words that say how far along a wait is ("40%", "about 2 minutes", "step 2 of 3")
PROGRESS = re.compile(
    r"\d+\s?%|\b\d+\s*(?:seconds?|secs?|minutes?|mins?)\b|\bstep \d+ of \d+\b|\b\d+ of \d+\b", re.I
)


@dataclass
class Busy:
    at_ms: float
    kinds: list[str]
    text: str
    progress: bool


@dataclass
class StepRecord:
    """What the recorder saw since the last drain, ready to go into a Step."""

    messages: list[Message] = field(default_factory=list)
    requests: list[Request] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    friction: list[Friction] = field(default_factory=list)
    clicks: list[Click] = field(default_factory=list)
    submits: list[Submit] = field(default_factory=list)
    long_tasks: list[LongTask] = field(default_factory=list)
    controls: list[Control] = field(default_factory=list)
    truncated: list[str] = field(default_factory=list)
