"""Giving the persona's details: which detail answers a field, typing at the persona's pace, choosing, ticking.

Why by meaning: a field is matched to a persona detail by what it asks (autocomplete, type, label,
name; see harness.language.prompts.info_key), so any site's form is filled the same way. A site
that names a detail its own way says so in `[tool.empathy.details]` (info type -> detail keys).
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from harness.browser.errors import ActionFailed
from harness.browser.habits import _neighbour
from harness.browser.hands import evaluate_on
from harness.browser.locate import Locate, whole_name, whole_word
from harness.browser.settle import Settle
from harness.language.thing_names import names_a_thing, names_another_account
from harness.personas.data import CHOSEN_KEYS, within
from harness.transcript import MASK, Control, Given

# Canonical info types (harness.language.prompts.info_key) -> persona detail keys, where their names
# differ; an info type that is itself a detail key needs no entry.
INFO_TO_DETAIL: dict[str, tuple[str, ...]] = {
    "name": ("full_name",), "given_name": ("first_name",), "family_name": ("last_name",),
    "username": ("username", "email"), "locality": ("city",), "card_name": ("card_name", "full_name"),
    "expiry_date": ("card_expiry",), "card_security_code": ("card_cvc",), "dob": ("date_of_birth",),
    "phone": ("phone", "mobile"),
}
_TEXTLIKE = {"text", "email", "tel", "url", "search", "number", "password", "textarea", "date", "month", "week",
             "time", "datetime-local", "select", ""}
# A box's maxlength and the words of its own small box (its group of up to three wrappers holding no other field)
_LIMIT = """el => { let box = el.parentElement, words = "";
  for (let i = 0; box && i < 3 && box.localName !== "form"; i++, box = box.parentElement) {
    if (box.querySelectorAll("input:not([type=hidden]),select,textarea").length > 1) break;
    words = box.innerText || ""; }
  return [el.maxLength > 0 ? el.maxLength : 0, words.slice(0, 1000)]; }"""
# A list's options as (shown text, value); none for what is not a list (a radio found instead)
_OPTIONS = "el => Array.from(el.options || []).map(o => [o.textContent.trim(), o.value])"


class Fill(Locate, Settle):
    """Fills, chooses, ticks and uploads; records each value given (masked when secret)."""

    def _data_key_for(self, control: Control) -> str | None:
        """Which persona detail answers a control, by what it means (autocomplete, type, label, name)."""
        from harness.language.prompts import PromptSpec, info_key

        data = self.journey.data
        info = info_key(PromptSpec.from_control(control))
        if not info:
            return None
        parts = info.split("|")
        if control.type == "email":  # the browser takes only an address there, whatever its autocomplete names
            parts = ["email", *(p for p in parts if p != "email")]
        for part in parts:
            if part == "phone" and "mobile" in data and self._words("mobile_phone").search(
                    " ".join((control.label, control.name, control.placeholder, control.autocomplete))):
                return "mobile"  # "Mobile", "Cell phone", autocomplete="mobile tel": the persona's mobile
            if part in data:
                return part
            for key in (*self.journey.settings.details.get(part, ()), *INFO_TO_DETAIL.get(part, ())):
                if key in data:
                    return key
        return None

    def detail_key_of(self, value: str) -> str:
        """The persona detail a literal value is, if any; a value under 4 characters ("1", a quantity) is taken
        for none, though a detail (a day of birth) may hold it too."""
        if len(value) < 4:
            return ""
        for key, v in self.journey.data.items():
            if v and v == value:
                return key
        return ""

    def _type(self, loc: Any, value: str, *, typo: bool) -> None:
        scale = self._scale()
        delay = float(self.journey.persona.pace.typing_delay_ms) * scale
        if typo and len(value) >= 2:
            cut = max(1, len(value) // 2)
            wrong = _neighbour(value[cut])
            if scale == 0:
                loc.fill(value[:cut] + wrong)
            else:
                loc.fill("")
                loc.press_sequentially(value[:cut] + wrong, delay=delay)
            loc.press("Backspace")
            loc.press_sequentially(value[cut:], delay=delay)
        elif scale == 0:
            loc.fill(value)
        else:
            loc.fill("")
            loc.press_sequentially(value, delay=delay)

    def _put(self, loc: Any, control: Control | None, value: str, label: str, key: str) -> None:
        """Give `value` to one control: type, select or tick, as its type needs; record Action and Given."""
        kind = control.type if control else "text"
        secret = bool(control and control.secret) or key in self.journey.data.secret_keys or \
            self._rec.is_secret_value(value)
        if secret and control is not None:
            self.journey.secret_selectors.add((control.frame, control.selector))
        typo = False
        persona_ms = self._think("fill", chars=len(value))
        started = self._now()
        with self._guarded(f'fill "{label}"'):
            if kind == "select":
                _select(loc, value)
            elif kind in ("checkbox", "radio"):
                loc.check()
            elif kind in ("date", "month", "time", "datetime-local", "week"):
                loc.fill(_html_date(value, kind))
            elif kind == "file":
                loc.set_input_files(value)
            else:
                # never in a secret: typed in two pieces, the second would outlive the scrubbing of traces
                typo = not secret and kind != "number" and self.journey.habits.fires(
                    "typo", self._occasion(f"type:{label}"))
                self._type(loc, value, typo=typo)
        shown = MASK if secret else value
        field = (control.label if control and control.label else label)
        self._action("fill", field, shown, habit="typo" if typo else "", persona_ms=persona_ms, at_ms=started)
        self.journey.current_step().given.append(Given(
            value=MASK if secret else self._rec.mask(value)[:500], field=self._rec.mask(field)[:300],
            data_key=key, channel="form", selector=control.selector if control else "",
            name=control.name if control else "", id=control.id if control else "",
            type=kind, autocomplete=control.autocomplete if control else "", secret=secret,
            placeholder=self._rec.mask(control.placeholder)[:300] if control else "",
            url=self._rec.mask(self.page.url), frame=control.frame if control else "", at_ms=started))
        self._settle(f'fill "{field}"', started, "fill", light=True)

    def fill(self, label: str, value: str | None = None, data_key: str | None = None, *, region: str = "",
             kind: str = "", nth: int = 0) -> None:
        """Type into the field a person would call `label` (in the `region` <kind> when given, see `regions`; the
        `nth` of those so named, see `field`): `value`, or the persona's detail for it."""
        self._refit_given()
        loc, control = self.described_field(label, region, kind, nth)
        key = data_key or ""
        data = self.journey.data
        if value is None:
            if not key and control is not None:
                key = self._data_key_for(control) or ""
            if not key or key not in data:
                raise ActionFailed(f'the persona {self.journey.persona.name!r} has nothing to give for "{label}"'
                                   f"{f' ({key})' if key else ''}; name the detail or give a value in the step")
            value = data[key]
        elif not key:
            key = self.detail_key_of(value)
        if key and value == data.get(key):
            value = self._within_limit(loc, key, value)
        self._put(loc, control, value, label, key)

    def fill_form(self) -> list[str]:
        """Fill every visible empty control with the persona's matching detail; return labels it could not match."""
        controls = self._main_form(self._rec.controls_now(self.page))  # the last wait's look, when nothing changed
        required_any = any(c.required for c in controls)
        says_optional = self._words("optional_field")
        signed_in = any(a.kind == "sign-in" for s in [*self.journey.transcript.steps, self.journey.current_step()]
                        for a in s.actions)
        unmatched: list[str] = []
        for control in controls:
            if control.value or control.type not in _TEXTLIKE:
                continue
            label = control.label or control.placeholder or control.name or control.selector
            # a password box is optional only when its label says so: a form that lets an account have none marks
            # neither box required, and a person setting a password types it
            optional = bool(says_optional.search(control.label)) or (
                required_any and not control.required and control.type != "password")
            if optional and self.journey.habits.fires("skip_optional", self._occasion(f"skip:{label}")):
                self._action("fill", label, "", habit="skip_optional", detail="left an optional field empty")
                continue
            key = "password" if control.type == "password" and self._has_password(control, controls) else \
                "thing_name" if names_a_thing(control, controls) else \
                "other_username" if signed_in and names_another_account(control, controls) else \
                self._data_key_for(control)
            if not key or key not in self.journey.data:
                unmatched.append(label)
                continue
            loc = self._frame_for(control).locator(control.selector).first
            self._put(loc, control, self._within_limit(loc, key, self.journey.data[key]), label, key)
        return unmatched

    def _stated_limit(self, loc: Any) -> int | None:
        """The most characters a box takes, as its `maxlength` or the words in its own small box say ("3 to 14
        characters", "cannot be longer than 14 characters"); None when neither says."""
        with self._guarded("read the field's limit"):
            most, words = evaluate_on(loc, _LIMIT, timeout=self._timeout)
        said = self._words("length_limit").search(words or "")
        limits = [int(most)] if most and int(most) > 0 else []
        if said:
            limits.append(max(int(n) for n in re.findall(r"\d+", said.group(0))))
        return min(limits) if limits else None

    def _within_limit(self, loc: Any, key: str, value: str) -> str:
        """The persona's made-up detail (`CHOSEN_KEYS`: a username) for a box whose stated limit it exceeds, made
        shorter and kept for the rest of the scenario, as a person picks a shorter name; any other value as is."""
        if key not in CHOSEN_KEYS or not hasattr(self.journey.data, "keep"):
            return value
        limit = self._stated_limit(loc)
        if limit is None or len(value) <= limit:
            return value
        self.journey.data.keep(key, within(value, limit))
        return self.journey.data[key]

    def _refit_given(self) -> None:
        """A made-up detail typed on this page that the page now says is too long (its error "cannot be longer than 14
        characters", shown once the box was left): typed again within the limit before going on, as a person fixes
        it; the shorter one is theirs for the rest of the scenario. Once: the shorter value is within the limit."""
        url, data = self._rec.mask(self.page.url), self.journey.data
        for g in {g.data_key: g for g in self.journey.memory if g.data_key in CHOSEN_KEYS}.values():
            if g.url != url or not g.selector or g.value != data.get(g.data_key):
                continue
            loc = self._frame_for(g).locator(g.selector).first
            with self._guarded("look at a field filled before"):
                here = loc.count() > 0 and loc.is_visible() and loc.input_value() == g.value
            shorter = self._within_limit(loc, g.data_key, g.value) if here else g.value
            if shorter != g.value:
                self._put(loc, self._describe(loc), shorter, g.field, g.data_key)

    def _has_password(self, control: Control, controls: list[Control]) -> bool:
        """The persona has a password for this box: its own, or one it makes up for an account it makes (a box for a
        new password: so marked, or one of a form's two, a box and its confirmation), kept for
        signing in later in the scenario and masked wherever it could show."""
        data = self.journey.data
        if "password" in data:
            return True
        boxes = [c for c in controls if c.type == "password" and c.form == control.form]
        new = "new-password" in control.autocomplete or len(boxes) == 2 and not any(
            "current-password" in c.autocomplete for c in boxes)  # three: current, new and again (a change)
        if not new or not hasattr(data, "keep_secret"):
            return False
        from harness.personas.data import made_up_password

        data.keep_secret("password", made_up_password(data.seed))
        self._rec.add_secrets([data["password"]])
        return True

    def _main_form(self, controls: list[Control]) -> list[Control]:
        """The form "the form" means on a page of several (a sign-in box in the sidebar beside a registration):
        the one in <main> with the most fields to fill, else the one with the most."""
        groups: dict[str, list[Control]] = {}
        for c in controls:
            if c.type in _TEXTLIKE and not c.query:
                groups.setdefault(c.form, []).append(c)
        if len(groups) < 2:
            return controls

        def in_main(form: str) -> bool:
            if not form:
                return False
            try:
                return bool(evaluate_on(self._frame_for(groups[form][0]).locator(form).first,
                                        "f => !!f.closest('main,[role=main]')"))
            except Exception:  # noqa: BLE001 - a form gone since the snapshot is simply not the main one
                return False

        best = max(groups, key=lambda form: (in_main(form), len(groups[form])))
        return [c for c in controls if c.form == best]

    def choose(self, label: str, option: str) -> None:
        """Pick `option` for the question `label`: a select, a radio group or a listbox."""
        persona_ms = self._think("choose")
        started = self._now()
        lists: list[Callable[[Any], Any]] = [
            lambda f: f.get_by_role("combobox", name=label),
            lambda f: f.get_by_label(label, exact=True).and_(f.locator("select")),
            lambda f: f.get_by_label(label).and_(f.locator("select")),
            lambda f: self._by_shown_label(f, label).and_(f.locator("select")),  # a table cell beside it
        ]
        radios: list[Callable[[Any], Any]] = [
            lambda f: f.get_by_role("radiogroup", name=label).get_by_label(option),
            lambda f: f.get_by_role("group", name=label).get_by_label(option),
            lambda f: f.get_by_role("radio", name=option, exact=True),
            lambda f: f.get_by_role("radio", name=option),
        ]
        found = self._find_visible([*lists, *radios], f'the list "{label}" or the option "{option}"', (_OPTIONS, None))
        if found is None:
            raise ActionFailed(f'no choice "{option}" for "{label}" on {self.page.url}')
        which, loc, options = found
        is_list = which < len(lists)
        with self._guarded(f'choose "{option}" for "{label}"'):
            if is_list:
                _select(loc, option, options)
            else:
                loc.check()
        self._action("choose", label, option, persona_ms=persona_ms, at_ms=started)
        self.journey.current_step().given.append(Given(
            value=self._rec.mask(option), field=self._rec.mask(label), data_key=self.detail_key_of(option),
            type="select" if is_list else "radio", url=self._rec.mask(self.page.url), at_ms=started))
        self._settle(f'choose "{option}"', started, "choose", light=True)

    def tick(self, label: str) -> None:
        """Tick the checkbox a person would call `label`."""
        persona_ms = self._think("tick")
        started = self._now()
        loc = self._first_visible([
            lambda f: f.get_by_role("checkbox", name=whole_name(label)),
            lambda f: f.get_by_role("checkbox", name=whole_word(label)),
            lambda f: f.get_by_label(whole_word(label)),
        ], f'the checkbox "{label}"')
        if loc is None:
            raise ActionFailed(f'no checkbox "{label}" on {self.page.url}')
        with self._guarded(f'tick "{label}"'):
            loc.check()
        self._action("tick", label, "checked", persona_ms=persona_ms, at_ms=started)
        self.journey.current_step().given.append(Given(
            value="checked", field=self._rec.mask(label), type="checkbox", url=self._rec.mask(self.page.url),
            at_ms=started))
        self._settle(f'tick "{label}"', started, "tick", light=True)

    def upload(self, label: str, path: str | Path) -> None:
        """Attach a file to the upload field `label`."""
        file = Path(path)
        if not file.is_file():
            raise ActionFailed(f"cannot upload {file}: no such file")
        loc, control = self.described_field(label)
        persona_ms = self._think("upload")
        started = self._now()
        with self._guarded(f'upload to "{label}"'):
            loc.set_input_files(str(file))
        self._action("upload", label, file.name, persona_ms=persona_ms, at_ms=started)
        self.journey.current_step().given.append(Given(
            value=file.name, field=self._rec.mask(control.label if control else label), type="file",
            selector=control.selector if control else "", name=control.name if control else "",
            id=control.id if control else "", url=self._rec.mask(self.page.url), at_ms=started))
        self._settle(f'upload "{file.name}"', started, "upload", light=True)


