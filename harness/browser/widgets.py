"""Widgets a person names by what they see, not by a label: an unlabelled drop-down, a search box,
a text editor, an item's quantity and add button, a menu, a button inside a named dialog, a browser dialog.

Why a part of the actor (as fill and locate are): its own seams (`_put`, `_click`, `_find_visible`) record
every value and click the same way as a labelled field, so the checks read these journeys unchanged.
The page-side finding lives in widgets.js; it marks the element it chose for Playwright to act on.
"""

from __future__ import annotations

import itertools
import re
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from harness.browser.errors import ActionFailed
from harness.browser.fill import Fill
from harness.browser.locate import REGION_ROLES, Maker, inside, whole_name, whole_word

if TYPE_CHECKING:
    from harness.transcript import Wait

_TOKENS = itertools.count(1)
# what lies outside the navigation and the sidebars: a box there filters their list, not the page's own search
_NOT_ASIDE = ":not(nav *, aside *, [role=navigation] *, [role=complementary] *)"


@cache
def _script() -> str:
    return (Path(__file__).with_name("widgets.js")).read_text(encoding="utf-8")


def _marked(frame: Any, token: str, part: str) -> Any:
    return frame.locator(f'[data-empathy-pick="{token}-{part}"]').first


class Widgets(Fill):
    """The actor's part for widgets named by what a person sees (see the module's docstring)."""

    if TYPE_CHECKING:  # the actor's own, which every Widgets is (harness.browser.actor.Actor)
        def _click(self, loc: Any, name: str, kind: str = "click") -> Wait: ...
        def press(self, key: str) -> Wait: ...

    def _pick(self, fn: str, what: str, **args: Any) -> tuple[Any, Any] | None:
        """Run widgets.js's `fn` in each frame until it marks something; (frame, result), waiting briefly."""
        deadline = time.monotonic() + min(self._timeout, 3000.0) / 1000.0
        while True:
            token = f"p{next(_TOKENS)}"
            with self._guarded(f"look for {what}"):
                for frame in self._frames():
                    result = frame.evaluate(_script(), {"fn": fn, "token": token, **args})
                    if result:
                        return frame, (token, result)
            if time.monotonic() >= deadline:
                return None
            self.page.wait_for_timeout(100)

    def choose_from_dropdown(self, option: str, hint: str = "") -> None:
        """Pick `option` in the drop-down a person knows by `hint`: its label, the option it shows now or
        the text beside it; without a hint, the one drop-down that offers `option`."""
        found = self._pick("dropdown", f'a drop-down showing "{hint}"' if hint else f'a drop-down with "{option}"',
                          hint=hint, option=option)
        if found is None:
            where = f' showing or next to "{hint}"' if hint else ""
            raise ActionFailed(f'no drop-down{where} offers "{option}" on {self.page.url}')
        frame, (token, _) = found
        loc = _marked(frame, token, "list")
        self._put(loc, self._describe(loc), option, hint or option, self.detail_key_of(option))


    def search(self, text: str) -> None:
        """Type `text` into the page's search box and submit it with the button beside it, else with Enter.

        The page's own search before a box that only filters a list in a sidebar (also type=search): the
        search landmark, a form named Search, a form with a "Search" button, a search field in <main>,
        then any search field; when none shows, the control that shows a hidden one (a magnifier icon) is pressed.
        A box in the navigation or a sidebar filters that list (an admin's menu of its sections): it is taken only
        when the page's own search, shown or behind its button, is not there."""
        search_button, search_box = self._words("search_button"), self._words("search_box")
        box = self._search_box(search_button, search_box)
        side = None if box is not None else self._search_box(search_button, search_box, aside=True)
        if side is not None:  # a filter of the navigation: the page's own search may be behind its button in <main>
            said = re.compile(rf"\b(?:{search_box.pattern})\b", re.I)  # "Search", not "Go back" or "Research"
            opener = self.page.locator("main, [role=main]").get_by_role("button", name=said)
            with self._guarded("look for the search button"):
                shown = opener.count() > 0 and opener.first.is_visible()
            if shown:
                self._click(opener.first, "search")
                box = self._search_box(search_button, search_box)
        elif box is None:  # a search hidden behind its toggle (a magnifier icon): press it, as a person would
            found = self._pick("search_toggle", "the control that shows the search box", words=search_box.pattern)
            if found is not None:
                frame, (token, name) = found
                self._click(_marked(frame, token, "toggle"), str(name) or "search")
                # the box it showed is the page's search wherever it sits (a drop-down of the header's <nav>)
                box = self._search_box(search_button, search_box) or self._search_box(
                    search_button, search_box, aside=True)
        box = box or side
        if box is None:
            raise ActionFailed(f"no search box on {self.page.url} (no search landmark, type=search field, "
                               "text box beside a Search button, or control that shows one)")
        control = self._describe(box)
        self._put(box, control, text, (control.label if control else "") or "search", self.detail_key_of(text))
        button = box.locator("xpath=ancestor::*[self::form or @role='search' or self::search][1]").get_by_role(
            "button", name=search_button)
        with self._guarded("look for the search button"):
            ready = button.count() > 0 and button.first.is_visible()
        if ready:
            self._click(button.first, "search")
        else:
            self.press("Enter")

    def _search_box(self, search_button: Any, search_box: Any, *, aside: bool = False) -> Any | None:
        """The page's visible search box, the page's own search first (see `search`); `aside`: a box in the
        navigation or a sidebar too."""
        text_box = "input:not([type]), input[type=text], input[type=search]"
        makers: list[Maker] = [
            lambda f: f.locator("search, [role=search]").locator(text_box),
            lambda f: f.get_by_role("form", name=search_box).locator(text_box),
            lambda f: f.locator("form").filter(has=f.get_by_role("button", name=search_button)).locator(text_box),
            lambda f: f.locator("main, [role=main]").get_by_role("searchbox"),
            lambda f: f.get_by_role("searchbox"),
            lambda f: f.get_by_role("textbox", name=search_box),
            lambda f: f.locator("input[name=q], input[name*=search i], input[name*=query i], input[id*=search i]"),
        ]
        if not aside:  # the page's search forms stand wherever they are; a bare box in a sidebar filters its list
            makers[3:] = [inside(make, lambda f: f.locator(_NOT_ASIDE)) for make in makers[3:]]
        return self._first_visible(makers, "the search box")


    def write(self, text: str) -> None:
        """Write `text` in the page's text editor, the largest box to write in, which often no label names (a
        rich-text editor's `contenteditable`, a bare `<textarea>` grown by script): focus moves there, as when a
        person clicks into it, and the words are typed; recorded as a value given to a text area named by what
        the editor shows (its label, else its words while empty)."""
        found = self._pick("editor", "the text editor")
        if found is None:
            raise ActionFailed(f"no text editor on {self.page.url} (no box to write in: a contenteditable, a "
                               "multi-line textbox or a text area)")
        frame, (token, name) = found
        box = _marked(frame, token, "box")
        described = self._describe(box)
        control = described.model_copy(update={"label": str(name), "type": "textarea"}) if described else None
        self._put(box, control, text, str(name), self.detail_key_of(text))

    def add_to_basket(self, name: str, quantity: int = 1) -> None:
        """Add `quantity` of the item called `name`: set its quantity control, then press its add button
        (or the form's, when one button adds every item of a list)."""
        found = self._pick("item", f'the item "{name}"', name=name)
        if found is None:
            raise ActionFailed(f'no item "{name}" with a quantity or an add button on {self.page.url}')
        frame, (token, result) = found
        if not result.get("qty") and not result.get("add"):
            raise ActionFailed(f'the item "{name}" has no quantity box and no add button on {self.page.url}')
        if result.get("qty"):
            qty = _marked(frame, token, "qty")
            control = self._describe(qty)
            if control is not None and control.type == "checkbox" and quantity != 1:
                raise ActionFailed(f'"{name}" is a tick box: only one can be added at a time')
            self._put(qty, control, str(quantity), f"{name} quantity", "")
        if result.get("add"):
            self._click(_marked(frame, token, "add"), result["add"] or "add")


    def open_menu(self, name: str = "", kind: str = "") -> None:
        """Open the menu a person calls `name` ("Sam") or by its kind ("account", "main", "language")."""
        if kind in ("account", "user", "profile", "my"):
            words = self._account_menu_words()
        elif kind in ("main", "site", "navigation", "nav", ""):
            words = [name] if name else self._tokens("main_menu")
        else:
            words = [kind, f"{kind} menu"]
        found = self._pick("menu", f'the "{name or kind}" menu', words=[w for w in words if w])
        if found is None:
            raise ActionFailed(f'no menu button "{name or kind}" on {self.page.url}')
        frame, (token, _) = found
        self._click(_marked(frame, token, "menu"), name or f"{kind} menu")


    def _account_menu_words(self) -> list[str]:
        """What a person calls their account menu: its usual names, and their own (username, first and full name)."""
        data = self.journey.data
        return [*self._tokens("account_menu"), *(data.get(k, "") for k in ("username", "first_name", "full_name"))]

    def in_a_closed_menu(self, words: Any) -> Any | None:
        """The control named by `words` (a pattern) in a closed menu, once opened as a person opens it: the menu that
        holds it hidden (the account menu under their name), else one drawn only when it opens; None when none does."""
        if self.open_menu_holding(words):
            return self._clickable(words)
        return self.in_a_menu_drawn_when_opened(words)

    def in_a_menu_drawn_when_opened(self, words: Any) -> Any | None:
        """The control named by `words` (a pattern) kept in a menu the page draws only when it opens (none of it in the
        page before): a person opens their account menu, then the settings', and looks there; each menu tried that
        does not hold it is closed again. Only a control that says it opens something is pressed, never a link."""
        for names in (self._account_menu_words(), self._tokens("settings_menu")):
            found = self._pick("menu", "a menu that may hold it", words=[w for w in names if w], openers=True)
            if found is None:
                continue
            frame, (token, name) = found
            self._click(_marked(frame, token, "menu"), str(name) if isinstance(name, str) and name else "menu")
            loc = self._clickable(words)
            if loc is not None:
                return loc
            self.page.keyboard.press("Escape")
        return None

    def open_menu_holding(self, words: Any) -> bool:
        """Open the closed menu that holds a link or button named by `words` (a pattern); False when none does."""
        found = self._pick("menu_holding", "the menu that holds it", words=words.pattern)
        if found is None:
            return False
        frame, (token, name) = found
        self._click(_marked(frame, token, "opener"), str(name))
        return True

    def control_in(self, name: str, region: str = "", kind: str = "") -> Any | None:
        """The visible button or link `name`, inside the dialog, form, menu or section a person calls
        `region` when given (see `regions`); without one, preferring an open dialog's (the one on top)."""
        if region:
            scopes = self.regions(region, kind)
        else:
            css = REGION_ROLES["dialog"][1]
            scopes = [lambda f: f.locator(css).locator("*"), lambda f: f.locator("body").locator("*")]

        def maker(role: str, exact: bool) -> Callable[[Any], Any]:
            return lambda f: f.get_by_role(role, name=name, exact=exact)

        def anchor(exact: bool) -> Callable[[Any], Any]:
            # an <a> with no href that the page's script follows (a drop-down's items): no link to assistive
            # technology, but drawn and pressed as one
            return lambda f: f.locator("a:not([href])").filter(has_text=whole_name(name) if exact else whole_word(name))

        makers = [inside(make, s) for exact in (True, False) for s in scopes
                  for make in (maker("button", exact), maker("link", exact), anchor(exact))]
        return self._first_visible(makers, f'"{name}" in the "{region}" {kind}' if region else f'"{name}"')

    def press_in(self, name: str, region: str, kind: str) -> None:
        """Press the button or link `name` inside the dialog, form, menu or region a person calls `region`."""
        loc = self.control_in(name, region, kind)
        if loc is None:
            raise ActionFailed(f'no button or link "{name}" inside a {kind} "{region}" on {self.page.url}')
        self._click(loc, name)


    def basket_holds(self, name: str, quantity: int | None = None) -> tuple[bool, str]:
        """(whether the page's cart/basket holds `name` (and `quantity` of it), what the basket shows)."""
        deadline = time.monotonic() + self._timeout / 1000.0
        while True:
            with self._guarded("read the basket"):
                results = [frame.evaluate(_script(), {"fn": "basket", "token": "b", "name": name,
                                                       "quantity": quantity or 0}) for frame in self._frames()]
            if any(r.get("holds") for r in results):
                return True, ""
            if time.monotonic() >= deadline:
                seen = [r.get("text", "") for r in results if r.get("found")]
                return False, (f"the basket shows {seen[0]!r}" if seen else
                               "the page has no cart or basket (nothing named cart, basket or bag)")
            self.page.wait_for_timeout(200)


