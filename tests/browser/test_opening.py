"""Opening a journey: the host guard's route, the recorder's binding and its page script go to the driver together,
all answered before the first page opens; a Playwright of another shape gets them one by one, as before."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import take_step

OPENING = ("setNetworkInterceptionPatterns", "exposeBinding", "addInitScript")


def _in_flight_as_sent(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    """From now on, each call the client sends: its method, and how many of the opening's calls were unanswered then."""
    from playwright._impl.connection import Connection

    sent: list[tuple[str, int]] = []
    send = Connection.send_message_to_server

    def noted(self: Any, obj: Any, method: str, params: Any, options: Any) -> Any:
        sent.append((method, sum(c.method in OPENING for c in self._callbacks.values())))
        return send(self, obj, method, params, options)

    monkeypatch.setattr(Connection, "send_message_to_server", noted)
    return sent


@pytest.mark.e2e
def test_the_guard_the_binding_and_the_page_script_are_sent_together(journey_for: Any, site: str,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    # Before, each waited for the one before it: three round trips before the page could open.
    sent = _in_flight_as_sent(monkeypatch)
    j = journey_for()
    opening = [(m, n) for m, n in sent if m in OPENING]
    assert [m for m, _ in opening] == list(OPENING) and [n for _, n in opening] == [0, 1, 2], sent
    assert ("newPage", 0) in sent, sent  # the page opens once all three are answered: the page script is in place
    step = take_step(j, "Given the form", lambda: j.actor.goto(f"{site}/form-errors.html"))
    assert step.prompts and "There were errors." in [m.text for m in step.messages], step  # the page script reports
    j.begin_step("When the page reaches another host", "When")
    j.page.evaluate("fetch('http://other.example/collect?x=1').catch(() => {})")
    j.actor.wait(0.2)
    assert any(f.kind == "blocked-host" for f in j.end_step().friction)  # the guard routes as before


class _Shape:
    """A client's context: the public calls, and an async side whose binding takes other arguments."""

    def __init__(self, calls: list[str]) -> None:
        self.calls = calls
        outer = self

        class Impl:
            async def route(self, url: Any, handler: Any, times: Any) -> None:
                outer.calls.append("route together")

            def expose_binding(self, name: str) -> None:  # not the shape the sync API calls
                raise AssertionError("called with the sync API's arguments")

            async def add_init_script(self, script: str, path: Any) -> None:
                outer.calls.append("script together")

        self._impl_obj = Impl()

    def _wrap_handler(self, handler: Any) -> Any:
        return handler

    def _sync(self, coroutine: Any) -> Any:  # on a loop of its own, as the client runs its calls on its own
        import asyncio
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(1) as loop:
            return loop.submit(asyncio.run, coroutine).result()

    def route(self, *a: Any) -> None:
        self.calls.append("route alone")

    def expose_binding(self, *a: Any) -> None:
        self.calls.append("binding alone")

    def add_init_script(self, **k: Any) -> None:
        self.calls.append("script alone")


def test_a_playwright_of_another_shape_gets_what_it_does_not_take_one_by_one() -> None:
    from harness.browser.opening import prepare

    calls: list[str] = []
    prepare(_Shape(calls), route=("**", print), binding=("b", print), script="1")
    assert calls == ["route together", "script together", "binding alone"], calls
    calls.clear()
    bare = _Shape(calls)
    del bare._impl_obj  # no async side at all: every call through the public API, in order
    prepare(bare, route=("**", print), binding=("b", print), script="1")
    assert calls == ["route alone", "binding alone", "script alone"], calls


def test_a_call_that_fails_leaves_none_of_the_others_unanswered() -> None:
    # before: the first error ended the wait at once, the other calls left unanswered (cancelled by a loop that
    # closes, or answered later on the client's loop with their own errors never read): "all answered when it
    # returns" held only when none failed
    import asyncio

    from harness.browser.opening import prepare

    calls: list[str] = []
    shape = _Shape(calls)

    class Failing:
        async def route(self, url: Any, handler: Any, times: Any) -> None:
            raise RuntimeError("the driver refused the route")

        async def expose_binding(self, name: str, callback: Any) -> None:
            for _ in range(3):
                await asyncio.sleep(0)
            calls.append("binding together")

        async def add_init_script(self, script: str, path: Any) -> None:
            for _ in range(5):
                await asyncio.sleep(0)
            calls.append("script together")

    shape._impl_obj = Failing()
    with pytest.raises(RuntimeError, match="refused the route"):
        prepare(shape, route=("**", print), binding=("b", print), script="1")
    assert calls == ["binding together", "script together"], calls
