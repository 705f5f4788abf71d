"""A wait's nap: real time passes in the client, ended early by the next thing the recorder hears.

Why in the client: a nap in the driver (`wait_for_timeout`) is a round trip per 5 to 20 ms tick, and a wait
hears the page's quiet word only when a tick returns; a nap in the page (`wait_for_function` on a promise its
script resolved with its word, the ninth session's, reverted) lost the driver's own timeout when the page froze
mid-nap, so a frozen page held the wait for as long as it stayed frozen. Here the recorder rings an `Alarm` on
every report and event it receives, and the client's own timer ends the nap otherwise: no call goes to the
driver, and nothing a page does can hold it.

Why a fallback: the nap runs on the sync client's private `_sync`. A Playwright without it, or whose `_sync` no longer
runs the nap to its end (it would return at once, and a wait would spin), naps in the driver instead, for the rest
of the run: slower, never a busy loop (tests/browser/test_nap.py pins both).
"""

from __future__ import annotations

import asyncio
import functools
import inspect
from collections.abc import Callable, Coroutine
from typing import Any


class Alarm:
    """Wakes the napping waits; the recorder rings it whenever a report or an event reaches it."""

    def __init__(self) -> None:
        self._sleepers: list[asyncio.Future[bool]] = []
        self._rings = 0  # how often it rang: a nap rung between its call and its sleep ends at once
        self.in_client = True  # naps run on the client's loop; False once this Playwright showed it cannot

    def ring(self) -> None:
        self._rings += 1
        for woken in self._sleepers:
            _wake(woken, True)

    def after(self, handler: Callable[..., Any]) -> Callable[..., Any]:
        """`handler`, then the alarm: whatever the recorder hears may end a wait (`wraps`: Playwright passes as many
        arguments as the handler's own signature takes). It reads that signature on every event it dispatches: taken
        once here, or each event unwraps to the handler and builds it anew (a few hundred a journey)."""
        @functools.wraps(handler)
        def handle(*args: Any) -> Any:
            try:
                return handler(*args)
            finally:
                self.ring()
        handle.__signature__ = inspect.signature(handler)  # type: ignore[attr-defined]
        return handle

    async def _until_rung(self, seconds: float, rings: int) -> bool:
        """True when the alarm rang (also between the nap's call and this sleep: not lost), False when time ran out."""
        if self._rings != rings:
            return True
        loop = asyncio.get_running_loop()
        woken: asyncio.Future[bool] = loop.create_future()
        timer = loop.call_later(seconds, _wake, woken, False)
        self._sleepers.append(woken)
        try:
            return await woken
        finally:
            timer.cancel()
            self._sleepers.remove(woken)

    def nap(self, page: Any, ms: float) -> bool:
        """Let up to `ms` pass, ended early when the alarm rings (then True); what came meanwhile is handled.

        It runs on the sync client's own event loop (`_sync`, what every call of Playwright's sync API runs
        through), which receives the driver's events while it waits; a client without it waits in the driver."""
        run = getattr(page, "_sync", None) if self.in_client else None
        if run is not None:
            rung = _run(run, self._until_rung(max(0.0, ms) / 1000.0, self._rings))
            if isinstance(rung, bool):
                return rung
            self.in_client = False  # `_sync` did not run the nap to its end: this Playwright is not the one known
        page.wait_for_timeout(ms)
        return False


def _run(run: Callable[[Any], Any], nap: Coroutine[Any, Any, bool]) -> Any:
    """What `run` made of the nap (a bool when it ran it to its end); a nap it never started is closed, unrun."""
    try:
        return run(nap)
    except TypeError:
        if inspect.getcoroutinestate(nap) != inspect.CORO_CREATED:
            raise  # the nap ran and failed: a fault of its own, not a `_sync` of another shape
        return None  # a `_sync` of another shape refused it unstarted
    finally:
        if inspect.getcoroutinestate(nap) == inspect.CORO_CREATED:
            nap.close()


def _wake(woken: asyncio.Future[bool], rung: bool) -> None:
    """End a nap once: the alarm and the timer may both come, and a done future takes no second result."""
    if not woken.done():
        woken.set_result(rung)
