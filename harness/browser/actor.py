"""The actor: the persona's hands in the browser.

Why it finds fields by label first: that is how a person finds them, and a form a person cannot
find by its label should fail here too. It types at the persona's pace (think and typing time are
scaled by `time_scale`, but always accounted in the transcript), lets habits fire from the seed,
and after every action waits like the persona would: in real time, bounded by its patience and by
`action_timeout_ms`, reacting to silence (reload, click again, go back) the way the persona does.
Everything it does becomes an Action, a Given, a Wait or a Friction in the live transcript.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, NamedTuple
from urllib.parse import urlsplit

from harness.browser import greeted, kept_sign_in
from harness.browser.errors import ActionFailed
from harness.browser.hands import evaluate_on
from harness.browser.moments import Moments
from harness.browser.press import FORM_ANSWERS, PRESS_FACTS, STILL_PRESSED
from harness.browser.widgets import Widgets
from harness.transcript import MASK, Control, Given, Wait

DISABLED_GRACE_S = 1.0  # how long a disabled button may take to be enabled before the press finds it greyed out
# What a sign-in page holds: the values of its fields, or null when it has no visible password field.
_SIGN_IN_VALUES = """() => Array.from(document.querySelectorAll("input[type=password]"))
  .some((e) => e.checkVisibility())
  ? Array.from(document.querySelectorAll("input,textarea")).map((e) => e.value) : null"""


class _Bounce(NamedTuple):
    """A press that landed on another address after the person typed on the page before: is it a sign-in?"""

    before: str
    what: str
    typed: list[Given]
    url: str
    at: float


class Actor(Widgets, Moments):
    """Acts as the persona on the journey's page; every method records what it did and how long it took.

    Its parts, by concern: `hands` (shared), `locate` (finding), `fill` (giving details), `widgets` (what a
    person names by sight: a drop-down, a search box, a menu), `settle` (waiting) and `habits` (reacting to
    silence)."""

    _bounce: _Bounce | None = None  # a press's landing still to be looked at for a sign-in form

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

    def click(self, name: str) -> Wait:
        """Press the button or follow the link a person would call `name` (double-clicks submit by habit)."""
        found = self._find_clickable(name, (PRESS_FACTS, [self._would_double(name), False]))
        if found is None:
            raise ActionFailed(f'no button or link "{name}" on {self.page.url}')
        return self._click(found.loc, name, facts=found.read)

    def click_empty(self, name: str) -> Wait:
        """Press `name` only while the form it sends holds no answer: a form held back (it would commit) sent empty is
        refused by the site; one holding answers (typed, ticked, chosen), one with no box to leave empty (a lone
        "Delete" sends as it stands) or a button that sends no form is not pressed (ActionFailed)."""
        found = self._find_clickable(name, (PRESS_FACTS, [self._would_double(name), False]))
        if found is None:
            raise ActionFailed(f'no button or link "{name}" on {self.page.url}')
        form = evaluate_on(found.loc, FORM_ANSWERS, timeout=self._timeout)
        why = "it sends no form" if form is None else \
            "its form has no box to leave empty (sent as it stands, it would commit)" if not form["boxes"] else \
            f"its form holds answers ({', '.join(form['held'][:5])})" if form["held"] else ""
        if why:
            raise ActionFailed(f'"{name}" was not pressed empty on {self.page.url}: {why}')
        return self._click(found.loc, name, facts=found.read)

    def _would_double(self, name: str) -> bool:
        """Whether the persona's habit would double-click this press (its next draw, not used up)."""
        return self.journey.habits.would_fire("double_click_submit", self._occasion(f"click:{name}", peek=True))

    def _kept_disabled(self, loc: Any, name: str) -> bool:
        """The button stays disabled past a moment's grace (one the page enables as it catches up with what was
        typed is pressed as usual); a click would wait for it until the timeout."""
        deadline = time.monotonic() + DISABLED_GRACE_S
        with self._guarded(f'click "{name}"'):
            while loc.is_disabled(timeout=self._timeout):
                if time.monotonic() >= deadline:
                    return True
                self.page.wait_for_timeout(100)
        return False

    def _click(self, loc: Any, name: str, kind: str = "click", facts: list[bool] | None = None) -> Wait:
        """Press `loc`; `facts`: PRESS_FACTS as read of it when it was found (else read here)."""
        would_double = self._would_double(name)
        if facts is None:
            with self._guarded(f'click "{name}"'):
                facts = evaluate_on(loc, PRESS_FACTS, [would_double, False], timeout=self._timeout)
        submit, disabled = facts
        if disabled:
            if self._kept_disabled(loc, name):  # a person can press a greyed-out button; nothing happens
                persona_ms = self._think("click")
                started = self._now()
                self._action(kind, name, detail="the button is disabled: the press did nothing",
                             persona_ms=persona_ms, at_ms=started)
                self._rec.add_friction("disabled-press", detail=name, at_ms=started)
                return self._settle(f'click "{name}"', started, "click", light=True)
            with self._guarded(f'click "{name}"'):  # enabled within the grace: as if it had been all along
                submit, _ = evaluate_on(loc, PRESS_FACTS, [would_double, True], timeout=self._timeout)
        double = bool(submit) and self.journey.habits.fires("double_click_submit", self._occasion(f"click:{name}"))
        read_ms = self._read_the_form(loc) if submit else 0.0
        persona_ms = self._think("click") + read_ms
        started = self._now()
        url = self.page.url
        with self._guarded(f'click "{name}"'):
            loc.click(click_count=2 if double else 1, timeout=self._timeout, no_wait_after=True)
        detail = f"read the form for {read_ms / 1000:.1f} s more before sending it" if read_ms else ""
        action = self._action(kind, name, habit="double_click_submit" if double else "",  # type: ignore[arg-type]
                              detail=detail, persona_ms=persona_ms, at_ms=started)

        def again() -> None:
            """Click the same element again, if the page still shows it (never the next page's button)."""
            try:
                still = self.page.url == url and bool(loc.evaluate_all(STILL_PRESSED))
            except Exception:  # noqa: BLE001 - navigated or detached
                still = False
            if still:
                loc.click(timeout=self._timeout, no_wait_after=True)

        try:
            wait = self._settle(f'click "{name}"', started, "click", again=again)
        finally:
            if double:  # the guard reported a second click it held back during the click's own call (press.py)
                action.detail = ("meant to double-click; the page had changed under the pointer after the first "
                                 "click, so the second landed on nothing" if self._rec.held_after(started) else
                                 "double-clicked: two clicks on the same element")
        self._notice_bounce(url, f'"{name}"')
        return wait

    def press(self, key: str, label: str = "") -> Wait:
        """Press a key (e.g. "Enter") in the field `label` (a box the site saves on Enter, with no button for it),
        else in whatever has focus."""
        box = self.field(label) if label else None
        persona_ms = self._think("press")
        started = self._now()
        url = self.page.url
        with self._guarded(f"press {key}"):
            if box is not None:
                box.press(key, no_wait_after=True)
            else:
                self.page.keyboard.press(key)
        self._action("press", key, persona_ms=persona_ms, at_ms=started)
        wait = self._settle(f"press {key}", started, "press")
        self._notice_bounce(url, key)
        return wait

    def _notice_bounce(self, before: str, what: str) -> None:
        """A submit that lands on a sign-in page (another address with a password field) without what the
        person typed on the page before: record it, so lost-context can tell the typed text was lost.

        Why later: the look rides on the step-end snapshot (`look_for_sign_in`), one call fewer per press; the
        persona acting again first has it read at once (`_before_acting`), as the page is now."""
        mask = self._rec.mask
        if self.page.url == before or urlsplit(self.page.url).path == urlsplit(before).path:
            return
        steps = [*self.journey.transcript.steps, self.journey.current_step()]
        typed = [g for s in steps for g in s.given if g.channel == "form" and g.url == mask(before)]
        if not typed or any(g.secret for g in typed):
            return  # nothing typed there, or that page was itself a sign-in
        self._bounce = _Bounce(before, what, typed, self.page.url, self._now())

    def _before_acting(self) -> None:
        if self._bounce is not None:
            self.look_for_sign_in(self._read_page("look for a sign-in form",
                                                  lambda: self.page.evaluate(_SIGN_IN_VALUES)))

    def look_for_sign_in(self, values: list[str] | None) -> None:
        """Judge a press's landing noticed by `_notice_bounce` from the values of the page's fields (None: no visible
        password field, or the page moved on since)."""
        bounce, self._bounce = self._bounce, None
        if bounce is None or values is None or self.page.url != bounce.url:
            return
        mask = self._rec.mask
        shown = set(values)
        lost = [g for g in bounce.typed if g.value and g.value not in shown and mask(g.value) not in shown]
        if lost:
            fields = ", ".join(f'"{g.field}"' for g in lost[:5])
            self._rec.add_friction("sent-to-sign-in", detail=f"after {bounce.what} the page asked to sign in "
                                   f"({mask(bounce.url)}); what was typed on {mask(bounce.before)} is not on it: "
                                   f"{fields}", at_ms=bounce.at)

    def _chat_box(self) -> Any | None:
        return self._first_visible([
            lambda f: f.get_by_role("textbox", name=self._words("chat_box")),
            lambda f: f.get_by_placeholder(self._words("chat_box")),
            lambda f: f.locator("[role=log] ~ form textarea, [role=log] ~ form input[type=text], "
                                "[role=log] ~ * textarea, [role=log] ~ * input[type=text]"),
        ], "the chat box")

    def chat(self, text: str | None = None, data_key: str | None = None) -> Wait:
        """Say `text` (or the persona's detail `data_key`) in the chat and wait for the answer."""
        if text is None:
            if not data_key or data_key not in self.journey.data:
                raise ActionFailed(f"the persona has no {data_key!r} to say in the chat")
            text = self.journey.data[data_key]
        key = data_key or self.detail_key_of(text)
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
            send_name = self._words("send_button")
            send = self._first_visible([lambda f: f.get_by_role("button", name=send_name)], "the send button")
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
        loc = self._clickable(self._words("person_control"))
        if loc is not None:
            with self._guarded("read the help link"):
                name = (loc.inner_text(timeout=self._timeout) or "help").strip()[:100]
            wait = self._click(loc, name, kind="help")
            return wait
        if self._chat_box() is not None:
            self._action("help", "chat", "asked for a person", persona_ms=persona_ms)
            return self.chat(self._tokens("ask_for_person")[0])
        raise ActionFailed(f"no way to reach a person on {self.page.url} (no help link, button or chat)")

    def back(self, *, habit: str = "") -> Wait:
        """Go back a page, as with the browser's Back button."""
        persona_ms = self._think("back")
        started = self._now()
        self._history("back", started, habit=habit, note=f"went back from {self.page.url}", guard="go back",
                      persona_ms=persona_ms)
        return self._settle("go back", started, "back")

    def reload(self, *, habit: str = "") -> Wait:
        """Reload the page."""
        persona_ms = self._think("reload")
        started = self._now()
        self._history("reload", started, habit=habit, note=f"reloaded {self.page.url}", guard="reload",
                      persona_ms=persona_ms)
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
            self._nap(left * 1000.0)
        self._observe(wait, started)
        wait.duration_ms = round(self._now() - started, 1)
        wait.outcome = "waited"
        self.journey.current_step().waits.append(wait)
        return wait

    def wait_until_settled(self) -> Wait:
        """Wait until the page has answered and gone quiet (bounded by patience and action_timeout_ms)."""
        return self._settle("page to settle", self._now(), "settle", no_action=True)

    def sign_in(self, user: str | None = None, *, user_key: str = "", password: str | None = None) -> Wait:
        """Sign in and press the form's own button (not a header's "Log in"), else Enter in the password field.

        Without `user`: the persona's e-mail or username, whichever the form's field asks for. With `user`
        (a username; `user_key` the persona's detail it came from, if any): the username box first (a person
        with both types the one the form asks for), then any e-mail box. The password is the persona's unless given."""
        password_value = self.persona_password() if password is None else password
        words = self._words("sign_in_field" if user is None else "username_field")
        by_kind = (["input[type=email], input[autocomplete~=username], input[autocomplete~=email]"] if user is None else
                   ["input[autocomplete~=username], input[name*=user i], input[name*=login i]", "input[type=email]"])
        asks = "an email/username" if user is None else "a username"
        password_box = self._first_visible([lambda f: f.locator("input[type=password]")], "the password field")
        unnamed = "input:is([type=text], :not([type]))"  # the text field beside the password, as a person reads it

        def ways(root: Callable[[Any], Any], text_box: str) -> list[Callable[[Any], Any]]:
            return [lambda f: root(f).get_by_label(words), lambda f: root(f).get_by_role("textbox", name=words),
                    *(lambda f, css=css: root(f).locator(css) for css in by_kind), lambda f: root(f).locator(text_box)]

        # the password's own form first: a sidebar's sign-in box beside a main form that asks for an e-mail is
        # filled in one form, as a person fills it; then the page (a sign-in that no form element holds)
        own = password_box.locator("xpath=ancestor::form[1]") if password_box is not None else None
        user_box = self._first_visible([*(ways(lambda f: own, unnamed) if own is not None else []),
                                        *ways(lambda f: f, f"form:has(input[type=password]) {unnamed}")],
                                       f"the {asks.split()[-1]} field")
        if user_box is None or password_box is None:
            raise ActionFailed(f"no sign-in form on {self.page.url} (needs {asks} and a password field)")
        control = self._describe(user_box)
        if user is None:
            user_key = self._sign_in_key(control)
            user = str(self.journey.data[user_key])
        if password is None and (restored := kept_sign_in.restore(self, user, user_key or "username")) is not None:
            return restored  # the persona's session from an earlier sign-in here, as the person typing `user` left it
        persona_ms = self._think("sign-in")
        started = self._now()
        self._action("sign-in", user_key or "username", persona_ms=persona_ms, at_ms=started)
        self._put(user_box, control, user, user_key or "username", user_key)
        self._put(password_box, self._describe(password_box), password_value, "password", "password")
        button = self._form_button(password_box)
        if button is not None:
            wait = self._click(button, "sign in")
        else:
            with self._guarded("submit the sign-in form"):
                password_box.press("Enter", no_wait_after=True)
            wait = self._settle("sign in", started, "sign-in")
        kept_sign_in.landed(self.journey)
        greeted.notice_who(self)
        return wait

    def _form_button(self, field: Any) -> Any | None:
        """The button that sends `field`'s form: the one named as signing in, else its only submit button; a
        sign-in with no form element (a script's) is sent by the page's sign-in button or link."""
        words = self._words("sign_in_button")
        form = field.locator("xpath=ancestor::form[1]")
        named = form.get_by_role("button", name=words).filter(visible=True)
        submit = form.locator("button:not([type]), button[type=submit], input[type=submit]").filter(visible=True)
        with self._guarded("look for the sign-in button"):
            in_form, names, submits = form.count() > 0, named.count(), submit.count()
        if not in_form:
            return self._clickable(words)
        if names:
            return named.first
        return submit.first if submits == 1 else None

    def persona_password(self) -> str:
        """The persona's password (its environment variable's value), or a clear error naming the fix."""
        if "password" not in self.journey.data:
            raise ActionFailed(f"the persona {self.journey.persona.name!r} has no password; "
                               "add data.secrets.password (an environment variable name) to its file")
        return str(self.journey.data["password"])

    def _sign_in_key(self, control: Control | None) -> str:
        """The persona's detail the sign-in field asks for: its username where it asks for a username, else
        its e-mail; a field it has nothing for is named in the error."""
        from harness.language.prompts import PromptSpec, info_key

        data = self.journey.data
        asks = (info_key(PromptSpec.from_control(control)) or "") if control is not None else ""
        if control is not None and control.type == "email":
            asks = "email"  # autocomplete="username" on an e-mail box still asks for the e-mail address
        wanted = [k for k in asks.split("|") if k in ("email", "username")] or ["email", "username"]
        key = next((k for k in wanted if k in data), "")
        if not key:
            field = (control.label or control.placeholder or control.name) if control is not None else "user"
            raise ActionFailed(f'the sign-in form asks for "{field}" ({" or ".join(wanted)}) and the persona '
                               f"{self.journey.persona.name!r} has none; add data.fixed.{wanted[0]} to its file")
        return key

    def sign_out(self) -> Wait:
        """Sign out with the page's sign-out link or button; one kept in a closed menu is reached as a person reaches
        it, by opening that menu first (`in_a_closed_menu`). A site that asks to confirm on a page of its own ("Are you
        sure you want to sign out?" over a form's "Sign Out" button) signs the person out only when that button is
        pressed too, as they press it."""
        words = self._words("sign_out")
        loc = self._clickable(words)
        if loc is None:
            loc = self.in_a_closed_menu(words)
        if loc is None:
            raise ActionFailed(f"no sign-out link or button on {self.page.url}")
        asked_at = self.page.url
        wait = self._click(loc, "sign out", kind="sign-out")
        if self.page.url != asked_at:
            confirm = self._first_visible([lambda f: f.locator("form").get_by_role("button", name=words)],
                                          "the sign-out's own confirmation")
            if confirm is not None:
                wait = self._click(confirm, "sign out", kind="sign-out")
        return wait
