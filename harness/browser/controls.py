"""The page's form controls as the recorder keeps them: asked for in every frame, bounded, secrets masked.

Why apart from the event recorder: reading controls is a request to the page (a snapshot per step,
with screenshot masks painted in the same call), not an event the page reports; it shares only the
masking and bounds.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

from harness.browser.bounds import Clock, Limits
from harness.transcript import MASK, Control

_SNAPSHOT_JS = """paint => window.__empathy ? window.__empathy.snapshot(paint)
  : JSON.stringify({controls: [], total: 0, title: document.title || "", painted: false,
                    lang: document.documentElement.lang || ""})"""
_UNMASK_JS = "() => !window.__empathy || window.__empathy.unmask()"
_PAINT_JS = "paint => window.__empathy ? (window.__empathy.mask(paint[0], paint[1]), 'painted') : 'none'"


class _Asking:
    """Whether this Playwright asks a page in one bounded evaluation (`ask`); False once it showed it cannot."""

    evaluates = True


def ask(frame: Any, js: str, arg: Any, timeout_ms: float) -> Any:
    """What `js` (a function of `arg`) gives in `frame`'s page, bounded by `timeout_ms`: a frozen page cannot hold it.

    Why not `wait_for_function`: on each new document its first call makes Playwright build its own script in the
    page's world (tens of ms; the look after a press that opened a page paid it, a fill's look on the same page did
    not), and it sets up a poller and a handle; an evaluation is one call, bounded by the driver itself (the call's
    timeout, which the public `evaluate` leaves unset). Through the client's private channel, so a Playwright of
    another shape (or an evaluation cut by a navigation, which `wait_for_function` retries in the next document)
    asks by `wait_for_function` as before: a timeout stays a timeout either way. The fallback's value is its handle."""
    if _Asking.evaluates:
        try:
            from playwright._impl.js_handle import parse_result, serialize_argument

            async def evaluate() -> Any:  # on the client's loop, as every call of the sync API runs
                return await frame._impl_obj._channel.evaluateExpression(
                    expression=js, isFunction=None, arg=serialize_argument(arg), timeout=timeout_ms)

            return parse_result(frame._sync(evaluate())["value"])
        except (AttributeError, ImportError, TypeError, KeyError):
            _Asking.evaluates = False  # not the Playwright this was written for: as before, from now on
        except Exception as exc:
            if "Timeout" in type(exc).__name__ or "Timeout" in str(exc):
                raise
    return frame.wait_for_function(js, arg=arg, timeout=timeout_ms)


def _texts(got: Any) -> Iterator[str]:
    """The string an `ask` gave: its value; from a handle (the fallback), its preview, which is the whole string when
    not cut, then its value (a second call, made only when the preview was not what the caller looked for)."""
    if isinstance(got, str) or not hasattr(got, "json_value"):
        yield str(got)
        return
    yield str(got)
    value = got.json_value()
    if isinstance(value, str):
        yield value


def _snapshot_of(got: Any) -> dict[str, Any]:
    """The page script's snapshot from what `ask` gave."""
    for text in _texts(got):
        try:
            snap = json.loads(text)
        except ValueError:
            continue
        if isinstance(snap, dict) and "controls" in snap:
            return snap
    return {}


class Seen(NamedTuple):
    """What a snapshot saw: of which page, when (transcript ms), its controls, and how many more it did not keep."""

    page: Any
    taken: float
    controls: list[Control]
    over: int
    whole: bool  # every frame asked (a wait's last look asks the top document only)


