"""The persona's habits when the page is silent: reload, click again or go back, as its patience says.

Why apart from the waiting itself: the settle loop decides *when* the persona has waited long
enough; what it then does is the persona's (its `on_silence`, else a habit drawn from the seed).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from harness.browser.hands import Hands
from harness.transcript import WaitOutcome


class Habits(Hands):
    """What the persona does when nothing happens for its silence_ms."""

    def _on_silence(self, what: str, again: Callable[[], None] | None) -> WaitOutcome:
        """Nothing has happened for silence_ms: do what this persona does (by `on_silence`, else by habit)."""
        persona = self.journey.persona
        habits = self.journey.habits
        plan = {"reload": "reload_while_waiting", "click-again": "double_click_submit", "go-back": "go_back"}
        choice = getattr(persona.patience, "on_silence", "wait")
        if choice not in plan:
            choice = next((c for c, h in plan.items() if (c != "click-again" or again is not None)
                           and habits.fires(h, self._occasion(f"silence:{c}:{what}"))), "wait")
        if choice == "click-again" and again is None:
            choice = "wait"
        if choice == "wait":
            return ""
        habit = plan[choice]
        at = self._now()
        if choice == "reload":
            self._history("reload", at, habit=habit, detail=f"no sign of progress while waiting for {what}",
                          note=f"reloaded while waiting for {what}", guard="reload while waiting")
            return "reloaded"
        if choice == "click-again":
            self._action("click", what, habit=habit, detail="clicked again: no sign of progress", at_ms=at)
            with self._guarded("click again"):
                assert again is not None
                again()
            return "clicked-again"
        self._history("back", at, habit=habit, detail=f"went back: no sign of progress on {what}",
                      note=f"went back while waiting for {what}", guard="go back while waiting")
        return "went-back"

    def _history(self, kind: Literal["back", "reload"], at: float, *, habit: str, note: str, guard: str,
                 detail: str = "", persona_ms: float = 0.0) -> None:
        """Go back or reload as the persona: log the action and the probe (`note`), then navigate."""
        self._action(kind, self.page.url, habit=habit, detail=detail, persona_ms=persona_ms, at_ms=at)
        self._rec.add_friction(kind, detail=note, at_ms=at)
        go = self.page.reload if kind == "reload" else self.page.go_back
        with self._guarded(guard):
            _navigate(lambda: go(wait_until="commit", timeout=self._timeout))


CUT_SHORT = ("ERR_ABORTED", "interrupted by another navigation", "Not attached to an active page")


def _navigate(go: Callable[[], Any]) -> None:
    """Run a history navigation; one that another navigation cut short (ERR_ABORTED, or the page's own answer
    replacing the document it was aimed at: "Not attached to an active page") is not a failure: the wait that
    follows sees where the page ended up."""
    try:
        go()
    except Exception as exc:
        if not any(word in str(exc) for word in CUT_SHORT):
            raise


def _neighbour(ch: str) -> str:
    """A plausible wrong key for `ch` (its neighbour on a QWERTY row)."""
    rows = ["qwertyuiop", "asdfghjkl", "zxcvbnm", "1234567890"]
    low = ch.lower()
    for row in rows:
        i = row.find(low)
        if i >= 0:
            wrong = row[i + 1] if i + 1 < len(row) else row[i - 1]
            return wrong.upper() if ch.isupper() else wrong
    return "x"
