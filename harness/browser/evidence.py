"""What the actor's waits ask the recorder: the page's changes, its word that it went quiet, requests, busy signals.

Why apart from the recorder's event handling: these are the evidence a wait ends on (settle.py), read
from what the recorder already keeps; nothing here asks the page.
"""

from __future__ import annotations

from collections import deque
from typing import Any, NamedTuple

from harness.browser.bounds import Clock, Limits, stretch
from harness.browser.step_record import Busy
from harness.transcript import Message

WRITES = ("POST", "PUT", "PATCH", "DELETE")  # what a page sends to change what the server keeps


def set_before(cause: float | None, t: float) -> bool:
    """A change or message drawn by a timer the page set before `t` (0 or None: no timer of the page drew it): it
    answers what happened when that timer was set, not what happened at `t`."""
    return cause is not None and 0 < cause < t


class Word(NamedTuple):
    """The top document's last report that it went quiet (page_script/settling.js)."""

    visit: str
    last: float  # its last change
    timers: list[tuple[float, float]]  # its own timers due soon: (set, due)
    awaits: list[tuple[float, float]]  # its requests and bodies still awaited: (started, stops holding)
    idle: bool  # nothing left to run
    calm: bool  # nothing left to run but its own timers
    at: float  # when the word reached the harness
    loading: bool = False  # the document was still loading (scripts, styles, pictures coming) or showed nothing yet