@dataclass
class DialogWatch:
    """The browser dialogs (alert, confirm, prompt) a journey met, and how the next one is answered.

    Why a watch: a dialog blocks the page until answered, so the answer must be decided before it
    opens; Playwright's own default (dismiss) stays the default."""

    seen: list[tuple[str, str, str]] = field(default_factory=list)  # (type, message, answer)
    next_answers: list[str] = field(default_factory=list)
    unasked: int = -1  # index in `seen` of the last dialog answered by default and not yet read by a step

    def handle(self, dialog: Any) -> None:
        asked = bool(self.next_answers)
        answer = self.next_answers.pop(0) if asked else "dismiss"
        self.unasked = -1 if asked else len(self.seen)
        self.seen.append((dialog.type, dialog.message, answer))
        try:
            dialog.accept() if answer == "accept" else dialog.dismiss()
        except Exception:  # noqa: BLE001 - another listener answered it first
            pass


_WATCHES: weakref.WeakKeyDictionary[Any, DialogWatch] = weakref.WeakKeyDictionary()


def dialogs(page: Any) -> DialogWatch:
    """The page's dialog watch (one per page); the recorder, which sees every dialog, hands each to it."""
    watch = _WATCHES.get(page)
    if watch is None:
        watch = _WATCHES[page] = DialogWatch()
    return watch
