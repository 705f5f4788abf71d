"""What the recorder hands over: a step's worth of records, and the page's busy signals as they came."""

from __future__ import annotations

from dataclasses import dataclass, field

from harness import phrases
from harness.transcript import Click, Control, Friction, LongTask, Message, Request, Submit


def shows_progress(text: str, page_lang: str) -> bool:
    """Whether a busy text says how far along a wait is ("40%", "about 2 minutes", "step 2 of 3"), in the words
    of harness/phrases/<the page's language>.yaml (`wait_progress`; English where it has none)."""
    return bool(phrases.for_page(page_lang, "wait_progress").search(text))


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