class Controls:
    """Snapshots of visible controls, kept per step by (frame or page, selector); mixed into the Recorder."""

    enabled: bool
    limits: Limits
    clock: Clock
    _last_snapshot: Seen | None = None  # the last snapshot, to be read again when nothing has changed since
    painted: list[Any]
    _title: str
    lang: str = ""  # the main document's declared language as of the last snapshot
    links: list[str] = []  # noqa: RUF012 - the main document's landmark links as of the last snapshot (replaced)
    # the main document's fields' values when it shows a password field (a sign-in form), as of the last snapshot
    sign_in: list[str] | None = None
    _controls: dict[tuple[str, str], Control]
    _dropped: dict[str, int]

    def mask(self, text: str) -> str:
        raise NotImplementedError

    def is_secret_value(self, value: str) -> bool:
        raise NotImplementedError

    def _drop(self, what: str) -> None:
        raise NotImplementedError

    def snapshot(self, page: Any, paint: Callable[[Any], tuple[list[str], list[str]]] | None = None) -> list[Control]:
        """Ask every frame for its visible controls (bounded even when a page hangs) and keep them as the step's.

        With `paint` (frame -> (selectors, secret values)) the page script in each frame also paints the
        screenshot masks in the same call; the frames it painted are in `self.painted` until `unmask`."""
        return self._keep_controls(self._take(page, paint))

    def look(self, page: Any) -> None:
        """A wait's last look (settle.py): the top document's controls as the wait ends, kept aside, not yet the
        step's. Why: the wait makes that round trip anyway (to hear what the driver heard), and the step's end then
        reads the top document from it when nothing changed and nothing was done since (`controls_now`): one call
        for both. Only the top document: a step of several waits asks each other frame once, at its end."""
        self._take(page, None, top_only=True)

    def opened(self, page: Any) -> None:
        """A new page shows nothing (about:blank): the step's end reads that until the page changes, so a step before
        the first address is opened ("Given I am ...") asks the page nothing."""
        self._last_snapshot = Seen(page, self.clock.now(), [], 0, True)

    def forget_snapshot(self) -> None:
        """The persona acted: the last snapshot no longer shows the page (a value typed changes no DOM)."""
        self._last_snapshot = None

    def _take(self, page: Any, paint: Callable[[Any], tuple[list[str], list[str]]] | None = None, *,
              top_only: bool = False, top: Seen | None = None) -> Seen:
        """What every frame shows (`top_only`: the top document; `top`: a look at the top document nothing changed
        since, so only the other frames are asked), kept as the last snapshot when the top document answered: a page
        left meanwhile is read again, never reused half-read."""
        self.painted: list[Any] = []
        if top is None:
            self.sign_in = None
        got: list[Control] = [c.model_copy() for c in top.controls] if top is not None else []
        over = top.over if top is not None else 0
        seen = Seen(page, top.taken if top is not None else self.clock.now(), got, over, not top_only)
        if not self.enabled:
            return seen
        answered = top is not None
        deadline = time.monotonic() + self.limits.probe_timeout_ms / 1000.0
        page_url = self.mask(page.url)
        for frame in page.frames:
            main = frame.parent_frame is None
            if ((top_only and not main) or (top is not None and main) or frame.is_detached()
                    or frame.url.startswith(("chrome-error:", "chrome:"))):
                continue
            remaining = max(100.0, (deadline - time.monotonic()) * 1000.0)
            try:
                # bounded (`ask`), so a hung page cannot stop the journey
                arg = list(paint(frame)) if paint is not None else None
                snap = _snapshot_of(ask(frame, _SNAPSHOT_JS, arg, remaining))
            except Exception as exc:  # noqa: BLE001 - a hung or cross-origin frame must not stop the journey
                if ("Timeout" in type(exc).__name__ or "Timeout" in str(exc)) and main:
                    raise
                continue
            if snap.get("painted"):
                self.painted.append(frame)
            raws = [r for r in snap.get("controls", []) if isinstance(r, dict)]
            over = max(over, int(snap.get("total", 0) or 0) - len(raws))
            if main:
                answered = bool(snap)
                values = snap.get("sign_in")
                self.sign_in = [str(v) for v in values] if isinstance(values, list) else None
                self._title = self.mask(str(snap.get("title", "")))[:300]
                self.lang = str(snap.get("lang", ""))[:35]
                self.links = [self.mask(str(x))[:80] for x in snap.get("links", []) if isinstance(x, str)][:40]
            frame_url = "" if main else self.mask(frame.url)
            got.extend(self.control_from(raw, url=page_url, frame=frame_url) for raw in raws)
        seen = seen._replace(over=over)
        self._last_snapshot = seen._replace(controls=[c.model_copy() for c in got]) if answered else None
        return seen

    def controls_now(self, page: Any) -> list[Control]:
        """The page's controls, reading the last snapshot again when it was of this page and nothing changed in any
        frame since and nothing was done since (`forget_snapshot`); a wait's last look at the top document is
        completed with the other frames. Why: one page-side call per step, not two or three."""
        last = self._last_snapshot
        if not self.enabled or last is None or last.page is not page or self._changed_since(last.taken):
            return self.snapshot(page)
        if not last.whole:
            return self._keep_controls(self._take(page, top=last))
        return self._keep_controls(last._replace(controls=[c.model_copy() for c in last.controls]))

    def _changed_since(self, t: float) -> bool:
        raise NotImplementedError

    def _keep_controls(self, seen: Seen) -> list[Control]:
        """Keep what a snapshot saw as the step's controls (a control seen before keeps its first value as initial)."""
        if seen.over > 0:
            self._dropped["controls"] = max(self._dropped.get("controls", 0), seen.over)
        got = seen.controls
        for control in got:
            key = (control.frame or control.url, control.selector)
            old = self._controls.get(key)
            if old is not None:
                control.initial_value = old.initial_value
                control.prefilled = old.prefilled
            if key in self._controls or len(self._controls) < self.limits.controls_per_step:
                self._controls[key] = control
            else:
                self._drop("controls")
        return got

    def paint(self, page: Any, paint: Callable[[Any], tuple[list[str], list[str]]]) -> None:
        """Only the screenshot masks of `snapshot(paint=...)`, for a picture taken after the step's snapshot."""
        self.painted = []
        if not self.enabled:
            return
        for frame in page.frames:
            if frame.is_detached() or frame.url.startswith(("chrome-error:", "chrome:")):
                continue
            try:
                if "painted" in _texts(ask(frame, _PAINT_JS, list(paint(frame)), self.limits.probe_timeout_ms)):
                    self.painted.append(frame)
            except Exception:  # noqa: BLE001 - a hung or cross-origin frame: Playwright's masks cover it
                continue

    def unmask(self) -> None:
        """Take the masks painted by `snapshot(paint=...)` off again (bounded; a frame gone has none)."""
        painted, self.painted = self.painted, []
        for frame in painted:
            try:
                ask(frame, _UNMASK_JS, None, self.limits.probe_timeout_ms)
            except Exception:  # noqa: BLE001 - a detached or hung frame: nothing left to do
                pass

    def page_title(self, page: Any) -> str:
        """The main document's title as of the last snapshot (read by the page script: never blocks)."""
        return self._title

    def control_from(self, raw: dict[str, Any], *, url: str = "", frame: str = "") -> Control:
        """A Control from the page script's description, with secrets masked."""
        value = str(raw.get("value", ""))
        initial = str(raw.get("initial_value", ""))
        secret = bool(raw.get("secret")) or self.is_secret_value(value) or self.is_secret_value(initial)
        if secret:
            value = MASK if value else ""
            initial = MASK if initial else ""
        return Control(
            selector=str(raw.get("selector", ""))[:300],
            label=self.mask(str(raw.get("label", "")))[: self.limits.text],
            placeholder=self.mask(str(raw.get("placeholder", "")))[: self.limits.text],
            name=str(raw.get("name", ""))[:200], id=str(raw.get("id", ""))[:200],
            type=str(raw.get("type", "text")) or "text", autocomplete=str(raw.get("autocomplete", ""))[:100],
            required=bool(raw.get("required")), initial_value=self.mask(initial)[: self.limits.text],
            value=self.mask(value)[: self.limits.text], prefilled=bool(initial),
            options=[self.mask(str(o))[:200] for o in raw.get("options", [])][:50],
            invalid=bool(raw.get("invalid")), marked=bool(raw.get("marked")),
            error=self.mask(str(raw.get("error", "")))[: self.limits.text],
            hint=self.mask(str(raw.get("hint", "")))[: self.limits.text],
            secret=secret, url=url, frame=frame, form=str(raw.get("form", ""))[:300], query=bool(raw.get("query")),
            focused=bool(raw.get("focused")), landmark=str(raw.get("landmark", ""))[:40],
        )
