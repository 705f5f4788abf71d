"""The alarm and its nap (harness/browser/nap.py) on a client of our own: no browser, no clock of the machine's.

Why a client of our own: the nap runs on the sync client's event loop through Playwright's private `_sync`, and a
client without it naps in the driver; both ways must hold. The real client's way is proven end to end
(tests/browser/test_settle.py: a wait asks the driver nothing while it waits).
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Coroutine
from typing import Any

import pytest

from harness.browser.nap import Alarm

LONG_MS = 3_600_000.0  # an hour: a nap this long ends only when rung


class _Client:
    """Runs what a nap gives it on a loop of its own, as Playwright's sync client runs each call on its loop; rings
    `alarm` on the loop's turn `ring_on` (turn 0 comes before the nap's first step; it sleeps by turn 1), and gives
    up after 100 turns (turns, not time)."""

    def __init__(self, alarm: Alarm | None = None, ring_on: int = 1) -> None:
        self.alarm, self.ring_on = alarm, ring_on

    def _sync(self, coro: Coroutine[Any, Any, Any]) -> Any:
        loop = asyncio.new_event_loop()
        try:
            def turn(n: int) -> None:
                if task.done():
                    return
                if n == self.ring_on and self.alarm is not None:
                    self.alarm.ring()
                if n >= 100:
                    task.cancel()
                    return
                loop.call_soon(turn, n + 1)

            loop.call_soon(turn, 0)
            task = loop.create_task(coro)
            return loop.run_until_complete(task)
        finally:
            loop.close()


class _Driver:
    """A client without `_sync`: the nap waits in the driver."""

    def __init__(self) -> None:
        self.waited: list[float] = []

    def wait_for_timeout(self, ms: float) -> None:
        self.waited.append(ms)


def test_a_ring_ends_a_nap_on_the_clients_own_loop() -> None:
    alarm = Alarm()
    alarm.nap(_Client(alarm), LONG_MS)  # returns: rung on the loop's second turn, an hour before its timer
    assert alarm._sleepers == []


def test_a_ring_as_the_call_begins_is_not_lost() -> None:
    # The client may hand the recorder events left from its last call before the nap's first step: the ring came
    # with no sleeper yet, and the nap slept its whole length (up to a whole `wait`) with news already in.
    alarm = Alarm()
    alarm.nap(_Client(alarm, ring_on=0), LONG_MS)
    assert alarm._sleepers == []


def test_an_unrung_nap_ends_on_its_timer() -> None:
    alarm = Alarm()
    alarm.nap(_Client(), -5.0)  # nothing rings; a time already past ends it on the loop's first turns
    with pytest.raises(asyncio.CancelledError):
        alarm.nap(_Client(), LONG_MS)  # nothing rings and the hour is not up: still asleep after 100 turns
    assert alarm._sleepers == []


def test_a_client_without_its_own_loop_naps_in_the_driver() -> None:
    driver = _Driver()
    Alarm().nap(driver, 50.0)
    assert driver.waited == [50.0]


def test_a_handler_rings_the_alarm_even_when_it_fails_and_keeps_its_signature() -> None:
    alarm, rung = Alarm(), []
    alarm.ring = lambda: rung.append(True)  # type: ignore[method-assign]

    def on_event(event: Any) -> None:
        raise ValueError(event)

    handle = alarm.after(on_event)
    assert list(inspect.signature(handle).parameters) == ["event"]  # Playwright passes as many arguments as it takes
    with pytest.raises(ValueError, match="boom"):
        handle("boom")
    assert rung == [True]
