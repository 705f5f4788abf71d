"""A wait's nap (harness/browser/nap.py): in the client on this Playwright, in the driver on one that cannot.

What a Playwright upgrade could do to the nap, and what must follow: no `_sync` (it naps in the driver), a `_sync` of
another shape or one that returns without running the nap (it naps in the driver from then on, never a wait that
spins without napping). The stub pages are test doubles of this module alone; the last test runs the real client.
"""

from __future__ import annotations

import asyncio
import time
import warnings
from collections.abc import Coroutine
from typing import Any

import pytest

from harness.browser.nap import Alarm
from tests.browser.conftest import calls_to_the_driver


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
        return self.loop.run_until_complete(awaitable)


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
    # passes (a lower bound: the nap waits at least its time, on any machine), and an event the page sends ends it.
    j = journey_for()
    j.begin_step("Given a page", "Given")
    j.actor.goto(f"{site}/toast.html")
    calls = calls_to_the_driver(monkeypatch)
    alarm = j.recorder.alarm
    began = time.monotonic()
    alarm.nap(j.page, 50.0)
    assert time.monotonic() - began >= 0.05 and calls == [] and alarm.in_client
    j.page.evaluate("() => setTimeout(() => document.body.append('changed'), 50)")
    calls.clear()
    assert alarm.nap(j.page, 60_000.0) is True  # ended by what the page sent (its word, its change), not its time
    assert calls == [] and alarm.in_client
    j.end_step()
