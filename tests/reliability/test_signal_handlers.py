"""The stop handlers nest: the CLI installs them for every command and a run installs them again."""

from __future__ import annotations

import signal
import threading

import pytest

from harness.runner import interrupt

pytestmark = pytest.mark.unit


def _relays() -> int:
    return sum(t.name == "empathy-signal-relay" and t.is_alive() for t in threading.enumerate())


def test_nested_installs_share_one_relay_and_restore_the_outer_level() -> None:
    before = signal.getsignal(signal.SIGINT)
    relays = _relays()
    undo_outer = interrupt.install()
    outer_done = interrupt._STATE.done
    undo_inner = interrupt.install(workers=True)
    assert _relays() == relays + 1  # one relay for both levels
    assert interrupt._STATE.workers is True
    undo_inner()
    assert interrupt._STATE.workers is False
    assert interrupt._STATE.done is outer_done and not outer_done.is_set()  # the outer level still relays
    assert signal.getsignal(signal.SIGINT) is interrupt._handler
    undo_outer()
    assert signal.getsignal(signal.SIGINT) is before


def test_a_stop_during_the_inner_level_is_forgotten_by_the_next_run() -> None:
    undo_outer = interrupt.install()
    try:
        undo_inner = interrupt.install()
        with pytest.raises(KeyboardInterrupt):
            signal.raise_signal(signal.SIGINT)
        assert interrupt.requested() == signal.SIGINT
        undo_inner()
        undo_next = interrupt.install()
        assert interrupt.requested() is None
        undo_next()
    finally:
        undo_outer()
