"""The recorder: turns the page script's reports and Playwright's events into transcript parts.

Why a page script plus a binding: toasts and live-region updates come and go between Playwright
calls, and a binding delivers each report even when the page navigates right after. Times come
from the page's own clock, so Python's event-loop delays do not distort them. Every text passes
through `mask()` before it is kept, so secret values never reach the transcript. Everything kept
per step is capped; what was cut is listed in `truncated`.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Iterable
from contextlib import suppress
from typing import Any

from harness.browser.bounds import Clock, Limits
from harness.browser.classify import classify, drawn_as_error
from harness.browser.controls import Controls
from harness.browser.evidence import WRITES, Evidence, Word, set_before
from harness.browser.nap import Alarm
from harness.browser.opening import Route, prepare
from harness.browser.page_script import page_script
from harness.browser.step_record import Busy, StepRecord, shows_progress
from harness.browser.widgets import dialogs
from harness.transcript import MASK, Click, Control, Friction, LongTask, Message, Request, Submit

BINDING = "__empathyReport"
_PAGE_ERRORS_KEPT = 50  # the newest uncaught page errors, kept to be matched with clicks
_PAGE_ERROR_LEAD_MS = 50.0  # an error reported this soon before the click's own stamp is still its answer
class Recorder(Controls, Evidence):
    """Listens to one browser context for a whole journey; `drain()` hands over a step's worth."""

    def __init__(self, context: Any, clock: Clock, limits: Limits, *, secrets: Iterable[str] = (),
                 enabled: bool = True, guard: Route | None = None) -> None:
        self.context = context
        self.clock = clock
        self.limits = limits
        self.enabled = enabled
        self._secrets: list[str] = []
        self.add_secrets(secrets)
        self._live: dict[tuple[str, int], tuple[int, Message]] = {}  # (visit, id) -> (frame key, message)
        self._frame_visit: dict[int, str] = {}
        self._dom: deque[tuple[float, float]] = deque(maxlen=5000)
        self._busy: deque[Busy] = deque(maxlen=500)
        self._busy_now: Busy | None = None
        self._clicks: list[Click] = []  # clicks still watched for the page's answer
        self._page_errors: list[tuple[float, str]] = []  # (when, message): evidence for the clicks above
        self._navs: deque[tuple[float, str, bool]] = deque(maxlen=500)
        # answers to a click that change nothing on the page: a download started, a new tab or window opened
        self._answers: deque[float] = deque(maxlen=200)
        # the page began to go to another page (a link followed, a form sent): the browser shows its own progress,
        # so a click that did it is answered, however slow the next page (a slow answer is missing-reassurance's)
        self._leaving: deque[float] = deque(maxlen=200)
        self._held: deque[float] = deque(maxlen=50)  # when a double click's guard held its second click back
        # the top document's word that it went quiet (its visit, last change, timers due soon, whether it
        # showed nothing is left to run, when it came) and its changes
        self._quiet: Word | None = None
        self._top_visit = ""
        self._top_change = 0.0
        self._top_began = 0.0
        self._word_since_nav = False  # a quiet word came after the top frame's last navigation
        self._pending: dict[int, tuple[Any, float]] = {}
        self._open: dict[int, float] = {}  # requests not finished (body still coming), and when they started
        # requests answered with a redirect: 0, then when they finished; each stays pending until its next leg begins
        self._redirects: dict[int, float] = {}
        self._net_done = 0.0  # when the last request finished or failed (as it reached us)
        self._worked = 0.0  # when the main thread's last long task ended
        self._write_answered = 0.0  # when the server last answered a write the page sent (the page acts on it next)
        self._frozen: deque[tuple[float, float]] = deque(maxlen=64)  # its recent long tasks: (start, end)
        self._req_models: dict[int, Request] = {}
        self.crashed = ""
        self.painted: list[Any] = []  # frames whose page script painted screenshot masks
        self._title = ""
        self.page_errors: list[str] = []
        self.alarm = Alarm()  # rung whenever a report or event comes: a napping wait looks again (nap.py)
        self._reset_step()
        prepare(context, route=guard, binding=(BINDING, self.alarm.after(self._on_report)) if enabled else None,
                script=page_script() if enabled else None)  # with the journey's host guard, in one round trip
        for event, handler in (("request", self._on_request), ("response", self._on_response),
                               ("requestfinished", self._on_request_done),
                               ("requestfailed", lambda r: self._finish_request(r, r.failure or "failed")),
                               ("console", self._on_console), ("page", self.attach)):
            context.on(event, self.alarm.after(handler))
        for page in context.pages:
            self.attach(page)

    def _reset_step(self) -> None:
        self._messages: list[Message] = []
        self._requests: list[Request] = []
        self._console: list[str] = []
        self._friction: list[Friction] = []
        self._submits: list[Submit] = []
        self._long_tasks: list[LongTask] = []
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
            submits=list(self._submits), long_tasks=list(self._long_tasks),
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
        for event, handler in (("framenavigated", self._on_navigated),
                               ("download", lambda *_: self._answers.append(self.clock.now())),
                               ("popup", lambda *_: self._answers.append(self.clock.now())),
                               ("crash", lambda *_: setattr(self, "crashed",
                                                            "the page crashed (renderer process died)")),
                               ("pageerror", self._on_page_error), ("dialog", self._on_dialog)):
            page.on(event, self.alarm.after(handler))

    def _on_page_error(self, error: Any) -> None:
        text = self.mask(str(getattr(error, "message", error)))[: self.limits.text]
        self._page_errors = [*self._page_errors[-(_PAGE_ERRORS_KEPT - 1):], (self.clock.now(), text)]
        self._note_console(f"pageerror: {text}")

    def _on_navigated(self, frame: Any) -> None:
        now = self.clock.now()
        main = frame.parent_frame is None
        self._navs.append((now, frame.url, main))
        if main:
            self._word_since_nav = False
        if not frame.url.startswith(("http:", "https:", "file:")):
            self._close_frame(id(frame), now, keep_visit="")

    def _on_console(self, msg: Any) -> None:
        if msg.type == "error":
            self._note_console(self.mask(msg.text)[: self.limits.text])

    def _note_console(self, text: str) -> None:
        if len(self._console) < self.limits.console_per_step:
            self._console.append(text)
        else:
            self._drop("console_errors")

    def _on_request(self, request: Any) -> None:
        if request.resource_type in ("websocket", "eventsource", "manifest", "ping"):
            return
        started = self.clock.now()
        before = request.redirected_from  # the redirect this request follows: its leg is over only now
        if before is not None:
            for legs in (self._pending, self._open, self._redirects):
                legs.pop(id(before), None)
        self._pending[id(request)] = (request, started)
        self._open[id(request)] = started
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
        if str(getattr(request, "method", "")).upper() in WRITES:
            self._write_answered = self.clock.now()
        if request.resource_type != "document" and not 300 <= response.status < 400:
            self._pending.pop(id(request), None)  # documents and redirects go on: wait for them to finish
        if 300 <= response.status < 400 and id(request) in self._pending:  # only one held: its id stays its own
            self._redirects[id(request)] = 0.0
        model = self._req_models.get(id(request))
        if model is not None:
            model.status = response.status
            if model.duration_ms is None:
                model.duration_ms = round(self.clock.now() - model.started_ms, 1)

    def _finish_request(self, request: Any, failure: str = "") -> None:
        key = id(request)
        if not failure and key in self._redirects:
            # Why not done: Playwright tells a redirect finished before the request it leads to begins, and a wait
            # that looked in between saw nothing pending and ended on the page being left (a form's post answered
            # 302, seen once waits looked as each event came); pending_requests lets it go if no next leg comes.
            self._redirects[key] = self.clock.now()
        else:
            for legs in (self._pending, self._open, self._redirects):
                legs.pop(key, None)
        self._net_done = self.clock.now()
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

    # ----- page script reports -----
    def _on_report(self, source: Any, payload: Any) -> None:
        if isinstance(payload, str):  # a batch comes as one JSON string (page_script/facts.js)
            with suppress(ValueError):
                payload = json.loads(payload)
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
        t = self.clock.page(payload.get("t"))
        top = frame is None or frame.parent_frame is None
        if kind == "dom":
            at = self.clock.page(payload.get("at"), payload.get("t"))
            self._dom.append((at, self._caused(payload)))
            if top:
                self._top_change = max(self._top_change, at)
        elif kind == "quiet" and top:
            timers, awaits = ([(self.clock.at(a), self.clock.at(b)) for a, b in payload.get(key, [])[:25]]
                              for key in ("timers", "awaits"))
            self._quiet = Word(str(payload.get("visit")), self.clock.at(payload.get("last", 0)), timers, awaits,
                               idle=bool(payload.get("idle")), calm=bool(payload.get("calm") or payload.get("idle")),
                               at=self.clock.now(), loading=bool(payload.get("loading")))
            self._word_since_nav = True
        elif kind == "message":
            self._on_message(payload, frame, frame_key, t)
        elif kind == "longtask":
            task = LongTask(at_ms=self.clock.page(payload.get("at"), payload.get("t")),
                            duration_ms=round(float(payload.get("ms", 0)), 1))
            self._worked = max(self._worked, task.at_ms + task.duration_ms)
            self._frozen.append((task.at_ms, task.at_ms + task.duration_ms))
            if len(self._long_tasks) < self.limits.clicks_per_step:
                self._long_tasks.append(task)
            else:
                self._drop("long tasks")
        elif kind == "gone":
            entry = self._live.pop((str(payload.get("visit")), int(payload.get("id", 0))), None)
            if entry is not None and entry[1].disappeared_ms is None:
                entry[1].disappeared_ms = t
        elif kind == "busy":
            b = Busy(t, [str(k) for k in payload.get("kinds", [])][:5], self.mask(str(payload.get("text", "")))[:200],
                     bool(payload.get("progress")))
            b.progress = b.progress or shows_progress(b.text, self.lang)
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
                                      own=bool(payload.get("own")),
                                      validation_blocked=bool(payload.get("validation_blocked"))))
        elif kind == "leaving" and top:
            self._leaving.append(t)
        elif kind == "held":
            self._held.append(t)
        elif kind == "submit":
            self._submits.append(Submit(at_ms=t, selector=self.mask(str(payload.get("selector", "")))[:300]))
        elif kind == "visit":
            if top:
                self._top_visit, self._quiet, self._top_change, self._top_began = str(payload.get("visit")), None, t, t
            self._close_frame(frame_key, t, keep_visit=str(payload.get("visit")))
            self._frame_visit[frame_key] = str(payload.get("visit"))
            self._dom.append((t, 0.0))

    def _caused(self, payload: dict[str, Any]) -> float:
        """When the page set the timer whose handler made this change (0: another cause)."""
        cause = payload.get("cause")
        return self.clock.at(cause) if isinstance(cause, (int, float)) and cause > 0 else 0.0

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
        kind, speaker, question = classify({**raw, "text": text}, self.lang)
        url = self.mask(str(raw.get("url", "")))
        items, links = ([self.mask(str(x))[: self.limits.text] for x in raw.get(k) or []] for k in ("items", "links"))
        msg = Message(text=text, kind=kind, role=str(raw.get("role", "")), live=str(raw.get("live", "")),
                      speaker=speaker, question=question, field=self.mask(str(raw.get("field", ""))),
                      selector=str(raw.get("selector", ""))[:300], url=url, appeared_ms=t,
                      visible=bool(raw.get("visible", True)), browser_validation=bool(raw.get("browser_validation")),
                      landmark=str(raw.get("landmark", ""))[:40], focused=bool(raw.get("focused")),
                      own=bool(raw.get("own")), marked=drawn_as_error(raw, kind), caused_ms=self._caused(raw) or None,
                      items=items, links=links)  # its list items and its links' words, masked and cut as its text
        self._live[(str(raw.get("visit")), int(raw.get("id", 0)))] = (frame_key, msg)
        self._keep(msg)

    def _keep(self, msg: Message) -> None:
        if len(self._messages) < self.limits.messages_per_step:
            self._messages.append(msg)
        else:
            self._drop("messages")

    def _on_dialog(self, dialog: Any) -> None:
        """alert(), confirm() and prompt() are things the page told the person: kept as messages, then
        answered as a step asked beforehand, else dismissed as Playwright does when nobody listens."""
        text = self.mask(str(dialog.message or ""))[: self.limits.text]
        if dialog.type != "beforeunload" and text.strip():
            kind, _, _ = classify({"text": text, "role": "alertdialog", "in_dialog": True}, self.lang)
            now = self.clock.now()
            self._keep(Message(text=text, kind=kind, role="alertdialog", url=self.mask(str(dialog.page.url)),
                               appeared_ms=now, disappeared_ms=now, dialog=True))
        dialogs(dialog.page).handle(dialog)

    def _changed_since(self, t: float) -> bool:
        """Whether the page changed (its DOM, a navigation) since `t`: a snapshot taken then no longer shows it."""
        return self.last_change() >= t

    # ----- clicks and the page's answer -----
    def click_window_end(self) -> float:
        """When the newest watched click's window closes (0 with none): a wait must not end sooner.

        The page stamps a click when its event fires, after the harness started the action; on a loaded
        machine that gap grows, and a wait bounded from its own start would end the step before the
        click's answer (or its absence) was seen, and the click would land in the next step.
        """
        return max((c.at_ms + self.limits.click_watch_ms for c in self._clicks), default=0.0)

    def _answer_to(self, at: float, until: float) -> float | None:
        """The first DOM change, navigation (any frame, begun or done), download or new window after a click at `at`."""
        dom = [d for d, cause in self._dom if at < d <= until and not set_before(cause, at)]
        other = [t for t in (*(n for n, _, _ in self._navs), *self._answers, *self._leaving) if at - 5 <= t <= until]
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
            click.page_errors = [t for at, t in self._page_errors  # thrown by the page's answer to the click
                                 if click.at_ms - _PAGE_ERROR_LEAD_MS <= at <= click.at_ms + click.watched_ms]
            done.append(click)
        self._clicks = still
        return done
