"""The recorder: turns the page script's reports and Playwright's events into transcript parts.

Why a page script plus a binding: toasts and live-region updates come and go between Playwright
calls, and a binding delivers each report even when the page navigates right after. Times come
from the page's own clock, so Python's event-loop delays do not distort them. Every text passes
through `mask()` before it is kept, so secret values never reach the transcript. Everything kept
per step is capped; what was cut is listed in `truncated`.
"""

from __future__ import annotations

import json
import re
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from harness.browser.classify import classify
from harness.transcript import MASK, Click, Control, Friction, Message, Request, Submit

SCRIPT_PATH = Path(__file__).with_name("recorder.js")
BINDING = "__empathyReport"
_PROGRESS = re.compile(
    r"\d+\s?%|\b\d+\s*(?:seconds?|secs?|minutes?|mins?)\b|\bstep \d+ of \d+\b|\b\d+ of \d+\b", re.I
)


_SNAPSHOT_JS = """paint => window.__empathy ? window.__empathy.snapshot(paint)
  : JSON.stringify({controls: [], total: 0, title: document.title || "", painted: false})"""
_UNMASK_JS = "() => !window.__empathy || window.__empathy.unmask()"


def _snapshot_of(handle: Any) -> dict[str, Any]:
    """The page script's snapshot from the handle `wait_for_function` returned.

    Why not always `json_value()`: that is a second round trip per frame; a handle to a string
    already carries the whole string as its preview. Anything that is not our JSON object (a
    shortened preview, another Playwright) falls back to asking for the value."""
    for read in (str, lambda h: h.json_value()):
        try:
            snap = json.loads(read(handle))
        except (TypeError, ValueError):
            continue
        if isinstance(snap, dict) and "controls" in snap:
            return snap
    return {}


@dataclass
class Limits:
    """Bounds and how long to watch; override any of them in `[tool.empathy] thresholds`."""

    text: int = 500
    messages_per_step: int = 200
    requests_per_step: int = 300
    console_per_step: int = 50
    controls_per_step: int = 200
    status_texts: int = 20
    clicks_per_step: int = 200
    # how long after a click to watch for the page's first change; the friction rule cannot judge a
    # dead_click_ms longer than this, so a project's thresholds."friction.dead_click_ms" extends it
    click_watch_ms: float = 2000.0
    settle_quiet_ms: float = 250.0
    settle_churn_ms: float = 1500.0  # a page that never stops changing (polling, clocks) counts as settled after this
    probe_timeout_ms: float = 5000.0  # how long a hung page may take to answer the recorder

    @classmethod
    def from_settings(cls, settings: Any) -> Limits:
        """Defaults, then any same-named key in settings.thresholds (e.g. thresholds.click_watch_ms)."""
        limits = cls()
        overrides = getattr(settings, "thresholds", {}) or {}
        for name in cls.__dataclass_fields__:
            if name in overrides:
                current = getattr(limits, name)
                setattr(limits, name, type(current)(overrides[name]))
        limits.click_watch_ms = max(limits.click_watch_ms, float(overrides.get("friction.dead_click_ms", 0)))
        timeout = getattr(settings, "action_timeout_ms", None)
        if timeout:
            limits.probe_timeout_ms = min(limits.probe_timeout_ms, float(timeout))
        return limits


class Clock:
    """Milliseconds since the transcript started, from Python's clock or the page's epoch times."""

    def __init__(self) -> None:
        self.t0 = time.time() * 1000.0

    def now(self) -> float:
        return round(time.time() * 1000.0 - self.t0, 1)

    def at(self, epoch_ms: float) -> float:
        return round(float(epoch_ms) - self.t0, 1)


@dataclass
class Busy:
    at_ms: float
    kinds: list[str]
    text: str
    progress: bool


@dataclass
class StepRecord:
    """What the recorder saw since the last drain, ready to go into a Step."""

    messages: list[Message] = field(default_factory=list)
    requests: list[Request] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    friction: list[Friction] = field(default_factory=list)
    clicks: list[Click] = field(default_factory=list)
    submits: list[Submit] = field(default_factory=list)
    controls: list[Control] = field(default_factory=list)
    truncated: list[str] = field(default_factory=list)


