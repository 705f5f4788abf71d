"""The page's own script holding the main thread before it answers is the site's time, as a request is."""

from __future__ import annotations

from harness.transcript import LongTask, Request

from .conftest import journey, run, url, wait


def _waits(task_at: float, task_ms: float, responded_ms: float | None, wait_ms: float = 12000) -> list[str]:
    """The missing-reassurance findings about a wait (12 s) for 100 ms of request and a long task."""
    t = journey({"text": 'I press "Log in"', "page": "/account",
                 "waits": [wait('click "Log in"', wait_ms, started_ms=1000, responded_ms=responded_ms)],
                 "requests": [Request(url=url("/session"), method="POST", status=200, resource="fetch",
                                      started_ms=1010, duration_ms=100)],
                 "long_tasks": [LongTask(at_ms=task_at, duration_ms=task_ms)]})
    return [f.message for f in run("missing-reassurance", t) if "silent" in f.message or " took " in f.message]


def test_a_page_frozen_before_it_answers_is_a_silent_wait() -> None:
    assert len(_waits(task_at=1120, task_ms=5000, responded_ms=5150)) == 1  # 100 ms of request, 5 s frozen


def test_drawing_the_answer_after_it_came_is_not_the_sites_silence() -> None:
    assert _waits(task_at=1200, task_ms=11000, responded_ms=150) == []  # the answer came in 150 ms


def test_a_freeze_the_harness_stopped_waiting_through_is_still_the_sites_silence() -> None:
    # the harness stopped waiting at 0.9 s (request done, no change yet); the page stayed frozen until 3.6 s
    assert len(_waits(task_at=1110, task_ms=2500, responded_ms=None, wait_ms=900)) == 1
