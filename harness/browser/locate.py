"""Finding things like a person: by label, placeholder, role and visible text, in every frame.

Why label first: that is how a person finds a field, and a form a person cannot find by its label
should fail here too.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any, NamedTuple

from harness.browser.errors import ActionFailed
from harness.browser.hands import Hands, evaluate_on
from harness.browser.page_script import found_by
from harness.transcript import Control, Given

# What a person types into (get_by_label also finds a section labelled by a heading of the same words).
_FIELDS = "input:not([type=hidden]),textarea,select,[contenteditable=''],[contenteditable=true],[role=textbox]," \
          "[role=combobox],[role=spinbutton],[role=searchbox],[role=slider]"
_FIELD_ROLES = ("textbox", "combobox", "spinbutton", "searchbox")
REGION_ROLES: dict[str, tuple[tuple[str, ...], str]] = {
    # a region kind a person names -> (ARIA roles, CSS for elements of that kind without a role)
    "dialog": (("dialog", "alertdialog"), "dialog, [role=dialog], [role=alertdialog], .modal"),
    "form": (("form",), "form"),
    "menu": (("menu", "menubar", "navigation"), "nav, [role=menu], [role=menubar]"),
    "region": (("region", "complementary", "group"), "section, aside, article, fieldset, [role=region]"),
}
REGION_WORDS = {"dialog": "dialog", "modal": "dialog", "pop-up": "dialog", "popup": "dialog", "form": "form",
                "menu": "menu", "navigation": "menu", "section": "region", "region": "region", "panel": "region",
                "box": "region", "sidebar": "region", "card": "region", "area": "region", "part": "region",
                "half": "region"}
Maker = Callable[[Any], Any]  # a frame -> a locator: one way a person looks for something
LOOK_S = 3.0  # how long a look for a field or button waits for it to show on a page not at work (saving, starting)


class Found(NamedTuple):
    """What a look found: which of the ways of looking matched, its first match in reach, and what was read of it."""

    which: int
    loc: Any
    read: Any = None


def _under(read: str | None, cap: int = 10) -> str:
    """For each of the first ten matches, whether a layer over the whole window covers it (a popup's backdrop, or a
    frame laid over the page, hides what is under it from the person and from a click); and `read` (a function of the
    element and an argument) run on the first one in reach, in the same call."""
    then = f"({read})(els[i], arg)" if read else "null"
    return f"""(els, arg) => {{ const covered = window.__empathy && window.__empathy.covered;
  const hidden = els.slice(0, {cap}).map((e) => !!(covered && covered(e))), i = hidden.indexOf(false);
  return [hidden, i < 0 ? null : {then}]; }}"""
_DESCRIBE = "el => window.__empathy ? window.__empathy.describe(el) : null"  # what a field is, as a person reads it
# Of the first ten matches, each one's description, or null where a layer over the whole window covers it (`_under`).
_DESCRIBE_ALL = """els => { const e = window.__empathy;
  return els.slice(0, 10).map((el) => (!e || (e.covered && e.covered(el))) ? null : e.describe(el)); }"""


def frames(page: Any) -> list[Any]:
    """The page's frames as a person looks through them: the page itself, then each frame still attached (a popup,
    a payment box, a search laid over the page)."""
    main = page.main_frame
    return [main, *(f for f in page.frames if f is not main and not f.is_detached())]


def inside(make: Maker, within: Maker) -> Maker:
    """`make`'s matches that lie inside `within` (a locator of every element of a region)."""
    return lambda f: make(f).and_(within(f))


def _literal(text: str) -> str:
    """`text` matched as it is, in Python and in Playwright's `/…/i` selector: Playwright for Python writes the
    pattern between slashes as it stands, so a "/" of the text ("dd/mm/yyyy", "create/open") must be escaped too."""
    return re.escape(text.strip()).replace("/", r"\/")


def whole_word(text: str) -> re.Pattern[str]:
    """`text` as whole words anywhere in a name, any case: "Name" finds "Full name" but not "Username"."""
    return re.compile(r"(?:^|[^\w])" + _literal(text) + r"(?:[^\w]|$)", re.I)


def whole_name(text: str) -> re.Pattern[str]:
    """`text` as the whole name, any case, give or take marks around it ("Password:", "Email *")."""
    return re.compile(r"^[^\w]*" + _literal(text) + r"[^\w]*$", re.I)