def _select(loc: Any, value: str, options: list[list[str]] | None = None) -> None:
    """Choose an option by its visible text (case-insensitive, then contains), then by value; `options` as read when
    the list was found (else read now)."""
    if options is None:
        options = evaluate_on(loc, _OPTIONS)
    wanted = value.strip().lower()
    for text, val in options:
        if text.lower() == wanted or val.lower() == wanted:
            loc.select_option(value=val)
            return
    for text, val in options:
        if val and wanted and (wanted in text.lower() or text.lower() in wanted):
            loc.select_option(value=val)
            return
    raise ActionFailed(f"no option {value!r} in the list (options: {', '.join(t for t, _ in options[:12])})")


def _html_date(value: str, kind: str) -> str:
    """DD/MM/YYYY (persona data) as the ISO form a date input takes; other shapes pass through."""
    m = re.fullmatch(r"\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*", value)
    if m and kind == "date":
        return f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
    return value


def tiny_png() -> bytes:
    """A valid 1x1 PNG (so a site that checks image headers accepts it)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return len(data).to_bytes(4, "big") + body + zlib.crc32(body).to_bytes(4, "big")

    header = (1).to_bytes(4, "big") * 2 + bytes([8, 2, 0, 0, 0])
    pixels = zlib.compress(b"\x00\xd0\xe0\xf0")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
