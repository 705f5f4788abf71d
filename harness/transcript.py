"""The journey transcript: the plain record of what a persona saw, typed and waited for.

This is the seam of the architecture. The browser side writes it; checks only read it. Every
model round-trips through JSON (`Transcript.model_validate_json(t.model_dump_json())`). Times are
milliseconds since the transcript started (`ms`), so a transcript is independent of the clock.
Secret values never enter it: the recorder writes `MASK` instead.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = 4  # 2: typed waits (`Wait.kind`) and clicks and submits as facts, not friction verdicts;
# 3: `disabled-press` friction; messages say whether they are the person's own words (`own`) and when the timer that
# drew them was set (`caused_ms`); 4: how loaded the machine was at a wait (`Wait.stretch`)
MASK = "••••••"

MessageKind = Literal[
    "validation",  # inline error tied to a field (aria-invalid / aria-describedby / error class)
    "error",  # page-level error summary or fault page
    "alert",  # role=alert not tied to a field
    "warning",  # a warning banner or notice ("Your password expires in 3 days")
    "status",  # role=status / aria-live polite region, progress text
    "toast",  # transient notification
    "timeout",  # session timeout warning or notice
    "confirmation",  # what a person sees after a submission succeeded
    "handoff",  # a bot handing the conversation to a person
    "chat",  # a chat message (see `speaker`)
    "heading",  # page headings (h1, h2)
    "greeting",  # a welcome line addressed to the person
    "empty",  # an empty state ("You have no orders")
    "text",  # other notable copy
]
Speaker = Literal["", "bot", "agent", "user", "system"]
ActionKind = Literal[
    "goto", "fill", "choose", "tick", "click", "press", "upload", "chat", "back", "reload", "wait",
    "sign-in", "sign-out", "scroll", "help",
]
# What a wait followed: the action kinds, plus "settle" (letting the page settle with no action of one's own).
WaitKind = Literal[ActionKind, "settle"]
WaitOutcome = Literal["", "waited", "reloaded", "clicked-again", "went-back", "gave-up"]
# The persona's own probes as the actor records them. Dead, rage and repeated clicks are not here: the
# friction check decides them from `Step.clicks` and `Step.submits` (harness.checks.clicks).
FrictionKind = Literal["back", "reload", "blocked-host", "sent-to-sign-in", "disabled-press"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Control(_Model):
    """A visible form control: one thing the page asks the person for."""

    selector: str
    label: str = ""
    placeholder: str = ""
    name: str = ""
    id: str = ""
    type: str = "text"  # input type, or "select", "textarea", "checkbox", "radio"
    autocomplete: str = ""
    required: bool = False
    initial_value: str = ""  # the value when first seen on this page visit, before the persona acted
    value: str = ""  # the value at the end of the step
    prefilled: bool = False  # initial_value was not empty
    options: list[str] = Field(default_factory=list)  # choices offered (select, datalist, radios)
    invalid: bool = False  # told invalid: aria-invalid, or the browser's own :user-invalid
    marked: bool = False  # drawn as refused by the site's own class ("is-invalid": a red border), told to no one
    error: str = ""  # text of the error message tied to it
    hint: str = ""  # what a person reads beside it besides its name and error: its help text
    secret: bool = False  # password or declared secret: values are MASK
    url: str = ""  # page the control was on
    frame: str = ""  # frame URL when not in the main frame
    form: str = ""  # the selector of the <form> it belongs to ("" when in none): a page can hold several forms
    query: bool = False  # asks what to look up (type=search, in role=search, or a form sent by GET), not a detail
    landmark: str = ""  # the ARIA landmark it sits in ("main", "complementary" for a sidebar, "navigation", ...)
    focused: bool = False  # had the keyboard focus at the step's end (a page that moves focus to an invalid field)


class Message(_Model):
    """Something the page told the person."""

    text: str
    kind: MessageKind = "text"
    role: str = ""  # ARIA role
    live: str = ""  # aria-live politeness: "polite", "assertive", "off" or ""
    speaker: Speaker = ""
    question: bool = False  # a chat message that asks the person something
    field: str = ""  # label of the control an inline error belongs to
    selector: str = ""
    url: str = ""
    appeared_ms: float = 0.0
    disappeared_ms: float | None = None  # None: still visible (at the step's end in a step attachment,
    # at the journey's end in the written transcript, where a later disappearance is filled in)
    visible: bool = True  # False when only in the accessibility tree or hidden visually
    dialog: bool = False  # the browser's own alert(), confirm() or prompt() box (dismissed, as Playwright does)
    browser_validation: bool = False  # the browser's own bubble for a blocked submit (element.validationMessage)
    landmark: str = ""  # the ARIA landmark it sits in: "main", "banner", "navigation", "contentinfo",
    # "complementary", "search", or "" (site chrome is banner, navigation, contentinfo and complementary)
    focused: bool = False  # the keyboard focus was in it when it appeared (a screen reader reads it out)
    own: bool = False  # the person's own words shown back (a post or comment they wrote): not the site's copy
    marked: bool = False  # a field's message drawn as an error by the site's own class ("errorlist"), told to no one
    caused_ms: float | None = None  # drawn by a timer the page set at this time (a toast it scheduled as it
    # loaded): it belongs to the step that time falls in, even when it appeared after that step ended
    items: list[str] = Field(default_factory=list)  # a message that is a list of several: its items, each read alone
    links: list[str] = Field(default_factory=list)  # the words of the links inside it: a way on that it offers


class Given(_Model):
    """A value the persona gave: typed into a field, chosen, or said in chat."""

    value: str  # MASK when secret
    field: str = ""  # the label the persona answered (or the chat question it answered)
    data_key: str = ""  # the persona detail it came from ("email", "reference", …)
    channel: Literal["form", "chat"] = "form"
    selector: str = ""
    name: str = ""
    id: str = ""
    type: str = ""
    autocomplete: str = ""
    placeholder: str = ""  # the field's hint: a description of it, not its identity
    secret: bool = False
    url: str = ""
    frame: str = ""  # frame URL when the field was not in the main frame (a popup's form laid over the page)
    at_ms: float = 0.0


class Action(_Model):
    """One thing the persona did, and why (the habit that fired, if any)."""

    kind: ActionKind
    target: str = ""
    value: str = ""  # masked when secret
    at_ms: float = 0.0
    habit: str = ""  # e.g. "reload_while_waiting", "double_click_submit", "typo"
    detail: str = ""
    persona_ms: float = 0.0  # the persona's own think and typing time for it, accounted (not scaled)


class Request(_Model):
    """A network request the page made."""

    url: str
    method: str = "GET"
    status: int | None = None  # None: failed or aborted
    resource: str = ""  # document, xhr, fetch, …
    started_ms: float = 0.0
    duration_ms: float | None = None
    failure: str = ""


class Wait(_Model):
    """How long the page took to answer one action, and what it said meanwhile."""

    action: str  # what was waited for, as the person would say it, e.g. "click 'Send'" (shown, never parsed)
    kind: WaitKind  # what the wait followed: checks match on this
    started_ms: float = 0.0
    responded_ms: float | None = None  # first DOM change or navigation after the action
    duration_ms: float = 0.0  # until the page settled (or the persona stopped waiting)
    busy_signal_ms: float | None = None  # after how long a busy/progress/status signal appeared
    busy_kind: str = ""  # "aria-busy", "progressbar", "status", "spinner"
    status_texts: list[str] = Field(default_factory=list)
    progress: bool = False  # a percent-done or time estimate was shown
    navigated: bool = False
    timed_out: bool = False  # the persona's patience ran out before the page answered
    outcome: WaitOutcome = ""  # what the persona did while waiting
    # how many times the machine's load drew the persona's patience out at this wait (harness.browser.bounds.stretch; 1:
    # a quiet machine, or patience as written): a site on this machine answers that much slower than on its own
    stretch: float = 1.0


class Click(_Model):
    """A click as the page saw it: on what, where, when, and how soon the page first changed after it."""

    at_ms: float
    selector: str = ""
    name: str = ""  # the clicked element's accessible name or text
    x: float = 0.0
    y: float = 0.0
    submit: bool = False  # on a submit button
    own: bool = False  # on a form control or its label: the control's own state answers it
    typed: int = -1  # the page's count of input events at the click (-1: unknown)
    validation_blocked: bool = False  # the browser's constraint validation stopped this submit (required,
    # type=email, pattern, min/max): its bubble, not the page, answered; see the step's browser_validation message
    answered_ms: float | None = None  # first DOM change, navigation, download or new window after it;
    # None: none within watched_ms
    watched_ms: float = 0.0  # how long the recorder watched for that change
    page_errors: list[str] = Field(default_factory=list)  # uncaught page errors thrown while it was watched


class LongTask(_Model):
    """The page's main thread busy for 50 ms or more (PerformanceObserver "longtask"): frozen, the site's time."""

    at_ms: float
    duration_ms: float


class Submit(_Model):
    """A form submission the page saw."""

    at_ms: float
    selector: str = ""


class Friction(_Model):
    """A probe of the persona's (went back, reloaded), a request kept off another host, a submit that
    landed on a sign-in page without what the person had typed (`sent-to-sign-in`), or a press on a
    button the page had disabled (`disabled-press`, the button's name in `detail`)."""

    kind: FrictionKind
    selector: str = ""
    at_ms: float = 0.0
    detail: str = ""


class Step(_Model):
    """One Gherkin step and everything that happened during it."""

    index: int
    text: str  # the step as written, with its keyword ("When I press \"Continue\"")
    keyword: str = ""
    url_before: str = ""
    url_after: str = ""
    title: str = ""
    lang: str = ""  # the page's declared language (<html lang>) at the end of the step; "" when none
    links: list[str] = Field(default_factory=list)  # the page's header, footer, navigation and side-panel links
    # and its forms' own links at the end of the step: where a site keeps "Contact", "Help" or "Forgot your password?"
    started_ms: float = 0.0
    ended_ms: float = 0.0
    actions: list[Action] = Field(default_factory=list)
    prompts: list[Control] = Field(default_factory=list)
    given: list[Given] = Field(default_factory=list)
    messages: list[Message] = Field(default_factory=list)
    waits: list[Wait] = Field(default_factory=list)
    requests: list[Request] = Field(default_factory=list)
    console_errors: list[str] = Field(default_factory=list)
    friction: list[Friction] = Field(default_factory=list)
    clicks: list[Click] = Field(default_factory=list)
    submits: list[Submit] = Field(default_factory=list)
    long_tasks: list[LongTask] = Field(default_factory=list)
    screenshot: str | None = None  # path relative to the reports folder
    status: Literal["passed", "failed", "skipped", "broken"] = "passed"
    error: str = ""
    truncated: list[str] = Field(default_factory=list)  # what was cut to stay in bounds


class Transcript(_Model):
    """A whole journey: who walked it, where, and every step."""

    schema_version: int = SCHEMA_VERSION
    persona: dict[str, Any] = Field(default_factory=dict)  # the resolved persona, as the checks need it
    persona_name: str = ""
    seed: int = 0
    feature: str = ""
    scenario: str = ""
    tags: list[str] = Field(default_factory=list)
    base_url: str = ""
    started_at: str = ""  # ISO 8601, wall clock
    steps: list[Step] = Field(default_factory=list)
    truncated: list[str] = Field(default_factory=list)

    def to_json(self) -> str:
        return self.model_dump_json(indent=2)

    @classmethod
    def load(cls, path: str | Path) -> Transcript:
        """Read a transcript file; a bad file is a TranscriptError naming it."""
        from pydantic import ValidationError

        from harness.exceptions import TranscriptError

        p = Path(path)
        try:
            text = p.read_text(encoding="utf-8")
            transcript = cls.model_validate_json(text)
        except OSError as exc:
            raise TranscriptError(f"{p}: cannot read transcript: {exc.strerror}") from None
        except UnicodeDecodeError:
            raise TranscriptError(f"{p}: not a transcript: not UTF-8 text (a transcript is the JSON a run writes)") \
                from None
        except ValidationError as exc:
            old = _older_schema(text)
            if old is not None:
                raise TranscriptError(
                    f"{p}: written by an older harness (transcript schema {old}; this one reads "
                    f"{SCHEMA_VERSION}, with typed waits and recorded clicks): record the journey again "
                    "(empathy run) to check it") from None
            first = exc.errors()[0]
            where = ".".join(str(x) for x in first["loc"])  # none when the file is no JSON at all
            raise TranscriptError(f"{p}: not a transcript: {where + ': ' if where else ''}{first['msg']}") from None
        return transcript

    def all_given(self) -> list[tuple[int, Given]]:
        """Every value the persona gave, with the index of the step it was given in."""
        return [(s.index, g) for s in self.steps for g in s.given]


def _older_schema(text: str) -> int | None:
    """The schema version of a transcript written by an older harness, else None."""
    import json

    try:
        version = json.loads(text).get("schema_version")
    except (ValueError, AttributeError):
        return None
    return version if isinstance(version, int) and version < SCHEMA_VERSION else None
