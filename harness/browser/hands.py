"""The persona's hands: what every kind of action shares (the page, the clock, guarding, think time, the log).

Why a base of its own: finding, filling, waiting and the persona's habits are separate concerns
(`locate`, `fill`, `settle`, `habits`), but each records an Action at the persona's pace and turns
Playwright's errors into the harness's; this is that one shared part.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from re import Pattern
from typing import TYPE_CHECKING, Any, TypeVar

from harness import phrases
from harness.browser.errors import ActionFailed, BrowserCrashed, PageHung, from_playwright
from harness.transcript import Action

if TYPE_CHECKING:
    from harness.browser.journey import Journey

T = TypeVar("T")
# The names a person reads on the form a control sends (each shown field's label, and the button's words),
# and how long its page has been open (ms, the page's own clock).
_FORM_SHOWN = """el => { const f = el.form || el.closest('form');
  if (!f) return null;
  const shown = Array.from(f.elements).filter((c) => c.type !== 'hidden' && c.checkVisibility && c.checkVisibility());
  const names = shown.map((c) => ((window.__empathy && window.__empathy.describe(c)) || {}).label || '');
  return [[...names, el.innerText || el.value || ''].join(' '), performance.now()]; }"""


def evaluate_on(loc: Any, js: str, arg: Any = None, *, timeout: float | None = None) -> Any:
    """`js` (a function of the element and `arg`) run on the element `loc` points at, in one call to the browser.

    Why not `loc.evaluate`: in Playwright's Python client that is three calls (find a handle, evaluate, dispose
    it); the element was just found, so one `evaluate_all` reads it. Only when it is gone meanwhile does the
    waiting `evaluate` look for it again (bounded by `timeout`), as before."""
    got = loc.evaluate_all(f"(els, arg) => els.length ? [({js})(els[0], arg)] : []", arg)
    if got:
        return got[0]
    return loc.evaluate(js, arg, timeout=timeout)


class Hands:
    """Shortcuts to the journey, and recording an action (every method of the actor builds on these)."""

    def __init__(self, journey: Journey) -> None:
        self.journey = journey
        self._n = 0  # action counter: the occasion key for habits

    def _before_acting(self) -> None:
        """Read what is still to be read of the page as the last action left it, before the persona acts again."""

    # ----- shortcuts -----
    @property
    def page(self) -> Any:
        return self.journey.page

    @property
    def _rec(self) -> Any:
        return self.journey.recorder

    @property
    def _timeout(self) -> float:
        return float(self.journey.settings.action_timeout_ms)

    def _scale(self) -> float:
        return float(self.journey.settings.time_scale)

    def _now(self) -> float:
        return self._rec.clock.now()

    def _starting(self) -> bool:
        """The page is still visibly starting, as a person waits for it: a busy sign shown (a spinner, a progress
        bar), its document still loading, nothing shown at all (an app root its scripts have not drawn into), or the
        page moving on while asked (a redirect, a page that navigates by itself: not a broken step)."""
        if self._rec.busy_now() is not None:
            return True
        read = self._read_page("look at the page",
                               lambda: self.page.evaluate("() => !window.__empathy || window.__empathy.starting()"))
        return read is None or bool(read)

    def _words(self, name: str) -> Pattern[str]:
        """The words a person looks for, `name` in harness/phrases/<the page's language>.yaml; English where
        the language has no such entry, so the persona can still find a sign-in form on any page."""
        return phrases.for_page(self._rec.lang or "", name)

    def _tokens(self, name: str) -> list[str]:
        """The plain words of entry `name` (an `existence` entry), read like `_words`."""
        return phrases.tokens(phrases.language_for(self._rec.lang or "", name), name)

    def _occasion(self, what: str, *, peek: bool = False) -> str:
        """The occasion key for the persona's next habit draw; `peek`: the same key without using it up."""
        if not peek:
            self._n += 1
        return f"{self.journey.scenario}#{self._n + (1 if peek else 0)}:{what}"

    @contextmanager
    def _guarded(self, what: str) -> Iterator[None]:
        """Playwright errors become PageHung / BrowserCrashed (the scenario is broken, not failed)."""
        if self._rec.crashed:
            raise BrowserCrashed(f"{what}: {self._rec.crashed}", hint="the run goes on with the next scenario")
        try:
            yield
        except (ActionFailed, PageHung, BrowserCrashed):
            raise
        except Exception as exc:  # noqa: BLE001 - converted below, or re-raised unchanged
            converted = from_playwright(exc, what, self._timeout)
            if converted is exc:
                raise
            if self._rec.crashed and not isinstance(converted, BrowserCrashed):
                raise BrowserCrashed(f"{what}: {self._rec.crashed}") from None
            raise converted from None

    def _read_page(self, what: str, read: Callable[[], T]) -> T | None:
        """Read the page for the record only: None when it moved on meanwhile (navigated, detached)."""
        try:
            with self._guarded(what):
                return read()
        except (ActionFailed, PageHung, BrowserCrashed):
            raise
        except Exception:  # noqa: BLE001 - a read cut short by the page's own navigation is no failure
            return None

    def _sleep(self, ms: float) -> None:
        """Real time passes for the persona's own (scaled) think and typing time."""
        if ms > 0:
            self.page.wait_for_timeout(ms)

    def _think(self, action: str, chars: int = 0) -> float:
        """Pause for the persona's scaled think time; return the accounted (unscaled) time."""
        self._before_acting()
        persona = self.journey.persona
        timing = persona.action_time(action, chars=chars, time_scale=self._scale())
        typing = persona.typing_time(chars, time_scale=self._scale())
        self._sleep(timing.sleep_ms - typing.sleep_ms)
        return float(timing.accounted_ms)

    def _read_the_form(self, loc: Any) -> float:
        """With `read_before_send`, a form goes no sooner after its page opened than the persona reads the names
        of its fields and its button: wait out the rest; return the ms waited.

        Why: at `time_scale` 0 five fields and Send go in about a second, and sites' anti-robot time traps
        answer such a form with "too quickly" instead of the answer a person would get. Off by default, as
        it costs a second or two per form that `time_scale` 0 asked not to spend; only the shortfall is
        waited, so a form the persona already spent that long on costs nothing."""
        if not self.journey.settings.read_before_send:
            return 0.0
        raw = self._read_page("read the form", lambda: evaluate_on(loc, _FORM_SHOWN, timeout=self._timeout))
        if not raw:
            return 0.0
        text, shown_ms = raw
        short = self.journey.persona.reading_time(str(text)).accounted_ms - float(shown_ms)
        self._sleep(short)
        return max(short, 0.0)

    def _action(self, kind: str, target: str = "", value: str = "", *, habit: str = "", detail: str = "",
                persona_ms: float = 0.0, at_ms: float | None = None) -> Action:
        mask = self._rec.mask
        self._rec.forget_snapshot()  # what the persona does is not in the page's last snapshot
        action = Action(kind=kind, target=mask(target)[:300], value=mask(value)[:300],  # type: ignore[arg-type]
                        at_ms=self._now() if at_ms is None else at_ms, habit=habit, detail=mask(detail)[:300],
                        persona_ms=round(persona_ms, 1))
        self.journey.current_step().actions.append(action)
        return action
