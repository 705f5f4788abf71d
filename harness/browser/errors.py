"""What can go wrong while a persona walks a journey, split by whose fault it is.

Why two families: a field that is not on the page is the site's (or the feature's) failure, so the
step fails (`ActionFailed`, an AssertionError as pytest expects); a page that hangs or a browser
that crashes says nothing about the journey, so the scenario is marked broken (`JourneyBroken`).
"""

from __future__ import annotations

from harness.exceptions import BrowserError


class ActionFailed(AssertionError):
    """The persona could not do what the step asked (no such field, button, option or chat box)."""


class JourneyBroken(BrowserError):
    """The browser stopped answering; the scenario is broken, and the evidence so far is kept."""


class PageHung(JourneyBroken):
    """A page (or the site behind it) did not answer within the bound."""


class BrowserCrashed(JourneyBroken):
    """The page's renderer or the whole browser died."""


def status_for(exc: BaseException) -> str:
    """The step status an exception means: "failed" for the journey's own failures, else "broken"."""
    if isinstance(exc, JourneyBroken):
        return "broken"
    if isinstance(exc, AssertionError):
        return "failed"
    return "broken"


def from_playwright(exc: BaseException, what: str, timeout_ms: float) -> BaseException:
    """Turn a Playwright error into ours; anything else passes through unchanged."""
    name = type(exc).__name__
    text = str(exc)
    first = next((line.strip() for line in text.splitlines() if line.strip()), name)[:300]
    if name == "TimeoutError" or "Timeout " in text[:200]:
        return PageHung(f"{what}: the page did not answer within {int(timeout_ms)} ms",
                        hint="the site or page hung; raise [tool.empathy] action_timeout_ms if it is only slow")
    lowered = text.lower()
    if any(s in lowered for s in ("crash", "target closed", "has been closed", "browser has been closed",
                                  "connection closed", "browser closed", "target page, context or browser")):
        return BrowserCrashed(f"{what}: the browser or page is gone: {first}",
                              hint="the renderer crashed or the browser was killed; the run goes on")
    if name == "Error" and "net::ERR_" in text:
        return PageHung(f"{what}: {first}", hint="the site did not answer; is it running?")
    return exc
