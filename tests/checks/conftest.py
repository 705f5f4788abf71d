"""A small builder for hand-written transcripts: checks are tested on journeys written out by hand."""

from __future__ import annotations

from typing import Any

import pytest

from harness.config import Settings
from harness.transcript import Action, Click, Control, Friction, Given, Message, Request, Step, Submit, Transcript, Wait

BASE = "http://portal.test"


def url(path: str) -> str:
    return path if path.startswith("http") else BASE + path


def control(label: str, *, name: str | None = None, page: str = "/claims/new", value: str = "",
            initial: str = "", **kw: Any) -> Control:
    name = name if name is not None else label.lower().replace(" ", "_")
    return Control(selector=kw.pop("selector", f"#{name}"), label=label, name=name, url=url(page), value=value,
                   initial_value=initial, prefilled=bool(initial), **kw)


def give(label: str, value: str, *, name: str | None = None, page: str = "/claims/new", **kw: Any) -> Given:
    name = name if name is not None else label.lower().replace(" ", "_")
    channel = kw.get("channel", "form")
    if channel == "chat":
        return Given(value=value, field=label, url=url(page), **kw)
    return Given(value=value, field=label, name=name, selector=f"#{name}", url=url(page), **kw)


def say(text: str, kind: str = "text", *, page: str = "/claims/new", **kw: Any) -> Message:
    return Message(text=text, kind=kind, url=url(page), selector=kw.pop("selector", f"[data-msg='{text[:20]}']"),
                   **kw)


def at_the_door(*given: Given) -> dict[str, Any]:
    """A step on a sign-in form with no sign-in word ("Authentication", a "submit" button at /access): one
    identifier and one password, nothing else; `given` is what the person typed into it."""
    door = [control("Project identifier", name="id", page="/access", form="#f"),
            control("Private code", name="password", type="password", page="/access", form="#f", secret=True)]
    return {"text": "When I fill in the form", "page": "/access", "prompts": door, "given": list(given)}


def act(kind: str, target: str = "", **kw: Any) -> Action:
    return Action(kind=kind, target=target, **kw)


# the kind of wait a test's action label reads as (the harness records the kind; tests spell the label)
_WAIT_KINDS = {"open": "goto", "page": "settle", "go": "back"}


def wait(action: str, duration_ms: float, **kw: Any) -> Wait:
    first = action.split()[0]
    kw.setdefault("kind", _WAIT_KINDS.get(first, first))
    return Wait(action=action, duration_ms=duration_ms, **kw)


def post(path: str, status: int | None = 200, resource: str = "document") -> Request:
    return Request(url=url(path), method="POST", status=status, resource=resource)


def rub(kind: str, selector: str = "#submit", *, at_ms: float = 0.0, **kw: Any) -> list[Friction | Click | Submit]:
    """What the recorder writes down for a sign of struggle at `at_ms` (a step's "friction" sorts it out):
    an unanswered click, three quick clicks in one place, the same form sent twice, or a persona's probe."""
    if kind == "dead-click":
        return [Click(at_ms=at_ms, selector=selector, watched_ms=2000.0, **kw)]
    if kind == "rage-click":
        return [Click(at_ms=at_ms + i * 150, selector=selector, answered_ms=50.0, watched_ms=2000.0, **kw)
                for i in range(3)]
    if kind == "repeated-submit":
        return [Submit(at_ms=at_ms - 400, selector=selector), Submit(at_ms=at_ms, selector=selector)]
    return [Friction(kind=kind, selector=selector, at_ms=at_ms, **kw)]


def journey(*steps: dict[str, Any], persona: dict[str, Any] | None = None, tags: tuple[str, ...] = (),
            name: str = "tester") -> Transcript:
    """Steps from dicts (text, page, before, and any Step field); url_before defaults to the last page."""
    built, last = [], ""
    for i, raw in enumerate(steps):
        raw = dict(raw)
        recorded = [x for item in raw.pop("friction", []) for x in (item if isinstance(item, list) else [item])]
        for field, model in (("friction", Friction), ("clicks", Click), ("submits", Submit)):
            raw[field] = [*raw.get(field, []), *(x for x in recorded if isinstance(x, model))]
        after = url(raw.pop("page", "/claims/new"))
        before = url(raw.pop("before")) if "before" in raw else (last or after)
        built.append(Step(index=i, text=raw.pop("text", f"step {i}"), url_before=before, url_after=after, **raw))
        last = after
    return Transcript(persona=persona or {}, persona_name=name, feature="Claims", scenario="A scenario",
                      tags=list(tags), steps=built)


@pytest.fixture
def settings() -> Settings:
    return Settings()


def run(rule: str, transcript: Transcript, settings: Settings | None = None) -> list[Any]:
    from harness.checks import run_checks

    return run_checks(transcript, settings or Settings(), only=[rule])