class Evidence:
    """The recorder's state as the waits read it; mixed into the Recorder, which keeps it up to date."""

    enabled: bool
    clock: Clock
    limits: Limits
    _dom: deque[tuple[float, float]]  # (when the DOM changed, when the timer that drew it was set, or 0)
    _navs: deque[tuple[float, str, bool]]
    _answers: deque[float]
    _held: deque[float]
    _busy: deque[Busy]
    _busy_now: Busy | None
    _quiet: Word | None
    _top_visit: str
    _top_change: float
    _top_began: float  # when the top document's visit began
    _word_since_nav: bool
    _pending: dict[int, tuple[Any, float]]
    _open: dict[int, float]
    _redirects: dict[int, float]
    _net_done: float
    _worked: float  # when the main thread's last long task ended
    _write_answered: float  # when the server last answered a write the page sent
    _frozen: deque[tuple[float, float]]  # the main thread's recent long tasks: (start, end)
    _messages: list[Message]
    _live: dict[tuple[str, int], tuple[int, Message]]

    def first_change_after(self, t: float) -> float | None:
        """The first DOM change, navigation, download or new window after `t` (ms), if any; a change drawn by a
        timer the page set before `t` (a toast it scheduled earlier) is no answer to what happened at `t`."""
        dom = next((d for d, cause in self._dom if d > t and not set_before(cause, t)), None)
        nav = next((n for n, _, main in self._navs if n > t and main), None)
        answer = next((a for a in self._answers if a > t), None)
        found = [x for x in (dom, nav, answer) if x is not None]
        return min(found) if found else None

    def last_change(self) -> float:
        last_dom = self._dom[-1][0] if self._dom else 0.0
        last_nav = self._navs[-1][0] if self._navs else 0.0
        return max(last_dom, last_nav)

    def page_quiet(self, since: float) -> bool:
        """The top document said it went quiet after its last change, and nothing it set going since `since` (the
        action) is still due (page_script/settling.js): a request it awaits, or a timer. When the document itself
        came after `since`, only its timers due within the quiet window hold (the rest of its loading); a later
        one is its own doing (a toast it schedules), told with when it was set and judged in the step it was set
        in. A document still loading, or loaded and still showing nothing at all, is not quiet for settle_loading_ms
        after it began (drawn out by the machine's load, as the persona's patience is: `bounds.stretch`): a page whose
        scripts are still coming, or have not drawn into the app's root yet, has not drawn its form, however long it
        has not changed (seen on a loaded machine: a tabbed form snapshotted whole, before the script that makes its
        tabs came; a reloaded single-page app read as blank, its form drawn in the next step). Without the page script
        there is no word: quiet."""
        if not self.enabled:
            return True
        word = self._current_word()
        if word is None or self.still_loading():
            return False
        timers = word.timers
        if self._new_document_since(since):
            timers = [(set_at, due) for set_at, due in timers if due <= word.last + self.limits.settle_quiet_ms]
        return not any(set_at >= since for set_at, _ in [*word.awaits, *timers])

    def still_loading(self) -> bool:
        """The top document is still coming, within settle_loading_ms of its start drawn out by the machine's load: it
        was navigated to and has sent no word yet, or its last word says it is still loading or shows nothing yet
        (changes since do not undo it). Such a page is neither quiet (page_quiet) nor churning: a person is still
        waiting for it."""
        if not self.enabled:
            return False
        if self._word_since_nav:
            # its latest word, though it changed since: a page that said it is still coming and then goes on changing
            # (its parts arriving) sends no word until it stops, and has said nothing else meanwhile
            word = self._quiet
            coming, began = word is not None and word.visit == self._top_visit and word.loading, self._top_began
        else:  # a page of the site (not a browser's error page) the page script has not spoken from yet
            navs = [(at, url) for at, url, main in self._navs if main]
            coming = bool(navs) and navs[-1][1].startswith(("http:", "https:", "file:"))
            began = max(self._top_began, navs[-1][0]) if navs else 0.0
        return coming and self.clock.now() - began < self.limits.settle_loading_ms * stretch(self.limits)

    def awaiting(self, since: float) -> bool:
        """The top document's word since its last change says it still reads an answer it asked for after `since`
        (a body that comes late): it is waiting, not churning. The page lets such a wait go after AWAIT_HORIZON_MS."""
        word = self._current_word()
        return self.enabled and word is not None and any(set_at >= since for set_at, _ in word.awaits)

    def _current_word(self) -> Word | None:
        """The top document's word, if it came after the document's last change (else it is out of date)."""
        word = self._quiet
        if word is None or word.visit != self._top_visit or word.last < self._top_change - 0.5:
            return None
        return word

    def page_idle(self, *, but_timers: bool = False) -> bool:
        """The top document showed nothing is left to run (loaded, no timer, frame or interval of its own due;
        `but_timers`: bar its own timers), after every frame's last change and after the last request finished,
        and no request is still coming (one older than settle_churn_ms is a stream): then a wait with no action
        needs no quiet window."""
        word = self._quiet
        if not self.enabled or word is None or word.visit != self._top_visit or not (word.calm if but_timers
                                                                                        else word.idle):
            return False
        now = self.clock.now()
        coming = any(now - started < self.limits.settle_churn_ms for started in self._open.values())
        return not coming and word.last >= (self._dom[-1][0] if self._dom else 0.0) - 0.5 and word.at >= self._net_done

    def _new_document_since(self, t: float) -> bool:
        return self._word_since_nav and self.navigated_after(t)

    def idle_since_navigation(self, t: float) -> bool:
        """The page showed nothing is left to run but its own timers in a word that came after its last main-frame
        navigation since `t`: the new document's own word, not the old one's sent before it was left."""
        return self._new_document_since(t) and self.page_idle(but_timers=True)

    def held_after(self, t: float) -> bool:
        """A double click's guard held its second click back after `t` (press.py): the page had changed under the
        pointer, so the second landed on nothing."""
        return any(h > t for h in self._held)

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

    def worked_at(self, max_age_ms: float) -> float:
        """The last moment the page was seen at work of its own (journey ms; 0: never): now while a write it sent
        within `max_age_ms` is under way (a save), or a read begun within settle_churn_ms (its start-up requests;
        an older one is a stream); else when the server last answered a write (the page draws what follows a save,
        its "Publish", only after the answer reached it: a loaded machine runs that later), or when its main
        thread's last long task ended (a single-page app running its scripts before it draws anything: the page can
        say nothing meanwhile), whichever came last."""
        now = self.clock.now()
        for request, started in self._pending.values():
            write = str(getattr(request, "method", "")).upper() in WRITES
            if now - started <= (max_age_ms if write else self.limits.settle_churn_ms):
                return now
        return max(self._worked, self._write_answered)

    def frozen_ms(self, since: float) -> float:
        """How long since `since` the page's main thread was held by its long tasks (it could answer nothing)."""
        return sum(max(0.0, end - max(start, since)) for start, end in self._frozen)

    def pending_requests(self, max_age_ms: float) -> int:
        """Requests still coming: not finished, or answered with a redirect whose next leg has not begun (for up to
        settle_quiet_ms after it finished: a redirect that leads nowhere holds no wait longer)."""
        now = self.clock.now()
        for key, (_, started) in list(self._pending.items()):
            redirected = self._redirects.get(key, 0.0)
            if now - started > max_age_ms or (redirected and now - redirected > self.limits.settle_quiet_ms):
                del self._pending[key]  # long-poll or stuck: no longer a reason to wait
                self._redirects.pop(key, None)
                self._open.pop(key, None)
        return len(self._pending)