class Recorder:
    """Listens to one browser context for a whole journey; `drain()` hands over a step's worth."""

    def __init__(self, context: Any, clock: Clock, limits: Limits, *, secrets: Iterable[str] = (),
                 enabled: bool = True) -> None:
        self.context = context
        self.clock = clock
        self.limits = limits
        self.enabled = enabled
        self._secrets: list[str] = []
        self.add_secrets(secrets)
        self._live: dict[tuple[str, int], tuple[int, Message]] = {}  # (visit, id) -> (frame key, message)
        self._frame_visit: dict[int, str] = {}
        self._dom: deque[float] = deque(maxlen=5000)
        self._busy: deque[Busy] = deque(maxlen=500)
        self._busy_now: Busy | None = None
        self._clicks: list[Click] = []  # clicks still watched for the page's answer
        self._navs: deque[tuple[float, str, bool]] = deque(maxlen=500)
        # answers to a click that change nothing on the page: a download started, a new tab or window opened
        self._answers: deque[float] = deque(maxlen=200)
        self._pending: dict[int, tuple[Any, float]] = {}
        self._req_models: dict[int, Request] = {}
        self.crashed = ""
        self.painted: list[Any] = []  # frames whose page script painted screenshot masks
        self._title = ""
        self.page_errors: list[str] = []
        self._reset_step()
        if enabled:
            context.expose_binding(BINDING, self._on_report)
            context.add_init_script(path=str(SCRIPT_PATH))
        context.on("request", self._on_request)
        context.on("response", self._on_response)
        context.on("requestfinished", self._on_request_done)
        context.on("requestfailed", self._on_request_failed)
        context.on("console", self._on_console)
        context.on("page", self.attach)
        for page in context.pages:
            self.attach(page)

    # ----- step accumulation -----
    def _reset_step(self) -> None:
        self._messages: list[Message] = []
        self._requests: list[Request] = []
        self._console: list[str] = []
        self._friction: list[Friction] = []
        self._submits: list[Submit] = []
        self._controls: dict[tuple[str, str], Control] = {}
        self._dropped: dict[str, int] = {}

    def _drop(self, what: str) -> None:
        self._dropped[what] = self._dropped.get(what, 0) + 1

    def add_friction(self, kind: str, selector: str = "", detail: str = "", at_ms: float | None = None) -> None:
        """Record a probe of the persona's (back, reload) or a blocked host (the actor and the host guard)."""
        self._friction.append(Friction(kind=kind, selector=self.mask(selector),  # type: ignore[arg-type]
                                       detail=self.mask(detail)[: self.limits.text],
                                       at_ms=self.clock.now() if at_ms is None else at_ms))

    def drain(self, *, final: bool = False) -> StepRecord:
        """Everything seen since the last drain; clicks still watched and unanswered wait for the next."""
        record = StepRecord(
            clicks=self._watched_clicks(final=final),
            submits=list(self._submits),
            messages=list(self._messages),
            requests=list(self._requests),
            console_errors=list(self._console),
            friction=sorted(self._friction, key=lambda f: f.at_ms),
            controls=list(self._controls.values()),
            truncated=[f"{what}: {n} more not kept" for what, n in sorted(self._dropped.items())],
        )
        self._reset_step()
        return record

    # ----- masking -----
    def mask(self, text: str) -> str:
        """The text with every declared secret value replaced by MASK."""
        if not text:
            return text
        for secret in self._secrets:
            if secret in text:
                text = text.replace(secret, MASK)
        return text

    def add_secrets(self, values: Iterable[str]) -> None:
        """Mask these values from now on, also as they appear URL-encoded (a form sent with GET)."""
        from urllib.parse import quote, quote_plus

        found = {*self._secrets}
        for value in values:
            if value and len(value) >= 2:
                found |= {value, quote(value, safe=""), quote_plus(value), quote(value)}
        self._secrets = sorted(found, key=len, reverse=True)

    def is_secret_value(self, value: str) -> bool:
        return bool(value) and value in self._secrets

    # ----- page events -----
    def attach(self, page: Any) -> None:
        page.on("framenavigated", self._on_navigated)
        page.on("download", lambda *_: self._answers.append(self.clock.now()))
        page.on("popup", lambda *_: self._answers.append(self.clock.now()))
        page.on("crash", lambda *_: self._on_crash("the page crashed (renderer process died)"))
        page.on("pageerror", self._on_page_error)

    def _on_crash(self, why: str) -> None:
        self.crashed = why

    def _on_page_error(self, error: Any) -> None:
        text = self.mask(str(getattr(error, "message", error)))[: self.limits.text]
        if len(self._console) < self.limits.console_per_step:
            self._console.append(f"pageerror: {text}")
        else:
            self._drop("console_errors")

    def _on_navigated(self, frame: Any) -> None:
        now = self.clock.now()
        main = frame.parent_frame is None
        self._navs.append((now, frame.url, main))
        if not frame.url.startswith(("http:", "https:", "file:")):
            self._close_frame(id(frame), now, keep_visit="")

    def _on_console(self, msg: Any) -> None:
        if msg.type != "error":
            return
        if len(self._console) >= self.limits.console_per_step:
            self._drop("console_errors")
            return
        self._console.append(self.mask(msg.text)[: self.limits.text])

    def _on_request(self, request: Any) -> None:
        if request.resource_type in ("websocket", "eventsource", "manifest", "ping"):
            return
        started = self.clock.now()
        self._pending[id(request)] = (request, started)
        model = Request(url=self.mask(request.url)[:1000], method=request.method,
                        resource=request.resource_type, started_ms=started)
        if len(self._requests) < self.limits.requests_per_step:
            self._requests.append(model)
            self._req_models[id(request)] = model
        else:
            self._drop("requests")

    def _on_response(self, response: Any) -> None:
        # The server has answered: no longer a reason to wait (a body the page never reads may never
        # "finish"). The duration is refined from the browser's timing if the request finishes.
        request = response.request
        if request.resource_type != "document" and not 300 <= response.status < 400:
            self._pending.pop(id(request), None)  # documents and redirects go on: wait for them to finish
        model = self._req_models.get(id(request))
        if model is not None:
            model.status = response.status
            if model.duration_ms is None:
                model.duration_ms = round(self.clock.now() - model.started_ms, 1)

    def _finish_request(self, request: Any, failure: str = "") -> None:
        self._pending.pop(id(request), None)
        model = self._req_models.pop(id(request), None)
        if model is None:
            return
        timing = request.timing or {}
        start = timing.get("startTime") or 0
        if start and start > 0:
            model.started_ms = self.clock.at(start)
        end = timing.get("responseEnd", -1)
        if end is not None and end >= 0:
            model.duration_ms = round(end, 1)
        elif model.duration_ms is None:
            model.duration_ms = round(self.clock.now() - model.started_ms, 1)
        if failure:
            model.failure = self.mask(failure)[:200]
            model.status = None

    def _on_request_done(self, request: Any) -> None:
        self._finish_request(request)

    def _on_request_failed(self, request: Any) -> None:
        self._finish_request(request, request.failure or "failed")

    # ----- page script reports -----
    def _on_report(self, source: Any, payload: Any) -> None:
        if not isinstance(payload, dict):
            return
        if payload.get("type") == "batch":
            for event in payload.get("events", [])[:5000]:
                if isinstance(event, dict) and event.get("type") != "batch":
                    self._on_report(source, event)
            return
        frame = source.get("frame") if isinstance(source, dict) else None
        frame_key = id(frame) if frame is not None else 0
        kind = payload.get("type")
        t = self.clock.at(payload.get("t", 0)) if payload.get("t") else self.clock.now()
        if kind == "dom":
            self._dom.append(self.clock.at(payload.get("at", payload.get("t", 0))))
        elif kind == "message":
            self._on_message(payload, frame, frame_key, t)
        elif kind == "gone":
            entry = self._live.pop((str(payload.get("visit")), int(payload.get("id", 0))), None)
            if entry is not None and entry[1].disappeared_ms is None:
                entry[1].disappeared_ms = t
        elif kind == "busy":
            b = Busy(t, [str(k) for k in payload.get("kinds", [])][:5], self.mask(str(payload.get("text", "")))[:200],
                     bool(payload.get("progress")))
            b.progress = b.progress or bool(_PROGRESS.search(b.text))
            self._busy.append(b)
            self._busy_now = b if b.kinds else None
        elif kind == "click":
            if len(self._clicks) >= self.limits.clicks_per_step:
                self._drop("clicks")
                return
            self._clicks.append(Click(at_ms=t, x=float(payload.get("x", 0)), y=float(payload.get("y", 0)),
                                      selector=self.mask(str(payload.get("selector", "")))[:300],
                                      name=self.mask(str(payload.get("name", "")))[:200],
                                      submit=bool(payload.get("submit")), typed=int(payload.get("typed", -1)),
                                      own=bool(payload.get("own"))))
        elif kind == "submit":
            self._submits.append(Submit(at_ms=t, selector=self.mask(str(payload.get("selector", "")))[:300]))
        elif kind == "visit":
            self._close_frame(frame_key, t, keep_visit=str(payload.get("visit")))
            self._frame_visit[frame_key] = str(payload.get("visit"))
            self._dom.append(t)

    def _close_frame(self, frame_key: int, t: float, keep_visit: str) -> None:
        for key, (fk, msg) in list(self._live.items()):
            if fk == frame_key and key[0] != keep_visit:
                if msg.disappeared_ms is None:
                    msg.disappeared_ms = t
                del self._live[key]

    def _on_message(self, raw: dict[str, Any], frame: Any, frame_key: int, t: float) -> None:
        text = self.mask(str(raw.get("text", "")))[: self.limits.text]
        if raw.get("cut"):
            self._drop(f"message text (over {self.limits.text} chars)")
        kind, speaker, question = classify({**raw, "text": text})
        url = self.mask(str(raw.get("url", "")))
        msg = Message(text=text, kind=kind, role=str(raw.get("role", "")), live=str(raw.get("live", "")),
                      speaker=speaker, question=question, field=self.mask(str(raw.get("field", ""))),
                      selector=str(raw.get("selector", ""))[:300], url=url, appeared_ms=t,
                      visible=bool(raw.get("visible", True)))
        self._live[(str(raw.get("visit")), int(raw.get("id", 0)))] = (frame_key, msg)
        if len(self._messages) < self.limits.messages_per_step:
            self._messages.append(msg)
        else:
            self._drop("messages")

    # ----- clicks and the page's answer -----
    def click_window_end(self) -> float:
        """When the newest watched click's window closes (0 with none): a wait must not end sooner.

        The page stamps a click when its event fires, after the harness started the action; on a loaded
        machine that gap grows, and a wait bounded from its own start would end the step before the
        click's answer (or its absence) was seen, and the click would land in the next step.
        """
        return max((c.at_ms + self.limits.click_watch_ms for c in self._clicks), default=0.0)

    def _answer_to(self, at: float, until: float) -> float | None:
        """The first DOM change, navigation (any frame), download or new window after a click at `at`."""
        dom = [d for d in self._dom if at < d <= until]
        other = [t for t in (*(n for n, _, _ in self._navs), *self._answers) if at - 5 <= t <= until]
        return min([*dom, *other], default=None)

    def _watched_clicks(self, *, final: bool) -> list[Click]:
        """Clicks the page answered, or whose watch window closed (all of them at the end): what the page did
        after each is written down, not judged (the friction check judges)."""
        now = self.clock.now()
        limit = self.limits.click_watch_ms
        done, still = [], []
        for click in self._clicks:
            answer = self._answer_to(click.at_ms, click.at_ms + limit)
            if answer is None and not final and click.at_ms + limit > now:
                still.append(click)
                continue
            click.answered_ms = None if answer is None else round(max(0.0, answer - click.at_ms), 1)
            click.watched_ms = round(min(limit, max(0.0, now - click.at_ms)), 1)
            done.append(click)
        self._clicks = still
        return done

    # ----- queries the actor's waits use -----
    def first_change_after(self, t: float) -> float | None:
        """The first DOM change, navigation, download or new window after `t` (ms), if any."""
        dom = next((d for d in self._dom if d > t), None)
        nav = next((n for n, _, main in self._navs if n > t and main), None)
        answer = next((a for a in self._answers if a > t), None)
        found = [x for x in (dom, nav, answer) if x is not None]
        return min(found) if found else None

    def last_change(self) -> float:
        last_dom = self._dom[-1] if self._dom else 0.0
        last_nav = self._navs[-1][0] if self._navs else 0.0
        return max(last_dom, last_nav)

    def navigated_after(self, t: float) -> bool:
        return any(n > t and main for n, _, main in self._navs)

    def busy_after(self, t: float) -> list[Busy]:
        return [b for b in self._busy if b.at_ms > t and b.kinds]

    def busy_now(self) -> Busy | None:
        return self._busy_now

    def messages_after(self, t: float) -> list[Message]:
        seen: set[int] = set()
        out = []
        for m in [*self._messages, *(m for _, m in self._live.values())]:
            if m.appeared_ms > t and id(m) not in seen:
                seen.add(id(m))
                out.append(m)
        return sorted(out, key=lambda m: m.appeared_ms)

    def live_messages(self) -> list[Message]:
        return sorted((m for _, m in self._live.values()), key=lambda m: m.appeared_ms)

    def pending_requests(self, max_age_ms: float) -> int:
        now = self.clock.now()
        for key, (_, started) in list(self._pending.items()):
            if now - started > max_age_ms:
                del self._pending[key]  # long-poll or stuck: no longer a reason to wait
        return len(self._pending)

    # ----- form controls -----
    def snapshot(self, page: Any, paint: Callable[[Any], tuple[list[str], list[str]]] | None = None) -> list[Control]:
        """Ask every frame for its visible controls (bounded even when a page hangs) and keep them.

        With `paint` (frame -> (selectors, secret values)) the page script in each frame also paints the
        screenshot masks in the same call; the frames it painted are in `self.painted` until `unmask`."""
        self.painted: list[Any] = []
        if not self.enabled:
            return []
        got: list[Control] = []
        deadline = time.monotonic() + self.limits.probe_timeout_ms / 1000.0
        page_url = self.mask(page.url)
        for frame in page.frames:
            if frame.is_detached() or frame.url.startswith(("chrome-error:", "chrome:")):
                continue
            remaining = max(100.0, (deadline - time.monotonic()) * 1000.0)
            try:
                # wait_for_function, not evaluate: it is bounded, so a hung page cannot stop the journey
                arg = list(paint(frame)) if paint is not None else None
                handle = frame.wait_for_function(_SNAPSHOT_JS, arg=arg, timeout=remaining)
                snap = _snapshot_of(handle)
            except Exception as exc:  # noqa: BLE001 - a hung or cross-origin frame must not stop the journey
                if ("Timeout" in type(exc).__name__ or "Timeout" in str(exc)) and frame.parent_frame is None:
                    raise
                continue
            if snap.get("painted"):
                self.painted.append(frame)
            raws = [r for r in snap.get("controls", []) if isinstance(r, dict)]
            total = int(snap.get("total", 0) or 0)
            if frame.parent_frame is None:
                self._title = self.mask(str(snap.get("title", "")))[:300]
            frame_url = "" if frame.parent_frame is None else self.mask(frame.url)
            if total > len(raws):
                self._dropped["controls"] = max(self._dropped.get("controls", 0), total - len(raws))
            for raw in raws:
                got.append(self.control_from(raw, url=page_url, frame=frame_url))
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

    def unmask(self) -> None:
        """Take the masks painted by `snapshot(paint=...)` off again (bounded; a frame gone has none)."""
        painted, self.painted = self.painted, []
        for frame in painted:
            try:
                frame.wait_for_function(_UNMASK_JS, timeout=self.limits.probe_timeout_ms)
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
            invalid=bool(raw.get("invalid")), error=self.mask(str(raw.get("error", "")))[: self.limits.text],
            secret=secret, url=url, frame=frame,
        )
