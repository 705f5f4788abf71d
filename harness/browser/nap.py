"""A wait's nap: real time passes in the client, ended early by the next thing the recorder hears.

Why in the client: a nap in the driver (`wait_for_timeout`) is a round trip per 5 to 20 ms tick, and a wait
hears the page's quiet word only when a tick returns; a nap in the page (`wait_for_function` on a promise its
script resolved with its word, the ninth session's, reverted) lost the driver's own timeout when the page froze
mid-nap, so a frozen page held the wait for as long as it stayed frozen. Here the recorder rings an `Alarm` on
every report and event it receives, and the client's own timer ends the nap otherwise: no call goes to the
driver, and nothing a page does can hold it.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from typing import Any


class Alarm:
    """Wakes the napping waits; the recorder rings it whenever a report or an event reaches it."""

    def __init__(self) -> None:
        self._sleepers: list[asyncio.Future[None]] = []
        self._rings = 0  # how often it rang: a nap rung between its call and its sleep ends at once

    def ring(self) -> None:
        self._rings += 1
        for woken in self._sleepers:
            _wake(woken)

    def after(self, handler: Callable[..., Any]) -> Callable[..., Any]:
        """`handler`, then the alarm: whatever the recorder hears may end a wait (`wraps`: Playwright passes as many
        arguments as the handler's own signature takes)."""
        @functools.wraps(handler)
        def handle(*args: Any) -> Any:
            try:
                return handler(*args)
            finally:
                self.ring()
        return handle

    async def _until_rung(self, seconds: float, rings: int) -> None:
        if self._rings != rings:  # the client handled an event as the call began, before this sleep: not lost
            return
        loop = asyncio.get_running_loop()
        woken: asyncio.Future[None] = loop.create_future()
        timer = loop.call_later(seconds, _wake, woken)
        self._sleepers.append(woken)
        try:
            await woken
        finally:
            timer.cancel()
            self._sleepers.remove(woken)

    def nap(self, page: Any, ms: float) -> None:
        """Let up to `ms` pass, ended early when the alarm rings; the events that came meanwhile are handled.

        It runs on the sync client's own event loop (`_sync`, what every call of Playwright's sync API runs
        through), which receives the driver's events while it waits; a client without it waits in the driver."""
        run = getattr(page, "_sync", None)
        if run is None:
            page.wait_for_timeout(ms)
            return
        run(self._until_rung(max(0.0, ms) / 1000.0, self._rings))


def _wake(woken: asyncio.Future[None]) -> None:
    if not woken.done():
        woken.set_result(None)
