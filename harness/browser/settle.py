"""Waiting like the persona: until the page answered and went quiet, patience ran out, or the bound hit.

Why real time: a person waits in real time, so the harness does too, bounded by the persona's
patience and `action_timeout_ms`; every wait is written down as a typed `Wait` with the signals the
recorder saw meanwhile (busy, status, progress, navigation). Why on evidence, not fixed windows: the
page script says when the page went quiet by its own clock (no change, no timer it set since the
action about to fire), so a wait ends as soon as that is true and the harness never asks the page
(a frozen page cannot hold it); what comes later is still recorded with the page's timestamps. When
the page can show nothing is left to run (loaded, no timer, frame or interval of its own due, every
request finished) its word ends the wait without a quiet window. A press that opened a new document is
answered by it: that document's own timers (a toast it schedules as it loads) do not hold the persona, and
what they draw is told with when they were set, so it is judged in the step that opened the page. Between its
looks a wait naps until the recorder hears something (nap.py), so it ends on the page's word as it comes.
"""

from __future__ import annotations

from collections.abc import Callable

from harness.browser.bounds import stretch
from harness.browser.errors import BrowserCrashed, PageHung
from harness.browser.evidence import set_before
from harness.browser.habits import Habits
from harness.browser.step_record import shows_progress
from harness.transcript import Wait, WaitKind, WaitOutcome

NAP_MS = 50.0  # the longest nap of a wait between two looks when nothing reaches the recorder


