"""The actor: the persona's hands in the browser.

Why it finds fields by label first: that is how a person finds them, and a form a person cannot
find by its label should fail here too. It types at the persona's pace (think and typing time are
scaled by `time_scale`, but always accounted in the transcript), lets habits fire from the seed,
and after every action waits like the persona would: in real time, bounded by its patience and by
`action_timeout_ms`, reacting to silence (reload, click again, go back) the way the persona does.
Everything it does becomes an Action, a Given, a Wait or a Friction in the live transcript.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from harness.browser.errors import ActionFailed, BrowserCrashed, PageHung, from_playwright
from harness.browser.recorder import _PROGRESS
from harness.transcript import MASK, Action, Control, Given, Wait, WaitKind, WaitOutcome

if TYPE_CHECKING:
    from harness.browser.journey import Journey

# Canonical info types (harness.language.prompts.info_key) -> persona detail keys.
INFO_TO_DETAIL: dict[str, tuple[str, ...]] = {
    "name": ("full_name",), "given_name": ("first_name",), "family_name": ("last_name",),
    "username": ("username", "email"), "password": ("password",), "address": ("address",),
    "locality": ("city",), "city": ("city",), "postcode": ("postcode",), "card_name": ("card_name", "full_name"),
    "card_number": ("card_number",), "card_expiry": ("card_expiry",), "expiry_date": ("card_expiry",),
    "card_security_code": ("card_cvc",), "dob": ("date_of_birth",), "phone": ("phone", "mobile"),
    "email": ("email",), "policy_number": ("policy_number",), "vehicle_registration": ("vehicle_registration",),
    "incident_description": ("claim_description",), "date": ("incident_date",),
}
_USER_LABEL = re.compile(r"e-?mail|user\s*name|login|sign[- ]?in (id|name)|customer (id|number)", re.I)
_SIGN_IN = re.compile(r"^\s*(sign|log)\s*-?\s*(in|on)\b|^\s*login\b|^\s*continue\b|^\s*submit\b|^\s*next\b", re.I)
_SIGN_OUT = re.compile(r"(sign|log)\s*-?\s*out|logout", re.I)
_CHAT_BOX = re.compile(r"message|chat|type (here|your)|ask|reply|question|say something|write", re.I)
_SEND = re.compile(r"^\s*(send|submit|ask|reply|post|go)\b|send message", re.I)
_HUMAN = re.compile(
    r"\b(talk|speak|chat)\b.{0,15}\b(to|with)\b.{0,12}\b(a |an |real |our )?(person|human|agent|advis[oe]r|someone|"
    r"somebody|team|staff|colleague)|\b(human|live agent|real person)\b|\bcontact us\b|\bcall us\b|\bget help\b",
    re.I,
)
_OPTIONAL = re.compile(r"\boptional\b", re.I)
_MOBILE = re.compile(r"\b(mobile|cell(ular)?|cell ?phone|handy)\b", re.I)
_TEXTLIKE = {"text", "email", "tel", "url", "search", "number", "password", "textarea", "date", "month", "week",
             "time", "datetime-local", "select", ""}


class Actor:
    """Acts as the persona on the journey's page; every method records what it did and how long it took."""

    def __init__(self, journey: Journey) -> None:
        self.journey = journey
        self._n = 0  # action counter: the occasion key for habits

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

    def _occasion(self, what: str) -> str:
        self._n += 1
        return f"{self.journey.scenario}#{self._n}:{what}"

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

    def _sleep(self, ms: float) -> None:
        """Real time passes for the persona's own (scaled) think and typing time."""
        if ms > 0:
            self.page.wait_for_timeout(ms)

    def _think(self, action: str, chars: int = 0) -> float:
        """Pause for the persona's scaled think time; return the accounted (unscaled) time."""
        persona = self.journey.persona
        timing = persona.action_time(action, chars=chars, time_scale=self._scale())
        typing = persona.typing_time(chars, time_scale=self._scale())
        self._sleep(timing.sleep_ms - typing.sleep_ms)
        return float(timing.accounted_ms)

    def _action(self, kind: str, target: str = "", value: str = "", *, habit: str = "", detail: str = "",
                persona_ms: float = 0.0, at_ms: float | None = None) -> Action:
        mask = self._rec.mask
        action = Action(kind=kind, target=mask(target)[:300], value=mask(value)[:300],  # type: ignore[arg-type]
                        at_ms=self._now() if at_ms is None else at_ms, habit=habit, detail=mask(detail)[:300],
                        persona_ms=round(persona_ms, 1))
        self.journey.current_step().actions.append(action)
        return action

    # ----- finding things like a person -----
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
        ], f'the field "{label}"')
        if loc is None:
            seen = ", ".join(f'"{c.label}"' for c in self._controls()[:12]) or "none"
            raise ActionFailed(f'no field labelled "{label}" on {self.page.url} (fields seen: {seen})')
        return loc

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

    def _data_key_for(self, control: Control) -> str | None:
        """Which persona detail answers a control, by what it means (autocomplete, type, label, name)."""
        from harness.language.prompts import PromptSpec, info_key

        data = self.journey.data
        info = info_key(PromptSpec.from_control(control))
        if not info:
            return None
        for part in info.split("|"):
            if part == "phone" and "mobile" in data and _MOBILE.search(
                    " ".join((control.label, control.name, control.placeholder, control.autocomplete))):
                return "mobile"  # "Mobile", "Cell phone", autocomplete="mobile tel": the persona's mobile
            if part in data:
                return part
            for key in INFO_TO_DETAIL.get(part, ()):
                if key in data:
                    return key
        return None

    def _key_for_value(self, value: str) -> str:
        for key, v in self.journey.data.items():
            if v and v == value:
                return key
        return ""

    # ----- typing -----
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
                typo = kind not in ("number",) and self.journey.habits.fires("typo", self._occasion(f"type:{label}"))
                self._type(loc, value, typo=typo)
        shown = MASK if secret else value
        field = (control.label if control and control.label else label)
        self._action("fill", field, shown, habit="typo" if typo else "", persona_ms=persona_ms, at_ms=started)
        self.journey.current_step().given.append(Given(
            value=MASK if secret else self._rec.mask(value)[:500], field=self._rec.mask(field)[:300],
            data_key=key, channel="form", selector=control.selector if control else "",
            name=control.name if control else "", id=control.id if control else "",
            type=kind, autocomplete=control.autocomplete if control else "", secret=secret,
            url=self._rec.mask(self.page.url), at_ms=started))
        self._settle(f'fill "{field}"', started, "fill", light=True)

    # ----- actions the steps call -----
    def goto(self, url: str) -> Wait:
        """Open a page (the address as a person would type it)."""
        persona_ms = self._think("goto", chars=len(url))
        started = self._now()
        self._action("goto", url, persona_ms=persona_ms, at_ms=started)
        if not self.journey.host_allowed(url):
            self.journey.block(url, "GET", "navigation")
            raise ActionFailed(f"{url} is outside allowed_hosts ({', '.join(self.journey.allowed_hosts)}); "
                               "the persona did not go there")
        with self._guarded(f"open {url}"):
            try:
                self.page.goto(url, wait_until="commit", timeout=self._timeout)
            except Exception as exc:
                if "ERR_BLOCKED_BY_CLIENT" in str(exc):
                    raise ActionFailed(f"{url} was blocked: outside allowed_hosts") from None
                raise
        return self._settle(f"open {url}", started, "goto")

    def fill(self, label: str, value: str | None = None, data_key: str | None = None) -> None:
        """Type into the field a person would call `label`: `value`, or the persona's detail for it."""
        loc = self._field(label)
        control = self._describe(loc)
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
            key = self._key_for_value(value)
        self._put(loc, control, value, label, key)

    def fill_form(self) -> list[str]:
        """Fill every visible empty control with the persona's matching detail; return labels it could not match."""
        controls = self._rec.snapshot(self.page)
        required_any = any(c.required for c in controls)
        unmatched: list[str] = []
        for control in controls:
            if control.value or control.type not in _TEXTLIKE:
                continue
            label = control.label or control.placeholder or control.name or control.selector
            optional = bool(_OPTIONAL.search(control.label)) or (required_any and not control.required)
            if optional and self.journey.habits.fires("skip_optional", self._occasion(f"skip:{label}")):
                self._action("fill", label, "", habit="skip_optional", detail="left an optional field empty")
                continue
            key = "password" if control.type == "password" and "password" in self.journey.data else \
                self._data_key_for(control)
            if not key or key not in self.journey.data:
                unmatched.append(label)
                continue
            frame = self._frame_for(control)
            self._put(frame.locator(control.selector).first, control, self.journey.data[key], label, key)
        return unmatched

    def _frame_for(self, control: Control) -> Any:
        if control.frame:
            for frame in self.page.frames:
                if self._rec.mask(frame.url) == control.frame:
                    return frame
        return self.page.main_frame

    def choose(self, label: str, option: str) -> None:
        """Pick `option` for the question `label`: a select, a radio group or a listbox."""
        persona_ms = self._think("choose")
        started = self._now()
        lists: list[Callable[[Any], Any]] = [
            lambda f: f.get_by_role("combobox", name=label),
            lambda f: f.get_by_label(label, exact=True).and_(f.locator("select")),
            lambda f: f.get_by_label(label).and_(f.locator("select")),
        ]
        radios: list[Callable[[Any], Any]] = [
            lambda f: f.get_by_role("radiogroup", name=label).get_by_label(option),
            lambda f: f.get_by_role("group", name=label).get_by_label(option),
            lambda f: f.get_by_role("radio", name=option, exact=True),
            lambda f: f.get_by_role("radio", name=option),
        ]
        found = self._find_visible([*lists, *radios], f'the list "{label}" or the option "{option}"')
        if found is None:
            raise ActionFailed(f'no choice "{option}" for "{label}" on {self.page.url}')
        which, loc = found
        is_list = which < len(lists)
        with self._guarded(f'choose "{option}" for "{label}"'):
            if is_list:
                _select(loc, option)
            else:
                loc.check()
        self._action("choose", label, option, persona_ms=persona_ms, at_ms=started)
        self.journey.current_step().given.append(Given(
            value=self._rec.mask(option), field=self._rec.mask(label), data_key=self._key_for_value(option),
            type="select" if is_list else "radio", url=self._rec.mask(self.page.url), at_ms=started))
        self._settle(f'choose "{option}"', started, "choose", light=True)

    def tick(self, label: str) -> None:
        """Tick the checkbox a person would call `label`."""
        persona_ms = self._think("tick")
        started = self._now()
        loc = self._first_visible([
            lambda f: f.get_by_role("checkbox", name=label, exact=True),
            lambda f: f.get_by_role("checkbox", name=label),
            lambda f: f.get_by_label(label),
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

    def click(self, name: str) -> Wait:
        """Press the button or follow the link a person would call `name` (double-clicks submit by habit)."""
        loc = self._clickable(name)
        if loc is None:
            raise ActionFailed(f'no button or link "{name}" on {self.page.url}')
        return self._click(loc, name)

    def _click(self, loc: Any, name: str, kind: str = "click") -> Wait:
        with self._guarded(f'click "{name}"'):
            submit = bool(loc.evaluate(
                "el => { const b = el.closest('button,input,a,[role=button]') || el;"
                " const t = (b.getAttribute('type') || '').toLowerCase();"
                " return t === 'submit' || t === 'image' || (b.tagName === 'BUTTON' && !t && !!b.form); }",
                timeout=self._timeout))
        double = submit and self.journey.habits.fires("double_click_submit", self._occasion(f"click:{name}"))
        persona_ms = self._think("click")
        started = self._now()
        with self._guarded(f'click "{name}"'):
            loc.click(click_count=2 if double else 1, timeout=self._timeout, no_wait_after=True)
        self._action(kind, name, habit="double_click_submit" if double else "",  # type: ignore[arg-type]
                     detail="clicked twice in quick succession" if double else "", persona_ms=persona_ms,
                     at_ms=started)

        def again() -> None:
            loc.click(timeout=self._timeout, no_wait_after=True)

        return self._settle(f'click "{name}"', started, "click", again=again)

    def press(self, key: str) -> Wait:
        """Press a key (e.g. "Enter") in whatever has focus."""
        persona_ms = self._think("press")
        started = self._now()
        with self._guarded(f"press {key}"):
            self.page.keyboard.press(key)
        self._action("press", key, persona_ms=persona_ms, at_ms=started)
        return self._settle(f"press {key}", started, "press")

    def upload(self, label: str, path: str | Path) -> None:
        """Attach a file to the upload field `label`."""
        file = Path(path)
        if not file.is_file():
            raise ActionFailed(f"cannot upload {file}: no such file")
        loc = self._field(label)
        control = self._describe(loc)
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

    def _chat_box(self) -> Any | None:
        return self._first_visible([
            lambda f: f.get_by_role("textbox", name=_CHAT_BOX),
            lambda f: f.get_by_placeholder(_CHAT_BOX),
            lambda f: f.locator("[role=log] ~ form textarea, [role=log] ~ form input[type=text], "
                                "[role=log] ~ * textarea, [role=log] ~ * input[type=text]"),
        ], "the chat box")

    def chat(self, text: str | None = None, data_key: str | None = None) -> Wait:
        """Say `text` (or the persona's detail `data_key`) in the chat and wait for the answer."""
        if text is None:
            if not data_key or data_key not in self.journey.data:
                raise ActionFailed(f"the persona has no {data_key!r} to say in the chat")
            text = self.journey.data[data_key]
        key = data_key or self._key_for_value(text)
        box = self._chat_box()
        if box is None:
            raise ActionFailed(f"no chat box on {self.page.url}")
        question = next((m for m in reversed(self._rec.live_messages())
                         if m.kind in ("chat", "handoff") and m.speaker in ("bot", "agent") and m.question), None)
        secret = key in self.journey.data.secret_keys or self._rec.is_secret_value(text)
        persona_ms = self._think("chat", chars=len(text))
        started = self._now()
        with self._guarded("type in the chat"):
            self._type(box, text, typo=False)
            send = self._first_visible([lambda f: f.get_by_role("button", name=_SEND)], "the send button")
            if send is not None:
                send.click(timeout=self._timeout, no_wait_after=True)
            else:
                box.press("Enter", no_wait_after=True)
        shown = MASK if secret else self._rec.mask(text)
        self._action("chat", "chat", shown, persona_ms=persona_ms, at_ms=started)
        self.journey.current_step().given.append(Given(
            value=shown[:500], field=question.text if question else "", data_key=key, channel="chat",
            secret=secret, url=self._rec.mask(self.page.url), at_ms=started))
        return self._settle("chat reply", started, "chat", reply_after=started)

    def ask_for_human(self) -> Wait:
        """Look for a person: a "talk to someone" button or link, else ask in the chat."""
        persona_ms = self._think("help")
        loc = self._clickable(_HUMAN)  # type: ignore[arg-type]
        if loc is not None:
            with self._guarded("read the help link"):
                name = (loc.inner_text(timeout=self._timeout) or "help").strip()[:100]
            wait = self._click(loc, name, kind="help")
            return wait
        if self._chat_box() is not None:
            self._action("help", "chat", "asked for a person", persona_ms=persona_ms)
            return self.chat("Can I talk to a person, please?")
        raise ActionFailed(f"no way to reach a person on {self.page.url} (no help link, button or chat)")

    def back(self, *, habit: str = "") -> Wait:
        """Go back a page, as with the browser's Back button."""
        persona_ms = self._think("back")
        started = self._now()
        self._action("back", self.page.url, habit=habit, persona_ms=persona_ms, at_ms=started)
        self._rec.add_friction("back", detail=f"went back from {self.page.url}", at_ms=started)
        with self._guarded("go back"):
            _navigate(lambda: self.page.go_back(wait_until="commit", timeout=self._timeout))
        return self._settle("go back", started, "back")

    def reload(self, *, habit: str = "") -> Wait:
        """Reload the page."""
        persona_ms = self._think("reload")
        started = self._now()
        self._action("reload", self.page.url, habit=habit, persona_ms=persona_ms, at_ms=started)
        self._rec.add_friction("reload", detail=f"reloaded {self.page.url}", at_ms=started)
        with self._guarded("reload"):
            _navigate(lambda: self.page.reload(wait_until="commit", timeout=self._timeout))
        return self._settle("reload", started, "reload")

    def wait(self, seconds: float) -> Wait:
        """Wait `seconds` of real time, watching what the page says meanwhile."""
        started = self._now()
        self._action("wait", "", f"{seconds:g}s", at_ms=started)
        wait = Wait(action=f"wait {seconds:g}s", kind="wait", started_ms=started)
        end = time.monotonic() + max(0.0, float(seconds))
        while True:
            left = end - time.monotonic()
            if left <= 0:
                break
            self._tick(min(left * 1000.0, 200.0))
        self._observe(wait, started)
        wait.duration_ms = round(self._now() - started, 1)
        wait.outcome = "waited"
        self.journey.current_step().waits.append(wait)
        return wait

    def wait_until_settled(self) -> Wait:
        """Wait until the page has answered and gone quiet (bounded by patience and action_timeout_ms)."""
        return self._settle("page to settle", self._now(), "settle", no_action=True)

    def sign_in(self) -> Wait:
        """Sign in with the persona's email (or username) and password, wherever the form asks for them."""
        data = self.journey.data
        if "password" not in data:
            raise ActionFailed(f"the persona {self.journey.persona.name!r} has no password; "
                               "add data.secrets.password (an environment variable name) to its file")
        user_key = "email" if "email" in data else "username" if "username" in data else ""
        if not user_key:
            raise ActionFailed(f"the persona {self.journey.persona.name!r} has no email or username to sign in with")
        persona_ms = self._think("sign-in")
        started = self._now()
        self._action("sign-in", user_key, persona_ms=persona_ms, at_ms=started)
        user = self._first_visible([
            lambda f: f.get_by_label(_USER_LABEL),
            lambda f: f.locator("input[type=email], input[autocomplete~=username], input[autocomplete~=email]"),
            lambda f: f.get_by_role("textbox", name=_USER_LABEL),
        ], "the email or username field")
        password = self._first_visible([lambda f: f.locator("input[type=password]")], "the password field")
        if user is None or password is None:
            raise ActionFailed(f"no sign-in form on {self.page.url} (needs an email/username and a password field)")
        self._put(user, self._describe(user), data[user_key], user_key, user_key)
        self._put(password, self._describe(password), data["password"], "password", "password")
        button = self._clickable(_SIGN_IN)  # type: ignore[arg-type]
        if button is not None:
            return self._click(button, "sign in")
        with self._guarded("submit the sign-in form"):
            password.press("Enter", no_wait_after=True)
        return self._settle("sign in", started, "sign-in")

    def sign_out(self) -> Wait:
        """Sign out with the page's sign-out link or button."""
        loc = self._clickable(_SIGN_OUT)  # type: ignore[arg-type]
        if loc is None:
            raise ActionFailed(f"no sign-out link or button on {self.page.url}")
        return self._click(loc, "sign out", kind="sign-out")

    # ----- waiting like the persona -----
    def _tick(self, ms: float = 40.0) -> None:
        with self._guarded("wait"):
            self.page.wait_for_timeout(ms)
        if self._rec.crashed:
            raise BrowserCrashed(f"while waiting: {self._rec.crashed}")

    def _observe(self, wait: Wait, started: float) -> None:
        """Fill a Wait's signals from what the recorder saw since `started`."""
        rec = self._rec
        first = rec.first_change_after(started)
        if first is not None:
            wait.responded_ms = round(max(0.0, first - started), 1)
        busy = rec.busy_after(started)
        statuses = [m for m in rec.messages_after(started)
                    if m.kind in ("status", "timeout", "toast", "alert") or m.role in ("status", "progressbar")]
        candidates = []
        if busy:
            candidates.append((busy[0].at_ms, busy[0].kinds[0]))
        if statuses:
            candidates.append((statuses[0].appeared_ms, "status"))
        if candidates:
            at, kind = min(candidates)
            wait.busy_signal_ms = round(max(0.0, at - started), 1)
            wait.busy_kind = kind
        texts = [*(b.text for b in busy if b.text), *(m.text for m in statuses)]
        for text in texts:
            if text and text not in wait.status_texts and len(wait.status_texts) < rec.limits.status_texts:
                wait.status_texts.append(text)
        wait.progress = any(b.progress for b in busy) or any(_PROGRESS.search(t) for t in texts)
        wait.navigated = rec.navigated_after(started)

    def _replied(self, after: float) -> bool:
        return any(m.kind in ("chat", "handoff") and m.speaker != "user" and m.appeared_ms > after
                   for m in self._rec.messages_after(after))

    def _settle(self, what: str, started: float, kind: WaitKind, *, light: bool = False,
                again: Callable[[], None] | None = None, reply_after: float | None = None,
                no_action: bool = False) -> Wait:
        """Wait until the page answered and went quiet, the persona's patience ran out, or the bound hit."""
        rec = self._rec
        limits = rec.limits
        patience = self.journey.persona.patience
        bound = min(float(patience.give_up_ms), self._timeout)
        if light:
            bound = min(bound, 1500.0)
        wait = Wait(action=rec.mask(what)[:300], kind=kind, started_ms=started)
        reacted: WaitOutcome = ""
        react_at = started
        floor = (min(limits.settle_quiet_ms, 120.0) if light else limits.click_watch_ms)
        next_at = started + 40.0  # the earliest time a deadline below can pass without any new event
        while True:
            # Tick until the next deadline (at most 40 ms, to notice new events): no overshoot past it.
            self._tick(min(40.0, max(5.0, next_at - self._now())))
            now = self._now()
            self._observe(wait, started)
            elapsed = now - started
            pending = rec.pending_requests(bound)
            quiet = now - rec.last_change() >= limits.settle_quiet_ms
            busy_now = rec.busy_now() is not None
            answered_at = rec.first_change_after(react_at)
            answered = answered_at is not None or (no_action and elapsed >= limits.settle_quiet_ms)
            churned = answered_at is not None and now - answered_at >= limits.settle_churn_ms
            if answered and (quiet or churned) and pending == 0 and not busy_now:
                if reply_after is None or self._replied(reply_after):
                    break
            if not answered and pending == 0 and not busy_now:
                if elapsed >= floor and (light or now >= rec.click_window_end()):
                    break
            silent = wait.responded_ms is None and wait.busy_signal_ms is None and not busy_now
            if (not reacted and not light and not no_action and silent and reply_after is None
                    and elapsed >= patience.silence_ms):
                reacted = self._on_silence(what, again)
                if reacted:
                    react_at = self._now()
            if elapsed >= bound:
                wait.timed_out = True
                break
            deadlines = [started + bound, started + floor, rec.last_change() + limits.settle_quiet_ms,
                         rec.click_window_end()]
            if no_action:
                deadlines.append(started + limits.settle_quiet_ms)
            if answered_at is not None:
                deadlines.append(answered_at + limits.settle_churn_ms)
            if not reacted:
                deadlines.append(started + patience.silence_ms)
            now = self._now()
            next_at = min((d for d in deadlines if d > now), default=now + 40.0)
        self._observe(wait, started)
        wait.duration_ms = round(self._now() - started, 1)
        if wait.timed_out and bound >= float(patience.give_up_ms):
            wait.outcome = "gave-up"
        else:
            wait.outcome = reacted or "waited"
        self.journey.current_step().waits.append(wait)
        return wait

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
            self._action("reload", self.page.url, habit=habit, detail=f"no sign of progress while waiting for {what}",
                         at_ms=at)
            self._rec.add_friction("reload", detail=f"reloaded while waiting for {what}", at_ms=at)
            with self._guarded("reload while waiting"):
                _navigate(lambda: self.page.reload(wait_until="commit", timeout=self._timeout))
            return "reloaded"
        if choice == "click-again":
            self._action("click", what, habit=habit, detail="clicked again: no sign of progress", at_ms=at)
            with self._guarded("click again"):
                assert again is not None
                again()
            return "clicked-again"
        self._action("back", self.page.url, habit=habit, detail=f"went back: no sign of progress on {what}",
                     at_ms=at)
        self._rec.add_friction("back", detail=f"went back while waiting for {what}", at_ms=at)
        with self._guarded("go back while waiting"):
            _navigate(lambda: self.page.go_back(wait_until="commit", timeout=self._timeout))
        return "went-back"


def _navigate(go: Callable[[], Any]) -> None:
    """Run a history navigation; one that another navigation cut short (ERR_ABORTED) is not a failure:
    the wait that follows sees where the page ended up."""
    try:
        go()
    except Exception as exc:
        if "ERR_ABORTED" not in str(exc) and "interrupted by another navigation" not in str(exc):
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


def _select(loc: Any, value: str) -> None:
    """Choose an option by its visible text (case-insensitive, then contains), then by value."""
    options = loc.evaluate("el => Array.from(el.options || []).map(o => [o.textContent.trim(), o.value])")
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
