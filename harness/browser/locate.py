"""Finding things like a person: by label, placeholder, role and visible text, in every frame.

Why label first: that is how a person finds a field, and a form a person cannot find by its label
should fail here too.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from typing import Any

from harness.browser.errors import ActionFailed
from harness.browser.hands import Hands
from harness.transcript import Control

_PASSWORD = re.compile(r"\bpass(word|phrase|code)?\b", re.IGNORECASE)  # a box of dots named by no label


class Locate(Hands):
    """Looks for fields, buttons and links the way a person would; waits briefly for them to show."""

    def _frames(self) -> list[Any]:
        main = self.page.main_frame
        return [main, *(f for f in self.page.frames if f is not main and not f.is_detached())]

    def _first_visible(self, makers: list[Callable[[Any], Any]], what: str) -> Any | None:
        """The first visible match over the ways a person would look, in every frame; waits briefly for it."""
        found = self._find_visible(makers, what)
        return found[1] if found is not None else None

    def _find_visible(self, makers: list[Callable[[Any], Any]], what: str) -> tuple[int, Any] | None:
        """(index of the maker that matched, its first visible match); waits briefly for any of them.

        Why one loop over all makers: alternatives (a list, else a radio group) are looked for together,
        so a page that has only the second never costs the whole wait for the first."""
        deadline = time.monotonic() + min(self._timeout, 3000.0) / 1000.0
        while True:
            with self._guarded(f"look for {what}"):
                for frame in self._frames():
                    for i, make in enumerate(makers):
                        try:
                            loc = make(frame).filter(visible=True)
                            if loc.count():
                                return i, loc.first
                        except Exception as exc:  # noqa: BLE001 - a detached frame is not a failure
                            if "detached" in str(exc).lower():
                                break
                            raise
            if time.monotonic() >= deadline:
                return None
            self.page.wait_for_timeout(100)

    def _field(self, label: str) -> Any:
        loc = self._first_visible([
            lambda f: f.get_by_label(label, exact=True),
            lambda f: f.get_by_label(label),
            lambda f: f.get_by_placeholder(label, exact=True),
            lambda f: f.get_by_placeholder(label),
            lambda f: f.get_by_role("textbox", name=label),
            lambda f: f.get_by_role("combobox", name=label),
            lambda f: f.get_by_role("spinbutton", name=label),
            lambda f: self._by_shown_label(f, label),
            *([lambda f: f.locator("input[type=password]")] if _PASSWORD.search(label) else []),
        ], f'the field "{label}"')
        if loc is None:
            seen = ", ".join(f'"{c.label}"' for c in self._controls()[:12]) or "none"
            raise ActionFailed(f'no field labelled "{label}" on {self.page.url} (fields seen: {seen})')
        return loc

    @staticmethod
    def _by_shown_label(frame: Any, label: str) -> Any:
        """Fields named only by text shown beside them (a table's cell, a bold word above): the
        recorder reads that text as a person does and marks the fields it names."""
        frame.evaluate("label => window.__empathy ? window.__empathy.markByLabel(label) : 0", label)
        return frame.locator("[data-empathy-find]")

    def _controls(self) -> list[Control]:
        try:
            return self._rec.snapshot(self.page)
        except Exception:  # noqa: BLE001 - only used for messages
            return []

    def _describe(self, loc: Any) -> Control | None:
        with self._guarded("read the field"):
            raw = loc.evaluate("el => window.__empathy ? window.__empathy.describe(el) : null",
                               timeout=self._timeout)
        if not raw:
            return None
        return self._rec.control_from(raw, url=self._rec.mask(self.page.url))

    def _frame_for(self, control: Control) -> Any:
        if control.frame:
            for frame in self.page.frames:
                if self._rec.mask(frame.url) == control.frame:
                    return frame
        return self.page.main_frame

    def _clickable(self, name: str | re.Pattern[str]) -> Any | None:
        exact = isinstance(name, str)
        makers: list[Callable[[Any], Any]] = []
        for role in ("button", "link"):
            if exact:
                makers.append(lambda f, r=role: f.get_by_role(r, name=name, exact=True))
        for role in ("button", "link", "menuitem", "tab"):
            makers.append(lambda f, r=role: f.get_by_role(r, name=name))
        if exact:
            makers.append(lambda f: f.get_by_text(name, exact=True))
        makers.append(lambda f: f.get_by_text(name))
        return self._first_visible(makers, f'"{name}"' if exact else f"/{name.pattern}/")  # type: ignore[union-attr]