class Settle(Habits):
    """The wait after every action, and what it saw."""

    def _nap(self, ms: float) -> None:
        """Up to `ms` of real time, ended early by whatever the recorder hears next (nap.py: no call to the
        browser, and bounded by the client's own timer, so a frozen page cannot hold it)."""
        with self._guarded("wait"):
            self._rec.alarm.nap(self.page, ms)
        if self._rec.crashed:
            raise BrowserCrashed(f"while waiting: {self._rec.crashed}")

    def _look(self) -> None:
        """The wait's last look: one round trip through the driver to the page before the wait ends, so every event the
        browser had sent by then reaches the recorder first (a nap hears events only as they come, and on a loaded
        machine the driver's lag hid a form's post still to come, so a wait ended on the page being left); it brings
        back the top document's controls, which the step's end reads when nothing changed since (`Controls.look`).
        Bounded by probe_timeout_ms: a page that does not answer in time (frozen by its script, or a machine at load
        70) ends the look, nothing is reused, and the step's end asks the page again, as it did before the look."""
        try:
            with self._guarded("wait"):
                self._rec.look(self.page)
        except PageHung:
            self._rec.forget_snapshot()
        if self._rec.crashed:
            raise BrowserCrashed(f"while waiting: {self._rec.crashed}")

    def _observe(self, wait: Wait, started: float) -> None:
        """Fill a Wait's signals from what the recorder saw since `started`."""
        rec = self._rec
        first = rec.first_change_after(started)
        if first is not None:
            wait.responded_ms = round(max(0.0, first - started), 1)
        busy = rec.busy_after(started)
        statuses = [m for m in rec.messages_after(started) if not set_before(m.caused_ms, started)
                    and (m.kind in ("status", "timeout", "toast", "alert") or m.role in ("status", "progressbar"))]
        candidates = []
        if busy:
            candidates.append((busy[0].at_ms, busy[0].kinds[0]))
        if statuses:
            candidates.append((statuses[0].appeared_ms, "status"))
        if candidates:
            at, kind = min(candidates)
            wait.busy_signal_ms = round(max(0.0, at - started), 1)
            wait.busy_kind = kind
        # the words a person took in: a spinner's words kept for a screen reader are heard, not read
        hears = bool(self.journey.persona.assistive.screen_reader)
        texts = [*(b.text for b in busy if b.text), *(m.text for m in statuses if m.visible or hears)]
        for text in texts:
            if text and text not in wait.status_texts and len(wait.status_texts) < rec.limits.status_texts:
                wait.status_texts.append(text)
        wait.progress = any(b.progress for b in busy) or any(shows_progress(t, rec.lang) for t in texts)
        wait.navigated = rec.navigated_after(started)

    def _replied(self, after: float) -> bool:
        return any(m.kind in ("chat", "handoff") and m.speaker != "user" and not set_before(m.caused_ms, after)
                   for m in self._rec.messages_after(after))

    def _settle(self, what: str, started: float, kind: WaitKind, *, light: bool = False,
                again: Callable[[], None] | None = None, reply_after: float | None = None,
                no_action: bool = False) -> Wait:
        """Wait until the page answered and went quiet, the persona's patience ran out, or the bound hit."""
        rec = self._rec
        limits = rec.limits
        patience = self.journey.persona.patience
        bound = min(float(patience.give_up_ms), self._timeout)
        drawn_out = stretch(limits)
        silence_ms = patience.silence_ms * drawn_out  # on a loaded machine, as long as the site's own would be
        if light:
            bound = min(bound, 1500.0)
        wait = Wait(action=rec.mask(what)[:300], kind=kind, started_ms=started, stretch=round(drawn_out, 2))
        reacted: WaitOutcome = ""
        react_at = started
        floor = (min(limits.settle_quiet_ms, 120.0) if light else limits.click_watch_ms)
        next_at = started + 5.0  # the earliest time a deadline below can pass without any new event
        # the wait looked as it would end: one round trip first, to hear what the driver has; a wait that may end at
        # once (a fill's on a quiet page, one with no action) makes it its first look, not a nap and then the look
        look = light or no_action
        while True:
            if look:
                self._look()
            else:
                # Nap until the recorder hears something or the next deadline comes (no overshoot past it); at most
                # NAP_MS, for what only the clock tells (a document loading for settle_loading_ms, a stream's age).
                self._nap(min(NAP_MS, max(5.0, next_at - self._now())))
            now = self._now()
            self._observe(wait, started)
            elapsed = now - started
            pending = rec.pending_requests(bound)
            # the page's own word (no change, no timer it set since the action still due), and no frame changed
            # for settle_quiet_ms; a page that showed nothing is left to run needs no window when nothing was
            # done, or when the action led to a new document (the idle word is that document's own). Otherwise
            # the window stays: a form's post can reach the harness after the old page's idle word, and a wait
            # ended then acts on the page being left (seen under load, a multi-page form)
            idle = rec.page_idle() if no_action else rec.idle_since_navigation(react_at)
            quiet = rec.page_quiet(react_at) and (idle or now - rec.last_change() >= limits.settle_quiet_ms)
            busy_now = rec.busy_now() is not None
            answered_at = rec.first_change_after(react_at)
            # nothing was done: the page's quiet is the answer (a page already quiet ends the wait at once)
            answered = answered_at is not None or (no_action and (quiet or elapsed >= limits.settle_quiet_ms))
            # a page that keeps changing has settled after settle_churn_ms; one that stopped changing to read a
            # late answer it asked for has not (seen on a loaded machine: a chat's first question cut off), nor one
            # that says it is still loading or shows nothing yet (a reloaded app's form drawn in the next step)
            churned = (answered_at is not None and now - answered_at >= limits.settle_churn_ms
                       and not rec.awaiting(react_at) and not rec.still_loading())
            done = (answered and (quiet or churned) and pending == 0 and not busy_now
                    and (reply_after is None or self._replied(reply_after))
                    or not answered and pending == 0 and not busy_now
                    and (light and quiet or elapsed >= floor and (light or now >= rec.click_window_end())))
            if done and look:
                break
            look = done
            if done:
                continue
            silent = wait.responded_ms is None and wait.busy_signal_ms is None and not busy_now
            if (not reacted and not light and not no_action and silent and reply_after is None
                    and elapsed >= silence_ms):
                reacted = self._on_silence(what, again)
                if reacted:
                    react_at = self._now()
            # a page still loading or showing nothing yet is waited for past the bound, as a person waits for a page
            # that has not come, for as long as its loading window lasts (drawn out by the machine's load)
            if elapsed >= bound and not rec.still_loading():
                wait.timed_out = True
                break
            deadlines = [started + bound, started + floor, rec.last_change() + limits.settle_quiet_ms,
                         rec.click_window_end()]
            if no_action:
                deadlines.append(started + limits.settle_quiet_ms)
            if answered_at is not None:
                deadlines.append(answered_at + limits.settle_churn_ms)
            if not reacted:
                deadlines.append(started + silence_ms)
            now = self._now()
            next_at = min((d for d in deadlines if d > now), default=now + 20.0)
        self._observe(wait, started)
        wait.duration_ms = round(self._now() - started, 1)
        if wait.timed_out:
            rec.forget_snapshot()  # its last look is not how the page was left
        if wait.timed_out and bound >= float(patience.give_up_ms):
            wait.outcome = "gave-up"
        else:
            wait.outcome = reacted or "waited"
        self.journey.current_step().waits.append(wait)
        return wait