class _Ways:
    """The ways a person looks for one thing, tried in one frame in few calls to the browser.

    Why not one call per way: a radio choice has eight ways, and the one that finds it is often the seventh (a radio
    named by its option); asked one by one, and the surer ones asked again after the find, that was 13 calls. Here
    the surest way is asked alone (it finds most things), then all the others together (one call: nothing there is
    the usual answer while a page is still drawing), and only when those find something are they halved until the
    surest that does is known (about log2 of the ways); that way is then asked alone for its first match in reach and
    what is read of it. Why alone: a union holds the less sure ways' matches too, in page order, and a read may act
    on what it reads (a press arms its double click's guard on it), so only the found element is read."""

    CAP = 50  # matches read for the layer over the page in a union of ways (10 for one way)

    def __init__(self, frame: Any, makers: list[Maker], js: tuple[str, str], arg: Any) -> None:
        self._made = [make(frame) for make in makers]  # a locator asks nothing of the page until it is used
        self._js, self._arg = js, arg

    def _upto(self, k: int) -> Any:
        """The visible matches of ways 0 to k together."""
        return functools.reduce(lambda a, b: a.or_(b), self._made[:k + 1]).filter(visible=True)

    def _any(self, k: int) -> list[bool]:
        """For the matches of ways 0 to k together, which a layer covers (nothing read of them)."""
        return list(self._upto(k).evaluate_all(self._js[1], self._arg)[0])

    def _alone(self, k: int) -> tuple[Found | None, bool]:
        """Way k's first match in reach and what was read of it, else None and whether it matched under a layer."""
        loc = self._made[k].filter(visible=True)
        hidden, got = loc.evaluate_all(self._js[0], self._arg)
        if False in hidden:
            return Found(k, loc.nth(hidden.index(False)), got), False
        return None, bool(hidden)

    def surest(self) -> tuple[Found | None, bool]:
        """The surest way's first match in reach, or None and whether some way matched only under a layer."""
        found, covered = self._alone(0)
        last = len(self._made) - 1
        if found is not None or last == 0:
            return found, covered
        every = self._any(last)
        if False not in every:
            return None, covered or bool(every)
        lo, hi, fresh = 1, last, False
        while lo < hi:  # ways 0..lo-1 find nothing in reach, ways 0..hi do
            mid = (lo + hi) // 2
            if False in self._any(mid):
                hi, fresh = mid, False
            else:
                lo, fresh = mid + 1, True  # the surer ways asked after the find: nothing drew meanwhile
        if not fresh and False in self._any(hi - 1):  # a surer way finds something now: the page drew meanwhile
            return self._walk(hi)
        return self._alone(hi)

    def _walk(self, upto: int) -> tuple[Found | None, bool]:
        """The ways 0..upto one by one (a form drawn after the field's exact name was looked for and before its whole
        word was: "Confirm Password" beside "Password" is then no reason to ask which one)."""
        covered = False
        for k in range(upto + 1):
            found, under = self._alone(k)
            if found is not None:
                return found, False
            covered = covered or under
        return None, covered


