"""A wait's nap (harness/browser/nap.py): in the client on this Playwright, in the driver on one that cannot.

What a Playwright upgrade could do to the nap, and what must follow: no `_sync` (it naps in the driver), a `_sync` of
another shape or one that returns without running the nap (it naps in the driver from then on, never a wait that
spins without napping). The clients here are test doubles of this module alone (no browser, no clock of the
machine's: a loop of their own, counted in turns); the last test runs the real client.
"""

from __future__ import annotations

import asyncio
import inspect
import time
import warnings
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from harness.browser.nap import Alarm
from tests.browser.conftest import calls_to_the_driver

LONG_MS = 3_600_000.0  # an hour: a nap this long ends only when rung


def _apart(loop: asyncio.AbstractEventLoop, work: Any) -> Any:
    """`loop.run_until_complete(work)` on a thread of its own: a worker whose browser tests ran first holds the sync
    Playwright's loop as running on this thread, and asyncio runs no second loop inside it."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(loop.run_until_complete, work).result()


class _DriverOnly:
    """A page whose client has no `_sync`: it can only wait in the driver."""

    def __init__(self) -> None:
        self.driver_naps: list[float] = []

    def wait_for_timeout(self, ms: float) -> None:
        self.driver_naps.append(ms)


class _Returns(_DriverOnly):
    """A `_sync` that hands back without running the nap (a changed Playwright: a nap of no time, a spinning wait)."""

    def __init__(self) -> None:
        super().__init__()
        self.asked = 0

    def _sync(self, awaitable: Coroutine[Any, Any, Any]) -> Any:
        self.asked += 1
        return awaitable


class _OtherShape(_Returns):
    def _sync(self, awaitable: Coroutine[Any, Any, Any], timeout: float) -> Any:  # type: ignore[override]
        raise AssertionError("never called: the nap passes one argument")


class _Runs(_DriverOnly):
    """A `_sync` that runs the nap to its end on a loop of its own, as Playwright's runs it on the client's."""

    def __init__(self) -> None:
        super().__init__()
        self.loop = asyncio.new_event_loop()

    def _sync(self, awaitable: Coroutine[Any, Any, Any]) -> Any:
        return _apart(self.loop, awaitable)


def test_a_client_without_sync_naps_in_the_driver() -> None:
    page = _DriverOnly()
    assert Alarm().nap(page, 30.0) is False
    assert page.driver_naps == [30.0]


def test_a_sync_that_does_not_run_the_nap_falls_back_to_the_driver_for_good() -> None:
    page, alarm = _Returns(), Alarm()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the unrun nap is closed, not left to warn "never awaited"
        alarm.nap(page, 30.0)
        alarm.nap(page, 20.0)
    assert page.driver_naps == [30.0, 20.0] and page.asked == 1 and not alarm.in_client


def test_a_sync_of_another_shape_falls_back_to_the_driver() -> None:
    page, alarm = _OtherShape(), Alarm()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        alarm.nap(page, 30.0)
    assert page.driver_naps == [30.0] and not alarm.in_client


class _FailsInside(_DriverOnly):
    """A `_sync` whose nap starts and then fails with a TypeError of its own (a fault, not another shape)."""

    def _sync(self, awaitable: Coroutine[Any, Any, Any]) -> Any:
        loop = asyncio.new_event_loop()
        task = loop.create_task(awaitable)
        loop.run_until_complete(asyncio.sleep(0))  # started: it sleeps on its first await
        task.cancel()
        loop.run_until_complete(asyncio.gather(task, return_exceptions=True))
        loop.close()
        raise TypeError("unsupported operand in the nap")


def test_a_type_error_inside_a_started_nap_is_raised_not_taken_for_another_shape() -> None:
    page, alarm = _FailsInside(), Alarm()
    with pytest.raises(TypeError, match="in the nap"):
        alarm.nap(page, 30.0)
    assert page.driver_naps == [] and alarm.in_client


def test_a_sync_that_runs_the_nap_naps_in_the_client_for_its_time() -> None:
    page, alarm = _Runs(), Alarm()
    began = time.monotonic()
    assert alarm.nap(page, 40.0) is False  # its time ran out
    assert time.monotonic() - began >= 0.04 and page.driver_naps == [] and alarm.in_client
    page.loop.call_later(0.01, alarm.ring)  # the recorder hears something: the nap ends then, in the client
    assert alarm.nap(page, 60_000.0) is True
    assert page.driver_naps == [] and alarm.in_client
    page.loop.close()


@pytest.mark.e2e
def test_this_playwright_naps_in_the_client(journey_for: Any, site: str, monkeypatch: Any) -> None:
    # The installed Playwright's `_sync` runs the nap to its end on the client's loop: no call to the driver, real time
    # passes (a lower bound: a nap that ran out waited at least its time, on any machine), and an event the page sends
    # ends it. A late report of the page's loading (a loaded machine sends it whenever) may end a nap early, rightly:
    # the nap is taken again until one runs out, each nap ended either by the alarm or by its full time.
    j = journey_for()
    j.begin_step("Given a page", "Given")
    j.actor.goto(f"{site}/toast.html")
    calls = calls_to_the_driver(monkeypatch)
    alarm = j.recorder.alarm
    for _ in range(100):
        began = time.monotonic()
        rung = alarm.nap(j.page, 50.0)
        took = time.monotonic() - began
        if not rung:
            break
    assert not rung and took >= 0.05 and calls == [] and alarm.in_client
    j.page.evaluate("() => setTimeout(() => document.body.append('changed'), 50)")
    calls.clear()
    assert alarm.nap(j.page, 60_000.0) is True  # ended by what the page sent (its word, its change), not its time
    assert calls == [] and alarm.in_client
    j.end_step()


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
            return _apart(loop, task)
        finally:
            loop.close()


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


def test_playwright_reads_a_rung_handlers_signature_without_building_it_per_event(monkeypatch: Any) -> None:
    # Playwright's client reads each handler's signature as it dispatches every event to it (how many arguments to
    # pass): a wrapper that only `wraps` the recorder's handler sent it unwrapping to the bound method and building
    # the signature anew each time (a few hundred a journey); the alarm's wrapper carries it, taken once.
    from playwright._impl._impl_to_api_mapping import ImplToApiMapping

    heard: list[object] = []

    class _Recorder:
        def on_frame(self, frame: object) -> None:
            heard.append(frame)

    built: list[object] = []
    build = inspect._signature_from_function  # type: ignore[attr-defined]

    def counted(*args: Any, **kwargs: Any) -> Any:
        built.append(args[1])
        return build(*args, **kwargs)

    alarm = Alarm()
    dispatch = ImplToApiMapping().wrap_handler(alarm.after(_Recorder().on_frame))
    monkeypatch.setattr(inspect, "_signature_from_function", counted)
    for n in range(20):
        dispatch(n, "an argument the handler does not take")
    assert heard == list(range(20)) and alarm._rings == 20  # as many arguments as it takes, then the alarm
    assert built == []