class Locate(Hands):
    """Looks for fields, buttons and links the way a person would; waits briefly for them to show."""

    def _frames(self) -> list[Any]:
        return frames(self.page)

    def _first_visible(self, makers: list[Callable[[Any], Any]], what: str) -> Any | None:
        """The first visible match over the ways a person would look, in every frame; waits briefly for it."""
        found = self._find_visible(makers, what)
        return found.loc if found is not None else None

    def _find_visible(self, makers: list[Callable[[Any], Any]], what: str,
                      read: tuple[str, Any] | None = None) -> Found | None:
        """The maker that matched, its first visible match in reach, and `read` ((js of the element and an argument,
        the argument)) run on it in the same call (one call, not two, for what a press must know of its button);
        waits briefly for any of them.

        Why one loop over all makers: alternatives (a list, else a radio group) are looked for together,
        so a page that has only the second never costs the whole wait for the first. Why in reach: a popup
        over the page (a frame of its own, or a dialog with a backdrop) hides the page's own "Sign up" under it;
        the person means the popup's. Only a match under such a layer is a step error naming the layer. The brief
        wait (LOOK_S) runs from the last moment the page was still saving what the person gave (a write under way),
        within the action's timeout: a control that shows once the save is done (a "Publish" after the draft is
        stored) is waited for, as a person waits while "Saving..." shows; and it takes two looks at least, as one
        look over every frame can outlast it on a loaded machine (the second sees what drew meanwhile). The page's
        own work counts as a save does: a single-page app that runs its scripts for seconds (its main thread busy,
        no look answered meanwhile), then asks for its start-up data and only then draws its sign-in form, is waited
        for from the moment its work ended, as a person waits while the page is still blank (and while it visibly
        starts up, `_starting`); the time its scripts held the page frozen does not count against the timeout."""
        start = self._now()
        looks, starting = 0, False
        js = (_under(read[0] if read else None), _under(read[0] if read else None, _Ways.CAP))
        arg = read[1] if read else None
        while True:
            under, began = False, self._now()
            with self._guarded(f"look for {what}"):
                for frame in self._frames():
                    try:
                        found, covered = _Ways(frame, makers, js, arg).surest()
                    except Exception as exc:  # noqa: BLE001 - a detached frame is not a failure
                        if "detached" in str(exc).lower():
                            continue
                        raise
                    if found is not None:
                        return found
                    under = under or covered
            looks, now = looks + 1, self._now()
            worked = max(start, self._rec.worked_at(self._timeout))
            spent = now - start - self._rec.frozen_ms(start)  # a page frozen by its own scripts answered no look
            # a look the page held a second or more is not the last: the report of the freeze that held it may come
            # just after its answer (bounded all the same by four timeouts)
            held = now - began >= 1000.0 and now - start < 4 * self._timeout
            waited = looks >= 2 and now - worked >= LOOK_S * 1000.0
            # still visibly starting: wait on; it drew since: one look more (it may have drawn after the last look)
            was, starting = starting, waited and self._starting()
            if not held and (spent >= self._timeout or waited and not (starting or was)):
                if under:
                    raise ActionFailed(f"{what} is on {self.page.url} but under a layer that covers the page "
                                       "(a popup or its backdrop): close it first, or name what the layer shows")
                return None
            self.page.wait_for_timeout(100)

    def regions(self, region: str, kind: str = "") -> list[Maker]:
        """Every element inside what a person calls the `region` <kind>, one locator per way of finding it, the
        surest first: an element of that kind named so (label, aria-labelledby, legend), the section the heading
        `region` heads (the page script's `regionNamed`: a sectioning element of its own, else what follows the
        heading up to the next heading of its level or higher), an element of that kind showing the words."""
        roles, css = REGION_ROLES[REGION_WORDS.get(kind.lower(), "region")]
        named = [lambda f, r=role: f.get_by_role(r, name=region).locator("*") for role in roles]

        headed = found_by("empathy_region", region)
        return [*named, lambda f: f.locator(headed), lambda f: f.locator(css).filter(has_text=region).locator("*")]

    def field(self, label: str, region: str = "", kind: str = "", nth: int = 0) -> Any:
        """The field a person would call `label` (see `_field`), not read."""
        return self._field(label, region, kind, nth)[0]

    def described_field(self, label: str, region: str = "", kind: str = "", nth: int = 0) -> tuple[Any, Control | None]:
        """The field a person would call `label` (see `_field`) and its description, read in the call that found it
        (one call fewer a field typed into) unless another of two fields of that name was taken, or the page script
        had not read it yet."""
        loc, found = self._field(label, region, kind, nth)
        if loc is not found.loc or not found.read:
            return loc, self._describe(loc)
        return loc, self._control(found.read, self._rec.mask(self.page.url))

    def _field(self, label: str, region: str, kind: str, nth: int) -> tuple[Any, Found]:
        """The field a person would call `label` (inside the `region` <kind> when given), and the look that found
        it: its exact name first, then a field whose name holds `label` as whole words ("Name" is never
        "Username"); two such fields are a step error naming both. The exact name may differ in case and in marks
        around it ("Password:", "Email *"); two fields of that exact name are told apart as a person would
        (`_the_one`), or by `nth` (1: the first of them down the page, as in "the second "Password"": a box and
        its confirmation labelled alike)."""
        same = whole_name(label)
        exact: list[Callable[[Any], Any]] = [
            lambda f: f.get_by_label(same).and_(f.locator(_FIELDS)),
            lambda f: f.get_by_placeholder(same),
            *(lambda f, r=role: f.get_by_role(r, name=same) for role in _FIELD_ROLES),
            lambda f: self._by_shown_label(f, label),
        ]
        word = whole_word(label)
        loose: list[Callable[[Any], Any]] = [
            lambda f: f.get_by_label(word).and_(f.locator(_FIELDS)),
            lambda f: f.get_by_placeholder(word),
            *(lambda f, r=role: f.get_by_role(r, name=word) for role in _FIELD_ROLES),
        ]
        unnamed = [lambda f: f.locator("input[type=password]")] if self._words("password_field").search(label) else []
        unnamed.append(lambda f: f.locator(found_by("empathy_headed", label)))  # the heading of its section names it
        if region:
            scopes = self.regions(region, kind)
            exact, loose, unnamed = ([inside(m, s) for s in scopes for m in tier] for tier in (exact, loose, unnamed))
        where = f' in the "{region}" {kind or "section"}' if region else ""
        found = self._find_visible([*exact, *loose, *unnamed], f'the field "{label}"{where}', (_DESCRIBE, None))
        if found is None:
            seen = ", ".join(f'"{c.label or c.placeholder or c.name}"' for c in self._controls()[:12]) or "none"
            raise ActionFailed(f'no field labelled "{label}"{where} on {self.page.url} (fields seen: {seen})')
        which, loc, _ = found
        if which >= len(exact):  # a box taken for a name no box has (a password box, a heading's): not on a guess
            rest = which - len(exact) - len(loose)
            self._one_of(loose if rest < 0 else unnamed[rest:rest + 1], label)
        elif nth:
            loc = self._nth(exact, label, nth, where)
        elif not region:
            loc = self._the_one(exact, loc, label)
        return loc, found

    def _nth(self, makers: list[Maker], label: str, nth: int, where: str) -> Any:
        """The `nth` of the fields named exactly `label`, down the page: those of the page's own part (outside
        its header, navigation, sidebar and footer), else (none there) all of them."""
        found = list(self._matches(makers, label).values())
        among = [loc for loc, c in found if c.landmark in ("", "main")] or [loc for loc, _ in found]
        if len(among) < nth:
            raise ActionFailed(f'"{label}"{where} names {len(among)} field(s) on {self.page.url}, not {nth}')
        return among[nth - 1]

    @staticmethod
    def _by_shown_label(frame: Any, label: str) -> Any:
        """Fields named only by text shown beside them (a table's cell, a bold word above): the
        recorder's page script reads that text as a person does (asked in the call that uses the locator)."""
        return frame.locator(found_by("empathy_field", label))

    def _matches(self, makers: list[Maker], label: str) -> dict[str, tuple[Any, Control]]:
        """Every visible field in reach the makers find, once each (by frame and selector), with its description.

        Why the makers' union: one call per frame reads every match's description, where a count per maker and a
        read per match took a dozen calls for one field found three ways."""
        found: dict[str, tuple[Any, Control]] = {}
        url = self._rec.mask(self.page.url)
        with self._guarded(f'look for the field "{label}"'):
            for frame in self._frames():
                union = functools.reduce(lambda a, b: a.or_(b), [make(frame) for make in makers]).filter(visible=True)
                for i, raw in enumerate(union.evaluate_all(_DESCRIBE_ALL)):
                    if raw:
                        control = self._control(raw, url)
                        found.setdefault(f"{control.frame} {control.selector}", (union.nth(i), control))
        return found

    def _one_of(self, makers: list[Callable[[Any], Any]], label: str) -> None:
        """Fail when the whole-word matches are more than one field: a person would ask which one."""
        names = {key: c.label or c.placeholder or c.name for key, (_, c) in self._matches(makers, label).items()}
        if len(names) > 1:
            listed = ", ".join(f'"{n}"' for n in names.values())
            raise ActionFailed(f'"{label}" could mean {len(names)} fields on {self.page.url}: {listed}; '
                               "name the field by its whole label")

    def _the_one(self, makers: list[Maker], first: Any, label: str) -> Any:
        """Of two visible fields with the name `label` (a sign-in half and a registration half of one page), the one
        a person means: the one in the form and section of the field they filled last on this page (they go on
        where they are), else the only one outside the site's header, navigation, sidebar or footer (the page's
        own form, not a sign-in box in the margin); else a step error naming the section each sits under."""
        found = list(self._matches(makers, label).values())
        if len(found) < 2:
            return first
        where = [(c.form, self._section(loc)) for loc, c in found]
        last = self._last_filled()
        if last is not None:
            for near in (last, (last[0], None)):  # the same form and section, else the same form
                same = [i for i, w in enumerate(where) if w[0] == near[0] and near[1] in (None, w[1])]
                if len(same) == 1:
                    return found[same[0]][0]
        own = [loc for loc, c in found if c.landmark in ("", "main")]
        if len(own) == 1:
            return own[0]
        listed = ", ".join(f'"{c.label or label}" under "{w[1]}"' if w[1] else f'"{c.label or label}" ({c.selector})'
                           for (_, c), w in zip(found, where, strict=True))
        named = next((w[1] for w in where if w[1]), "")
        hint = (f'; say which, e.g. `When I fill in "{label}" in the "{named}" section with …`' if named else
                "; say which by the section or form it is in")
        raise ActionFailed(f'"{label}" could mean {len(found)} fields on {self.page.url}: {listed}{hint}')

    def _section(self, loc: Any) -> str:
        """The heading a field sits under, as a person names where it is ("" when none heads it)."""
        with self._guarded("read where the field is"):
            return str(evaluate_on(loc, "el => window.__empathy ? window.__empathy.sectionOf(el) : ''",
                                   timeout=self._timeout) or "")

    def _last_filled(self) -> tuple[str, str] | None:
        """(form, section) of the field the persona gave a value to last, when it is on the page shown now."""
        given = next((g for g in reversed(self.journey.memory) if g.channel == "form" and g.selector), None)
        if given is None or given.url != self._rec.mask(self.page.url):
            return None
        loc = self._frame_for(given).locator(given.selector)
        control = self._read_page("read the last field", lambda: self._describe(loc.first) if loc.count() else None)
        return (control.form, self._section(loc.first)) if control is not None else None

    def _controls(self) -> list[Control]:
        try:
            return self._rec.snapshot(self.page)
        except Exception:  # noqa: BLE001 - only used for messages
            return []

    def _describe(self, loc: Any) -> Control | None:
        with self._guarded("read the field"):
            raw = evaluate_on(loc, _DESCRIBE, timeout=self._timeout)
        return self._control(raw, self._rec.mask(self.page.url)) if raw else None

    def _control(self, raw: dict[str, Any], url: str) -> Control:
        """A field's description as a Control, with its own frame's address when it is not the page's: a popup's
        field, or a frame's beside the page's box of the same selector, is another field (`_matches` keys by it)."""
        frame = str(raw.get("frame") or "")
        return self._rec.control_from(raw, url=url, frame=self._rec.mask(frame) if frame else "")

    def _frame_for(self, control: Control | Given) -> Any:
        if control.frame:
            for frame in self.page.frames:
                if self._rec.mask(frame.url) == control.frame:
                    return frame
        return self.page.main_frame

    def _clickable(self, name: str | re.Pattern[str]) -> Any | None:
        """A button, link, menu item or tab by its name: exact, then whole words ("Save" is not "Unsaved"); last, an
        icon's link or button by its tooltip."""
        found = self._find_clickable(name)
        return found.loc if found is not None else None

    def _find_clickable(self, name: str | re.Pattern[str], read: tuple[str, Any] | None = None) -> Found | None:
        """`_clickable`, with `read` run on what it found in the same call (`_find_visible`)."""
        text = name if isinstance(name, str) else ""
        pattern = whole_word(text) if text else name
        makers: list[Callable[[Any], Any]] = [
            *(lambda f, r=role: f.get_by_role(r, name=text, exact=True) for role in ("button", "link") if text),
            *(lambda f, r=role: f.get_by_role(r, name=pattern) for role in ("button", "link", "menuitem", "tab")),
            *([lambda f: f.get_by_text(text, exact=True)] if text else []),
        ]
        makers.append(lambda f: f.get_by_text(pattern))
        # an icon's link or button, whose name is the icon font's glyph: a person reads its tooltip ("Log out")
        makers.append(lambda f: f.get_by_title(pattern).and_(f.locator("a[href], button, [role=button]")))
        return self._find_visible(makers, f'"{name}"' if isinstance(name, str) else f"/{name.pattern}/", read)
